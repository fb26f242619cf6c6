"""Write a synthetic statement N times the size of ours, in the same form, with its data files.

    python benchmarks/synthetic.py OUT_DIR [--times 100]

The body of source/statement.ja.txt (headings and paragraphs, page-break splits included)
is repeated N times under the real header, and translation.en.yml is repeated to match.
The glossary grows in proportion: copy k of the text (k ≥ 2) names its own entries, each
mention of an entry there carrying the mark "-k" ("クアッド-2", "Quad-2"), and the glossary
holds a copy "quad-2" of each entry whose names and aliases carry that mark. So each of the
N × 100 entries is mentioned as often as in our statement. Sections get numbered slugs, and
each copy keeps the corrections of the paragraphs it copies.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build_scripts.edition import load_edition, read_statement  # noqa: E402
from build_scripts.linking.mentions import Matcher  # noqa: E402


def _marked(text: str, matcher: Matcher, mark: str) -> str:
    """The text with the mark after every glossary mention."""
    for match in reversed(matcher.find(text)):
        text = text[:match.end] + mark + text[match.end:]
    return text


def _glossary_copy(entry: dict, mark: str) -> dict:
    """A glossary entry of copy k: its id, names and aliases marked, its links kept in the copy."""
    entry = copy.deepcopy(entry)
    entry["id"] += mark
    entry["related"] = [other + mark for other in entry.get("related", [])]
    entry.pop("abbreviation", None)
    for lang in ("ja", "en"):
        entry[lang]["name"] += mark
        entry[lang]["aliases"] = [alias + mark for alias in entry[lang].get("aliases", [])]
        # An excluded form is not a mention, so the copies leave it unmarked: "同盟-k" never occurs in it.
        entry[lang].pop("excludes", None)
    return entry


def write_synthetic(out: Path, times: int, source: Path = REPO / "source") -> None:
    """Write statement.ja.txt, translation.en.yml and glossary.yml for an N-times statement."""
    edition = load_edition(source)
    statement = edition.statement
    lines = (source / "statement.ja.txt").read_text(encoding="utf-8").split("\n")
    header_end = next(i for i, line in enumerate(lines) if "年" in line and "月" in line and line.strip().endswith("日"))
    header, body = lines[: header_end + 1], lines[header_end + 1:]
    headings = {s.heading for s in statement.sections if s.heading}
    ja, en = Matcher(edition.terms, "ja"), Matcher(edition.terms, "en")
    copies = [body] + [[line if line.strip() in headings else _marked(line, ja, f"-{k}") for line in body]
                       for k in range(2, times + 1)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "statement.ja.txt").write_text("\n".join(header + [line for c in copies for line in c]) + "\n",
                                          encoding="utf-8")

    real = yaml.safe_load((source / "translation.en.yml").read_text(encoding="utf-8"))
    headings_by_text = {s.heading: real["headings"][slug] for s, slug in zip(
        statement.sections, ["opening", *real["headings"]], strict=True) if s.heading}
    synthetic = read_statement(out / "statement.ja.txt")
    count = len(statement.paragraphs)

    def paragraph(n: int) -> list[str]:
        """The sentences of ¶n: those of the real paragraph it copies, its glossary names marked."""
        k, sentences = (n - 1) // count + 1, real["paragraphs"][(n - 1) % count + 1]
        sentences = [sentences] if isinstance(sentences, str) else sentences
        return sentences if k == 1 else [_marked(sentence, en, f"-{k}") for sentence in sentences]

    translation = {
        "title": real["title"],
        "subtitle": real["subtitle"],
        "headings": {s.slug: headings_by_text[s.heading] for s in synthetic.sections if s.heading},
        "paragraphs": {n: paragraph(n) for n in range(1, len(synthetic.paragraphs) + 1)},
        # Each copy keeps the translator's notes (the build checks that they name the abbreviations
        # the Japanese gives).
        "notes": {n: real["notes"][(n - 1) % count + 1] for n in range(1, len(synthetic.paragraphs) + 1)
                  if (n - 1) % count + 1 in real["notes"]},
    }
    with (out / "translation.en.yml").open("w", encoding="utf-8") as f:
        yaml.safe_dump(translation, f, allow_unicode=True, sort_keys=False, width=1000)
    # Each copy keeps the corrections of the paragraphs it copies (marked as its text is), so
    # that its Japanese says what its English translates (¶21's CEESI, ※10).
    corrections = yaml.safe_load((source / "corrections.yml").read_text(encoding="utf-8")) or []
    copied = [{**c, "paragraph": c["paragraph"] + (k - 1) * count,
               "published": _marked(c["published"], ja, f"-{k}") if k > 1 else c["published"],
               "corrected": _marked(c["corrected"], ja, f"-{k}") if k > 1 else c["corrected"]}
              for k in range(1, times + 1) for c in corrections]
    with (out / "corrections.yml").open("w", encoding="utf-8") as f:
        yaml.safe_dump(copied, f, allow_unicode=True, sort_keys=False, width=1000)
    glossary = yaml.safe_load((source / "glossary.yml").read_text(encoding="utf-8"))
    grown = glossary + [_glossary_copy(entry, f"-{k}") for k in range(2, times + 1) for entry in glossary]
    with (out / "glossary.yml").open("w", encoding="utf-8") as f:
        yaml.safe_dump(grown, f, allow_unicode=True, sort_keys=False, width=1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--times", type=int, default=100)
    args = parser.parse_args()
    write_synthetic(args.out, args.times)
    print(f"wrote a statement {args.times}x the size of ours to {args.out}")


if __name__ == "__main__":
    main()
