"""corrections.yml: editorial corrections of evident defects, applied to the parsed text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import Problems, quoted
from ..languages import LANGUAGES, ORIGINAL
from ..model import Correction, Paragraph, Span, Statement
from .textfile import INVISIBLE
from .yamlfile import Mapping, load_list, where

LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")
"""What breaks a line."""


def load_corrections(path: Path) -> tuple[Correction, ...]:
    """Read corrections.yml (a list of entries); a missing file means no corrections."""
    items = load_list(path, "corrections")
    problems = Problems()
    found: list[Correction] = []
    for number, item in enumerate(items, start=1):
        entry = Mapping(path, item, {"paragraph", "published", "corrected", "reason"}, f"correction {number}", problems)
        paragraph = entry.integer("paragraph")
        published = entry.text("published")
        corrected = entry.text("corrected")
        reason = entry.texts_by_language("reason", LANGUAGES, required=(ORIGINAL,))
        published, corrected = (_one_line(entry, key, value, number, problems)
                                 for key, value in (("published", published), ("corrected", corrected)))
        if published is not None and published == corrected:
            problems.add(entry.origin, f"correction {number}: 'corrected' is the same as 'published'")
        if paragraph and published and corrected and "ja" in reason:
            found.append(Correction(number, paragraph, published, corrected, reason, entry.origin))
    problems.raise_if_any()
    return tuple(found)


def _one_line(entry: Mapping, key: str, value: str | None, number: int, problems: Problems) -> str | None:
    """The value, or None when it holds a line break (which would add a sentence or turn the
    paragraph into a list): the problem is reported."""
    if value is None or not any(brk in value for brk in LINE_BREAKS):
        return value
    literal = getattr(entry.values[key], "style", None) == "|"
    block = " (a `|` block keeps the line break at its end: use `>-`)" if literal else ""
    problems.add(where(entry.path, entry.values[key]), f"correction {number}: {key!r} has a line break "
                 f"({quoted(value)}), which would add a sentence or a list item; write it on one line{block}")
    return None


def _spans(paragraph: Paragraph, corrections: list[Correction], problems: Problems) -> tuple[tuple[Span, ...], tuple[int, ...]]:
    """Cut a paragraph into plain and corrected runs; where its lines begin in the corrected text."""
    placed: list[tuple[int, Correction]] = []
    for c in corrections:
        count = paragraph.published.count(c.published)
        if count != 1:
            times = "does not occur" if count == 0 else f"occurs {count} times"
            hidden = INVISIBLE.search(paragraph.published) if count == 0 else None
            why = (f"; ¶{c.paragraph} holds the invisible character U+{ord(hidden.group()):04X}, which may stand between "
                   "its characters") if hidden else ""
            problems.add(c.origin, f"correction {c.number}: {quoted(c.published)} {times} in ¶{c.paragraph} "
                                   f"(it must occur exactly once{why})")
            continue
        start = paragraph.published.index(c.published)
        if any(start < line < start + len(c.published) for line in paragraph.lines):
            problems.add(c.origin, f"correction {c.number}: {quoted(c.published)} runs from one line of ¶{c.paragraph} into the "
                                   "next (correct each line on its own)")
            continue
        placed.append((start, c))
    placed.sort(key=lambda pc: pc[0])
    spans: list[Span] = []
    cursor = 0
    shifts: list[tuple[int, int]] = []  # (end in the published text, how much longer the corrected text is)
    for start, c in placed:
        if start < cursor:
            problems.add(c.origin, f"correction {c.number} overlaps another correction in ¶{c.paragraph}")
            continue
        if start > cursor:
            spans.append(Span(paragraph.published[cursor:start]))
        spans.append(Span(c.corrected, c))
        cursor = start + len(c.published)
        shifts.append((cursor, len(c.corrected) - len(c.published)))
    if cursor < len(paragraph.published):
        spans.append(Span(paragraph.published[cursor:]))
    lines = tuple(line + sum(shift for end, shift in shifts if end <= line) for line in paragraph.lines)
    return tuple(spans), lines


def apply_corrections(statement: Statement, corrections: tuple[Correction, ...], problems: Problems) -> Statement:
    """The statement with every correction that fits applied; each one that does not is a problem."""
    by_paragraph: dict[int, list[Correction]] = {}
    count = len(statement.paragraphs)
    for c in corrections:
        if c.paragraph > count:
            problems.add(c.origin, f"correction {c.number}: there is no ¶{c.paragraph} (the statement has {count} paragraphs)")
        else:
            by_paragraph.setdefault(c.paragraph, []).append(c)
    sections = []
    for section in statement.sections:
        paragraphs = []
        for p in section.paragraphs:
            spans, lines = _spans(p, by_paragraph.get(p.number, []), problems)
            paragraphs.append(dataclasses.replace(p, spans=spans, lines=lines))
        sections.append(dataclasses.replace(section, paragraphs=tuple(paragraphs)))
    return dataclasses.replace(statement, sections=tuple(sections))
