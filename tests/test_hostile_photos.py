"""Hostile photos: a per-booth budget (issue 11, item 5) and odd files that validate and build
must judge alike (a 1 x 30,000,000 PNG, a HEIC whose header understates its size)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from expo.cli.build import BuildFailed, build, validate
from test_hostile import Y, problems, project_with
from sitekit import GOOD_YML

BUDGET_CASES = [
    ({"max_booth_photos": 2},
     f'{Y}:33: products[2].photos[1]: booth ini memakai lebih dari 2 file foto berbeda; "selendang.jpg" dan foto '
     "sesudahnya tidak dipakai. Pakai lebih sedikit foto per produk, atau minta panitia menaikkan "
     "EXPO_MAX_BOOTH_PHOTOS"),
    ({"max_booth_photo_megabytes": 0},
     f'{Y}:16: logo: foto-foto booth ini bersama-sama lebih dari 0 MB; "logo.png" dan foto sesudahnya tidak '
     "dipakai. Perkecil fotonya (lebar 2000 piksel sudah cukup untuk situs), atau minta panitia menaikkan "
     "EXPO_MAX_BOOTH_PHOTO_MEGABYTES"),
    ({"max_booth_megapixels": 1},  # logo 0.09 + kain 0.63 MP fit, selendang's 0.63 does not
     f'{Y}:33: products[2].photos[1]: foto-foto booth ini bersama-sama lebih dari 1 megapiksel; "selendang.jpg" '
     "dan foto sesudahnya tidak dipakai. Perkecil fotonya (lebar 2000 piksel sudah cukup untuk situs), atau "
     "minta panitia menaikkan EXPO_MAX_BOOTH_MEGAPIXELS"),
]


@pytest.mark.parametrize("limits, message", BUDGET_CASES, ids=[next(iter(c[0])) for c in BUDGET_CASES])
def test_a_booth_past_its_photo_budget_gets_one_message(tmp_path, limits, message):
    assert problems(project_with(tmp_path, GOOD_YML), **limits) == [message]


def test_a_photo_used_twice_counts_once(tmp_path):
    yml = GOOD_YML.replace("      - selendang.jpg", "      - kain.jpg")
    assert problems(project_with(tmp_path, yml), max_booth_photos=2) == []


def test_photos_past_the_budget_are_not_read(tmp_path, monkeypatch):
    import expo.content.parsing as parsing

    read = []
    real = parsing.inspect
    monkeypatch.setattr(parsing, "inspect", lambda path, *a: read.append(path.name) or real(path, *a))
    problems(project_with(tmp_path, GOOD_YML), max_booth_photos=1)
    assert read == ["logo.png"]


def report_of_validate(root: Path) -> str:
    out = io.StringIO()
    assert validate(root, out=out) == 1
    return out.getvalue()


def report_of_build(root: Path) -> str:
    out = io.StringIO()
    with pytest.raises(BuildFailed):
        build(root, out=out)
    return out.getvalue()


def test_a_one_pixel_wide_png_is_refused_alike_by_validate_and_build(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    Image.new("L", (1, 30_000_000), 128).save(root / "exhibitors/batik-sari/selendang.png")
    (root / "exhibitors/batik-sari/exhibitor.yml").write_text(GOOD_YML.replace("- selendang.jpg", "- selendang.png"))
    message = (f'  {Y}:33: products[2].photos[1]: foto "selendang.png" berukuran 1 x 30000000 piksel: terlalu '
               "panjang atau terlalu sempit untuk ditampilkan (sisi panjang paling banyak 20 kali sisi pendek). "
               "Potong fotonya supaya lebih seimbang, lalu unggah lagi")
    assert message in report_of_validate(root).splitlines()
    assert message in report_of_build(root).splitlines()


def understated_heic(path: Path) -> None:
    """A real HEIC of 2000 x 1500 whose header (the ispe box) claims 100 x 75."""
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1500), (200, 50, 50)).save(buffer, format="HEIF", quality=50)
    data = bytearray(buffer.getvalue())
    at = data.find(b"ispe")
    data[at + 8:at + 16] = struct.pack(">II", 100, 75)
    path.write_bytes(bytes(data))


def test_a_heic_that_understates_its_size_is_named_so_by_validate_and_build(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    understated_heic(root / "exhibitors/batik-sari/selendang.heic")
    (root / "exhibitors/batik-sari/exhibitor.yml").write_text(GOOD_YML.replace("- selendang.jpg", "- selendang.heic"))
    message = ('  exhibitors/batik-sari/selendang.heic: foto "selendang.heic" menyebut ukuran 100 x 75 piksel, '
               "tetapi gambar di dalamnya lebih besar. Foto dari HP tidak begitu; buka dan ekspor ulang fotonya "
               "sebagai JPEG, lalu unggah lagi")
    assert message in report_of_validate(root).splitlines()
    assert message in report_of_build(root).splitlines()
