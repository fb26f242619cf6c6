"""Japanese written forms (表記ゆれ) for search: the variant table of the index, made with SudachiPy.

A reader may write a word otherwise than the text does: 強靭 for 強靱, セキュリティー for
セキュリティ, 取組 for 取り組み, 付属 for 附属. Sudachi's dictionary (SudachiDict core) gives
every written form of a word one normalized form, but the browser cannot run Sudachi. So the
build reads the text with Sudachi (split mode B: 強靱化 is 強靱 + 化, 取り組んで is 取り組ん + で)
and, for every word of it, writes down the other ways of writing it that Sudachi accepts:

- candidates are made from the word as the text writes it and from its normalized form: every
  okurigana run after a kanji kept, dropped, or cut to one kana (取り組み, 取組み, 取組); a
  long-vowel mark ー dropped or added at the end (セキュリティ, セキュリティー); katakana
  spellings (ティ/チ, ヴ/ブ, ウィ/ウイ, クア/クワ…); a kanji replaced by one of its variant forms
  (ja-itaiji's table: 靱/靭); kana for kanji, as far as the word's reading can be cut at
  a kanji (強じん, きょうじん);
- a candidate is kept only if Sudachi, reading it alone, finds exactly one word with the same
  normalized form: Sudachi decides, the rules only propose;
- a noun that is a verb's continuative form (取り組み, 取決め) joins that verb (取り組む,
  取り決める), when Sudachi reads the verb so; a verb's forms are those of its dictionary form
  and the inflected forms the text uses (取り組ん, 取組ん).

The index gets one list of written forms per word that has two or more (the group), each
form normalized as the engine normalizes text (NFKC, lower case). The engine replaces any form
in a query by "any form of the group" and marks what the text writes (search-forms.js).

Cost: Sudachi reads each distinct run of kana and kanji once, and each word's forms are
remembered for the process; search_cache.py keeps the table between builds, so that a build
whose texts did not change loads neither Sudachi nor its dictionary.

Where it stops: only what Sudachi's dictionary links (がん and 癌 are two words to it);
a form that no rule proposes (a kanji replaced by a homophone that is not the normalized
form's, 附属 → 付屬) is not found; words are whole Sudachi words, so a variant of part of a
word that Sudachi reads as one (e.g. inside a long katakana compound) is found only where
Sudachi splits it in mode B.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sudachipy import Dictionary, Morpheme, Tokenizer

# (SudachiPy, its dictionary and ja-itaiji are imported when a table is made, not with this
# module: a build that finds its tables in the cache (search_cache.py) never loads them.)

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
_HIRAGANA_RUN = re.compile(r"[\u3041-\u3096]+")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_HAS_KANA_OR_KANJI = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff々]")

# Katakana spellings of one loanword (both ways), as the Cabinet's 外来語の表記 (1991) allows
# them: only proposals, Sudachi decides.
_KATAKANA_PAIRS = [
    ("ティ", "チ"), ("ディ", "ジ"), ("デュ", "ジュ"), ("トゥ", "ツ"), ("ドゥ", "ズ"), ("ヴァ", "バ"),
    ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"), ("ウィ", "ウイ"), ("ウェ", "ウエ"),
    ("ウォ", "ウオ"), ("クア", "クワ"), ("クォ", "クオ"), ("イア", "イヤ"), ("フィ", "フイ"), ("シェ", "セ"),
]
# Continuative form -> dictionary form of godan verbs (取り組み -> 取り組む).
_GODAN = dict(zip("いきぎしちにびみり", "うくぐすつぬぶむる", strict=True))
_E_ROW = set("えけげせぜてでねへべめれ")

MIN_FORM = 2
"""Shorter forms are never in the table: one character replaced by its variants would match
inside unrelated words."""
MIN_KANA_FORM = 3
"""Forms in hiragana only must be this long (がん would match inside unrelated words)."""


def fold(text: str) -> str:
    """A form as the engine compares it: NFKC, lower case, no white space."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


@functools.cache
def _sudachi() -> tuple[Dictionary, Tokenizer]:
    """Sudachi's core dictionary and a mode-B tokenizer, loaded once per process (about 0.1 s)."""
    from sudachipy import Dictionary, SplitMode

    dictionary = Dictionary(dict="core")
    return dictionary, dictionary.tokenizer(SplitMode.B)


def tokens(text: str) -> list[Morpheme]:
    """Sudachi's words of a text (mode B), with offsets into it."""
    return list(_sudachi()[1].tokenize(text))


@dataclass(frozen=True)
class _Word:
    """A word as Sudachi reads it: what the table needs of a Morpheme, as a value (to be remembered)."""

    surface: str
    """As written."""
    normal: str
    """Sudachi's normalized form (the same for every written form of the word)."""
    lemma: str
    """Its dictionary form (取り組ん → 取り組む)."""
    pos: tuple[str, str]
    """The first two levels of its part of speech (名詞, 普通名詞)."""
    reading: str
    """Its reading, in katakana."""


def _word(m: Morpheme) -> _Word:
    pos = m.part_of_speech()
    return _Word(m.surface(), m.normalized_form(), m.dictionary_form(), (pos[0], pos[1]), m.reading_form())


@functools.cache
def _one_word(candidate: str) -> _Word | None:
    """The word Sudachi reads a candidate as, if it reads it as exactly one word (remembered for
    the process: the words of a text propose the same forms again and again)."""
    found = tokens(candidate)
    return _word(found[0]) if len(found) == 1 and found[0].surface() == candidate else None


@functools.cache
def _itaiji_family(kanji: str) -> tuple[str, ...]:
    """The variant forms of a kanji (ja-itaiji's table), itself included."""
    from ja_itaiji import Itaiji

    return tuple(Itaiji.get_family(kanji))


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in katakana)


def _okurigana(word: str) -> Iterator[str]:
    """The word with each okurigana run (hiragana after a kanji) kept, dropped or cut to one kana."""
    runs = [m for m in _HIRAGANA_RUN.finditer(word) if m.start() > 0 and _KANJI.match(word[m.start() - 1])]
    if not runs or len(runs) > 4:
        return
    choices = [sorted({m.group(), "", m.group()[0], m.group()[-1]}) for m in runs]
    for chosen in itertools.product(*choices):
        out, at = [], 0
        for m, keep in zip(runs, chosen, strict=True):
            out.append(word[at:m.start()] + keep)
            at = m.end()
        yield "".join(out) + word[at:]


def _long_vowels(word: str) -> Iterator[str]:
    """A katakana word with one ー dropped, or one added at its end."""
    if not _KATAKANA_WORD.fullmatch(word):
        return
    for i, c in enumerate(word):
        if c == "ー":
            yield word[:i] + word[i + 1:]
    if not word.endswith("ー"):
        yield word + "ー"


def _katakana_spellings(word: str) -> Iterator[str]:
    """A katakana word with each of the spellings above replaced (one at a time, then all)."""
    if not _KATAKANA_WORD.search(word):
        return
    every = word
    for a, b in _KATAKANA_PAIRS:
        for x, y in ((a, b), (b, a)):
            if x in word:
                yield word.replace(x, y, 1)
                yield word.replace(x, y)
                every = every.replace(x, y)
    yield every


def _kanji_variants(word: str) -> Iterator[str]:
    """The word with one kanji replaced by one of its variant forms (ja-itaiji), or all of them."""
    kanji = [(i, c) for i, c in enumerate(word) if _KANJI.match(c)]
    for i, c in kanji:
        for other in _itaiji_family(c):
            if other != c:
                yield word[:i] + other + word[i + 1:]


def _kana_for_kanji(word: str, reading: str) -> Iterator[str]:
    """A word of kanji only with some of them written in kana, wherever its reading can be cut."""
    if not word or not all(_KANJI.match(c) for c in word) or len(word) > 3 or len(reading) > 12:
        return
    kana = _hiragana(reading)
    yield kana
    n = len(word)
    for cuts in itertools.combinations(range(1, len(kana)), n - 1):
        parts = [kana[a:b] for a, b in zip((0, *cuts), (*cuts, len(kana)), strict=True)]
        for mask in range(1, 2 ** n - 1):
            yield "".join(parts[i] if mask >> i & 1 else word[i] for i in range(n))


def _candidates(seeds: Iterable[str], reading: str) -> set[str]:
    found: set[str] = set()
    for seed in seeds:
        found.add(seed)
        for make in (_okurigana, _long_vowels, _katakana_spellings, _kanji_variants):
            found.update(make(seed))
        found.update(_kana_for_kanji(seed, reading))
    return found


_WRITTEN = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+")


def _usable(form: str) -> bool:
    """Whether a form may stand in the table: kana and kanji only (see MIN_FORM, MIN_KANA_FORM)."""
    if len(form) < MIN_FORM or not _WRITTEN.fullmatch(form):
        return False
    return not (re.fullmatch(r"[\u3041-\u3096ー]+", form) and len(form) < MIN_KANA_FORM)


def _verb_of(noun: _Word) -> _Word | None:
    """The verb whose continuative form a noun is (取り組み -> 取り組む), as Sudachi reads it."""
    base = noun.normal
    if not _KANJI.search(base) or not base[-1:] or not ("\u3041" <= base[-1] <= "\u3096"):
        return None
    guesses = []
    if base[-1] in _GODAN:
        guesses.append(base[:-1] + _GODAN[base[-1]])
    if base[-1] in _E_ROW or base[-1] in _GODAN:
        guesses.append(base + "る")
    for guess in guesses:
        verb = _one_word(guess)
        if verb is not None and verb.pos[0] == "動詞" and verb.normal == guess:
            return verb
    return None


def _content_word(word: _Word) -> bool:
    return (word.pos[0] in ("名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "接尾辞", "接頭辞")
            and word.pos[1] != "非自立可能" and _HAS_KANA_OR_KANJI.search(word.surface) is not None)


@functools.cache
def _forms(word: _Word) -> frozenset[str]:
    """The written forms of one word that Sudachi verifies, the inflected form the text uses included
    (remembered for the process: `mkdocs serve` makes the table again after each edit)."""
    surface, normal, lemma = word.surface, word.normal, word.lemma
    inflected = word.pos[0] in ("動詞", "形容詞") and surface != lemma
    forms: set[str] = set()
    dictionary = _sudachi()[0]
    for candidate in _candidates({lemma, normal}, word.reading if not inflected else ""):
        # (a look-up of the dictionary first: ten times quicker than reading, and most
        # candidates are no word at all)
        if not any(entry.normalized_form() == normal for entry in dictionary.lookup(candidate)):
            continue
        read = _one_word(candidate)
        if read is not None and read.normal == normal:
            forms.add(candidate)
    if word.pos[1] == "固有名詞":
        # A name keeps its script: Sudachi's normalized form of シナ (in 東シナ海) is 支那.
        forms = {f for f in forms if bool(_KANJI.search(f)) == bool(_KANJI.search(surface))}
    if inflected:
        # The inflected form as written (取り組ん) and the same inflection of every other
        # dictionary form (取組む -> 取組ん), kept if Sudachi reads it, followed by what
        # follows it in a sentence (で), as the same word.
        common = len(os.path.commonprefix([surface, lemma]))  # noqa: RUF071 (characters of two words, not paths)
        ending, tail = lemma[common:], surface[common:]
        for form in list(forms):
            if form.endswith(ending):
                guess = form[:len(form) - len(ending)] + tail
                read_on = tokens(guess + "て")
                if read_on and read_on[0].surface() == guess and read_on[0].normalized_form() == normal:
                    forms.add(guess)
        forms.add(surface)
    elif _one_word(surface) is not None:
        forms.add(surface)
    return frozenset(f for f in forms if _usable(f))


Contribution = list[tuple[str, list[str]]]
"""What the words of a run add to the table: (the group's key, the forms), a pair per content
word: the key is Sudachi's normalized form of the word (of its verb, for a continuative noun)."""


def contribution(run: str) -> Contribution:
    """The groups and forms of the content words of a run of text, as Sudachi reads it."""
    out: Contribution = []
    for m in tokens(run):
        word = _word(m)
        if not _content_word(word):
            continue
        key, forms = word.normal, set(_forms(word))
        if word.pos[0] == "名詞" and (verb := _verb_of(word)) is not None:
            key = verb.normal
            forms |= _forms(verb)
        out.append((key, sorted(forms)))
    return out


_JAPANESE = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆"
_RUN = re.compile(f"[{_JAPANESE}]+[^{_JAPANESE}]?")
"""A run of kana and kanji, with the character that ends it (、。」 or a Latin letter…): what Sudachi
reads. Only kana and kanji words have forms, and a word never spans other characters; the
character after the run is kept because it decides how Sudachi reads the run's last word
(高め before 、 is the verb 高める; at the end of a text, the adjective's stem)."""


def runs(texts: Iterable[str]) -> list[str]:
    """The distinct runs of kana and kanji of the texts, in order (see _RUN)."""
    return list(dict.fromkeys(m.group() for text in texts for m in _RUN.finditer(text)))


def variant_groups(texts: Iterable[str], known: dict[str, Contribution] | None = None) -> list[list[str]]:
    """The variant table of a collection of texts (paragraphs, glossary names): each word's forms
    (two or more), folded, longest first, the groups in a stable order.

    Sudachi reads each distinct run of kana and kanji once: a statement repeats its phrases,
    and one 100 times ours (benchmarks/synthetic.py) takes 0.2 s instead of 15. `known` holds
    the contributions of runs read before (search_cache.py keeps them between builds): only
    the others are read, and added to it.
    """
    if known is None:
        known = {}
    groups: dict[str, set[str]] = {}
    for run in runs(texts):
        if run not in known:
            known[run] = contribution(run)
        for key, forms in known[run]:
            groups.setdefault(key, set()).update(forms)
    out = []
    for key in sorted(groups):
        forms = sorted({fold(f) for f in groups[key]}, key=lambda f: (-len(f), f))
        if len(forms) >= 2:
            out.append(forms)
    return out
