"""The glossary page's list of mentions: one line per paragraph, each sentence with its
mentions marked in one snippet and linked (L7 of the reader tasks, issue 24)."""

from __future__ import annotations

import re

import pytest

from build_scripts.edition import load_edition
from build_scripts.output.glossary import filter_names, mention_groups

from .conftest import STATEMENT_DIR


@pytest.fixture(scope="module")
def edition():
    return load_edition(STATEMENT_DIR)


def test_three_mentions_in_one_sentence_are_one_line(edition):
    """IPEF is named three times in ¶18, all in its first sentence: one paragraph, one sentence,
    three marks, not ¶18 three times."""
    groups = mention_groups(edition, "en")["ipef"]
    assert [(g.paragraph, g.count) for g in groups] == [(18, 3)]
    (snippet,) = groups[0].snippets
    assert snippet.sentence == 1
    assert [text for text, marked in snippet.runs if marked] == [
        "Indo-Pacific Economic Framework for Prosperity", "IPEF", "IPEF"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_mention_is_listed_once_under_the_sentence_it_is_in(edition, lang):
    version = edition.version(lang)
    groups_of = mention_groups(edition, lang)
    for term in edition.terms:
        groups = groups_of[term.id]
        assert len({g.paragraph for g in groups}) == len(groups)  # one line per paragraph
        assert sum(g.count for g in groups) == len(edition.mentions_of(term.id, lang))
        for g in groups:
            text = "".join(s.text for s in version.paragraphs[g.paragraph])
            assert len({s.sentence for s in g.snippets}) == len(g.snippets)  # one snippet per sentence
            assert sum(marked for s in g.snippets for _, marked in s.runs) == g.count
            for s in g.snippets:
                start, end = version.sentences[g.paragraph][s.sentence - 1]
                sentence = text[start:end]
                assert all(t in sentence for t, marked in s.runs if marked), (term.id, g.paragraph, s)
                whole = s.before.removeprefix("…") + "".join(t for t, _ in s.runs) + s.after.removesuffix("…")
                assert "…" in whole or whole in sentence, (term.id, g.paragraph, whole)  # cut from the sentence


def test_the_filter_knows_an_entry_by_its_names_in_both_languages(edition):
    names = filter_names(edition.term("ipef")).split(" | ")
    assert {"IPEF", "Indo-Pacific Economic Framework for Prosperity", "繁栄のためのインド太平洋経済枠組み",
            "インド太平洋経済枠組み"} <= set(names)
    assert len(names) == len(set(names))


def test_the_page_links_each_snippet_to_a_sentence_of_the_section_page(real_site):
    """Every snippet's link leads to a sentence that the section page has."""
    for prefix in ("", "en/"):
        page = (real_site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a class="stmt-kwic" href="\.\./([a-z0-9-]+)/#(p\d+\.\d+)">', page)
        assert len(links) > 100
        for slug, anchor in set(links):
            section = (real_site / prefix / slug / "index.html").read_text(encoding="utf-8")
            assert f'id="{anchor}"' in section, (prefix, slug, anchor)
        for entry in page.split('<section class="stmt-entry"')[1:]:  # a paragraph once per entry
            paragraphs = re.findall(r'<li><a href="[^"]+#(p\d+)">¶', entry)
            assert len(paragraphs) == len(set(paragraphs)), entry[:80]
