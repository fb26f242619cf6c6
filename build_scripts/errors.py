"""User-facing input errors: each names the file and line, and they are reported together."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Origin


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
