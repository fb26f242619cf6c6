"""Render the model into Markdown pages through the Jinja2 templates in templates/.

Python decides which pages exist and passes models; the templates hold all markup and
all words (UI strings live in templates/strings.yml). Statement text is data: autoescaping
is on for every template, and text only ever reaches a page inside raw HTML blocks, where
Markdown does not interpret it.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import json
import math
import re
import string
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup, escape

from ..errors import InputError, Problems
from ..inputs.glossary import KINDS
from ..inputs.textfile import display_path, read_text
from ..inputs.yamlfile import LOADER, key_line
from ..model import Edition, Origin, Span, Statement, Term, Version
from .glossary import filter_names, mention_groups
from .site import Site

BytecodeCacheFactory = Callable[[jinja2.Environment], "jinja2.BytecodeCache | None"]

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    """Path inside the docs folder, e.g. 'alliance.md'."""
    content: str


def meta_text(text: str | Markup) -> Markup:
    """A page title or description for YAML front matter.

    MkDocs and Material print titles into HTML without escaping (they may hold markup from
    Markdown headings), so the title must be HTML-escaped once: plain text is escaped here,
    Markup (a macro's output) already is. JSON quoting makes it a safe YAML scalar.
    """
    return Markup(json.dumps(str(escape(text)), ensure_ascii=False))


_JAPANESE_RUN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef々〆]+(?:[\s\d]*[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef々〆]+)*")


def lang_runs(text: str, page_lang: str) -> Markup:
    """Escape text, marking runs of Japanese in a page of another language with lang="ja"."""
    if page_lang == "ja":
        return escape(text)
    out, cursor = [], 0
    for match in _JAPANESE_RUN.finditer(text):
        out.append(str(escape(text[cursor:match.start()])))
        out.append(f'<span lang="ja">{escape(match.group(0))}</span>')
        cursor = match.end()
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def long_date(statement: Statement, lang: str) -> str:
    """The statement's date as written in running text of the language: in Japanese, as published."""
    value = statement.date
    if lang == "ja":
        return statement.date_text or f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph as shown: its number k (its id is p<N>.<k>) and its runs."""

    number: int
    spans: tuple[Span, ...]
    after: str
    """The white space between it and the next sentence of the same line ("" in Japanese)."""


@dataclass(frozen=True)
class ParagraphParts:
    """A paragraph split for display: the sentences of its lead, and of each of its lines
    (list items, notes, rows…: Paragraph.lines)."""

    lead: tuple[Sentence, ...]
    lines: tuple[tuple[Sentence, ...], ...]


def _cut(spans: tuple[Span, ...], start: int, end: int) -> tuple[Span, ...]:
    """The runs of [start, end) of a paragraph's text (a run cut at the edges keeps its kind)."""
    out, offset = [], 0
    for span in spans:
        a, b = offset, offset + len(span.text)
        offset = b
        if b <= start or a >= end:
            continue
        piece = span.text[max(start, a) - a:min(end, b) - a]
        out.append(span if piece == span.text else dataclasses.replace(span, text=piece))
    return tuple(out)


def paragraph_parts(version: Version, number: int) -> ParagraphParts:
    """Split ¶number of a version into its sentences (inputs/sentences.py) and group them by
    the line each begins on: the lead (before the first line), then each line."""
    spans, text = version.paragraphs[number], version.text(number)
    bounds = version.sentences.get(number) or ((0, len(text)),)
    starts = version.lines.get(number, ())
    lead: list[Sentence] = []
    lines: list[list[Sentence]] = [[] for _ in starts]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1  # -1: the lead

    for k, (start, end) in enumerate(bounds, start=1):
        following = bounds[k][0] if k < len(bounds) else len(text)
        same_line = k < len(bounds) and line_of(following) == line_of(start)
        sentence = Sentence(k, _cut(spans, start, end), text[end:following] if same_line else "")
        (lines[line_of(start)] if line_of(start) >= 0 else lead).append(sentence)
    return ParagraphParts(tuple(lead), tuple(tuple(line) for line in lines))


def diff_ranges(text: str, other: str) -> tuple[tuple[int, int], ...]:
    """The runs of `text` that `other` does not have, as (start, end): difflib's alignment of the
    two, made in one order whichever side is asked for, so that both sides agree."""
    first, second = sorted((text, other))
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    if text == first:
        return tuple((i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag in ("replace", "delete"))
    return tuple((j1, j2) for tag, _, _, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert"))


def differing(text: str, other: str) -> Markup:
    """Escape `text`, marking with <mark class="stmt-diff"> each run where it differs from
    `other`: a correction of one character (兩 → 両) shows which one, and one of two characters
    in a long name (グリーン…(G → クリーン…(C) shows those two. The sheet of a corrected word
    (tips.js) marks the same runs, from `diff_attribute`."""
    out, cursor = Markup(""), 0
    for start, end in diff_ranges(text, other):
        out += escape(text[cursor:start]) + Markup('<mark class="stmt-diff">{}</mark>').format(text[start:end])
        cursor = end
    return out + escape(text[cursor:])


def diff_attribute(text: str, other: str) -> str:
    """diff_ranges as an attribute's value for tips.js: "start-end" pairs, a space between."""
    return " ".join(f"{start}-{end}" for start, end in diff_ranges(text, other))


def size(value: int, lang: str) -> str:
    """A file size as the Data page gives it."""
    if value < 10_000:
        return f"{value:,} B" if lang != "ja" else f"{value:,} バイト"
    return f"{value / 1000:,.0f} KB"


def fill(sentence: str, **values: object) -> Markup:
    """A sentence of strings.yml with its {placeholders} filled: the words escaped, each value
    escaped unless it is markup already (a link made in the template)."""
    return Markup(escape(sentence)).format(**values)


@functools.lru_cache(maxsize=4)
def environment(templates: Path, bytecode_cache: BytecodeCacheFactory | None = None) -> jinja2.Environment:
    """The one Jinja2 environment: strict about undefined names, escaping everything.

    Kept for the life of the process, and, given a bytecode cache (the plugin's speed-up),
    compiled templates are kept between processes; Jinja still reloads a template whose file
    changed (auto_reload), which `mkdocs serve` relies on.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["meta_text"] = meta_text
    env.filters["long_date"] = long_date
    env.filters["lang_runs"] = lang_runs
    env.filters["fill"] = fill
    env.filters["paragraph_parts"] = paragraph_parts
    env.filters["size"] = size
    env.filters["differing"] = differing
    env.filters["diff_attribute"] = diff_attribute
    env.filters["filter_names"] = filter_names
    if bytecode_cache is not None:
        env.bytecode_cache = bytecode_cache(env)
    return env


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def load_strings(templates: Path, languages: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
    """The site's own words in every language: the same keys, each with the same placeholders,
    and every one of `languages`; a mistake is an InputError naming strings.yml and the line."""
    path = templates / "strings.yml"
    shown = display_path(path)
    text = read_text(path)
    try:
        strings = yaml.load(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(Origin(shown, mark.line + 1 if mark else None), f"YAML syntax error: {exc.problem}") from None
    lines = text.splitlines()

    def line_of(key: object) -> Origin:
        return Origin(shown, key_line(lines, key))

    if not isinstance(strings, dict) or not all(isinstance(words, dict) for words in strings.values()):
        raise InputError(Origin(shown), "expected a mapping of languages (ja:, en:), each a mapping of keys to sentences")
    problems = Problems()
    for lang, words in strings.items():
        for key, sentence in words.items():
            if not isinstance(sentence, str):
                problems.add(line_of(key), f"{lang}: {key!r} must be text, found {type(sentence).__name__}")
    given = list(strings)
    first = given[0] if given else None
    for lang in languages:
        if lang not in strings:
            problems.add(Origin(shown), f"has no words for {lang!r} (the site is built in {', '.join(languages)})")
    for lang in given[1:]:
        assert first is not None
        for key in sorted(strings[first].keys() ^ strings[lang].keys(), key=str):
            has, lacks = (first, lang) if key in strings[first] else (lang, first)
            problems.add(line_of(key), f"key {key!r} is in '{has}' but not in '{lacks}'")
        for key in sorted(strings[first].keys() & strings[lang].keys(), key=str):
            if _placeholders(str(strings[first][key])) != _placeholders(str(strings[lang][key])):
                problems.add(line_of(key), f"key {key!r} has other placeholders in '{lang}' than in '{first}'")
    problems.raise_if_any()
    return strings


def _template_problem(error: jinja2.TemplateError, templates: Path) -> InputError:
    """A template's mistake as `file:line: message`: Jinja puts the template's lines into the
    traceback of an error raised while rendering (a syntax error carries its own)."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return InputError(Origin(display_path(Path(error.filename)), error.lineno), f"template error: {error.message}")
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".j2")]
    if frames:
        return InputError(Origin(display_path(Path(frames[-1].filename)), frames[-1].lineno), f"template error: {error}")
    return InputError(Origin(display_path(templates)), f"template error: {error}")


def template(env: jinja2.Environment, name: str, templates: Path) -> jinja2.Template:
    """A template by name; a syntax error is an InputError naming the file and line."""
    try:
        return env.get_template(name)
    except jinja2.TemplateError as error:
        raise _template_problem(error, templates) from None


def render(env: jinja2.Environment, name: str, templates: Path, *args: object, **context: object) -> str:
    """A template rendered; a mistake in it (syntax, an undefined name) is an InputError."""
    try:
        return template(env, name, templates).render(*args, **context)
    except jinja2.TemplateError as error:
        raise _template_problem(error, templates) from None


def page_path(name: str, lang: str, default: str) -> str:
    """The docs-folder path of a page in a language (mkdocs-static-i18n's suffix structure)."""
    return f"{name}.md" if lang == default else f"{name}.{lang}.md"


@dataclass(frozen=True)
class DataFile:
    """A file of the Data page: its name, its size in bytes, the key of its description."""

    name: str
    size: int

    @property
    def key(self) -> str:
        return self.name.replace(".", "_")


def render_pages(edition: Edition, templates: Path, bytecode_cache: BytecodeCacheFactory | None = None,
                 data: list[Page] | None = None, site: Site | None = None) -> list[Page]:
    """Every generated page, in every language of the edition (the Data page lists `data`)."""
    env = environment(templates, bytecode_cache)
    strings = load_strings(templates, edition.languages)
    data_files = [DataFile(page.path.rsplit("/", 1)[-1], len(page.content.encode("utf-8"))) for page in data or ()]
    default = edition.languages[0]
    translations = [v for v in edition.versions if v.translation]
    # The Data page says the data's version, date and base, as statement.json does.
    described: dict = next((json.loads(page.content) for page in data or () if page.path.endswith("/statement.json")), {})
    facts = {"data_version": described.get("version", ""), "data_generated": described.get("generated", ""),
             "data_base": described.get("base_url")}
    pages = []
    for version in edition.versions:
        common = {
            "edition": edition, "statement": edition.statement, "lang": version.lang, "t": strings[version.lang],
            "strings": strings,  # the words of every language (a language named in its own words)
            "version": version, "original": edition.versions[0], "translations": translations,
            "site": site or Site(),
        }

        def add(name: str, template: str, root: str, common=common, lang=version.lang, **extra) -> None:
            content = render(env, template, templates, common, root=root, **extra)
            pages.append(Page(page_path(name, lang, default), content))

        add("index", "home.md.j2", "")
        add("full", "full.md.j2", "../")
        add("corrections", "corrections.md.j2", "../")
        if data_files:
            files_root = "../" if version.lang == default else "../../"  # the files are at the site's root
            add("data", "data.md.j2", "../", data_files=data_files, files_root=files_root, **facts)
        if edition.terms:
            add("glossary", "glossary.md.j2", "../", entries=edition.terms, groups=glossary_groups(edition, version.lang),
                mention_groups=mention_groups(edition, version.lang))
        sections = edition.statement.sections
        for translation in translations:
            add("parallel/index", "parallel_index.md.j2", "../", translation=translation)
        for i, section in enumerate(sections):
            add(section.slug, "section.md.j2", "../", section=section)
            for translation in translations:  # with its neighbours, for the previous/next links
                add(f"parallel/{section.slug}", "parallel.md.j2", "../../", section=section, translation=translation,
                    previous_section=sections[i - 1] if i else None, next_section=sections[i + 1] if i + 1 < len(sections) else None)
    return pages


@dataclass(frozen=True)
class Chrome:
    """What a page of the site says around the statement (templates/chrome.html.j2)."""

    banner: Markup
    """Where the text comes from and what is this site's own, at the top of every page."""
    footer: Markup
    """Who runs the site, and where readers report errors."""
    operator: Markup
    """The same as a paragraph, beside the banner on the home page."""
    report: Markup
    """Where readers report errors, as a paragraph of the About page."""
    licences: Markup
    """What readers may do with the site's texts, the published text and the software (About)."""


def chrome(edition: Edition, templates: Path, lang: str, root: str, site: Site,
           bytecode_cache: BytecodeCacheFactory | None = None) -> Chrome:
    """The banner and footer of a page in `lang`; `root` leads from the page to its language's root."""
    t = load_strings(templates, edition.languages)[lang]
    env = environment(templates, bytecode_cache)
    try:
        module = template(env, "chrome.html.j2", templates).module
        return Chrome(banner=Markup(module.banner(edition, lang, t, root)),  # type: ignore[attr-defined]
                      footer=Markup(module.footer(t, site, lang)),  # type: ignore[attr-defined]
                      operator=Markup(module.operator(t, site, lang)),  # type: ignore[attr-defined]
                      report=Markup(module.report(t, site)),  # type: ignore[attr-defined]
                      licences=Markup(module.licences(edition, t, site, lang)))  # type: ignore[attr-defined]
    except jinja2.TemplateError:
        try:  # as render() does: put the template's own lines into the traceback
            env.handle_exception()
        except jinja2.TemplateError as error:
            raise _template_problem(error, templates) from None
        raise


def glossary_groups(edition: Edition, lang: str) -> list[tuple[str, list[Term]]]:
    """Entries grouped by kind, each group in the language's order (Japanese by reading)."""
    def order(term: Term) -> str:
        return term.yomi if lang == "ja" else term.names[lang].casefold()

    return [(kind, sorted((t for t in edition.terms if t.kind == kind), key=order))
            for kind in KINDS if any(t.kind == kind for t in edition.terms)]


NAV_FLAT_LIMIT = 20
"""Up to this many sections, the navigation lists them one by one; beyond it, in groups."""


def navigation(edition: Edition) -> list[str | dict[str, list[str]]]:
    """The site's page order: home, the sections, the whole text, the parallel text's index,
    glossary, corrections, data, about.

    MkDocs writes the navigation into every page, so a flat list of n sections costs n² in
    all. A long statement's sections are grouped instead, about √n to a group, each group
    named by its paragraphs ("¶1–¶45", the same in every language); with Material's
    navigation.prune a page carries only the groups' names and its own group's pages.
    """
    sections = edition.statement.sections
    pages: list[str | dict[str, list[str]]] = [f"{s.slug}.md" for s in sections]
    if len(sections) > NAV_FLAT_LIMIT:
        size = math.ceil(math.sqrt(len(sections)))
        pages = [{f"¶{group[0].first}–¶{group[-1].last}": [f"{s.slug}.md" for s in group]}
                 for group in (sections[i:i + size] for i in range(0, len(sections), size))]
    glossary = ["glossary.md"] if edition.terms else []
    parallel = ["parallel/index.md"] if edition.translated else []  # one entry, not one per section
    return ["index.md", *pages, "full.md", *parallel, *glossary, "corrections.md", "data.md", "about.md"]
