"""Parse a statement in the plain-text form of a PDF extraction into the model.

The forms read (README, "The text form"): a header (header.py), then the text, in which

- a paragraph starts after a blank line or on a line that begins with a full-width space
  (「　」), the two ways ministries mark paragraphs; a PDF extraction's lines run together
  (首 / 脳 is 首脳), and so does a paragraph that a page break cut (…不透明な形 / で締結された…);
- a heading is a short line that is not a sentence, numbered in any of the ways of
  forms.NUMBERINGS (Ⅰ．, 第一, 一, １．, １, （１）, ア, （ア）, ①) or unnumbered; outline.py
  gives each its depth; a numbered line that is a sentence is a numbered paragraph;
- lines that are lines stay lines: list items (・…, and numbered items in a run), notes (注１,
  ※), the rows of a table (項目：内容), a contact block (【お問い合わせ】), the closing (the date
  and the issuing office, signatories) at the end of the text or of an annex;
- an annex (別添, 別紙) is a part of its own;
- a closing mark （了）, 以上 or （以上） at the end is not part of the text.

units.py cuts the text into units (blocks, and the lines a form cuts off); this module decides
what each unit is (heading, paragraph, list item, note, a block of lines) and builds the model.

statement.yml's overrides (publication.OVERRIDES) settle what the text cannot say. Nothing is
guessed silently: every join, every short line read as a paragraph that might be a heading and
every override applied is in the statement's report, which `check` and `build` print.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import InputError, InputErrors, Problems, quoted
from ..model import Join, Origin, Override, Paragraph, ParseReport, Publication, Statement
from .dates import date_and_rest, is_date_line, parse_date
from .forms import CLOSING_MARKS, HEADING_MAX_LENGTH, LEAD_IN, ends_sentence, is_heading_like, is_title_like, join_lines, numbering
from .header import Header, Line, read_header
from .outline import Group, Heading, Para, nest, sections
from .units import Overrides, Unit, annex_titles, blocks, closings, excerpt, forced, parts, read_lines, split, units

_REGIONS = {"notes": "notes", "table": "table", "lines": "lines", "closing": "closing", "contact": "lines"}
"""Units whose lines are lines, and the kind of paragraph each makes."""


def _is_heading(unit: Unit, overrides: Overrides, para: Para | None, following: Unit | None) -> tuple[str, bool]:
    """What a text or item unit is: "heading", "item" or "paragraph", and whether that is
    certain (else a short line read as a heading: a guess)."""
    text = unit.text
    if text in overrides.not_headings:
        return "paragraph", True
    if text in overrides.declared or text in overrides.headings:
        return "heading", True
    if unit.kind == "item":
        return "item", True
    number = numbering(unit.lines[0].text)
    if not is_title_like(text):
        return "paragraph", True
    if number is not None:
        run = following is not None and not following.block_start and not following.indented \
            and following.kind in ("text", "item") and numbering(following.lines[0].text) == number
        after = para is not None and para.kind == "text" and (para.numbering == number.name or para.text.endswith(LEAD_IN))
        if run or after:
            return "item", True
        return "heading", True
    return ("heading", False) if is_heading_like(text) else ("paragraph", True)


def parse(text: str, path: str, publication: Publication | None = None) -> Statement:
    """Parse a whole statement; raise InputErrors naming every problem found."""
    problems = Problems()
    overrides = Overrides(publication, problems)
    warnings: list[tuple[Origin, str]] = []
    title_override, date_override = overrides.one("title"), overrides.one("date")
    everything = read_lines(text)
    try:
        header = read_header(everything, path, title_override, date_override)
    except InputError as error:
        raise InputErrors([*problems.errors, error]) from None
    for kind, override in (("title", title_override), ("date", date_override)):
        if override is not None:
            overrides.applied.append((override.origin, f"{kind}: {override.text}"))
    body = [replace(line, after_blank=True) if k == 0 else line
            for k, line in enumerate(everything[header.end:])]
    # A closing mark ends the text, or an annex: not part of it.
    ends = {i - 1 for i in parts(body, overrides)} | {len(body) - 1}
    body = [line for i, line in enumerate(body) if not (i in ends and line.text in CLOSING_MARKS)]
    body = split(body, overrides, path)
    annex_starts = parts(body, overrides)
    annexes = {body[i].number for i in annex_starts}

    declared = forced(body, overrides)
    closing = closings(body, annex_starts, declared)
    marked = sum(line.indented for line in body) >= 2
    found = [unit for block in blocks(body) for unit in units(block, marked, declared, closing, annexes)]
    found = annex_titles(found)
    groups, joins, doubtful = _group(found, overrides, path)

    for kind in ("heading", "paragraph"):
        for override in overrides.of(kind):
            if overrides.check_count(override, sum(u.text == override.text for u in found), "a whole block"):
                overrides.applied.append((override.origin, f"{kind}: {override.text}"
                                                           + (f" (level {override.level})" if override.level else "")))
    nest(groups, path, problems)
    if not any(isinstance(g, Para) for g in groups):
        problems.add(Origin(path, everything[header.end - 1].number), "no paragraphs after the header")
    problems.raise_if_any()

    paragraphs: dict[int, Paragraph] = {}
    number = 0
    for i, group in enumerate(groups):
        if isinstance(group, Para):
            number += 1
            paragraphs[i] = _paragraph(group, number, path)
    date_text, date_line = _date(header, paragraphs, date_override, everything)
    try:
        when, warning = parse_date(date_text, Origin(path, date_line))
    except InputError as error:
        raise InputErrors([error]) from None
    if warning:
        warnings.append((Origin(path, date_line), warning))
    report = ParseReport(tuple(joins), tuple(doubtful), tuple(overrides.applied), tuple(warnings))
    return Statement(header.title, header.subtitle, when, sections(groups, paragraphs, path), Origin(path),
                     date_text=date_text, report=report, issuer=header.issuer)


def _group(units: list[Unit], overrides: Overrides, path: str) -> tuple[list[Group], list[Join], list[tuple[Origin, str]]]:
    """Headings and paragraphs from the units: page-break splits joined, lines attached."""
    def at_block_ends(kind: str) -> list[Override]:
        return [o for o in overrides.of(kind)
                if overrides.check_count(o, sum(u.text.endswith(o.text) for u in units[:-1]), "the end of a block")]

    joins_at, apart = at_block_ends("join"), at_block_ends("nojoin")
    groups: list[Group] = []
    joins: list[Join] = []
    doubtful: list[tuple[Origin, str]] = []
    for i, unit in enumerate(units):
        previous = groups[-1] if groups else None
        para = previous if isinstance(previous, Para) else None
        following = units[i + 1] if i + 1 < len(units) else None
        if unit.kind == "annex":
            groups.append(Heading(unit.text, unit.line, annex=True))
            continue
        if unit.kind in _REGIONS:
            kind = _REGIONS[unit.kind]
            if para is not None and para.kind == kind and (kind == "closing" or (kind in ("table", "notes") and not unit.block_start)):
                target = para
            else:
                target = Para(kind, unit.line)
                groups.append(target)
            for k, line in enumerate(unit.lines):
                target.add(line.text, k in unit.starts)
            continue
        if unit.kind == "note":
            if para is not None and para.kind == "notes":
                para.add(unit.text, True)
            else:
                groups.append(Para("notes", unit.line, [(unit.text, True)]))
            continue
        what, certain = _is_heading(unit, overrides, para, following)
        text = unit.text
        join_override = next((o for o in joins_at if para and para.text.endswith(o.text)), None)
        apart_override = next((o for o in apart if para and para.text.endswith(o.text)), None)
        unfinished = para is not None and para.kind == "text" and apart_override is None and (
            join_override is not None or (not ends_sentence(para.text) and not para.ends_with_line))
        if apart_override is not None and para is not None and not ends_sentence(para.text):
            overrides.applied.append((apart_override.origin, f"nojoin {excerpt(para.text, False)} | "
                                                             f"{excerpt(text, True)} ({path}:{unit.line})"))
        # A line that only looks like a heading, after an unfinished paragraph, is its
        # continuation (…不透明な形 | で締結された…), unless text follows it.
        no_text_follows = following is None or is_heading_like(following.text)
        if what == "heading" and (certain or not (unfinished and no_text_follows)):
            declared = overrides.headings.get(text)
            groups.append(Heading(text, unit.line, numbering(text) if declared is None or declared.level is None else None,
                                  certain, declared.level if declared else (1 if text in overrides.declared else None)))
        elif what == "item":
            number = numbering(unit.lines[0].text)
            if para is not None and para.kind == "text":
                para.add(text, True)
            else:
                para = Para("text", unit.line, [(text, True)])
                groups.append(para)
            para.numbering = number.name if number else None
        elif para is not None and unfinished and not unit.indented:
            joins.append(Join(Origin(path, unit.line), excerpt(para.text, False), excerpt(text, True),
                              join_override.origin if join_override else None))
            if join_override:
                overrides.applied.append((join_override.origin, f"join {excerpt(para.text, False)} | "
                                                                f"{excerpt(text, True)} ({path}:{unit.line})"))
            elif para.short:
                doubtful.append((Origin(path, para.line), para.text))
            para.add(text, False)
            para.short = False
        else:
            short = len(unit.lines) == 1 and len(text) <= HEADING_MAX_LENGTH and not ends_sentence(text)
            groups.append(Para("text", unit.line, [(text, False)], short=short))
    return groups, joins, doubtful


def _paragraph(para: Para, number: int, path: str) -> Paragraph:
    """A paragraph of the model: its pieces run together, and where each of its lines begins."""
    text, starts = "", []
    for piece, new_line in para.pieces:
        text = join_lines(text, piece)
        if new_line:
            starts.append(len(text) - len(piece))
    if para.kind == "text" and starts == [0]:
        starts = []  # one line that begins with a marker: a paragraph, not a list
    return Paragraph(number, text, Origin(path, para.line), kind=para.kind, lines=tuple(starts))


def _date(header: Header, paragraphs: dict[int, Paragraph], override: Override | None,
          everything: list[Line]) -> tuple[str, int]:
    """The date as published and its line: the header's, else statement.yml's, else the
    closing's; else the line where the header expected it (parse_date says what it found)."""
    if header.date is not None:
        return header.date.text, header.date.number
    for line in everything[header.end:]:
        if override is not None and line.text == override.text:
            return line.text, line.number
    if override is not None:
        raise InputErrors([InputError(override.origin, f"date override {quoted(override.text)} matches no line of the text")])
    for paragraph in paragraphs.values():
        if paragraph.kind == "closing":
            for text in paragraph.line_texts:
                date = (text, "") if is_date_line(text) else date_and_rest(text)
                if date is not None:
                    return date[0], _line_number(everything, text)
    after = everything[header.end] if header.end < len(everything) else everything[-1]
    return after.text, after.number


def _line_number(everything: list[Line], text: str) -> int:
    return next(line.number for line in reversed(everything) if line.text == text)
