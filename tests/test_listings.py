"""Listings that scale and a storefront home: category, city and directory pages by number,
each page light, on a generated 150-booth expo; the home page's first screen sells."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from expo.cli.build import BuildFailed, build
from expo.content.models import Exhibitor
from expo.site.storefront import home_products, pages_of, round_robin
from htmlkit import Page
from sitekit import make_project, write_photo

BOOTHS = 150
CITIES = ("Kota Pekalongan", "Kabupaten Batang", "Kota Semarang", "Kabupaten Klaten", "Kota Surakarta")
# A listing page of 24 booth cards and 24 product cards, with every photo in 3 widths x 2
# formats, the header, the menu and the footer: the HTML a phone downloads before any photo.
LISTING_BUDGET = 64 * 1024


def booth_yml(number: int) -> str:
    category = "batik" if number < 120 else "kuliner"  # 120 batik booths, as in the issue
    products = "".join(f"""
  - name: Produk {number} Nomor {n}
    price: {15000 * n + number}
    photos: [produk-1.jpg]
""" for n in range(1, 4))
    return f"""\
name: Booth Nomor {number:03d}
tagline: Usaha keluarga nomor {number} dengan produk pilihan
category: {category}
city: {CITIES[number % len(CITIES)]}
owners: [pemilik-{number}]
whatsapp: "0812-3456-{number:04d}"
logo: logo.png
joined: 2026-11-{1 + number % 28:02d}
products:{products}"""


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    booths = {f"booth-{n:03d}": booth_yml(n) for n in range(BOOTHS)}
    # The three featured booths are also the newest: "Baru bergabung" must skip them.
    root = make_project(tmp_path_factory.mktemp("big") / "project", booths,
                        extra_settings='EXPO_LANGUAGES = ["id"]\nEXPO_FEATURED = ["booth-027", "booth-055", "booth-083"]\n')
    build(root)
    return root / "output"


def listing_pages(site: Path) -> list[Path]:
    return sorted(p for folder in ("kategori", "kota", "peserta") for p in (site / folder).rglob("index.html"))


def test_category_city_and_directory_pages_are_numbered(big):
    batik = sorted((big / "kategori/batik").glob("*/index.html"))
    assert [p.parent.name for p in batik] == ["2", "3", "4", "5"]  # 120 booths, 24 a page
    page = Page(big / "kategori/batik/3/index.html", big)
    numbers = [a.text.strip() for a in page.find("nav", class_="pager").children[1].children
               for a in a.children if a.tag == "a"]
    assert numbers == ["1", "2", "3", "4", "5"]
    current = page.find("a", class_="current")
    assert current.attrs["aria-current"] == "page" and current.text.strip() == "3"
    assert page.resolve(page.find("a", rel="prev").attrs["href"]) == big / "kategori/batik/2/index.html"
    assert page.resolve(page.find("a", rel="next").attrs["href"]) == big / "kategori/batik/4/index.html"
    assert len(page.find_all("article", class_="booth-card")) == 24
    assert (big / "peserta/7/index.html").is_file() and not (big / "peserta/8").exists()  # 150 / 24
    middle = Page(big / "peserta/4/index.html", big).find("nav", class_="pager").children[1]
    shown = [" ".join(li.text.split()) for li in middle.children]
    assert shown == ["1", "…", "3", "4", "5", "…", "7"]  # fits a phone however many pages
    assert (big / "kota/kota-semarang/2/index.html").is_file()


def test_every_booth_is_on_exactly_one_page_of_its_category(big):
    seen = []
    for path in [big / "kategori/batik/index.html", *sorted((big / "kategori/batik").glob("*/index.html"))]:
        page = Page(path, big)
        seen += [a.attrs["href"] for a in page.find_all("a") if re.search(r"booth/booth-\d+/$", a.attrs.get("href", ""))
                 and a.text.strip().startswith("Booth Nomor")]
    assert len(seen) == len(set(seen)) == 120


def test_each_listing_page_stays_light(big):
    sizes = {p.relative_to(big).as_posix(): p.stat().st_size for p in listing_pages(big)}
    assert len(sizes) > 20
    heaviest = max(sizes, key=sizes.get)
    assert sizes[heaviest] <= LISTING_BUDGET, (heaviest, sizes[heaviest])


def test_a_listing_shows_one_product_of_every_booth_before_a_second(big):
    page = Page(big / "kategori/kuliner/index.html", big)
    names = [h.text.strip() for h in page.find("section", **{"aria-labelledby": "produk"}).children[1].children
             for h in h.children[0].children if h.tag == "h3"]
    assert len(names) == 24 and all(n.endswith("Nomor 1") for n in names)


def test_later_pages_lead_back_to_their_category_in_the_breadcrumbs(big):
    crumbs = [a.text for a in Page(big / "kategori/batik/2/index.html", big).find("nav", class_="crumbs").children[0].children
              for a in a.children]
    assert crumbs == ["Beranda", "Kategori", "Batik"]


def test_the_category_index_lists_every_category_with_counts(big):
    page = Page(big / "kategori/index.html", big)
    rows = [" ".join(li.text.split()) for li in page.find("ul", class_="list").children]
    assert "Batik 120 booth · 360 produk" in rows and "Kuliner 30 booth · 90 produk" in rows


def test_featured_and_new_booths_never_repeat_a_booth(big):
    page = Page(big / "index.html", big)
    booths = []
    for section in ("unggulan", "terbaru"):
        cards = page.find("section", **{"aria-labelledby": section}).children[1].children
        booths += [c.children[0].attrs["href"] for c in cards]
    assert len(booths) == 9 and len(set(booths)) == 9  # 3 featured, then the 6 newest others
    assert not any(b.endswith(("booth-027/", "booth-055/", "booth-083/")) for b in booths[3:])


def test_the_home_page_opens_with_dates_category_tiles_and_priced_products(big):
    page = Page(big / "index.html", big)
    hero = page.find("section", class_="hero")
    assert "16-30 November 2026" in " ".join(hero.text.split())  # from pelicanconf.py EXPO_DATES
    tiles = [" ".join(a.text.split()) for a in page.find("ul", class_="tiles").children for a in a.children]
    assert tiles == ["Batik 120 booth", "Kuliner 30 booth"]
    window = page.find("section", **{"aria-labelledby": "etalase"})
    cards = [c for c in window.children[1].children if c.tag == "article"]
    assert len(cards) == 8
    for card in cards:
        assert card.children[0].children[0].tag == "picture"
        assert any(p.attrs.get("class") == "price" and p.text.startswith("Rp") for p in card.children)
    # The first product photo is the page's first image, loaded first.
    first = page.find_all("img")[0]
    assert first.attrs.get("fetchpriority") == "high" and "loading" not in first.attrs


def test_booth_cards_never_show_a_cropped_logo(big):
    page = Page(big / "kategori/batik/index.html", big)
    card_images = [e.attrs["src"] for e in page.find_all("img")]
    assert card_images and not any("/logo-" in src for src in card_images)


# --- pure rules -------------------------------------------------------------------------------

def _booth(slug: str, products: int):
    from types import SimpleNamespace

    return SimpleNamespace(slug=slug, products=tuple(f"{slug}-{n}" for n in range(products)))


def test_round_robin_takes_the_first_product_of_every_booth_first():
    booths = [_booth("a", 3), _booth("b", 1), _booth("c", 2)]
    assert round_robin(booths, 10) == ("a-0", "b-0", "c-0", "a-1", "c-1", "a-2")
    assert round_robin(booths, 2) == ("a-0", "b-0")


def test_home_products_start_with_the_featured_booths():
    a, b, c = _booth("a", 2), _booth("b", 2), _booth("c", 2)
    assert home_products([c], [a, b, c], 4) == ("c-0", "a-0", "b-0", "c-1")


def test_pages_of_keeps_one_empty_page():
    assert pages_of((), 24) == [()] and pages_of(tuple(range(5)), 2) == [(0, 1), (2, 3), (4,)]


# --- the organiser's banner -------------------------------------------------------------------

def test_the_hero_image_is_published_and_shown(tmp_path):
    root = make_project(tmp_path / "p", extra_settings='EXPO_HERO_IMAGE = "content/images/banner.jpg"\nEXPO_LANGUAGES = ["id"]\n')
    write_photo(root / "content/images/banner.jpg", size=(1600, 500))
    build(root)
    page = Page(root / "output/index.html", root / "output")
    banner = page.find("img", class_="banner")
    assert page.resolve(banner.attrs["src"]).read_bytes() == (root / "content/images/banner.jpg").read_bytes()
    assert banner.attrs["alt"] == "" and banner.attrs["fetchpriority"] == "high"
    assert (banner.attrs["width"], banner.attrs["height"]) == ("1600", "500")


@pytest.mark.parametrize("setting, message", [
    ('"content/images/tidak-ada.jpg"', 'pelicanconf.py: EXPO_HERO_IMAGE: file "content/images/tidak-ada.jpg" tidak '
     "ada di folder proyek. Taruh foto banner di sana (misalnya content/images/banner.jpg) atau kosongkan "
     "EXPO_HERO_IMAGE"),
    ('"content/banner.gif"', 'EXPO_HERO_IMAGE harus berkas foto (.jpg, .jpeg, .png, .webp, .avif), mis. '
     '"content/images/banner.jpg", bukan "content/banner.gif" (EXPO_HERO_IMAGE must be a photo file'),
])
def test_a_wrong_hero_image_stops_the_build_with_a_clear_message(tmp_path, capsys, setting, message):
    root = make_project(tmp_path / "p", extra_settings=f"EXPO_HERO_IMAGE = {setting}\n")
    with pytest.raises(BuildFailed) as failure:
        build(root)
    printed = capsys.readouterr().err + str(failure.value)
    assert message in printed
    assert "Traceback" not in printed


def test_a_banner_that_is_not_a_photo_is_named(tmp_path, capsys):
    root = make_project(tmp_path / "p", extra_settings='EXPO_HERO_IMAGE = "content/banner.png"\n')
    (root / "content/banner.png").write_text("bukan foto", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(root)
    assert ('pelicanconf.py: EXPO_HERO_IMAGE: file "content/banner.png" bukan foto yang bisa dibuka. '
            "Simpan ulang sebagai JPEG atau PNG") in capsys.readouterr().err
