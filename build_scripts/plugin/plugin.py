"""The MkDocs plugin: the statement's pages, generated from source/ and built by MkDocs.

It is the only way the pages are made: `mkdocs build`, `mkdocs serve`, `mkdocs gh-deploy` and
`statement-site build` all run it. Listed in mkdocs.yml under `plugins:` as `statement-site`
(registered in pyproject.toml); its options are in config.py.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from ..addresses import is_contact_address, is_web_address
from ..edition import TRANSLATION_FILE, load_edition
from ..errors import InputError, InputErrors, Problems, quoted
from ..inputs.textfile import display_path
from ..inputs.yamlfile import key_line
from ..languages import TRANSLATIONS, url_prefix
from ..model import Edition, Origin
from ..output.assets import minify_assets
from ..output.data import data_pages
from ..output.headers import write_headers
from ..output.metadata import page_data
from ..output.offline import Manifest, write_worker
from ..output.render import Chrome, Page, chrome, load_strings, navigation, render_pages
from ..output.search import search_pages
from ..output.security import inline_of, policy, with_policy_meta
from ..output.site import Site, SiteOptionError, site_facts
from ..report import decisions
from ..sitefolder import SiteFolderRefused, check_site_folder, write_mark
from . import upstream
from .config import StatementSiteConfig
from .marks import MarkError, fill_marks
from .pages import add_pages, check_names
from .toc import page_toc

log = get_plugin_logger("statement-site")

class InputProblems(PluginError):
    """The inputs are wrong: one line per problem, `file:line: what`, for the user to fix."""

    def __init__(self, errors: InputErrors) -> None:
        super().__init__(str(errors))
        self.errors = errors.errors


@dataclass(frozen=True)
class Generated:
    """What one generation made: the checked edition and its pages."""

    edition: Edition
    pages: list[Page]
    """The generated pages and files, in every language (MkDocs reads docs/ itself)."""
    load_seconds: float
    """Reading and checking the inputs."""
    render_seconds: float
    """Rendering the pages and the search index."""
    notes: tuple[str, ...]
    """What the site will lack, said once per generation (no translation: no /en/)."""


class StatementSitePlugin(BasePlugin[StatementSiteConfig]):
    """Generates the pages in on_config and adds them to MkDocs' files in on_files."""

    def __init__(self) -> None:
        self.generated: Generated | None = None
        """The pages of the last generation (statement-site build reports from it)."""
        self._inputs: tuple = ()
        """The fingerprint of the input files the pages were generated from."""
        self.problems: InputErrors | None = None
        """What was wrong with the inputs, when the last generation failed."""
        self._chromes: dict[tuple[str, str], Chrome] = {}
        """What pages say around the statement, by language and path to the site's root (in this build)."""
        self.command: str | None = None
        """MkDocs' command (build, gh-deploy, serve), when MkDocs said."""
        self.serving = False
        """Under `mkdocs serve`, whose live reload adds an inline script to every page."""
        self.offline: Manifest | None = None
        """What the last build's service worker caches (None: reading offline is off)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember the command; declared so that MkDocs keeps this instance, and its state, across
        `mkdocs serve` rebuilds."""
        self.command = command
        self.serving = command == "serve"

    @property
    def offline_reading(self) -> bool:
        """Whether pages register the caching worker: the option, and never under `mkdocs serve`
        (a cache in front of the live reload would show stale scripts)."""
        return self.config.offline and not self.serving

    def protected(self, config: MkDocsConfig) -> dict[str, Path]:
        """The project's own files and folders, which no site folder may be, hold or (but the
        project) lie inside."""
        config_file = Path(config.config_file_path)
        return {"the project folder": config_file.parent, "the MkDocs configuration": config_file,
                "the source folder": Path(self.config.source_dir), "the docs folder": Path(config.docs_dir),
                "the templates folder": Path(self.config.templates_dir)}

    def _check_addresses(self, config: MkDocsConfig) -> None:
        """Refuse a site_url or contact that is not an address (pages would link to it as written)."""
        config_file = Path(config.config_file_path)
        problems = Problems()
        if config.site_url and not is_web_address(config.site_url):
            problems.add(_origin_of(config_file, "site_url"), "site_url must be a web address (https://…), found "
                                                               f"{quoted(config.site_url)}")
        if self.config.contact is not None and not is_contact_address(self.config.contact):
            problems.add(_origin_of(config_file, "contact"), "plugins: statement-site: contact must be a web address "
                                                              "(https://…) or an e-mail address, found "
                                                              f"{quoted(self.config.contact)}")
        if problems.errors:
            self._refuse(InputErrors(problems.errors))

    def _refuse(self, problems: InputErrors) -> NoReturn:
        """Stop the build with the problems (kept for `statement-site build` to print)."""
        self.problems = problems
        raise InputProblems(problems) from None

    # -- generation --------------------------------------------------------------------------

    def site_facts(self, config: MkDocsConfig) -> Site:
        """Who runs the site and on what terms (options owner, contact, license…; MkDocs' repo_url)."""
        try:
            return site_facts(self.config.owner, self.config.owner_about, self.config.contact, config.repo_url,
                              self.config.license, self.config.source_license)
        except SiteOptionError as error:
            raise PluginError(str(error)) from None

    def _fingerprint(self, config: MkDocsConfig) -> tuple:
        """Name, size and modification time of every input of the pages: source, templates, docs.

        docs/ counts too: a hand-written file there must not take a generated page's name.
        """
        found = []
        for folder in (self.config.source_dir, self.config.templates_dir, config.docs_dir):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    found.append((str(path), stat.st_size, stat.st_mtime_ns))
        return (self.config.input_warnings, self.config.speedups, tuple(found))

    def generate(self, config: MkDocsConfig) -> Generated:
        """Gather and check the inputs, render the pages; raise InputErrors naming every problem."""
        start = time.perf_counter()
        source = Path(self.config.source_dir)
        edition = load_edition(source)
        if self.config.input_warnings == "fail" and edition.warnings:
            raise InputErrors([InputError(origin, message) for origin, message in edition.warnings])
        loaded = time.perf_counter()
        cache = upstream.bytecode_cache if self.config.speedups else None
        forms_cache = upstream.private_cache_folder() if self.config.speedups else None
        site = self.site_facts(config)
        data = data_pages(edition, config.site_url or "../", site)
        templates = Path(self.config.templates_dir)
        pages = (render_pages(edition, templates, cache, data, site)
                 + search_pages(edition, load_strings(templates), forms_cache) + data)
        for lang in edition.languages:  # the banner and footer's template is checked before any page is written
            chrome(edition, templates, lang, "", site, cache)
        check_names(pages, Path(config.docs_dir))
        notes = tuple(f"no {TRANSLATION_FILE.format(lang=lang)} in {display_path(source)}: building without "
                      f"the '{lang}' pages and language selector"
                      for lang in TRANSLATIONS if lang not in edition.languages)
        if not site.contact:
            notes += ("no contact: set `contact:` of the statement-site plugin in mkdocs.yml (a web or e-mail "
                      "address), or MkDocs' `repo_url` for its issue tracker, so that pages can say where readers "
                      "report errors",)
        if not site.owner:
            notes += ("no owner: set `owner:` of the statement-site plugin in mkdocs.yml so that pages and "
                      "citations can say who runs the site and made its translation",)
        return Generated(edition, pages, loaded - start, time.perf_counter() - loaded, notes)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Generate the pages (unless no input changed since the last time) and set the nav.

        mkdocs-static-i18n builds each further language with another MkDocs build of the same
        config, which calls on_config again: the pages of the first are still current then.
        """
        if not upstream.building_another_language(config):
            self._check_addresses(config)
            if not self.serving:
                # `mkdocs build` and `gh-deploy` empty the site folder right after this event.
                try:
                    check_site_folder(Path(config.site_dir), self.protected(config))
                except SiteFolderRefused as refused:
                    raise PluginError(str(refused)) from None
        upstream.date_builds_by_last_commit(Path(config.config_file_path).parent)
        upstream.start_with_all_theme_pages(config)
        if self.config.speedups:
            upstream.list_theme_files_once(config)
        inputs = self._fingerprint(config)
        self._chromes = {}  # each language's build starts afresh (on_config runs once for each)
        if self.generated is None or inputs != self._inputs:
            self.generated, self.problems = None, None
            try:
                generated = self.generate(config)
            except (InputError, InputErrors) as error:
                self._refuse(error if isinstance(error, InputErrors) else InputErrors([error]))
            self.generated, self._inputs = generated, inputs
            for origin, message in generated.edition.warnings:
                log.info(f"input warning: {origin}: {message}")
            for note in generated.notes:
                log.info(note)
            for line in decisions(generated.edition.statement):  # what the parser decided, as check says it
                log.info(line)
            log.debug(f"{len(generated.pages)} pages generated in {generated.load_seconds + generated.render_seconds:.3f} s")
        _configure(config, self.generated.edition, Path(self.config.templates_dir), self.site_facts(config))
        config.extra["statement_offline"] = self.offline_reading  # main.html: offline.js registers the worker or removes it
        return config

    # -- MkDocs' build -----------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated pages (before mkdocs-static-i18n's on_files, which runs at -100)."""
        assert self.generated is not None
        return add_pages(files, config, self.generated.pages)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Give the generated pages back their content, after mkdocs-static-i18n copied them."""
        assert self.generated is not None
        upstream.restore_generated_content(files, {p.path: p.content for p in self.generated.pages})
        return nav

    def on_env(self, env, config: MkDocsConfig, files: Files):
        """Choose the theme's pages this build writes; keep the theme's compiled templates."""
        upstream.leave_out_theme_pages(config)
        if self.config.speedups:
            env.bytecode_cache = upstream.bytecode_cache(env)
        return env

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """Say what a hand-written page asks for with its marks (who runs the site, where readers
        report errors, the licences, what holds of the inputs: marks.py); take a page made only of
        HTML past Python-Markdown (a speed-up)."""
        made = self._chrome(config, "")
        if made is not None:
            assert self.generated is not None
            try:
                markdown = fill_marks(markdown, self.generated.edition, made)
            except MarkError as error:
                raise PluginError(f"{page.file.src_uri}: {error}") from None
        return upstream.take_past_markdown(markdown, page) if self.config.speedups else markdown

    def on_page_content(self, html_content: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """Put back a page's HTML, and give a generated page its table of contents."""
        content = upstream.put_back(html_content, page)
        # Material's table of contents needs the page in the navigation (its toggle lives there).
        if page.meta.get("html_only") is True and page.file.inclusion.is_in_nav():
            page.toc = page_toc(content, int(page.meta.get("toc_depth", 6)), page.meta.get("toc_paragraphs") is True)
        return content

    def on_page_context(self, context: TemplateContext, *, page: MkDocsPage, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Give the page its banner and footer (main.html and partials/copyright.html print them)."""
        return self._give_chrome(context, config, f"{context['base_url']}/")

    def on_template_context(self, context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        """Give the theme's pages (404.html) the banner and footer too, linked from the site's root."""
        return self._give_chrome(context, config, context["base_url"].rstrip("/") + "/")

    def _give_chrome(self, context: TemplateContext, config: MkDocsConfig, site_root: str) -> TemplateContext:
        made = self._chrome(config, site_root)
        if made is not None:
            context["statement_chrome"] = made  # type: ignore[typeddict-unknown-key]
        return context

    def _chrome(self, config: MkDocsConfig, site_root: str) -> Chrome | None:
        """What a page in the language being built says around the statement (None in a language
        the statement is not in); `site_root` leads from the page to the site's root."""
        assert self.generated is not None
        edition, lang = self.generated.edition, config.theme["language"]
        if lang not in edition.languages:
            return None
        root = site_root + url_prefix(lang, edition.languages)
        # Pages at the same depth say the same: made once for each (reading strings.yml and
        # the template for each of a hundred pages took a second).
        key = (lang, root)
        if key not in self._chromes:
            cache = upstream.bytecode_cache if self.config.speedups else None
            self._chromes[key] = chrome(edition, Path(self.config.templates_dir), lang, root, self.site_facts(config),
                                        cache)
        return self._chromes[key]

    @event_priority(-200)  # last: the page as it will be written
    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """Give the page its Content-Security-Policy."""
        return self._with_policy(output, page.file.src_uri, config)

    @event_priority(-200)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Give the theme's pages (404.html) their Content-Security-Policy."""
        return self._with_policy(output_content, template_name, config) if template_name.endswith(".html") else output_content

    def _with_policy(self, output: str, name: str, config: MkDocsConfig) -> str:
        """The page with a CSP <meta> allowing its own inline scripts and styles by their hashes.

        Under `mkdocs serve` the page has none: MkDocs' live reload injects an inline script
        that differs from one request to the next, which no hash computed here could allow.
        """
        inline = inline_of(output, upstream.theme_inline_scripts(tuple(config.theme.dirs)))
        if inline.unknown:
            # Neither the theme nor the plugin wrote it: allowing it by its hash would let any
            # script that reaches a page run (an unescaped value, a hand-written page).
            more = f" (and {len(inline.unknown) - 1} more)" if len(inline.unknown) > 1 else ""
            written = Path(config.docs_dir) / name
            origin = Origin(display_path(written) if written.is_file() else name)
            self._refuse(InputErrors([InputError(origin, (
                f"has an inline script that neither the theme nor statement-site writes{more}: "
                f"{quoted(inline.unknown[0])}; the Content-Security-Policy allows none such (put a script of your own "
                "in docs/assets/ and list it under extra_javascript)"))]))
        if inline.refused:
            more = f" and {len(inline.refused) - 1} more" if len(inline.refused) > 1 else ""
            log.warning(f"{name}: the Content-Security-Policy will refuse inline code: {inline.refused[0]}{more}")
        if self.serving:
            return output
        placed = with_policy_meta(output, policy(inline.scripts, inline.styles))
        if placed is None:
            log.warning(f"{name}: has no <head>, so no Content-Security-Policy")
            return output
        return placed

    @event_priority(-200)  # after mkdocs-static-i18n's (-100), which builds the other languages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the service worker at the site's root and `_headers` (headers for Netlify and
        Cloudflare Pages), from the whole built site.

        mkdocs-static-i18n builds each further language inside the first build's on_post_build,
        and each such build calls this too: only the last call, the first build's, sees every page.
        """
        if upstream.building_another_language(config):
            return  # the site is not complete yet: the build of the first language writes them
        if not self.serving:  # (under `mkdocs serve` the scripts stay as written, for debugging)
            minify_assets(Path(config.site_dir))
        # _headers first: the worker's version is a hash of every other file of the site
        write_headers(Path(config.site_dir), config.theme.dirs)
        write_mark(Path(config.site_dir))
        assert self.generated is not None
        self.offline = write_worker(Path(config.site_dir), self.offline_reading, config.use_directory_urls,
                                    round(self.config.offline_budget * 1_000_000), self.generated.edition.languages)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        """Rebuild when an input or a template changes, besides docs/ (which MkDocs watches)."""
        for folder in (self.config.source_dir, self.config.templates_dir):
            server.watch(folder)
        upstream.watch_lasting(server, upstream.POLL_SECONDS if self.config.speedups else upstream.MKDOCS_POLL_SECONDS)
        return server


def _configure(config: MkDocsConfig, edition: Edition, templates: Path, site: Site) -> None:
    """Set what MkDocs takes from the statement: page order, site name, languages built, and
    the facts main.html writes into every page (citation, preview and schema.org tags)."""
    config.nav = navigation(edition)
    strings = load_strings(templates)
    config.extra["statement_site"] = {lang: page_data(edition, lang, strings[lang], site) for lang in edition.languages}
    # Material prints site_name as HTML without escaping it; the title is data.
    config.site_name = html.escape(edition.statement.title, quote=False)
    # A language is built only when the edition has its text (no translation file: no /en/).
    upstream.build_languages(config, {v.lang: html.escape(v.title, quote=False) for v in edition.versions})


def _origin_of(config_file: Path, key: str) -> Origin:
    """Where mkdocs.yml sets a key (MkDocs keeps no line numbers of its configuration)."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    return Origin(display_path(config_file), key_line(lines, key))
