"""Sentence links, clean links, the Cite control and the parallel view's counterparts, as a
reader uses them in Chromium: with the mouse, the keyboard and a touch screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from build_scripts.cli import main
from build_scripts.edition import load_edition

from .conftest import FIXTURES, PHONE, STATEMENT_DIR, make_project, serve
from .test_browser import switch_language


@pytest.fixture(scope="module")
def edition():
    return load_edition(STATEMENT_DIR)


def senkaku(edition) -> int:
    """k of the sentence of ¶12 on the Senkaku Islands, counted in each language: the same."""
    found = []
    for lang, words in (("ja", "尖閣諸島"), ("en", "Senkaku Islands")):
        version = edition.version(lang)
        at = "".join(span.text for span in version.paragraphs[12]).index(words)
        found.append(next(k for k, (start, end) in enumerate(version.sentences[12], 1) if start <= at < end))
    assert found[0] == found[1]
    return found[0]


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def luminance(rgb: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (float(x) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def set_palette(page: Page, scheme: str) -> None:
    """Material's palette toggle, clicked until the page is in `scheme` (default or slate)."""
    for _ in range(2):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme:
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang, prefix, words", [("ja", "", "尖閣諸島"), ("en", "/en", "Senkaku Islands")])
def test_a_sentence_link_lands_on_its_sentence_and_marks_it(page: Page, server: str, edition, lang, prefix, words,
                                                            scheme):
    k = senkaku(edition)
    page.goto(f"{server}{prefix}/alliance/")
    set_palette(page, scheme)
    page.goto(f"{server}{prefix}/alliance/#p12.{k}")
    sentence = page.locator(f"[id='p12.{k}']")
    assert words in sentence.inner_text()
    assert sentence.evaluate("el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    style = sentence.evaluate("""el => { const s = getComputedStyle(el);
        return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                line: s.textDecorationLine, background: getComputedStyle(document.body).backgroundColor}; }""")
    # marked not by colour alone: an outline and an underline, the outline visible on the page's ground
    assert style["outline"] != "none" and style["width"] >= 2 and "underline" in style["line"]
    assert contrast(style["color"], style["background"]) >= 3, style
    other = page.locator("[id='p12.1']").evaluate("el => getComputedStyle(el).outlineStyle")
    assert other == "none"


def test_the_language_selector_keeps_the_sentence(page: Page, server: str, edition):
    k = senkaku(edition)
    page.goto(f"{server}/alliance/#p12.{k}")
    switch_language(page, "en")
    assert page.url == f"{server}/en/alliance/#p12.{k}"
    assert "Senkaku Islands" in page.locator(f"[id='p12.{k}']").inner_text()
    switch_language(page, "ja")
    assert page.url == f"{server}/alliance/#p12.{k}"


def test_a_link_copied_after_a_search_is_the_canonical_one(page: Page, server: str, edition):
    k = senkaku(edition)
    page.goto(f"{server}/en/alliance/?h=Senkaku+Islands#p12.{k}")
    page.locator(f"[id='p12.{k}'] mark").first.wait_for()
    page.click("#p12 button.stmt-copy")
    assert clipboard(page) == f"{server}/en/alliance/#p12"
    assert page.locator("#p12 a.stmt-pnum").get_attribute("href") == "#p12"
    # select words inside the sentence: the page offers its link
    page.locator(f"[id='p12.{k}']").evaluate("""el => { const range = document.createRange();
        const text = [...el.childNodes].find(n => n.nodeType === 3 && n.textContent.trim().length > 5);
        range.setStart(text, 1); range.setEnd(text, 5);
        getSelection().removeAllRanges(); getSelection().addRange(range); }""")
    offer = page.locator("button.stmt-sentence-link")
    offer.wait_for(state="visible")
    assert offer.inner_text() == "Copy link to this sentence"
    offer.click()
    assert clipboard(page) == f"{server}/en/alliance/#p12.{k}"


def test_a_selection_across_sentences_offers_nothing(page: Page, server: str):
    page.goto(f"{server}/alliance/")
    offer = page.locator("button.stmt-sentence-link")
    before = offer.get_attribute("data-checked")
    page.locator("#p12").evaluate("""el => { const range = document.createRange();
        range.setStartBefore(el.querySelector("[id='p12.1']")); range.setEndAfter(el.querySelector("[id='p12.2']"));
        getSelection().removeAllRanges(); getSelection().addRange(range); }""")
    # permalink.js has read the selection once it settled
    page.wait_for_function("b => document.querySelector('button.stmt-sentence-link').dataset.checked !== b", arg=before)
    assert not offer.is_visible()


def test_copied_text_is_clean(page: Page, server: str):
    """No "Link", "Cite", ¶ number or ※ mark in what a reader copies from a paragraph."""
    page.goto(f"{server}/alliance/")
    assert page.locator("#p12 .stmt-corr-ref").count() >= 1  # ¶12 has a ※ mark to leave out
    page.locator("#p12").evaluate("""el => { const range = document.createRange(); range.selectNodeContents(el);
        getSelection().removeAllRanges(); getSelection().addRange(range); }""")
    page.keyboard.press("Control+C")
    copied = clipboard(page)
    assert copied.strip().startswith("バイデン大統領は") and "日米安全保障条約" in copied
    for noise in ("¶", "リンク", "引用", "※"):
        assert noise not in copied, noise


def test_the_controls_work_by_keyboard_and_the_citation_has_the_permalink(page: Page, server: str, edition):
    k = senkaku(edition)
    page.goto(f"{server}/alliance/")
    page.locator("#p12 a.stmt-pnum").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('stmt-copy')")
    page.keyboard.press("Enter")
    assert clipboard(page) == f"{server}/alliance/#p12"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('stmt-cite')")
    page.keyboard.press("Enter")
    panel = page.locator("#cite-p12")
    panel.wait_for()
    assert page.locator("#p12 button.stmt-cite").get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.tagName") == "SELECT"
    for _ in range(k):
        page.keyboard.press("ArrowDown")  # from the paragraph to its sentence k
    assert panel.locator("select").input_value() == str(k)
    texts = panel.locator("textarea")
    assert texts.count() == 4
    for i in range(4):
        assert f"{server}/alliance/#p12.{k}" in texts.nth(i).input_value()
    assert f"第12段落第{k}文" in texts.nth(0).input_value()
    assert "『自由で開かれた国際秩序の強化』" in texts.nth(0).input_value()
    assert texts.nth(2).input_value().startswith("@misc{")
    page.keyboard.press("Tab")  # the Japanese citation, then its Copy button
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('stmt-cite-copy')")
    page.keyboard.press("Enter")
    assert clipboard(page) == texts.nth(0).input_value()
    # closing returns the focus to the Cite button
    panel.locator("button.stmt-cite-close").focus()
    page.keyboard.press("Enter")
    assert page.locator("#cite-p12").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('stmt-cite')")


def test_a_page_opened_at_a_sentence_offers_that_sentence_first(page: Page, server: str, edition):
    k = senkaku(edition)
    page.goto(f"{server}/en/alliance/#p12.{k}")
    page.click("#p12 button.stmt-cite")
    panel = page.locator("#cite-p12")
    assert panel.locator("select").input_value() == "0"  # the paragraph, as the button says
    assert panel.locator("select option").nth(1).get_attribute("value") == str(k)
    panel.locator("select").select_option(str(k))
    chicago = panel.locator("textarea").nth(1).input_value()
    assert f"¶12, sentence {k};" in chicago and "Unofficial English translation by" in chicago
    assert chicago.startswith("Government of Japan and Government of the United States of America.")
    assert chicago.endswith(f"{server}/en/alliance/#p12.{k}.")
    panel.locator("button.stmt-cite-copy").nth(3).click()
    assert clipboard(page) == f"{server}/en/alliance/#p12.{k}"


def test_hovering_or_focusing_a_sentence_lights_its_counterpart(page: Page, server: str):
    page.goto(f"{server}/en/parallel/alliance/")
    page.hover("[id='p12.2-en']")
    assert "stmt-counterpart" in page.locator("[id='p12.2-ja']").get_attribute("class")
    page.mouse.move(0, 0)
    assert "stmt-counterpart" not in page.locator("[id='p12.2-ja']").get_attribute("class")
    page.locator("[id='p12.1-ja'] a").first.focus()
    assert "stmt-counterpart" in page.locator("[id='p12.1-en']").get_attribute("class")


def test_a_sentence_link_on_the_parallel_page_marks_the_page_language(page: Page, server: str, edition):
    k = senkaku(edition)
    page.goto(f"{server}/en/parallel/alliance/#p12.{k}")
    target = page.locator(f"[id='p12.{k}-en']")
    assert "stmt-target" in target.get_attribute("class")
    assert target.evaluate("el => getComputedStyle(el).outlineStyle") != "none"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The small statement, built with the address it will be published at."""
    root = tmp_path_factory.mktemp("published")
    config = make_project(root, FIXTURES / "mini")
    assert main(["build", "--config", str(config), "--source", str(root / "source"), "--site-dir",
                 str(root / "site"), "--site-url", "https://example.org/statement/"]) == 0
    return root / "site"


def test_with_a_site_url_the_links_are_the_published_ones(browser: Browser, published: Path):
    httpd, url = serve(published)
    try:
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        page = context.new_page()
        page.goto(url + "/en/opening/")
        page.click("#p1 button.stmt-copy")
        assert clipboard(page) == "https://example.org/statement/en/opening/#p1"
        page.click("#p1 button.stmt-cite")
        page.locator("#cite-p1 select").select_option("2")
        assert page.locator("#cite-p1 textarea").nth(3).input_value() == "https://example.org/statement/en/opening/#p1.2"
        context.close()
    finally:
        httpd.shutdown()


def test_on_a_phone_the_link_control_opens_the_share_sheet(browser: Browser, server: str):
    context = browser.new_context(**PHONE)
    context.add_init_script("window.__shared = []; navigator.share = d => { window.__shared.push(d); return Promise.resolve(); };")
    page = context.new_page()
    page.goto(f"{server}/alliance/#p12")
    button = page.locator("#p12 button.stmt-copy")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # touch targets
    cite = page.locator("#p12 button.stmt-cite").bounding_box()
    assert cite["height"] >= 44 and cite["width"] >= 44
    button.tap()
    shared = page.evaluate("window.__shared")
    assert [s["url"] for s in shared] == [f"{server}/alliance/#p12"]
    # the controls sit beside ¶12, in view when the page opens at ¶12
    assert page.locator("#p12 a.stmt-pnum").evaluate("el => el.getBoundingClientRect().top") < 844
    assert box["y"] < 844
    # what scripts keep hidden stays hidden on a phone: no "copy link to this sentence" offer
    # without a selection (the touch-target rules once gave it a display that beat [hidden])
    assert page.locator("button.stmt-sentence-link").count() == 1
    assert not page.locator("button.stmt-sentence-link").is_visible()
    context.close()
