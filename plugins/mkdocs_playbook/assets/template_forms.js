/* Template forms: fill in a communication template, preview it, copy it or mail it.
 *
 * Each form holds its template as data (template_form.html: its fields, and its text cut at
 * its placeholders by the plugin, the one parser of placeholders); its controls are cloned
 * from the page's (template_form_controls.html, a template_field.html per field). Values live
 * in playbook.store's site scope as "field:<key>", so every template on the site shares them;
 * the "#" after "SEV-" is the incident's severity (playbook.severity). Values are only ever
 * text: textContent, .value and encodeURIComponent, never markup.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  if (!playbook || !playbook.define("templateForms", {})) return;

  const FIELD = "field:";

  function utcStamp(date) {
    return date.toISOString().slice(0, 16) + "Z";
  }

  // What the responder calls this template: the short paragraph or heading above its block.
  function templateName(form) {
    const block = form.previousElementSibling;
    let node = block && block.previousElementSibling;
    while (node && !/^(P|H[1-6])$/.test(node.tagName)) node = node.previousElementSibling;
    const name = node ? node.textContent.replace(/[¶#]\s*$/, "").replace(/\s+/g, " ").trim() : "";
    return name && name.length <= 80 ? name : "communication";
  }

  /* The form's fields, cloned from template_field.html: [{ input, key, kind }]. */
  function addFields(form, data) {
    const holder = form.querySelector(".playbook-form__fields");
    return data.fields.map(function (field, index) {
      const part = playbook.clone("template_field");
      const row = part.firstElementChild;
      const label = row.querySelector("label");
      const input = row.querySelector("input");
      const kind = field[2];
      row.classList.add("playbook-form__field--" + kind);
      input.id = form.id + "-" + index;
      label.htmlFor = input.id;
      label.textContent = field[1];
      input.dataset.playbookField = field[0];
      input.dataset.playbookKind = kind;
      if (kind === "url") input.type = "url";
      row.querySelectorAll("[data-playbook-for]").forEach(function (button) {
        if (button.getAttribute("data-playbook-for") !== kind) button.remove();
      });
      holder.appendChild(part);
      return { input: input, key: field[0], kind: kind };
    });
  }

  function setup(form) {
    const data = JSON.parse(form.querySelector('script[type="application/json"]').textContent);
    if (!playbook.enhance(form, "template_form_controls") || !playbook.clone("template_field")) {
      return null;
    }
    const store = playbook.store;
    const scope = store ? store.SITE : "";
    const fields = addFields(form, data);
    const preview = form.querySelector("[data-playbook-preview]");
    const status = form.querySelector("[data-playbook-form-status]");
    const mailto = form.querySelector("[data-playbook-mailto]");
    const undo = form.querySelector("[data-playbook-undo]");
    const memory = {}; // values when there is no store
    let cleared = null;
    if (!data.subject) mailto.remove();

    function read(key) {
      return store ? store.get(scope, key) : memory[key];
    }

    function write(changes) {
      if (store) store.setMany(scope, changes);
      else Object.assign(memory, changes);
    }

    function valueOf(field) {
      if (field.kind === "severity") return playbook.severity().replace(/^SEV[- ]?/i, "");
      const value = read(FIELD + field.key);
      return typeof value === "string" ? value : "";
    }

    function render() {
      const values = {};
      fields.forEach(function (field) {
        values[field.key] = valueOf(field);
        if (document.activeElement !== field.input) field.input.value = values[field.key];
      });
      preview.replaceChildren();
      // Text, or a placeholder: [index of its field, as written].
      data.segments.forEach(function (segment) {
        const value = typeof segment === "string" ? segment : values[fields[segment[0]].key];
        if (value) {
          preview.appendChild(document.createTextNode(value));
        } else {
          const missing = document.createElement("mark");
          missing.className = "playbook-form__missing";
          missing.textContent = segment[1];
          preview.appendChild(missing);
        }
      });
      if (data.subject) {
        const lines = preview.textContent.split("\n");
        const subject = lines[0].replace(/^Subject:\s*/, "");
        const body = lines.slice(1).join("\n").replace(/^\n+/, "");
        mailto.href =
          "mailto:?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
      }
    }

    function say(message) {
      status.textContent = message;
    }

    function save(field, value) {
      if (field.kind === "severity") {
        const number = value.trim().replace(/^SEV[- ]?/i, "");
        playbook.setSeverity(number ? "SEV-" + number : "");
      } else {
        const change = {};
        change[FIELD + field.key] = value || undefined;
        write(change);
      }
      if (cleared) {
        cleared = null;
        undo.hidden = true;
      }
      render();
    }

    fields.forEach(function (field) {
      const input = field.input;
      input.addEventListener("input", function () {
        save(field, input.value);
      });
      if (field.kind === "severity") {
        // On change, not on input: one timeline entry per decision, not per keystroke.
        input.addEventListener("change", function () {
          const severity = playbook.severity();
          if (severity) playbook.record(form, "severity", "Severity set to " + severity);
        });
      }
      const fill = input.parentElement.querySelector("[data-playbook-now], [data-playbook-next]");
      if (!fill) return;
      fill.addEventListener("click", function () {
        const now = new Date();
        if (fill.hasAttribute("data-playbook-now")) {
          input.value = utcStamp(now);
        } else {
          const severity = playbook.severity();
          const minutes = playbook.minutes(severity);
          input.value = playbook.utc.clock(new Date(now.getTime() + minutes * 60000));
          say("Next update in " + minutes + " minutes" + (severity ? " (" + severity + ")." : "."));
        }
        save(field, input.value);
      });
    });

    form.querySelector("[data-playbook-copy]").addEventListener("click", function () {
      const done = function () {
        say("Copied the filled template.");
        playbook.record(
          form,
          data.update ? "update" : "copy",
          "Copied the “" + templateName(form) + "” template" + (data.update ? " (stakeholder update)" : "")
        );
      };
      playbook.copy(preview.textContent).then(done, function () {
        say("Copy failed: select the preview and copy it by hand.");
      });
    });

    form.querySelector("[data-playbook-clear]").addEventListener("click", function () {
      const all = store ? store.all(scope) : Object.assign({}, memory);
      const removal = {};
      cleared = {};
      Object.keys(all).forEach(function (key) {
        if (key.startsWith(FIELD)) {
          cleared[key] = all[key];
          removal[key] = undefined;
        }
      });
      write(removal);
      undo.hidden = false;
      render();
      say("Cleared all template values for a new incident.");
    });

    undo.addEventListener("click", function () {
      if (cleared) write(cleared);
      cleared = null;
      undo.hidden = true;
      render();
      say("Restored the template values.");
    });

    const stops = [playbook.storageNotice(form.querySelector("[data-playbook-storage-notice]"), scope)];
    if (store) {
      stops.push(store.subscribe(scope, function (changes) {
        if (Object.keys(changes).some(function (key) {
          return key === "severity" || key.startsWith(FIELD);
        })) render();
      }));
    }
    render();
    form.hidden = false;
    return function () {
      stops.forEach(function (stop) {
        stop();
      });
    };
  }

  playbook.mount("[data-playbook-form]", setup);
})();
