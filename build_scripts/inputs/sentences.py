"""Where each sentence of a paragraph begins and ends, so that ¶N sentence k is the same
sentence in every language (its id is p<N>.<k>).

Japanese sentences end at 。 (and ！ ？), with any closing brackets after it (。」); a line of
a paragraph (a list item, a note, a row of a table) begins a sentence of its own. The
translation states its sentence boundaries itself (one YAML list item per sentence): full
stops inside "U.S." or "No." end nothing, so a translation is never split by guesswork; its
lines begin with the sentences that begin the original's.
"""

from __future__ import annotations

Bounds = tuple[tuple[int, int], ...]
"""(start, end) of each sentence in a paragraph's text, in order."""

_ENDS = "。！？"
CLOSERS = "」』）)】〕〉》\"'”’"
"""Closing brackets and quotes: after a sentence's end mark, still part of the sentence."""
_PAIRS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "〈": "〉", "《": "》", "“": "”"}
_GOES_ON = "とはがをにのでもや、"
"""After 。」 these go on with the sentence the quote is part of: 「…する。」と述べた。"""


def _brackets(text: str) -> dict[int, int]:
    """Each opening bracket that is closed, and where: an unclosed one is a typo, not a quote."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, char in enumerate(text):
        if char in _PAIRS:
            stack.append(i)
        elif char in _PAIRS.values():
            for depth in range(len(stack) - 1, -1, -1):
                if _PAIRS[text[stack[depth]]] == char:
                    pairs[stack[depth]] = i
                    del stack[depth:]
                    break
    return pairs


def japanese_sentences(text: str, lines: tuple[int, ...] = ()) -> Bounds:
    """The sentences of a Japanese paragraph: at 。 (closing brackets included), and at the
    start of each of its lines (a list item, a note, a row is a sentence of its own).

    A 。 inside brackets opened in the middle of a sentence ends nothing: 両国（以下「両国」という。）は、
    … is one sentence, and so is 大臣は「…する。」と述べた。 A quotation that is a sentence of its
    own (「…。」 at its start) ends at its 。 and closing bracket, as do the sentences inside it.
    """
    bounds: list[tuple[int, int]] = []
    cuts = set(lines)
    pairs = _brackets(text)
    inside: list[tuple[int, bool]] = []  # (where the open bracket closes, whether it opened the sentence)
    start = 0
    i = 0
    while i < len(text):
        if i in cuts and i > start:
            bounds.append((start, i))
            start, inside = i, []
        char = text[i]
        while inside and inside[-1][0] < i:
            inside.pop()
        if i in pairs:
            inside.append((pairs[i], not text[start:i].strip(" 　" + "".join(_PAIRS))))
        elif char in _ENDS and all(at_start for _, at_start in inside):
            end = i + 1
            while end < len(text) and text[end] in CLOSERS and end not in cuts:
                end += 1
            if end > i + 1 and end < len(text) and text[end] in _GOES_ON and end not in cuts:
                i = end  # 「…する。」と述べた。: the quotation is part of this sentence
                continue
            bounds.append((start, end))
            start = i = end
            continue
        i += 1
    if text[start:].strip():
        bounds.append((start, len(text)))
    return tuple(_trimmed(text, b) for b in bounds if text[b[0]:b[1]].strip())


def joined_sentences(sentences: list[str], separator: str = " ") -> tuple[str, Bounds]:
    """A paragraph's text from its sentences, and where each one is in it."""
    text, bounds = "", []
    for sentence in sentences:
        if text:
            text += separator
        bounds.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text, tuple(bounds)


def line_starts(bounds: Bounds, original: Bounds, lines: tuple[int, ...]) -> tuple[int, ...]:
    """Where the lines of a paragraph begin in a translation: line k of the original begins
    with some sentence, and so does line k of the translation (`bounds` the translation's
    sentences, `original` and `lines` the original's)."""
    starts = []
    for line in lines:
        k = next((k for k, (start, _) in enumerate(original) if start >= line), None)
        if k is None or k >= len(bounds):
            break  # the counts differ: reported where the translation is read
        starts.append(bounds[k][0])
    return tuple(starts)


def _trimmed(text: str, bound: tuple[int, int]) -> tuple[int, int]:
    """A sentence's bounds without the white space at either end."""
    start, end = bound
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
