"""translation.<lang>.yml: the site's own translation, aligned with the statement paragraph by paragraph."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..errors import InputError, Problems, quoted
from ..model import Origin, Paragraph, Span, Statement, Version
from .sentences import Bounds, japanese_sentences, joined_sentences, line_starts
from .textfile import display_path
from .yamlfile import Mapping, kind_of, load, scalar_text, where, whole_number


def original_version(statement: Statement) -> Version:
    """The corrected Japanese text as a Version."""
    return Version(
        lang="ja",
        title=statement.title,
        subtitle=statement.subtitle,
        headings={**{s.slug: s.heading for s in statement.sections if s.heading is not None},
                  **{s.anchor(sub): sub.text for s in statement.sections for sub in s.subheadings}},
        paragraphs={p.number: p.spans or (Span(p.published),) for p in statement.paragraphs},
        notes={},
        translation=False,
        origin=statement.origin,
        sentences={p.number: japanese_sentences(p.text, p.lines) for p in statement.paragraphs},
        lines={p.number: p.lines for p in statement.paragraphs if p.lines},
    )


# A Latin-letter abbreviation that the Japanese gives in parentheses: （SCC）, (ACM), （ＩＰＥＦ）…
# (after NFKC, full-width letters and brackets are ASCII). Two capitals at least: (CoRe) counts.
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\s*\)")


def abbreviations(japanese: str) -> list[str]:
    """The Latin-letter abbreviations a Japanese paragraph gives in parentheses, in text order."""
    found = _ABBREVIATION.findall(unicodedata.normalize("NFKC", japanese))
    return list(dict.fromkeys(found))


def names_abbreviation(text: str, abbreviation: str) -> bool:
    """Whether a text has the abbreviation as a word of its own (a plural s allowed: ICBMs)."""
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(abbreviation)}s?(?![A-Za-z0-9])", text) is not None


def _check_abbreviations(statement: Statement, paragraphs: dict[int, tuple[str | None, Origin]],
                         notes: dict[int, tuple[str | None, Origin]], problems: Problems) -> None:
    """Each abbreviation the Japanese gives in parentheses is in the paragraph's English or its note.

    A reader comparing the two texts looks for (SCC) in both; where the English drops it, the
    translator's note must say why (say, where the English name has another abbreviation).
    """
    for p in statement.paragraphs:
        english, origin = paragraphs.get(p.number, (None, None))
        if english is None or origin is None:
            continue
        note = notes.get(p.number, (None, None))[0] or ""
        for abbreviation in abbreviations(p.text):
            if not (names_abbreviation(english, abbreviation) or names_abbreviation(note, abbreviation)):
                problems.add(origin, f"paragraphs: ¶{p.number}: the Japanese gives the abbreviation ({abbreviation}), "
                                     "which neither the English nor its translator's note names")


def flowing(text: str) -> str:
    """A YAML text as one paragraph: lines joined with a space, white space collapsed."""
    return " ".join(text.split())


def _by_number(path: Path, node: yaml.Node | None, what: str,
               problems: Problems) -> Iterator[tuple[int, yaml.Node, Origin]]:
    """The (number, value, origin of the key) of a mapping keyed by paragraph number, each
    number once; a key that is not a number, or a number given twice, is reported and skipped."""
    if node is None:
        return
    if not isinstance(node, yaml.MappingNode):
        problems.add(where(path, node), f"{what}: expected a mapping of paragraph numbers to text, found {kind_of(node)}")
        return
    seen: set[int] = set()
    for key, value in node.value:
        origin = where(path, key)
        number = whole_number(key)
        if number is None:
            digits = " in decimal digits" if isinstance(key, yaml.ScalarNode) and key.tag.endswith(":int") else ""
            problems.add(origin, f"{what}: key {scalar_text(key)} must be a paragraph number{digits}")
            continue
        if number in seen:
            problems.add(origin, f"{what}: paragraph {number} is given twice")
            continue
        seen.add(number)
        yield number, value, origin


def _sentences(count: int) -> str:
    return f"{count} sentence" if count == 1 else f"{count} sentences"


def _paragraphs(path: Path, node: yaml.Node | None, statement: Statement,
                problems: Problems) -> dict[int, tuple[str | None, Bounds, Origin]]:
    """The paragraphs: each one sentence (text) or a list of its sentences, as many as the Japanese has."""
    found: dict[int, tuple[str | None, Bounds, Origin]] = {}
    japanese = {p.number: len(japanese_sentences(p.text, p.lines)) for p in statement.paragraphs}
    paragraphs = {p.number: p for p in statement.paragraphs}
    for number, value, origin in _by_number(path, node, "paragraphs", problems):
        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        sentences: list[str] = []
        for k, item in enumerate(items, start=1):
            if not isinstance(item, yaml.ScalarNode) or item.tag.endswith((":null", ":bool", ":int", ":float")):
                what = f"sentence {k} of paragraph {number}" if isinstance(value, yaml.SequenceNode) else f"paragraph {number}"
                problems.add(where(path, item), f"paragraphs: {what} must be text, found {kind_of(item)}")
                sentences = []
                break
            text = flowing(str(item.value))
            if not text:
                what = f"¶{number}: sentence {k} is empty" if isinstance(value, yaml.SequenceNode) else f"paragraph {number} is empty"
                problems.add(where(path, item), f"paragraphs: {what}")
                sentences = []
                break
            sentences.append(text)
        if not sentences:
            found[number] = (None, (), origin)
            continue
        expected = japanese.get(number)
        if expected is not None and expected != len(sentences) and not _blame_correction(paragraphs[number], len(sentences),
                                                                                             problems):
            given = "one text" if not isinstance(value, yaml.SequenceNode) else _sentences(len(sentences))
            problems.add(origin, f"paragraphs: ¶{number}: the English has {given}, the Japanese {_sentences(expected)} "
                                 "(give the paragraph as a list, one item per sentence)")
        text, bounds = joined_sentences(sentences)
        found[number] = (text, bounds, origin)
    return found


def _blame_correction(paragraph: Paragraph, translated: int, problems: Problems) -> bool:
    """Report, against corrections.yml, a correction that changed how many sentences a paragraph
    has, when the translation follows the text as published; whether it did."""
    published = len(japanese_sentences(paragraph.published, paragraph.published_lines))
    if not paragraph.corrections or published != translated:
        return False
    corrected = len(japanese_sentences(paragraph.text, paragraph.lines))
    culprits = [c for c in paragraph.corrections
                if len(japanese_sentences(c.published)) != len(japanese_sentences(c.corrected))] or paragraph.corrections
    for c in culprits:
        problems.add(c.origin, f"correction {c.number}: makes ¶{paragraph.number} {_sentences(corrected)} where the text as "
                               f"published has {published} and the translation {translated} (a correction that adds "
                               "or removes a sentence end needs the translation to follow)")
    return True


def _numbered(path: Path, node: yaml.Node | None, what: str,
              problems: Problems) -> dict[int, tuple[str | None, Origin]]:
    """A mapping from paragraph number to non-empty text (None where the text is wrong, already reported)."""
    found: dict[int, tuple[str | None, Origin]] = {}
    for number, value, origin in _by_number(path, node, what, problems):
        if not isinstance(value, yaml.ScalarNode) or value.tag.endswith((":null", ":bool")):
            problems.add(where(path, value), f"{what}: paragraph {number} must be text, found {kind_of(value)}")
            found[number] = (None, origin)
        elif not str(value.value).strip():
            problems.add(where(path, value), f"{what}: paragraph {number} is empty")
            found[number] = (None, origin)
        else:
            found[number] = (flowing(str(value.value)), origin)
    return found


def load_translation(path: Path, lang: str, statement: Statement) -> Version | None:
    """Read a translation and check it against the statement; None when the file does not exist."""
    if not path.exists():
        return None
    problems = Problems()
    node = load(path)
    if node is None:
        raise InputError(Origin(display_path(path)), "the translation is empty")
    top = Mapping(path, node, {"title", "subtitle", "headings", "paragraphs", "notes"}, "", problems)
    title = top.text("title")
    subtitle = top.text("subtitle", required=statement.subtitle is not None)
    if subtitle is not None and statement.subtitle is None:
        problems.add(where(path, top.values["subtitle"]), "the statement has no subtitle to translate")

    # Keyed by section slug, and by <slug>-<k> for a section's second-level headings.
    headed = {s.slug: s.heading for s in statement.sections if s.heading is not None}
    headed.update({s.anchor(sub): sub.text for s in statement.sections for sub in s.subheadings})
    headings: dict[str, str] = {}
    given: dict[str, yaml.Node] = {}
    headings_origin = top.origin
    if "headings" in top.values:
        keys = {s.slug for s in statement.sections} | set(headed)
        entries = Mapping(path, top.values["headings"], keys, "headings", problems)
        given, headings_origin = entries.values, entries.origin
        for slug, value in given.items():
            if slug not in headed:
                problems.add(where(path, value), f"headings: section {quoted(slug)} has no heading in the statement")
            elif (text := entries.text(slug)) is not None:
                headings[slug] = text
    for slug, heading in headed.items():
        if slug not in given:
            what = "section" if any(s.slug == slug for s in statement.sections) else "subheading"
            problems.add(headings_origin, f"headings: no translation of the heading of {what} {quoted(slug)} ({heading})")

    count = len(statement.paragraphs)
    paragraphs_node = top.values.get("paragraphs")
    if paragraphs_node is None:
        problems.add(top.origin, "missing key 'paragraphs'")
    paragraphs = _paragraphs(path, paragraphs_node, statement, problems)
    for number, (_, _, origin) in sorted(paragraphs.items()):
        if not 1 <= number <= count:
            problems.add(origin, f"paragraph {number} does not exist (the statement has {count} paragraphs)")
    if paragraphs_node is not None:
        missing = [n for n in range(1, count + 1) if n not in paragraphs]
        for number in missing:
            problems.add(where(path, paragraphs_node), f"paragraph {number} is missing (the statement has {count})")
    notes = _numbered(path, top.values.get("notes"), "notes", problems)
    for number, (_, origin) in sorted(notes.items()):
        if not 1 <= number <= count:
            problems.add(origin, f"note for paragraph {number}, which does not exist")
    if not problems.errors:  # with paragraphs or notes amiss, missing abbreviations would be noise
        _check_abbreviations(statement, {n: (text, origin) for n, (text, _, origin) in paragraphs.items()}, notes,
                             problems)
    problems.raise_if_any()
    assert title is not None
    lines = {}
    for p in statement.paragraphs:
        if p.lines and p.number in paragraphs and paragraphs[p.number][0]:
            lines[p.number] = line_starts(paragraphs[p.number][1], japanese_sentences(p.text, p.lines), p.lines)
    return Version(
        lang=lang,
        title=flowing(title),
        subtitle=flowing(subtitle) if subtitle else None,
        headings={slug: flowing(text) for slug, text in headings.items()},
        paragraphs={n: (Span(text),) for n, (text, _, _) in paragraphs.items() if text},
        notes={n: text for n, (text, _) in notes.items() if text},
        translation=True,
        origin=Origin(where(path, node).path),
        sentences={n: bounds for n, (text, bounds, _) in paragraphs.items() if text},
        lines=lines,
    )
