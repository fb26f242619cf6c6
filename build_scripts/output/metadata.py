"""What a page says about the statement to machines and to its own scripts: the facts for
reference managers (Highwire citation_* tags), link previews (Open Graph) and search engines
(schema.org JSON-LD), and the words and facts the citation and link scripts need.

docs/overrides/main.html writes them into every page, from config.extra.statement_site[lang].
"""

from __future__ import annotations

from ..languages import LOCALES
from ..model import Edition
from .render import long_date


def full_title(edition: Edition, lang: str, strings: dict[str, str]) -> str:
    """The statement's title with its subtitle, as a citation gives it."""
    version = edition.version(lang)
    if not version.subtitle:
        return version.title
    return strings["title_with_subtitle"].format(title=version.title, subtitle=version.subtitle)


def page_data(edition: Edition, lang: str, strings: dict[str, str]) -> dict:
    """The facts of the statement in one language, for main.html and the page's scripts."""
    statement = edition.statement
    publication = edition.publication
    version = edition.version(lang)
    publisher = publication.publisher.get(lang) or publication.publisher.get("ja") or ""
    authors = list(publication.authors.get(lang) or publication.authors.get("ja") or ())
    original = edition.versions[0]
    data = {
        "lang": lang,
        "locale": LOCALES.get(lang, lang),
        "alternates": [LOCALES.get(other, other) for other in edition.languages if other != lang],
        "title": version.title,
        "subtitle": version.subtitle or "",
        "full_title": full_title(edition, lang, strings),
        "original_title": full_title(edition, original.lang, strings) if lang != original.lang else "",
        "date": statement.date.isoformat(),
        "date_slashed": statement.date.strftime("%Y/%m/%d"),
        "date_text": long_date(statement, lang),
        "date_en": long_date(statement, "en"),
        "publisher": publisher,
        "authors": authors,
        "translation": version.translation,
        "source_url": publication.source_url or "",
        "english_url": publication.english_url or "",
        "strings": {key[3:]: value for key, value in strings.items() if key.startswith("ui_")},
    }
    data["jsonld"] = _jsonld(data, original.lang)
    return data


def cite_data(edition: Edition, strings: dict[str, dict[str, str]]) -> dict:
    """The facts each citation style needs, in each language of the site (cite.js)."""
    publication = edition.publication
    found = {}
    for lang in edition.languages:
        found[lang] = {
            "full_title": full_title(edition, lang, strings[lang]),
            "publisher": publication.publisher.get(lang) or publication.publisher.get("ja") or "",
            "authors": list(publication.authors.get(lang) or publication.authors.get("ja") or ()),
            "date_text": long_date(edition.statement, lang),
            "translation": edition.version(lang).translation,
        }
    return found


def _jsonld(data: dict, original_lang: str) -> dict:
    """schema.org facts on the statement in one language (a translation says what it translates)."""
    work: dict = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": data["full_title"],
        "datePublished": data["date"],
        "inLanguage": data["lang"],
        "author": [{"@type": "GovernmentOrganization", "name": name} for name in data["authors"]],
    }
    if data["publisher"]:
        work["publisher"] = {"@type": "GovernmentOrganization", "name": data["publisher"]}
    based_on = [url for url in (data["source_url"], data["english_url"]) if url]
    if based_on:
        work["isBasedOn"] = based_on
    if data["translation"]:
        work["translationOfWork"] = {"@type": "CreativeWork", "name": data["original_title"],
                                     "inLanguage": original_lang, "datePublished": data["date"]}
    return work
