"""Page weight: bytes a reader's browser loads for a section page, first visit and warm cache.

    python benchmarks/pages.py SITE_DIR [PATH ...]

Serves the built site on loopback and opens a section page in a fresh Chromium profile (first
visit), then a second section page (warm cache). For each, the bytes of every response by type
(HTML, CSS, JS, fonts, search index, other), raw and gzipped (each body compressed with gzip -9,
as a static host would serve it); a resource answered from the cache counts 0 (from the
browser's cache, or from the service worker's without a request to the server).

Between the two: what the service worker (sw.js) fetched in the background after the first
page had loaded, until it had cached the whole site for reading offline, from the server's own
log of requests less those of the page; reported apart from the first visit.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import sys
import threading
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Request, sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import CHROMIUM, QuietHandler, QuietServer  # noqa: E402

SERVED: list[str] = []
"""The path of every request the server answered, in order."""
NOT_MODIFIED: list[str] = []
"""The path of every request answered 304 Not Modified (no body: the browser's copy was current)."""
_LOCK = threading.Lock()


class RecordingHandler(QuietHandler):
    def do_GET(self):
        with _LOCK:
            SERVED.append(urlsplit(self.path).path)
        super().do_GET()

    def send_response(self, code, message=None):
        if code == 304:
            with _LOCK:
                NOT_MODIFIED.append(urlsplit(self.path).path)
        super().send_response(code, message)


def serve(site: Path) -> tuple[QuietServer, str]:
    httpd = QuietServer(("127.0.0.1", 0), lambda *a: RecordingHandler(*a, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}"


def kind(url: str, content_type: str) -> str:
    """What a response is, by its URL and MIME type."""
    if "search-index/" in url or "search_index" in url:
        return "search index"
    for key, name in (("html", "HTML"), ("css", "CSS"), ("javascript", "JS"), ("font", "fonts"), ("svg", "images")):
        if key in content_type:
            return name
    return "other"


def visit(page, cdp, url: str) -> dict[str, list[int]]:
    """Bytes by kind for one page load: [responses, raw, gzip]; cached responses count 0."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    seen: dict[str, dict] = {}
    cached: set[str] = set()

    def received(event) -> None:
        seen[event["requestId"]] = event["response"]
        if event["response"].get("fromDiskCache") or event["response"].get("fromPrefetchCache"):
            cached.add(event["requestId"])

    def from_cache(event) -> None:
        cached.add(event["requestId"])

    cdp.on("Network.responseReceived", received)
    cdp.on("Network.requestServedFromCache", from_cache)
    start = len(SERVED)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    cdp.remove_listener("Network.responseReceived", received)
    cdp.remove_listener("Network.requestServedFromCache", from_cache)
    served = set(SERVED[start:])
    for request_id, response in seen.items():
        if request_id in cached or response["status"] == 304 or response["url"].startswith("data:"):
            continue
        if response.get("fromServiceWorker") and urlsplit(response["url"]).path not in served:
            continue  # the service worker answered from its cache
        try:
            body = cdp.send("Network.getResponseBody", {"requestId": request_id})
        except Exception:
            continue
        data = base64.b64decode(body["body"]) if body["base64Encoded"] else body["body"].encode("utf-8")
        row = totals[kind(response["url"], response.get("mimeType", ""))]
        row[0] += 1
        row[1] += len(data)
        row[2] += len(gzip.compress(data, 9))
    return totals


def background(site: Path, base: str, requests: list[str], page_paths: list[str],
               not_modified: list[str]) -> dict[str, list[int]]:
    """Bytes by kind of what the server sent that the page did not ask for: the service worker's fetches
    (a 304 Not Modified sent no body: the worker took the browser's copy of a file the page had loaded)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    left = Counter(requests)
    left.subtract(Counter(page_paths))
    left.subtract(Counter(not_modified))
    types = {".html": "html", ".css": "css", ".js": "javascript", ".svg": "svg"}
    for path, count in sorted(left.items()):
        name = path[len(base):] if path.startswith(base) else path.lstrip("/")
        file = site / name / "index.html" if name.endswith("/") or not name else site / name
        if count <= 0 or not file.is_file():
            continue
        data = file.read_bytes()
        row = totals[kind(path, types.get(file.suffix, ""))]
        row[0] += count
        row[1] += count * len(data)
        row[2] += count * len(gzip.compress(data, 9))
    return totals


def report(label: str, totals: dict[str, list[int]]) -> None:
    print(f"  {label}:")
    for name in sorted(totals):
        count, raw, packed = totals[name]
        print(f"    {name:13} {count:3} files {raw:>9,} bytes raw {packed:>9,} gzip")
    print(f"    {'total':13} {sum(r[0] for r in totals.values()):3} files "
          f"{sum(r[1] for r in totals.values()):>9,} bytes raw {sum(r[2] for r in totals.values()):>9,} gzip")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*", default=["/alliance/", "/economy/"])
    args = parser.parse_args()
    httpd, url = serve(args.site)
    worker = args.site / "sw.js"
    offline = worker.is_file() and worker.read_text(encoding="utf-8").startswith("var OFFLINE")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for first, second in ((args.paths[0], args.paths[1]), ("/en" + args.paths[0], "/en" + args.paths[1])):
                context = browser.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                print(f"{first} then {second}")
                start, unchanged = len(SERVED), len(NOT_MODIFIED)
                page_paths: list[str] = []

                def asked(request: Request, paths: list[str] = page_paths) -> None:
                    paths.append(urlsplit(request.url).path)

                page.on("request", asked)
                report(f"first visit {first}", visit(page, cdp, url + first))
                if offline:  # the whole site in the service worker's cache: offline.js says so
                    page.wait_for_function("() => document.documentElement.hasAttribute('data-stmt-offline')", timeout=600000)
                    report("then in the background, the service worker", background(
                        args.site, "/", SERVED[start:], page_paths, NOT_MODIFIED[unchanged:]))
                report(f"warm cache {second}", visit(page, cdp, url + second))
                context.close()
            browser.close()
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()
