/* playbook.runRecords: the incident runs as the run page changes them, over playbook.store
 * and playbook.runs, without a page: every run's registry entry, its values and timeline, its
 * export (snapshot), and the backups kept before a run is replaced or deleted. The run page's
 * parts (run_page.js, run_review.js) act through these; run_page.js shows what they return.
 *
 * Nothing is lost by a click: before a run is replaced (import, hand-off link, restore) or
 * deleted, a copy of it is kept under the scope "/backup:<ISO time>:<id>" ({why, at, current:
 * the run current before, run: its export}); the page offers Undo and lists the backups until
 * the person clears them. Backups together stay under BACKUP_LIMIT characters. A run's values
 * are written under a new generation ("gen" in the registry) each time it is declared or
 * replaced, so another tab's stale copy of the old values never comes back into it.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const { store, runs, runState } = playbook || {};
  // Material's instant navigation runs the page's scripts again on each visit: once is enough.
  if (!store || !runs || !runState || playbook.runRecords) return;

  // A fifth of the 5 MB Chromium gives a site's storage, which every page opened from disk
  // (or every site of one GitHub Pages account) shares: backups never crowd out the incident.
  const BACKUP_LIMIT = 1000000;
  const TIMELINE = runs.TIMELINE;
  const meta = runs.meta;
  const severityOf = runs.severityOf;
  const events = runs.events;
  const log = runs.log;
  const nextUpdate = runs.nextUpdate;
  const utcMinute = playbook.utc.minute;
  const utcStamp = playbook.utc.stamp;
  const COMMANDER = "field:incident commander";

  /* Every run this browser holds, latest start first. */
  function allRuns() {
    const registry = store.all(store.RUNS);
    return Object.keys(registry)
      .filter(function (key) {
        return key.startsWith("run:") && store.validRunId(key.slice(4)) && meta(key.slice(4));
      })
      .map(function (key) {
        // The key names the run; an id stored inside the value is not trusted.
        return Object.assign({}, meta(key.slice(4)), { id: key.slice(4) });
      })
      .sort(function (a, b) {
        return a.start < b.start ? 1 : a.start > b.start ? -1 : 0;
      });
  }

  /* "YYYY-MM-DD HH:MM" (UTC) or an ISO time with its zone -> Date, or null. */
  function parseStart(text) {
    const trimmed = text.trim();
    const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(trimmed);
    const date = new Date(local ? local[1] + "T" + local[2] + (local[3] || "") + "Z" : trimmed);
    return trimmed && !isNaN(date.getTime()) ? date : null;
  }

  function snapshot(id) {
    const run = meta(id);
    const scopes = {};
    store.scopesOf(id).forEach(function (scope) {
      if (scope === TIMELINE) return;
      const values = store.all(store.inRun(id, scope));
      if (Object.keys(values).length) scopes[scope] = values;
    });
    return {
      format: "playbook-run",
      version: runState.VERSION,
      site: store.site(),
      exported: new Date().toISOString(),
      run: { id: id, start: run.start, severity: severityOf(id), closed: run.closed || "" },
      scopes: scopes,
      events: events(id).map(function (event) {
        return { at: event.at, kind: event.kind, text: event.text, page: event.page || "" };
      }),
    };
  }

  function switchTo(id) {
    return store.set(store.RUNS, "current", id || undefined);
  }

  function newGen() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function register(id, run) {
    const changes = {};
    changes["run:" + id] = {
      id: id,
      start: run.start,
      severity: run.severity,
      closed: run.closed || "",
      gen: newGen(),
    };
    return store.setMany(store.RUNS, changes);
  }

  /* Values kept before any run was declared: counted, so declaring can offer to bring them. */
  function looseState() {
    let ticks = 0;
    let values = 0;
    store.scopesOf("").forEach(function (scope) {
      const stored = store.all(store.inRun("", scope));
      Object.keys(stored).forEach(function (key) {
        if (scope.startsWith("page:")) ticks += typeof stored[key] === "string" ? 1 : 0;
        else values += 1;
      });
    });
    return { ticks: ticks, values: values };
  }

  /* Copies the values kept before any run into run `id`. Each scope is cleared only once its
   * copy is written: a copy the browser refuses stays in this page, unsaved (the store writes
   * it when it can), and the values stay where they were. Returns whether all came in. */
  function bringIn(id) {
    let all = true;
    store.scopesOf("").forEach(function (scope) {
      const loose = store.inRun("", scope);
      const values = store.all(loose);
      if (!Object.keys(values).length) return;
      if (!store.setMany(store.inRun(id, scope), values)) {
        all = false;
        return;
      }
      const cleared = {};
      Object.keys(values).forEach(function (key) {
        cleared[key] = undefined;
      });
      store.setMany(loose, cleared);
    });
    return all;
  }

  function declare(id, start, severity, carry, commander) {
    // Registered first, so that what is written into the run carries its generation.
    let kept = register(id, { start: start, severity: severity });
    const brought = !carry || bringIn(id);
    const site = store.inRun(id, store.SITE);
    if (severity) kept = playbook.setSeverity(severity, site) && kept;
    // The templates' {Incident ID} is this run's id, unless the responder typed one.
    if (store.get(site, "field:incident id") === undefined) {
      kept = store.set(site, "field:incident id", id) && kept;
    }
    // The commander is a value of the run too: {Incident Commander} in every template.
    if (commander && store.get(site, COMMANDER) === undefined) {
      kept = store.set(site, COMMANDER, commander) && kept;
    }
    log(id, "declare", "Incident " + id + " declared" + (severity ? " (" + severity + ")" : ""), "");
    kept = switchTo(id) && kept;
    return { kept: kept && store.status(store.inRun(id, TIMELINE)).kept, brought: brought };
  }

  /* Closes run `id`, resolved at `resolved` (ISO): marked so, unless it already is. */
  function close(id, resolved) {
    const run = meta(id);
    const changes = {};
    const marked = runs.moment(events(id), "resolved");
    if (!marked || utcMinute(new Date(marked)) !== utcMinute(new Date(resolved))) {
      log(id, "resolve", "Marked resolved", "", resolved);
    }
    changes["run:" + id] = Object.assign({}, run, { closed: new Date().toISOString() });
    if (store.run() === id) changes.current = undefined;
    log(id, "close", "Run " + id + " closed", "");
    store.setMany(store.RUNS, changes);
  }

  function reopen(id) {
    const run = meta(id);
    const changes = { current: id };
    changes["run:" + id] = Object.assign({}, run, { closed: "" });
    store.setMany(store.RUNS, changes);
    log(id, "reopen", "Run " + id + " reopened", "");
  }

  function remove(id) {
    if (store.run() === id) switchTo("");
    const changes = {};
    changes["run:" + id] = undefined;
    store.setMany(store.RUNS, changes);
    return store.removeRun(id);
  }

  /* Makes `snap` run `snap.run.id` (under a new generation, whatever held that id before) and
   * makes `current` the current run (default: this one). True once all of it is kept. */
  function importRun(snap, current) {
    const id = snap.run.id;
    // Off the run first, so every widget hears of the new values when it comes back.
    if (store.run() === id) switchTo("");
    // Registered under its new generation before the old keys go: other tabs then see their
    // removal as meant, and do not write the old values back.
    let kept = register(id, snap.run);
    kept = store.removeRun(id) && kept;
    Object.keys(snap.scopes).forEach(function (scope) {
      kept = store.setMany(store.inRun(id, scope), snap.scopes[scope]) && kept;
    });
    kept = store.setMany(store.inRun(id, TIMELINE), runs.eventsToStore(snap.events)) && kept;
    return switchTo(current === undefined ? id : current) && kept;
  }

  /* The run's Incident Commander: its template value, which declaring sets. */
  function commanderOf(id) {
    const value = store.get(store.inRun(id, store.SITE), COMMANDER);
    return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
  }

  // Backups ----------------------------------------------------------------------------------

  // A backup is written once and never changed (its scope names its time and run): each is
  // read and validated once, not on every render.
  const readBackups = new Map();

  function backups() {
    return store
      .list("backup:")
      .map(function (scope) {
        if (readBackups.has(scope)) return readBackups.get(scope);
        const values = store.all(scope);
        const checked = runState.validate(values.run, store.site());
        const backup = {
          scope: scope,
          at: typeof values.at === "string" ? values.at : "",
          why: typeof values.why === "string" ? values.why : "",
          current: store.validRunId(values.current) ? values.current : "",
          size: JSON.stringify(values).length,
          snapshot: checked.ok ? checked.snapshot : null,
          error: checked.ok ? "" : checked.error.replace(/ Nothing was changed\.$/, ""),
        };
        readBackups.set(scope, backup);
        return backup;
      })
      .sort(function (a, b) {
        return a.scope < b.scope ? 1 : a.scope > b.scope ? -1 : 0;
      });
  }

  function used() {
    return backups().reduce(function (sum, backup) {
      return sum + backup.size;
    }, 0);
  }

  function size(characters) {
    if (characters >= 1e6) return Math.round(characters / 1e5) / 10 + " MB";
    return Math.max(1, Math.round(characters / 1000)) + " KB";
  }

  /* Removes the backup `scope`; true once it is gone. Emptied first: other tabs then know the
   * removal is meant, and do not write it back as they do after another page's clear(). */
  function dropBackup(scope) {
    const cleared = {};
    Object.keys(store.all(scope)).forEach(function (key) {
      cleared[key] = undefined;
    });
    store.setMany(scope, cleared);
    return store.remove(scope);
  }

  /* A copy of run `id` under a backup scope, before it is replaced or deleted. -> { scope }
   * once it is kept, or { problem } saying why not. */
  function keepBackup(id, why) {
    const values = { why: why, at: new Date().toISOString(), current: store.run(), run: snapshot(id) };
    const needed = JSON.stringify(values).length;
    if (used() + needed > BACKUP_LIMIT) {
      return {
        problem: "backups may use " + size(BACKUP_LIMIT) + " together, and this one (" +
          size(needed) + ") would go past that; clear old backups under Backups",
      };
    }
    const scope = "/backup:" + values.at + ":" + id;
    if (store.setMany(scope, values)) return { scope: scope };
    const status = store.status(scope);
    dropBackup(scope);
    return { problem: status.problem === "full" ? "this browser's storage is full" : status.detail };
  }

  function plain(value) {
    // A template value in a sentence: on one line, and short.
    const text = String(value).replace(/\s+/g, " ").trim();
    return "“" + (text.length > 60 ? text.slice(0, 60) + "…" : text) + "”";
  }

  /* The template values an import would change, as lines for people: those of run `snap`
   * against what this browser holds for its id (or, for a new run, against the current run). */
  function valueChanges(snap, mine) {
    const theirs = snap.scopes.site || {};
    const ours = mine || {};
    const names = Object.keys(theirs).concat(Object.keys(ours)).filter(function (name, index, all) {
      return name.startsWith("field:") && all.indexOf(name) === index;
    });
    return names.sort().reduce(function (lines, name) {
      const before = Object.prototype.hasOwnProperty.call(ours, name) ? ours[name] : undefined;
      const after = Object.prototype.hasOwnProperty.call(theirs, name) ? theirs[name] : undefined;
      if (JSON.stringify(before) === JSON.stringify(after)) return lines;
      const label = name.slice("field:".length);
      lines.push(
        after === undefined
          ? label + ": " + plain(before) + " is removed"
          : label + ": " + plain(after) + (before === undefined ? "" : ", was " + plain(before))
      );
      return lines;
    }, []);
  }

  playbook.define("runRecords", { BACKUP_LIMIT, COMMANDER, allRuns, parseStart, snapshot,
    switchTo, looseState, bringIn, declare, close, reopen, remove, importRun, commanderOf,
    backups, size, dropBackup, keepBackup, valueChanges });
})();
