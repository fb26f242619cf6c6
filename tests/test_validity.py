"""Valid HTML (the Nu Html Checker) and no accessibility violations (axe-core in Chromium)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

from .conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

# What the checker reports in Material's own markup, which our templates and overrides do not
# produce, and why we leave it: (message pattern, extract pattern, reason).
MATERIAL_MARKUP = [
    (r"Attribute “autocomplete” is only allowed when the input type is", r'class="md-toggle"',
     "Material sets autocomplete=off on its hidden checkbox toggles (drawer, search) so that "
     "browsers do not restore their state on back navigation; it has no effect otherwise."),
]


def test_html_is_valid(real_site: Path):
    assert shutil.which("java"), "Java is needed for the Nu Html Checker: apt-get install default-jre-headless"
    assert VNU.exists(), "run npm ci (tests/setup.sh does) to install vnu-jar"
    pages = sorted(str(p) for p in real_site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    unexplained = [
        f"{m.get('url', '').split('/')[-2:]} line {m.get('lastLine')}: {m['message']} | {m.get('extract', '')!r}"
        for m in messages
        if not any(re.search(msg, m["message"]) and re.search(extract, m.get("extract", ""))
                   for msg, extract, _ in MATERIAL_MARKUP)
    ]
    assert unexplained == []
    assert len(pages) > 40


@pytest.mark.parametrize("path", [
    "/", "/alliance/", "/parallel/", "/parallel/alliance/", "/glossary/", "/corrections/", "/data/",
    "/en/", "/en/alliance/", "/en/parallel/", "/en/parallel/alliance/", "/en/glossary/", "/en/corrections/", "/en/data/",
    "/about/", "/en/about/", "/full/", "/en/full/"])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_accessibility_violations(page: Page, server: str, path: str, scheme: str):
    from .test_cite_browser import set_palette

    page.goto(server + path)
    set_palette(page, scheme)
    assert not run_axe(page)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path, query", [("/alliance/", "クアッド"), ("/en/alliance/", "Quad")])
def test_no_accessibility_violations_with_search_results_open(page: Page, server: str, path: str, query: str,
                                                              scheme: str):
    from .test_cite_browser import set_palette

    page.goto(server + path)
    set_palette(page, scheme)
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.locator("li.md-search-result__item").first.wait_for()
    assert not run_axe(page)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["/alliance/#p12.4", "/en/alliance/#p12.4", "/en/parallel/alliance/#p12.4"])
def test_no_accessibility_violations_with_a_sentence_marked_and_the_cite_panel_open(page: Page, server: str,
                                                                                   path: str, scheme: str):
    from .test_cite_browser import set_palette

    page.goto(server + path)
    set_palette(page, scheme)
    if "parallel" in path:  # a sentence lit with its counterpart
        page.locator("[id='p12.2-en']").dispatch_event("mouseover")
        assert "stmt-counterpart" in page.locator("[id='p12.2-ja']").get_attribute("class")
    else:
        page.click("#p12 button.stmt-cite")
        page.locator("#cite-p12 textarea").first.wait_for()
    assert not run_axe(page)


def load_axe(page: Page) -> None:
    """Put axe-core into the page, as a script of the page's own origin: the site's
    Content-Security-Policy refuses the inline script that add_script_tag(path=…) would add."""
    assert AXE.exists(), "run npm ci (tests/setup.sh does) to install axe-core"
    url = urljoin(page.url, "/__axe-core.js")
    # on the context, not the page: a page the service worker controls asks through the worker,
    # whose requests only the context's routes see
    page.context.route(url, lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
    page.add_script_tag(url=url)
    # axe measures colours as they are now: a palette switched a moment ago may still be fading
    # from one to the other (Material's transitions), so wait until every finite one has ended.
    page.emulate_media(reduced_motion="reduce")
    page.wait_for_function("""() => document.getAnimations().every(a =>
        a.playState !== "running" || a.effect === null || a.effect.getComputedTiming().endTime === Infinity)""")


def run_axe(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each."""
    load_axe(page)
    violations = page.evaluate("axe.run().then(r => r.violations)")
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations]
