/* language.js: the language selector keeps the reader's place, and marks each language's name
   with its lang (日本語 on an English page). Loaded before Material's bundle
   (docs/overrides/main.html).

   The place is what the reader is looking at when they switch: the paragraph (or glossary
   entry, or heading) at the top of the window, not only the #anchor they arrived at. The new
   page's address carries that anchor (#p21), so it can be shared; where the top of the window
   is inside a long paragraph, the sentence there travels in sessionStorage, and the new page
   scrolls to it without marking it (the reader did not follow a link to that sentence). */
(function () {
  "use strict";

  var KEY = "statement-site:place";
  var PLACES = ".md-content .stmt-para[id], .md-content .stmt-pair[id], .md-content .stmt-entry[id], " +
               ".md-content h2[id], .md-content h3[id]";

  // Material fetches a sitemap.xml next to every <link rel="alternate">, expecting language
  // roots; mkdocs-static-i18n's alternates are pages, so each fetch would fail (404). The
  // click handler below does the navigation, so we keep the links out of Material's
  // [rel=alternate] selector; "alternate" stays among the rel tokens for browsers and crawlers.
  document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) {
    link.setAttribute("rel", "alternate nofollow");
  });

  /* How far down the sticky header reaches, with the parallel page's column labels (sticky
     under it on a wide screen): what lies under them is not in view. */
  function top() {
    var header = document.querySelector(".md-header");
    var edge = header ? header.getBoundingClientRect().bottom : 0;
    var labels = document.querySelector(".md-content .stmt-pair-head");
    if (labels && window.getComputedStyle(labels).position === "sticky") edge += labels.offsetHeight;
    return edge;
  }

  function sentenceAnchor(element) {
    return element.id.replace(/-[a-z]+$/, "");  // the parallel page's p12.5-ja is the sentence p12.5
  }

  /* The anchor the reader is at: {anchor, sentence} or null at the top of the page. */
  function place() {
    var edge = top() + 8;
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var target = hash && (document.getElementById(hash) || document.getElementById(hash + "-" + document.documentElement.lang));
    if (target && !target.classList.contains("stmt-restored")) {  // (not where a switch left the reader)
      var box = target.getBoundingClientRect();
      if (box.bottom > edge && box.top < window.innerHeight) return { anchor: hash, sentence: null };
      // Not in view and the page not scrolled: the browser has not yet scrolled to it (a slow
      // page), and the reader has not moved from it.
      if (window.scrollY < 8) return { anchor: hash, sentence: null };
    }
    var heading = document.querySelector(".md-content h1");
    if (window.scrollY < 8 || (heading && heading.getBoundingClientRect().bottom > edge)) return null;  // near the top
    var candidates = document.querySelectorAll(PLACES);
    for (var i = 0; i < candidates.length; i++) {
      var rect = candidates[i].getBoundingClientRect();
      if (rect.bottom <= edge) continue;
      var found = { anchor: candidates[i].id, sentence: null };
      if (rect.top < edge) {  // the paragraph began above the window: which sentence is at its top?
        // On the parallel page, in the column read (the first one shown, the Japanese on a wide
        // screen): its sentence, with the column's id (p12.5-ja), is restored in the same column.
        var column = candidates[i].querySelector(":scope > .stmt-col:not(.stmt-off)") || candidates[i];
        var sentences = column.querySelectorAll(".stmt-sent[id]");
        for (var k = 0; k < sentences.length; k++) {
          if (sentences[k].getBoundingClientRect().bottom > edge) {
            found.sentence = sentences[k].id;
            break;
          }
        }
      }
      return found;
    }
    return null;
  }

  // Each selector link already points to the same page in the other language
  // (mkdocs-static-i18n), but Material intercepts the click and navigates to the
  // page without its #anchor. We take the click first (capture phase) and add the place.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var here = place();
    if (!here && !window.location.hash) return;  // at the top: Material's own navigation will do
    event.preventDefault();
    event.stopPropagation();
    var page = link.href.split("#")[0];
    try {
      if (here && here.sentence) {
        window.sessionStorage.setItem(KEY, JSON.stringify({ page: new URL(page).pathname, sentence: here.sentence }));
      } else {
        window.sessionStorage.removeItem(KEY);
      }
    } catch (e) { /* storage refused: the paragraph is place enough */ }
    window.location.assign(page + (here ? "#" + here.anchor : ""));
  }, true);

  // The links themselves carry the place too, from the moment a pointer or the keyboard
  // comes to the menu: whatever follows the link then (a middle click, a long press, the
  // browser's own navigation) keeps the place.
  function mark() {
    var here = place();
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      link.href = link.href.split("#")[0] + (here ? "#" + here.anchor : window.location.hash);
    });
  }
  ["pointerover", "focusin", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(".md-select")) mark();
    }, { capture: true, passive: true });
  });

  /* On the new page: scroll to the sentence that was at the top of the window. */
  function arrive() {
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      window.sessionStorage.removeItem(KEY);
    } catch (e) { return; }
    if (!saved || saved.page !== window.location.pathname) return;
    var sentence = document.getElementById(saved.sentence) ||
                   document.getElementById(sentenceAnchor({ id: saved.sentence })) ||
                   document.getElementById(sentenceAnchor({ id: saved.sentence }) + "-" + document.documentElement.lang);
    if (!sentence) return;
    // The paragraph in the address is where the reader was, not a link they followed: not marked.
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var target = hash && document.getElementById(hash);
    if (target) target.classList.add("stmt-restored");
    // Once the fonts are in: text in a font that arrives later would move the sentence again.
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
      window.scrollTo({ top: window.scrollY + sentence.getBoundingClientRect().top - top() - 8, behavior: "instant" });
      document.documentElement.dataset.stmtArrived = "sentence";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      link.lang = link.hreflang;
      if (link.hreflang === document.documentElement.lang) link.setAttribute("aria-current", "true");
    });
  });
  // After the browser's own scroll to the #anchor, which happens as the page loads.
  window.addEventListener("load", function () { window.setTimeout(arrive, 0); });
})();
