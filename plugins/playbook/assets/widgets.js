/* What every widget script shares: when to enhance a page, and the storage notice.
 *
 *   playbookWidgets.onPage(fn)              fn() on every page view: Material's document$
 *                                           (instant navigation) or DOMContentLoaded
 *   playbookWidgets.storageNotice(el, scope) keeps `el` (a hidden notice) showing why values
 *                                           of `scope` are not being kept, if they are not
 */
(function () {
  "use strict";
  if (window.playbookWidgets) return;

  function onPage(fn) {
    // scripts/bench times enhancement from DOMContentLoaded to the last of these marks.
    const enhance = fn;
    fn = function () { enhance(); performance.mark("playbook:enhanced"); };
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () {
        fn();
      });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function storageNotice(element, scope) {
    const store = window.playbookStore;
    function update() {
      const status = store ? store.status(scope) : { kept: false, detail: "no storage script" };
      element.hidden = status.kept;
      element.textContent = status.kept
        ? ""
        : "Not saved: values will be lost on reload because " + status.detail + ".";
      return element.isConnected;
    }
    if (update() && store) {
      const unsubscribe = store.onStatus(function () {
        if (!update()) unsubscribe();
      });
    }
  }

  window.playbookWidgets = { onPage: onPage, storageNotice: storageNotice };
})();
