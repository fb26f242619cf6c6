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

statement.yml's overrides (publication.OVERRIDES) settle what the text cannot say. Nothing is
guessed silently: every join, every short line read as a paragraph that might be a heading and
every override applied is in the statement's report, which `check` and `build` print.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from ..errors import InputError, InputErrors, Problems, quoted
from ..model import Join, Origin, Override, Paragraph, ParseReport, Publication, Statement
from .dates import date_and_rest, is_date_line, parse_date
from .forms import (
    CLOSING_MARKS,
    HEADING_MAX_LENGTH,
    LEAD_IN,
    ends_sentence,
    is_annex_label,
    is_bare_annex_label,
    is_closing_line,
    is_contact_label,
    is_heading_like,
    is_list_item,
    is_note,
    is_row,
    is_title_like,
    join_lines,
    numbering,
)
from .header import Header, Line, read_header
from .outline import Group, Heading, Para, nest, sections

_REGIONS = {"notes": "notes", "table": "table", "lines": "lines", "closing": "closing", "contact": "lines"}
"""Units whose lines are lines, and the kind of paragraph each makes."""


@dataclass
class Unit:
    """Lines the text marks as belonging together: a block between blank lines, or the part of
    one that a line's form cuts off (an indent, a list marker, a note, a numbered heading…)."""

    lines: list[Line]
    kind: str = "text"
    """text, item, note, annex, or a region whose lines are lines: table, contact, closing, and
    the kinds statement.yml declares (notes, table, lines, closing)."""
    starts: list[int] = field(default_factory=list)
    """In a region, the lines that begin a line of its own (the others continue one)."""

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        out = ""
        for line in self.lines:
            out = join_lines(out, line.text)
        return out

    @property
    def block_start(self) -> bool:
        return self.lines[0].after_blank

    @property
    def indented(self) -> bool:
        return self.lines[0].indented


def _excerpt(text: str, start: bool, width: int = 12) -> str:
    """The start or the end of a text, for the report."""
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
        self.headings = {o.text: o for o in self.of("heading")}
        self.not_headings = {o.text for o in self.of("paragraph")}
        self.applied: list[tuple[Origin, str]] = []

    def of(self, kind: str) -> list[Override]:
        return self.by_kind.get(kind, [])

    def one(self, kind: str) -> Override | None:
        """The override of a kind that may be given once (title, date)."""
        found = self.of(kind)
        for extra in found[1:]:
            self.problems.add(extra.origin, f"{kind} override given twice (first on line {found[0].origin.line})")
        return found[0] if found else None

    def check_count(self, override: Override, count: int, what: str) -> bool:
        """An override must match once; say where it does not."""
        if count == 1:
            return True
        found = "nothing" if count == 0 else f"{count} places"
        self.problems.add(override.origin, f"{override.kind} override {quoted(override.text)} matches {found} in the "
                                           f"text (it must match {what} exactly once)")
        return False


def _lines(text: str) -> list[Line]:
    """The lines of the file that are not blank."""
    found: list[Line] = []
    blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        found.append(Line(number, stripped, indented=raw.lstrip(" \t\f").startswith("\u3000"), after_blank=blank))
        blank = False
    return found


def _split(body: list[Line], overrides: _Overrides, path: str) -> list[Line]:
    """Cut the blocks that `split:` overrides name in two: the second half begins a block of
    its own, with its own lines (the first keeps the lines before the cut)."""
    for override in overrides.of("split"):
        before, after = override.text.split("|")
        blocks = _blocks(body)
        count = sum(_text(block).count(before + after) for block in blocks)
        if not overrides.check_count(override, count, "the text on both sides of |"):
            continue
        block = next(b for b in blocks if before + after in _text(b))
        cut = _text(block).index(before + after) + len(before)
        offset = 0
        for line in block:  # the line that holds the cut, and where in it
            text = join_lines(_text(block[:block.index(line)]), line.text)
            if len(text) > cut:
                offset = cut - (len(text) - len(line.text))
                break
        i = body.index(line)
        first, second = line.text[:offset].rstrip(), line.text[offset:].lstrip()
        body[i:i + 1] = ([replace(line, text=first)] if first else []) + [Line(line.number, second, False, True)]
        overrides.applied.append((override.origin, f"split {_excerpt(_text(block)[:cut], False)} | "
                                                   f"{_excerpt(_text(block)[cut:], True)} ({path}:{line.number})"))
    return body


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into blocks, at blank lines."""
    found: list[list[Line]] = []
    for line in lines:
        if line.after_blank or not found:
            found.append([])
        found[-1].append(line)
    return found


def _text(lines: list[Line]) -> str:
    out = ""
    for line in lines:
        out = join_lines(out, line.text)
    return out


def _parts(body: list[Line], overrides: _Overrides) -> list[int]:
    """Where each annex begins (indices into body): at a label (別添, 別紙…) that starts a
    block or follows a sentence's end, or at a line statement.yml names."""
    named = {o.text for o in overrides.of("annex")}
    starts = []
    for i, line in enumerate(body):
        label = is_annex_label(line.text) and line.text not in overrides.headings \
            and line.text not in overrides.not_headings \
            and (line.after_blank or ends_sentence(body[i - 1].text) or is_closing_line(body[i - 1].text))
        if line.text in named or label:
            starts.append(i)
    return starts


def _closings(body: list[Line], parts: list[int], forced: dict[int, str]) -> set[int]:
    """The closing lines at the end of the text and of each annex: the date and the issuing
    office, signatories (lines of forms.is_closing_line) after the last paragraph, where they
    begin a block or follow a sentence's end."""
    found: set[int] = set()
    bounds = [0, *parts, len(body)]
    for start, end in itertools.pairwise(bounds):
        first = end
        while first - 1 > start and is_closing_line(body[first - 1].text) and body[first - 1].number not in forced:
            first -= 1
        while first < end and not (body[first].after_blank or ends_sentence(body[first - 1].text)):
            first += 1  # the run must begin where a block does, or after a sentence
        if first < end and first > start + (1 if start in parts else 0):
            found.update(line.number for line in body[first:end])
    return found


def _units(block: list[Line], marked: bool, forced: dict[int, str], closing: set[int], annexes: set[int]) -> list[Unit]:
    """Cut a block into units where a line's form says a new one begins."""
    units: list[Unit] = []
    longest = max(len(line.text) for line in block)
    rows = [i for i, line in enumerate(block) if is_row(line.text)]
    table_from = rows[0] if len(rows) >= 2 else None
    caption = False  # the line before a table's first row, its caption (the table's lead)
    if table_from and is_title_like(block[table_from - 1].text) and not is_annex_label(block[table_from - 1].text) \
            and block[table_from - 1].number not in closing | set(forced) \
            and (table_from == 1 or _cuts(block[table_from - 2], block[table_from - 1], block[table_from], marked, longest)):
        table_from, caption = table_from - 1, True
    region: Unit | None = None  # the unit whose lines are lines, until the block ends
    for i, line in enumerate(block):
        previous = block[i - 1] if i else None
        following = block[i + 1] if i + 1 < len(block) else None
        kind = forced.get(line.number) or ("closing" if line.number in closing else None)
        if kind is None and table_from is not None and i == table_from:
            kind = "table"
        if kind is None and is_contact_label(line.text):
            kind = "contact"
        if kind is not None and (region is None or region.kind != kind):
            region = Unit([line], kind, [] if kind == "table" and caption else [0])
            units.append(region)
            continue
        if region is not None:
            # In notes, a line that begins as the first note does (※, 注, or the marker statement.yml's
            # notes: shows) begins a note, and a row begins a row; other lines carry on the one before.
            begins = is_note(line.text) or line.text[:1] == region.lines[0].text[:1] if region.kind == "notes" \
                else is_row(line.text)
            continues = region.kind in ("notes", "table") and not line.indented and not begins
            if not continues:
                region.starts.append(len(region.lines))
            region.lines.append(line)
            continue
        if previous is None or line.number in annexes or _cuts(previous, line, following, marked, longest):
            units.append(Unit([line], "annex" if line.number in annexes else _kind(line.text)))
        else:
            units[-1].lines.append(line)
    return units


def _kind(text: str) -> str:
    """What a unit that begins with this line is, before the lines around it are weighed."""
    if is_list_item(text):
        return "item"
    if is_note(text):
        return "note"
    return "text"


def _cuts(previous: Line, line: Line, following: Line | None, marked: bool, longest: int) -> bool:
    """Whether a line of a block begins a new unit."""
    text, before = line.text, previous.text
    if line.indented or is_list_item(text) or is_note(text) or is_contact_label(text):
        return True
    ended = ends_sentence(before) or before.endswith(LEAD_IN)
    if is_annex_label(text) and (ended or is_closing_line(before)):
        return True
    number = numbering(text)
    if number and (ended or is_list_item(before) or (numbering(before) is not None and is_title_like(before))):
        return True
    if numbering(before) and is_title_like(before) and (is_heading_like(before) or len(before) < 0.7 * longest) \
            and not is_title_like(join_lines(before, text)):
        return True  # a numbered heading on its line, its text on the next
    # In a text whose paragraphs begin with 「　」, a short line between a sentence's end and
    # an indented line is a line of its own: an unnumbered heading.
    return marked and is_heading_like(text) and ended and (following is None or following.indented)


def _is_heading(unit: Unit, overrides: _Overrides, para: Para | None, following: Unit | None) -> tuple[str, bool]:
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
    if len(text) > HEADING_MAX_LENGTH or ends_sentence(text) or "。" in text:
        return "paragraph", True
    if number is not None:
        if not is_title_like(text):
            return "paragraph", True
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
    overrides = _Overrides(publication, problems)
    warnings: list[tuple[Origin, str]] = []
    title_override, date_override = overrides.one("title"), overrides.one("date")
    everything = _lines(text)
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
    ends = {i - 1 for i in _parts(body, overrides)} | {len(body) - 1}
    body = [line for i, line in enumerate(body) if not (i in ends and line.text in CLOSING_MARKS)]
    body = _split(body, overrides, path)
    parts = _parts(body, overrides)
    annexes = {body[i].number for i in parts}

    forced = _forced(body, overrides)
    closing = _closings(body, parts, forced)
    marked = sum(line.indented for line in body) >= 2
    units = [unit for block in _blocks(body) for unit in _units(block, marked, forced, closing, annexes)]
    units = _annex_titles(units)
    groups, joins, doubtful = _group(units, overrides, path)

    for kind in ("heading", "paragraph"):
        for override in overrides.of(kind):
            if overrides.check_count(override, sum(u.text == override.text for u in units), "a whole block"):
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


def _forced(body: list[Line], overrides: _Overrides) -> dict[int, str]:
    """The lines that begin a block statement.yml declares (notes, table, lines, closing): the
    kind of each, by line number; the block's lines after it are its lines."""
    forced: dict[int, str] = {}
    for kind in ("notes", "table", "lines", "closing"):
        for override in overrides.of(kind):
            starts = [line for line in body if line.text == override.text]
            if overrides.check_count(override, len(starts), "a line"):
                forced[starts[0].number] = kind
                overrides.applied.append((override.origin, f"{kind}: {override.text}"))
    date = overrides.of("date")
    if date and not any(line.number in forced for line in body if line.text == date[0].text):
        for line in body:  # a date line in the text, not in the header: the first line of a closing
            if line.text == date[0].text:
                forced[line.number] = "closing"
    for override in overrides.of("annex"):
        if overrides.check_count(override, sum(line.text == override.text for line in body), "a line"):
            overrides.applied.append((override.origin, f"annex: {override.text}"))
    return forced


def _annex_titles(units: list[Unit]) -> list[Unit]:
    """An annex label alone on its line (別添) takes the short line after it as its title."""
    out: list[Unit] = []
    for unit in units:
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "annex" and len(previous.lines) == 1 \
                and is_bare_annex_label(previous.lines[0].text) and unit.kind == "text" and len(unit.lines) == 1 \
                and is_heading_like(unit.text) and numbering(unit.text) is None:
            label = previous.lines[0]
            previous.lines[0] = replace(label, text=f"{label.text}　{unit.text}")
            continue
        out.append(unit)
    return out


def _group(units: list[Unit], overrides: _Overrides, path: str) -> tuple[list[Group], list[Join], list[tuple[Origin, str]]]:
    """Headings and paragraphs from the units: page-break splits joined, lines attached."""
    joins_at = [o for o in overrides.of("join")
                if overrides.check_count(o, sum(u.text.endswith(o.text) for u in units[:-1]), "the end of a block")]
    apart = [o for o in overrides.of("nojoin")
             if overrides.check_count(o, sum(u.text.endswith(o.text) for u in units[:-1]), "the end of a block")]
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
            overrides.applied.append((apart_override.origin, f"nojoin {_excerpt(para.text, False)} | "
                                                             f"{_excerpt(text, True)} ({path}:{unit.line})"))
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
            joins.append(Join(Origin(path, unit.line), _excerpt(para.text, False), _excerpt(text, True),
                              join_override.origin if join_override else None))
            if join_override:
                overrides.applied.append((join_override.origin, f"join {_excerpt(para.text, False)} | "
                                                                f"{_excerpt(text, True)} ({path}:{unit.line})"))
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
                split = (text, "") if is_date_line(text) else date_and_rest(text)
                if split is not None:
                    return split[0], _line_number(everything, text)
    after = everything[header.end] if header.end < len(everything) else everything[-1]
    return after.text, after.number


def _line_number(everything: list[Line], text: str) -> int:
    return next(line.number for line in reversed(everything) if line.text == text)
