/* search-elsewhere.js: when a search finds nothing, offers the same query on the other
   language's site if it finds something there ("Japanese site: 1 result for “尖閣”"). */
(function () {
  "use strict";

  var data = JSON.parse((document.getElementById("stmt-data") || {}).textContent || "{}");
  var strings = data.strings || {};
  var config = JSON.parse(document.getElementById("__config").textContent);
  var input = document.querySelector("input.md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  // The same page in the other language: the language selector's link (none on a site with
  // one language, and then nothing is offered).
  var page = Array.prototype.find.call(document.querySelectorAll("a.md-select__link[hreflang]"),
                                       function (link) { return link.hreflang !== data.lang; });
  if (!input || !meta || !page || !strings.search_elsewhere_one) return;
  var other = page.hreflang;
  var none = config.translations["search.result.none"];   // what Material shows for no result

  // The other language is searched by a second instance of our worker (search-config.js put
  // its address, for this page's language, in Material's config): it fetches that language's
  // index (search-index/<lang>.json at the site's root, on this site's origin) on the first
  // query, and answers queries in the order they came.
  var worker = null;
  var waiting = [];
  function count(query) {
    if (!worker) {
      var url = new URL(config.search);
      url.searchParams.set("lang", other);
      worker = new Worker(url);
      worker.addEventListener("message", function (event) {
        if (event.data.type === 3) waiting.shift()(event.data.data.items.length);   // RESULT
      });
    }
    return new Promise(function (resolve) {
      waiting.push(resolve);
      worker.postMessage({ type: 2, data: query, every: true });                     // QUERY, answered even if others follow
    });
  }

  // The offer: a link to the other language's page with ?q=, which makes Material open its
  // search with that query and run it (watchSearchQuery, Material 9.x). It sits under
  // Material's "no result" line, in its type and margins but on the panel's own background
  // (the link colour of the dark palette is under 4.5:1 on the line's grey). Enter in the box
  // follows it, as Material's Enter follows the first result.
  var offer = document.createElement("div");
  offer.className = "md-search-result__meta stmt-search-elsewhere";
  offer.style.backgroundColor = "transparent";
  function show(query, found) {
    var sentence = found === 1 ? strings.search_elsewhere_one : strings.search_elsewhere_other;
    var text = document.createElement("span");
    sentence.split(/\{(\w+)\}/).forEach(function (part, i) {
      if (i % 2 === 0) {
        text.append(part);
      } else if (part === "query") {
        var words = document.createElement("span");
        words.lang = other;                  // the query found its words in that language
        words.textContent = query;
        text.append(words);
      } else {
        text.append(String(found));
      }
    });
    var target = new URL(page.href);
    target.hash = "";
    target.searchParams.set("q", query);
    var link = document.createElement("a");
    link.href = target.href;
    link.hreflang = other;
    // Material's own rules leave a link here uncoloured and its line 36 px high: a link's colour
    // and underline, and a 44 px target, as the controls beside each ¶ have.
    link.style.cssText = "display:flex;align-items:center;min-height:2.2rem;line-height:1.4;" +
      "color:var(--md-typeset-a-color);text-decoration:underline;text-underline-offset:0.15em";
    link.append(text);
    offer.replaceChildren(link);
    meta.insertAdjacentElement("afterend", offer);
  }

  // Material writes its line above the results each time results come (and their count or
  // "no result" line is final for that query): each time, the last offer goes, and a query that
  // found nothing here is tried there. An answer that comes after the next results is dropped.
  var asked = 0;
  new MutationObserver(function () {
    var query = input.value;
    var turn = ++asked;
    offer.remove();
    if (meta.textContent !== none || !query.trim()) return;
    count(query).then(function (found) {
      if (turn === asked && found) show(query, found);
    });
  }).observe(meta, { childList: true, characterData: true });
})();
