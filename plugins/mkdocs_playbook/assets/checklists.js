/* Checklists: enhances the lists of checklist.html with the page's cloned controls
 * (checklist_controls.html, and checklist_page.html once before the first checklist). Ticks
 * are kept per page through playbook.store, under each item's stable id, as the UTC time of
 * the tick (false: unticked against a `[x]` written in the page; absent: as written). Adds
 * progress, reset with confirmation and undo, copy as Markdown, tick times, tab sync and a
 * notice when ticks cannot be kept. Writes no HTML from strings.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const store = playbook && playbook.store;
  // Claimed first: a second copy of this script stops here.
  if (!store || !playbook.define("checklists", {})) return;
  const utc = playbook.utc;
  const onScreen = new Set(); // the mounted checklists, in document order

  function text(element) {
    return element.textContent.replace(/\s+/g, " ").trim();
  }

  function Checklist(root) {
    this.root = root;
    this.scope = store.pageScope(root);
    this.title = root.getAttribute("data-playbook-title") || "";
    this.items = [];
    const byElement = new Map();
    root.querySelectorAll("li[data-playbook-item]").forEach(function (li) {
      // checklist.html: li > label > input, a nested list's li > ul > li.
      const label = li.firstElementChild;
      const item = {
        key: li.getAttribute("data-playbook-item"),
        box: label.firstElementChild,
        label: label,
        written: li.getAttribute("data-playbook-default") === "checked",
        parent: byElement.get(li.parentElement.parentElement) || null,
        children: [],
        time: null,
        shown: null, // what render() last showed: "ticked|time"
      };
      if (item.parent) item.parent.children.push(item);
      byElement.set(li, item);
      this.items.push(item);
    }, this);
    this.leaves = this.items.filter(function (item) {
      return item.children.length === 0;
    });
    this.leaves.forEach(function (item) {
      item.time = document.createElement("time");
      item.time.className = "playbook-checklist__time";
      item.label.after(item.time);
    });
    this.find = function (name) {
      return root.querySelector(".playbook-checklist__" + name);
    };
    this.progress = this.find("progress");
    this.progress.max = Math.max(this.leaves.length, 1);
    this.progress.setAttribute("aria-label", "Progress" + (this.title ? ": " + this.title : ""));
    this.count = this.find("count");
    this.status = this.find("status");
    this.notice = this.find("notice");
    this.undoSnapshot = null;
    root.addEventListener("change", this.onChange.bind(this));
    root.addEventListener("click", this.onClick.bind(this));
    const render = this.render.bind(this);
    const stops = [store.subscribe(this.scope, render), store.onStatus(render)];
    this.stop = function () {
      stops.forEach(function (stop) {
        stop();
      });
    };
    this.render();
  }

  Checklist.prototype.ticked = function (item, values) {
    const value = values[item.key];
    return value === undefined ? item.written : value !== false;
  };

  Checklist.prototype.render = function () {
    const values = store.all(this.scope);
    let done = 0;
    this.leaves.forEach(function (item) {
      const ticked = this.ticked(item, values);
      if (ticked) done += 1;
      const value = values[item.key];
      // Only steps whose state changed are touched: a tick on a 500-step list stays one write.
      const shown = ticked + "|" + (typeof value === "string" ? value : "");
      if (item.shown === shown && item.box.checked === ticked) return;
      item.shown = shown;
      item.box.checked = ticked;
      const when = ticked && typeof value === "string" ? new Date(value) : null;
      if (when && !isNaN(when.getTime())) {
        item.time.dateTime = value;
        // UTC, as every other time the site shows: never the browser's own zone.
        item.time.textContent = utc.clock(when);
        item.time.title = utc.clock(when) + ", " + utc.day(when);
        item.time.hidden = false;
      } else {
        item.time.textContent = "";
        item.time.removeAttribute("datetime");
        item.time.hidden = true;
      }
    }, this);
    // Parents last, deepest first, from their leaves.
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i];
      if (!item.children.length) continue;
      const states = item.children.map(function (child) {
        return child.box.indeterminate ? "some" : child.box.checked ? "all" : "none";
      });
      const all = states.every(function (s) {
        return s === "all";
      });
      const none = states.every(function (s) {
        return s === "none";
      });
      item.box.checked = all;
      item.box.indeterminate = !all && !none;
    }
    this.progress.value = done;
    const summary = done + " of " + this.leaves.length + " done";
    if (this.count.textContent !== summary) this.count.textContent = summary;
    const notice = playbook.notice(store.status(this.scope), "ticks");
    this.notice.hidden = !notice;
    if (this.notice.textContent !== notice) this.notice.textContent = notice;
  };

  Checklist.prototype.valueFor = function (item, ticked) {
    if (ticked) return new Date().toISOString();
    return item.written ? false : undefined;
  };

  Checklist.prototype.leavesUnder = function (item) {
    return item.children.length ? item.children.flatMap(this.leavesUnder, this) : [item];
  };

  Checklist.prototype.onChange = function (event) {
    const item = this.items.find(function (candidate) {
      return candidate.box === event.target;
    });
    if (!item) return;
    const changes = {};
    const ticked = item.box.checked;
    const values = store.all(this.scope);
    this.leavesUnder(item).forEach(function (leaf) {
      // A parent ticks only its unticked steps, keeping the times of those already done.
      if (this.ticked(leaf, values) !== ticked) changes[leaf.key] = this.valueFor(leaf, ticked);
    }, this);
    this.hideUndo();
    store.setMany(this.scope, changes);
    const steps = Object.keys(changes).length;
    // The store tells render() of each change (subscribed above); with none, the box clicked
    // goes back to what is stored here.
    if (!steps) {
      this.render();
    } else {
      playbook.record(
        this.root,
        ticked ? "tick" : "untick",
        (ticked ? "Ticked “" : "Unticked “") + text(item.label) + "”" +
          (steps > 1 ? " (" + steps + " steps)" : "") + this.where()
      );
    }
  };

  Checklist.prototype.where = function () {
    return this.title ? " in “" + this.title + "”" : "";
  };

  Checklist.prototype.onClick = function (event) {
    const button = event.target.closest("button");
    if (!button) return;
    const confirm = this.find("confirm");
    const is = function (name) {
      return button.classList.contains("playbook-checklist__" + name);
    };
    if (is("copy")) {
      const status = this.status;
      playbook.copy(this.markdown()).then(
        function () {
          playbook.announce(status, "Copied as Markdown.");
        },
        function () {
          playbook.announce(status, "The browser refused to copy; select the list and copy it by hand.");
        }
      );
    } else if (is("reset")) {
      confirm.hidden = false;
      this.find("confirm-reset").focus();
    } else if (is("cancel")) {
      confirm.hidden = true;
      this.find("reset").focus();
    } else if (is("confirm-reset")) {
      const values = store.all(this.scope);
      const cleared = {};
      this.undoSnapshot = {};
      this.leaves.forEach(function (leaf) {
        this.undoSnapshot[leaf.key] = values[leaf.key];
        cleared[leaf.key] = undefined;
      }, this);
      store.setMany(this.scope, cleared);
      playbook.record(this.root, "untick", "Reset the checklist" + this.where());
      confirm.hidden = true;
      this.find("undo").hidden = false;
      this.find("undo-button").focus();
      playbook.announce(this.status, "Checklist reset.");
      this.render();
    } else if (is("undo-button")) {
      if (this.undoSnapshot) {
        store.setMany(this.scope, this.undoSnapshot);
        playbook.record(this.root, "tick", "Undid the reset" + this.where());
      }
      this.hideUndo();
      this.find("reset").focus();
      playbook.announce(this.status, "Ticks restored.");
      this.render();
    }
  };

  Checklist.prototype.hideUndo = function () {
    this.undoSnapshot = null;
    this.find("undo").hidden = true;
  };

  Checklist.prototype.markdown = function () {
    const values = store.all(this.scope);
    const lines = [];
    const walk = function (item, depth) {
      let line = "  ".repeat(depth) + "- [" + (item.box.checked ? "x" : " ") + "] " + text(item.label);
      const value = values[item.key];
      if (!item.children.length && item.box.checked && typeof value === "string") {
        const when = new Date(value);
        const sameDay = utc.day(when) === utc.day(new Date());
        if (!isNaN(when.getTime())) line += " — " + (sameDay ? "" : utc.day(when) + " ") + utc.clock(when);
      }
      lines.push(line);
      item.children.forEach(function (child) {
        walk(child, depth + 1);
      });
    };
    this.items.forEach(function (item) {
      if (!item.parent) walk(item, 0);
    });
    return lines.join("\n") + "\n";
  };

  /* The page-wide bar, cloned once before the page's first checklist: copies them all. */
  function addPageBar(first) {
    const part = playbook.clone("checklist_page");
    if (!part) return;
    const bar = part.firstElementChild;
    const status = bar.querySelector(".playbook-checklists__status");
    bar.querySelector(".playbook-checklists__copy").addEventListener("click", function () {
      const parts = Array.from(onScreen, function (checklist) {
        return (checklist.title ? "### " + checklist.title + "\n\n" : "") + checklist.markdown();
      });
      playbook.copy(parts.join("\n")).then(
        function () {
          playbook.announce(status, "Copied " + parts.length + " checklists as Markdown.");
        },
        function () {
          playbook.announce(status, "The browser refused to copy; select the lists and copy them by hand.");
        }
      );
    });
    first.before(part);
  }

  playbook.mount(".playbook-checklist", function (root) {
    if (!playbook.enhance(root, "checklist_controls")) return null;
    if (!document.querySelector(".playbook-checklists")) addPageBar(root);
    const checklist = new Checklist(root);
    onScreen.add(checklist);
    return function () {
      onScreen.delete(checklist);
      checklist.stop();
    };
  });
})();
