"""Editions (EXPO_EDITIONS): the setting's checks, the `editions` field of exhibitor.yml, and a
two-edition expo whose landing pages and archives list the right booths while the mall stays open."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from expo.cli.build import build
from expo.content.catalog import load_catalog
from expo.content.schema import exhibitor_schema
from expo.importer.writer import run_import
from expo.settings import DEFAULT_CATEGORIES, ExpoSettings, SettingsError
from expo.values.editions import Edition, current_edition, read_edition, split_editions
from htmlkit import Page
from sitekit import GOOD_YML, SECOND_YML, make_project, write_photo

UVO = (Edition("2020", "UKM Virtual Expo I", dt.date(2020, 7, 27), dt.date(2020, 8, 7)),
       Edition("2021", "UKM Virtual Expo II", dt.date(2021, 11, 16), dt.date(2021, 11, 30),
               name_en="UKM Virtual Expo II (English)", theme="Fesyen", theme_en="Fashion"))
TWO_EDITIONS = """\
EXPO_EDITIONS = [
    {"key": "2020", "name": "UKM Virtual Expo I", "start_date": "2020-07-27", "end_date": "2020-08-07"},
    {"key": "2021", "name": "UKM Virtual Expo II", "name_en": "UKM Virtual Expo II (English)",
     "start_date": "2021-11-16", "end_date": "2021-11-30", "theme": "Fesyen", "theme_en": "Fashion"},
]
"""


def settings_mistakes(editions) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        ExpoSettings.from_pelican({"EXPO_EDITIONS": editions})
    return caught.value.mistakes


# --- the setting


def test_editions_are_read_from_the_settings_with_numbers_as_keys():
    expo = ExpoSettings.from_pelican({"EXPO_EDITIONS": [
        {"key": 2020, "name": " UKM Virtual Expo I ", "start_date": "2020-07-27", "end_date": "2020-08-07"}]})
    assert expo.editions == (Edition("2020", "UKM Virtual Expo I", dt.date(2020, 7, 27), dt.date(2020, 8, 7)),)
    assert ExpoSettings.from_pelican({}).editions == ()  # no editions unless the organiser lists them


def test_every_mistake_in_the_editions_is_named_at_once():
    assert settings_mistakes([
        {"key": "UVO 1", "nama": "UVO I", "start_date": "2020-13-01", "end_date": "2020-08-07"},
        "2021",
        {"key": "2022", "name": "UVO III", "start_date": "2022-11-30", "end_date": "2022-11-16", "theme": 5},
        {"key": "2023", "name": "UVO IV", "start_date": "2023-11-16", "end_date": "2023-11-30"},
        {"key": 2023, "name": "UVO IV lagi", "start_date": "2023-11-16", "end_date": "2023-11-30"},
    ]) == [
        'EXPO_EDITIONS edisi ke-1: kolom "nama" tidak dikenal (edition 1: unknown field "nama"). Maksud Anda '
        '"name"? (did you mean "name"?)',
        'EXPO_EDITIONS edisi ke-1: "name" wajib diisi (edition 1: "name" is required).',
        "EXPO_EDITIONS edisi ke-1: key 'UVO 1' hanya boleh huruf kecil, angka dan tanda hubung, misalnya "
        '"2026" atau "uvo-2" (edition 1: the key may only have lowercase letters, digits and hyphens, e.g. '
        '"2026" or "uvo-2").',
        "EXPO_EDITIONS edisi ke-1: start_date '2020-13-01' bukan tanggal; tulis seperti \"2026-11-16\" "
        "(edition 1: start_date '2020-13-01' is not a date; write it like \"2026-11-16\").",
        'EXPO_EDITIONS edisi ke-2 harus berisi key, name, start_date dan end_date, misalnya {"key": "2026", '
        '"name": "Expo UMKM Virtual II", "start_date": "2026-11-16", "end_date": "2026-11-30"} (edition 2 '
        'must be a mapping with key, name, start_date and end_date, e.g. {"key": "2026", "name": "Expo UMKM '
        'Virtual II", "start_date": "2026-11-16", "end_date": "2026-11-30"}).',
        'EXPO_EDITIONS edisi ke-3: "theme" harus teks dalam tanda kutip (edition 3: "theme" must be text in '
        "quotes).",
        "EXPO_EDITIONS edisi ke-3: end_date 2022-11-16 sebelum start_date 2022-11-30 (edition 3: end_date is "
        "before start_date).",
        'EXPO_EDITIONS edisi ke-5: key "2023" sudah dipakai edisi ke-4; setiap edisi perlu key sendiri '
        '(edition 5: key "2023" is already used by edition 4; every edition needs its own key).',
    ]


def test_editions_must_be_a_list():
    assert settings_mistakes({"2020": "UVO I"}) == [
        'EXPO_EDITIONS harus daftar edisi, misalnya [{"key": "2026", "name": "Expo UMKM Virtual II", '
        '"start_date": "2026-11-16", "end_date": "2026-11-30"}] (EXPO_EDITIONS must be a list of editions, e.g. '
        '[{"key": "2026", "name": "Expo UMKM Virtual II", "start_date": "2026-11-16", "end_date": "2026-11-30"}]).']


def test_an_edition_url_pattern_is_checked_like_the_others():
    with pytest.raises(SettingsError) as caught:
        ExpoSettings.from_pelican({"EXPO_EDITION_URL": "edisi/{key}/", "EXPO_EDITION_PER_PAGE": 0})
    assert caught.value.mistakes == [
        "EXPO_EDITION_PER_PAGE harus paling sedikit 1 (EXPO_EDITION_PER_PAGE must be at least 1).",
        "EXPO_EDITION_URL memakai {key}; yang boleh: {slug} (EXPO_EDITION_URL uses {key}; it may use {slug})."]
    with pytest.raises(SettingsError) as caught:
        ExpoSettings.from_pelican({"EXPO_EDITION_ARCHIVE_PER_PAGE": 0})
    assert caught.value.mistakes == ["EXPO_EDITION_ARCHIVE_PER_PAGE harus paling sedikit 1 "
                                     "(EXPO_EDITION_ARCHIVE_PER_PAGE must be at least 1)."]


# --- values


@pytest.mark.parametrize("value, key", [
    (2020, "2020"), ("2020", "2020"), (" 2021 ", "2021"), ("ukm virtual expo ii", "2021"),
    ("UKM  Virtual Expo I", "2020"), ("2022", None), (True, None), (20.5, None), ("", None),
])
def test_an_edition_is_its_key_as_number_or_text_or_its_name(value, key):
    assert read_edition(value, UVO) == key


def test_a_spreadsheet_cell_lists_editions_with_commas_or_words():
    assert split_editions("2020, 2021") == ["2020", "2021"]
    assert split_editions("2020;2021") == ["2020", "2021"]
    assert split_editions("UVO I dan UVO II") == ["UVO I", "UVO II"]
    assert split_editions(" ") == []


def test_the_current_edition_is_the_running_one_else_the_latest():
    assert current_edition(UVO, dt.date(2020, 8, 1)).key == "2020"  # running, though not the latest
    assert current_edition(UVO, dt.date(2021, 3, 1)).key == "2021"  # between editions: the latest
    assert current_edition(UVO, dt.date(2019, 1, 1)).key == "2021"
    assert current_edition((), dt.date(2021, 3, 1)) is None


# --- exhibitor.yml


def problems_of(tmp_path: Path, editions_line: str, **settings) -> tuple[object, list[str]]:
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML + editions_line})
    catalog, problems = load_catalog(root, ExpoSettings(**settings))
    return catalog, [p.format("id") for p in sorted(problems, key=lambda p: p.sort_key())]


@pytest.mark.parametrize("line", ["editions: [2020, 2021]\n", 'editions: ["2021", "2020"]\n',
                                  "editions:\n  - 2021\n  - UKM Virtual Expo I\n"])
def test_editions_as_numbers_text_or_names_in_the_organisers_order(tmp_path, line):
    catalog, problems = problems_of(tmp_path, line, editions=UVO)
    assert problems == []
    assert catalog.exhibitors[0].editions == ("2020", "2021")
    assert [(g.key, [e.slug for e in g.exhibitors]) for g in catalog.editions] == [
        ("2020", ["batik-sari"]), ("2021", ["batik-sari"])]


def test_one_edition_without_a_list(tmp_path):
    catalog, problems = problems_of(tmp_path, "editions: 2021\n", editions=UVO)
    assert (problems, catalog.exhibitors[0].editions) == ([], ("2021",))


def test_an_unknown_edition_names_the_file_the_line_and_the_known_keys(tmp_path):
    catalog, problems = problems_of(tmp_path, "editions: [2020, 2O21, 2019, 2020]\n", editions=UVO)
    assert catalog is None
    assert problems == [
        'exhibitors/batik-sari/exhibitor.yml:34: editions[2]: "2O21" bukan edisi expo yang dikenal. '
        'Maksud Anda "2021"? Pilihan: 2020, 2021',
        'exhibitors/batik-sari/exhibitor.yml:34: editions[3]: "2019" bukan edisi expo yang dikenal. '
        "Pilih dari: 2020, 2021",  # another year, not a typo: no guess
        'exhibitors/batik-sari/exhibitor.yml:34: editions[4]: peringatan: edisi "2020" tertulis dua kali; '
        "cukup sekali",
    ]


def test_an_edition_far_from_every_key_gets_the_choices_in_both_languages(tmp_path):
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML + "editions:\n  - uvo-lama\n"})
    _catalog, problems = load_catalog(root, ExpoSettings(editions=UVO))
    assert [p.format("id") for p in problems] == [
        'exhibitors/batik-sari/exhibitor.yml:35: editions[1]: "uvo-lama" bukan edisi expo yang dikenal. '
        "Pilih dari: 2020, 2021"]
    assert [p.format("en") for p in problems] == [
        'exhibitors/batik-sari/exhibitor.yml:35: editions[1]: "uvo-lama" is not a known edition of the expo. '
        "Pick from: 2020, 2021"]


def test_editions_on_an_expo_without_editions_say_what_to_do(tmp_path):
    catalog, problems = problems_of(tmp_path, "editions: [2020]\n")
    assert catalog is None
    assert problems == [
        'exhibitors/batik-sari/exhibitor.yml:34: editions[1]: expo ini tidak punya daftar edisi (EXPO_EDITIONS), '
        'jadi "2020" tidak bisa dipilih. Hapus editions dari exhibitor.yml, atau minta panitia menambahkan '
        "edisinya"]


def test_indonesian_key_edisi_means_editions(tmp_path):
    catalog, problems = problems_of(tmp_path, "Edisi: [2021]\n", editions=UVO)
    assert (problems, catalog.exhibitors[0].editions) == ([], ("2021",))


def test_the_schema_takes_edition_keys_as_text_or_numbers():
    validator = jsonschema.Draft7Validator(exhibitor_schema(DEFAULT_CATEGORIES, ["2020", "2021", "uvo-3"]))
    base = {"name": "A", "category": "batik", "city": "Kota Pekalongan", "owners": ["a"], "whatsapp": "0812-2233-4455",
            "products": [{"name": "B", "photos": ["b.jpg"]}]}
    for editions in ([2020, "2021"], "uvo-3", 2021):
        assert list(validator.iter_errors({**base, "editions": editions})) == []
    assert list(validator.iter_errors({**base, "editions": ["2019"]}))
    without = jsonschema.Draft7Validator(exhibitor_schema(DEFAULT_CATEGORIES))  # no editions: no field
    assert "editions" not in exhibitor_schema(DEFAULT_CATEGORIES)["properties"]
    assert list(without.iter_errors({**base, "editions": [2020]}))


# --- a two-edition expo, built

TENUN_YML = SECOND_YML.replace("Keripik Bu Sri", "Tenun Troso").replace("kuliner", "fesyen") \
    .replace("keripikbusri", "tenuntroso").replace("Keripik Tempe", "Kain Tenun")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("editions") / "p", {
        "batik-sari": GOOD_YML + "editions: [2020, 2021]\n",
        "keripik-bu-sri": SECOND_YML + "editions: [2021]\n",
        "tenun-troso": TENUN_YML,  # in no edition: still a booth of the mall
    }, extra_settings=TWO_EDITIONS + 'SITEURL = "https://expo.example.id"\nRELATIVE_URLS = False\n'
                                     "EXPO_EDITION_PER_PAGE = 1\nEXPO_EDITION_ARCHIVE_PER_PAGE = 1\n")
    return build(root).output


def booths_linked(page: Page) -> set[str]:
    """Booth pages the page's main content links to."""
    main = page.find("main")
    links = [e.attrs["href"] for e in page.elements if e.tag == "a" and _inside(e, main)]
    return {m.group(1) for m in (re.search(r"/booth/([a-z0-9-]+)/$", h) for h in links) if m}


def _inside(element, parent) -> bool:
    return element is parent or any(_inside(element, child) for child in parent.children)


def test_each_edition_has_a_landing_page_with_its_booths_in_pages(site):
    first = Page(site / "edisi/2020/index.html", site)
    assert first.text_of("h1") == "UKM Virtual Expo I"
    assert booths_linked(first) == {"batik-sari"}
    assert "27 Jul–7 Agu 2020" in first.text_of("main")
    # one booth a page (EXPO_EDITION_PER_PAGE = 1): edition 2021 has two pages
    pages = [Page(site / "edisi/2021/index.html", site), Page(site / "edisi/2021/2/index.html", site)]
    assert [booths_linked(p) - {"batik-sari"} if i else booths_linked(p) for i, p in enumerate(pages)] == [
        {"batik-sari"}, {"keripik-bu-sri"}]
    assert not (site / "edisi/2021/3").exists()
    assert "Fesyen" in pages[0].text_of("main")  # the theme text
    assert "2 booth · 3 produk" in pages[0].text_of("main")  # the edition's counts, on every page
    main = pages[0].find("main")
    categories = [e.attrs["href"] for e in pages[0].elements
                  if e.tag == "a" and "/kategori/" in e.attrs.get("href", "") and _inside(e, main)]
    assert categories == ["https://expo.example.id/kategori/batik/", "https://expo.example.id/kategori/kuliner/"]


def test_the_archive_lists_every_booth_of_the_edition_by_category(site):
    # one booth a page here (EXPO_EDITION_ARCHIVE_PER_PAGE = 1), in category order
    first, second = (Page(site / path, site) for path in ("edisi/2021/arsip/index.html", "edisi/2021/arsip/2/index.html"))
    assert (booths_linked(first), booths_linked(second)) == ({"batik-sari"}, {"keripik-bu-sri"})
    assert [" ".join(h.text.split()) for p in (first, second) for h in p.find_all("h2")] == ["Batik 1", "Kuliner 1"]
    assert first.text_of("h1") == "Arsip peserta UKM Virtual Expo II"
    assert booths_linked(Page(site / "edisi/2020/arsip/index.html", site)) == {"batik-sari"}
    assert not (site / "edisi/2020/arsip/2").exists()


def test_the_editions_index_lists_the_newest_first_and_marks_the_current(site):
    index = Page(site / "edisi/index.html", site)
    items = [" ".join(li.text.split()) for li in index.find("ul", class_="editions").children]
    assert items[0].startswith("UKM Virtual Expo II · 16–30 Nov 2021 · edisi terkini 2 booth · 3 produk")
    assert items[1].startswith("UKM Virtual Expo I · 27 Jul–7 Agu 2020 1 booth · 2 produk")


def test_the_mall_stays_open_with_every_booth_and_shows_the_current_edition(site):
    home = Page(site / "index.html", site)
    current = home.find("section", class_="current-edition")
    assert " ".join(current.text.split()).startswith("Edisi terkini: UKM Virtual Expo II 16–30 Nov 2021")
    directory = Page(site / "peserta/index.html", site)
    assert booths_linked(directory) == {"batik-sari", "keripik-bu-sri", "tenun-troso"}
    menu = [e.attrs["href"] for e in home.find("nav").children[0].children[3].children]
    assert menu == ["https://expo.example.id/edisi/"]


def test_a_booth_page_shows_the_editions_it_joined(site):
    booth = Page(site / "booth/batik-sari/index.html", site)
    editions = booth.find("p", class_="editions")
    assert " ".join(editions.text.split()) == "Ikut edisi: UKM Virtual Expo I · UKM Virtual Expo II"
    assert [a.attrs["href"] for a in editions.children] == ["https://expo.example.id/edisi/2020/",
                                                            "https://expo.example.id/edisi/2021/"]
    assert not Page(site / "booth/tenun-troso/index.html", site).find_all("p", class_="editions")


def test_english_pages_use_the_english_names_and_dates(site):
    english = Page(site / "en/edisi/2021/index.html", site)
    assert english.text_of("h1") == "UKM Virtual Expo II (English)"
    assert "Nov 16 – 30, 2021" in english.text_of("main") and "Fashion" in english.text_of("main")
    assert Page(site / "en/edisi/index.html", site).text_of("h1") == "Editions"
    assert "Exhibitors of UKM Virtual Expo II (English) (archive)" == \
        Page(site / "en/edisi/2021/arsip/index.html", site).text_of("h1")


def test_english_counts_are_singular_for_one(site):
    """'1 booth · 2 products', not '1 booths' (Indonesian has one form: '1 booth · 2 produk')."""
    index = Page(site / "en/edisi/index.html", site)
    items = [" ".join(li.text.split()) for li in index.find("ul", class_="editions").children]
    assert "2 booths · 3 products" in items[0] and "1 booth · 2 products" in items[1]
    home = Page(site / "en/index.html", site)
    tiles = [" ".join(e.text.split()) for e in home.elements if e.attrs.get("class") == "count"]
    assert "1 booth" in tiles and "1 booths" not in tiles
    archive = Page(site / "en/edisi/2020/arsip/index.html", site)
    assert "1 booth · 2 products" in archive.text_of("main")
    # The descriptions search engines and link previews show, too.
    descriptions = [Page(p, site).find("meta", name="description").attrs["content"]
                    for p in sorted((site / "en").rglob("index.html"))]
    assert any(re.search(r"\b1 booth\b", d) for d in descriptions)
    assert not [d for d in descriptions if re.search(r"\b1 (booths|products)\b", d)]


def test_search_engines_get_each_edition_as_an_event_and_in_the_sitemap(site):
    page = Page(site / "edisi/2021/index.html", site)
    data = [json.loads(s.text) for s in page.find_all("script", type="application/ld+json")]
    event = next(d for d in data if d["@type"] == "ExhibitionEvent")
    assert (event["name"], event["url"], event["startDate"], event["endDate"], event["description"]) == (
        "UKM Virtual Expo II", "https://expo.example.id/edisi/2021/", "2021-11-16T00:00:00+07:00",
        "2021-11-30T23:59:59+07:00", "Fesyen")
    assert event["superEvent"]["url"] == "https://expo.example.id/"
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")
    assert [i["name"] for i in crumbs["itemListElement"]] == ["Beranda", "Edisi", "UKM Virtual Expo II (halaman 1)"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("edisi/", "edisi/2021/", "edisi/2021/2/", "edisi/2020/arsip/", "en/edisi/2021/arsip/2/"):
        assert f"<loc>https://expo.example.id/{path}</loc>" in sitemap, path


def test_every_link_of_the_edition_pages_resolves(site):
    for path in sorted((site / "edisi").rglob("index.html")) + sorted((site / "en/edisi").rglob("index.html")):
        page = Page(path, site)
        for url in page.references():
            local = url.replace("https://expo.example.id", "") if url.startswith("https://expo.example.id") else url
            target = page.resolve(local)
            assert target is None or target.exists(), (path, url)


def test_an_expo_without_editions_has_no_edition_pages_nor_menu(tmp_path):
    root = make_project(tmp_path / "p", extra_settings="EXPO_EDITIONS = []\n")
    output = build(root).output
    assert not (output / "edisi").exists() and not (output / "en/edisi").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "edisi/" not in home and "current-edition" not in home
    assert 'class="meta editions"' not in (output / "booth/batik-sari/index.html").read_text(encoding="utf-8")


# --- import-csv: an "Edisi" column, read by the same reader


def import_rows(tmp_path: Path, editions_cell: str) -> tuple[int, str, Path]:
    root = make_project(tmp_path / "p", exhibitors={}, extra_settings=TWO_EDITIONS + "EXPO_RECOMMEND_VIDEO = False\n")
    write_photo(tmp_path / "foto" / "tempe.jpg", size=(640, 480))
    csv_file = tmp_path / "foto" / "produk.csv"
    csv_file.write_text("Nama Usaha,Kategori,Kota/Kabupaten,Owners,Nomor WhatsApp,Edisi,Nama Produk,Foto\n"
                        f'Keripik Bu Sri,Kuliner,Kabupaten Batang,bu-sri,0813-1111-2222,"{editions_cell}",'
                        "Keripik Tempe,tempe.jpg\n", encoding="utf-8")
    out = io.StringIO()
    code = run_import(root, csv_file, tmp_path / "foto", out=out)
    return code, out.getvalue(), root / "exhibitors/keripik-bu-sri/exhibitor.yml"


def test_import_csv_writes_edition_keys_from_keys_or_names(tmp_path):
    code, output, yml = import_rows(tmp_path, "2020, UKM Virtual Expo II")
    assert code == 0, output
    assert yaml.safe_load(yml.read_text(encoding="utf-8"))["editions"] == ["2020", "2021"]


def test_import_csv_reports_an_unknown_edition_at_its_cell(tmp_path):
    code, output, yml = import_rows(tmp_path, "2020; 2019")
    assert code == 1 and not yml.exists()
    assert [line.strip() for line in output.splitlines() if line.startswith("  produk.csv")] == [
        'produk.csv:2: Edisi: "2019" bukan edisi expo yang dikenal. Pilih dari: 2020, 2021']


def test_an_edition_theme_without_english_is_marked_indonesian_on_english_pages(tmp_path):
    """Screen readers read 'Kuliner' in Indonesian on the English editions list, 'Fashion' in English."""
    settings = TWO_EDITIONS.replace('"end_date": "2020-08-07"}', '"end_date": "2020-08-07", "theme": "Kuliner"}')
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML + "editions: [2020, 2021]\n"},
                        extra_settings=settings)
    output = build(root).output
    index = Page(output / "en/edisi/index.html", output)
    themes = {" ".join(e.text.split()): e.attrs.get("lang") for e in index.elements
              if e.tag == "span" and e.attrs.get("class") == "small"}
    assert themes == {"Kuliner": "id", "Fashion": None}
