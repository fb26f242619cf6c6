"""The per-language search index our search worker reads (docs/assets/search-worker.js).

One document per paragraph: where it is, its section, its text as shown. Plus the glossary,
so that a query equal to an entry's name or alias in any language, or to one of its search
words, also finds the paragraphs that mention the entry. The worker normalizes the text
itself (and can build character-bigram postings from it), so the index carries only the
text: it stays close to the text's size.

The file `search-index/<lang>.json`, read by docs/assets/search-engine.js (and search-forms.js):

    {"lang": "ja",                       language of the texts below
     "sections": ["冒頭", "見出し", …],   name of each section, in order: its heading; the opening
                                         (the paragraphs before the first heading) is named by
                                         `opening` of templates/strings.yml (冒頭, Opening)
     "docs": [{"n": 12,                  paragraph number (¶12)
               "s": 3,                   index into "sections"
               "l": "alliance/#p12",     link, relative to the site's root
               "t": "…",                 the paragraph's text as shown (corrected)
               "b": [0, 48, …]}, …],     where each sentence starts in "t" (a result links to
                                         the first sentence that matches: #p12.5)
     "terms": [{"k": ["SCC", …],         whole names, aliases (every language) and abbreviation
                "w": ["futenma"],        search words (see search_words), lower case; may be absent
                "a": ["…"],              this language's aliases, longest first (what to mark)
                "p": [12, 14]}, …],      paragraphs of this language that mention the entry
     "ui": {"goto": "Go to {place} ({section})", "paragraph": "¶{number}",
            "sentence": "¶{number}, sentence {sentence}"},   the first result of a citation's
                                         number (¶12, p12.4, 第12段落第4文): templates/strings.yml
     "v": [["強靱", "強靭", "強じん"], …], the written forms of each word of the Japanese text (and
                                         of the glossary's Japanese names) that Sudachi knows in
                                         more than one form, folded, longest first (search_ja.py);
                                         in another language's index, only the groups with a form
                                         in a Japanese name (for the glossary bridge)
     Japanese (the original) only:
     docs' "u": [[40, 44, "兩岸問題"], …] where a correction changed the published text: the
                                         corrected span of "t" and what was published there
     English (a translation) only:
     "sp": [["defence", "defense"], …]}  British and American spellings of the text's words (search_en.py)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from ..languages import url_prefix
from ..model import Edition
from . import search_cache, search_en, search_ja
from .render import Page

INDEX_FOLDER = "search-index"
"""Folder of the site (and of the docs folder) that holds one index file per language."""

SEARCH_WORD_MIN = 3
"""Shorter words of a name (U, S, of, G7…) are never search words; whole names still are."""

_LATIN_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")
_LATIN_TOKEN = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
"""A run of Latin letters and digits, full-width ones included (Ｇ２０)."""
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as the engine's \p{L}\p{N}
_KATAKANA_DOT = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[・･]+(?=[\u30a1-\u30fa\u30fc])")
"""A middle dot between katakana, which the engine drops from queries and names (サプライ・チェーン)."""


def _fold(text: str) -> str:
    """Text as the engine compares it: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def search_words(edition: Edition) -> dict[str, list[str]]:
    """The search words of each entry: capitalized Latin-script words of its names that only ever name it.

    A word of an entry's name or alias (Artemis, Futenma, Senkaku) lets a reader find the
    entry from either language's site, but only if the word is distinctive: written with a
    capital in the name (a proper name's word, not "program" or "recently"), it occurs in the
    text of its language, and wherever it occurs there (as the start of a word, as English
    search matches) it is part of a mention of an entry that has the word in its names.
    Words the text also uses in ordinary prose (program, initiative, Japan, climate) are left
    out, and so are words under three characters (U.S., of), words the text never uses, and
    words that are a whole name, alias or abbreviation of some entry (G20, Gateway): such a
    query already means that entry.
    """
    whole = {"".join(_fold(k).split()) for t in edition.terms
             for k in (t.abbreviation or "", *t.names.values(), *(a for f in t.aliases.values() for a in f)) if k}
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)  # (lang, word) -> entry ids
    for term in edition.terms:
        for lang in edition.languages:
            forms = [term.names.get(lang, ""), *term.aliases.get(lang, ())]
            for form in forms:
                for written in _WORD.findall(unicodedata.normalize("NFKC", form)):
                    word = written.lower()
                    if (written[0].isupper() and len(word) >= SEARCH_WORD_MIN and word.isascii()
                            and _LATIN_WORD.fullmatch(word) and word not in whole):
                        owners[(lang, word)].add(term.id)
    seen: set[tuple[str, str]] = set()
    common: set[tuple[str, str]] = set()
    mentions_by_paragraph: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    for m in edition.mentions:
        mentions_by_paragraph[(m.lang, m.paragraph)].append((m.start, m.start + len(m.text), m.term_id))
    for version in edition.versions:
        lang = version.lang
        for number in version.paragraphs:
            text = version.text(number)
            mentions = mentions_by_paragraph[(lang, number)]
            # Only Latin-script words can be search words: read those, folding each one, so
            # that offsets stay those of the text (and of its mentions).
            for token in _LATIN_TOKEN.finditer(text):
                folded = _fold(token.group())
                for end in range(SEARCH_WORD_MIN, len(folded) + 1):
                    word = folded[:end]
                    entries = owners.get((lang, word))
                    if entries is None:
                        continue
                    seen.add((lang, word))
                    start = token.start()
                    inside = any(a <= start and start + end <= b and term in entries for a, b, term in mentions)
                    if not inside:
                        common.add((lang, word))
    words: dict[str, set[str]] = defaultdict(set)
    for (lang, word), entries in owners.items():
        if (lang, word) in seen and (lang, word) not in common:
            for term_id in entries:
                words[term_id].add(word)
    return {term_id: sorted(found) for term_id, found in words.items()}


def _texts(edition: Edition, lang: str) -> list[str]:
    """Every paragraph of a language and the glossary's names and aliases in it: what a query may name."""
    version = edition.version(lang)
    names = [form for term in edition.terms for form in (term.names.get(lang, ""), *term.aliases.get(lang, ())) if form]
    return [version.text(number) for number in version.paragraphs] + names


def variant_table(edition: Edition, cache_folder: Path | None = None) -> search_cache.Table:
    """The Japanese variant table of the original text and the glossary's Japanese names (search_ja.py),
    kept in `cache_folder` between builds (search_cache.py)."""
    def make(texts) -> search_cache.Table:
        known = search_cache.read_runs(cache_folder)
        table = search_ja.variant_groups(texts, known)
        search_cache.write_runs(cache_folder, {run: known[run] for run in search_ja.runs(texts)})
        return table

    return search_cache.cached_table("ja-variants", _texts(edition, "ja"), make, cache_folder)


def _of_names(variants: search_cache.Table, edition: Edition) -> search_cache.Table:
    """The groups of the variant table that have a form in a Japanese name or alias of the glossary:
    what another language's index needs for the glossary bridge (クワッド on /en/ finds Quad)."""
    names = "\n".join(_KATAKANA_DOT.sub("", search_ja.fold(form)) for term in edition.terms
                      for form in (term.names.get("ja", ""), *term.aliases.get("ja", ())) if form)
    return [group for group in variants if any(form in names for form in group)]


def search_index(edition: Edition, lang: str, words: dict[str, list[str]] | None = None, opening: str = "",
                 strings: dict[str, str] | None = None, cache_folder: Path | None = None,
                 variants: search_cache.Table | None = None) -> dict:
    """The index of one language as plain JSON data; `opening` names the section without a heading,
    `strings` are the language's words of templates/strings.yml (the citation's first result);
    `variants` is variant_table(edition), made here if not given."""
    if words is None:
        words = search_words(edition)
    text = edition.version(lang)
    prefix = url_prefix(lang, edition.languages)
    sections = []
    docs = []
    for section in edition.statement.sections:
        heading = text.heading(section)
        sections.append(opening if heading is None else heading)
        for p in section.paragraphs:
            doc: dict = {
                "n": p.number,
                "s": section.index - 1,
                "l": f"{prefix}{section.slug}/#p{p.number}",
                "t": text.text(p.number),
                "b": [start for start, _ in text.sentences.get(p.number, ((0, 0),))],
            }
            published, at = [], 0
            for span in text.paragraphs[p.number]:
                if span.correction is not None:  # a reader may paste the published words
                    published.append([at, at + len(span.text), span.correction.published])
                at += len(span.text)
            if published:
                doc["u"] = published
            docs.append(doc)
    terms = []
    for term in edition.terms:
        paragraphs = sorted({m.paragraph for m in edition.mentions_of(term.id, lang)})
        if not paragraphs:
            continue
        keys = {term.abbreviation or ""} | set(term.names.values())
        for forms in term.aliases.values():
            keys.update(forms)
        entry: dict[str, list[str] | list[int]] = {"k": sorted(k for k in keys if k)}
        if words.get(term.id):
            entry["w"] = words[term.id]
        entry["a"] = sorted(term.aliases.get(lang, ()), key=len, reverse=True)
        entry["p"] = paragraphs
        terms.append(entry)
    index: dict = {"lang": lang, "sections": sections, "docs": docs, "terms": terms}
    if strings is not None:
        index["ui"] = {"goto": strings["ui_search_goto"], "paragraph": strings["ui_paragraph"],
                       "sentence": strings["ui_sentence"]}
    if variants is None:
        variants = variant_table(edition, cache_folder)
    index["v"] = variants if lang == "ja" else _of_names(variants, edition)
    if lang == "en":
        index["sp"] = search_cache.cached_table("en-spellings", _texts(edition, lang), search_en.spellings, cache_folder)
    return index


def search_pages(edition: Edition, strings: dict[str, dict[str, str]], cache_folder: Path | None = None) -> list[Page]:
    """The index files of every language, as files of the docs folder (`strings`: templates/strings.yml;
    `cache_folder`: where the word-form tables are kept between builds, see search_cache.py)."""
    words = search_words(edition)
    variants = variant_table(edition, cache_folder)
    return [
        Page(f"{INDEX_FOLDER}/{lang}.json",
             json.dumps(search_index(edition, lang, words, strings[lang]["opening"], strings[lang], cache_folder, variants),
                        ensure_ascii=False, separators=(",", ":")))
        for lang in edition.languages
    ]
