"""The everyday mistakes of a new exhibitor (issue 10) and the ways a booth could mislead
visitors (issue 11 items 10 and 13), each pinned word for word in Indonesian and English."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from expo.content.catalog import load_catalog, rotation
from expo.settings import ExpoSettings
from sitekit import GOOD_YML, SECOND_YML, make_project, write_exhibitor, write_photo

Y = "exhibitors/batik-sari/exhibitor.yml"
TODAY = dt.date(2026, 11, 30)


def check(root: Path, lang: str = "id") -> list[str]:
    _catalog, problems = load_catalog(root, ExpoSettings(lang=lang), today=TODAY)
    return [p.format(lang) for p in sorted(problems, key=lambda p: p.sort_key())]


def booth(tmp_path: Path, yml: str) -> Path:
    return make_project(tmp_path / "p", {"batik-sari": yml})


# (change to the good file, Indonesian message, English message); the messages follow "<file>"
MISTAKES = [
    (('    price_max: 1200000', '     price_max: 1200000'),
     ':23: YAML tidak bisa dibaca di baris 23, huruf ke-6: indentasi (jumlah spasi di awal baris) '
     'tidak sejajar dengan baris sebelumnya. Samakan jumlah spasinya dengan kolom lain di tingkat '
     'yang sama',
     ':23: the YAML cannot be read on line 23, character 6: the indentation (spaces at the start '
     'of the line) does not line up with the lines before. Use as many spaces as the other fields '
     'at the same level'),
    (('      Batik tulis **pewarna alam**, 2 x 1,15 m.\n', '      Batik tulis **pewarna alam**,\n    2 x 1,15 m.\n'),
     ':28: YAML tidak bisa dibaca di baris 28, huruf ke-5: baris ini lanjutan teks di atasnya, '
     'tetapi spasinya di awal baris lebih sedikit. Tambahkan spasi sampai sejajar dengan baris '
     'teks di atasnya',
     ':28: the YAML cannot be read on line 28, character 5: this line continues the text above it '
     'but starts with fewer spaces. Add spaces until it lines up with the text above'),
    (('city: Kota Pekalongan', 'city:Kabupaten Semarang'),
     ':4: YAML tidak bisa dibaca di baris 4, huruf ke-6: setelah titik dua (:) harus ada spasi. '
     'Tulis misalnya city: Kabupaten Semarang, bukan city:Kabupaten Semarang',
     ':4: the YAML cannot be read on line 4, character 6: a colon (:) must be followed by a '
     'space. Write for example city: Kabupaten Semarang, not city:Kabupaten Semarang'),
    (('city: Kota Pekalongan', 'city Kabupaten Semarang'),
     ':4: YAML tidak bisa dibaca di baris 4, huruf ke-1: tidak ada titik dua (:) setelah nama '
     'kolom. Tulis nama kolom, titik dua, spasi, lalu isinya, misalnya city: Kabupaten Semarang',
     ':4: the YAML cannot be read on line 4, character 1: a colon (:) is missing after the field '
     'name. Write the field name, a colon, a space, then the value, for example city: Kabupaten '
     'Semarang'),
    (('tagline: Batik tulis warna alam', 'tagline: "Renyah!" kata pelanggan'),
     ':2: YAML tidak bisa dibaca di baris 2, huruf ke-20: ada teks lagi setelah tanda kutip '
     'penutup. Beri tanda kutip pada seluruh teks; kalau teksnya memuat tanda kutip dua, pakai '
     'kutip satu di luar, misalnya tagline: \'"Renyah!" kata pelanggan\'',
     ':2: the YAML cannot be read on line 2, character 20: there is more text after the closing '
     'quote. Put the whole text in quotes; if it contains double quotes, use single quotes around '
     'it, for example tagline: \'"Renyah!" kata pelanggan\''),
    (('    photos:\n      - kain.jpg', '  photos:\n      - kain.jpg'),
     ':24: YAML tidak bisa dibaca di baris 24, huruf ke-3: indentasi (jumlah spasi di awal baris) '
     'tidak sejajar dengan baris sebelumnya. Samakan jumlah spasinya dengan kolom lain di tingkat '
     'yang sama',
     ':24: the YAML cannot be read on line 24, character 3: the indentation (spaces at the start '
     'of the line) does not line up with the lines before. Use as many spaces as the other fields '
     'at the same level'),
    (('  - name: Selendang Sutra', '  - name: Selendang Sutra #1 Pekalongan'),
     ':30: products[2].name: peringatan: tanda # memotong teks ini: yang terbaca hanya "Selendang '
     'Sutra", sedangkan "#1 Pekalongan" dianggap catatan. Kalau # bagian dari teks, beri tanda '
     'kutip pada seluruh teks, misalnya name: "Keripik Tempe #1 Ambarawa"',
     ':30: products[2].name: warning: the # cuts this text: only "Selendang Sutra" is read, and '
     '"#1 Pekalongan" is taken as a note. If the # is part of the text, put the whole text in '
     'quotes, for example name: "Keripik Tempe #1 Ambarawa"'),
    (('tagline: Batik tulis warna alam', 'tagilne: Batik tulis warna alam'),
     ':2: tagilne: kolom "tagilne" tidak dikenal. Maksud Anda "tagline"?',
     ':2: tagilne: unknown field "tagilne". Did you mean "tagline"?'),
    (('name: Batik Sari', 'name: Batik Sari\nNama: Batik Sari'),
     ':2: Nama: kolom "Nama" berarti "name", yang sudah ditulis di baris 1. Hapus salah satunya',
     ':2: Nama: the field "Nama" means "name", which is already written on line 1. Remove one of '
     'them'),
    (('    price: 150000', '    price: 0'),
     ':31: products[2].price: harga 0 akan tampil sebagai "Rp0" di halaman dan di pesan WhatsApp. '
     'Tulis harga sebenarnya, atau kosongkan harganya kalau harga ditanyakan lewat WhatsApp',
     ':31: products[2].price: a price of 0 would show as "Rp0" on the page and in the WhatsApp '
     'message. Write the real price, or leave the price out if buyers ask for it on WhatsApp'),
    (('    price: 850000', '    price: 25.000 - 30.000'),
     ':22: products[1].price: price sudah berisi rentang ("25.000 - 30.000"). Hapus baris '
     'price_max, atau tulis satu harga saja di price',
     ':22: products[1].price: price already holds a range ("25.000 - 30.000"). Remove the '
     'price_max line, or write a single price in price'),
    (('city: Kota Pekalongan', 'city: Kabupaten Semarng'),
     ':4: city: peringatan: "Kabupaten Semarng" tidak ada di daftar resmi kabupaten/kota. Maksud '
     'Anda "Kabupaten Semarang"?',
     ':4: city: warning: "Kabupaten Semarng" is not in the official list of regencies and cities. '
     'Did you mean "Kabupaten Semarang"?'),
    (('city: Kota Pekalongan', 'city: Pekalongan'),
     ':4: city: peringatan: "Pekalongan" bisa berarti Kabupaten Pekalongan / Kota Pekalongan. '
     'Tulis salah satunya, agar booth Anda tampil di halaman kota yang benar',
     ':4: city: warning: "Pekalongan" can mean Kabupaten Pekalongan / Kota Pekalongan. Write one '
     'of them, so your booth shows on the right city page'),
    (('city: Kota Pekalongan', 'city: Ambarawa'),
     ':4: city: peringatan: "Ambarawa" bukan nama kabupaten/kota resmi. Tulis kabupaten atau '
     'kotanya, misalnya "Kabupaten Semarang" (bukan nama kecamatan atau desa), agar booth Anda '
     'tampil di halaman kota yang benar',
     ':4: city: warning: "Ambarawa" is not an official regency or city name. Write the regency or '
     'city, for example "Kabupaten Semarang" (not a district or village), so your booth shows on '
     'the right city page'),
    (('city: Kota Pekalongan', 'city: "KOTA PEKALONGAN ⚠☠⚠ !!! ✖✖✖"'),
     ':4: city: "KOTA PEKALONGAN ⚠☠⚠ !!! ✖✖✖" memuat tanda atau simbol yang bukan bagian nama '
     'tempat. Tulis nama kabupaten/kotanya saja, misalnya Kota Pekalongan',
     ':4: city: "KOTA PEKALONGAN ⚠☠⚠ !!! ✖✖✖" contains signs or symbols that are not part of a '
     'place name. Write the name of the regency or city only, for example Kota Pekalongan'),
    (('joined: 2026-11-01', 'joined: 2099-12-31'),
     ':19: joined: tanggal bergabung 2099-12-31 belum terjadi (hari ini 2026-11-30). Tulis '
     'tanggal Anda bergabung, paling lambat hari ini',
     ':19: joined: the date joined 2099-12-31 is in the future (today is 2026-11-30). Write the '
     'date you joined, today at the latest'),
    (('  nib: "1234567890123"', '  nib: "0000000000000"'),
     ':18: credentials.nib: "0000000000000" hanya berisi angka 0, jadi bukan nomor izin yang '
     'sebenarnya. Tulis nomor seperti tertulis di dokumen izin Anda, atau hapus baris ini',
     ':18: credentials.nib: "0000000000000" is only zeros, so it is not a real licence number. '
     'Write the number as printed on your licence, or remove this line'),
    (('  nib: "1234567890123"', '  sni: "TERVERIFIKASI PANITIA & KEMENKES"'),
     ':18: credentials.sni: "TERVERIFIKASI PANITIA & KEMENKES" bukan nomor SNI. Tulis nomor '
     'standar SNI produk Anda (misalnya SNI 7325:2008) atau nomor sertifikat SPPT-SNI persis '
     'seperti tertulis di sertifikat',
     ':18: credentials.sni: "TERVERIFIKASI PANITIA & KEMENKES" is not an SNI number. Write the '
     'SNI standard of your product (for example SNI 7325:2008) or the SPPT-SNI certificate number '
     'exactly as printed on the certificate'),
    (('name: Batik Sari', 'name: Batik \u202eiraS'),
     ':1: name: ada karakter pengatur arah teks yang tak terlihat (U+202E); karakter ini membuat '
     'teks tampil terbalik atau berbeda dari aslinya. Ketik ulang teksnya',
     ':1: name: there is an invisible text direction character (U+202E); it makes the text show '
     'reversed or different from what it is. Type the text again'),
    (('website: https://batiksari.example.com', 'website: https://xn--tokopdia-x2a.com/batiksari'),
     ':10: website: peringatan: "https://xn--tokopdia-x2a.com/batiksari": nama situs '
     'xn--tokopdia-x2a.com memakai huruf non-Latin (punycode, xn--) yang bisa tampak seperti '
     'situs lain di layar. Pastikan alamatnya benar; kalau ragu, salin ulang dari aplikasi atau '
     'situs tokonya',
     ':10: website: warning: "https://xn--tokopdia-x2a.com/batiksari": the site name '
     'xn--tokopdia-x2a.com uses non-Latin letters (punycode, xn--) that can look like another '
     "site on screen. Make sure the address is right; if in doubt, copy it again from the shop's "
     'app or site'),
]


@pytest.mark.parametrize("change, message_id, message_en", MISTAKES, ids=[m[0][1][:40] for m in MISTAKES])
def test_mistake_gets_exactly_this_message(tmp_path, change, message_id, message_en):
    assert change[0] in GOOD_YML
    root = booth(tmp_path, GOOD_YML.replace(*change))
    assert check(root, "id") == [Y + message_id]
    assert check(root, "en") == [Y + message_en]


def test_yaml_messages_never_show_the_parser_english(tmp_path):
    broken = ["name: [a\n", "name: 'a\n", "a: b\n  c: d\n", "- a\nb: c\n", "name: a\n\tcity: b\n",
              "products:\n  - name: a\n   photos: [x]\n", "name: {a\n", "? a\n", "name: *x\n", "%TAG\n"]
    for i, text in enumerate(broken):
        root = booth(tmp_path / str(i), text)
        for lang in ("id", "en"):
            lines = check(root, lang)
            assert lines, text
            assert not any(word in line for line in lines for word in (
                "expected", "found", "while ", "scanning", "parsing", "indicator", "token")), lines


# --- values as people write them: accepted, read the same way as import-csv

ACCEPTED = [
    ("    price: 150000", "    price: 150.000", ("price", 150000)),
    ("    price: 150000", "    price: Rp 150.000", ("price", 150000)),
    ("    price: 150000", "    price: Rp150.000,-", ("price", 150000)),
    ("    price: 150000", "    price: 150rb", ("price", 150000)),
    ("    price: 150000", "    price: 150k", ("price", 150000)),
    ("    price: 150000", "    price: 25.000 - 30.000", ("price_max", 30000)),
    ("category: batik", "category: Batik", ("category", "batik")),
    ("category: batik", "category: kain batik", ("category", "batik")),
    ("city: Kota Pekalongan", "city: Kab. Semarang", ("city", "Kabupaten Semarang")),
    ("city: Kota Pekalongan", "city: Kodya Semarang", ("city", "Kota Semarang")),
    ("city: Kota Pekalongan", "city: KOTA PEKALONGAN", ("city", "Kota Pekalongan")),
    ('whatsapp: "0812-2233-4455"', "whatsapp: https://wa.me/6281222334455", ("whatsapp", "6281222334455")),
    ("name: Batik Sari", "Name: Batik Sari", ("name", "Batik Sari")),
    ("city: Kota Pekalongan", "kota: Kota Pekalongan", ("city", "Kota Pekalongan")),
    ('whatsapp: "0812-2233-4455"', 'wa: "0812-2233-4455"', ("whatsapp", "6281222334455")),
    ("    price: 150000", "    Harga: 150.000", ("price", 150000)),
    ("name: Batik Sari", "name: Batik Sa\u200bri", ("name", "Batik Sari")),
]


@pytest.mark.parametrize("old, new, expected", ACCEPTED, ids=[a[1].strip() for a in ACCEPTED])
def test_values_as_people_write_them_are_accepted(tmp_path, old, new, expected):
    root = booth(tmp_path, GOOD_YML.replace(old, new))
    catalog, problems = load_catalog(root, ExpoSettings(), today=TODAY)
    assert problems == []
    exhibitor = catalog.exhibitors[0]
    field, value = expected
    if field in ("price", "price_max"):
        assert getattr(exhibitor.products[1], field) == value
    elif field == "whatsapp":
        assert exhibitor.whatsapp.digits == value
    else:
        assert getattr(exhibitor, field) == value


@pytest.mark.parametrize("category", ["makanan", "Makanan & Minuman", "mamin", "Makanan dan Minuman"])
def test_food_category_synonyms_mean_kuliner(tmp_path, category):
    root = booth(tmp_path, GOOD_YML.replace("category: batik", f"category: {category}"))
    catalog, problems = load_catalog(root, ExpoSettings(), today=TODAY)
    assert problems == [] and catalog.exhibitors[0].category == "kuliner"


def test_share_links_from_phones_are_accepted_without_a_network_call(tmp_path, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("no network call at validation time")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    yml = GOOD_YML.replace(
        "  - https://www.tokopedia.com/batiksari\n  - https://shopee.co.id/batiksari\n",
        "  - Cek Batik Sari di Tokopedia! https://tk.tokopedia.com/ZSabc123/\n"
        "  - https://s.shopee.co.id/AbC123\n"
        "  - https://vt.tokopedia.com/t/ZSxyz/\n",
    ).replace('instagram: "@batiksari"', "facebook: https://www.facebook.com/share/1AbCdEf/\n"
                                         "tiktok: https://vt.tiktok.com/ZSabc123/")
    catalog, problems = load_catalog(booth(tmp_path, yml), ExpoSettings(), today=TODAY)
    assert problems == []
    exhibitor = catalog.exhibitors[0]
    assert [(s.url, s.label) for s in exhibitor.marketplaces] == [
        ("https://tk.tokopedia.com/ZSabc123/", "Tokopedia"),
        ("https://s.shopee.co.id/AbC123", "Shopee"),
        ("https://vt.tokopedia.com/t/ZSxyz/", "TikTok Shop"),
    ]
    assert [(c.kind, c.url) for c in exhibitor.contacts if c.kind in ("facebook", "tiktok")] == [
        ("facebook", "https://www.facebook.com/share/1AbCdEf/"), ("tiktok", "https://vt.tiktok.com/ZSabc123/")]


# --- the template's examples and files in the wrong place

def test_photo_named_jpg_where_the_file_is_heic(tmp_path):
    root = booth(tmp_path, GOOD_YML)
    folder = root / "exhibitors/batik-sari"
    (folder / "selendang.jpg").rename(folder / "selendang.HEIC")
    assert check(root) == [
        f'{Y}:33: products[2].photos[1]: foto "selendang.jpg" tidak ada di folder ini. Maksud Anda '
        '"selendang.HEIC"? (nama dan jenis file, misalnya .jpg atau .HEIC, harus sama persis dengan file '
        "yang diunggah)"]
    assert check(root, "en") == [
        f'{Y}:33: products[2].photos[1]: the photo "selendang.jpg" is not in this folder. Did you mean '
        '"selendang.HEIC"? (the name and the file type, for example .jpg or .HEIC, must match the '
        "uploaded file exactly)"]


@pytest.mark.parametrize("wrong", ["Exhibitor.yml", "exhibitor.yaml", "EXHIBITOR.YML"])
def test_a_misnamed_booth_file_is_named_with_the_rename(tmp_path, wrong):
    root = booth(tmp_path, GOOD_YML)
    folder = root / "exhibitors/batik-sari"
    (folder / "exhibitor.yml").rename(folder / wrong)
    assert check(root) == [
        f"exhibitors/batik-sari/{wrong}: file ini tidak dibaca karena namanya harus persis exhibitor.yml "
        f"(huruf kecil, .yml). Ganti namanya: exhibitors/batik-sari/{wrong} menjadi {Y}"]
    assert check(root, "en") == [
        f"exhibitors/batik-sari/{wrong}: this file is not read because its name must be exactly "
        f"exhibitor.yml (lower case, .yml). Rename it: exhibitors/batik-sari/{wrong} to {Y}"]


def test_a_loose_yml_in_exhibitors_is_named_with_the_move(tmp_path):
    root = make_project(tmp_path / "p", {"keripik-bu-sri": SECOND_YML})
    (root / "exhibitors/batik-sari.yml").write_text(GOOD_YML, encoding="utf-8")
    assert check(root) == [
        "exhibitors/batik-sari.yml: file ini tidak dibaca: setiap booth adalah sebuah folder yang berisi "
        "exhibitor.yml. Pindahkan exhibitors/batik-sari.yml menjadi exhibitors/batik-sari/exhibitor.yml "
        "(di GitHub: ubah nama file menjadi batik-sari/exhibitor.yml)"]
    assert check(root, "en") == [
        "exhibitors/batik-sari.yml: this file is not read: every booth is a folder holding exhibitor.yml. "
        "Move exhibitors/batik-sari.yml to exhibitors/batik-sari/exhibitor.yml (on GitHub: rename the "
        "file to batik-sari/exhibitor.yml)"]


def test_a_capitalised_exhibitors_folder_is_named_with_the_move(tmp_path):
    root = make_project(tmp_path / "p", {"keripik-bu-sri": SECOND_YML})
    write_exhibitor(root, "batik-sari", GOOD_YML)
    shutil.move(root / "exhibitors/batik-sari", tmp_path / "moved")
    (root / "Exhibitors").mkdir()
    shutil.move(tmp_path / "moved", root / "Exhibitors/batik-sari")
    assert check(root) == [
        "Exhibitors/batik-sari: folder ini tidak dibaca karena nama folder induknya harus huruf kecil. "
        "Pindahkan Exhibitors/batik-sari/ menjadi exhibitors/batik-sari/"]


def test_a_screenshot_or_upright_cover_warns(tmp_path):
    root = booth(tmp_path, GOOD_YML.replace("logo: logo.png", "logo: logo.png\ncover: sampul.jpg"))
    write_photo(root / "exhibitors/batik-sari/sampul.jpg", size=(540, 1200))
    assert check(root) == [
        f'{Y}:17: cover: peringatan: foto sampul "sampul.jpg" (540x1200) tampaknya tangkapan layar '
        "(screenshot) HP. Sampul tampil melebar di atas halaman booth; pakai foto usaha atau produk yang "
        "diambil mendatar"]
    write_photo(root / "exhibitors/batik-sari/sampul.jpg", size=(600, 800))
    assert check(root, "en") == [
        f'{Y}:17: cover: warning: the cover photo "sampul.jpg" is upright (600x800), but the cover is '
        "shown wide: its top and bottom will be cut off. Use a photo taken in landscape (phone turned "
        "sideways)"]
    write_photo(root / "exhibitors/batik-sari/sampul.jpg", size=(1200, 600))
    assert check(root) == []


def test_two_buttons_with_one_label_warn(tmp_path):
    yml = GOOD_YML.replace("  - https://shopee.co.id/batiksari", "  - https://tk.tokopedia.com/ZSx/")
    assert check(booth(tmp_path, yml)) == [
        f"{Y}:14: marketplaces[2]: peringatan: tombol ini akan bertuliskan Tokopedia, sama dengan tautan "
        "di atasnya, sehingga pengunjung tidak bisa membedakannya. Simpan satu toko Tokopedia saja, atau "
        'taruh tautan produk di "links" produknya']


# --- misleading visitors (issue 11 items 10 and 13)

def test_an_odd_spelling_never_labels_a_city_page(tmp_path):
    odd = GOOD_YML.replace("city: Kota Pekalongan", "city: KOTA   pekalongan")
    root = make_project(tmp_path / "p", {"batik-sari": odd, "keripik-bu-sri": SECOND_YML.replace(
        "city: Kabupaten Batang", "city: Kota Pekalongan")})
    catalog, problems = load_catalog(root, ExpoSettings(), today=TODAY)
    assert problems == []
    assert [(g.label, len(g.exhibitors)) for g in catalog.cities] == [("Kota Pekalongan", 2)]


def test_unofficial_spellings_sharing_a_slug_take_the_most_common_not_capitals(tmp_path):
    a = GOOD_YML.replace("city: Kota Pekalongan", "city: AMBARAWA")
    b = SECOND_YML.replace("city: Kabupaten Batang", "city: Ambarawa")
    root = make_project(tmp_path / "p", {"batik-sari": a, "keripik-bu-sri": b})
    catalog, _problems = load_catalog(root, ExpoSettings(), today=TODAY)
    assert [g.label for g in catalog.cities] == ["Ambarawa"]


def test_featured_booths_rotate_and_cannot_be_bought_with_products(tmp_path):
    slugs = [f"booth-{i:02d}" for i in range(10)]
    assert rotation(slugs, 3, dt.date(2026, 11, 30)) != rotation(slugs, 3, dt.date(2026, 12, 7))
    assert rotation(slugs, 3, dt.date(2026, 11, 30)) == rotation(slugs, 3, dt.date(2026, 12, 6))  # one week
    weeks = [rotation(slugs, 3, dt.date(2026, 1, 5) + dt.timedelta(weeks=w)) for w in range(10)]
    shown = [s for week in weeks for s in week]
    assert {shown.count(s) for s in slugs} == {3}  # ten weeks: every booth three times
    many = "products:\n" + "".join(f"  - name: Produk {i}\n    price: 1000\n    photos: [tempe.jpg]\n"
                                   for i in range(60))
    big = SECOND_YML.split("products:")[0] + many
    exhibitors = {s: SECOND_YML.replace("Keripik Bu Sri", f"Toko {s}") for s in slugs[:7]}
    exhibitors["zz-murah"] = big.replace("Keripik Bu Sri", "Toko Murah")
    root = make_project(tmp_path / "p", exhibitors)
    catalog, _problems = load_catalog(root, ExpoSettings(featured_count=3), today=dt.date(2026, 11, 30))
    assert catalog is not None
    assert len(catalog.featured) == 3
    featured_weeks = [load_catalog(root, ExpoSettings(featured_count=3), today=dt.date(2026, 11, 30)
                                   + dt.timedelta(weeks=w))[0].featured for w in range(8)]
    assert sum(any(e.slug == "zz-murah" for e in week) for week in featured_weeks) == 3  # 3 of 8, like all


def test_lookalike_shop_hosts_are_not_shops_and_show_their_real_host(tmp_path):
    yml = GOOD_YML.replace("  - https://shopee.co.id/batiksari", "  - https://tokopedia.com.evil.io/batiksari").replace(
        "website: https://batiksari.example.com", "website: https://www.tokopedia.com.evil.io/login")
    catalog, problems = load_catalog(booth(tmp_path, yml), ExpoSettings(), today=TODAY)
    assert problems == []
    exhibitor = catalog.exhibitors[0]
    assert [s.label for s in exhibitor.marketplaces] == ["Tokopedia", "Toko online"]
    assert [c.label for c in exhibitor.contacts if c.kind == "website"] == ["www.tokopedia.com.evil.io/login"]


def test_a_cyrillic_or_zero_width_copy_of_a_name_is_a_duplicate(tmp_path):
    for i, copy in enumerate(["Bаtik Sari", "Batik\u200b Sari", "ＢＡＴＩＫ ＳＡＲＩ", "BatikSari"]):
        root = make_project(tmp_path / str(i), {"batik-sari": GOOD_YML, "batik-sari-2": GOOD_YML.replace(
            "name: Batik Sari", f"name: {copy}")})
        assert check(root) == [
            'exhibitors/batik-sari-2/exhibitor.yml: name: peringatan: booth "batik-sari" memakai nama yang '
            "sama. Pengunjung akan sulit membedakan; tambahkan nama kota atau ciri khas pada nama usaha"], copy


@pytest.mark.parametrize("kind, value", [("nib", "0000000000000"), ("halal", "ID00000000000000000"),
                                         ("pirt", "000000000000000"), ("sni", "TERVERIFIKASI PANITIA & KEMENKES")])
def test_credentials_that_mean_nothing_get_no_badge(tmp_path, kind, value):
    root = booth(tmp_path, GOOD_YML.replace('  nib: "1234567890123"', f'  {kind}: "{value}"'))
    catalog, problems = load_catalog(root, ExpoSettings(), today=TODAY)
    assert catalog is None and [p.field for p in problems] == [f"credentials.{kind}"]


@pytest.mark.parametrize("value", ["SNI 7325:2008", "SNI ISO 9001:2015", "SNI 01-3751-2006",
                                   "01-02-0001-2019", "824/LSPro-BBKK/VII/2019"])
def test_real_sni_shapes_are_accepted(tmp_path, value):
    root = booth(tmp_path, GOOD_YML.replace('  nib: "1234567890123"', f'  sni: "{value}"'))
    catalog, problems = load_catalog(root, ExpoSettings(), today=TODAY)
    assert problems == [] and catalog.exhibitors[0].credentials[0].number == value.upper()


def test_joined_today_is_fine(tmp_path):
    root = booth(tmp_path, GOOD_YML.replace("joined: 2026-11-01", f"joined: {TODAY.isoformat()}"))
    assert check(root) == []


def test_an_unknown_field_with_no_near_name_is_not_told_to_delete_first(tmp_path):
    root = booth(tmp_path, GOOD_YML.replace("tagline: Batik tulis warna alam", "warna: merah"))
    assert check(root) == [
        f'{Y}:2: warna: kolom "warna" tidak dikenal. Periksa ejaannya dengan kolom yang bisa dipakai: name, '
        "tagline, tagline_en, category, city, address, owners, whatsapp, email, website, instagram, facebook, "
        "tiktok, "
        "marketplaces, video, logo, cover, credentials, products, joined, editions"]


def test_a_jpeg_over_the_pixel_limit_is_shrunk_with_a_warning_and_builds(tmp_path):
    """A phone photo over the megapixel limit cannot be fixed on the phone: JPEGs (decoded
    scaled down) are shrunk; other formats, which decode in full, are still refused."""
    import io

    from expo.cli.build import build

    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML}, extra_settings="EXPO_MAX_PHOTO_MEGAPIXELS = 1\n")
    write_photo(root / "exhibitors/batik-sari/kain.jpg", size=(1600, 1200))  # 1.9 MP
    write_photo(root / "exhibitors/batik-sari/selendang.jpg", size=(800, 600))
    _catalog, problems = load_catalog(root, ExpoSettings(max_photo_megapixels=1), today=TODAY)
    assert [p.format() for p in problems] == [
        f'{Y}:25: products[1].photos[1]: peringatan: foto "kain.jpg" sangat besar (1.9 megapiksel, batas 1); '
        "situs mengecilkannya sendiri, tetapi file aslinya tersimpan selamanya. Sebaiknya unggah versi yang "
        "lebih kecil"]
    site = build(root, out=io.StringIO()).output
    assert any((site / "media" / "batik-sari").glob("kain-*"))
    write_photo(root / "exhibitors/batik-sari/kain.jpg", size=(2400, 2000))  # 4.8 MP: over 4x the limit
    _catalog, problems = load_catalog(root, ExpoSettings(max_photo_megapixels=1), today=TODAY)
    assert [p.key for p in problems] == ["photo_too_many_pixels"]


def test_a_png_over_the_pixel_limit_is_still_refused(tmp_path):
    root = booth(tmp_path, GOOD_YML.replace("      - kain.jpg", "      - kain.png"))
    write_photo(root / "exhibitors/batik-sari/kain.png", size=(1600, 1200))
    _catalog, problems = load_catalog(root, ExpoSettings(max_photo_megapixels=1), today=TODAY)
    assert [p.key for p in problems] == ["photo_too_many_pixels"]
