"""Addresses as visitors read them (pure): the city once, not twice."""

from __future__ import annotations

import re

# 'Kota Pekalongan' and 'Kabupaten Pekalongan' are different places: the bare name counts only
# as the address's last part ('Jl. Merdeka 5, Pekalongan 51113').
_CITY_PREFIX = re.compile(r"^(kota|kabupaten|kab\.?)\s+", re.IGNORECASE)
_POSTCODE = re.compile(r"\s*\d{5}$")


def names_city(address: str, city: str) -> bool:
    """True when the address already names the city: in full after its first comma (the street
    before it may be called after a city: 'Jl. Pekalongan Baru 3'), or as its last part."""
    parts = [part.strip() for part in address.split(",")]
    if len(parts) < 2:
        return False
    whole = re.compile(rf"(?<!\w){re.escape(city.strip())}(?!\w)", re.IGNORECASE)
    last = _POSTCODE.sub("", parts[-1])
    return any(whole.search(part) for part in parts[1:]) or \
        last.casefold() == _CITY_PREFIX.sub("", city.strip()).casefold()


def full_address(address: str, city: str) -> str:
    """'Jl. Hayam Wuruk 12' + 'Kota Pekalongan' -> 'Jl. Hayam Wuruk 12, Kota Pekalongan';
    an address that already names its city is left as written."""
    return address if names_city(address, city) else f"{address}, {city}"
