"""The citations of a paragraph or sentence that the Cite panel offers (cite.js): a Japanese-style
citation, Chicago style and a BibTeX entry, for a page in one language.

A citation of the published Japanese credits its authors and publisher and names the site whose
paragraph and sentence numbers it uses; a citation of the site's translation names the
translation's maker (the site's owner) and the site, says "unofficial English translation", and
keeps the publisher as the publisher of the Japanese original. Each style says once that the ¶
and sentence numbers are the site's: the published text has none.

What only the reader's browser knows (which paragraph or sentence, the page's address, today's
date) is left as a slot: a citation is a list of texts and slots ({"slot": name}), which cite.js
fills in (`fill` here does the same, for the tests). Slots: where_ja (第12段落第4文), where_en
(¶12, sentence 4), where_bib (paragraph 12, sentence 4), anchor (p12.4), url, accessed_ja
(2026年12月1日), accessed_en (December 1, 2026), accessed_iso (2026-12-01).
"""

from __future__ import annotations

from ..model import Edition
from .site import Site

Part = str | dict[str, str]
SLOTS = ("where_ja", "where_en", "where_bib", "anchor", "url", "accessed_ja", "accessed_en", "accessed_iso")
US_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
LANGUAGE_NAMES = {"ja": "japanese", "en": "english"}
"""biblatex's names of the languages (its `language` and `origlanguage` fields)."""


def _slot(name: str) -> dict[str, str]:
    assert name in SLOTS, name
    return {"slot": name}


def _joined(*parts: Part) -> list[Part]:
    """The parts with neighbouring texts merged (and empty texts dropped)."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += part
                continue
        out.append(part)
    return out


def fill(parts: list[Part], values: dict[str, str]) -> str:
    """A citation with its slots filled (what cite.js does in the page)."""
    return "".join(part if isinstance(part, str) else values[part["slot"]] for part in parts)


def bibtex_text(text: str) -> str:
    """Text inside a BibTeX field: TeX's special characters escaped."""
    return "".join("\\textbackslash{}" if c == "\\" else "\\" + c if c in "{}%&$#_^~" else c for c in text)


def title_of(edition: Edition, lang: str) -> str:
    """The statement's title with its subtitle, in the way of its language."""
    version = edition.version(lang)
    if not version.subtitle:
        return version.title
    return f"{version.title}「{version.subtitle}」" if lang == "ja" else f"{version.title}: {version.subtitle}"


def citations(edition: Edition, lang: str, site: Site) -> dict[str, list[Part]]:
    """The three citation styles of a page in `lang`, as texts and slots."""
    publication, statement = edition.publication, edition.statement
    original = edition.versions[0].lang
    translated = edition.version(lang).translation
    date = statement.date
    has_en = "en" in edition.languages
    # The site's name is the one its header shows in the language of the page cited.
    site_name = edition.version(lang).title
    owner_ja, owner_en = site.owner_in("ja"), site.owner_in("en")
    publisher_ja, publisher_en = publication.publisher_in("ja"), publication.publisher_in("en")
    authors_en = list(publication.authors_in("en"))
    title_ja = title_of(edition, original)
    title_en = title_of(edition, "en") if has_en else ""

    # Japanese style: a title quoted in 「」 takes its own inner 「」 as 『』.
    quoted = title_ja.replace("「", "『").replace("」", "』")
    source_ja = (f"{publisher_ja}公表" if publisher_ja else "") + f"「{quoted}」（{statement.date_text or date.isoformat()}）"
    if translated:
        maker = f"{owner_ja}訳、" if owner_ja else ""
        where_ja = _joined(_slot("where_ja"), f"の非公式英訳（{maker}ウェブサイト「{site_name}」掲載。段落・文の番号は同サイトによる）")
    else:
        run_by = f"{owner_ja}の" if owner_ja else ""
        where_ja = _joined(_slot("where_ja"), f"（{run_by}ウェブサイト「{site_name}」掲載。段落・文の番号は同サイトによる）")
    japanese = _joined(source_ja, *where_ja, "、", _slot("url"), "（", _slot("accessed_ja"), "閲覧）")

    # Chicago style (notes and bibliography read the same but for punctuation; this is the bibliography's).
    authors = " and ".join(authors_en)
    us_date = f"{US_MONTHS[date.month - 1]} {date.day}, {date.year}"
    if translated:
        by = f"Unofficial English translation by {owner_en}, {site_name}" if owner_en else \
            f"Unofficial English translation published on {site_name}"
        numbers = "the translator" if owner_en else "the site"
        chicago = _joined(f"{authors}. " if authors else "", f"\u201c{title_en}.\u201d {us_date}. {by}, ",
                          _slot("where_en"), f"; paragraph and sentence numbers assigned by {numbers}.",
                          f" Japanese original published by the {publisher_en}." if publisher_en else "",
                          " Accessed ", _slot("accessed_en"), ". ", _slot("url"), ".")
    else:
        # A text read in another language goes under its own title, the English one in brackets.
        title = f"\u201c{title_ja}\u201d [{title_en}]. " if title_en and lang != "en" else f"\u201c{title_ja}.\u201d "
        run_by = f", run by {owner_en}" if owner_en else ""
        chicago = _joined(f"{authors}. " if authors else "", title,
                          f"{publisher_en}, {us_date}. " if publisher_en else f"{us_date}. ",
                          f"As published (with its corrections marked) on the website {site_name}{run_by}, ",
                          _slot("where_en"), "; paragraph and sentence numbers assigned by the site. Accessed ",
                          _slot("accessed_en"), ". ", _slot("url"), ".")

    # BibTeX, as biblatex reads it (translator, origlanguage, urldate, date); classic BibTeX
    # styles print author, title, howpublished, year, note and ignore what they do not know.
    def field(name: str, *value: Part, braced: bool = True) -> list[Part]:
        return _joined(f"  {name} = " + ("{" if braced else ""), *value, "}" if braced else "", ",\n")

    fields: list[Part] = []
    if authors_en:
        fields += field("author", " and ".join("{" + bibtex_text(a) + "}" for a in authors_en))
    fields += field("title", "{" + bibtex_text(title_en if translated else title_ja) + "}")
    if translated:
        if owner_en:
            fields += field("translator", "{" + bibtex_text(owner_en) + "}")
        fields += field("howpublished", bibtex_text(f"Unofficial English translation, {site_name} (website)"))
        note = "; paragraph and sentence numbers assigned by the translator"
        if publisher_en:
            note += f". Japanese original published by the {publisher_en}"
    else:
        fields += field("howpublished", bibtex_text(f"{publisher_en}; as published on the website {site_name}"
                                                    if publisher_en else f"As published on the website {site_name}"))
        note = "; paragraph and sentence numbers assigned by the site"
    fields += field("year", str(date.year))
    fields += field("month", BIBTEX_MONTHS[date.month - 1], braced=False)
    fields += field("date", date.isoformat())
    fields += field("note", _slot("where_bib"), bibtex_text(note))
    fields += field("url", _slot("url"))
    fields += field("urldate", _slot("accessed_iso"))
    fields += field("language", LANGUAGE_NAMES.get(lang, lang))
    if translated:
        fields += field("origlanguage", LANGUAGE_NAMES.get(original, original))
    key = f"statement-{date.isoformat()}-"
    bibtex = _joined(f"@misc{{{key}", _slot("anchor"), f"{'-' + lang if translated else ''},\n", *fields)
    bibtex[-1] = bibtex[-1][:-2] + "\n}"  # type: ignore[index]  # no comma after the last field
    return {"japanese": japanese, "chicago": chicago, "bibtex": bibtex}
