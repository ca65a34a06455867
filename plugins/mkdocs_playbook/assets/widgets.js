/* What every widget script shares: when to enhance a page, and the storage notice.
 *
 *   playbookWidgets.onPage(fn)              fn() on every page view: Material's document$
 *                                           (instant navigation) and DOMContentLoaded; fn
 *                                           must be idempotent (see each)
 *   playbookWidgets.each(selector, setup)   setup(element) once for each element not yet
 *                                           enhanced (marked data-playbook-ready)
 *   playbookWidgets.notice(status, noun)    what a notice says of store.status(): "" when
 *                                           all is kept; noun is "ticks" or "values"
 *   playbookWidgets.storageNotice(el, scope) keeps `el` (a hidden notice) showing why values
 *                                           of `scope` are not being kept, if they are not
 *   playbookWidgets.minutes(cadence, severity) minutes between stakeholder updates for
 *                                           `severity`, from a cadence {severity: minutes,
 *                                           default: minutes}; 15 without either
 *   playbookWidgets.copy(text)              a Promise, resolved once `text` is on the clipboard
 *   playbookWidgets.record(el, kind, text)  tells the incident timeline (runs.js) that the
 *                                           responder did something: a "playbook:event"
 *                                           event from `el`, detail {kind, text}
 *   playbookWidgets.utc.day(date)           "2026-11-27"      the one way the widgets write
 *   playbookWidgets.utc.minute(date)        "2026-11-27 13:02"  a time: UTC, as incident
 *   playbookWidgets.utc.clock(date)         "13:02 UTC"         timelines and templates do
 */
(function () {
  "use strict";
  if (window.playbookWidgets) return;

  // Material emits each page it shows on document$; DOMContentLoaded covers other themes and
  // file://, where Material's instant navigation never emits. Running twice is harmless.
  function onPage(fn) {
    function run() {
      fn();
      // scripts/bench times enhancement from DOMContentLoaded to the last of these marks.
      performance.mark("playbook:enhanced");
    }
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(run);
    }
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  function each(selector, setup) {
    document.querySelectorAll(selector + ":not([data-playbook-ready])").forEach(function (element) {
      element.setAttribute("data-playbook-ready", "");
      setup(element);
    });
  }

  function notice(status, noun) {
    const kept = " Your " + noun + " are kept in this tab; ";
    switch (status.problem) {
      case "":
        return "";
      case "full":
        return "Not saved: this browser's storage is full." + kept + "free space or export the run.";
      case "lost":
        return "Not saved: " + noun + " made here" +
          (Date.parse(status.detail) ? " at " + utc.minute(new Date(status.detail)) + " UTC" : "") +
          ", in another tab or before this page was reopened: this browser's storage was " +
          "full. Free space, then check them.";
      case "corrupt":
        if (status.kept) {
          return "Saved " + noun + " could not be read: " + status.detail + ". New " + noun + " are kept.";
        }
    }
    return "Not saved: " + status.detail + "." + kept + "keep it open, or export the run.";
  }

  function minutes(cadence, severity) {
    const own = function (name) {
      return Object.prototype.hasOwnProperty.call(cadence, name) && Number(cadence[name]);
    };
    return own(severity) || own("default") || 15;
  }

  function storageNotice(element, scope) {
    const store = window.playbookStore;
    function update() {
      element.textContent = notice(
        store ? store.status(scope) : { problem: "unavailable", detail: "its script did not load" },
        "values"
      );
      element.hidden = !element.textContent;
      return element.isConnected;
    }
    if (update() && store) {
      const unsubscribe = store.onStatus(function () {
        if (!update()) unsubscribe();
      });
    }
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyBySelection(text);
      });
    }
    return copyBySelection(text);
  }

  function copyBySelection(text) {
    // file:// pages and older browsers may refuse the async clipboard.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "playbook-clipboard";
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (_) {
      copied = false;
    }
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function record(element, kind, text) {
    element.dispatchEvent(
      new CustomEvent("playbook:event", { bubbles: true, detail: { kind: kind, text: text } })
    );
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  const utc = Object.freeze({
    day: function (date) {
      return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate());
    },
    minute: function (date) {
      return utc.day(date) + " " + pad(date.getUTCHours()) + ":" + pad(date.getUTCMinutes());
    },
    clock: function (date) {
      return pad(date.getUTCHours()) + ":" + pad(date.getUTCMinutes()) + " UTC";
    },
  });

  window.playbookWidgets = Object.freeze({
    onPage: onPage,
    each: each,
    notice: notice,
    minutes: minutes,
    storageNotice: storageNotice,
    copy: copy,
    record: record,
    utc: utc,
  });
})();
