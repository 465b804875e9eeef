"""Categories as people write them -> a key of the organiser's category list (pure).

`kuliner` is the key, but exhibitors write `Kuliner`, `makanan`, `Makanan & Minuman` or `mamin`;
a form shows labels ("Fesyen"). One reader for exhibitor.yml and import-csv: the key itself, the
organiser's label, or a common synonym of a default key, compared without case, spaces or
punctuation. Synonyms only apply to keys the organiser actually uses.
"""

from __future__ import annotations

import difflib
import re
from typing import Mapping

# Everyday words for the default categories (expo/settings.py DEFAULT_CATEGORIES).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "kuliner": ("makanan", "minuman", "makanan dan minuman", "makanan & minuman", "mamin",
                "makanan minuman", "food", "food and beverage", "food & beverage", "fnb", "f&b",
                "olahan pangan", "pangan", "camilan", "cemilan", "snack", "jajanan", "kue",
                "oleh oleh", "oleh-oleh", "culinary"),
    "fesyen": ("fashion", "fesyen", "busana", "pakaian", "sandang", "baju", "konveksi",
               "hijab", "muslim", "clothing"),
    "kerajinan": ("kriya", "kerajinan tangan", "handicraft", "craft", "crafts", "handmade",
                  "anyaman", "souvenir", "suvenir", "cendera mata", "cenderamata"),
    "batik": ("kain batik", "batik tulis", "batik cap", "tenun", "wastra"),
    "aksesoris": ("aksesori", "asesoris", "aksesories", "accessories", "perhiasan", "jewelry"),
    "perikanan": ("ikan", "hasil laut", "seafood", "olahan ikan", "fishery"),
    "lainnya": ("lain lain", "lain-lain", "lainya", "other", "others", "jasa"),
}

_NOT_WORD = re.compile(r"[^a-z0-9&]+")


def _norm(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold().replace(" dan ", " & ")).split())


def read_category(value: str, categories: Mapping[str, str]) -> str | None:
    """The category key `value` means, or None. `categories` maps key -> label."""
    wanted = _norm(str(value))
    if not wanted:
        return None
    for key, label in categories.items():
        if wanted in (_norm(key), _norm(str(label))):
            return key
    for key, words in SYNONYMS.items():
        if key in categories and wanted in {_norm(w) for w in words}:
            return key
    return None


def suggest_category(value: str, categories: Mapping[str, str]) -> str | None:
    """The key a misspelt category is closest to ('kulinr' -> 'kuliner'), or None."""
    names = {_norm(key): key for key in categories}
    names.update({_norm(str(label)): key for key, label in categories.items()})
    guess = difflib.get_close_matches(_norm(str(value)), list(names), n=1, cutoff=0.75)
    return names[guess[0]] if guess else None
