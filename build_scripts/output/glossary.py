"""What the glossary page says of where an entry is mentioned: one line per paragraph (¶18,
three mentions), and under it each sentence with the mentions in it, linked to that sentence.

The mentions of one sentence (the full name, its abbreviation, a later "IPEF partners") share
one keyword-in-context snippet cut from that sentence, each of them marked; a long stretch
between two is cut to the words next to each.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..linking.mentions import CONTEXT, context
from ..model import Edition, Mention, Section, Term, Version


@dataclass(frozen=True)
class Snippet:
    """Mentions in one sentence, in their context."""

    sentence: int | None
    """k of the sentence's id p<N>.<k>; None where the paragraph has no sentences."""
    before: str
    """The context before the first mention (an ellipsis where it cuts the paragraph)."""
    runs: tuple[tuple[str, bool], ...]
    """From the first mention to the last: each piece of text, and whether it is a mention."""
    after: str
    """The context after the last mention."""


@dataclass(frozen=True)
class MentionGroup:
    """The mentions of an entry in one paragraph."""

    paragraph: int
    section: Section
    count: int
    """How many mentions the paragraph has."""
    snippets: tuple[Snippet, ...]
    """One per sentence with mentions, in text order."""


def sentence_of(version: Version, paragraph: int, offset: int) -> int | None:
    """The number k of the sentence of ¶paragraph that holds the character at `offset`."""
    for k, (start, end) in enumerate(version.sentences.get(paragraph, ()), start=1):
        if start <= offset < end:
            return k
    return None


def _snippets(text: str, mentions: list[Mention], version: Version) -> tuple[Snippet, ...]:
    """One snippet per sentence of one paragraph's mentions (in text order), cut from that sentence."""
    by_sentence: dict[int | None, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(sentence_of(version, m.paragraph, m.start), []).append(m)
    bounds = version.sentences.get(mentions[0].paragraph, ())
    lang, width = version.lang, CONTEXT.get(version.lang, 30)
    snippets = []
    for sentence, found in by_sentence.items():
        first, last = (bounds[sentence - 1] if sentence else (0, len(text)))
        words = text[first:last]
        spans = [(m.start - first, m.start - first + len(m.text), m.text) for m in found]
        pieces: list[tuple[str, bool]] = []
        for k, (start, end, mention) in enumerate(spans):
            if k:
                gap = words[spans[k - 1][1]:start]
                if len(gap) > 2 * width:  # the words after the one mention and before the next
                    after = context(words, spans[k - 1][0], spans[k - 1][1], lang)[1]
                    before = context(words, start, end, lang)[0]
                    gap = after + ("" if lang == "ja" else " ") + before.removeprefix("…")
                if gap:
                    pieces.append((gap, False))
            pieces.append((mention, True))
        before = context(words, spans[0][0], spans[0][1], lang)[0]
        after = context(words, spans[-1][0], spans[-1][1], lang)[1]
        snippets.append(Snippet(sentence, before, tuple(pieces), after))
    return tuple(snippets)


def mention_groups(edition: Edition, lang: str) -> dict[str, tuple[MentionGroup, ...]]:
    """For each entry's id, its mentions in `lang` grouped by paragraph, in text order."""
    version = edition.version(lang)
    groups: dict[str, tuple[MentionGroup, ...]] = {}
    for term in edition.terms:
        by_paragraph: dict[int, list[Mention]] = {}
        for m in edition.mentions_of(term.id, lang):
            by_paragraph.setdefault(m.paragraph, []).append(m)
        groups[term.id] = tuple(
            MentionGroup(number, edition.statement.section_of(number), len(found),
                         _snippets(version.text(number), found, version))
            for number, found in by_paragraph.items())
    return groups


def filter_names(term: Term) -> str:
    """What the page's filter matches an entry by (glossary.js): its names in every language,
    its abbreviation, its reading and the other forms it takes in the text, " | " between."""
    names = [*term.names.values(), term.abbreviation or "", term.yomi]
    names += [form for forms in term.aliases.values() for form in forms]
    return " | ".join(dict.fromkeys(n for n in names if n))
