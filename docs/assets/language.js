/* language.js: the language selector keeps the reader's place, and marks each language's name
   with its lang (日本語 on an English page). Loaded before Material's bundle
   (docs/overrides/main.html).

   The place is what the reader is looking at when they switch: the paragraph (or glossary
   entry, or heading) at the top of the window, not only the #anchor they arrived at. The new
   page's address carries that anchor (#p21), so it can be shared; the sentence being read, and
   where its first line was, travel in sessionStorage, and the new page scrolls to it without
   marking it (the reader did not follow a link to that sentence). */
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

  /* How far down what stays at the top of the window reaches: the header, the parallel page's
     column labels (sticky under it on a wide screen) and, on a phone, the 日本語 | English switch
     of the pair `element` is in while that pair has scrolled under the header (the switch then
     sticks there). What lies under them is not in view. */
  function top(element) {
    var header = document.querySelector(".md-header");
    var edge = header ? header.getBoundingClientRect().bottom : 0;
    var labels = document.querySelector(".md-content .stmt-pair-head");
    if (labels && window.getComputedStyle(labels).position === "sticky") edge += labels.offsetHeight;
    var pair = element && element.closest(".stmt-pair");
    var band = pair && pair.querySelector(":scope > .stmt-switch");
    if (band && band.offsetHeight && window.getComputedStyle(band).position === "sticky" &&
        pair.getBoundingClientRect().top < edge) edge += band.offsetHeight;
    return edge;
  }

  function sentenceAnchor(element) {
    return element.id.replace(/-[a-z]+$/, "");  // the parallel page's p12.5-ja is the sentence p12.5
  }

  /* A sentence's lines (an inline element has one box per line it is on). */
  function lines(sentence) {
    return Array.prototype.filter.call(sentence.getClientRects(), function (r) { return r.width > 0; });
  }

  function language(element) {
    var holder = element.closest("[lang]");
    return holder ? holder.lang : document.documentElement.lang;
  }

  /* The sentence being read at the top of the window, whose lines lie below `edge`: the first
     one with a line more than half in view. But sentences run on in a line (Japanese ones
     always): when all that is left of it is its last line, and the next sentence begins on that
     line, the reader is at the next one, whose first line is the top line. (Taking the first
     one put the switch a line or two above where the reader was.) */
  function reading(column, edge) {
    var sentences = column.querySelectorAll(".stmt-sent[id]");
    for (var k = 0; k < sentences.length; k++) {
      var boxes = lines(sentences[k]);
      var shown = boxes.filter(function (r) { return r.bottom - edge > r.height / 2; });
      if (!shown.length) continue;
      if (shown.length === 1 && boxes.length > 1 && shown[0] === boxes[boxes.length - 1] && k + 1 < sentences.length) {
        var next = lines(sentences[k + 1]);
        if (next.length && Math.abs(next[0].top - shown[0].top) < 2) return sentences[k + 1];
      }
      return sentences[k];
    }
    return null;
  }

  /* The anchor the reader is at: {anchor, sentence, lang, offset} or null at the top of the page.
     `sentence` is the sentence being read (with the language of its text), `offset` how far its
     first line is below the top of what is in view (less than 0: the sentence began above). */
  function place() {
    var edge = top(null) + 8;
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
      var here = top(candidates[i]);
      var rect = candidates[i].getBoundingClientRect();
      if (rect.bottom <= here + 8) continue;
      var found = { anchor: candidates[i].id, sentence: null };
      // On the parallel page, the column read: the one shown (a phone shows one language),
      // the first of two side by side (the Japanese), the one at the top where both are stacked.
      var columns = Array.prototype.filter.call(candidates[i].querySelectorAll(":scope > .stmt-col"), function (c) {
        return c.getClientRects().length && c.getBoundingClientRect().bottom > here;
      });
      var sentence = reading(columns[0] || candidates[i], here);
      if (sentence) {
        found.sentence = sentence.id;
        found.lang = language(sentence);
        found.offset = lines(sentence)[0].top - here;
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
        window.sessionStorage.setItem(KEY, JSON.stringify({ page: new URL(page).pathname, sentence: here.sentence,
                                                           lang: here.lang, offset: here.offset }));
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

  /* On the new page: scroll to the sentence that was being read, where it was. The same text
     (the Japanese column of the parallel page on a wide screen, in either language's page)
     comes back to the very line; a translation of it (a section page, or a phone's column in
     the other language) is put with its first line at the top, since its lines are not the
     same lines. */
  function arrive() {
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
      window.sessionStorage.removeItem(KEY);
    } catch (e) { return; }
    if (!saved || saved.page !== window.location.pathname) return;
    var base = sentenceAnchor({ id: saved.sentence });
    var sentence = null;
    [saved.sentence, base, base + "-" + document.documentElement.lang, base + "-ja", base + "-en"].some(function (id) {
      var element = document.getElementById(id);
      if (element && element.getClientRects().length) sentence = element;
      return sentence;
    });
    if (!sentence) return;
    // The paragraph in the address is where the reader was, not a link they followed: not marked.
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var target = hash && document.getElementById(hash);
    if (target) target.classList.add("stmt-restored");
    var offset = Number(saved.offset) || 0;
    if (language(sentence) !== saved.lang) offset = Math.max(0, offset);
    offset = Math.min(offset, window.innerHeight / 2);
    // Once the fonts are in: text in a font that arrives later would move the sentence again.
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
      // Again once scrolled: a phone's pair switch sticks under the header only once its pair
      // has scrolled there, which changes what is in view.
      for (var i = 0; i < 3; i++) {
        var by = lines(sentence)[0].top - top(sentence) - offset;
        if (Math.abs(by) < 1) break;
        window.scrollTo({ top: window.scrollY + by, behavior: "instant" });
      }
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
