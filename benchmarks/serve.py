"""Time from saving a file in source/ to the reloaded page under `mkdocs serve` (median of N).

    python benchmarks/serve.py [--runs N]

Copies the project to a temporary folder, starts `mkdocs serve` there on a loopback port, opens
a section page in Chromium (which connects to MkDocs' live reload), then repeatedly edits the
reason of a correction in source/corrections.yml and waits until the page shows the new text.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import CHROMIUM, make_project, mkdocs_serve, open_when_served  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root)
        corrections = root / "source" / "corrections.yml"
        original = corrections.read_text(encoding="utf-8")
        times = []
        with mkdocs_serve(root) as (url, _), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            open_when_served(page, url + "/corrections/")
            page.wait_for_timeout(1500)
            for run in range(args.runs):
                marker = f"計測{run}回目"
                start = time.perf_counter()
                corrections.write_text(original.replace("歴史的仮名遣い", marker), encoding="utf-8")
                page.wait_for_function(f"() => document.body.innerText.includes({marker!r})", timeout=60000, polling=20)
                times.append(time.perf_counter() - start)
                page.wait_for_timeout(1500)
            browser.close()
    print(f"mkdocs serve: save in source/ to reloaded page: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s, max {max(times):.2f} s ({len(times)} edits)")


if __name__ == "__main__":
    main()
