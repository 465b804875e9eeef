"""products.csv: a planned output that spreadsheets open with Indonesian text intact and that no
exhibitor text can turn into a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import pytest

from expo.cli.build import build
from expo.reports.spreadsheet import csv_text, safe_cell
from expo.site.exports import PRODUCT_COLUMNS
from sitekit import GOOD_YML, SECOND_YML, make_project

SITEURL = "https://expo.example.go.id/pameran"
PUBLISHED = f'SITEURL = "{SITEURL}"\nRELATIVE_URLS = False\n'

HOSTILE_YML = """\
name: "@Kopi Rakyat"
category: kuliner
city: "-Ambarawa"
owners: [kopi]
whatsapp: "0812-9999-0000"
products:
  - name: '=HYPERLINK("https://evil.example/x","Diskon 90%")'
    name_en: "+cmd|' /C calc'!A0"
    price: 25000
    photos: [kain.jpg]
  - name: Kopi Robusta Ungaran – Sangrai
    photos: [tempe.jpg]
"""


def read_products(site: Path) -> list[dict[str, str]]:
    raw = (site / "products.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    with io.StringIO(raw.decode("utf-8-sig"), newline="") as text:
        reader = csv.DictReader(text)
        assert tuple(reader.fieldnames) == PRODUCT_COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("exports") / "p", {
        "batik-sari": GOOD_YML, "keripik-bu-sri": SECOND_YML, "kopi-rakyat": HOSTILE_YML},
        extra_settings=PUBLISHED)
    result = build(root)
    assert result.files["products_csv"] == 1  # planned, so counted in the build summary
    return root / "output"


def test_one_row_per_product_with_full_addresses(published):
    rows = read_products(published)
    assert [(r["booth"], r["name"]) for r in rows] == [  # booths by name ('@' first); non-ASCII kept
        ("kopi-rakyat", "'=HYPERLINK(\"https://evil.example/x\",\"Diskon 90%\")"),
        ("kopi-rakyat", "Kopi Robusta Ungaran – Sangrai"),
        ("batik-sari", "Kain Batik Tulis Parang"), ("batik-sari", "Selendang Sutra"),
        ("keripik-bu-sri", "Keripik Tempe")]
    kain = rows[2]
    assert {k: kain[k] for k in ("booth_name", "category", "category_label", "city", "name_en", "price",
                                 "price_max")} == {
        "booth_name": "Batik Sari", "category": "batik", "category_label": "Batik", "city": "Kota Pekalongan",
        "name_en": "", "price": "850000", "price_max": "1200000"}
    assert kain["page_url"] == f"{SITEURL}/booth/batik-sari/kain-batik-tulis-parang/"
    assert kain["whatsapp_url"].startswith("https://wa.me/6281222334455?text=Halo%20Batik%20Sari")
    assert kain["whatsapp_url"].endswith(quote(kain["page_url"], safe=""))  # the order names the page
    assert rows[4]["whatsapp_url"] == ""  # Keripik Bu Sri sells through marketplaces only
    assert rows[1]["price"] == ""
    for row in rows:
        for column in ("page_url", "photo_url"):
            assert row[column].startswith(SITEURL + "/")
            target = published / row[column][len(SITEURL) + 1:]
            assert (target / "index.html" if row[column].endswith("/") else target).is_file(), row[column]
        assert row["photo_url"].endswith(".jpg")


def test_exhibitor_text_that_looks_like_a_formula_stays_text(published):
    hostile = [r for r in read_products(published) if r["booth"] == "kopi-rakyat"]
    assert hostile[0]["booth_name"] == "'@Kopi Rakyat"
    assert hostile[0]["city"] == "'-Ambarawa"
    assert hostile[0]["name"] == "'=HYPERLINK(\"https://evil.example/x\",\"Diskon 90%\")"
    assert hostile[0]["name_en"] == "'+cmd|' /C calc'!A0"
    assert hostile[0]["price"] == "25000"  # numbers stay numbers
    for row in hostile:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


def test_a_preview_has_products_csv_with_addresses_from_the_site_root(tmp_path):
    root = make_project(tmp_path / "p")
    build(root)
    rows = read_products(root / "output")
    assert rows[0]["page_url"] == "booth/batik-sari/kain-batik-tulis-parang/"  # no site address yet
    assert (root / "output" / rows[0]["photo_url"]).is_file()


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"),
    ("Batik = seni", "Batik = seni"), ("", ""), (None, ""), (-5, -5), (150000, 150000),
])
def test_safe_cell_neutralises_only_formula_starts(value, cell):
    assert safe_cell(value) == cell


def test_csv_text_round_trips_through_the_csv_module():
    text = csv_text(("a", "b"), [["=x", 'kutip " dan, koma\nbaris'], [1, None]])
    assert text.startswith("\ufeffa,b\r\n")
    assert list(csv.reader(io.StringIO(text[1:], newline=""))) == [
        ["a", "b"], ["'=x", 'kutip " dan, koma\nbaris'], ["1", ""]]
