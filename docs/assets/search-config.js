/* search-config.js: points Material's search UI at our worker, for this page's language. */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var worker = new URL(script.dataset.worker, window.location.href);
  worker.searchParams.set("lang", script.dataset.lang);
  config.search = worker.href;
  element.textContent = JSON.stringify(config);
})();
