/* cite.js: the Cite control beside each ¶N. Opens, under the paragraph, ready-to-copy
   citations of the paragraph or of one of its sentences (a Japanese-style citation, Chicago
   style, BibTeX, the link), built from the facts main.html puts in the page (#stmt-data). */
(function () {
  "use strict";

  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  if (!data.cite) return;
  var strings = data.strings || {};
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function today() {
    var d = new Date();
    return { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(),
             iso: d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0") };
  }

  function bibtex(text) {
    return text.replace(/[\\{}%&$#_^~]/g, function (c) { return c === "\\" ? "\\textbackslash{}" : "\\" + c; });
  }

  /* The citations of ¶number, or of its sentence k (k may be 0: the whole paragraph). */
  function citations(number, k) {
    var anchor = "p" + number + (k ? "." + k : "");
    var link = window.StatementLinks.linkTo(anchor);
    var ja = data.cite.ja || data.cite[data.lang];
    var en = data.cite.en || data.cite[data.lang];
    var now = today();
    var date = data.date.split("-").map(Number);
    var jaWhere = "第" + number + "段落" + (k ? "第" + k + "文" : "");
    var jaTranslation = data.cite[data.lang].translation ? "（本サイトによる非公式英訳）" : "";
    // A title quoted in 「」 takes its own inner 「」 as 『』.
    var jaTitle = ja.full_title.replace(/「/g, "『").replace(/」/g, "』");
    var japanese = ja.publisher + (ja.publisher ? "公表" : "") + "「" + jaTitle + "」（" + ja.date_text + "）" +
      jaWhere + jaTranslation + "、" + link + "（" + now.y + "年" + now.m + "月" + now.d + "日閲覧）";
    var enWhere = "¶" + number + (k ? ", sentence " + k : "");
    // Chicago gives a text read in another language under its own title, the English one in brackets.
    var own = data.cite[data.lang];
    var title = own.translation || data.lang === "en" || !data.cite.en ?
      "\u201c" + en.full_title + ".\u201d " :
      "\u201c" + own.full_title + "\u201d [" + en.full_title + "]. ";
    var chicago = (en.authors.length ? en.authors.join(" and ") + ". " : "") + title +
      (en.publisher ? en.publisher + ", " : "") + MONTHS[date[1] - 1] + " " + date[2] + ", " + date[0] + ". " + enWhere + "." +
      (data.cite[data.lang].translation ? " Unofficial translation." : "") + " " + link + ".";
    var key = "statement-" + data.date + "-" + anchor;
    var fields = [
      ["author", en.authors.map(function (a) { return "{" + bibtex(a) + "}"; }).join(" and ")],
      ["title", "{" + bibtex(data.cite[data.lang].full_title) + "}"],
      ["howpublished", bibtex(data.cite[data.lang].publisher)],
      ["year", String(date[0])],
      ["month", BIBTEX_MONTHS[date[1] - 1]],
      ["date", data.date],
      // "paragraph", not ¶: pdfLaTeX cannot set a bare ¶.
      ["note", bibtex("paragraph " + number + (k ? ", sentence " + k : "") +
                      (data.cite[data.lang].translation ? ", unofficial translation" : ""))],
      ["url", link],
      ["urldate", now.iso],
      ["language", data.lang]
    ].filter(function (f) { return f[1]; });
    var bib = "@misc{" + key + ",\n" + fields.map(function (f) {
      return "  " + f[0] + " = " + (f[0] === "month" ? f[1] : "{" + f[1] + "}");
    }).join(",\n") + "\n}";
    return [[strings.cite_ja, japanese], [strings.cite_en, chicago], [strings.cite_bibtex, bib], [strings.cite_link, link]];
  }

  function sentencesOf(paragraph) {
    return Array.prototype.filter.call(paragraph.querySelectorAll(".stmt-sent"), function (s) {
      return /^p\d+\.\d+$/.test(s.id);
    });
  }

  function render(panel, number, k) {
    var list = panel.querySelector(".stmt-cite-list");
    list.textContent = "";
    citations(number, k).forEach(function (entry, i) {
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
      copy.dataset.copied = strings.copied || "✓";
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
    var hash = decodeURIComponent(window.location.hash.slice(1));
    sentencesOf(paragraph).forEach(function (sentence) {
      var k = sentence.id.split(".")[1];
      var option = document.createElement("option");
      option.value = k;
      var words = sentence.textContent.trim();
      option.textContent = fill(strings.sentence, { number: number, sentence: k }) + ": " +
        (words.length > 24 ? words.slice(0, 24) + "…" : words);
      option.selected = hash === sentence.id;
      choose.appendChild(option);
    });
    var list = document.createElement("div");
    list.className = "stmt-cite-list";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "stmt-cite-close";
    close.textContent = strings.close;
    close.addEventListener("click", function () { open(button); button.focus(); });
    panel.append(choose, list, close);
    choose.addEventListener("change", function () { render(panel, number, Number(choose.value)); });
    paragraph.insertAdjacentElement("afterend", panel);
    render(panel, number, Number(choose.value));
    button.setAttribute("aria-expanded", "true");
    choose.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.stmt-cite");
    if (button) open(button);
  });
})();
