"""Costs at 1×, 10× and 100× the size of our statement: build, generator, glossary matching,
search index size and search latency.

    python benchmarks/scale.py [--sizes 1 10 100]

For each size: writes a synthetic statement (benchmarks/synthetic.py), builds it with
`statement-site build` (wall time and the generator's own figures from its output), times
mention-finding, and measures the search index and latency (benchmarks/search.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from build import generator_seconds  # noqa: E402
from mentions import measure, texts  # noqa: E402
from search import first_queries, index_sizes, latencies  # noqa: E402
from synthetic import write_synthetic  # noqa: E402

from build_scripts.edition import load_edition  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            source, site = Path(tmp) / f"s{size}", Path(tmp) / f"site{size}"
            write_synthetic(source, size)
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "build_scripts.cli", "build", "--config",
                                  str(REPO / "mkdocs.yml"), "--source", str(source), "--site-dir", str(site)],
                                 capture_output=True, text=True, check=True, cwd=tmp).stdout
            wall = time.perf_counter() - start
            generator = generator_seconds(out)
            edition = load_edition(source)
            _, found, chars, mentions = measure(edition.terms, {lang: texts(edition, lang, 1) for lang in edition.languages}, 3)
            print(f"{size}x: {len(edition.statement.paragraphs):,} paragraphs, {chars:,} characters; build {wall:.1f} s "
                  f"(generator {generator:.2f} s = {generator / wall:.1%}); "
                  f"mention-finding {found:.1f} ms for {mentions:,} mentions")
            for row in index_sizes(site) + latencies(site, 1) + first_queries(site, 1):
                print(row)


if __name__ == "__main__":
    main()
