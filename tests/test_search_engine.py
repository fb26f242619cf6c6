"""The search engine (docs/assets/search-engine.js) run in Node, outside the browser.

Both engines, the linear scan and the bigram postings, must give exactly the paragraphs the
contract (tests/search_contract.py) computes from the text, for every query of the sets.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from build_scripts.edition import load_edition
from build_scripts.output.render import load_strings
from build_scripts.output.search import search_index, search_pages

from .conftest import FIXTURES, REPO, STATEMENT_DIR
from .search_contract import ENGLISH_QUERIES, JAPANESE_QUERIES, expected

ENGINE = REPO / "docs" / "assets" / "search-engine.js"
STEMMER = REPO / "docs" / "assets" / "vendor" / "wink-porter2-stemmer.js"
NODE = shutil.which("node")

RUNNER = """
const engine = require(process.argv[1]);
const stem = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const name of ["linear", "bigram"]) {
  const prepared = engine.prepare(input.index, {engine: name, stem});
  out[name] = {};
  for (const q of input.queries) out[name][q] = engine.search(prepared, q).map(h => h.doc.n);
}
out.results = {};
out.near = {};
const prepared = engine.prepare(input.index, {stem});
for (const q of input.render) out.near[q] = engine.near(prepared, q);
for (const q of input.render) out.results[q] = engine.results(prepared, q);
console.log(JSON.stringify(out));
"""


def run_engine(index: dict, queries: list[str], render: list[str] = ()) -> dict:
    assert NODE, "Node.js is needed for the search engine tests"
    result = subprocess.run([NODE, "-e", RUNNER, str(ENGINE), str(STEMMER)], input=json.dumps(
        {"index": index, "queries": queries, "render": list(render)}), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def edition():
    return load_edition(STATEMENT_DIR)


def test_query_sets_are_large_enough():
    assert len(JAPANESE_QUERIES) >= 60 and len(ENGLISH_QUERIES) >= 40


@pytest.mark.parametrize("lang, queries", [("ja", JAPANESE_QUERIES), ("en", ENGLISH_QUERIES)])
def test_both_engines_find_exactly_the_expected_paragraphs(edition, lang, queries):
    out = run_engine(search_index(edition, lang), queries)
    for query in queries:
        want = expected(edition, lang, query)
        # (exact forms rank first: the order is checked in test_search_forms.py)
        assert sorted(out["linear"][query]) == want, (lang, query)
        assert sorted(out["bigram"][query]) == want, (lang, query)


def test_results_have_material_shape_and_marked_snippets(edition):
    out = run_engine(search_index(edition, "ja"), [], ["Ｇ２０", "核兵器"])
    g20 = out["results"]["Ｇ２０"]
    assert len(g20) == 3
    teaser, heading = g20[1]
    assert teaser["location"] == f"economy/#p20.{sentence_with(edition, 'ja', 20, 'G20')}" and teaser["title"] == "¶20"
    assert "<mark>G20</mark>" in teaser["text"] and heading["title"] == "より強靱で持続可能かつ包摂的な経済成長の実現"
    assert teaser["terms"] == {"G20": True}
    [[teaser, _]] = out["results"]["核兵器"]
    assert teaser["text"].count("<mark>核兵器</mark>") == 2


def test_every_section_is_named_the_opening_by_strings_yml(edition):
    strings = load_strings(REPO / "templates")
    indexes = {page.path: json.loads(page.content) for page in search_pages(edition, strings)}
    for lang in ("ja", "en"):
        index = indexes[f"search-index/{lang}.json"]
        version = edition.version(lang)
        assert index["sections"] == [version.heading(s) or strings[lang]["opening"] for s in edition.statement.sections]
        assert index["sections"][0] == {"ja": "冒頭", "en": "Opening"}[lang]  # ¶1–¶5 come before the first heading
    out = run_engine(indexes["search-index/ja.json"], [], ["クアッド"])
    assert [(teaser["title"], heading["title"]) for teaser, heading in out["results"]["クアッド"]] == [
        ("¶2", "冒頭"), ("¶6", "「自由で開かれたインド太平洋」の推進"), ("¶25", "地球規模課題：新たな時代の人間の安全保障の実現")]


def sentence_with(edition, lang: str, number: int, word: str) -> int:
    """The number k of the first sentence of ¶number that holds `word` (width and case folded)."""
    import unicodedata
    version = edition.version(lang)
    text = "".join(span.text for span in version.paragraphs[number])
    fold = unicodedata.normalize("NFKC", text).lower()
    at = fold.index(word.lower())
    return next(k for k, (start, end) in enumerate(version.sentences[number], 1) if start <= at < end)


def test_english_locations_and_prefix_marks(edition):
    out = run_engine(search_index(edition, "en"), [], ["abduct"])
    [[teaser, _]] = out["results"]["abduct"]
    assert sentence_with(edition, "en", 8, "abduct") > 1  # the link goes past the paragraph's start
    assert teaser["location"] == f"en/regional/#p8.{sentence_with(edition, 'en', 8, 'abduct')}"
    assert "<mark>abduct</mark>ions" in teaser["text"]


def test_snippets_escape_the_text():
    edition = load_edition(FIXTURES / "mini")
    out = run_engine(search_index(edition, "ja"), [], ["script"])
    [[teaser, _]] = out["results"]["script"]
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in teaser["text"]
    assert "<script" not in teaser["text"]


def test_half_width_katakana_with_voiced_marks_matches():
    index = {"lang": "ja", "sections": [""], "terms": [],
             "docs": [{"n": 1, "s": 0, "l": "a/#p1", "t": "ｸｱｯﾄﾞの会合"}, {"n": 2, "s": 0, "l": "a/#p2", "t": "クアッドの会合"}]}
    out = run_engine(index, ["クアッド", "ｸｱｯﾄﾞ"], ["クアッド"])
    assert out["linear"]["クアッド"] == [1, 2] == out["bigram"]["ｸｱｯﾄﾞ"]
    assert out["results"]["クアッド"][0][0]["text"] == "<mark>ｸｱｯﾄﾞ</mark>の会合"


NORMALIZE_EVERY_CHARACTER = """
const engine = require(process.argv[1]);
// What normalize must give, the slow way: NFKC and lower case of each character with the
// marks after it, white space kept as one space or dropped, each output character remembering
// the input span it came from.
function reference(text, keepSpace) {
  const out = [];
  const units = [...text];
  let at = 0;
  for (let u = 0; u < units.length;) {
    let start = at, piece = units[u++];
    at += units[u - 1].length;
    while (u < units.length && /[\\p{M}\\uFF9E\\uFF9F]/u.test(units[u])) { piece += units[u]; at += units[u++].length; }
    for (const ch of piece.normalize("NFKC").toLowerCase().split("")) {
      if (/\\s/u.test(ch)) { if (keepSpace) out.push([" ", start, at]); } else out.push([ch, start, at]);
    }
  }
  return out;
}
const followers = ["", "A", " ", "\\u3099", "\\uff9e", "\\u0301", "\\u3000", "\\ud842\\udfb7"];
const wrong = [];
// every character up to the kana, around the kanji and among the full-width forms (where the
// quick ways are taken or end), every 13th kanji and every 61st character else
for (let code = 0; code < 0x10000 && wrong.length < 10; code++) {
  if (code >= 0xd800 && code <= 0xdfff) continue;
  if (code >= 0x4e10 && code <= 0x9ff0 ? code % 13
      : code >= 0x3100 && (code < 0x4df0 || code > 0xa010) && (code < 0xff00 || code > 0xffef) && code % 61) continue;
  for (const next of followers) {
    const text = "x" + String.fromCharCode(code) + next;
    for (const keep of [true, false]) {
      const got = engine.normalize(text, keep);
      const mine = got.text.split("").map((ch, k) => [ch, got.starts[k], got.ends[k]]);
      const want = reference(text, keep);
      if (JSON.stringify(mine) !== JSON.stringify(want) || engine.normalText(text, keep) !== want.map(c => c[0]).join("")) {
        wrong.push([code.toString(16), next, keep]);
      }
    }
  }
}
console.log(JSON.stringify(wrong));
"""


def test_normalizing_the_quick_way_gives_what_nfkc_gives_for_every_character():
    """normalize() skips NFKC for kana, kanji and ASCII (fast at 100× our statement): never with another result."""
    assert NODE, "Node.js is needed for the search engine tests"
    result = subprocess.run([NODE, "-e", NORMALIZE_EVERY_CHARACTER, str(ENGINE)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []
