"""Hand the generated pages to MkDocs as files held in memory, beside the hand-written docs/.

MkDocs reads docs/ (its docs_dir) itself; the pages of the statement never touch the disk.
They ride on the MkDocs config from `attach` (called when the config is set up for a build) to
the hook's `on_files`, which adds them to MkDocs' files before mkdocs-static-i18n sorts the
files by language. That plugin remakes every file of the docs folder as a plain file read
from disk, which drops the content of ours; the hook's `on_nav` gives it back before MkDocs
reads any page or copies any file.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .errors import InputError, InputErrors
from .model import Origin
from .render import Page
from .textfile import display_path

_ATTRIBUTE = "statement_site_pages"
"""Where the pages ride on the MkDocs config."""


def check_names(pages: list[Page], docs: Path) -> None:
    """A hand-written file of docs/ must not have the name of a generated page."""
    clashes = [InputError(Origin(display_path(docs / page.path)), "has the name of a generated page; rename it")
               for page in pages if (docs / page.path).exists()]
    if clashes:
        raise InputErrors(clashes)


def attach(config: MkDocsConfig, pages: list[Page]) -> None:
    """Give a config the pages that its builds (one per language) add to the docs files."""
    setattr(config, _ATTRIBUTE, {page.path: page.content for page in pages})


def _attached(config: MkDocsConfig) -> dict[str, str]:
    return getattr(config, _ATTRIBUTE, {})


def _walk_order(file: File) -> tuple:
    """Where MkDocs would list a file it found in the docs folder: folders in the order they
    are walked, a folder's files before its subfolders', index first, then by name."""
    *folders, name = file.src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, os.path.splitext(name)[0] != "index", name))


def add_pages(files: Files, config: MkDocsConfig) -> Files:
    """MkDocs' files with the attached pages among those of the docs folder.

    They take the places they would have had on disk, so the site (its sitemap, say) comes
    out as if they had been written there.
    """
    docs, theme = [], []
    for file in files:
        (docs if file.src_dir == config.docs_dir else theme).append(file)
    for path, content in _attached(config).items():
        file = File.generated(config, path, content=content)
        # mkdocs-static-i18n gives a language only to files inside the docs folder.
        file.abs_src_path = os.path.normpath(os.path.join(config.docs_dir, path))
        docs.append(file)
    return Files(sorted(docs, key=_walk_order) + theme)


def restore_content(files: Files, config: MkDocsConfig) -> None:
    """Give the pages back the content that mkdocs-static-i18n's copies of them lack."""
    pages = _attached(config)
    for file in files:
        content = pages.get(file.src_uri)
        if content is not None:
            file.content_string = content
