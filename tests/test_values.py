"""The readers in expo/values/: one per kind of value, shared by exhibitor.yml and import-csv."""

from __future__ import annotations

import time

import pytest

from expo.settings import DEFAULT_CATEGORIES
from expo.values.categories import read_category, suggest_category
from expo.values.cities import has_symbols, official_names, read_city
from expo.values.fieldnames import yml_field
from expo.values.names import bidi_controls, skeleton, without_invisible
from expo.values.phones import parse_whatsapp
from expo.values.prices import PriceError, parse_price
from expo.values.shops import recognise_marketplace
from expo.values.urls import find_urls, is_punycode, website_label


@pytest.mark.parametrize("text, expected", [
    ("25.000", (25000, None)), ("Rp 25.000", (25000, None)), ("Rp25.000,-", (25000, None)),
    ("25rb", (25000, None)), ("25k", (25000, None)), ("25.000 - 30.000", (25000, 30000)),
    ("Rp50rb s/d 75rb", (50000, 75000)), (25000, (25000, None)), ("", (None, None)),
])
def test_prices_as_people_write_them(text, expected):
    assert parse_price(text) == expected


@pytest.mark.parametrize("text, code", [
    ("0", "price_zero"), (0, "price_zero"), ("Rp 0", "price_zero"), ("0 - 5000", "price_zero"),
    ("murah", "price_invalid"), ("1 - 2 - 3", "price_invalid"), (True, "price_invalid"),
])
def test_prices_refused_with_their_reason(text, code):
    with pytest.raises(PriceError) as caught:
        parse_price(text)
    assert caught.value.code == code


def _seconds(function, *args) -> float:
    start = time.perf_counter()
    try:
        function(*args)
    except PriceError:
        pass
    return time.perf_counter() - start


def test_price_reading_is_linear_on_a_cell_of_spaces():
    """Issue 11 item 3: '1', 100,000 spaces, '2' took over 90 s in the old range pattern."""
    assert _seconds(parse_price, "1" + " " * 100_000 + "2") < 0.5
    with pytest.raises(PriceError) as caught:
        parse_price("1" + " " * 100_000 + "2")
    assert len(caught.value.text) <= 101  # not echoed whole


@pytest.mark.parametrize("text", ["1" + " x" * 45, "1" + " -" * 40, "1" + "., " * 30])
def test_adversarial_prices_within_the_length_limit_are_refused(text):
    with pytest.raises(PriceError):
        parse_price(text)


def test_finding_urls_in_hostile_text_stays_within_budget():
    """2 MB of near-addresses (a quadratic pattern would need hours) within 2 seconds."""
    for text in ("https://" * 250_000, "http://" + "a" * 2_000_000, ("https://a " * 200_000) + ":" * 100_000):
        assert _seconds(find_urls, text) < 2.0


@pytest.mark.parametrize("text, urls", [
    ("Cek Keripik Tempe di Tokopedia! https://tk.tokopedia.com/ZSabc123/", ["https://tk.tokopedia.com/ZSabc123/"]),
    ("Lihat (https://shp.ee/abc).", ["https://shp.ee/abc"]),
    ("tokopedia.com/toko, shopee.co.id/toko", ["tokopedia.com/toko", "shopee.co.id/toko"]),
])
def test_urls_are_taken_out_of_share_text(text, urls):
    assert find_urls(text) == urls


@pytest.mark.parametrize("url, label", [
    ("https://vt.tokopedia.com/t/ZSabc/", "TikTok Shop"), ("https://tk.tokopedia.com/ZSabc/", "Tokopedia"),
    ("https://s.shopee.co.id/AbC", "Shopee"), ("https://shp.ee/abc", "Shopee"),
    ("https://vt.tiktok.com/ZSabc/", "TikTok Shop"), ("https://tokopedia.com.evil.io/x", "Toko online"),
    ("https://evil-tokopedia.com/x", "Toko online"),
])
def test_shops_by_registered_domain(url, label):
    assert recognise_marketplace(url).label == label


def test_website_label_keeps_the_real_host():
    assert website_label("https://www.tokopedia.com.evil.io/login?next=1") == "www.tokopedia.com.evil.io/login"
    assert is_punycode("xn--tokopdia-x2a.com") and not is_punycode("tokopedia.com")


@pytest.mark.parametrize("text", ["https://wa.me/6281222334455", "wa.me/6281222334455?text=Halo",
                                  "https://api.whatsapp.com/send?phone=6281222334455&text=x"])
def test_whatsapp_links_are_numbers(text):
    assert parse_whatsapp(text).digits == "6281222334455"


@pytest.mark.parametrize("text, key", [
    ("makanan", "kuliner"), ("Makanan & Minuman", "kuliner"), ("mamin", "kuliner"), ("fashion", "fesyen"),
    ("kriya", "kerajinan"), ("KULINER", "kuliner"), ("Fesyen", "fesyen"), ("mainan", None),
])
def test_categories_with_synonyms(text, key):
    assert read_category(text, DEFAULT_CATEGORIES) == key


def test_synonyms_only_for_categories_the_organiser_uses():
    assert read_category("makanan", {"batik": "Batik", "lainnya": "Lainnya"}) is None
    assert suggest_category("kulinr", DEFAULT_CATEGORIES) == "kuliner"


def test_the_official_city_list_is_complete():
    names = official_names()
    assert len(names) == 514
    assert sum(n.startswith("Kota ") for n in names) == 98
    for name in ("Kabupaten Semarang", "Kota Semarang", "Kabupaten Sleman", "Kota Yogyakarta", "Kota Surabaya",
                 "Kota Bandung", "Kota Administrasi Jakarta Selatan", "Kota Serang", "Kota Jayapura"):
        assert name in names


@pytest.mark.parametrize("text, name, official", [
    ("Kab. Semarang", "Kabupaten Semarang", True), ("kab semarang", "Kabupaten Semarang", True),
    ("Kodya Semarang", "Kota Semarang", True), ("Kotamadya Semarang", "Kota Semarang", True),
    ("Sleman", "Kabupaten Sleman", True), ("Solo", "Kota Surakarta", True),
    ("Jakarta Selatan", "Kota Administrasi Jakarta Selatan", True),
    ("Semarang", "Semarang", False), ("Ambarawa", "Ambarawa", False),
])
def test_cities_read_against_the_official_list(text, name, official):
    reading = read_city(text)
    assert (reading.name, reading.official) == (name, official)


def test_city_near_misses_and_shared_names():
    assert read_city("Kabupaten Semarng").suggestion == "Kabupaten Semarang"
    assert read_city("Pekalongan").choices == ("Kabupaten Pekalongan", "Kota Pekalongan")
    assert has_symbols("KOTA PEKALONGAN ⚠☠⚠ !!! ✖✖✖") and not has_symbols("Kab. Tojo Una-Una")


@pytest.mark.parametrize("key, level, field", [
    ("Name", "booth", "name"), ("Harga", "product", "price"), ("kota", "booth", "city"), ("wa", "booth", "whatsapp"),
    ("Nama", "product", "name"), ("Foto", "product", "photos"), ("produk", "booth", "products"),
    ("Kategori", "booth", "category"), ("harga", "booth", None), ("nib", "credentials", "nib"),
])
def test_one_alias_table_for_csv_headers_and_yml_keys(key, level, field):
    from expo.content.contract import CREDENTIALS, EXHIBITOR_FIELDS, PRODUCT_FIELDS

    fields = {"booth": EXHIBITOR_FIELDS, "product": PRODUCT_FIELDS,
              "credentials": tuple(f.name for f in CREDENTIALS)}[level]
    assert yml_field(key, level, fields) == field


def test_names_as_visitors_see_them():
    assert bidi_controls("Batik \u202eiraS") == ["U+202E"]
    assert without_invisible("Ba\u200btik\ufeff") == "Batik"
    assert skeleton("Bаtik Sari") == skeleton("ＢＡＴＩＫ ＳＡＲＩ") == skeleton("Batik Sari")
    assert skeleton("Batik Sari") != skeleton("Batik Sore")


def test_the_comment_warning_stays_linear_on_a_one_line_list():
    """A flow list of 80,000 values on one line (240 KB, under the file limit) is checked for
    ' #' once per value; the whole file still reads within budget."""
    from expo.content.loader import parse_yaml

    text = "name: [" + ", ".join("a" for _ in range(80_000)) + "]\n"
    start = time.perf_counter()
    parse_yaml(text, "x.yml", [])
    assert time.perf_counter() - start < 20  # about 2 s on this machine
