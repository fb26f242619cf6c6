"""Time the generator stage alone and the whole build, on the real statement.

    python benchmarks/build.py [--runs N]

First as a reader of the README would: N times, a fresh `git clone` of the committed
repository and `statement-site build` in it (a new process each time, imports included; the
clone is not timed), once with the per-user cache of compiled templates empty (as on a
machine's first build: every template compiles) and once with it filled by earlier builds.
Then in one process, N times each: the generator stage (the plugin reading, checking,
correcting and rendering the statement; the pages go to MkDocs in memory) and the whole
build. Prints medians and the generator's share.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_scripts.build import build_site, load  # noqa: E402


def median_seconds(action, runs: int) -> float:
    """Median wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def generator_seconds(out: str) -> float:
    """The generator's time from the output of `statement-site build`: its statement and pages lines."""
    return sum(float(x) for x in re.findall(r"^(?:statement|pages): .*\(([\d.]+) s\)$", out, re.M))


def build_fresh_clone(tmp: str, empty_cache: bool) -> tuple[float, str]:
    """Clone the repository into tmp and build it in a new process: wall seconds and output."""
    clone = Path(tmp) / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    env = {**os.environ, "PYTHONPATH": str(clone)}
    if empty_cache:  # Jinja's cache lives in the temporary folder, which follows $TMPDIR
        (Path(tmp) / "tmp").mkdir()
        env["TMPDIR"] = str(Path(tmp) / "tmp")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "build_scripts.cli", "build"], cwd=clone, check=True,
                         capture_output=True, text=True, env=env).stdout
    return time.perf_counter() - start, out


def clean_checkouts(runs: int, empty_cache: bool) -> None:
    """Whole builds from fresh clones, each in a new process."""
    walls, generators = [], []
    if not empty_cache:  # one build of another clone first fills the cache
        with tempfile.TemporaryDirectory() as tmp:
            build_fresh_clone(tmp, empty_cache=False)
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            wall, out = build_fresh_clone(tmp, empty_cache)
            walls.append(wall)
            generators.append(generator_seconds(out))
    wall, generator = statistics.median(walls), statistics.median(generators)
    cache = "compiled-template cache empty" if empty_cache else "compiled-template cache filled"
    print(f"clean checkout, new process, {cache}: whole build {wall:.2f} s, generator {generator:.2f} s "
          f"({generator / wall:.1%}) (medians of {runs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    clean_checkouts(args.runs, empty_cache=True)
    clean_checkouts(args.runs, empty_cache=False)
    config_file = REPO / "mkdocs.yml"
    config, plugin = load(config_file)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        cold = median_seconds(lambda: plugin.generate(config), 1)  # first run: templates compile
        build_site(config_file, site)  # warm-up: imports, theme, caches
        generator = median_seconds(lambda: plugin.generate(config), args.runs)
        whole = median_seconds(lambda: build_site(config_file, site), args.runs)
    print(f"generator stage: {generator * 1000:.1f} ms (median of {args.runs}); "
          f"first run in a process {cold * 1000:.1f} ms")
    print(f"whole build:     {whole * 1000:.1f} ms (median of {args.runs})")
    print(f"generator share: {generator / whole:.1%} of the whole build")


if __name__ == "__main__":
    main()
