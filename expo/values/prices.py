"""Rupiah prices: reading them as people write them, and formatting them the Indonesian way (pure).

One reader for exhibitor.yml and import-csv: `150000`, `150.000`, `Rp 150.000`, `Rp150.000,-`,
`150rb`, `1,5jt`, `25k`, `150000,00` from a number cell, and ranges `25.000 - 30.000`,
`Rp50rb s/d 75rb`. Every step is linear in the length of the text (a hostile spreadsheet cell of
100,000 spaces must not stall an import): whitespace is collapsed first, so no pattern below
ever scans a run of spaces more than once.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from babel.numbers import get_currency_symbol, get_group_symbol

MAX_PRICE = 10_000_000_000  # ten billion Rupiah: anything above is a typo
MAX_PRICE_TEXT = 100  # characters; a longer price is not a price (and is not echoed whole)


class PriceError(ValueError):
    """`code` is the message key: `price_invalid` or `price_zero`."""

    def __init__(self, code: str, text: str):
        super().__init__(code)
        self.code = code
        self.text = text


# A trailing ',-' or '.-' is how price tags say "no cents": 'Rp25.000,-'
_NO_CENTS = re.compile(r"[.,] ?-(?= |$)")
# Range separators, after whitespace was collapsed to single spaces: at most one space each side
_RANGE = re.compile(r" ?(?:–|—|-|~|s/d|s\.d\.?|sampai|hingga) ?", re.IGNORECASE)
_CURRENCY = re.compile(r"^(?:rp\.?|idr)")
_SHORT = re.compile(r"(\d+(?:[.,]\d{1,2})?)(rb|ribu|k|jt|juta)")  # '150rb', '1,5jt', '25k'
_CENTS = re.compile(r"(\d[\d.,]*)[.,](\d{1,2})")  # '150000,00' from a number cell
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+")  # '150.000', '150,000'
_MULTIPLIERS = {"rb": 1000, "ribu": 1000, "k": 1000, "jt": 1_000_000, "juta": 1_000_000}


def parse_price(text: str | int) -> tuple[int | None, int | None]:
    """'Rp150.000' -> (150000, None); '25.000 - 30.000' -> (25000, 30000); '' -> (None, None).

    Raises PriceError: `price_invalid` for anything that is not a whole Rupiah amount or a
    range of two, `price_zero` for 0 (a visitor would read "Rp0" in the order message).
    """
    if isinstance(text, bool):
        raise PriceError("price_invalid", str(text))
    if isinstance(text, int):
        return _checked(text, str(text)), None
    raw = str(text)
    if len(raw) > MAX_PRICE_TEXT:
        raise PriceError("price_invalid", raw[:MAX_PRICE_TEXT] + "…")
    collapsed = " ".join(raw.split())  # linear; leaves single spaces only
    collapsed = _NO_CENTS.sub("", collapsed).strip()
    if not collapsed:
        return None, None
    parts = _RANGE.split(collapsed)
    if len(parts) > 2:
        raise PriceError("price_invalid", raw)
    amounts = [_checked(_amount(part, raw), raw) for part in parts]
    return amounts[0], amounts[1] if len(amounts) == 2 else None


def _checked(amount: int, raw: str) -> int:
    if amount == 0:
        raise PriceError("price_zero", raw)
    if not 0 < amount <= MAX_PRICE:
        raise PriceError("price_invalid", raw)
    return amount


def _amount(part: str, raw: str) -> int:
    s = _CURRENCY.sub("", part.strip().casefold()).replace(" ", "").replace("\u00a0", "")
    short = _SHORT.fullmatch(s)
    if short:
        value = Decimal(short.group(1).replace(",", ".")) * _MULTIPLIERS[short.group(2)]
        if value != value.to_integral_value():
            raise PriceError("price_invalid", raw)
        return int(value)
    cents = _CENTS.fullmatch(s)
    if cents and not _DOTTED.fullmatch(s):
        if int(cents.group(2)):
            raise PriceError("price_invalid", raw)  # Rupiah prices have no cents
        s = cents.group(1)
    if _DOTTED.fullmatch(s):
        s = s.replace(".", "").replace(",", "")
    if not s.isascii() or not s.isdigit():
        raise PriceError("price_invalid", raw)
    return int(s)


# Whole Rupiah: CLDR gives IDR two decimals ('Rp150.000,00'), prices here have none; the
# pattern is "¤#,##0", with no space, and any space a Babel version puts in a symbol is removed.
RUPIAH_PATTERN = "¤#,##0"
_SPACES = str.maketrans("", "", " \u00a0\u202f")


def format_rupiah(amount: int) -> str:
    """150000 -> 'Rp150.000'."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"format_rupiah needs an int, got {amount!r}")
    if amount < 0:
        raise ValueError(f"format_rupiah needs a non-negative amount, got {amount}")
    return _rupiah(amount)


# Babel parses the pattern on every call (about 0.4 ms, a tenth of parsing a catalog): its
# symbols are read once and the pattern, a symbol and digits grouped by three, applied here.
# tests/test_orders.py checks this against Babel's own formatting.
@functools.lru_cache(maxsize=1)
def _symbols() -> tuple[str, str]:
    return get_currency_symbol("IDR", locale="id_ID"), get_group_symbol(locale="id_ID")


def _rupiah(amount: int) -> str:
    symbol, group = _symbols()
    return f"{symbol}{amount:,}".replace(",", group).translate(_SPACES)


def format_price(low: int | None, high: int | None = None) -> str | None:
    """A price or a range: 'Rp150.000' or 'Rp150.000 – Rp300.000'; None if no price."""
    if low is None:
        return None
    if high is None or high == low:
        return format_rupiah(low)
    if high < low:
        raise ValueError(f"price range upper end {high} is below {low}")
    return f"{format_rupiah(low)} \u2013 {format_rupiah(high)}"
