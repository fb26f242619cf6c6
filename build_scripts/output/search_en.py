"""English word forms for search: Snowball stems and British/American spellings of the text's words.

The browser stems a query's words with the Snowball English stemmer (the vendored
docs/assets/vendor/wink-porter2-stemmer.js, from npm) and the text's words with the same
stemmer, so `cooperate` finds "cooperation" and `sanctioned` "sanctions". The build stems the
text's words with the Snowball project's own Python binding of the same algorithm (PyStemmer,
pinned to 2.2.0.3: Snowball 2.2.0, whose English stemmer the JavaScript implements; Snowball 3
stems some words otherwise; the tests check that the two agree word for word) to choose the
spellings the index carries.

British and American spellings come from the list of the `eng` package (orsinium-labs/eng,
MIT; `eng/words.txt`, about 1,900 British words with their American spelling, from
defence/defense to programme/program). The index carries the pairs whose either side has the
stem of a word of the text: a reader who writes `defence` or `modernise` finds "defense" and
"modernize", and one who writes `defense` finds "defence" in a British text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
"""A word of letters (stems and spellings are of letters only)."""


@functools.cache
def _stemmer():
    # (imported here: a build that finds the spellings in the cache, search_cache.py, needs no
    # stemmer; PyStemmer is a C extension, imported ten times quicker than snowballstemmer)
    import Stemmer

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """The Snowball English stem of a lower-case word."""
    return _stemmer().stemWord(word)


@functools.cache
def spelling_list() -> tuple[tuple[str, str], ...]:
    """(British, American) pairs of eng's word list.

    Read from the package's data file (eng 0.1.2, `eng/words.txt`, one `british<TAB>american`
    a line): eng has no public function for it (`eng._fixer.get_words` is private). This is
    the one place that reads it; tests/test_search_words.py checks that it still holds the
    pairs we rely on.
    """
    # (located without importing eng, whose import takes a tenth of a second)
    text = Path(str(metadata.distribution("eng").locate_file("eng/words.txt"))).read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip():
            british, american = line.split("\t")
            pairs.append((british.strip().lower(), american.strip().lower()))
    return tuple(pairs)


def spellings(texts: Iterable[str]) -> list[list[str]]:
    """The [British, American] pairs that concern the words of these texts (by stem)."""
    # Snowball in pure Python takes over 0.1 ms a word, and the list and a text have thousands:
    # a stem is the word's first letters (Snowball changes at most a final y), at least three
    # of them or the whole word, so only words that begin as some word on the other side does
    # are stemmed.
    pairs = [(b, a) for b, a in spelling_list() if b != a]
    listed = {w[:3] for pair in pairs for w in pair}
    words = {m.group().lower() for text in texts for m in WORD.finditer(text)}
    stems = {stem(w) for w in words if w[:3] in listed}
    starts = {w[:3] for w in words}
    return [[british, american] for british, american in pairs
            if (british[:3] in starts or american[:3] in starts)
            and (stem(british) in stems or stem(american) in stems)]
