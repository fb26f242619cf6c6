"""The Content-Security-Policy as the build writes it: every page carries one, right after its
charset, allowing exactly its own inline scripts by their hashes; inline code the policy would
refuse fails the build with one line. (In Chromium: tests/test_security_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

from build_scripts.output.security import inline_of, policy, source_hash

from .conftest import FIXTURES, make_project

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
    result = subprocess.run([sys.executable, "-m", "build_scripts.cli", "build"], cwd=tmp_path, capture_output=True,
                            text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "Content-Security-Policy" in line]
    assert lines == ['WARNING: statement-site: about.md: the Content-Security-Policy will refuse inline code: '
                     'style attribute: <span style="color: red">'], result.stderr
