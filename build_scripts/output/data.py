"""The statement as data, for download from the Data page: statement.json (with its JSON
Schema), glossary.json and glossary.csv, parallel.tsv and parallel.tmx (TMX 1.4b).

Every file is deterministic: the build's date is that of the last commit (SOURCE_DATE_EPOCH,
which the plugin sets from git), and the version a hash of the files' content, so two builds of
one commit are byte-identical. statement.json and the TMX header say under what licences the
texts may be reused, and carry the translator's notes (so does a column of the TSV).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import os
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..languages import url_prefix
from ..model import Edition, Section, Term, Version
from .render import Page, paragraph_parts
from .site import Licence, Site

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
        notes = {v.lang: v.notes[p.number] for v in edition.versions if p.number in v.notes}
        if notes:
            entry["notes"] = notes
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


def build_date() -> datetime.date:
    """The date of the build: SOURCE_DATE_EPOCH's (the last commit's, as the plugin sets it), else today."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    if stamp.isdigit():
        return datetime.datetime.fromtimestamp(int(stamp), datetime.UTC).date()
    return datetime.date.today()


def _licence(licence: Licence | None, langs: tuple[str, ...]) -> dict | None:
    if licence is None:
        return None
    return {"name": {lang: licence.name_in(lang) for lang in langs}, "url": licence.url}


def licences(site: Site, langs: tuple[str, ...]) -> dict:
    """Under what terms each part of the data may be reused (null where the site does not say)."""
    return {
        "site": _licence(site.license, langs),
        "site_covers": "the site's own texts (its translations, the glossary's descriptions and notes, the translator's "
                       "notes) and the data files as compiled",
        "original": _licence(site.source_license, langs),
        "original_covers": "the published text (the Japanese as published and as corrected)",
    }


def statement_json(edition: Edition, base: str = "../", site: Site | None = None) -> dict:
    """statement.json as data (its schema: statement.schema.json); data_pages fills in its
    version and date."""
    site = site or Site()
    statement, publication = edition.statement, edition.publication
    langs = edition.languages
    mentioned = _mentioned(edition)
    sources = {"ja": {"url": publication.source_url, "publisher": publication.publisher}}
    if publication.english_url:
        sources["en"] = {"url": publication.english_url, "publisher": publication.english_publisher}
    absolute = "://" in base
    return {
        "title": {lang: edition.version(lang).title for lang in langs},
        "subtitle": {lang: edition.version(lang).subtitle for lang in langs},
        "date": statement.date.isoformat(),
        "date_as_published": statement.date_text,
        "languages": list(langs),
        "translations": [v.lang for v in edition.versions if v.translation],
        "sources": sources,
        "authors": {lang: list(names) for lang, names in publication.authors.items()},
        "publisher": {"owner": {lang: site.owner_in(lang) for lang in langs} if site.owner else None,
                      "site": {lang: edition.version(lang).title for lang in langs}},
        "license": licences(site, langs),
        "version": "",
        "generated": "",
        "base_url": base if absolute else None,
        "urls": "absolute" if absolute else "relative to this file's own address (…/data/statement.json)",
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


def parallel_rows(edition: Edition) -> list[tuple[str, str, str, str]]:
    """(id, original, translation, translator's note) of every sentence, in order; an empty
    translation where there is none; a paragraph's note on the row of its first sentence."""
    original = edition.versions[0]
    translation = next((v for v in edition.versions if v.translation), None)
    rows: list[tuple[str, str, str, str]] = []
    for p in edition.statement.paragraphs:
        source = sentences(original, p.number)
        target = sentences(translation, p.number) if translation else [""] * len(source)
        note = translation.notes.get(p.number, "") if translation else ""
        rows.extend((f"{p.anchor}.{k}", s, t, note if k == 1 else "")
                    for k, (s, t) in enumerate(zip(source, target, strict=True), 1))
    return rows


def parallel_tsv(edition: Edition) -> str:
    """parallel.tsv: a header line (id, the language codes, note), then one sentence a line."""
    header = "\t".join(["id", *(v.lang for v in edition.versions[:2]), "note"])
    lines = [header] + ["\t".join(tsv_field(f) for f in row) for row in parallel_rows(edition)]
    return "\n".join(lines) + "\n"


def parallel_tmx(edition: Edition, site: Site | None = None, version: str = "", generated: str = "") -> str:
    """TMX 1.4b: one translation unit per sentence, the original language the source; the header
    says under what terms the texts may be reused, a unit's <note> holds its paragraph's
    translator's note (on the paragraph's first sentence)."""
    site = site or Site()
    source = edition.versions[0].lang
    target = edition.versions[1].lang if len(edition.versions) > 1 else None
    units = []
    for tuid, original, translated, note in parallel_rows(edition):
        parts = [f"      <note>{escape(note)}</note>"] if note else []
        parts.append(f'      <tuv xml:lang="{source}"><seg>{escape(original)}</seg></tuv>')
        if target:
            parts.append(f'      <tuv xml:lang="{target}"><seg>{escape(translated)}</seg></tuv>')
        units.append(f"    <tu tuid={quoteattr(tuid)}>\n" + "\n".join(parts) + "\n    </tu>")
    said = []
    for key, licence in (("x-license-translation", site.license), ("x-license-original", site.source_license)):
        if licence is not None:
            said.append(f"    <prop type={quoteattr(key)}>{escape(licence.name_in('en'))}"
                        f"{escape(' ' + licence.url) if licence.url else ''}</prop>")
    if version:
        said.append(f"    <prop type=\"x-version\">{escape(version)}</prop>")
    date = f' creationdate="{generated.replace("-", "")}T000000Z"' if generated else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tmx version="1.4">\n'
            '  <header creationtool="statement-site" creationtoolversion="1" segtype="sentence" '
            f'o-tmf="statement-site" adminlang="en" srclang="{source}" datatype="plaintext"{date}>\n'
            + "".join(line + "\n" for line in said) +
            '  </header>\n'
            '  <body>\n' + "\n".join(units) + '\n  </body>\n</tmx>\n')


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def data_pages(edition: Edition, base: str = "../", site: Site | None = None) -> list[Page]:
    """The data files, as files of the docs folder."""
    site = site or Site()
    statement = statement_json(edition, base, site)
    glossary, tsv = _json([_entry(edition, term) for term in edition.terms]), parallel_tsv(edition)
    # The version: a short hash of what the data hold (statement.json before it says its own
    # version and date), so that equal versions mean equal data.
    version = hashlib.sha256((_json(statement) + glossary + tsv).encode("utf-8")).hexdigest()[:12]
    generated = build_date().isoformat()
    statement.update(version=version, generated=generated)
    contents = {
        "statement.json": _json(statement),
        "statement.schema.json": SCHEMA.read_text(encoding="utf-8"),
        "glossary.json": glossary,
        "glossary.csv": glossary_csv(edition),
        "parallel.tsv": tsv,
        "parallel.tmx": parallel_tmx(edition, site, version, generated),
    }
    return [Page(f"{DATA_FOLDER}/{name}", contents[name]) for name in FILES]
