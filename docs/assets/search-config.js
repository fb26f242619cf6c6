/* search-config.js: points Material's search UI at our worker, for this page's language, has
   it search whatever way the text got into the box (but not while an input method is still
   composing), has the worker fetch the index as soon as the reader goes to the box, words the
   result count in paragraphs, and keeps an empty ?h= off the links of results with nothing to
   mark. */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("__config");
  var config = JSON.parse(element.textContent);
  var worker = new URL(script.dataset.worker, window.location.href);
  worker.searchParams.set("lang", script.dataset.lang);
  config.search = worker.href;
  // Material's count says "documents"; ours are paragraphs (templates/strings.yml, ui_search_result_*).
  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  var strings = data.strings || {};
  ["none", "one", "other"].forEach(function (n) {
    if (strings["search_result_" + n]) config.translations["search.result." + n] = strings["search_result_" + n];
  });
  element.textContent = JSON.stringify(config);

  // The worker fetches and prepares the index when the reader focuses the search box, before
  // the first key (at 100× our statement that took over a second after the first keystroke).
  // Material makes the worker (`new Worker(config.search)` in setupSearchWorker,
  // src/templates/assets/javascripts/integrations/search/worker/_/index.ts, Material 9.x) and
  // keeps it to itself, and sends it nothing on focus: so the one it makes from our address
  // is noted as it is made, and gets a PREFETCH message of ours (Material's types are numbers).
  var Original = window.Worker;
  var searchWorker = null;
  var focused = false;
  function prefetch() {
    if (searchWorker) searchWorker.postMessage({ type: "prefetch" });
  }
  function Noted(url, options) {
    var made = new Original(url, options);
    if (!searchWorker && String(url) === config.search) {
      searchWorker = made;
      // Our answers carry more than Material reads (where a query that found nothing occurs
      // otherwise): handed to the page as an event, for search-near.js.
      made.addEventListener("message", function (event) {
        if (event.data && event.data.type === 3) {
          document.dispatchEvent(new CustomEvent("stmt-search-result", { detail: event.data.data }));
        }
      });
      window.Worker = Original;             // the one worker we wanted: the constructor is Material's again
      if (focused) prefetch();
    }
    return made;
  }
  Noted.prototype = Original.prototype;
  window.Worker = Noted;
  document.addEventListener("focusin", function (event) {
    if (!focused && event.target instanceof HTMLInputElement && event.target.matches(".md-search__input")) {
      focused = true;
      prefetch();
    }
  });

  // Material reads the search box on keyup, focus and the worker's READY only (watchSearchQuery
  // in src/templates/assets/javascripts/components/search/query/index.ts, Material 9.x): text
  // pasted from a phone's menu, dictated, or put in by an input method without a key event
  // stayed unsearched ("type to search") until the next key. So every input event in the box is
  // handed to Material as a keyup on the box itself: not bubbling, so no other keyup listener
  // sees it; Material drops a value it has already searched (distinctUntilChanged).
  function isBox(target) { return target instanceof HTMLInputElement && target.matches(".md-search__input"); }
  document.addEventListener("input", function (event) {
    if (isBox(event.target) && !composing) event.target.dispatchEvent(new KeyboardEvent("keyup"));
  });

  // While an input method composes (かな typed before conversion), the box holds text the reader
  // has not chosen: Material would search each kana (its keyup), results flashing by. So its
  // keyups are kept from Material until the composition ends, and the end is searched.
  var composing = false;
  document.addEventListener("compositionstart", function (event) {
    if (isBox(event.target)) composing = true;
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (!isBox(event.target)) return;
    composing = false;
    event.target.dispatchEvent(new KeyboardEvent("keyup"));
  }, true);
  window.addEventListener("keyup", function (event) {
    if (isBox(event.target) && (composing || event.isComposing)) event.stopImmediatePropagation();
  }, true);

  // Material adds the words to mark to every result's link as ?h= (renderSearchDocument in
  // src/templates/assets/javascripts/templates/search/index.tsx, Material 9.x), even when there
  // are none: a citation's place ("Go to ¶12") would link to /alliance/?h=#p12. Taken off as
  // Material renders the result.
  var list = document.querySelector(".md-search-result__list");
  if (list) {
    new MutationObserver(function () {
      list.querySelectorAll("a.md-search-result__link[href*='h=']").forEach(function (link) {
        var url = new URL(link.href);
        if (url.searchParams.get("h") !== "") return;
        url.searchParams.delete("h");
        link.href = url.href;
      });
    }).observe(list, { childList: true, subtree: true });
  }
})();
