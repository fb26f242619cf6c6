/* search-near.js: when a search finds nothing but the text writes the query otherwise (a
   quoted 「強靭」 where the text says 強靱, a misspelt word), says so under the count, each form
   a link that searches it ("強靱：5段落", "sanctions: 1 paragraph"). */
(function () {
  "use strict";
  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  var strings = data.strings || {};
  var input = document.querySelector("input.md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  if (!input || !meta || !strings.search_near) return;

  var box = document.createElement("div");
  box.className = "md-search-result__meta stmt-search-near";
  box.style.backgroundColor = "transparent";
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }
  // The worker's answer (search-config.js passes it on) comes just before Material renders
  // it: each answer replaces what the last one said.
  document.addEventListener("stmt-search-result", function (event) {
    var near = (event.detail && event.detail.near) || [];
    box.remove();
    if (!near.length || !input.value.trim() || event.detail.query !== input.value) return;
    var lead = document.createElement("span");
    lead.textContent = strings.search_near + " ";
    box.replaceChildren(lead);
    near.forEach(function (found, i) {
      var link = document.createElement("a");
      link.href = "#";
      link.lang = data.lang;
      link.textContent = fill(found.count === 1 ? strings.search_near_one : strings.search_near_other,
                              { form: found.form, count: found.count });
      // The same 44 px target and link colours as the other language's offer (search-elsewhere.js).
      link.style.cssText = "display:inline-flex;align-items:center;min-height:2.2rem;margin-right:0.8em;" +
        "color:var(--md-typeset-a-color);text-decoration:underline;text-underline-offset:0.15em";
      link.addEventListener("click", function (click) {
        click.preventDefault();
        input.value = found.form;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.focus();
      });
      box.append(link);
      if (i < near.length - 1) box.append(" ");
    });
    requestAnimationFrame(function () { meta.insertAdjacentElement("afterend", box); });
  });
})();
