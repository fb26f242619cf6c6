/* sw.js when reading offline is off (plugin option `offline: false`, or under `mkdocs serve`):
   replaces a worker an earlier build installed, deletes that worker's caches and unregisters,
   so that no reader is left with a copy of the site that no longer updates. Written by
   build_scripts/output/offline.py. */
"use strict";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  var prefix = "statement-site " + self.registration.scope + " ";
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(prefix) === 0; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.registration.unregister(); }));
});
