/* Incident runs, on every page: the run bar in the header (which run, open how long, when
 * the next stakeholder update is due) and the timeline that writes itself from the widgets'
 * "playbook:event"s. The run page's controls are run_page.js; store.js keeps each run's values
 * apart.
 *
 * The registry is store.RUNS: "current" -> the current run's id; "run:<id>" -> {id, start,
 * severity, closed} (ISO times; severity as declared, the live one is the run's "severity").
 * A run's events are its "timeline" scope: "<ISO time>#<tag>" -> {at, kind, text, page}.
 * A copy of a template that promises the next update (its data says "update") is an "update":
 * the timer counts from the last one, or from the start, and stops once the run is resolved.
 * "mitigate" and "resolve" are the moments the responder marks from the bar, each once, and
 * the bar then shows in words (closing a run asks for the resolved time); the
 * templates' {Mitigated at} and {Resolved at}, and the post-incident draft, take the last one.
 *
 *   playbook.runs                   what the run page shares: TIMELINE, meta(id), severityOf(id),
 *                                   events(id), eventsToStore(list),
 *                                   log(id, kind, text, page, at), nextUpdate(id) -> {due, minutes}
 *   playbook.runs.moment(list, name)  when events `list` (in time order) put the incident's
 *                                   "detected" (its first declaration), "mitigated" or
 *                                   "resolved" (the last mark): an ISO time, "" if never; the
 *                                   templates' times and the post-incident draft both ask
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const store = playbook && playbook.store;
  if (!store || playbook.runs) return;

  const TIMELINE = "timeline";
  const MINUTE = 60000;
  const MOMENTS = Object.freeze({ mitigate: "mitigated", resolve: "resolved" });
  // Each moment a template names: the event that marks it, and whether its first counts.
  const MARKS = Object.freeze({
    detected: ["declare", true],
    mitigated: ["mitigate", false],
    resolved: ["resolve", false],
  });
  const utc = playbook.utc;

  // Times -----------------------------------------------------------------------------------

  function inWords(ms) {
    const minutes = Math.round(Math.abs(ms) / MINUTE);
    return minutes < 1 ? "under a minute" : minutes + " min";
  }

  // Runs ------------------------------------------------------------------------------------

  function meta(id) {
    const value = id ? store.get(store.RUNS, "run:" + id) : undefined;
    // Stored values are data from anywhere (another tab, an older version): shapes are checked.
    const usable = value && typeof value === "object" && typeof value.start === "string" &&
      !isNaN(Date.parse(value.start));
    return usable ? value : null;
  }

  function severityOf(id) {
    const live = playbook.severity(store.inRun(id, store.SITE));
    const run = meta(id);
    return live || (run && typeof run.severity === "string" ? run.severity : "");
  }

  function events(id) {
    const stored = store.all(store.inRun(id, TIMELINE));
    return Object.keys(stored)
      .sort()
      .map(function (key) {
        return stored[key];
      })
      .filter(function (event) {
        return event && typeof event.at === "string" && typeof event.text === "string";
      });
  }

  function moment(list, name) {
    const mark = Object.prototype.hasOwnProperty.call(MARKS, name) ? MARKS[name] : null;
    const found = mark ? list.filter(function (event) {
      return event.kind === mark[0];
    }) : [];
    const event = mark && mark[1] ? found[0] : found[found.length - 1];
    return event ? event.at : "";
  }

  let tags = 0;
  function eventsToStore(list) {
    const changes = {};
    list.forEach(function (event) {
      tags += 1;
      const tag = Date.now().toString(36) + Math.random().toString(36).slice(2, 6) + tags;
      changes[event.at + "#" + tag] = {
        at: event.at,
        kind: event.kind,
        text: event.text,
        page: event.page || "",
      };
    });
    return changes;
  }

  function log(id, kind, text, page, at) {
    const event = { at: at || new Date().toISOString(), kind: kind, text: text, page: page || "" };
    store.setMany(store.inRun(id, TIMELINE), eventsToStore([event]));
  }

  function pageTitle() {
    const bar = document.querySelector("[data-playbook-runbar]");
    return (bar && bar.getAttribute("data-playbook-page-title")) || document.title;
  }

  /* When the next stakeholder update is due: the cadence of the run's severity after its last
   * update (or its start). A start back-dated past its first update counts from the
   * declaration instead, and `was` says when that first update was due. */
  function nextUpdate(id) {
    const run = meta(id);
    const minutes = playbook.minutes(severityOf(id));
    let last = run ? Date.parse(run.start) : NaN;
    let was = 0;
    events(id).forEach(function (event) {
      const at = Date.parse(event.at);
      if (event.kind === "update" && at > last) last = at, was = 0;
      if (event.kind === "declare" && at > last + minutes * MINUTE) was = last + minutes * MINUTE, last = at;
    });
    return { due: last + minutes * MINUTE, minutes: minutes, was: was };
  }

  // The widgets' events belong to the current run; without one, nothing is logged.
  document.addEventListener("playbook:event", function (event) {
    const id = store.run();
    const detail = event.detail || {};
    if (id && typeof detail.text === "string" && typeof detail.kind === "string") {
      log(id, detail.kind, detail.text, pageTitle());
    }
  });

  // The header bar ---------------------------------------------------------------------------

  function setupBar(bar) {
    const header = document.querySelector(".md-header__inner");
    if (header) {
      // Material: beside the title, before the palette toggle and the search. Its instant
      // navigation keeps the header and brings the next page's bar (runs.py): that one
      // replaces this page's, whose link and title belong to the page left behind.
      header.querySelectorAll("[data-playbook-runbar]").forEach(function (old) {
        old.remove();
      });
      const before = header.querySelector(".md-header__option, label[for='__search'], .md-search");
      header.insertBefore(bar, before);
      bar.classList.add("playbook-runbar--header");
    }
    const part = function (name) {
      return bar.querySelector("[data-playbook-runbar-" + name + "]");
    };
    let wasOverdue = null;
    // What the stored values say, read again only when they change: the clock ticks every
    // second, and a long incident's timeline is hundreds of entries.
    let state = null;

    function refresh() {
      const id = store.run();
      const run = meta(id);
      const list = run ? events(id) : [];
      state = run && {
        id: id,
        run: run,
        severity: severityOf(id),
        next: nextUpdate(id),
        mitigated: moment(list, "mitigated"),
        resolved: moment(list, "resolved"),
        commander: store.get(store.inRun(id, store.SITE), "field:incident commander"),
      };
      return render();
    }

    function render() {
      part("none").hidden = !!state;
      part("run").hidden = !state;
      bar.classList.remove("playbook-runbar--overdue");
      if (!state) {
        wasOverdue = null;
        return;
      }
      const now = Date.now();
      const id = state.id;
      const severity = state.severity;
      const next = state.next;
      part("id").textContent = id;
      part("severity").textContent = severity;
      part("severity").hidden = !severity;
      // Shown as text, whatever storage holds: a template value typed anywhere.
      part("commander").textContent = "IC " + state.commander;
      part("commander").hidden = !state.commander;
      const start = Date.parse(state.run.start);
      const clock = part("elapsed");
      // The state in words: "open 0:05:26" until marked, then when it was mitigated, resolved.
      const mark = state.resolved || state.mitigated;
      part("state").textContent = state.resolved ? "resolved at" : mark ? "mitigated at" : "open";
      clock.textContent = mark ? utc.clock(new Date(mark)) : playbook.duration(now - start);
      clock.setAttribute("datetime", mark || "PT" + Math.max(0, Math.floor((now - start) / 1000)) + "S");
      // Marked moments are done: aria-disabled, not disabled, keeps the keyboard's focus.
      bar.querySelectorAll("[data-playbook-runbar-mark]").forEach(function (button) {
        button.ariaDisabled = !!(state.resolved || state[MOMENTS[button.getAttribute("data-playbook-runbar-mark")]]) + "";
      });
      // Resolved: no more cadence, one final update, gone once an update is copied after it.
      const resolved = Date.parse(state.resolved);
      const overdue = !resolved && now > next.due;
      const due = part("due");
      due.hidden = next.due - next.minutes * MINUTE >= resolved;
      due.textContent = resolved
        ? "final update"
        : overdue
          ? "update overdue by " + inWords(now - next.due)
          : next.was
            ? "first update was due " + utc.clock(new Date(next.was))
            : "next update in " + inWords(next.due - now);
      due.title = resolved ? "" : "Stakeholder updates every " + next.minutes + " min" +
        (severity ? " for " + severity : "") + "; due " + utc.clock(new Date(next.due));
      bar.classList.toggle("playbook-runbar--overdue", overdue);
      if (overdue && wasOverdue === false) {
        part("alert").textContent = "Stakeholder update for " + id + " is overdue.";
      } else if (!overdue && wasOverdue) {
        part("alert").textContent = "";
      }
      wasOverdue = overdue;
    }

    bar.querySelectorAll("[data-playbook-runbar-mark]").forEach(function (button) {
      button.addEventListener("click", function () {
        const id = store.run();
        const kind = button.getAttribute("data-playbook-runbar-mark");
        // Each moment is marked once: a second click (or another tab's) logs nothing.
        const list = events(id);
        if (!meta(id) || !Object.prototype.hasOwnProperty.call(MOMENTS, kind) ||
          moment(list, "resolved") || moment(list, MOMENTS[kind])) return;
        const at = new Date().toISOString();
        log(id, kind, "Marked " + MOMENTS[kind], pageTitle(), at);
        playbook.announce(part("alert"), "Marked " + id + " " + MOMENTS[kind] + " at " + utc.clock(new Date(at)) + ".");
      });
    });

    const stops = [
      store.subscribe(store.RUNS, refresh),
      store.subscribe(TIMELINE, refresh),
      store.subscribe(store.SITE, refresh),
    ];
    const ticking = window.setInterval(render, 1000);
    refresh();
    bar.hidden = false;
    return function () {
      window.clearInterval(ticking);
      stops.forEach(function (stop) {
        stop();
      });
    };
  }

  playbook.define("runs", {
    TIMELINE: TIMELINE,
    meta: meta,
    severityOf: severityOf,
    events: events,
    moment: moment,
    eventsToStore: eventsToStore,
    log: log,
    nextUpdate: nextUpdate,
  });
  playbook.mount("[data-playbook-runbar]", setupBar);
})();
