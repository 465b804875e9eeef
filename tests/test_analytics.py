"""Order analytics (EXPO_ANALYTICS): the setting's checks, nothing at all in the built site when it
is off, the provider's script and the buttons' data attributes when it is on, and
`invoke stats --orders` on exports in each provider's own format (tests/data/analytics)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from expo.cli.build import build, open_project
from expo.content.catalog import load_catalog
from expo.reports.formats import orders_csv, orders_json, orders_table
from expo.reports.orders import OrdersError, read_export, tally
from expo.settings import ExpoSettings, SettingsError
from htmlkit import Page
from sitekit import REPO, make_project
from test_stats import invoke

DATA = Path(__file__).parent / "data" / "analytics"
UMAMI_ID = "b59e9c65-ae32-47f1-8400-119fcf4861c4"
SETTINGS = {
    "umami": {"provider": "umami", "script": "https://stats.example.go.id/script.js", "site": UMAMI_ID},
    "goatcounter": {"provider": "goatcounter", "script": "https://stats.example.go.id/count.js",
                    "site": "https://stats.example.go.id/count"},
    "plausible": {"provider": "plausible", "script": "https://plausible.io/js/script.js",
                  "site": "expo.example.go.id"},
}
# What a page of a site without analytics must not contain, byte for byte.
TRACES = (b"data-offer", b"data-provider", b"analytics.js", b"expoOffer", b"umami", b"goatcounter",
          b"gc.zgo.at", b"plausible", b"stats.example")


# --- the setting

def test_analytics_is_off_by_default_and_each_provider_is_accepted():
    assert ExpoSettings.from_pelican({}).analytics == {}
    for settings in SETTINGS.values():
        assert ExpoSettings.from_pelican({"EXPO_ANALYTICS": settings}).analytics == settings


def test_every_mistake_in_the_analytics_setting_is_reported_at_once():
    with pytest.raises(SettingsError) as caught:
        ExpoSettings.from_pelican({"EXPO_ANALYTICS": {"provider": "matomo", "script": "http://stats.example.go.id/m.js",
                                                      "site": "1", "cookie": "yes"}})
    assert caught.value.mistakes == [
        'EXPO_ANALYTICS: kunci "cookie" tidak dikenal; yang ada: provider, script, site '
        '(unknown key "cookie"; the keys are provider, script, site).',
        'EXPO_ANALYTICS "provider" harus salah satu dari umami, goatcounter, plausible, bukan "matomo" '
        '(must be one of umami, goatcounter, plausible).',
        'EXPO_ANALYTICS "script" harus alamat https skrip penyedia, mis. "https://stats.example.go.id/script.js", '
        'bukan "http://stats.example.go.id/m.js" (must be the https address of the provider\'s script).',
    ]


@pytest.mark.parametrize("provider, site, help_", [
    ("umami", "expo.example.go.id", 'Website ID dari Umami (Settings > Websites), mis. '
                                    '"b59e9c65-ae32-47f1-8400-119fcf4861c4"'),
    ("plausible", "https://expo.example.go.id/", 'domain situs seperti yang didaftarkan di Plausible, mis. '
                                                 '"expo.example.go.id"'),
    ("goatcounter", "kode", 'alamat penghitung GoatCounter, mis. "https://stats.example.go.id/count" atau (or) '
                            '"https://kode.goatcounter.com/count"'),
])
def test_the_site_must_be_what_the_provider_calls_it(provider, site, help_):
    settings = {**SETTINGS[provider], "site": site}
    with pytest.raises(SettingsError) as caught:
        ExpoSettings.from_pelican({"EXPO_ANALYTICS": settings})
    [mistake] = caught.value.mistakes
    assert mistake.startswith(f'EXPO_ANALYTICS "site" harus {help_}, bukan "{site}" (must be ')


@pytest.mark.parametrize("script", ["https://", "https://stats.example.go.id/s.js\" onload=\"x()",
                                    "//stats.example.go.id/script.js", "https://user@stats.example.go.id/s.js",
                                    "https://stats.example.go.id:port/s.js"])
def test_the_script_must_be_a_plain_https_address(script):
    with pytest.raises(SettingsError, match='EXPO_ANALYTICS "script" harus alamat https'):
        ExpoSettings.from_pelican({"EXPO_ANALYTICS": {**SETTINGS["umami"], "script": script}})


# --- the built site

def test_without_analytics_no_page_has_a_script_an_attribute_or_a_request_elsewhere(demo):
    """The demo as organisers get it: every HTML file, byte for byte, and our script unpublished."""
    pages = sorted(demo.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        data = page.read_bytes()
        found = [trace for trace in TRACES if trace in data]
        assert not found, (page, found)
        scripts = re.findall(rb'<script[^>]*\ssrc="([^"]*)"', data)
        assert scripts and all(not src.startswith((b"http:", b"https:", b"//")) for src in scripts), page
    assert not list((demo / "theme" / "js").glob("analytics.*js"))


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def site_with(request, tmp_path_factory):
    provider = request.param
    root = make_project(tmp_path_factory.mktemp(provider) / "p",
                        extra_settings=f"EXPO_ANALYTICS = {SETTINGS[provider]!r}\n")
    build(root)
    return provider, root / "output"


SITE_ATTRIBUTE = {"umami": "data-website-id", "goatcounter": "data-goatcounter", "plausible": "data-domain"}


def test_with_analytics_every_page_loads_the_provider_and_our_script_deferred(site_with):
    provider, output = site_with
    settings = SETTINGS[provider]
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = Page(path, output)
        scripts = [e.attrs for e in page.elements if e.tag == "script" and "src" in e.attrs]
        theirs = [s for s in scripts if s["src"].startswith("https://")]
        assert theirs == [{"defer": "", "src": settings["script"], SITE_ATTRIBUTE[provider]: settings["site"],
                           **({"data-do-not-track": "true"} if provider == "umami" else {})}], path
        ours = [s for s in scripts if re.search(r"theme/js/analytics\.[0-9a-f]{10}\.js$", s["src"])]
        assert len(ours) == 1 and ours[0]["data-provider"] == provider and "defer" in ours[0], path
    assert len(list((output / "theme" / "js").glob("analytics.*.js"))) == 1  # named by its digest


def test_with_analytics_whatsapp_and_shop_buttons_name_channel_booth_and_product(site_with):
    _provider, output = site_with
    product = Page(output / "booth/batik-sari/kain-batik-tulis-parang/index.html", output)
    offers = [(a.attrs["data-offer"], a.attrs["data-booth"], a.attrs.get("data-product"), a.attrs["href"])
              for a in product.find_all("a") if "data-offer" in a.attrs]
    assert [o[:3] for o in offers] == [
        ("whatsapp", "batik-sari", "kain-batik-tulis-parang"),
        ("tokopedia", "batik-sari", "kain-batik-tulis-parang"),  # the product's own shop link
        ("tokopedia", "batik-sari", "kain-batik-tulis-parang"), ("shopee", "batik-sari", "kain-batik-tulis-parang")]
    assert offers[0][3].startswith("https://wa.me/")
    booth = Page(output / "booth/batik-sari/index.html", output)
    assert [(a.attrs["data-offer"], a.attrs.get("data-product")) for a in booth.find_all("a") if "data-offer" in a.attrs] \
        == [("whatsapp", None), ("tokopedia", None), ("shopee", None), ("whatsapp", None)]  # the last: the contact list
    english = Page(output / "en/booth/batik-sari/selendang-sutra/index.html", output)
    assert [a.attrs["data-offer"] for a in english.find_all("a") if "data-offer" in a.attrs] == \
        ["whatsapp", "tokopedia", "shopee"]


def test_switching_analytics_off_leaves_nothing_behind(tmp_path):
    """An incremental build after the setting goes away: pages re-rendered, our script gone."""
    root = make_project(tmp_path / "p", extra_settings=f"EXPO_ANALYTICS = {SETTINGS['umami']!r}\n")
    build(root)
    assert b"data-offer" in (root / "output/booth/batik-sari/index.html").read_bytes()
    settings = root / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace("EXPO_ANALYTICS", "# EXPO_ANALYTICS"),
                        encoding="utf-8")
    build(root)
    for page in (root / "output").rglob("*.html"):
        assert not [t for t in TRACES if t in page.read_bytes()], page
    assert not list((root / "output/theme/js").glob("analytics.*js"))


# --- invoke stats --orders

@pytest.fixture(scope="module")
def demo_catalog():
    project = open_project(REPO)
    catalog, problems = load_catalog(project.root, project.expo)
    assert catalog is not None, problems
    return catalog


EXPORTS = {"plausible": "plausible-custom_props.csv", "umami": "umami-events.csv",
           "goatcounter": "goatcounter-export.csv"}


def _zipped(tmp_path: Path, member: str, source: Path) -> Path:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("visitors.csv", "date,visitors\r\n2026-11-16,9\r\n")
        archive.writestr(member, source.read_bytes())
    return path


def _all_exports(tmp_path: Path) -> list[tuple[str, Path]]:
    """Each sample as the provider hands it out: Plausible and Umami zips, GoatCounter's .csv.gz."""
    gz = tmp_path / "goatcounter-export.csv.gz"
    gz.write_bytes(gzip.compress((DATA / EXPORTS["goatcounter"]).read_bytes()))
    plausible = tmp_path / "plausible"
    umami = tmp_path / "umami"
    plausible.mkdir()
    umami.mkdir()
    return [*((p, DATA / name) for p, name in EXPORTS.items()), ("goatcounter", gz),
            ("plausible", _zipped(plausible, "custom_props.csv", DATA / EXPORTS["plausible"])),
            ("umami", _zipped(umami, "events.csv", DATA / EXPORTS["umami"]))]


def test_the_same_offers_are_read_from_every_providers_export(demo_catalog, tmp_path):
    for provider, path in _all_exports(tmp_path):
        orders = tally(read_export(path), demo_catalog, "UVO26")
        assert orders.provider == provider
        counts = [(b.slug, b.whatsapp, b.cart, b.marketplaces, b.orders) for b in orders.booths if b.total]
        assert counts == [
            ("batik-sogan-pekalongan", 5, 3, {"tokopedia": 3, "blibli": 1}, {"UVO26-3AY-1F2A": 1, "UVO26-3AY-9C0D": 2}),
            ("keripik-tempe-bu-sri", 2, 1, {"shopee": 1}, {"UVO26-KXA-0B9C": 1}),
            ("kopi-lereng-ungaran", 0, 0, {"other": 1}, {}),
        ], path
        assert orders.total == 17 and len(orders.booths) == 10 and orders.warnings == ()


def test_the_orders_table_json_and_csv_are_pinned(demo_catalog):
    orders = tally(read_export(DATA / EXPORTS["umami"]), demo_catalog, "UVO26")
    table = orders_table(orders, "Expo Uji")
    assert table.splitlines()[:5] == [
        f"Expo Uji: 17 penawaran dari {DATA / EXPORTS['umami']} (Umami) (17 offers)",
        "",
        "Penawaran per booth (offers per booth)  WhatsApp  keranjang (cart)  Tokopedia  Shopee  Blibli  Toko online  total",
        "Batik Sogan Pekalongan                         5                 3          3       0       1            0     12",
        "Keripik Tempe Bu Sri                           2                 1          0       1       0            0      4",
    ]
    assert table.splitlines()[-4:] == [
        "Kode pesanan (order codes)  jumlah (count)  booth",
        "UVO26-3AY-1F2A                           1  Batik Sogan Pekalongan",
        "UVO26-3AY-9C0D                           2  Batik Sogan Pekalongan",
        "UVO26-KXA-0B9C                           1  Keripik Tempe Bu Sri",
    ]
    document = json.loads(orders_json(orders))
    assert (document["version"], document["provider"], document["offers"]) == (1, "umami", 17)
    assert document["booths"][0] == {
        "slug": "batik-sogan-pekalongan", "name": "Batik Sogan Pekalongan", "code": "3AY", "total": 12,
        "whatsapp": 5, "cart": 3, "marketplaces": {"tokopedia": 3, "blibli": 1},
        "orders": {"UVO26-3AY-1F2A": 1, "UVO26-3AY-9C0D": 2}}
    text = orders_csv(orders)
    assert text.startswith("\ufeffbooth,name,channel,order_code,count\r\n")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1:9] == [
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "whatsapp", "", "5"],
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "cart", "", "3"],
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "tokopedia", "", "3"],
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "blibli", "", "1"],
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "cart", "UVO26-3AY-1F2A", "1"],
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "cart", "UVO26-3AY-9C0D", "2"],
        ["batik-sogan-pekalongan", "Batik Sogan Pekalongan", "total", "", "12"],
        ["keripik-tempe-bu-sri", "Keripik Tempe Bu Sri", "whatsapp", "", "2"],
    ]
    assert sum(1 for r in rows if r[2] == "total") == 10  # booths without offers are listed too


def _problems(tmp_path: Path, name: str, text: str, catalog) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(OrdersError) as caught:
        tally(read_export(path), catalog, "UVO26")
    return [m.replace(str(path), name) for m in caught.value.messages]


def test_every_bad_row_unknown_booth_and_foreign_code_is_named_by_line(demo_catalog, tmp_path):
    text = ("property,value,visitors,events,percentage\r\n"
            "offer,whatsapp/tidak-ada,1,1,5.0\r\n"
            "offer,shopee/batik-sogan-pekalongan,1,banyak,5.0\r\n"
            "offer,cart/EXPO25-3AY-1F2A,1,1,5.0\r\n"
            "offer,cart/UVO26-ZZZ-1F2A,1,1,5.0\r\n"
            "offer,cart/pesanan-saya,1,1,5.0\r\n"
            "offer\r\n")
    assert _problems(tmp_path, "custom_props.csv", text, demo_catalog) == [
        'custom_props.csv, baris 2: booth "tidak-ada" tidak ada di katalog (no such booth in the catalog).',
        'custom_props.csv, baris 3: jumlah "banyak" bukan bilangan bulat (count is not a whole number)',
        "custom_props.csv, baris 4: kode pesanan EXPO25-3AY-1F2A bukan dari expo ini, yang kodenya berawalan "
        "UVO26 (EXPO_ORDER_CODE_PREFIX) (order code of another expo)",
        "custom_props.csv, baris 5: kode pesanan UVO26-ZZZ-1F2A: tidak ada booth berkode ZZZ (no booth has the code ZZZ)",
        'custom_props.csv, baris 6: "pesanan-saya" bukan kode pesanan seperti UVO26-K7Q-3F2A (not an order code)',
        "custom_props.csv, baris 7: 1 kolom, seharusnya 4 (1 columns, should be 4)",
    ]


def test_files_that_are_no_export_get_one_clear_message(demo_catalog, tmp_path):
    assert _problems(tmp_path, "catalog.json", '{"booths": []}\n', demo_catalog) == [
        'catalog.json, baris 1: kolomnya tidak dikenali (columns not recognised): "{"booths": []}". Yang bisa '
        "dibaca (readable): custom_props.csv dari ekspor Plausible (property,value,visitors,events,...), events.csv "
        "dari ekspor Umami (x,y), atau ekspor CSV GoatCounter (2Path,Title,Event,...)."]
    assert _problems(tmp_path, "kosong.csv", "", demo_catalog) == ["kosong.csv: file kosong (empty file)"]
    binary = tmp_path / "foto.csv"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    with pytest.raises(OrdersError) as caught:
        read_export(binary)
    assert caught.value.messages == [f"{binary}: bukan file CSV (teks UTF-8) (not a CSV file in UTF-8 text)"]
    other_zip = tmp_path / "lain.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("pages.csv", "x,y\r\n/,3\r\n")
    with pytest.raises(OrdersError, match=r"lain.zip: zip ini tidak berisi custom_props.csv \(Plausible\) atau "
                                          r"events.csv \(Umami\)"):
        read_export(other_zip)


def test_an_umami_name_cut_at_50_characters_is_explained(demo_catalog, tmp_path):
    name = "whatsapp/batik-sogan-pekalongan-cabang-kota-pekalo"  # 50 characters, as Umami keeps it
    assert len(name) == 50
    [message] = _problems(tmp_path, "events.csv", f"x,y\r\n{name},2", demo_catalog)
    assert message.endswith("Umami memotong nama event setelah 50 karakter (Umami cuts event names at 50 characters).")


def test_a_full_export_page_warns_that_offers_may_be_missing(demo_catalog, tmp_path):
    rows = "\r\n".join(["x,y"] + [f"lain-{i},1" for i in range(499)] + ["whatsapp/batik-sogan-pekalongan,1"])
    path = tmp_path / "events.csv"
    path.write_text(rows, encoding="utf-8")
    orders = tally(read_export(path), demo_catalog, "UVO26")
    assert orders.total == 1
    assert orders.warnings == (f"{path}: tepat 500 baris, batas ekspor Umami: mungkin ada yang terpotong; ekspor "
                               "per periode yang lebih pendek (exactly 500 rows, Umami's export limit: some may be "
                               "missing; export shorter periods)",)


def test_invoke_stats_orders_prints_the_table_and_fails_cleanly(tmp_path):
    root = tmp_path / "demo"
    for name in ("exhibitors", "content", "theme"):
        shutil.copytree(REPO / name, root / name)
    for name in ("pelicanconf.py", "tasks.py"):
        shutil.copy(REPO / name, root / name)
    done = invoke(root, "stats", "--orders", str(DATA / EXPORTS["goatcounter"]))
    assert done.returncode == 0, done.stderr
    assert "17 penawaran" in done.stdout.decode() and "UVO26-KXA-0B9C" in done.stdout.decode()
    (root / "rusak.csv").write_text("x,y\r\nwhatsapp/tidak-ada,1\r\n", encoding="utf-8")
    failed = invoke(root, "stats", "--orders", "rusak.csv")
    assert failed.returncode == 1 and failed.stdout == b""
    assert failed.stderr.decode() == ('rusak.csv, baris 2: booth "tidak-ada" tidak ada di katalog '
                                      "(no such booth in the catalog).\n")
