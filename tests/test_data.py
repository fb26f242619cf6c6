"""The data downloads (statement.json and its schema, glossary.json and .csv, parallel.tsv and
.tmx), the Data page, and what every page tells reference managers and link previews.

The hostile fixture puts quotes, tabs, line breaks, <, &, commas and {{ }} in the statement,
the translation and the glossary; every file is parsed back and must give the text unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.model import Edition
from build_scripts.output.data import FILES, GLOSSARY_COLUMNS, sentences

from .conftest import FIXTURES, STATEMENT_DIR, make_project

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HOSTILE = ('"', "\t", "\n", "<", "&", ",", "{{")
"""What the hostile fixture must carry into the model (else its round trips prove nothing)."""


def hostile_source(root: Path) -> Path:
    """The small fixture statement with hostile text in every input."""
    source = root / "hostile"
    shutil.copytree(FIXTURES / "mini", source)

    def edit(name: str, old: str, new: str) -> None:
        path = source / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("statement.ja.txt", "両首脳は、Quad の協力を", '両首脳は、"Quad"\tの協力を、A & B, <b>{{ x }}</b> として')
    with (source / "statement.ja.txt").open("a", encoding="utf-8") as text:
        text.write("\n以下で一致した。\n・第一に、\"引用\" & <i>\n・第二に、{{ y }}, z\n")
    edit("statement.yml", "  ja: 架空省\n", '  ja: 架空省\n  en: \'The "Made-up" Ministry & <Co>, {{ z }}\'\n'
                                           'authors:\n  ja: [架空国政府]\n  en: [\'Government of "A" & <B>, {{ c }}\']\n')
    edit("translation.en.yml", "in the Indo Pacific region.", 'in the Indo Pacific region, "A & B", <b>{{ x }}</b>.')
    (source / "translation.en.yml").write_text(
        (source / "translation.en.yml").read_text(encoding="utf-8").replace(
            "notes:", '  5:\n    - "They agreed on this:"\n    - \'- first, "a quote" & <i>\'\n    - "- second, {{ y }}, z"\nnotes:'),
        encoding="utf-8")
    edit("glossary.yml", 'description: A made-up description with "quotes" & <tags>.',
         "description: 'A made-up description with \"quotes\" & <tags>, commas, {{ braces }}.'")
    return source


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Edition, Path]:
    root = tmp_path_factory.mktemp("hostile")
    source = hostile_source(root)
    config = make_project(root, source)
    assert main(["build", "--config", str(config), "--source", str(root / "source"), "--site-dir",
                 str(root / "site"), "--site-url", "https://example.org/statement/"]) == 0
    return load_edition(root / "source"), root / "site"


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> tuple[Edition, Path]:
    root = tmp_path_factory.mktemp("real-data")
    config = make_project(root)
    assert main(["build", "--config", str(config), "--source", str(root / "source"),
                 "--site-dir", str(root / "site")]) == 0
    return load_edition(STATEMENT_DIR), root / "site"


def every_text(edition: Edition) -> str:
    """All the text of the model that goes into the files, to check the fixture is hostile."""
    texts = [edition.statement.date_text]
    for version in edition.versions:
        texts += [version.title, version.subtitle or "", *version.headings.values()]
        texts += [sentence for number in version.paragraphs for sentence in sentences(version, number)]
        texts += ["".join(s.text for s in spans) for spans in version.paragraphs.values()]
    for term in edition.terms:
        texts += [*term.names.values(), *term.descriptions.values()]
    texts += [name for names in edition.publication.authors.values() for name in names]
    texts += list(edition.publication.publisher.values())
    return "\n".join(texts)


def test_the_fixture_is_hostile(hostile):
    edition, _ = hostile
    text = every_text(edition)
    assert all(mark in text for mark in HOSTILE)
    assert any("\t" in s for s in sentences(edition.version("ja"), 4))
    assert edition.version("ja").lines[5] and edition.version("en").lines[5]  # a list: its lines in both languages


@pytest.mark.parametrize("which", ["real", "hostile"])
def test_statement_json_is_valid_and_gives_every_text_unchanged(which, request):
    edition, site = request.getfixturevalue(which)
    data = json.loads((site / "data" / "statement.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "statement.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    paragraphs = [p for section in data["sections"] for p in section["paragraphs"]]
    assert [p["number"] for p in paragraphs] == [p.number for p in edition.statement.paragraphs]
    for p in paragraphs:
        for version in edition.versions:
            whole = "".join(s.text for s in version.paragraphs[p["number"]])
            assert p["text"][version.lang] == whole
            assert [s["text"][version.lang] for s in p["sentences"]] == sentences(version, p["number"])
        assert [s["id"] for s in p["sentences"]] == [f"p{p['number']}.{k}" for k in range(1, len(p["sentences"]) + 1)]
        original = edition.statement.paragraphs[p["number"] - 1]
        assert p.get("published", original.text) == original.published
    assert data["title"] == {v.lang: v.title for v in edition.versions}
    assert {c["number"] for c in data["corrections"]} == {c.number for c in edition.corrections}


def test_statement_json_urls_lead_to_the_sentences(real, hostile):
    _, site = real
    data = json.loads((site / "data" / "statement.json").read_text(encoding="utf-8"))
    sentence = next(s for section in data["sections"] for p in section["paragraphs"] for s in p["sentences"]
                    if s["id"] == "p12.4")
    assert sentence["url"] == {"ja": "../alliance/#p12.4", "en": "../en/alliance/#p12.4"}  # from data/
    assert "尖閣" in sentence["text"]["ja"] and "Senkaku" in sentence["text"]["en"]
    page = (site / "alliance" / "index.html").read_text(encoding="utf-8")
    assert 'id="p12.4"' in page and 'id="p12.4"' in (site / "en" / "alliance" / "index.html").read_text(encoding="utf-8")
    _, hostile_site = hostile
    data = json.loads((hostile_site / "data" / "statement.json").read_text(encoding="utf-8"))
    assert data["sections"][0]["paragraphs"][0]["sentences"][1]["url"]["en"] == "https://example.org/statement/en/opening/#p1.2"


def test_glossary_json_and_csv_give_every_field(hostile, real):
    for edition, site in (hostile, real):
        entries = json.loads((site / "data" / "glossary.json").read_text(encoding="utf-8"))
        raw = (site / "data" / "glossary.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads a CSV as UTF-8 only with a byte-order mark
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert list(rows[0]) == list(GLOSSARY_COLUMNS)
        assert [e["id"] for e in entries] == [r["id"] for r in rows] == [t.id for t in edition.terms]
        for term, entry, row in zip(edition.terms, entries, rows, strict=True):
            assert entry["name"] == term.names and entry["description"] == term.descriptions
            assert entry["aliases"] == {lang: list(forms) for lang, forms in term.aliases.items()}
            assert (row["name_ja"], row["name_en"], row["yomi"]) == (term.names["ja"], term.names.get("en", ""), term.yomi)
            assert (row["description_ja"], row["description_en"]) == (term.descriptions["ja"], term.descriptions.get("en", ""))
            assert row["aliases_ja"].split(" | ") == list(term.aliases.get("ja", ())) or not term.aliases.get("ja")
            mentioned = sorted({m.paragraph for m in edition.mentions_of(term.id, "ja")})
            assert entry["paragraphs"]["ja"] == mentioned and row["paragraphs_ja"] == " ".join(map(str, mentioned))
    edition, site = hostile
    [g7] = [r for r in csv.DictReader(io.StringIO((site / "data" / "glossary.csv").read_text(encoding="utf-8-sig"), newline=""))
            if r["id"] == "g7"]
    assert g7["description_en"] == 'A made-up description with "quotes" & <tags>, commas, {{ braces }}.'


def tsv_unescape(field: str) -> str:
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\":
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[field[i + 1]])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


@pytest.mark.parametrize("which", ["real", "hostile"])
def test_parallel_tsv_and_tmx_give_each_sentence_pair_and_the_translators_notes(which, request):
    edition, site = request.getfixturevalue(which)
    english = edition.version("en")
    want = [(f"p{p.number}.{k}", ja, en, english.notes.get(p.number, "") if k == 1 else "")
            for p in edition.statement.paragraphs
            for k, (ja, en) in enumerate(zip(sentences(edition.version("ja"), p.number),
                                             sentences(english, p.number), strict=True), 1)]
    assert any(note for *_, note in want) or which == "hostile"  # the real statement has notes to carry
    lines = (site / "data" / "parallel.tsv").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "id\tja\ten\tnote" and lines[-1] == ""
    assert [tuple(tsv_unescape(f) for f in line.split("\t")) for line in lines[1:-1]] == want
    tree = ET.parse(site / "data" / "parallel.tmx")  # well-formed XML, or this raises
    root = tree.getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4" and root.find("header").get("srclang") == "ja"
    units = root.find("body").findall("tu")
    got = [(tu.get("tuid"), *(tuv.find("seg").text or "" for tuv in tu.findall("tuv")),
            "".join(note.text or "" for note in tu.findall("note"))) for tu in units]
    assert got == want
    assert all([tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["ja", "en"] for tu in units)
    # TMX 1.4b: a unit's notes come before its variants
    assert all([child.tag for child in tu][:len(tu.findall("note"))] == ["note"] * len(tu.findall("note")) for tu in units)
    if which == "real":
        assert len(want) == sum(len(edition.version("ja").sentences[p.number]) for p in edition.statement.paragraphs) > 100


def test_the_data_page_lists_each_file_with_its_size(real):
    _, site = real
    for page, words in ((site / "data" / "index.html", "データ"), (site / "en" / "data" / "index.html", "Data")):
        html = page.read_text(encoding="utf-8")
        assert words in html
        for name in FILES:
            size = (site / "data" / name).stat().st_size
            shown = f"{size:,} {'B' if words == 'Data' else 'バイト'}" if size < 10_000 else f"{size / 1000:,.0f} KB"
            link = f'data/{name}" download><code>{name}</code></a> <span class="stmt-data-size">{shown}</span>'
            assert f'href="../{link}' in html or f'href="../../{link}' in html, (name, shown)
    for home in (site / "index.html", site / "en" / "index.html", site / "about" / "index.html", site / "en" / "about" / "index.html"):
        assert 'data/"' in home.read_text(encoding="utf-8"), home


def test_the_build_reports_the_data_files(tmp_path, capsys):
    config = make_project(tmp_path, FIXTURES / "mini")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"),
                 "--site-dir", str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith("data: ")]
    assert all(name in line for name in FILES)


class Head(HTMLParser):
    """The meta tags and JSON-LD of a page, as a reference manager or a link preview reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta.append((attrs.get("name") or attrs.get("property") or "", attrs.get("content") or ""))
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag):
        self._in_jsonld = False


def head_of(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def test_pages_carry_citation_tags_link_previews_and_json_ld(hostile):
    edition, site = hostile
    english = edition.version("en")
    for page, lang, locale, alternate in ((site / "first" / "index.html", "ja", "ja_JP", "en_US"),
                                          (site / "en" / "first" / "index.html", "en", "en_US", "ja_JP")):
        head = head_of(page)
        meta = dict(head.meta)
        version = edition.version(lang)
        assert meta["citation_title"] == f"{version.title}: {version.subtitle}" or meta["citation_title"].startswith(version.title)
        assert meta["citation_language"] == lang and meta["citation_publication_date"] == "2024/01/09"
        assert meta["og:locale"] == locale and ("og:locale:alternate", alternate) in head.meta
        assert meta["og:url"] == meta["citation_public_url"] == (
            f"https://example.org/statement/{'en/' if lang == 'en' else ''}first/")
        assert {"og:title", "og:description", "twitter:card", "twitter:title", "citation_publisher"} <= set(meta)
        authors = [content for name, content in head.meta if name == "citation_author"]
        assert authors == list(edition.publication.authors[lang])
        [jsonld] = head.jsonld
        work = json.loads(jsonld)  # valid JSON; the rest as schema.org asks
        assert work["@context"] == "https://schema.org" and work["@type"] == "CreativeWork"
        assert work["datePublished"] == "2024-01-09" and work["inLanguage"] == lang
        assert [a["name"] for a in work["author"]] == list(edition.publication.authors[lang])
        assert work["isBasedOn"] == [edition.publication.source_url]
        if lang == "en":
            assert work["translationOfWork"]["inLanguage"] == "ja"
            assert work["name"].startswith(english.title)
        else:
            assert "translationOfWork" not in work
    # the hostile author survives the meta tag and the JSON-LD (escaped in HTML, whole when read)
    assert 'Government of "A" & <B>, {{ c }}' in dict(head_of(site / "en" / "index.html").meta).values()
    assert "</script" not in "".join(head_of(site / "en" / "index.html").jsonld)


def test_the_real_statement_names_both_governments_and_the_official_texts(real):
    edition, site = real
    work = json.loads(head_of(site / "en" / "alliance" / "index.html").jsonld[0])
    assert [a["name"] for a in work["author"]] == ["Government of Japan", "Government of the United States of America"]
    assert work["isBasedOn"] == [edition.publication.source_url, edition.publication.english_url]
    assert work["translationOfWork"]["name"].startswith("日米首脳共同声明")
