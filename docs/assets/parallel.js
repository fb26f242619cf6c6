/* parallel.js: the parallel view on a narrow screen. Each paragraph pair shows one language at a
   time (the page's, at first) and its switch (日本語 | English: buttons with aria-pressed) flips
   the pair to the other version in place; a link to a sentence or a column shows the language it
   points to. Above the pairs, a choice for the whole page (日本語 | English | 両方), remembered
   from page to page (localStorage): "both" stacks each Japanese paragraph above its English one.
   The CSS hides the switches on wide screens, where both columns stand side by side. */
(function () {
  "use strict";

  var lang = document.documentElement.lang;

  /* Show one language of a pair: its column stays, the other is marked off (hidden by CSS). */
  function show(pair, which) {
    pair.querySelectorAll(":scope > .stmt-col").forEach(function (column) {
      column.classList.toggle("stmt-off", column.lang !== which);
    });
    pair.querySelectorAll(":scope > .stmt-switch button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.show === which));
    });
  }

  var switches = document.querySelectorAll(".stmt-pair > .stmt-switch");
  switches.forEach(function (control) {
    var pressed = control.querySelector("button[aria-pressed=true]");
    show(control.parentElement, pressed ? pressed.dataset.show : lang);
    control.hidden = false;
  });
  if (!switches.length) return;

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".stmt-switch button");
    if (button) show(button.closest(".stmt-pair"), button.dataset.show);
  });

  /* The page-level choice: one language for every pair, or both. */
  var KEY = "statement-site:parallel-view";
  var view = document.querySelector(".md-content .stmt-view");
  var parallel = document.querySelector(".md-content .stmt-parallel");
  function choose(which, remember) {
    parallel.classList.toggle("stmt-both", which === "both");
    switches.forEach(function (control) {
      var pair = control.parentElement;
      if (which === "both") {
        pair.querySelectorAll(":scope > .stmt-col").forEach(function (column) { column.classList.remove("stmt-off"); });
      } else {
        show(pair, which);
      }
    });
    view.querySelectorAll("button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.view === which));
    });
    if (remember) {
      try { window.localStorage.setItem(KEY, which); } catch (e) { /* storage refused: this page only */ }
    }
  }
  if (view && parallel) {
    var saved = null;
    try { saved = window.localStorage.getItem(KEY); } catch (e) { /* storage refused */ }
    choose(["both", "ja", "en"].indexOf(saved) >= 0 && view.querySelector("[data-view='" + saved + "']") ? saved : lang, false);
    view.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-view]");
      if (button) choose(button.dataset.view, true);
    });
    view.hidden = false;
  }

  /* #p12.4 is the sentence in the page's language (permalink.js marks it), #p12.4-en a column's. */
  function reveal() {
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (!anchor) return;
    var target = document.getElementById(anchor) || document.getElementById(anchor + "-" + lang);
    var column = target && target.closest(".stmt-col");
    if (!column || column.getClientRects().length) return;  // shown already (or on a wide screen)
    show(column.closest(".stmt-pair"), column.lang);
    target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
