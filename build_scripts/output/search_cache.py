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


def cache_key(kind: str, texts: Sequence[str]) -> str:
    """The digest that names a table: its kind, the tools' versions, the rules' code and the texts."""
    digest = hashlib.sha256()
    digest.update(json.dumps([kind, _versions()]).encode())
    for rules in RULES:
        digest.update(hashlib.sha256((_HERE / rules).read_bytes()).digest())
    digest.update(json.dumps(list(texts), ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


def _is_table(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(group, list) and all(isinstance(form, str) for form in group) for group in value)


def cached_table(kind: str, texts: Sequence[str], make: Callable[[Sequence[str]], Table], folder: Path | None) -> Table:
    """The table `make(texts)`, read from `folder` if an earlier build kept it there, else made and kept."""
    if folder is None:
        return make(texts)
    path = folder / f"statement-site-{kind}-{cache_key(kind, texts)}.json"
    with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
        kept = json.loads(path.read_text(encoding="utf-8"))
        if _is_table(kept):
            return kept
    table = make(texts)
    # Written whole under another name, then renamed: a build running beside this one never
    # reads half a file.
    with contextlib.suppress(OSError):
        handle, name = tempfile.mkstemp(dir=folder, prefix=path.name, suffix=".part")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(table, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(name, path)
        except OSError:
            os.unlink(name)
            raise
    return table
