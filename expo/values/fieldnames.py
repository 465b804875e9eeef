"""Field names as people write them -> the column or field they mean (pure).

One table for `invoke import-csv` headers ("Nama Produk *", "No. HP/WA") and for exhibitor.yml
keys written in Indonesian or with capitals ("Nama:", "Harga:", "kota:", "wa:"). A header or a
key is normalised (lower case, no parentheses, no punctuation) and looked up in `ALIASES`; the
result is an import column name. `yml_field` turns that into the exhibitor.yml field at the
level where the key stands (the booth, a product, the credentials).
"""

from __future__ import annotations

import re

# Booth columns: the same value on every product row of one booth (or only on its first row).
BOOTH_COLUMNS = (
    "slug", "name", "tagline", "category", "city", "address", "owners", "whatsapp", "email",
    "website", "instagram", "facebook", "tiktok", "marketplaces", "video",
    "nib", "pirt", "halal", "bpom", "sni", "editions",
)
# Product columns: one product per row.
PRODUCT_COLUMNS = (
    "product_name", "price", "price_max", "photos", "description", "product_links", "product_video",
)
CREDENTIAL_COLUMNS = ("nib", "pirt", "halal", "bpom", "sni")

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
    # editions: keys of the organiser's editions (EXPO_EDITIONS) the booth joined
    "edisi": "editions", "edisi expo": "editions", "ikut edisi": "editions", "edition": "editions",
    "edisi yang diikuti": "editions",
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


# exhibitor.yml only: keys that have no spreadsheet column (a list, a mapping) or mean
# something else at that level ("nama" of a product is its name).
_BOOTH_ONLY = {
    "nama": "name", "produk": "products", "daftar produk": "products", "product": "products",
    "izin": "credentials", "izin usaha": "credentials", "perizinan": "credentials",
    "legalitas": "credentials", "sampul": "cover", "foto sampul": "cover", "bergabung": "joined",
    "tanggal bergabung": "joined", "tgl bergabung": "joined", "logo usaha": "logo",
}
_PRODUCT_ONLY = {"nama": "name", "link": "links", "tautan": "links", "video": "video"}
# Import columns that are exhibitor.yml fields under another name, per level
_PRODUCT_FIELDS = {"product_name": "name", "price": "price", "price_max": "price_max",
                   "photos": "photos", "description": "description", "product_links": "links",
                   "product_video": "video"}


def yml_field(key: str, level: str, fields: tuple[str, ...]) -> str | None:
    """The exhibitor.yml field `key` stands for at `level` ('booth', 'product' or
    'credentials'), if it is one of `fields`: 'Harga' -> 'price', 'kota' -> 'city'."""
    name = normalise(str(key))
    if name.replace(" ", "_") in fields:
        return name.replace(" ", "_")
    if level == "booth":
        column = _BOOTH_ONLY.get(name) or ALIASES.get(name)
        found = column if column in BOOTH_COLUMNS and column not in CREDENTIAL_COLUMNS else \
            column if column in ("products", "credentials", "cover", "joined", "logo") else None
    elif level == "product":
        column = _PRODUCT_ONLY.get(name) or ALIASES.get(name)
        found = _PRODUCT_ONLY.get(name) or _PRODUCT_FIELDS.get(column or "")
    else:
        column = ALIASES.get(name)
        found = column if column in CREDENTIAL_COLUMNS else None
    return found if found in fields else None
