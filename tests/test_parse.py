"""The parser, on the real statement and on small statements written for each rule."""

from __future__ import annotations

import datetime

import pytest

from build_scripts.errors import InputErrors
from build_scripts.inputs.parse import parse

from .conftest import STATEMENT


def body(*blocks: str, header: str = "題名\n「副題」\n2022年5月23日") -> str:
    """A statement text from a header and blocks separated by blank lines."""
    return header + "\n\n" + "\n\n".join(blocks) + "\n"


def test_real_statement_structure():
    statement = parse(STATEMENT.read_text(encoding="utf-8"), "statement.ja.txt")
    assert statement.title == "日米首脳共同声明"
    assert statement.subtitle == "自由で開かれた国際秩序の強化"
    assert statement.date == datetime.date(2022, 5, 23)
    assert len(statement.sections) == 8
    assert len(statement.paragraphs) == 32
    assert [p.number for p in statement.paragraphs] == list(range(1, 33))
    assert statement.sections[0].heading is None
    assert statement.sections[3].heading == "日米同盟：抑止力及び対処力の強化"
    assert (statement.sections[3].first, statement.sections[3].last) == (11, 14)


@pytest.mark.parametrize("joined", [
    "不透明な形で締結された最近の中国",
    "基幹インフラの防護",
    "エネルギー安全保障及び温室効果ガス",
    "（SCG）や拡大抑止協議を通じた",
])
def test_real_statement_page_breaks_are_joined(joined):
    statement = parse(STATEMENT.read_text(encoding="utf-8"), "statement.ja.txt")
    assert sum(joined in p.published for p in statement.paragraphs) == 1


def test_every_real_paragraph_ends_a_sentence():
    statement = parse(STATEMENT.read_text(encoding="utf-8"), "statement.ja.txt")
    assert all(p.published.endswith("。") for p in statement.paragraphs)


def test_short_continuation_is_joined_and_heading_is_not():
    text = body("前文の段落である。", "見出し", "両首脳は、協力を確認し", "た。", "次の見出し", "最後の段落である。")
    statement = parse(text, "x.txt")
    assert [s.heading for s in statement.sections] == [None, "見出し", "次の見出し"]
    assert statement.sections[1].paragraphs[0].published == "両首脳は、協力を確認した。"
    assert len(statement.paragraphs) == 3


def test_unfinished_paragraph_before_a_heading_does_not_swallow_it():
    statement = parse(body("終わりのない段落、句点なし", "見出し", "本文である。"), "x.txt")
    assert [s.heading for s in statement.sections] == [None, "見出し"]


def test_no_opening_section_when_text_starts_with_a_heading():
    statement = parse(body("見出し", "本文である。"), "x.txt")
    assert len(statement.sections) == 1
    assert statement.sections[0].heading == "見出し"
    assert statement.sections[0].origin.line == 5


def test_header_without_subtitle_and_full_width_date():
    statement = parse(body("本文である。", header="題名\n２０２３年１２月１日"), "x.txt")
    assert statement.subtitle is None
    assert statement.date == datetime.date(2023, 12, 1)


def test_lines_within_a_block_join_latin_words_with_a_space():
    statement = parse(body("両首脳は、Indo\nPacific の協力と\n日本の役割を確認した。"), "x.txt")
    assert statement.paragraphs[0].published == "両首脳は、Indo Pacific の協力と日本の役割を確認した。"


def test_paragraph_origins_are_file_lines():
    statement = parse(STATEMENT.read_text(encoding="utf-8"), "statement.ja.txt")
    assert statement.paragraphs[6].origin.line == 23  # ¶7 starts on line 23, continues on 25


def errors_of(text: str) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        parse(text, "s.txt")
    return [str(e) for e in caught.value.errors]


def test_heading_with_no_body_says_what_to_write():
    assert errors_of(body("前文である。", "見出し一", "見出し二", "本文である。")) == [
        "s.txt:7: heading '見出し一' has no paragraphs under it (the next heading, '見出し二' on line 9, is at its "
        'level or above): in statement.yml, under overrides:, write "- paragraph: 見出し一" if it is not a heading, '
        'or "- heading: 見出し二" with "level: 2" if that one belongs under it'
    ]


def test_heading_at_the_end_says_what_to_write():
    assert errors_of(body("前文である。", "最後の見出し")) == [
        "s.txt:7: heading '最後の見出し' has no paragraphs under it (it ends the text): in statement.yml, under "
        'overrides:, write "- paragraph: 最後の見出し" if it is text, or "- closing: 最後の見出し" if it begins the '
        "closing lines (a date, the issuing office, signatories)"]


def test_no_title():
    assert errors_of("2022年5月23日\n\n本文である。\n") == ["s.txt:1: no title: the file starts with the date line"]


def test_no_date():
    assert errors_of("題名\n「副題」\n\n本文である。\n")[0].startswith("s.txt:4: expected the date line")


def test_date_that_does_not_exist():
    assert errors_of(body("本文である。", header="題名\n2022年2月30日")) == ["s.txt:2: the date 2022年2月30日 does not exist"]


def test_no_paragraphs():
    assert errors_of("題名\n2022年5月23日\n") == ["s.txt:2: no paragraphs after the header"]


@pytest.mark.parametrize("line, date", [
    ("2022年5月23日", datetime.date(2022, 5, 23)),
    ("２０２２年５月２３日", datetime.date(2022, 5, 23)),
    ("令和4年5月23日", datetime.date(2022, 5, 23)),
    ("令和４年５月２３日", datetime.date(2022, 5, 23)),
    ("令和四年五月二十三日", datetime.date(2022, 5, 23)),
    ("令和元年5月1日", datetime.date(2019, 5, 1)),
    ("平成31年4月30日", datetime.date(2019, 4, 30)),
    ("昭和64年1月7日", datetime.date(1989, 1, 7)),
    ("2023年（令和5年）3月1日", datetime.date(2023, 3, 1)),
    ("２０２３年（令和５年）３月１日", datetime.date(2023, 3, 1)),
])
def test_dates_in_every_form(line, date):
    statement = parse(body("本文である。", header=f"題名\n{line}"), "s.txt")
    assert statement.date == date and statement.date_text == line and statement.report.warnings == ()


def test_an_era_year_past_the_eras_end_is_read_with_a_warning():
    statement = parse(body("本文である。", header="題名\n平成32年1月10日"), "s.txt")
    assert statement.date == datetime.date(2020, 1, 10)
    [(origin, message)] = statement.report.warnings
    assert str(origin) == "s.txt:2" and message.startswith("the date 平成32年1月10日 is after 平成 ended (2019-04-30)")


@pytest.mark.parametrize("line, message", [
    ("令和0年5月1日", "the era year 令和0年 does not exist (an era begins with 元年)"),
    ("令和元年4月30日", "the date 令和元年4月30日 is before 令和 began (2019-05-01)"),
    ("2023年（令和4年）3月1日", "2023年 is not 令和4年 (令和4年 is 2022)"),
    ("令和4年2月30日", "the date 令和4年2月30日 does not exist"),
])
def test_impossible_dates(line, message):
    assert errors_of(body("本文である。", header=f"題名\n{line}")) == [f"s.txt:2: {message}"]


def test_numbered_headings_two_levels_with_commas():
    text = body("前文である。", "１．協力、交流の強化", "本文である。", "（１）人材・研究", "第一の段落である。",
                "(2) 次の小見出し", "第二の段落である。", "2. 総括", "最後の段落である。")
    statement = parse(text, "s.txt")
    assert [s.heading for s in statement.sections] == [None, "１．協力、交流の強化", "2. 総括"]
    first = statement.sections[1]
    assert [(sub.text, sub.before) for sub in first.subheadings] == [("（１）人材・研究", 3), ("(2) 次の小見出し", 4)]
    assert [p.number for p in statement.paragraphs] == [1, 2, 3, 4, 5]


def test_a_sub_heading_needs_a_heading_above_it():
    assert errors_of(body("前文である。", "（１）小見出し", "本文である。", "見出し", "本文である。")) == [
        "s.txt:7: heading '（１）小見出し' is numbered like （１）, a level below the headings that have no number, but "
        'none of those comes before it: in statement.yml, under overrides:, write "- heading: （１）小見出し" with '
        '"level: 1" if it is one of the top headings of the text']
    assert errors_of(body("前文である。", "（１）小見出し", "本文である。", "１．見出し", "本文である。"))[0].startswith(
        "s.txt:7: heading '（１）小見出し' is numbered like （１）, a level below the headings numbered like １．, but")


def test_the_only_numbering_of_a_text_is_its_top_level_whatever_it_is():
    statement = parse(body("前文である。", "（１）見出し", "本文である。", "（２）見出し", "本文である。"), "s.txt")
    assert [s.heading for s in statement.sections] == [None, "（１）見出し", "（２）見出し"]


def test_list_items_belong_to_their_paragraph_and_end_it():
    text = body("両首脳は、次の点で一致した。\n・第一の点\n・第二の点の説明が長く\n続く行", "・第三の点",
                "新たな段落である。")
    statement = parse(text, "s.txt")
    [listed, after] = statement.paragraphs
    assert listed.lead == "両首脳は、次の点で一致した。"
    assert listed.line_texts == ("・第一の点", "・第二の点の説明が長く続く行", "・第三の点")
    assert listed.published == "両首脳は、次の点で一致した。・第一の点・第二の点の説明が長く続く行・第三の点"
    assert after.published == "新たな段落である。"


def test_a_circled_number_is_a_heading_alone_after_a_heading_and_an_item_in_a_list():
    text = body("前文である。", "施策", "①人材育成", "大学と協力する。", "両首脳は、次を確認した。\n①第一\n②第二")
    statement = parse(text, "s.txt")
    assert [sub.text for sub in statement.sections[1].subheadings] == ["①人材育成"]
    assert statement.paragraphs[-1].line_texts == ("①第一", "②第二")


@pytest.mark.parametrize("mark", ["（了）", "以上", "（以上）"])
def test_a_closing_mark_ends_the_text(mark):
    statement = parse(body("本文である。", "最後である。", mark), "s.txt")
    assert [p.published for p in statement.paragraphs] == ["本文である。", "最後である。"]


def test_every_join_is_reported_and_a_short_block_joined_is_asked_about():
    statement = parse(body("前文である。", "一致した点、その他", "両首脳は、協力を確認し", "た。"), "s.txt")
    assert [p.published for p in statement.paragraphs] == ["前文である。", "一致した点、その他両首脳は、協力を確認した。"]
    joins = [(str(j.origin), j.before, j.after) for j in statement.report.joins]
    assert joins == [("s.txt:9", "一致した点、その他", "両首脳は、協力を確認し"), ("s.txt:11", "…他両首脳は、協力を確認し", "た。")]
    assert [(str(o), text) for o, text in statement.report.doubtful] == [("s.txt:7", "一致した点、その他")]


def with_overrides(*overrides: tuple[str, str] | tuple[str, str, int]):
    """A Publication with the given overrides (kind, text[, level]), each on its own line of statement.yml."""
    from build_scripts.model import Origin, Override, Publication

    return Publication(overrides=tuple(Override(kind, text, Origin("statement.yml", i), *rest)
                                       for i, (kind, text, *rest) in enumerate(overrides, start=1)))


def test_messages_print_a_full_width_space_as_it_is():
    [message] = errors_of(body("前文である。", "第一　基本的な考え方", "第二　施策", "本文である。"))
    assert "'第一　基本的な考え方'" in message and "\\u3000" not in message
    assert '"- paragraph: 第一　基本的な考え方"' in message


def test_a_date_with_a_weekday_is_checked_against_the_date():
    statement = parse(body("本文である。", header="題名\n令和５年１月１３日（木）"), "s.txt")
    [(origin, warning)] = statement.report.warnings
    assert str(origin) == "s.txt:2" and statement.date == datetime.date(2023, 1, 13) and warning.startswith(
        "the date 令和５年１月１３日（木） gives the weekday 木, but 2023-01-13 is a 金曜日 (Friday)")


@pytest.mark.parametrize("header, title, date", [
    ("題名の一行目\n（外務大臣談話）\n2023年1月13日", "題名の一行目（外務大臣談話）", "2023年1月13日"),
    ("令和５年１月１３日\n外務省\n\n題名", "題名", "令和５年１月１３日"),
    ("令和５年１月１３日（金）\n題名", "題名", "令和５年１月１３日（金）"),
    ("題名\n外務省\n2023年1月13日付", "題名", "2023年1月13日付"),
    ("題名\n二〇二三年一月十三日", "題名", "二〇二三年一月十三日"),
])
def test_headers_in_the_forms_ministries_use(header, title, date):
    statement = parse(body("本文である。", header=header), "s.txt")
    assert (statement.title, statement.date_text) == (title, date)
    assert [p.published for p in statement.paragraphs] == ["本文である。"]


def test_no_blank_line_after_the_date_keeps_the_first_paragraph():
    statement = parse("声明\n2023年1月13日\n第一段落である。\n\n第二段落である。\n", "s.txt")
    assert [p.published for p in statement.paragraphs] == ["第一段落である。", "第二段落である。"]


def test_a_short_numbered_run_in_one_block_is_a_list_and_numbered_sentences_are_paragraphs():
    statement = parse(body("次の措置を講ずる。\n（１）観測の強化\n（２）情報の共有", "１　政府は、支援する。\n２　政府は、評価する。"),
                      "s.txt")
    listed, first, second = statement.paragraphs
    assert listed.line_texts == ("（１）観測の強化", "（２）情報の共有") and statement.sections[0].subheadings == ()
    assert (first.published, second.published) == ("１　政府は、支援する。", "２　政府は、評価する。")


def test_a_quotation_ending_a_paragraph_does_not_swallow_the_next():
    statement = parse(body("大臣は次のように述べた。「協力を進める。」", "「誰一人取り残さない。」", "次の段落である。"), "s.txt")
    assert len(statement.paragraphs) == 3 and statement.report.joins == ()


def test_title_and_date_overrides():
    text = "北極域の協力に関する\n共同行動計画\n\n本文である。\n\n令和６年１０月１５日\n\n次の段落である。\n"
    statement = parse(text, "s.txt", with_overrides(("title", "北極域の協力に関する共同行動計画"),
                                                    ("date", "令和６年１０月１５日")))
    assert statement.title == "北極域の協力に関する共同行動計画" and statement.date == datetime.date(2024, 10, 15)
    assert [p.kind for p in statement.paragraphs] == ["text", "closing", "text"]


def test_a_heading_given_a_level_sits_under_the_heading_before_it():
    text = body("一　目的", "本文である。", "二　分野", "（観測）", "観測を行う。", "三　確認", "確認する。")
    statement = parse(text, "s.txt", with_overrides(("heading", "（観測）", 2)))
    assert [s.heading for s in statement.sections] == ["一　目的", "二　分野", "三　確認"]
    assert [(sub.text, sub.level) for sub in statement.sections[1].subheadings] == [("（観測）", 2)]


@pytest.mark.parametrize("override, message", [
    (("title", "存在しない題名"), "statement.yml:1: title override '存在しない題名' does not match the first lines of the "
                                  "text, run together (they begin '題名')"),
    (("date", "令和６年１月１日"), "statement.yml:1: date override '令和６年１月１日' matches no line of the text"),
    (("notes", "※１　存在しない注"), "statement.yml:1: notes override '※１　存在しない注' matches nothing in the text "
                                    "(it must match a line exactly once)"),
    (("nojoin", "存在しない"), "statement.yml:1: nojoin override '存在しない' matches nothing in the text (it must "
                              "match the end of a block exactly once)"),
    (("heading", "本文である。", 3), "s.txt:5: heading '本文である。' is given level 3, but no heading of level 2 comes "
                                     "before it"),
])
def test_overrides_that_do_not_fit_say_so(override, message):
    text = "題名\n\n本文である。\n\n令和６年１月２日\n" if override[0] == "date" else body("本文である。", "次である。")
    with pytest.raises(InputErrors) as caught:
        parse(text, "s.txt", with_overrides(override))
    assert message in [str(e) for e in caught.value.errors]
