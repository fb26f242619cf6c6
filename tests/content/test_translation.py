"""The English translation of this statement: our own words, the official names, every abbreviation."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from build_scripts.model import Edition

from .conftest import SOURCE
from .fingerprint import RUN, digest, runs, words

TRANSLATION = SOURCE / "translation.en.yml"
FINGERPRINTS = Path(__file__).with_name("official_english.txt")


def _paragraphs(data: dict) -> dict[int, str]:
    """Each paragraph's English as one text (the file gives most paragraphs as a list of sentences)."""
    return {n: " ".join(v) if isinstance(v, list) else v for n, v in data["paragraphs"].items()}


def _texts() -> list[str]:
    data = yaml.safe_load(TRANSLATION.read_text(encoding="utf-8"))
    return [*data["headings"].values(), *_paragraphs(data).values(), *data["notes"].values()]


LEADERS = ("Prime Minister Kishida", "President Biden")
"""The leaders as both texts name them, with their titles: names, like those of the glossary."""


def _without_names(text: str, edition: Edition) -> str:
    """The text with every English name and alias of the glossary, the leaders with their titles
    and the statement's title replaced by a mark.

    Names and titles carry over from the official text; a run of words counts only outside them.
    """
    names = {edition.version("en").title, edition.version("en").subtitle or "", *LEADERS}
    for term in edition.terms:
        names.add(term.names["en"])
        names.update(term.aliases.get("en", ()))
    for name in sorted((n for n in names if n), key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", " § ", text)
    return text


def _fingerprints() -> set[str]:
    return {line for line in FINGERPRINTS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}


def test_the_fingerprints_cover_the_whole_official_english():
    """Every 12-word run of the White House text (31 paragraphs, 7 headings), made from it with
    tests/content/fingerprint.py: a passage the check does not know is a passage it cannot catch."""
    assert len(_fingerprints()) == 2772


def test_no_run_of_twelve_words_is_the_official_english(edition: Edition):
    official = _fingerprints()
    copied = []
    for text in _texts():
        for stretch in _without_names(text, edition).split("§"):  # a name ends a run
            copied += [" ".join(run) for run in runs(words(stretch), RUN) if digest(run) in official]
    assert copied == []


def test_the_leaders_with_their_titles_are_names(edition: Edition):
    text = "As Prime Minister Kishida and President Biden agreed, Prime Minister Kishida's view"
    assert [words(s) for s in _without_names(text, edition).split("§")] == [["as"], ["and"], ["agreed"], ["s", "view"]]


def test_the_fingerprints_catch_a_copied_run():
    official = _fingerprints()
    # A run of the official ¶3 that the translation once carried, as issue 12 quoted it.
    quoted = ("the two leaders condemned Russia's actions and called for Russia to be held accountable "
              "for its atrocities")
    assert any(digest(run) in official for run in runs(words(quoted), RUN))


def test_translation_uses_official_names():
    text = " ".join(_paragraphs(yaml.safe_load(TRANSLATION.read_text(encoding="utf-8"))).values())
    for name in ("Alliance Coordination Mechanism (ACM)", "Security Consultative Committee (SCC)",
                 "Indo-Pacific Economic Framework for Prosperity", "Competitiveness and Resilience (CoRe) Partnership",
                 "Treaty of Mutual Cooperation and Security", "UNCLOS", "Artemis program", "JET Programme", "CULCON",
                 "Clean Energy and Energy Security Initiative (CEESI)", "Extended Deterrence Dialogue"):
        assert name in text, name


def test_translation_does_not_carry_the_corrected_defects_or_add_what_the_japanese_lacks():
    paragraphs = _paragraphs(yaml.safe_load(TRANSLATION.read_text(encoding="utf-8")))
    text = " ".join(paragraphs.values())
    assert "(SCG)" not in text and "GEESI" not in text
    assert "2+2" not in paragraphs[12]  # the Japanese of ¶12 gives the committee's name, not its nickname
    assert "Despite" not in paragraphs[6] and "rights of membership" in paragraphs[4]


def test_every_expansion_of_the_japanese_has_a_note(edition: Edition):
    """Where the English says more than the Japanese, a translator's note says so."""
    notes = edition.version("en").notes
    for number, said in ((18, "for Prosperity"), (14, "FCLP"), (21, "CEESI"), (13, "U.S. Coast Guard")):
        assert number in notes and said.split()[-1] in notes[number], number
