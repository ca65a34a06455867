/* Template forms: fill in a communication template, preview it, copy it or mail it.
 *
 * Each form holds its template as data (template_form.html: its fields, its text cut at its
 * placeholders by the plugin, the one parser of placeholders, and its repeating lines); its
 * controls are cloned from the page's (template_form_controls.html, template_field.html per
 * field, template_rows.html per repeating line). Values live in playbook.store's site scope,
 * so every template on the site shares them: "field:<key>" for a field, "rows:<line's key>"
 * for the rows of a repeating line ([{key: value}]); the "#" after "SEV-" is the incident's severity
 * (playbook.severity).
 *
 * Times fill themselves until the responder types one, and say so ("automatic", in the field
 * and the preview): the incident's start is the run's start (without a run, when the first
 * value was typed: "first-typed"); detected, mitigated and resolved are the run's declaration
 * and its marked moments, the duration from its start to its resolution; other times are now;
 * the next update is now plus the cadence of the incident's severity. They follow the clock,
 * and are computed again when the responder copies: what is copied or mailed is the preview at
 * that moment. {Incident ID} is the run's id until one is typed.
 *
 * With a run declared, code shows what is known too (fillCode): a template's own block its
 * preview's values, inline code (data-playbook-fill, from the build: [start, end, as written,
 * key, kind] each) the typed values and what the run knows; without a run, code is as written.
 * The key "u" (outside a text field) goes to the update template's first empty field: on its
 * page, else by the run bar's link to it.
 *
 * Values are only ever text: textContent, .value and encodeURIComponent, never markup.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const store = playbook && playbook.store;
  // Claimed first: a second copy of this script stops here.
  if (!store || !playbook.define("templateForms", {})) return;

  const FIELD = "field:";
  const ROWS = "rows:";
  const FIRST_TYPED = "first-typed";
  const MINUTE = 60000;
  const utc = playbook.utc;
  // What the run knows of its own (inline code shows these, not the clock's times).
  const RUN_KINDS = ["start", "detected", "mitigated", "resolved", "duration"];
  let update = null; // focuses the first empty field of this page's update template

  const stamp = (iso) => (isNaN(Date.parse(iso)) ? "" : utc.stamp(new Date(iso)));
  const text = (value) => (typeof value === "string" ? value : "");
  const typedValue = (key) => text(store.get(store.SITE, FIELD + key));

  /* The current run as one render sees it, null without one: its id, its start, and its
   * moments (`moment(kind)`), its timeline read at most once however many fields ask. */
  function currentRun() {
    const runs = playbook.runs;
    const id = runs ? store.run() : "";
    const run = id && runs.meta(id);
    let events = null;
    return run ? {
      id: id,
      start: run.start,
      moment: (kind) => runs.moment(events = events || runs.events(id), kind),
    } : null;
  }

  /* The automatic value of a field of `kind` at `now`, "" when none is known: from `run`
   * (currentRun(): its start, its first declaration and last marked moments) or the clock. */
  function automatic(kind, now, firstTyped, run) {
    switch (kind) {
      case "start":
        return stamp(run ? run.start : firstTyped || now.toISOString());
      case "detected":
      case "mitigated":
      case "resolved":
        return run ? stamp(run.moment(kind)) : "";
      case "duration": {
        // From the start to the resolution, once resolved: between the minutes the stamps show.
        const minutes = (iso) => Math.floor(Date.parse(iso) / MINUTE);
        const end = run ? minutes(run.moment("resolved")) : NaN;
        return isNaN(end) ? "" : playbook.duration((end - minutes(run.start)) * MINUTE);
      }
      case "timestamp":
        return stamp(now.toISOString());
      case "next-update":
        return utc.clock(new Date(now.getTime() + playbook.minutes(playbook.severity()) * MINUTE));
    }
    return "";
  }

  // Placeholders in code --------------------------------------------------------------------

  const written = new WeakMap(); // <code> -> a copy of it as the page wrote it

  /* Shows `code` as written, then, given `value`, each spot [start, end, as written, key] of
   * its text whose value(key) is known as a <mark> holding that value as text, titled with
   * the placeholder. A placeholder the highlighter split across spans is cut out of them: the
   * spans stay, the value goes where it began. */
  function fillCode(code, spots, value) {
    if (!written.has(code)) written.set(code, code.cloneNode(true));
    code.replaceChildren(...written.get(code).cloneNode(true).childNodes);
    if (!value) return;
    const nodes = []; // [a text node, where it begins in the code's text]
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    let length = 0;
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, length]);
      length += walker.currentNode.length;
    }
    const all = code.textContent;
    const at = (offset) => {
      const node = nodes.findLast((candidate) => candidate[1] <= offset);
      return [node[0], offset - node[1]];
    };
    // From the last: what comes before a spot keeps its place.
    spots.slice().reverse().forEach((spot) => {
      const filled = value(spot[3]);
      if (!filled || all.slice(spot[0], spot[1]) !== spot[2]) return;
      const range = document.createRange();
      const mark = document.createElement("mark");
      range.setStart(...at(spot[0]));
      range.setEnd(...at(spot[1]));
      range.deleteContents();
      mark.className = "playbook-filled";
      mark.title = "Filled in: " + spot[2];
      mark.textContent = filled;
      range.insertNode(mark);
    });
  }

  // Inline code: the typed values and what the run knows, once a run is declared.
  playbook.mount("code[data-playbook-fill]", (code) => {
    const spots = JSON.parse(code.dataset.playbookFill);
    const kinds = {};
    spots.forEach((spot) => kinds[spot[3]] = spot[4]);
    const render = () => {
      const run = currentRun();
      fillCode(code, spots, run && ((key) => typedValue(key) ||
        (RUN_KINDS.includes(kinds[key]) ? automatic(kinds[key], new Date(), "", run) : "") ||
        (key === "incident id" ? run.id : "")));
    };
    const stops = [store.SITE, store.RUNS, "timeline"].map((name) => store.subscribe(name, render));
    render();
    return () => stops.forEach((stop) => stop());
  });

  // "u", as Material's own keys do, only outside what takes typing.
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const link = document.querySelector("a[data-playbook-runbar-due]");
    if (event.key !== "u" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented ||
      target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (update) update();
    else if (link) link.click();
    else return;
    event.preventDefault();
  });

  /* `fields` cloned from template_field.html into `holder`: [{ input, key, label, kind, tag,
   * reset }];
   * `row` ("" for the form's own) and `number` say which row their inputs belong to. */
  function addFields(holder, fields, id, row, number) {
    return fields.map(function (field, index) {
      const part = playbook.clone("template_field").firstElementChild;
      const input = part.querySelector("input");
      part.classList.add("playbook-form__field--" + field[2]);
      input.id = id + index;
      part.querySelector("label").htmlFor = input.id;
      part.querySelector("[data-playbook-label]").textContent = field[1];
      input.dataset.playbookField = field[0];
      input.dataset.playbookKind = field[2];
      input.dataset.playbookRow = row;
      input.dataset.playbookNumber = number;
      if (field[2] === "url") input.type = "url";
      const reset = part.querySelector("[data-playbook-reset]");
      reset.setAttribute("aria-label", "Make " + field[1] + " automatic again");
      holder.appendChild(part);
      const tag = part.querySelector("[data-playbook-auto]");
      return { input: input, key: field[0], label: field[1], kind: field[2], tag: tag, reset: reset };
    });
  }

  function setup(form) {
    const data = JSON.parse(form.querySelector('script[type="application/json"]').textContent);
    const ready = playbook.clone("template_field") && (!data.rows.length || playbook.clone("template_rows"));
    if (!ready || !playbook.enhance(form, "template_form_controls")) return null;
    const scope = store.SITE;
    const holder = form.querySelector(".playbook-form__fields");
    const fields = addFields(holder, data.fields, form.id + "-", "", "");
    const preview = form.querySelector("[data-playbook-preview]");
    const status = form.querySelector("[data-playbook-form-status]");
    const mailto = form.querySelector("[data-playbook-mailto]");
    const undo = form.querySelector("[data-playbook-undo]");
    const block = form.previousElementSibling && form.previousElementSibling.querySelector("code");
    // Where each placeholder stands in the block's text, up to the first repeating line.
    const spots = [];
    let length = 0;
    data.segments.every((segment) => {
      const raw = Array.isArray(segment) ? segment[1] : segment;
      if (typeof raw !== "string") return false;
      if (raw !== segment) spots.push([length, length + raw.length, raw, segment[0]]);
      length += raw.length;
      return true;
    });
    let cleared = null;
    let timer = 0;
    if (!data.subject) mailto.remove();

    /* Writes `changes` and renders once: the store tells render() of what it writes (subscribed
     * below); with nothing to write, nothing would tell it. */
    function write(changes) {
      if (Object.keys(changes).length) store.setMany(scope, changes);
      else render();
    }

    function typed(field) {
      if (field.kind === "severity") return playbook.severity().replace(/^SEV[- ]?/i, "");
      return typedValue(field.key);
    }

    // Repeating lines: a fieldset each, one group of fields per row ----------------------------

    const rows = data.rows.map(function (row, index) {
      const set = playbook.clone("template_rows").firstElementChild;
      set.querySelector("legend").textContent = "Rows of “" + row.text + "”";
      set.dataset.playbookRow = index;
      holder.after(set);
      return Object.assign({}, row, { element: set, key: ROWS + row.key, shown: [] });
    });

    function rowValues(row) {
      const stored = store.get(scope, row.key);
      const list = (Array.isArray(stored) ? stored : []).filter(function (values) {
        return values && typeof values === "object";
      });
      return list.length ? list : [{}];
    }

    function renderRows() {
      rows.forEach(function (row, index) {
        const list = rowValues(row);
        const groups = row.element.querySelector("[data-playbook-row-list]");
        while (row.shown.length < list.length) {
          const group = groups.appendChild(document.createElement("div"));
          const number = row.shown.length;
          group.className = "playbook-form__fields playbook-form__row";
          row.shown.push(addFields(group, row.fields, form.id + "-r" + index + "-" + number + "-", index, number));
        }
        while (row.shown.length > list.length) {
          row.shown.pop();
          groups.lastElementChild.remove();
        }
        row.shown.forEach(function (group, number) {
          group.forEach(function (field) {
            if (document.activeElement !== field.input) field.input.value = text(list[number][field.key]);
          });
        });
        row.element.querySelector("[data-playbook-remove-row]").hidden = list.length < 2;
      });
    }

    // The preview ---------------------------------------------------------------------------

    /* Appends `segments` to `target`: text, a placeholder ([field index, as written], valued by
     * `value(index)` -> { text, automatic }) or a repeating line ({ row }). */
    function fill(target, segments, value) {
      segments.forEach(function (segment) {
        if (typeof segment === "string") return target.append(segment);
        if (!Array.isArray(segment)) {
          const row = rows[segment.row];
          return rowValues(row).forEach(function (values, number) {
            if (number) target.append("\n");
            fill(target, row.segments, function (index) {
              return { text: text(values[row.fields[index][0]]) };
            });
          });
        }
        const found = value(segment[0]);
        const node = document.createElement(found.text ? "span" : "mark");
        node.textContent = found.text || segment[1];
        if (!found.text) node.className = "playbook-form__missing";
        else if (found.automatic) node.className = "playbook-form__automatic";
        target.append(found.text && !found.automatic ? found.text : node);
      });
    }

    function render() {
      const now = new Date();
      const firstTyped = text(store.get(scope, FIRST_TYPED));
      const run = currentRun();
      const values = fields.map(function (field) {
        const own = typed(field);
        const auto = automatic(field.kind, now, firstTyped, run) ||
          (run && field.key === "incident id" ? run.id : "");
        const shown = own || auto;
        if (document.activeElement !== field.input) field.input.value = shown;
        field.input.toggleAttribute("data-playbook-auto", !own && !!auto);
        field.tag.hidden = !!own || !auto;
        // A typed time can be made automatic again.
        field.reset.hidden = !own || !automatic(field.kind, now, now.toISOString(), run);
        return { text: shown, automatic: !own };
      });
      renderRows();
      preview.replaceChildren();
      fill(preview, data.segments, (index) => values[index]);
      if (block) fillCode(block, spots, run && ((index) => values[index].text));
      if (data.subject) {
        const lines = preview.textContent.split("\n");
        const subject = lines[0].replace(/^Subject:\s*/, "");
        const body = lines.slice(1).join("\n").replace(/^\n+/, "");
        mailto.href =
          "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
      }
    }

    /* Renders again as the minute turns: the automatic times follow the clock. */
    function tick() {
      render();
      timer = window.setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
    }

    function say(message) {
      playbook.announce(status, message);
    }

    function save(changes) {
      // Without a run, the incident started when the first value was typed.
      if (!store.get(scope, FIRST_TYPED) && !store.run()) changes[FIRST_TYPED] = new Date().toISOString();
      write(changes);
      if (cleared) {
        cleared = null;
        undo.hidden = true;
      }
    }

    /* The first field with nothing in it (automatic times count as filled), else Copy. */
    function focusFirstEmpty() {
      const empty = fields.find(function (field) {
        return !field.input.value;
      });
      (empty ? empty.input : form.querySelector("[data-playbook-copy]")).focus();
    }

    form.addEventListener("input", function (event) {
      const input = event.target;
      const key = input.dataset.playbookField;
      const changes = {};
      if (!key) return;
      if (input.dataset.playbookRow) {
        const row = rows[input.dataset.playbookRow];
        const list = rowValues(row).slice();
        const number = Number(input.dataset.playbookNumber);
        list[number] = Object.assign({}, list[number]);
        list[number][key] = input.value || undefined;
        changes[row.key] = list;
      } else if (input.dataset.playbookKind === "severity") {
        const number = input.value.trim().replace(/^SEV[- ]?/i, "");
        playbook.setSeverity(number ? "SEV-" + number : "");
      } else {
        changes[FIELD + key] = input.value || undefined;
      }
      save(changes);
    });

    // Typing over an automatic time replaces it whole.
    form.addEventListener("focusin", function (event) {
      if (event.target.hasAttribute("data-playbook-auto")) event.target.select();
    });
    form.addEventListener("focusout", render);

    // On change, not on input: one timeline entry per decision, not per keystroke.
    form.addEventListener("change", function (event) {
      const severity = playbook.severity();
      if (event.target.dataset.playbookKind === "severity" && severity) {
        playbook.record(form, "severity", "Severity set to " + severity);
      }
    });

    form.addEventListener("click", function (event) {
      const button = event.target.closest("button");
      const row = button && button.closest("[data-playbook-row]");
      const changes = {};
      if (!button) return;
      if (button.hasAttribute("data-playbook-reset")) {
        const field = fields.find(function (candidate) {
          return candidate.reset === button;
        });
        changes[FIELD + field.key] = undefined;
        save(changes);
        field.input.focus();
        say(field.label + " is automatic again.");
      } else if (row) {
        const list = rowValues(rows[row.dataset.playbookRow]);
        const adding = button.hasAttribute("data-playbook-add-row");
        changes[rows[row.dataset.playbookRow].key] = adding ? list.concat([{}]) : list.slice(0, -1);
        save(changes);
        if (adding) row.querySelector(".playbook-form__row:last-child input").focus();
      }
    });

    form.querySelector("[data-playbook-copy]").addEventListener("click", function () {
      // The times as they are now: the preview at this moment is what is copied.
      render();
      const done = function () {
        say("Copied the filled template.");
        playbook.record(
          form,
          data.update ? "update" : "copy",
          "Copied the “" + (data.name || "communication") + "” template" + (data.update ? " (stakeholder update)" : "")
        );
      };
      playbook.copy(preview.textContent).then(done, function () {
        say("Copy failed: select the preview and copy it by hand.");
      });
    });

    mailto.addEventListener("click", render);

    form.querySelector("[data-playbook-clear]").addEventListener("click", function () {
      const all = store.all(scope);
      const removal = {};
      cleared = {};
      Object.keys(all).forEach(function (key) {
        if (key.startsWith(FIELD) || key.startsWith(ROWS) || key === FIRST_TYPED) {
          cleared[key] = all[key];
          removal[key] = undefined;
        }
      });
      write(removal);
      undo.hidden = false;
      say("Cleared all template values for a new incident.");
    });

    undo.addEventListener("click", function () {
      write(cleared || {});
      cleared = null;
      undo.hidden = true;
      say("Restored the template values.");
    });

    function onHash() {
      if (location.hash !== "#" + form.id) return;
      // The browser moves the focus to a fragment's target itself once the page has loaded.
      if (document.readyState === "complete") window.setTimeout(focusFirstEmpty);
      else window.addEventListener("load", onHash, { once: true });
    }

    const stops = [playbook.storageNotice(form.querySelector("[data-playbook-storage-notice]"), scope)];
    // Values, the severity, and the run (its start, its marked moments) change the times.
    [scope, store.RUNS, "timeline"].forEach(function (name) {
      stops.push(store.subscribe(name, render));
    });
    window.addEventListener("hashchange", onHash);
    if (data.update && !update) update = focusFirstEmpty;
    tick();
    form.hidden = false;
    // Sent here by the run bar's "next update in ...": straight to what is left to type.
    onHash();
    return function () {
      if (update === focusFirstEmpty) update = null;
      window.clearTimeout(timer);
      window.removeEventListener("hashchange", onHash);
      window.removeEventListener("load", onHash);
      stops.forEach(function (stop) {
        stop();
      });
    };
  }

  playbook.mount("[data-playbook-form]", setup);
})();
