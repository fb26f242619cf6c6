"""The languages of a site, said once: the original's, the translations it can add, their
locales, and where each language's pages live.

The scope is a Japanese original with an English translation (ja → en); every module that
needs to know a language code, a locale or a language's URL prefix reads it here.
"""

from __future__ import annotations

ORIGINAL = "ja"
"""The language of the published text (statement.ja.txt)."""
TRANSLATIONS = ("en",)
"""Languages the site can add to the original, each from its own translation file."""
LANGUAGES = (ORIGINAL, *TRANSLATIONS)
"""Every language an input may give a text in (a reason, a publisher's name, a glossary name)."""
LOCALES = {"ja": "ja_JP", "en": "en_US"}
"""The locale of each language (Open Graph)."""


def url_prefix(lang: str, languages: tuple[str, ...]) -> str:
    """Where a language's pages are, from the site's root: the first language at the root
    (""), each other one in a folder of its own ("en/")."""
    return "" if lang == languages[0] else f"{lang}/"
