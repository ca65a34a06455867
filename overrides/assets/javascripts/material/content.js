// Material's content-tab restore (its inline scripts in partials/javascripts/content.html),
// as a file. Opens the tab a URL's fragment names and, with `content.tabs.link`, the tabs
// the reader chose last; only labels' text is compared, nothing stored is written as markup.
(() => {
  "use strict";
  const script = document.currentScript;
  if (script && script.hasAttribute("data-md-tabs-link") && window.__md_get) {
    const tabs = window.__md_get("__tabs");
    if (Array.isArray(tabs)) {
      for (const set of document.querySelectorAll(".tabbed-set")) {
        const labels = set.querySelector(".tabbed-labels");
        if (!labels) continue;
        const all = Array.from(labels.getElementsByTagName("label"));
        // The first stored tab this set has wins, as in Material.
        for (const tab of tabs) {
          const chosen = all.find((label) => label.innerText.trim() === tab);
          const input = chosen && document.getElementById(chosen.htmlFor);
          if (input) {
            input.checked = true;
            break;
          }
        }
      }
    }
  }
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
