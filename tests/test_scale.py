"""A statement 100 times the size of ours (benchmarks/synthetic.py) builds, and its pages,
glossary links and search stay correct: spot checks with the same tools as the real site."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.model import Edition
from build_scripts.output.render import load_strings
from build_scripts.output.search import search_index

from .conftest import REPO, STATEMENT_DIR, make_project, serve
from .search_contract import expected
from .test_quality import broken_links
from .test_search_browser import paragraphs, search
from .test_search_engine import run_engine

sys.path.insert(0, str(REPO / "benchmarks"))
from synthetic import write_synthetic

TIMES = 100


pytestmark = pytest.mark.scale


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, Path, Edition]:
    """The source folder, the built site and the loaded edition of the 100-times statement."""
    root = tmp_path_factory.mktemp("large")
    config = make_project(root)
    write_synthetic(root / "large", TIMES, STATEMENT_DIR)
    assert main(["build", "--config", str(config), "--source", str(root / "large"),
                 "--site-dir", str(root / "site")]) == 0
    return root / "large", root / "site", load_edition(root / "large")


def test_every_paragraph_has_its_page_and_anchor(large):
    _, site, edition = large
    assert len(edition.statement.paragraphs) == 32 * TIMES
    for section in edition.statement.sections[::97]:
        page = (site / section.slug / "index.html").read_text(encoding="utf-8")
        ids = [int(n) for n in re.findall(r'<p class="stmt-para" id="p(\d+)">', page)]
        assert ids == [p.number for p in section.paragraphs]
        english = (site / "en" / section.slug / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'<p class="stmt-para" id="p(\d+)">', english) == [str(n) for n in ids]


def test_a_page_carries_only_its_own_part_of_the_navigation(large):
    _, site, edition = large
    sections = edition.statement.sections
    page = (site / sections[330].slug / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="\.\./([^/"#]+)/"', page)) & {s.slug for s in sections}
    assert sections[340].slug in linked  # its own group (sections 324 to 350) is listed
    assert sections[0].slug in linked and sections[351].slug in linked  # other groups by their first page
    assert len(linked) < 80, len(linked)  # √701 groups and a group's pages, not all 701 sections


def test_glossary_links_in_every_copy(large):
    _, site, edition = large
    assert len(edition.terms) == len(load_edition(STATEMENT_DIR).terms) * TIMES  # the glossary grows with the text
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    for copy in (0, 49, 99):
        number = copy * 32 + 2  # the copy of ¶2, which mentions the Quad summit
        entry = "quad" if copy == 0 else f"quad-{copy + 1}"
        section = edition.statement.section_of(number)
        page = (site / section.slug / "index.html").read_text(encoding="utf-8")
        paragraph = page.split(f'id="p{number}"')[1].split("</p>")[0]
        assert f'href="../glossary/#{entry}"' in paragraph
        mentions = glossary.split(f'<section class="stmt-entry" id="{entry}">')[1].split("</section>")[0]
        assert mentions.count('<li><a href="') == 3, entry  # one line per paragraph that mentions it


def test_links_resolve(large):
    assert broken_links(large[1], every=40) == []  # a spot check: every 40th of some 2,800 pages


def test_search_index_and_engine(large):
    _, site, edition = large
    queries = ["クアッド", "核兵器", "Ｇ２０", "ロシア ウクライナ", "核", "火星"]
    index = json.loads((site / "search-index" / "ja.json").read_text(encoding="utf-8"))
    strings = load_strings(REPO / "templates")["ja"]
    assert index == search_index(edition, "ja", opening=strings["opening"], strings=strings)
    out = run_engine(index, queries)
    for query in queries:  # (every one in the text's own form: the order is the text's)
        assert out["bigram"][query] == out["linear"][query] == expected(edition, "ja", query), query


def test_search_in_the_browser(large, browser):
    _, site, edition = large
    httpd, url = serve(site)
    try:
        page = browser.new_page()
        page.goto(url + "/section-2/")
        page.keyboard.press("/")
        for lang, query in (("ja", "核兵器"), ("ja", "火星")):
            want = expected(edition, lang, query)
            hrefs = search(page, query, lang, len(want))
            assert paragraphs(hrefs) == want
        page.close()
    finally:
        httpd.shutdown()
