/* window.playbook: the one namespace of the playbook's scripts, and what they all share.
 * The other parts add theirs with define(): store (store.js), runs (runs.js) on every page,
 * runState, runRecords, runPage and runReview (the run page's bundle). static.BUNDLES says in
 * which order they load.
 *
 *   playbook.define(name, api)       adds part `name` (frozen, read-only); false if it is there
 *                                    (a part claims its name first: a second copy then stops)
 *   playbook.mount(selector, setup)  calls setup(element) once for each element matching
 *                                    `selector` on every page view (Material's document$, which
 *                                    instant navigation emits, else DOMContentLoaded), marked
 *                                    data-playbook-ready; what setup returns (a function) is its
 *                                    teardown, run at the first page view without the element.
 *                                    Returns a teardown of every element it mounted
 *   playbook.mounted(selector)       how many elements of `selector` are mounted now
 *   playbook.enhance(owner, name)    clones the page's controls `name` (<template
 *                                    data-playbook-controls>, rendered once per page) into
 *                                    `owner`, around its own content (the <slot>); false when the
 *                                    page has none
 *   playbook.clone(name, prefix)     a copy of those controls, their ids prefixed with `prefix`
 *   playbook.minutes(severity)       minutes between stakeholder updates for `severity`, from
 *                                    the build (update_cadence)
 *   playbook.severity(scope)         the incident's severity ("SEV-2"), "" when none is chosen
 *                                    (in `scope`, default the site scope of the current run)
 *   playbook.setSeverity(value, scope) makes `value` ("" none) the incident's severity (in
 *                                    `scope`, default the site scope of the current run)
 *   playbook.utc.day(date)           "2026-11-27"            the one way the scripts write a
 *   playbook.utc.minute(date)        "2026-11-27 13:02"      time: UTC, as incident timelines
 *   playbook.utc.clock(date)         "13:02 UTC"             and templates do
 *   playbook.utc.stamp(date)         "2026-11-27 13:02 UTC"
 *   playbook.duration(ms)            "1:02:03", hours, minutes and seconds
 *   playbook.plural(count, noun)     "1 tick", "2 ticks", "1,200 ticks"
 *   playbook.announce(element, text) says `text` in the live region `element`, again when the
 *                                    same text comes twice
 *   playbook.copy(text)              a Promise, resolved once `text` is on the clipboard
 *   playbook.record(el, kind, text)  tells the incident timeline (runs.js) that the responder
 *                                    did something: a "playbook:event" event from `el`
 *   playbook.notice(status, noun)    what a notice says of store.status(): "" when all is kept
 *                                    and nothing had to be written back; `noun` is "ticks"
 *                                    or "values"
 *   playbook.storageNotice(el, scope) keeps `el` (a hidden notice) saying why values of `scope`
 *                                    are not kept, if they are not; returns a teardown
 */
(function () {
  "use strict";
  if (window.playbook) return;

  const playbook = {};
  const mounts = []; // { selector, setup, live: Map(element -> teardown) }
  let shown = false; // a page view has happened: later mounts start at once

  function define(name, api) {
    if (Object.hasOwn(playbook, name)) return false;
    Object.defineProperty(playbook, name, { value: Object.freeze(api), enumerable: true });
    return true;
  }

  // Mounting -------------------------------------------------------------------------------

  function visit(entry) {
    document.querySelectorAll(entry.selector).forEach((element) => {
      if (entry.live.has(element)) return;
      element.setAttribute("data-playbook-ready", "");
      const teardown = entry.setup(element);
      entry.live.set(element, typeof teardown === "function" ? teardown : null);
    });
    // Gone with the page Material's instant navigation replaced, or replaced by a setup just
    // now (the run bar): let go of their subscriptions and timers.
    entry.live.forEach((teardown, element) => {
      if (element.isConnected) return;
      entry.live.delete(element);
      if (teardown) teardown();
    });
  }

  function pageView() {
    shown = true;
    mounts.forEach(visit);
    // scripts/bench times enhancement from DOMContentLoaded to the last of these marks.
    performance.mark("playbook:enhanced");
  }

  function mount(selector, setup) {
    const entry = { selector: selector, setup: setup, live: new Map() };
    mounts.push(entry);
    // A script inserted later (the run page's, by instant navigation) starts on this page.
    if (shown || document.readyState !== "loading") visit(entry);
    return () => {
      mounts.splice(mounts.indexOf(entry), 1);
      entry.live.forEach((teardown) => {
        if (teardown) teardown();
      });
      entry.live.clear();
    };
  }

  function mounted(selector) {
    return mounts.reduce((sum, entry) => sum + (entry.selector === selector ? entry.live.size : 0), 0);
  }

  // Material emits each page it shows on document$; DOMContentLoaded covers other themes and
  // file://, where Material's instant navigation never emits. A second visit changes nothing.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(pageView);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", pageView);

  // Cloned controls --------------------------------------------------------------------------

  const templates = new Map(); // name -> the page's <template>, found once per page
  function clone(name, prefix) {
    let template = templates.get(name);
    if (!template || !template.isConnected) {
      template = document.querySelector('template[data-playbook-controls="' + name + '"]');
      templates.set(name, template);
    }
    if (!template) return null;
    const part = template.content.cloneNode(true);
    if (prefix) {
      part.querySelectorAll("[id]").forEach((element) => {
        element.id = prefix + element.id;
      });
      part.querySelectorAll("label[for]").forEach((label) => {
        label.htmlFor = prefix + label.htmlFor;
      });
    }
    return part;
  }

  function enhance(owner, name) {
    const part = clone(name, owner.id);
    if (!part) return false;
    // The controls go around the widget's own content, which stays where it is: moving a
    // 500-step list costs more than the whole enhancement.
    const slot = part.querySelector("slot");
    const after = document.createDocumentFragment();
    while (slot && slot.nextSibling) after.appendChild(slot.nextSibling);
    if (slot) slot.remove();
    owner.insertBefore(part, owner.firstChild);
    owner.appendChild(after);
    return true;
  }

  // What the build says ----------------------------------------------------------------------

  let cadence = null; // the site's, read once: every page that carries it carries the same
  function minutes(severity) {
    // Every page that needs it carries the site's cadence, "default" included (the run bar,
    // the page's controls): from the build, never a number of our own.
    const holder = cadence ? null : document.querySelector("[data-playbook-cadence]");
    if (holder) cadence = JSON.parse(holder.getAttribute("data-playbook-cadence"));
    if (!cadence) return 0;
    // Own keys only: a severity named "constructor" is a name, not Object's constructor.
    const own = (name) => Object.hasOwn(cadence, name) ? Number(cadence[name]) : 0;
    return own(severity) || own("default");
  }

  // The incident's severity --------------------------------------------------------------------

  function severity(scope) {
    const store = playbook.store;
    const stored = store && store.get(scope || store.SITE, "severity");
    // Stored values are data from anywhere (another tab, an import): the shape is checked.
    return stored && typeof stored.value === "string" ? stored.value : "";
  }

  function setSeverity(value, scope) {
    const store = playbook.store;
    const stored = value ? { value: value, at: new Date().toISOString() } : undefined;
    return !!store && store.set(scope || store.SITE, "severity", stored);
  }

  // Words and times --------------------------------------------------------------------------

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  const utc = Object.freeze({
    day: (date) => date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1) + "-" + pad(date.getUTCDate()),
    minute: (date) => utc.day(date) + " " + pad(date.getUTCHours()) + ":" + pad(date.getUTCMinutes()),
    clock: (date) => pad(date.getUTCHours()) + ":" + pad(date.getUTCMinutes()) + " UTC",
    stamp: (date) => utc.minute(date) + " UTC",
  });

  function duration(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(seconds / 3600) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }

  function plural(count, noun) {
    return count.toLocaleString("en-US") + " " + noun + (count === 1 ? "" : "s");
  }

  const pending = new WeakMap(); // live region -> the timer that will fill it
  function announce(element, text) {
    // Emptied first, so that the same message twice is announced twice.
    element.textContent = "";
    clearTimeout(pending.get(element));
    pending.set(element, setTimeout(() => {
      element.textContent = text;
    }, 50));
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
          (Date.parse(status.detail) ? " at " + utc.stamp(new Date(status.detail)) : "") +
          ", in another tab or before this page was reopened: this browser's storage was " +
          "full. Free space, then check them.";
      case "cleared":
        return "Saved " + noun + " were cleared by another page; this tab saved them again.";
      case "corrupt":
        if (status.kept) {
          return "Saved " + noun + " could not be read: " + status.detail + ". New " + noun + " are kept.";
        }
    }
    return "Not saved: " + status.detail + "." + kept + "keep it open, or export the run.";
  }

  function storageNotice(element, scope) {
    const store = playbook.store;
    function update() {
      element.textContent = notice(
        store ? store.status(scope) : { problem: "unavailable", detail: "its script did not load" },
        "values"
      );
      element.hidden = !element.textContent;
    }
    update();
    return store ? store.onStatus(update) : () => {};
  }

  // The clipboard and the timeline -------------------------------------------------------------

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(() => copyBySelection(text));
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

  const shared = {
    define: define, mount: mount, mounted: mounted, clone: clone, enhance: enhance,
    minutes: minutes, severity: severity, setSeverity: setSeverity, utc: utc, duration: duration,
    plural: plural,
    announce: announce, notice: notice, storageNotice: storageNotice, copy: copy, record: record,
  };
  Object.keys(shared).forEach((name) => {
    define(name, shared[name]);
  });
  window.playbook = playbook;
})();
