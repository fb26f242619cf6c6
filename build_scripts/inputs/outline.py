"""The outline of a statement: how deep each heading sits, and the sections that follow.

A heading's depth comes from its numbering (forms.NUMBERINGS, outermost first: Ⅰ．> 第一 > 一
> １．> １ > （１）> ア > （ア）> ①), so a text's own levels come out whatever numbering it
uses and however deep it goes: each heading sits under the nearest heading before it whose
numbering is outer to its own. Unnumbered headings sit at the top (with the outermost
numbering of the text, or above it when that is a sub-level one such as （１）). An annex
(別添, 別紙) is a part of its own: its heading is a section's, its own numbering starts under it.
statement.yml can give any heading its level.

Depth 1 is a section (a page); deeper headings are its subheadings, with anchors
<slug>-2-1 that follow their place in the outline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problems, quoted
from ..model import Origin, Paragraph, Section, Subheading
from .forms import SUB_RANK, Numbering, run_together


@dataclass
class Heading:
    """A heading being read."""

    text: str
    line: int
    numbering: Numbering | None = None
    certain: bool = True
    """Read from a number, an annex label or statement.yml (else a guess: a short line)."""
    level: int | None = None
    """The level statement.yml gives it."""
    annex: bool = False
    """It starts an annex."""
    depth: int = 0
    """1 for a section's heading, 2 under it…: set by nest()."""


@dataclass
class Para:
    """A paragraph being read: its pieces, each a line of the file or more, run together."""

    kind: str
    line: int
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    """(text, whether it begins a line of the paragraph: a list item, a note, a row…)."""
    short: bool = False
    """One short piece without a sentence end so far (a heading?)."""
    numbering: str | None = None
    """The numbering of its last line, where that line is a numbered item (①…, ア…)."""

    def add(self, text: str, new_line: bool) -> None:
        """Add a piece: a line of its own, or the rest of the last one."""
        self.pieces.append((text, new_line))

    @property
    def text(self) -> str:
        """Its text so far, its pieces run together."""
        return run_together(piece for piece, _ in self.pieces)

    @property
    def ends_with_line(self) -> bool:
        """Whether it has lines (list items…): what comes after its first line is part of a line."""
        return any(new_line for _, new_line in self.pieces)


Group = Heading | Para


def nest(groups: list[Group], path: str, problems: Problems) -> None:
    """Give every heading its depth; report a sub-heading with no heading above it, and a
    heading with nothing under it."""
    parts: list[list[Heading]] = [[]]
    for group in groups:
        if isinstance(group, Heading):
            if group.annex:
                group.depth = 1
                parts.append([])
            else:
                parts[-1].append(group)
    for number, headings in enumerate(parts):
        _nest_part(headings, annex=number > 0, path=path, problems=problems)
    for i, group in enumerate(groups):
        if isinstance(group, Heading) and group.depth:
            after: Group | None = None
            for j in range(i + 1, len(groups)):  # (an index: a slice would copy the rest for each heading)
                following = groups[j]
                if isinstance(following, Para) or following.annex or following.depth <= group.depth:
                    after = following
                    break
            if not isinstance(after, Para):
                problems.add(Origin(path, group.line), _nothing_under(group, after))


def _nest_part(headings: list[Heading], annex: bool, path: str, problems: Problems) -> None:
    """Depths within the main text or one annex (whose own heading is depth 1, above them all)."""
    if not headings:
        return
    ranks = [h.numbering.rank for h in headings if h.numbering]
    top = min(ranks, default=0)
    unnumbered = float(top) if top < SUB_RANK else top - 0.5  # with the outermost numbering, or above (1)

    def rank(heading: Heading) -> float:
        return heading.numbering.rank if heading.numbering else unnumbered

    highest = min(rank(h) for h in headings)
    base = 1 if annex else 0
    stack: list[tuple[float, int]] = []  # (rank, depth) of the headings the next one may sit under
    for heading in headings:
        if heading.level is not None:
            depth = heading.level
            while stack and stack[-1][1] >= depth:
                stack.pop()
            if depth > (stack[-1][1] if stack else base) + 1:
                problems.add(Origin(path, heading.line), f"heading {quoted(heading.text)} is given level {depth}, but no "
                                                         f"heading of level {depth - 1} comes before it")
                depth = (stack[-1][1] if stack else base) + 1
        else:
            while stack and stack[-1][0] >= rank(heading):
                stack.pop()
            if not stack and not annex and rank(heading) > highest:
                outer = next(h for h in headings if rank(h) == highest)
                problems.add(Origin(path, heading.line),
                             f"heading {quoted(heading.text)} is {_form(heading)}, a level below the headings {_form(outer)}, "
                             f"but none of those comes before it: in statement.yml, under overrides:, write "
                             f'"- heading: {heading.text}" with "level: 1" if it is one of the top headings of the text')
            depth = (stack[-1][1] if stack else base) + 1
        heading.depth = depth
        stack.append((rank(heading), depth))


def _form(heading: Heading) -> str:
    """How a heading is numbered, for messages."""
    return f"numbered like {heading.numbering.example.strip()}" if heading.numbering else "that have no number"


def _nothing_under(heading: Heading, after: Group | None) -> str:
    """What to say of a heading with no paragraph under it, and what the editor can write."""
    said = f"heading {quoted(heading.text)} has no paragraphs under it"
    if after is None:
        return (f'{said} (it ends the text): in statement.yml, under overrides:, write "- paragraph: {heading.text}" '
                f'if it is text, or "- closing: {heading.text}" if it begins the closing lines (a date, the issuing '
                "office, signatories)")
    assert isinstance(after, Heading)
    return (f"{said} (the next heading, {quoted(after.text)} on line {after.line}, is at its level or above): in "
            f'statement.yml, under overrides:, write "- paragraph: {heading.text}" if it is not a heading, or '
            f'"- heading: {after.text}" with "level: {heading.depth + 1}" if that one belongs under it')


def sections(groups: list[Group], paragraphs: dict[int, Paragraph], path: str) -> tuple[Section, ...]:
    """The sections: the paragraphs under each heading of depth 1 (before the first: the
    opening), with the deeper headings as their subheadings. `paragraphs` is keyed by the
    index of the Para group each was made from."""
    found: list[Section] = []
    heading: Heading | None = None
    annex = False
    under: list[Paragraph] = []
    subheadings: list[Subheading] = []

    def close() -> None:
        if under:
            index = len(found) + 1
            start = heading.line if heading else under[0].origin.line
            found.append(Section(index, f"section-{index}", heading.text if heading else None, tuple(under),
                                 Origin(path, start), tuple(subheadings), annex=annex))

    number = 0
    for i, group in enumerate(groups):
        if isinstance(group, Heading) and group.depth == 1:
            close()
            heading, under, subheadings = group, [], []
            annex = annex or group.annex
        elif isinstance(group, Heading):
            # Its path: its parent's (the last heading one level up), and its place among the parent's children.
            parent = () if group.depth == 2 else next(
                (s.path for s in reversed(subheadings) if s.level == group.depth - 1), (0,) * (group.depth - 2))
            siblings = sum(1 for s in subheadings if s.path[:-1] == parent)
            subheadings.append(Subheading((*parent, siblings + 1), group.text, number + 1, Origin(path, group.line)))
        else:
            paragraph = paragraphs[i]
            number = paragraph.number
            under.append(paragraph)
    close()
    return tuple(found)
