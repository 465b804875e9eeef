"""Sharing and the physical booth: link previews on every page, share buttons, QR codes that
decode to the page's address, printable posters, and schema.org data search engines accept."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image, ImageDraw

from expo.cli.build import build
from htmlkit import Page, pages
from sitekit import GOOD_YML, SECOND_YML, make_project

SITE = "https://expo.example.id"
PUBLISHED = f'SITEURL = "{SITE}"\nRELATIVE_URLS = False\nEXPO_START_DATE = "2026-11-16"\nEXPO_END_DATE = "2026-11-30"\n'


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("share") / "p", extra_settings=PUBLISHED)
    build(root)
    return root / "output"


def meta(page: Page, prop: str) -> str:
    return page.find("meta", property=prop).attrs["content"]


def test_every_page_has_a_link_preview_image_url_and_canonical(published):
    for page in pages(published):
        if page.path.name == "404.html":
            continue
        image = meta(page, "og:image")
        assert image.startswith(SITE + "/") and (published / image[len(SITE) + 1:]).is_file(), page.path
        assert meta(page, "og:url") == page.find("link", rel="canonical").attrs["href"]
        assert meta(page, "og:url").startswith(SITE + "/")
    home = Page(published / "index.html", published)
    assert meta(home, "og:image") == f"{SITE}/expo-share.jpg"
    assert meta(Page(published / "en/index.html", published), "og:image") == f"{SITE}/expo-share-en.jpg"


def test_the_expo_image_is_a_light_1200x630_jpeg(published):
    for name in ("expo-share.jpg", "expo-share-en.jpg"):
        data = (published / name).read_bytes()
        image = Image.open(io.BytesIO(data))
        assert (image.format, image.size) == ("JPEG", (1200, 630)) and len(data) < 300_000
        assert image.getpixel((5, 5)) == pytest.approx((138, 59, 18), abs=6)  # the brand colour


def test_favicon_icons_and_manifest_exist_and_are_linked(published):
    page = Page(published / "en/booth/batik-sari/index.html", published)
    for link in page.find_all("link", rel="icon") + page.find_all("link", rel="manifest"):
        assert (published / link.attrs["href"][len(SITE) + 1:]).is_file()
    assert Image.open(published / "favicon.ico").format == "ICO"  # where browsers look unasked
    manifest = json.loads((published / "en/manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Central Java Virtual UMKM Expo 2026" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        path = (published / "en" / icon["src"]).resolve()
        assert Image.open(path).size == tuple(int(n) for n in icon["sizes"].split("x"))


def test_share_buttons_link_the_page(published):
    page = Page(published / "booth/batik-sari/kain-batik-tulis-parang/index.html", published)
    share = page.find("div", class_="share")
    whatsapp = next(a for a in share.children if a.tag == "a")
    url = urlsplit(whatsapp.attrs["href"])
    assert (url.netloc, url.path) == ("wa.me", "/")
    assert parse_qs(url.query)["text"] == [
        f"Kain Batik Tulis Parang · Batik Sari {SITE}/booth/batik-sari/kain-batik-tulis-parang/"]
    copy = next(b for b in share.children if b.tag == "button")
    assert copy.attrs["data-url"] == f"{SITE}/booth/batik-sari/kain-batik-tulis-parang/"
    assert "hidden" in copy.attrs and " ".join(copy.text.split()) == "Salin tautan"
    english = Page(published / "en/booth/batik-sari/index.html", published).find("div", class_="share")
    assert [" ".join(e.text.split()) for e in english.children if e.tag in ("a", "button")] == [
        "Share on WhatsApp", "Copy link"]


def rasterise(svg: str, scale: int = 8) -> Image.Image:
    """Draw segno's SVG (a white square, then one path of horizontal 1-module strokes at half
    rows) into a bitmap, so the test decodes the very file the site publishes."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    [path] = re.findall(r'<path stroke="#000" d="([^"]+)"', svg)
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            length = float(a)
            draw.rectangle((x * scale, (y - .5) * scale, (x + length) * scale - 1, (y + .5) * scale - 1), fill=0)
            x += length
    return image


def decode(svg_path: Path) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    return [r.text for r in zxingcpp.read_barcodes(rasterise(svg_path.read_text(encoding="utf-8")))]


def test_qr_codes_decode_to_the_page_address(published):
    expected = {
        "booth/batik-sari/qr.svg": f"{SITE}/booth/batik-sari/",
        "booth/batik-sari/kain-batik-tulis-parang/qr.svg": f"{SITE}/booth/batik-sari/kain-batik-tulis-parang/",
        "en/booth/keripik-bu-sri/keripik-tempe/qr.svg": f"{SITE}/en/booth/keripik-bu-sri/keripik-tempe/",
    }
    for path, address in expected.items():
        assert decode(published / path) == [address], path
    assert len(list(published.rglob("qr.svg"))) == 2 * (2 + 3)  # every booth and product, both languages


def test_a_local_preview_makes_no_qr_code_and_its_poster_says_why(tmp_path):
    root = make_project(tmp_path / "p")
    build(root)
    site = root / "output"
    assert list(site.rglob("qr.svg")) == []
    poster = Page(site / "poster/batik-sari/index.html", site)
    assert "EXPO_SITEURL" in poster.text_of("p", class_="poster-missing")
    assert not [m for m in poster.elements if m.tag == "meta" and m.attrs.get("property") == "og:image"]


def test_the_poster_has_name_logo_qr_whatsapp_and_three_products(tmp_path):
    four = GOOD_YML + "".join(f"  - name: Produk {n}\n    price: {n}000\n    photos: [produk-1.jpg]\n" for n in (3, 4))
    root = make_project(tmp_path / "p", {"batik-sari": four, "keripik-bu-sri": SECOND_YML}, extra_settings=PUBLISHED)
    build(root)
    site = root / "output"
    poster = Page(site / "poster/batik-sari/index.html", site)
    assert poster.text_of("h1") == "Batik Sari"
    assert poster.find("div", class_="poster-logo").children
    qr = next(i for i in poster.find_all("img") if i.attrs["src"].endswith("qr.svg"))
    assert qr.attrs["src"] == f"{SITE}/booth/batik-sari/qr.svg"
    assert poster.text_of("p", class_="poster-wa") == "WhatsApp: +62 812-2233-4455"
    products = poster.find("ul", class_="poster-products").children
    assert [" ".join(li.children[-2].text.split()) for li in products] == [
        "Kain Batik Tulis Parang", "Selendang Sutra", "Produk 3"]
    assert [m.attrs["content"] for m in poster.find_all("meta", name="robots")] == ["noindex"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "poster/" not in sitemap and "keranjang/" not in sitemap
    css = (Path(__file__).resolve().parent.parent / "theme/static/css/expo.css").read_text(encoding="utf-8")
    assert "@page { size: A4" in css
    booth = Page(site / "booth/batik-sari/index.html", site)
    assert f"{SITE}/poster/batik-sari/" in [a.attrs.get("href") for a in booth.find_all("a")]


# What search engines require of each schema.org type we publish (Google Search Central's
# structured data reference), as (property, check of its value).
def _absolute(value) -> bool:
    return isinstance(value, str) and value.startswith(SITE + "/")


def _jakarta_time(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", value) is not None


def _list_items(keys: tuple[str, ...]):
    def check(items) -> bool:
        return bool(items) and [i["position"] for i in items] == list(range(1, len(items) + 1)) and all(
            i["@type"] == "ListItem" and all(i.get(k) for k in keys) for i in items) and all(
            _absolute(i.get("item", i.get("url"))) for i in items)
    return check


def _offer(offer) -> bool:
    if offer["@type"] == "Offer":
        return offer["priceCurrency"] == "IDR" and isinstance(offer["price"], int)
    return offer["@type"] == "AggregateOffer" and offer["priceCurrency"] == "IDR" and isinstance(offer["lowPrice"], int)


def _location(location) -> bool:
    places = location if isinstance(location, list) else [location]
    return all((p["@type"] == "VirtualLocation" and _absolute(p["url"]))
               or (p["@type"] == "Place" and p["address"]["streetAddress"]) for p in places)


REQUIRED = {
    "Product": [("name", bool), ("offers", _offer), ("image", lambda v: all(map(_absolute, v)))],
    "ExhibitionEvent": [("name", bool), ("startDate", _jakarta_time), ("endDate", _jakarta_time),
                        ("location", _location), ("eventAttendanceMode", lambda v: v.startswith("https://schema.org/"))],
    "LocalBusiness": [("name", bool), ("address", lambda a: a["@type"] == "PostalAddress" and a["addressLocality"]),
                      ("url", _absolute)],
    "BreadcrumbList": [("itemListElement", _list_items(("name", "item")))],
    "ItemList": [("itemListElement", _list_items(("url",)))],
}


def blocks(page: Page) -> list[dict]:
    return [json.loads(e.text) for e in page.elements
            if e.tag == "script" and e.attrs.get("type") == "application/ld+json"]


def test_every_schema_org_block_has_what_search_engines_require(published):
    seen: dict[str, set[str]] = {}
    for page in pages(published):
        for block in blocks(page):
            assert block["@context"] == "https://schema.org"
            kind = block["@type"]
            assert kind in REQUIRED, (page.path, kind)  # no VideoObject: no upload date in the data
            for name, check in REQUIRED[kind]:
                assert name in block and check(block[name]), (page.path, kind, name, block.get(name))
            seen.setdefault(kind, set()).add(page.path.relative_to(published).as_posix())
    assert seen["ExhibitionEvent"] == {"index.html", "en/index.html"}
    assert "booth/batik-sari/index.html" in seen["LocalBusiness"]
    assert {"kategori/batik/index.html", "kota/kabupaten-batang/index.html", "peserta/index.html"} <= seen["ItemList"]
    assert "en/booth/batik-sari/kain-batik-tulis-parang/index.html" in seen["BreadcrumbList"]


def test_booth_data_names_its_address_once_and_its_shops(published):
    [booth] = [b for b in blocks(Page(published / "booth/batik-sari/index.html", published))
               if b["@type"] == "LocalBusiness"]
    assert booth["address"]["streetAddress"] == "Jl. Hayam Wuruk 12, Kota Pekalongan"
    assert booth["sameAs"][:2] == ["https://www.tokopedia.com/batiksari", "https://shopee.co.id/batiksari"]
    assert booth["telephone"] == "+6281222334455"
    crumbs = [b for b in blocks(Page(published / "booth/batik-sari/selendang-sutra/index.html", published))
              if b["@type"] == "BreadcrumbList"][0]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Beranda", "Batik", "Batik Sari", "Selendang Sutra"]


def test_a_hybrid_expo_is_online_and_at_its_venue(tmp_path):
    root = make_project(tmp_path / "p", extra_settings=PUBLISHED + 'EXPO_VENUE = "GOR Jetayu, Kota Pekalongan"\n')
    build(root)
    [event] = [b for b in blocks(Page(root / "output/index.html", root / "output")) if b["@type"] == "ExhibitionEvent"]
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in event["location"]] == ["Place", "VirtualLocation"]
    assert (event["startDate"], event["endDate"]) == ("2026-11-16T00:00:00+07:00", "2026-11-30T23:59:59+07:00")


@pytest.mark.parametrize("settings, indonesian, english", [
    ({"EXPO_START_DATE": "16-11-2026", "EXPO_END_DATE": "2026-11-30"},
     "EXPO_START_DATE harus tanggal seperti \"2026-11-16\", bukan '16-11-2026'",
     "EXPO_START_DATE must be a date like \"2026-11-16\", not '16-11-2026'"),
    ({"EXPO_START_DATE": "2026-11-30", "EXPO_END_DATE": "2026-11-16"},
     "EXPO_END_DATE lebih awal dari EXPO_START_DATE", "EXPO_END_DATE is before EXPO_START_DATE"),
    ({"EXPO_START_DATE": "2026-11-16"}, "EXPO_START_DATE dan EXPO_END_DATE diisi bersama",
     'EXPO_START_DATE and EXPO_END_DATE go together, e.g. "2026-11-16" and "2026-11-30"'),
    ({"EXPO_BRAND_COLOUR": "brown"}, 'EXPO_BRAND_COLOUR harus warna seperti "#8a3b12"',
     'EXPO_BRAND_COLOUR must be a colour like "#8a3b12"'),
    ({"EXPO_ORDER_CODE_PREFIX": "uvo-26"}, "EXPO_ORDER_CODE_PREFIX harus 2 sampai 8 huruf besar atau angka",
     'EXPO_ORDER_CODE_PREFIX must be 2 to 8 capital letters or digits, e.g. "UVO26"'),
    ({"EXPO_CART_MESSAGE": "Halo {booth}, {produk}"},
     "EXPO_CART_MESSAGE memakai {produk}; yang boleh: {booth}, {expo}, {items}, {total}, {code}",
     "EXPO_CART_MESSAGE uses {produk}; it may use {booth}, {expo}, {items}, {total}, {code}"),
])
def test_event_and_cart_settings_mistakes_are_named(settings, indonesian, english):
    """Indonesian first, then the English in brackets."""
    from expo.settings import ExpoSettings, SettingsError

    with pytest.raises(SettingsError) as error:
        ExpoSettings.from_pelican(settings)
    [mistake] = error.value.mistakes
    assert mistake.startswith(indonesian) and mistake.endswith(f"({english}).")
