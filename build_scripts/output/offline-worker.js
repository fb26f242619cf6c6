/* sw.js: the site's service worker, for reading and searching it offline. Written by the build
   (build_scripts/output/offline.py), which puts OFFLINE above this text: the site's version
   (a hash of the built site) and the files to cache, relative to the site's root.

   Pages: network first, so a reader online always gets the text as published now; the copy
   in the cache is for when the network fails. Everything else (scripts, style sheets, search
   indexes): the cache first; it holds the files of this version of the site only. Once a page
   has loaded, offline.js asks for the manifest ("precache", with the page's language), which is
   fetched in the background, four files at a time, skipping what the cache holds already, as
   far as OFFLINE.budget allows: the reader's language first (see plan). A new build is a
   new sw.js, so a new worker: it takes over at once and deletes the caches of older versions. */
"use strict";

var SCOPE = self.registration.scope;                       // the site's root, sub-path included
var PREFIX = "statement-site " + SCOPE + " ";              // caches of this site (not of others on the origin)
var CACHE = PREFIX + OFFLINE.version;
var PARALLEL = 4;

self.addEventListener("install", function () {
  self.skipWaiting();                                      // the new text at the next request
});

/* Delete the caches of other versions of this site. */
function tidy() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  });
}

/* False once a newer worker has taken over (self.serviceWorker: where browsers have it). */
function current() {
  return !self.serviceWorker || self.serviceWorker.state === "activating" || self.serviceWorker.state === "activated";
}

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.open(CACHE).then(tidy).then(function () { return self.clients.claim(); }));
});

/* The cache's key of an address: without query (?h=, ?q=, ?lang=) and fragment. */
function key(url) {
  var address = new URL(url);
  address.search = "";
  address.hash = "";
  return address.href;
}

/* Keep a response that is this site's own and complete (a redirected one cannot answer a page). */
function keep(cache, url, response) {
  if (!response.ok || response.type !== "basic") return Promise.resolve();
  if (response.redirected) {
    response = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  return cache.put(key(url), response);
}

/* Keep a response met while browsing, unless a newer worker has deleted this version's cache
   (opening it would make it again: a worker that has been replaced may still be answering). */
function keepBrowsed(url, response) {
  return caches.has(CACHE).then(function (exists) {
    return exists ? caches.open(CACHE).then(function (cache) { return keep(cache, url, response); }) : undefined;
  });
}

/* The cached copy of an address, as an answer to that very address: a worker's location is
   the address of the response it was started from, and search-worker.js?lang=en must keep its
   ?lang (a copy made with `new Response` has none, so the request's address is used). */
function fromCache(url) {
  var only = { cacheName: CACHE };                         // (caches.open would make a deleted cache again)
  return caches.match(key(url), only).then(function (found) {
    // `alliance` for `alliance/`: the server would have redirected
    return found || (new URL(url).pathname.slice(-1) === "/" ? undefined : caches.match(key(url) + "/", only));
  }).then(function (found) {
    if (!found || found.url === url) return found;
    return new Response(found.body, { status: found.status, statusText: found.statusText, headers: found.headers });
  });
}

function networkFirst(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    var copy = response.clone();
    event.waitUntil(keepBrowsed(request.url, copy));
    return response;
  }, function (error) {
    return fromCache(request.url).then(function (found) {
      if (found) return found;
      throw error;
    });
  });
}

function cacheFirst(event) {
  var request = event.request;
  return fromCache(request.url).then(function (found) {
    return found || fetch(request).then(function (response) {
      var copy = response.clone();
      event.waitUntil(keepBrowsed(request.url, copy));
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  // Only this site's own files; other sites of the origin and other origins are left alone.
  if (request.method !== "GET" || request.headers.has("range") || request.url.indexOf(SCOPE) !== 0) return;
  var page = request.mode === "navigate" || request.destination === "document" || request.destination === "iframe";
  event.respondWith(page ? networkFirst(event) : cacheFirst(event));
});

/* Whether an address of the manifest is a page (a folder, as links name pages, or an .html file). */
function isPage(file) {
  return file === "./" || file.slice(-1) === "/" || file.slice(-5) === ".html";
}

/* The language whose part of the site holds a file: the first language's is the root, the
   others' is their folder (en/…); search-index/<lang>.json is that language's too. */
function languageOf(file) {
  var others = OFFLINE.languages.slice(1);
  for (var i = 0; i < others.length; i++) {
    if (file.indexOf(others[i] + "/") === 0 || file === "search-index/" + others[i] + ".json") return others[i];
  }
  return OFFLINE.languages[0];
}

/* What to fetch unasked for a reader of `lang`, in the order they need it, within the budget:
   the files pages load, then that language's search index and pages, then the others'. It
   stops at the first file that would pass the budget (the rest is cached as it is read). */
function plan(lang) {
  var order = OFFLINE.files.map(function (file, i) {
    var rank = !isPage(file) && file.indexOf("search-index/") !== 0 ? 0 : languageOf(file) === lang ? 1 : 2;
    return { file: file, size: OFFLINE.sizes[i], rank: rank, at: i };
  }).sort(function (a, b) { return a.rank - b.rank || a.at - b.at; });
  var chosen = [];
  var spent = 0;
  for (var i = 0; i < order.length; i++) {
    if (spent + order[i].size > OFFLINE.budget) break;
    spent += order[i].size;
    chosen.push(order[i].file);
  }
  return chosen;
}

/* Fetch every file of the plan the cache lacks, PARALLEL at a time. Resolves with the counts. */
var filling = null;
function fill(lang) {
  if (!current()) return Promise.reject(new Error("a newer version of the site has taken over"));
  return caches.open(CACHE).then(function (cache) {
    var queue = plan(lang);
    var planned = queue.length;
    var fetched = 0;
    function next() {
      var file = queue.shift();
      if (file === undefined) return Promise.resolve();
      var url = new URL(file, SCOPE).href;
      return cache.match(url).then(function (found) {
        if (found) return undefined;
        // no-cache: a copy in the browser's HTTP cache may be of an earlier version
        return fetch(url, { cache: "no-cache" }).then(function (response) {
          if (!response.ok) throw new Error(url + ": HTTP " + response.status);
          fetched++;
          return keep(cache, url, response);
        });
      }).then(next);
    }
    var runs = [];
    for (var i = 0; i < PARALLEL; i++) runs.push(next());
    // and what a worker that has since been replaced cached meanwhile is deleted
    return Promise.all(runs).then(function () { return current() ? tidy() : undefined; })
      .then(function () { return { planned: planned, fetched: fetched }; });
  });
}

self.addEventListener("message", function (event) {
  if (!event.data || event.data.type !== "precache") return;
  if (!filling) {
    var lang = OFFLINE.languages.indexOf(event.data.lang) >= 0 ? event.data.lang : OFFLINE.languages[0];
    filling = fill(lang).catch(function (error) {
      filling = null;                                      // the next page asks again
      throw error;
    });
  }
  var port = event.ports[0];
  event.waitUntil(filling.then(function (done) {
    if (port) {
      port.postMessage({ version: OFFLINE.version, cached: done.planned, of: OFFLINE.files.length, fetched: done.fetched });
    }
  }, function (error) {
    if (port) port.postMessage({ version: OFFLINE.version, error: String(error) });
  }));
});
