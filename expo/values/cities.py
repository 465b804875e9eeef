"""Kabupaten/kota as people write them -> the official name (pure).

`Kab. Semarang`, `kab semarang` and `KABUPATEN SEMARANG` are one regency; `Kodya Semarang` and
`Kotamadya Semarang` are the old words for `Kota Semarang`. Without one spelling, one region
would get two city pages. Names are read against the official list of Indonesia's 514
kabupaten/kota shipped in kabupaten_kota.txt (its source is named in the file's header). One
reader for exhibitor.yml and import-csv.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from unidecode import unidecode

LIST_FILE = Path(__file__).with_name("kabupaten_kota.txt")

# Letters of any script, digits, spaces and the punctuation place names use: 'Kab. Tojo Una-Una',
# "Kota Bau-Bau", 'Pangkajene dan Kepulauan', "Daerah Istimewa (DIY)". Anything else (emoji,
# warning signs, '!!!') is not part of a place name.
_ALLOWED = re.compile(r"^[\w .,'’()/-]+$")
_WORDS = re.compile(r"[a-z0-9]+")

# Old or short words for the two kinds, as written on letterheads and forms
_KIND_WORDS = (
    (("kabupaten", "administrasi"), "kabupaten administrasi"),
    (("kab", "adm"), "kabupaten administrasi"),
    (("kotamadya",), "kota"),
    (("kota", "madya"), "kota"),
    (("kodya",), "kota"),
    (("kota", "adm"), "kota administrasi"),
    (("kab",), "kabupaten"),
    (("kabupaten",), "kabupaten"),
    (("kota",), "kota"),
)
# Everyday names of cities whose official name differs
_COMMON_NAMES = {
    "solo": "Kota Surakarta", "jogja": "Kota Yogyakarta", "yogya": "Kota Yogyakarta",
    "jogjakarta": "Kota Yogyakarta", "yogyakarta": "Kota Yogyakarta",
}


@dataclass(frozen=True)
class CityReading:
    name: str  # the official name when recognised, else the text as written
    official: bool
    suggestion: str | None = None  # a near official name, for "Maksud Anda"
    choices: tuple[str, ...] = ()  # 'Semarang': Kota Semarang and Kabupaten Semarang


def has_symbols(text: str) -> bool:
    """True when the text holds characters no place name has (emoji, signs, '!')."""
    return not _ALLOWED.match(text)


def read_city(text: str) -> CityReading:
    """'Kab. Semarang' -> Kabupaten Semarang (official); 'Kabupaten Semarng' -> as written, with
    the suggestion 'Kabupaten Semarang'; 'Ambarawa' -> as written, not official."""
    written = " ".join(text.split())
    key = city_key(written)
    names = _official()
    if key in names:
        return CityReading(names[key], True)
    bare = _bare_names().get(key)
    if bare:  # 'Sleman' is only a kabupaten; 'Pekalongan' is both, and stays as written
        return CityReading(bare, True)
    if key in _COMMON_NAMES:
        return CityReading(_COMMON_NAMES[key], True)
    choices = _shared_names().get(key, ())
    if choices:
        return CityReading(written, False, None, choices)
    guess = difflib.get_close_matches(key, list(names), n=1, cutoff=0.85)
    return CityReading(written, False, names[guess[0]] if guess else None)


def city_key(text: str) -> str:
    """Spelling-free form: lower-case ASCII words, with Kab./Kodya/Kotamadya spelled out."""
    words = _WORDS.findall(unidecode(text).casefold())
    for prefix, replacement in _KIND_WORDS:
        if tuple(words[: len(prefix)]) == prefix:
            words = replacement.split() + words[len(prefix):]
            break
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def _official() -> dict[str, str]:
    """key -> official name, for every kabupaten/kota; 'Kota Administrasi Jakarta Selatan' is
    also found as 'Kota Jakarta Selatan'."""
    names: dict[str, str] = {}
    for line in LIST_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        _code, name, _province = line.split("\t")
        key = city_key(name)
        names[key] = name
        names.setdefault(key.replace(" administrasi", "", 1), name)
    return names


@functools.lru_cache(maxsize=1)
def _names_by_bare_key() -> dict[str, tuple[str, ...]]:
    seen: dict[str, list[str]] = {}
    for key, name in _official().items():
        bare = key.split(" ", 1)[1].removeprefix("administrasi ")
        if name not in seen.setdefault(bare, []):
            seen[bare].append(name)
    return {bare: tuple(sorted(names)) for bare, names in seen.items()}


def _bare_names() -> dict[str, str]:
    """'sleman' -> 'Kabupaten Sleman', for names only one kabupaten or kota carries."""
    return {bare: names[0] for bare, names in _names_by_bare_key().items() if len(names) == 1}


def _shared_names() -> dict[str, tuple[str, ...]]:
    """'semarang' -> ('Kabupaten Semarang', 'Kota Semarang'): a name a kabupaten and a kota share."""
    return {bare: names for bare, names in _names_by_bare_key().items() if len(names) > 1}


def official_names() -> frozenset[str]:
    return frozenset(_official().values())
