"""Render the model into Markdown pages through the Jinja2 templates in templates/.

Python decides which pages exist and passes models; the templates hold all markup and
all words (UI strings live in templates/strings.yml). Statement text is data: autoescaping
is on for every template, and text only ever reaches a page inside raw HTML blocks, where
Markdown does not interpret it.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

from .model import Edition

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    """Path inside the docs folder, e.g. 'alliance.md'."""
    content: str


def meta_title(text: str) -> Markup:
    """A page title for YAML front matter.

    MkDocs and Material print titles into HTML without escaping (they may hold markup from
    Markdown headings), so we escape the text first; JSON quoting makes it a safe YAML scalar.
    """
    return Markup(json.dumps(html.escape(str(text), quote=False), ensure_ascii=False))


def long_date(value, lang: str) -> str:
    """A date as written in running text of the language."""
    if lang == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def environment(templates: Path) -> jinja2.Environment:
    """The one Jinja2 environment: strict about undefined names, escaping everything."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["meta_title"] = meta_title
    env.filters["long_date"] = long_date
    return env


def load_strings(templates: Path) -> dict[str, dict[str, str]]:
    """The UI strings of every language (a project file, not user input)."""
    with (templates / "strings.yml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def render_pages(edition: Edition, templates: Path, lang: str = "ja") -> list[Page]:
    """Every generated page of one language."""
    env = environment(templates)
    strings = load_strings(templates)[lang]
    common = {"edition": edition, "statement": edition.statement, "lang": lang, "t": strings}
    pages = [
        Page("index.md", env.get_template("home.md.j2").render(common, root="")),
        Page("full.md", env.get_template("full.md.j2").render(common, root="../")),
        Page("corrections.md", env.get_template("corrections.md.j2").render(common, root="../")),
    ]
    for section in edition.statement.sections:
        text = env.get_template("section.md.j2").render(common, root="../", section=section)
        pages.append(Page(f"{section.slug}.md", text))
    return pages


def navigation(edition: Edition) -> list[str]:
    """The site's page order: home, the sections, the whole text, corrections, about."""
    return ["index.md", *(f"{s.slug}.md" for s in edition.statement.sections), "full.md", "corrections.md", "about.md"]
