"""The columns `invoke import-csv` understands, and the header names people actually use.

A spreadsheet made by hand or exported from Google Forms rarely says "product_name": it says
"Nama Produk", "Nama Produk *" or "Nama Produk (wajib)". Headers are normalised (lower case,
no parentheses, no punctuation) and looked up in `ALIASES`. docs/import-csv.md documents this
table; a test keeps the two in step.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Sequence

# Booth columns: the same value on every product row of one booth (or only on its first row).
BOOTH_COLUMNS = (
    "slug", "name", "tagline", "category", "city", "address", "owners", "whatsapp", "email",
    "website", "instagram", "facebook", "tiktok", "marketplaces", "video",
    "nib", "pirt", "halal", "bpom", "sni",
)
# Product columns: one product per row.
PRODUCT_COLUMNS = (
    "product_name", "price", "price_max", "photos", "description", "product_links", "product_video",
)
CREDENTIAL_COLUMNS = ("nib", "pirt", "halal", "bpom", "sni")
# Without these every row would fail; `owners` may instead come from --owner.
REQUIRED_COLUMNS = ("name", "category", "city", "product_name", "photos")
CONTACT_COLUMNS = ("whatsapp", "marketplaces")  # at least one of them
# What to call a missing column in a message: the header an Indonesian form would use.
HEADER_EXAMPLES = {"name": "Nama Usaha", "category": "Kategori", "city": "Kota/Kabupaten",
                   "product_name": "Nama Produk", "photos": "Foto", "whatsapp": "Nomor WhatsApp",
                   "marketplaces": "Marketplace"}

# Normalised header -> column. Each column's own name is an alias of itself.
ALIASES: dict[str, str] = {
    # slug: the folder name and booth address
    "folder": "slug", "nama folder": "slug", "alamat booth": "slug",
    # name
    "business name": "name", "nama usaha": "name", "nama toko": "name", "nama umkm": "name",
    "nama bisnis": "name", "nama brand": "name", "nama merek": "name", "merek": "name",
    "nama booth": "name",
    # tagline
    "slogan": "tagline", "moto": "tagline", "deskripsi singkat": "tagline",
    # category
    "kategori": "category", "kategori usaha": "category", "kategori produk": "category",
    "jenis usaha": "category", "bidang usaha": "category",
    # city
    "kota": "city", "kabupaten": "city", "kota/kabupaten": "city", "kabupaten/kota": "city",
    "kab/kota": "city", "kota/kab": "city", "kota kabupaten": "city", "domisili": "city",
    # address
    "alamat": "address", "alamat usaha": "address", "alamat toko": "address",
    "alamat lengkap": "address",
    # owners: GitHub usernames (not the owner's real name: "Pemilik" is deliberately absent)
    "owner": "owners", "github": "owners", "akun github": "owners", "username github": "owners",
    "nama pengguna github": "owners",
    # whatsapp
    "wa": "whatsapp", "no wa": "whatsapp", "nomor wa": "whatsapp", "no whatsapp": "whatsapp",
    "nomor whatsapp": "whatsapp", "whatsapp number": "whatsapp", "no hp": "whatsapp",
    "nomor hp": "whatsapp", "no hp/wa": "whatsapp", "nomor hp/wa": "whatsapp",
    "no telepon": "whatsapp", "nomor telepon": "whatsapp", "telepon": "whatsapp",
    # email (Google Forms adds "Email Address" / "Alamat email" when it collects emails)
    "e mail": "email", "surel": "email", "alamat email": "email", "email address": "email",
    # website and social media
    "situs": "website", "situs web": "website", "web": "website",
    "ig": "instagram", "akun instagram": "instagram",
    "fb": "facebook", "akun facebook": "facebook",
    "akun tiktok": "tiktok",
    # marketplaces: shop URLs
    "marketplace": "marketplaces", "toko online": "marketplaces", "link toko": "marketplaces",
    "tautan toko": "marketplaces", "link marketplace": "marketplaces",
    # video of the booth
    "video usaha": "video", "video profil": "video", "link video": "video",
    # credentials
    "no nib": "nib", "nomor nib": "nib",
    "p irt": "pirt", "no pirt": "pirt", "nomor pirt": "pirt", "no p irt": "pirt",
    "sertifikat halal": "halal", "no halal": "halal", "nomor halal": "halal",
    "no bpom": "bpom", "nomor bpom": "bpom",
    # product_name
    "product name": "product_name", "product": "product_name", "nama produk": "product_name",
    "produk": "product_name", "nama barang": "product_name",
    # price
    "harga": "price", "harga produk": "price", "harga satuan": "price", "harga mulai": "price",
    "harga terendah": "price", "harga min": "price",
    # price_max
    "price max": "price_max", "harga maks": "price_max", "harga max": "price_max",
    "harga maksimal": "price_max", "harga tertinggi": "price_max",
    # photos: file names in the --photos folder
    "photo": "photos", "foto": "photos", "foto produk": "photos", "gambar": "photos",
    "nama file foto": "photos",
    # description
    "deskripsi": "description", "deskripsi produk": "description", "keterangan": "description",
    # product_links
    "product links": "product_links", "link produk": "product_links",
    "tautan produk": "product_links",
    # product_video
    "product video": "product_video", "video produk": "product_video",
    "link video produk": "product_video",
}
ALIASES.update({column: column for column in BOOTH_COLUMNS + PRODUCT_COLUMNS})
ALIASES.update({column.replace("_", " "): column for column in BOOTH_COLUMNS + PRODUCT_COLUMNS})

# Columns Google Forms adds that carry nothing for the catalog: skipped without a warning.
IGNORED = {"timestamp", "stempel waktu", "cap waktu"}

# Innermost brackets only: "[^)]*" would rescan the rest of the header from every "(" of a
# header made of "(((..." (quadratic); "[^()]*" stops at the next bracket.
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_PUNCTUATION = re.compile(r"[^\w/ ]+")


def normalise(header: str) -> str:
    """'Nama Produk * (wajib)' -> 'nama produk'; 'No. HP/WA' -> 'no hp/wa'."""
    text = _PARENTHESES.sub(" ", header.casefold())
    text = text.replace("_", " ").replace("-", " ")
    text = " ".join(_PUNCTUATION.sub(" ", text).split())
    return text.replace(" /", "/").replace("/ ", "/")  # after the join, spaces come singly


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
