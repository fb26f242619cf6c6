"""Reading text inputs: UTF-8 only, with a clear word for the encodings Japanese files often come in."""

from __future__ import annotations

import codecs
import functools
import os
import re
import unicodedata
from pathlib import Path

from ..errors import InputError
from ..model import Origin

# Encodings an editor is likely to be handed, tried only to name them in the error.
# We refuse rather than convert: the statement file must stay byte-for-byte as published,
# and a silent conversion would hide that the file in source/ is not the one we checked.
_LIKELY_ENCODINGS = (("shift_jis", "Shift_JIS", "CP932"), ("cp932", "Shift_JIS (Windows-31J)", "CP932"),
                     ("euc_jp", "EUC-JP", "EUC-JP"))
"""Python's codec, the encoding's name for the reader, and the iconv encoding that reads it
(CP932 reads plain Shift_JIS too, and the Windows characters a Shift_JIS file often holds)."""


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    return _display_path(path, os.getcwd())


@functools.lru_cache(maxsize=1024)
def _display_path(path: Path, cwd: str) -> str:
    # Cached: every message origin names its file, and resolving a path asks the file system.
    try:
        return str(path.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (a BOM and CRLF line ends are accepted) or raise InputError."""
    where = Origin(display_path(path))
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "file not found") from None
    except IsADirectoryError:
        raise InputError(where, "is a folder, expected a text file") from None
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(where, "file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(where, "is encoded as UTF-16; save it as UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if b"\x00" in data:
            raise InputError(Origin(where.path, line), "is a binary file, not text") from None
        for codec, name, iconv in _LIKELY_ENCODINGS:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            raise InputError(
                where, f"is encoded as {name}, not UTF-8; convert it (e.g. iconv -f {iconv} -t UTF-8)"
            ) from None
        raise InputError(Origin(where.path, line), "is not valid UTF-8 text") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError(Origin(where.path, line), "is a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


INVISIBLE = re.compile("[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
"""Characters that show nothing, or that change how the text around them shows: control
characters (tab, line break and form feed, a PDF's page break, aside), soft hyphen, the
zero-width space and joiners, bidirectional controls (U+202E shows a sentence reversed),
the word joiner, a byte-order mark inside the text, tag characters. A text that holds one
looks right and is not: it is not found by search, nor matched by a correction or an alias."""


INVISIBLE_REPORTED = 10
"""The most invisible characters reported one by one in a file."""


def invisible_characters(text: str, path: Path) -> list[tuple[Origin, str]]:
    """A warning for each invisible or direction-changing character in a file's text."""
    found: list[tuple[Origin, str]] = []
    shown = display_path(path)
    matches = list(INVISIBLE.finditer(text))
    for match in matches[:INVISIBLE_REPORTED]:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        ch = match.group()
        name = unicodedata.name(ch, "a control character")
        found.append((Origin(shown, line), f"column {column}: invisible character U+{ord(ch):04X} {name}: check the "
                                           "text where it stands (it can reverse, hide or split words)"))
    if len(matches) > INVISIBLE_REPORTED:
        found.append((Origin(shown), f"{len(matches) - INVISIBLE_REPORTED:,} more invisible characters"))
    return found
