"""glossary.yml: the agreements, programs, institutions and forums the statement names.

We considered MkDocs glossary plugins (mkdocs-ezglossary; abbreviations with
pymdownx.snippets). They link terms that authors mark up in Markdown, or whole words split
at spaces; our text is data we never mark up, Japanese has no spaces between words, and we
need the same entry ids in two languages with back-references per paragraph. So entries are
loaded here and matched by mentions.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import Problems
from .model import Term
from .yamlfile import Mapping, describe, load_list, where

KINDS = ("agreement", "law", "policy", "initiative", "program", "institution", "forum", "term")
"""Kinds of entry, in the order the glossary pages group them."""
TERM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HIRAGANA = re.compile(r"[\u3041-\u309f\u30fc・ 　]+")
LANGUAGES = ("ja", "en")


def _aliases(path: Path, names: Mapping, what: str, problems: Problems) -> tuple[str, ...]:
    """A list of non-empty strings."""
    nodes = names.sequence("aliases")
    if nodes is None:
        return ()
    aliases = []
    for node in nodes:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool")) or not str(node.value).strip():
            problems.add(where(path, node), f"{what}: each alias must be text, found {describe(node)}")
        else:
            aliases.append(str(node.value))
    if not aliases:
        problems.add(names.origin, f"{what}: 'aliases' is empty")
    return tuple(aliases)


def load_glossary(path: Path) -> tuple[Term, ...]:
    """Read glossary.yml and check its schema; a missing file means no glossary."""
    items = load_list(path, "entries")
    problems = Problems()
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        entry = Mapping(path, item, {"id", "kind", "abbreviation", "url", "related", "ja", "en", "note"},
                        f"entry {number}", problems)
        term_id = entry.text("id")
        what = f"entry {term_id!r}" if term_id else f"entry {number}"
        entry.what = what  # from here on, messages name the entry by its id
        if term_id is not None:
            if not TERM_ID.fullmatch(term_id):
                problems.add(where(path, entry.values["id"]), f"{what}: id must be lower-case ASCII letters, digits and single hyphens")
            elif term_id in seen:
                problems.add(where(path, entry.values["id"]), f"{what}: id is used twice (first by entry {seen[term_id]})")
            seen.setdefault(term_id, number)
        kind = entry.text("kind")
        if kind is not None and kind not in KINDS:
            problems.add(where(path, entry.values["kind"]), f"{what}: unknown kind {kind!r} (expected one of: {', '.join(KINDS)})")
        abbreviation = entry.text("abbreviation", required=False)
        url = entry.text("url", required=False)
        if url is not None and not url.startswith("https://"):
            problems.add(where(path, entry.values["url"]), f"{what}: url must start with https://, found {url!r}")
        related_nodes = entry.sequence("related", required=False) or []
        related = tuple(str(n.value) for n in related_nodes if isinstance(n, yaml.ScalarNode))
        names: dict[str, str] = {}
        aliases: dict[str, tuple[str, ...]] = {}
        descriptions: dict[str, str] = {}
        yomi = ""
        for lang in LANGUAGES:
            if lang not in entry.values:
                entry.missing(lang)
                continue
            keys = {"name", "yomi", "aliases", "description"} if lang == "ja" else {"name", "aliases", "description"}
            part = Mapping(path, entry.values[lang], keys, f"{what}: {lang}", problems)
            names[lang] = part.text("name") or ""
            descriptions[lang] = " ".join((part.text("description") or "").split())
            aliases[lang] = _aliases(path, part, f"{what}: {lang}", problems)
            if lang == "ja":
                yomi = part.text("yomi") or ""
                if yomi and not HIRAGANA.fullmatch(yomi):
                    problems.add(where(path, part.values["yomi"]), f"{what}: ja: yomi must be hiragana, found {yomi!r}")
        notes = entry.texts_by_language("note", LANGUAGES, required=LANGUAGES) if "note" in entry.values else {}
        if term_id is not None:
            terms.append(Term(
                id=term_id, kind=kind or "", names=names, yomi=yomi, aliases=aliases,
                descriptions=descriptions, notes={k: " ".join(v.split()) for k, v in notes.items()},
                abbreviation=abbreviation, url=url, related=related, origin=entry.origin,
            ))
    known = {t.id for t in terms}
    for term in terms:
        for related_id in term.related:
            if related_id not in known:
                problems.add(term.origin, f"entry {term.id!r}: related entry {related_id!r} does not exist")
            elif related_id == term.id:
                problems.add(term.origin, f"entry {term.id!r}: is related to itself")
    problems.raise_if_any()
    return tuple(terms)
