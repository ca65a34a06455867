/* What the current run knows, on every page of a site with runs (after runs.js): the values
 * of template fields and of placeholders in code. A site without runs never loads it.
 *
 *   playbook.currentRun()    the current run as one render sees it, null without one:
 *                            { value(kind) }, "" where the run does not know it:
 *                            "start", "detected" (its first declaration), "mitigated" and
 *                            "resolved" (the last marked), in the site's UTC format;
 *                            "duration" from the start to the resolution (H:MM:SS, as the run
 *                            bar counts); "incident", its id. Its timeline is read at most once.
 *
 * A placeholder in code (the build's span, data-playbook-spot="key" data-playbook-kind="kind")
 * shows, while a run is declared, its typed value (the templates' "field:key") or what the run
 * knows, as a <mark> titled with the placeholder; otherwise it is as written, the highlighter's
 * spans in it. Values are text only (textContent).
 */
(function () {
  "use strict";
  const playbook = window.playbook;
  const store = playbook && playbook.store;
  const runs = store && playbook.runs;
  // Claimed first: a second copy of this script stops here.
  if (!runs || !playbook.define("currentRun", currentRun)) return;
  const stamp = (iso) => (isNaN(Date.parse(iso)) ? "" : playbook.utc.stamp(new Date(iso)));

  function currentRun() {
    const id = store.run();
    const run = runs.meta(id);
    let events = null;
    const moment = (kind) => runs.moment(events = events || runs.events(id), kind);
    return run && {
      value: (kind) => {
        const resolved = kind === "duration" && moment("resolved");
        if (kind === "incident") return id;
        if (kind === "start") return stamp(run.start);
        // Once resolved: in the run bar's format (H:MM:SS).
        if (resolved) return playbook.duration(Date.parse(resolved) - Date.parse(run.start));
        // "detected", "mitigated", "resolved"; any other kind is no moment of the run: "".
        return stamp(moment(kind));
      },
    };
  }

  playbook.mount("[data-playbook-spot]", (spot) => {
    const written = [...spot.childNodes];
    const mark = document.createElement("mark");
    const render = () => {
      const run = currentRun();
      const typed = store.get(store.SITE, "field:" + spot.dataset.playbookSpot);
      mark.textContent = run ? (typeof typed === "string" && typed) || run.value(spot.dataset.playbookKind) : "";
      spot.replaceChildren(...(mark.textContent ? [mark] : written));
    };
    // Values, the run, and its moments.
    const stops = [store.SITE, store.RUNS, "timeline"].map((name) => store.subscribe(name, render));
    mark.className = "playbook-filled";
    mark.title = "Filled in: " + spot.textContent;
    render();
    return () => stops.forEach((stop) => stop());
  });
})();
