"""Parse a statement in the plain-text form of a PDF extraction into the model.

The form (README, "The text form"): a header (title, an optional subtitle in 「」, a date line
in one of the forms of dates.py), then blocks separated by blank lines. A block is a heading,
a paragraph, or list items of the paragraph before it:

- headings are short one-line blocks that do not end a sentence: numbered at the top level
  (１．/1./第1) or the second (（１）/(1)/①), unnumbered at the top level when they have no
  、; statement.yml settles the rest (a declared heading, or a `heading:`/`paragraph:` override);
- lines that begin with a list marker (・ ● ■ - (a) ①…) are list items of their paragraph, and
  a paragraph that ends with a list ends there;
- a PDF page break leaves a blank line in mid-sentence: a paragraph that does not end its
  sentence continues in the next block (a `join:` override says so where the break fell
  between two sentences; a `split:` override cuts a block that holds two paragraphs);
- a closing mark （了）, 以上 or （以上） ends the text.

Nothing is guessed silently: every join is in the statement's report, with the short blocks
that were read as the start of a paragraph but might be headings ("a heading?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError, InputErrors, Problems
from ..model import Join, Origin, Override, Paragraph, ParseReport, Publication, Section, Statement, Subheading
from .dates import is_date_line, parse_date

HEADING_MAX_LENGTH = 80
"""Longer blocks are never headings, even without punctuation."""

_SENTENCE_MARKS = ("。", "、", "．", "，")
_TERMINATORS = ("。", "．", ".", "！", "？", "!", "?")
_CLOSING_MARKS = frozenset({"（了）", "(了)", "以上", "（以上）", "(以上)"})
_DIGITS = "0-9０-９"
_KANJI_NUMBER = "一二三四五六七八九十"
TOP_NUMBER = re.compile(rf"(?:[{_DIGITS}]{{1,2}}[.．](?![{_DIGITS}])|第[{_DIGITS}{_KANJI_NUMBER}]{{1,3}}(?![{_DIGITS}]))")
"""A top-level heading's number: １．, 1., 第1, 第二."""
SECOND_NUMBER = re.compile(rf"[（(][{_DIGITS}{_KANJI_NUMBER}]{{1,2}}[）)]")
"""A second-level heading's number: （１）, (2), （三）."""
CIRCLED = re.compile("[\u2460-\u2473]")
"""①…⑳: a second-level heading's number on its own line after a heading, else a list item's."""
LIST_ITEM = re.compile(r"(?:[・●○■◆□◇▪◎＊*]|[-–—](?=\S|\s)|[（(][a-zａ-ｚア-ン][）)]|[a-zａ-ｚア-ン][)）]|[\u2460-\u2473])")
"""The marker a list item's line begins with."""
_LEAD_IN = ("：", ":")


@dataclass
class Block:
    """Consecutive non-blank lines of the file, joined; a list item's line starts a line of its own."""

    line: int
    text: str
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Group:
    """A heading or a paragraph being read: one or more blocks."""

    kind: str
    """heading or paragraph"""
    text: str
    line: int
    level: int = 0
    """1 or 2 for a heading."""
    short: bool = False
    """A paragraph that is one short block without a sentence end so far (a heading?)."""


def _join(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space in Japanese, one between Latin words."""
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


def is_list_item(line: str) -> bool:
    """Whether a line begins with a list marker."""
    return LIST_ITEM.match(line) is not None


def block_text(lines: list[tuple[int, str]]) -> str:
    """The text of a block's lines: wrapped lines joined, each list item on a line of its own."""
    text = ""
    for _, line in lines:
        if text and is_list_item(line):
            text += "\n" + line
        else:
            text = _join(text, line)
    return text


def _run_on(pieces: list[str]) -> tuple[str, tuple[int, ...]]:
    """A paragraph's text from its lead and its list items, and where each item begins."""
    text, starts = "", []
    for piece in pieces:
        text = _join(text, piece)
        starts.append(len(text) - len(piece))
    if len(pieces) == 1:
        return text, ()
    return text, tuple(starts if is_list_item(pieces[0]) else starts[1:])


def blocks(text: str) -> list[Block]:
    """Split text into blocks at blank lines (white space only, full-width spaces included)."""
    result: list[Block] = []
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate([*text.split("\n"), ""], start=1):  # a last blank line ends the last block
        line = raw.strip()
        if line:
            lines.append((number, line))
        elif lines:
            result.append(Block(lines[0][0], block_text(lines), lines))
            lines = []
    return result


def _is_bracketed(text: str) -> bool:
    """Whether a line is a subtitle in 「」."""
    return text.startswith("「") and text.endswith("」")


def is_heading_like(text: str) -> bool:
    """A short block that is not a sentence."""
    return len(text) <= HEADING_MAX_LENGTH and "\n" not in text and not any(mark in text for mark in _SENTENCE_MARKS)


def ends_sentence(text: str) -> bool:
    """Whether a block ends its last sentence (else a page break cut it)."""
    return text.endswith(_TERMINATORS)


def ends_with_list(text: str) -> bool:
    """Whether a paragraph's text ends with a list item."""
    return "\n" in text and is_list_item(text.rsplit("\n", 1)[1])


def _header(lines: list[tuple[int, str]], path: str) -> tuple[str, str | None, int, str]:
    """Title, subtitle, the date line's number and text."""
    if not lines:
        raise InputError(Origin(path), "no text: expected a title, a date and paragraphs")
    (title_line, title), rest = lines[0], lines[1:]
    if is_date_line(title):
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
    return title, subtitle, date_line, date_text


def _excerpt(text: str, start: bool, width: int = 12) -> str:
    """The start or the end of a block's text, for the report."""
    text = text.replace("\n", " ")
    if len(text) <= width:
        return text
    return text[:width] + "…" if start else "…" + text[-width:]


class _Overrides:
    """The editor's overrides and declared headings, each checked against the text."""

    def __init__(self, publication: Publication | None, problems: Problems) -> None:
        overrides = publication.overrides if publication else ()
        self.problems = problems
        self.by_kind: dict[str, list[Override]] = {}
        for override in overrides:
            self.by_kind.setdefault(override.kind, []).append(override)
        declared = publication.headings if publication and publication.headings else ()
        self.declared = {heading for heading in declared if heading}
        self.headings = {o.text for o in self.of("heading")}
        self.not_headings = {o.text for o in self.of("paragraph")}
        self.applied: list[tuple[Origin, str]] = []

    def of(self, kind: str) -> list[Override]:
        return self.by_kind.get(kind, [])

    def check_count(self, override: Override, count: int, what: str) -> bool:
        """An override must match once; say where it does not."""
        if count == 1:
            return True
        found = "nothing" if count == 0 else f"{count} places"
        self.problems.add(override.origin, f"{override.kind} override {override.text!r} matches {found} in the "
                                           f"text (it must match {what} exactly once)")
        return False


def _split(body: list[Block], overrides: _Overrides, path: str) -> list[Block]:
    """Cut the blocks that `split:` overrides name in two."""
    for override in overrides.of("split"):
        before, after = override.text.split("|")
        places = [(i, b) for i, b in enumerate(body) if (before + after) in b.text]
        count = sum(b.text.count(before + after) for _, b in places)
        if not overrides.check_count(override, count, "the text on both sides of |"):
            continue
        [(i, block)] = places
        cut = block.text.index(before + after) + len(before)
        # The second block starts on the line that holds the cut.
        offset, line = 0, block.line
        for number, text in block.lines:
            if offset + len(text) > cut:
                line = number
                break
            offset += len(text)
        first, second = block.text[:cut], block.text[cut:].lstrip("\n")
        body[i:i + 1] = [Block(block.line, first, block.lines), Block(line, second, block.lines)]
        overrides.applied.append((override.origin, f"split {_excerpt(first, False)} | {_excerpt(second, True)} "
                                                   f"({path}:{line})"))
    return body


def _closing(body: list[Block]) -> list[Block]:
    """The body without the closing mark that ends the text."""
    if body and body[-1].lines and body[-1].lines[-1][1] in _CLOSING_MARKS:
        last = body[-1]
        kept = last.lines[:-1]
        body = body[:-1] + ([Block(last.line, block_text(kept), kept)] if kept else [])
    return body


def _heading_level(text: str, overrides: _Overrides, previous: _Group | None) -> tuple[int, bool]:
    """The level of a heading block (1 or 2; 0 for a block that is not a heading), and whether
    that is certain (a number, statement.yml) or a guess (a short block with no 、 or 。)."""
    if text in overrides.not_headings or "\n" in text or len(text) > HEADING_MAX_LENGTH or ends_sentence(text):
        return 0, True
    numbered_second = SECOND_NUMBER.match(text) is not None
    if text in overrides.declared or text in overrides.headings:
        return (2 if numbered_second else 1), True
    if TOP_NUMBER.match(text):
        return 1, True
    if numbered_second:
        return 2, True
    if CIRCLED.match(text):
        after_list = previous is not None and previous.kind == "paragraph" and (
            ends_with_list(previous.text) or previous.text.endswith(_LEAD_IN))
        return (0, True) if after_list else (2, True)
    if is_list_item(text):
        return 0, True
    return (1, False) if is_heading_like(text) else (0, True)


def parse(text: str, path: str, publication: Publication | None = None) -> Statement:
    """Parse a whole statement; raise InputErrors naming every problem found."""
    numbered = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    warnings: list[tuple[Origin, str]] = []
    try:
        title, subtitle, date_line, date_text = _header(numbered[:3], path)
        date, warning = parse_date(date_text, Origin(path, date_line))
    except InputError as error:
        raise InputErrors([error]) from None
    if warning:
        warnings.append((Origin(path, date_line), warning))
    problems = Problems()
    overrides = _Overrides(publication, problems)
    body = _closing(_split([b for b in blocks(text) if b.line > date_line], overrides, path))
    for kind in ("heading", "paragraph"):
        for override in overrides.of(kind):
            if overrides.check_count(override, sum(b.text == override.text for b in body), "a whole block"):
                overrides.applied.append((override.origin, f"{kind}: {override.text}"))
    joins_at = [o for o in overrides.of("join")
                if overrides.check_count(o, sum(b.text.endswith(o.text) for b in body[:-1]), "the end of a block")]

    # First pass: decide what each block is, join page-break splits, attach list items.
    groups: list[_Group] = []
    joins: list[Join] = []
    doubtful: list[tuple[Origin, str]] = []
    for i, block in enumerate(body):
        previous = groups[-1] if groups else None
        paragraph = previous if previous is not None and previous.kind == "paragraph" else None
        following = body[i + 1] if i + 1 < len(body) else None
        level, certain = _heading_level(block.text, overrides, previous)
        join_override = next((o for o in joins_at if paragraph and paragraph.text.endswith(o.text)), None)
        unfinished = paragraph is not None and (join_override is not None or (
            not ends_sentence(paragraph.text) and not ends_with_list(paragraph.text)))
        # A block that only looks like a heading, after an unfinished paragraph, is its
        # continuation (…不透明な形 | で締結された…), unless text follows it.
        no_text_follows = following is None or is_heading_like(following.text)
        if level and (certain or not (unfinished and no_text_follows)):
            groups.append(_Group("heading", block.text, block.line, level=level))
        elif paragraph is not None and is_list_item(block.text.split("\n", 1)[0]):
            paragraph.text += "\n" + block.text  # list items of the paragraph before
        elif paragraph is not None and unfinished:
            joins.append(Join(Origin(path, block.line), _excerpt(paragraph.text, False), _excerpt(block.text, True),
                              join_override.origin if join_override else None))
            if join_override:
                overrides.applied.append((join_override.origin, f"join {_excerpt(paragraph.text, False)} | "
                                                                f"{_excerpt(block.text, True)} ({path}:{block.line})"))
            elif paragraph.short:
                doubtful.append((Origin(path, paragraph.line), paragraph.text))
            paragraph.text = _join(paragraph.text, block.text)
            paragraph.short = False
        else:
            short = "\n" not in block.text and len(block.text) <= HEADING_MAX_LENGTH and not ends_sentence(block.text)
            groups.append(_Group("paragraph", block.text, block.line, short=short))

    # Headings need paragraphs under them, and a second level needs a first.
    seen_top = False
    for i, group in enumerate(groups):
        if group.kind != "heading":
            continue
        after = groups[i + 1] if i + 1 < len(groups) else None
        if group.level == 2 and not seen_top:
            problems.add(Origin(path, group.line), f"heading {group.text!r} is second-level, but no top-level "
                                                   "heading (１．, 1., 第1 or an unnumbered one) comes before it")
        seen_top = seen_top or group.level == 1
        if after is None or (after.kind == "heading" and (group.level == 2 or after.level == 1)):
            problems.add(Origin(path, group.line), f"heading {group.text!r} has no paragraphs under it")
    if not any(group.kind == "paragraph" for group in groups):
        problems.add(Origin(path, date_line), "no paragraphs after the header")
    problems.raise_if_any()

    # Second pass: number paragraphs and gather them under their headings.
    sections: list[Section] = []
    heading: _Group | None = None
    paragraphs: list[Paragraph] = []
    subheadings: list[Subheading] = []
    number = 0

    def close() -> None:
        if paragraphs:
            index = len(sections) + 1
            start = heading.line if heading else paragraphs[0].origin.line
            sections.append(Section(index, f"section-{index}", heading.text if heading else None,
                                    tuple(paragraphs), Origin(path, start), tuple(subheadings)))

    for group in groups:
        if group.kind == "heading" and group.level == 1:
            close()
            heading, paragraphs, subheadings = group, [], []
        elif group.kind == "heading":
            subheadings.append(Subheading((len(subheadings) + 1,), group.text, number + 1, Origin(path, group.line)))
        else:
            number += 1
            text, lines = _run_on(group.text.split("\n"))
            paragraphs.append(Paragraph(number, text, Origin(path, group.line), lines=lines))
    close()
    report = ParseReport(tuple(joins), tuple(doubtful), tuple(overrides.applied), tuple(warnings))
    return Statement(title, subtitle, date, tuple(sections), Origin(path), date_text=date_text, report=report)
