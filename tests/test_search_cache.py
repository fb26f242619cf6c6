"""The word-form tables kept between builds (build_scripts/output/search_cache.py): read back
as made, made again when the texts or a file change, and never a reason for a build to fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.edition import load_edition
from build_scripts.output import search_cache
from build_scripts.output.render import load_strings
from build_scripts.output.search import search_pages

from .conftest import REPO, STATEMENT_DIR


class Maker:
    """A table maker that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, texts) -> list[list[str]]:
        self.calls += 1
        return [[text, text.upper()] for text in texts]


def test_a_table_is_made_once_and_read_back(tmp_path: Path):
    make = Maker()
    first = search_cache.cached_table("t", ["ab", "cd"], make, tmp_path)
    assert search_cache.cached_table("t", ["ab", "cd"], make, tmp_path) == first == [["ab", "AB"], ["cd", "CD"]]
    assert make.calls == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"statement-site-t-{search_cache.cache_key('t', ['ab', 'cd'])}.json"]


def test_other_texts_or_another_kind_make_another_table(tmp_path: Path):
    make = Maker()
    search_cache.cached_table("t", ["ab"], make, tmp_path)
    assert search_cache.cached_table("t", ["ab", "x"], make, tmp_path) == [["ab", "AB"], ["x", "X"]]
    search_cache.cached_table("u", ["ab"], make, tmp_path)
    search_cache.cached_table("t", ["a", "b"], make, tmp_path)  # not the same texts as ["ab"]
    assert make.calls == 4
    assert len({search_cache.cache_key("t", texts) for texts in (["ab"], ["a", "b"], ["a\u0000b"], ["ab", ""])}) == 4


@pytest.mark.parametrize("content", [b"", b"{", b'{"v": 1}', b"[[1, 2]]", b'["ab"]', b"\xff\xfe"])
def test_a_damaged_file_is_made_again(tmp_path: Path, content: bytes):
    make = Maker()
    path = tmp_path / f"statement-site-t-{search_cache.cache_key('t', ['ab'])}.json"
    path.write_bytes(content)
    assert search_cache.cached_table("t", ["ab"], make, tmp_path) == [["ab", "AB"]]
    assert make.calls == 1 and json.loads(path.read_text(encoding="utf-8")) == [["ab", "AB"]]


def test_a_folder_that_cannot_be_written_or_none_only_costs_time(tmp_path: Path):
    make = Maker()
    missing = tmp_path / "not-there"
    assert search_cache.cached_table("t", ["ab"], make, missing) == [["ab", "AB"]]
    assert search_cache.cached_table("t", ["ab"], make, None) == [["ab", "AB"]]
    assert make.calls == 2 and not missing.exists()


def test_the_index_is_the_same_with_the_cache_without_it_and_read_from_it(tmp_path: Path):
    edition = load_edition(STATEMENT_DIR)
    strings = load_strings(REPO / "templates")

    def pages(folder):
        return {page.path: page.content for page in search_pages(edition, strings, folder)}

    made = pages(tmp_path)
    kinds = sorted(p.name.rsplit("-", 1)[0] for p in tmp_path.glob("statement-site-*.json"))
    assert kinds == ["statement-site-en-spellings", "statement-site-ja-runs", "statement-site-ja-variants"]
    assert pages(tmp_path) == made == pages(None)
    assert json.loads(made["search-index/ja.json"])["v"] and json.loads(made["search-index/en.json"])["sp"]


def test_a_build_that_finds_its_tables_loads_neither_sudachi_nor_a_stemmer(tmp_path: Path):
    """What makes a cached build quick: the tools are imported only to make a table."""
    script = f"""
import sys
from pathlib import Path
from build_scripts.edition import load_edition
from build_scripts.output.render import load_strings
from build_scripts.output.search import search_pages
search_pages(load_edition(Path({str(STATEMENT_DIR)!r})), load_strings(Path({str(REPO / "templates")!r})), Path({str(tmp_path)!r}))
print(sorted(name for name in ("sudachipy", "ja_itaiji", "snowballstemmer", "Stemmer") if name in sys.modules))
"""
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO).stdout
            for _ in range(2)]
    assert runs[0].strip() != "[]" and runs[1].strip() == "[]"


def test_after_an_edit_sudachi_reads_only_the_new_runs(tmp_path: Path, monkeypatch):
    """The runs read by earlier builds are kept: an edit that adds a sentence has Sudachi read it
    alone, and the table is the one made from scratch."""
    from build_scripts.output import search_ja

    read: list[str] = []
    contribution = search_ja.contribution
    monkeypatch.setattr(search_ja, "contribution", lambda run: (read.append(run), contribution(run))[1])

    def build(texts: list[str]) -> list[list[str]]:
        known = search_cache.read_runs(tmp_path)
        table = search_ja.variant_groups(texts, known)
        search_cache.write_runs(tmp_path, {run: known[run] for run in search_ja.runs(texts)})
        return table

    texts = ["強靱な経済のため、取組を強化する。", "セキュリティ及びイニシアティブ"]
    edited = [*texts, "附属文書を濫用しない。"]
    whole, whole_edited = search_ja.variant_groups(texts), search_ja.variant_groups(edited)  # from scratch
    read.clear()
    assert build(texts) == whole and read == search_ja.runs(texts)
    read.clear()
    assert build(edited) == whole_edited and read == ["附属文書を濫用しない。"]
    read.clear()
    assert build(texts) == whole and read == []  # an edit that only took text away: Sudachi is not needed


@pytest.mark.parametrize("content", [b"[]", b'{"run": 1}', b'{"run": [["key"]]}', b'{"run": [["key", [1]]]}'])
def test_a_damaged_memo_of_runs_is_not_trusted(tmp_path: Path, content: bytes):
    (tmp_path / f"statement-site-ja-runs-{search_cache.cache_key('ja-runs', None)}.json").write_bytes(content)
    assert search_cache.read_runs(tmp_path) == {}
