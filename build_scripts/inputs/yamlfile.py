"""Schema checks for the YAML files in source/, with errors that keep the line numbers.

PyYAML's composer gives nodes that remember where they start; we check types on those
nodes instead of on plain Python values so every message can say `file:line: key: problem`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from ..errors import InputError, Problems
from ..model import Origin
from .textfile import display_path, read_text

# libyaml's loader when PyYAML was built with it: same nodes and marks, several times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader, in C where libyaml is installed."""

_KINDS = {
    yaml.ScalarNode: "a single value",
    yaml.SequenceNode: "a list",
    yaml.MappingNode: "a mapping (key: value)",
}


def load(path: Path) -> yaml.Node | None:
    """Compose a YAML file into nodes; None for a file with only comments."""
    text = read_text(path)
    try:
        return yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f" at column {mark.column + 1}" if mark else ""
        raise InputError(Origin(display_path(path), line), f"YAML syntax error{column}: {exc.problem}") from None


def load_list(path: Path, what: str) -> list[yaml.Node]:
    """The items of a YAML file that holds a list; a missing or empty file holds none."""
    if not path.exists():
        return []
    node = load(path)
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(where(path, node), f"{path.name} must be a list of {what}")
    return list(node.value)


def where(path: Path, node: yaml.Node) -> Origin:
    """The origin of a node."""
    return Origin(display_path(path), node.start_mark.line + 1)


def kind_of(node: yaml.Node) -> str:
    """What kind of YAML value a node is, for messages."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float")):
        return f"the number {node.value}"
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return "nothing"
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
        return f"the value {node.value}"
    return _KINDS.get(type(node), "an unknown value")


class Mapping:
    """A YAML mapping checked against a set of allowed keys."""

    def __init__(self, path: Path, node: yaml.Node, keys: set[str], what: str, problems: Problems) -> None:
        self.path, self.node, self.problems, self.what = path, node, problems, what
        self.values: dict[str, yaml.Node] = {}
        self.misspelt: set[str] = set()
        """Allowed keys that an unknown key looks like a typo of (not reported missing too)."""
        if not isinstance(node, yaml.MappingNode):
            problems.add(where(path, node), f"{self.prefix}expected a mapping (key: value), found {kind_of(node)}")
            return
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in keys:
                given = {str(k.value) for k, _ in node.value}
                close = difflib.get_close_matches(key, sorted(keys - given), n=1, cutoff=0.75)
                if close:
                    self.misspelt.add(close[0])
                    problems.add(where(path, key_node), f"{self.prefix}unknown key {key!r} (did you mean {close[0]!r}?)")
                else:
                    expected = ", ".join(sorted(keys))
                    problems.add(where(path, key_node), f"{self.prefix}unknown key {key!r} (expected one of: {expected})")
            elif key in self.values:
                problems.add(where(path, key_node), f"{self.prefix}key {key!r} is given twice")
            else:
                self.values[key] = value_node

    @property
    def prefix(self) -> str:
        """What messages about this mapping start with."""
        return f"{self.what}: " if self.what else ""

    def missing(self, key: str) -> None:
        """Report a required key that is absent (unless the mapping is not one, or the key was misspelt)."""
        if isinstance(self.node, yaml.MappingNode) and key not in self.misspelt:
            self.problems.add(self.origin, f"{self.prefix}missing key {key!r}")

    @property
    def origin(self) -> Origin:
        """Where the mapping starts."""
        return where(self.path, self.node)

    def text(self, key: str, required: bool = True) -> str | None:
        """A non-empty string value."""
        node = self.values.get(key)
        if node is None:
            if required:
                self.missing(key)
            return None
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool")):
            self.problems.add(where(self.path, node), f"{self.prefix}{key!r} must be text, found {kind_of(node)}")
            return None
        if not str(node.value).strip():
            self.problems.add(where(self.path, node), f"{self.prefix}{key!r} is empty")
            return None
        return str(node.value)

    def integer(self, key: str) -> int | None:
        """A positive integer value (required)."""
        node = self.values.get(key)
        if node is None:
            self.missing(key)
            return None
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int")) or int(node.value) < 1:
            self.problems.add(where(self.path, node), f"{self.prefix}{key!r} must be a positive whole number, found {kind_of(node)}")
            return None
        return int(node.value)

    def texts_by_language(self, key: str, languages: tuple[str, ...], required: tuple[str, ...]) -> dict[str, str]:
        """A mapping from language code to text, such as `reason: {ja: …, en: …}`."""
        node = self.values.get(key)
        if node is None:
            self.missing(key)
            return {}
        inner = Mapping(self.path, node, set(languages), f"{self.prefix}{key}", self.problems)
        found = {lang: inner.text(lang, required=lang in required) for lang in languages}
        return {lang: text for lang, text in found.items() if text is not None}

    def sequence(self, key: str, required: bool = True) -> list[yaml.Node] | None:
        """A list value."""
        node = self.values.get(key)
        if node is None:
            if required:
                self.missing(key)
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problems.add(where(self.path, node), f"{self.prefix}{key!r} must be a list, found {kind_of(node)}")
            return None
        return list(node.value)
