/* Printing: a line at the top of the printed page naming the incident run (its id, severity
 * and state, as the run bar shows them) and when the page was printed, in UTC: a page taken
 * off the printer says which incident and which moment it belongs to. Written at
 * "beforeprint" from the run bar's own text, with textContent, and shown by the print
 * stylesheet only (playbook.css); without a run it names the print time alone.
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  // Claimed first: a second copy of this script stops here.
  if (!playbook || !playbook.define("print", {})) return;

  function text(element) {
    return element && !element.closest("[hidden]") ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* What the run bar says of the current run: [id, severity, state], "" for what it lacks. */
  function runFacts() {
    const bar = document.querySelector("[data-playbook-runbar]");
    const part = function (name) {
      return bar && bar.querySelector("[data-playbook-runbar-" + name + "]");
    };
    if (!text(part("id"))) return [];
    // The state as the bar words it: its own part where it has one, else "open 0:05:26".
    const elapsed = part("elapsed");
    const state = part("state") || (elapsed && elapsed.parentElement);
    return [text(part("id")), text(part("severity")), text(state)];
  }

  function write() {
    const content = document.querySelector(".md-content__inner") || document.querySelector("main") || document.body;
    let line = document.querySelector("[data-playbook-print]");
    if (!line) {
      line = document.createElement("p");
      line.className = "playbook-print";
      line.setAttribute("data-playbook-print", "");
    }
    const facts = runFacts().filter(Boolean);
    facts.push("printed " + playbook.utc.stamp(new Date()));
    line.textContent = facts.join(" · ");
    if (line.parentNode !== content) content.prepend(line);
  }

  window.addEventListener("beforeprint", write);
})();
