"""User-facing input errors: each names the file and line, and they are reported together."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from .model import Origin

QUOTED_LENGTH = 80
"""The most characters of a text a message quotes (an input can be megabytes)."""


def quoted(text: str, limit: int = QUOTED_LENGTH) -> str:
    """A text for a message, in quotes, as it is written: a full-width space stays one, so a
    publisher can paste it into an override. Only what would break the line or cannot be seen
    is written as an escape (a line break as \\n, U+202E as \\u202e), and a long text is cut."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return "'" + "".join(_visible(ch) for ch in text) + "'"


def _visible(ch: str) -> str:
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    # Cc: control characters; Cf: format characters (bidi controls, zero-width space…);
    # Zl, Zp: the line and paragraph separators.
    if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
        return f"\\u{ord(ch):04x}"
    return ch


class InputError(Exception):
    """One problem in an input file, printed as `path:line: message`."""

    def __init__(self, origin: Origin, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


class InputErrors(Exception):
    """Several input problems, found before anything was written."""

    def __init__(self, errors: Iterable[InputError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class Problems:
    """Collects errors while a stage keeps checking, then raises them once."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def add(self, origin: Origin, message: str) -> None:
        """Record one problem."""
        self.errors.append(InputError(origin, message))

    def extend(self, errors: InputErrors) -> None:
        """Record the problems another stage raised."""
        self.errors.extend(errors.errors)

    def raise_if_any(self) -> None:
        """Stop here if anything was recorded."""
        if self.errors:
            raise InputErrors(self.errors)
