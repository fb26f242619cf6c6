/* cite.js: the Cite control beside each ¶N. Opens, under the paragraph, ready-to-copy
   citations of the paragraph (what the button names) or of one of its sentences (a
   Japanese-style citation, Chicago style, BibTeX, the link), from the citations the build
   writes into the page (#stmt-data: build_scripts/output/citation.py). Escape or Close closes
   it and gives the focus back to the button. */
(function () {
  "use strict";

  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  if (!data.citations) return;
  var strings = data.strings || {};
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  /* A citation of build_scripts/output/citation.py: texts and {slot: name}, the slots filled here. */
  function filled(parts, values) {
    return parts.map(function (part) { return typeof part === "string" ? part : values[part.slot]; }).join("");
  }

  /* The citations of ¶number, or of its sentence k (k may be 0: the whole paragraph). */
  function citations(number, k, page) {
    var anchor = "p" + number + (k ? "." + k : "");
    var d = new Date();
    var values = {
      anchor: anchor,
      url: window.StatementLinks.linkTo(anchor, page),
      where_ja: "第" + number + "段落" + (k ? "第" + k + "文" : ""),
      where_en: "¶" + number + (k ? ", sentence " + k : ""),
      where_bib: "paragraph " + number + (k ? ", sentence " + k : ""),  // pdfLaTeX cannot set a bare ¶
      accessed_ja: d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日",
      accessed_en: MONTHS[d.getMonth()] + " " + d.getDate() + ", " + d.getFullYear(),
      accessed_iso: window.StatementLinks.isoDate(d)
    };
    var c = data.citations;
    return [[strings.cite_ja, filled(c.japanese, values)], [strings.cite_en, filled(c.chicago, values)],
            [strings.cite_bibtex, filled(c.bibtex, values)], [strings.cite_link, values.url]];
  }

  function sentencesOf(paragraph) {
    return Array.prototype.filter.call(paragraph.querySelectorAll(".stmt-sent"), function (s) {
      return /^p\d+\.\d+$/.test(s.id);
    });
  }

  function render(panel, number, k, page) {
    var list = panel.querySelector(".stmt-cite-list");
    list.textContent = "";
    citations(number, k, page).forEach(function (entry, i) {
      var id = panel.id + "-" + i;
      var block = document.createElement("div");
      block.className = "stmt-cite-entry";
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = entry[0];
      var text = document.createElement("textarea");
      text.id = id;
      text.readOnly = true;
      // Tall enough for the whole citation on a phone (about 30 characters a line there).
      text.rows = Math.min(14, Math.max(2, entry[1].split("\n").length, Math.ceil(entry[1].length / 30)));
      text.value = entry[1];
      var copy = document.createElement("button");
      copy.type = "button";
      copy.className = "stmt-cite-copy";
      copy.textContent = strings.copy;
      copy.dataset.copied = strings.copied;
      copy.addEventListener("click", function () { window.StatementLinks.copyText(text.value, copy); });
      block.append(label, text, copy);
      list.appendChild(block);
    });
  }

  function open(button) {
    var paragraph = document.getElementById(button.dataset.anchor);
    var number = Number(button.dataset.anchor.slice(1));
    var panel = document.getElementById("cite-" + button.dataset.anchor);
    if (panel) {
      panel.remove();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    panel = document.createElement("div");
    panel.className = "stmt-cite-panel";
    panel.id = "cite-" + button.dataset.anchor;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", button.getAttribute("aria-label"));
    var choose = document.createElement("select");
    choose.setAttribute("aria-label", strings.cite_title);
    var whole = document.createElement("option");
    whole.value = "0";
    whole.textContent = fill(strings.paragraph, { number: number });
    choose.appendChild(whole);
    // What the button names (the paragraph) is cited; a sentence the address leads to is the
    // first alternative, then the others in order.
    var hash = decodeURIComponent(window.location.hash.slice(1));
    var sentences = sentencesOf(paragraph);
    sentences.sort(function (a, b) { return (b.id === hash) - (a.id === hash); });
    sentences.forEach(function (sentence) {
      var k = sentence.id.split(".")[1];
      var option = document.createElement("option");
      option.value = k;
      var words = sentence.textContent.trim();
      option.textContent = fill(strings.sentence, { number: number, sentence: k }) + ": " +
        (words.length > 24 ? words.slice(0, 24) + "…" : words);
      choose.appendChild(option);
    });
    var list = document.createElement("div");
    list.className = "stmt-cite-list";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "stmt-cite-close";
    close.textContent = strings.close;
    function dismiss() { open(button); button.focus(); }  // (open() of an open panel closes it)
    function update() { render(panel, number, Number(choose.value), button.dataset.page); }
    close.addEventListener("click", dismiss);
    panel.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      event.preventDefault();
      dismiss();
    });
    panel.append(choose, list, close);
    choose.addEventListener("change", update);
    paragraph.insertAdjacentElement("afterend", panel);
    update();
    button.setAttribute("aria-expanded", "true");
    choose.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.stmt-cite");
    if (button) open(button);
  });
})();
