"""The generated pages as MkDocs files held in memory, beside the hand-written files of docs/.

MkDocs reads docs/ (its docs_dir) itself; the statement's pages never touch the disk. They
are added in on_files where MkDocs would have listed them had they been in docs/, so the
site (its sitemap, say) comes out as if they had been written there.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, file_sort_key

from ..errors import InputError, InputErrors
from ..inputs.textfile import display_path
from ..model import Origin
from ..output.render import Page


def check_names(pages: list[Page], docs: Path) -> None:
    """A hand-written file of docs/ must not have the name of a generated page."""
    clashes = [InputError(Origin(display_path(docs / page.path)), "has the name of a generated page; rename it")
               for page in pages if (docs / page.path).exists()]
    if clashes:
        raise InputErrors(clashes)


def add_pages(files: Files, config: MkDocsConfig, pages: list[Page]) -> Files:
    """MkDocs' files with the generated pages among those of the docs folder, in MkDocs' order."""
    docs: list[File] = []
    theme: list[File] = []
    for file in files:
        (docs if file.src_dir == config.docs_dir else theme).append(file)
    for page in pages:
        file = File.generated(config, page.path, content=page.content)
        # mkdocs-static-i18n gives a language only to files inside the docs folder.
        file.abs_src_path = os.path.normpath(os.path.join(config.docs_dir, page.path))
        docs.append(file)
    return Files(sorted(docs, key=file_sort_key) + theme)
