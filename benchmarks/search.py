"""Measure search: index size per language, and time from the last keystroke to rendered results.

    python benchmarks/search.py SITE_DIR [SITE_DIR ...] [--runs N]

Build the sites first, e.g. the real one with `statement-site build` and one 100× the size with
`python benchmarks/synthetic.py /tmp/syn100 && statement-site build --source /tmp/syn100
--site-dir /tmp/syn100-site`. For each site: bytes of each language's index, raw and gzipped,
next to the gzipped text it indexes; then, in Debian's Chromium, the median and worst time from
the keyup of the last keystroke to Material showing the results, over a set of queries typed
with the keyboard once the index is loaded; and the same for a reader's first query: a fresh
page, the search box focused (`/`) and the query typed at once, one key every 120 ms, which is
when the index is fetched and prepared (since it is fetched on focus, the time it takes shows
only as far as it outlasts the typing). The service worker is kept out (it would cache the
index in the background); benchmarks/pages.py measures it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import CHROMIUM, serve  # noqa: E402

QUERIES = {
    "ja": ["岸田総理", "クアッド", "核", "半導体", "Ｇ２０", "G20原則", "ロシア ウクライナ", "ｸｱｯﾄﾞ", "エネルギー安全保障",
           "経済", "拡大抑止", "Quad", "火星", "日米同盟", "米国"],
    "en": ["Kishida", "Quad", "nuclear", "semiconductor", "abduct", "energy security", "G20", "Indo-Pacific",
           "climate", "Mars", "the", "deterrence", "クアッド", "Senkaku", "free and open"],
}

# Installed in the page: stamps each keyup and the next change of the result count Material
# shows (once painted), and keeps the difference.
PROBE = """
() => {
  window.__latencies = [];
  let start = null;
  const input = document.querySelector("input.md-search__input");
  input.addEventListener("keyup", () => { start = performance.now(); }, true);
  const meta = document.querySelector(".md-search-result__meta");
  new MutationObserver(() => {
    if (start !== null && input.value) {
      requestAnimationFrame(() => { window.__latencies.push(performance.now() - start); start = null; });
    }
  }).observe(meta, {childList: true, characterData: true, subtree: true});
}
"""


# For a first query: the time the box last changed (the last keystroke's input event, which
# comes just before its keyup), and of every change of the results painted after it. The
# query's own results are the last change: the worker answers the queries typed meanwhile in order.
FIRST_PROBE = """
() => {
  window.__lastKey = null;
  window.__painted = [];
  const input = document.querySelector("input.md-search__input");
  input.addEventListener("input", () => { window.__lastKey = performance.now(); }, true);
  const meta = document.querySelector(".md-search-result__meta");
  new MutationObserver(() => {
    requestAnimationFrame(() => window.__painted.push(performance.now()));
  }).observe(meta, {childList: true, characterData: true, subtree: true});
}
"""


def index_sizes(site: Path) -> list[str]:
    rows = []
    for path in sorted((site / "search-index").glob("*.json")):
        raw = path.read_bytes()
        text = "\n".join(doc["t"] for doc in json.loads(raw)["docs"]).encode("utf-8")
        rows.append(f"  index {path.stem}: {len(raw):,} bytes raw, {len(gzip.compress(raw, 9)):,} gzip; "
                    f"the text alone: {len(text):,} raw, {len(gzip.compress(text, 9)):,} gzip "
                    f"(index/text gzip = {len(gzip.compress(raw, 9)) / len(gzip.compress(text, 9)):.2f})")
    return rows


def launch(playwright):
    """Debian's Chromium, headless, as the tests run it."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking"])


def latencies(site: Path, runs: int) -> list[str]:
    httpd, url = serve(site)
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for lang, prefix in (("ja", ""), ("en", "en/")):
                page = browser.new_page(service_workers="block")
                page.goto(f"{url}/{prefix}")
                page.keyboard.press("/")
                page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.length > 0")
                page.wait_for_timeout(1000)  # the worker loads and prepares the index
                page.evaluate(PROBE)
                times = []
                for _ in range(runs):
                    for query in QUERIES[lang]:
                        page.keyboard.press("Control+A")
                        page.keyboard.press("Backspace")
                        page.wait_for_timeout(50)
                        page.keyboard.type(query[:-1])
                        page.wait_for_timeout(50)
                        before = page.evaluate("window.__latencies.length")
                        # The last keystroke: an ASCII key has its own keyup; for other
                        # characters Playwright sends only input, so End gives the keyup.
                        if query[-1].isascii() and query[-1] != " ":
                            page.keyboard.press(query[-1])
                        else:
                            page.keyboard.type(query[-1])
                            page.keyboard.press("End")
                        page.wait_for_function(f"() => window.__latencies.length > {before}", timeout=10000)
                        times.append(page.evaluate(f"window.__latencies[{before}]"))
                rows.append(f"  {lang}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms "
                            f"from last keystroke to results ({len(times)} searches)")
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return rows


TYPING_DELAY_MS = 120
"""Between two keys of a query typed by a reader who types fast (about 500 keys a minute)."""


def first_queries(site: Path, runs: int) -> list[str]:
    """Time from the last keystroke to the results of the first query typed on a fresh page."""
    httpd, url = serve(site)
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for lang, prefix in (("ja", ""), ("en", "en/")):
                times = []
                for _ in range(runs):
                    for query in QUERIES[lang][:5]:
                        context = browser.new_context(service_workers="block")
                        page = context.new_page()
                        page.goto(f"{url}/{prefix}", wait_until="load")
                        page.evaluate(FIRST_PROBE)
                        page.keyboard.press("/")
                        page.keyboard.type(query[:-1], delay=TYPING_DELAY_MS)
                        page.wait_for_timeout(TYPING_DELAY_MS)
                        if query[-1].isascii() and query[-1] != " ":
                            page.keyboard.press(query[-1])
                        else:
                            page.keyboard.type(query[-1])
                            page.keyboard.press("End")
                        page.wait_for_function("window.__painted.some(t => t > window.__lastKey)", timeout=60000)
                        while True:  # until the results have stopped changing for a second
                            painted = page.evaluate("window.__painted.length")
                            page.wait_for_timeout(1000)
                            if page.evaluate("window.__painted.length") == painted:
                                break
                        times.append(page.evaluate("window.__painted[window.__painted.length - 1] - window.__lastKey"))
                        context.close()
                rows.append(f"  {lang}: each: {', '.join(f'{q} {t:.0f}' for q, t in zip(QUERIES[lang][:5] * runs, times, strict=True))}")
                rows.append(f"  {lang}: first query on a fresh page, typed one key every {TYPING_DELAY_MS} ms after focusing "
                            f"the box: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms from last "
                            f"keystroke to results ({len(times)} pages)")
            browser.close()
    finally:
        httpd.shutdown()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for site in args.sites:
        docs = len(json.loads((site / "search-index" / "ja.json").read_text(encoding="utf-8"))["docs"])
        print(f"{site} ({docs:,} paragraphs)")
        for row in index_sizes(site) + latencies(site, args.runs) + first_queries(site, args.runs):
            print(row)


if __name__ == "__main__":
    main()
