"""What `statement-site check` and `build` tell the publisher about the text: every decision
the parser made that the plain text could not settle for certain, and the outline it read.

Both commands print the decisions (joins, short lines read as paragraphs, overrides applied);
`check` prints the outline too, so that a publisher sees the structure before reading a page.
"""

from __future__ import annotations

from .errors import quoted
from .model import Paragraph, Section, Statement

_KINDS = {"notes": ("notes", "note", "notes"), "table": ("table", "row", "rows"),
          "lines": ("lines", "line", "lines"), "closing": ("closing", "line", "lines")}
"""How the outline names a paragraph of each kind, and its lines (one, several)."""


def decisions(statement: Statement) -> list[str]:
    """One line per decision of the parser: joins, short blocks read as paragraphs, overrides."""
    report = statement.report
    lines = []
    for join in report.joins:
        by = f" (override {join.override})" if join.override else ""
        lines.append(f"join: {join.origin}: {join.before} | {join.after}{by}")
    for origin, text in report.doubtful:
        lines.append(f"a heading?: {origin}: {quoted(text)} was read as the start of a paragraph (statement.yml can "
                     "declare it a heading)")
    for origin, what in report.overrides:
        lines.append(f"override: {origin}: {what}")
    return lines


def _range(first: int, last: int) -> str:
    return f"¶{first}" if first == last else f"¶{first}–¶{last}"


def _count(paragraph: Paragraph, one: str, many: str) -> str:
    count = len(paragraph.lines)
    return f"{count} {one if count == 1 else many}"


def _paragraph(paragraph: Paragraph) -> str | None:
    """How the outline shows a paragraph that is more than running text."""
    if paragraph.kind in _KINDS:
        name, one, many = _KINDS[paragraph.kind]
        return f"¶{paragraph.number} {name}: {_count(paragraph, one, many)}"
    if paragraph.lines:
        return f"¶{paragraph.number} list: {_count(paragraph, 'item', 'items')}"
    return None


def _section(section: Section, origin: str) -> list[str]:
    """A section of the outline: its heading and range, its subheadings indented by level, and
    the paragraphs that are lists, notes, tables, lines or the closing, where they are."""
    heading = section.heading if section.heading is not None else "(opening: the paragraphs before the first heading)"
    part = "annex " if section.annex else ""
    lines = [f"  {part}{heading} [{section.slug}, {origin}:{section.origin.line}] {_range(section.first, section.last)}"]
    subheadings = section.subheadings
    depth = 1
    for p in section.paragraphs:
        for sub in section.subheadings_before(p.number):
            following = subheadings[subheadings.index(sub) + 1:]
            after = next((s.before for s in following if s.level <= sub.level), section.last + 1)
            lines.append("  " * sub.level + f"{sub.text} [#{section.anchor(sub)}] {_range(sub.before, max(sub.before, after - 1))}")
            depth = sub.level
        shown = _paragraph(p)
        if shown:
            lines.append("  " * (depth + 1) + shown)
    return lines


def outline(statement: Statement) -> list[str]:
    """The structure the parser read: each section with its range, its headings by level."""
    lines = [f"outline: {statement.title} ({statement.date_text}), {len(statement.sections)} sections, "
             f"{len(statement.paragraphs)} paragraphs"]
    for section in statement.sections:
        lines.extend(_section(section, statement.origin.path))
    return lines
