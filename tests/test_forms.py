"""The forms other ministry texts take (tests/fixtures/forms/): each read as its editor means it,
built end to end, its pages pinned by golden files."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.inputs.forms import ends_sentence
from build_scripts.output.render import render_pages

from .conftest import FIXTURES, REPO, make_project
from .test_golden import GOLDEN, compare

FORMS = FIXTURES / "forms"
NAMES = sorted(p.name for p in FORMS.iterdir() if p.is_dir())


def test_the_corpus_has_a_form_for_each_point_of_the_forms_issue():
    assert len(NAMES) >= 16


# name: (date, paragraphs, headings per section (None: the opening), subheadings, paragraphs
# that do not end a sentence without being lines)
SHAPES = {
    "fact-sheet": (datetime.date(2023, 10, 2), 14,
                   [None, "１．政策対話の概要", "２．重要鉱物・電池材料", "３．水素・アンモニア、人材育成及び研究協力", "４．今後の予定"],
                   ["（１）リチウム及びニッケル", "（２）レアアース", "(1) 水素及びアンモニア", "(2) 人材育成及び研究協力"], ()),
    "press-statement": (datetime.date(2024, 3, 15), 4, [None], [], ()),
    "era-dated": (datetime.date(2023, 11, 16), 7, [None, "基本的な考え方", "重点的に取り組む施策", "推進体制"], [], ()),
    "with-annex": (datetime.date(2023, 3, 1), 9,
                   [None, "強靱なサプライチェーンの構築", "地域の平和と安定", "未来志向の関係、人的交流の強化に向けて",
                    "（別添）日加協力の具体例"], [], ()),
    "page-break-between-sentences": (datetime.date(2024, 6, 7), 8, [None, "二国間関係", "地域情勢", "グローバルな課題"], [], ()),
    "split-and-heading": (datetime.date(2024, 1, 10), 7, [None, "エネルギー安全保障、脱炭素化に向けた協力", "人材育成"], [], ()),
    "cabinet-decision-four-levels": (
        datetime.date(2024, 2, 9), 10, ["第一　基本的な考え方", "第二　重点的に取り組む施策", "第三　推進体制"],
        ["一　災害情報の収集及び伝達の強化", "１　情報基盤の整備", "（１）観測網の高度化", "（２）情報共有の仕組み",
         "２　住民への伝達", "二　避難所の環境改善", "１　生活環境の確保", "２　福祉避難所の確保"], ()),
    "policy-roman-three-levels": (
        datetime.date(2023, 12, 15), 7, ["Ⅰ．総論", "Ⅱ．具体的施策", "Ⅲ．推進体制"],
        ["１．情報収集体制の強化", "（１）衛星による観測", "（２）船舶及び航空機による監視", "２．情報共有の推進"], ()),
    "white-paper-kana-levels": (
        datetime.date(2023, 4, 11), 6, ["1．総論", "2．地域別の外交", "3．地球規模課題への対応"],
        ["（1）インド太平洋地域", "ア　同盟国・同志国との連携", "（ア）日米同盟", "（イ）同志国との協力",
         "イ　東南アジア諸国との関係", "（2）欧州地域"], ()),
    "press-release-numbered": (datetime.date(2024, 3, 8), 6, [None, "（参考）ウズベキスタン共和国基礎データ"], [], ()),
    "minister-statement-quotes": (datetime.date(2023, 11, 24), 6, [None], [], ()),
    "dated-at-the-end": (datetime.date(2024, 12, 5), 4, [None], [], ()),
    "joint-statement-with-annex": (datetime.date(2023, 9, 6), 8, [None, "別添　日・太平洋島嶼国防災協力行動計画"],
                                   ["１．観測網の整備", "２．人材の育成"], ()),
    "raw-extraction": (datetime.date(2023, 9, 22), 4, [None, "１．二国間関係", "２．地域情勢"], [], ()),
    "split-before-closing-mark": (datetime.date(2024, 5, 20), 3, [None], [], ()),
    "overrides-for-the-rest": (
        datetime.date(2024, 10, 15), 9, ["一　目的", "二　協力の分野", "三　実施の確認", "附属資料　北極域研究拠点の一覧"],
        ["（観測及び研究）", "（人材の交流）", "一　観測拠点", "二　研究施設"], (2,)),
}


@pytest.mark.parametrize("name", NAMES)
def test_each_form_is_read_as_its_editor_means_it(name):
    statement = load_edition(FORMS / name).statement
    date, count, headings, subheadings, unfinished = SHAPES[name]
    assert statement.date == date
    assert [p.number for p in statement.paragraphs] == list(range(1, count + 1))
    assert [s.heading for s in statement.sections] == headings
    assert [sub.text for s in statement.sections for sub in s.subheadings] == subheadings
    assert all(ends_sentence(p.published) or p.lines or p.number in unfinished for p in statement.paragraphs), name
    assert not any(p.published.endswith(("（了）", "以上")) for p in statement.paragraphs)


def test_the_date_is_shown_as_published(tmp_path: Path):
    edition = load_edition(FORMS / "era-dated")
    assert edition.statement.date_text == "令和五年十一月十六日"
    home = next(p for p in render_pages(edition, REPO / "templates") if p.path == "index.md")
    assert '<time datetime="2023-11-16">令和五年十一月十六日</time>' in home.content


def test_lists_are_items_of_their_paragraph_each_with_an_anchor():
    statement = load_edition(FORMS / "fact-sheet").statement
    agreed = next(p for p in statement.paragraphs if p.published.startswith("本年、以下の案件"))
    lead, items = agreed.lead, agreed.line_texts
    assert lead == "本年、以下の案件が新たに合意された。" and len(items) == 3
    assert items[0] == "・西オーストラリア州における水酸化リチウム精製事業への日本企業２社の出資及び長期引取契約の締結"
    page = next(p for p in render_pages(load_edition(FORMS / "fact-sheet"), REPO / "templates")
                if p.path == statement.section_of(agreed.number).slug + ".md")
    assert f'<li id="p{agreed.number}-3">' in page.content and '<ul class="stmt-items">' in page.content
    # A paragraph that ends with a list ends there: the next block is a paragraph of its own.
    following = statement.paragraphs[agreed.number]
    assert following.published.startswith("・") is False


def test_second_level_headings_have_anchors_under_their_section():
    edition = load_edition(FORMS / "fact-sheet")
    minerals = edition.statement.sections[2]
    assert [minerals.anchor(s) for s in minerals.subheadings] == ["section-3-1", "section-3-2"]
    page = next(p for p in render_pages(edition, REPO / "templates") if p.path == "section-3.md")
    assert '<h2 id="section-3-1">（１）リチウム及びニッケル</h2>' in page.content


def test_overrides_are_applied_and_reported():
    report = load_edition(FORMS / "page-break-between-sentences").statement.report
    [join] = [j for j in report.joins if j.override]
    assert join.before.endswith("確認した。") and str(join.override).endswith("statement.yml:8")
    kinds = [what.split(":")[0].split(" ")[0] for _, what in report.overrides]
    assert sorted(kinds) == ["join", "paragraph"]
    split = load_edition(FORMS / "split-and-heading").statement.report
    assert sorted(what.split(" ")[0].rstrip(":") for _, what in split.overrides) == ["heading", "split"]


@pytest.mark.parametrize("name", NAMES)
def test_each_form_builds_end_to_end_with_golden_pages(name, tmp_path):
    config = make_project(tmp_path, FORMS / name)
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 0
    edition = load_edition(FORMS / name)
    sections = [s.slug for s in edition.statement.sections]
    for page in render_pages(edition, REPO / "templates"):
        if page.path in ("index.md", "full.md", *(f"{slug}.md" for slug in sections)):
            compare(GOLDEN / "forms" / name / page.path, page.content)
    assert (tmp_path / "site" / sections[-1] / "index.html").is_file()


def test_a_translation_gives_each_second_level_heading_under_its_anchor(tmp_path: Path):
    import shutil

    from build_scripts.errors import InputErrors
    from build_scripts.inputs.sentences import japanese_sentences

    def yaml_quoted(text: str) -> str:
        return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'

    shutil.copytree(FORMS / "fact-sheet", tmp_path / "src")
    statement = load_edition(tmp_path / "src").statement
    headings = {s.slug: f"Heading {s.index}" for s in statement.sections if s.heading}
    subheadings = {s.anchor(sub): f"Subheading {sub.text}" for s in statement.sections for sub in s.subheadings}
    lines = ["title: Fact sheet", "subtitle: Toward resilient supply chains", "headings:"]
    lines += [f"  {key}: {value}" for key, value in {**headings, **subheadings}.items()]
    lines.append("paragraphs:")
    for p in statement.paragraphs:  # one list item per Japanese sentence; ¶6 has a list of three
        sentences = (["Agreed this year:", "- an investment in lithium refining", "- a memorandum on nickel",
                      "- a trial of leaching (JOGMEC)"]
                     if p.number == 6 else
                     [f"Paragraph {p.number} (JOGMEC, ESG, JBIC)."]
                     + [f"Sentence {k}." for k in range(2, len(japanese_sentences(p.text, p.lines)) + 1)])
        lines += [f"  {p.number}:"] + [f"    - {yaml_quoted(sentence)}" for sentence in sentences]
    (tmp_path / "src" / "translation.en.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edition = load_edition(tmp_path / "src")
    english = edition.version("en")
    assert english.subheading(statement.sections[2], statement.sections[2].subheadings[0]).startswith("Subheading")
    page = next(p for p in render_pages(edition, REPO / "templates") if p.path == "section-3.en.md")
    assert '<h2 id="section-3-1">Subheading （１）リチウム及びニッケル</h2>' in page.content
    assert '<li id="p6-2"><span class="stmt-sent" id="p6.3">- a memorandum on nickel</span></li>' in page.content
    text = (tmp_path / "src" / "translation.en.yml").read_text(encoding="utf-8")
    (tmp_path / "src" / "translation.en.yml").write_text(text.replace("  section-3-2:", "  # section-3-2:"), encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_edition(tmp_path / "src")
    assert [str(e).split(": ", 1)[1] for e in caught.value.errors] == [
        "headings: no translation of the heading of subheading 'section-3-2' (（２）レアアース)"]
