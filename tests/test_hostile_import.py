"""Hostile spreadsheets for `invoke import-csv` (issue 11): quadratic planning (item 4), booth
takeover through --update (item 9), staging that copied gigabytes (item 12)."""

from __future__ import annotations

import shutil

import pytest

from expo.importer.rows import ImportLimits, PhotoFolder, plan_import, read_table
from expo.settings import DEFAULT_CATEGORIES
from growth import LINEAR, growth
from test_import_csv import HEADER, KERIPIK_ROW, photos, read_yml, report_lines, root, run  # noqa: F401
from sitekit import write_photo

ROW = "Toko A,Kuliner,Batang,081234567890,Produk {i},5000,a.jpg\n"
TABLE_HEADER = "Nama Usaha,Kategori,Kota,WA,Nama Produk,Harga,Foto\n"


def plan_rows(count: int, limits: ImportLimits = ImportLimits()):
    text = TABLE_HEADER + "".join(ROW.format(i=i) for i in range(count))
    return plan_import(read_table(text), "produk.csv", PhotoFolder("foto", frozenset({"a.jpg"})), {},
                       DEFAULT_CATEGORIES, owner="panitia", limits=limits)


# --- item 4: planning is linear and stops reading at the product limit

def test_rows_past_the_product_limit_get_one_message():
    result = plan_rows(6_000)
    assert [p.format() for p in result.problems] == [
        "produk.csv:202: Nama Produk: booth ini punya lebih dari 200 produk; baris ini dan baris berikutnya "
        "untuk booth ini tidak dibaca. Pilih paling banyak 200 produk untuk katalog dan hapus baris lainnya"]
    assert len(result.booths[0].document["products"]) == 200


def test_planning_time_grows_linearly_with_the_rows():
    # the limit lifted, so every row is read: duplicate names are looked up, not searched
    unlimited = ImportLimits(max_products=10**9)
    assert growth(lambda n: plan_rows(n, unlimited), 3_000) < LINEAR


# --- item 9: an update may not change who controls a booth

ATTACK = KERIPIK_ROW.replace("bu-sri", "penyerang").replace("0813-1111-2222", "0899-9999-0000")


def test_an_update_that_changes_owners_and_number_is_refused_with_the_difference(root, photos):
    assert run(root, photos, HEADER + "\n" + KERIPIK_ROW)[0] == 0
    before = read_yml(root, "keripik-bu-sri")
    code, output = run(root, photos, HEADER + "\n" + ATTACK, update=True)
    assert code == 1
    assert report_lines(output) == [
        'produk.csv:2: Nomor WhatsApp: baris ini mengubah whatsapp booth exhibitors/keripik-bu-sri/ dari '
        '"0813-1111-2222" menjadi "0899-9999-0000", jadi booth ini tidak diperbarui: whatsapp menentukan siapa '
        "yang menguasai booth. Kalau perubahan ini benar (sudah dipastikan dengan pemilik booth), jalankan lagi "
        "dengan --allow-owner-change",
        'produk.csv:2: Owners: baris ini mengubah owners booth exhibitors/keripik-bu-sri/ dari "@bu-sri" menjadi '
        '"@penyerang", jadi booth ini tidak diperbarui: owners menentukan siapa yang menguasai booth. Kalau '
        "perubahan ini benar (sudah dipastikan dengan pemilik booth), jalankan lagi dengan --allow-owner-change",
    ]
    assert "Diperbarui" not in output
    assert read_yml(root, "keripik-bu-sri") == before


def test_the_organiser_may_allow_the_change_and_still_sees_it(root, photos):
    assert run(root, photos, HEADER + "\n" + KERIPIK_ROW)[0] == 0
    code, output = run(root, photos, HEADER + "\n" + ATTACK, update=True, allow_owner_change=True)
    assert code == 0, output
    assert ('produk.csv:2: Owners: peringatan: owners booth exhibitors/keripik-bu-sri/ diubah dari "@bu-sri" '
            'menjadi "@penyerang" (diizinkan dengan --allow-owner-change)') in report_lines(output)
    assert read_yml(root, "keripik-bu-sri")["owners"] == ["penyerang"]


def test_the_same_owners_and_number_written_differently_are_no_change(root, photos):
    assert run(root, photos, HEADER + "\n" + KERIPIK_ROW)[0] == 0
    same = KERIPIK_ROW.replace("bu-sri", "@Bu-Sri").replace("0813-1111-2222", "+62 813 1111 2222")
    code, output = run(root, photos, HEADER + "\n" + same.replace("15000", "16000"), update=True)
    assert code == 0, output
    assert "Diperbarui: exhibitors/keripik-bu-sri/" in output


# --- item 12: sizes are checked before copying, nothing is staged but exhibitor.yml

def test_staging_copies_no_photo_and_a_dry_run_copies_nothing(root, photos, monkeypatch):
    copied = []
    real = shutil.copyfile
    monkeypatch.setattr("expo.importer.writer.shutil.copyfile", lambda a, b: copied.append(b) or real(a, b))
    rows = "".join(KERIPIK_ROW.replace("Keripik Tempe", f"Keripik {i}") for i in range(40))
    code, output = run(root, photos, HEADER + "\n" + rows, dry_run=True)
    assert code == 0, output
    assert copied == [] and not (root / "exhibitors").exists()
    code, output = run(root, photos, HEADER + "\n" + rows)
    assert code == 0, output
    assert [p.name for p in copied] == ["tempe.jpg"]  # 40 rows, one photo, one copy


def test_a_photo_over_the_size_limit_is_refused_before_copying(root, photos, monkeypatch):
    copied = []
    monkeypatch.setattr("expo.importer.writer.shutil.copyfile", lambda a, b: copied.append(b))
    (photos / "tempe.jpg").write_bytes((photos / "tempe.jpg").read_bytes() + b"\0" * (2 * 1024 * 1024))
    (root / "pelicanconf.py").write_text((root / "pelicanconf.py").read_text() + "EXPO_MAX_PHOTO_MEGABYTES = 1\n")
    code, output = run(root, photos, HEADER + "\n" + KERIPIK_ROW)
    assert code == 1 and copied == []
    assert report_lines(output) == [
        'produk.csv:2: Foto: foto "tempe.jpg" terlalu besar (2.0 MB, maksimum 1 MB). Perkecil fotonya atau '
        "kirim ulang dari HP dengan ukuran lebih kecil"]


def test_a_booth_whose_new_photos_pass_its_budget_is_refused_before_copying(root, photos, monkeypatch):
    copied = []
    monkeypatch.setattr("expo.importer.writer.shutil.copyfile", lambda a, b: copied.append(b))
    for name in ("kain.jpg", "kain-2.jpg"):
        (photos / name).write_bytes((photos / name).read_bytes() + b"\0" * (700 * 1024))
    (root / "pelicanconf.py").write_text((root / "pelicanconf.py").read_text() + "EXPO_MAX_BOOTH_PHOTO_MEGABYTES = 1\n")
    row = KERIPIK_ROW.replace("tempe.jpg", '"kain.jpg, kain-2.jpg"')
    code, output = run(root, photos, HEADER + "\n" + row)
    assert code == 1 and copied == []
    assert report_lines(output) == [
        'produk.csv:2: Foto: foto-foto booth ini bersama-sama lebih dari 1 MB; "kain-2.jpg" dan foto sesudahnya '
        "tidak dipakai. Perkecil fotonya (lebar 2000 piksel sudah cukup untuk situs), atau minta panitia "
        "menaikkan EXPO_MAX_BOOTH_PHOTO_MEGABYTES"]
