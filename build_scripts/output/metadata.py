"""What a page says about the statement to machines and to its own scripts: the facts for
reference managers (Highwire citation_* tags), link previews (Open Graph) and search engines
(schema.org JSON-LD), and the words and facts the citation and link scripts need.

docs/overrides/main.html writes them into every page, from config.extra.statement_site[lang].
"""

from __future__ import annotations

from ..languages import LOCALES
from ..model import Edition
from .citation import citations, title_of
from .render import long_date
from .site import Licence, Site


def page_data(edition: Edition, lang: str, strings: dict[str, str], site: Site | None = None) -> dict:
    """The facts of the statement in one language, for main.html and the page's scripts."""
    site = site or Site()
    statement = edition.statement
    publication = edition.publication
    version = edition.version(lang)
    publisher = publication.publisher_in(lang)
    authors = list(publication.authors_in(lang))
    original = edition.versions[0]
    owner = site.owner_in(lang)
    licence = site.license if version.translation else site.source_license
    title = title_of(edition, lang)
    data = {
        "lang": lang,
        "locale": LOCALES.get(lang, lang),
        "alternates": [LOCALES.get(other, other) for other in edition.languages if other != lang],
        "title": version.title,
        "subtitle": version.subtitle or "",
        "full_title": title,
        # What a reference manager files the page's text under: a translation says it is one.
        "cited_title": strings["cited_translation"].format(title=title) if version.translation else title,
        "original_title": title_of(edition, original.lang) if lang != original.lang else "",
        "date": statement.date.isoformat(),
        "date_slashed": statement.date.strftime("%Y/%m/%d"),
        "date_text": long_date(statement, lang),
        "date_en": long_date(statement, "en"),
        "publisher": publisher,
        # Who publishes the text on this page: the published text's publisher, or for the site's
        # translation, the site's owner (else the site).
        "page_publisher": (owner or version.title) if version.translation else publisher,
        "owner": owner,
        "authors": authors,
        "translation": version.translation,
        "source_url": publication.source_url or "",
        "english_url": publication.english_url or "",
        "rights": _rights(licence, lang),
        "citations": citations(edition, lang, site),
        "strings": {key[3:]: value for key, value in strings.items() if key.startswith("ui_")},
    }
    data["jsonld"] = _jsonld(data, original.lang, licence, lang)
    return data


def _rights(licence: Licence | None, lang: str) -> str:
    """The licence of a page's text as one line (Dublin Core's rights, which Zotero reads)."""
    if licence is None:
        return ""
    return f"{licence.name_in(lang)} {licence.url}" if licence.url else licence.name_in(lang)


def _jsonld(data: dict, original_lang: str, licence: Licence | None, lang: str) -> dict:
    """schema.org facts on the statement in one language (a translation says what it translates,
    who translated it and who published the original)."""
    work: dict = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": data["full_title"],
        "datePublished": data["date"],
        "inLanguage": data["lang"],
        "author": [{"@type": "GovernmentOrganization", "name": name} for name in data["authors"]],
    }
    original_publisher = {"@type": "GovernmentOrganization", "name": data["publisher"]} if data["publisher"] else None
    if data["translation"]:
        work["publisher"] = {"@type": "Organization", "name": data["page_publisher"]}
        if data["owner"]:
            work["translator"] = {"@type": "Organization", "name": data["owner"]}
    elif original_publisher:
        work["publisher"] = original_publisher
    based_on = [url for url in (data["source_url"], data["english_url"]) if url]
    if based_on:
        work["isBasedOn"] = based_on
    if licence is not None:
        work["license"] = licence.url or licence.name_in(lang)
    if data["translation"]:
        work["translationOfWork"] = {"@type": "CreativeWork", "name": data["original_title"],
                                     "inLanguage": original_lang, "datePublished": data["date"]}
        if original_publisher:
            work["translationOfWork"]["publisher"] = original_publisher
    return work
