/* playbookStore: the incident state the playbook's widgets keep in localStorage.
 *
 *   const store = window.playbookStore;
 *   store.SITE                      scope for site-wide incident values (severity, fields)
 *   store.pageScope(element)        scope of the page holding `element` (its data-playbook-page)
 *   store.get(scope, key)           stored JSON value, or undefined
 *   store.all(scope)                { key: value } copy of a whole scope
 *   store.set(scope, key, value)    value undefined removes; returns true once read back
 *   store.setMany(scope, changes)   { key: value|undefined } in one write; returns the same
 *   store.subscribe(scope, fn)      fn(changes, source) with source "local", "tab" (another
 *                                   tab, via the storage event) or "run" (the current run
 *                                   changed); returns an unsubscribe function
 *   store.status(scope)             { kept, problem, detail }: kept is false while values live
 *                                   in memory only; problem is "" | "unavailable" | "full" |
 *                                   "corrupt" | "newer" | "unconfirmed"; detail is for people
 *   store.onStatus(fn)              fn() when any status changes; returns an unsubscribe function
 *   store.keyOf(scope)              the localStorage key that holds a scope
 *   store.recoveries()              how many entries this page restored from its second copy
 *
 * Incident runs: every scope belongs to the current run, so last week's ticks stay out of
 * today's incident. The run registry (scope RUNS, not per run) holds "current" (the current
 * run's id; absent: the implicit default run) and "run:<id>" ({id, start, severity, closed}).
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
 * for a declared one, each holding {"schema": 1, "saved": ms, "values": {...}};
 * sessionStorage keeps a second copy of this tab's last write, restored on load if the browser
 * dropped the localStorage one (newer `saved` wins, so other tabs' later writes stand).
 * (From file://, Chromium sometimes reloads a tab with an empty sessionStorage: best effort.)
 * The site is the `content` of <meta name="playbook-site">, else the first data-playbook-site
 * attribute, else the origin (http) or the site's folder (file://): so every widget that uses
 * the store puts data-playbook-site="{{ site_id }}" and data-playbook-page="{{ page_id }}" (from
 * the extension's settings and PageContext) on its root element. Unreadable entries are copied
 * to `playbook-backup:<site>:<scope>:<time>` before they are replaced; entries of a newer
 * schema are never written.
 */
(function () {
  "use strict";
  if (window.playbookStore) return;

  const SCHEMA = 1;
  const SITE = "site";
  // A scope starting with "/" names its key outright, whatever the current run.
  const RUNS = "/runs";
  const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
  const records = new Map(); // storage key -> { raw, values, problem, detail }
  const pending = new Map(); // storage key -> Map(key -> value) written here, re-flushed on hide
  const lastSaved = new Map(); // storage key -> `saved` of this page's last confirmed write
  const listeners = new Map(); // scope -> Set(fn)
  const statusListeners = new Set();
  let storage = null;
  let mirror = null; // sessionStorage: the second copy
  let recovered = 0;
  let globalProblem = "";
  let globalDetail = "";
  let activeRun = null; // the current run's id ("" default) once read from the registry

  function openStorage() {
    try {
      const candidate = window.localStorage;
      const probe = "playbook-probe";
      candidate.setItem(probe, probe);
      candidate.removeItem(probe);
      storage = candidate;
    } catch (error) {
      // A full storage still reads: keep it for reading, and say writes will fail.
      if (isQuota(error)) {
        try {
          storage = window.localStorage;
        } catch (_) {
          storage = null;
        }
        setGlobal("full", "browser storage is full");
      } else {
        storage = null;
        setGlobal("unavailable", "browser storage is unavailable (" + errorName(error) + ")");
      }
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
      // The second copy is a safeguard; the first one was confirmed.
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
    // Never over an unreadable or newer-schema entry: those are set aside or left alone.
    if (kept.problem || stored.problem || stored.saved >= kept.saved) return raw;
    try {
      storage.setItem(key, copy);
      recovered += 1;
      return copy;
    } catch (_) {
      return raw;
    }
  }

  function errorName(error) {
    return (error && error.name) || String(error);
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

  function siteName() {
    const meta = document.querySelector('meta[name="playbook-site"]');
    if (meta && meta.content) return meta.content;
    const marked = document.querySelector("[data-playbook-site]");
    if (marked && marked.getAttribute("data-playbook-site")) {
      return marked.getAttribute("data-playbook-site");
    }
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

  function runPrefix(id) {
    return id ? "run:" + id + ":" : "";
  }

  function storageKey(scope) {
    if (scope.charAt(0) === "/") return "playbook:" + siteName() + ":" + scope.slice(1);
    return "playbook:" + siteName() + ":" + runPrefix(currentRun()) + scope;
  }

  function inRun(id, scope) {
    return "/" + runPrefix(id) + scope;
  }

  function registeredRun() {
    // The registry's "current", if it names a run the registry holds.
    const values = load(storageKey(RUNS)).values;
    const id = values.current;
    return typeof id === "string" && RUN_ID.test(id) && values["run:" + id] ? id : "";
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
      if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) changes[name] = after[name];
    });
    return changes;
  }

  function storedKeys(prefix) {
    const found = [];
    if (!storage) return found;
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key !== null && key.startsWith(prefix)) found.push(key);
      }
    } catch (_) {
      // Unreadable storage holds nothing we can list.
    }
    return found;
  }

  function scopesOf(id) {
    const prefix = "playbook:" + siteName() + ":" + runPrefix(id);
    return storedKeys(prefix)
      .map(function (key) {
        return key.slice(prefix.length);
      })
      .filter(function (scope) {
        // The default run's keys also hold the registry and every declared run.
        return id || (scope !== RUNS.slice(1) && !scope.startsWith("run:"));
      });
  }

  function removeRun(id) {
    if (!RUN_ID.test(id) || !storage) return false;
    try {
      storedKeys("playbook:" + siteName() + ":" + runPrefix(id)).forEach(function (key) {
        storage.removeItem(key);
        records.delete(key);
        pending.delete(key);
        if (mirror) mirror.removeItem(key);
      });
      return true;
    } catch (_) {
      return false;
    }
  }

  function pageScope(element) {
    const holder = element && element.closest ? element.closest("[data-playbook-page]") : null;
    const page = holder ? holder.getAttribute("data-playbook-page") : "";
    return "page:" + (page || location.pathname);
  }

  function readRaw(key) {
    if (!storage) return null;
    try {
      return storage.getItem(key);
    } catch (error) {
      storage = null;
      setGlobal("unavailable", "browser storage is unavailable (" + errorName(error) + ")");
      return null;
    }
  }

  function parse(raw) {
    // -> { values, problem, detail }
    if (raw === null) return { values: {}, problem: "", detail: "", saved: 0 };
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
    return { values: data.values, problem: "", detail: "", saved: Number(data.saved) || 0 };
  }

  function load(key) {
    const cached = records.get(key);
    let raw = readRaw(key);
    if (!cached && storage) raw = recover(key, raw);
    if (cached && (cached.raw === raw || !storage)) return cached;
    const parsed = parse(raw);
    const record = { raw: raw, values: parsed.values || {}, problem: "", detail: "" };
    if (parsed.problem === "corrupt") {
      setAside(key, raw, record, parsed.detail);
    } else if (parsed.problem) {
      record.problem = parsed.problem;
      record.detail = parsed.detail;
    }
    const changed = !cached || cached.problem !== record.problem;
    records.set(key, record);
    if (changed && record.problem) notifyStatus();
    return record;
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

  function write(key, changes) {
    // Merges into what is stored now, so another tab's keys are not overwritten.
    const record = load(key);
    Object.keys(changes).forEach(function (name) {
      if (changes[name] === undefined) delete record.values[name];
      else record.values[name] = changes[name];
    });
    if (!writable(record)) return false;
    const saved = Date.now();
    const raw = JSON.stringify({ schema: SCHEMA, saved: saved, values: record.values });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        storage.setItem(key, raw);
        if (storage.getItem(key) === raw) {
          record.raw = raw;
          lastSaved.set(key, saved);
          mirrorWrite(key, raw);
          if (globalProblem === "full" || globalProblem === "unconfirmed") setGlobal("", "");
          return true;
        }
      } catch (error) {
        if (isQuota(error)) {
          setGlobal("full", "browser storage is full");
        } else {
          storage = null;
          setGlobal("unavailable", "browser storage is unavailable (" + errorName(error) + ")");
        }
        return false;
      }
    }
    setGlobal("unconfirmed", "the browser did not keep what was written");
    return false;
  }

  function setMany(scope, changes) {
    const key = storageKey(scope);
    let mine = pending.get(key);
    if (!mine) pending.set(key, (mine = new Map()));
    Object.keys(changes).forEach(function (name) {
      mine.set(name, changes[name]);
    });
    const kept = write(key, changes);
    notifyKey(key, changes, "local");
    if (scope === RUNS && "current" in changes) followRegistry();
    return kept;
  }

  function flush() {
    pending.forEach(function (mine, key) {
      const stored = parse(readRaw(key));
      // Written since by another tab, whose storage event may not have reached us yet.
      if (stored.saved > (lastSaved.get(key) || 0)) return;
      const changes = {};
      let differs = false;
      mine.forEach(function (value, name) {
        changes[name] = value;
        const now = stored.values ? stored.values[name] : undefined;
        if (JSON.stringify(now) !== JSON.stringify(value)) differs = true;
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

  function onStorage(event) {
    if (event.storageArea !== storage) return;
    const keys = event.key === null ? Array.from(records.keys()) : [event.key];
    keys.forEach(function (key) {
      const before = records.get(key);
      if (!before) return;
      const changes = differences(before.values, load(key).values);
      const mine = pending.get(key);
      Object.keys(changes).forEach(function (name) {
        // Another tab wrote it last: do not re-flush our older value over it.
        if (mine) mine.delete(name);
      });
      notifyKey(key, changes, "tab");
    });
    // Another tab declared or switched the run: this one follows.
    if (event.key === null || event.key === storageKey(RUNS)) followRegistry();
  }

  function snapshot(record) {
    return JSON.parse(JSON.stringify(record.values));
  }

  openStorage();
  openMirror();
  window.addEventListener("storage", onStorage);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });

  window.playbookStore = Object.freeze({
    SCHEMA: SCHEMA,
    SITE: SITE,
    RUNS: RUNS,
    pageScope: pageScope,
    site: siteName,
    run: currentRun,
    inRun: inRun,
    scopesOf: scopesOf,
    removeRun: removeRun,
    validRunId: function (id) {
      return typeof id === "string" && RUN_ID.test(id);
    },
    keyOf: storageKey,
    recoveries: function () {
      return recovered;
    },
    get: function (scope, key) {
      const value = load(storageKey(scope)).values[key];
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
    status: function (scope) {
      const record = load(storageKey(scope));
      if (globalProblem) {
        return { kept: false, problem: globalProblem, detail: globalDetail };
      }
      if (record.problem === "corrupt-kept") {
        return { kept: false, problem: "corrupt", detail: record.detail };
      }
      return {
        kept: record.problem !== "newer",
        problem: record.problem,
        detail: record.detail,
      };
    },
    onStatus: function (fn) {
      statusListeners.add(fn);
      return function () {
        statusListeners.delete(fn);
      };
    },
  });
})();
