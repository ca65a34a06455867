/* Severity lookup: clones its controls (severity_controls.html) around the options rendered
 * from the severity matrix's rows.
 *
 * Everything it knows about severities comes from those options; this file only matches
 * symptoms, announces the choice and makes it the incident's severity (playbook.setSeverity).
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const store = playbook && playbook.store;
  // Claimed first: a second copy of this script stops here.
  if (!store || !playbook.define("severityLookup", {})) return;

  const STOPWORDS = new Set(
    "a an and are as at be by for from in is it of on or our the to with we".split(" ")
  );

  function words(text) {
    return text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word && !STOPWORDS.has(word))
      .map(stem);
  }

  // Enough stemming for symptoms: "uploads failing" finds "upload failed".
  function stem(word) {
    const match = /^(.{3,}?)(?:ing|ed|es|s)$/.exec(word);
    return match ? match[1] : word;
  }

  function fits(queryWord, rowWords) {
    return rowWords.some((word) => word.startsWith(queryWord) || (word.length >= 4 && queryWord.startsWith(word)));
  }

  /* Rows that fit a symptom best: most query words found in description and examples. */
  function bestRows(rows, query) {
    const wanted = words(query);
    if (!wanted.length) return [];
    let best = 0;
    let found = [];
    rows.forEach((row) => {
      const score = wanted.filter((word) => fits(word, row.words)).length;
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
    if (!playbook.enhance(section, "severity_controls")) return null;
    const query = section.querySelector("[data-playbook-severity-query]");
    const result = section.querySelector("[data-playbook-severity-result]");
    const rows = Array.from(section.querySelectorAll('input[type="radio"]')).map((input) => {
      const description = input.parentElement.querySelector(".playbook-severity__description");
      return {
        input: input,
        severity: input.value,
        owner: input.dataset.owner,
        description: description.textContent,
        words: words(description.textContent + "\n" + input.dataset.examples),
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
        "Next: declare it and update stakeholders every " + playbook.minutes(row.severity) + " minutes."
      );
    }

    function mark(matches) {
      rows.forEach((row) => {
        row.input.parentElement.classList.toggle("playbook-severity__option--match", matches.includes(row));
      });
    }

    function choose(row, note) {
      row.input.checked = true;
      show(row, note);
      if (playbook.severity() !== row.severity) {
        playbook.setSeverity(row.severity);
        playbook.record(section, "severity", "Severity set to " + row.severity);
      }
    }

    function search() {
      clearTimeout(timer);
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
      const names = matches.map((row) => row.severity);
      const note =
        matches.length > 1
          ? names.join(" and ") +
            (matches.length === 2 ? " both" : " all") +
            " fit; when in doubt, take the higher severity."
          : "";
      choose(matches[0], note);
    }

    function restore() {
      const chosen = playbook.severity();
      const row = rows.find((candidate) => candidate.severity === chosen);
      // Already shown (this widget made the change): keep its note.
      if (row && !row.input.checked) {
        row.input.checked = true;
        show(row, "");
      } else if (!row) {
        // Another incident run, with no severity yet.
        rows.forEach((candidate) => {
          candidate.input.checked = false;
        });
        show(null, "");
      }
    }

    rows.forEach((row) => {
      row.input.addEventListener("change", () => {
        if (row.input.checked) choose(row, "");
      });
    });
    query.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    query.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        search();
      }
    });
    const stops = [
      playbook.storageNotice(section.querySelector("[data-playbook-storage-notice]"), store.SITE),
      store.subscribe(store.SITE, (changes) => {
        if ("severity" in changes) restore();
      }),
    ];
    restore();
    section.hidden = false;
    return () => {
      clearTimeout(timer);
      stops.forEach((stop) => {
        stop();
      });
    };
  }

  playbook.mount("[data-playbook-severity]", setup);
})();
