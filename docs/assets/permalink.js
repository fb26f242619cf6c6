/* permalink.js: links to a paragraph or a sentence, as a reader takes them. Shows the controls
   beside each ¶N (copy its link, or share it on a phone), offers "copy link to this sentence"
   when text inside one sentence is selected, and marks the sentence a link leads to. A link is
   always the canonical one: this page, its #anchor, never a search's ?h=. */
(function () {
  "use strict";

  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  var strings = data.strings || {};
  var lang = document.documentElement.lang;

  /* The canonical address of an anchor of this page: at the site's own address where the build
     was given one (Material then writes <link rel="canonical">), else where the page is read. */
  var canonical = document.querySelector("link[rel=canonical]");
  /* `page`, when given, is the page the anchor is cited on, relative to this one: the whole
     text cites a paragraph at its section page, so that one paragraph has one address. */
  function pageAddress() {
    return canonical ? canonical.href.split("#")[0] : window.location.origin + window.location.pathname;
  }
  function linkTo(anchor, page) {
    var here = pageAddress();
    return (page ? new URL(page, here).href.split("#")[0] : here) + "#" + anchor;
  }
  /* A day as 2026-12-01 (the reader's own day: an access date, a printing date). */
  function isoDate(d) {
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  window.StatementLinks = { linkTo: linkTo, pageAddress: pageAddress, isoDate: isoDate };

  /* Where a page cites itself (the Data page's "how to cite"): its own canonical address. */
  document.querySelectorAll(".md-content .stmt-self").forEach(function (here) {
    here.textContent = pageAddress();
  });

  function flash(button, label) {
    var text = button.textContent;
    button.textContent = label;
    window.setTimeout(function () { button.textContent = text; }, 1500);
  }

  function copyText(text, button) {
    var done = function () { flash(button, button.dataset.copied || strings.copied || "✓"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
    } else {
      window.prompt("", text);
    }
  }
  window.StatementLinks.copyText = copyText;

  /* On a touch screen with a system share sheet, share; elsewhere, copy. */
  function shareOrCopy(anchor, button) {
    var url = linkTo(anchor, button.dataset.page);
    if (navigator.share && window.matchMedia("(pointer: coarse)").matches) {
      navigator.share({ title: document.title, url: url }).catch(function () {});
    } else {
      copyText(url, button);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.stmt-copy");
    if (button) shareOrCopy(button.dataset.anchor, button);
  });

  document.querySelectorAll(".stmt-tools").forEach(function (tools) { tools.hidden = false; });

  /* "Copy link to this sentence" beside a selection that lies within one sentence. */
  var offer = document.createElement("button");
  offer.type = "button";
  offer.className = "stmt-sentence-link";
  offer.hidden = true;  // (its words are set each time it is shown)
  document.body.appendChild(offer);

  function selectedSentence() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var start = range.startContainer.parentElement, end = range.endContainer.parentElement;
    var sentence = start && start.closest(".stmt-sent");
    return sentence && end && end.closest(".stmt-sent") === sentence ? { sentence: sentence, range: range } : null;
  }

  function sentenceAnchor(element) {
    return element.id.replace(/-[a-z]+$/, "");  // the parallel page's p12.5-ja is the sentence p12.5
  }

  /* The offer of a sentence's link, with its words, under a rectangle of the page (the
     selection, or the sentence's last line); `kept`: it stays until a click elsewhere. */
  function show(sentence, words, rect, kept) {
    var anchor = sentenceAnchor(sentence);
    offer.dataset.sentence = kept ? anchor : "";
    offer.dataset.anchor = anchor;
    offer.dataset.page = pageOf(sentence);
    offer.textContent = words;
    offer.style.top = (window.scrollY + rect.bottom + 6) + "px";
    offer.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 280)) + "px";
    offer.hidden = false;
  }

  function pageOf(sentence) {  // the whole text cites a sentence at its section page
    var tools = sentence.closest(".stmt-para");
    var button = tools && tools.querySelector("button.stmt-copy[data-page]");
    return button ? button.dataset.page : "";
  }

  var checks = 0;
  function showOffer() {
    offer.dataset.checked = String(++checks);   // the selection was read (tests wait for this)
    var found = selectedSentence();
    if (!found) {
      if (!offer.dataset.sentence) offer.hidden = true;  // the offer for a sentence stays
      return;
    }
    show(found.sentence, strings.copy_sentence || "Copy link to this sentence", found.range.getBoundingClientRect(), false);
  }

  /* "Copy the link to ¶7, sentence 6" under a sentence: the one a link led to, or one tapped. */
  function offerFor(sentence) {
    var parts = sentenceAnchor(sentence).slice(1).split(".");
    var rects = sentence.getClientRects();
    show(sentence, strings.link_sentence.replace("{number}", parts[0]).replace("{sentence}", parts[1]),
         rects[rects.length - 1] || sentence.getBoundingClientRect(), true);
  }

  document.addEventListener("click", function (event) {
    if (event.target === offer) return;
    var sentence = event.target.closest && event.target.closest(".md-content .stmt-sent[id]");
    var tapped = sentence && window.matchMedia("(pointer: coarse)").matches &&
      !event.target.closest("a, button, ins") && window.getSelection().isCollapsed;
    if (tapped) { offerFor(sentence); return; }
    if (offer.dataset.sentence) { offer.dataset.sentence = ""; offer.hidden = true; }
  });

  var pending = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(showOffer, 200);  // wait until the selection settles
  });
  offer.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the selection
  offer.addEventListener("click", function () { shareOrCopy(offer.dataset.anchor, offer); });

  /* A link to a sentence: on the parallel page its id carries the language (p12.5-ja). The
     sentence gets the offer of its own link. */
  function markTarget() {
    document.querySelectorAll(".stmt-target").forEach(function (el) { el.classList.remove("stmt-target"); });
    var anchor = decodeURIComponent(window.location.hash.slice(1));
    if (!/^p\d+\.\d+$/.test(anchor)) return;
    var target = document.getElementById(anchor);
    if (!target) {
      target = document.getElementById(anchor + "-" + lang);
      if (!target) return;
      target.classList.add("stmt-target");
      target.scrollIntoView({ block: "center" });
    }
    if (target.getClientRects().length) offerFor(target);
  }
  window.addEventListener("hashchange", markTarget);
  // After the browser's own scroll to the #anchor (the offer is placed where the sentence is).
  if (document.readyState === "complete") markTarget();
  else window.addEventListener("load", markTarget);

  /* The parallel view: a sentence hovered or focused lights its counterpart. */
  function counterpart(element) {
    var match = element && element.id.match(/^(p\d+\.\d+)-([a-z]+)$/);
    if (!match) return null;
    var other = document.querySelector("[id^='" + match[1] + "-']:not(#" + CSS.escape(element.id) + ")");
    return other;
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var sentence = event.target.closest && event.target.closest(".stmt-pair .stmt-sent");
      var other = counterpart(sentence);
      if (other) { sentence.classList.add("stmt-counterpart"); other.classList.add("stmt-counterpart"); }
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var sentence = event.target.closest && event.target.closest(".stmt-pair .stmt-sent");
      var other = counterpart(sentence);
      if (other) { sentence.classList.remove("stmt-counterpart"); other.classList.remove("stmt-counterpart"); }
    });
  });
})();
