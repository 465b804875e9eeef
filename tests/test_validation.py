"""Validation messages, pinned word for word: they are what an exhibitor reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from expo.content.catalog import load_catalog
from expo.content.errors import format_report
from expo.settings import ExpoSettings
from sitekit import GOOD_YML, make_project, write_exhibitor


def check(tmp_path: Path, yml: str, lang: str = "id", slug: str = "batik-sari", **settings) -> list[str]:
    root = make_project(tmp_path / "p", {slug: yml})
    _catalog, problems = load_catalog(root, ExpoSettings(lang=lang, **settings))
    return [p.format(lang) for p in sorted(problems, key=lambda p: p.sort_key())]


def replace(old: str, new: str) -> str:
    assert old in GOOD_YML
    return GOOD_YML.replace(old, new)


def test_the_sample_exhibitor_is_valid(tmp_path):
    assert check(tmp_path, GOOD_YML) == []


CASES = [
    # (change to the good file, the message exactly)
    (("category: batik", "category: bati"),
     'exhibitors/batik-sari/exhibitor.yml:3: category: "bati" bukan kategori yang dikenal. '
     'Maksud Anda "batik"? Pilihan: batik, fesyen, kuliner, kerajinan, aksesoris, perikanan, lainnya'),
    (("category: batik", "category: mainan"),
     'exhibitors/batik-sari/exhibitor.yml:3: category: "mainan" bukan kategori yang dikenal. '
     'Pilih salah satu: batik, fesyen, kuliner, kerajinan, aksesoris, perikanan, lainnya'),
    (("tagline: Batik tulis warna alam\n", "tagline: Batik tulis warna alam\nemial: a@b.co\n"),
     'exhibitors/batik-sari/exhibitor.yml:3: emial: kolom "emial" tidak dikenal. Maksud Anda "email"?'),
    (("city: Kota Pekalongan\n", ""),
     'exhibitors/batik-sari/exhibitor.yml:1: city: wajib diisi. Tambahkan baris "city: ..."'),
    (('whatsapp: "0812-2233-4455"', 'whatsapp: "0812-34"'),
     'exhibitors/batik-sari/exhibitor.yml:8: whatsapp: "0812-34" bukan nomor yang valid (jumlah angka '
     'atau awalannya salah). Periksa lagi nomornya, misalnya 0812-3456-7890'),
    (('whatsapp: "0812-2233-4455"', 'whatsapp: "+60 12-345 6789"'),
     'exhibitors/batik-sari/exhibitor.yml:8: whatsapp: "+60 12-345 6789" bukan nomor Indonesia. '
     'Tulis nomor WhatsApp Indonesia seperti 0812-3456-7890'),
    (("    price: 150000", "    price: 150.0000"),
     'exhibitors/batik-sari/exhibitor.yml:31: products[2].price: "150.0000" bukan harga yang bisa dibaca. '
     'Tulis harga dalam Rupiah, misalnya 150000, 150.000, Rp150.000, 150rb, atau rentang 150.000 - 200.000'),
    (("    price_max: 1200000", "    price_max: 800000"),
     "exhibitors/batik-sari/exhibitor.yml:23: products[1].price_max: harga tertinggi (800000) lebih "
     "kecil dari harga (850000). Tukar kedua angka atau hapus price_max"),
    (("      - selendang.jpg", "      - Selendang.JPG"),
     'exhibitors/batik-sari/exhibitor.yml:33: products[2].photos[1]: foto "Selendang.JPG" tidak ada di '
     'folder ini. Maksud Anda "selendang.jpg"? (huruf besar/kecil dibedakan)'),
    (("      - selendang.jpg", "      - ../../secret.jpg"),
     'exhibitors/batik-sari/exhibitor.yml:33: products[2].photos[1]: "../../secret.jpg" bukan nama file '
     "di folder ini. Simpan foto di folder exhibitors/batik-sari/ dan tulis nama filenya saja, tanpa / atau .."),
    (("      - selendang.jpg", "      - selendang.gif"),
     'exhibitors/batik-sari/exhibitor.yml:33: products[2].photos[1]: "selendang.gif" bukan jenis foto '
     "yang didukung. Pakai .jpg, .jpeg, .png, .webp atau .heic"),
    (("  - name: Selendang Sutra", "  - name: kain batik tulis parang"),
     'exhibitors/batik-sari/exhibitor.yml:30: products[2].name: produk "kain batik tulis parang" sudah '
     "ada di baris 21. Beri nama yang berbeda"),
    (("  - name: Selendang Sutra", "  - name: Kain Batik Tulis (Parang)"),
     'exhibitors/batik-sari/exhibitor.yml:30: products[2].name: nama produk "Kain Batik Tulis (Parang)" '
     'menghasilkan alamat yang sama dengan "Kain Batik Tulis Parang" (baris 21): kain-batik-tulis-parang. '
     "Bedakan namanya"),
    (("video: https://youtu.be/dQw4w9WgXcQ", "video: https://www.dailymotion.com/video/x7"),
     'exhibitors/batik-sari/exhibitor.yml:15: video: "https://www.dailymotion.com/video/x7" bukan video '
     "YouTube atau Vimeo. Unggah video ke YouTube atau Vimeo, lalu salin alamatnya (misalnya https://youtu.be/...)"),
    (("website: https://batiksari.example.com", "website: javascript:alert(1)"),
     'exhibitors/batik-sari/exhibitor.yml:10: website: "javascript:alert(1)" bukan alamat web yang '
     "diizinkan. Tulis alamat lengkap yang diawali https://"),
    (("email: sari@example.com", "email: sari-at-example"),
     'exhibitors/batik-sari/exhibitor.yml:9: email: "sari-at-example" bukan alamat email. Tulis seperti '
     "nama@contoh.com"),
    (('instagram: "@batiksari"', "instagram: https://evil.example.com/batiksari"),
     'exhibitors/batik-sari/exhibitor.yml:11: instagram: "https://evil.example.com/batiksari" bukan nama '
     "akun Instagram yang valid. Tulis nama akunnya saja (misalnya @batiksari) atau alamat lengkap profilnya"),
    (("  - sari-batik", "  - https://github.com/sari"),
     'exhibitors/batik-sari/exhibitor.yml:7: owners[1]: "https://github.com/sari" bukan nama pengguna '
     "GitHub yang valid. Tulis nama pengguna saja, tanpa @ dan tanpa alamat, misalnya sari-batik"),
    (("name: Batik Sari", "name: " + "B" * 81),
     "exhibitors/batik-sari/exhibitor.yml:1: name: terlalu panjang (81 karakter, maksimum 80). "
     "Persingkat teksnya"),
    (("joined: 2026-11-01", "joined: 1 November"),
     'exhibitors/batik-sari/exhibitor.yml:19: joined: "1 November" bukan tanggal. Tulis seperti '
     "2026-11-01 (tahun-bulan-tanggal)"),
]


@pytest.mark.parametrize("change, message", CASES, ids=[c[0][1][:30] for c in CASES])
def test_message_is_exact(tmp_path, change, message):
    assert check(tmp_path, replace(*change)) == [message]


def test_english_messages_on_request(tmp_path):
    assert check(tmp_path, replace("category: batik", "category: bati"), lang="en") == [
        'exhibitors/batik-sari/exhibitor.yml:3: category: "bati" is not a known category. Did you mean '
        '"batik"? Choices: batik, fesyen, kuliner, kerajinan, aksesoris, perikanan, lainnya']


def test_every_problem_of_every_exhibitor_is_reported_at_once(tmp_path):
    root = make_project(tmp_path / "p")
    write_exhibitor(root, "batik-sari", replace("category: batik", "category: bati").replace("price: 150000", "price: murah"))
    write_exhibitor(root, "keripik-bu-sri", "name: Keripik\n")
    catalog, problems = load_catalog(root, ExpoSettings())
    assert catalog is None
    report = format_report(problems)
    assert report.splitlines() == [
        "batik-sari",
        '  exhibitors/batik-sari/exhibitor.yml:3: category: "bati" bukan kategori yang dikenal. Maksud Anda '
        '"batik"? Pilihan: batik, fesyen, kuliner, kerajinan, aksesoris, perikanan, lainnya',
        '  exhibitors/batik-sari/exhibitor.yml:31: products[2].price: "murah" bukan harga yang bisa dibaca. '
        "Tulis harga dalam Rupiah, misalnya 150000, 150.000, Rp150.000, 150rb, atau rentang 150.000 - 200.000",
        "",
        "keripik-bu-sri",
        '  exhibitors/keripik-bu-sri/exhibitor.yml:1: category: wajib diisi. Tambahkan baris "category: ..."',
        '  exhibitors/keripik-bu-sri/exhibitor.yml:1: city: wajib diisi. Tambahkan baris "city: ..."',
        "  exhibitors/keripik-bu-sri/exhibitor.yml:1: name: peringatan: booth ini belum punya video. Video "
        'produk singkat dari HP (unggah ke YouTube, lalu tulis "video: https://youtu.be/...") membuat '
        "pengunjung lebih yakin",
        '  exhibitors/keripik-bu-sri/exhibitor.yml:1: owners: wajib diisi. Tambahkan baris "owners: ..."',
        '  exhibitors/keripik-bu-sri/exhibitor.yml:1: products: wajib diisi. Tambahkan baris "products: ..."',
        "  exhibitors/keripik-bu-sri/exhibitor.yml:1: whatsapp: isi whatsapp atau marketplaces agar pengunjung "
        'bisa memesan. Tambahkan baris "whatsapp: 0812-3456-7890" atau daftar toko online di "marketplaces"',
        "",
        "7 kesalahan, 1 peringatan. Perbaiki kesalahan di atas, lalu jalankan lagi.",
    ]


def test_landline_is_a_warning_not_an_error(tmp_path):
    assert check(tmp_path, replace('whatsapp: "0812-2233-4455"', 'whatsapp: "(0285) 421234"')) == [
        'exhibitors/batik-sari/exhibitor.yml:8: whatsapp: peringatan: "(0285) 421234" tampaknya nomor '
        "telepon rumah/kantor, bukan nomor HP. WhatsApp biasanya memakai nomor HP (08...); pastikan nomor "
        "ini terdaftar di WhatsApp"]


def test_unquoted_number_keeps_the_digits_the_exhibitor_typed(tmp_path):
    # YAML reads 0271234567 (digits 0-7 only) as an octal number; the number must survive
    root = make_project(tmp_path / "p", {"batik-sari": replace('whatsapp: "0812-2233-4455"', "whatsapp: 081234567012")})
    catalog, problems = load_catalog(root, ExpoSettings())
    assert problems == []
    assert catalog.exhibitors[0].whatsapp.digits == "6281234567012"


def test_folder_name_must_be_a_slug(tmp_path):
    assert check(tmp_path, GOOD_YML, slug="Batik Sari") == [
        'exhibitors/Batik Sari: nama folder "Batik Sari" tidak bisa dipakai sebagai alamat booth. Ganti '
        'nama folder dengan huruf kecil, angka dan tanda hubung saja, misalnya "batik-sari"']


def test_bukalapak_gets_a_warning(tmp_path):
    lines = check(tmp_path, replace("  - https://shopee.co.id/batiksari", "  - https://www.bukalapak.com/u/batiksari"))
    assert lines == [
        "exhibitors/batik-sari/exhibitor.yml:14: marketplaces[2]: peringatan: Bukalapak berhenti menjual "
        "barang fisik sejak 2025, jadi tautan ini mungkin tidak bisa dipakai untuk memesan. Ganti dengan "
        "toko di marketplace lain"]


def test_a_booth_without_video_gets_a_nudge_unless_switched_off(tmp_path):
    yml = replace("video: https://youtu.be/dQw4w9WgXcQ\n", "")
    assert check(tmp_path / "a", yml) == [
        "exhibitors/batik-sari/exhibitor.yml:1: name: peringatan: booth ini belum punya video. Video produk "
        'singkat dari HP (unggah ke YouTube, lalu tulis "video: https://youtu.be/...") membuat pengunjung '
        "lebih yakin"]
    assert check(tmp_path / "b", yml, recommend_video=False) == []


def test_a_very_large_photo_is_a_warning(tmp_path):
    from PIL import Image

    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML})
    photo = root / "exhibitors/batik-sari/kain.jpg"
    Image.effect_noise((1500, 1500), 120).convert("RGB").save(photo, quality=100)
    size = round(photo.stat().st_size / 1024 / 1024, 1)
    _catalog, problems = load_catalog(root, ExpoSettings(large_photo_megabytes=1))
    assert [p.format() for p in problems] == [
        f'exhibitors/batik-sari/exhibitor.yml:25: products[1].photos[1]: peringatan: foto "kain.jpg" besar '
        f"sekali ({size} MB, disarankan di bawah 1 MB). Situs tetap memperkecilnya, tetapi file aslinya "
        "disimpan selamanya; kirim versi yang lebih kecil"]
