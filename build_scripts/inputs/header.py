"""The header of a statement: its title, the subtitle in 「」 and the date line.

The forms read (README, "The text form"):

- title (one line, or two: …の閉幕について / （外務大臣談話）), an optional 「subtitle」, the date
  line (a weekday or 付 after the date is fine), then the text, with or without a blank line;
- a press release's date first: the date, the issuing office (外務省), then the title;
- no date at the top: the date is then the closing's, at the end of the text (parse.py);
- statement.yml settles the rest: `title:` (the title's lines run together) and `date:` (the date line).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import Origin, Override
from .dates import is_date_line
from .forms import is_heading_like, is_office, is_title_like, join_lines, numbering


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
    """A line under a press release's date that names who issues it (外務省, 外務省報道発表)."""
    return is_office(text) or (len(text) <= 40 and text.endswith(("報道発表", "プレスリリース", "発表")))


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
        offices: list[str] = []
        # The office's lines, as long as a title is still to come after them.
        while len(offices) < 2 and i + 1 < len(lines) and _issuing(lines[i].text) and is_title_like(lines[i + 1].text):
            offices.append(lines[i].text)
            i += 1
        issuer = "　".join(offices)
        if i >= len(lines) or not is_title_like(lines[i].text) or numbering(lines[i].text) or _bracketed(lines[i].text):
            raise InputError(Origin(path, lines[0].number), "no title: the file starts with the date line")
    first = lines[i]
    if _bracketed(first.text):
        raise InputError(Origin(path, first.number), "no title: the file starts with the subtitle in 「」")

    if title is not None:
        count = _title_by_override(lines, i, title)
        if count is None:
            raise InputError(title.origin, f"title override '{title.text}' does not match the first lines of "
                                           f"the text, run together (they begin '{first.text}')")
        title_lines = lines[i:i + count]
    else:
        if not is_heading_like(first.text) and not is_title_like(first.text):
            raise InputError(Origin(path, first.number), f"no title: the first line is a sentence ({first.text[:20]}…)")
        title_lines = [first]
        # A title in two lines: …の閉幕について / （外務大臣談話）, in the same block, before the
        # subtitle or the date (or, after a date, the second line in brackets).
        for line in lines[i + 1:i + 3]:
            if line.after_blank or _bracketed(line.text) or is_date(line) or numbering(line.text) \
                    or not is_title_like(line.text):
                break
            if date_line is not None and not line.text.startswith(("（", "(")):
                break
            following = lines[lines.index(line) + 1] if lines.index(line) + 1 < len(lines) else None
            if date_line is None and not (following is not None and (is_date(following) or _bracketed(following.text))):
                break  # no date or subtitle after it: the line begins the text
            title_lines.append(line)
    i += len(title_lines)
    text = ""
    for line in title_lines:
        text = join_lines(text, line.text)

    subtitle = None
    if i < len(lines) and _bracketed(lines[i].text):
        subtitle, i = lines[i].text[1:-1], i + 1
    if date_line is None:
        if i >= len(lines):
            raise InputError(Origin(path, title_lines[0].number), "no date line after the title")
        if is_date(lines[i]):
            date_line, i = lines[i], i + 1
    return Header(text, subtitle, date_line, issuer, i)
