/* language.js: the language selector keeps the paragraph the reader is at (#p14 stays #p14)
   and marks each language's name with its lang (日本語 on an English page).
   Loaded before Material's bundle (docs/overrides/main.html). */
(function () {
  "use strict";

  // Material fetches a sitemap.xml next to every <link rel="alternate">, expecting language
  // roots; mkdocs-static-i18n's alternates are pages, so each fetch would fail (404). The
  // click handler below does the navigation, so we keep the links out of Material's
  // [rel=alternate] selector; "alternate" stays among the rel tokens for browsers and crawlers.
  document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) {
    link.setAttribute("rel", "alternate nofollow");
  });

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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      link.lang = link.hreflang;
    });
  });
})();
