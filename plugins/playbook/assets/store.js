/* playbookStore: the incident state the playbook's widgets keep in localStorage.
 *
 *   const store = window.playbookStore;
 *   store.SITE                      scope for site-wide incident values (severity, fields)
 *   store.pageScope(element)        scope of the page holding `element` (its data-playbook-page)
 *   store.get(scope, key)           stored JSON value, or undefined
 *   store.all(scope)                { key: value } copy of a whole scope
 *   store.set(scope, key, value)    value undefined removes; returns true once read back
 *   store.setMany(scope, changes)   { key: value|undefined } in one write; returns the same
 *   store.subscribe(scope, fn)      fn(changes, source) with source "local" or "tab" (another
 *                                   tab, via the storage event); returns an unsubscribe function
 *   store.status(scope)             { kept, problem, detail }: kept is false while values live
 *                                   in memory only; problem is "" | "unavailable" | "full" |
 *                                   "corrupt" | "newer" | "unconfirmed"; detail is for people
 *   store.onStatus(fn)              fn() when any status changes; returns an unsubscribe function
 *   store.keyOf(scope)              the localStorage key that holds a scope
 *
 * Keys are `playbook:<site>:<scope>`, each holding {"schema": 1, "values": {...}}. The site is
 * the `content` of <meta name="playbook-site"> or the first data-playbook-site attribute, else
 * the origin (http) or the site's folder (file://). Unreadable entries are copied to
 * `playbook-backup:<site>:<scope>:<time>` before they are replaced; entries of a newer schema
 * are never written.
 */
(function () {
  "use strict";
  if (window.playbookStore) return;

  const SCHEMA = 1;
  const SITE = "site";
  const records = new Map(); // storage key -> { raw, values, problem, detail }
  const pending = new Map(); // storage key -> Map(key -> value) written here, re-flushed on hide
  const listeners = new Map(); // storage key -> Set(fn)
  const statusListeners = new Set();
  let storage = null;
  let globalProblem = "";
  let globalDetail = "";

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

  function storageKey(scope) {
    return "playbook:" + siteName() + ":" + scope;
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
    if (raw === null) return { values: {}, problem: "", detail: "" };
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
    return { values: data.values, problem: "", detail: "" };
  }

  function load(key) {
    const raw = readRaw(key);
    const cached = records.get(key);
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
    const raw = JSON.stringify({ schema: SCHEMA, values: record.values });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        storage.setItem(key, raw);
        if (storage.getItem(key) === raw) {
          record.raw = raw;
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
    notify(key, changes, "local");
    return kept;
  }

  function flush() {
    pending.forEach(function (mine, key) {
      const stored = parse(readRaw(key));
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

  function notify(key, changes, source) {
    const set = listeners.get(key);
    if (!set) return;
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
      const record = load(key);
      const changes = {};
      let any = false;
      const names = new Set(Object.keys(before.values).concat(Object.keys(record.values)));
      names.forEach(function (name) {
        const was = JSON.stringify(before.values[name]);
        if (was !== JSON.stringify(record.values[name])) {
          changes[name] = record.values[name];
          any = true;
          // Another tab wrote it last: do not re-flush our older value over it.
          const mine = pending.get(key);
          if (mine) mine.delete(name);
        }
      });
      if (any) notify(key, changes, "tab");
    });
  }

  function snapshot(record) {
    return JSON.parse(JSON.stringify(record.values));
  }

  openStorage();
  window.addEventListener("storage", onStorage);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush();
  });

  window.playbookStore = Object.freeze({
    SCHEMA: SCHEMA,
    SITE: SITE,
    pageScope: pageScope,
    keyOf: storageKey,
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
      const key = storageKey(scope);
      load(key);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key).add(fn);
      return function () {
        listeners.get(key).delete(fn);
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
