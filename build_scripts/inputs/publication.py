"""statement.yml: where the statement was published, and the slug of each section."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from ..addresses import is_web_address
from ..errors import Problems, quoted
from ..languages import LANGUAGES, ORIGINAL
from ..model import Origin, Override, Publication, Statement
from .yamlfile import Mapping, load, number_kind, where, whole_number

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_SLUGS = frozenset({"full", "corrections", "about", "glossary", "search", "assets", "en", "ja", "parallel",
                            "data", "search-index"})
"""Paths the site uses for its own pages and folders."""


def load_publication(path: Path) -> Publication:
    """Read statement.yml; a missing file means no slugs and no link."""
    if not path.exists():
        return Publication()
    node = load(path)
    if node is None:
        return Publication()
    problems = Problems()
    top = Mapping(path, node, {"source_url", "publisher", "authors", "official_english", "sections", "overrides"}, "", problems)
    source_url = top.text("source_url", required=False)
    if source_url and not is_web_address(source_url):
        problems.add(where(path, top.values["source_url"]), f"source_url must be a web address, found {quoted(source_url)}")
    publisher = top.texts_by_language("publisher", LANGUAGES, required=(ORIGINAL,)) if "publisher" in top.values else {}
    english_url, english_publisher = None, {}
    if "official_english" in top.values:
        english = Mapping(path, top.values["official_english"], {"url", "publisher"}, "official_english", problems)
        english_url = english.text("url")
        if english_url and not is_web_address(english_url):
            problems.add(where(path, english.values["url"]), f"official_english: url must be a web address (https://…), "
                                                              f"found {quoted(english_url)}")
            english_url = None
        english_publisher = english.texts_by_language("publisher", LANGUAGES, required=LANGUAGES)
    slugs: list[str] = []
    headings: list[str | None] = []
    origins: list[Origin] = []
    for i, item in enumerate(top.sequence("sections", required=False) or [], start=1):
        entry = Mapping(path, item, {"slug", "heading"}, f"section {i}", problems)
        slug = entry.text("slug")
        if slug is None:
            continue
        origin = where(path, entry.values["slug"])
        if not SLUG.fullmatch(slug):
            problems.add(origin, f"section {i}: slug {quoted(slug)} must be lower-case ASCII letters, digits and single hyphens")
        elif slug in RESERVED_SLUGS:
            problems.add(origin, f"section {i}: slug {quoted(slug)} is reserved for the site's own pages")
        elif slug in slugs:
            problems.add(origin, f"section {i}: slug {quoted(slug)} is used twice")
        slugs.append(slug)
        headings.append(entry.text("heading", required=False))
        origins.append(origin)
    overrides = _overrides(path, top.sequence("overrides", required=False) or [], problems)
    authors: dict[str, tuple[str, ...]] = {}
    if "authors" in top.values:
        by_language = Mapping(path, top.values["authors"], set(LANGUAGES), "authors", problems)
        for lang, node in by_language.values.items():
            names = by_language.sequence(lang) or []
            if not names or not all(isinstance(n, yaml.ScalarNode) and str(n.value).strip() for n in names):
                problems.add(where(path, node), f"authors: {lang}: expected a list of names")
            else:
                authors[lang] = tuple(str(n.value) for n in names)
    problems.raise_if_any()
    return Publication(
        source_url=source_url,
        publisher=publisher,
        english_url=english_url,
        english_publisher=english_publisher,
        slugs=tuple(slugs) if "sections" in top.values else None,
        headings=tuple(headings),
        origins=tuple(origins),
        overrides=tuple(overrides),
        authors=authors,
    )


OVERRIDES = {
    "join": "the end of a block that continues in the next block (a page break between two sentences)",
    "nojoin": "the end of a block that ends its paragraph: the next block is not joined to it",
    "split": "a block to cut in two, written before|after",
    "heading": "a whole block that is a heading (with `level:` 1, 2, 3… for its level)",
    "paragraph": "a whole block that is not a heading",
    "notes": "the first line of a block of notes, one a line",
    "table": "the first line of a block that is a table, one row a line",
    "lines": "the first line of a block whose lines are lines (a contact block, a list of names)",
    "closing": "the first line of the closing block (a date and the issuing office, signatories)",
    "annex": "a line that starts an annex (its label, 別添 or 別紙, and title)",
    "title": "the title as published, its lines run together",
    "date": "the date line as published (in the header or at the end of the text)",
}
"""What each kind of override in statement.yml says."""
LEVEL_MAX = 6
"""The deepest heading level an override may give (a section's heading is 1)."""


def _overrides(path: Path, items: list, problems: Problems) -> list[Override]:
    """The `overrides:` list: each item one kind and its text (checked against the text when
    parsing), a heading with its `level` if the editor gives one."""
    found = []
    for i, item in enumerate(items, start=1):
        entry = Mapping(path, item, {*OVERRIDES, "level"}, f"override {i}", problems)
        kinds = [key for key in entry.values if key != "level"]
        if not kinds:
            if isinstance(item, yaml.MappingNode) and all(str(key.value) == "level" for key, _ in item.value):
                problems.add(where(path, item), f"override {i}: expected one of {', '.join(OVERRIDES)}")
            continue
        if len(kinds) > 1:
            problems.add(where(path, item), f"override {i}: one kind per override, found {', '.join(kinds)}")
            continue
        [kind] = kinds
        text = entry.text(kind)
        if text is None:
            continue
        origin = where(path, entry.values[kind])
        if kind == "split" and text.count("|") != 1:
            problems.add(origin, f"override {i}: split must mark the cut with one |, as before|after, found {quoted(text)}")
            continue
        level = None
        if "level" in entry.values:
            node = entry.values["level"]
            if kind != "heading":
                problems.add(where(path, node), f"override {i}: only a heading override has a level")
                continue
            level = whole_number(node)
            if level is None or not 1 <= level <= LEVEL_MAX:
                problems.add(where(path, node), f"override {i}: level must be a whole number from 1 to {LEVEL_MAX}, "
                                                f"found {number_kind(node)}")
                continue
        found.append(Override(kind, text, origin, level))
    return found


def name_sections(statement: Statement, publication: Publication, path: Path, problems: Problems) -> Statement | None:
    """Give each section its slug from statement.yml; None (and problems) where the two files disagree."""
    if publication.slugs is None:
        return statement
    found = len(problems.errors)
    sections = statement.sections
    if len(publication.slugs) != len(sections):
        origin = publication.origins[0] if publication.origins else Origin(str(path))
        problems.add(
            origin,
            f"lists {len(publication.slugs)} section slugs, but {statement.origin.path} has {len(sections)} sections",
        )
        return None
    assert publication.headings is not None  # given with the slugs
    for section, heading, origin in zip(sections, publication.headings, publication.origins, strict=True):
        if heading is not None and heading != (section.heading or ""):
            text = section.heading or "(the opening paragraphs, no heading)"
            problems.add(origin, f"heading {quoted(heading)} does not match section {section.index} of the statement: {quoted(text)}")
    if len(problems.errors) > found:
        return None
    named = tuple(dataclasses.replace(s, slug=slug) for s, slug in zip(sections, publication.slugs, strict=True))
    return dataclasses.replace(statement, sections=named)


