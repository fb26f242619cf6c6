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


def test_heading_with_no_body():
    assert errors_of(body("前文である。", "見出し一", "見出し二", "本文である。")) == [
        "s.txt:7: heading '見出し一' has no paragraphs under it"
    ]


def test_heading_at_the_end():
    assert errors_of(body("前文である。", "最後の見出し")) == ["s.txt:7: heading '最後の見出し' has no paragraphs under it"]


def test_no_title():
    assert errors_of("2022年5月23日\n\n本文である。\n") == ["s.txt:1: no title: the file starts with the date line"]


def test_no_date():
    assert errors_of("題名\n「副題」\n\n本文である。\n")[0].startswith("s.txt:4: expected the date line")


def test_date_that_does_not_exist():
    assert errors_of(body("本文である。", header="題名\n2022年2月30日")) == ["s.txt:2: the date 2022年2月30日 does not exist"]


def test_no_paragraphs():
    assert errors_of("題名\n2022年5月23日\n") == ["s.txt:2: no paragraphs after the header"]
