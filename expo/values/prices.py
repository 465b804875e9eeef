"""Rupiah prices: whole Rupiah amounts formatted the Indonesian way (pure)."""

from __future__ import annotations

import functools

from babel.numbers import format_currency


# An explicit pattern: CLDR gives IDR two decimals ('Rp150.000,00'); prices
# here are whole Rupiah. No space in the pattern, and any space Babel might
# add in another version is removed below.
_RUPIAH_PATTERN = "¤#,##0"
_SPACES = str.maketrans("", "", " \u00a0\u202f")


def format_rupiah(amount: int) -> str:
    """150000 -> 'Rp150.000'."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"format_rupiah needs an int, got {amount!r}")
    if amount < 0:
        raise ValueError(f"format_rupiah needs a non-negative amount, got {amount}")
    return _rupiah(amount)


# Babel parses the pattern on every call (about 0.3 ms); a catalog repeats round prices a lot.
@functools.lru_cache(maxsize=1 << 14)
def _rupiah(amount: int) -> str:
    text = format_currency(
        amount, "IDR", format=_RUPIAH_PATTERN, locale="id_ID", currency_digits=False
    )
    return text.translate(_SPACES)


def format_price(low: int | None, high: int | None = None) -> str | None:
    """A price or a range: 'Rp150.000' or 'Rp150.000 – Rp300.000'; None if no price."""
    if low is None:
        return None
    if high is None or high == low:
        return format_rupiah(low)
    if high < low:
        raise ValueError(f"price range upper end {high} is below {low}")
    return f"{format_rupiah(low)} \u2013 {format_rupiah(high)}"
