"""The translation: aligned one-to-one with the statement, or the build names what is wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from build_scripts.edition import load_edition
from build_scripts.errors import InputErrors

from .conftest import REPO

TRANSLATION = REPO / "source" / "translation.en.yml"


@pytest.fixture
def bilingual(source: Path) -> Path:
    """A copy of the real source folder, translation included."""
    for path in (REPO / "source").iterdir():
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
    lines = (source / "translation.en.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_every_paragraph_and_heading_has_its_counterpart(bilingual):
    edition = load_edition(bilingual)
    original, english = edition.versions
    assert set(english.paragraphs) == set(original.paragraphs) == set(range(1, 33))
    assert set(english.headings) == set(original.headings)
    assert all(text[0].text.strip() for text in english.paragraphs.values())
    assert english.title == "Japan-U.S. Joint Leaders' Statement"
    assert english.notes.keys() <= english.paragraphs.keys()


def test_translation_uses_official_names():
    text = " ".join(yaml.safe_load(TRANSLATION.read_text(encoding="utf-8"))["paragraphs"].values())
    for name in ("Alliance Coordination Mechanism", 'Security Consultative Committee ("2+2")',
                 "Indo-Pacific Economic Framework for Prosperity", "Competitiveness and Resilience (CoRe) Partnership",
                 "Treaty of Mutual Cooperation and Security", "UNCLOS", "Artemis program", "JET Programme", "CULCON",
                 "Clean Energy and Energy Security Initiative (CEESI)"):
        assert name in text, name


def test_translation_does_not_carry_the_corrected_defects():
    text = TRANSLATION.read_text(encoding="utf-8")
    assert "(SCG)" not in text and "GEESI)" not in re.sub(r"notes:.*", "", text, flags=re.S)


def test_missing_and_extra_paragraphs_are_named(bilingual):
    edit(bilingual, "  7: >-\n", "  77: >-\n")
    messages = errors(bilingual)
    assert any(m.endswith("paragraph 7 is missing (the statement has 32)") for m in messages)
    assert any(m.endswith("paragraph 77 does not exist (the statement has 32 paragraphs)") for m in messages)
    assert all(re.match(r"\S*translation\.en\.yml:\d+: ", m) for m in messages)


def test_empty_paragraph(bilingual):
    edit(bilingual, "  10: >-\n", "  10: ''\n  1010: >-\n")
    messages = errors(bilingual)
    assert any(m.endswith("paragraphs: paragraph 10 is empty") for m in messages)


def test_renumbered_paragraph_key(bilingual):
    edit(bilingual, "  5: >-\n", "  five: >-\n")
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
    assert message.endswith("translation.en.yml:3: 'title' is empty")


def test_unknown_key(bilingual):
    edit(bilingual, "notes:", "note:")
    [message] = errors(bilingual)
    assert message.endswith("unknown key 'note' (did you mean 'notes'?)")


def test_no_translation_file_means_japanese_only(bilingual):
    (bilingual / "translation.en.yml").unlink()
    assert load_edition(bilingual).languages == ("ja",)
