"""The per-language search index our search worker reads (docs/assets/search-worker.js).

One document per paragraph: where it is, its section, its text as shown. Plus the glossary,
so that a query equal to an entry's name or alias in any language also finds the paragraphs
that mention the entry. The worker normalizes the text itself (and can build character-bigram
postings from it), so the index carries only the text: it stays close to the text's size.
"""

from __future__ import annotations

import json

from .model import Edition
from .render import Page

INDEX_FOLDER = "search-index"
"""Folder of the site (and of the docs folder) that holds one index file per language."""


def search_index(edition: Edition, lang: str) -> dict:
    """The index of one language as plain JSON data."""
    text = edition.version(lang)
    prefix = "" if lang == edition.languages[0] else f"{lang}/"
    sections = []
    docs = []
    for section in edition.statement.sections:
        sections.append(text.heading(section) or "")
        for p in section.paragraphs:
            docs.append({
                "n": p.number,
                "s": section.index - 1,
                "l": f"{prefix}{section.slug}/#p{p.number}",
                "t": "".join(span.text for span in text.paragraphs[p.number]),
            })
    terms = []
    for term in edition.terms:
        paragraphs = sorted({m.paragraph for m in edition.mentions_of(term.id, lang)})
        if not paragraphs:
            continue
        keys = {term.abbreviation or ""} | set(term.names.values())
        for forms in term.aliases.values():
            keys.update(forms)
        terms.append({
            "k": sorted(k for k in keys if k),
            "a": sorted(term.aliases.get(lang, ()), key=len, reverse=True),
            "p": paragraphs,
        })
    return {"lang": lang, "sections": sections, "docs": docs, "terms": terms}


def search_pages(edition: Edition) -> list[Page]:
    """The index files of every language, as files of the docs folder."""
    return [
        Page(f"{INDEX_FOLDER}/{lang}.json",
             json.dumps(search_index(edition, lang), ensure_ascii=False, separators=(",", ":")))
        for lang in edition.languages
    ]
