"""glossary.yml: schema errors name the file, line and key; coverage errors and warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.edition import load_edition
from build_scripts.errors import InputErrors

from .conftest import FIXTURES

ENTRY = """\
- id: g7
  kind: forum
  ja:
    name: 主要7か国
    yomi: じーせぶん
    aliases: [G7]
    description: 説明。
  en:
    name: Group of Seven
    aliases: [G7]
    description: About it.
"""


@pytest.fixture
def mini(source: Path) -> Path:
    for path in (FIXTURES / "mini").iterdir():
        shutil.copy(path, source / path.name)
    return source


def errors_with(source: Path, glossary: str) -> list[str]:
    (source / "glossary.yml").write_text(glossary, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        load_edition(source)
    return [str(e).split("glossary.yml:", 1)[1] for e in caught.value.errors]


def test_fixture_glossary_loads_with_one_warning(mini):
    edition = load_edition(mini)
    assert [t.id for t in edition.terms] == ["g7", "g20", "quad"]
    assert [(origin.line, message) for origin, message in edition.warnings] == [
        (27, "entry 'quad': ja alias 'クアッド' never occurs in the text")]


def test_duplicate_id_is_named(mini):
    assert errors_with(mini, ENTRY + ENTRY)[0] == "12: entry 'g7': id is used twice (first by entry 1)"


def test_unknown_kind(mini):
    assert errors_with(mini, ENTRY.replace("kind: forum", "kind: club")) == [
        "2: entry 'g7': unknown kind 'club' (expected one of: agreement, law, policy, initiative, program, "
        "institution, forum, place, term)"]


def test_misspelt_key(mini):
    messages = errors_with(mini, ENTRY.replace("    aliases: [G7]\n    description: 説明。", "    aliasses: [G7]\n    description: 説明。"))
    assert messages == ["6: entry 'g7': ja: unknown key 'aliasses' (did you mean 'aliases'?)"]


def test_wrong_type(mini):
    assert errors_with(mini, ENTRY.replace("    name: Group of Seven", "    name: [Group, Seven]")) == [
        "9: entry 'g7': en: 'name' must be text, found a list"]


def test_yomi_must_be_hiragana(mini):
    assert errors_with(mini, ENTRY.replace("yomi: じーせぶん", "yomi: G7")) == [
        "5: entry 'g7': ja: yomi must be hiragana, found 'G7'"]


def test_related_entry_must_exist(mini):
    assert errors_with(mini, ENTRY.replace("  kind: forum\n", "  kind: forum\n  related: [g8]\n")) == [
        "1: entry 'g7': related entry 'g8' does not exist"]


def test_entry_mentioned_nowhere_is_an_error(mini):
    assert errors_with(mini, ENTRY.replace("[G7]", "[G8]")) == ["1: entry 'g7' is mentioned nowhere in the text"]


def test_yaml_syntax_error_keeps_line_and_column(mini):
    [message] = errors_with(mini, ENTRY.replace("aliases: [G7]\n    description: 説明。", "aliases: [G7\n    description: 説明。", 1))
    assert message.startswith("7: YAML syntax error at column ")


def test_glossary_must_be_a_list(mini):
    assert errors_with(mini, "id: g7\n") == ["1: glossary.yml must be a list of entries"]


def test_excluded_form_must_contain_an_alias(mini):
    entry = ENTRY.replace("    aliases: [G7]\n    description: 説明。", "    aliases: [G7]\n    excludes: [G8]\n    description: 説明。")
    assert errors_with(mini, entry) == [
        "7: entry 'g7': ja: excluded form 'G8' must contain one of the entry's aliases "
        "(it keeps a longer word from linking here)"]
