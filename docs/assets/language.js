/* language.js: the language selector keeps the paragraph the reader is at (#p14 stays #p14)
   and marks each language's name with its lang (日本語 on an English page). */
(function () {
  "use strict";

  // Each selector link already points to the same page in the other language
  // (mkdocs-static-i18n), but Material intercepts the click and navigates to the
  // page without its #anchor. We take the click first (capture phase) and add it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.md-select__link[hreflang]");
    if (!link || !window.location.hash || event.metaKey || event.ctrlKey) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    window.location.assign(link.href.split("#")[0] + window.location.hash);
  }, true);

  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
    link.lang = link.hreflang;
  });
})();
