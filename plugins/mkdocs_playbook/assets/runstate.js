/* playbook.runState: an incident run as data to export, import and share; pure functions
 * over plain objects (no page, no storage), so every way in goes through one validator.
 *
 *   const runs = window.playbook.runState;
 *   runs.VERSION                    format version written, and the newest one read
 *   runs.LIMITS                     the limits below, by name, for messages
 *   runs.snapshotSummary(snapshot)  { ticks, pages, values, events, severity }
 *   runs.describe(snapshot)         "run INC-2041 (SEV-2, started 2026-11-27 13:02 UTC): 14 ticks
 *                                   on 3 pages, 5 template values, 22 timeline events"
 *   runs.toJSON(snapshot)           the export file: pretty JSON
 *   runs.fromJSON(text, site)       { ok: true, snapshot } | { ok: false, error }
 *   runs.toMarkdown(snapshot)       the Post-Incident Template's header and "3. Timeline";
 *                                   "<", ">" and "&" outside code spans as entities, so text
 *                                   pasted into a docs page stays text
 *   runs.markdownText(text)         `text` on one line, as Markdown that shows it (the same
 *                                   escaping)
 *   runs.encodeFragment(snapshot)   Promise of "playbook-run=1.<base64url of deflate-raw JSON>";
 *                                   rejects with an Error saying why (too large, no support)
 *   runs.decodeFragment(hash, site) Promise of null (not a run link: leave the anchor alone),
 *                                   { ok: true, snapshot } or { ok: false, error }
 *   runs.validate(data, site)       { ok: true, snapshot } | { ok: false, error }
 *
 * A snapshot: { format: "playbook-run", version, site, exported, run: { id, start, severity,
 * closed }, scopes: { "site" | "page:<id>": { key: JSON value } }, events: [{ at, kind, text,
 * page }] }. validate() treats its input as hostile and returns a new object holding only these
 * fields; times come back as toISOString() (UTC), so they sort and display one way, and a time
 * before 2000 or more than a day ahead of this computer's clock is refused (a wrong clock would
 * put the next stakeholder update years away). Errors are one or two sentences for a
 * responder, ending "Nothing was changed."
 *
 * Keys "__proto__", "constructor" and "prototype" are refused at every level rather than kept
 * in null-prototype objects: the site never writes them (item ids are hashes, fields are
 * "field:<name>"), and the snapshot's consumers (store.js, the run UI) use ordinary objects,
 * where assigning "__proto__" would swap a prototype instead of storing a value.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  if (!playbook || playbook.runState) return;

  const VERSION = 1;
  const FORMAT = "playbook-run";
  const PREFIX = FORMAT + "=";
  const LIMITS = Object.freeze({
    idLength: 40,
    severityLength: 40,
    scopes: 500,
    keysPerScope: 2000, // also the most entries of any object or array inside a value
    keyLength: 200,
    valueDepth: 3, // {"value": "SEV-2"} is depth 1
    stringLength: 10000,
    events: 5000,
    eventText: 2000,
    pageLength: 300,
    jsonText: 2000000,
    fragment: 32000,
    unpackedBytes: 1000000,
  });
  const ID = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0," + (LIMITS.idLength - 1) + "}$");
  // A page is its path in the docs, spaces and all; control characters name no file.
  const PAGE_SCOPE = new RegExp("^page:[^\\u0000-\\u001f\\u007f]{1," + LIMITS.pageLength + "}$");
  // A time zone is required: without one, Date.parse reads the time as the reader's local time.
  const ISO_TIME =
    /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
  const KINDS = [
    "declare", "tick", "untick", "severity", "copy", "note", "close", "reopen", "import", "update",
    "mitigate", "resolve", "commander", "export",
  ];
  const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];
  const EARLIEST = Date.UTC(2000, 0, 1);
  const AHEAD = 86400000; // a day: time zones and clocks a little off are fine
  const UNCHANGED = " Nothing was changed.";

  // Thrown inside validation and decoding; caught at the API's edge and turned into { error }.
  function Refusal(message) {
    // Messages are assembled from parts such as "the values of ..."; each is one sentence.
    this.message = message.charAt(0).toUpperCase() + message.slice(1);
  }

  function refuse(message) {
    throw new Refusal(message);
  }

  function refused(error) {
    if (error instanceof Refusal) return { ok: false, error: error.message + UNCHANGED };
    throw error;
  }

  function guarded(work) {
    try {
      return work();
    } catch (error) {
      return refused(error);
    }
  }

  function count(number) {
    return number.toLocaleString("en-US");
  }

  const plural = playbook.plural;

  // Hostile data named in a message: short, on one line, and never its own toString().
  function quote(value) {
    if (isRecord(value)) return "an object";
    if (Array.isArray(value)) return "a list";
    const text = String(value).replace(/\s+/g, " ");
    return '"' + (text.length > 40 ? text.slice(0, 40) + "…" : text) + '"';
  }

  function tooLong(length, limit) {
    return count(length) + " characters, the limit is " + count(limit) + ".";
  }

  function newer(what, version) {
    return "This " + what + " was made by a newer version of the site (format " + version +
      "; this page reads " + VERSION + "). Reload the site to update it.";
  }

  function damaged(why) {
    return "The link is damaged (" + why + "). Ask for a new link.";
  }

  function isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function string(value, what, limit) {
    if (value === undefined || value === null) refuse(what + " is missing.");
    if (typeof value !== "string") refuse(what + " is not text.");
    if (value.length > limit) {
      refuse(what + " is longer than " + count(limit) + " characters.");
    }
    return value;
  }

  function time(value, what) {
    const text = string(value, what, 40);
    const parts = ISO_TIME.exec(text);
    // Date.parse rolls a 30 February over into March; a real day is one that comes back as given.
    const day = parts && new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
    const real = day && day.getUTCMonth() === +parts[2] - 1 && day.getUTCDate() === +parts[3];
    const ms = real ? Date.parse(text) : NaN;
    if (isNaN(ms)) {
      refuse(what + " " + quote(text) + " is not an ISO 8601 time with a time zone, such as " +
        "2026-11-27T13:02:00Z.");
    }
    if (ms < EARLIEST) refuse(what + " " + utc(text) + " is before 2000.");
    if (ms > Date.now() + AHEAD) {
      refuse(what + " " + utc(text) + " is more than a day ahead of this computer's clock (" +
        utc(new Date().toISOString()) + "): check the clock of the computer it came from.");
    }
    return new Date(ms).toISOString();
  }

  function keyOf(key, where) {
    if (key.length > LIMITS.keyLength) {
      refuse("A key in " + where + " is longer than " + count(LIMITS.keyLength) + " characters.");
    }
    if (FORBIDDEN_KEYS.indexOf(key) >= 0) {
      refuse(where + " use the reserved key " + quote(key) + ".");
    }
    return key;
  }

  function entries(value, where) {
    const keys = Object.keys(value);
    if (keys.length > LIMITS.keysPerScope) {
      refuse(where + " hold more than " + count(LIMITS.keysPerScope) + " entries.");
    }
    return keys;
  }

  function jsonValue(value, where, depth) {
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "number") {
      if (!isFinite(value)) refuse(where + " hold a number JSON cannot carry.");
      return value;
    }
    if (typeof value === "string") return string(value, "A value in " + where, LIMITS.stringLength);
    if (typeof value !== "object") refuse(where + " hold something that is not JSON.");
    if (depth >= LIMITS.valueDepth) {
      refuse(where + " nest values deeper than " + LIMITS.valueDepth + " levels.");
    }
    if (Array.isArray(value)) {
      entries(value, where);
      return value.map(function (item) {
        return jsonValue(item, where, depth + 1);
      });
    }
    return jsonObject(value, where, depth + 1);
  }

  function jsonObject(value, where, depth) {
    const clean = {};
    entries(value, where).forEach(function (key) {
      clean[keyOf(key, where)] = jsonValue(value[key], where, depth);
    });
    return clean;
  }

  function checkRun(run) {
    if (!isRecord(run)) refuse("The run's details are missing.");
    if (typeof run.id !== "string") refuse("The run has no id.");
    if (!ID.test(run.id)) {
      refuse(
        "The run id " + quote(run.id) + " is not valid: letters, digits, '.', '_' or '-', " +
          "at most " + LIMITS.idLength + " characters."
      );
    }
    const severity = run.severity === undefined ? "" : run.severity;
    const closed = run.closed === undefined || run.closed === "" ? "" : run.closed;
    return {
      id: run.id,
      start: time(run.start, "The run's start"),
      severity: string(severity, "The run's severity", LIMITS.severityLength),
      closed: closed && time(closed, "The run's close time"),
    };
  }

  function checkScopes(scopes) {
    if (!isRecord(scopes)) refuse("The stored values are missing.");
    const names = Object.keys(scopes);
    if (names.length > LIMITS.scopes) {
      refuse("It holds the values of more than " + count(LIMITS.scopes) + " pages.");
    }
    const clean = {};
    names.forEach(function (name) {
      const where = "the values of " + quote(name);
      if (name !== "site" && !PAGE_SCOPE.test(name)) refuse(where + " belong to no page.");
      if (!isRecord(scopes[name])) refuse(where + " are not a set of keys.");
      clean[name] = jsonObject(scopes[name], where, 0);
    });
    return clean;
  }

  function checkEvents(events) {
    if (!Array.isArray(events)) refuse("The timeline is missing.");
    if (events.length > LIMITS.events) {
      refuse("The timeline has more than " + count(LIMITS.events) + " events.");
    }
    return events.map(function (event, index) {
      const what = "Timeline event " + (index + 1);
      if (!isRecord(event)) refuse(what + " is not an event.");
      if (KINDS.indexOf(event.kind) < 0) {
        refuse(what + " is of an unknown kind " + quote(event.kind) + ".");
      }
      const page = event.page === undefined ? "" : event.page;
      return {
        at: time(event.at, what + "'s time"),
        kind: event.kind,
        text: string(event.text, what + "'s text", LIMITS.eventText),
        page: string(page, what + "'s page", LIMITS.pageLength),
      };
    });
  }

  function check(data, site) {
    if (!isRecord(data) || data.format !== FORMAT) refuse("This is not a saved playbook run.");
    if (!Number.isInteger(data.version)) refuse("This run's format version is missing.");
    if (data.version > VERSION) refuse(newer("run", data.version));
    if (data.version !== VERSION) refuse("This run's format " + data.version + " is unknown.");
    if (data.site !== site) {
      refuse(
        "This run is from the site " + quote(data.site) + ", not this site " + quote(site) +
          ": a different site's state is refused."
      );
    }
    const exported = data.exported === undefined || data.exported === "" ? "" : data.exported;
    return {
      format: FORMAT,
      version: VERSION,
      site: site,
      exported: exported && time(exported, "The export time"),
      run: checkRun(data.run),
      scopes: checkScopes(data.scopes),
      events: checkEvents(data.events),
    };
  }

  function validate(data, site) {
    return guarded(function () {
      return { ok: true, snapshot: check(data, site) };
    });
  }

  // The exported fields, in the order a person reading the file expects.
  function canonical(snapshot) {
    return {
      format: FORMAT,
      version: VERSION,
      site: snapshot.site,
      exported: snapshot.exported,
      run: snapshot.run,
      scopes: snapshot.scopes,
      events: snapshot.events,
    };
  }

  function toJSON(snapshot) {
    return JSON.stringify(canonical(snapshot), null, 2) + "\n";
  }

  function fromJSON(text, site) {
    return guarded(function () {
      if (typeof text !== "string") refuse("The file could not be read as text.");
      if (text.length > LIMITS.jsonText) {
        refuse("The file is too large: " + tooLong(text.length, LIMITS.jsonText));
      }
      let data;
      try {
        data = JSON.parse(text);
      } catch (error) {
        refuse("The file is not valid JSON (" + error.message + ").");
      }
      return { ok: true, snapshot: check(data, site) };
    });
  }

  function snapshotSummary(snapshot) {
    let ticks = 0;
    let pages = 0;
    Object.keys(snapshot.scopes).forEach(function (name) {
      if (name.indexOf("page:") !== 0) return;
      const values = snapshot.scopes[name];
      // Checklists store a tick's time, and false for an item unticked against its default.
      const ticked = Object.keys(values).filter(function (key) {
        return values[key] !== false && values[key] !== null;
      }).length;
      ticks += ticked;
      if (ticked) pages += 1;
    });
    const site = snapshot.scopes.site || {};
    const values = Object.keys(site).filter(function (key) {
      return key.indexOf("field:") === 0;
    }).length;
    // The severity lookup's choice stands in for a run declared without one.
    const chosen = isRecord(site.severity) ? site.severity.value : "";
    return {
      ticks: ticks,
      pages: pages,
      values: values,
      events: snapshot.events.length,
      severity: snapshot.run.severity || (typeof chosen === "string" ? chosen : ""),
    };
  }

  function utc(iso) {
    const date = new Date(iso);
    return isNaN(date.getTime()) ? String(iso) : playbook.utc.stamp(date);
  }

  function describe(snapshot) {
    const summary = snapshotSummary(snapshot);
    const severity = summary.severity ? summary.severity + ", " : "";
    return (
      "run " + snapshot.run.id + " (" + severity + "started " + utc(snapshot.run.start) + "): " +
      plural(summary.ticks, "tick") + " on " + plural(summary.pages, "page") + ", " +
      plural(summary.values, "template value") + ", " + plural(summary.events, "timeline event")
    );
  }

  function oneLine(text) {
    return String(text).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
  }

  const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

  function entities(text) {
    return text.replace(/[&<>]/g, function (character) {
      return ENTITIES[character];
    });
  }

  /* `text` as Markdown that shows it: "<", ">" and "&" become entities, except inside code
   * spans (a run of backticks up to the next run of the same length), shown as written. */
  function markdownText(text) {
    const parts = oneLine(text).split(/(`+)/); // odd indexes: runs of backticks
    // closer[i]: the next run of the same length after run i, found in one pass from the end.
    const closer = [];
    const last = {};
    for (let i = parts.length - 2; i > 0; i -= 2) {
      closer[i] = last[parts[i].length];
      last[parts[i].length] = i;
    }
    let out = "";
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        out += entities(parts[i]);
      } else if (closer[i] !== undefined) {
        out += parts.slice(i, closer[i] + 1).join("");
        i = closer[i];
      } else {
        out += parts[i];
      }
    }
    return out;
  }

  function toMarkdown(snapshot) {
    const run = snapshot.run;
    const lines = [
      "Incident: " + run.id,
      "Severity: " + (markdownText(snapshotSummary(snapshot).severity) || "not set"),
      "Start: " + utc(run.start),
    ];
    if (run.closed) lines.push("Closed: " + utc(run.closed));
    lines.push("", "3. Timeline");
    // Array.prototype.sort is stable, so events of one minute keep the order they were logged in.
    const events = snapshot.events.slice().sort(function (a, b) {
      return Date.parse(a.at) - Date.parse(b.at);
    });
    events.forEach(function (event) {
      const page = event.page ? " (" + markdownText(event.page) + ")" : "";
      lines.push(utc(event.at) + " - " + markdownText(event.text) + page);
    });
    return lines.join("\n") + "\n";
  }

  function compressionMissing() {
    return typeof CompressionStream !== "function" || typeof DecompressionStream !== "function";
  }

  function noCompression(doing) {
    return "This browser cannot " + doing + " (it has no CompressionStream).";
  }

  async function encodeFragment(snapshot) {
    if (compressionMissing()) {
      throw new Error(noCompression("pack a run into a link") + " Export it as JSON instead.");
    }
    const bytes = new TextEncoder().encode(JSON.stringify(canonical(snapshot)));
    const packed = await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))
    ).arrayBuffer();
    const fragment = PREFIX + VERSION + "." + toBase64Url(new Uint8Array(packed));
    if (fragment.length > LIMITS.fragment) {
      throw new Error(
        "This run is too large to share as a link: " + tooLong(fragment.length, LIMITS.fragment) +
          " Export it as JSON instead."
      );
    }
    return fragment;
  }

  function toBase64Url(bytes) {
    let binary = "";
    // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
    for (let start = 0; start < bytes.length; start += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    let binary;
    try {
      binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    } catch (_) {
      refuse(damaged("its data is not base64url"));
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // Reads chunk by chunk and stops past the limit, so a small link cannot unpack to gigabytes.
  async function inflate(bytes) {
    const stream = new DecompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    // Their failures surface on the reader; caught here so they are not reported twice.
    writer.write(bytes).catch(function () {});
    writer.close().catch(function () {});
    const reader = stream.readable.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      let step;
      try {
        step = await reader.read();
      } catch (_) {
        refuse(damaged("its data does not unpack"));
      }
      if (step.done) break;
      size += step.value.length;
      if (size > LIMITS.unpackedBytes) {
        reader.cancel().catch(function () {});
        refuse(
          "The link unpacks to more than " + count(LIMITS.unpackedBytes) +
            " bytes, more than any run holds."
        );
      }
      chunks.push(step.value);
    }
    const joined = new Uint8Array(size);
    let offset = 0;
    chunks.forEach(function (chunk) {
      joined.set(chunk, offset);
      offset += chunk.length;
    });
    return joined;
  }

  async function unpack(body, site) {
    const shape = /^(\d{1,9})\.([A-Za-z0-9_-]*)$/.exec(body);
    if (!shape) refuse(damaged("it is not a playbook run link"));
    const version = Number(shape[1]);
    if (version > VERSION) refuse(newer("link", version));
    if (version !== VERSION) refuse("This link's format " + version + " is unknown.");
    if (compressionMissing()) refuse(noCompression("read a run from a link"));
    const bytes = await inflate(fromBase64Url(shape[2]));
    let data;
    try {
      data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch (_) {
      refuse(damaged("its data is not JSON text"));
    }
    return { ok: true, snapshot: check(data, site) };
  }

  async function decodeFragment(hash, site) {
    const text = String(hash || "").replace(/^#/, "");
    if (text.indexOf(PREFIX) !== 0) return null;
    try {
      // Before any decoding: the limit is what bounds the work an unknown link can cause.
      if (text.length > LIMITS.fragment) {
        refuse("The link is too long: " + tooLong(text.length, LIMITS.fragment));
      }
      return await unpack(text.slice(PREFIX.length), site);
    } catch (error) {
      return refused(error);
    }
  }

  playbook.define("runState", {
    VERSION: VERSION,
    LIMITS: LIMITS,
    snapshotSummary: snapshotSummary,
    describe: describe,
    toJSON: toJSON,
    fromJSON: fromJSON,
    toMarkdown: toMarkdown,
    markdownText: markdownText,
    encodeFragment: encodeFragment,
    decodeFragment: decodeFragment,
    validate: validate,
  });
})();
