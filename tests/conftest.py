"""Shared helpers: throwaway projects in temporary folders, built with the real templates."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from build_scripts.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
STATEMENT_DIR = FIXTURES / "statement"
"""A frozen copy of source/ (the 2022 statement) that the code tests build: they do not
depend on what source/ holds, which tests/content/ checks."""
STATEMENT = STATEMENT_DIR / "statement.ja.txt"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
"""A phone's tab (390×844, touch), as browser.new_context(**PHONE) opens it."""
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
"""A desktop's tab."""

def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Chromium as `browser`, so `-m "not browser"` leaves it out."""
    for item in items:
        if {"browser", "page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def make_project(root: Path, source: Path | None = None) -> Path:
    """Copy the project's config, templates and docs into `root`, with a statement (the frozen
    2022 one unless given) as its source/; return its mkdocs.yml. The plugin is installed."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(source or STATEMENT_DIR, root / "source")
    return root / "mkdocs.yml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command line as a user runs it (`statement-site build …` is `run("build", …)`)."""
    return subprocess.run([sys.executable, "-m", "build_scripts.cli", *args], cwd=cwd,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def set_plugin_option(config: Path, option: str) -> None:
    """Give the statement-site plugin of a project's mkdocs.yml one more option (`offline: false`)."""
    text = config.read_text(encoding="utf-8")
    assert "      templates_dir: templates\n" in text
    config.write_text(text.replace("      templates_dir: templates\n", f"      templates_dir: templates\n      {option}\n", 1),
                      encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project (real statement) in a temporary folder."""
    return make_project(tmp_path)


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A project publishing the small fixture statement."""
    return make_project(tmp_path, FIXTURES / "mini")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """An empty source folder to fill."""
    folder = tmp_path / "src"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real statement, built once with the command line (strict)."""
    root = tmp_path_factory.mktemp("real")
    config = make_project(root)
    assert main(["build", "--config", str(config), "--source", str(root / "source"),
                 "--site-dir", str(root / "site")]) == 0
    return root / "site"


# Browser fixtures: the built site served on loopback, Debian's Chromium driven by Playwright.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

_wait_for_function = Page.wait_for_function


def _wait_for_a_function(self: Page, expression: str, *args, **kwargs):
    """Page.wait_for_function, given a function only. Playwright checks an expression
    ("document.x !== null") once by the debugger, then each further time by evaluating the
    string in the page, which the site's Content-Security-Policy refuses (no 'unsafe-eval'):
    such a wait passes when the state is there at once and fails otherwise, a flake that
    depends on the machine's speed. A function ("() => document.x !== null") is checked the
    same way every time."""
    text = expression.lstrip()
    assert "=>" in text.split("\n", 1)[0] or text.startswith(("function", "async")), (
        f"wait_for_function needs a function, not an expression: {expression[:60]!r}")
    return _wait_for_function(self, expression, *args, **kwargs)


Page.wait_for_function = _wait_for_a_function  # type: ignore[method-assign]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Whatever the machine's /etc/mime.types says: a browser registers a service worker (sw.js)
    # only when it comes with a JavaScript type.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,  # noqa: RUF012 (as the base class has it)
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, format, *args):
        pass


class GzipHandler(QuietHandler):
    """Serves text files gzip-compressed when the browser accepts it, as static hosts do."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in self.TEXT or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A tab closed while the service worker was caching in the background drops its
        # connections: that is no error of the site's.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path, compress: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder over HTTP on a free loopback port; returns the server and its URL."""
    handler = functools.partial(GzipHandler if compress else QuietHandler, directory=str(directory))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}"


def requests_outside(page: Page, prefix: str) -> list[str]:
    """The URLs the page will request that do not start with prefix (filled as it loads)."""
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(prefix) else outside.append(request.url))
    return outside


@contextlib.contextmanager
def mkdocs_serve(root: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve` run in a project folder on a free loopback port: its URL and process."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait()


def open_when_served(page: Page, url: str) -> None:
    """Open a page of a server that may still be making its first build (up to a minute)."""
    for _ in range(120):
        try:
            page.goto(url)
            return
        except Exception:
            time.sleep(0.5)
    page.goto(url)


@pytest.fixture(scope="session")
def server(real_site: Path) -> Iterator[str]:
    """The built site over HTTP on a free loopback port."""
    httpd, url = serve(real_site)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is needed for the browser tests: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@contextlib.contextmanager
def open_tab(browser: Browser, site: str, **options) -> Iterator[Page]:
    """A tab in a browser context of its own (options as browser.new_context takes them), closed
    after; the test fails if a page in it asked anything of another origin than the site's."""
    context = browser.new_context(**options)
    page = context.new_page()
    outside = requests_outside(page, site)
    yield page
    context.close()
    assert outside == [], f"requests outside the site: {outside}"


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser tab; the test fails if the page asks anything of another origin."""
    with open_tab(browser, server, viewport={"width": 1280, "height": 900}) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
        yield page
