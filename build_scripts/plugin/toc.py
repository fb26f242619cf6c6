"""The table of contents of a generated page, read from its HTML.

Python-Markdown's toc extension finds no heading in raw HTML, so Material's "on this page"
list would stay empty on every generated page. Here the headings (h1–h6 with an id, or a
glossary entry's h3 under the id of its <section>) are read from the rendered page itself,
with each numbered paragraph (¶N) under the heading it follows, and handed to MkDocs' own
get_toc. Reading the HTML rather than the model keeps the templates the one place that
decides what a page holds. The pages are our templates' output, so a regular expression
reads them (an HTML parser in Python took seconds on a long statement's pages).
"""

from __future__ import annotations

import html
import re

from mkdocs.structure.toc import TableOfContents, get_toc

_ITEMS = re.compile(
    r'<(h[1-6])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</\1>'  # a heading with its id
    r'|<section class="stmt-entry" id="([^"]+)">\s*<h3>(.*?)</h3>'  # a glossary entry
    r'|<(?:p|div) class="stmt-(?:para|pair)" id="p(\d+)"',  # a numbered paragraph
    re.S)
_TAG = re.compile(r"<[^>]+>")


def _items(content: str) -> list[tuple[int, str, str]]:
    """(level, id, title as text) of each heading and paragraph, in page order; level 0 for a paragraph."""
    found = []
    for m in _ITEMS.finditer(content):
        if m.group(1):
            found.append((int(m.group(1)[1]), m.group(2), m.group(3)))
        elif m.group(4):
            found.append((3, m.group(4), m.group(5)))
        else:
            found.append((0, f"p{m.group(6)}", f"¶{m.group(6)}"))
    return [(level, anchor, " ".join(html.unescape(_TAG.sub("", title)).split())) for level, anchor, title in found]


def page_toc(content: str, depth: int = 6, paragraphs: bool = True) -> TableOfContents:
    """The table of contents of a page's HTML: its headings down to `depth`, and its
    paragraphs under them if asked (a page's front matter `toc_depth`, `toc_paragraphs`)."""
    tokens: list[dict] = []
    headings: list[dict] = []  # the headings the next item may fall under, outermost first
    for level, anchor, title in _items(content):
        heading = level > 0
        if (not heading and not paragraphs) or (heading and level > depth):
            continue
        if not heading:  # a paragraph: one level below the heading it follows
            level = headings[-1]["level"] + 1 if headings else 1
        token = {"level": level, "id": anchor, "name": html.escape(title), "children": []}
        while headings and headings[-1]["level"] >= level:
            headings.pop()
        (headings[-1]["children"] if headings else tokens).append(token)
        if heading:
            headings.append(token)
    return get_toc(tokens)  # type: ignore[arg-type]
