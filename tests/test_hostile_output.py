"""Forged CI annotations and terminal output (issue 11, item 7) and report sizes (item 6):
whatever an exhibitor or a spreadsheet holds, every command prints it as one escaped line of
bounded length, and no printed line starts with `::` (a GitHub Actions workflow command)."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

from expo.cli.build import validate
from expo.content.errors import MAX_PROBLEMS_PER_FILE
from expo.importer.writer import run_import
from expo.pr.ownership import report
from expo.pr.gitrefs import Change
from expo.text.escape import MAX_ECHO, printable, safe_text
from sitekit import GOOD_YML, make_project, write_exhibitor, write_photo

FORGED = "::error file=pelicanconf.py,line=1::Checked by organiser, safe to merge"
ERASE = "\x1b[1A\x1b[2K" * 3 + "\x1b[32m"  # cursor up, erase line, green: 7 ESC bytes


def assert_safe(output: str) -> None:
    """No terminal control bytes, no line a CI runner would execute."""
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u2028\u2029]", output), output
    for line in output.split("\n"):
        assert not line.lstrip().startswith("::"), line


def validate_output(root: Path) -> str:
    out = io.StringIO()
    validate(root, out=out, photos=False)
    return out.getvalue()


def test_a_newline_in_a_value_cannot_forge_a_workflow_command(tmp_path):
    # (a URL followed by other text is share text: its address is taken and nothing is echoed)
    yml = GOOD_YML.replace("website: https://batiksari.example.com",
                           f'website: "toko kami\\n{FORGED}"')
    output = validate_output(make_project(tmp_path / "p", {"batik-sari": yml}))
    assert_safe(output)
    assert ('  exhibitors/batik-sari/exhibitor.yml:10: website: "toko kami\\n::error '
            'file=pelicanconf.py,line=1::Checked by organiser, safe to merge" bukan alamat web yang lengkap. '
            'Salin alamatnya dari browser, misalnya https://www.tokopedia.com/namatoko') in output.splitlines()


def test_escape_bytes_cannot_repaint_the_report(tmp_path):
    yml = GOOD_YML.replace('whatsapp: "0812-2233-4455"', 'whatsapp: "0812\\e[1A\\e[2K\\e[1A\\e[2K\\e[1A\\e[2K\\e[32m"')
    output = validate_output(make_project(tmp_path / "p", {"batik-sari": yml}))
    assert_safe(output)
    assert '"0812\\x1b[1A\\x1b[2K\\x1b[1A\\x1b[2K\\x1b[1A\\x1b[2K\\x1b[32m"' in output
    assert output.rstrip().endswith("1 kesalahan, 0 peringatan. Perbaiki kesalahan di atas, lalu jalankan lagi.")


@pytest.mark.skipif(sys.platform == "win32", reason="folder names with newlines")
def test_a_folder_named_with_a_newline_cannot_forge_a_workflow_command(tmp_path):
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML})
    write_exhibitor(root, f"x\n{FORGED}", GOOD_YML)
    output = validate_output(root)
    assert_safe(output)
    assert "exhibitors/x\\n::error file=pelicanconf.py,line=1::Checked by organiser, safe to merge: nama folder" in output


def test_a_path_starting_with_a_workflow_command_is_defused_in_check_pr():
    text = report([Change("M", f"{FORGED}\n")], [], "sari-batik", [])
    assert_safe(text)
    from expo.pr.ownership import decide
    violations = decide([Change("M", f"{FORGED}\n")], {}, {}, "sari-batik", [])
    text = report([Change("M", f"{FORGED}\n")], violations, "sari-batik", [])
    assert_safe(text)
    assert text.startswith("\\::error file=pelicanconf.py,line=1::Checked by organiser, safe to merge\\n\n  ID: ")


def test_import_csv_cells_are_echoed_escaped(tmp_path):
    root = make_project(tmp_path / "p", {}, extra_settings="EXPO_RECOMMEND_VIDEO = False\n")
    photos = tmp_path / "foto"
    write_photo(photos / "kain.jpg", size=(640, 480))
    csv_file = photos / "produk.csv"
    csv_file.write_text(
        "Nama Usaha,Kategori,Kota/Kabupaten,Owners,Nomor WhatsApp,Nama Produk,Harga,Foto\n"
        f'Batik Sari,Batik,Kota Pekalongan,sari-batik,"0812\n{FORGED}",Kain,"1\n{FORGED}",kain.jpg\n',
        encoding="utf-8")
    out = io.StringIO()
    assert run_import(root, csv_file, photos, out=out) == 1
    assert_safe(out.getvalue())
    assert ('  produk.csv:2: Harga: "1\\n::error file=pelicanconf.py,line=1::Checked by organiser, safe to merge" '
            "bukan harga yang bisa dibaca.") in out.getvalue()


def test_printable_escapes_every_invisible_character():
    assert printable("a\nb\r\t\x1b[2K\x00\x7f\x85\u2028\u202e\u200b\udcff") == \
        "a\\nb\\r\\t\\x1b[2K\\x00\\x7f\\x85\\u2028\\u202e\\u200b\\xff"
    assert safe_text("ok\n  ::warning::x\nnot :: here") == "ok\n\\  ::warning::x\nnot :: here"


# --- report size (item 6) ---------------------------------------------------------------------

def test_a_long_value_is_echoed_cut_short(tmp_path):
    yml = GOOD_YML.replace('whatsapp: "0812-2233-4455"', f'whatsapp: "{"1" * 200_000}"')
    output = validate_output(make_project(tmp_path / "p", {"batik-sari": yml}))
    assert len(output) < 2_000
    assert f'"{"1" * MAX_ECHO}…"' in output


def test_thousands_of_unknown_keys_give_a_bounded_report(tmp_path):
    keys = "".join(f"k{i}: 1\n" for i in range(24_000))  # 210 KB, under the 256 KB limit
    output = validate_output(make_project(tmp_path / "p", {"batik-sari": GOOD_YML + keys}))
    assert len(output) < 30_000
    lines = output.splitlines()
    assert sum("tidak dikenal" in line for line in lines) == MAX_PROBLEMS_PER_FILE
    assert ("  ... dan 23950 masalah lain di exhibitors/batik-sari/exhibitor.yml yang tidak ditampilkan. "
            "Perbaiki yang di atas dulu, lalu jalankan lagi") in lines
    assert lines[-1].startswith("24000 kesalahan, ")
