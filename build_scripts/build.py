"""`statement-site build`: MkDocs, with the plugin, into a fresh folder that replaces the site.

The plugin generates the pages inside MkDocs' build, exactly as under `mkdocs build`; this
adds what a publisher wants from one command: the previous site is replaced only once the
new one is complete, and a failed build leaves it as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from .plugin import upstream
from .plugin.plugin import InputProblems, StatementSitePlugin
from .sitefolder import check_site_folder

PLUGIN = "statement-site"
"""The plugin's name in mkdocs.yml and in pyproject.toml's entry points."""


class NotConfigured(Exception):
    """mkdocs.yml does not list the plugin."""


def load(config_file: Path, **overrides) -> tuple[MkDocsConfig, StatementSitePlugin]:
    """The MkDocs configuration and its statement-site plugin."""
    config = load_config(str(config_file), **overrides)
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, StatementSitePlugin):
        raise NotConfigured(f"{config_file}: lists no '{PLUGIN}' plugin under plugins:")
    return config, plugin


def build_site(config_file: Path, site_dir: Path, *, source: Path | None = None, fail_on_warnings: bool = False,
               site_url: str | None = None) -> tuple[StatementSitePlugin, float]:
    """Run MkDocs with the plugin into a temporary folder, then swap it in for site_dir.

    Returns the plugin (which holds what it generated) and the seconds taken.
    """
    start = time.perf_counter()
    overrides = {"site_url": site_url} if site_url else {}
    config, plugin = load(config_file, **overrides)
    if source is not None:
        plugin.config.source_dir = str(source.resolve())
    # Before anything is made or moved: the folder this build will replace whole.
    check_site_folder(site_dir, plugin.protected(config))
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = site_dir.with_name(f".{site_dir.name}.new-{os.getpid()}")
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    config.site_dir = str(fresh)
    try:
        if fail_on_warnings:
            plugin.config.input_warnings = "fail"
        # As MkDocs' own `build` command does around a build.
        config.plugins.on_startup(command="build", dirty=False)
        # MkDocs logs a plugin's error as one message before it aborts; the command prints
        # the input problems itself, one line each.
        builder = logging.getLogger("mkdocs.commands.build")
        quiet = upstream.WithoutMkDocsCopy(lambda: plugin.problems)
        builder.addFilter(quiet)
        try:
            mkdocs_build(config)
        except Abort:
            if plugin.problems is not None:
                raise InputProblems(plugin.problems) from None
            raise
        finally:
            builder.removeFilter(quiet)
            config.plugins.on_shutdown()
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if site_dir.exists():
        site_dir.rename(old)
    fresh.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    return plugin, time.perf_counter() - start
