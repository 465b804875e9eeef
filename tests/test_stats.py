"""`invoke stats`: the demo's figures pinned, the follow-up lists, and the table, JSON and CSV
an organiser gets."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expo.cli.build import open_project
from expo.content.catalog import load_catalog
from expo.reports.formats import stats_csv
from expo.reports.stats import compute_stats, edition_stats
from sitekit import GOOD_YML, REPO, SECOND_YML, make_project, write_exhibitor


def stats_of(root: Path):
    project = open_project(root)
    catalog, problems = load_catalog(project.root, project.expo)
    assert catalog is not None, problems
    return compute_stats(catalog, dict(project.expo.categories))


def invoke(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=root, capture_output=True,
                          timeout=300, env=env)


def test_demo_stats_are_pinned():
    stats = stats_of(REPO)
    assert (stats.exhibitors, stats.products) == (10, 35)
    assert (stats.prices.priced, stats.prices.low, stats.prices.median, stats.prices.high) == (35, 12000, 60000, 950000)
    rows = {g.key: (g.exhibitors, g.products, g.prices.low, g.prices.median, g.prices.high) for g in stats.categories}
    assert rows == {
        "batik": (2, 8, 185000, 305000, 950000), "fesyen": (2, 6, 55000, 70000, 189000),
        "kuliner": (2, 7, 12000, 35000, 95000), "kerajinan": (1, 4, 40000, 70000, 150000),
        "aksesoris": (1, 3, 20000, 25000, 65000), "perikanan": (1, 4, 35000, 47500, 60000),
        "lainnya": (1, 3, 25000, 27000, 150000)}
    assert [g.key for g in stats.categories] == list(rows)  # the organiser's order
    assert [(g.label, g.exhibitors, g.products) for g in stats.cities] == [
        ("Kabupaten Batang", 1, 3), ("Kabupaten Klaten", 1, 3), ("Kabupaten Pati", 1, 4),
        ("Kabupaten Pekalongan", 1, 3), ("Kabupaten Semarang", 1, 3), ("Kota Kediri", 1, 4),
        ("Kota Pekalongan", 1, 5), ("Kota Semarang", 2, 7), ("Kota Surakarta", 1, 3)]
    assert [(c.label, c.exhibitors) for c in stats.credentials] == [
        ("NIB", 8), ("P-IRT", 2), ("Halal", 3), ("BPOM", 1), ("SNI", 0)]
    assert stats.without_video == ("batik-pesisir-wiradesa", "hijab-humaira-semarang", "kopi-lereng-ungaran",
                                   "lurik-pedan-klaten", "manik-ayu-batang", "sabun-sereh-solo")
    assert stats.single_photo == () and stats.without_price == ()


def test_demo_stats_per_edition_are_pinned():
    project = open_project(REPO)
    catalog, problems = load_catalog(project.root, project.expo)
    assert catalog is not None, problems
    first, second = edition_stats(catalog, dict(project.expo.categories))
    assert [(e.key, e.name, e.start_date, e.end_date) for e in (first, second)] == [
        ("1", "Expo UMKM Virtual Jawa Tengah I", "2026-08-03", "2026-08-14"),
        ("2", "Expo UMKM Virtual Jawa Tengah II", "2026-11-16", "2026-11-30")]
    one, two = first.figures, second.figures
    assert (one.exhibitors, one.products, two.exhibitors, two.products) == (6, 23, 6, 21)
    assert (one.prices.low, one.prices.median, one.prices.high) == (12000, 50000, 850000)
    assert (two.prices.low, two.prices.median, two.prices.high) == (12000, 75000, 950000)
    # every category on each edition's rows, so editions compare line by line
    assert {g.key: (g.exhibitors, g.products) for g in one.categories} == {
        "batik": (1, 5), "fesyen": (0, 0), "kuliner": (2, 7), "kerajinan": (1, 4), "aksesoris": (0, 0),
        "perikanan": (1, 4), "lainnya": (1, 3)}
    assert {g.key: (g.exhibitors, g.products) for g in two.categories} == {
        "batik": (2, 8), "fesyen": (2, 6), "kuliner": (1, 4), "kerajinan": (0, 0), "aksesoris": (1, 3),
        "perikanan": (0, 0), "lainnya": (0, 0)}
    assert [(g.label, g.exhibitors) for g in two.cities] == [
        ("Kabupaten Batang", 1), ("Kabupaten Klaten", 1), ("Kabupaten Pekalongan", 1), ("Kota Pekalongan", 1),
        ("Kota Semarang", 2)]
    assert [(c.label, c.exhibitors) for c in one.credentials] == [
        ("NIB", 6), ("P-IRT", 2), ("Halal", 3), ("BPOM", 1), ("SNI", 0)]
    assert one.without_video == ("kopi-lereng-ungaran", "sabun-sereh-solo")
    assert two.without_video == ("batik-pesisir-wiradesa", "hijab-humaira-semarang", "lurik-pedan-klaten",
                                 "manik-ayu-batang")


def test_demo_stats_per_edition_in_the_table_json_and_csv(tmp_path):
    table = invoke(REPO, "stats")
    assert table.returncode == 0, table.stderr.decode()
    headings = [line for line in table.stdout.decode("utf-8").splitlines() if ": " in line and "produk (" in line]
    assert headings == [
        "Expo UMKM Virtual Jawa Tengah 2026: 10 booth, 35 produk (10 booths, 35 products)",
        "Edisi (edition) 1, Expo UMKM Virtual Jawa Tengah I, 2026-08-03 - 2026-08-14: 6 booth, 23 produk "
        "(6 booths, 23 products)",
        "Edisi (edition) 2, Expo UMKM Virtual Jawa Tengah II, 2026-11-16 - 2026-11-30: 6 booth, 21 produk "
        "(6 booths, 21 products)"]
    document = json.loads(invoke(REPO, "stats", "--json").stdout.decode("utf-8"))
    assert document["exhibitors"] == 10  # the whole expo as before, the editions beside it
    assert [(e["key"], e["start_date"], e["exhibitors"], e["products"], e["without_video"])
            for e in document["editions"]] == [
        ("1", "2026-08-03", 6, 23, ["kopi-lereng-ungaran", "sabun-sereh-solo"]),
        ("2", "2026-11-16", 6, 21, ["batik-pesisir-wiradesa", "hijab-humaira-semarang", "lurik-pedan-klaten",
                                    "manik-ayu-batang"])]
    rows = list(csv.DictReader(io.StringIO(invoke(REPO, "stats", "--csv").stdout.decode("utf-8-sig"), newline="")))
    totals = [(r["edition"], r["exhibitors"], r["products"]) for r in rows if r["section"] == "total"]
    assert totals == [("", "10", "35"), ("1", "6", "23"), ("2", "6", "21")]
    assert {(r["edition"], r["exhibitors"]) for r in rows if r["section"] == "category" and r["key"] == "fesyen"} == {
        ("", "2"), ("1", "0"), ("2", "2")}


NO_PRICE_YML = """\
name: Tenun Troso
category: fesyen
city: kota pekalongan
owners: [troso]
whatsapp: "0812-1111-2222"
products:
  - name: Kain Tenun
    photos: [kain.jpg, selendang.jpg]
  - name: Syal Tenun
    photos: [kain.jpg]
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("stats") / "p", {
        "batik-sari": GOOD_YML, "keripik-bu-sri": SECOND_YML, "tenun-troso": NO_PRICE_YML})
    shutil.copy(REPO / "tasks.py", root / "tasks.py")
    return root


def test_follow_ups_price_ranges_and_cities_on_a_small_expo(project):
    stats = stats_of(project)
    assert stats.without_video == ("tenun-troso",)  # the others have a booth video
    assert stats.single_photo == ("keripik-bu-sri",)  # tenun-troso shows kain.jpg twice, plus selendang.jpg
    assert stats.without_price == ("tenun-troso",)
    batik = next(g for g in stats.categories if g.key == "batik")
    # 850000-1200000 and 150000: the median of the lower prices, the top of the range as high
    assert (batik.prices.priced, batik.prices.low, batik.prices.median, batik.prices.high) == (2, 150000, 500000, 1200000)
    fesyen = next(g for g in stats.categories if g.key == "fesyen")
    assert (fesyen.exhibitors, fesyen.products, fesyen.prices) == (1, 2, None)
    assert [(g.label, g.exhibitors, g.products) for g in stats.cities] == [
        ("Kabupaten Batang", 1, 1), ("Kota Pekalongan", 2, 4)]  # one city however it is spelt


def test_the_table_reads_like_a_report(project):
    result = invoke(project, "stats")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == """\
Expo UMKM Virtual Jawa Tengah 2026: 3 booth, 5 produk (3 booths, 5 products)

Kategori (category)  booth  produk  terendah (low)     median  tertinggi (high)
Semua (all)              3       5        Rp15.000  Rp150.000       Rp1.200.000
Batik                    1       2       Rp150.000  Rp500.000       Rp1.200.000
Fesyen                   1       2               -          -                 -
Kuliner                  1       1        Rp15.000   Rp15.000          Rp15.000
Kerajinan                0       0               -          -                 -
Aksesoris                0       0               -          -                 -
Perikanan                0       0               -          -                 -
Lainnya                  0       0               -          -                 -

Kota (city)       booth  produk  terendah (low)     median  tertinggi (high)
Kabupaten Batang      1       1        Rp15.000   Rp15.000          Rp15.000
Kota Pekalongan       2       4       Rp150.000  Rp500.000       Rp1.200.000

Izin usaha (credentials)  booth
NIB                           1  33%
P-IRT                         0  0%
Halal                         0  0%
BPOM                          0  0%
SNI                           0  0%

Perlu ditindaklanjuti (follow up)                booth  folder
tanpa video (no video)                               1  tenun-troso
hanya satu foto produk (a single product photo)      1  keripik-bu-sri
tanpa harga (no price)                               1  tenun-troso
"""


def test_json_and_csv_parse_back(project):
    as_json = invoke(project, "stats", "--json")
    assert as_json.returncode == 0, as_json.stderr.decode()
    document = json.loads(as_json.stdout.decode("utf-8"))
    assert (document["version"], document["exhibitors"], document["products"]) == (1, 3, 5)
    assert document["categories"][0] == {"key": "batik", "label": "Batik", "exhibitors": 1, "products": 2,
                                         "prices": {"priced": 2, "low": 150000, "median": 500000, "high": 1200000}}
    assert document["without_price"] == ["tenun-troso"]

    as_csv = invoke(project, "stats", "--csv")
    assert as_csv.returncode == 0, as_csv.stderr.decode()
    assert as_csv.stdout.startswith("\ufeff".encode("utf-8"))  # Excel then reads UTF-8
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.decode("utf-8-sig"), newline="")))
    assert rows[0] == {"section": "total", "key": "", "label": "", "exhibitors": "3", "products": "5",
                       "priced_products": "3", "price_low": "15000", "price_median": "150000",
                       "price_high": "1200000", "booths": ""}
    assert {r["label"]: r["exhibitors"] for r in rows if r["section"] == "credential"} == {
        "NIB": "1", "P-IRT": "0", "Halal": "0", "BPOM": "0", "SNI": "0"}
    assert [(r["section"], r["booths"]) for r in rows[-3:]] == [
        ("without_video", "tenun-troso"), ("single_photo", "keripik-bu-sri"), ("without_price", "tenun-troso")]


def test_a_city_named_like_a_formula_stays_text_in_the_csv(tmp_path):
    # '=' and '"' in a city are refused by validation (symbols); a leading '-' passes it
    hostile = SECOND_YML.replace("city: Kabupaten Batang", "city: '-Ambarawa'")
    root = make_project(tmp_path / "p", {"keripik-bu-sri": hostile})
    stats = stats_of(root)
    [city] = [r for r in csv.reader(io.StringIO(stats_csv(stats).lstrip("\ufeff"))) if r[0] == "city"]
    assert city[2] == "'-Ambarawa"


def test_stats_refuse_invalid_content_and_two_formats(tmp_path):
    root = make_project(tmp_path / "p")
    shutil.copy(REPO / "tasks.py", root / "tasks.py")
    both = invoke(root, "stats", "--json", "--csv")
    assert both.returncode == 1
    assert both.stderr.decode().strip() == "Pakai --json atau --csv, tidak keduanya (use --json or --csv, not both)"
    write_exhibitor(root, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    broken = invoke(root, "stats")
    assert broken.returncode == 1 and broken.stdout == b""
    assert 'exhibitors/batik-sari/exhibitor.yml:3: category: "bati" bukan kategori yang dikenal.' in broken.stderr.decode()
    assert b"Traceback" not in broken.stderr
