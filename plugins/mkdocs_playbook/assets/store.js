/* playbook.store: the incident state the playbook's widgets keep in localStorage.
 *
 *   const store = window.playbook.store;
 *   store.SITE                      scope for site-wide incident values (severity, fields)
 *   store.pageScope(element)        scope of the page holding `element`: its data-playbook-page,
 *                                   else the page's (the controls' data-playbook-page)
 *   store.get(scope, key)           stored JSON value, or undefined (own keys only)
 *   store.all(scope)                { key: value } copy of a whole scope
 *   store.set(scope, key, value)    value undefined removes; returns true once read back
 *   store.setMany(scope, changes)   { key: value|undefined } in one write; returns the same
 *   store.subscribe(scope, fn)      fn(changes, source) with source "local", "tab" (another
 *                                   tab, via the storage event) or "run" (the current run
 *                                   changed); returns an unsubscribe function
 *   store.status(scope)             { kept, problem, detail }: kept is false while values live
 *                                   in memory only; problem is "" | "unavailable" | "full" |
 *                                   "corrupt" | "newer" | "unconfirmed" | "lost" | "cleared"
 *                                   (written back after another page removed it); detail is
 *                                   for people
 *   store.onStatus(fn)              fn() when any status changes; returns an unsubscribe function
 *   store.keyOf(scope)              the localStorage key that holds a scope
 *   store.recoveries()              how many entries this page restored from its second copy
 *   store.list(prefix)              the "/" scopes whose name starts with `prefix` ("backup:")
 *   store.remove(scope)             removes a whole scope; true once it is gone
 *
 * Incident runs: every scope belongs to the current run, so last week's ticks stay out of
 * today's incident. The run registry (scope RUNS, not per run) holds "current" (the current
 * run's id; absent: the implicit default run) and "run:<id>" ({id, start, severity, closed,
 * gen}; gen is new each time the run is declared or replaced).
 *   store.site()                    this site's name (the `<site>` of every key)
 *   store.run()                     the current run's id; "" for the default run
 *   store.RUNS                      scope of the run registry; setting its "current" switches
 *                                   the run on every tab: subscribers of each scope get the
 *                                   differences, with source "run"
 *   store.inRun(id, scope)          `scope` of run `id` ("" the default run), whatever the
 *                                   current run: for reading and writing another run
 *   store.scopesOf(id)              names of the scopes run `id` holds values in
 *   store.removeRun(id)             removes every value of run `id`; true once removed
 *   store.validRunId(id)            whether `id` can name a run (letters, digits, . _ -)
 *
 * Keys are `playbook:<site>:<scope>` for the default run and `playbook:<site>:run:<id>:<scope>`
 * for a declared one, each holding {"schema": 1, "saved": ms, "gen": run's gen, "changed":
 * [names this write changed], "values": {...}}.
 *
 * Nothing is shown as kept unless it is. A change the browser refuses stays in memory, marked
 * unsaved for its key (status "full"), until that very change is written: it is written again
 * after any later successful write, on every storage event, on pagehide and when the page
 * comes back. `playbook-unsaved:<site>` is the ledger of scopes with unsaved changes, for
 * other tabs and the next visit (status "lost"): a fixed-size entry reserved while there is
 * room, so that noting a refusal never needs more storage. A scope leaves it once written.
 *
 * Another page of the origin may clear storage or remove a key (every project site of a GitHub
 * Pages account shares one origin), with a storage event or without one (a script of this page,
 * another page of this tab). A key this page read values from and finds gone is written again
 * from what this page holds (status "cleared"), with no name listed as changed, so other tabs
 * add what they hold. Removals this site makes on purpose are told apart: a run's keys go only
 * once the registry no longer holds that generation of the run, and other scopes (backups) are
 * emptied before they go (a page back from the back/forward cache, which heard neither, writes
 * such a scope back); the registry and the default run's keys are never removed.
 *
 * Two tabs writing one key within the storage event's delay: each write names what it changed,
 * and a tab whose change another tab's write dropped without meaning to writes it again.
 *
 * sessionStorage keeps a second copy of this tab's last write (or of its unsaved values),
 * restored on load if the browser dropped the localStorage one (newer `saved` wins, so other
 * tabs' later writes stand; a copy of another generation of the run is never restored).
 * (From file://, Chromium sometimes reloads a tab with an empty sessionStorage: best effort.)
 * The site is the `content` of <meta name="playbook-site">, else the first data-playbook-site
 * attribute, else the origin (http) or the site's folder (file://): the page's controls
 * (controls.html), the run bar and the run page carry data-playbook-site="{{ site_id }}" (from
 * the extension's settings), the controls data-playbook-page="{{ page_id }}" (from PageContext).
 * Unreadable entries are copied to `playbook-backup:<site>:<scope>:<time>` before they are
 * replaced; entries of a newer schema are never written.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  if (!playbook || playbook.store) return;

  const SCHEMA = 1;
  const SITE = "site";
  // A scope starting with "/" names its key outright, whatever the current run.
  const RUNS = "/runs";
  const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
  // Room for the ledger's list of scopes; past it, the ledger says "*" (several pages).
  const LEDGER_SIZE = 2000;
  const FULL = "browser storage is full";
  const records = new Map(); // storage key -> { raw, values, problem, detail }
  // storage key -> this page's changes there: { gen, values: Map(name -> value), unsaved: Set
  // of the names not yet written, why: the problem that refused them }
  const mine = new Map();
  const lastSaved = new Map(); // storage key -> `saved` of this page's last confirmed write
  const listeners = new Map(); // scope -> Set(fn)
  const statusListeners = new Set();
  let storage = null;
  let mirror = null; // sessionStorage: the second copy
  let recovered = 0;
  let globalProblem = "";
  let globalDetail = "";
  let activeRun = null; // the current run's id ("" default) once read from the registry
  let retrying = false;

  function openStorage() {
    const probe = "playbook-probe";
    try {
      storage = window.localStorage;
      storage.setItem(probe, probe);
      storage.removeItem(probe);
      // Without the ledger's room, a refusal could not be noted for the next visit.
      if (storage.getItem(ledgerKey()) === null && !setLedger([])) setGlobal("full", FULL);
    } catch (error) {
      // A full storage still reads: keep it for reading, and say writes will fail.
      if (isQuota(error)) setGlobal("full", FULL);
      else unavailable(error);
    }
  }

  function openMirror() {
    try {
      mirror = window.sessionStorage;
      mirror.getItem("playbook-probe");
    } catch (_) {
      mirror = null;
    }
  }

  function mirrorWrite(key, raw) {
    try {
      if (mirror) mirror.setItem(key, raw);
    } catch (_) {
      // The second copy is a safeguard, not the record.
    }
  }

  function recover(key, raw) {
    // Once per key and page: the tab's own last write, if localStorage lost it.
    let copy = null;
    try {
      copy = mirror ? mirror.getItem(key) : null;
    } catch (_) {
      copy = null;
    }
    if (copy === null || copy === raw) return raw;
    const kept = parse(copy);
    const stored = parse(raw);
    // Never over an unreadable or newer-schema entry: those are set aside or left alone; never
    // a copy of a run that was deleted or replaced since.
    if (kept.problem || stored.problem || stored.saved >= kept.saved || kept.gen !== genOf(key)) {
      return raw;
    }
    try {
      storage.setItem(key, copy);
      recovered += 1;
      return copy;
    } catch (error) {
      // No room: the copy's changes stay in memory, unsaved, as they were when the tab went.
      const changes = differences(stored.values, kept.values);
      const entry = entryOf(key);
      Object.keys(changes).forEach(function (name) {
        entry.values.set(name, changes[name]);
        entry.unsaved.add(name);
      });
      entry.why = isQuota(error) ? FULL : errorName(error);
      return raw;
    }
  }

  function errorName(error) {
    return (error && error.name) || String(error);
  }

  function unavailable(error) {
    storage = null;
    setGlobal("unavailable", "browser storage is unavailable (" + errorName(error) + ")");
    return null;
  }

  function isQuota(error) {
    return !!error && (error.name === "QuotaExceededError" || error.code === 22);
  }

  function setGlobal(problem, detail) {
    if (globalProblem === problem) return;
    globalProblem = problem;
    globalDetail = detail;
    notifyStatus();
  }

  function notifyStatus() {
    statusListeners.forEach(function (fn) {
      fn();
    });
  }

  let namedSite = ""; // as a page names it, the same on every page of the site: read once
  function siteName() {
    const named = namedSite ? null : document.querySelector('meta[name="playbook-site"], [data-playbook-site]');
    if (named) namedSite = named.getAttribute("content") || named.getAttribute("data-playbook-site") || "";
    if (namedSite) return namedSite;
    if (location.protocol !== "file:") return location.origin;
    // Every file:// page shares one storage: name the site by its root folder.
    const config = document.getElementById("__config");
    try {
      if (config) return new URL(JSON.parse(config.textContent).base + "/", location.href).href;
    } catch (_) {
      // Fall through to the page's folder.
    }
    return location.href.replace(/[^/]*([?#].*)?$/, "");
  }

  function prefix() {
    return "playbook:" + siteName() + ":";
  }

  function runPrefix(id) {
    return id ? "run:" + id + ":" : "";
  }

  function storageKey(scope) {
    if (scope.charAt(0) === "/") return prefix() + scope.slice(1);
    return prefix() + runPrefix(currentRun()) + scope;
  }

  function inRun(id, scope) {
    return "/" + runPrefix(id) + scope;
  }

  function own(values, name) {
    return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
  }

  function registeredRun() {
    // The registry's "current", if it names a run the registry holds.
    const values = load(storageKey(RUNS)).values;
    const id = own(values, "current");
    return typeof id === "string" && RUN_ID.test(id) && own(values, "run:" + id) ? id : "";
  }

  /* The generation of the run a key belongs to: "" outside runs (and for runs older than
   * generations), null when the registry holds no such run. */
  function genOf(key) {
    const run = /^run:([^:]+):/.exec(key.slice(prefix().length));
    if (!run) return "";
    const meta = own(load(storageKey(RUNS)).values, "run:" + run[1]);
    return meta && typeof meta === "object" ? String(meta.gen || "") : null;
  }

  function currentRun() {
    if (activeRun === null) activeRun = registeredRun();
    return activeRun;
  }

  function followRegistry() {
    // Every scope someone listens to moves to the new run: tell them what differs.
    const next = registeredRun();
    const before = currentRun();
    if (next === before) return;
    const old = new Map();
    listeners.forEach(function (_, scope) {
      if (scope.charAt(0) !== "/") old.set(scope, load(storageKey(scope)).values);
    });
    activeRun = next;
    old.forEach(function (values, scope) {
      const changes = differences(values, load(storageKey(scope)).values);
      notify(scope, changes, "run");
    });
    notifyStatus();
  }

  function differences(before, after) {
    const changes = {};
    new Set(Object.keys(before).concat(Object.keys(after))).forEach(function (name) {
      if (!same(own(before, name), own(after, name))) changes[name] = own(after, name);
    });
    return changes;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function storedKeys(start) {
    const found = [];
    if (!storage) return found;
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null && key.startsWith(start)) found.push(key);
      }
    } catch (_) {
      // Unreadable storage holds nothing we can list.
    }
    return found;
  }

  function list(start) {
    return storedKeys(prefix() + start).map(function (key) {
      return "/" + key.slice(prefix().length);
    });
  }

  function scopesOf(id) {
    return list(runPrefix(id))
      .map(function (scope) {
        return scope.slice(1 + runPrefix(id).length);
      })
      .filter(function (scope) {
        // The default run's keys also hold the registry, every declared run and the backups.
        return id || !/^(runs$|run:|backup:)/.test(scope);
      });
  }

  function removeKey(key) {
    // True once the key is gone; what this page meant to write there goes with it.
    records.delete(key);
    forget(key);
    try {
      if (mirror) mirror.removeItem(key);
      storage.removeItem(key);
      return storage.getItem(key) === null;
    } catch (_) {
      return false;
    }
  }

  function removeRun(id) {
    if (!RUN_ID.test(id)) return false;
    const start = prefix() + runPrefix(id);
    // Stored, or only in this page's memory (storage refused or unavailable).
    const keys = new Set(storedKeys(start));
    records.forEach(function (_, key) {
      if (key.startsWith(start)) keys.add(key);
    });
    let gone = !!storage;
    keys.forEach(function (key) {
      gone = removeKey(key) && gone;
    });
    return gone;
  }

  function pageScope(element) {
    const holder = (element && element.closest && element.closest("[data-playbook-page]")) ||
      document.querySelector("[data-playbook-page]");
    const page = holder ? holder.getAttribute("data-playbook-page") : "";
    return "page:" + (page || location.pathname);
  }

  function readRaw(key) {
    if (!storage) return null;
    try {
      return storage.getItem(key);
    } catch (error) {
      return unavailable(error);
    }
  }

  function parse(raw) {
    // -> { values, problem, detail, saved, gen, changed }
    if (raw === null) return { values: {}, problem: "", detail: "", saved: 0, gen: "" };
    let data;
    try {
      data = JSON.parse(raw);
    } catch (_) {
      return { values: null, problem: "corrupt", detail: "saved state was not valid JSON" };
    }
    const shaped =
      data && typeof data === "object" && !Array.isArray(data) && Number.isInteger(data.schema);
    if (!shaped || !data.values || typeof data.values !== "object" || Array.isArray(data.values)) {
      return { values: null, problem: "corrupt", detail: "saved state was not the playbook's" };
    }
    if (data.schema > SCHEMA) {
      return {
        values: data.values,
        problem: "newer",
        detail: "saved by a newer version of this site, which this page will not overwrite",
      };
    }
    return {
      values: data.values,
      problem: "",
      detail: "",
      saved: Number(data.saved) || 0,
      gen: String(data.gen || ""),
      changed: Array.isArray(data.changed) ? data.changed : null,
    };
  }

  function load(key) {
    const cached = records.get(key);
    let raw = readRaw(key);
    if (!cached && storage) raw = recover(key, raw);
    if (cached && (cached.raw === raw || !storage)) return cached;
    if (cached && lostKey(key, cached)) {
      // Written again from what this page held; other tabs add what they hold, as the write
      // names no change.
      cached.raw = null;
      cached.problem = "cleared";
      write(key, {});
      // Told once this read is done: a notice reading now could reach this key half written.
      window.setTimeout(notifyStatus);
      return cached;
    }
    const parsed = parse(raw);
    // A value of another generation of its run (deleted or replaced since) is not the run's.
    const stale = !parsed.problem && parsed.gen !== genOf(key);
    const record = { raw: raw, values: (!stale && parsed.values) || {}, problem: "", detail: "" };
    if (parsed.problem === "corrupt") {
      setAside(key, raw, record, parsed.detail);
    } else if (parsed.problem) {
      record.problem = parsed.problem;
      record.detail = parsed.detail;
    }
    // What this page changed and could not write yet stays over what is stored.
    const changes = mine.get(key);
    if (changes) {
      changes.unsaved.forEach(function (name) {
        const value = changes.values.get(name);
        if (value === undefined) delete record.values[name];
        else record.values[name] = value;
      });
    }
    records.set(key, record);
    // A problem that appears, and one that clears (another tab wrote a readable entry), both
    // change what every notice says.
    if (cached ? cached.problem !== record.problem : record.problem) notifyStatus();
    return record;
  }

  /* Whether `key`, read as `cached` (values of this site's schema), is gone now, removed by
   * someone who did not mean to remove them: not a run deleted or replaced (the registry no
   * longer holds the generation they were written in), not a scope emptied before it went.
   * genOf() comes last: it may write the registry again first. */
  function lostKey(key, cached) {
    return cached.raw !== null && readRaw(key) === null && Object.keys(cached.values).length > 0 &&
      parse(cached.raw).gen === genOf(key);
  }

  function setAside(key, raw, record, why) {
    const backup = "playbook-backup:" + key.slice("playbook:".length) + ":" + new Date().toISOString();
    try {
      storage.setItem(backup, raw);
      if (storage.getItem(backup) !== raw) throw new Error("backup not read back");
      storage.removeItem(key);
      record.raw = null;
      record.problem = "corrupt";
      record.detail = why + "; it was kept under " + backup;
    } catch (_) {
      // Without a backup the entry stays as it was, and nothing here overwrites it.
      record.problem = "corrupt-kept";
      record.detail = why + "; it could not be backed up, so it was left as it was";
    }
  }

  function writable(record) {
    return storage && globalProblem !== "unavailable" && record.problem !== "newer" &&
      record.problem !== "corrupt-kept";
  }

  function entryOf(key) {
    // What this page changed in `key`, for as long as it may need writing again; changes
    // made to an earlier generation of the key's run are dropped.
    const gen = genOf(key);
    let entry = mine.get(key);
    if (!entry || entry.gen !== gen) {
      entry = { gen: gen, values: new Map(), unsaved: new Set(), why: "" };
      mine.set(key, entry);
    }
    return entry;
  }

  function forget(key, name) {
    // Another tab changed it after us, or the run was deleted or replaced: ours no longer
    // stands (all of this page's changes to `key` without a name). Returns whether an unsaved
    // change went.
    const entry = mine.get(key);
    if (!entry) return false;
    const had = entry.unsaved.size;
    if (name === undefined) {
      mine.delete(key);
      entry.unsaved.clear();
    }
    entry.values.delete(name);
    entry.unsaved.delete(name);
    if (had && !entry.unsaved.size) ledger(key, false);
    return had > entry.unsaved.size;
  }

  // The ledger of unsaved scopes ------------------------------------------------------------

  function ledgerKey() {
    return "playbook-unsaved:" + siteName();
  }

  /* The ledger holds { at: the time of the oldest change it notes, scopes: [...] } ("*": more
   * than it has room to name). With `add` true or false, `key`'s scope is first noted or taken
   * off ("*" with it). Returns when changes to `key` were refused (here, in another tab or in
   * an earlier visit) and not written since, or "". */
  function ledger(key, add) {
    let entry = null;
    try {
      entry = JSON.parse(storage.getItem(ledgerKey()));
    } catch (_) {
      entry = null;
    }
    const at = (entry && entry.at) || new Date().toISOString();
    const scopes = entry && Array.isArray(entry.scopes) ? entry.scopes : [];
    const scope = key.slice(prefix().length);
    const noted = scopes.indexOf(scope) >= 0 || scopes[0] === "*";
    if (add && !noted) setLedger(scopes.concat([scope]), at);
    if (add === false && noted) {
      setLedger(scopes.filter(function (name) {
        return name !== scope && name !== "*";
      }), at);
    }
    return noted ? at : "";
  }

  function setLedger(scopes, at) {
    let text = JSON.stringify(scopes.length ? { at: at, scopes: scopes } : {});
    if (text.length > LEDGER_SIZE) text = JSON.stringify({ at: at, scopes: ["*"] });
    text = text.padEnd(LEDGER_SIZE);
    try {
      const key = ledgerKey();
      if (storage.getItem(key) === text) return true;
      // Removed first, so the new value takes the room the old one frees, even when full.
      storage.removeItem(key);
      storage.setItem(key, text);
      return true;
    } catch (_) {
      return false;
    }
  }

  // Writing ---------------------------------------------------------------------------------

  function write(key, changes) {
    // Merges into what is stored now, so another tab's keys are not overwritten.
    const record = load(key);
    const names = Object.keys(changes);
    const entry = entryOf(key);
    names.forEach(function (name) {
      entry.values.set(name, changes[name]);
      if (changes[name] === undefined) delete record.values[name];
      else record.values[name] = changes[name];
    });
    if (!writable(record)) return false;
    const saved = Date.now();
    const data = { schema: SCHEMA, saved: saved, gen: entry.gen || undefined, values: record.values };
    const changed = Array.from(new Set(names.concat(Array.from(entry.unsaved))));
    // A mass change (a reset, an import) is not listed: other tabs take all of it as meant.
    if (changed.length <= 100) data.changed = changed;
    const raw = JSON.stringify(data);
    let why = "the browser did not keep what was written";
    try {
      storage.setItem(key, raw);
      if (storage.getItem(key) === raw) {
        record.raw = raw;
        lastSaved.set(key, saved);
        mirrorWrite(key, raw);
        const had = entry.unsaved.size;
        entry.unsaved.clear();
        ledger(key, false);
        if (globalProblem === "full" || globalProblem === "unconfirmed") setGlobal("", "");
        if (had) notifyStatus();
        retry();
        return true;
      }
      setGlobal("unconfirmed", why);
    } catch (error) {
      if (isQuota(error)) {
        why = FULL;
        setGlobal("full", FULL);
      } else {
        unavailable(error);
        return false;
      }
    }
    // Kept in memory and in the tab's second copy until written; the ledger tells other tabs.
    names.forEach(function (name) {
      entry.unsaved.add(name);
    });
    entry.why = why;
    mirrorWrite(key, raw);
    ledger(key, true);
    notifyStatus();
    return false;
  }

  function retry() {
    // Refused changes, written again now that something was (or may be) freed.
    if (retrying || !storage) return;
    retrying = true;
    mine.forEach(function (entry, key) {
      if (!entry.unsaved.size) return;
      if (genOf(key) !== entry.gen) forget(key);
      else write(key, {});
    });
    retrying = false;
  }

  function setMany(scope, changes) {
    const key = storageKey(scope);
    const kept = write(key, changes);
    notifyKey(key, changes, "local");
    if (scope === RUNS && "current" in changes) followRegistry();
    return kept;
  }

  function flush() {
    retry();
    mine.forEach(function (entry, key) {
      if (genOf(key) !== entry.gen) return forget(key);
      const stored = parse(readRaw(key));
      // Written since by another tab, whose storage event may not have reached us yet.
      if (stored.saved > (lastSaved.get(key) || 0) || !stored.values) return;
      const changes = {};
      let differs = false;
      entry.values.forEach(function (value, name) {
        changes[name] = value;
        if (!same(own(stored.values, name), value)) differs = true;
      });
      if (differs) write(key, changes);
    });
  }

  function notifyKey(key, changes, source) {
    // Every scope that names the key: "timeline" and "/run:<id>:timeline" may be one.
    listeners.forEach(function (_, scope) {
      if (storageKey(scope) === key) notify(scope, changes, source);
    });
  }

  function notify(scope, changes, source) {
    const set = listeners.get(scope);
    if (!set || !Object.keys(changes).length) return;
    set.forEach(function (fn) {
      fn(changes, source);
    });
  }

  /* Another tab wrote `key`; `written` names what it meant to change ([] nothing, null: it
   * did not say), `removed` says it removed the key. Returns whether an unsaved change went. */
  function reread(key, written, removed) {
    const entry = mine.get(key);
    const before = records.get(key);
    if (!entry && !before) return false;
    // Removed on purpose, ours goes with it; removed without meaning to, load() writes it back.
    let dropped = removed && !(before && lostKey(key, before)) && forget(key);
    const after = load(key).values;
    const again = {};
    if (entry && !removed) {
      entry.values.forEach(function (value, name) {
        if (same(own(after, name), value)) return;
        const unsaved = entry.unsaved.has(name);
        // They meant to change it, or wrote over what we had written: theirs stands. Not
        // written yet, ours stands unless they meant to change it; dropped by a write made
        // before ours reached that tab, ours is written again.
        if ((written && written.indexOf(name) >= 0) || (!written && !unsaved)) {
          dropped = forget(key, name) || dropped;
        } else if (!unsaved) {
          again[name] = value;
        }
      });
    }
    if (Object.keys(again).length) write(key, again);
    if (before) notifyKey(key, differences(before.values, load(key).values), "tab");
    return dropped;
  }

  function onStorage(event) {
    // Also for a page back from the back/forward cache (`persisted`), where storage events may
    // have been missed: everything is read again, as after a clear().
    const key = event.persisted ? null : event.key;
    if (event.storageArea !== storage && !event.persisted) return;
    let dropped = key === ledgerKey() || !!event.persisted;
    if (key === null) {
      records.forEach(function (_, name) {
        dropped = reread(name, null, false) || dropped;
      });
    } else if (key.startsWith(prefix())) {
      dropped = reread(key, parse(event.newValue).changed || null, event.newValue === null) || dropped;
    }
    // Another tab declared or switched the run: this one follows.
    if (key === null || key === storageKey(RUNS)) followRegistry();
    retry();
    if (dropped) notifyStatus();
  }

  function snapshot(record) {
    return JSON.parse(JSON.stringify(record.values));
  }

  function status(scope) {
    // The first that applies: storage unavailable, this page's unsaved changes to the scope,
    // changes lost in another tab or visit, storage full or unconfirmed, the entry unreadable.
    const key = storageKey(scope);
    const record = load(key);
    const entry = mine.get(key);
    const lost = ledger(key);
    const not = function (problem, detail) {
      return { kept: false, problem: problem, detail: detail };
    };
    if (globalProblem === "unavailable") return not(globalProblem, globalDetail);
    if (entry && entry.unsaved.size) return not(entry.why === FULL ? "full" : "unconfirmed", entry.why);
    if (lost) return not("lost", lost);
    if (globalProblem) return not(globalProblem, globalDetail);
    if (record.problem === "corrupt-kept") return not("corrupt", record.detail);
    return { kept: record.problem !== "newer", problem: record.problem, detail: record.detail };
  }

  openStorage();
  openMirror();
  window.addEventListener("storage", onStorage);
  window.addEventListener("pagehide", flush);
  window.addEventListener("pageshow", onStorage);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
    else retry();
  });

  playbook.define("store", {
    SCHEMA: SCHEMA,
    SITE: SITE,
    RUNS: RUNS,
    pageScope: pageScope,
    site: siteName,
    run: currentRun,
    inRun: inRun,
    scopesOf: scopesOf,
    removeRun: removeRun,
    list: list,
    remove: function (scope) {
      return !!storage && removeKey(storageKey(scope));
    },
    validRunId: function (id) {
      return typeof id === "string" && RUN_ID.test(id);
    },
    keyOf: storageKey,
    recoveries: function () {
      return recovered;
    },
    get: function (scope, key) {
      const value = own(load(storageKey(scope)).values, key);
      return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    },
    all: function (scope) {
      return snapshot(load(storageKey(scope)));
    },
    set: function (scope, key, value) {
      const changes = {};
      changes[key] = value;
      return setMany(scope, changes);
    },
    setMany: setMany,
    subscribe: function (scope, fn) {
      load(storageKey(scope));
      if (!listeners.has(scope)) listeners.set(scope, new Set());
      listeners.get(scope).add(fn);
      return function () {
        listeners.get(scope).delete(fn);
      };
    },
    status: status,
    onStatus: function (fn) {
      statusListeners.add(fn);
      return function () {
        statusListeners.delete(fn);
      };
    },
  });
})();
