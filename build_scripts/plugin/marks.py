"""What a hand-written page (docs/about.md) asks the plugin to say, with HTML comments that stay
comments on any other MkDocs site:

- `<!-- statement-site: report -->`: where readers report errors (plugin option `contact`);
- `<!-- statement-site: owner -->`: who runs the site (`owner`, `owner_about`) and the contact;
- `<!-- statement-site: licences -->`: the licences of the site's texts, the published text and the software;
- `<!-- statement-site: if translation -->` … `<!-- statement-site: end -->`: kept only when the
  condition holds of the inputs at hand (`translation`, `glossary`, `corrections`, `official-english`),
  so that a page says nothing of a translation or a glossary the site does not have.
"""

from __future__ import annotations

import re

from ..model import Edition
from ..output.render import Chrome

_BLOCK = re.compile(r"<!-- statement-site: if ([a-z-]+) -->\n?(.*?)<!-- statement-site: end -->\n?", re.S)
_MARK = re.compile(r"<!-- statement-site: (report|owner|licences) -->")
CONDITIONS = ("translation", "glossary", "corrections", "official-english")


class MarkError(ValueError):
    """A mark of a hand-written page that the plugin does not know."""


def holds(condition: str, edition: Edition) -> bool:
    """Whether a condition of `<!-- statement-site: if … -->` holds of the edition."""
    if condition == "translation":
        return edition.translated
    if condition == "glossary":
        return bool(edition.terms)
    if condition == "corrections":
        return bool(edition.corrections)
    if condition == "official-english":
        return bool(edition.publication.english_url)
    raise MarkError(f"unknown condition {condition!r} in <!-- statement-site: if … --> (known: {', '.join(CONDITIONS)})")


def fill_marks(markdown: str, edition: Edition, chrome: Chrome) -> str:
    """The page with its conditional blocks kept or dropped and its marks replaced."""
    if "statement-site:" not in markdown:
        return markdown
    markdown = _BLOCK.sub(lambda m: m.group(2) if holds(m.group(1), edition) else "", markdown)
    made = {"report": chrome.report, "owner": chrome.operator, "licences": chrome.licences}
    return _MARK.sub(lambda m: str(made[m.group(1)]), markdown)
