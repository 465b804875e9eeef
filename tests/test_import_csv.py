"""`invoke import-csv`: spreadsheet rows -> exhibitor folders, with every problem as a row/column."""

from __future__ import annotations

import ast
import csv
import io
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings as hsettings, strategies as st
from invoke.exceptions import Exit

from expo.cli import commands
from expo.cli.build import build, validate
from expo.importer.columns import ALIASES, map_headers, normalise
from expo.text.import_messages import IMPORT_MESSAGES
from expo.importer.writer import dump_yaml, run_import
from expo.importer.rows import (
    ImportFailed,
    PhotoFolder,
    Quoted,
    decode,
    plan_import,
    read_table,
)
from expo.settings import DEFAULT_CATEGORIES
from expo.values.prices import parse_price
from expo.content.loader import parse_yaml
from expo.text.messages import MESSAGES
from sitekit import REPO, make_project, write_photo

HEADER = "Nama Usaha,Kategori,Kota/Kabupaten,Owners,Nomor WhatsApp,Nama Produk,Harga,Foto,Deskripsi"
BATIK_ROWS = (
    'Batik Sari,Batik,Kota Pekalongan,sari-batik,0812-2233-4455,Kain Parang,Rp850.000,"kain.jpg, kain-2.jpg",'
    '"Batik tulis, 2 x 1,15 m."\n'
    "Batik Sari,Batik,Kota Pekalongan,sari-batik,0812-2233-4455,Selendang,150.000,selendang.jpg,\n"
)
KERIPIK_ROW = "Keripik Bu Sri,Kuliner,Kabupaten Batang,bu-sri,0813-1111-2222,Keripik Tempe,15000,tempe.jpg,\n"
PHOTOS = ("kain.jpg", "kain-2.jpg", "selendang.jpg", "tempe.jpg", "baru.jpg")


@pytest.fixture
def root(tmp_path) -> Path:
    # these tests pin import reports line by line; the video advice is tested on its own below
    return make_project(tmp_path / "project", exhibitors={}, extra_settings="EXPO_RECOMMEND_VIDEO = False\n")


@pytest.fixture
def photos(tmp_path) -> Path:
    folder = tmp_path / "foto"
    for name in PHOTOS:
        write_photo(folder / name, size=(640, 480))
    return folder


def run(root: Path, photos: Path, text: str | bytes, **options) -> tuple[int, str]:
    csv_file = photos.parent / "produk.csv"
    csv_file.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    out = io.StringIO()
    code = run_import(root, csv_file, photos, out=out, **options)
    return code, out.getvalue()


def read_yml(root: Path, slug: str) -> dict:
    return yaml.safe_load((root / "exhibitors" / slug / "exhibitor.yml").read_text(encoding="utf-8"))


def report_lines(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.startswith("  produk.csv")]


# --- prices


@pytest.mark.parametrize("text, expected", [
    ("", (None, None)),
    ("150000", (150000, None)),
    ("150.000", (150000, None)),
    ("150,000", (150000, None)),
    ("Rp150.000", (150000, None)),
    ("Rp 150.000", (150000, None)),
    ("rp. 150.000", (150000, None)),
    ("IDR 150.000", (150000, None)),
    ("Rp150.000,-", (150000, None)),
    ("Rp150.000,00", (150000, None)),
    ("150000.00", (150000, None)),
    ("1.250.000", (1250000, None)),
    ("1,250,000.00", (1250000, None)),
    ("Rp 1 250 000", (1250000, None)),
    ("150rb", (150000, None)),
    ("150 ribu", (150000, None)),
    ("15k", (15000, None)),
    ("1,5jt", (1500000, None)),
    ("2 juta", (2000000, None)),
    ("Rp50.000 - Rp75.000", (50000, 75000)),
    ("50.000–75.000", (50000, 75000)),
    ("Rp50.000,- s/d Rp75.000,-", (50000, 75000)),
    ("15rb sampai 20rb", (15000, 20000)),
])
def test_prices_as_people_type_them(text, expected):
    assert parse_price(text) == expected


@pytest.mark.parametrize("text", [
    "Rp15,5", "150.5", "1.50", "1.250,000", "15.0000", "gratis", "Rp", "-5000", "1 - 2 - 3",
    "1.500rb", "1,2345jt", "6,28123E+12", "99999999999",
])
def test_prices_we_refuse(text):
    with pytest.raises(ValueError):
        parse_price(text)


# --- the file and its header


@pytest.mark.parametrize("header, column", [
    ("Nama Usaha", "name"), ("Nama Toko *", "name"), ("Kategori", "category"),
    ("Kota/Kabupaten", "city"), ("Kota / Kabupaten", "city"), ("Nomor WhatsApp", "whatsapp"),
    ("No. HP/WA", "whatsapp"), ("Nama Produk (wajib)", "product_name"), ("Harga", "price"),
    ("Harga (Rp)", "price"), ("Foto", "photos"), ("E-mail", "email"), ("P-IRT", "pirt"),
    ("product_name", "product_name"), ("price max", "price_max"), ("Link Produk", "product_links"),
])
def test_indonesian_and_english_header_variants(header, column):
    assert ALIASES[normalise(header)] == column


def test_unknown_and_repeated_headers_are_told_apart():
    columns = map_headers(["Nama Usaha", "Kategory", "Foto", "Foto Produk", "Warna", "Timestamp", ""])
    assert columns.index == {"name": 0, "photos": 2}
    assert columns.unknown == (("Kategory", "category"), ("Warna", None))
    assert columns.duplicates == (("photos", "Foto", "Foto Produk"),)


def test_comma_semicolon_and_tab_files_read_the_same():
    rows = [["Nama Usaha", "Harga", "Deskripsi"], ["Batik Sari", "Rp150.000", "Kain, halus; bagus"]]
    for delimiter in (",", ";", "\t"):
        text = "\n".join(delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows)
        table = read_table(text + "\n")
        assert table.delimiter == delimiter
        assert table.headers == tuple(rows[0])
        assert table.rows == ((2, tuple(rows[1])),)


def test_a_title_above_the_header_keeps_spreadsheet_row_numbers():
    table = read_table("DATA PESERTA EXPO 2026;;\n;;\nNama Usaha;Nama Produk;Harga\nBatik Sari;Kain;150.000\n")
    assert (table.header_row, table.rows) == (3, ((4, ("Batik Sari", "Kain", "150.000")),))


def test_bom_is_accepted_and_other_encodings_get_a_re_export_hint():
    assert decode("\ufeffNama Usaha\n".encode("utf-8")) == "Nama Usaha\n"
    with pytest.raises(ImportFailed) as caught:
        decode("Nama Usaha\nKopi Gayo Aceh\nCafé\n".encode("cp1252"))
    assert (caught.value.key, caught.value.params) == ("csv_encoding", {"row": 3})
    with pytest.raises(ImportFailed) as caught:
        decode(b"PK\x03\x04 an xlsx file")
    assert caught.value.key == "csv_is_workbook"


# --- rows -> booths (pure)


def plan(text: str, **options):
    photos = PhotoFolder("foto", frozenset({"a.jpg"}))
    return plan_import(read_table(text), "produk.csv", photos, {}, DEFAULT_CATEGORIES, owner="panitia", **options)


def test_rows_without_a_business_name_belong_to_the_booth_of_the_row_above():
    result = plan("Nama Usaha;Slug;Kategori;Kota;WA;Nama Produk;Foto\n"
                  "Toko A;;Kuliner;Batang;081234567890;Satu;a.jpg\n"
                  "Toko B;;Batik;Batang;081234567890;Dua;a.jpg\n"
                  "Toko A;;;;;Tiga;a.jpg\n"
                  ";;;;;Empat;a.jpg\n"
                  "Toko C;toko-a;;;;Lima;a.jpg\n")
    assert result.problems[0].format() == (
        'produk.csv:6: Nama Usaha: isinya "Toko C" berbeda dengan baris 2 ("Toko A") untuk booth '
        "yang sama. Samakan isinya di semua baris booth ini, atau kosongkan sel ini")
    booths = {b.slug: [p["name"] for p in b.document["products"]] for b in result.booths}
    assert booths == {"toko-a": ["Satu", "Tiga", "Empat", "Lima"], "toko-b": ["Dua"]}
    assert [b.ready for b in result.booths] == [False, True]


def test_category_labels_become_keys_and_cells_are_remembered():
    result = plan("Nama Usaha,Kategori,Kota,WA,Nama Produk,Harga,Foto\n"
                  "Toko A,Kerajinan,Batang,0812 3456 7890,Satu,-,a.jpg\n"
                  "Toko A,kerajinan,,+62 812-3456-7890,Dua,Rp5.000,a.jpg\n")
    (booth,) = result.booths
    assert result.problems == () and booth.ready
    assert booth.document["category"] == "kerajinan"
    assert booth.document["owners"] == ["panitia"]
    assert "price" not in booth.document["products"][0]
    assert booth.cells["products[2].price"] == (3, "Harga")
    assert booth.cells["whatsapp"] == (2, "WA")


# --- whole imports


def test_comma_csv_with_indonesian_headers_becomes_folders(root, photos):
    code, output = run(root, photos, HEADER + "\n" + BATIK_ROWS + KERIPIK_ROW)
    assert code == 0, output
    assert read_yml(root, "batik-sari") == {
        "name": "Batik Sari", "category": "batik", "city": "Kota Pekalongan",
        "owners": ["sari-batik"], "whatsapp": "0812-2233-4455",
        "products": [
            {"name": "Kain Parang", "price": 850000, "photos": ["kain.jpg", "kain-2.jpg"],
             "description": "Batik tulis, 2 x 1,15 m."},
            {"name": "Selendang", "price": 150000, "photos": ["selendang.jpg"]},
        ],
    }
    assert sorted(p.name for p in (root / "exhibitors" / "batik-sari").iterdir()) == [
        "exhibitor.yml", "kain-2.jpg", "kain.jpg", "selendang.jpg"]
    assert read_yml(root, "keripik-bu-sri")["products"][0]["photos"] == ["tempe.jpg"]
    text = (root / "exhibitors" / "batik-sari" / "exhibitor.yml").read_text(encoding="utf-8")
    assert 'whatsapp: "0812-2233-4455"' in text  # quoted, so a later edit keeps it text
    assert output.splitlines()[-1] == "2 booth ditulis, 0 booth tidak ditulis (0 kesalahan, 0 peringatan)."


def test_semicolon_csv_with_bom_from_indonesian_excel(root, photos):
    rows = (HEADER + "\n" + BATIK_ROWS).splitlines()
    semicolon = "\r\n".join(";".join(next(csv.reader([line]))) for line in rows) + "\r\n"
    code, output = run(root, photos, b"\xef\xbb\xbf" + semicolon.encode("utf-8"))
    assert code == 0, output
    assert read_yml(root, "batik-sari")["products"][0]["description"] == "Batik tulis, 2 x 1,15 m."
    assert [p["price"] for p in read_yml(root, "batik-sari")["products"]] == [850000, 150000]


def test_booth_details_only_on_the_first_row_as_with_merged_cells(root, photos):
    text = (HEADER + "\n" + BATIK_ROWS.splitlines()[0] + "\n"
            ",,,,,Selendang,Rp150.000 - Rp200.000,selendang.jpg,\"Dua baris:\nsutra halus\"\n")
    code, output = run(root, photos, text)
    assert code == 0, output
    products = read_yml(root, "batik-sari")["products"]
    assert products[1] == {"name": "Selendang", "price": 150000, "price_max": 200000,
                           "photos": ["selendang.jpg"], "description": "Dua baris:\nsutra halus"}
    assert "description: |-\n    Dua baris:\n    sutra halus" in (
        root / "exhibitors" / "batik-sari" / "exhibitor.yml").read_text(encoding="utf-8")


def test_conflicting_booth_values_keep_the_booth_out_but_not_the_others(root, photos):
    conflict = BATIK_ROWS.replace("Kota Pekalongan,sari-batik,0812-2233-4455,Selendang",
                                  "Kabupaten Pekalongan,sari-batik,0812-2233-4455,Selendang")
    code, output = run(root, photos, HEADER + "\n" + conflict + KERIPIK_ROW)
    assert code == 1
    assert report_lines(output) == [
        'produk.csv:3: Kota/Kabupaten: isinya "Kabupaten Pekalongan" berbeda dengan baris 2 '
        '("Kota Pekalongan") untuk booth yang sama. Samakan isinya di semua baris booth ini, atau '
        "kosongkan sel ini",
    ]
    assert not (root / "exhibitors" / "batik-sari").exists()
    assert (root / "exhibitors" / "keripik-bu-sri" / "exhibitor.yml").is_file()
    assert "1 booth ditulis, 1 booth tidak ditulis (1 kesalahan, 0 peringatan)." in output


def test_missing_photo_and_a_case_slip(root, photos):
    text = HEADER + "\n" + KERIPIK_ROW.replace("tempe.jpg", "\"Tempe.JPG, tahu.jpg\"")
    code, output = run(root, photos, text)
    assert code == 1
    assert report_lines(output) == [
        f'produk.csv:2: Foto: foto "tahu.jpg" tidak ada di folder {photos}. Periksa ejaan nama file '
        "(termasuk .jpg) atau salin fotonya ke folder itu",
        f'produk.csv:2: Foto: foto "Tempe.JPG" tidak ada di folder {photos}. Maksud Anda "tempe.jpg"? '
        "(huruf besar/kecil dibedakan)",
    ]
    assert not (root / "exhibitors").exists()


def test_photo_names_cannot_leave_the_photo_folder(root, photos, tmp_path):
    secret = tmp_path / "rahasia.jpg"
    write_photo(secret)
    (photos / "tautan.jpg").symlink_to(secret)
    (photos / "sub").mkdir()
    write_photo(photos / "sub" / "dalam.jpg")
    names = "../rahasia.jpg; /etc/passwd.jpg; sub/dalam.jpg; ..\\\\rahasia.jpg; tautan.jpg; .tersembunyi.jpg"
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW.replace("tempe.jpg", f'"{names}"'))
    assert code == 1
    keys = [line.split(": ", 2)[2] for line in report_lines(output)]
    assert len(keys) == 6
    assert sum("harus nama file saja" in k for k in keys) == 5
    assert sum("tautan (symlink) ke luar folder" in k for k in keys) == 1
    assert not (root / "exhibitors").exists()
    assert not list(root.glob(".import-*"))  # the staging folder is gone


def test_bad_whatsapp_number_is_reported_with_its_row(root, photos):
    code, output = run(root, photos, HEADER + "\n" + BATIK_ROWS + KERIPIK_ROW.replace("0813-1111-2222", "0813-11"))
    assert code == 1
    assert report_lines(output) == [
        'produk.csv:4: Nomor WhatsApp: "0813-11" bukan nomor yang valid (jumlah angka atau awalannya '
        "salah). Periksa lagi nomornya, misalnya 0812-3456-7890",
    ]
    assert (root / "exhibitors" / "batik-sari").is_dir()
    assert not (root / "exhibitors" / "keripik-bu-sri").exists()


def test_pinned_messages_in_english(root, photos):
    text = HEADER + "\n" + KERIPIK_ROW.replace("15000", '"Rp15,5"').replace("tempe.jpg", "../tempe.jpg")
    code, output = run(root, photos, text, lang="en")
    assert code == 1
    assert output.splitlines() == [
        "produk.csv",
        f'  produk.csv:2: Foto: "../tempe.jpg" must be a file name only, without a folder, / or .. '
        f"(for example kain-batik.jpg). Put the photo directly in the folder {photos}",
        '  produk.csv:2: Harga: "Rp15,5" is not a price we can read. Write for example 150000, '
        "150.000, Rp150.000 or Rp150.000 - Rp200.000; leave it empty to show no price",
        "",
        "0 booth(s) written, 1 booth(s) not written (2 error(s), 0 warning(s)).",
        "Fix the cells named above in the spreadsheet (the number after the file name is the row "
        "number), save again as UTF-8 CSV, then import again. Booths already written need --update.",
    ]


def test_all_mistakes_of_a_booth_are_reported_in_one_run(root, photos):
    # a spreadsheet problem (price) and a contract problem (category) in the same booth
    text = HEADER + "\n" + KERIPIK_ROW.replace("Kuliner", "kulner").replace("15000", "lima belas ribu")
    code, output = run(root, photos, text)
    assert code == 1
    assert [line.split(": ")[1] for line in report_lines(output)] == ["Harga", "Kategori"]
    assert 'Maksud Anda "kuliner"?' in output


def test_a_reversed_price_range_is_reported_on_its_cell(root, photos):
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW.replace("15000", "Rp20.000 - Rp15.000"))
    assert code == 1
    assert report_lines(output) == [
        "produk.csv:2: Harga: harga tertinggi (15000) lebih kecil dari harga (20000). Tukar kedua "
        "angka atau hapus price_max",
    ]


def test_header_problems_stop_before_any_row(root, photos):
    code, output = run(root, photos, "Nama Usaha;Kategory;Foto;Foto Produk\nBatik Sari;batik;a.jpg;b.jpg\n")
    assert code == 1
    assert report_lines(output) == [
        'produk.csv:1: kolom category tidak ada di baris judul. Tambahkan kolom itu, misalnya '
        '"Kategori"; nama kolom lain yang bisa dipakai ada di docs/import-csv.md',
        'produk.csv:1: kolom city tidak ada di baris judul. Tambahkan kolom itu, misalnya '
        '"Kota/Kabupaten"; nama kolom lain yang bisa dipakai ada di docs/import-csv.md',
        'produk.csv:1: kolom product_name tidak ada di baris judul. Tambahkan kolom itu, misalnya '
        '"Nama Produk"; nama kolom lain yang bisa dipakai ada di docs/import-csv.md',
        'produk.csv:1: kolom whatsapp / marketplaces tidak ada di baris judul. Tambahkan kolom itu, '
        'misalnya "Nomor WhatsApp / Marketplace"; nama kolom lain yang bisa dipakai ada di '
        "docs/import-csv.md",
        "produk.csv:1: kolom owners (nama pengguna GitHub pemilik booth) tidak ada. Tambahkan kolom "
        "itu, atau jalankan impor dengan --owner <nama-pengguna-github> untuk semua booth",
        'produk.csv:1: Foto Produk: kolom ini dan kolom "Foto" sama-sama berarti photos. Hapus atau '
        "ganti nama salah satunya",
        "produk.csv:1: Kategory: peringatan: kolom ini tidak dikenal dan dilewati. Maksud Anda category?",
    ]


def test_owner_option_fills_empty_owners(root, photos):
    text = HEADER + "\n" + KERIPIK_ROW.replace("bu-sri", "")
    assert run(root, photos, text)[0] == 1
    code, output = run(root, photos, text, owner="panitia-expo")
    assert code == 0, output
    assert read_yml(root, "keripik-bu-sri")["owners"] == ["panitia-expo"]


def test_excel_scientific_numbers_are_caught(root, photos):
    text = HEADER + ",NIB\n" + KERIPIK_ROW.replace("0813-1111-2222", "\"6,28131E+12\"").rstrip("\n") + ",1.23457E+12\n"
    code, output = run(root, photos, text)
    assert code == 1
    assert [line.split(": ")[1] for line in report_lines(output)] == ["NIB", "Nomor WhatsApp"]
    assert "Excel mengubah angka ini" in output


def test_existing_folder_is_not_overwritten(root, photos):
    folder = root / "exhibitors" / "keripik-bu-sri"
    folder.mkdir(parents=True)
    (folder / "exhibitor.yml").write_text("name: Lama\n", encoding="utf-8")
    code, output = run(root, photos, HEADER + "\n" + BATIK_ROWS + KERIPIK_ROW)
    assert code == 1
    assert report_lines(output) == [
        "produk.csv:4: Nama Usaha: folder exhibitors/keripik-bu-sri/ sudah ada, jadi booth ini tidak "
        "ditulis. Jalankan lagi dengan --update untuk mengganti exhibitor.yml-nya, atau beri booth "
        "ini slug lain",
    ]
    assert (folder / "exhibitor.yml").read_text(encoding="utf-8") == "name: Lama\n"
    assert sorted(p.name for p in folder.iterdir()) == ["exhibitor.yml"]
    assert (root / "exhibitors" / "batik-sari" / "exhibitor.yml").is_file()


def test_update_replaces_exhibitor_yml_and_adds_photos(root, photos):
    assert run(root, photos, HEADER + "\n" + KERIPIK_ROW)[0] == 0
    folder = root / "exhibitors" / "keripik-bu-sri"
    (folder / "about.md").write_text("Cerita kami.\n", encoding="utf-8")
    # tempe.jpg is already in the booth folder: an update may name it without sending it again
    (photos / "tempe.jpg").unlink()
    second = "Keripik Bu Sri,Kuliner,Kabupaten Batang,bu-sri,0813-1111-2222,Tahu Crispy,Rp12.000,baru.jpg,\n"
    text = HEADER + "\n" + KERIPIK_ROW.replace("15000", "17.500") + second
    code, output = run(root, photos, text)
    assert code == 1 and "--update" in output
    code, output = run(root, photos, text, update=True)
    assert code == 0, output
    assert "Diperbarui: exhibitors/keripik-bu-sri/ (2 produk, 1 foto baru)" in output
    products = read_yml(root, "keripik-bu-sri")["products"]
    assert [(p["name"], p["price"]) for p in products] == [("Keripik Tempe", 17500), ("Tahu Crispy", 12000)]
    assert sorted(p.name for p in folder.iterdir()) == ["about.md", "baru.jpg", "exhibitor.yml", "tempe.jpg"]


def test_an_owner_written_as_a_real_name_stays_one_invalid_owner(root, photos):
    # split on spaces, "Ibu Sari" would hand the folder to the GitHub accounts "Ibu" and "Sari"
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW.replace("bu-sri", '"Ibu Sari, @bu-sri"'))
    assert code == 1
    assert report_lines(output) == [
        'produk.csv:2: Owners: "Ibu Sari" bukan nama pengguna GitHub yang valid. Tulis nama pengguna '
        "saja, tanpa @ dan tanpa alamat, misalnya sari-batik",
    ]


def test_a_symlinked_booth_folder_is_never_written_through(root, photos, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "exhibitors").mkdir()
    (root / "exhibitors" / "keripik-bu-sri").symlink_to(elsewhere, target_is_directory=True)
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW, update=True)
    assert code == 1
    assert "exhibitors/keripik-bu-sri sudah ada tetapi bukan folder biasa" in output
    assert list(elsewhere.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_a_message(root, photos, monkeypatch):
    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("expo.importer.writer.os.rename", refuse)
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW)
    assert code == 1
    assert report_lines(output) == [
        "produk.csv:2: folder exhibitors/keripik-bu-sri/ tidak bisa ditulis (Permission denied). "
        "Periksa izin folder dan ruang disk, lalu impor lagi",
    ]
    assert "0 booth ditulis, 1 booth tidak ditulis" in output


def test_dry_run_checks_everything_and_writes_nothing(root, photos):
    code, output = run(root, photos, HEADER + "\n" + BATIK_ROWS + KERIPIK_ROW.replace("Kuliner", "kulner"),
                       dry_run=True)
    assert code == 1
    assert "Siap ditulis: exhibitors/batik-sari/ (2 produk, 3 foto baru)" in output
    assert '"kulner" bukan kategori yang dikenal' in output
    assert output.splitlines()[-2].startswith("Uji coba (--dry-run), tidak ada yang ditulis: 1 booth siap, 1 booth")
    assert not (root / "exhibitors").exists()
    assert not list(root.glob(".import-*"))


def test_warnings_are_reported_on_their_cell_and_do_not_stop_the_booth(tmp_path, photos):
    root = make_project(tmp_path / "advised", exhibitors={}, extra_settings="EXPO_RECOMMEND_VIDEO = True\n")
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW)
    assert code == 0
    assert report_lines(output) == [
        'produk.csv:2: Nama Usaha: peringatan: booth ini belum punya video. Video produk singkat dari '
        'HP (unggah ke YouTube, lalu tulis "video: https://youtu.be/...") membuat pengunjung lebih yakin',
    ]
    assert "1 booth ditulis, 0 booth tidak ditulis (0 kesalahan, 1 peringatan)." in output


def test_imported_folders_validate_and_build(root, photos):
    code, output = run(root, photos, HEADER + "\n" + BATIK_ROWS + KERIPIK_ROW)
    assert code == 0, output
    assert validate(root, out=io.StringIO()) == 0
    site = build(root, out=io.StringIO()).output
    page = (site / "booth" / "batik-sari" / "kain-parang" / "index.html").read_text(encoding="utf-8")
    assert "Rp850.000" in page and "wa.me/6281222334455" in page


def test_the_documented_example_imports_cleanly(root):
    out = io.StringIO()
    code = run_import(root, REPO / "docs" / "contoh-import.csv", REPO / "docs" / "contoh-foto", out=out)
    assert code == 0, out.getvalue()
    assert sorted(p.name for p in (root / "exhibitors").iterdir()) == ["batik-sari", "keripik-bu-sri"]
    assert read_yml(root, "keripik-bu-sri")["products"][1]["price_max"] == 20000


def test_the_command_exits_1_without_a_traceback(root, tmp_path, capsys):
    with pytest.raises(Exit) as caught:
        commands.run(commands.import_csv, root, str(tmp_path / "tidak-ada.csv"))
    assert caught.value.code == 1
    assert "tidak ditemukan (not found)" in capsys.readouterr().err


# --- exhibitor.yml is written safely


CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
                    | st.sampled_from("\n\t"), max_size=40)


@hsettings(max_examples=200, deadline=None)
@given(CELL_TEXT, CELL_TEXT)
def test_any_cell_text_survives_the_round_trip(text, number):
    document = {"name": text, "whatsapp": Quoted(number), "products": [{"name": text, "price": 5}]}
    problems: list = []
    loaded = parse_yaml(dump_yaml(document), "x.yml", problems)
    assert problems == []
    assert loaded.data == document


@pytest.mark.parametrize("value", ["yes", "No", "null", "~", "0812", "1e3", "2026-11-01", "- a", "#a",
                                   "a: b", "@batik", "!tag", "*alias", "&anchor", "'q'", '"q"'])
def test_values_yaml_would_misread_stay_text(value):
    assert parse_yaml(dump_yaml({"name": value}), "x.yml", []).data == {"name": value}


# --- messages and docs stay in step with the code


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_import_messages_have_both_languages_with_the_same_placeholders():
    for key, (indonesian, english) in IMPORT_MESSAGES.items():
        assert _placeholders(indonesian) == _placeholders(english), key
        assert MESSAGES[key] == (indonesian, english)


def test_import_message_keys_do_not_replace_exhibitor_messages():
    tree = ast.parse((REPO / "expo" / "text" / "messages.py").read_text(encoding="utf-8"))
    table = next(node.value for node in ast.walk(tree) if isinstance(node, ast.AnnAssign)
                 and getattr(node.target, "id", "") == "MESSAGES")
    assert {k.value for k in table.keys} & set(IMPORT_MESSAGES) == set()


def test_every_column_name_is_documented():
    doc = (REPO / "docs" / "import-csv.md").read_text(encoding="utf-8").casefold()
    missing = [alias for alias in ALIASES if f"`{alias}`" not in doc]
    assert missing == []


DOCUMENTED = (HEADER + "\n" + BATIK_ROWS.replace("selendang.jpg", "selendang.JPG")
              + "Keripik Bu Sri,Mainan,Kabupaten Batang,bu-sri,0813-11,Keripik Tempe,15rb,tempe.jpg,\n")


@pytest.mark.parametrize("lang, start, end", [("id", "## Laporan dan aturan", "\n---\n"),
                                              ("en", "## Report and rules", None)])
def test_the_documented_report_is_what_the_tool_prints(root, photos, lang, start, end):
    doc = (REPO / "docs" / "import-csv.md").read_text(encoding="utf-8")
    section = doc[doc.index(start):doc.index(end, doc.index(start)) if end else None]
    shown = section.split("```\n")[1].split("```")[0]
    code, output = run(root, photos, DOCUMENTED, lang=lang)
    assert code == 1
    assert output.replace(str(photos), "foto").strip() == shown.strip()  # run with --photos foto


def test_a_price_cell_of_100000_spaces_is_refused_quickly_and_not_echoed_whole(root, photos):
    """Issue 11 item 3: the old range pattern spent over 90 s on this cell."""
    import time

    cell = "1" + " " * 100_000 + "2"
    start = time.perf_counter()
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW.replace(",15000,", f",{cell},"), dry_run=True)
    assert time.perf_counter() - start < 30  # the whole import, photos included; the cell itself is instant
    assert code == 1
    line = next(line for line in report_lines(output) if "Harga" in line)
    assert len(line) < 400 and line.startswith('produk.csv:2: Harga: "1 ')


def test_every_import_column_is_a_field_of_the_contract():
    """The columns are import-csv's names for contract fields: renaming a field in
    expo/content/contract.py without the import table fails here."""
    from expo.content.contract import CREDENTIALS, EXHIBITOR, PRODUCT
    from expo.values.fieldnames import BOOTH_COLUMNS, CREDENTIAL_COLUMNS, PRODUCT_COLUMNS, yml_field

    booth_fields = tuple(f.name for f in EXHIBITOR)
    assert set(CREDENTIAL_COLUMNS) == {f.name for f in CREDENTIALS}
    assert {yml_field(c, "booth", booth_fields) for c in BOOTH_COLUMNS if c not in CREDENTIAL_COLUMNS + ("slug",)} \
        <= set(booth_fields)
    product_fields = tuple(f.name for f in PRODUCT)
    assert all(yml_field(c, "product", product_fields) in product_fields for c in PRODUCT_COLUMNS)
