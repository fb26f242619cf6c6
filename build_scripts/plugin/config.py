"""The plugin's options in mkdocs.yml, each with its type and what it is for."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class _Megabytes(opt.Type):
    """A number of megabytes, 0 or more."""

    def run_validation(self, value: object) -> float:
        """MkDocs' type check, then the sign."""
        number = super().run_validation(value)
        if number < 0:
            raise opt.ValidationError(f"must be 0 or more megabytes, found {number}")
        return number


class StatementSiteConfig(Config):
    """`plugins: - statement-site: {…}` in mkdocs.yml; folders are relative to mkdocs.yml."""

    source_dir = opt.Dir(exists=False, default="source")
    """The editor's inputs: statement.ja.txt and the optional YAML files (`statement-site build
    --source` overrides it; `!ENV [STATEMENT_SITE_SOURCE, source]` reads it from the environment)."""

    templates_dir = opt.Dir(exists=True, default="templates")
    """The Jinja2 templates of the generated pages and their words (strings.yml)."""

    input_warnings = opt.Choice(("report", "fail"), default="report")
    """What a warning about the inputs (an alias that never occurs…) does: `fail` makes it an
    error (`statement-site build --strict`). MkDocs' own `strict` is about MkDocs' warnings."""

    speedups = opt.Type(bool, default=True)
    """Shortcuts around MkDocs, Material and Jinja that make builds faster (upstream.py); off,
    the site is byte for byte the same, only slower."""

    owner = opt.Optional(opt.Type((str, dict)))
    """Who runs the site (a person, team or institution), by name: a text, or one per language
    (`{ja: …, en: …}`). Named in every page's footer, beside the banner on the home page, on the
    About page, and in citations as the maker of the site's translation."""

    owner_about = opt.Optional(opt.Type((str, dict)))
    """What the owner is, in a phrase per language (`en: an independent open-source project, …`),
    said after the owner's name in the footer, on the home page and on the About page."""

    contact = opt.Optional(opt.Type(str))
    """Where readers report errors: a web address or an e-mail address, in every page's footer
    and on the About page. Without it, MkDocs' `repo_url` gives its issue tracker; without
    either, the build says that readers cannot report errors."""

    license = opt.Optional(opt.Type(dict))
    """The licence of the site's own texts (translation, glossary descriptions) and data files:
    `name` (a text, or one per language) and `url`. Stated on the About and Data pages, in the
    data files and in the citation metadata."""

    source_license = opt.Optional(opt.Type(dict))
    """The terms under which the published text is reused: `name` (a text, or one per language)
    and, optionally, `url`. Stated beside `license` wherever it is."""

    offline = opt.Type(bool, default=True)
    """Reading offline: the build writes a service worker (sw.js at the site's root) that pages
    register once loaded, and that caches every page of every language and the search indexes.
    `false` writes a worker that removes itself instead, so that readers of an earlier build
    are not left with one. Under `mkdocs serve` it is always off."""

    offline_budget = _Megabytes((int, float), default=5)
    """What the service worker may fetch unasked, in megabytes as sent compressed (gzip): the
    files every page loads, then the reader's language, then the rest, as far as this allows.
    Beyond it, pages are cached as they are read. 0: only what is read."""
