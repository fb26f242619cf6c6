/* glossary.js: the glossary page's filter. As the reader types, the entries whose names (in
   either language), abbreviation, reading or other forms in the text hold what was typed stay,
   and the others are hidden, with the kinds left empty and the abbreviation index; a status
   line says how many are left. Width and case do not count (ＩＰＥＦ = ipef), nor hiragana
   against katakana, spaces, middle dots or hyphens. Escape empties the box. The template's
   form is hidden until this script shows it. */
(function () {
  "use strict";

  var form = document.querySelector(".md-content form.stmt-filter");
  if (!form) return;
  var input = form.querySelector("input");
  var status = form.querySelector(".stmt-filter-status");
  var content = form.closest(".md-content");
  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  var strings = data.strings || {};

  function fold(text) {
    return text.normalize("NFKC").toLowerCase()
      .replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); })
      .replace(/[\s・·‐‑–—-]/g, "");
  }

  var entries = Array.prototype.map.call(content.querySelectorAll("section.stmt-entry"), function (entry) {
    var heading = entry.querySelector("h3"), names = entry.querySelector("[data-names]");
    return { element: entry, key: fold((names ? names.dataset.names : "") + "|" + (heading ? heading.textContent : "")) };
  });
  var blocks = content.querySelectorAll(".stmt-entries");
  var kinds = content.querySelectorAll("h2[id^='kind-']");
  var index = content.querySelectorAll("#abbreviations, .stmt-abbrs");

  function apply() {
    var query = fold(input.value);
    var shown = 0;
    entries.forEach(function (entry) {
      var hit = !query || entry.key.indexOf(query) >= 0;
      entry.element.hidden = !hit;
      if (hit) shown++;
    });
    // Blocks are laid out only when near the window (statement.css): while filtering, each as it is.
    content.classList.toggle("stmt-filtering", Boolean(query));
    blocks.forEach(function (block) { block.hidden = !block.querySelector("section.stmt-entry:not([hidden])"); });
    kinds.forEach(function (kind) {
      var any = false;
      for (var next = kind.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling) {
        if (next.matches(".stmt-entries:not([hidden])")) { any = true; break; }
      }
      kind.hidden = !any;
    });
    index.forEach(function (element) { element.hidden = Boolean(query); });
    status.textContent = !query ? "" : shown === 0 ? strings.filter_none :
      shown === 1 ? strings.filter_one : strings.filter_other.replace("{count}", String(shown));
    form.dataset.shown = query ? String(shown) : "";  // (tests wait for it)
  }

  // Not while an input method is composing a word (its kana are not yet what the reader means).
  input.addEventListener("input", function (event) { if (!event.isComposing) apply(); });
  input.addEventListener("compositionend", apply);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) {
      event.preventDefault();
      event.stopPropagation();
      input.value = "";
      apply();
    }
  });
  form.addEventListener("submit", function (event) {  // Enter: nothing to send; the list is there
    event.preventDefault();
    input.blur();  // (on a phone, the keyboard goes away and the entries are in view)
  });

  // A link to an entry the filter hides (from the text, or a related entry): the whole list again.
  function reveal() {
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && target.closest("[hidden]") && input.value) {
      input.value = "";
      apply();
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  if (input.value) apply();  // the browser may have kept what was typed (Back)
})();
