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

from ..addresses import is_web_address
from ..errors import Problems, quoted
from ..languages import LANGUAGES
from ..model import Term
from .yamlfile import Mapping, kind_of, load_list, where

KINDS = ("agreement", "law", "policy", "initiative", "program", "institution", "forum", "place", "term")
"""Kinds of entry, in the order the glossary pages group them."""
TERM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HIRAGANA = re.compile(r"[\u3041-\u309f\u30fc・ 　]+")


def _forms(path: Path, names: Mapping, key: str, what: str, problems: Problems, required: bool = True) -> tuple[str, ...]:
    """A list of non-empty strings (aliases, or forms excluded from them)."""
    nodes = names.sequence(key, required=required)
    if nodes is None:
        return ()
    forms = []
    for node in nodes:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool")) or not str(node.value).strip():
            problems.add(where(path, node), f"{what}: each of '{key}' must be text, found {kind_of(node)}")
        else:
            forms.append(str(node.value))
    if not forms:
        problems.add(names.origin, f"{what}: '{key}' is empty")
    return tuple(forms)


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
        what = f"entry {quoted(term_id)}" if term_id else f"entry {number}"
        entry.what = what  # from here on, messages name the entry by its id
        if term_id is not None:
            if not TERM_ID.fullmatch(term_id):
                problems.add(where(path, entry.values["id"]), f"{what}: id must be lower-case ASCII letters, digits and single hyphens")
            elif term_id in seen:
                problems.add(where(path, entry.values["id"]), f"{what}: id is used twice (first by entry {seen[term_id]})")
            seen.setdefault(term_id, number)
        kind = entry.text("kind")
        if kind is not None and kind not in KINDS:
            problems.add(where(path, entry.values["kind"]), f"{what}: unknown kind {quoted(kind)} (expected one of: {', '.join(KINDS)})")
        abbreviation = entry.text("abbreviation", required=False)
        url = entry.text("url", required=False)
        if url is not None and not (url.startswith("https://") and is_web_address(url)):
            problems.add(where(path, entry.values["url"]), f"{what}: url must be a web address starting with https://, "
                                                           f"found {quoted(url)}")
        related_nodes = entry.sequence("related", required=False) or []
        related = tuple(str(n.value) for n in related_nodes if isinstance(n, yaml.ScalarNode))
        names: dict[str, str] = {}
        aliases: dict[str, tuple[str, ...]] = {}
        excludes: dict[str, tuple[str, ...]] = {}
        descriptions: dict[str, str] = {}
        yomi = ""
        for lang in LANGUAGES:
            if lang not in entry.values:
                entry.missing(lang)
                continue
            keys = {"name", "aliases", "excludes", "description"} | ({"yomi"} if lang == "ja" else set())
            part = Mapping(path, entry.values[lang], keys, f"{what}: {lang}", problems)
            names[lang] = part.text("name") or ""
            descriptions[lang] = " ".join((part.text("description") or "").split())
            aliases[lang] = _forms(path, part, "aliases", f"{what}: {lang}", problems)
            excludes[lang] = _forms(path, part, "excludes", f"{what}: {lang}", problems, required=False)
            for form in excludes[lang]:
                if not any(alias in form and alias != form for alias in aliases[lang]):
                    problems.add(where(path, part.values["excludes"]), f"{what}: {lang}: excluded form {quoted(form)} "
                                 "must contain one of the entry's aliases (it keeps a longer word from linking here)")
            if lang == "ja":
                yomi = part.text("yomi") or ""
                if yomi and not HIRAGANA.fullmatch(yomi):
                    problems.add(where(path, part.values["yomi"]), f"{what}: ja: yomi must be hiragana, found {quoted(yomi)}")
        notes = entry.texts_by_language("note", LANGUAGES, required=LANGUAGES) if "note" in entry.values else {}
        if term_id is not None:
            terms.append(Term(
                id=term_id, kind=kind or "", names=names, yomi=yomi, aliases=aliases,
                excludes={lang: forms for lang, forms in excludes.items() if forms},
                descriptions=descriptions, notes={k: " ".join(v.split()) for k, v in notes.items()},
                abbreviation=abbreviation, url=url, related=related, origin=entry.origin,
            ))
    known = {t.id for t in terms}
    for term in terms:
        for related_id in term.related:
            if related_id not in known:
                problems.add(term.origin, f"entry {quoted(term.id)}: related entry {quoted(related_id)} does not exist")
            elif related_id == term.id:
                problems.add(term.origin, f"entry {quoted(term.id)}: is related to itself")
    problems.raise_if_any()
    return tuple(terms)
