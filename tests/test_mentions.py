"""Finding glossary mentions: longest match, overlaps, word edges, aliases, back-references."""

from __future__ import annotations

import datetime

from build_scripts.inputs.translation import original_version
from build_scripts.linking.mentions import Matcher, link_mentions
from build_scripts.model import Edition, Origin, Paragraph, Publication, Section, Span, Statement, Term


def term(term_id: str, ja: tuple[str, ...] = (), en: tuple[str, ...] = (), excludes: tuple[str, ...] = ()) -> Term:
    return Term(term_id, "forum", {"ja": term_id, "en": term_id}, "よみ", {"ja": ja, "en": en},
                {"ja": excludes} if excludes else {},
                {"ja": f"{term_id}の説明", "en": f"About {term_id}"}, {}, None, None, (), Origin("g.yml", 1))


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.term_id) for m in matcher.find(text)]


def test_longest_match_wins():
    matcher = Matcher((term("un", ja=("国連",)), term("unsc", ja=("国連安全保障理事会",))), "ja")
    assert found(matcher, "国連安全保障理事会と国連") == [("国連安全保障理事会", "unsc"), ("国連", "un")]


def test_excluded_longer_word_keeps_the_alias_inside_it_from_linking():
    matcher = Matcher((term("alliance", ja=("同盟",), excludes=("同盟国",)),
                       term("acm", ja=("同盟調整メカニズム",))), "ja")
    assert found(matcher, "同盟の抑止力、同盟国との協力、同盟調整メカニズム") == [
        ("同盟", "alliance"), ("同盟調整メカニズム", "acm")]


def test_overlapping_candidates_leftmost_first():
    matcher = Matcher((term("a", en=("Indo-Pacific Economic",)), term("b", en=("Economic Framework",))), "en")
    assert found(matcher, "the Indo-Pacific Economic Framework") == [("Indo-Pacific Economic", "a")]


def test_english_word_boundaries():
    matcher = Matcher((term("quad", en=("Quad",)), term("g7", en=("G7",))), "en")
    assert found(matcher, "the Quad, Quadrilateral, G7s, G7 and (G7)") == [
        ("Quad", "quad"), ("G7", "g7"), ("G7", "g7")]


def test_katakana_word_edges_but_not_kanji():
    matcher = Matcher((term("gateway", ja=("ゲートウェイ",)), term("quad", ja=("クアッド",)), term("g7", ja=("G7",))), "ja")
    assert found(matcher, "ゲートウェイズとゲートウェイ並びに日米豪印（クアッド）とG7各国") == [
        ("ゲートウェイ", "gateway"), ("クアッド", "quad"), ("G7", "g7")]


def test_aliases_map_to_their_entry():
    matcher = Matcher((term("ceesi", ja=("日米グリーンエネルギー・エネルギーセキュリティ・イニシアティブ", "GEESI")),), "ja")
    text = "「日米グリーンエネルギー・エネルギーセキュリティ・イニシアティブ」(GEESI)の設立"
    assert [t for _, t in found(matcher, text)] == ["ceesi", "ceesi"]


def test_cost_is_one_pass_whatever_the_glossary_size():
    terms = tuple(term(f"t{i}", en=(f"Name{i}",)) for i in range(2000))
    matcher = Matcher(terms, "en")
    assert found(matcher, "Name1999 and Name7") == [("Name1999", "t1999"), ("Name7", "t7")]


def edition_of(*paragraphs: str) -> Edition:
    paras = tuple(Paragraph(i, text, Origin("s.txt", i), (Span(text),)) for i, text in enumerate(paragraphs, 1))
    sections = (Section(1, "opening", None, paras, Origin("s.txt", 1)),)
    statement = Statement("題", None, datetime.date(2022, 5, 23), sections, Origin("s.txt"))
    return Edition(statement, Publication(), (), (original_version(statement),))


def test_first_mention_per_paragraph_links_and_all_are_back_referenced():
    edition = link_mentions(edition_of("クアッドとクアッドの首脳", "再びクアッド"), (term("quad", ja=("クアッド",)),))
    first, second = edition.versions[0].paragraphs[1], edition.versions[0].paragraphs[2]
    assert [(s.text, s.term_id) for s in first] == [("クアッド", "quad"), ("とクアッドの首脳", None)]
    assert [(s.text, s.term_id) for s in second] == [("再び", None), ("クアッド", "quad")]
    mentions = edition.mentions_of("quad", "ja")
    assert [(m.paragraph, m.before, m.text, m.after) for m in mentions] == [
        (1, "", "クアッド", "とクアッドの首脳"), (1, "クアッドと", "クアッド", "の首脳"), (2, "再び", "クアッド", "")]


def test_snippets_mark_where_they_cut_the_paragraph():
    text = "あ" * 30 + "クアッド" + "い" * 30
    edition = link_mentions(edition_of(text), (term("quad", ja=("クアッド",)),))
    [m] = edition.mentions
    assert (m.before, m.after) == ("…" + "あ" * 16, "い" * 16 + "…")


def test_mention_inside_a_correction_links_only_the_whole_run():
    from build_scripts.model import Correction

    correction = Correction(1, 1, "SCG", "SCC", {"ja": "理由"}, Origin("c.yml", 1))
    text = "協議委員会（SCC）や会合"
    paragraph = Paragraph(1, "協議委員会（SCG）や会合", Origin("s.txt", 1),
                          (Span("協議委員会（"), Span("SCC", correction), Span("）や会合")))
    statement = Statement("題", None, datetime.date(2022, 5, 23),
                          (Section(1, "opening", None, (paragraph,), Origin("s.txt", 1)),), Origin("s.txt"))
    edition = Edition(statement, Publication(), (correction,), (original_version(statement),))
    linked = link_mentions(edition, (term("scc", ja=("SCC",)), term("kyogi", ja=("協議委員会（SCC）",))))
    spans = linked.versions[0].paragraphs[1]
    assert "".join(s.text for s in spans) == text
    assert [s.term_id for s in spans] == [None, None, None]  # the long alias crosses the correction: not linked
    assert {m.term_id for m in linked.mentions} == {"kyogi"}
