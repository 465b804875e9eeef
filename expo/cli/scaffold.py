"""The commented exhibitor.yml that `invoke new-exhibitor <slug>` writes."""

from __future__ import annotations

from typing import Iterable

from expo.content.contract import EXAMPLE_DESCRIPTION, EXAMPLE_OWNER, EXAMPLE_PRODUCT, EXAMPLE_WHATSAPP
from expo.settings import DEFAULT_CATEGORIES
from expo.values.slugs import slugify

# Example values come from the contract, which makes them errors until they are replaced.
SCAFFOLD = """\
# yaml-language-server: $schema=../../schema/exhibitor.schema.json
# Profil booth / booth profile: exhibitors/{slug}/exhibitor.yml
# Baris yang diawali # adalah catatan dan tidak dibaca. Hapus tanda # untuk memakai sebuah kolom.
# Lines starting with # are notes. Remove the # to use a field.
# Periksa hasilnya dengan / check with:  invoke validate exhibitors/{slug}

name: {name}                     # nama usaha, wajib (1-80 karakter)
# tagline: Batik tulis warna alam sejak 1985   # satu kalimat, maksimal 140 karakter
# tagline_en: Natural-dye hand-drawn batik since 1985   # untuk situs bahasa Inggris
{category_line}
city: Kota Pekalongan            # wajib: kabupaten/kota
# address: Jl. Contoh No. 1, Pekalongan
owners:                          # wajib: nama pengguna GitHub yang boleh mengubah folder ini
  - {owner}
whatsapp: "{whatsapp}"       # wajib (kecuali ada marketplaces); pakai tanda kutip
# email: toko@contoh.com
# website: https://contoh.com
# instagram: "@namatoko"
# facebook: namatoko
# tiktok: "@namatoko"
# marketplaces:                  # alamat toko online, satu per baris
#   - https://www.tokopedia.com/namatoko
#   - https://shopee.co.id/namatoko
# video: https://youtu.be/xxxxxxxxxxx   # YouTube atau Vimeo
# logo: logo.png                 # nama file foto di folder ini
# cover: sampul.jpg
# credentials:                   # nomor izin usaha, pakai tanda kutip
#   nib: "1234567890123"
#   pirt: "123456789012345"
#   halal: "ID00000000000000000"
# joined: 2026-11-01             # tanggal bergabung (tahun-bulan-tanggal)
# editions: [2025, 2026]         # edisi expo yang Anda ikuti (kalau panitia punya daftar edisi)

products:                        # wajib, paling sedikit satu produk
  - name: {product}         # nama produk, tidak boleh sama dengan produk lain
    # name_en: First Product     # nama dalam bahasa Inggris (tidak wajib)
    price: 50000                 # Rupiah, misalnya 50000 atau 50.000
    # price_max: 75000           # harga tertinggi kalau harganya bervariasi
    photos:                      # wajib: nama file foto di folder ini
      - produk-1.jpg
    description: |
      {description}: bahan, ukuran, cara pesan.
    # description_en: |          # deskripsi dalam bahasa Inggris (tidak wajib)
    #   Tell buyers about it: material, size, how to order.
    # links:                     # tautan produk ini di marketplace
    #   - https://www.tokopedia.com/namatoko/produk
"""


def scaffold_text(slug: str, categories: Iterable[str] = DEFAULT_CATEGORIES) -> str:
    """The template for `slug`, listing the organiser's category keys (the last one, by
    convention "lainnya", filled in)."""
    name = " ".join(part.capitalize() for part in slugify(slug).split("-")) or "Nama Usaha"
    keys = list(categories)
    category_line = f"category: {keys[-1]}".ljust(33) + f"# wajib: {', '.join(keys)}"
    return SCAFFOLD.format(slug=slug, name=name, owner=EXAMPLE_OWNER, whatsapp=EXAMPLE_WHATSAPP,
                           product=EXAMPLE_PRODUCT, description=EXAMPLE_DESCRIPTION,
                           category_line=category_line)
