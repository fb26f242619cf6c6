"""The forms of tests/fixtures/forms/ in Chromium, on a desktop and on a phone: lines that are
lines stand one under the other, the closing to the right, headings nested in the table of
contents at every level, an annex in the navigation as a page of its own; axe finds nothing."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from build_scripts.cli import main

from .conftest import FIXTURES, make_project, open_tab, serve
from .test_validity import run_axe

FORMS = ("joint-statement-with-annex", "white-paper-kana-levels", "press-release-numbered")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def forms_server(tmp_path_factory) -> Iterator[str]:
    """The sites of a few form fixtures, each under /<name>/ of one server."""
    root = tmp_path_factory.mktemp("forms-sites")
    for name in FORMS:
        project = root / "projects" / name
        project.mkdir(parents=True)
        config = make_project(project, FIXTURES / "forms" / name)
        assert main(["build", "--config", str(config), "--site-dir", str(root / "sites" / name)]) == 0
    httpd, url = serve(root / "sites")
    yield url
    httpd.shutdown()


@pytest.fixture(params=sorted(VIEWPORTS))
def tab(request, browser: Browser, forms_server: str) -> Iterator[Page]:
    """A tab on a desktop or a phone (touch); the test fails if a page asks anything of another origin."""
    phone = request.param == "phone"
    # The sites of the forms share one origin, each with a service worker of its own: these tests
    # are about layout, so none is registered (reading offline is tested in test_offline_browser).
    with open_tab(browser, forms_server, viewport=VIEWPORTS[request.param], has_touch=phone, is_mobile=phone,
                  service_workers="block") as page:
        yield page


def open_page(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")


def boxes(page: Page, selector: str) -> list[dict]:
    return [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]


def test_notes_and_signatories_stand_one_a_line_the_signatories_to_the_right(tab: Page, forms_server: str):
    open_page(tab, f"{forms_server}/joint-statement-with-annex/statement/")
    notes = boxes(tab, "#p5 li")
    signatories = boxes(tab, "#p6 li")
    assert len(notes) == 2 and len(signatories) == 4
    for lines in (notes, signatories):
        assert all(a["y"] + a["height"] <= b["y"] + 1 for a, b in itertools.pairwise(lines))
    paragraph = tab.locator("#p4").bounding_box()
    assert abs(notes[1]["x"] - paragraph["x"]) < 2  # notes start where paragraphs do
    right = paragraph["x"] + paragraph["width"]
    ends = tab.evaluate("""() => [...document.querySelectorAll('#p6 li')].map(li => {
        const range = document.createRange(); range.selectNodeContents(li);
        const rects = range.getClientRects(); return rects[rects.length - 1].right; })""")
    assert all(abs(end - right) < 2 for end in ends), (ends, right)  # each signatory ends at the right edge
    assert not run_axe(tab)


def test_a_table_and_a_contact_block_keep_their_lines(tab: Page, forms_server: str):
    open_page(tab, f"{forms_server}/press-release-numbered/section-2/")
    rows = tab.locator("#p5 li")
    assert rows.all_inner_texts()[1:] == ["人口：約３，６００万人（２０２３年）", "首都：タシケント"]
    tops = [box["y"] for box in boxes(tab, "#p5 li") + boxes(tab, "#p6 li")]
    assert tops == sorted(tops) and len({round(t) for t in tops}) == 6
    assert not run_axe(tab)


def test_an_annex_is_a_page_of_its_own_in_the_navigation(tab: Page, forms_server: str):
    open_page(tab, f"{forms_server}/joint-statement-with-annex/")
    links = tab.locator(".md-nav--primary .md-nav__link")
    names = [" ".join(text.split()) for text in links.all_text_contents()]
    assert "冒頭" in names and "別添 日・太平洋島嶼国防災協力行動計画" in names


def test_four_levels_of_headings_nest_in_the_table_of_contents(tab: Page, forms_server: str):
    open_page(tab, f"{forms_server}/white-paper-kana-levels/section-2/")
    # The table of contents: in the right-hand sidebar on a desktop, in the menu on a phone.
    # (Material lists what is under the page's title at the top.)
    for anchor, depth in (("section-2-1", 0), ("section-2-1-1", 1), ("section-2-1-1-1", 2), ("section-2-2", 0)):
        links = tab.locator(f'.md-nav--secondary a[href="#{anchor}"]')
        assert links.count() >= 1
        for i in range(links.count()):  # how many lists below the table of contents' own it sits in
            nesting = links.nth(i).evaluate("a => { let n = 0; for (let e = a.parentElement; "
                                            "!e.matches('.md-nav--secondary'); e = e.parentElement) "
                                            "if (e.matches('nav.md-nav')) n++; return n; }")
            assert nesting == depth, (anchor, nesting)
    assert tab.locator("h4#section-2-1-1-1").inner_text() == "（ア）日米同盟"
    assert not run_axe(tab)
