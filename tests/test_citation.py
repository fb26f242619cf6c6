"""Citations credit the right people (issue 24): the Cite panel's citations as cite.js fills them,
parsed back (BibTeX with bibtexparser), the page's citation_*/Dublin Core tags read the way
Zotero's Embedded Metadata translator reads them, JSON-LD; who runs the site; the data files'
licences and versions; the banner and the About page saying only what holds of the inputs."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import bibtexparser
import pytest

from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.output.citation import fill
from build_scripts.output.render import differing
from build_scripts.output.site import SiteOptionError, issue_tracker, site_facts

from .conftest import FIXTURES, make_project
from .test_data import head_of, hostile_source

VALUES = {"where_ja": "第12段落第4文", "where_en": "¶12, sentence 4", "where_bib": "paragraph 12, sentence 4",
          "anchor": "p12.4", "url": "https://example.org/s/en/alliance/#p12.4", "accessed_ja": "2026年12月1日",
          "accessed_en": "December 1, 2026", "accessed_iso": "2026-12-01"}
OWNER = {"ja": "statement-site プロジェクト", "en": "the statement-site project"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The real statement with this repository's mkdocs.yml (owner, licences), at a published address."""
    root = tmp_path_factory.mktemp("cited")
    config = make_project(root)
    assert main(["build", "--config", str(config), "--source", str(root / "source"), "--site-dir", str(root / "site"),
                 "--site-url", "https://example.org/s/"]) == 0
    return root / "site"


def page_facts(site: Path, path: str) -> dict:
    """What main.html gives the page's scripts (#stmt-data)."""
    text = (site / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="stmt-data">(.*?)</script>', text, re.S)
    assert found
    return json.loads(html.unescape(found.group(1)))


def cited(site: Path, path: str) -> dict[str, str]:
    return {style: fill(parts, VALUES) for style, parts in page_facts(site, path)["citations"].items()}


def parse_bibtex(text: str):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == [], library.failed_blocks
    [entry] = library.entries
    return entry


def test_a_citation_of_the_translation_credits_its_maker_and_keeps_the_publisher_of_the_original(built):
    c = cited(built, "en/alliance")
    chicago = c["chicago"]
    assert chicago.startswith("Government of Japan and Government of the United States of America. “Japan-U.S.")
    assert "Unofficial English translation by the statement-site project, Japan-U.S. Joint Leaders' Statement, ¶12, sentence 4" in chicago
    assert "Japanese original published by the Ministry of Foreign Affairs of Japan." in chicago
    assert "Ministry of Foreign Affairs of Japan, May" not in chicago  # MOFA is not the publisher of our English
    assert chicago.endswith("Accessed December 1, 2026. https://example.org/s/en/alliance/#p12.4.")
    assert chicago.count("paragraph and sentence numbers assigned by") == 1
    japanese = c["japanese"]
    assert "本サイト" not in japanese
    assert "第12段落第4文の非公式英訳（statement-site プロジェクト訳、ウェブサイト「Japan-U.S. Joint Leaders' Statement」掲載" in japanese
    assert japanese.startswith("外務省公表「日米首脳共同声明『自由で開かれた国際秩序の強化』」")
    assert japanese.count("段落・文の番号は同サイトによる") == 1 and japanese.endswith("（2026年12月1日閲覧）")
    entry = parse_bibtex(c["bibtex"])
    assert entry.entry_type == "misc" and entry.key == "statement-2022-05-23-p12.4-en"
    assert entry["translator"] == "{the statement-site project}"
    assert entry["howpublished"].startswith("Unofficial English translation")
    assert "Japanese original published by the Ministry of Foreign Affairs of Japan" in entry["note"]
    assert entry["note"].count("paragraph and sentence numbers assigned by") == 1
    assert (entry["url"], entry["urldate"], entry["language"], entry["origlanguage"]) == (
        VALUES["url"], "2026-12-01", "english", "japanese")
    assert "publisher" not in entry.fields_dict or "Ministry" not in entry["publisher"]


def test_a_citation_of_the_japanese_names_its_publisher_and_the_site_whose_numbers_it_uses(built):
    c = cited(built, "alliance")
    assert c["japanese"].startswith("外務省公表「日米首脳共同声明『自由で開かれた国際秩序の強化』」（2022年5月23日）第12段落第4文")
    assert "（statement-site プロジェクトのウェブサイト「日米首脳共同声明」掲載。段落・文の番号は同サイトによる）" in c["japanese"]
    assert "Ministry of Foreign Affairs of Japan, May 23, 2022." in c["chicago"]
    assert "[Japan-U.S. Joint Leaders' Statement: Strengthening the Free and Open International Order]" in c["chicago"]
    assert c["chicago"].count("paragraph and sentence numbers assigned by the site") == 1
    assert "Accessed December 1, 2026." in c["chicago"]
    entry = parse_bibtex(c["bibtex"])
    assert "translator" not in entry.fields_dict and entry["language"] == "japanese"
    assert entry["howpublished"].startswith("Ministry of Foreign Affairs of Japan")


def test_hostile_names_stay_one_bibtex_entry(tmp_path):
    source = hostile_source(tmp_path)
    config = make_project(tmp_path, source)
    text = config.read_text(encoding="utf-8").replace("en: the statement-site project", "en: 'The {A} & B_% project'")
    config.write_text(text, encoding="utf-8")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]) == 0
    for path in ("first", "en/first"):
        entry = parse_bibtex(cited(tmp_path / "site", path)["bibtex"])
        assert entry["url"] == VALUES["url"]
    entry = parse_bibtex(cited(tmp_path / "site", "en/first")["bibtex"])
    assert entry["translator"] == r"{The \{A\} \& B\_\% project}"


def zotero(page: Path) -> dict:
    """What Zotero's Embedded Metadata translator imports from a page (zotero/translators,
    "Embedded Metadata.js" and "RDF.js", read at commit 2814370): the HIGHWIRE_MAPPINGS
    fields, the creators of citation_author (all authors), the item type from Dublin Core's
    DC.type (before the citation_title guess, journalArticle), the rights from DC.rights."""
    meta = head_of(page).meta
    first = {}
    for name, content in meta:
        first.setdefault(name, content)
    mappings = {"citation_title": "title", "citation_date": "date", "citation_publication_date": "date",
                "citation_publisher": "publisher", "citation_public_url": "url", "citation_language": "language"}
    item = {field: first[tag] for tag, field in mappings.items() if tag in first}
    item["itemType"] = first.get("DC.type") or "journalArticle"
    item["creators"] = [(content, "author") for name, content in meta if name == "citation_author"]
    item["rights"] = first.get("DC.rights")
    return item


def test_zotero_imports_the_translation_as_the_sites_and_the_original_as_mofas(built):
    english = zotero(built / "en" / "alliance" / "index.html")
    assert english["itemType"] == "document"  # a Zotero type with a publisher field
    assert english["title"].endswith("(unofficial English translation)")
    assert english["publisher"] == "the statement-site project"
    assert english["creators"] == [("Government of Japan", "author"), ("Government of the United States of America", "author")]
    assert english["rights"] == "CC BY 4.0 https://creativecommons.org/licenses/by/4.0/"
    assert (english["language"], english["date"], english["url"]) == ("en", "2022/05/23", "https://example.org/s/en/alliance/")
    japanese = zotero(built / "alliance" / "index.html")
    assert japanese["publisher"] == "外務省" and japanese["title"] == "日米首脳共同声明「自由で開かれた国際秩序の強化」"
    assert japanese["rights"] == "政府標準利用規約（第2.0版）"


def test_json_ld_names_the_translator_and_the_publisher_of_the_original(built):
    work = json.loads(head_of(built / "en" / "economy" / "index.html").jsonld[0])
    assert work["translator"] == {"@type": "Organization", "name": "the statement-site project"}
    assert work["publisher"]["name"] == "the statement-site project"
    assert work["translationOfWork"]["publisher"]["name"] == "Ministry of Foreign Affairs of Japan"
    assert work["translationOfWork"]["name"] == "日米首脳共同声明「自由で開かれた国際秩序の強化」"
    assert work["license"] == "https://creativecommons.org/licenses/by/4.0/"
    original = json.loads(head_of(built / "economy" / "index.html").jsonld[0])
    assert original["publisher"]["name"] == "外務省" and "translator" not in original


def test_the_data_says_its_licences_version_date_base_and_translators_notes(built):
    data = json.loads((built / "data" / "statement.json").read_text(encoding="utf-8"))
    assert data["license"]["site"] == {"name": {"ja": "CC BY 4.0", "en": "CC BY 4.0"},
                                       "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert data["license"]["original"]["name"]["ja"] == "政府標準利用規約（第2.0版）"
    assert re.fullmatch(r"[0-9a-f]{12}", data["version"]) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["generated"])
    assert data["base_url"] == "https://example.org/s/" and data["urls"] == "absolute"
    assert data["publisher"]["owner"] == OWNER
    notes = {p["number"]: p["notes"]["en"] for s in data["sections"] for p in s["paragraphs"] if "notes" in p}
    assert notes == dict(load_edition(FIXTURES / "statement").version("en").notes)
    tmx = (built / "data" / "parallel.tmx").read_text(encoding="utf-8")
    assert '<prop type="x-license-translation">CC BY 4.0 https://creativecommons.org/licenses/by/4.0/</prop>' in tmx
    assert f'<prop type="x-version">{data["version"]}</prop>' in tmx
    page = (built / "en" / "data" / "index.html").read_text(encoding="utf-8")
    assert 'id="how-to-cite"' in page and f"Version {data['version']}, {data['generated']}" in page
    assert 'rel="license"' in page


def test_without_a_site_url_the_data_says_what_its_urls_are_relative_to(tmp_path):
    config = make_project(tmp_path, FIXTURES / "mini")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]) == 0
    data = json.loads((tmp_path / "site" / "data" / "statement.json").read_text(encoding="utf-8"))
    assert data["base_url"] is None and data["urls"].startswith("relative to this file")


def test_who_runs_the_site_is_said_beside_the_banner_and_in_the_footer(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    operator = re.search(r'<p class="stmt-operator">(.*?)</p>', home, re.S)
    assert operator and "statement-site プロジェクト（日本政府・米国政府のいずれとも関係のない" in operator.group(1)
    assert home.index('class="stmt-banner"') < home.index('class="stmt-operator"') < home.index("<h1")
    footer = (built / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "run by the statement-site project, an independent open-source project, not affiliated" in footer
    assert 'class="stmt-operator"' not in footer


def test_contact_defaults_to_the_issue_tracker_of_repo_url(tmp_path, capsys):
    assert issue_tracker("https://github.com/example/statement-site") == "https://github.com/example/statement-site/issues"
    assert issue_tracker("https://gitlab.com/example/site.git/") == "https://gitlab.com/example/site/-/issues"
    assert issue_tracker("https://example.org") is None
    assert site_facts(contact="a@example.org", repo_url="https://github.com/x/y").contact == "a@example.org"
    with pytest.raises(SiteOptionError, match="option owner"):
        site_facts(owner=["a list"])
    config = make_project(tmp_path, FIXTURES / "mini")
    config.write_text("repo_url: https://github.com/example/statement-site\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]) == 0
    assert "no contact" not in capsys.readouterr().out
    about = (tmp_path / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://github.com/example/statement-site/issues">' in about


def test_a_japanese_only_site_without_statement_yml_says_only_what_is_true(tmp_path):
    """issue 21, X1 and X2: no publisher named, no translation or glossary claimed."""
    source = tmp_path / "bare"
    source.mkdir()
    shutil.copy(FIXTURES / "mini" / "statement.ja.txt", source / "statement.ja.txt")
    config = make_project(tmp_path, source)
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]) == 0
    site = tmp_path / "site"
    for path in ("index.html", "about/index.html", "404.html"):
        page = (site / path).read_text(encoding="utf-8")
        banner = re.search(r'<p class="stmt-banner">(.*?)</p>', page, re.S).group(1)
        assert banner.startswith("本文は公表された声明です。") and "はが公表" not in banner, banner
        assert "英語訳" not in banner and "用語解説" not in banner
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "英語訳" not in about and "用語集" not in about and "対訳" not in about and "statement-site:" not in about
    assert "CC BY 4.0" in about and "MIT" in about  # the licences stand


def test_a_site_with_everything_says_everything(built):
    about = (built / "en" / "about" / "index.html").read_text(encoding="utf-8")
    for words in ("sentence by sentence", "use the official English text", "descriptions are written for this site", "CC BY 4.0",
                  "Government of Japan Standard Terms of Use (Version 2.0)", "MIT License", "the statement-site project"):
        assert words in about, words
    assert "Japanese\n  text, sentence by sentence" in about or "Japanese text, sentence by sentence" in about  # L12: as the home page says


def test_the_characters_a_correction_changed_are_marked():
    assert differing("兩岸問題", "両岸問題") == '<mark class="stmt-diff">兩</mark>岸問題'
    assert differing("2017年以來", "2017年以来") == '2017年以<mark class="stmt-diff">來</mark>'
    assert differing("a<b", "a<b") == "a&lt;b"


def test_the_corrections_table_and_key_mark_them(built):
    table = (built / "corrections" / "index.html").read_text(encoding="utf-8")
    assert '<mark class="stmt-diff">兩</mark>岸問題' in table and '<mark class="stmt-diff">両</mark>岸問題' in table
    key = (built / "en" / "full" / "index.html").read_text(encoding="utf-8")
    assert 'class="stmt-corr-key"' in key and '<mark class="stmt-diff">來</mark>' in key  # the English whole text too


def test_an_unknown_condition_in_a_hand_written_page_is_one_line(tmp_path):
    config = make_project(tmp_path, FIXTURES / "mini")
    about = tmp_path / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<!-- statement-site: if weather -->x<!-- statement-site: end -->\n",
                     encoding="utf-8")
    assert main(["build", "--config", str(config), "--source", str(tmp_path / "source"), "--site-dir", str(tmp_path / "site")]) == 1
