"""Who publishes the site and on what terms: the plugin's `owner`, `owner_about`, `contact`,
`license` and `source_license` options (and MkDocs' `repo_url`), checked and per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit


class SiteOptionError(ValueError):
    """An option of the plugin in mkdocs.yml has the wrong shape (one line, naming the option)."""


@dataclass(frozen=True)
class Licence:
    """A licence or terms of use, named per language, with the address of its text when known."""

    name: dict[str, str]
    url: str | None = None

    def name_in(self, lang: str) -> str:
        """The licence's name in a language (any language's when it has none of its own)."""
        return _in(self.name, lang)


@dataclass(frozen=True)
class Site:
    """The people behind the site and the terms of what it publishes (empty when not said)."""

    owner: dict[str, str] = field(default_factory=dict)
    """Who runs the site, by name, per language ("" where not said)."""
    owner_about: dict[str, str] = field(default_factory=dict)
    """What the owner is, per language."""
    contact: str | None = None
    """Where readers report errors: the option, or the issue tracker of `repo_url`."""
    contact_from_repo: bool = False
    """Whether `contact` was taken from `repo_url`."""
    license: Licence | None = None
    """The licence of the site's own texts and data."""
    source_license: Licence | None = None
    """The terms under which the published text is reused."""

    def owner_in(self, lang: str) -> str:
        """The owner's name in a language, "" when none was given."""
        return _in(self.owner, lang)

    def owner_about_in(self, lang: str) -> str:
        """What the owner is, in a language, "" when not said."""
        return _in(self.owner_about, lang)


def _in(values: dict[str, str], lang: str) -> str:
    if not values:
        return ""
    return values.get(lang) or values.get("*") or next(iter(values.values()))


def _per_language(option: str, value: object) -> dict[str, str]:
    """A text, or a mapping of language codes to texts, as {lang: text} ("*" for every language)."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"*": value.strip()} if value.strip() else {}
    if isinstance(value, dict) and value and all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                                 for k, v in value.items()):
        return {k: v.strip() for k, v in value.items()}
    raise SiteOptionError(f"mkdocs.yml: statement-site option {option}: expected a text or a text per language "
                          f"(ja: …, en: …), got {value!r}")


def _licence(option: str, value: object) -> Licence | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "name" not in value or set(value) - {"name", "url"}:
        raise SiteOptionError(f"mkdocs.yml: statement-site option {option}: expected `name` (a text or one per "
                              f"language) and optionally `url`, got {value!r}")
    url = value.get("url")
    if url is not None and (not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https")):
        raise SiteOptionError(f"mkdocs.yml: statement-site option {option}.url: expected a web address, got {url!r}")
    return Licence(_per_language(f"{option}.name", value["name"]), url)


def issue_tracker(repo_url: str) -> str | None:
    """Where a repository's issues are reported: `…/-/issues` on GitLab, `…/issues` elsewhere."""
    parts = urlsplit(repo_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path.strip("/") == "":
        return None
    base = repo_url.strip().rstrip("/")
    if base.endswith(".git"):
        base = base[:-4]
    return f"{base}/-/issues" if "gitlab" in parts.netloc else f"{base}/issues"


def site_facts(owner: object = None, owner_about: object = None, contact: str | None = None,
               repo_url: str | None = None, license: object = None, source_license: object = None) -> Site:
    """The checked facts from the plugin's options; raises SiteOptionError naming a wrong one."""
    tracker = issue_tracker(repo_url) if repo_url and not contact else None
    return Site(owner=_per_language("owner", owner), owner_about=_per_language("owner_about", owner_about),
                contact=contact or tracker, contact_from_repo=tracker is not None,
                license=_licence("license", license), source_license=_licence("source_license", source_license))
