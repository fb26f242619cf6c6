"""The statement as data, for download from the Data page: statement.json (with its JSON
Schema), glossary.json and glossary.csv, parallel.tsv and parallel.tmx (TMX 1.4b).

Every file is deterministic (no dates of the build in it): two builds are byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..languages import url_prefix
from ..model import Edition, Section, Term, Version
from .render import Page, paragraph_parts

DATA_FOLDER = "data"
"""Folder of the site that holds the files."""
SCHEMA = Path(__file__).with_name("statement.schema.json")
"""The JSON Schema of statement.json, shipped beside it."""
FILES = ("statement.json", "statement.schema.json", "glossary.json", "glossary.csv", "parallel.tsv", "parallel.tmx")
"""The data files, in the order the Data page lists them."""


def _url(edition: Edition, lang: str, path: str, base: str) -> str:
    """The address of a page of the site: absolute with the site's address, else relative to
    the data folder (a reference read against the file's own address leads to the page)."""
    return f"{base}{url_prefix(lang, edition.languages)}{path}"


def sentences(version: Version, number: int) -> list[str]:
    """The sentences of ¶number in one language, in order."""
    text = version.text(number)
    return [text[start:end] for start, end in version.sentences.get(number, ((0, len(text)),))]


def _mentioned(edition: Edition) -> dict[int, list[str]]:
    """The ids of the entries each paragraph mentions (in any language), sorted."""
    found: dict[int, set[str]] = {}
    for m in edition.mentions:
        found.setdefault(m.paragraph, set()).add(m.term_id)
    return {number: sorted(ids) for number, ids in found.items()}


def _section(edition: Edition, section: Section, base: str, mentioned: dict[int, list[str]]) -> dict:
    langs = edition.languages
    paragraphs = []
    for p in section.paragraphs:
        url = {lang: _url(edition, lang, f"{section.slug}/#{p.anchor}", base) for lang in langs}
        by_lang = {lang: sentences(edition.version(lang), p.number) for lang in langs}
        entry: dict = {
            "number": p.number,
            "id": p.anchor,
            "url": url,
            "text": {lang: edition.version(lang).text(p.number) for lang in langs},
            "sentences": [{"id": f"{p.anchor}.{k}",
                           "url": {lang: f"{url[lang]}.{k}" for lang in langs},
                           "text": {lang: by_lang[lang][k - 1] for lang in langs}}
                          for k in range(1, len(by_lang[langs[0]]) + 1)],
            "glossary": mentioned.get(p.number, []),
        }
        if p.corrections:
            entry["published"] = p.published
            entry["corrections"] = [c.number for c in p.corrections]
        if p.kind != "text":
            entry["kind"] = p.kind
        if p.lines:
            lines = paragraph_parts(edition.versions[0], p.number).lines
            entry["lines"] = [{"id": f"{p.anchor}-{i}", "sentences": [f"{p.anchor}.{s.number}" for s in line]}
                              for i, line in enumerate(lines, start=1)]
        paragraphs.append(entry)
    return {
        "slug": section.slug,
        "heading": {lang: edition.version(lang).heading(section) for lang in langs},
        "url": {lang: _url(edition, lang, f"{section.slug}/", base) for lang in langs},
        "subheadings": [{"id": section.anchor(sub), "level": sub.level,
                         "heading": {lang: edition.version(lang).subheading(section, sub) for lang in langs},
                         "before": sub.before} for sub in section.subheadings],
        "paragraphs": paragraphs,
    }


def statement_json(edition: Edition, base: str = "../") -> dict:
    """statement.json as data (its schema: statement.schema.json)."""
    statement, publication = edition.statement, edition.publication
    langs = edition.languages
    mentioned = _mentioned(edition)
    sources = {"ja": {"url": publication.source_url, "publisher": publication.publisher}}
    if publication.english_url:
        sources["en"] = {"url": publication.english_url, "publisher": publication.english_publisher}
    return {
        "title": {lang: edition.version(lang).title for lang in langs},
        "subtitle": {lang: edition.version(lang).subtitle for lang in langs},
        "date": statement.date.isoformat(),
        "date_as_published": statement.date_text,
        "languages": list(langs),
        "translations": [v.lang for v in edition.versions if v.translation],
        "sources": sources,
        "authors": {lang: list(names) for lang, names in publication.authors.items()},
        "sections": [_section(edition, section, base, mentioned) for section in statement.sections],
        "corrections": [{"number": c.number, "paragraph": c.paragraph, "published": c.published,
                         "corrected": c.corrected, "reason": c.reason} for c in edition.corrections],
    }


def _entry(edition: Edition, term: Term) -> dict:
    return {
        "id": term.id,
        "kind": term.kind,
        "abbreviation": term.abbreviation,
        "url": term.url,
        "related": list(term.related),
        "name": term.names,
        "yomi": term.yomi,
        "aliases": {lang: list(forms) for lang, forms in term.aliases.items()},
        "description": term.descriptions,
        "note": term.notes,
        "paragraphs": {lang: sorted({m.paragraph for m in edition.mentions_of(term.id, lang)})
                       for lang in edition.languages},
    }


GLOSSARY_COLUMNS = ("id", "kind", "abbreviation", "name_ja", "yomi", "name_en", "aliases_ja", "aliases_en",
                    "description_ja", "description_en", "note_ja", "note_en", "url", "related",
                    "paragraphs_ja", "paragraphs_en")
"""The columns of glossary.csv; lists are joined with " | " (ids and numbers with a space)."""


def glossary_csv(edition: Edition) -> str:
    """glossary.csv, with a byte-order mark so that Excel reads it as UTF-8 (its rows end in CRLF)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(GLOSSARY_COLUMNS)
    for term in edition.terms:
        entry = _entry(edition, term)
        writer.writerow([
            term.id, term.kind, term.abbreviation or "", term.names.get("ja", ""), term.yomi, term.names.get("en", ""),
            " | ".join(term.aliases.get("ja", ())), " | ".join(term.aliases.get("en", ())),
            term.descriptions.get("ja", ""), term.descriptions.get("en", ""),
            term.notes.get("ja", ""), term.notes.get("en", ""), term.url or "", " ".join(term.related),
            " ".join(map(str, entry["paragraphs"].get("ja", []))), " ".join(map(str, entry["paragraphs"].get("en", []))),
        ])
    return "\ufeff" + out.getvalue()


def tsv_field(text: str) -> str:
    """A text as a TSV field: backslash, tab and line breaks written \\\\, \\t, \\n, \\r."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def parallel_rows(edition: Edition) -> list[tuple[str, str, str]]:
    """(id, original, translation) of every sentence, in order; an empty translation where there is none."""
    original = edition.versions[0]
    translation = next((v for v in edition.versions if v.translation), None)
    rows: list[tuple[str, str, str]] = []
    for p in edition.statement.paragraphs:
        source = sentences(original, p.number)
        target = sentences(translation, p.number) if translation else [""] * len(source)
        rows.extend((f"{p.anchor}.{k}", s, t) for k, (s, t) in enumerate(zip(source, target, strict=True), 1))
    return rows


def parallel_tsv(edition: Edition) -> str:
    """parallel.tsv: a header line (id and the language codes), then one sentence a line."""
    header = "\t".join(["id", *(v.lang for v in edition.versions[:2])])
    lines = [header] + ["\t".join(tsv_field(f) for f in row) for row in parallel_rows(edition)]
    return "\n".join(lines) + "\n"


def parallel_tmx(edition: Edition) -> str:
    """TMX 1.4b: one translation unit per sentence, the original language the source."""
    source = edition.versions[0].lang
    target = edition.versions[1].lang if len(edition.versions) > 1 else None
    units = []
    for tuid, original, translated in parallel_rows(edition):
        variants = [f'      <tuv xml:lang="{source}"><seg>{escape(original)}</seg></tuv>']
        if target:
            variants.append(f'      <tuv xml:lang="{target}"><seg>{escape(translated)}</seg></tuv>')
        units.append(f"    <tu tuid={quoteattr(tuid)}>\n" + "\n".join(variants) + "\n    </tu>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tmx version="1.4">\n'
            '  <header creationtool="statement-site" creationtoolversion="1" segtype="sentence" '
            f'o-tmf="statement-site" adminlang="en" srclang="{source}" datatype="plaintext"/>\n'
            '  <body>\n' + "\n".join(units) + '\n  </body>\n</tmx>\n')


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def data_pages(edition: Edition, base: str = "../") -> list[Page]:
    """The data files, as files of the docs folder."""
    contents = {
        "statement.json": _json(statement_json(edition, base)),
        "statement.schema.json": SCHEMA.read_text(encoding="utf-8"),
        "glossary.json": _json([_entry(edition, term) for term in edition.terms]),
        "glossary.csv": glossary_csv(edition),
        "parallel.tsv": parallel_tsv(edition),
        "parallel.tmx": parallel_tmx(edition),
    }
    return [Page(f"{DATA_FOLDER}/{name}", contents[name]) for name in FILES]
