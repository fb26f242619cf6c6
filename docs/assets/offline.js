/* offline.js: registers the site's service worker (sw.js at the site's root, written by the
   build: build_scripts/output/offline.py) once the page has loaded and the browser is idle, and
   asks it to cache every page and both search indexes in the background, for reading offline.
   When the build turned offline reading off (and under `mkdocs serve`), it removes a worker
   that an earlier build installed instead. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var worker = new URL(script.dataset.worker, window.location.href);   // the site's root, sub-path included
  var scope = new URL("./", worker).href;
  var root = document.documentElement;

  if (script.dataset.offline !== "on") {
    navigator.serviceWorker.getRegistration(scope).then(function (registration) {
      if (registration && registration.scope === scope) registration.unregister();
    });
    return;
  }

  // When what the worker caches unasked is in the cache (the whole site, unless it is larger
  // than the build's budget), <html data-stmt-offline="<version>"> says so, and
  // data-stmt-offline-files="<cached> <of>" how much of the site that is. A reader who asked
  // the browser to save data (Save-Data) gets what they browse cached, no more.
  function precache(registration) {
    if (!registration.active || (navigator.connection && navigator.connection.saveData)) return;
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      if (!event.data || event.data.error) return;
      root.setAttribute("data-stmt-offline-files", event.data.cached + " " + event.data.of);
      root.setAttribute("data-stmt-offline", event.data.version);
    };
    registration.active.postMessage({ type: "precache", lang: root.lang }, [channel.port2]);
  }

  function start() {
    navigator.serviceWorker.register(worker.href, { scope: scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(precache, function () {});              // no worker (a private window…): the site still works online
    // A new build's worker took over: it caches its own version.
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      root.removeAttribute("data-stmt-offline");
      root.removeAttribute("data-stmt-offline-files");
      navigator.serviceWorker.ready.then(precache);
    });
  }

  function whenIdle() {
    if ("requestIdleCallback" in window) window.requestIdleCallback(start, { timeout: 5000 });
    else window.setTimeout(start, 1000);
  }
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);
})();
