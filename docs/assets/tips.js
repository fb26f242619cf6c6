/* tips.js: what a glossary word or a corrected word means, where the reader is.

   With a mouse or the keyboard, a tooltip (role="tooltip", tied to the word by
   aria-describedby) shows on hover and focus, placed below the word or, where the window has
   no room below, above it; Escape closes it. On a touch screen, tapping a glossary word opens
   a sheet at the foot of the window with the entry's description and a link to the entry
   (rather than leaving for the long glossary page); tapping a corrected word shows what was
   published. One tip at a time: a glossary word inside a correction shows the word's.

   The templates give the words as `title` (so that without this script the browser still
   shows them); we move each to data-tip, so that the browser's own tooltip does not show as
   well. Material's tooltips (content.tooltips) are off: they could not place a tip above a
   word at the foot of the window, nor open a sheet on touch. */
(function () {
  "use strict";

  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  var strings = data.strings || {};
  var WORDS = ".md-content a.stmt-term[title], .md-content ins.stmt-corr[title], .md-content a.stmt-corr-ref[title]";

  document.querySelectorAll(WORDS).forEach(function (word) {
    word.dataset.tip = word.title;
    word.removeAttribute("title");
  });

  /* -- the tooltip (mouse, keyboard) ------------------------------------------------------ */

  var tip = document.createElement("div");
  tip.id = "stmt-tip";
  tip.className = "stmt-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var shownFor = null;

  function show(word, near) {
    if (shownFor === word) return;
    hide();
    tip.textContent = word.dataset.tip;
    tip.hidden = false;
    var rects = word.getClientRects();
    var line = rects[0] || word.getBoundingClientRect();
    if (near) {  // the line of a wrapped word that the pointer is on
      for (var i = 0; i < rects.length; i++) {
        if (near.clientY >= rects[i].top && near.clientY <= rects[i].bottom) line = rects[i];
      }
    }
    var width = document.documentElement.clientWidth;
    var height = tip.offsetHeight;
    var below = line.bottom + 8 + height <= window.innerHeight || line.top - 8 - height < 0;
    var top = below ? line.bottom + 8 : line.top - 8 - height;
    var left = Math.max(8, Math.min(line.left, width - tip.offsetWidth - 8));
    tip.style.top = (window.scrollY + top) + "px";
    tip.style.left = (window.scrollX + left) + "px";
    tip.dataset.side = below ? "below" : "above";
    word.setAttribute("aria-describedby", tip.id);
    shownFor = word;
  }

  function hide() {
    if (!shownFor) return;
    shownFor.removeAttribute("aria-describedby");
    shownFor = null;
    tip.hidden = true;
  }

  var touching = false;  // the last pointer was a finger: taps open the sheet, not the tooltip
  document.addEventListener("pointerdown", function (event) {
    touching = event.pointerType === "touch";
  }, true);

  document.addEventListener("mouseover", function (event) {
    if (touching) return;
    var word = event.target.closest && event.target.closest("[data-tip]");
    if (word) show(word, event);
    else if (shownFor && !tip.contains(event.target)) hide();
  });
  document.addEventListener("focusin", function (event) {
    var word = event.target.closest && event.target.closest("[data-tip]");
    if (word && !touching) show(word);
    else hide();
  });
  document.addEventListener("focusout", function () { if (!touching) hide(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); closeSheet(); }
  });
  window.addEventListener("scroll", function () { if (shownFor && !shownFor.matches(":focus")) hide(); }, { passive: true });

  /* -- the sheet (touch) ------------------------------------------------------------------ */

  var sheet = null, opener = null;

  function closeSheet() {
    if (!sheet) return;
    sheet.remove();
    sheet = null;
    if (opener) opener.focus({ preventScroll: true });
    opener = null;
  }

  /* A label and a text, with the part of the text that differs from `other` in a <mark>. */
  function line(label, value, other) {
    var span = document.createElement("span");
    var start = 0, end = 0;
    while (start < Math.min(value.length, other.length) && value[start] === other[start]) start++;
    while (end < Math.min(value.length, other.length) - start &&
           value[value.length - 1 - end] === other[other.length - 1 - end]) end++;
    var mark = document.createElement("mark");
    mark.className = "stmt-diff";
    mark.textContent = value.slice(start, value.length - end);
    var words = document.createElement("span");
    words.lang = "ja";
    words.append(value.slice(0, start), mark, value.slice(value.length - end));
    span.append(label, words);
    return span;
  }

  function openSheet(word) {
    closeSheet();
    hide();
    opener = word;
    sheet = document.createElement("div");
    sheet.className = "stmt-sheet";
    sheet.setAttribute("role", "dialog");
    sheet.setAttribute("aria-labelledby", "stmt-sheet-title");
    var title = document.createElement("p");
    title.className = "stmt-sheet-title";
    title.id = "stmt-sheet-title";
    title.textContent = word.textContent.trim();
    var text = document.createElement("p");
    text.className = "stmt-sheet-text";
    if (word.dataset.published !== undefined) {
      // A correction: what was published and what the site shows, the characters that differ
      // marked (兩 → 両 look alike at reading size). The twin of render.py's `differing`.
      text.append(line(strings.published, word.dataset.published, word.dataset.corrected),
                  document.createElement("br"),
                  line(strings.corrected, word.dataset.corrected, word.dataset.published));
    } else {
      text.textContent = word.dataset.tip;
    }
    var actions = document.createElement("div");
    actions.className = "stmt-sheet-actions";
    var more = document.createElement("a");
    var isTerm = word.matches("a.stmt-term");
    var next = word.nextElementSibling;  // a correction's ※ link follows it
    var ref = isTerm ? word : (next && next.matches("a.stmt-corr-ref") ? next : null);
    if (ref) {
      more.href = ref.getAttribute("href");
      more.textContent = isTerm ? strings.glossary_more : strings.corrections_more;
      actions.appendChild(more);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "stmt-sheet-close";
    close.textContent = strings.close;
    close.addEventListener("click", closeSheet);
    actions.appendChild(close);
    sheet.append(title, text, actions);
    document.body.appendChild(sheet);
    close.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (event) {
    if (sheet && !sheet.contains(event.target)) {
      var again = event.target.closest && event.target.closest("a.stmt-term, ins.stmt-corr");
      closeSheet();
      if (!again || !touching) return;
    }
    if (!touching) return;
    var word = event.target.closest && event.target.closest("a.stmt-term[data-tip], ins.stmt-corr[data-tip]");
    if (!word) return;
    event.preventDefault();
    openSheet(word);
  });
})();
