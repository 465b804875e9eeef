"""The words of the search index: how a text becomes the terms it is found by.

The same rules run in the visitor's browser on the query (theme/static/js/search-engine.js
`terms`); a test runs both on the same texts and compares. A word is a run of letters and
digits, folded (accents dropped, lower case) and cut at MAX_WORD characters. Each word is
indexed as it is (for prefixes: 'kerip' finds 'keripik') and by its stem in the page's
language, so 'batiknya', 'kerajinan' and 'perhiasan' are found by 'batik', 'rajin' and
'hias', and 'bags' by 'bag'.

The Indonesian stemmer is ours, small and deliberate: most affixes of the Tala stemmer that the
Snowball project describes (the possessive -nya, the prefixes me-/di-/ter-/ke-/pe-/ber-/per- with
meN-'s sound changes, the suffixes -kan -an -i), each removed only while the word keeps at least
two vowels. Not the particles -kah -lah -pun nor -ku -mu: in product text they end far more
words than they are added to ('olah', 'jamu'). Like every stemmer it merges some words it
should not ('kemeja' and 'meja'); the query is stemmed by the same rules, so what a visitor
types always finds the same word written on a page. Only plain a-z words are stemmed: codes,
sizes ('500gr') and other scripts are indexed as they are.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WORD = 40  # exhibitor text is untrusted: a 10,000-letter "word" is cut here, in both rules
_WORD = re.compile(r"[^\W_]+")
_PLAIN = re.compile(r"[a-z]+")
VOWELS = "aeiou"

# The kinds of first prefix, which decide the suffixes a word may lose.
NONE, MEDI, BERPER, KEPE = 0, 1, 2, 3
# First-order prefixes, tried in this order: (prefix, what it becomes before a vowel, before a
# consonant, kind). None: the prefix is not this one before that letter.
FIRST_PREFIXES = (
    ("meng", "", "", MEDI), ("meny", "s", None, MEDI), ("men", "t", "", MEDI),
    ("mem", "p", "", MEDI), ("me", "", "", MEDI),
    ("peng", "", "", KEPE), ("peny", "s", None, KEPE), ("pen", "t", "", KEPE),
    ("pem", "p", "", KEPE),
    ("di", "", "", MEDI), ("ter", "", "", MEDI), ("ke", "", "", KEPE),
)
# The suffixes a word may lose after a first prefix of each kind, longest first.
SUFFIXES = {NONE: ("an",), MEDI: ("kan", "an", "i"), BERPER: ("kan", "an"), KEPE: ("an",)}


def fold(text: str) -> str:
    """Accents dropped and lower case: 'Kué' and 'kue' are one word."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():  # the marks among the few distinct characters, not per character
        marks = {ord(c): None for c in set(decomposed) if not c.isascii() and unicodedata.category(c) == "Mn"}
        if marks:
            decomposed = decomposed.translate(marks)
    return decomposed.lower()


def words(text: str) -> list[str]:
    """The words of `text`, folded, each at most MAX_WORD characters."""
    return [word[:MAX_WORD] for word in _WORD.findall(fold(text))]


def _vowels(word: str) -> int:
    return sum(word.count(v) for v in VOWELS)


def _first_prefix(word: str) -> tuple[str, int]:
    for prefix, before_vowel, before_consonant, kind in FIRST_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix):
            becomes = before_vowel if word[len(prefix)] in VOWELS else before_consonant
            if becomes is not None:
                return becomes + word[len(prefix):], kind
    return word, NONE


def _second_prefix(word: str) -> tuple[str, int]:
    if word.startswith(("ber", "per")):
        return word[3:], BERPER
    if word.startswith("be") and len(word) > 4 and word[2] not in VOWELS and word[3:5] == "er":
        return word[2:], BERPER  # bekerja: kerja
    if word.startswith("pe"):
        return word[2:], BERPER
    return word, NONE


def _suffix(word: str, kind: int) -> str:
    for suffix in SUFFIXES[kind]:
        # -i only after a consonant other than s: 'pakai', 'mewarnai', 'terasi' keep theirs
        if word.endswith(suffix) and (suffix != "i" or word[-2] not in VOWELS + "s"):
            return word[:-len(suffix)]
    return word


def stem_id(word: str) -> str:
    """The Indonesian stem of a folded word (see the module's note)."""
    if not _PLAIN.fullmatch(word):
        return word
    vowels = _vowels(word)
    if vowels > 2 and word.endswith("nya"):  # one vowel, as has every affix below
        word, vowels = word[:-3], vowels - 1
    if vowels <= 2:
        return word
    stripped, kind = _first_prefix(word)
    if kind != NONE:
        word, vowels = stripped, vowels - 1
        for step in ("suffix", "prefix"):
            if vowels <= 2:
                break
            shorter = _suffix(word, kind) if step == "suffix" else _second_prefix(word)[0]
            if shorter != word:
                word, vowels = shorter, vowels - 1
        return word
    shorter, kind = _second_prefix(word)
    if shorter != word:
        word, vowels = shorter, vowels - 1
    if vowels > 2:
        word = _suffix(word, kind)
    return word


def stem_en(word: str) -> str:
    """The English stem of a folded word: plurals only ('bags', 'boxes', 'cookies')."""
    if not _PLAIN.fullmatch(word) or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "i"
    if word.endswith("ie") or (word.endswith("y") and word[-2] not in VOWELS):
        return word[:-1] if word.endswith("ie") else word[:-1] + "i"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


STEMMERS = {"id": stem_id, "en": stem_en}
MAX_KNOWN = 200_000  # stems remembered per language (an expo's words repeat; exhibitor text is bounded)
_known: dict[str, dict[str, str]] = {}


def terms(text: str, lang: str) -> list[tuple[str, str]]:
    """Each word of `text` with its stem in `lang` (the same when it has none)."""
    stem = STEMMERS.get(lang)
    if stem is None:
        return [(word, word) for word in words(text)]
    known = _known.setdefault(lang, {})
    if len(known) > MAX_KNOWN:
        known.clear()
    found = []
    for word in words(text):
        stemmed = known.get(word)
        if stemmed is None:
            stemmed = known[word] = stem(word)
        found.append((word, stemmed))
    return found
