/* print.js: what every printed page of the whole text carries at its foot (statement.css's
   @page margin boxes read it from the custom property --stmt-print-foot): the site's name, what
   the text is (in English, "unofficial translation"), the page's address and the day it was
   printed. The words come from the page (.stmt-print-foot, templates/full.md.j2); the address is
   the canonical one (permalink.js). */
(function () {
  "use strict";

  var foot = document.querySelector(".md-content .stmt-print-foot");
  if (!foot) return;

  function set() {
    var links = window.StatementLinks;  // (permalink.js, loaded before this script)
    var text = foot.dataset.words + " — " + links.pageAddress() + " — " + foot.dataset.printed + " " + links.isoDate(new Date());
    // A CSS string: the property is read by content: var(--stmt-print-foot) in the margin boxes.
    document.documentElement.style.setProperty("--stmt-print-foot", JSON.stringify(text));
    document.documentElement.dataset.stmtPrintFoot = "ready";
  }
  set();
  window.addEventListener("beforeprint", set);
})();
