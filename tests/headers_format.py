"""A reader of `_headers` as Netlify documents it (docs.netlify.com/routing/headers; Cloudflare Pages
reads the same): a path pattern on a line of its own, then its headers on indented lines,
`Name: value`; lines starting with `#` are comments. In a pattern `*` matches anything, `/`
included, and `:name` one path segment. Every rule that matches a path applies to it; a header
that several rules set is sent with their values joined by a comma."""

from __future__ import annotations

import re
from dataclasses import dataclass


class HeadersFormatError(ValueError):
    """A line the format does not allow."""


@dataclass(frozen=True)
class Rule:
    pattern: str
    headers: tuple[tuple[str, str], ...]
    line: int

    def matches(self, path: str) -> bool:
        regex = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                        for part in re.split(r"(\*|:[A-Za-z_][A-Za-z0-9_]*)", self.pattern))
        return re.fullmatch(regex, path) is not None


def parse(text: str) -> list[Rule]:
    """The rules of a `_headers` file, in order; HeadersFormatError names a line it cannot read."""
    rules: list[Rule] = []
    pattern, headers, start = None, [], 0
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(Rule(pattern, tuple(headers), start))
            if not line.startswith("/"):
                raise HeadersFormatError(f"line {number}: a path must start with /: {line!r}")
            pattern, headers, start = line.strip(), [], number
            continue
        name, colon, value = line.strip().partition(":")
        if pattern is None or not colon or not re.fullmatch(r"[A-Za-z0-9-]+", name) or not value.strip():
            raise HeadersFormatError(f"line {number}: not a header of a path: {line!r}")
        headers.append((name, value.strip()))
    if pattern is not None:
        rules.append(Rule(pattern, tuple(headers), start))
    return rules


def headers_for(rules: list[Rule], path: str) -> dict[str, list[str]]:
    """Every header the rules give this path (names lower-cased), with each value a rule sets."""
    found: dict[str, list[str]] = {}
    for rule in rules:
        if rule.matches(path):
            for name, value in rule.headers:
                found.setdefault(name.lower(), []).append(value)
    return found
