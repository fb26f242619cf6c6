"""Reading the statement in Chromium, on a phone and a desktop: the language switch keeps the
reader's place, every page says what is official and what is ours, the whole text prints
with its provenance, glossary words explain themselves by touch and keyboard, both palettes
are legible, and the small things of the home page, footer and header (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.output.render import load_strings

from .conftest import FIXTURES, PHONE, REPO, STATEMENT_DIR, make_project, serve
from .test_browser import MENU_STILL, switch_language, switch_language_in_place
from .test_cite_browser import contrast, set_palette


@pytest.fixture(scope="module")
def edition():
    return load_edition(STATEMENT_DIR)


@pytest.fixture
def phone(browser: Browser, server: str):
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    yield page
    context.close()


def header_bottom(page: Page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def top_of(page: Page, anchor: str) -> float:
    return page.evaluate(f"document.getElementById({anchor!r}).getBoundingClientRect().top")


STILL = """() => document.fonts.ready.then(() => new Promise(done => {
    const y = window.scrollY;
    requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY === y)));
}))"""
"""Whether the page's fonts are in and it did not scroll over two frames (a script's or the
browser's own scrolling to an #anchor has ended)."""


def settle(page: Page) -> None:
    """Wait until the page has loaded and the browser has done its own scrolling to an #anchor."""
    page.wait_for_load_state("load")
    page.wait_for_function(STILL)


def scroll_to(page: Page, anchor: str) -> None:
    """Scroll as a reader would, until `anchor` is at the top of the window (below the header)."""
    settle(page)
    for _ in range(5):
        page.evaluate(f"""() => {{ const el = document.getElementById({anchor!r});
            const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            window.scrollTo({{top: window.scrollY + el.getBoundingClientRect().top - header - 10, behavior: "instant"}}); }}""")
        page.wait_for_function(STILL)
        if abs(top_of(page, anchor) - header_bottom(page) - 10) < 4:
            return
    raise AssertionError(f"could not scroll to {anchor}")


def choose_language(page: Page, lang: str, keep: str | None = None) -> None:
    """The language selector with a mouse (as switch_language), with `keep` at the top of the window
    (the page may still settle, as its fonts load, after the reader scrolled)."""
    page.hover(".md-header__option .md-select")
    if keep:
        scroll_to(page, keep)
    # at the link's place on the screen: Playwright's click would scroll the page first (see
    # switch_language_in_place)
    page.wait_for_function(MENU_STILL, arg=lang)
    link = page.locator(f"a.md-select__link[hreflang={lang}]").bounding_box()
    assert link
    with page.expect_navigation():
        page.mouse.click(link["x"] + link["width"] / 2, link["y"] + link["height"] / 2)
    settle(page)


# -- 1. the language switch keeps the place of a reader who scrolls ----------------------------

def test_the_switch_keeps_the_paragraph_a_reader_scrolled_to(page: Page, server: str):
    page.goto(f"{server}/economy/")
    choose_language(page, "en", keep="p21")
    assert page.url == f"{server}/en/economy/#p21"
    assert abs(top_of(page, "p21") - header_bottom(page)) < 40


def test_the_switch_follows_the_reader_past_the_anchor_they_came_by(page: Page, server: str):
    page.goto(f"{server}/economy/#p16")
    choose_language(page, "en", keep="p21")
    assert page.url == f"{server}/en/economy/#p21"


def test_at_the_top_of_a_page_the_switch_keeps_the_top(page: Page, server: str):
    page.goto(f"{server}/economy/")
    settle(page)
    assert page.evaluate("scrollY") == 0
    switch_language(page, "en")
    assert page.url == f"{server}/en/economy/"


def test_on_a_phone_the_sentence_at_the_top_stays_at_the_top(phone: Page, server: str, edition):
    """¶12 is two screens long on a phone: the switch keeps the sentence, not only the paragraph.
    The sentence at the top is the one whose first line is there (the line also ends ¶12.3:
    Japanese sentences run on), and its English begins at the same place."""
    phone.goto(f"{server}/alliance/")
    scroll_to(phone, "p12.4")
    switch_language_in_place(phone, "en", touch=True)
    # language.js has scrolled to the sentence (after the browser's own scroll to #p12)
    phone.wait_for_function("() => document.documentElement.dataset.stmtArrived === 'sentence'")
    settle(phone)
    assert phone.url == f"{server}/en/alliance/#p12"
    assert abs(top_of(phone, "p12.4") - header_bottom(phone) - 10) <= 3
    # the sentence is where the reader was, not marked as a link target
    assert phone.locator("[id='p12.4']").evaluate("el => getComputedStyle(el).outlineStyle") == "none"


def test_the_language_menu_shows_the_current_language(page: Page, server: str):
    page.goto(f"{server}/en/alliance/")
    assert page.locator("a.md-select__link[aria-current=true]").get_attribute("hreflang") == "en"


# -- 2. every page says what is official and what is ours; external links say so -------------

@pytest.mark.parametrize("path", ["/", "/alliance/", "/glossary/", "/corrections/", "/about/", "/parallel/alliance/"])
def test_every_japanese_page_says_what_is_published_and_what_is_ours(page: Page, server: str, path: str, edition):
    page.goto(server + path)
    banner = page.locator(".stmt-banner")
    assert banner.is_visible()
    text = banner.inner_text()
    assert "外務省" in text and f"{len(edition.corrections)}か所を訂正" in text and "英語訳と用語解説は本サイト" in text
    with page.expect_navigation():  # (on /about/ itself, the link loads the page again)
        banner.locator("a").click()
    assert page.url.endswith("/about/")
    assert "政府のサイトではありません" in page.locator(".md-footer").inner_text()


def test_english_pages_say_it_too(page: Page, server: str):
    page.goto(f"{server}/en/glossary/")
    assert "this site's own, unofficial" in page.locator(".stmt-banner").inner_text()
    assert "not a government website" in page.locator(".md-footer").inner_text()


@pytest.mark.parametrize("path, name", [("/", "英語版（外部サイト）"), ("/en/", "official Japanese text (external site)")])
def test_links_that_leave_the_site_say_so(page: Page, server: str, path: str, name: str):
    page.goto(server + path)
    link = page.get_by_role("link", name=name)
    assert link.count() == 1 and link.get_attribute("href").startswith("https://")
    arrow = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert "↗" in arrow
    internal = page.locator("a[href$='corrections/']").first
    assert internal.evaluate("el => getComputedStyle(el, '::after').content") in ("none", "normal")


# -- 3. the whole text prints with its provenance ----------------------------------------------

def test_the_printed_whole_text_carries_its_sources_and_the_key_to_the_marks(page: Page, server: str, edition):
    page.goto(f"{server}/full/")
    page.emulate_media(media="print")
    provenance = page.locator(".stmt-provenance")
    assert provenance.is_visible() and "外務省" in provenance.inner_text()
    source = page.locator(".stmt-provenance a[href^='https://www.mofa.go.jp']")
    assert edition.publication.source_url in source.evaluate("el => getComputedStyle(el, '::after').content")
    key = page.locator(".stmt-corr-key li")
    assert key.count() == len(edition.corrections) == 9
    first = edition.corrections[0]
    assert key.first.inner_text().split() == [f"※{first.number}", f"¶{first.paragraph}",
                                              *f"{first.published} → {first.corrected}".split()]
    assert page.locator(".stmt-banner").is_visible()
    for hidden in (".md-header", ".md-sidebar", ".stmt-tools"):
        assert not page.locator(hidden).first.is_visible(), hidden
    # every ※ in the text has its line in the key
    marks = set(page.locator(".stmt-corr-ref").all_inner_texts())
    assert marks == {f"※{c.number}" for c in edition.corrections}
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000


def test_the_printed_english_says_it_is_a_translation(page: Page, server: str):
    page.goto(f"{server}/en/full/")
    page.emulate_media(media="print")
    assert "unofficial translation" in page.locator(".stmt-provenance").inner_text()
    # the corrections its sources refer to are printed with it (issue 24, M4)
    assert page.locator(".stmt-corr-key li").count() == 9


# -- 4. glossary words by touch and keyboard ---------------------------------------------------

def test_on_a_phone_a_glossary_word_opens_its_description_in_place(phone: Page, server: str):
    phone.goto(f"{server}/alliance/")
    term = phone.locator("#p12 a.stmt-term").first
    description = term.get_attribute("data-tip")
    term.tap()
    sheet = phone.locator(".stmt-sheet[role=dialog]")
    sheet.wait_for()
    assert phone.url == f"{server}/alliance/"  # still reading, not sent to the glossary
    assert description in sheet.inner_text() and term.inner_text() in sheet.inner_text()
    box = sheet.bounding_box()
    assert box["y"] + box["height"] <= 844 + 1 and box["y"] > 300  # at the foot of the window
    more = sheet.locator("a")
    assert more.get_attribute("href") == term.get_attribute("href")
    close = sheet.locator("button.stmt-sheet-close")
    assert close.bounding_box()["height"] >= 44
    close.tap()
    assert sheet.count() == 0
    term.tap()
    phone.locator(".stmt-sheet").wait_for()
    with phone.expect_navigation():
        phone.locator(".stmt-sheet a").tap()
    assert "/glossary/#" in phone.url


def test_a_corrected_word_by_touch_shows_what_was_published(phone: Page, server: str, edition):
    phone.goto(f"{server}/regional/")
    correction = edition.corrections[1]
    word = phone.locator(f"#p{correction.paragraph} ins.stmt-corr").first
    word.tap()
    sheet = phone.locator(".stmt-sheet")
    sheet.wait_for()
    assert correction.published in sheet.inner_text()
    assert sheet.locator("a").get_attribute("href").endswith(f"corrections/#c{correction.number}")
    phone.keyboard.press("Escape")
    assert sheet.count() == 0


def test_a_tip_near_the_foot_of_the_window_opens_above_the_word(page: Page, server: str):
    page.goto(f"{server}/alliance/")
    term = page.locator("#p14 a.stmt-term").last
    page.evaluate("""() => { const el = [...document.querySelectorAll('#p14 a.stmt-term')].pop();
        window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 20); }""")
    term.focus()
    tip = page.locator("#stmt-tip")
    tip.wait_for(state="visible")
    tip_box, word_box = tip.bounding_box(), term.bounding_box()
    assert tip_box["y"] + tip_box["height"] <= word_box["y"]  # above the word…
    assert tip_box["y"] >= 0  # …and inside the window
    assert float(tip.evaluate("el => getComputedStyle(el).fontSize")[:-2]) >= 13
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_a_glossary_word_inside_a_correction_shows_one_tip(page: Page, server: str):
    """¶12's 安全保障協議委員会（SCC） is corrected (※5) and is a glossary word."""
    page.goto(f"{server}/alliance/")
    term = page.locator("#p12 ins.stmt-corr a.stmt-term").first
    term.hover()
    tip = page.locator("#stmt-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == term.get_attribute("data-tip")
    assert page.locator(".md-tooltip2, [role=tooltip]:visible").count() == 1


def test_arriving_at_a_glossary_entry_leaves_its_heading_clear(page: Page, server: str):
    page.goto(f"{server}/glossary/#ipef")
    settle(page)
    page.mouse.wheel(0, -120)  # a reader who scrolls up a little brings back Material's back-to-top button
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    page.wait_for_function(STILL)
    heading = page.locator("#ipef h3").bounding_box()
    assert heading["y"] >= header_bottom(page)
    button = top.bounding_box()
    assert button["y"] + button["height"] <= heading["y"] or button["y"] >= heading["y"] + heading["height"]


# -- 5. both palettes legible ------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_glossary_underlines_and_search_marks_stand_out_in_both_palettes(page: Page, server: str, scheme: str):
    page.goto(f"{server}/en/alliance/?h=Senkaku")
    set_palette(page, scheme)
    ground = page.evaluate("getComputedStyle(document.body).backgroundColor")
    underline = page.locator("a.stmt-term").first.evaluate("el => getComputedStyle(el).textDecorationColor")
    assert contrast(underline, ground) >= 3, (underline, ground)
    mark = page.locator("mark[data-md-highlight]").first
    mark.wait_for()
    colours = mark.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    background = colours[1] if "0, 0, 0, 0" not in colours[1] else ground
    assert contrast(colours[0], background) >= 4.5, colours


def test_the_palette_toggle_returns_to_the_system_setting(page: Page, server: str):
    page.goto(f"{server}/alliance/")
    toggles = page.locator("form[data-md-component=palette] label")
    names = [toggles.nth(i).get_attribute("title") for i in range(toggles.count())]
    assert "システムの設定に合わせる" in names
    for _ in range(3):  # system → light → dark → system
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("__md_get('__palette').index") == 0
    assert page.evaluate("__md_get('__palette').color.media") == "(prefers-color-scheme)"


# -- 8. the home page, the footer and the About page -------------------------------------------

@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_home_page_says_what_a_reader_can_do_and_leads_to_the_whole_text_first(page: Page, server: str, path: str):
    page.goto(server + path)
    items = page.locator(".stmt-can-do li")
    assert items.count() == 5
    hrefs = items.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert {"parallel/", "glossary/", "corrections/", "data/"} <= set(hrefs)
    assert any(re.fullmatch(r"[a-z-]+/#p\d+\.2", h) for h in hrefs)
    full = page.locator("a[href='full/']").first.bounding_box()
    table = page.locator(".stmt-contents").bounding_box()
    assert full["y"] < table["y"]


@pytest.fixture(scope="module")
def owned_site(tmp_path_factory) -> Path:
    """The small statement, built with an owner and a contact in mkdocs.yml."""
    root = tmp_path_factory.mktemp("owned")
    config = make_project(root, FIXTURES / "mini")
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"      owner:.*\n        ja: .*\n        en: .*\n", "      owner: 'Example <Team> & Co'\n", text)
    assert "owner: 'Example <Team> & Co'" in text
    text = text.replace("      # contact: ", "      contact: reports@example.org\n      # ")
    config.write_text(text, encoding="utf-8")
    assert main(["build", "--config", str(config), "--source", str(root / "source"), "--site-dir", str(root / "site")]) == 0
    return root / "site"


def test_the_footer_names_the_owner_and_the_contact(browser: Browser, owned_site: Path):
    httpd, url = serve(owned_site)
    try:
        page = browser.new_page()
        for path, words in (("/first/", ("Example <Team> & Co", "reports@example.org")),
                            ("/en/about/", ("Example <Team> & Co", "Reports and contact"))):
            page.goto(url + path)
            footer = page.locator(".stmt-footer").inner_text()
            assert all(w in footer for w in words), footer
        assert page.locator(".stmt-footer a").get_attribute("href") == "mailto:reports@example.org"
        # the About page, under "Reporting an error", says where too
        report = page.locator("#reporting-errors ~ p.stmt-report")
        assert report.locator("a").get_attribute("href") == "mailto:reports@example.org"
        assert report.inner_text().startswith("Send reports to reports@example.org")
        page.close()
    finally:
        httpd.shutdown()


def test_without_a_contact_the_build_says_so(tmp_path, capsys):
    config = make_project(tmp_path, FIXTURES / "mini")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]) == 0
    said = capsys.readouterr()
    assert "no contact: set `contact:`" in said.out + said.err
    # and the About page says that no address was given, in both languages (not an empty line)
    strings = load_strings(REPO / "templates")
    for about, lang in ((tmp_path / "site" / "about" / "index.html", "ja"), (tmp_path / "site" / "en" / "about" / "index.html", "en")):
        assert f'<p class="stmt-report">{strings[lang]["report_nowhere"]}</p>' in about.read_text(encoding="utf-8")
        assert "statement-site: report" not in about.read_text(encoding="utf-8")


# -- low: header, corrections on a phone, corrected words, touch targets ------------------------

@pytest.mark.parametrize("path", ["/en/alliance/", "/alliance/"])
def test_on_a_phone_the_header_title_is_not_cut_short(phone: Page, server: str, path: str):
    """The statement's title in the header (it was "Japan-U.S. Join…"): two lines if need be."""
    phone.goto(server + path)
    title = phone.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert title.inner_text().strip() == phone.evaluate("document.querySelector('.md-header__topic .md-ellipsis').textContent.trim()")
    assert title.evaluate("el => el.scrollHeight <= el.clientHeight + 3 && el.scrollWidth <= el.clientWidth + 1")  # descenders aside
    assert title.bounding_box()["height"] <= header_bottom(phone)


def test_on_a_phone_the_corrections_show_their_reasons_without_scrolling_sideways(phone: Page, server: str):
    phone.goto(f"{server}/corrections/")
    table = phone.locator(".stmt-corrections table")
    assert table.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    reason = phone.locator("#c1 td").last
    box = reason.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and reason.is_visible()


def test_a_corrected_word_does_not_look_like_a_link(page: Page, server: str):
    page.goto(f"{server}/alliance/")
    corrected = page.locator("ins.stmt-corr").first.evaluate("el => getComputedStyle(el).textDecorationStyle")
    link = page.locator(".stmt-range a").first.evaluate("el => getComputedStyle(el).textDecorationStyle")
    term = page.locator("a.stmt-term").first.evaluate("el => getComputedStyle(el).textDecorationStyle")
    assert corrected not in (link, term)


def test_on_a_phone_the_paragraph_and_correction_marks_are_44_px_targets(phone: Page, server: str):
    phone.goto(f"{server}/alliance/")
    for selector in ("#p12 a.stmt-pnum", "#p12 a.stmt-corr-ref"):
        box = phone.locator(selector).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, selector
