"""The MkDocs plugin: one path for every command, its speed-ups harmless, its tables of contents."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from build_scripts.build import load
from build_scripts.cli import main
from build_scripts.edition import load_edition
from build_scripts.output.render import render_pages
from build_scripts.plugin import upstream

from .conftest import FIXTURES, REPO, STATEMENT_DIR, make_project

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1653264000"}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True, text=True, env=ENV)


def test_plain_mkdocs_and_the_command_build_the_same_site(tmp_path):
    make_project(tmp_path, FIXTURES / "mini")
    assert mkdocs("build", "--site-dir", "by-mkdocs", cwd=tmp_path).returncode == 0
    result = subprocess.run([sys.executable, "-m", "build_scripts.cli", "build", "--site-dir", "by-command"],
                            cwd=tmp_path, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    assert files_of(tmp_path / "by-mkdocs") == files_of(tmp_path / "by-command")
    # the service worker too, written by the plugin after both languages were built
    assert "var OFFLINE = " in (tmp_path / "by-mkdocs" / "sw.js").read_text(encoding="utf-8")


def test_the_speedups_change_nothing_in_the_site(tmp_path):
    """Every shortcut of upstream.py off: the site is byte for byte the same."""
    config = make_project(tmp_path, FIXTURES / "mini")
    args = ["build", "--config", str(config), "--site-dir"]
    assert main([*args, str(tmp_path / "fast")]) == 0
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      templates_dir: templates\n", "      templates_dir: templates\n"
                                   "      speedups: false\n"), encoding="utf-8")
    assert "speedups: false" in config.read_text(encoding="utf-8")
    assert main([*args, str(tmp_path / "slow")]) == 0
    fast, slow = files_of(tmp_path / "fast"), files_of(tmp_path / "slow")
    assert fast.keys() == slow.keys() and len(fast) > 50
    assert [name for name in fast if fast[name] != slow[name]] == []


def test_the_source_folder_is_the_plugins_option_relative_to_mkdocs_yml(tmp_path):
    (tmp_path / "project").mkdir()
    make_project(tmp_path / "project", FIXTURES / "mini")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _, plugin = load(tmp_path / "project" / "mkdocs.yml")
    assert Path(plugin.config.source_dir) == tmp_path / "project" / "source"
    # From another folder, plain MkDocs finds the same source.
    assert mkdocs("build", "-f", str(tmp_path / "project" / "mkdocs.yml"), "--site-dir", str(tmp_path / "s"),
                  cwd=elsewhere).returncode == 0
    assert "架空の共同声明" in (tmp_path / "s" / "index.html").read_text(encoding="utf-8")


def test_a_config_without_the_plugin_is_named(tmp_path, capsys):
    make_project(tmp_path, FIXTURES / "mini")
    config = tmp_path / "mkdocs.yml"
    config.write_text(re.sub(r"  - statement-site:\n(      .*\n)+", "", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 2
    assert capsys.readouterr().err.strip() == f"{config}: lists no 'statement-site' plugin under plugins:"


@pytest.mark.parametrize("source", [STATEMENT_DIR, FIXTURES / "mini", FIXTURES / "forms" / "fact-sheet"],
                         ids=["statement", "mini", "fact-sheet"])
def test_pages_taken_past_markdown_are_ones_markdown_leaves_unchanged(source):
    """The speed-up skips Python-Markdown for pages marked html_only; that must not change them."""
    config = load_config(str(REPO / "mkdocs.yml"))
    skipped = 0
    for page in render_pages(load_edition(source), REPO / "templates"):
        body, meta = get_data(page.content)
        if meta.get("html_only") is True:
            md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
            assert md.convert(body) == body.strip(), page.path
            skipped += 1
    assert skipped >= 6


def test_theme_files_listed_once_are_the_files_mkdocs_would_copy(tmp_path):
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plain = Files([])
    plain.add_files_from_theme(config.theme.get_env(), config)
    upstream.list_theme_files_once(config)
    for _ in range(2):  # the second listing comes from the cache
        listed = Files([])
        listed.add_files_from_theme(config.theme.get_env(), config)
        assert sorted(f.src_uri for f in listed) == sorted(f.src_uri for f in plain)
    assert any(f.src_uri.startswith("assets/javascripts/bundle.") for f in plain)


def _secondary_nav(page: str) -> str:
    """Material's "on this page" list of a page (its secondary navigation, before the content)."""
    # Material writes it twice: in the main navigation (for narrow screens) and in the sidebar.
    return page.rsplit('<nav class="md-nav md-nav--secondary"', 1)[1].split('<div class="md-content"', 1)[0]


def _toc(page: str) -> list[str]:
    """The anchors listed in a page's "on this page" list."""
    return re.findall(r'<a href="#([^"]+)" class="md-nav__link">', _secondary_nav(page))


def test_generated_pages_have_a_table_of_contents_in_both_languages(real_site):
    for root in (real_site, real_site / "en"):
        section = (root / "alliance" / "index.html").read_text(encoding="utf-8")
        assert _toc(section) == ["p11", "p12", "p13", "p14"]
        full = _toc((root / "full" / "index.html").read_text(encoding="utf-8"))
        assert full == ["opening", "indo-pacific", "regional", "alliance", "economy", "global-challenges",
                        "people-to-people", "future",  # the sections: a long statement has thousands of ¶
                        "corrections-key"]  # the key of ※N (the English prints the corrections too)
        glossary = _toc((root / "glossary" / "index.html").read_text(encoding="utf-8"))
        # The kinds only: an anchor per entry would have Material track 89 positions inside the
        # blocks the browser skips (statement.css), which cost seconds of blocking time on a phone.
        assert glossary[:2] == ["abbreviations", "kind-agreement"] and "kind-term" in glossary and "quad" not in glossary
    english = (real_site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "Treaties, agreements and arrangements" in _secondary_nav(english)
    japanese = (real_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "条約・協定・取決め" in _secondary_nav(japanese)
    # A page outside the navigation has none: Material's toggle for it lives in the navigation.
    assert _toc((real_site / "parallel" / "alliance" / "index.html").read_text(encoding="utf-8")) == []
