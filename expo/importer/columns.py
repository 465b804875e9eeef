"""The columns `invoke import-csv` understands, and the header names people actually use.

A spreadsheet made by hand or exported from Google Forms rarely says "product_name": it says
"Nama Produk", "Nama Produk *" or "Nama Produk (wajib)". Headers are normalised (lower case,
no parentheses, no punctuation) and looked up in `ALIASES` (expo/values/fieldnames.py, shared
with exhibitor.yml keys such as "Harga:" or "kota:"). docs/import-csv.md documents this
table; a test keeps the two in step.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Sequence

# one alias table for CSV headers and exhibitor.yml keys
from expo.values.fieldnames import (  # noqa: F401 - BOOTH/PRODUCT/CREDENTIAL_COLUMNS are used by rows.py
    ALIASES,
    BOOTH_COLUMNS,
    CREDENTIAL_COLUMNS,
    PRODUCT_COLUMNS,
    normalise,
)

# Without these every row would fail; `owners` may instead come from --owner.
REQUIRED_COLUMNS = ("name", "category", "city", "product_name", "photos")
CONTACT_COLUMNS = ("whatsapp", "marketplaces")  # at least one of them
# What to call a missing column in a message: the header an Indonesian form would use.
HEADER_EXAMPLES = {"name": "Nama Usaha", "category": "Kategori", "city": "Kota/Kabupaten",
                   "product_name": "Nama Produk", "photos": "Foto", "whatsapp": "Nomor WhatsApp",
                   "marketplaces": "Marketplace"}

# Columns Google Forms adds that carry nothing for the catalog: skipped without a warning.
IGNORED = {"timestamp", "stempel waktu", "cap waktu"}

@dataclass(frozen=True)
class ColumnMap:
    """Which cell index holds which column, and the header as written (for messages)."""

    index: dict[str, int]
    header: dict[str, str]
    unknown: tuple[tuple[str, str | None], ...]  # (header as written, suggested column or None)
    duplicates: tuple[tuple[str, str, str], ...]  # (column, first header, second header)

    def has(self, column: str) -> bool:
        return column in self.index

    def cell(self, cells: Sequence[str], column: str) -> str:
        i = self.index.get(column)
        return cells[i] if i is not None and i < len(cells) else ""


def map_headers(headers: list[str]) -> ColumnMap:
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[tuple[str, str | None]] = []
    duplicates: list[tuple[str, str, str]] = []
    for i, header in enumerate(headers):
        key = normalise(header)
        if not key or key in IGNORED:
            continue
        column = ALIASES.get(key)
        if column is None:
            guess = difflib.get_close_matches(key, list(ALIASES), n=1, cutoff=0.75)
            unknown.append((header, ALIASES[guess[0]] if guess else None))
        elif column in index:
            duplicates.append((column, written[column], header))
        else:
            index[column] = i
            written[column] = header.strip()
    return ColumnMap(index, written, tuple(unknown), tuple(duplicates))


def recognised(headers: list[str]) -> int:
    """How many cells of a row are known column names (to find the header row)."""
    return sum(1 for h in headers if ALIASES.get(normalise(h)))
