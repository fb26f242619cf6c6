"""Where a project's parts live: the MkDocs config, the inputs, the templates and docs/."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SOURCE_ENV = "STATEMENT_SITE_SOURCE"
"""Tells the MkDocs hook which source folder the CLI chose (the hook has no arguments)."""


@dataclass(frozen=True)
class Project:
    """The folders of one site project, all found from its mkdocs.yml."""

    config_file: Path
    """The MkDocs configuration; its folder is the project root."""
    source: Path
    """The editor's inputs: statement.ja.txt and the optional YAML files."""

    @classmethod
    def at(cls, config_file: Path, source: Path | None = None) -> Project:
        """The project of a config file; the source folder defaults to $STATEMENT_SITE_SOURCE or source/."""
        config_file = config_file.resolve()
        if source is None:
            source = Path(os.environ.get(SOURCE_ENV) or config_file.parent / "source")
        return cls(config_file, source.resolve())

    @property
    def root(self) -> Path:
        """The project folder."""
        return self.config_file.parent

    @property
    def templates(self) -> Path:
        """Jinja2 templates of the generated pages."""
        return self.root / "templates"

    @property
    def docs(self) -> Path:
        """Hand-written pages and assets: MkDocs' docs_dir (the generated pages join them in memory)."""
        return self.root / "docs"
