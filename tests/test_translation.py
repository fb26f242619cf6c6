"""The translation: aligned one-to-one with the statement, or the build names what is wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_scripts.edition import load_edition
from build_scripts.errors import InputErrors

from .conftest import STATEMENT_DIR


@pytest.fixture
def bilingual(source: Path) -> Path:
    """A copy of the real source folder, translation included."""
    for path in (STATEMENT_DIR).iterdir():
        shutil.copy(path, source / path.name)
    return source


def edit(source: Path, old: str, new: str, count: int = 1) -> None:
    path = source / "translation.en.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def errors(source: Path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        load_edition(source)
    return [str(e) for e in caught.value.errors]


def line_of(source: Path, text: str) -> int:
    """The number of the first line that is `text`, or (failing that) holds it."""
    lines = (source / "translation.en.yml").read_text(encoding="utf-8").splitlines()
    exact = [n for n, line in enumerate(lines, 1) if line == text]
    return exact[0] if exact else next(n for n, line in enumerate(lines, 1) if text in line)


def test_every_paragraph_and_heading_has_its_counterpart(bilingual):
    edition = load_edition(bilingual)
    original, english = edition.versions
    assert set(english.paragraphs) == set(original.paragraphs) == set(range(1, 33))
    assert set(english.headings) == set(original.headings)
    assert all(text[0].text.strip() for text in english.paragraphs.values())
    assert english.title == "Japan-U.S. Joint Leaders' Statement"
    assert english.notes.keys() <= english.paragraphs.keys()


def test_an_abbreviation_the_japanese_gives_must_be_in_the_english_or_its_note(bilingual):
    edit(bilingual, "Coordination Mechanism (ACM)", "Coordination Mechanism")
    [message] = errors(bilingual)
    line = line_of(bilingual, "  12:")
    assert message == (f"{bilingual / 'translation.en.yml'}:{line}: paragraphs: ¶12: the Japanese gives the "
                       "abbreviation (ACM), which neither the English nor its translator's note names")


def test_a_note_may_account_for_the_abbreviation_and_a_plural_counts(bilingual):
    edit(bilingual, "Coordination Mechanism (ACM)", "Coordination Mechanism")
    edit(bilingual, "  12: >-\n    「安全保障協議委員会」", "  12: >-\n    The ACM is not abbreviated. 「安全保障協議委員会」")
    assert load_edition(bilingual).version("en").paragraphs[12]
    edit(bilingual, "launches of intercontinental ballistic missiles\n      (ICBMs)", "launches of ICBMs")
    assert load_edition(bilingual)  # ICBMs names the Japanese (ICBM)


def test_missing_and_extra_paragraphs_are_named(bilingual):
    edit(bilingual, "  7:\n", "  77:\n")
    messages = errors(bilingual)
    assert any(m.endswith("paragraph 7 is missing (the statement has 32)") for m in messages)
    assert any(m.endswith("paragraph 77 does not exist (the statement has 32 paragraphs)") for m in messages)
    assert all(re.match(r"\S*translation\.en\.yml:\d+: ", m) for m in messages)


def test_empty_paragraph(bilingual):
    edit(bilingual, "  10:\n", "  10: ''\n  1010:\n")
    messages = errors(bilingual)
    assert any(m.endswith("paragraphs: paragraph 10 is empty") for m in messages)


def test_renumbered_paragraph_key(bilingual):
    edit(bilingual, "  5:\n", "  five:\n")
    messages = errors(bilingual)
    assert any(m.endswith("paragraphs: key 'five' must be a paragraph number") for m in messages)
    assert any(m.endswith("paragraph 5 is missing (the statement has 32)") for m in messages)


def test_missing_heading(bilingual):
    edit(bilingual, "  alliance:", "  # alliance:")
    [message] = errors(bilingual)
    assert message.endswith(
        ": headings: no translation of the heading of section 'alliance' (日米同盟：抑止力及び対処力の強化)")
    assert re.match(r".*translation\.en\.yml:\d+: ", message)


def test_empty_title(bilingual):
    edit(bilingual, 'title: "Japan-U.S. Joint Leaders\' Statement"', 'title: ""')
    [message] = errors(bilingual)
    assert message.endswith(f"translation.en.yml:{line_of(bilingual, 'title:')}: 'title' is empty")


def test_unknown_key(bilingual):
    edit(bilingual, "notes:", "note:")
    [message] = errors(bilingual)
    assert message.endswith("unknown key 'note' (did you mean 'notes'?)")


def test_no_translation_file_means_japanese_only(bilingual):
    (bilingual / "translation.en.yml").unlink()
    assert load_edition(bilingual).languages == ("ja",)


def test_every_file_is_checked_in_one_run(bilingual):
    """A correction that does not fit no longer hides the translation's errors (nor the glossary's)."""
    corrections = bilingual / "corrections.yml"
    corrections.write_text(corrections.read_text(encoding="utf-8").replace("published: 兩岸問題", "published: 兩岸問題群"),
                           encoding="utf-8")
    edit(bilingual, "  10:\n", "  1010:\n")
    glossary = bilingual / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("    aliases: [国連憲章]", "    aliases: [国連憲章, 国連]"),
                        encoding="utf-8")
    messages = errors(bilingual)
    assert any("corrections.yml" in m and "'兩岸問題群' does not occur in ¶7" in m for m in messages)
    assert any(m.endswith("paragraph 10 is missing (the statement has 32)") for m in messages)
    assert any("glossary.yml" in m and "ja alias '国連' is also an alias of 'united-nations'" in m for m in messages)
