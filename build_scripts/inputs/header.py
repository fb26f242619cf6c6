"""The header of a statement: its title, the subtitle in 「」 and the date line.

The forms read (README, "The text form"):

- title (one line, or two: …の閉幕について / （外務大臣談話）), an optional 「subtitle」, the date
  line (a weekday or 付 after the date is fine), then the text, with or without a blank line;
- a press release's date first: the date, the issuing office (外務省), then the title;
- no date at the top: the date is then the closing's, at the end of the text (parse.py);
- statement.yml settles the rest: `title:` (the title's lines run together) and `date:` (the date line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError, quoted
from ..model import Origin, Override
from .dates import is_date_line
from .forms import is_heading_like, is_office, is_title_like, join_lines, numbering, run_together


@dataclass(frozen=True)
class Line:
    """A line of the statement file that is not blank."""

    number: int
    """Its line number in the file."""
    text: str
    """The line without the white space around it."""
    indented: bool = False
    """It began with a full-width space (「　」): in most texts, the start of a paragraph."""
    after_blank: bool = True
    """A blank line (or the start of the body) comes before it: it begins a block."""


@dataclass(frozen=True)
class Header:
    """What the top of the text says."""

    title: str
    subtitle: str | None
    date: Line | None
    """The date line, when the header has one (else the closing's, or statement.yml's)."""
    issuer: str
    """The issuing office a date-first press release names under its date ("" if none)."""
    end: int
    """How many of the lines it takes: the text begins with the next one."""


def _bracketed(text: str) -> bool:
    """Whether a line is a subtitle in 「」."""
    return text.startswith("「") and text.endswith("」")


def _issuing(text: str) -> bool:
    """A line by the date that names who issues the text, or how (外務省, 外務省報道発表, 閣議決定)."""
    return is_office(text) or (len(text) <= 40 and not numbering(text) and text.endswith(
        ("報道発表", "プレスリリース", "発表", "決定", "了解", "申合せ")))


def _title_by_override(lines: list[Line], start: int, override: Override) -> int | None:
    """How many lines from `start` run together into the title statement.yml gives, if any do."""
    text = ""
    for count, line in enumerate(lines[start:start + 4], start=1):
        text = join_lines(text, line.text)
        if text == override.text:
            return count
    return None


def read_header(lines: list[Line], path: str, title: Override | None = None, date: Override | None = None) -> Header:
    """The header of the statement's lines (every line of the file that is not blank)."""
    if not lines:
        raise InputError(Origin(path), "no text: expected a title, a date and paragraphs")

    def is_date(line: Line) -> bool:
        return line.text == date.text if date is not None else is_date_line(line.text)

    i, issuer, date_line = 0, "", None
    if is_date(lines[0]):  # a press release: the date, the issuing office, then the title
        date_line, i = lines[0], 1
        names: list[str] = []
        # The office's lines, as long as a title is still to come after them.
        while len(names) < 2 and i + 1 < len(lines) and _issuing(lines[i].text) and is_title_like(lines[i + 1].text):
            names.append(lines[i].text)
            i += 1
        issuer = "　".join(names)
        if i >= len(lines) or not is_title_like(lines[i].text) or numbering(lines[i].text) or _bracketed(lines[i].text):
            raise InputError(Origin(path, lines[0].number), "no title: the file starts with the date line")
    first = lines[i]
    if _bracketed(first.text):
        raise InputError(Origin(path, first.number), "no title: the file starts with the subtitle in 「」")

    if title is not None:
        count = _title_by_override(lines, i, title)
        if count is None:
            raise InputError(title.origin, f"title override {quoted(title.text)} does not match the first lines of "
                                           f"the text, run together (they begin {quoted(first.text)})")
        title_lines = lines[i:i + count]
    else:
        if not is_heading_like(first.text) and not is_title_like(first.text):
            raise InputError(Origin(path, first.number), f"no title: the first line is a sentence ({first.text[:20]}…)")
        title_lines = [first]
        if date_line is not None:  # after a date, a second line of the title is in brackets: （外務大臣談話）
            following = lines[i + 1] if i + 1 < len(lines) else None
            if following is not None and not following.after_blank and following.text.startswith(("（", "(")) \
                    and is_title_like(following.text) and not numbering(following.text):
                title_lines.append(following)
        else:  # a title in two or three lines (…の閉幕について / （外務大臣談話）) before the subtitle or the date
            more = _more_title_lines(lines, i, is_date)
            title_lines.extend(lines[i + 1:i + 1 + more])
    i += len(title_lines)
    text = run_together(line.text for line in title_lines)

    subtitle = None
    if i < len(lines) and _bracketed(lines[i].text):
        subtitle, i = lines[i].text[1:-1], i + 1
    if date_line is None:
        if i >= len(lines):
            raise InputError(Origin(path, title_lines[0].number), "no date line after the title")
        offices = _offices(lines, i, is_date)  # the issuing office may stand above the date, or under it
        if i + offices < len(lines) and is_date(lines[i + offices]):
            date_line = lines[i + offices]
            after = 0 if offices else _offices(lines, i + 1, None)
            named = lines[i:i + offices] if offices else lines[i + 1:i + 1 + after]
            issuer = "　".join(line.text for line in named)
            i += offices + 1 + after
    return Header(text, subtitle, date_line, issuer, i)


def _offices(lines: list[Line], i: int, before: Callable[[Line], bool] | None) -> int:
    """How many lines from i name the issuing office (at most 2, in one block). Above the date
    (`before` the date test), they count only when the date follows them; under it (None), they
    count when they are in the date's block."""
    count = 0
    while count < 2 and i + count < len(lines) and _issuing(lines[i + count].text) and not lines[i + count].after_blank:
        count += 1
        if before is not None and i + count < len(lines) and before(lines[i + count]):
            return count
    return count if before is None else 0


def _more_title_lines(lines: list[Line], i: int, is_date: Callable[[Line], bool]) -> int:
    """How many lines after line i carry on the title: title-like lines in its block, when the
    subtitle or the date (the issuing office above it) comes right after them."""
    for more in (1, 2):
        candidates = lines[i + 1:i + 1 + more]
        if len(candidates) < more or any(line.after_blank or _bracketed(line.text) or is_date(line)
                                          or numbering(line.text) or not is_title_like(line.text)
                                          or _issuing(line.text) for line in candidates):
            return 0
        j = i + 1 + more
        if j < len(lines) and (_bracketed(lines[j].text) or is_date(lines[j])
                               or ((offices := _offices(lines, j, is_date)) and is_date(lines[j + offices]))):
            return more
    return 0
