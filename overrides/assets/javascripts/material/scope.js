// Material's storage helpers (its inline script in partials/javascripts/base.html), as a
// file so the page runs under `script-src 'self'`. Stored values that are not JSON, or
// storage the browser refuses (locked down, file://), read as "nothing stored".
(() => {
  "use strict";
  const script = document.currentScript;
  const scope = (script && script.dataset.mdScope) || ".";
  window.__md_scope = new URL(scope, location.href);
  window.__md_hash = (value) =>
    [...value].reduce((hash, character) => (hash << 5) - hash + character.charCodeAt(0), 0);
  const isObject = (value) => typeof value === "object" && value !== null;
  // What Material's bundle assumes of the values it stores; a value that does not fit (edited
  // by hand, written by another version) reads as "nothing stored" instead of breaking the page.
  const SHAPES = {
    __palette: (value) => isObject(value) && Number.isInteger(value.index) && isObject(value.color),
    __tabs: (value) => Array.isArray(value) && value.every((tab) => typeof tab === "string"),
    __consent: isObject,
  };
  window.__md_get = (key, storage, base) => {
    try {
      const area = storage || localStorage;
      const value = JSON.parse(area.getItem((base || window.__md_scope).pathname + "." + key));
      const fits = SHAPES[key];
      return value === null || !fits || fits(value) ? value : null;
    } catch (error) {
      return null;
    }
  };
  window.__md_set = (key, value, storage, base) => {
    try {
      const area = storage || localStorage;
      area.setItem((base || window.__md_scope).pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Full or refused storage: the preference is simply not kept.
    }
  };
})();
