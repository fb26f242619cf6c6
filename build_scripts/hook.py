"""MkDocs hook: write the statement's pages before MkDocs reads its docs folder.

With it, plain `mkdocs build` and `mkdocs serve` work too, and serve rebuilds when a file
in source/, templates/ or docs/ changes. Imports are absolute: MkDocs loads hooks by path.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

from build_scripts.build import configure, generate
from build_scripts.errors import InputError, InputErrors
from build_scripts.project import Project

log = get_plugin_logger("statement-site")

# The statement-site command generates the pages and sets the nav itself before it runs
# MkDocs; only when MkDocs is run as `mkdocs build` or `mkdocs serve` (which is when
# on_startup is called) does the hook do that work, so it is never done twice.
_started_by_mkdocs = False


def on_startup(command: str, dirty: bool) -> None:
    """Note that the mkdocs command, not statement-site, is running this build."""
    global _started_by_mkdocs
    _started_by_mkdocs = True


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate the pages (only changed files are rewritten) and set the nav from the statement."""
    if not _started_by_mkdocs:
        return config
    project = Project.at(Path(config.config_file_path))
    try:
        generated = generate(project)
    except (InputError, InputErrors) as error:
        raise PluginError(str(error)) from None
    configure(config, generated.edition)
    log.debug(f"{generated.written.written} pages written in {generated.seconds:.3f} s")
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Rebuild when an input, a template or a hand-written page changes."""
    project = Project.at(Path(config.config_file_path))
    for folder in (project.source, project.templates, project.docs):
        server.watch(str(folder))
    return server
