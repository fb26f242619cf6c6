"""The `statement-site` command: build the site, or check the inputs without building."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from .addresses import is_web_address
from .build import NotConfigured, build_site, load
from .edition import TRANSLATION_FILE, load_edition
from .errors import InputError, InputErrors, quoted
from .inputs.textfile import display_path
from .languages import TRANSLATIONS
from .linking.coverage import candidates
from .model import Edition, Origin
from .output.data import DATA_FOLDER
from .plugin.plugin import InputProblems
from .report import decisions, outline
from .sitefolder import SiteFolderRefused


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="statement-site", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("build", "generate the pages and build the site"),
                            ("check", "validate the inputs without building")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--source", type=Path,
                             help="folder with statement.ja.txt and its data files (default: the plugin's "
                                  "source_dir in mkdocs.yml, source/ beside it)")
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


def summary(edition: Edition) -> str:
    """One line on what the edition holds."""
    statement = edition.statement
    glossary = f", {len(edition.terms)} glossary entries, {len(edition.mentions)} mentions" if edition.terms else ""
    return (f"{len(statement.sections)} sections, {len(statement.paragraphs)} paragraphs, "
            f"{len(edition.corrections)} corrections applied{glossary}, languages: {', '.join(edition.languages)}")


def _warnings(edition: Edition) -> None:
    for origin, message in edition.warnings:
        print(f"warning: {origin}: {message}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    if args.source is None:
        _, plugin = load(args.config)
        source = Path(plugin.config.source_dir)
    else:
        source = args.source
    edition = load_edition(source)
    if args.strict and edition.warnings:
        raise InputErrors([InputError(origin, message) for origin, message in edition.warnings])
    print(f"ok: {display_path(source)}: {summary(edition)}")
    _warnings(edition)
    for lang in TRANSLATIONS:
        if lang not in edition.languages:
            print(f"note: no {TRANSLATION_FILE.format(lang=lang)} in {display_path(source)}: "
                  f"building without the '{lang}' pages and language selector")
    for line in decisions(edition.statement) + outline(edition.statement):
        print(line)
    for candidate in candidates(edition):
        print(f"glossary candidate: {candidate}")
    return 0


def _build(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    # MkDocs reports its own warnings and errors through logging.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if args.site_url is not None and not is_web_address(args.site_url):
        raise InputError(Origin("--site-url"), f"must be a web address (https://…), found {quoted(args.site_url)}")
    plugin, seconds = build_site(args.config, args.site_dir, source=args.source, fail_on_warnings=args.strict,
                                 site_url=args.site_url)
    generated = plugin.generated
    assert generated is not None
    print(f"statement: {summary(generated.edition)} ({generated.load_seconds:.2f} s)")
    _warnings(generated.edition)
    for line in decisions(generated.edition.statement):
        print(line)
    for note in generated.notes:
        print(f"note: {note}")
    data = [page for page in generated.pages if page.path.startswith(f"{DATA_FOLDER}/")]
    print(f"pages: {len(generated.pages) - len(data)} rendered ({generated.render_seconds:.2f} s)")
    size = sum(len(page.content.encode("utf-8")) for page in data)
    print(f"data: {', '.join(page.path.rsplit('/', 1)[1] for page in data)} ({size / 1000:,.0f} KB)")
    offline = plugin.offline
    if offline is not None:
        weight = f"{offline.total_bytes / 1000:,.0f} KB, {offline.total_compressed / 1000:,.0f} KB compressed"
        if offline.within_budget:
            print(f"offline: sw.js caches {len(offline.files)} files in the background ({weight}), version {offline.version}")
        else:
            print(f"offline: sw.js caches up to {offline.budget / 1000:,.0f} KB compressed in the background, the "
                  f"reader's language first, of {len(offline.files)} files ({weight}); the rest as they are read "
                  f"(offline_budget), version {offline.version}")
    mkdocs = seconds - generated.load_seconds - generated.render_seconds
    print(f"mkdocs: site built in {display_path(args.site_dir)} ({mkdocs:.2f} s)")
    print(f"done in {time.perf_counter() - start:.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    # A build stopped by `kill` removes its half-made folder, as one stopped by Ctrl-C does.
    if threading.current_thread() is threading.main_thread():  # only the main thread may set a handler
        signal.signal(signal.SIGTERM, _stop)
    if not args.config.is_file() and not (args.command == "check" and args.source is not None):
        print(f"{args.config}: MkDocs configuration not found (run from the project folder or pass --config)",
              file=sys.stderr)
        return 2
    try:
        return _check(args) if args.command == "check" else _build(args)
    except InputError as problem:
        print(problem, file=sys.stderr)
    except (InputErrors, InputProblems) as problems:
        for each in problems.errors:
            print(each, file=sys.stderr)
    except SiteFolderRefused as refused:
        print(refused, file=sys.stderr)
    except NotConfigured as missing:
        print(missing, file=sys.stderr)
        return 2
    except MkDocsException as failure:
        print(f"mkdocs: {failure}", file=sys.stderr)
        if args.command == "build":
            print("build failed; the previous site is unchanged", file=sys.stderr)
    return 1


def _stop(signum: int, frame: object) -> None:
    """Leave by the way Ctrl-C does, so that the build cleans up on its way out."""
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    sys.exit(main())
