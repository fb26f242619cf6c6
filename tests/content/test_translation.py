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
    for number, said in ((18, "for Prosperity"), (14, "FCLP"), (13, "U.S. Coast Guard")):
        assert number in notes and said.split()[-1] in notes[number], number


def test_the_published_geesi_is_corrected_and_named_as_everywhere_else(edition: Edition):
    """¶21 as published names the initiative グリーン…(GEESI); correction ※10 gives the name every
    other source uses, so the Japanese shown, the glossary and the English agree without a note."""
    correction = next(c for c in edition.corrections if c.paragraph == 21)
    assert correction.number == 10 and "(GEESI)" in correction.published and "(CEESI)" in correction.corrected
    shown = next(p for p in edition.statement.paragraphs if p.number == 21).text
    assert "日米クリーンエネルギー・エネルギーセキュリティ・イニシアティブ」(CEESI)" in shown and "GEESI" not in shown
    assert edition.term("ceesi").names["ja"] == "日米クリーンエネルギー・エネルギーセキュリティ・イニシアティブ"
    assert 21 not in edition.version("en").notes


def test_the_translation_keeps_the_meanings_the_review_settled():
    """Issue 23: words a reader quoting the site must not get wrong."""
    sentences = yaml.safe_load(TRANSLATION.read_text(encoding="utf-8"))["paragraphs"]  # ¶N sentence k: [N][k - 1]
    assert "calibrated diplomatic approach" in sentences[8][4]
    assert "unprovoked" in sentences[3][1] and "baseless" not in sentences[3][1]
    assert "abuse of the veto" in sentences[4][2]
    assert "a Japanese astronaut" in sentences[24][1] and "astronauts" not in sentences[24][1]
    assert "Task Force" not in sentences[25][0]  # 「G20 財務・保健合同会議」 names no particular body
    assert "the economy" not in sentences[15][1]  # ボトムアップ及びミドルアウトから作り上げる: no object
