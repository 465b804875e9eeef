"""The exhibitor.yml contract as data: every field, its kind, limits and meaning.

One table serves the validator (`parsing.py` reads names and limits from here), the JSON Schema
that editors use to autocomplete and underline mistakes (`schema.py`), and the documentation.
Extending the contract means adding a row; renaming or removing one breaks a promise.
"""

from __future__ import annotations

from dataclasses import dataclass



@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, markdown, url, urls, phone, email, handle, photo, photos, category,
    #            owners, date, price, credentials, products, video, editions
    required: bool = False
    max_length: int | None = None  # characters for text, items for lists
    help_id: str = ""
    help_en: str = ""


EXHIBITOR = (
    Field("name", "text", True, 80, "Nama usaha", "Business name"),
    Field("tagline", "text", False, 140, "Satu kalimat tentang usaha Anda", "One line about the business"),
    Field("tagline_en", "text", False, 140, "Tagline dalam bahasa Inggris (untuk situs bahasa Inggris)",
          "The tagline in English (for the English site)"),
    Field("category", "category", True, 40, "Kategori (kunci dari daftar penyelenggara)",
          "Category (a key of the organiser's list)"),
    Field("city", "text", True, 60, "Kabupaten/kota", "Regency or city"),
    Field("address", "text", False, 200, "Alamat", "Street address"),
    Field("owners", "owners", True, 20, "Nama pengguna GitHub yang boleh mengubah folder ini",
          "GitHub usernames allowed to change this folder"),
    Field("whatsapp", "phone", False, 40, "Nomor WhatsApp, misalnya 0812-3456-7890 (wajib kalau tidak ada "
          "marketplaces)", "WhatsApp number, e.g. 0812-3456-7890 (required unless marketplaces is given)"),
    Field("email", "email", False, 120, "Alamat email", "Email address"),
    Field("website", "url", False, 500, "Situs web (https://...)", "Website (https://...)"),
    Field("instagram", "handle", False, 200, "Akun Instagram, misalnya @batiksari", "Instagram account, e.g. @batiksari"),
    Field("facebook", "handle", False, 200, "Halaman Facebook", "Facebook page"),
    Field("tiktok", "handle", False, 200, "Akun TikTok, misalnya @batiksari", "TikTok account, e.g. @batiksari"),
    Field("marketplaces", "urls", False, 20, "Alamat toko online (Tokopedia, Shopee, Lazada, Blibli, ...)",
          "Online shop addresses (Tokopedia, Shopee, Lazada, Blibli, ...)"),
    Field("video", "video", False, 300, "Video YouTube atau Vimeo", "A YouTube or Vimeo video"),
    Field("logo", "photo", False, None, "Nama file logo di folder ini", "Logo file name in this folder"),
    Field("cover", "photo", False, None, "Nama file foto sampul di folder ini", "Cover photo file name in this folder"),
    Field("credentials", "credentials", False, None, "Izin usaha: nib, pirt, halal, bpom, sni",
          "Licences: nib, pirt, halal, bpom, sni"),
    Field("products", "products", True, None, "Daftar produk (paling sedikit satu)", "Products (at least one)"),
    Field("joined", "date", False, None, "Tanggal bergabung, misalnya 2026-11-01", "Date joined, e.g. 2026-11-01"),
    Field("editions", "editions", False, 50, "Edisi expo yang Anda ikuti (key dari daftar penyelenggara), "
          "misalnya [2025, 2026]", "The expo editions you joined (keys of the organiser's list), e.g. [2025, 2026]"),
)

PRODUCT = (
    Field("name", "text", True, 100, "Nama produk (berbeda dari produk lain)", "Product name (unique in the booth)"),
    Field("name_en", "text", False, 100, "Nama produk dalam bahasa Inggris", "The product name in English"),
    Field("price", "price", False, None, "Harga dalam Rupiah, misalnya 150000, 150.000 atau 150.000 - 200.000",
          "Price in Rupiah, e.g. 150000, 150.000 or 150.000 - 200.000"),
    Field("price_max", "price", False, None, "Harga tertinggi kalau bervariasi", "Highest price, for a range"),
    Field("photos", "photos", True, 12, "Nama file foto produk di folder ini", "Product photo file names in this folder"),
    Field("description", "markdown", False, 5000, "Deskripsi (Markdown)", "Description (Markdown)"),
    Field("description_en", "markdown", False, 5000, "Deskripsi dalam bahasa Inggris (Markdown)",
          "The description in English (Markdown)"),
    Field("links", "urls", False, 20, "Tautan produk ini di marketplace", "This product's marketplace links"),
    Field("video", "video", False, 300, "Video YouTube atau Vimeo", "A YouTube or Vimeo video"),
)

CREDENTIALS = (
    Field("nib", "text", False, 60, "Nomor Induk Berusaha (13 angka)", "Business ID number (13 digits)"),
    Field("pirt", "text", False, 60, "Nomor P-IRT (15 angka)", "P-IRT number (15 digits)"),
    Field("halal", "text", False, 60, "Nomor sertifikat halal BPJPH (ID...)", "BPJPH halal certificate (ID...)"),
    Field("bpom", "text", False, 60, "Nomor BPOM (MD/ML + 12 angka, NA + 11)", "BPOM number (MD/ML + 12 digits, NA + 11)"),
    Field("sni", "text", False, 60, "Nomor sertifikat SNI", "SNI certificate number"),
)


# The example values `invoke new-exhibitor` writes (expo/cli/scaffold.py fills them in from
# here). Left in place they would publish a booth whose orders go to a stranger's number and
# whose folder belongs to nobody, so validation treats them as errors.
EXAMPLE_WHATSAPP = "0812-3456-7890"
EXAMPLE_OWNER = "nama-pengguna-github"
EXAMPLE_PRODUCT = "Produk Pertama"
EXAMPLE_DESCRIPTION = "Ceritakan produk Anda"

EXHIBITOR_FIELDS = tuple(f.name for f in EXHIBITOR)
PRODUCT_FIELDS = tuple(f.name for f in PRODUCT)


def limit(fields: tuple[Field, ...], name: str) -> int:
    return next(f.max_length for f in fields if f.name == name)
