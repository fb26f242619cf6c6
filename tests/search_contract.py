"""The search contract, written independently of the JavaScript engine, and the query sets.

The expected results of every test query are computed here from the text itself, so the
engine (docs/assets/search-engine.js) is checked against the rules, not against itself.
"""

from __future__ import annotations

import re
import unicodedata

from build_scripts.model import Edition
from build_scripts.output.search import search_words

WORD = re.compile(r"[^\W_]+")

JAPANESE_QUERIES = [
    # names and people
    "岸田総理", "バイデン大統領", "岸田文雄", "ジョセフ・バイデン", "バイデン", "岸田",
    # katakana
    "クアッド", "ロシア", "ウクライナ", "ミャンマー", "ゲートウェイ", "アルテミス計画", "サプライチェーン",
    "パンデミック", "エネルギー", "カケハシ", "トモダチ", "マンスフィールド", "ソロモン諸島", "コミットメント",
    # single kanji
    "核", "米", "韓", "海", "台", "宇", "罪",
    # compounds
    "核兵器", "半導体", "拡大抑止", "経済安全保障", "国連安全保障理事会", "尖閣諸島", "北朝鮮", "拉致問題",
    "気候変動", "原子力", "両岸問題", "ミャンマー国軍", "同盟調整メカニズム", "安全保障協議委員会",
    # full-width, half-width, case
    "Ｇ２０", "g20", "G20原則", "ＩＰＥＦ", "ipef", "ｸｱｯﾄﾞ", "ＳＣＣ", "2022年", "２０３０",
    # mixed Latin / Japanese
    "G7各国", "IPEFパートナー", "NPT", "COVAX", "JETプログラム", "WHO", "(SAF)", "SCC",
    # several words
    "岸田 バイデン", "核 中国", "ロシア ウクライナ 侵略", "エネルギー 食料", "日米　同盟",
    # glossary-aware (names in the other language, official names, distinctive words of names)
    "Quad", "Artemis program", "国際連合", "UNCLOS", "Artemis", "gateway", "Futenma", "Mageshima", "Senkaku",
    # words of names that the text also uses in prose: no glossary hit
    "program", "Japan", "U.S.", "the", "initiative", "climate",
    # the published text, before correction (a reader pastes it from the PDF)
    "SCG", "兩岸",
    # no hit
    "火星", "ＸＹＺ", "量子コンピュータ",
]

ENGLISH_QUERIES = [
    "Kishida", "Biden", "Prime Minister", "President Biden", "Quad", "Russia", "Ukraine", "China",
    "abduct", "nuclear", "nuclear weapons", "semiconductor", "semiconductors", "deterrence", "extended deterrence",
    "Senkaku", "Taiwan", "Myanmar", "energy security", "LNG", "IPEF", "ipef", "G20", "g7", "Ｇ２０",
    "Artemis", "Gateway", "COVAX", "JET", "CULCON", "KAKEHASHI", "climate", "pandemic", "gender",
    "Indo-Pacific", "free and open", "2030", "Security Consultative", "Alliance Coordination Mechanism",
    "Coast Guard", "Okinawa", "bioethanol", "uranium",
    # glossary-aware: Japanese names find the English paragraphs
    "クアッド", "国連海洋法条約", "日米安全保障条約", "普天間飛行場",
    # no hit
    "Mars", "quantum", "xyz", "zzz top",
]


def normalize(text: str, keep_space: bool) -> str:
    """NFKC per character cluster, lower-cased, white space removed (or kept as single spaces)."""
    out = []
    clusters = re.findall(r"(?s).[\u0300-\u036f\u3099\u309a\uff9e\uff9f\u20d0-\u20ff]*", text)
    for cluster in clusters:
        for ch in unicodedata.normalize("NFKC", cluster).lower():
            if ch.isspace():
                if keep_space:
                    out.append(" ")
            else:
                out.append(ch)
    return "".join(out)


def key(text: str) -> str:
    return normalize(text, keep_space=False)


def query_words(query: str, lang: str) -> list[str]:
    words = normalize(query, keep_space=True).split()
    if lang == "ja":
        return words
    return [part for word in words for part in WORD.findall(word)]


_WORDS: dict[int, tuple[Edition, dict[str, list[str]]]] = {}


def _search_words(edition: Edition) -> dict[str, list[str]]:
    """The search words of each entry, computed once per edition."""
    if id(edition) not in _WORDS:
        _WORDS[id(edition)] = (edition, search_words(edition))  # the edition is kept so its id stays unique
    return _WORDS[id(edition)][1]


def expected(edition: Edition, lang: str, query: str) -> list[int]:
    """The paragraph numbers the contract says a query finds, in order."""
    version = edition.version(lang)
    words = query_words(query, lang)
    found = set()
    published = {p.number: p.published for p in edition.statement.paragraphs}
    for number, spans in version.paragraphs.items():
        if not words:
            continue
        texts = ["".join(s.text for s in spans)]
        if lang == edition.languages[0]:
            texts.append(published[number])  # the published words (before correction) are searched too
        for text in (normalize(t, keep_space=lang != "ja") for t in texts):
            if lang == "ja":
                ok = all(w in text for w in words)
            else:
                tokens = WORD.findall(text)
                ok = all(any(t.startswith(w) for t in tokens) for w in words)
            if ok:
                found.add(number)
    whole = key(query)
    words = _search_words(edition)  # the build chooses each entry's search words (tested on their own)
    for term in edition.terms:
        keys = {term.abbreviation or ""} | set(term.names.values()) | {a for forms in term.aliases.values() for a in forms}
        if whole in {key(k) for k in keys if k} or whole in words.get(term.id, ()):
            found.update(m.paragraph for m in edition.mentions if m.term_id == term.id and m.lang == lang)
    return sorted(found)
