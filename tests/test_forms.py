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


# One test per point of the forms issue (25), on the fixtures written for it.

def statement_of(name: str):
    return load_edition(FORMS / name).statement


def page_of(name: str, path: str) -> str:
    return next(p.content for p in render_pages(load_edition(FORMS / name), REPO / "templates") if p.path == path)


def test_1_paragraphs_marked_by_a_full_width_indent_and_a_raw_extraction():
    cabinet = statement_of("cabinet-decision-four-levels")
    assert [p.published[:6] for p in cabinet.sections[0].paragraphs] == ["近年、豪雨、", "本方針は、地"]
    raw = statement_of("raw-extraction")
    texts = [p.published for p in raw.paragraphs]
    assert len(texts) == 4 and texts[0].startswith("９月２１日")
    assert "佐藤総理大臣は" in texts[0] and "首脳会談を行った" in texts[0]  # lines cut in mid-word run together
    assert "（ＧＸ）" in texts[2] and "パートナーシップ" in texts[3]
    assert texts[2].endswith("対話を継続することを確認した。")  # the page break is joined, and reported
    assert [(j.before, j.after) for j in raw.report.joins] == [("…省庁間の対話を継続するこ", "とを確認した。")]
    assert [s.heading for s in raw.sections] == [None, "１．二国間関係", "２．地域情勢"]  # no blank line around them


def test_2_headings_in_every_numbering_nest_to_the_depth_of_the_text():
    def anchors(name):
        return [(s.anchor(sub), sub.level) for s in statement_of(name).sections for sub in s.subheadings]

    assert anchors("cabinet-decision-four-levels") == [
        ("measures-1", 2), ("measures-1-1", 3), ("measures-1-1-1", 4), ("measures-1-1-2", 4), ("measures-1-2", 3),
        ("measures-2", 2), ("measures-2-1", 3), ("measures-2-2", 3)]
    assert anchors("policy-roman-three-levels") == [
        ("section-2-1", 2), ("section-2-1-1", 3), ("section-2-1-2", 3), ("section-2-2", 2)]
    assert anchors("white-paper-kana-levels") == [
        ("section-2-1", 2), ("section-2-1-1", 3), ("section-2-1-1-1", 4), ("section-2-1-1-2", 4), ("section-2-1-2", 3),
        ("section-2-2", 2)]
    measures = page_of("cabinet-decision-four-levels", "measures.md")
    assert '<h2 id="measures-1">一　災害情報の収集及び伝達の強化</h2>' in measures
    assert '<h4 id="measures-1-1-2">（２）情報共有の仕組み</h4>' in measures
    full = page_of("cabinet-decision-four-levels", "full.md")
    assert '<h2 id="measures">' in full and '<h5 id="measures-1-1-1">（１）観測網の高度化</h5>' in full


def test_2_the_table_of_contents_follows_the_levels():
    from build_scripts.plugin.toc import page_toc

    page = page_of("white-paper-kana-levels", "section-2.md")
    html = page.split("---\n", 2)[2]
    [top] = page_toc(html)
    assert top.id == "section-2"
    [region, europe] = [item for item in top.children if not item.id.startswith("p")]
    assert (region.id, [c.id for c in region.children]) == ("section-2-1", ["section-2-1-1", "section-2-1-2"])
    kana = region.children[0]
    assert [c.id for c in kana.children] == ["section-2-1-1-1", "section-2-1-1-2"]
    assert [c.title for c in kana.children[0].children] == ["¶2"]  # a paragraph under its deepest heading
    assert europe.id == "section-2-2"


def test_3_a_numbered_paragraph_is_a_paragraph_and_keeps_its_number():
    press = statement_of("press-release-numbered")
    assert [p.published[:2] for p in press.paragraphs[:4]] == ["１　", "２　", "３　", "４　"]
    assert press.sections[0].heading is None and press.sections[0].subheadings == ()


def test_4_notes_tables_contact_blocks_and_closings_keep_their_lines():
    policy = statement_of("policy-roman-three-levels")
    notes = policy.paragraphs[-1]
    assert notes.kind == "notes" and [t[:3] for t in notes.line_texts] == ["注１　", "注２　"]
    press = statement_of("press-release-numbered")
    table, contact = press.paragraphs[4:6]
    assert table.kind == "table" and table.line_texts == (
        "面積：約４４．９万平方キロメートル", "人口：約３，６００万人（２０２３年）", "首都：タシケント")
    assert contact.kind == "lines" and contact.line_texts[0] == "【お問い合わせ】" and len(contact.line_texts) == 3
    joint = statement_of("joint-statement-with-annex")
    assert joint.paragraphs[4].kind == "notes" and len(joint.paragraphs[4].lines) == 2
    signatories = joint.paragraphs[5]
    assert signatories.kind == "closing" and signatories.line_texts[0] == "日本国外務大臣　田中　花子"
    assert len(signatories.line_texts) == 4
    closing = statement_of("dated-at-the-end").paragraphs[-1]
    assert closing.kind == "closing" and closing.line_texts == ("令和６年１２月５日", "外務省")
    page = page_of("press-release-numbered", "section-2.md")
    assert '<div class="stmt-para" id="p5" data-kind="table">' in page
    assert '<li id="p5-2"><span class="stmt-sent" id="p5.2">人口：約３，６００万人（２０２３年）</span></li>' in page
    signed = page_of("joint-statement-with-annex", "statement.md")
    assert '<div class="stmt-para" id="p6" data-kind="closing">' in signed and '<li id="p6-4">' in signed


def test_5_an_annex_is_a_part_of_its_own_with_its_own_numbering():
    joint = statement_of("joint-statement-with-annex")
    main, annex = joint.sections
    assert not main.annex and annex.annex
    assert annex.heading == "別添　日・太平洋島嶼国防災協力行動計画"
    assert [(annex.anchor(s), s.level) for s in annex.subheadings] == [("action-plan-1", 2), ("action-plan-2", 2)]
    assert annex.paragraphs[0].line_texts[0] == "・観測機器の供与及び設置"
    from build_scripts.output.render import navigation

    assert navigation(load_edition(FORMS / "joint-statement-with-annex"))[1:3] == ["statement.md", "action-plan.md"]


def test_6_sentences_end_at_a_quotation_and_not_inside_a_definition():
    edition = load_edition(FORMS / "minister-statement-quotes")
    japanese = edition.version("ja")

    def sentences(n):
        text = japanese.text(n)
        return [text[a:b] for a, b in japanese.sentences[n]]

    first = sentences(1)
    assert len(first) == 2 and "（以下「本会議」という。）が、行動計画を採択して閉幕しました。" in first[0]
    assert sentences(2) == ["本会議の開会に当たり、私は次のように述べました。", "「海は国境を持ちません。",
                            "海洋環境の保全は、全ての国が共に担うべき責任であります。」"]
    assert sentences(3)[-1].endswith("附属書に掲げられている。）")  # ends the paragraph: nothing joined to it
    assert sentences(4) == ["「誰一人取り残さず、豊かな海を次の世代に引き継ぐ。」"]
    assert edition.statement.report.joins == ()


def test_7_title_and_date_in_the_forms_ministries_use():
    statement = statement_of("minister-statement-quotes")
    assert statement.title == "国際海洋環境会議の閉幕について（外務大臣談話）"
    assert statement.paragraphs[0].published.startswith("本日、東京において")  # right under the date line
    press = statement_of("press-release-numbered")
    assert (press.title, press.date_text, press.issuer) == ("日・ウズベキスタン外相会談の結果", "令和６年３月８日（金）", "外務省")
    assert '<p class="stmt-issuer">外務省</p>' in page_of("press-release-numbered", "index.md")
    assert statement_of("cabinet-decision-four-levels").issuer == "閣議決定"
    dated = statement_of("dated-at-the-end")
    assert dated.date_text == "令和６年１２月５日"
    assert dated.title == "東南アジアにおける地雷除去支援に関する国際会議の開催について（外務報道官談話）"


def test_a_split_before_a_closing_mark_gives_each_half_its_own_text():
    statement = statement_of("split-before-closing-mark")
    assert [p.published for p in statement.paragraphs[1:]] == [
        "両大臣は、鉱物資源の持続可能な開発に向けた協力を推進することで一致した。",
        "両大臣は、次回の会談を本年中にウランバートルで開催することで一致した。"]


def test_statement_yml_settles_what_the_text_cannot_say():
    statement = statement_of("overrides-for-the-rest")
    assert statement.title == "北極域の持続可能な利用に関する日本・北欧諸国の協力のための共同行動計画"
    assert statement.date_text == "２０２４年１０月１５日"  # the closing's, the override says where it begins
    fields = statement.sections[1]
    assert [(s.text, s.level) for s in fields.subheadings] == [("（観測及び研究）", 2), ("（人材の交流）", 2)]
    assert fields.paragraphs[0].published.endswith("別途調整する")  # nojoin: the next block is not joined
    notes, closing = statement.sections[2].paragraphs[1:]
    assert notes.kind == "notes" and len(notes.lines) == 2
    assert closing.kind == "closing" and closing.line_texts[1:] == (
        "日本国政府代表", "アイスランド共和国政府代表", "ノルウェー王国政府代表")
    annex = statement.sections[3]
    assert annex.annex and [(s.text, s.level) for s in annex.subheadings] == [("一　観測拠点", 2), ("二　研究施設", 2)]
    kinds = sorted(what.split(" ")[0].split(":")[0] for _, what in statement.report.overrides)
    assert kinds == ["annex", "closing", "heading", "heading", "nojoin", "notes", "title"]


def test_a_four_level_text_is_translated_under_the_anchors_of_its_levels(tmp_path: Path):
    import shutil

    from build_scripts.inputs.sentences import japanese_sentences

    shutil.copytree(FORMS / "cabinet-decision-four-levels", tmp_path / "src")
    statement = load_edition(tmp_path / "src").statement
    lines = ["title: Basic policy on local disaster preparedness", "headings:"]
    lines += [f"  {s.slug}: Section {s.index}" for s in statement.sections]
    lines += [f"  {s.anchor(sub)}: Heading {s.anchor(sub)}" for s in statement.sections for sub in s.subheadings]
    lines.append("paragraphs:")
    for p in statement.paragraphs:
        count = len(japanese_sentences(p.text, p.lines))
        lines += [f"  {p.number}:"] + [f"    - Sentence {k} of paragraph {p.number}." for k in range(1, count + 1)]
    (tmp_path / "src" / "translation.en.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edition = load_edition(tmp_path / "src")
    page = next(p.content for p in render_pages(edition, REPO / "templates") if p.path == "measures.en.md")
    assert '<h4 id="measures-1-1-2">Heading measures-1-1-2</h4>' in page
    parallel = next(p.content for p in render_pages(edition, REPO / "templates") if p.path == "parallel/measures.md")
    assert 'id="measures-1-1-1"' in parallel


def test_a_closing_and_a_table_are_translated_line_for_line(tmp_path: Path):
    import shutil

    shutil.copytree(FORMS / "press-release-numbered", tmp_path / "src")
    statement = load_edition(tmp_path / "src").statement
    english = {1: ["1. Today the ministers met."], 2: ["2. A welcome.", "A reply."], 3: ["3. They agreed.", "More."],
               4: ["4. They exchanged views."], 5: ["Area: about 449,000 km2", "Population: about 36 million (2023)",
                                                     "Capital: Tashkent"],
               6: ["[Contact]", "Central Asia and Caucasus Division", "Tel.: +81-3-3580-3311"]}
    lines = ["title: Japan-Uzbekistan Foreign Ministers' Meeting", "headings:", "  section-2: (Reference) Basic data",
             "paragraphs:"]
    for number, sentences in english.items():
        lines += [f"  {number}:"] + [f"    - \"{s}\"" for s in sentences]
    (tmp_path / "src" / "translation.en.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edition = load_edition(tmp_path / "src")
    assert edition.version("en").lines[5] == (0, len("Area: about 449,000 km2 "), len("Area: about 449,000 km2 Population: "
                                                                                        "about 36 million (2023) "))
    page = next(p.content for p in render_pages(edition, REPO / "templates") if p.path == f"{statement.sections[1].slug}.en.md")
    assert '<li id="p5-3"><span class="stmt-sent" id="p5.3">Capital: Tashkent</span></li>' in page


def test_build_prints_the_report_check_prints_and_check_the_outline(tmp_path: Path, capsys):
    config = make_project(tmp_path, FORMS / "overrides-for-the-rest")
    assert main(["check", "--config", str(config), "--source", str(tmp_path / "source")]) == 0
    checked = capsys.readouterr().out.splitlines()
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 0
    built = capsys.readouterr().out.splitlines()
    report = [line for line in checked if line.startswith(("join:", "a heading?:", "override:"))]
    assert len(report) == 7 and report == [line for line in built if line.startswith(("join:", "a heading?:", "override:"))]
    assert any(line.endswith("nojoin …究拠点の間で別途調整する | 参加国は、観測データの公… "
                              f"({tmp_path / 'source' / 'statement.ja.txt'}:14)") for line in report)
    outline = checked[checked.index(next(line for line in checked if line.startswith("outline: "))):]
    assert outline[:4] == [
        "outline: 北極域の持続可能な利用に関する日本・北欧諸国の協力のための共同行動計画 (２０２４年１０月１５日), "
        "4 sections, 9 paragraphs",
        f"  一　目的 [section-1, {tmp_path / 'source' / 'statement.ja.txt'}:4] ¶1",
        f"  二　協力の分野 [section-2, {tmp_path / 'source' / 'statement.ja.txt'}:8] ¶2–¶4",
        "    （観測及び研究） [#section-2-1] ¶2–¶3"]
    assert "    ¶6 notes: 2 notes" in outline and "    ¶7 closing: 4 lines" in outline
    assert "  annex 附属資料　北極域研究拠点の一覧" in " ".join(outline) and "      ¶8 list: 2 items" in outline
