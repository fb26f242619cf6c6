"""The glossary of this statement: abbreviations, readings, links between entries, search words."""

from __future__ import annotations

import re

import pytest
import yaml

from build_scripts.model import Edition, Term
from build_scripts.output.search import search_index, search_words

from .conftest import SOURCE

FUNCTION_WORDS = {"of", "and", "the", "for", "on", "in", "to", "between", "a", "an"}


def _words(name: str) -> list[str]:
    """The words of an English name, its parenthetical parts left out; U.S. and Indo-Pacific give two each."""
    bare = re.sub(r"\([^)]*\)", " ", name)
    return [w for w in re.split(r"[\s\-./]+", bare) if w]


def _initials(letters: str, words: list[str]) -> bool:
    """Whether letters are the initials of the words, function words optional, every other word used."""
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    if first.lower() in FUNCTION_WORDS and _initials(letters, rest):
        return True
    return bool(letters) and letters[0].lower() == first[0].lower() and _initials(letters[1:], rest)


def abbreviates(abbreviation: str, term: Term) -> bool:
    """Whether an abbreviation is the entry's own: a name of it, or short for its whole English name.

    - the text uses it as a name: a whole name or alias (ASEAN, ICBMs), or with the name's last
      word after it (JET Programme);
    - or it is the initials of the whole English name, save qualifiers before it (Japan-U.S.,
      G20, COVID-19) and a country after it (National Cancer Center Japan → NCC); words of
      the name kept whole in it count as themselves (MCAS Futenma).
    """
    forms = {f for forms in term.aliases.values() for f in forms} | set(term.names.values())
    words = _words(term.names["en"])
    if any(f in (abbreviation, abbreviation + "s", f"{abbreviation} {words[-1]}") for f in forms):
        return True
    kept = [w for w in abbreviation.split() if w in words]
    letters = "".join(w for w in abbreviation.split() if w not in kept)
    words = [w for w in words if w not in kept]
    endings = [words, words[:-1]] if words[-1] == "Japan" else [words]
    return any(_initials(letters, ending[start:]) for ending in endings for start in range(len(ending)))


def test_the_rule_rejects_abbreviations_that_are_not_the_entrys_own(edition: Edition):
    # The generic abbreviations that issue 12 removed: each names something else.
    for term_id, abbreviation in (("pandemic-fund", "FIF"), ("jcg-uscg-memorandum", "MOC"),
                                  ("fclp-facility-mageshima", "FCLP"), ("core-partnership", "CoRe")):
        assert not abbreviates(abbreviation, edition.term(term_id)), abbreviation


def test_every_abbreviation_is_its_entrys_own_and_only_its(edition: Edition):
    owners: dict[str, str] = {}
    for term in edition.terms:
        if term.abbreviation:
            assert abbreviates(term.abbreviation, term), (term.id, term.abbreviation)
            assert owners.setdefault(term.abbreviation.casefold(), term.id) == term.id, term.abbreviation


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_abbreviations_in_the_search_index_belong_to_their_entries(edition: Edition, lang: str):
    by_abbreviation = {t.abbreviation: t for t in edition.terms if t.abbreviation}
    for entry in search_index(edition, lang)["terms"]:
        for abbreviation in set(entry["k"]) & by_abbreviation.keys():
            owner = by_abbreviation[abbreviation]
            assert entry["p"] == sorted({m.paragraph for m in edition.mentions_of(owner.id, lang)}), abbreviation


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def test_yomi_reads_the_name_without_its_parenthetical_part(edition: Edition):
    """The rule stated at the top of glossary.yml, on what can be checked without a dictionary."""
    for term in edition.terms:
        name = term.names["ja"]
        bare = re.sub(r"（[^）]*）|\([^)]*\)", "", name)
        for aside in re.findall(r"（([ァ-ヶー・]+)）", name):  # a katakana aside is not read
            assert not term.yomi.endswith(_hiragana(aside).replace("・", "")), term.id
        if re.fullmatch(r"[ァ-ヶーぁ-ゖ・\s]+", bare):  # a name in kana reads as written
            assert term.yomi == _hiragana(re.sub(r"[・\s]", "", bare)), term.id
        for run in re.findall(r"[ァ-ヶー]{2,}", bare):  # katakana of the name is read as it is, in order
            assert _hiragana(run) in term.yomi, (term.id, run)


def _one_way_links() -> set[str]:
    """Ids whose related list carries a `# one-way: …` comment (the reason it is not reciprocal)."""
    one_way, current = set(), None
    for line in (SOURCE / "glossary.yml").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"- id: (\S+)", line):
            current = match.group(1)
        elif line.strip().startswith("related:") and "# one-way:" in line and current:
            one_way.add(current)
    return one_way


def test_related_links_are_reciprocal_unless_said_to_be_one_way(edition: Edition):
    one_way = _one_way_links()
    for term in edition.terms:
        for other in term.related:
            assert term.id in edition.term(other).related or term.id in one_way, f"{term.id} → {other}"


def test_glossary_file_is_plain_yaml():
    assert isinstance(yaml.safe_load((SOURCE / "glossary.yml").read_text(encoding="utf-8")), list)


def test_distinctive_words_of_names_find_their_entries(edition: Edition):
    words = search_words(edition)
    for word, term_id in (("artemis", "artemis-program"), ("futenma", "mcas-futenma"),
                          ("futenma", "futenma-replacement-facility"), ("mageshima", "fclp-facility-mageshima"),
                          ("senkaku", "senkaku-islands")):
        assert word in words.get(term_id, ()), (word, term_id)


def test_common_words_of_names_find_nothing_through_the_glossary(edition: Edition):
    found = {word for found in search_words(edition).values() for word in found}
    assert not found & {"program", "programs", "japan", "u", "s", "the", "initiative", "climate",
                        "security", "energy", "nuclear", "cooperation", "united", "states"}


def test_facilities_are_places(edition: Edition):
    for term_id in ("mcas-futenma", "futenma-replacement-facility", "fclp-facility-mageshima", "henoko", "okinawa"):
        assert edition.term(term_id).kind == "place", term_id


def test_what_a_reader_looks_for_has_an_entry_linked_in_both_languages(edition: Edition):
    """Issue 23: names a reader would look up that the glossary once lacked."""
    for term_id in ("us-forces-japan", "sanctions-on-russia", "g7-russian-energy-commitment", "fact-sheets",
                    "taiwan-strait", "east-china-sea", "south-china-sea", "henoko", "okinawa", "hiroshima"):
        for lang in ("ja", "en"):
            assert edition.mentions_of(term_id, lang), (term_id, lang)
    assert [m.paragraph for m in edition.mentions_of("fact-sheets", "ja")] == [17, 27]


def test_instruments_are_named_as_their_sources_name_them(edition: Edition):
    memorandum = edition.term("jcg-uscg-memorandum")
    assert memorandum.names["ja"] == "米国沿岸警備隊と海上保安庁との間の覚書"  # the instrument's own title and order
    assert memorandum.names["en"].endswith("between the U.S. Coast Guard and the Japan Coast Guard")
    assert "Annexes" not in memorandum.descriptions["en"] and "An annex" in memorandum.descriptions["en"]  # as in ¶13
    assert memorandum.notes  # the statement words it differently
    cancer = edition.term("cancer-research-memoranda")
    assert "2014" in cancer.descriptions["en"] and "memorandum on research cooperation concluded in 2014" not in \
        cancer.descriptions["en"]  # cooperation since 2014, one MOU (2017, renewed May 2022): what NCC reports
    assert '"Memoranda"' in cancer.notes["en"]
    task_force = edition.term("g20-joint-finance-health-task-force")
    assert "interpretation" in task_force.notes["en"] and "G20 Finance and Health fora" in task_force.notes["en"]
