"""Time the generator stage alone and the whole build, on the real statement.

    python benchmarks/build.py [--runs N]

The generator stage is reading, checking, correcting and rendering the statement and
writing the docs folder; the whole build adds MkDocs.
Prints the median of N runs of each and the generator's share of the whole build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_scripts.build import build_site, generate  # noqa: E402
from build_scripts.project import Project  # noqa: E402


def median_seconds(action, runs: int) -> float:
    """Median wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    project = Project.at(REPO / "mkdocs.yml", REPO / "source")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        cold = median_seconds(lambda: generate(project), 1)  # first run: templates compile
        build_site(project, generate(project).edition, site)  # warm-up: imports, theme, caches
        generator = median_seconds(lambda: generate(project), args.runs)
        whole = median_seconds(lambda: build_site(project, generate(project).edition, site), args.runs)
    print(f"generator stage: {generator * 1000:.1f} ms (median of {args.runs}); "
          f"first run in a process {cold * 1000:.1f} ms")
    print(f"whole build:     {whole * 1000:.1f} ms (median of {args.runs})")
    print(f"generator share: {generator / whole:.1%} of the whole build")


if __name__ == "__main__":
    main()
