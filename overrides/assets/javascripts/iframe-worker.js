// Runs Material's search worker from file://, where browsers refuse `new Worker(url)`.
// Material's offline plugin would load a shim from a CDN; this one is ours and runs under a
// strict policy too: the worker's script is loaded by a <script src> created in a hidden
// same-origin iframe (no markup written from strings, no inline script). Over http the real
// Worker is kept.
// The file name holds "iframe-worker", which tells Material's offline plugin a shim is present.
(() => {
  "use strict";
  if (location.protocol !== "file:") return;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "search worker";
      this.frame.setAttribute("aria-hidden", "true");
      this.frame.tabIndex = -1;
      document.body.appendChild(this.frame);
      const scope = this.frame.contentWindow;
      // The worker's postMessage reaches this object, as a worker's would reach its owner.
      scope.postMessage = (data) => this.emit(new MessageEvent("message", { data }));
      scope.importScripts = (...urls) =>
        urls.reduce((loaded, source) => loaded.then(() => load(scope, source)), Promise.resolve());
      this.ready = load(scope, String(url)).catch((error) => {
        this.emit(new ErrorEvent("error", { message: String(error), filename: String(url) }));
        throw error;
      });
    }

    emit(event) {
      this.dispatchEvent(event);
      const handler = event.type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") handler.call(this, event);
    }

    postMessage(data) {
      // A structured clone, as a real worker gets: nothing is shared between the two sides.
      const copy = structuredClone(data);
      this.ready.then(
        () => {
          const scope = this.frame.contentWindow;
          if (scope) scope.dispatchEvent(new scope.MessageEvent("message", { data: copy }));
        },
        () => {},
      );
    }

    terminate() {
      this.frame.remove();
    }
  }

  function load(scope, source) {
    return new Promise((resolve, reject) => {
      const script = scope.document.createElement("script");
      script.src = new URL(source, location.href).href;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("could not load " + source));
      scope.document.body.appendChild(script);
    });
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
