"""Time finding glossary mentions: on the statement, and on texts up to 100× longer with a glossary 10× larger.

    python benchmarks/mentions.py [--runs N]

The synthetic texts repeat the statement's paragraphs 10 and 100 times (both languages); the
larger glossary adds nine made-up entries per real one, whose aliases never occur, so the
automata are ten times larger but the mentions are the same. Linear cost shows as a constant
time per character. Medians of N runs; "compile" builds the automata, "find" finds every mention.
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
from build_scripts.linking.mentions import Matcher  # noqa: E402
from build_scripts.model import Term  # noqa: E402


def texts(edition, lang: str, copies: int) -> list[str]:
    """The paragraphs of one language, repeated."""
    paragraphs = ["".join(s.text for s in spans) for spans in edition.version(lang).paragraphs.values()]
    return paragraphs * copies


def larger(terms: tuple[Term, ...], factor: int) -> tuple[Term, ...]:
    """The glossary with (factor - 1) made-up entries per real one."""
    extra: list[Term] = []
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
    print(f"{'glossary':>18} {'text':>6} {'chars':>10} {'mentions':>9} {'compile':>9} {'find':>10} {'per char':>11}")
    for factor in (1, 10):
        terms = larger(edition.terms, factor)
        for copies in (1, 10, 100):
            compiled, found, chars, mentions = measure(
                terms, {lang: texts(edition, lang, copies) for lang in edition.languages}, args.runs)
            print(f"{len(terms):>9} entries {copies:>5}x {chars:>10,} {mentions:>9,} {compiled:>7.2f}ms "
                  f"{found:>8.2f}ms {found * 1e6 / chars:>8.1f} ns")


if __name__ == "__main__":
    main()
