"""Find every mention of every glossary entry in one pass over the text, and link them.

All aliases of one language go into one Aho-Corasick automaton (pyahocorasick), so finding
mentions is linear in the length of the text whatever the size of the glossary. Among the
candidates, the leftmost-longest win; a candidate must not cut a Latin word or a katakana
word in two (Japanese has no spaces, so those are the only word edges we can trust).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import ahocorasick

from ..model import Edition, Mention, Span, Term, Version

CONTEXT = {"ja": 16, "en": 40}
"""Characters of context on each side of a mention in keyword-in-context snippets."""


@dataclass(frozen=True)
class Match:
    """A mention found in a text: [start, end) and the entry's id."""

    start: int
    end: int
    term_id: str
    """The entry's id, or EXCLUDED for an excluded form (dropped once chosen)."""


EXCLUDED = ""
"""The owner of an excluded form in the automaton: no entry's id is empty."""


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _is_katakana(char: str) -> bool:
    return "\u30a0" <= char <= "\u30ff" or "\uff66" <= char <= "\uff9f"


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """Whether [start, end) begins or ends inside a Latin or katakana word."""
    for inside, outside in ((start, start - 1), (end - 1, end)):
        if 0 <= outside < len(text):
            a, b = text[inside], text[outside]
            if (_is_latin(a) and _is_latin(b)) or (_is_katakana(a) and _is_katakana(b)):
                return True
    return False


class Matcher:
    """The aliases of every entry in one language, compiled into one automaton.

    An entry's excluded forms (同盟国 "allies" for 同盟 "the Alliance") go into the automaton
    too, owned by no entry: found as the longer candidate, they keep the alias inside them
    from linking, and are then dropped.
    """

    def __init__(self, terms: tuple[Term, ...], lang: str) -> None:
        self.automaton = ahocorasick.Automaton()
        owners: dict[str, str] = {}
        for term in terms:
            for alias in term.aliases.get(lang, ()):
                # An alias shared by two entries links to the first; the glossary check reports it.
                owners.setdefault(alias, term.id)
        for term in terms:
            for form in term.excludes.get(lang, ()):
                owners.setdefault(form, EXCLUDED)  # another entry's alias stays that entry's
        for alias, term_id in owners.items():
            self.automaton.add_word(alias, (term_id, len(alias)))
        self.empty = not owners
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str, breaks: tuple[int, ...] = ()) -> list[Match]:
        """Leftmost-longest mentions, not overlapping, never inside another word, never across
        a break (where a line of a paragraph begins: a list item, a note, a row)."""
        if self.empty:
            return []
        candidates = [
            Match(end + 1 - length, end + 1, term_id)
            for end, (term_id, length) in self.automaton.iter(text)
            if not _cuts_a_word(text, end + 1 - length, end + 1)
            and not any(end + 1 - length < cut < end + 1 for cut in breaks)
        ]
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Match] = []
        for match in candidates:
            if not chosen or match.start >= chosen[-1].end:
                chosen.append(match)
        return [m for m in chosen if m.term_id != EXCLUDED]


def _link_spans(spans: tuple[Span, ...], matches: list[Match]) -> tuple[Span, ...]:
    """Split spans so that the first mention of each entry is a run of its own, linked.

    A mention links only if it lies within one run; inside a corrected run it must be the
    whole run (a correction keeps a single ※ marker).
    """
    linked: set[str] = set()
    result: list[Span] = []
    offset = 0
    for span in spans:
        start, end = offset, offset + len(span.text)
        offset = end
        inside = [m for m in matches if start <= m.start and m.end <= end and m.term_id not in linked]
        if span.correction is not None:
            whole = [m for m in inside if (m.start, m.end) == (start, end)]
            if whole:
                linked.add(whole[0].term_id)
                span = dataclasses.replace(span, term_id=whole[0].term_id)
            result.append(span)
            continue
        cursor = start
        for m in inside:
            if m.term_id in linked:
                continue
            linked.add(m.term_id)
            if m.start > cursor:
                result.append(Span(span.text[cursor - start:m.start - start]))
            result.append(Span(span.text[m.start - start:m.end - start], term_id=m.term_id))
            cursor = m.end
        if cursor < end:
            result.append(Span(span.text[cursor - start:]))
    return tuple(result)


def _snippet(text: str, match: Match, lang: str, paragraph: int) -> Mention:
    width = CONTEXT.get(lang, 30)
    before = text[max(0, match.start - width):match.start]
    after = text[match.end:match.end + width]
    cut_before, cut_after = match.start - width > 0, match.end + width < len(text)
    if lang != "ja":  # whole words only at the edges of an English snippet
        if cut_before and " " in before:
            before = before[before.index(" ") + 1:]
        if cut_after and " " in after:
            after = after[:after.rindex(" ")]
    # The ellipses say where the snippet cuts the paragraph.
    before = "…" + before if cut_before else before
    after = after + "…" if cut_after else after
    return Mention(match.term_id, lang, paragraph, before, text[match.start:match.end], after, match.start)


def link_version(version: Version, matcher: Matcher) -> tuple[Version, list[Mention]]:
    """Link the first mention of each entry in every paragraph; return all mentions found."""
    mentions: list[Mention] = []
    paragraphs = {}
    for number, spans in version.paragraphs.items():
        text = version.text(number)
        matches = matcher.find(text, version.lines.get(number, ()))
        mentions.extend(_snippet(text, m, version.lang, number) for m in matches)
        paragraphs[number] = _link_spans(spans, matches)
    return dataclasses.replace(version, paragraphs=paragraphs), mentions


def link_mentions(edition: Edition, terms: tuple[Term, ...]) -> Edition:
    """The edition with glossary links in every language and the mentions of every entry."""
    versions, mentions = [], []
    for version in edition.versions:
        linked, found = link_version(version, Matcher(terms, version.lang))
        versions.append(linked)
        mentions.extend(found)
    return dataclasses.replace(edition, versions=tuple(versions), terms=terms, mentions=tuple(mentions))
