/* search-worker.js: Material's search worker protocol (SETUP→READY, QUERY→RESULT) over our paragraph index. */
importScripts("search-engine.js");

// The index of this page's language is fetched on the first query, not when the page loads:
// a reader who never searches downloads nothing for it.
var prepared = null;
var replies = Promise.resolve();            // answers leave in the order the queries came

function load() {
  if (!prepared) {
    var lang = new URL(self.location.href).searchParams.get("lang") || "ja";
    prepared = fetch(new URL("../search-index/" + lang + ".json", self.location.href))
      .then(function (response) { return response.json(); })
      .then(function (index) { return self.StatementSearch.prepare(index); });
  }
  return prepared;
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === 0) {                 // SETUP (Material's own index is not used)
    self.postMessage({ type: 1 });          // READY
  } else if (message.type === 2) {          // QUERY
    var query = message.data;
    replies = replies.then(function () {
      // An empty box needs no index.
      return query.trim() ? load().then(function (index) { return self.StatementSearch.results(index, query); }) : [];
    }).then(function (items) {
      self.postMessage({ type: 3, data: { items: items } });
    });
  }
});
