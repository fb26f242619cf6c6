"""The Content-Security-Policy in Chromium: nothing a reader does on the site is refused, in either
language, at the root or under a sub-path, with the <meta> policy alone (GitHub Pages) or the
`_headers` one alone (Netlify, Cloudflare Pages); and what an attacker slips into a page is."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from build_scripts.output.headers import FILE

from .conftest import PHONE, QuietHandler, requests_outside
from .headers_format import headers_for, parse
from .test_browser import switch_language
from .test_cite_browser import set_palette
from .test_search_browser import search

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')

LISTEN = """document.addEventListener("securitypolicyviolation", e => window.__cspViolation(
    [e.effectiveDirective, e.blockedURI, e.sample, location.pathname].join(" | ")), true);"""
"""Reports every refusal of the policy in the page, from before its first script runs."""

REFUSED = re.compile(r"Content.Security.Policy|Permissions.Policy|Refused to", re.IGNORECASE)
"""Console messages in which Chromium reports a refusal or a policy it cannot read."""


class HostHandler(QuietHandler):
    """A static host: a missing page gets the site's 404.html with status 404; with `rules`, the
    headers of `_headers` are sent; with `strip_meta`, pages lose their <meta> policy (so that
    the header's policy is the only one)."""

    rules: list | None = None
    strip_meta = False
    not_found = "404.html"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's address
        target = path / "index.html" if path.is_dir() else path
        status = 200
        if not target.is_file():
            target, status = Path(self.directory) / self.not_found, 404
        body = target.read_bytes()
        if self.strip_meta and target.suffix == ".html":
            body = META.sub("", body.decode("utf-8"), count=1).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(len(body)))
        if self.rules is not None:
            for name, values in headers_for(self.rules, unquote(urlsplit(self.path).path)).items():
                self.send_header(name, ", ".join(values))
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: a file-like object SimpleHTTPRequestHandler copies out."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class HostServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that drops a connection (a refused frame) is no error of the host."""


def host(directory: Path, **options) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder as a static host would (see HostHandler); returns the server and its URL."""
    handler = functools.partial(type("Handler", (HostHandler,), options), directory=str(directory))
    httpd = HostServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}"


class Watched:
    """A browser context whose every refusal of a policy is recorded, and every request elsewhere."""

    def __init__(self, browser: Browser, origin: str, **options) -> None:
        self.context: BrowserContext = browser.new_context(**options)
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        self.refused: list[str] = []
        self.context.expose_function("__cspViolation", lambda report: self.refused.append(report))
        self.context.add_init_script(LISTEN)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.outside = requests_outside(self.page, origin)

    def _console(self, message) -> None:
        if REFUSED.search(message.text):
            self.refused.append(f"console {message.type}: {message.text}")

    def open(self, url: str, status: int = 200) -> Page:
        response = self.page.goto(url)
        assert response is not None and response.status == status, url
        self.page.wait_for_load_state("load")
        # Material's bundle has run: its palette and search components are mounted
        self.page.wait_for_function("() => document.querySelector('.md-search__form') !== null && window.component$ !== undefined")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def hosted(real_site: Path) -> Iterator[str]:
    """The built site on a host that sends no headers (GitHub Pages): the <meta> policy alone."""
    httpd, url = host(real_site)
    yield url
    httpd.shutdown()


@pytest.fixture
def reader(browser: Browser, hosted: str) -> Iterator[Watched]:
    """A reader on a desktop; the test fails if anything was refused or asked of another origin."""
    watched = Watched(browser, hosted, **DESKTOP)
    yield watched
    page_had_a_policy = watched.page.evaluate("document.querySelectorAll('meta[http-equiv=Content-Security-Policy]').length")
    watched.close()
    assert watched.refused == []
    assert watched.outside == []
    assert page_had_a_policy == 1


def pages_of(site: Path) -> list[str]:
    """Every page of the built site, as a path from its root ('/', '/en/alliance/', '/404.html')."""
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        found.append("/" + (relative[:-len("index.html")] if relative.endswith("index.html") else relative))
    return found


def test_every_page_of_both_languages_has_its_policy_first_and_nothing_refused(reader: Watched, hosted: str,
                                                                             real_site: Path):
    paths = pages_of(real_site)
    assert "/" in paths and "/en/" in paths and "/en/glossary/" in paths and len(paths) > 40
    for path in paths:
        page = reader.open(hosted + path)
        # the policy comes before anything it governs: every script and stylesheet of the head
        first = page.evaluate("""() => [...document.head.children].findIndex(el =>
            el.matches('script, link[rel=stylesheet], style, meta[http-equiv=Content-Security-Policy]'))""")
        assert page.evaluate(f"document.head.children[{first}].httpEquiv") == "Content-Security-Policy", path


@pytest.mark.parametrize("prefix, query, count", [("", "尖閣", 1), ("/en", "Senkaku", 1)])
def test_searching_switching_language_copying_and_citing_are_not_refused(reader: Watched, hosted: str, prefix: str,
                                                                         query: str, count: int):
    lang = "en" if prefix else "ja"
    page = reader.open(f"{hosted}{prefix}/alliance/")
    page.keyboard.press("/")
    assert search(page, "火星" if lang == "ja" else "Mars", lang, 0) == []
    page.keyboard.press("Enter")  # the search form is not sent (form-action 'none'): nothing refused
    hrefs = search(page, query, lang, count)
    assert len(hrefs) == count
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Material follows the first result
    assert page.url.startswith(f"{hosted}{prefix}/alliance/?h=")
    page.wait_for_load_state("load")
    page.click("#p12 button.stmt-copy")
    assert page.evaluate("navigator.clipboard.readText()") == f"{hosted}{prefix}/alliance/#p12"
    page.click("#p12 button.stmt-cite")
    page.locator(".stmt-cite-panel").first.wait_for()
    switch_language(page, "ja" if prefix else "en")
    assert ("/en/" in page.url) != bool(prefix)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_tips_mention_lists_and_the_dark_palette_are_not_refused(reader: Watched, hosted: str, prefix: str):
    page = reader.open(f"{hosted}{prefix}/regional/")
    set_palette(page, "slate")
    page.locator("#p7 a.stmt-term").first.hover()
    page.locator("#stmt-tip").wait_for(state="visible")
    page = reader.open(f"{hosted}{prefix}/glossary/")
    entry = page.locator("section.stmt-entry:has(details.stmt-mentions:not([open]))").first.get_attribute("id")
    mentions = page.locator(f"section[id='{entry}'] details.stmt-mentions")
    mentions.locator("summary").click()
    assert mentions.evaluate("el => el.open")
    set_palette(page, "default")


def test_the_404_page_is_not_refused(reader: Watched, hosted: str):
    page = reader.open(f"{hosted}/no/such/page/", status=404)
    assert page.locator("link[rel=stylesheet]").count() >= 2
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    set_palette(page, "slate")
    page.keyboard.press("/")
    assert len(search(page, "尖閣", "ja", 1)) == 1


def test_on_a_phone_tapping_a_glossary_word_and_sharing_are_not_refused(browser: Browser, hosted: str):
    watched = Watched(browser, hosted, **PHONE)
    watched.context.add_init_script("window.__shared = []; navigator.share = d => { window.__shared.push(d); return Promise.resolve(); };")
    page = watched.open(f"{hosted}/alliance/")
    page.locator("#p12 a.stmt-term").first.tap()
    page.locator(".stmt-sheet[role=dialog]").wait_for()
    page.locator("button.stmt-sheet-close").tap()
    page.locator("#p12 button.stmt-copy").tap()
    assert [s["url"] for s in page.evaluate("window.__shared")] == [f"{hosted}/alliance/#p12"]
    watched.close()
    assert watched.refused == [] and watched.outside == []


def test_under_a_sub_path_nothing_is_refused(browser: Browser, real_site: Path, tmp_path: Path):
    shutil.copytree(real_site, tmp_path / "some" / "path")
    httpd, url = host(tmp_path, not_found="some/path/404.html")
    watched = Watched(browser, url + "/some/path/", **DESKTOP)
    try:
        for path in ("/", "/alliance/", "/glossary/", "/en/", "/en/parallel/alliance/", "/en/data/"):
            watched.open(f"{url}/some/path{path}")
        page = watched.page
        page.keyboard.press("/")
        assert len(search(page, "Senkaku", "en", 1)) == 1
        with page.expect_navigation():
            page.locator("li.md-search-result__item a").first.click()
        page.click("#p12 button.stmt-copy")
        assert page.evaluate("navigator.clipboard.readText()") == f"{url}/some/path/en/alliance/#p12"
        switch_language(page, "ja")
        assert page.url.startswith(f"{url}/some/path/alliance/")
    finally:
        watched.close()
        httpd.shutdown()
    assert watched.refused == [] and watched.outside == []


# -- the policy of `_headers`, alone ---------------------------------------------------------------

@pytest.fixture(scope="module")
def headed(real_site: Path) -> Iterator[str]:
    """The built site on a host that sends the headers of its `_headers`, its pages without their
    <meta> policy: what the header allows must be enough for every page."""
    httpd, url = host(real_site, rules=parse((real_site / FILE).read_text(encoding="utf-8")), strip_meta=True)
    yield url
    httpd.shutdown()


def test_with_the_header_policy_alone_nothing_is_refused(browser: Browser, headed: str, real_site: Path):
    watched = Watched(browser, headed, **DESKTOP)
    page = watched.page
    try:
        for path in pages_of(real_site):
            response = page.goto(headed + path)
            assert response is not None and "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert page.evaluate("document.querySelectorAll('meta[http-equiv=Content-Security-Policy]').length") == 0
            page.wait_for_function("() => window.component$ !== undefined")
        watched.open(f"{headed}/alliance/")
        page.keyboard.press("/")
        assert len(search(page, "尖閣", "ja", 1)) == 1
        page.keyboard.press("Escape")
        page.click("#p12 button.stmt-copy")  # clipboard-write is allowed to the site
        assert page.evaluate("navigator.clipboard.readText()") == f"{headed}/alliance/#p12"
        set_palette(page, "slate")
        page.locator("#p12 a.stmt-term").first.hover()
        page.locator("#stmt-tip").wait_for(state="visible")
    finally:
        watched.close()
    assert watched.refused == [] and watched.outside == []


def test_the_header_policy_forbids_framing_the_site(browser: Browser, headed: str, tmp_path: Path):
    """frame-ancestors, which only a header can carry: a page of another origin cannot frame the site."""
    (tmp_path / "frame.html").write_text(f'<!doctype html><iframe src="{headed}/alliance/"></iframe>', encoding="utf-8")
    httpd, other = host(tmp_path)
    context = browser.new_context()
    page = context.new_page()
    try:
        with page.expect_console_message(lambda m: "frame-ancestors" in m.text) as message:
            page.goto(f"{other}/frame.html")
        assert "blocked" in message.value.text
        page.wait_for_load_state("load")
        assert not [f for f in page.frames if f.url.startswith(headed)]  # the frame holds no page of the site
    finally:
        context.close()
        httpd.shutdown()


# -- what an attacker slips into a page is refused ---------------------------------------------------

INJECTED = (
    '<script>window.__injected = "script"; document.title = "injected";</script>'
    '<img src="no-such-image" alt="" onerror="window.__injected = \'onerror\'; document.title = \'injected\';">'
    '<p id="injected-style" style="color: rgb(255, 0, 0)">styled</p>'
)
"""An inline script, an event handler attribute and a style attribute, none of them the site's."""


@pytest.fixture(scope="module")
def tampered(real_site: Path, tmp_path_factory) -> Path:
    """A copy of the built site whose /alliance/ page has INJECTED in its text, where a flaw in
    the escaping of the statement would put it."""
    copy = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(real_site, copy)
    page = copy / "alliance" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert text.count('<article class="md-content__inner md-typeset">') == 1
    page.write_text(text.replace('<article class="md-content__inner md-typeset">',
                                 '<article class="md-content__inner md-typeset">' + INJECTED), encoding="utf-8")
    return copy


@pytest.mark.parametrize("policy", ["meta", "header", "none"])
def test_code_injected_into_a_page_does_not_run(browser: Browser, tampered: Path, policy: str):
    """With the <meta> policy (GitHub Pages) or the header's alone (Netlify), the injected script,
    handler and style are refused and reported; without a policy (the control) they take effect."""
    options = {"meta": {}, "header": {"rules": parse((tampered / FILE).read_text(encoding="utf-8")), "strip_meta": True},
               "none": {"strip_meta": True}}[policy]
    httpd, url = host(tampered, **options)
    watched = Watched(browser, url, **DESKTOP)
    # the image's error event has been dispatched (its handler run or refused) once this is set
    watched.context.add_init_script(
        'addEventListener("error", e => { if (e.target.tagName === "IMG") window.__imageFailed = true; }, true);')
    try:
        page = watched.open(f"{url}/alliance/")
        page.wait_for_function("() => window.__imageFailed === true")
        ran = page.evaluate("window.__injected === undefined ? null : window.__injected")
        title = page.title()
        color = page.locator("#injected-style").evaluate("el => getComputedStyle(el).color")
    finally:
        watched.close()
        httpd.shutdown()
    if policy == "none":
        assert ran == "onerror" and title == "injected" and color == "rgb(255, 0, 0)"
        assert watched.refused == []
        return
    assert ran is None and title != "injected" and color != "rgb(255, 0, 0)"
    refused = {report.split(" | ")[0] for report in watched.refused if not report.startswith("console")}
    assert refused == {"script-src-elem", "script-src-attr", "style-src-attr"}, watched.refused
