"""The corpus of malformed inputs (tests/bad_inputs.yml): one clear line each, exit 1, no
traceback, the previous site untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_scripts.cli import main
from build_scripts.sitefolder import MARK, write_mark

from .conftest import REPO, STATEMENT_DIR

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs.yml").read_text(encoding="utf-8"))


def apply(case: dict, source: Path) -> None:
    path = source / case["file"]
    if case.get("delete"):
        path.unlink()
    elif "hex" in case:
        path.write_bytes(bytes.fromhex(case["hex"]))
    elif "encode" in case:
        path.write_bytes(path.read_text(encoding="utf-8").encode(case["encode"]))
    elif "content" in case:
        path.write_text(case["content"], encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        for old, new in case.get("replace", []):
            assert old in text, (case["name"], old)
            text = text.replace(old, new, 1)
        if "splice" in case:  # replace everything from one marker up to another
            start, end, new = case["splice"]
            assert start in text and end in text, case["name"]
            text = text[:text.index(start)] + new + text[text.index(end):]
        text += case.get("content_append", "")
        path.write_text(text, encoding="utf-8")


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case, tmp_path, capsys, monkeypatch):
    shutil.copytree(STATEMENT_DIR, tmp_path / "source")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    write_mark(site)  # a site of ours, which a build may replace
    apply(case, tmp_path / "source")
    monkeypatch.chdir(tmp_path)
    args = ["build", "--config", str(REPO / "mkdocs.yml"), "--source", "source", "--site-dir", "site"]
    status = main(args + (["--strict"] if case.get("strict") else []))
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    assert err.splitlines() == case["errors"]
    assert sorted(p.name for p in site.iterdir()) == [MARK, "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
