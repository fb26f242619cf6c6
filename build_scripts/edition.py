"""Gather every input of a source folder into one checked Edition, before anything is written."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .corrections import apply_corrections, load_corrections
from .coverage import check_glossary
from .errors import InputError, InputErrors, Problems
from .glossary import load_glossary
from .mentions import link_mentions
from .model import Edition, Origin, Statement
from .parse import parse
from .publication import load_publication, name_sections
from .textfile import display_path, read_text
from .translation import load_translation, original_version

STATEMENT_FILE = "statement.ja.txt"
PUBLICATION_FILE = "statement.yml"
CORRECTIONS_FILE = "corrections.yml"
GLOSSARY_FILE = "glossary.yml"
TRANSLATION_FILE = "translation.{lang}.yml"
TRANSLATION_LANGUAGES = ("en",)
"""Languages the site can add to the Japanese original, each from its own translation file."""

T = TypeVar("T")


def _attempt(problems: Problems, load: Callable[[], T]) -> T | None:
    """Run one loader, keeping its errors so the other files are still checked."""
    try:
        return load()
    except InputError as error:
        problems.errors.append(error)
    except InputErrors as errors:
        problems.extend(errors)
    return None


def read_statement(path: Path) -> Statement:
    """Read and parse a statement file."""
    return parse(read_text(path), display_path(path))


def load_edition(source: Path) -> Edition:
    """Read, parse, name and correct the statement; raise InputErrors listing every problem."""
    if not source.is_dir():
        raise InputErrors([InputError(Origin(display_path(source)), "source folder not found")])
    problems = Problems()
    statement = _attempt(problems, lambda: read_statement(source / STATEMENT_FILE))
    publication = _attempt(problems, lambda: load_publication(source / PUBLICATION_FILE))
    corrections = _attempt(problems, lambda: load_corrections(source / CORRECTIONS_FILE))
    terms = _attempt(problems, lambda: load_glossary(source / GLOSSARY_FILE))
    problems.raise_if_any()
    assert statement is not None and publication is not None and corrections is not None and terms is not None
    statement = name_sections(statement, publication, source / PUBLICATION_FILE)
    statement = apply_corrections(statement, corrections)
    versions = [original_version(statement)]
    for lang in TRANSLATION_LANGUAGES:
        translation = load_translation(source / TRANSLATION_FILE.format(lang=lang), lang, statement)
        if translation is not None:
            versions.append(translation)
    edition = link_mentions(Edition(statement, publication, corrections, tuple(versions)), terms)
    errors, warnings = check_glossary(edition)
    if errors:
        raise InputErrors(errors)
    return dataclasses.replace(edition, warnings=tuple(warnings))

