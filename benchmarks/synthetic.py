"""Write a synthetic statement N times the size of ours, in the same form, with its data files.

    python benchmarks/synthetic.py OUT_DIR [--times 100]

The body of source/statement.ja.txt (headings and paragraphs, page-break splits included)
is repeated N times under the real header; translation.en.yml is repeated to match, and the
glossary is reused as is (every entry is still mentioned). Sections get numbered slugs and
there are no corrections, since those name paragraphs of the real text.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_scripts.edition import read_statement  # noqa: E402


def write_synthetic(out: Path, times: int) -> None:
    """Write statement.ja.txt, translation.en.yml and glossary.yml for an N-times statement."""
    source = REPO / "source"
    lines = (source / "statement.ja.txt").read_text(encoding="utf-8").split("\n")
    header_end = next(i for i, line in enumerate(lines) if "年" in line and "月" in line and line.strip().endswith("日"))
    header, body = lines[: header_end + 1], lines[header_end + 1:]
    out.mkdir(parents=True, exist_ok=True)
    (out / "statement.ja.txt").write_text("\n".join(header + body * times) + "\n", encoding="utf-8")

    statement = read_statement(source / "statement.ja.txt")
    real = yaml.safe_load((source / "translation.en.yml").read_text(encoding="utf-8"))
    headings_by_text = {s.heading: real["headings"][slug] for s, slug in zip(
        statement.sections, ["opening", *real["headings"]]) if s.heading}
    synthetic = read_statement(out / "statement.ja.txt")
    count = len(statement.paragraphs)
    translation = {
        "title": real["title"],
        "subtitle": real["subtitle"],
        "headings": {s.slug: headings_by_text[s.heading] for s in synthetic.sections if s.heading},
        "paragraphs": {n: real["paragraphs"][(n - 1) % count + 1] for n in range(1, len(synthetic.paragraphs) + 1)},
    }
    with (out / "translation.en.yml").open("w", encoding="utf-8") as f:
        yaml.safe_dump(translation, f, allow_unicode=True, sort_keys=False, width=1000)
    shutil.copy(source / "glossary.yml", out / "glossary.yml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--times", type=int, default=100)
    args = parser.parse_args()
    write_synthetic(args.out, args.times)
    print(f"wrote a statement {args.times}x the size of ours to {args.out}")


if __name__ == "__main__":
    main()
