"""Lighthouse scores (mobile) for section and glossary pages in both languages.

    python benchmarks/lighthouse.py SITE_DIR [PATH ...] [--runs N]

Runs npm's lighthouse (pinned in package.json; `npm ci` installs it) with Debian's Chromium
against the built site served on loopback with gzip (as static hosts serve it), and prints the
four category scores per page (each the median of N runs: Lighthouse's simulated throttling
varies from run to run on a busy 2-core machine) and the audits that lost points in the run
with the median performance score.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.conftest import CHROMIUM, serve  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            "--form-factor=mobile", f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
            "--disable-component-update --no-first-run",
        ], check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
        return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*", default=["/alliance/", "/glossary/", "/en/alliance/", "/en/glossary/"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    httpd, url = serve(args.site, compress=True)
    try:
        for path in args.paths:
            reports = sorted((audit(url + path) for _ in range(args.runs)),
                             key=lambda r: r["categories"]["performance"]["score"])
            report = reports[len(reports) // 2]
            scores = {c: round(statistics.median(r["categories"][c]["score"] for r in reports) * 100) for c in CATEGORIES}
            runs = ", ".join(str(round(r["categories"]["performance"]["score"] * 100)) for r in reports)
            print(f"{path:18} " + "  ".join(f"{c} {s}" for c, s in scores.items()) + f"   (performance runs: {runs})")
            for category in CATEGORIES:
                for ref in report["categories"][category]["auditRefs"]:
                    result = report["audits"][ref["id"]]
                    if ref["weight"] and result["score"] is not None and result["score"] < 1:
                        print(f"    {category}: {ref['id']} ({result['score']}) {result.get('displayValue', '')}")
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main()
