"""The site's Content-Security-Policy: what a page's inline code needs of it, and the policy itself.

The policy allows what comes from the site and nothing else (default-src 'self'). Inline code runs
only when the build has seen it: each inline <script> that a browser executes, and each inline
<style>, is allowed by the sha256 hash of its exact text, never by 'unsafe-inline'. JSON data
blocks (<script type="application/json"> for Material's config and the citations,
application/ld+json for schema.org) are not executed and need no hash.

What Material 9.8 needs, read from its templates and bundle and checked in Chromium
(tests/test_security_browser.py):

- scripts: three small inline scripts per page (the `__md_scope` storage helpers, the palette
  restored before the first paint, a tab opened from the address's #hash); the first names the
  page's depth (`new URL("..",location)`), so pages at different depths differ in hash.
- styles: nothing inline. Its HTML has no style attributes and, without Google Fonts
  (`font: false`) or custom icons, no <style>; its JavaScript sets styles only through the
  CSSOM (`el.style.setProperty(...)`, `el.style.top = ...`), which a policy does not govern.
  So style-src is 'self' (plus the hash of any <style> a page has). Our own templates keep no
  style attribute either (the glossary's block sizes are classes).
- images: data: URIs, for the icons Material's stylesheet draws as CSS masks
  (`url('data:image/svg+xml;…')`).
- workers: our search worker (docs/assets/search-worker.js, twice: search-elsewhere.js) and a
  service worker, all from the site: worker-src 'self'.
- forms: the search form and the palette's radio buttons are never sent anywhere (Material
  handles them in script): form-action 'none'.

A <meta> element cannot carry frame-ancestors (browsers ignore it there), so the header
version of the policy (`_headers`, build_scripts/output/headers.py) adds it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

JAVASCRIPT_TYPES = frozenset({
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})
"""The `type` values of a <script> that a browser executes (HTML's JavaScript MIME type essences)."""


@dataclass(frozen=True)
class Inline:
    """What a page holds inline that the policy has to allow or will refuse."""

    scripts: frozenset[str]
    """'sha256-…' sources of the inline scripts that execute."""
    styles: frozenset[str]
    """'sha256-…' sources of the inline <style> elements."""
    refused: tuple[str, ...]
    """What no hash allows, so the browser will refuse it: style attributes, event handler
    attributes (onclick=…), javascript: links."""
    unknown: tuple[str, ...] = ()
    """Inline scripts that are none of the known ones (when inline_of was told which are):
    they get no hash, and the build stops on them."""


def source_hash(text: str) -> str:
    """The CSP source that allows an inline script or style of exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


_RAW = re.compile(r"<!--.*?-->|<(script|style)(\s[^>]*)?>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
"""A comment, or a script or style element: its attributes and its text, read as a browser does
(the text runs to the first end tag)."""
_SUSPECT = re.compile(r"\s(?:style|on[a-z]+)\s*=|javascript:")
"""What may begin an attribute the policy refuses, in the lower-cased page (IGNORECASE is seven
times slower): only the tags around such places are read whole."""
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(text: str | None) -> list[tuple[str, str]]:
    """The attributes of a start tag, from the text after its name: (lower-cased name, value)."""
    return [(m[1].lower(), m[2] if m[2] is not None else m[3] if m[3] is not None else m[4] or "")
            for m in _ATTRIBUTE.finditer(text or "")]


def _refused(tag: str) -> list[str]:
    """What the policy will refuse in one start tag."""
    found = []
    name_ends = re.match(r"<[^\s/>]*", tag)
    for name, value in _attributes(tag[name_ends.end() if name_ends else 0:].rstrip(">")):
        if name == "style":
            found.append(f'style attribute: {tag[:120]}')
        elif name.startswith("on"):
            found.append(f"event handler attribute {name}=: {tag[:120]}")
        elif name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
            found.append(f"javascript: link: {tag[:120]}")
    return found


def inline_of(page: str, known: Sequence[re.Pattern[str]] | None = None) -> Inline:
    """What the page's HTML holds inline: the hashes its scripts and styles need, what is refused.

    With `known`, the patterns of the inline scripts that the theme and the plugin write, only
    a script that one of them matches whole gets a hash; any other is `unknown`. A script that
    reached a page some other way (an unescaped value in a template, a hand-written page) is
    then never allowed by the page's own policy.

    Read with regular expressions rather than html.parser, which is several times slower on our pages.
    Text escaped in the page (&lt;) never reads as a tag; what is inside comments, scripts and
    styles is not read for tags, so markup in a script's strings does not count.
    """
    scripts, styles, skipped, unknown = set(), set(), [], []
    for found in _RAW.finditer(page):
        element, attributes, text = found.groups()
        skipped.append((found.start(3) if element else found.start(), found.end()))
        if element is None:
            continue
        named = dict(_attributes(attributes))
        if element.lower() == "style":
            styles.add(source_hash(text))
        elif "src" not in named and named.get("type", "").strip().lower() in JAVASCRIPT_TYPES:
            if known is None or any(pattern.fullmatch(text) for pattern in known):
                scripts.add(source_hash(text))
            else:
                unknown.append(text)
    refused: list[str] = []
    tags: set[int] = set()
    for found in _SUSPECT.finditer(page.lower()):
        start = page.rfind("<", 0, found.start())
        end = page.find(">", found.end())
        inside = any(a <= found.start() < b for a, b in skipped)
        if start < 0 or end < 0 or start in tags or inside or page.find(">", start, found.start()) >= 0:
            continue  # not in a start tag, or a tag already read
        tags.add(start)
        refused += _refused(page[start:end + 1])
    return Inline(frozenset(scripts), frozenset(styles), tuple(refused), tuple(unknown))


def policy(scripts: frozenset[str] | set[str], styles: frozenset[str] | set[str], *, header: bool = False) -> str:
    """The Content-Security-Policy allowing these inline hashes; `header` adds what only a header can say."""
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(scripts)]),
        " ".join(["style-src 'self'", *sorted(styles)]),
        "img-src 'self' data:",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    if header:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


def with_policy_meta(page: str, content: str) -> str | None:
    """The page with a CSP <meta> as early in its <head> as it can be (right after the charset,
    which must stay first); None when it has no <head>."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    found = _CHARSET.search(page) or _HEAD.search(page)
    if found is None:
        return None
    return f"{page[:found.end()]}\n      {tag}{page[found.end():]}"
