"""The commented exhibitor.yml that `invoke new-exhibitor <slug>` writes."""

from __future__ import annotations

from expo.values.slugs import slugify

SCAFFOLD = """\
# yaml-language-server: $schema=../../schema/exhibitor.schema.json
# Profil booth / booth profile: exhibitors/{slug}/exhibitor.yml
# Baris yang diawali # adalah catatan dan tidak dibaca. Hapus tanda # untuk memakai sebuah kolom.
# Lines starting with # are notes. Remove the # to use a field.
# Periksa hasilnya dengan / check with:  invoke validate exhibitors/{slug}

name: {name}                     # nama usaha, wajib (1-80 huruf)
# tagline: Batik tulis warna alam sejak 1985   # satu kalimat, maksimal 140 huruf
# tagline_en: Natural-dye hand-drawn batik since 1985   # untuk situs bahasa Inggris
category: lainnya                # wajib: batik, fesyen, kuliner, kerajinan, aksesoris, perikanan, lainnya
city: Kota Pekalongan            # wajib: kabupaten/kota
# address: Jl. Contoh No. 1, Pekalongan
owners:                          # wajib: nama pengguna GitHub yang boleh mengubah folder ini
  - nama-pengguna-github
whatsapp: "0812-3456-7890"       # wajib (kecuali ada marketplaces); pakai tanda kutip
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

products:                        # wajib, paling sedikit satu produk
  - name: Produk Pertama         # nama produk, tidak boleh sama dengan produk lain
    # name_en: First Product     # nama dalam bahasa Inggris (tidak wajib)
    price: 50000                 # Rupiah, angka saja tanpa titik: 50000
    # price_max: 75000           # harga tertinggi kalau harganya bervariasi
    photos:                      # wajib: nama file foto di folder ini
      - produk-1.jpg
    description: |
      Ceritakan produk Anda: bahan, ukuran, cara pesan.
    # description_en: |          # deskripsi dalam bahasa Inggris (tidak wajib)
    #   Tell buyers about it: material, size, how to order.
    # links:                     # tautan produk ini di marketplace
    #   - https://www.tokopedia.com/namatoko/produk
"""


def scaffold_text(slug: str) -> str:
    name = " ".join(part.capitalize() for part in slugify(slug).split("-")) or "Nama Usaha"
    return SCAFFOLD.format(slug=slug, name=name)
