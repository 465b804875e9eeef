"""Rupiah prices: whole Rupiah amounts formatted the Indonesian way (pure)."""

from __future__ import annotations

import functools

from babel.numbers import get_currency_symbol, get_group_symbol


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
