"""Reading offline: the service worker `sw.js` at the site's root, written from the built site.

The worker (its code is `offline-worker.js` beside this module) caches the site as the reader
browses and, once a page has loaded, every file of the manifest: every page of every language
(not 404.html), both search indexes and every file those pages load. This module writes it
after MkDocs has built the site (the plugin's on_post_build), with one line above its code:

    var OFFLINE = {"version": "<hash>", "budget": 5000000, "languages": ["ja", "en"],
                   "files": ["assets/…", …, "./", "alliance/", …], "sizes": [1234, …]};

- `files`, the manifest: addresses relative to the site's root, so that the site works from
  any folder of a web server. A page is its folder (`alliance/`) as links name it. The files
  pages load come first, then the search indexes, then the pages.
- `sizes`: each file's size gzip-compressed (about what a server with compression sends).
- `budget`: what the worker may fetch unasked, in those compressed bytes (the plugin's option
  `offline_budget`). It fetches in the order the reader needs, the files every page loads, then
  the search index and the pages of the page's language (`languages[0]` at the root, the others
  under `<lang>/`), then the rest, and stops at the first file that would pass the budget:
  beyond it, pages are cached as they are read. A statement ours is fits many times over; one
  100 times ours does not (212 MB before compression), and a phone's data plan is the reader's.
- `version`: a hash of every file of the built site but sw.js. Any change gives a new sw.js,
  which the browser installs as a new worker with a cache of its own (the old one is deleted);
  two builds of the same input write the same sw.js, byte for byte.

When offline reading is off (plugin option `offline: false`, and under `mkdocs serve`), sw.js
is `retire-worker.js`: a worker that deletes its caches and unregisters itself, so that a
reader of an earlier build is not left with one.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .search import INDEX_FOLDER

DEFAULT_BUDGET = 5_000_000
"""What the worker fetches unasked by default, compressed: 5 MB."""

WORKER_FILE = "sw.js"
"""The worker's address, relative to the site's root: its scope is the folder it is in."""

FETCHED_AT_RUN_TIME = ("search/search_index.json",)
"""Files a page fetches that its HTML does not name: Material's own (empty) search index,
which Material's bundle requests on every page (search does not start without it)."""

_HERE = Path(__file__).resolve().parent
_LOADING_TAG = re.compile(r"<(?:script|img|source|link)\s[^>]*>")
_LOADED = re.compile(r'\s(?:src|href|data-worker)="([^"]+)"')
"""What a page loads: scripts, images, style sheets and icons (links to pages are left out
later); and the script of our search worker (search-config.js's data-worker)."""
_IMPORTED = re.compile(r"""importScripts\(\s*["']([^"']+)["']""")
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


@dataclass(frozen=True)
class Manifest:
    """What the worker caches in the background, and the version of the site it belongs to."""

    version: str
    files: tuple[str, ...]
    """Addresses relative to the site's root: `assets/cite.js`…, `search-index/ja.json`, `./`, `alliance/`…"""
    sizes: tuple[int, ...]
    """Bytes of each file, as built (before any compression by the server)."""
    compressed: tuple[int, ...]
    """Bytes of each file gzip-compressed: about what fetching it costs."""
    budget: int
    """The most compressed bytes the worker fetches unasked."""

    @property
    def total_bytes(self) -> int:
        """Bytes of every file of the manifest."""
        return sum(self.sizes)

    @property
    def total_compressed(self) -> int:
        """Compressed bytes of every file of the manifest."""
        return sum(self.compressed)

    @property
    def within_budget(self) -> bool:
        """Whether the whole manifest fits the budget (else the worker caches part of it unasked)."""
        return self.total_compressed <= self.budget


def site_version(site: Path) -> str:
    """A hash of every file of the built site but the worker itself: names and contents."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if name == WORKER_FILE:
            continue
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _resolve(site: Path, base: str, reference: str) -> str | None:
    """A reference from the file at `base` to a file of the site, as a path from its root; None if it
    leaves the site, names another origin or names no file (a folder, a page's link)."""
    reference = reference.split("#", 1)[0].split("?", 1)[0]
    if not reference or re.match(r"^[a-z][a-z0-9+.-]*:|^//|^/", reference, re.IGNORECASE):
        return None  # another origin, data: URIs, and absolute paths (the site may live under a sub-path)
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))
    if path.startswith("../") or path == "..":
        return None
    return path if (site / path).is_file() else None


def _page_address(path: str, directory_urls: bool) -> str:
    """The address links give a page: its folder with use_directory_urls (`alliance/`, `./`)."""
    if directory_urls and posixpath.basename(path) == "index.html":
        folder = posixpath.dirname(path)
        return f"{folder}/" if folder else "./"
    return path


def manifest(site: Path, directory_urls: bool = True, budget: int = DEFAULT_BUDGET) -> Manifest:
    """Every file the pages load (or their workers import), every search index, every page."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages = [p for p in pages if p != "404.html"]
    needed: set[str] = {f"{INDEX_FOLDER}/{p.name}" for p in (site / INDEX_FOLDER).glob("*.json")}
    needed |= {name for name in FETCHED_AT_RUN_TIME if (site / name).is_file()}
    for page in pages:
        for tag in _LOADING_TAG.findall((site / page).read_text(encoding="utf-8")):
            for reference in _LOADED.findall(tag):
                found = _resolve(site, page, reference)
                if found and not found.endswith(".html") and found != WORKER_FILE:
                    needed.add(found)
    for name in sorted(needed):
        if name.endswith(".js"):  # the scripts a worker imports
            needed |= {f for f in (_resolve(site, name, ref) for ref in _IMPORTED.findall((site / name).read_text("utf-8"))) if f}
        elif name.endswith(".css"):  # images and fonts of the style sheets
            needed |= {f for f in (_resolve(site, name, ref) for ref in _CSS_URL.findall((site / name).read_text("utf-8"))) if f}
    # What pages load, then the search indexes, then the pages: the order of need.
    loaded = sorted(needed, key=lambda name: (name.startswith(f"{INDEX_FOLDER}/"), name))
    files = [(n, n) for n in loaded] + [(_page_address(p, directory_urls), p) for p in pages]
    contents = [(site / path).read_bytes() for _, path in files]
    # mtime=0: the same bytes every build (only the size is used)
    return Manifest(site_version(site), tuple(address for address, _ in files), tuple(len(c) for c in contents),
                    tuple(len(gzip.compress(c, 6, mtime=0)) for c in contents), budget)


def write_worker(site: Path, offline: bool, directory_urls: bool = True, budget: int = DEFAULT_BUDGET,
                 languages: tuple[str, ...] = ()) -> Manifest | None:
    """Write sw.js into the built site: the caching worker with its manifest, or the retiring one."""
    if not offline:
        (site / WORKER_FILE).write_bytes((_HERE / "retire-worker.js").read_bytes())
        return None
    found = manifest(site, directory_urls, budget)
    facts = {"version": found.version, "budget": found.budget, "languages": list(languages), "files": list(found.files),
             "sizes": list(found.compressed)}
    head = "var OFFLINE = " + json.dumps(facts, separators=(",", ":")) + ";\n"
    (site / WORKER_FILE).write_bytes(head.encode("utf-8") + (_HERE / "offline-worker.js").read_bytes())
    return found
