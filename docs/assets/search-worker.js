/* search-worker.js: Material's search worker protocol (SETUP→READY, QUERY→RESULT) over our paragraph index. */
// One script a call: build_scripts/output/offline.py reads these to cache them for offline use.
importScripts("search-text.js");
importScripts("search-forms.js");
importScripts("search-engine.js");
// The Snowball English stemmer (wink-porter2-stemmer from npm, a file of this site): a
// CommonJS module, so it gets a `module` to export into.
self.module = { exports: {} };
importScripts("vendor/wink-porter2-stemmer.js");
self.stemEnglish = self.module.exports;
delete self.module;

// The index of this page's language is fetched when the reader focuses the search box (a
// PREFETCH from search-config.js) or on the first query, not when the page loads: a reader
// who never searches downloads nothing for it. A failed fetch (offline, a dropped connection,
// an error status) is not kept: that query finds nothing, and the next one fetches again.
var prepared = null;
var replies = Promise.resolve();            // answers leave in the order the queries came
var queries = 0;                            // how many came

function load() {
  if (!prepared) {
    var lang = new URL(self.location.href).searchParams.get("lang") || "ja";
    prepared = fetch(new URL("../search-index/" + lang + ".json", self.location.href))
      .then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      })
      .then(function (index) { return self.StatementSearch.prepare(index); })
      .catch(function (error) {
        prepared = null;                    // the next query tries again
        throw error;
      });
  }
  return prepared;
}

/* The answer to a query: Material's items, and (ours) the query it answers and where a query
   that found nothing occurs written otherwise. Input the engine cannot read finds nothing
   rather than throwing. */
function answer(index, query) {
  try {
    var items = self.StatementSearch.results(index, query);
    return { items: items, query: query, near: items.length ? [] : self.StatementSearch.near(index, query) };
  } catch (error) {
    return nothing(query);
  }
}

function nothing(query) {
  return { items: [], query: query, near: [] };
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === "prefetch") {        // ours: the reader is at the search box
    load().catch(function () {});           // (a failure is for the first query to meet again)
  } else if (message.type === 0) {          // SETUP (Material's own index is not used)
    self.postMessage({ type: 1 });          // READY
  } else if (message.type === 2) {          // QUERY
    var query = message.data, mine = ++queries;
    replies = replies.then(function () {
      // Material shows the answer to the last query only: one typed while the index was still
      // loading (岸, 岸田, 岸田総 before 岸田総理) is not searched once a later one came.
      // search-elsewhere.js counts an answer for each of its queries (`every`).
      function superseded() { return mine !== queries && !message.every; }
      if (superseded()) return null;
      // An empty box needs no index.
      if (!String(query).trim()) return nothing(query);
      return load().then(function (index) {
        return superseded() ? null : answer(index, query);
      }, function () { return nothing(query); });
    }).then(function (data) {
      if (data !== null) self.postMessage({ type: 3, data: data });
    });
  }
});
