"""In a real browser (Debian's Chromium driven by Playwright): permalinks, copy buttons,
the language switch that keeps the paragraph, and the parallel view's layout."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page


def switch_language(page: Page, lang: str) -> None:
    """Use Material's language selector in the header."""
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f"a.md-select__link[hreflang={lang}]")


def test_language_switch_keeps_the_paragraph(page: Page, server: str):
    page.goto(f"{server}/alliance/#p14")
    assert page.locator("html").get_attribute("lang") == "ja"
    switch_language(page, "en")
    assert page.url == f"{server}/en/alliance/#p14"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("[id='p14.1']").inner_text().startswith("The leaders confirmed")
    switch_language(page, "ja")
    assert page.url == f"{server}/alliance/#p14"
    assert "在日米軍再編" in page.locator("#p14").inner_text()


def test_language_switch_after_following_a_permalink(page: Page, server: str):
    page.goto(f"{server}/en/economy/")
    page.click("#p21 a.stmt-pnum")
    assert page.url.endswith("/en/economy/#p21")
    switch_language(page, "ja")
    assert page.url == f"{server}/economy/#p21"


@pytest.mark.parametrize("path, text", [("/regional/", "リンク"), ("/en/regional/", "Link")])
def test_copy_link_button_copies_the_paragraph_url(page: Page, server: str, path: str, text: str):
    page.goto(server + path)
    button = page.locator("#p8 button.stmt-copy")
    assert button.is_visible() and button.inner_text() == text
    # beside ¶8, at the start of the paragraph: on the first line, right after the number
    number, first = page.locator("#p8 a.stmt-pnum").bounding_box(), page.locator("[id='p8.1']").bounding_box()
    box = button.bounding_box()
    assert abs(box["y"] - number["y"]) < 12 and number["x"] < box["x"] < first["x"] + first["width"]
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}{path}#p8"


def test_parallel_view_columns_side_by_side_then_stacked(page: Page, server: str):
    page.goto(f"{server}/parallel/alliance/#p12")
    japanese = page.locator("#p12 .stmt-col[lang=ja]")
    english = page.locator("#p12 .stmt-col[lang=en]")
    assert "拡大抑止" in japanese.inner_text() and "extended deterrence" in english.inner_text()
    wide_ja, wide_en = japanese.bounding_box(), english.bounding_box()
    assert wide_en["x"] > wide_ja["x"] + wide_ja["width"] - 1 and abs(wide_en["y"] - wide_ja["y"]) < 2
    page.set_viewport_size({"width": 390, "height": 844})
    narrow_ja, narrow_en = japanese.bounding_box(), english.bounding_box()
    assert abs(narrow_en["x"] - narrow_ja["x"]) < 2 and narrow_en["y"] >= narrow_ja["y"] + narrow_ja["height"] - 1


def test_parallel_view_is_reachable_from_section_pages(page: Page, server: str):
    for path in ("/future/", "/en/future/"):
        page.goto(server + path)
        page.click(".stmt-range a[href$='parallel/future/']")
        page.wait_for_url(f"{server}{path.replace('future/', '')}parallel/future/")
        assert page.locator("#p32 .stmt-col").count() == 2


@pytest.mark.parametrize("path", ["/regional/", "/en/regional/"])
def test_glossary_link_shows_description_on_hover_and_focus(page: Page, server: str, path: str):
    page.goto(server + path)
    link = page.locator("#p7 a.stmt-term").first
    description = link.get_attribute("title") or ""
    assert len(description) > 20
    link.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == description
    page.mouse.move(0, 0)
    page.locator(".md-tooltip2--active").wait_for(state="detached")
    page.locator("#p7 button.stmt-cite").focus()
    page.keyboard.press("Tab")  # from the ¶'s Cite button to the first glossary link, by keyboard
    assert "stmt-term" in page.evaluate("document.activeElement.className")
    page.locator(".md-tooltip2--active").wait_for(state="visible")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    entry_id = page.url.split("#")[1]
    assert page.url.startswith(f"{server}{path.replace('regional/', '')}glossary/#")
    assert page.locator(f"section#{entry_id} a[href$='regional/#p7']").count() >= 1
