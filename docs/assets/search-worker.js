/* search-worker.js: Material's search worker protocol (SETUP→READY, QUERY→RESULT) over our paragraph index. */
importScripts("search-engine.js");

var prepared = null;

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === 0) {            // SETUP: load this language's index (Material's own is not used)
    var lang = new URL(self.location.href).searchParams.get("lang") || "ja";
    fetch(new URL("../search-index/" + lang + ".json", self.location.href))
      .then(function (response) { return response.json(); })
      .then(function (index) {
        prepared = self.StatementSearch.prepare(index);
        self.postMessage({ type: 1 }); // READY
      });
  } else if (message.type === 2 && prepared) {   // QUERY
    self.postMessage({ type: 3, data: { items: self.StatementSearch.results(prepared, message.data) } });
  }
});
