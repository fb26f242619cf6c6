"""Where each sentence of a paragraph begins and ends, so that ¶N sentence k is the same
sentence in every language (its id is p<N>.<k>).

Japanese sentences end at 。 (and ！ ？), with any closing brackets after it (。」); a list
item is a sentence of its own, however it ends. The translation states its sentence
boundaries itself (one YAML list item per sentence): full stops inside "U.S." or "No." end
nothing, so a translation is never split by guesswork.
"""

from __future__ import annotations

Bounds = tuple[tuple[int, int], ...]
"""(start, end) of each sentence in a paragraph's text, in order."""

_ENDS = "。！？"
_CLOSERS = "」』）)】〕〉》\"'”’"


def japanese_sentences(text: str) -> Bounds:
    """The sentences of a Japanese paragraph: at 。 (closing brackets included) and at line ends."""
    bounds: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in _ENDS:
            end = i + 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            bounds.append((start, end))
            start = i = end
            continue
        if char == "\n":
            if text[start:i].strip():
                bounds.append((start, i))
            start = i + 1
        i += 1
    if text[start:].strip():
        bounds.append((start, len(text)))
    return tuple(_trimmed(text, b) for b in bounds if text[b[0]:b[1]].strip())


def joined_sentences(sentences: list[str], joiner) -> tuple[str, Bounds]:
    """A paragraph's text from its sentences, and where each one is in it.

    `joiner(text, sentence)` gives the separator before a sentence (a space, or a line
    break before a list item).
    """
    text, bounds = "", []
    for sentence in sentences:
        if text:
            text += joiner(text, sentence)
        bounds.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text, tuple(bounds)


def _trimmed(text: str, bound: tuple[int, int]) -> tuple[int, int]:
    """A sentence's bounds without the white space at either end."""
    start, end = bound
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
