/* The run page's post-incident draft (its "review" part, mounted like every widget): the
 * site's post-incident template (run_page.md's data-playbook-review-template, filled in by the
 * build) filled from the run shown, as plain text, what the run does not know marked; copied
 * or downloaded as Markdown. Says what it did through the run page's message line
 * (playbook.runPage.context(), run_page.js).
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const runs = playbook && playbook.runs;
  const runPage = playbook && playbook.runPage;
  // Claimed first: a second copy of this script stops here.
  if (!runs || !runPage || !playbook.define("runReview", {})) return;

  const utcStamp = playbook.utc.stamp;
  const count = playbook.plural;
  const find = (selector) => document.querySelector(selector);

  /* `value` on one line, as written: the draft is plain text (no entities), pasted into an
   * incident doc; the page shows it with textContent. */
  function oneLine(value) {
    return String(value).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
  }

  /* "1 h 05 min", "18 min": from `from` to `to` (ISO times), "" unless both are known. */
  function span(from, to) {
    const minutes = Math.round((Date.parse(to) - Date.parse(from)) / 60000);
    if (!(minutes >= 0)) return "";
    const hours = Math.floor(minutes / 60);
    return (hours ? hours + " h " + String(minutes % 60).padStart(2, "0") : minutes % 60) + " min";
  }

  // Placeholders as the template writes them, and text in braces no form field takes (with a
  // comma, say): whatever is still in braces is not filled.
  const BRACES = /(\{[^{}\n]+\})/;

  /* The post-incident template `review` (its data, as a template form has it) filled from run
   * `id` (`snap`, its export): [{ text, missing }], `missing` for what the run does not know,
   * which stays the placeholder as written. Plain text: what the run holds, as written. */
  function draftReview(review, id, snap) {
    const text = oneLine;
    const values = snap.scopes.site || {};
    const stored = function (key) {
      const value = Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
      return typeof value === "string" && value.trim() ? value : "";
    };
    const timeline = snap.events.slice().sort(function (a, b) {
      return Date.parse(a.at) - Date.parse(b.at);
    });
    const at = function (iso) {
      return iso ? utcStamp(new Date(iso)) : "";
    };
    const actions = actionsTaken(timeline);
    const resolved = runs.moment(timeline, "resolved");
    const mitigated = runs.moment(timeline, "mitigated");
    function valueOf(field) {
      const key = field[0];
      // The status and duration the run knows: resolved, or mitigated and being watched.
      if (key === "status" || key === "resolved or monitoring") {
        return resolved ? "Resolved" : mitigated ? "Monitoring" : "";
      }
      if (key === "duration" || field[2] === "duration") return resolved ? span(snap.run.start, resolved) : "";
      switch (field[2]) {
        case "severity":
          return text(snap.run.severity.replace(/^SEV[- ]?/i, ""));
        case "start":
          return utcStamp(new Date(snap.run.start));
        case "detected":
        case "mitigated":
        case "resolved":
          return at(runs.moment(timeline, field[2]));
      }
      if (key === "incident id") return text(stored("field:incident id") || id);
      if (key === "actions taken") return actions;
      return text(stored("field:" + key));
    }
    const parts = [];
    const add = function (value, missing) {
      parts.push({ text: value, missing: missing });
    };
    function fill(segments, value) {
      segments.forEach(function (segment) {
        if (typeof segment === "string") {
          // Odd parts: text in braces, which no field fills.
          segment.split(BRACES).forEach(function (part, odd) {
            if (part) add(part, odd % 2 === 1);
          });
          return;
        }
        if (!Array.isArray(segment)) return fillRows(review.rows[segment.row]);
        const found = value(segment[0]);
        add(found || segment[1], !found);
      });
    }
    // The timeline is the first repeating line with a time and a text: one row per event.
    const timelineRow = review.rows.find(function (row) {
      const kinds = row.fields.map(function (field) {
        return field[2];
      });
      return kinds.indexOf("text") >= 0 && kinds.some(function (kind) {
        return ["start", "detected", "mitigated", "resolved", "timestamp", "next-update"].indexOf(kind) >= 0;
      });
    });
    function fillRows(row) {
      const first = row.fields.findIndex(function (field) {
        return field[2] === "text";
      });
      if (row === timelineRow) {
        timeline.forEach(function (event, number) {
          if (number) add("\n", false);
          fill(row.segments, function (index) {
            if (row.fields[index][2] === "text") {
              return index === first ? text(event.text) + (event.page ? " (" + text(event.page) + ")" : "") : "";
            }
            return at(event.at);
          });
        });
        return;
      }
      // Other repeating lines (follow-up actions): the rows typed in the form, if any.
      const typed = Object.prototype.hasOwnProperty.call(values, "rows:" + row.key) ? values["rows:" + row.key] : null;
      const list = Array.isArray(typed) && typed.length ? typed : [{}];
      list.forEach(function (own, number) {
        if (number) add("\n", false);
        fill(row.segments, function (index) {
          const value = own && typeof own === "object" ? own[row.fields[index][0]] : "";
          return typeof value === "string" ? text(value) : "";
        });
      });
    }
    fill(review.segments, function (index) {
      return valueOf(review.fields[index]);
    });
    const hasActions = review.fields.some(function (field) {
      return field[0] === "actions taken";
    });
    if (!hasActions) add("\n\nActions taken\n" + actions, false);
    return parts;
  }

  /* The steps ticked during the run (and not unticked since), one Markdown list item each. */
  function actionsTaken(timeline) {
    const ticked = new Map();
    timeline.forEach(function (event) {
      const step = event.text.replace(/^(Ticked|Unticked) /, "") + "\u0000" + event.page;
      if (event.kind === "tick" && /^Ticked /.test(event.text)) ticked.set(step, event);
      if (event.kind === "untick" && /^Unticked /.test(event.text)) ticked.delete(step);
    });
    const lines = Array.from(ticked.values(), function (event) {
      const text = oneLine;
      return "- " + text(event.text.replace(/^Ticked /, "")) +
        (event.page ? " (" + text(event.page) + ")" : "") + ", " + utcStamp(new Date(event.at));
    });
    return lines.length ? lines.join("\n") : "- No step was ticked during the run.";
  }

  function setupReview(part) {
    const page = runPage.context();
    if (!page) return null;
    const say = page.say;
    const withRun = page.withRun;
    const download = runPage.download;
    const reviewTemplate = find("[data-playbook-review-template]");
    const review = reviewTemplate && reviewTemplate.textContent.trim()
      ? JSON.parse(reviewTemplate.textContent)
      : null;
    const reviewText = find("[data-playbook-run-review]");
    if (review) find("[data-playbook-run-review-link]").href = review.url;

    function drafted() {
      return reviewText ? reviewText.textContent : "";
    }

    if (reviewText) {
      find("[data-playbook-run-draft]").addEventListener("click", function () {
        withRun(function (id, snap) {
          if (!review) {
            say("This site names no post-incident template to draft from.");
            return;
          }
          reviewText.replaceChildren();
          draftReview(review, id, snap).forEach(function (part) {
            if (!part.missing) {
              reviewText.appendChild(document.createTextNode(part.text));
              return;
            }
            const mark = document.createElement("mark");
            mark.className = "playbook-form__missing";
            mark.title = "Not filled: the run does not know it";
            mark.textContent = part.text;
            reviewText.appendChild(mark);
          });
          reviewText.hidden = false;
          find("[data-playbook-run-review-actions]").hidden = false;
          const missing = reviewText.querySelectorAll("mark").length;
          say(
            "Drafted the review of " + id + "." +
              (missing ? " " + count(missing, "placeholder") + " the run does not know stay marked." : "")
          );
        });
      });
      find("[data-playbook-run-copy-review]").addEventListener("click", function () {
        playbook.copy(drafted()).then(
          function () {
            say("Copied the review as Markdown.");
          },
          function () {
            say("The browser refused to copy: use Download review instead.");
          }
        );
      });
      find("[data-playbook-run-download-review]").addEventListener("click", function () {
        withRun(function (id) {
          download(id + "-review.md", "text/markdown", drafted());
        });
      });
    }
    part.hidden = false;
    return null;
  }

  playbook.mount('[data-playbook-run-part="review"]', setupReview);
})();
