"""Assemble MkDocs' docs folder: the hand-written docs/ plus the generated pages.

Only files whose bytes change are written, and files no longer produced are removed,
so `mkdocs serve` (which watches this folder) rebuilds once per edit and never loops.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import Origin
from .render import Page
from .textfile import display_path

KEEP = frozenset({".gitignore"})
"""Files of the generated folder itself, never removed."""
NOT_COPIED = ("overrides",)
"""Folders of docs/ that are not pages (the theme's custom_dir)."""


@dataclass(frozen=True)
class Written:
    """What assembling the docs folder changed."""

    written: int
    unchanged: int
    removed: int


def planned_files(pages: list[Page], docs: Path) -> dict[str, bytes]:
    """Every file the docs folder should hold, by relative path."""
    files: dict[str, bytes] = {}
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            rel = path.relative_to(docs)
            if path.is_file() and rel.parts[0] not in NOT_COPIED:
                files[rel.as_posix()] = path.read_bytes()
    for page in pages:
        if page.path in files:
            raise InputError(Origin(display_path(docs / page.path)), "has the name of a generated page; rename it")
        files[page.path] = page.content.encode("utf-8")
    return files


def write_docs(pages: list[Page], docs: Path, target: Path) -> Written:
    """Make `target` hold exactly the hand-written docs and the pages."""
    files = planned_files(pages, docs)
    written = unchanged = removed = 0
    for rel, data in files.items():
        path = target / rel
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in files and rel not in KEEP:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return Written(written, unchanged, removed)
