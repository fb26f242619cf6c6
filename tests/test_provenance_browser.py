"""Issue 24 in Chromium, phone (390×844, touch) and desktop, both languages: the Cite panel cites
what its button names and closes with Escape; the sentence link is offered under a linked or
tapped sentence; the whole text prints its provenance on every page; one-character corrections
are marked; the parallel page's switch keeps the column read and phones have a page-level choice;
the 404 page has the banner and the footer. Waits are for states the pages set, never times."""

from __future__ import annotations

import io
import unicodedata

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from .conftest import DESKTOP, PHONE
from .test_browser import switch_language_in_place
from .test_citation import parse_bibtex
from .test_cite_browser import clipboard, contrast, luminance, set_palette

DEVICES = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(params=["phone", "desktop"])
def tab(request, browser: Browser, server: str):
    context = browser.new_context(**DEVICES[request.param])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.device = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def press(page: Page, selector: str) -> None:
    """A tap on the phone, a click on the desktop."""
    if page.device == "phone":  # type: ignore[attr-defined]
        page.locator(selector).tap()
    else:
        page.locator(selector).click()


@pytest.mark.parametrize("prefix, words", [("", "第16段落"), ("/en", "¶16")])
def test_the_cite_panel_cites_what_its_button_names_and_offers_the_linked_sentence_first(tab: Page, server: str,
                                                                                          prefix, words):
    tab.goto(f"{server}{prefix}/economy/?h=semiconductor#p16.2")
    press(tab, "#p16 button.stmt-cite")
    panel = tab.locator("#cite-p16")
    panel.wait_for()
    choose = panel.locator("select")
    assert choose.input_value() == "0"  # ¶16, as the button says, not the sentence of the address
    options = choose.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert options[:2] == ["0", "2"] and sorted(options[2:], key=int) == options[2:]
    texts = panel.locator("textarea")
    assert f"{server}{prefix}/economy/#p16" in texts.nth(3).input_value()
    assert words in texts.nth(0).input_value() + texts.nth(1).input_value()
    entry = parse_bibtex(texts.nth(2).input_value())
    assert entry["url"] == f"{server}{prefix}/economy/#p16"
    chicago = texts.nth(1).input_value()
    assert "Accessed " in chicago and chicago.count("paragraph and sentence numbers assigned by") == 1
    if prefix:
        assert "Unofficial English translation by the statement-site project" in chicago
        assert "translator" in entry.fields_dict
    choose.select_option("2")
    assert f"{server}{prefix}/economy/#p16.2" in texts.nth(3).input_value()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_escape_closes_the_cite_panel_and_gives_the_focus_back(page: Page, server: str, prefix):
    page.goto(f"{server}{prefix}/alliance/")
    page.locator("#p12 button.stmt-cite").focus()
    page.keyboard.press("Enter")
    page.locator("#cite-p12").wait_for()
    page.keyboard.press("Tab")  # into the panel, past the picker
    page.keyboard.press("Escape")
    page.locator("#cite-p12").wait_for(state="detached")
    assert page.evaluate("document.activeElement.matches('#p12 button.stmt-cite')")
    assert page.locator("#p12 button.stmt-cite").get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("prefix, offer", [("", "第7段落第6文へのリンクをコピー"), ("/en", "Copy the link to ¶7, sentence 6")])
def test_a_linked_sentence_offers_its_own_link(tab: Page, server: str, prefix, offer):
    tab.goto(f"{server}{prefix}/regional/#p7.6")
    chip = tab.locator("button.stmt-sentence-link")
    chip.wait_for(state="visible")
    assert chip.inner_text() == offer
    box, sentence = chip.bounding_box(), tab.locator("[id='p7.6']").bounding_box()
    assert sentence["y"] < box["y"] < sentence["y"] + sentence["height"] + 60  # under the sentence
    if tab.device == "phone":  # type: ignore[attr-defined]
        assert box["height"] >= 44
    else:
        chip.click()
        assert clipboard(tab) == f"{server}{prefix}/regional/#p7.6"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_on_a_phone_a_tapped_sentence_offers_its_link(browser: Browser, server: str, prefix):
    context = browser.new_context(**PHONE)
    context.add_init_script("window.__shared = []; navigator.share = d => { window.__shared.push(d); return Promise.resolve(); };")
    page = context.new_page()
    page.goto(f"{server}{prefix}/alliance/")
    sentence = page.locator("[id='p12.2']")
    sentence.scroll_into_view_if_needed()
    first = sentence.evaluate("s => { const r = s.getClientRects()[0]; return {x: r.left, y: r.top, h: r.height}; }")
    page.touchscreen.tap(first["x"] + 6, first["y"] + first["h"] / 2)  # its first word (the line may begin with another)
    chip = page.locator("button.stmt-sentence-link")
    chip.wait_for(state="visible")
    chip.tap()
    page.wait_for_function("() => window.__shared.length === 1")
    assert page.evaluate("window.__shared[0].url") == f"{server}{prefix}/alliance/#p12.2"
    context.close()


def test_the_paragraph_control_says_what_it_copied(page: Page, server: str):
    page.goto(f"{server}/en/regional/#p7.6")
    button = page.locator("#p7 button.stmt-copy")
    button.click()
    page.wait_for_function("() => document.querySelector('#p7 button.stmt-copy').textContent === 'Copied the link to ¶7'")
    assert clipboard(page) == f"{server}/en/regional/#p7"


def test_the_whole_text_cites_a_paragraph_at_its_section_page(page: Page, server: str):
    """L17: one address for one paragraph, wherever it is cited from."""
    page.goto(f"{server}/en/full/")
    page.click("#p12 button.stmt-cite")
    assert page.locator("#cite-p12 textarea").nth(3).input_value() == f"{server}/en/alliance/#p12"
    page.click("#p12 button.stmt-copy")
    assert clipboard(page) == f"{server}/en/alliance/#p12"


@pytest.mark.parametrize("prefix, says", [("", "公表された本文"), ("/en", "unofficial English translation by the statement-site project")])
def test_every_printed_page_of_the_whole_text_carries_the_site_its_address_and_what_it_is(page: Page, server: str,
                                                                                           prefix, says):
    page.goto(f"{server}{prefix}/full/")
    page.wait_for_function("() => document.documentElement.dataset.stmtPrintFoot === 'ready'")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(reader.pages) >= 5
    site = "日米首脳共同声明" if not prefix else "Japan-U.S. Joint Leaders' Statement"
    for number, sheet in enumerate(reader.pages, 1):
        text = " ".join(unicodedata.normalize("NFKC", sheet.extract_text()).split())  # (the PDF's CJK radicals)
        for words in (site, says, f"{server}{prefix}/full/", f"{number} / {len(reader.pages)}"):
            assert words in text, (number, words)
    whole = " ".join(unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages)).split())
    assert ("Corrections (※)" if prefix else "訂正の一覧(※)") in whole  # the English whole text has its corrections too
    assert "→ 将来の日米協力に次世代の" in whole
    # a heading is never the last thing on a printed page
    for sheet in reader.pages[:-1]:
        lines = [line for line in unicodedata.normalize("NFKC", sheet.extract_text()).splitlines() if line.strip()]
        body = [line for line in lines if server not in line and "/ " not in line[-8:]]
        assert body and not body[-1].strip().startswith(("「自由で開かれたインド太平洋」の推進", "Advancing a")), body[-1]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_with_the_dark_palette_chosen_the_whole_text_prints_dark_on_light(page: Page, server: str, prefix):
    """Paper is white: the dark palette (slate) a reader chose on screen does not print."""
    page.goto(f"{server}{prefix}/full/")
    set_palette(page, "slate")
    page.emulate_media(media="print")
    colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.stmt-para')).color,
        getComputedStyle(document.querySelector('.md-typeset h1')).color]""")
    ground = colours[0] if "0, 0, 0, 0" not in colours[0] else "rgb(255, 255, 255)"
    assert luminance(ground) > 0.9, colours
    assert all(contrast(c, ground) >= 4.5 for c in colours[1:]), colours


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_one_character_correction_shows_which_character(tab: Page, server: str, prefix):
    tab.goto(f"{server}{prefix}/corrections/")
    row = tab.locator("#c2")
    marks = row.locator("mark.stmt-diff").all_inner_texts()
    assert marks == ["兩", "両"]
    size = row.locator("mark.stmt-diff").first.evaluate(
        "m => parseFloat(getComputedStyle(m).fontSize) / parseFloat(getComputedStyle(m.parentElement).fontSize)")
    assert size >= 1.2
    # いかにかわからず → いかんにかかわらず: the three characters, not all that lies between them
    assert tab.locator("#c1 mark.stmt-diff").all_inner_texts() == ["か", "ん", "か"]


def test_on_a_phone_the_sheet_of_a_corrected_word_marks_the_character(browser: Browser, server: str):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/regional/")
    page.locator("#p7 ins.stmt-corr").first.tap()
    sheet = page.locator(".stmt-sheet")
    sheet.wait_for()
    assert sheet.locator("mark.stmt-diff").all_inner_texts() == ["兩", "両"]
    assert "公表された本文：兩岸問題" in sheet.inner_text() and "訂正後：両岸問題" in sheet.inner_text()
    sheet.locator("button.stmt-sheet-close").tap()
    sheet.wait_for(state="detached")
    page.goto(f"{server}/indo-pacific/")
    page.locator("#p6 ins.stmt-corr").first.tap()  # ※1: いかにかわからず → いかんにかかわらず
    page.locator(".stmt-sheet").wait_for()
    assert page.locator(".stmt-sheet mark.stmt-diff").all_inner_texts() == ["か", "ん", "か"]
    context.close()


IN_VIEW = """(id) => { const s = document.getElementById(id), pair = s.closest('.stmt-pair');
    // what stays at the top of the window: the header, the column labels where they are sticky,
    // a phone's 日本語 | English switch where it has stuck under the header
    let edge = document.querySelector('.md-header').getBoundingClientRect().bottom;
    const labels = document.querySelector('.stmt-pair-head');
    if (getComputedStyle(labels).position === 'sticky') edge = Math.max(edge, labels.getBoundingClientRect().bottom);
    const band = pair.querySelector(':scope > .stmt-switch');
    if (band.offsetHeight && getComputedStyle(band).position === 'sticky' && band.getBoundingClientRect().top <= edge + 1)
        edge = Math.max(edge, band.getBoundingClientRect().bottom);
    const lines = [...s.getClientRects()].filter(r => r.width > 0);
    return {edge, lines: lines.map(r => r.top), shown: lines.length > 0}; }"""
"""Where a sentence's lines are, and how far down what covers the top of the window reaches."""

STILL = """() => new Promise(done => { const y = window.scrollY;
    requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY === y))); })"""


def read_at(page: Page, sentence: str, line: int) -> float:
    """Scroll as a reader would until a sentence's line is at the top of what is in view, just
    below what covers the top of the window; return where the sentence's first line is then,
    from that edge (less than 0: the sentence began above it)."""
    for _ in range(3):  # a phone's switch sticks, or stops sticking, once scrolled
        where = page.evaluate(IN_VIEW, sentence)
        page.evaluate(f"window.scrollBy({{top: {where['lines'][line] - where['edge'] - 3}, behavior: 'instant'}})")
        page.wait_for_function(STILL)
    where = page.evaluate(IN_VIEW, sentence)
    assert abs(where["lines"][line] - where["edge"] - 3) < 1, where
    assert line == 0 or line < len(where["lines"]) - 1  # inside it: not its last line, where the next may begin
    return where["lines"][0] - where["edge"]


@pytest.mark.parametrize("start, goal", [("ja", "en"), ("en", "ja")])
@pytest.mark.parametrize("line", [0, 2], ids=["its-start", "inside"])
def test_the_parallel_switch_lands_on_the_sentence_read(tab: Page, server: str, start, goal, line):
    """M5: the sentence at the top of what is in view (below the header, the column labels, a
    phone's switch) is at the top after the switch, in both directions. On a wide screen the
    reader's column (the Japanese) is the same text on both pages: the very line comes back. On
    a phone the other language's column is shown: the same sentence in it begins at the top."""
    phone = tab.device == "phone"  # type: ignore[attr-defined]
    column = start if phone else "ja"
    tab.goto(f"{server}{'/en' if start == 'en' else ''}/parallel/alliance/")
    tab.wait_for_load_state("load")
    before = read_at(tab, f"p12.6-{column}", line)
    switch_language_in_place(tab, goal, touch=phone)
    tab.wait_for_function("() => document.documentElement.dataset.stmtArrived === 'sentence'")
    tab.wait_for_function(STILL)
    landed = f"p12.6-{goal if phone else 'ja'}"
    after = tab.evaluate(IN_VIEW, landed)
    assert after["shown"]
    expected = before if not phone or line == 0 else 0.0  # a translation's sentence from its start
    assert abs(after["lines"][0] - after["edge"] - expected) <= 3, (before, after)
    # where the reader was, not a link they followed: the pair is not marked
    pair = tab.locator("#p12")
    assert pair.evaluate("el => getComputedStyle(el).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")


def test_on_a_phone_showing_both_the_switch_keeps_the_very_line(browser: Browser, server: str):
    """With 両方 chosen, the English column read on the Japanese page is there on the English page."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/parallel/alliance/")
    page.locator(".stmt-view button[data-view=both]").tap()
    before = read_at(page, "p12.6-en", 2)
    switch_language_in_place(page, "en", touch=True)
    page.wait_for_function("() => document.documentElement.dataset.stmtArrived === 'sentence'")
    page.wait_for_function(STILL)
    after = page.evaluate(IN_VIEW, "p12.6-en")
    assert abs(after["lines"][0] - after["edge"] - before) <= 3, (before, after)
    context.close()


def test_on_a_phone_the_parallel_page_shows_both_languages_and_remembers_it(browser: Browser, server: str):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/parallel/alliance/")
    view = page.locator(".stmt-view")
    view.wait_for(state="visible")
    assert view.locator("button").all_inner_texts() == ["日本語", "English", "両方"]
    assert page.locator("#p12 .stmt-col[lang=en]").is_hidden()
    view.locator("button[data-view=both]").tap()
    assert page.locator("#p12 .stmt-col[lang=ja]").is_visible() and page.locator("#p12 .stmt-col[lang=en]").is_visible()
    ja, en = page.locator("#p12 .stmt-col[lang=ja]").bounding_box(), page.locator("#p12 .stmt-col[lang=en]").bounding_box()
    assert ja["y"] + ja["height"] <= en["y"] + 1  # the Japanese above the English
    page.goto(f"{server}/en/parallel/economy/")
    page.locator(".stmt-view").wait_for(state="visible")
    assert page.locator(".stmt-view button[data-view=both]").get_attribute("aria-pressed") == "true"
    assert page.locator("#p16 .stmt-col[lang=ja]").is_visible() and page.locator("#p16 .stmt-col[lang=en]").is_visible()
    page.locator(".stmt-view button[data-view=en]").tap()
    assert page.locator("#p16 .stmt-col[lang=ja]").is_hidden()
    context.close()


def test_the_404_page_has_the_banner_and_the_footer(page: Page, server: str):
    response = page.goto(f"{server}/404.html")
    assert response and response.ok
    assert "外務省が公表した声明" in page.locator(".stmt-banner").inner_text()
    assert "statement-site プロジェクト" in page.locator(".stmt-footer").inner_text()
    assert page.locator(".md-content a[href='/en/']").count() == 1


@pytest.mark.parametrize("prefix, words", [("", "statement-site プロジェクト"), ("/en", "the statement-site project")])
def test_the_home_page_names_who_runs_the_site_beside_the_banner(tab: Page, server: str, prefix, words):
    tab.goto(f"{server}{prefix}/")
    operator = tab.locator(".stmt-operator")
    assert words in operator.inner_text() and operator.is_visible()
    assert operator.bounding_box()["y"] < 844 / 2  # on the first screen, by the banner
    banner = tab.locator(".stmt-banner").bounding_box()
    assert banner["y"] < operator.bounding_box()["y"]
    hint = tab.locator(".stmt-key-hint")
    assert hint.is_visible() == (tab.device == "desktop")  # type: ignore[attr-defined]  # L11
