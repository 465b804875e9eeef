"""The English site: every page under /en/ with the same paths, English interface text, the
exhibitor's English fields with Indonesian fallback, hreflang both ways, a language switch that
lands on the same page, and wa.me messages in the page's language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from expo.cli.translations import problems as untranslated
from expo.content.catalog import load_catalog
from expo.settings import ExpoSettings
from expo.site.routes import Routes
from expo.site.text import Text
from htmlkit import Page
from sitekit import REPO, make_project

PRODUCT = "booth/keripik-tempe-bu-sri/keripik-tempe-original/index.html"  # has English fields
FALLBACK = "booth/keripik-tempe-bu-sri/keripik-tempe-pedas-daun-jeruk/index.html"  # has none


def order_message(page: Page) -> str:
    link = page.find("a", class_="whatsapp").attrs["href"]
    assert link.startswith("https://wa.me/")
    return parse_qs(urlsplit(link).query)["text"][0]


def test_every_indonesian_page_has_an_english_twin(demo):
    indonesian = {p.relative_to(demo) for p in demo.rglob("*.html") if p.relative_to(demo).parts[0] != "en"}
    english = {p.relative_to(demo / "en") for p in (demo / "en").rglob("*.html")}
    assert indonesian == english and len(english) > 60


def test_lang_and_hreflang_both_ways(demo):
    for path in (PRODUCT, "index.html", "tentang/index.html", "kategori/kuliner/index.html"):
        for lang, prefix in (("id", ""), ("en", "en/")):
            page = Page(demo / prefix / path, demo)
            assert page.find("html").attrs["lang"] == lang
            alternates = {link.attrs["hreflang"]: page.resolve(link.attrs["href"])
                          for link in page.find_all("link", rel="alternate")}
            assert alternates == {"id": demo / path, "en": demo / "en" / path, "x-default": demo / path}


@pytest.mark.parametrize("path", [PRODUCT, "booth/keripik-tempe-bu-sri/index.html", "tentang/index.html"])
def test_the_language_switch_lands_on_the_same_page(demo, path):
    indonesian, english = Page(demo / path, demo), Page(demo / "en" / path, demo)
    to_english = indonesian.find("li", class_="lang-switch").children[0]
    to_indonesian = english.find("li", class_="lang-switch").children[0]
    # the visible code is part of the accessible name (WCAG 2.5.3, axe label-content-name-mismatch)
    assert (to_english.text, to_english.attrs["title"], to_english.attrs["hreflang"]) == ("EN English", "English", "en")
    assert indonesian.resolve(to_english.attrs["href"]) == demo / "en" / path
    assert (to_indonesian.text, to_indonesian.attrs["title"], to_indonesian.attrs["hreflang"]) == (
        "ID Bahasa Indonesia", "Bahasa Indonesia", "id")
    assert english.resolve(to_indonesian.attrs["href"]) == demo / path


def test_english_interface_text(demo):
    page = Page(demo / "en" / PRODUCT, demo)
    assert page.find("a", class_="whatsapp").text == "Order on WhatsApp"
    crumbs = [li.children[0].text for li in page.find("nav", class_="crumbs").children[0].children]
    assert crumbs == ["Home", "Food and drink", "Keripik Tempe Bu Sri"]
    links = [a.text for a in page.find_all("a")]
    assert {"Exhibitors", "Categories", "Cities", "About the Expo", "Skip to content"} <= set(links)
    assert not {"Peserta", "Kategori", "Kota", "Tentang Expo"} & set(links)
    footer = Page(demo / "en" / "index.html", demo).text_of("footer")
    assert "The organisers take no fee." in footer and "Panitia" not in footer
    assert "Organiser: Office of Cooperatives, SMEs and Trade (demo)" in footer
    assert "Central Java Virtual UMKM Expo 2026" in Page(demo / "en" / "index.html", demo).text_of("h1")


def test_english_fields_and_indonesian_fallback(demo):
    page = Page(demo / "en" / PRODUCT, demo)
    assert page.text_of("h1") == "Original Tempeh Chips" and "lang" not in page.find("h1").attrs
    assert "Tempeh sliced" in page.text_of("div", class_="prose")
    fallback = Page(demo / "en" / FALLBACK, demo)
    assert fallback.text_of("h1") == "Keripik Tempe Pedas Daun Jeruk"
    assert fallback.find("h1").attrs["lang"] == "id"  # marked, for screen readers
    assert "pedas" in fallback.text_of("div", lang="id")  # the Indonesian description, not nothing
    assert Page(demo / PRODUCT, demo).text_of("h1") == "Keripik Tempe Original"  # Indonesian stays


def test_wa_me_message_follows_the_page_language(demo):
    english = order_message(Page(demo / "en" / PRODUCT, demo))
    assert english.startswith("Hello Keripik Tempe Bu Sri, I would like to order Original Tempeh Chips (Rp15.000)")
    assert "Central Java Virtual UMKM Expo 2026" in english
    indonesian = order_message(Page(demo / PRODUCT, demo))
    assert indonesian.startswith("Halo Keripik Tempe Bu Sri, saya ingin memesan Keripik Tempe Original (Rp15.000)")


def test_english_message_without_a_price_asks_in_english(tmp_path):
    root = make_project(tmp_path)
    catalog, _ = load_catalog(root, ExpoSettings())
    product = catalog.exhibitors[0].products[0]
    product = type(product)(**{**product.__dict__, "price": None, "price_text": None})
    settings = ExpoSettings()
    routes = Routes(settings, Text("en", settings), "https://expo.example.id")
    message = parse_qs(urlsplit(routes.order(catalog.exhibitors[0], product)).query)["text"][0]
    assert "(please tell me the price)" in message
    assert message.endswith("https://expo.example.id/en/booth/batik-sari/kain-batik-tulis-parang/")


def test_price_hint_only_when_the_organiser_sets_a_rate(tmp_path):
    root = make_project(tmp_path)
    catalog, _ = load_catalog(root, ExpoSettings())
    product = catalog.exhibitors[0].products[1]  # Rp150.000
    assert Text("en", ExpoSettings()).price_hint(product) is None
    hinted = ExpoSettings(price_hint_currency="USD", price_hint_rate=15000)
    assert Text("en", hinted).price_hint(product) == "≈ $10.00"
    assert Text("id", hinted).price_hint(product) is None  # Indonesian pages: Rupiah only


def test_one_language_builds_no_english_site(tmp_path):
    from expo.cli.build import build

    root = make_project(tmp_path, extra_settings='EXPO_LANGUAGES = ["id"]\n')
    output = build(root).output
    assert not (output / "en").exists()
    page = Page(output / "index.html", output)
    assert page.find_all("link", rel="alternate") == [] and page.find_all("li", class_="lang-switch") == []


def test_every_interface_text_is_translated():
    assert untranslated(REPO) == []


def test_the_menu_marks_the_section_of_the_page(demo):
    marked = {path: [(a.text, a.attrs["aria-current"]) for a in Page(demo / path, demo).find_all("a")
                     if "aria-current" in a.attrs and a.text]
              for path in ("kategori/index.html", "kategori/batik/index.html", "kota/index.html", PRODUCT)}
    assert ("Kategori", "page") in marked["kategori/index.html"]
    assert ("Kategori", "true") in marked["kategori/batik/index.html"]
    assert ("Kota", "page") in marked["kota/index.html"]
    assert ("Peserta", "true") in marked[PRODUCT]
