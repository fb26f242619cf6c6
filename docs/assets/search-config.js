/* search-config.js: points Material's search UI at our worker, for this page's language, and
   has it search whatever way the text got into the box. */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var worker = new URL(script.dataset.worker, window.location.href);
  worker.searchParams.set("lang", script.dataset.lang);
  config.search = worker.href;
  element.textContent = JSON.stringify(config);

  // Material reads the search box on keyup, focus and the worker's READY only (watchSearchQuery
  // in src/templates/assets/javascripts/components/search/query/index.ts, Material 9.x): text
  // pasted from a phone's menu, dictated, or put in by an input method without a key event
  // stayed unsearched ("type to search") until the next key. So every input event in the box is
  // handed to Material as a keyup on the box itself: not bubbling, so no other keyup listener
  // sees it; Material drops a value it has already searched (distinctUntilChanged).
  document.addEventListener("input", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.matches(".md-search__input")) {
      event.target.dispatchEvent(new KeyboardEvent("keyup"));
    }
  });
})();
