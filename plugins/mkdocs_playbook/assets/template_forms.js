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
 * With a run declared, the placeholders of code (data-playbook-spot, from the build) show the
 * values typed and what the run knows; without a run, code is as written.
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
  let update = null; // focuses the first empty field of this page's update template

  const stamp = (iso) => (isNaN(Date.parse(iso)) ? "" : utc.stamp(new Date(iso)));
  const text = (value) => (typeof value === "string" ? value : "");

  /* The automatic value of a field of `kind` at `now`, "" when none is known: from `run`
   * (playbook.currentRun(), run_values.js: its start, moments, duration and id) or the clock. */
  function automatic(kind, now, firstTyped, run) {
    switch (kind) {
      case "start":
        return run ? run.value(kind) : stamp(firstTyped || now.toISOString());
      case "timestamp":
        return stamp(now.toISOString());
      case "next-update":
        return utc.clock(new Date(now.getTime() + playbook.minutes(playbook.severity()) * MINUTE));
    }
    return run ? run.value(kind) : "";
  }

  // "u", as Material's own keys do, only outside what takes typing.
  addEventListener("keydown", (event) => {
    const link = document.querySelector("a[data-playbook-runbar-due]");
    if (event.key != "u" || event.ctrlKey || event.metaKey || event.altKey ||
      event.target.closest("input,textarea,select,[contenteditable]")) return;
    event.preventDefault();
    update ? update() : link && link.click();
  });

  /* `fields` cloned from template_field.html into `holder`: [{ input, key, label, kind, tag,
   * reset }];
   * `row` ("" for the form's own) and `number` say which row their inputs belong to. */
  function addFields(holder, fields, id, row, number) {
    return fields.map(([key, label, kind], index) => {
      const part = playbook.clone("template_field").firstElementChild;
      const input = part.querySelector("input");
      const reset = part.querySelector("[data-playbook-reset]");
      part.classList.add("playbook-form__field--" + kind);
      part.querySelector("label").htmlFor = input.id = id + index;
      part.querySelector("[data-playbook-label]").textContent = label;
      Object.assign(input.dataset, { playbookField: key, playbookKind: kind, playbookRow: row, playbookNumber: number });
      if (kind === "url") input.type = "url";
      reset.setAttribute("aria-label", "Make " + label + " automatic again");
      holder.appendChild(part);
      return { input, key, label, kind, reset, tag: part.querySelector("[data-playbook-auto]") };
    });
  }

  function setup(form) {
    const data = JSON.parse(form.querySelector('script[type="application/json"]').textContent);
    const ready = playbook.clone("template_field") && (!data.rows.length || playbook.clone("template_rows"));
    if (!ready || !playbook.enhance(form, "template_form_controls")) return null;
    const scope = store.SITE;
    const holder = form.querySelector(".playbook-form__fields");
    const fields = addFields(holder, data.fields, form.id + "-", "", "");
    const part = (name) => form.querySelector("[data-playbook-" + name + "]");
    const preview = part("preview");
    const status = part("form-status");
    const mailto = part("mailto");
    const undo = part("undo");
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
      return text(store.get(scope, FIELD + field.key));
    }

    // Repeating lines: a fieldset each, one group of fields per row ----------------------------

    const rows = data.rows.map((row, index) => {
      const set = playbook.clone("template_rows").firstElementChild;
      set.querySelector("legend").textContent = "Rows of “" + row.text + "”";
      set.dataset.playbookRow = index;
      holder.after(set);
      return Object.assign({}, row, { element: set, key: ROWS + row.key, shown: [] });
    });

    function rowValues(row) {
      const stored = store.get(scope, row.key);
      const list = (Array.isArray(stored) ? stored : []).filter((values) => values && typeof values === "object");
      return list.length ? list : [{}];
    }

    function renderRows() {
      rows.forEach((row, index) => {
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
        row.shown.forEach((group, number) => {
          group.forEach((field) => {
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
      segments.forEach((segment) => {
        if (typeof segment === "string") return target.append(segment);
        if (!Array.isArray(segment)) {
          const row = rows[segment.row];
          return rowValues(row).forEach((values, number) => {
            if (number) target.append("\n");
            fill(target, row.segments, (index) => ({ text: text(values[row.fields[index][0]]) }));
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
      const run = playbook.currentRun ? playbook.currentRun() : null;
      const values = fields.map((field) => {
        const own = typed(field);
        const auto = automatic(field.kind, now, firstTyped, run);
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
      if (data.subject) {
        const [subject, ...body] = preview.textContent.split("\n");
        mailto.href = "mailto:?subject=" + encodeURIComponent(subject.replace(/^Subject:\s*/, "")) +
          "&body=" + encodeURIComponent(body.join("\n").replace(/^\n+/, ""));
      }
    }

    /* Renders again as the minute turns: the automatic times follow the clock. */
    function tick() {
      render();
      timer = setTimeout(tick, MINUTE - (Date.now() % MINUTE) + 50);
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
      const empty = fields.find((field) => !field.input.value);
      (empty ? empty.input : part("copy")).focus();
    }

    form.addEventListener("input", (event) => {
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
    form.addEventListener("focusin", (event) => {
      if (event.target.hasAttribute("data-playbook-auto")) event.target.select();
    });
    form.addEventListener("focusout", render);

    // On change, not on input: one timeline entry per decision, not per keystroke.
    form.addEventListener("change", (event) => {
      const severity = playbook.severity();
      if (event.target.dataset.playbookKind === "severity" && severity) {
        playbook.record(form, "severity", "Severity set to " + severity);
      }
    });

    form.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      const row = button && button.closest("[data-playbook-row]");
      const changes = {};
      if (!button) return;
      if (button.hasAttribute("data-playbook-reset")) {
        const field = fields.find((candidate) => candidate.reset === button);
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

    part("copy").addEventListener("click", () => {
      // The times as they are now: the preview at this moment is what is copied.
      render();
      const done = () => {
        say("Copied the filled template.");
        playbook.record(
          form,
          data.update ? "update" : "copy",
          "Copied the “" + (data.name || "communication") + "” template" + (data.update ? " (stakeholder update)" : "")
        );
      };
      playbook.copy(preview.textContent).then(done, () => {
        say("Copy failed: select the preview and copy it by hand.");
      });
    });

    mailto.addEventListener("click", render);

    part("clear").addEventListener("click", () => {
      const all = store.all(scope);
      const removal = {};
      cleared = {};
      Object.keys(all).forEach((key) => {
        if (key.startsWith(FIELD) || key.startsWith(ROWS) || key === FIRST_TYPED) {
          cleared[key] = all[key];
          removal[key] = undefined;
        }
      });
      write(removal);
      undo.hidden = false;
      say("Cleared all template values for a new incident.");
    });

    undo.addEventListener("click", () => {
      write(cleared || {});
      cleared = null;
      undo.hidden = true;
      say("Restored the template values.");
    });

    function onHash() {
      if (location.hash !== "#" + form.id) return;
      // The browser moves the focus to a fragment's target itself once the page has loaded.
      if (document.readyState === "complete") setTimeout(focusFirstEmpty);
      else addEventListener("load", onHash, { once: true });
    }

    const stops = [playbook.storageNotice(part("storage-notice"), scope)];
    // Values, the severity, and the run (its start, its marked moments) change the times.
    [scope, store.RUNS, "timeline"].forEach((name) => {
      stops.push(store.subscribe(name, render));
    });
    addEventListener("hashchange", onHash);
    if (data.update && !update) update = focusFirstEmpty;
    tick();
    form.hidden = false;
    // Sent here by the run bar's "next update in ...": straight to what is left to type.
    onHash();
    return () => {
      if (update === focusFirstEmpty) update = null;
      clearTimeout(timer);
      removeEventListener("hashchange", onHash);
      removeEventListener("load", onHash);
      stops.forEach((stop) => stop());
    };
  }

  playbook.mount("[data-playbook-form]", setup);
})();
