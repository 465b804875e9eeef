"""Names as visitors see them: invisible characters, and names that look alike (pure).

A booth name reaches headings, page titles, link previews and the WhatsApp message. Bidi
controls (U+202E turns "Batik Sari" into "iraS kitaB" on screen) and zero-width characters make
a name read differently from what it is; `skeleton` makes "Batik Sari", "Bаtik Sari" (Cyrillic
а), "Batik\u200bSari" and "ＢＡＴＩＫ ＳＡＲＩ" one name, so the duplicate-name warning sees
them, following Unicode TR39's skeleton (NFKC, then a table of confusable letters; the table here
is the Cyrillic and Greek letters that look like Latin ones, which is what a copy of an
Indonesian business name would use).
"""

from __future__ import annotations

import unicodedata

# Bidirectional controls: they reorder what follows them on screen
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Zero-width and other invisible characters that change a name without showing
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u3164\u115f\u1160")

# Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables.txt),
# after case folding
_CONFUSABLES = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i",
    "ј": "j", "к": "k", "ӏ": "l", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s",
    "т": "t", "ц": "u", "ԝ": "w", "х": "x", "у": "y", "ү": "y", "ӡ": "3", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ϲ": "c", "ϳ": "j", "ω": "w",
    # Latin lookalikes of digits and the dotless i
    "ı": "i", "ℓ": "l",
})


def bidi_controls(text: str) -> list[str]:
    """The bidi controls in `text`, as 'U+202E' codes."""
    return sorted({f"U+{ord(c):04X}" for c in text if c in BIDI_CONTROLS})


def without_invisible(text: str) -> str:
    """`text` without zero-width characters (and without bidi controls)."""
    return "".join(c for c in text if c not in INVISIBLE and c not in BIDI_CONTROLS)


def skeleton(text: str) -> str:
    """What a name looks like, for comparing names: 'Bаtik  Sari' (Cyrillic а) -> 'batik sari'."""
    text = unicodedata.normalize("NFKC", without_invisible(text)).casefold()
    text = unicodedata.normalize("NFD", text.translate(_CONFUSABLES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(text.split())  # 'Batik Sari' and 'BatikSari' are one name to a visitor
