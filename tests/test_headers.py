"""`_headers`, read as Netlify and Cloudflare Pages read it (tests/headers_format.py): every path of
the built site gets the policy and the security headers, only Material's fingerprinted assets
are cached for good, the search indexes are revalidated; the README's nginx snippet gives every
path the same headers, at the root and under a sub-path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.output.headers import FILE, IMMUTABLE
from build_scripts.output.security import inline_of, policy

from .conftest import REPO
from .headers_format import HeadersFormatError, Rule, headers_for, parse

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy")


# -- the reader of the format -----------------------------------------------------------------------

def test_the_reader_follows_netlifys_format():
    rules = parse("# a comment\n/*\n  X-One: 1\n\n/assets/*\n  # a comment\n  Cache-Control: max-age=1\n"
                  "/a/:name/b\n  X-Two: 2\n/exact.js\n  X-Three: 3\n")
    assert [r.pattern for r in rules] == ["/*", "/assets/*", "/a/:name/b", "/exact.js"]
    assert headers_for(rules, "/assets/x/y.js") == {"x-one": ["1"], "cache-control": ["max-age=1"]}
    assert headers_for(rules, "/a/word/b") == {"x-one": ["1"], "x-two": ["2"]}
    assert "x-two" not in headers_for(rules, "/a/two/words/b")  # a placeholder is one segment
    assert "x-three" not in headers_for(rules, "/exact.json") and "x-three" in headers_for(rules, "/exact.js")
    assert Rule("/*", (), 1).matches("/") and not Rule("/assets/*", (), 1).matches("/other/assets/x")
    for bad in ("no-slash\n  X: 1\n", "  X-Orphan: 1\n", "/p\n  not a header\n", "/p\n  Bad Name: 1\n"):
        with pytest.raises(HeadersFormatError):
            parse(bad)


# -- the file the build writes ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rules(real_site: Path) -> list[Rule]:
    return parse((real_site / FILE).read_text(encoding="utf-8"))


def paths_of(site: Path) -> list[str]:
    """Every address of the built site: each file from the root, and each folder with an index.html."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != FILE:
            relative = "/" + path.relative_to(site).as_posix()
            found.append(relative)
            if path.name == "index.html":
                found.append(relative[:-len("index.html")])
    return found


def test_the_file_is_within_the_hosts_limits(real_site: Path, rules):
    text = (real_site / FILE).read_text(encoding="utf-8")
    assert len(rules) <= 100 and max(map(len, text.splitlines())) <= 2000  # Cloudflare Pages' documented limits


def test_every_path_gets_the_policy_and_the_security_headers_once(real_site: Path, rules):
    paths = paths_of(real_site)
    assert "/" in paths and "/en/alliance/" in paths and "/404.html" in paths and "/search-index/ja.json" in paths
    for path in [*paths, "/no/such/page/"]:
        found = headers_for(rules, path)
        assert all(len(found.get(name, [])) == 1 for name in SECURITY), (path, found)
        assert len(found.get("cache-control", [])) <= 1, (path, found)  # hosts would join two values
        assert found["x-content-type-options"] == ["nosniff"]
        assert "camera=()" in found["permissions-policy"][0] and "clipboard-write=(self)" in found["permissions-policy"][0]


def test_the_header_policy_allows_what_every_page_needs_and_cannot_be_framed(real_site: Path, rules):
    header = headers_for(rules, "/")["content-security-policy"][0]
    scripts: set[str] = set()
    for page in real_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        scripts |= inline_of(text).scripts
        meta = META.search(text)
        assert meta is not None
        # the header says what the page's own policy says, with more hashes and frame-ancestors
        assert set(meta[1].replace(";", " ").split()) <= set(header.replace(";", " ").split())
    assert header == policy(scripts, set(), header=True)
    assert "frame-ancestors 'none'" in header and "'unsafe-inline'" not in header


def test_only_materials_fingerprinted_assets_are_cached_for_good(real_site: Path, rules):
    cached = {path for path in paths_of(real_site) if headers_for(rules, path).get("cache-control") == [IMMUTABLE]}
    names = {re.sub(r"\.[0-9a-f]{8}\.", ".<hash>.", path) for path in cached}
    assert names == {f"/assets/{name}{ext}" for name in ("javascripts/bundle.<hash>.min.js",
                                                         "javascripts/workers/search.<hash>.min.js",
                                                         "stylesheets/main.<hash>.min.css",
                                                         "stylesheets/palette.<hash>.min.css") for ext in ("", ".map")}
    # and each is the file a page loads
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert all(path.endswith(".map") or "workers/" in path or f'"{path[1:]}"' in home for path in cached)
    for path in ("/", "/index.html", "/alliance/", "/en/alliance/", "/404.html", "/assets/cite.js",
                 "/assets/search-worker.js", "/assets/statement.css", "/assets/javascripts/lunr/min/lunr.ja.min.js",
                 "/data/statement.json", "/sitemap.xml"):
        assert headers_for(rules, path).get("cache-control") != [IMMUTABLE], path


def test_the_search_indexes_are_revalidated(rules):
    for lang in ("ja", "en"):
        assert headers_for(rules, f"/search-index/{lang}.json")["cache-control"] == ["no-cache"]
    assert "cache-control" not in headers_for(rules, "/alliance/")  # the host's default, which revalidates


# -- the README's nginx snippet -------------------------------------------------------------------------

def nginx_snippet() -> str:
    blocks = re.findall(r"```nginx\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) == 1, "README.md should have one nginx snippet"
    return blocks[0]


def nginx_headers(snippet: str, uri: str) -> dict[str, list[str]]:
    """The headers the snippet's add_header lines send for a URI, with its map's variables (a map
    tries its regular expressions in order, else its default; an empty value sends no header)."""
    maps: dict[str, tuple[list[tuple[str, str]], str]] = {}
    for variable, body in re.findall(r"map \$uri \$(\w+) \{(.*?)\}\n", snippet, re.DOTALL):
        entries = re.findall(r'^\s*("[^"]*"|\S+)\s+"([^"]*)";', body, re.MULTILINE)
        regexes = [(key.strip('"')[1:], value) for key, value in entries if key.strip('"').startswith("~")]
        maps[variable] = (regexes, next(value for key, value in entries if key == "default"))
    found = {}
    for name, value in re.findall(r'^\s*add_header ([\w-]+) ("[^"]*"|\$\w+) always;', snippet, re.MULTILINE):
        if value.startswith("$"):
            regexes, default = maps[value[1:]]
            value = next((v for regex, v in regexes if re.search(regex, uri)), default)
        value = value.strip('"')
        if value:
            found[name.lower()] = [value]
    return found


def test_the_readme_nginx_snippet_sends_what_headers_sends(real_site: Path, rules):
    snippet = nginx_snippet()
    assert "add_header Content-Security-Policy" in snippet
    for path in [*paths_of(real_site), "/no/such/page/"]:
        want = headers_for(rules, path)
        assert nginx_headers(snippet, path) == want, path
        assert nginx_headers(snippet, "/some/path" + path) == want, path  # the same under a sub-path
