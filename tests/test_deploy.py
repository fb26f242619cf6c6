"""`mkdocs gh-deploy`, end to end, against a bare Git repository on this machine: the plugin runs,
and the pushed gh-pages branch holds the whole bilingual site, `_headers` and `.nojekyll`
included, and nothing of the project's sources."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import make_project


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_gh_deploy_pushes_the_built_site_and_nothing_else(tmp_path: Path):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "NO_MKDOCS_2_WARNING": "1",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_NOSYSTEM": "1"}
    remote = tmp_path / "remote.git"
    git("init", "--bare", "--quiet", str(remote), cwd=tmp_path, env=env)
    project = tmp_path / "project"
    project.mkdir()
    make_project(project)
    git("init", "--quiet", "-b", "main", cwd=project, env=env)
    git("add", ".", cwd=project, env=env)
    git("commit", "--quiet", "-m", "the project", cwd=project, env=env)
    git("remote", "add", "origin", str(remote), cwd=project, env=env)

    result = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--remote-name", "origin",
                             "--remote-branch", "gh-pages", "--force"],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr

    pushed = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote, env=env).split())
    built = {p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*") if p.is_file()}
    for name in ("index.html", "en/index.html", "alliance/index.html", "en/alliance/index.html", "404.html",
                 "search-index/ja.json", "search-index/en.json", "_headers", ".nojekyll", "data/statement.json"):
        assert name in pushed, name
    assert pushed == built | {".nojekyll"}
    assert not {name for name in pushed if name.split("/")[0] in ("source", "templates", "docs", "mkdocs.yml")}
    # the plugin ran: pages carry their policy, and _headers is the one the build wrote
    home = git("show", "gh-pages:index.html", cwd=remote, env=env)
    assert '<meta http-equiv="Content-Security-Policy"' in home and 'lang="ja"' in home
    assert git("show", "gh-pages:_headers", cwd=remote, env=env) == (project / "site" / "_headers").read_text(encoding="utf-8")
    assert 'lang="en"' in git("show", "gh-pages:en/alliance/index.html", cwd=remote, env=env)
    # and the project's own branch is untouched
    assert git("ls-tree", "-r", "--name-only", "main", cwd=project, env=env).split().count("mkdocs.yml") == 1
    assert "main" not in git("branch", "--list", cwd=remote, env=env)
