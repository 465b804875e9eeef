"""The data files the build publishes beside the pages (issue 8, item 2), each parsed back with a
real parser: catalog.json against its JSON Schema (jsonschema), each booth's Meta catalog CSV
(csv), the Google Merchant Center feed (an XML parser) and agenda.ics (icalendar from PyPI).
Exhibitor and organiser text is hostile here: it must come back exactly, or harmlessly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import icalendar
import jsonschema
import pytest

from expo.cli.build import build
from expo.exports.agenda_ics import fold
from expo.exports.facts import feed_id
from expo.exports.meta_csv import META_COLUMNS
from expo.settings import ExpoSettings, SettingsError
from htmlkit import Page
from sitekit import GOOD_YML, SECOND_YML, make_project

SITEURL = "https://expo.example.go.id/pameran"
G = "{http://base.google.com/ns/1.0}"

HOSTILE_NAME = '</script><b>Kopi & "Teh"</b>'
HOSTILE_TAGLINE = "Baris\u2028pisah \\ back; semi, koma \x07bel"
HOSTILE_PRODUCT = '=HYPERLINK("https://evil.example/x","Diskon")'
HOSTILE_PRODUCT_EN = "</title><script>alert(1)</script> ]]>"
HOSTILE_YML = f"""\
name: {json.dumps(HOSTILE_NAME)}
tagline: {json.dumps(HOSTILE_TAGLINE)}
category: kuliner
city: Kabupaten Semarang
owners: [kopi]
whatsapp: "0812-9999-0000"
products:
  - name: '{HOSTILE_PRODUCT}'
    name_en: {json.dumps(HOSTILE_PRODUCT_EN)}
    price: 25000
    photos: [kain.jpg, tempe.jpg]
    description: |
      Kopi **enak** <script>alert(1)</script> & "kutip"
      baris dua; titik, koma
  - name: Kopi Rentang
    price: 10000
    price_max: 20000
    photos: [tempe.jpg]
  - name: Kopi Tanpa Harga
    photos: [tempe.jpg]
"""

HOSTILE_EVENT_TITLE = "Temu bisnis; UMKM, pembeli\\toko\nbaris dua"
HOSTILE_EVENT_DESCRIPTION = ("Daftar lewat formulir, lalu datang tepat waktu; bawa katalog cetak. " * 3
                             + "Kopi Ambarawa ☕ dan batik Pekalongan é.").strip()
AGENDA_SETTINGS = f"""
EXPO_AGENDA = EXPO_AGENDA + [
    {{"start": "2026-12-01 19:00", "end": "2026-12-02 01:30", "title": {json.dumps(HOSTILE_EVENT_TITLE)},
     "location": "Gedung A; lantai 2, ruang \\\\3", "description": {json.dumps(HOSTILE_EVENT_DESCRIPTION)},
     "url": "https://www.youtube.com/live/abc?x=1,2;3"}},
]
"""
PUBLISHED = f'SITEURL = "{SITEURL}"\nRELATIVE_URLS = False\n' + AGENDA_SETTINGS


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("data") / "p", {
        "batik-sari": GOOD_YML, "keripik-bu-sri": SECOND_YML, "kopi-rakyat": HOSTILE_YML},
        extra_settings=PUBLISHED)
    (root / "content/pages/agenda.md").write_text("Title: Agenda\nSlug: agenda\n\nJadwal expo.\n", encoding="utf-8")
    result = build(root)
    for kind in ("catalog_json", "catalog_schema", "merchant_feed"):
        assert result.files[kind] == 1, kind  # planned, so counted in the build summary
    assert result.files["meta_catalog"] == 3 and result.files["agenda_ics"] == 2
    return root / "output"


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("data") / "p", {"kopi-rakyat": HOSTILE_YML})
    build(root)
    return root / "output"


def local(site: Path, url: str) -> Path:
    assert url.startswith(SITEURL + "/"), url
    path = site / url[len(SITEURL) + 1:]
    return path / "index.html" if url.endswith("/") else path


# --- catalog.json

def validate(site: Path) -> dict:
    schema = json.loads((site / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    document = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    return document


def test_catalog_json_of_the_demo_validates_against_its_schema(demo):
    document = validate(demo)
    schema = json.loads((demo / "catalog.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "urn:expo-katalog:catalog-schema:1" and document["schema_version"] == "1.0"
    assert document["$schema"] == "catalog.schema.json"  # a preview: beside it, relative
    products = [p for b in document["booths"] for p in b["products"]]
    assert len(document["booths"]) >= 10 and len(products) >= 30
    for product in products:  # every photo address is a file of the site
        for photo in product["photos"]:
            assert photo["url"].endswith(".jpg") and (demo / photo["url"]).is_file()
            assert all((demo / r["url"]).is_file() for r in photo["renditions"])
        assert (demo / product["pages"]["id"] / "index.html").is_file()
        assert (demo / product["pages"]["en"] / "index.html").is_file()


def test_catalog_json_with_hostile_text_validates_and_round_trips_exactly(published):
    raw = (published / "catalog.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw  # inert even pasted into a <script>
    assert "\x07" not in raw and "\\u0007" in raw  # control characters escaped by json
    document = validate(published)
    booth = next(b for b in document["booths"] if b["folder"] == "kopi-rakyat")
    assert booth["name"] == HOSTILE_NAME
    assert booth["tagline"] == {"id": HOSTILE_TAGLINE, "en": None}
    product = booth["products"][0]
    assert product["name"] == {"id": HOSTILE_PRODUCT, "en": HOSTILE_PRODUCT_EN}
    assert product["description_html"]["id"] == (  # sanitised as the page shows it
        '<p>Kopi <strong>enak</strong> &lt;script&gt;alert(1)&lt;/script&gt; &amp; "kutip"\nbaris dua; titik, koma</p>\n')
    assert product["id"] == "kopi-rakyat/hyperlink-https-evil-example-x-diskon"


def test_catalog_json_written_a_booth_at_a_time_is_one_document(tmp_path):
    """catalog.json is streamed around the place of its booths: text that spells that place
    (here the expo's name) stays text, and every booth is in the one list."""
    name = 'Expo "booths": [] </script>'
    root = make_project(tmp_path / "p", extra_settings=f"EXPO_NAME = {name!r}\n")
    document = json.loads((build(root).output / "catalog.json").read_text(encoding="utf-8"))
    assert document["expo"]["name"]["id"] == name
    assert [b["folder"] for b in document["booths"]] == ["batik-sari", "keripik-bu-sri"]
    assert list(document) == ["$schema", "booths", "categories", "expo", "schema_version"]


def test_catalog_json_has_prices_links_and_both_languages(published):
    document = validate(published)
    assert document["$schema"] == f"{SITEURL}/catalog.schema.json"
    assert document["expo"]["name"] == {"id": "Expo UMKM Virtual Jawa Tengah 2026",
                                        "en": "Central Java Virtual UMKM Expo 2026"}
    assert document["expo"]["start_date"] == "2026-11-16" and document["expo"]["languages"] == ["id", "en"]
    batik = next(b for b in document["booths"] if b["folder"] == "batik-sari")
    kain = batik["products"][0]
    assert (kain["price"], kain["price_max"], kain["price_text"]) == (850000, 1200000, "Rp850.000 – Rp1.200.000")
    assert kain["pages"] == {"id": f"{SITEURL}/booth/batik-sari/kain-batik-tulis-parang/",
                             "en": f"{SITEURL}/en/booth/batik-sari/kain-batik-tulis-parang/"}
    assert kain["order"]["id"].startswith("https://wa.me/6281222334455?text=Halo%20Batik%20Sari")
    assert kain["order"]["en"].startswith("https://wa.me/6281222334455?text=Hello%20Batik%20Sari")
    assert kain["marketplaces"] == [{"marketplace": "tokopedia", "label": "Tokopedia",
                                     "url": "https://www.tokopedia.com/batiksari/kain-parang"}]
    assert batik["video"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert [m["marketplace"] for m in batik["marketplaces"]] == ["tokopedia", "shopee"]
    photo = kain["photos"][0]
    assert photo["url"] == max((r for r in photo["renditions"] if r["type"] == "image/jpeg"),
                               key=lambda r: r["width"])["url"]
    assert {r["type"] for r in photo["renditions"]} == {"image/jpeg", "image/avif"}
    for url in [photo["url"], *kain["pages"].values()]:
        assert local(published, url).is_file(), url
    keripik = next(b for b in document["booths"] if b["folder"] == "keripik-bu-sri")
    assert keripik["order"] == {"id": None, "en": None}  # marketplaces only


def test_the_schema_refuses_what_the_catalog_must_not_hold(published):
    schema = json.loads((published / "catalog.schema.json").read_text(encoding="utf-8"))
    document = json.loads((published / "catalog.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    product = document["booths"][0]["products"][0]
    for change in ({"price": "150000"}, {"price": 1.5}, {"stock": 3}, {"order": {"id": "javascript:x"}}):
        broken = json.loads(json.dumps(document))
        broken["booths"][0]["products"][0] = {**product, **change}
        assert not validator.is_valid(broken), change


# --- Meta catalog CSV per booth, and the owner page that links it

def read_meta(site: Path, folder: str) -> list[dict[str, str]]:
    raw = (site / "pemilik" / folder / f"katalog-whatsapp-{folder}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames) == META_COLUMNS
    return list(reader)


def test_meta_catalog_has_the_required_columns_and_formats(published):
    [row] = read_meta(published, "batik-sari")  # Kain has a price range: Meta wants one price
    assert row == {
        "id": "batik-sari/selendang-sutra", "title": "Selendang Sutra",
        "description": "Selendang Sutra · Batik Sari, Kota Pekalongan", "availability": "in stock",
        "condition": "new", "price": "150000 IDR", "link": f"{SITEURL}/booth/batik-sari/selendang-sutra/",
        "image_link": row["image_link"], "brand": "Batik Sari", "additional_image_link": "", "product_type": "Batik"}
    assert local(published, row["image_link"]).is_file() and row["image_link"].endswith(".jpg")
    assert local(published, row["link"]).is_file()


def test_meta_catalog_keeps_hostile_text_as_text(published):
    rows = read_meta(published, "kopi-rakyat")
    assert [r["id"] for r in rows] == ["kopi-rakyat/hyperlink-https-evil-example-x-diskon"]  # one price only
    row = rows[0]
    assert row["title"] == "'" + HOSTILE_PRODUCT  # a formula start neutralised
    assert row["brand"] == HOSTILE_NAME
    assert row["description"] == 'Kopi enak <script>alert(1)</script> & "kutip" baris dua; titik, koma'
    assert row["additional_image_link"].endswith(".jpg") and "," not in row["additional_image_link"]
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) and "\n" not in value


def test_the_owner_page_links_the_catalog_poster_and_qr_code(published):
    for prefix in ("", "en/"):
        page = Page(published / f"{prefix}pemilik/kopi-rakyat/index.html", published)
        assert page.find("meta", name="robots").attrs["content"] == "noindex"
        links = [a.attrs.get("href") for a in page.find_all("a")]
        assert f"{SITEURL}/pemilik/kopi-rakyat/katalog-whatsapp-kopi-rakyat.csv" in links
        assert f"{SITEURL}/{prefix}poster/kopi-rakyat/" in links
        assert f"{SITEURL}/{prefix}booth/kopi-rakyat/qr.svg" in links
    page = Page(published / "pemilik/kopi-rakyat/index.html", published)
    text = page.text_of("article")
    assert "Berisi 1 dari 3 produk." in text
    assert "Produk tanpa harga atau dengan rentang harga tidak ikut" in text
    assert "Commerce Manager" in text and "WhatsApp Manager" in text
    assert "exhibitors/kopi-rakyat/" in text
    english = Page(published / "en/pemilik/kopi-rakyat/index.html", published).text_of("article")
    assert "It holds 1 of 3 products." in english


def test_the_owner_page_is_not_public(published):
    assert "pemilik" not in (published / "sitemap.xml").read_text(encoding="utf-8")
    for path in published.rglob("*.html"):
        if "pemilik" not in path.parts:
            assert "pemilik/" not in path.read_text(encoding="utf-8"), path


def test_a_preview_has_an_owner_page_without_shop_files(preview):
    assert not list(preview.glob("pemilik/*/*.csv")) and not (preview / "google-merchant.xml").exists()
    text = Page(preview / "pemilik/kopi-rakyat/index.html", preview).text_of("article")
    assert "File katalog muncul setelah situs diterbitkan" in text


# --- Google Merchant Center feed

def test_merchant_feed_is_well_formed_rss_with_googles_namespace(published):
    raw = (published / "google-merchant.xml").read_bytes()
    assert b'xmlns:g="http://base.google.com/ns/1.0"' in raw
    root = ET.fromstring(raw)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    items = root.findall("channel/item")
    assert [i.findtext(f"{G}id") for i in items] == [  # products with one price only, booths by name
        "kopi-rakyat/hyperlink-https-evil-example-x-diskon", "batik-sari/selendang-sutra",
        "keripik-bu-sri/keripik-tempe"]
    for item in items:
        for field in ("title", "description", "link"):
            assert item.findtext(field), field
        for field in ("image_link", "availability", "condition", "price", "brand", "identifier_exists"):
            assert item.findtext(f"{G}{field}"), field
        assert re.fullmatch(r"\d+ IDR", item.findtext(f"{G}price"))
        assert item.findtext(f"{G}availability") == "in_stock" and item.findtext(f"{G}condition") == "new"
        assert local(published, item.findtext("link")).is_file()
        assert local(published, item.findtext(f"{G}image_link")).is_file()
        assert item.find(f"{G}google_product_category") is None  # no honest mapping
    hostile = items[0]
    assert hostile.findtext("title") == HOSTILE_PRODUCT
    assert hostile.findtext(f"{G}brand") == HOSTILE_NAME
    assert hostile.findtext("description") == 'Kopi enak <script>alert(1)</script> & "kutip" baris dua; titik, koma'
    assert len(hostile.findall(f"{G}additional_image_link")) == 1


def test_feed_ids_stay_within_googles_fifty_characters():
    long = SimpleNamespace(slug="k" * 40)
    ids = {feed_id(long, SimpleNamespace(slug=name)) for name in ("a" * 40, "a" * 41, "b" * 40)}
    assert len(ids) == 3 and all(len(i) <= 50 for i in ids)
    assert feed_id(SimpleNamespace(slug="batik-sari"), SimpleNamespace(slug="kain")) == "batik-sari/kain"


# --- the agenda: EXPO_AGENDA, the agenda page, agenda.ics

def read_calendar(site: Path, path: str) -> icalendar.Calendar:
    raw = (site / path).read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded (RFC 5545 3.1)
    return icalendar.Calendar.from_ical(raw)


def test_agenda_ics_parses_with_every_event_in_jakarta_time(published):
    calendar = read_calendar(published, "agenda.ics")
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Jakarta"
    events = calendar.walk("VEVENT")
    assert len(events) == 10  # the demo's nine and the hostile one
    opening = events[0]
    assert str(opening["SUMMARY"]) == "Pembukaan resmi dan peluncuran booth virtual"
    start = opening["DTSTART"].dt
    assert start.replace(tzinfo=None) == dt.datetime(2026, 11, 16, 9, 0)
    assert start.utcoffset() == dt.timedelta(hours=7)
    assert opening["DTEND"].dt - start == dt.timedelta(minutes=90)
    assert str(opening["URL"]) == f"{SITEURL}/agenda/"
    assert len({str(e["UID"]) for e in events}) == 10


def test_agenda_ics_escapes_and_folds_hostile_text(published):
    raw = (published / "agenda.ics").read_bytes().decode("utf-8").replace("\r\n ", "")  # unfolded
    # RFC 5545 3.3.11: parsers forgive a bare ',' or ';', so check the escapes themselves
    assert "SUMMARY:Temu bisnis\\; UMKM\\, pembeli\\\\toko\\nbaris dua\r\n" in raw
    assert "LOCATION:Gedung A\\; lantai 2\\, ruang \\\\3\r\n" in raw
    event = read_calendar(published, "agenda.ics").walk("VEVENT")[-1]
    assert str(event["SUMMARY"]) == HOSTILE_EVENT_TITLE
    assert str(event["LOCATION"]) == "Gedung A; lantai 2, ruang \\3"
    assert str(event["DESCRIPTION"]) == HOSTILE_EVENT_DESCRIPTION + "\n\nExpo UMKM Virtual Jawa Tengah 2026"
    assert str(event["URL"]) == "https://www.youtube.com/live/abc?x=1,2;3"
    assert event["DTEND"].dt.replace(tzinfo=None) == dt.datetime(2026, 12, 2, 1, 30)


def test_the_english_calendar_uses_the_english_titles(published):
    events = read_calendar(published, "en/agenda.ics").walk("VEVENT")
    assert str(events[0]["SUMMARY"]) == "Official opening and launch of the virtual booths"
    assert str(events[-1]["SUMMARY"]) == HOSTILE_EVENT_TITLE  # no English title: the Indonesian one


def test_fold_never_splits_a_character():
    line = "DESCRIPTION:" + "é☕" * 40
    folded = fold(line).encode("utf-8")
    assert all(len(piece) <= 75 for piece in folded.split(b"\r\n"))
    assert folded.decode("utf-8").replace("\r\n ", "") == line


def test_the_agenda_page_lists_the_events_and_links_the_calendar(published):
    page = Page(published / "agenda/index.html", published)
    assert f"{SITEURL}/agenda.ics" in [a.attrs.get("href") for a in page.find_all("a")]
    text = page.text_of("article")
    assert "Tambahkan ke kalender" in text
    assert "Senin, 16 November 2026" in text and "09.00–10.30 WIB" in text
    assert "19.00–2 Desember 01.30 WIB" in text  # an event past midnight shows its last day
    english = Page(published / "en/agenda/index.html", published)
    assert f"{SITEURL}/en/agenda.ics" in [a.attrs.get("href") for a in english.find_all("a")]
    assert "Monday, 16 November 2026" in english.text_of("article")
    assert "09:00–10:30 WIB" in english.text_of("article")


def test_every_agenda_mistake_is_reported_at_once_in_indonesian_first():
    agenda = [{"start": "2026-11-16 09:00", "end": "besok", "titel": "Pembukaan"}, "acara",
              {"start": "2026-11-16 10:00", "end": "2026-11-16 09:00", "title": "Kelas", "url": "javascript:alert(1)"},
              {"start": "2026-11-17 10:00", "end": "2026-11-17 11:00", "title": 5}]
    with pytest.raises(SettingsError) as raised:
        ExpoSettings.from_pelican({"EXPO_AGENDA": agenda})
    example = '{"start": "2026-11-16 09:00", "end": "2026-11-16 10:30", "title": "Pembukaan"}'
    assert raised.value.mistakes == [
        'EXPO_AGENDA acara ke-1: "titel" tidak dikenal. Yang bisa dipakai: start, end, title, title_en, '
        "location, location_en, description, description_en, url.",
        f'EXPO_AGENDA acara ke-1 belum punya "title". Setiap acara perlu start, end dan title, misalnya {example}.',
        'EXPO_AGENDA acara ke-1: "end" harus tanggal dan jam WIB seperti "2026-11-16 09:00", bukan "besok".',
        f"EXPO_AGENDA acara ke-2 harus ditulis dalam kurung kurawal, misalnya {example}.",
        "EXPO_AGENDA acara ke-3: end harus setelah start.",
        'EXPO_AGENDA acara ke-3: url harus alamat yang diawali https://, bukan "javascript:alert(1)".',
        f'EXPO_AGENDA acara ke-4 belum punya "title". Setiap acara perlu start, end dan title, misalnya {example}.',
        'EXPO_AGENDA acara ke-4: "title" harus berupa teks dalam tanda kutip.',
    ]
    with pytest.raises(SettingsError) as raised:
        ExpoSettings.from_pelican({"EXPO_AGENDA": {"start": "x"}, "EXPO_LANG": "en"})
    assert raised.value.mistakes == [f"EXPO_AGENDA must be a list of events in square brackets, for example [{example}]."]


def test_an_expo_without_agenda_has_no_calendar(tmp_path):
    root = make_project(tmp_path / "p", extra_settings="EXPO_AGENDA = []\n")
    result = build(root)
    assert result.files["agenda_ics"] == 0 and not (result.output / "agenda.ics").exists()


# --- incremental builds of a published site: the shop files follow their inputs

def test_a_price_change_remakes_that_booths_shop_files_and_equals_a_clean_build(tmp_path):
    import shutil

    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    root = make_project(tmp_path / "p", extra_settings=f'SITEURL = "{SITEURL}"\nRELATIVE_URLS = False\n')
    build(root)
    other = root / "output/pemilik/keripik-bu-sri/katalog-whatsapp-keripik-bu-sri.csv"
    inode = other.stat().st_ino
    yml = root / "exhibitors/batik-sari/exhibitor.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("price: 150000", "price: 175000"), encoding="utf-8")
    result = build(root)
    assert result.made["meta_catalog"] == 1 and result.made["merchant_feed"] == 1 and result.made["catalog_json"] == 1
    assert other.stat().st_ino == inode  # the other booth's file was left alone
    assert "175000 IDR" in (root / "output/pemilik/batik-sari/katalog-whatsapp-batik-sari.csv").read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns("output", ".output-*", "output-manifest.txt"))
    assert tree(result.output) == tree(build(clean).output)
