"""The folder a build replaces: refused unless it is new, empty or a site this tool built.

A build replaces its site folder whole. Pointed at the wrong folder (`--site-dir .`,
`--site-dir source`, a README), that would delete what the publisher made, so every build
(`statement-site build`, and `mkdocs build`/`gh-deploy` with the plugin) asks here first.
Each build leaves MARK in the site, so that the next one knows the folder is its own.
"""

from __future__ import annotations

from pathlib import Path

MARK = ".statement-site"
"""The file every build writes at the site's root: the folder is a site this tool built."""

MARK_TEXT = "This folder is a site built by statement-site: each build replaces it whole.\n"


class SiteFolderRefused(Exception):
    """The site folder is one a build must not replace; the message says why, in one line."""


def check_site_folder(site: Path, protected: dict[str, Path]) -> None:
    """Raise SiteFolderRefused unless a build may replace `site` (which need not exist yet).

    `protected` names the project's own files and folders (mkdocs.yml, the project, source/,
    docs/, templates/): the site may be none of them, hold none of them, nor lie inside a
    folder among them but the project. Messages name the folder as the user gave it.
    """
    shown = str(site)
    if site.is_symlink():
        raise SiteFolderRefused(f"{shown}: is a symbolic link; a build would replace the link with a folder, so give "
                                "the folder it points to")
    site = site.resolve()
    for what, path in protected.items():
        path = path.resolve()
        if site == path or path.is_relative_to(site):
            held = "is" if site == path else "holds"
            raise SiteFolderRefused(f"{shown}: {held} {what} ({path}); a build replaces its site folder whole, "
                                    "so choose another (e.g. site)")
        if path.is_dir() and site.is_relative_to(path) and what != "the project folder":
            raise SiteFolderRefused(f"{shown}: is inside {what} ({path}); choose a site folder outside it (e.g. site)")
    if site.exists() and not site.is_dir():
        raise SiteFolderRefused(f"{shown}: is a file, not a folder; a build would replace it with the site, so "
                                "choose another (e.g. site)")
    if site.is_dir() and not (site / MARK).is_file() and any(site.iterdir()):
        raise SiteFolderRefused(f"{shown}: holds files that no build of statement-site made (it has no {MARK}); "
                                "a build replaces its site folder whole, so choose a new or empty folder")


def write_mark(site: Path) -> None:
    """Mark a built site as this tool's."""
    (site / MARK).write_text(MARK_TEXT, encoding="utf-8")
