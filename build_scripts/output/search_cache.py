"""The word-form tables of the search index, kept between builds (a speed-up of the plugin's `speedups`).

Making the Japanese variant table reads every paragraph and name with Sudachi and checks
thousands of proposed forms (search_ja.py): a few tenths of a second on a quiet machine, seconds
on a busy one, when the rest of a build takes about two. A table depends only on the texts it is
made from, on the rules that make it (search_ja.py, search_en.py) and on the tools and word
lists they use (SudachiPy, SudachiDict, ja-itaiji, snowballstemmer, PyStemmer, eng). So it is
kept in a file named by a digest of all of these, in the same private per-user folder as the
compiled templates (upstream.private_cache_folder), and a build whose texts and tools have not
changed reads it instead of loading Sudachi at all.

Deleting the folder, or any file in it, is always safe. A file that cannot be read, or does not
hold a table, is made again; one that cannot be written is not kept. The site is byte for byte
the same with or without the cache (tests/test_plugin.py builds it both ways).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TypeGuard

Table = list[list[str]]
"""A table of the index: groups of forms of one word ("v"), or [British, American] pairs ("sp")."""

TOOLS = ("sudachipy", "sudachidict-core", "ja-itaiji", "snowballstemmer", "pystemmer", "eng")
"""The distributions whose versions a table depends on."""

RULES = ("search_ja.py", "search_en.py")
"""The modules (beside this one) whose code makes the tables."""

_HERE = Path(__file__).resolve().parent


@functools.cache
def _versions() -> tuple[str, ...]:
    """The installed version of each of TOOLS ("absent" for one that is not installed)."""
    found = []
    for name in TOOLS:
        try:
            found.append(metadata.version(name))
        except metadata.PackageNotFoundError:
            found.append("absent")
    return tuple(found)


def cache_key(kind: str, texts: Sequence[str] | None) -> str:
    """The digest that names a table: its kind, the tools' versions, the rules' code and the texts
    (None: what does not depend on the texts, the memo of runs)."""
    digest = hashlib.sha256()
    digest.update(json.dumps([kind, _versions()]).encode())
    for rules in RULES:
        digest.update(hashlib.sha256((_HERE / rules).read_bytes()).digest())
    if texts is not None:
        digest.update(json.dumps(list(texts), ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


def _is_table(value: object) -> TypeGuard[Table]:
    return isinstance(value, list) and all(
        isinstance(group, list) and all(isinstance(form, str) for form in group) for group in value)


def cached_table(kind: str, texts: Sequence[str], make: Callable[[Sequence[str]], Table], folder: Path | None) -> Table:
    """The table `make(texts)`, read from `folder` if an earlier build kept it there, else made and kept."""
    if folder is None:
        return make(texts)
    path = folder / f"statement-site-{kind}-{cache_key(kind, texts)}.json"
    kept = _read(path)
    if _is_table(kept):
        return kept
    table = make(texts)
    _write(path, table)
    return table


def _is_memo(value: object) -> TypeGuard[dict[str, list[list]]]:
    return isinstance(value, dict) and all(
        isinstance(pairs, list) and all(
            isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and _is_table([pair[1]])
            for pair in pairs)
        for pairs in value.values())


def read_runs(folder: Path | None) -> dict[str, list[tuple[str, list[str]]]]:
    """What the runs of Japanese text read by earlier builds added to the variant table
    (search_ja.Contribution, by run): after an edit, Sudachi reads only the new runs, and none
    at all if the edit added no run of kana and kanji. Empty if there is none to trust."""
    if folder is None:
        return {}
    kept = _read(folder / f"statement-site-ja-runs-{cache_key('ja-runs', None)}.json")
    if not _is_memo(kept):
        return {}
    return {run: [(key, forms) for key, forms in pairs] for run, pairs in kept.items()}


def write_runs(folder: Path | None, known: dict[str, list[tuple[str, list[str]]]]) -> None:
    """Keep the runs' contributions for the next build (those of the text as it is now)."""
    if folder is not None:
        _write(folder / f"statement-site-ja-runs-{cache_key('ja-runs', None)}.json", known)


def _read(path: Path) -> object:
    """The JSON value of a file of the cache, or None if it cannot be read."""
    with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
        return json.loads(path.read_text(encoding="utf-8"))
    return None


def _write(path: Path, value: object) -> None:
    """Write a file of the cache whole under another name, then rename it (a build running beside
    this one never reads half a file); a folder that cannot be written keeps nothing."""
    with contextlib.suppress(OSError):
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(name, path)
        except OSError:
            os.unlink(name)
            raise
