"""What a line of a statement is, by its form: the numbering of a heading and how deep that
numbering sits, the markers of list items and notes, the rows of a table, the labels of an
annex and of a contact block, the lines of a closing, closing marks, and where a sentence ends.

The parser (parse.py) decides from these and from the lines around them; nothing here looks
further than one line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import date_and_rest, is_date_line
from .sentences import CLOSERS

HEADING_MAX_LENGTH = 80
"""Longer lines are never headings, even without punctuation."""

_DIGITS = "0-9０-９"
_KANJI = "一二三四五六七八九十"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_SEPARATOR = "[　 ．.、]"
"""What separates a number from the heading's words (１．総論, 一　総論, ア　総論)."""


@dataclass(frozen=True)
class Numbering:
    """One way ministries number headings (and, some of them, list items)."""

    name: str
    example: str
    """How it looks, for messages."""
    rank: int
    """Its usual depth: a numbering of lower rank holds those of higher rank (Ⅰ．> １．> （１）> ア > （ア））."""
    pattern: re.Pattern[str]


NUMBERINGS = (
    Numbering("roman", "Ⅰ．", 0, re.compile(rf"(?:[{_ROMAN}]{_SEPARATOR}|[IVX]{{1,4}}[.．])")),
    Numbering("part", "第1部", 1, re.compile(rf"第[{_DIGITS}{_KANJI}]{{1,3}}[部編]")),
    Numbering("chapter", "第1章", 2, re.compile(rf"第[{_DIGITS}{_KANJI}]{{1,3}}章")),
    Numbering("section", "第1節", 3, re.compile(rf"第[{_DIGITS}{_KANJI}]{{1,3}}節")),
    Numbering("dai", "第一", 4, re.compile(rf"第[{_DIGITS}{_KANJI}]{{1,3}}(?:{_SEPARATOR}|$)")),
    Numbering("kanji", "一　", 5, re.compile(rf"[{_KANJI}]{{1,3}}{_SEPARATOR}")),
    Numbering("kanji-in-brackets", "（一）", 6, re.compile(rf"[（(][{_KANJI}]{{1,3}}[）)]")),
    Numbering("digit-and-point", "１．", 7, re.compile(rf"[{_DIGITS}]{{1,2}}[.．](?![{_DIGITS}])")),
    Numbering("digit", "１　", 8, re.compile(rf"[{_DIGITS}]{{1,2}}[　 ](?=\S)")),
    Numbering("digit-in-brackets", "（１）", 9, re.compile(rf"[（(][{_DIGITS}]{{1,2}}[）)]")),
    Numbering("kana", "ア　", 10, re.compile(rf"[{_KANA}]{_SEPARATOR}")),
    Numbering("kana-in-brackets", "（ア）", 11, re.compile(rf"[（(][{_KANA}][）)]")),
    Numbering("circled", "①", 12, re.compile("[\u2460-\u2473]")),
)
"""Every numbering read, outermost first. A text uses some of them, in this order of depth."""

SUB_RANK = 9
"""From this rank on ((１), ア…), a numbering sits under a text's unnumbered headings."""

LIST_MARKER = re.compile(r"(?:[・●○■◆□◇▪◎＊*]|[-–—](?=\S|\s)|[（(][a-zａ-ｚ][）)]|[a-zａ-ｚ][)）])")
"""A line that begins with one of these is a list item: ・ ● ■ - (a) a)."""
NOTE_MARKER = re.compile(rf"(?:※|[（(]注[{_DIGITS}]*[）)]|注[{_DIGITS}]+|注(?=[　 ：:]))")
"""A line that begins with one of these is a note: ※, ※１, 注１, 注：, （注）, （注１）."""
_ROW = re.compile(r"[^\s：:。、，,．.「」『』（）()【】・●○■◆□◇▪◎＊*※]{1,15}[：:]\s*\S")
"""項目：内容, a row of a table: 日時：…, 場所：…, 面積：…"""
ANNEX_LABEL = re.compile(rf"(?:[（(【](?:別添|別紙|参考)[{_DIGITS}{_KANJI}]*[）)】]|(?:別添|別紙|参考資料)[{_DIGITS}{_KANJI}]*(?:[　 ]|$))")
"""The label that starts an annex: 別添, 別紙１, （別添）, 【別紙】, （参考）, 参考資料."""
CONTACT_LABEL = re.compile(r"[【（(［\[]?(?:お?問い?合わせ先?|問合せ先?|照会先|連絡先)[】）)］\]]?$")
"""The label of a contact block: 【お問い合わせ】, （問い合わせ先）, 【照会先】."""
CLOSING_MARKS = frozenset({"（了）", "(了)", "以上", "（以上）", "(以上)"})
"""A line that ends the text (or an annex), not part of it."""
_OFFICE = re.compile(r"(?:省|庁|府|局|部|課|室|本部|委員会|事務局|大臣|長官|総理|大統領|首相|国王|政府|大使館|代表部)$")
"""How the name of an issuing office or a signatory's title ends."""
_TERMINATORS = ("。", "．", ".", "！", "？", "!", "?")
_SENTENCE_MARKS = ("。", "、", "．", "，")
LEAD_IN = ("：", ":")
"""A line ending so announces what follows it (a list)."""


def join_lines(left: str, right: str) -> str:
    """Two lines of one text run together: no space in Japanese, one between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def run_together(texts: Iterable[str]) -> str:
    """Lines run together into one text, as a PDF extraction's lines are (join_lines)."""
    return functools.reduce(join_lines, texts, "")


_ANY_NUMBERING = re.compile("|".join(f"(?P<n{i}>{n.pattern.pattern})" for i, n in enumerate(NUMBERINGS)))
"""Every numbering in one pattern, tried in NUMBERINGS' order (one match per line, not thirteen)."""


def numbering(line: str) -> Numbering | None:
    """The numbering a line begins with, if any."""
    match = _ANY_NUMBERING.match(line)
    return NUMBERINGS[int(match.lastgroup[1:])] if match and match.lastgroup else None


def is_list_item(line: str) -> bool:
    """Whether a line begins with a list marker (・ ● - (a) …; numbered items are the parser's call)."""
    return LIST_MARKER.match(line) is not None


def is_note(line: str) -> bool:
    """Whether a line begins a note."""
    return NOTE_MARKER.match(line) is not None


def is_row(line: str) -> bool:
    """Whether a line is a row of a table (項目：内容)."""
    return _ROW.match(line) is not None and not is_list_item(line) and not is_note(line)


def is_annex_label(line: str) -> bool:
    """Whether a line starts an annex (別添, 別紙１ …, with or without its title on the line)."""
    return len(line) <= HEADING_MAX_LENGTH and ANNEX_LABEL.match(line) is not None and not ends_sentence(line)


def is_bare_annex_label(line: str) -> bool:
    """An annex label with nothing after it on its line (its title, if any, is on the next)."""
    match = ANNEX_LABEL.match(line)
    return match is not None and not line[match.end():].strip()


def is_contact_label(line: str) -> bool:
    """Whether a line is the label of a contact block."""
    return CONTACT_LABEL.match(line) is not None


def ends_sentence(text: str) -> bool:
    """Whether a text ends its last sentence (。, 。」, 。）…); else a page break or a wrap cut it."""
    return text.rstrip(CLOSERS).endswith(_TERMINATORS)


def is_heading_like(text: str) -> bool:
    """A short line that is not a sentence: no 。 or 、 in it."""
    return len(text) <= HEADING_MAX_LENGTH and not any(mark in text for mark in _SENTENCE_MARKS)


def is_title_like(text: str) -> bool:
    """A line that may be a numbered heading: short and not a sentence (、 and ・ allowed)."""
    return len(text) <= HEADING_MAX_LENGTH and "。" not in text and not ends_sentence(text)


def is_closing_line(line: str) -> bool:
    """A line of the closing of a text: a date, an issuing office, a signatory (外務大臣　林　芳正).

    A signatory's line names an office and a person with a space between them, or ends with an
    office; it has no sentence mark and no number.
    """
    if is_date_line(line) or date_and_rest(line) is not None:
        return True
    if len(line) > 40 or not is_heading_like(line) or numbering(line) or is_list_item(line) or is_note(line):
        return False
    return bool(re.search(r"\S[　 ]+\S", line)) or _OFFICE.search(line) is not None


def is_office(line: str) -> bool:
    """A line that names an issuing office (外務省, 経済産業省通商政策局)."""
    return len(line) <= 40 and is_heading_like(line) and _OFFICE.search(line) is not None
