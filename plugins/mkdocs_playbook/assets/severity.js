/* Severity lookup: enhances the widget rendered beside a severity matrix.
 *
 * Everything it knows about severities comes from the widget's markup (rendered from the
 * table's rows); this file only matches symptoms, announces the choice and keeps it as the
 * incident's severity in playbookStore (site scope, key "severity").
 */
(function () {
  "use strict";

  const KEY = "severity";
  const STOPWORDS = new Set(
    "a an and are as at be by for from in is it of on or our the to with we".split(" ")
  );

  function words(text) {
    return text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) {
        return word && !STOPWORDS.has(word);
      })
      .map(stem);
  }

  // Enough stemming for symptoms: "uploads failing" finds "upload failed".
  function stem(word) {
    const match = /^(.{3,}?)(?:ing|ed|es|s)$/.exec(word);
    return match ? match[1] : word;
  }

  function fits(queryWord, rowWords) {
    return rowWords.some(function (word) {
      return word.startsWith(queryWord) || (word.length >= 4 && queryWord.startsWith(word));
    });
  }

  /* Rows that fit a symptom best: most query words found in description and examples. */
  function bestRows(rows, query) {
    const wanted = words(query);
    if (!wanted.length) return [];
    let best = 0;
    let found = [];
    rows.forEach(function (row) {
      const score = wanted.filter(function (word) {
        return fits(word, row.words);
      }).length;
      if (score > best) {
        best = score;
        found = [row];
      } else if (score && score === best) {
        found.push(row);
      }
    });
    return found;
  }

  function line(parent, className, text) {
    const element = document.createElement("p");
    element.className = className;
    element.textContent = text;
    parent.appendChild(element);
  }

  function setup(section) {
    const store = window.playbookStore;
    const query = section.querySelector("[data-playbook-severity-query]");
    const result = section.querySelector("[data-playbook-severity-result]");
    const rows = Array.from(section.querySelectorAll('input[type="radio"]')).map(function (input) {
      return {
        input: input,
        severity: input.value,
        owner: input.dataset.owner,
        minutes: Number(input.dataset.minutes),
        description: input.dataset.description,
        words: words(input.dataset.description + "\n" + input.dataset.examples),
      };
    });
    let timer = 0;

    function show(row, note) {
      result.replaceChildren();
      if (note) line(result, "playbook-severity__note", note);
      if (!row) return;
      line(result, "playbook-severity__verdict", row.severity + " — " + row.description);
      line(result, "playbook-severity__owner", "Primary owner: " + row.owner);
      line(
        result,
        "playbook-severity__next",
        "Next: declare it and update stakeholders every " + row.minutes + " minutes."
      );
    }

    function mark(matches) {
      rows.forEach(function (row) {
        row.input.parentElement.classList.toggle("playbook-severity__option--match", matches.includes(row));
      });
    }

    function choose(row, note) {
      row.input.checked = true;
      show(row, note);
      const current = store && store.get(store.SITE, KEY);
      if (!current || current.value !== row.severity) {
        if (store) store.set(store.SITE, KEY, { value: row.severity, at: new Date().toISOString() });
        window.playbookWidgets.record(section, "severity", "Severity set to " + row.severity);
      }
    }

    function search() {
      const text = query.value.trim();
      if (!text) {
        mark([]);
        return;
      }
      const matches = bestRows(rows, text);
      mark(matches);
      if (!matches.length) {
        show(null, "No row matches “" + text + "”. Pick the description that fits.");
        return;
      }
      const names = matches.map(function (row) {
        return row.severity;
      });
      const note =
        matches.length > 1
          ? names.join(" and ") +
            (matches.length === 2 ? " both" : " all") +
            " fit; when in doubt, take the higher severity."
          : "";
      choose(matches[0], note);
    }

    function restore() {
      const saved = store && store.get(store.SITE, KEY);
      const row = saved && rows.find(function (candidate) {
        return candidate.severity === saved.value;
      });
      // Already shown (this widget made the change): keep its note.
      if (row && !row.input.checked) {
        row.input.checked = true;
        show(row, "");
      } else if (!row) {
        // Another incident run, with no severity yet.
        rows.forEach(function (candidate) {
          candidate.input.checked = false;
        });
        show(null, "");
      }
    }

    rows.forEach(function (row) {
      row.input.addEventListener("change", function () {
        if (row.input.checked) choose(row, "");
      });
    });
    query.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 250);
    });
    query.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        window.clearTimeout(timer);
        search();
      }
    });
    if (store) {
      const unsubscribe = store.subscribe(store.SITE, function (changes) {
        // Material's instant navigation may have swapped this page out.
        if (!section.isConnected) unsubscribe();
        else if (KEY in changes) restore();
      });
    }
    window.playbookWidgets.storageNotice(
      section.querySelector("[data-playbook-storage-notice]"),
      store ? store.SITE : ""
    );
    restore();
    section.hidden = false;
  }

  window.playbookWidgets.onPage(function () {
    window.playbookWidgets.each("[data-playbook-severity]", setup);
  });
})();
