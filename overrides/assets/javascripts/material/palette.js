// Material's palette restore (its inline script in partials/javascripts/palette.html), as a
// file. The stored palette is checked before use: only the four known colour keys, each a
// short plain token, reach the body's attributes; anything else is ignored.
(() => {
  "use strict";
  const KEYS = ["media", "scheme", "primary", "accent"];
  const TOKEN = /^[A-Za-z0-9 ():_-]{1,64}$/;
  const palette = window.__md_get ? window.__md_get("__palette") : null;
  if (!palette || typeof palette !== "object" || !palette.color) return;
  const color = palette.color;
  if (typeof color !== "object") return;
  if (color.media === "(prefers-color-scheme)") {
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = document.querySelector(
      light
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']",
    );
    if (!input) return;
    for (const key of KEYS) color[key] = input.getAttribute("data-md-color-" + key);
  }
  for (const key of KEYS) {
    const value = color[key];
    if (typeof value === "string" && TOKEN.test(value)) {
      document.body.setAttribute("data-md-color-" + key, value);
    }
  }
})();
