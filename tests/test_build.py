"""Build a sample project and check the site a visitor gets, by parsing its HTML."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from expo.cli.build import BuildFailed, build
from htmlkit import Page, pages
from sitekit import GOOD_YML, SECOND_YML, make_project, write_exhibitor


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("site") / "project")
    build(root)
    return root / "output"


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_page_a_visitor_needs_exists(site):
    expected = [
        "index.html", "404.html", "peserta/index.html", "kota/index.html", "tentang/index.html",
        "booth/batik-sari/index.html", "booth/batik-sari/kain-batik-tulis-parang/index.html",
        "booth/batik-sari/selendang-sutra/index.html", "booth/keripik-bu-sri/keripik-tempe/index.html",
        "kategori/batik/index.html", "kategori/kuliner/index.html", "kota/kota-pekalongan/index.html",
        "kota/kabupaten-batang/index.html",
    ]
    missing = [p for p in expected if not (site / p).is_file()]
    assert missing == []


def test_blog_parts_of_pelican_are_off(site):
    for name in ("feeds", "tag", "author", "category", "archives.html", "tags.html", "home"):
        assert not (site / name).exists(), name


def test_every_internal_link_and_image_resolves(site):
    broken = []
    for page in pages(site):
        for url in page.references():
            target = page.resolve(url)
            if target is not None and not target.is_file():
                broken.append((page.path.relative_to(site).as_posix(), url))
    assert broken == []


def test_product_page_shows_price_and_a_whatsapp_order_link(site):
    page = Page(site / "booth/batik-sari/kain-batik-tulis-parang/index.html", site)
    assert page.text_of("h1") == "Kain Batik Tulis Parang"
    assert page.text_of("p", class_="price") == "Rp850.000 – Rp1.200.000"
    order = page.find("a", class_="whatsapp")
    url = urlsplit(order.attrs["href"])
    assert (url.scheme, url.netloc, url.path) == ("https", "wa.me", "/6281222334455")
    message = parse_qs(url.query)["text"][0]
    assert "Kain Batik Tulis Parang" in message and "Rp850.000 – Rp1.200.000" in message
    assert "Expo UMKM Virtual Jawa Tengah 2026" in message
    shops = [(a.text.strip(), a.attrs["href"]) for a in page.find_all("a", class_="shop")]
    assert shops == [
        ("Beli di Tokopedia", "https://www.tokopedia.com/batiksari/kain-parang"),
        ("Tokopedia", "https://www.tokopedia.com/batiksari"),
        ("Shopee", "https://shopee.co.id/batiksari"),
    ]
    back = [a.attrs["href"] for a in page.find_all("a", class_="button") if "Kembali" in a.text]
    assert back == ["../../../booth/batik-sari/"]


def test_product_without_whatsapp_offers_the_marketplaces(site):
    page = Page(site / "booth/keripik-bu-sri/keripik-tempe/index.html", site)
    assert page.find_all("a", class_="whatsapp") == []
    assert [a.text.strip() for a in page.find_all("a", class_="shop")] == ["Shopee"]


def test_booth_page_has_profile_contacts_and_products(site):
    page = Page(site / "booth/batik-sari/index.html", site)
    assert page.text_of("h1") == "Batik Sari"
    assert page.text_of("p", class_="tagline") == "Batik tulis warna alam"
    products = [" ".join(h.text.split()) for h in page.find_all("h3")]
    assert products[:2] == ["Kain Batik Tulis Parang", "Selendang Sutra"]
    contact_links = {a.attrs["href"] for a in page.find_all("a") if a.attrs.get("href", "").startswith(("mailto:", "https://www.instagram"))}
    assert contact_links == {"mailto:sari@example.com", "https://www.instagram.com/batiksari/"}
    assert "1234567890123" in page.text_of("ul", class_="badges")


def test_video_is_a_facade_that_loads_nothing_until_tapped(site):
    page = Page(site / "booth/batik-sari/index.html", site)
    assert page.find_all("iframe") == []
    facade = page.find("a", class_="video-facade")
    assert facade.attrs["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert facade.attrs["data-embed"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    for url in page.references():
        assert "ytimg" not in url and "youtube.com/embed" not in url


def test_images_have_dimensions_and_only_the_first_loads_eagerly(site):
    page = Page(site / "booth/batik-sari/kain-batik-tulis-parang/index.html", site)
    images = page.find_all("img")
    assert images and all(i.attrs.get("width") and i.attrs.get("height") for i in images)
    assert images[0].attrs.get("fetchpriority") == "high" and "loading" not in images[0].attrs
    assert all(i.attrs.get("loading") == "lazy" for i in images[1:])
    assert images[0].attrs["alt"] == "Kain Batik Tulis Parang"


def test_home_lists_categories_with_counts_and_cities(site):
    page = Page(site / "index.html", site)
    chips = {" ".join(a.text.split()) for a in page.find_all("a")
             if a.attrs.get("href", "").removeprefix("./").startswith("kategori/")
             and a.attrs["href"].removeprefix("./") != "kategori/"}  # the menu's category index
    assert chips == {"Batik 1 booth", "Kuliner 1 booth"}
    cities = {" ".join(a.text.split()) for a in page.find_all("a") if a.attrs.get("href", "").removeprefix("./").startswith("kota/k")}
    assert cities == {"Kabupaten Batang 1", "Kota Pekalongan 1"}
    assert "Selamat datang." in page.text_of("div", class_="intro")


def test_content_pages_are_in_the_navigation(site):
    page = Page(site / "peserta/index.html", site)
    nav = [a.text.strip() for a in page.find("nav").children[0].children if a.tag == "li" for a in a.children]
    assert "Tentang Expo" in nav


def test_two_builds_give_identical_bytes(tmp_path):
    root = make_project(tmp_path / "p")
    build(root)
    first = tree_digest(root / "output")
    build(root)
    assert tree_digest(root / "output") == first


def test_failed_build_leaves_the_previous_site_untouched(tmp_path, capsys):
    root = make_project(tmp_path / "p")
    build(root)
    before = tree_digest(root / "output")
    write_exhibitor(root, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    with pytest.raises(BuildFailed):
        build(root)
    assert tree_digest(root / "output") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".output")) == []
    report = capsys.readouterr().err
    assert ('exhibitors/batik-sari/exhibitor.yml:3: category: "bati" bukan kategori yang dikenal. '
            'Maksud Anda "batik"?') in report


def test_directory_is_paginated(tmp_path):
    exhibitors = {f"toko-{i:02d}": SECOND_YML.replace("Keripik Bu Sri", f"Toko {i:02d}") for i in range(5)}
    root = make_project(tmp_path / "p", exhibitors, extra_settings="EXPO_DIRECTORY_PER_PAGE = 2\n")
    build(root)
    site = root / "output"
    assert [len(Page(site / f, site).find_all("article")) for f in
            ("peserta/index.html", "peserta/2/index.html", "peserta/3/index.html")] == [2, 2, 1]
    second = Page(site / "peserta/2/index.html", site)
    assert second.find("a", rel="prev").attrs["href"] == "../../peserta/"
    assert second.find("a", rel="next").attrs["href"] == "../../peserta/3/"


def test_exhibitor_markdown_is_sanitised(tmp_path):
    hostile = GOOD_YML.replace(
        "Batik tulis **pewarna alam**, 2 x 1,15 m.",
        "<script>alert(1)</script> [klik](javascript:alert(1)) <img src=x onerror=alert(1)> **ok**")
    root = make_project(tmp_path / "p", {"batik-sari": hostile})
    build(root)
    site = root / "output"
    page = Page(site / "booth/batik-sari/kain-batik-tulis-parang/index.html", site)
    prose = page.find("div", class_="prose")
    tags = {e.tag for e in page.elements}
    # the only scripts without src are data blocks (the cart's JSON), which browsers never run
    inline = [e for e in page.elements if e.tag == "script" and e.attrs.get("src") is None]
    assert [e.attrs.get("type") for e in inline] == ["application/json"]
    assert all(not a.attrs.get("href", "").startswith("javascript") for a in page.find_all("a"))
    assert all(not k.startswith("on") for e in page.elements for k in e.attrs)
    assert "strong" in tags and "ok" in prose.text


def test_url_patterns_are_configurable(tmp_path):
    root = make_project(tmp_path / "p", extra_settings="""
        EXPO_BOOTH_URL = "stand/{slug}.html"
        EXPO_BOOTH_SAVE_AS = "stand/{slug}.html"
        EXPO_PRODUCT_URL = "produk/{booth}-{slug}.html"
        EXPO_PRODUCT_SAVE_AS = "produk/{booth}-{slug}.html"
    """)
    build(root)
    site = root / "output"
    assert (site / "stand/batik-sari.html").is_file()
    assert (site / "produk/batik-sari-selendang-sutra.html").is_file()
    broken = [(p.path.name, u) for p in pages(site) for u in p.references()
              if p.resolve(u) is not None and not p.resolve(u).is_file()]
    assert broken == []
