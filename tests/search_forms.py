"""The truth for queries written otherwise than the text, computed without the engine or its index.

Japanese: Sudachi reads the query and the paragraph (mode B) and a paragraph matches when the
query's words, by normalized form, occur in it one after another (a continuative noun counts as
its verb: 取組 and 取り組む are one word), or when it contains the query as written. The engine
instead uses the table the build wrote (search_ja.py) and never runs Sudachi on a query: this is
what checks the table. English: a word matches a word of the text with the same Snowball stem
(Python's snowballstemmer), or with the stem of its other spelling (eng's list, read here on its
own), or that it begins; a hyphenated word is its words in a row (two names either way round);
U.S., US, U.S.A., USA are one word and "us" is not; a quoted phrase is its words exactly, in a row.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import snowballstemmer
from sudachipy import Dictionary, SplitMode

from build_scripts.model import Edition

JAPANESE_FORMS = [
    # other written forms of words of the text (none of them the text's own)
    "強じん", "コミュニティー", "キャパシティー", "アイデンティティー", "アーキテクチャー", "ガヴァナンス", "ヴィジョン",
    "レヴェル", "ウィルス", "クーデタ", "ゲートウエイ", "取決", "引受け", "基き", "いっそう", "交しょう", "ら致",
    "主權", "國際", "役わり", "健こう", "強こ", "リーダー・シップ", "パートナー・シップ",
    # several words, some written otherwise
    "強じん 経済", "ヴィジョン 共有", "國際 秩序",
    # the published text (before correction)
    "2017年以來", "いかにかわからず",
    # must not merge: the text's own form finds what it found (日米 is not 米国)
    "日米", "米国",
]

ENGLISH_FORMS = [
    # inflections
    "commitments", "emphasised", "sanctioning", "commits", "cooperated", "strengthens", "investing", "recognising",
    # British spellings
    "centre", "organisation", "labour", "programmes", "defences", "modernised", "dialog",
    # initialisms and pairs of names
    "U.S.A.", "USA", "US", "U.S.-Japan", "US-Japan", "Japan-US",
    # phrases
    '"free and open"', '"rules-based"', "rules based",
    # must not merge: "us" the pronoun is not U.S.
    "us", "let us",
]


# ---------------------------------------------------------------- Japanese ----

@functools.cache
def _tokenizer():
    return Dictionary(dict="core").tokenizer(SplitMode.B)


_GODAN = dict(zip("いきぎしちにびみり", "うくぐすつぬぶむる", strict=True))
_DOT = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])[・･]+(?=[\u30a1-\u30fa\u30fc])")


@functools.cache
def _lemma(surface: str, normal: str, pos: str) -> str:
    """A word's key: its normalized form, a continuative noun's that of its verb."""
    if pos == "名詞" and normal and "\u3041" <= normal[-1] <= "\u3096":
        for verb in ([normal[:-1] + _GODAN[normal[-1]]] if normal[-1] in _GODAN else []) + [normal + "る"]:
            read = list(_tokenizer().tokenize(verb))
            if len(read) == 1 and read[0].part_of_speech()[0] == "動詞" and read[0].normalized_form() == verb:
                return verb
    return normal


def _lemmas(text: str) -> list[str]:
    text = _DOT.sub("", unicodedata.normalize("NFKC", text))
    return [_lemma(m.surface(), m.normalized_form(), m.part_of_speech()[0]) for m in _tokenizer().tokenize(text)
            if m.part_of_speech()[0] != "空白"]


def _contains(seq: list[str], part: list[str]) -> bool:
    return any(seq[i:i + len(part)] == part for i in range(len(seq) - len(part) + 1)) if part else False


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def japanese_truth(edition: Edition, query: str) -> list[int]:
    """The paragraphs a Japanese query written in any form finds."""
    words = query.split()
    found = []
    published = {p.number: p.published for p in edition.statement.paragraphs}
    for number, spans in edition.version("ja").paragraphs.items():
        texts = ["".join(s.text for s in spans), published[number]]
        if any(all(_fold(w) in _fold(t) or _contains(_lemmas(t), _lemmas(w)) for w in words) for t in texts):
            found.append(number)
    return found


# ----------------------------------------------------------------- English ----

@functools.cache
def _stem(word: str) -> str:
    return snowballstemmer.stemmer("english").stemWord(word)


@functools.cache
def _spelling() -> dict[str, set[str]]:
    import importlib.metadata
    path = Path(str(importlib.metadata.distribution("eng").locate_file("eng/words.txt")))
    other: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            b, a = (w.strip().lower() for w in line.split("\t"))
            other.setdefault(b, set()).add(a)
            other.setdefault(a, set()).add(b)
    return other


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+")
_US = {"u.s.", "u.s.a.", "US", "USA"}


def _tokens(text: str) -> list[tuple[str, str]]:
    """(as written, the separator before it) for every word of a text, U.S. one word."""
    out, at = [], 0
    for m in _TOKEN.finditer(unicodedata.normalize("NFKC", text)):
        out.append((m.group(), text[at:m.start()]))
        at = m.end()
    return out


def _is_us(written: str) -> bool:
    return written.lower() in ("u.s.", "u.s.a.") or written in ("US", "USA")


def _word_matches(query: str, written: str, whole: bool, quoted: bool) -> bool:
    if _is_us(query.strip()) or query in ("US", "USA"):
        return _is_us(written)
    q, w = query.lower(), written.lower()
    if len(q) <= 2:
        return q == w and not written.isupper() and "." not in written
    if quoted:
        return q == w
    if (w == q) or (not whole and w.startswith(q)):
        return True
    stems = {_stem(q)} | {_stem(o) for o in _spelling().get(q, ())}
    return w.isalpha() and _stem(w) in stems


def _phrase_at(tokens, i, parts, quoted) -> bool:
    if i + len(parts) > len(tokens):
        return False
    for k, part in enumerate(parts):
        written, before = tokens[i + k]
        if k and not re.fullmatch(r"[\s\-‐-―/]+", before):
            return False
        if not _word_matches(part, written, len(parts) > 1, quoted):
            return False
    return True


def english_truth(edition: Edition, query: str) -> list[int]:
    """The paragraphs an English query written in any form finds."""
    terms: list[tuple[list[str], bool]] = []
    for quoted in re.findall(r'"([^"]*)"', query):
        terms.append((re.findall(r"[^\W_]+", quoted), True))
    for raw in re.sub(r'"[^"]*"', " ", query).split():
        parts = [p for p in re.split(r"[-/]", raw) if p]
        terms.append((parts, False))
    found = []
    for number, spans in edition.version("en").paragraphs.items():
        tokens = _tokens("".join(s.text for s in spans))
        ok = True
        for parts, quoted in terms:
            orders = [parts]
            if len(parts) == 2 and not quoted and all(p[0].isupper() for p in parts):
                orders.append(parts[::-1])
            if not any(_phrase_at(tokens, i, order, quoted) for order in orders for i in range(len(tokens))):
                ok = False
                break
        if ok:
            found.append(number)
    return found
