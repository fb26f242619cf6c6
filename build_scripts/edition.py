"""Gather every input of a source folder into one checked Edition, before anything is written."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .errors import InputError, InputErrors, Problems
from .inputs.corrections import apply_corrections, load_corrections
from .inputs.glossary import load_glossary
from .inputs.parse import parse
from .inputs.publication import load_publication, name_sections
from .inputs.textfile import display_path, invisible_characters, read_text
from .inputs.translation import load_translation, original_version
from .languages import TRANSLATIONS
from .linking.coverage import check_glossary
from .linking.mentions import link_mentions
from .model import Edition, Origin, Publication, Statement

STATEMENT_FILE = "statement.ja.txt"
PUBLICATION_FILE = "statement.yml"
CORRECTIONS_FILE = "corrections.yml"
GLOSSARY_FILE = "glossary.yml"
TRANSLATION_FILE = "translation.{lang}.yml"

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


def read_statement(path: Path, publication: Publication | None = None) -> Statement:
    """Read and parse a statement file (with the editor's overrides and headings of statement.yml)."""
    return parse(read_text(path), display_path(path), publication)


def load_edition(source: Path) -> Edition:
    """Read, parse, name and correct the statement, align the translation, link the glossary.

    Every file is checked as far as the others allow, and every problem of every file is
    reported in one InputErrors: a correction that does not fit still lets the translation
    and the glossary be checked. Only what depends on a broken file is left out: nothing is
    checked against a statement that cannot be parsed, and a translation's headings, keyed
    by the slugs of statement.yml, wait for slugs that match the statement.
    """
    if not source.is_dir():
        raise InputErrors([InputError(Origin(display_path(source)), "source folder not found")])
    problems = Problems()
    publication = _attempt(problems, lambda: load_publication(source / PUBLICATION_FILE))
    statement = _attempt(problems, lambda: read_statement(source / STATEMENT_FILE, publication))
    corrections = _attempt(problems, lambda: load_corrections(source / CORRECTIONS_FILE))
    terms = _attempt(problems, lambda: load_glossary(source / GLOSSARY_FILE))
    if statement is None:
        problems.raise_if_any()
    assert statement is not None
    named = name_sections(statement, publication, source / PUBLICATION_FILE, problems) if publication else None
    statement = apply_corrections(named or statement, corrections or (), problems)
    versions = [original_version(statement)]
    if named is not None:
        for lang in TRANSLATIONS:
            path = source / TRANSLATION_FILE.format(lang=lang)
            translation = _attempt(problems, functools.partial(load_translation, path, lang, statement))
            if translation is not None:
                versions.append(translation)
    edition = Edition(statement, publication or Publication(), corrections or (), tuple(versions))
    if terms is None:
        problems.raise_if_any()
    edition = link_mentions(edition, terms or ())
    errors, warnings = check_glossary(edition)
    problems.errors.extend(errors)
    problems.raise_if_any()
    names = (STATEMENT_FILE, PUBLICATION_FILE, CORRECTIONS_FILE, GLOSSARY_FILE,
             *(TRANSLATION_FILE.format(lang=lang) for lang in edition.languages[1:]))
    hidden = []
    for path in (source / name for name in names):
        if path.exists():
            hidden += invisible_characters(read_text(path), path)
    return dataclasses.replace(edition, warnings=(*statement.report.warnings, *warnings, *hidden))
