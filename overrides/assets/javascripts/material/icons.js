// From file:// a CSS mask image must be a data: URI (Chromium refuses file: URLs for masks,
// as cross-origin), so Material's own data: icons are kept there: our file-based ones, which
// exist for servers that send a strict Content-Security-Policy, are switched off.
(() => {
  "use strict";
  if (location.protocol !== "file:") return;
  const link = document.getElementById("playbook-icons");
  if (link) link.disabled = true;
})();
