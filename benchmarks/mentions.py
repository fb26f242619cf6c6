"""Time finding glossary mentions: on the statement, and on a text 100× longer with a glossary 10× larger.

    python benchmarks/mentions.py [--runs N]

The synthetic text repeats the statement's paragraphs 100 times (both languages); the synthetic
glossary adds nine made-up aliases per real one, which never occur, so the automaton is ten
times larger but the mentions are the same. Linear cost means about 100× the time per text.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_scripts.edition import load_edition  # noqa: E402
from build_scripts.mentions import Matcher  # noqa: E402
from build_scripts.model import Term  # noqa: E402


def texts(edition, lang: str, copies: int) -> list[str]:
    """The paragraphs of one language, repeated."""
    paragraphs = ["".join(s.text for s in spans) for spans in edition.version(lang).paragraphs.values()]
    return paragraphs * copies


def larger(terms: tuple[Term, ...], factor: int) -> tuple[Term, ...]:
    """The glossary with (factor - 1) made-up entries per real one."""
    extra = []
    for copy in range(1, factor):
        for t in terms:
            aliases = {lang: tuple(f"{a}{'ゾ' if lang == 'ja' else 'Zq'}{copy}" for a in forms)
                       for lang, forms in t.aliases.items()}
            extra.append(dataclasses.replace(t, id=f"{t.id}-x{copy}", aliases=aliases))
    return terms + tuple(extra)


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure(terms, paragraphs_by_lang, runs: int) -> tuple[float, float, int, int]:
    """Median ms to compile the automata, median ms to find every mention; characters; mentions."""
    def compile_all() -> dict[str, Matcher]:
        return {lang: Matcher(terms, lang) for lang in paragraphs_by_lang}

    matchers = compile_all()

    def find() -> int:
        return sum(len(matchers[lang].find(p)) for lang, ps in paragraphs_by_lang.items() for p in ps)

    chars = sum(len(p) for ps in paragraphs_by_lang.values() for p in ps)
    return median_ms(compile_all, runs), median_ms(find, runs), chars, find()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    edition = load_edition(REPO / "source")
    langs = edition.languages
    base = measure(edition.terms, {lang: texts(edition, lang, 1) for lang in langs}, args.runs)
    big = measure(larger(edition.terms, 10), {lang: texts(edition, lang, 100) for lang in langs}, args.runs)
    aliases = sum(len(a) for t in edition.terms for a in t.aliases.values())
    for label, (compiled, found, chars, mentions), entries in (
        ("statement", base, len(edition.terms)), ("100x text, 10x glossary", big, len(edition.terms) * 10)
    ):
        print(f"{label:24} find {found:8.2f} ms for {chars:>9,} chars ({found * 1000 / chars:.3f} µs/char), "
              f"{mentions:>6,} mentions; compile {compiled:6.2f} ms for {entries} entries")
    print(f"find time ratio {big[1] / base[1]:.1f}x for {big[2] / base[2]:.0f}x the text (linear: about "
          f"{big[2] / base[2]:.0f}x)")
    del aliases


if __name__ == "__main__":
    main()
