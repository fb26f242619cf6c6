"""Shared helpers: throwaway projects in temporary folders, built with the real templates."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from build_scripts.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
STATEMENT = REPO / "source" / "statement.ja.txt"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def make_project(root: Path, source: Path | None = None) -> Path:
    """Copy the project's config, templates, docs and hook into `root`; return its mkdocs.yml."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "build_scripts").mkdir()
    shutil.copy(REPO / "build_scripts" / "hook.py", root / "build_scripts" / "hook.py")
    (root / "generated").mkdir()
    shutil.copytree(source or REPO / "source", root / "source")
    return root / "mkdocs.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project (real statement) in a temporary folder."""
    return make_project(tmp_path)


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A project publishing the small fixture statement."""
    return make_project(tmp_path, FIXTURES / "mini")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """An empty source folder to fill."""
    folder = tmp_path / "src"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real statement, built once with the command line (strict)."""
    root = tmp_path_factory.mktemp("real")
    config = make_project(root)
    assert main(["build", "--config", str(config), "--source", str(root / "source"),
                 "--site-dir", str(root / "site")]) == 0
    return root / "site"
