"""Search words: the words of a glossary name that find the entry from either language's site."""

from __future__ import annotations

import dataclasses
import datetime

from build_scripts.inputs.translation import original_version
from build_scripts.linking.mentions import link_mentions
from build_scripts.model import Edition, Origin, Paragraph, Publication, Section, Span, Statement, Term
from build_scripts.output.search import search_index, search_words


def term(term_id: str, ja: tuple[str, ...], en: tuple[str, ...], related: tuple[str, ...] = ()) -> Term:
    return Term(term_id, "program", {"ja": ja[0], "en": en[0]}, "よみ", {"ja": ja, "en": en}, {},
                {"ja": "説明", "en": "About it"}, {}, None, None, related, Origin("g.yml", 1))


def bilingual(japanese: list[str], english: list[str], terms: tuple[Term, ...]) -> Edition:
    paras = tuple(Paragraph(i, text, Origin("s.txt", i), (Span(text),)) for i, text in enumerate(japanese, 1))
    statement = Statement("題", None, datetime.date(2022, 5, 23),
                          (Section(1, "opening", None, paras, Origin("s.txt", 1)),), Origin("s.txt"))
    original = original_version(statement)
    translation = dataclasses.replace(original, lang="en", translation=True,
                                      paragraphs={i: (Span(t),) for i, t in enumerate(english, 1)})
    return link_mentions(Edition(statement, Publication(), (), (original, translation)), terms)


TERMS = (
    term("artemis", ("アルテミス計画",), ("Artemis program",)),
    term("gateway", ("ゲートウェイ",), ("Gateway",)),
    term("arrangement", ("実施取決め",), ("Implementing Arrangement for the Gateway",)),
    term("air-station", ("普天間飛行場",), ("Marine Corps Air Station Futenma",)),
    term("replacement", ("普天間飛行場代替施設",), ("Futenma Replacement Facility",)),
    term("jet", ("JET プログラム",), ("JET Programme",)),
)
EDITION = bilingual(
    ["アルテミス計画とゲートウェイの実施取決め。", "各種の計画とJET プログラム。", "普天間飛行場代替施設と普天間飛行場。"],
    ["The Artemis program, the Gateway and an Implementing Arrangement for the Gateway.",
     "Study programs and the JET Programme.",
     "The Futenma Replacement Facility and Marine Corps Air Station Futenma."],
    TERMS)


def test_a_word_used_only_inside_names_is_a_search_word_of_every_entry_that_has_it():
    words = search_words(EDITION)
    assert "artemis" in words["artemis"] and "implementing" in words["arrangement"]
    assert "futenma" in words["air-station"] and "futenma" in words["replacement"]


def test_a_word_that_is_a_whole_name_is_left_to_that_entry():
    # "Gateway" is the gateway entry's alias: a query for it means that entry, not every name with it.
    assert "gateway" not in search_words(EDITION).get("arrangement", ())


def test_a_word_the_text_also_uses_in_prose_is_not():
    words = search_words(EDITION)
    # "program" starts "programs" in ordinary prose: a reader typing it means the word, not an entry
    assert "program" not in words["artemis"]
    assert "jet" in words["jet"] and "programme" in words["jet"]


def test_short_words_and_words_the_text_never_uses_are_not():
    edition = bilingual(["ジー・セブン。"], ["The G7 met."], (term("g7", ("ジー・セブン",), ("G7 (Group of Seven)", "G7")),))
    assert search_words(edition) == {}  # "g7" is too short, "group" and "seven" never occur in the text


def test_the_index_carries_the_words_and_the_engine_keys():
    index = search_index(EDITION, "ja")
    [artemis] = [t for t in index["terms"] if "Artemis program" in t["k"]]
    assert artemis["w"] == ["artemis"] and artemis["p"] == [1]
