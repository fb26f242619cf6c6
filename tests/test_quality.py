"""Promises of the built site: links resolve, builds are reproducible, it works under a sub-path,
and no page asks anything of another origin."""

from __future__ import annotations

import html.parser
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from build_scripts.cli import main

from .conftest import make_project, requests_outside, serve
from .test_browser import switch_language


class Links(html.parser.HTMLParser):
    """The ids of a page, and every href/src it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for name in ("href", "src"):
            if values.get(name):
                self.urls.append(values[name])


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def broken_links(site: Path, root_path: str = "/", every: int = 1) -> list[str]:
    """Every internal link or #anchor of the site (of every n-th page) that does not resolve.

    Absolute paths (MkDocs' 404 page uses them) are resolved against the site's root, which
    the server exposes at root_path. Paths are resolved as strings (no file system calls per
    link): a large site has millions of links, most of them the same navigation.
    """
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    pages: dict[str, Links] = {}

    def page(rel: str) -> Links:
        if rel not in pages:
            pages[rel] = parsed(site / rel)
        return pages[rel]

    broken = []
    for rel in sorted(f for f in files if f.endswith(".html"))[::every]:
        links = page(rel)
        folder = posixpath.dirname(rel)
        for url in set(links.urls):
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(root_path):
                    broken.append(f"{rel}: {url} (outside the site)")
                    continue
                target = posixpath.normpath(unquote(parts.path[len(root_path):]) or ".")
            else:
                target = posixpath.normpath(posixpath.join(folder, unquote(parts.path))) if parts.path else rel
            if target not in files:
                target = posixpath.normpath(posixpath.join(target, "index.html"))
            if target not in files:
                broken.append(f"{rel}: {url} (no such file)")
            elif parts.fragment and target.endswith(".html") and parts.fragment not in page(target).ids:
                broken.append(f"{rel}: {url} (no such anchor)")
    return sorted(broken)


def test_every_internal_link_and_anchor_resolves(real_site):
    assert broken_links(real_site) == []
    assert len(list(real_site.rglob("*.html"))) > 40


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1653264000")  # what the CLI takes from the last commit
    config = make_project(tmp_path)
    sites = []
    for name in ("one", "two"):
        assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"),
                     "--site-dir", str(tmp_path / name), "--site-url", "https://example.org/s/"]) == 0
        sites.append({p.relative_to(tmp_path / name): p.read_bytes() for p in (tmp_path / name).rglob("*") if p.is_file()})
    assert sites[0].keys() == sites[1].keys()
    assert [p for p in sites[0] if sites[0][p] != sites[1][p]] == []
    sitemap = sites[0][Path("sitemap.xml")].decode()
    assert "<lastmod>2022-05-23</lastmod>" in sitemap
    assert "<loc>https://example.org/s/about/</loc>" in sitemap
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://example.org/s/en/about/"/>' in sitemap
    assert "None" not in sitemap


def test_site_under_a_sub_path_with_site_url(browser, tmp_path):
    config = make_project(tmp_path)
    served = tmp_path / "www"
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"),
                 "--site-dir", str(served / "some" / "path"), "--site-url", "https://example.org/some/path/"]) == 0
    assert broken_links(served / "some" / "path", "/some/path/") == []
    page_html = (served / "some" / "path" / "en" / "alliance" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/some/path/en/alliance/">' in page_html
    httpd, url = serve(served)
    try:
        page = browser.new_page()
        outside = requests_outside(page, url + "/some/path/")
        page.goto(url + "/some/path/alliance/#p12")
        assert page.locator("#p12 a.stmt-pnum").is_visible()
        switch_language(page, "en")
        assert page.url == url + "/some/path/en/alliance/#p12"
        page.click("#p12 a.stmt-term >> nth=0")
        assert page.url.startswith(url + "/some/path/en/glossary/#")
        assert outside == []
        page.close()
    finally:
        httpd.shutdown()


def test_no_page_requests_another_origin(browser, server, real_site):
    """Load every page of both languages; every request must stay on the site's origin.

    The listener records each request as it is made, so a page need only load: the
    network goes idle once, after the last page, for what a page asks for late.
    """
    page = browser.new_page()
    outside = requests_outside(page, server)
    paths = sorted("/" + str(p.parent.relative_to(real_site)).replace(".", "") for p in real_site.rglob("index.html"))
    for path in paths:
        page.goto(server + re.sub("/+", "/", path + "/"), wait_until="load")
    page.wait_for_load_state("networkidle")
    page.close()
    assert len(paths) > 40 and outside == []
