/* Template forms: fill in a communication template, preview it, copy it or mail it.
 *
 * The template arrives cut at its placeholders (data-playbook-segments, built by the plugin, the
 * one parser of placeholders). Values live in playbookStore's site scope as "field:<key>", so
 * every template on the site shares them; the "#" after "SEV-" is the incident's severity
 * ("severity", set by the severity lookup). Values are only ever text: textContent, .value
 * and encodeURIComponent, never markup.
 */
(function () {
  "use strict";

  const SEVERITY = "severity";
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

  function setup(form) {
    const store = window.playbookStore;
    const scope = store ? store.SITE : "";
    const segments = JSON.parse(form.dataset.playbookSegments);
    const cadence = JSON.parse(form.dataset.playbookCadence);
    const inputs = Array.from(form.querySelectorAll("[data-playbook-field]"));
    const preview = form.querySelector("[data-playbook-preview]");
    const status = form.querySelector("[data-playbook-form-status]");
    const mailto = form.querySelector("[data-playbook-mailto]");
    const undo = form.querySelector("[data-playbook-undo]");
    const memory = {}; // values when there is no store
    let cleared = null;

    function read(key) {
      return store ? store.get(scope, key) : memory[key];
    }

    function write(changes) {
      if (store) store.setMany(scope, changes);
      else Object.assign(memory, changes);
    }

    function severityNumber() {
      const severity = read(SEVERITY);
      return severity && typeof severity.value === "string"
        ? severity.value.replace(/^SEV[- ]?/i, "")
        : "";
    }

    function valueOf(input) {
      if (input.dataset.playbookKind === "severity") return severityNumber();
      const value = read(FIELD + input.dataset.playbookField);
      return typeof value === "string" ? value : "";
    }

    function valuesByKey() {
      const values = {};
      inputs.forEach(function (input) {
        values[input.dataset.playbookField] = valueOf(input);
      });
      return values;
    }

    function render() {
      const values = valuesByKey();
      inputs.forEach(function (input) {
        if (document.activeElement !== input) input.value = values[input.dataset.playbookField];
      });
      preview.replaceChildren();
      segments.forEach(function (segment) {
        if (segment[0] === "text") {
          preview.appendChild(document.createTextNode(segment[1]));
        } else if (values[segment[1]]) {
          preview.appendChild(document.createTextNode(values[segment[1]]));
        } else {
          const missing = document.createElement("mark");
          missing.className = "playbook-form__missing";
          missing.textContent = segment[2];
          preview.appendChild(missing);
        }
      });
      if (mailto) {
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

    function save(input, value) {
      if (input.dataset.playbookKind === "severity") {
        const severity = value.trim() ? "SEV-" + value.trim().replace(/^SEV[- ]?/i, "") : undefined;
        const change = {};
        change[SEVERITY] = severity && { value: severity, at: new Date().toISOString() };
        write(change);
      } else {
        const change = {};
        change[FIELD + input.dataset.playbookField] = value || undefined;
        write(change);
      }
      if (cleared) {
        cleared = null;
        undo.hidden = true;
      }
      render();
    }

    inputs.forEach(function (input) {
      input.addEventListener("input", function () {
        save(input, input.value);
      });
      if (input.dataset.playbookKind === "severity") {
        // On change, not on input: one timeline entry per decision, not per keystroke.
        input.addEventListener("change", function () {
          const severity = read(SEVERITY);
          if (severity && severity.value) {
            window.playbookWidgets.record(form, "severity", "Severity set to " + severity.value);
          }
        });
      }
      const fill = input.parentElement.querySelector("[data-playbook-now], [data-playbook-next]");
      if (!fill) return;
      fill.addEventListener("click", function () {
        const now = new Date();
        if (fill.hasAttribute("data-playbook-now")) {
          input.value = utcStamp(now);
        } else {
          const severity = read(SEVERITY);
          const name = severity && severity.value;
          const minutes = window.playbookWidgets.minutes(cadence, name);
          input.value = window.playbookWidgets.utc.clock(new Date(now.getTime() + minutes * 60000));
          say("Next update in " + minutes + " minutes" + (name ? " (" + name + ")." : "."));
        }
        save(input, input.value);
      });
    });

    form.querySelector("[data-playbook-copy]").addEventListener("click", function () {
      const text = preview.textContent;
      const done = function () {
        say("Copied the filled template.");
        const update = form.hasAttribute("data-playbook-update");
        window.playbookWidgets.record(
          form,
          update ? "update" : "copy",
          "Copied the “" + templateName(form) + "” template" + (update ? " (stakeholder update)" : "")
        );
      };
      window.playbookWidgets.copy(text).then(done, function () {
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

    if (store) {
      const unsubscribe = store.subscribe(scope, function (changes) {
        if (!form.isConnected) unsubscribe();
        else if (Object.keys(changes).some(function (key) {
          return key === SEVERITY || key.startsWith(FIELD);
        })) render();
      });
    }
    window.playbookWidgets.storageNotice(form.querySelector("[data-playbook-storage-notice]"), scope);
    render();
    form.hidden = false;
  }

  window.playbookWidgets.onPage(function () {
    window.playbookWidgets.each("[data-playbook-form]", setup);
  });
})();
