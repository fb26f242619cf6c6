"""Schema checks for the YAML files in source/, with errors that keep the line numbers.

PyYAML's composer gives nodes that remember where they start; we check types on those
nodes instead of on plain Python values so every message can say `file:line: key: problem`.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from ..errors import InputError, Problems, quoted
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


EXPANDED_LIMIT = 100_000
"""The most values a file's aliases (*name) may add once expanded. Composing never expands
them (an alias is the same node again), but reading the values would: a 1 KB file of nested
aliases (a "billion laughs") stands for billions of values."""

_PLAIN_TAGS = {
    yaml.ScalarNode: {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")},
    yaml.SequenceNode: {"tag:yaml.org,2002:seq"},
    yaml.MappingNode: {"tag:yaml.org,2002:map"},
}
"""The tags of plain YAML: what a value is by how it is written. An explicit other tag
(`!!binary`, `!!python/…`, `!custom`) asks for a meaning our inputs do not have."""

_DECIMAL = re.compile(r"[-+]?[0-9][0-9_]*")
"""A whole number as people write it. YAML 1.1 also reads 0x1, 0o7, 0b1 and 1:30 as numbers."""


def load(path: Path) -> yaml.Node | None:
    """Compose a YAML file into nodes; None for a file with only comments.

    Only plain YAML is accepted: a tag other than those of text, numbers, true/false, dates,
    lists and mappings, and aliases that add more than EXPANDED_LIMIT values, are errors.
    """
    text = read_text(path)
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f" at column {mark.column + 1}" if mark else ""
        raise InputError(Origin(display_path(path), line), f"YAML syntax error{column}: {exc.problem}") from None
    if node is not None:
        _check_plain(path, node)
    return node


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_plain(path: Path, root: yaml.Node) -> None:
    """Refuse tags that are not plain YAML, and aliases that expand too far."""
    problems = Problems()
    # Every distinct node once (an alias is the same node object again), and how many places
    # name it: more than one, and it is an anchor that aliases repeat.
    nodes: dict[int, yaml.Node] = {}
    named: dict[int, int] = {}
    todo = [root]
    while todo:
        node = todo.pop()
        named[id(node)] = named.get(id(node), 0) + 1
        if id(node) in nodes:
            continue
        nodes[id(node)] = node
        if node.tag not in _PLAIN_TAGS.get(type(node), ()):
            problems.add(where(path, node), f"a value tagged {_short(node.tag)} is not accepted: write plain text, "
                                            "numbers, lists and mappings")
        todo.extend(_children(node))
    # By node id: the values it holds, its aliases expanded. Each node is counted once, after
    # its children (no recursion: libyaml nests up to 1,000 deep), so this is linear in the
    # file's size however far its aliases would expand; Python's integers hold any total.
    sizes: dict[int, int] = {}
    started: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, counted_children = stack.pop()
        if counted_children:
            # (a node inside itself, through a recursive alias, counts 1 there)
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
        elif id(node) not in started:
            started.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node) if id(child) not in started)

    if sizes[id(root)] > len(nodes) + EXPANDED_LIMIT:
        # Name the smallest repeated value that is too large: where the aliases pile up.
        large = [n for key, n in nodes.items() if sizes.get(key, 0) > EXPANDED_LIMIT]
        anchors = [n for n in large if named[id(n)] > 1] or large
        inner = min(anchors, key=lambda n: (sizes[id(n)], n.start_mark.line), default=root)
        problems.add(where(path, inner), f"its aliases (*name) expand to more than {EXPANDED_LIMIT:,} values; "
                                         "write the values out instead")
    problems.raise_if_any()


def _short(tag: str) -> str:
    """A tag as it is written: !!binary for tag:yaml.org,2002:binary."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def whole_number(node: yaml.Node) -> int | None:
    """The number a value holds when it is a whole number written in decimal digits, else None."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int") and _DECIMAL.fullmatch(node.value):
        return int(node.value)
    return None


def number_kind(node: yaml.Node) -> str:
    """What a value that should be a whole number is, for messages (0x6 is not one to us)."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int") and whole_number(node) is None:
        return f"{node.value} (write it in decimal digits)"
    return kind_of(node)


def scalar_text(node: yaml.Node) -> str:
    """A value for a message: a single value quoted as it is written, else what kind it is
    (a list or mapping is never spelt out: its aliases could stand for millions of values)."""
    return quoted(str(node.value)) if isinstance(node, yaml.ScalarNode) else kind_of(node)


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


def key_line(lines: list[str], key: object) -> int | None:
    """The first line that sets `key:`, where a file's nodes are not at hand (a file another
    loader read: mkdocs.yml, strings.yml once loaded as plain data)."""
    return next((n for n, line in enumerate(lines, start=1) if re.match(rf"\s*{re.escape(str(key))}\s*:", line)), None)


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
            if not isinstance(key_node, yaml.ScalarNode):
                problems.add(where(path, key_node), f"{self.prefix}a key must be a single word, found {kind_of(key_node)}")
                continue
            key = str(key_node.value)
            if key not in keys:
                given = {str(k.value) for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
                close = difflib.get_close_matches(key[:100], sorted(keys - given), n=1, cutoff=0.75)
                if close:
                    self.misspelt.add(close[0])
                    problems.add(where(path, key_node), f"{self.prefix}unknown key {quoted(key)} (did you mean {close[0]!r}?)")
                else:
                    expected = ", ".join(sorted(keys))
                    problems.add(where(path, key_node), f"{self.prefix}unknown key {quoted(key)} (expected one of: {expected})")
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
        number = whole_number(node)
        if number is None or number < 1:
            self.problems.add(where(self.path, node), f"{self.prefix}{key!r} must be a positive whole number, found {number_kind(node)}")
            return None
        return number

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
