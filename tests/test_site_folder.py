"""A build never replaces a folder it did not make: the project, its inputs, a file, another
folder. Each case runs in a throwaway copy of the project, as a user would, and checks that
every file of the project is as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.sitefolder import MARK

from .conftest import make_project, run

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}


def files(root: Path) -> dict[str, bytes]:
    """Every file under root (Python's own __pycache__ aside), by path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A throwaway project, with a git repository and a file the editor has not committed."""
    project = tmp_path / "project"
    project.mkdir()
    make_project(project)
    (project / "README.md").write_text("# 読んでください\n", encoding="utf-8")
    (project / "source" / "NOTES.txt").write_text("編集者のメモ\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    return project


def statement_site(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run("build", *args, cwd=cwd)


@pytest.mark.parametrize(("site_dir", "message"), [
    (".", ".: is the project folder ({p}); a build replaces its site folder whole, so choose another (e.g. site)"),
    ("..", "..: holds the project folder ({p}); a build replaces its site folder whole, so choose another (e.g. site)"),
    ("source", "source: is the source folder ({p}/source); a build replaces its site folder whole, so choose another "
               "(e.g. site)"),
    ("docs", "docs: is the docs folder ({p}/docs); a build replaces its site folder whole, so choose another (e.g. site)"),
    ("templates", "templates: is the templates folder ({p}/templates); a build replaces its site folder whole, so "
                  "choose another (e.g. site)"),
    ("mkdocs.yml", "mkdocs.yml: is the MkDocs configuration ({p}/mkdocs.yml); a build replaces its site folder whole, "
                   "so choose another (e.g. site)"),
    ("source/site", "source/site: is inside the source folder ({p}/source); choose a site folder outside it (e.g. site)"),
    ("docs/site", "docs/site: is inside the docs folder ({p}/docs); choose a site folder outside it (e.g. site)"),
    ("README.md", "README.md: is a file, not a folder; a build would replace it with the site, so choose another "
                  "(e.g. site)"),
    (".git", f".git: holds files that no build of statement-site made (it has no {MARK}); a build replaces its site "
             "folder whole, so choose a new or empty folder"),
])
def test_statement_site_refuses_a_folder_it_did_not_make(clone, site_dir, message):
    before = files(clone.parent)
    result = statement_site("--site-dir", site_dir, cwd=clone)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message.format(p=clone)]
    assert files(clone.parent) == before


def test_a_symbolic_link_is_refused(clone, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (clone / "public").symlink_to(tmp_path / "elsewhere")
    result = statement_site("--site-dir", "public", cwd=clone)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["public: is a symbolic link; a build would replace the link with a folder, "
                                          "so give the folder it points to"]
    assert (clone / "public").is_symlink()


def test_a_new_folder_an_empty_one_and_a_previous_build_are_built(clone):
    result = statement_site(cwd=clone)
    assert result.returncode == 0, result.stderr
    assert (clone / "site" / MARK).is_file()
    # A second build replaces its own site.
    (clone / "site" / "stale.html").write_text("from before", encoding="utf-8")
    result = statement_site(cwd=clone)
    assert result.returncode == 0, result.stderr
    assert not (clone / "site" / "stale.html").exists()
    (clone / "empty").mkdir()
    assert statement_site("--site-dir", "empty", cwd=clone).returncode == 0
    assert (clone / "empty" / "index.html").is_file()


@pytest.mark.parametrize("site_dir", ["source", "templates", "elsewhere"])
def test_mkdocs_build_with_the_plugin_refuses_them_too(clone, tmp_path, site_dir):
    """MkDocs empties the site folder before it builds: the plugin stops it first."""
    (clone / "elsewhere").mkdir()
    (clone / "elsewhere" / "keep.txt").write_text("not a site", encoding="utf-8")
    before = files(clone.parent)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", site_dir], cwd=clone,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{site_dir}: " in result.stderr
    assert files(clone.parent) == before
