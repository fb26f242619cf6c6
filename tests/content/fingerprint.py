"""Fingerprints of a text's runs of words, to keep our translation from repeating another one.

Run as `python -m tests.content.fingerprint OFFICIAL.txt > tests/content/official_english.txt`
with the official English text of the statement (or the passages of it at hand): it writes
one hash per run of RUN words, so the check needs no copy of that text in the repository.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable

RUN = 12
"""A run of this many words identical to the official English is too many (names aside)."""

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The words of a text, lower case, apostrophes and punctuation dropped ("Russia's" → "russias")."""
    return _WORD.findall(text.lower().replace("'", "").replace("\u2019", ""))


def runs(tokens: list[str], length: int = RUN) -> Iterable[tuple[str, ...]]:
    """Every run of `length` consecutive words."""
    return (tuple(tokens[i:i + length]) for i in range(len(tokens) - length + 1))


def digest(run: tuple[str, ...]) -> str:
    """The fingerprint of one run."""
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def main(paths: list[str]) -> int:
    found: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for paragraph in f.read().split("\n"):
                found.update(digest(run) for run in runs(words(paragraph)))
    print(f"# {RUN}-word runs of the official English text (sha256, first 16 hex digits); "
          "regenerate with: python -m tests.content.fingerprint FILE")
    print("\n".join(sorted(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
