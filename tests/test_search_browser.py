"""Search in the browser, as a reader uses it: real keystrokes into Material's search box.

Every query of the sets must return exactly the paragraphs the contract computes from the
text (recall and precision 1.0), each result linking to its paragraph.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page

from build_scripts.edition import load_edition

from .conftest import STATEMENT_DIR, requests_outside, serve
from .search_contract import ENGLISH_QUERIES, JAPANESE_QUERIES, expected

COUNT_TEXT = {
    "ja": {0: "何も見つかりませんでした", 1: "1件見つかりました", "n": "{}件見つかりました", "empty": "検索キーワードを入力してください"},
    "en": {0: "No matching documents", 1: "1 matching document", "n": "{} matching documents", "empty": "Type to start searching"},
}
WAIT_FOR_META = "want => document.querySelector('.md-search-result__meta').textContent === want"


@pytest.fixture(scope="module")
def edition():
    return load_edition(STATEMENT_DIR)


def search(page: Page, query: str, lang: str, count: int) -> list[str]:
    """Type a query with the keyboard and return the href of every result, all rendered."""
    texts = COUNT_TEXT[lang]
    box = page.locator("input.md-search__input")
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")  # an empty box first, so no result of the last query remains
    page.wait_for_function(WAIT_FOR_META, arg=texts["empty"], timeout=5000)
    page.keyboard.type(query)
    # Playwright sends only an input event for characters beyond a US keyboard; Material
    # searches on keyup, so end with a key a reader would press too.
    page.keyboard.press("End")
    want = texts.get(count) if count in (0, 1) else texts["n"].format(count)
    page.wait_for_function(WAIT_FOR_META, arg=want, timeout=5000)
    items = page.locator("li.md-search-result__item")
    for _ in range(100):  # Material renders the first ten results, the rest as the list scrolls
        if items.count() >= count:
            break
        # Material renders the next chunk each time the end of the list comes into view.
        wrap = page.locator(".md-search__scrollwrap")
        wrap.evaluate("el => el.scrollTo(0, 0)")
        page.wait_for_timeout(30)
        wrap.evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(30)
    return items.evaluate_all("els => els.map(el => el.querySelector('a.md-search-result__link').href)")


def paragraphs(hrefs: list[str]) -> list[int]:
    """The paragraph of each result (a result links to a sentence of it, #pN.k)."""
    numbers = []
    for href in hrefs:
        match = re.search(r"#p(\d+)\.\d+$", href)
        assert match, href
        numbers.append(int(match.group(1)))
    return numbers


def first_sentence_with(edition, lang: str, number: int, words: str) -> int:
    """The k of the first sentence of ¶number that holds `words`."""
    version = edition.version(lang)
    at = "".join(span.text for span in version.paragraphs[number]).index(words)
    return next(k for k, (start, end) in enumerate(version.sentences[number], 1) if start <= at < end)


@pytest.mark.parametrize("lang, start, queries", [
    ("ja", "/opening/", JAPANESE_QUERIES), ("en", "/en/opening/", ENGLISH_QUERIES)])
def test_every_query_finds_exactly_its_paragraphs(page: Page, server: str, edition, lang, start, queries):
    page.goto(server + start)
    page.keyboard.press("/")  # Material's shortcut to the search box
    for query in queries:
        want = expected(edition, lang, query)
        hrefs = search(page, query, lang, len(want))
        assert paragraphs(hrefs) == want, query
        prefix = f"{server}/en/" if lang == "en" else f"{server}/"
        for href, number in zip(hrefs, want, strict=True):
            slug = edition.statement.section_of(number).slug
            assert href.startswith(f"{prefix}{slug}/?h=") and f"#p{number}." in href, href
            k = int(href.rsplit(".", 1)[1])
            assert 1 <= k <= len(edition.version(lang).sentences[number]), href


def test_result_shows_paragraph_section_and_marked_snippet(page: Page, server: str):
    page.goto(server + "/alliance/")
    page.keyboard.press("/")
    search(page, "拡大抑止", "ja", 1)
    item = page.locator("li.md-search-result__item").first
    assert item.locator("h1").inner_text() == "日米同盟：抑止力及び対処力の強化"
    assert item.locator("h2").inner_text() == "¶12"
    assert item.locator("mark").first.inner_text() == "拡大抑止"


def test_following_a_result_scrolls_to_the_sentence_and_highlights(page: Page, server: str, edition):
    k = first_sentence_with(edition, "ja", 29, "核兵器")
    page.goto(server + "/opening/")
    page.keyboard.press("/")
    search(page, "核兵器", "ja", 1)
    with page.expect_navigation():
        page.locator("li.md-search-result__item a.md-search-result__link").first.click()
    assert page.url.endswith(f"/global-challenges/?h=%E6%A0%B8%E5%85%B5%E5%99%A8#p29.{k}")
    sentence = page.locator(f"[id='p29.{k}']")
    marks = sentence.locator("mark[data-md-highlight]")
    marks.first.wait_for()
    assert marks.first.inner_text() == "核兵器"
    assert sentence.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")
    assert sentence.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # marked as the target


def test_no_result_is_said_in_the_page_language(page: Page, server: str):
    page.goto(server + "/en/future/")
    page.keyboard.press("/")
    assert search(page, "Mars", "en", 0) == []


def test_search_works_under_a_sub_path(browser, real_site: Path, tmp_path: Path, edition):
    shutil.copytree(real_site, tmp_path / "some" / "path")
    httpd, url = serve(tmp_path)
    try:
        page = browser.new_page()
        outside = requests_outside(page, url + "/some/path/")
        page.goto(url + "/some/path/en/alliance/")
        page.keyboard.press("/")
        hrefs = search(page, "Senkaku", "en", 1)
        # the query is a word of a glossary name (Senkaku Islands), which is marked whole
        k = first_sentence_with(edition, "en", 12, "Senkaku")
        assert hrefs == [f"{url}/some/path/en/alliance/?h=Senkaku+Islands#p12.{k}"]
        assert outside == []
        page.close()
    finally:
        httpd.shutdown()


def test_search_recovers_when_the_index_could_not_be_fetched(browser, server: str):
    """A dropped connection on the first fetch of the index: the next query fetches it again."""
    page = browser.new_page()
    attempts: list[str] = []

    def flaky(route):
        attempts.append(route.request.url)
        if len(attempts) == 1:
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/search-index/ja.json", flaky)
    page.goto(server + "/alliance/")
    page.keyboard.press("/")
    assert search(page, "核兵", "ja", 0) == []  # the fetch failed: nothing found, and no error
    assert paragraphs(search(page, "核兵器", "ja", 1)) == [29]
    assert len(attempts) == 2
    page.close()
