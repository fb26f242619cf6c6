"""MkDocs hook: add the statement's pages to the files MkDocs builds.

With it, plain `mkdocs build` and `mkdocs serve` work too, and serve rebuilds when a file
in source/, templates/ or docs/ changes. Imports are absolute: MkDocs loads hooks by path.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from watchdog.observers.polling import PollingObserver

from build_scripts.build import Generated, configure, generate
from build_scripts.errors import InputError, InputErrors
from build_scripts.files import add_pages, restore_content
from build_scripts.jinjacache import bytecode_cache
from build_scripts.project import Project

log = get_plugin_logger("statement-site")

SITEMAP, NOT_FOUND = "sitemap.xml", "404.html"
"""Pages of the theme (its static templates) that not every build writes."""


@dataclass
class _State:
    """What the hook remembers between the builds of one MkDocs process."""

    started_by_mkdocs: bool = False
    """The statement-site command generates the pages and sets the nav itself before it runs
    MkDocs; only under `mkdocs build` or `mkdocs serve` (which call on_startup) does the hook."""
    inputs: tuple = ()
    """The fingerprint of the inputs the pages were generated from."""
    generated: Generated | None = None


_state = _State()


def _fingerprint(project: Project) -> tuple:
    """Name, size and modification time of every input file of the pages (source, templates, docs).

    docs/ counts too: a hand-written file there must not take a generated page's name.
    """
    files = []
    for folder in (project.source, project.templates, project.docs):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                files.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(files)


def on_startup(command: str, dirty: bool) -> None:
    """Note that the mkdocs command, not statement-site, is running this build."""
    _state.started_by_mkdocs = True


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate the pages and set the nav from the statement.

    mkdocs-static-i18n builds each language with a further MkDocs run, which calls on_config
    again: when no input changed since the last generation, the pages are current.
    """
    _list_theme_files_once(config)
    _all_theme_pages(config)
    if not _state.started_by_mkdocs:
        return config
    project = Project.at(Path(config.config_file_path))
    inputs = _fingerprint(project)
    if inputs != _state.inputs or _state.generated is None:
        try:
            generated = generate(project)
        except (InputError, InputErrors) as error:
            _state.generated = None
            raise PluginError(str(error)) from None
        _state.inputs, _state.generated = inputs, generated
        log.debug(f"{len(generated.pages)} pages rendered in {generated.seconds:.3f} s")
    configure(config, _state.generated)
    return config


def on_files(files, config: MkDocsConfig):
    """Add the generated pages (runs before mkdocs-static-i18n's on_files, at priority -100)."""
    return add_pages(files, config)


def on_nav(nav, config: MkDocsConfig, files):
    """Give the generated pages back their content, after mkdocs-static-i18n copied them."""
    restore_content(files, config)
    return nav


@functools.lru_cache(maxsize=None)
def _installed_listing(folder: str) -> tuple[str, ...]:
    """Every file of an installed theme folder; listed once per process, as it does not change.

    Hidden files (Material's 14,000 icons live in .icons/) are left out: MkDocs never copies
    a theme file with a component starting with a dot, and checking each name costs time too.
    """
    return tuple(name for name in jinja2.FileSystemLoader(folder).list_templates()
                 if not any(part.startswith(".") for part in name.split("/")))


def _theme_listing(folders: list[str], custom_dir: str | None) -> list[str]:
    """What the theme environment's loader lists: the installed folders from the cache, the
    project's custom_dir (docs/overrides, which an editor may change while serving) afresh."""
    found: set[str] = set()
    for folder in folders:
        if custom_dir and Path(folder) == Path(custom_dir):
            found.update(jinja2.FileSystemLoader(folder).list_templates())
        else:
            found.update(_installed_listing(folder))
    return sorted(found)


def _list_theme_files_once(config: MkDocsConfig) -> None:
    """Each build, MkDocs lists every file of the theme to find its assets: for Material that
    is some 14,500 files (mostly icons), a quarter of our build's time. Wrap the theme's
    environment so the installed theme folders are listed once per process."""
    theme = config.theme
    if getattr(theme, "_statement_site_listing", False):
        return
    get_env = theme.get_env

    def listing_env() -> jinja2.Environment:
        env = get_env()
        env.loader.list_templates = functools.partial(_theme_listing, list(env.loader.searchpath),
                                                      theme.custom_dir)
        return env

    theme.get_env = listing_env
    theme._statement_site_listing = True


def on_env(env: jinja2.Environment, config: MkDocsConfig, files) -> jinja2.Environment:
    """Keep the theme's compiled templates between builds (MkDocs compiles them anew each time),
    and choose the theme's pages that this build writes, which MkDocs builds next."""
    env.bytecode_cache = bytecode_cache(env)
    _theme_pages_of_this_build(config)
    return env


def _all_theme_pages(config: MkDocsConfig) -> None:
    """Start each build with all of the theme's pages (static templates): MkDocs copies any
    other file of the theme as it is, so one left out here would be copied as its source."""
    theme = config.theme
    if not hasattr(theme, "_statement_site_pages"):
        theme._statement_site_pages = frozenset(theme.static_templates)
    theme.static_templates = set(theme._statement_site_pages)


def _theme_pages_of_this_build(config: MkDocsConfig) -> None:
    """Leave out the theme's pages that this build must not write.

    - The sitemap, without a site_url (--site-url): it lists absolute addresses, and
      mkdocs-static-i18n's template would write "None" before each path.
    - The 404 page, in every build but the default language's: the site has one, at its root.
      mkdocs-static-i18n builds it again in each language's build, into the same place, so the
      last language built used to win.

    Its language selector goes to each language's home page. mkdocs-static-i18n points the
    selector at the current page's other versions by setting an attribute
    `config.extra.alternate`, which templates read before the configured list of home pages:
    left in place, the 404 page linked to the other versions of the previous build's last page.
    """
    vars(config.extra).pop("alternate", None)
    if not config.site_url:
        config.theme.static_templates.discard(SITEMAP)
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        config.theme.static_templates.discard(NOT_FOUND)


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    """Take the body of a page made only of HTML (front matter `html_only: true`) past Markdown.

    Our generated pages are raw HTML blocks, which Python-Markdown passes through unchanged
    (tests/test_build.py checks that it still would) but only after parsing every tag: on
    the real statement that is a third of the build. The body is kept on the page and put
    back as the page's HTML in on_page_content; Markdown converts an empty page instead.
    """
    if page.meta.get("html_only") is True:
        page.statement_site_html = markdown.strip()
        return ""
    return markdown


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    """Put back the body that on_page_markdown took past Markdown."""
    return getattr(page, "statement_site_html", html)


POLL_SECONDS = 0.1
"""How often `mkdocs serve` looks for changed files (MkDocs' own interval is 0.5 s)."""


def _poll_sooner(server: LiveReloadServer) -> None:
    """Have the server notice a saved file within 0.1 s rather than 0.5 s.

    MkDocs polls (it does not rely on inotify, which misses changes on some mounted file
    systems) and does not let the interval be set. The watches are moved to a new polling
    observer before the server starts it. This reads MkDocs' private list of watched paths;
    should that ever change, serving goes on with MkDocs' interval.
    """
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict):
        return
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Rebuild when an input or a template changes, besides docs/ (which MkDocs watches)."""
    project = Project.at(Path(config.config_file_path))
    for folder in (project.source, project.templates):
        server.watch(str(folder))
    _poll_sooner(server)
    return server
