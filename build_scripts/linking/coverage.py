"""Is the glossary complete and are its aliases real? Checks run on the linked edition."""

from __future__ import annotations

import re

from ..errors import InputError, quoted
from ..model import Edition, Origin, Version

# What looks like a name the glossary may be missing, per language.
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z]{2,})(?![A-Za-z0-9])")
_QUOTED = {"ja": re.compile(r"「([^「」]{2,40})」"), "en": re.compile(r'"([A-Z][^"]{2,60})"')}
_PARENTHESIZED = {"ja": re.compile(r"[（(]([^（）()]{2,20})[）)]"), "en": re.compile(r"\(([^()]{2,30})\)")}
_NOT_NAMES = re.compile(r"^(?:ファクトシート別添|fact sheet attached|see the attached fact sheet|\d+.*|[\"\u201c].*"
                        r"|[※＊注][0-9０-９]*|以下「.*」(?:という。?)?)$")
"""Not names: a note's mark (※１, 注２), a definition (以下「…」という。), a number."""


def check_glossary(edition: Edition) -> tuple[list[InputError], list[tuple[Origin, str]]]:
    """Errors (an entry mentioned nowhere) and warnings (an alias that never occurs)."""
    errors: list[InputError] = []
    warnings: list[tuple[Origin, str]] = []
    used = {(m.term_id, m.lang, m.text) for m in edition.mentions}
    owners: dict[tuple[str, str], str] = {}
    for term in edition.terms:
        mentioned = {lang for lang in edition.languages if edition.mentions_of(term.id, lang)}
        if not mentioned:
            errors.append(InputError(term.origin, f"entry {quoted(term.id)} is mentioned nowhere in the text"))
        for lang in edition.languages:
            if lang not in mentioned and mentioned:
                warnings.append((term.origin, f"entry {quoted(term.id)} is not mentioned in the {lang} text"))
            for alias in term.aliases.get(lang, ()):
                owner = owners.setdefault((lang, alias), term.id)
                if owner != term.id:
                    errors.append(InputError(term.origin, f"entry {quoted(term.id)}: {lang} alias {quoted(alias)} "
                                                          f"is also an alias of {quoted(owner)}"))
                elif (term.id, lang, alias) not in used:
                    warnings.append((term.origin, f"entry {quoted(term.id)}: {lang} alias {quoted(alias)} never occurs in the text"))
    return errors, warnings


def _covered(version: Version, edition: Edition, candidate: str) -> bool:
    """Whether a candidate name is, or is part of, some alias or abbreviation of the language."""
    for term in edition.terms:
        forms = (*term.aliases.get(version.lang, ()), term.abbreviation or "", term.names.get(version.lang, ""))
        if any(candidate in form or form == candidate for form in forms if form):
            return True
    return False


def candidates(edition: Edition) -> list[str]:
    """Names in the text that no glossary entry covers: acronyms, quoted names, names in parentheses."""
    report: list[str] = []
    for version in edition.versions:
        found: dict[str, int] = {}
        for number in version.paragraphs:
            text = version.text(number)
            patterns = (_ACRONYM, _QUOTED[version.lang], _PARENTHESIZED[version.lang])
            for pattern in patterns:
                for match in pattern.finditer(text):
                    name = match.group(1) if pattern.groups else match.group(0)
                    if not _NOT_NAMES.match(name):
                        found.setdefault(name.strip().rstrip(".,;:"), number)
        for name, number in found.items():
            if not _covered(version, edition, name):
                report.append(f"{version.lang} ¶{number}: {quoted(name)} is not in the glossary")
    return report
