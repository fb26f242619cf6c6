"""Finding one's way, in Chromium on a phone (390×844, touch) and a desktop: the table of
contents marks the paragraph a link led to (L5 of the reader tasks, issue 24), Material's
back-to-top button never lies over a link or a button (L9). Waits are for states the pages
set, never times."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from .conftest import DESKTOP, PHONE

TOC_STILL = """() => {
    const active = [...document.querySelectorAll('.md-sidebar--secondary .md-nav__link--active')]
        .map(a => a.textContent.trim()).join('|');
    const now = window.scrollY + '|' + active, before = window.__tocProbe;
    window.__tocProbe = now;
    return active !== '' && now === before; }"""
"""Whether Material has marked an entry of the table of contents, and neither it nor the scroll
position changed since the last frame (polled once a frame)."""


@pytest.mark.parametrize("path, current", [
    ("/en/economy/#p16", "¶16"), ("/economy/#p16", "¶16"), ("/economy/#p16.1", "¶16"),
    ("/en/economy/#p16.2", "¶16"), ("/alliance/#p12", "¶12"), ("/en/alliance/#p12.4", "¶12"), ("/en/regional/#p8", "¶8"),
])
def test_the_table_of_contents_marks_the_paragraph_a_link_led_to(page: Page, server: str, path, current):
    """L5: Material marks the entry whose top has passed 3.6rem from the top of the window; a
    linked paragraph or sentence lands just above that line (and below the header), not below it."""
    page.goto(server + path)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    page.wait_for_function(TOC_STILL, polling="raf")
    active = page.locator(".md-sidebar--secondary .md-nav__link--active").all_inner_texts()
    assert [a.strip() for a in active] == [current]
    anchor = path.split("#")[1]
    top = page.evaluate(f"document.getElementById({anchor!r}).getBoundingClientRect().top")
    assert top >= page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"

UNDER_THE_BUTTON = """(controls) => {
    const button = document.querySelector('.md-top'), box = button.getBoundingClientRect();
    const cx = box.left + box.width / 2, cy = box.top + box.height / 2, radius = box.width / 2;
    const covered = [], near = [];
    for (const control of document.querySelectorAll(controls)) {
        if (control === button || button.contains(control)) continue;
        for (const r of control.getClientRects()) {
            const left = Math.max(r.left, box.left), right = Math.min(r.right, box.right);
            const top = Math.max(r.top, box.top), bottom = Math.min(r.bottom, box.bottom);
            if (right - left < 1 || bottom - top < 1) continue;
            near.push(control.outerHTML.slice(0, 80));
            // the middle of where they overlap: inside the round button (3 px in), and there the
            // control is drawn right under it
            const x = (left + right) / 2, y = (top + bottom) / 2;
            if (Math.hypot(x - cx, y - cy) > radius - 3) continue;
            const seen = getComputedStyle(button).visibility === 'visible';
            if (!seen) button.classList.remove('stmt-top-aside');  // (to hit it where it is drawn)
            const stack = document.elementsFromPoint(x, y);
            if (!seen) button.classList.add('stmt-top-aside');
            const at = stack.findIndex(el => el === button || button.contains(el));
            const below = stack.slice(at + 1).find(el => !button.contains(el));
            if (at >= 0 && below && (below === control || control.contains(below) || below.contains(control))) {
                covered.push(control.outerHTML.slice(0, 80));
            }
        }
    }
    return {covered, near, state: document.documentElement.dataset.stmtTop,
            seen: getComputedStyle(button).visibility === 'visible' && !button.hidden,
            right: window.innerWidth - box.right, bottom: window.innerHeight - box.bottom}; }"""
"""The links and buttons that lie, in view, under the back-to-top button, and its state."""

LOOKED = """() => { const button = document.querySelector('.md-top');
    return !button.hidden && ['shown', 'aside'].includes(document.documentElement.dataset.stmtTop); }"""

SCROLLED = """(y) => new Promise(done => {
    window.addEventListener('scroll', () => done(), {once: true});
    window.scrollTo({top: y, behavior: 'instant'}); })"""
"""Scroll to y; done when the window has dispatched its scroll event, after Material's listener.
Two moves made within one frame give one event, at the second place: Material would see the page
go only down and never show its button (the first sweep step failed so, now and then)."""


def scroll_up_to(page: Page, y: int) -> None:
    """Scroll down past y (from above it), then back up to it, as a reader who scrolls back: Material shows its
    button (a quarter of a second after the scrolling, below the top of the page), top.js looks
    at what lies under it."""
    page.evaluate(SCROLLED, y + 150)  # (Material has seen the page go down,)
    page.wait_for_function("() => document.documentElement.dataset.stmtTop === 'hidden'")  # (top.js too)
    page.evaluate(f"window.scrollTo({{top: {y}, behavior: 'instant'}})")
    page.wait_for_function(LOOKED)


def sweep(page: Page, step: int) -> list[dict]:
    """The button's state at every `step` pixels down the page, as the reader scrolls back."""
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")  # from the top, each move down then up
    page.wait_for_function("() => document.documentElement.dataset.stmtTop === 'hidden'")
    height = page.evaluate("document.documentElement.scrollHeight - window.innerHeight")
    found = []
    for y in range(300, height - 150, step):
        scroll_up_to(page, y)
        found.append({"y": y, **page.evaluate(UNDER_THE_BUTTON, CONTROLS)})
    return found


def check_sweep(found: list[dict]) -> None:
    shown = [f for f in found if f["state"] == "shown"]
    assert shown, found  # the button does come, where nothing lies under it
    for f in found:
        if f["state"] == "shown":
            assert f["seen"] and f["covered"] == [], f
        else:
            assert not f["seen"] and f["near"], f  # stepped aside, for a control by it
    corner = shown[0]
    assert corner["right"] < 40 and corner["bottom"] < 40  # in the bottom corner, away from the header


@pytest.mark.parametrize("path", ["/en/alliance/", "/parallel/economy/"])
def test_on_a_phone_the_back_to_top_button_lies_over_no_control(browser: Browser, server: str, path):
    """L9: ¶ controls, glossary words, a pair's 日本語 | English switch, the footer's links."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + path)
    check_sweep(sweep(page, 260))
    context.close()


def test_on_a_desktop_the_back_to_top_button_lies_over_no_control(page: Page, server: str):
    """L9 with a citation panel open (its fields and buttons), the table of contents beside."""
    page.set_viewport_size(DESKTOP["viewport"])
    page.goto(f"{server}/en/economy/")
    page.locator("#p16 button.stmt-cite").click()
    page.locator("#cite-p16").wait_for()
    check_sweep(sweep(page, 180))


def test_the_glossary_sheet_is_drawn_over_the_back_to_top_button(browser: Browser, server: str):
    """On a phone the sheet of a glossary word opens at the foot of the window, where the button
    is: the sheet's buttons are above it, pressable."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}/en/alliance/")
    page.wait_for_load_state("load")
    term = page.locator("#p12 a.stmt-term").first
    term.scroll_into_view_if_needed()
    scroll_up_to(page, max(300, page.evaluate("window.scrollY") - 120))
    page.locator("#p12 a.stmt-term").first.tap()
    sheet = page.locator(".stmt-sheet")
    sheet.wait_for()
    for button in sheet.locator("a, button").all():
        box = button.bounding_box()
        assert box
        assert button.evaluate(f"(el) => el.contains(document.elementFromPoint({box['x'] + box['width'] / 2}, "
                               f"{box['y'] + box['height'] / 2}))")
    context.close()


# -- L7: the glossary's filter -----------------------------------------------------------------

def shown_entries(page: Page) -> list[str]:
    """The entries not hidden (their blocks are laid out only near the window: no box to ask)."""
    return page.evaluate("[...document.querySelectorAll('section.stmt-entry')].filter(e => !e.closest('[hidden]')).map(e => e.id)")


@pytest.mark.parametrize("prefix, typed, entry, says", [
    ("", "ipef", "ipef", "該当する項目：1件"),             # an abbreviation, on the Japanese page
    ("", "くあっど", "quad", "該当する項目：1件"),         # hiragana for クアッド
    ("/en", "クアッド", "quad", "1 entry matches"),        # the Japanese name on the English page
    ("/en", "Economic Framework", "ipef", "1 entry matches"),
])
def test_on_a_phone_the_glossary_filter_keeps_the_entries_typed(browser: Browser, server: str, prefix, typed,
                                                                 entry, says):
    """On a 70,000-px page, a name typed (in either language, any width or kana) leaves its entry."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server}{prefix}/glossary/")
    box = page.locator("#stmt-filter-input")
    box.wait_for(state="visible")
    assert box.bounding_box()["height"] >= 44
    before = page.evaluate("document.documentElement.scrollHeight")
    box.tap()
    page.keyboard.insert_text(typed)  # as an input method commits a word
    page.wait_for_function("() => document.querySelector('form.stmt-filter').dataset.shown !== ''")
    assert page.locator("#stmt-filter-status").inner_text() == says
    assert entry in shown_entries(page)
    assert len(shown_entries(page)) == 1
    assert page.locator("#abbreviations").is_hidden()
    visible_kinds = page.locator("h2[id^='kind-']:visible").count()
    assert visible_kinds == 1
    after = page.evaluate("document.documentElement.scrollHeight")
    assert before > 30000 and after < 4000, (before, after)
    context.close()


def test_the_glossary_filter_by_keyboard(page: Page, server: str):
    """Tab reaches the box (named by its label, in a search landmark), the list follows what is
    typed, the count is a status; Escape empties it and every entry is back."""
    page.goto(f"{server}/en/glossary/")
    box = page.get_by_role("search", name="Filter the glossary").get_by_role("searchbox", name="Filter the glossary")
    box.wait_for()
    everything = len(shown_entries(page))
    assert everything == page.locator("section.stmt-entry").count() > 50
    page.locator("h1").click()  # (a place before the box)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "stmt-filter-input":
            break
    assert page.evaluate("document.activeElement.id") == "stmt-filter-input"
    page.keyboard.type("g7")
    page.wait_for_function("() => document.querySelector('form.stmt-filter').dataset.shown === '1'")
    assert shown_entries(page) == ["g7"]
    page.keyboard.type("x")
    page.wait_for_function("() => document.querySelector('form.stmt-filter').dataset.shown === '0'")
    assert page.get_by_role("status").inner_text() == "No entry matches"
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.querySelector('form.stmt-filter').dataset.shown === ''")
    assert len(shown_entries(page)) == everything
    assert page.evaluate("document.activeElement.id") == "stmt-filter-input"  # Escape did not leave the box
    assert page.locator("#abbreviations").is_visible()


def test_a_link_to_an_entry_the_filter_hides_shows_the_whole_list(page: Page, server: str):
    page.goto(f"{server}/en/glossary/")
    page.locator("#stmt-filter-input").fill("IPEF")
    page.wait_for_function("() => document.querySelector('form.stmt-filter').dataset.shown === '1'")
    page.locator("#ipef .stmt-entry-links a[href='#asean']").click()
    page.wait_for_function("() => document.querySelector('form.stmt-filter').dataset.shown === ''")
    assert page.locator("#asean").is_visible()
    assert page.locator("#stmt-filter-input").input_value() == ""


def test_the_glossary_links_each_mention_to_its_sentence(page: Page, server: str):
    """L7: ¶18 once for IPEF, its sentence linked; following the link lands on the sentence."""
    page.goto(f"{server}/en/glossary/#ipef")
    mentions = page.locator("#ipef details.stmt-mentions")
    assert mentions.locator(":scope > ul > li").count() == 1
    link = mentions.locator("a.stmt-kwic")
    assert link.count() == 1 and link.locator("mark").count() == 3
    link.click()
    page.wait_for_url("**/en/economy/#p18.1")
    assert page.locator("[id='p18.1']").evaluate("el => getComputedStyle(el).outlineStyle") != "none"


SHIFTS = """async () => {
    const seen = [];
    const observer = new PerformanceObserver(list => seen.push(...list.getEntries()));
    observer.observe({type: 'layout-shift', buffered: true});
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    seen.push(...observer.takeRecords());
    observer.disconnect();
    return seen.map(e => ({value: e.value, what: (e.sources || []).map(s =>
        s.node && s.node.nodeType === 1 ? s.node.tagName + '.' + s.node.className : String(s.node && s.node.nodeName))}));
}"""
"""Every layout shift since the page began to load (a buffered observer), read two frames after
the state the test waited for."""


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("path, ready", [
    ("/glossary/", "form.stmt-filter:not([hidden])"), ("/en/glossary/", "form.stmt-filter:not([hidden])"),
    ("/economy/", ".stmt-tools:not([hidden])"), ("/en/economy/", ".stmt-tools:not([hidden])"),
])
def test_nothing_moves_when_the_scripts_show_their_controls(browser: Browser, server: str, device, path, ready):
    """What a script shows (the glossary's filter, the controls beside ¶N) waits unseen in its
    place, so the text does not move when it appears. The glossary's filter once took no room
    until its script ran: the list moved down by 116 px on a phone (Lighthouse: 0.05)."""
    context = browser.new_context(**(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    shifts = page.evaluate(SHIFTS)
    assert sum(s["value"] for s in shifts) < 0.01, shifts
    context.close()
