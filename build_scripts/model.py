"""The typed model of a statement: plain frozen dataclasses, no behaviour beyond views."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

from .languages import ORIGINAL


@dataclass(frozen=True)
class Origin:
    """Where a piece of input came from, for error messages."""

    path: str
    """The file, as the user named it (relative to the working directory when possible)."""
    line: int | None = None
    """1-based line number in that file, when known."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Correction:
    """One editorial correction of the published text."""

    number: int
    """1-based position in corrections.yml; shown to readers as the correction's id."""
    paragraph: int
    """Number of the paragraph it applies to."""
    published: str
    """The text exactly as published (must occur once in the paragraph)."""
    corrected: str
    """The text the site shows instead."""
    reason: dict[str, str]
    """Why, per language code ('ja' always present)."""
    origin: Origin


@dataclass(frozen=True)
class Span:
    """A run of paragraph text; corrected runs remember their correction."""

    text: str
    """The text shown to readers."""
    correction: Correction | None = None
    """The correction that produced this run, if any."""
    term_id: str | None = None
    """The id of the glossary entry this run links to (its first mention in the paragraph)."""


PARAGRAPH_KINDS = {
    "text": "running text; its lines are list items (・…, ①…, (a)…)",
    "notes": "notes (注１…, ※１…), one a line",
    "table": "rows of 項目：内容, under an optional caption",
    "lines": "lines that are lines: a contact block (【お問い合わせ】…), or a block statement.yml declares so",
    "closing": "the end of the text or of an annex: the date and the issuing office, signatories",
}
"""The kinds of paragraph, and what each is; every kind but text keeps each of its lines a line."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the statement body, numbered through the whole statement."""

    number: int
    """Stable 1-based number (¶N); the anchor is p<N>."""
    published: str
    """The text as published, page-break splits joined (its lines run on: `lines` says where each begins)."""
    origin: Origin
    """Where the paragraph starts in the statement file."""
    spans: tuple[Span, ...] = ()
    """The text as shown, in runs; empty until corrections are applied."""
    kind: str = "text"
    """One of PARAGRAPH_KINDS."""
    lines: tuple[int, ...] = ()
    """Where each of its lines begins in `text` (list items, notes, rows, the lines of a closing
    block); the text before the first is its lead, which may be empty. Empty for running text
    without items. Each line is p<N>-<k> (k from 1) and begins a sentence of its own."""

    @property
    def anchor(self) -> str:
        """The HTML id of this paragraph."""
        return f"p{self.number}"

    @property
    def text(self) -> str:
        """The text as shown to readers (corrected)."""
        return "".join(span.text for span in self.spans) if self.spans else self.published

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """The corrections applied to this paragraph, in text order."""
        return tuple(s.correction for s in self.spans if s.correction is not None)

    @property
    def published_lines(self) -> tuple[int, ...]:
        """Where each of its lines begins in `published` (`lines` is where in `text`): a
        correction never runs across a line's start (inputs/corrections.py)."""
        starts, shown, published = [], 0, 0
        pending = list(self.lines)
        for span in self.spans:
            while pending and pending[0] < shown + len(span.text):
                starts.append(published + max(0, pending.pop(0) - shown) if span.correction is None else published)
            shown += len(span.text)
            published += len(span.correction.published) if span.correction else len(span.text)
        return (*starts, *(published + line - shown for line in pending)) if self.spans else self.lines

    @property
    def lead(self) -> str:
        """The text before its first line (all of it when it has no lines)."""
        return self.text[:self.lines[0]].rstrip() if self.lines else self.text

    @property
    def line_texts(self) -> tuple[str, ...]:
        """The text of each of its lines, in order."""
        if not self.lines:
            return ()
        ends = (*self.lines[1:], len(self.text))
        return tuple(self.text[start:end].rstrip() for start, end in zip(self.lines, ends, strict=True))


@dataclass(frozen=True)
class Subheading:
    """A heading inside a section, at any level below it: （１）, (2), ①, ア, （ア）…"""

    path: tuple[int, ...]
    """Its place in the section's outline: (2,) is the section's second heading of level 2,
    (2, 1) the first of level 3 under it. Its anchor is <section slug>-2-1."""
    text: str
    """The heading as published, its number included."""
    before: int
    """The number of the first paragraph under it."""
    origin: Origin

    @property
    def level(self) -> int:
        """2 for a heading right under the section's, 3 under that, and so on."""
        return len(self.path) + 1


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it; the opening section has no heading."""

    index: int
    """1-based position among the sections."""
    slug: str
    """Stable ASCII slug: the page URL /<slug>/ and the heading id."""
    heading: str | None
    """The heading as published, its number included; None for the paragraphs before the first heading."""
    paragraphs: tuple[Paragraph, ...]
    origin: Origin
    subheadings: tuple[Subheading, ...] = ()
    """Its headings below its own, at every level, in text order."""
    annex: bool = False
    """It belongs to an annex (別添, 別紙…), a part of the statement with its own numbering."""

    def anchor(self, subheading: Subheading) -> str:
        """The HTML id of one of its subheadings (also its key in a translation's headings)."""
        return f"{self.slug}-" + "-".join(str(i) for i in subheading.path)

    def subheadings_before(self, number: int) -> tuple[Subheading, ...]:
        """The subheadings that paragraph ¶number comes right after (one under the other), in order."""
        return tuple(s for s in self.subheadings if s.before == number)

    @property
    def first(self) -> int:
        """Number of the first paragraph."""
        return self.paragraphs[0].number

    @property
    def last(self) -> int:
        """Number of the last paragraph."""
        return self.paragraphs[-1].number


@dataclass(frozen=True)
class Join:
    """Two blocks of the text read as one paragraph."""

    origin: Origin
    """Where the second block starts."""
    before: str
    """The end of the first block."""
    after: str
    """The start of the second."""
    override: Origin | None = None
    """The statement.yml override that asked for it; None for a sentence cut by a page break."""


@dataclass(frozen=True)
class ParseReport:
    """The parser's decisions on what the plain text could not say for certain."""

    joins: tuple[Join, ...] = ()
    """Every join of two blocks into one paragraph."""
    doubtful: tuple[tuple[Origin, str], ...] = ()
    """Short blocks without a sentence end that were read as the start of a paragraph: a heading?"""
    overrides: tuple[tuple[Origin, str], ...] = ()
    """Each statement.yml override and what it did."""
    warnings: tuple[tuple[Origin, str], ...] = ()
    """Problems that do not stop the build (an era year past the era's end)."""


@dataclass(frozen=True)
class Statement:
    """The whole statement: header and sections."""

    title: str
    subtitle: str | None
    """The subtitle without its 「」 brackets, if the statement has one."""
    date: datetime.date
    sections: tuple[Section, ...]
    origin: Origin
    date_text: str = ""
    """The date as published (令和四年五月二十三日, 2022年5月23日…)."""
    issuer: str = ""
    """The issuing office that a press release names under its date at the top (外務省), as published."""
    report: ParseReport = field(default_factory=lambda: ParseReport())
    """What the parser decided that an editor may want to see (`statement-site check`)."""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All paragraphs in order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    def section_of(self, number: int) -> Section:
        """The section holding paragraph ¶number."""
        return self._section_by_paragraph[number]

    @functools.cached_property
    def _section_by_paragraph(self) -> dict[int, Section]:
        # Built once: pages ask for the section of every mention and correction.
        return {p.number: s for s in self.sections for p in s.paragraphs}


@dataclass(frozen=True)
class Version:
    """The statement's words in one language: the corrected original, or a translation.

    The structure (sections, paragraph numbers, slugs) is the Statement's; a Version only
    says what each part reads in its language.
    """

    lang: str
    """Language code: 'ja' for the original, e.g. 'en' for a translation."""
    title: str
    subtitle: str | None
    headings: dict[str, str]
    """Heading per section slug (the opening section has none), and per subheading anchor."""
    paragraphs: dict[int, tuple[Span, ...]]
    """The text of each paragraph, by number, in runs (corrections are marked in the original)."""
    notes: dict[int, str]
    """Translator's notes, by paragraph number."""
    translation: bool
    """Whether this is a translation made for the site (not the published text)."""
    origin: Origin
    sentences: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """(start, end) of each sentence of each paragraph's text: sentence k of ¶N is p<N>.<k>
    in every language (inputs/sentences.py)."""
    lines: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """Where each line of a paragraph begins in this language's text (see Paragraph.lines):
    line k begins with the same sentence in every language."""

    def text(self, number: int) -> str:
        """The text of paragraph ¶number in this language, as shown."""
        return "".join(span.text for span in self.paragraphs[number])

    def heading(self, section: Section) -> str | None:
        """The heading of a section in this language, None for the opening section."""
        return self.headings.get(section.slug)

    def subheading(self, section: Section, subheading: Subheading) -> str:
        """A second-level heading in this language."""
        return self.headings[section.anchor(subheading)]


@dataclass(frozen=True)
class Term:
    """One glossary entry: an agreement, program, institution, forum… that the statement names."""

    id: str
    """Stable ASCII id: the anchor #<id> on the glossary pages of every language."""
    kind: str
    """agreement, law, policy, initiative, program, institution, forum, place or term."""
    names: dict[str, str]
    """The official name per language code."""
    yomi: str
    """The reading of the Japanese name in hiragana, for sorting."""
    aliases: dict[str, tuple[str, ...]]
    """Every form under which the entry appears in each language's text."""
    excludes: dict[str, tuple[str, ...]]
    """Per language, longer words that contain an alias but are not the entry (同盟国 for 同盟)."""
    descriptions: dict[str, str]
    """A short neutral description per language."""
    notes: dict[str, str]
    """Where the statement's wording differs from the official name, per language."""
    abbreviation: str | None
    url: str | None
    related: tuple[str, ...]
    """Ids of related entries."""
    origin: Origin


@dataclass(frozen=True)
class Mention:
    """One occurrence of a glossary entry in a paragraph of one language."""

    term_id: str
    lang: str
    paragraph: int
    before: str
    """Up to a few words of context before the mention (keyword in context)."""
    text: str
    """The mention as it reads in the text."""
    after: str
    """Context after the mention."""
    start: int = 0
    """Where the mention begins in the paragraph's text (as shown, in that language)."""


@dataclass(frozen=True)
class Override:
    """An editor's word, in statement.yml, on what the plain text cannot tell."""

    kind: str
    """One of inputs/publication.py's OVERRIDES: join, nojoin, split, heading, paragraph, notes,
    table, lines, closing, annex, title, date."""
    text: str
    """The text it applies to: the end of a block (join, nojoin), `before|after` (split), a
    whole block (heading, paragraph), the first line of a block (notes, table, lines, closing),
    a line (annex, date), the title's lines run together (title)."""
    origin: Origin
    level: int | None = None
    """For a heading: its level (1: a section of its own, 2 under one, …); None to read it from its numbering."""


@dataclass(frozen=True)
class Publication:
    """Facts about where the statement was published, from statement.yml."""

    source_url: str | None = None
    """The official publication of the text."""
    publisher: dict[str, str] = field(default_factory=dict)
    """The publisher's name per language code."""
    english_url: str | None = None
    """The official English publication, when there is one."""
    english_publisher: dict[str, str] = field(default_factory=dict)
    """Who published the official English text, per language code."""
    slugs: tuple[str, ...] | None = None
    """Section slugs in order, or None to number them."""
    headings: tuple[str | None, ...] | None = None
    """The heading each slug belongs to, where the file names it (checked)."""
    origins: tuple[Origin, ...] = ()
    """Where each slug was given."""
    overrides: tuple[Override, ...] = ()
    """The editor's overrides of the parser, in file order."""
    authors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Who issued the statement (the two governments), per language code, for citations."""

    def publisher_in(self, lang: str) -> str:
        """The publisher's name in a language, else in the original's ("" where none is given)."""
        return self.publisher.get(lang) or self.publisher.get(ORIGINAL) or ""

    def authors_in(self, lang: str) -> tuple[str, ...]:
        """Who issued the statement, named in a language, else in the original's."""
        return self.authors.get(lang) or self.authors.get(ORIGINAL) or ()


@dataclass(frozen=True)
class Edition:
    """Everything the pages are made from: the corrected statement and its metadata."""

    statement: Statement
    publication: Publication
    corrections: tuple[Correction, ...]
    versions: tuple[Version, ...] = ()
    """The original first, then each translation."""
    terms: tuple[Term, ...] = ()
    """The glossary, in file order."""
    mentions: tuple[Mention, ...] = ()
    """Every mention of every glossary entry, in every language, in text order."""
    warnings: tuple[tuple[Origin, str], ...] = ()
    """Problems that do not stop the build (unless --strict): where, and what."""

    @property
    def languages(self) -> tuple[str, ...]:
        """The language codes of the site, the original's first."""
        return tuple(v.lang for v in self.versions)

    @property
    def translated(self) -> bool:
        """Whether the site has a translation (else the original alone)."""
        return any(v.translation for v in self.versions)

    def version(self, lang: str) -> Version:
        """The words of one language."""
        return next(v for v in self.versions if v.lang == lang)

    def term(self, term_id: str) -> Term:
        """A glossary entry by id."""
        return self._terms_by_id[term_id]

    def mentions_of(self, term_id: str, lang: str) -> tuple[Mention, ...]:
        """The mentions of an entry in one language, in text order."""
        return self._mentions_by_term.get((term_id, lang), ())

    # Lookups built once per edition (cached_property writes past the frozen dataclass's
    # __setattr__): every linked word and every glossary entry asks for one, so a linear
    # scan each time would make rendering grow with the square of the statement's size.
    @functools.cached_property
    def _terms_by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    @functools.cached_property
    def _mentions_by_term(self) -> dict[tuple[str, str], tuple[Mention, ...]]:
        grouped: dict[tuple[str, str], list[Mention]] = {}
        for m in self.mentions:
            grouped.setdefault((m.term_id, m.lang), []).append(m)
        return {key: tuple(ms) for key, ms in grouped.items()}
