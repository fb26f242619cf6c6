"""The `statement-site` command: build the site, or check the inputs without building."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .build import build_site, render_edition
from .coverage import candidates
from .edition import TRANSLATION_FILE, TRANSLATION_LANGUAGES, load_edition
from .errors import InputError, InputErrors
from .model import Edition
from .project import Project


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="statement-site", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "generate the pages and build the site"),
                            ("check", "validate the inputs without building")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--source", type=Path, default=Path("source"),
                             help="folder with statement.ja.txt and its data files (default: source)")
        command.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                             help="the MkDocs configuration of the project (default: mkdocs.yml)")
        command.add_argument("--strict", action="store_true",
                             help="treat warnings about the inputs (e.g. an unused glossary alias) as errors")
        if name == "build":
            command.add_argument("--site-dir", type=Path, default=Path("site"),
                                 help="where the built site goes (default: site)")
            command.add_argument("--site-url", help="the address the site will be served from, e.g. "
                                 "https://example.org/statements/2022-05-23/ (for canonical links and the sitemap)")
    return parser


def _describe(edition: Edition) -> str:
    statement = edition.statement
    glossary = f", {len(edition.terms)} glossary entries, {len(edition.mentions)} mentions" if edition.terms else ""
    return (f"{len(statement.sections)} sections, {len(statement.paragraphs)} paragraphs, "
            f"{len(edition.corrections)} corrections applied{glossary}, languages: {', '.join(edition.languages)}")


def _notices(edition: Edition, source: Path, strict: bool) -> None:
    """Say what the site will lack, and what looks wrong; with --strict a warning fails."""
    if strict and edition.warnings:
        raise InputErrors([InputError(origin, message) for origin, message in edition.warnings])
    for origin, message in edition.warnings:
        print(f"warning: {origin}: {message}", file=sys.stderr)
    for lang in TRANSLATION_LANGUAGES:
        if lang not in edition.languages:
            name = TRANSLATION_FILE.format(lang=lang)
            print(f"note: no {name} in {source}: building without the '{lang}' pages and language selector")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if not args.config.is_file():
        print(f"{args.config}: MkDocs configuration not found (run from the project folder or pass --config)",
              file=sys.stderr)
        return 2
    project = Project.at(args.config, args.source)
    try:
        if args.command == "check":
            edition = load_edition(project.source)
            print(f"ok: {project.source}: {_describe(edition)}")
            _notices(edition, args.source, args.strict)
            for candidate in candidates(edition):
                print(f"glossary candidate: {candidate}")
            return 0
        start = time.perf_counter()
        edition = load_edition(project.source)
        print(f"statement: {_describe(edition)} ({time.perf_counter() - start:.2f} s)")
        _notices(edition, args.source, args.strict)
        generated = render_edition(project, edition)
        print(f"pages: {len(generated.pages)} rendered ({generated.seconds:.2f} s)")
        # MkDocs reports its own warnings and errors through logging.
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        seconds = build_site(project, generated, args.site_dir, site_url=args.site_url)
        print(f"mkdocs: site built in {args.site_dir} ({seconds:.2f} s)")
        print(f"done in {time.perf_counter() - start:.2f} s")
        return 0
    except InputError as error:
        print(error, file=sys.stderr)
    except InputErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
    except MkDocsException as error:
        print(f"mkdocs: {error}", file=sys.stderr)
        print("build failed; the previous site is unchanged", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
