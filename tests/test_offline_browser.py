"""Reading offline, in Chromium: after one visit the whole site, and its search, works without a network.

The service worker (sw.js, written by build_scripts/output/offline.py) caches every page of
both languages and both search indexes once the first page has loaded; a new build replaces
the worker and its cache.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page

from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.output.offline import manifest

from .conftest import STATEMENT_DIR, make_project, requests_outside, serve, set_plugin_option
from .test_search_browser import first_sentence_with, search

CACHED = "base => caches.keys().then(names => names.filter(name => name.startsWith('statement-site ' + base + ' ')))"
CACHED_URLS = """name => caches.open(name).then(cache => cache.keys()).then(keys => keys.map(request => request.url).sort())"""
ONLINE = "url => fetch(url, {cache: 'no-store'}).then(() => 'fetched', () => 'failed')"


def wait_until_cached(page: Page, version: str) -> None:
    """Wait until offline.js says that the worker of `version` has cached the whole site."""
    page.wait_for_function("v => document.documentElement.getAttribute('data-stmt-offline') === v", arg=version,
                           timeout=60000)


def test_after_one_visit_the_other_language_reads_and_searches_offline(browser: Browser, real_site: Path,
                                                                        tmp_path: Path):
    # Under a sub-path: the worker's scope is the site's root, wherever that is.
    shutil.copytree(real_site, tmp_path / "some" / "path")
    site = tmp_path / "some" / "path"
    httpd, url = serve(tmp_path)
    base = url + "/some/path/"
    files = manifest(site)
    edition = load_edition(STATEMENT_DIR)
    context = browser.new_context()
    try:
        page = context.new_page()
        outside = requests_outside(page, base)
        page.goto(base)  # the Japanese home page
        wait_until_cached(page, files.version)
        assert page.evaluate("() => navigator.serviceWorker.controller.scriptURL") == base + "sw.js"
        [name] = page.evaluate(CACHED, base)
        cached = page.evaluate(CACHED_URLS, name)
        assert {base + ("" if file == "./" else file) for file in files.files} <= set(cached)

        context.set_offline(True)
        # The network is gone: what the site did not cache cannot be fetched.
        assert page.evaluate(ONLINE, base + "data/statement.json") == "failed"
        page.goto(base + "en/economy/")  # a section page, in the other language
        economy = next(section for section in edition.statement.sections if section.slug == "economy")
        assert page.locator("h1").inner_text() == edition.version("en").heading(economy)
        assert page.locator(f"[id='p{economy.last}.1']").count() == 1
        page.keyboard.press("/")
        hrefs = search(page, "Senkaku", "en", 1)  # the English index, from the cache
        k = first_sentence_with(edition, "en", 12, "Senkaku")
        assert hrefs == [f"{base}en/alliance/?h=Senkaku+Islands#p12.{k}"]
        with page.expect_navigation():
            page.locator("a.md-search-result__link").first.click()
        assert page.url == hrefs[0]
        sentence = page.locator(f"[id='p12.{k}']")
        assert sentence.locator("mark[data-md-highlight]").first.inner_text() == "Senkaku Islands"
        assert outside == []
    finally:
        context.close()
        httpd.shutdown()


def test_a_new_build_replaces_the_cache(browser: Browser, tmp_path: Path):
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    translation = tmp_path / "project" / "source" / "translation.en.yml"
    site = tmp_path / "site"

    def build() -> str:
        assert main(["build", "--config", str(project), "--source", str(translation.parent), "--site-dir", str(site)]) == 0
        return manifest(site).version

    first = build()
    httpd, url = serve(site)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "/en/")
        wait_until_cached(page, first)
        assert "stated once more" in page.evaluate("u => fetch(u).then(r => r.text())", url + "/en/alliance/")

        text = translation.read_text(encoding="utf-8")
        assert text.count("stated once more") == 1
        translation.write_text(text.replace("stated once more", "stated yet again"), encoding="utf-8")
        second = build()
        assert second != first

        page.reload()  # the browser checks sw.js: a new worker takes over and caches the new build
        wait_until_cached(page, second)
        assert page.evaluate(CACHED, url + "/") == [f"statement-site {url}/ {second}"]  # the old cache is gone

        context.set_offline(True)
        assert page.evaluate(ONLINE, url + "/data/statement.json") == "failed"
        page.goto(url + "/en/alliance/")  # a page not visited since the new build: from the new cache
        body = page.inner_text("article")
        assert "stated yet again" in body and "stated once more" not in body
    finally:
        context.close()
        httpd.shutdown()


def test_past_its_budget_the_worker_caches_the_readers_language_first_and_the_rest_as_read(browser: Browser,
                                                                                          tmp_path: Path):
    """A budget that holds what pages load, the English index and pages, and little more: a
    reader of /en/ gets those cached unasked and no Japanese page but the ones they read."""
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    site = tmp_path / "site"
    args = ["build", "--config", str(project), "--source", str(tmp_path / "project" / "source"), "--site-dir", str(site)]
    assert main(args) == 0
    whole = manifest(site)
    english = [f for f, size in zip(whole.files, whole.compressed, strict=True)
               if not f.startswith("search-index/ja") and (f.startswith(("en/", "search-index/en")) or
                                                           not (f == "./" or f.endswith("/")))]
    needed = sum(size for f, size in zip(whole.files, whole.compressed, strict=True) if f in english)
    set_plugin_option(project, f"offline_budget: {(needed + 2000) / 1e6}")
    assert main(args) == 0
    version = manifest(site).version
    httpd, url = serve(site)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "/en/")
        wait_until_cached(page, version)
        assert page.get_attribute("html", "data-stmt-offline-files") == f"{len(english)} {len(whole.files)}"
        [name] = page.evaluate(CACHED, url + "/")
        cached = {u.removeprefix(url + "/") for u in page.evaluate(CACHED_URLS, name)}
        assert {"" if f == "./" else f for f in english} <= cached
        assert "search-index/ja.json" not in cached and "alliance/" not in cached  # beyond the budget

        page.goto(url + "/alliance/")  # read online: cached as it is read
        page.wait_for_function("([name, u]) => caches.open(name).then(c => c.match(u)).then(Boolean)",
                               arg=[name, url + "/alliance/"])
        context.set_offline(True)
        page.goto(url + "/en/economy/")  # never visited, cached unasked
        assert page.locator("h1").count() == 1
        page.goto(url + "/alliance/")  # read before
        assert page.locator("[id='p12']").count() == 1
        assert page.evaluate(ONLINE, url + "/search-index/ja.json") == "failed"
    finally:
        context.close()
        httpd.shutdown()
