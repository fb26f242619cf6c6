"""Cut the text of a statement into units: the lines the text marks as belonging together.

The first half of parsing (parse.py does the second): the file's lines (`read_lines`), cut
where `split:` overrides say (`split`), grouped into blocks at blank lines (`blocks`); where
each annex begins (`parts`); the closing lines at the end of the text and of each annex
(`closings`) and the blocks statement.yml declares (`forced`); then each block cut into units
where a line's form says a new one begins (`units`): an indent, a list marker, a note, a
numbered heading, a table, a contact label. `Overrides` holds the editor's overrides, each
checked against the text, and what was applied, for the report.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from ..errors import Problems, quoted
from ..model import Origin, Override, Publication
from .forms import (
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
    run_together,
)
from .header import Line


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
        return _text(self.lines)

    @property
    def block_start(self) -> bool:
        return self.lines[0].after_blank

    @property
    def indented(self) -> bool:
        return self.lines[0].indented


def excerpt(text: str, start: bool, width: int = 12) -> str:
    """The start or the end of a text, for the report."""
    if len(text) <= width:
        return text
    return text[:width] + "…" if start else "…" + text[-width:]


class Overrides:
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


def read_lines(text: str) -> list[Line]:
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


def split(body: list[Line], overrides: Overrides, path: str) -> list[Line]:
    """Cut the blocks that `split:` overrides name in two: the second half begins a block of
    its own, with its own lines (the first keeps the lines before the cut)."""
    for override in overrides.of("split"):
        before, after = override.text.split("|")
        found = blocks(body)
        count = sum(_text(block).count(before + after) for block in found)
        if not overrides.check_count(override, count, "the text on both sides of |"):
            continue
        block = next(b for b in found if before + after in _text(b))
        whole = _text(block)
        cut = whole.index(before + after) + len(before)
        offset, text = 0, ""
        for line in block:  # the line that holds the cut, and where in it
            text = join_lines(text, line.text)
            if len(text) > cut:
                offset = cut - (len(text) - len(line.text))
                break
        i = body.index(line)
        first, second = line.text[:offset].rstrip(), line.text[offset:].lstrip()
        body[i:i + 1] = ([replace(line, text=first)] if first else []) + [Line(line.number, second, False, True)]
        overrides.applied.append((override.origin, f"split {excerpt(whole[:cut], False)} | "
                                                   f"{excerpt(whole[cut:], True)} ({path}:{line.number})"))
    return body


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into blocks, at blank lines."""
    found: list[list[Line]] = []
    for line in lines:
        if line.after_blank or not found:
            found.append([])
        found[-1].append(line)
    return found


def _text(lines: list[Line]) -> str:
    return run_together(line.text for line in lines)


def parts(body: list[Line], overrides: Overrides) -> list[int]:
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


def closings(body: list[Line], annex_starts: list[int], declared: dict[int, str]) -> set[int]:
    """The closing lines at the end of the text and of each annex: the date and the issuing
    office, signatories (lines of forms.is_closing_line) after the last paragraph, where they
    begin a block or follow a sentence's end."""
    found: set[int] = set()
    bounds = [0, *annex_starts, len(body)]
    for start, end in itertools.pairwise(bounds):
        first = end
        while first - 1 > start and is_closing_line(body[first - 1].text) and body[first - 1].number not in declared:
            first -= 1
        while first < end and not (body[first].after_blank or ends_sentence(body[first - 1].text)):
            first += 1  # the run must begin where a block does, or after a sentence
        if first < end and first > start + (1 if start in annex_starts else 0):
            found.update(line.number for line in body[first:end])
    return found


def units(block: list[Line], marked: bool, declared: dict[int, str], closing: set[int], annexes: set[int]) -> list[Unit]:
    """Cut a block into units where a line's form says a new one begins."""
    found: list[Unit] = []
    longest = max(len(line.text) for line in block)
    rows = [i for i, line in enumerate(block) if is_row(line.text)]
    table_from = rows[0] if len(rows) >= 2 else None
    caption = False  # the line before a table's first row, its caption (the table's lead)
    if table_from and is_title_like(block[table_from - 1].text) and not is_annex_label(block[table_from - 1].text) \
            and block[table_from - 1].number not in closing | set(declared) \
            and (table_from == 1 or _cuts(block[table_from - 2], block[table_from - 1], block[table_from], marked, longest)):
        table_from, caption = table_from - 1, True
    region: Unit | None = None  # the unit whose lines are lines, until the block ends
    for i, line in enumerate(block):
        previous = block[i - 1] if i else None
        following = block[i + 1] if i + 1 < len(block) else None
        kind = declared.get(line.number) or ("closing" if line.number in closing else None)
        if kind is None and table_from is not None and i == table_from:
            kind = "table"
        if kind is None and is_contact_label(line.text):
            kind = "contact"
        if kind is not None and (region is None or region.kind != kind):
            region = Unit([line], kind, [] if kind == "table" and caption else [0])
            found.append(region)
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
            found.append(Unit([line], "annex" if line.number in annexes else _kind(line.text)))
        else:
            found[-1].lines.append(line)
    return found


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


def forced(body: list[Line], overrides: Overrides) -> dict[int, str]:
    """The lines that begin a block statement.yml declares (notes, table, lines, closing): the
    kind of each, by line number; the block's lines after it are its lines."""
    found: dict[int, str] = {}
    for kind in ("notes", "table", "lines", "closing"):
        for override in overrides.of(kind):
            starts = [line for line in body if line.text == override.text]
            if overrides.check_count(override, len(starts), "a line"):
                found[starts[0].number] = kind
                overrides.applied.append((override.origin, f"{kind}: {override.text}"))
    date = overrides.of("date")
    if date and not any(line.number in found for line in body if line.text == date[0].text):
        for line in body:  # a date line in the text, not in the header: the first line of a closing
            if line.text == date[0].text:
                found[line.number] = "closing"
    for override in overrides.of("annex"):
        if overrides.check_count(override, sum(line.text == override.text for line in body), "a line"):
            overrides.applied.append((override.origin, f"annex: {override.text}"))
    return found


def annex_titles(found: list[Unit]) -> list[Unit]:
    """An annex label alone on its line (別添) takes the short line after it as its title."""
    out: list[Unit] = []
    for unit in found:
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "annex" and len(previous.lines) == 1 \
                and is_bare_annex_label(previous.lines[0].text) and unit.kind == "text" and len(unit.lines) == 1 \
                and is_heading_like(unit.text) and numbering(unit.text) is None:
            label = previous.lines[0]
            previous.lines[0] = replace(label, text=f"{label.text}　{unit.text}")
            continue
        out.append(unit)
    return out
