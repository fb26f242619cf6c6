"""The build: gather and check the inputs, render the pages, run MkDocs, swap the site in.

Everything is checked before MkDocs starts. The pages go to MkDocs in memory (files.py), and
MkDocs builds into a fresh folder next to the site that replaces the old site only once the
build has succeeded.
"""

from __future__ import annotations

import dataclasses
import html
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from .edition import load_edition
from .files import attach, check_names
from .model import Edition
from .project import Project
from .render import Page, navigation, render_pages
from .search import search_pages


@dataclass(frozen=True)
class Generated:
    """The result of the generator stage."""

    edition: Edition
    pages: list[Page]
    """The generated pages and files, in every language (MkDocs reads docs/ itself)."""
    seconds: float


def generate(project: Project) -> Generated:
    """Gather, check and render the statement."""
    start = time.perf_counter()
    generated = render_edition(project, load_edition(project.source))
    return dataclasses.replace(generated, seconds=time.perf_counter() - start)


def render_edition(project: Project, edition: Edition) -> Generated:
    """Render a checked edition into the pages of the site."""
    start = time.perf_counter()
    pages = render_pages(edition, project.templates) + search_pages(edition)
    check_names(pages, project.docs)
    return Generated(edition, pages, time.perf_counter() - start)


def configure(config: MkDocsConfig, generated: Generated) -> None:
    """Set what MkDocs takes from the statement: pages, page order, site name, languages built."""
    edition = generated.edition
    attach(config, generated.pages)
    config.nav = navigation(edition)
    # Material prints site_name as HTML without escaping it; the title is data.
    config.site_name = html.escape(edition.statement.title, quote=False)
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    for language in i18n.config.languages:
        # A language is built only when the edition has its text (no translation file: no /en/).
        language.build = language.locale in edition.languages
        if language.build:
            language["site_name"] = html.escape(edition.version(language.locale).title, quote=False)


def _source_date(project: Project) -> None:
    """Fix the build's date to the last commit, so two builds of one commit are byte-identical.

    MkDocs dates the sitemap with $SOURCE_DATE_EPOCH when set, else with today. Outside a git
    checkout (or with git missing) the build keeps today's date.
    """
    if "SOURCE_DATE_EPOCH" in os.environ or not (project.root / ".git").exists():
        return
    try:
        stamp = subprocess.run(["git", "-C", str(project.root), "log", "-1", "--format=%ct"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def build_site(project: Project, generated: Generated, site_dir: Path, strict: bool = True,
               site_url: str | None = None) -> float:
    """Run MkDocs on docs/ and the generated pages into a temporary folder, then swap it in for site_dir.

    Returns the seconds taken.
    """
    start = time.perf_counter()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = site_dir.with_name(f".{site_dir.name}.new-{os.getpid()}")
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    try:
        _source_date(project)
        overrides = {"site_url": site_url} if site_url else {}
        config = load_config(str(project.config_file), site_dir=str(fresh), strict=strict, **overrides)
        configure(config, generated)
        mkdocs_build(config)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return time.perf_counter() - start
