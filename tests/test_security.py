"""The Content-Security-Policy as the build writes it: every page carries one, right after its
charset, allowing exactly its own inline scripts by their hashes; inline code the policy would
refuse fails the build with one line. (In Chromium: tests/test_security_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from build_scripts.output.security import inline_of, policy, source_hash

from .conftest import FIXTURES, make_project, run

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(text: str) -> dict[str, list[str]]:
    """A policy as its directives: name → sources."""
    found = {}
    for part in text.split(";"):
        name, *sources = part.split()
        assert name not in found, f"{name} twice"
        found[name] = sources
    return found


def test_a_hash_is_the_sha256_of_the_exact_text():
    # the empty script's hash, as the CSP specification and every browser compute it
    assert source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    text = "var a = 'ü';\n"
    assert source_hash(text) == f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_only_scripts_that_execute_are_hashed_and_styles_are():
    page = ('<head><script>one()</script><script type="module">two()</script><script type="text/javascript">three()</script>'
            '<script type="application/json">{"data": 1}</script><script type="application/ld+json">{}</script>'
            '<script src="x.js"></script><STYLE>p { color: red }</STYLE></head>'
            '<body><script>\n  four()\n</script><!-- <script>not()</script> --></body>')
    inline = inline_of(page)
    assert inline.scripts == {source_hash(s) for s in ("one()", "two()", "three()", "\n  four()\n")}
    assert inline.styles == {source_hash("p { color: red }")}
    assert inline.refused == ()


def test_what_no_hash_allows_is_named():
    page = ('<p style="color: red">a</p><img src=x onerror=alert(1)><a href=" JavaScript:go()">b</a>'
            '<p title="onclick=x style=y">words with onclick= in them</p><script>x = "<b style=1>";</script>'
            '<div\n  STYLE="x"></div><svg onload=go()/>')
    refused = inline_of(page).refused
    assert [r.split(":")[0] for r in refused] == ["style attribute", "event handler attribute onerror=", "javascript",
                                                  "style attribute", "event handler attribute onload="]


def test_the_policy_allows_the_site_only_and_inline_code_by_hash_only():
    meta = directives(policy({"'sha256-b'", "'sha256-a'"}, set()))
    assert meta == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'sha256-a'", "'sha256-b'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }
    header = directives(policy(set(), set(), header=True))
    assert header["frame-ancestors"] == ["'none'"] and "frame-ancestors" not in meta
    assert not any(s in sources for sources in (*meta.values(), *header.values())
                   for s in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"))


def test_every_page_carries_its_policy_first_with_the_hashes_of_its_own_scripts(real_site: Path):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 40 and real_site / "404.html" in pages and real_site / "en" / "glossary" / "index.html" in pages
    variants = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = META.findall(text)
        assert len(found) == 1, page
        head = text[:text.index("<head>") + 400]
        assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"', head), page
        allowed = directives(found[0])
        inline = inline_of(text)
        assert set(allowed["script-src"]) == {"'self'", *inline.scripts}, page
        assert allowed["style-src"] == ["'self'"] and inline.styles == frozenset(), page  # Material needs no inline style
        assert inline.refused == (), page
        assert len(inline.scripts) == 3, page  # Material's three: storage helpers, palette, tab from #hash
        variants |= inline.scripts
    # the storage helpers name the page's depth: /, /a/, /a/b/, /en/a/b/ and the 404 page differ
    assert 5 <= len(variants) <= 10


def test_inline_code_the_policy_would_refuse_fails_the_build_with_one_line(tmp_path):
    make_project(tmp_path, FIXTURES / "mini")
    about = tmp_path / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n<span style="color: red">red</span>\n', encoding="utf-8")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "Content-Security-Policy" in line]
    assert lines == ['WARNING: statement-site: about.md: the Content-Security-Policy will refuse inline code: '
                     'style attribute: <span style="color: red">'], result.stderr


def test_only_the_inline_scripts_the_theme_writes_are_allowed(real_site: Path, tmp_path):
    """The theme's scripts are known by their text (read from its templates, an address where a
    template prints one); a script that reached a page any other way gets no hash."""
    from mkdocs.config import load_config

    from build_scripts.plugin.upstream import theme_inline_scripts

    known = theme_inline_scripts(tuple(load_config(str(make_project(tmp_path))).theme.dirs))
    assert len(known) >= 3  # Material 9.8: storage helpers, palette, tab from #hash (and those of unused features)
    for page in real_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert inline_of(text, known) == inline_of(text), page  # every script of every page is one of them
    injected = text.replace("</head>", "<script>alert(document.domain)</script></head>", 1)
    inline = inline_of(injected, known)
    assert inline.unknown == ("alert(document.domain)",)
    assert source_hash("alert(document.domain)") not in inline.scripts
    # A value printed into the theme's script must stay an address: a quote would end its string.
    script = re.search(r'<script>((__md_scope=new URL\("[^"]*",location\)).*?)</script>', text)
    assert script is not None
    written = script.group(2)  # as the page has it, and with other values in the string
    for value, allowed in (("../..", True), ("/some/path/", True), ('/",alert(1),"', False), ("a b", False)):
        variant = script.group(1).replace(written, f'__md_scope=new URL("{value}",location)', 1)
        assert any(p.fullmatch(variant) for p in known) is allowed, value


def test_an_inline_script_of_a_hand_written_page_fails_the_build_with_one_line(tmp_path):
    make_project(tmp_path, FIXTURES / "mini")
    about = tmp_path / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "docs/about.md: has an inline script that neither the theme nor statement-site writes: 'alert(1)'; the "
        "Content-Security-Policy allows none such (put a script of your own in docs/assets/ and list it under "
        "extra_javascript)"]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("command", "setting", "message"), [
    (["--site-url", 'https://example.org/"><script>alert(1)</script>/'], None,
     "--site-url: must be a web address (https://…), found 'https://example.org/\"><script>alert(1)</script>/'"),
    ([], "site_url: 'https://example.org/\"><script>alert(1)</script>/'",
     "mkdocs.yml:{line}: site_url must be a web address (https://…), found "
     "'https://example.org/\"><script>alert(1)</script>/'"),
    ([], "contact: 'javascript:alert(1)'",
     "mkdocs.yml:{line}: plugins: statement-site: contact must be a web address (https://…) or an e-mail address, "
     "found 'javascript:alert(1)'"),
])
def test_an_address_that_is_not_one_is_refused_with_one_line(tmp_path, command, setting, message):
    config = make_project(tmp_path, FIXTURES / "mini")
    line = None
    if setting:
        text = config.read_text(encoding="utf-8")
        key = setting.split(":")[0]
        placed = f"      {setting}  # https://" if key == "contact" else None
        text = text.replace("      # contact: https://", placed, 1) if placed else f"{setting}\n{text}"
        config.write_text(text, encoding="utf-8")
        line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith(f"{key}:"))
    result = run("build", *command, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message.format(line=line)]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("text", "web", "contact"), [
    ("https://example.org/statement/", True, True),
    ("http://localhost:8000/", True, True),
    ("https://github.com/owner/repo/issues", True, True),
    ("someone@example.org", False, True),
    ("mailto:someone@example.org?subject=%E8%AA%A4%E3%82%8A", False, True),
    ("javascript:alert(1)", False, False),
    ("../../etc/passwd#", False, False),
    ("//example.org/", False, False),
    ("https://example.org/\"onmouseover=\"x", False, False),
    ("https://exa mple.org/", False, False),
    ("https:///path", False, False),
    ("mailto:<a@b.org>", False, False),
])
def test_what_counts_as_an_address(text, web, contact):
    from build_scripts.addresses import is_contact_address, is_web_address

    assert is_web_address(text) is web
    assert is_contact_address(text) is contact
