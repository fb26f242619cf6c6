"""Every place where the plugin relies on the internals of MkDocs, Material, mkdocs-static-i18n,
watchdog or Jinja, and the speed-ups: kept here, so that an upgrade has one file to check.

Each piece names the upstream file and the version it was written against (pyproject.toml
pins those releases: MkDocs 1.6.1, Material 9.8, mkdocs-static-i18n 1.3.1, watchdog 7.1). Kinds:

- Corrections of mkdocs-static-i18n 1.3.1, always on: without them the site is wrong (pages
  without their text, a sitemap of "None" addresses, a 404 page in the last language built),
  and the languages it builds (`build_languages`).
- What the build needs of MkDocs and watchdog, always on: the build's date
  (`date_builds_by_last_commit`), leaving out MkDocs' copies of the plugin's errors
  (`WithoutMkDocsCopy`), live reload that outlasts a replaced source folder (`watch_lasting`),
  and the theme's own inline scripts, the only ones the Content-Security-Policy allows
  (`theme_inline_scripts`).
- Speed-ups, on unless the plugin's `speedups: false`: they only make a build faster, and
  tests/test_plugin.py checks that the site is byte for byte the same without them. The
  search index's word-form tables kept between builds (output/search_cache.py) are one too,
  in the private folder of Jinja's cache (`private_cache_folder`).

Where MkDocs has a public API for the job, the plugin uses it instead (File.generated for the
pages in memory, file_sort_key for their order, get_toc for their tables of contents).

Elsewhere, and listed here so that this stays the one list:

- plugin/pages.py sets `abs_src_path` on the pages made with File.generated, because
  mkdocs-static-i18n 1.3.1 gives a language only to files inside the docs folder
  (reconfigure.py, `reconfigure_files`); MkDocs' File says a file has content or a source path.
- output/offline.py, FETCHED_AT_RUN_TIME: Material 9.8's bundle fetches
  search/search_index.json on every page (the worker caches it for offline search).
- output/headers.py, FINGERPRINTED: Material names its assets `name.<8 hex>.min.js|css`.
- docs/overrides/main.html fills Material's blocks `extrahead`, `content`, `scripts`;
  docs/overrides/partials/copyright.html replaces Material's partial of that name (re-read it
  after an upgrade).
- The site's scripts and style sheet, on Material 9.8's markup and bundle:
  - docs/assets/search-config.js rewrites the `search` entry of Material's `#__config` JSON
    (its documented way to a custom search worker), wraps `window.Worker` to note the worker
    Material makes from that address (for the prefetch on focus), and hands Material each
    `input` event as a synthetic `keyup` on the search box (Material reads the box on keyup
    and focus only), keeps Material's keyups from it while an input method composes, and takes
    the empty `?h=` Material adds off the links of results with no `terms`;
  - docs/assets/search-worker.js and search-engine.js speak Material's worker protocol
    (message types 0–3, results `{location, title, text, score, terms}`; Material shows the
    second item of a result's group as its heading);
  - docs/assets/search-near.js puts its line after Material's `.md-search-result__meta`;
  - docs/assets/search-elsewhere.js reads Material's "no results" text
    (`translations["search.result.none"]` of `#__config`) and the language selector's links
    (`a.md-select__link[hreflang]`), and opens the other language's search with `?q=`;
  - docs/assets/language.js turns `link[rel=alternate]` into `alternate nofollow` (the bundle
    fetches a sitemap.xml beside each exact `rel=alternate`) and catches clicks on the
    selector's links before Material's handler;
  - docs/assets/a11y.js names `.md-search[role=dialog]`; docs/assets/tips.js moves `title`
    into `data-tip` so that Material's tooltips stay off;
  - docs/assets/top.js watches the `hidden` attribute Material's script sets on its back-to-top
    button (`.md-top`), which statement.css moves to the bottom corner over the inline
    `style.top` that script sets;
  - docs/assets/statement.css styles Material's classes (`.md-typeset`, `.md-search-result*`,
    `.md-header__topic`, `.md-top`, `.md-copyright`…), and lands a linked paragraph, sentence or
    glossary entry with Material's `--md-scroll-offset` of its `:target` rule, just past the
    line (3.6rem) beyond which the bundle's table of contents marks an entry as current.
  The browser tests (tests/test_*_browser.py) are what shows an upgrade breaking one of them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter, PollingObserver
from watchdog.utils.dirsnapshot import DirectorySnapshot, EmptyDirectorySnapshot

# ---------------------------------------------------------------------------------------------
# Corrections of mkdocs-static-i18n 1.3.1 (always on)

SITEMAP, NOT_FOUND = "sitemap.xml", "404.html"
"""Pages of the theme (its static templates) that not every build writes."""


def restore_generated_content(files: Files, contents: dict[str, str]) -> None:
    """Give the generated pages back the content that mkdocs-static-i18n's copies of them lack.

    mkdocs_static_i18n/reconfigure.py (1.3.1), `reconfigure_files`, remakes every file of the
    docs folder as a plain File read from `abs_src_path`, which drops the content of a file
    made with File.generated. Called from on_nav, before MkDocs reads any page.
    """
    for file in files:
        content = contents.get(file.src_uri)
        if content is not None:
            file.content_string = content


def start_with_all_theme_pages(config: MkDocsConfig) -> None:
    """Start each build with all of the theme's pages (its static templates).

    MkDocs copies any other file of the theme as it is, so a page left out by an earlier build
    (see leave_out_theme_pages) must come back; the theme object outlives one build.
    """
    theme = config.theme
    if not hasattr(theme, "_statement_site_pages"):
        theme._statement_site_pages = frozenset(theme.static_templates)  # type: ignore[attr-defined]
    theme.static_templates = set(theme._statement_site_pages)  # type: ignore[attr-defined]


def leave_out_theme_pages(config: MkDocsConfig) -> None:
    """Leave out the theme's pages that this build must not write (called from on_env).

    - The sitemap, without a site_url: it lists absolute addresses, and the template of
      mkdocs_static_i18n/custom_i18n_sitemap/sitemap.xml (1.3.1) writes "None" before each path.
    - The 404 page in every build but the default language's: mkdocs-static-i18n builds it
      in each language's build, into the same place, so the last language built would win.

    Its language selector goes to each language's home page. mkdocs-static-i18n points the
    selector at the current page's other versions by setting an attribute
    `config.extra.alternate` (reconfigure.py, `reconfigure_page_context`), which Material's
    templates read before the configured list: left in place, the 404 page would link to
    the other versions of the previous build's last page.
    """
    vars(config.extra).pop("alternate", None)
    if not config.site_url:
        config.theme.static_templates.discard(SITEMAP)
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        config.theme.static_templates.discard(NOT_FOUND)


def building_another_language(config: MkDocsConfig) -> bool:
    """Whether this build is one that mkdocs-static-i18n runs inside the first language's.

    mkdocs_static_i18n/plugin.py (1.3.1), `on_post_build` (priority -100), builds every other
    language with MkDocs' `build` into the same site folder, with `building` set on the plugin;
    each of those builds calls on_post_build too. The site is complete only when the first
    language's on_post_build reaches a plugin after it (the service worker hashes the whole site).
    """
    i18n = config.plugins.get("i18n")
    return i18n is not None and getattr(i18n, "building", False) is True


def build_languages(config: MkDocsConfig, titles: dict[str, str]) -> None:
    """Build only the languages the statement has (`titles`: the site's name in each).

    Writes into mkdocs-static-i18n's validated configuration: each language's `build` and
    `site_name`. This works because i18n 1.3.1 reads `build_languages` lazily
    (mkdocs_static_i18n/reconfigure.py, `build_languages`) in its on_config, which runs after
    ours (priority -100); should that change, a statement without a translation would build
    /en/ pages (tests/test_build.py, test_another_statement_without_data_files_builds).
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    for language in i18n.config.languages:
        language.build = language.locale in titles
        if language.build:
            language["site_name"] = titles[language.locale]


# ---------------------------------------------------------------------------------------------
# MkDocs: the build's date, and its copy of the plugin's error (always on)

def date_builds_by_last_commit(project: Path) -> None:
    """Date the build by the last commit, so that two builds of one commit are byte-identical.

    MkDocs dates the sitemap with $SOURCE_DATE_EPOCH when it is set (its documented way, read
    in mkdocs/utils/__init__.py, 1.6.1, `get_build_datetime`), else with today. This sets that
    variable for the rest of the process. Outside a git checkout (or with git missing) the
    build keeps today's date.
    """
    if "SOURCE_DATE_EPOCH" in os.environ or not (project / ".git").exists():
        return
    try:
        stamp = subprocess.run(["git", "-C", str(project), "log", "-1", "--format=%ct"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


class WithoutMkDocsCopy(logging.Filter):
    """A filter for MkDocs' build logger that leaves out its copies of the plugin's input errors.

    `statement-site build` prints each input problem as one line itself; MkDocs logs the whole
    error once more (mkdocs/commands/build.py, 1.6.1: `log.error(str(e))` before `Abort`) and,
    for an error raised while a page is built, "Error building page '…':" (`_build_page`). Those
    records are recognized by their text: should MkDocs word them otherwise, the bad-input
    corpus (tests/bad_inputs.yml), which compares stderr line for line, fails.
    """

    def __init__(self, problems: Callable[[], object]) -> None:
        super().__init__()
        self.problems = problems
        """What the plugin found wrong in this build (None: nothing)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep a record unless it copies the plugin's problems."""
        problems = self.problems()
        if problems is None:
            return True
        message = record.getMessage()
        return message != str(problems) and not message.startswith("Error building page ")


# ---------------------------------------------------------------------------------------------
# The inline scripts the theme writes (always on): the only ones a page's policy allows

_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
"""An inline script in a theme template: Material 9.8 writes each as a bare <script>, in
templates/partials/javascripts/{base,palette,content,announce,outdated,consent}.html."""
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_VALUE = r"[A-Za-z0-9._~/:%?#@!$&()*+,;=\[\]-]*"
"""What a template expression inside a script may print: an address's characters (Material's
is the page's `base_url` or site address), never a quote, backslash, < or white space, which
could end the string it stands in."""


@functools.cache
def theme_inline_scripts(theme_dirs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A pattern for each inline script of the theme's templates, which a built page's inline
    script must match whole to be allowed (output/security.py, `inline_of`).

    Read from the installed templates, so that an upgrade of Material brings its scripts
    along; each `{{ … }}` in a script becomes a value of address characters. A script with a
    `{% … %}` inside is left out (what it prints is not known): pages that have it fail the
    build, and tests/test_security.py shows which. Hidden folders (Material's .icons) and
    assets are not templates.
    """
    patterns: dict[str, re.Pattern[str]] = {}
    for folder in theme_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            parts = path.relative_to(folder).parts
            if parts[0] == "assets" or any(part.startswith(".") for part in parts):
                continue
            for found in _TEMPLATE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
                text = found.group(1)
                if "{%" in text or "{#" in text:
                    continue
                pieces = _EXPRESSION.split(text)
                patterns.setdefault(text, re.compile(_VALUE.join(re.escape(piece) for piece in pieces)))
    return tuple(patterns.values())


# ---------------------------------------------------------------------------------------------
# Speed-up: list the installed theme's files once per process

@functools.cache
def _installed_listing(folder: str) -> tuple[str, ...]:
    """Every file of an installed theme folder; it does not change while the process runs.

    Hidden files (Material's 14,000 icons live in .icons/) are left out: MkDocs never copies
    a theme file with a component starting with a dot (structure/files.py, 1.6.1,
    `add_files_from_theme`), and checking each name costs time too.
    """
    return tuple(name for name in jinja2.FileSystemLoader(folder).list_templates()
                 if not any(part.startswith(".") for part in name.split("/")))


def _theme_listing(folders: list[str], custom_dir: str | None) -> list[str]:
    """What the theme environment's loader lists: installed folders from the cache, the
    project's custom_dir (docs/overrides, which an editor may change while serving) afresh."""
    found: set[str] = set()
    for folder in folders:
        if custom_dir and Path(folder) == Path(custom_dir):
            found.update(jinja2.FileSystemLoader(folder).list_templates())
        else:
            found.update(_installed_listing(folder))
    return sorted(found)


def list_theme_files_once(config: MkDocsConfig) -> None:
    """Have the theme's environment list the installed theme folders once per process.

    Each build, MkDocs lists every file of the theme to find its assets (structure/files.py,
    1.6.1, `add_files_from_theme` calls `env.list_templates()` on the environment of
    theme.py `Theme.get_env`): for Material that is some 14,500 files, mostly icons, a
    quarter of a build's time. The theme's get_env is wrapped once per theme object.
    """
    theme = config.theme
    if getattr(theme, "_statement_site_listing", False):
        return
    get_env = theme.get_env

    def listing_env() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        assert isinstance(loader, jinja2.FileSystemLoader)
        loader.list_templates = functools.partial(  # type: ignore[method-assign]
            _theme_listing, list(loader.searchpath), theme.custom_dir)
        return env

    theme.get_env = listing_env  # type: ignore[method-assign]
    theme._statement_site_listing = True  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# Speed-up: compiled Jinja templates kept between runs, for our templates and the theme's

# Compiling templates is most of a first build's cost that is not MkDocs' own work (about
# 0.1 s for ours, 0.3 s for Material's; MkDocs 1.6.1 compiles the theme's anew each build).
# Jinja's FileSystemBytecodeCache (jinja2/bccache.py, 3.1) does the caching in a private
# per-user folder of the system's temporary folder. Jinja keys it by the template's file
# and does not key it by the environment's options, although the compiled code depends on
# them: here the key is the template's name and source, and the file names carry a digest
# of the options and of Jinja's version, so a second checkout of the project finds its
# templates compiled, and an edited template compiles again.

_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
            "autoescape")


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, keyed by each template's name and source rather than its path.

    A cache that cannot be read or written never fails the build.
    """

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        bucket = super().get_bucket(environment, name, self.get_source_checksum(source), source)
        if bucket.code is not None and filename:  # compiled in another folder: name this file in tracebacks
            bucket.code = _refiled(bucket.code, filename)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # damaged: compile anew
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _refiled(code: CodeType, filename: str) -> CodeType:
    """The code with every function in it naming this file (CPython code objects)."""
    if code.co_filename == filename:
        return code
    consts = tuple(_refiled(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _qualified_name(value: object) -> str:
    return getattr(value, "__qualname__", None) or repr(value)


def bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """A bytecode cache for this environment; None where no private cache folder can be had."""
    options = [jinja2.__version__, *(f"{name}={_qualified_name(getattr(env, name))}" for name in _OPTIONS),
               *sorted(env.extensions)]
    digest = hashlib.sha256("\n".join(options).encode()).hexdigest()[:12]
    try:
        return _BytecodeCache(pattern=f"statement-site-{digest}-%s.cache")
    except (OSError, RuntimeError):  # Jinja refuses a temporary folder it cannot make private
        return None


def private_cache_folder() -> Path | None:
    """The private per-user folder of Jinja's file cache, where the search index's word-form tables
    are kept too (output/search_cache.py); None where Jinja finds none it can trust.

    jinja2/bccache.py (3.1), FileSystemBytecodeCache: given no folder, it makes or checks
    `_jinja2-cache-<user id>` in the system's temporary folder (owned by the user, mode 0700,
    not a link) and keeps it as `directory`.
    """
    try:
        return Path(jinja2.FileSystemBytecodeCache().directory)
    except (OSError, RuntimeError):
        return None


# ---------------------------------------------------------------------------------------------
# Speed-up: generated pages skip Python-Markdown

def take_past_markdown(markdown: str, page: Page) -> str:
    """The Markdown to convert for a page: nothing for a page made only of HTML.

    Our generated pages (front matter `html_only: true`) are raw HTML blocks, which
    Python-Markdown passes through unchanged, but only after parsing every tag: a third of a
    build. The body is kept on the page and put back by `put_back` from on_page_content;
    MkDocs (structure/pages.py, 1.6.1, `Page.render`) converts an empty page instead.
    tests/test_plugin.py checks that Markdown would leave each such page unchanged.
    """
    if page.meta.get("html_only") is True:
        page._statement_site_html = markdown.strip()  # type: ignore[attr-defined]
        return ""
    return markdown


def put_back(html: str, page: Page) -> str:
    """The page's HTML, with the body that take_past_markdown kept from Markdown."""
    return getattr(page, "_statement_site_html", html)


# ---------------------------------------------------------------------------------------------
# `mkdocs serve` goes on watching a folder that was replaced (always on), within 0.1 s (speed-up)

POLL_SECONDS = 0.1
"""How often `mkdocs serve` looks for changed files with the speed-ups (MkDocs' own: 0.5 s)."""

MKDOCS_POLL_SECONDS = 0.5
"""MkDocs' own interval (livereload/__init__.py, 1.6.1, `LiveReloadServer.__init__`'s default)."""


class _LastingEmitter(PollingEmitter):
    """A polling emitter that goes on watching a folder that is gone for a moment.

    watchdog's (observers/polling.py, 7.1, `PollingEmitter.queue_events`) stops for good when
    a snapshot finds the folder missing, so `mv source s && mv s source`, or an editor
    replacing source/ with a fresh copy, stopped live reload without a word. Here a missing
    folder is an empty one: its files are reported deleted (a rebuild, which reports the
    missing input), and reported created when it is back (a rebuild of the new files). This
    relies on the emitter's `_take_snapshot` attribute; should it go, the emitter is
    watchdog's own (tests/test_serve.py says so).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        take = getattr(self, "_take_snapshot", None)
        if take is None:
            return

        def take_or_empty() -> DirectorySnapshot:
            try:
                return take()
            except (FileNotFoundError, NotADirectoryError):
                return EmptyDirectorySnapshot()

        self._take_snapshot = take_or_empty


class _LastingObserver(PollingObserver):
    """watchdog's polling observer with the emitter above."""

    def __init__(self, timeout: float) -> None:
        BaseObserver.__init__(self, _LastingEmitter, timeout=timeout)


def watch_lasting(server: LiveReloadServer, interval: float) -> None:
    """Move the server's watches to an observer whose emitters outlast a replaced folder,
    polling every `interval` seconds.

    MkDocs polls (it does not rely on inotify, which misses changes on some mounted file
    systems) and lets neither the emitter nor the interval be set. The watches are moved to a
    new observer before the server starts it. This reads MkDocs' private dict of watched paths
    (livereload/__init__.py, 1.6.1, `LiveReloadServer._watched_paths`); should that change,
    serving goes on with MkDocs' observer.
    """
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict):
        return
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _LastingObserver(interval)
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
