"""Page weight: bytes a reader's browser loads for a section page, first visit and warm cache.

    python benchmarks/pages.py SITE_DIR [PATH ...]

Serves the built site on loopback and opens a section page in a fresh Chromium profile (first
visit), then a second section page (warm cache). For each, the bytes of every response by type
(HTML, CSS, JS, fonts, search index, other), raw and gzipped (each body compressed with gzip -9,
as a static host would serve it); a resource answered from the cache counts 0.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import sys
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import CHROMIUM, serve  # noqa: E402


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
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    cdp.remove_listener("Network.responseReceived", received)
    cdp.remove_listener("Network.requestServedFromCache", from_cache)
    for request_id, response in seen.items():
        if request_id in cached or response["status"] == 304 or response["url"].startswith("data:"):
            continue
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
                report(f"first visit {first}", visit(page, cdp, url + first))
                report(f"warm cache {second}", visit(page, cdp, url + second))
                context.close()
            browser.close()
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()
