"""The table of contents of a generated page, read from its HTML.

Python-Markdown's toc extension finds no heading in raw HTML, so Material's "on this page"
list would stay empty on every generated page. Here the headings (h1–h3 with an id) are
read from the rendered page itself (a heading without an id takes the id of the <section>
it opens, as a glossary entry's does), with each numbered paragraph (¶N) under the heading it
follows, and handed to MkDocs' own get_toc. Reading the HTML rather than the model keeps
the templates the one place that decides what a page holds.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from mkdocs.structure.toc import TableOfContents, get_toc

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}
_PARAGRAPHS = {"stmt-para", "stmt-pair"}
"""Classes of the elements that carry a paragraph's anchor (p<N>) and its ¶ number."""


class _Reader(HTMLParser):
    """Collects (level, id, title) for headings and numbered paragraphs, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[int, str, str]] = []
        """(level, id, title) of each heading; level 0 for a paragraph."""
        self._open: tuple[str, int, str] | None = None  # the heading being read: tag, level, id
        self._paragraph: str | None = None  # the id of a paragraph whose ¶ number comes next
        self._pnum = False
        self._text: list[str] = []
        self._section: str | None = None  # the id of a <section> whose heading comes next

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "section" and attributes.get("id"):  # a glossary entry: its heading has no id of its own
            self._section = attributes["id"]
        elif tag in _HEADINGS and self._open is None and (attributes.get("id") or self._section):
            self._open, self._text = (tag, _HEADINGS[tag], attributes.get("id") or self._section or ""), []
            self._section = None
        elif classes & _PARAGRAPHS and attributes.get("id"):
            self._paragraph = attributes["id"]
        elif tag == "a" and "stmt-pnum" in classes and self._paragraph:
            self._pnum, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[0]:
            _, level, anchor = self._open
            self.items.append((level, anchor, " ".join("".join(self._text).split())))
            self._open = None
        elif self._pnum and tag == "a":
            self.items.append((0, self._paragraph or "", "".join(self._text).strip()))
            self._pnum, self._paragraph = False, None

    def handle_data(self, data: str) -> None:
        if self._open or self._pnum:
            self._text.append(data)


def page_toc(content: str) -> TableOfContents:
    """The table of contents of a page's HTML: its headings, and its paragraphs under them."""
    reader = _Reader()
    reader.feed(content)
    reader.close()
    tokens: list[dict] = []
    headings: list[dict] = []  # the headings the next item may fall under, outermost first
    for level, anchor, title in reader.items:
        heading = level > 0
        if not heading:  # a paragraph: one level below the heading it follows
            level = headings[-1]["level"] + 1 if headings else 1
        token = {"level": level, "id": anchor, "name": html.escape(title), "children": []}
        while headings and headings[-1]["level"] >= level:
            headings.pop()
        (headings[-1]["children"] if headings else tokens).append(token)
        if heading:
            headings.append(token)
    return get_toc(tokens)  # type: ignore[arg-type]
