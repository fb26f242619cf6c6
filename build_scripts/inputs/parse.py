"""Parse a statement in the plain-text form of a PDF extraction into the model.

The form: a header (title line, optional subtitle in 「」, date line such as 2022年5月23日),
then blocks separated by blank lines. A heading is a short block that is not a sentence
(no 。 and no 、). Page breaks in the PDF left blank lines in mid-sentence: a paragraph that
does not end its sentence continues in the next block that is not a heading.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError, InputErrors, Problems
from ..model import Origin, Paragraph, Section, Statement

HEADING_MAX_LENGTH = 80
"""Longer blocks are never headings, even without punctuation."""

_SENTENCE_MARKS = ("。", "、", "．", "，")
_TERMINATORS = ("。", "．", ".", "！", "？", "!", "?")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines of the file, joined."""

    line: int
    text: str


def _join(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space in Japanese, one between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def blocks(text: str) -> list[Block]:
    """Split text into blocks at blank lines (white space only, full-width spaces included)."""
    result: list[Block] = []
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate([*text.split("\n"), ""], start=1):  # a last blank line ends the last block
        line = raw.strip()
        if line:
            lines.append((number, line))
        elif lines:
            result.append(Block(lines[0][0], functools.reduce(_join, (text for _, text in lines))))
            lines = []
    return result


def _is_bracketed(text: str) -> bool:
    """Whether a line is a subtitle in 「」."""
    return text.startswith("「") and text.endswith("」")


def is_heading_like(text: str) -> bool:
    """A short block that is not a sentence."""
    return len(text) <= HEADING_MAX_LENGTH and not any(mark in text for mark in _SENTENCE_MARKS)


def ends_sentence(text: str) -> bool:
    """Whether a block ends its last sentence (else a page break cut it)."""
    return text.endswith(_TERMINATORS)


def parse_date(text: str, where: Origin) -> datetime.date:
    """Read a date line such as 2022年5月23日 (full-width digits too)."""
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", text).replace(" ", ""))
    if not match:
        found = text if len(text) <= 20 else text[:20] + "…"
        raise InputError(where, f"expected the date line (e.g. 2022年5月23日), found {found!r}")
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise InputError(where, f"the date {text} does not exist") from None


def _header(lines: list[tuple[int, str]], path: str) -> tuple[str, str | None, datetime.date, int]:
    """Title, subtitle, date and the index of the first body line."""
    if not lines:
        raise InputError(Origin(path), "no text: expected a title, a date and paragraphs")
    (title_line, title), rest = lines[0], lines[1:]
    if _DATE.fullmatch(unicodedata.normalize("NFKC", title).replace(" ", "")):
        raise InputError(Origin(path, title_line), "no title: the file starts with the date line")
    if not is_heading_like(title):
        raise InputError(Origin(path, title_line), f"no title: the first line is a sentence ({title[:20]}…)")
    if _is_bracketed(title):
        raise InputError(Origin(path, title_line), "no title: the file starts with the subtitle in 「」")
    subtitle = None
    if rest and _is_bracketed(rest[0][1]):
        subtitle = rest[0][1][1:-1]
        rest = rest[1:]
    if not rest:
        raise InputError(Origin(path, title_line), "no date line after the title")
    date_line, date_text = rest[0]
    date = parse_date(date_text, Origin(path, date_line))
    return title, subtitle, date, date_line


def parse(text: str, path: str) -> Statement:
    """Parse a whole statement; raise InputErrors naming every problem found."""
    numbered = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    try:
        title, subtitle, date, date_line = _header(numbered[:3], path)
    except InputError as error:
        raise InputErrors([error]) from None
    body = [b for b in blocks(text) if b.line > date_line]
    problems = Problems()

    # First pass: decide what each block is and join page-break splits.
    groups: list[tuple[str, Block]] = []  # ("heading" | "paragraph", block)
    for i, block in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        unfinished = bool(groups) and groups[-1][0] == "paragraph" and not ends_sentence(groups[-1][1].text)
        no_text_follows = following is None or is_heading_like(following.text)
        # A heading-like block after an unfinished paragraph is its continuation, unless text follows it.
        if is_heading_like(block.text) and not (unfinished and no_text_follows):
            if no_text_follows:
                problems.add(Origin(path, block.line), f"heading {block.text!r} has no paragraphs under it")
            groups.append(("heading", block))
        elif unfinished:
            first = groups[-1][1]
            groups[-1] = ("paragraph", Block(first.line, _join(first.text, block.text)))
        else:
            groups.append(("paragraph", block))
    if not any(kind == "paragraph" for kind, _ in groups):
        problems.add(Origin(path, date_line), "no paragraphs after the header")
    problems.raise_if_any()

    # Second pass: number paragraphs and gather them under their headings.
    sections: list[Section] = []
    heading: Block | None = None
    paragraphs: list[Paragraph] = []
    number = 0

    def close() -> None:
        if paragraphs:
            index = len(sections) + 1
            start = heading.line if heading else paragraphs[0].origin.line
            sections.append(
                Section(index, f"section-{index}", heading.text if heading else None,
                        tuple(paragraphs), Origin(path, start))
            )

    for kind, block in groups:
        if kind == "heading":
            close()
            heading, paragraphs = block, []
        else:
            number += 1
            paragraphs.append(Paragraph(number, block.text, Origin(path, block.line)))
    close()
    return Statement(title, subtitle, date, tuple(sections), Origin(path))
