"""Table-driven tests for expo.orders: exact outputs users and templates rely on."""

import pytest

from expo.values.shops import Marketplace, recognise_marketplace
from expo.values.phones import OrderInputError, WhatsAppNumber, parse_whatsapp
from expo.values.prices import format_price, format_rupiah
from expo.site.orders import order_message, whatsapp_link

MOBILE = WhatsAppNumber("6281234567890", "+62 812-3456-7890", True)
PEKALONGAN = WhatsAppNumber("62285123456", "+62 285 123456", False)


# --- parse_whatsapp ---------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("0812-3456-7890", MOBILE),
        ("0812 3456 7890", MOBILE),
        ("081234567890", MOBILE),
        ("0812.3456.7890", MOBILE),
        ("+62 812 3456 7890", MOBILE),
        ("+62 812-3456-7890", MOBILE),
        ("+6281234567890", MOBILE),
        ("+62 (812) 3456-7890", MOBILE),
        ("+62 0812 3456 7890", MOBILE),  # the 0 people keep after +62
        ("6281234567890", MOBILE),
        ("62 812 3456 7890", MOBILE),
        ("62-812-3456-7890", MOBILE),
        ("  0812-3456-7890\n", MOBILE),
        ("０８１２３４５６７８９０", MOBILE),  # full-width digits from some keyboards
        (81234567890, MOBILE),  # YAML int: the leading 0 is gone
        (6281234567890, MOBILE),  # YAML int: '+62...' unquoted loses the '+'
        ("(0285) 123456", PEKALONGAN),  # Pekalongan landline
        ("0285 123456", PEKALONGAN),
        (285123456, PEKALONGAN),
        ("0895 1234 5678", WhatsAppNumber("6289512345678", "+62 895-1234-5678", True)),
        ("021 1234567", WhatsAppNumber("62211234567", "+62 21 1234567", False)),
    ],
)
def test_parse_whatsapp(raw, expected):
    assert parse_whatsapp(raw) == expected


@pytest.mark.parametrize(
    "raw, code",
    [
        ("+60 12-345 6789", "phone_not_indonesian"),  # Malaysia
        ("+65 8123 4567", "phone_not_indonesian"),  # Singapore
        ("+1 650 253 0000", "phone_not_indonesian"),
        ("abc", "phone_unparseable"),
        ("", "phone_unparseable"),
        ("   ", "phone_unparseable"),
        ("0812-FOOD-789", "phone_unparseable"),  # letters would become keypad digits
        ("08123456789a", "phone_unparseable"),
        ("0812 3456 7890 / 0813 1111 2222", "phone_unparseable"),  # two numbers
        (True, "phone_unparseable"),
        (None, "phone_unparseable"),
        (812.5, "phone_unparseable"),
        ("123", "phone_invalid"),
        (123, "phone_invalid"),
        ("081234567", "phone_invalid"),  # too short
        ("08123456789012", "phone_invalid"),  # too long
    ],
)
def test_parse_whatsapp_rejects(raw, code):
    with pytest.raises(OrderInputError) as excinfo:
        parse_whatsapp(raw)
    assert excinfo.value.code == code
    assert excinfo.value.value == raw


# --- whatsapp_link ----------------------------------------------------------


@pytest.mark.parametrize(
    "message, expected",
    [
        ("", "https://wa.me/6281234567890"),
        ("Halo", "https://wa.me/6281234567890?text=Halo"),
        ("Halo Batik Pesisir", "https://wa.me/6281234567890?text=Halo%20Batik%20Pesisir"),
        ("Baris 1\nBaris 2", "https://wa.me/6281234567890?text=Baris%201%0ABaris%202"),
        ("Kopi & Teh", "https://wa.me/6281234567890?text=Kopi%20%26%20Teh"),
        ("Ada stok?", "https://wa.me/6281234567890?text=Ada%20stok%3F"),
        ("Harga Rp150.000", "https://wa.me/6281234567890?text=Harga%20Rp150.000"),
        ("a=b#c/d+e", "https://wa.me/6281234567890?text=a%3Db%23c%2Fd%2Be"),
        ("https://x.id/a?b=1", "https://wa.me/6281234567890?text=https%3A%2F%2Fx.id%2Fa%3Fb%3D1"),
        ("Harga 50%", "https://wa.me/6281234567890?text=Harga%2050%25"),
        ("Rp150.000 – Rp300.000", "https://wa.me/6281234567890?text=Rp150.000%20%E2%80%93%20Rp300.000"),
    ],
)
def test_whatsapp_link(message, expected):
    assert whatsapp_link("6281234567890", message) == expected


@pytest.mark.parametrize("digits", ["+6281234567890", "62812 3456", "62812/../x", "", "６２８"])
def test_whatsapp_link_needs_plain_digits(digits):
    with pytest.raises(ValueError):
        whatsapp_link(digits, "Halo")


# --- order_message ----------------------------------------------------------

TEMPLATE = "Halo {booth}, saya mau pesan {product} ({price}) dari {expo}. {url}"


@pytest.mark.parametrize(
    "template, fields, expected",
    [
        (
            TEMPLATE,
            dict(booth="Batik Pesisir", product="Kain Jlamprang", price="Rp150.000",
                 expo="UKM Virtual Expo", url="https://expo.id/b/batik-pesisir/"),
            "Halo Batik Pesisir, saya mau pesan Kain Jlamprang (Rp150.000) dari "
            "UKM Virtual Expo. https://expo.id/b/batik-pesisir/",
        ),
        (  # no price, no url: no '()' and no trailing or double spaces
            TEMPLATE,
            dict(booth="Batik Pesisir", product="Kain Jlamprang", price="", expo="Expo", url=""),
            "Halo Batik Pesisir, saya mau pesan Kain Jlamprang dari Expo.",
        ),
        (  # unknown and missing placeholders stay as written
            "Halo {booth}, {unknown} {product}",
            dict(booth="A"),
            "Halo A, {unknown} {product}",
        ),
        (  # line breaks in the template survive; space runs inside lines collapse
            "Halo {booth},\n\nsaya mau pesan {product}  {note}\n",
            dict(booth="A", product="B", note=""),
            "Halo A,\n\nsaya mau pesan B",
        ),
        ("Halo {booth}\r\n{product}", dict(booth="A", product="B"), "Halo A\nB"),
        ("{a}\n\n\n\n{b}", dict(a="1", b="2"), "1\n\n2"),
        ("{a}\n{b}\n{c}", dict(a="1", b="", c="3"), "1\n\n3"),
        (  # values are not formatted again: braces in exhibitor data are safe
            "Pesan {product}", dict(product="Kaos {size}"), "Pesan Kaos {size}",
        ),
        ("Pesan {product}", dict(product=None), "Pesan"),
        ("Tanpa isian", {}, "Tanpa isian"),
    ],
)
def test_order_message(template, fields, expected):
    assert order_message(template, **fields) == expected


def test_order_message_round_trip_into_link():
    message = order_message(TEMPLATE, booth="Batik", product="Kain", price="Rp150.000",
                            expo="Expo", url="")
    assert whatsapp_link("6281234567890", message) == (
        "https://wa.me/6281234567890?text="
        "Halo%20Batik%2C%20saya%20mau%20pesan%20Kain%20%28Rp150.000%29%20dari%20Expo."
    )


# --- recognise_marketplace --------------------------------------------------


@pytest.mark.parametrize(
    "url, key",
    [
        ("https://www.tokopedia.com/batikpesisir", "tokopedia"),
        ("https://tokopedia.com/batikpesisir/kain-jlamprang", "tokopedia"),
        ("https://tk.tokopedia.com/ZSabc123/", "tokopedia"),
        ("https://tokopedia.link/abc123", "tokopedia"),
        ("https://shop-id.tokopedia.com/view/product/123", "tokopedia"),
        ("HTTPS://WWW.TOKOPEDIA.COM/Batik", "tokopedia"),
        ("https://www.tokopedia.com./batik", "tokopedia"),  # trailing-dot host
        ("www.tokopedia.com/batikpesisir", "tokopedia"),  # pasted without https://
        ("https://shopee.co.id/batikpesisir", "shopee"),
        ("https://shopee.com/batik", "shopee"),
        ("https://id.shp.ee/abc", "shopee"),
        ("https://shp.ee/abc", "shopee"),
        ("https://shope.ee/abc", "shopee"),
        ("https://www.lazada.co.id/shop/batik", "lazada"),
        ("https://s.lazada.co.id/s.abc", "lazada"),
        ("https://www.lazada.com/batik", "lazada"),
        ("https://www.blibli.com/merchant/batik", "blibli"),
        ("https://shop.tiktok.com/view/product/1729", "tiktokshop"),
        ("https://vt.tiktok.com/ZSabc/", "tiktokshop"),
        ("https://www.tiktok.com/view/product/1729?region=ID", "tiktokshop"),
        ("https://tiktok.com/view/product/1729", "tiktokshop"),
        ("https://www.tiktok.com/@batikpesisir", "other"),  # a profile, not a shop
        ("https://www.tiktok.com/@batikpesisir/video/123", "other"),
        ("https://www.bukalapak.com/u/batik", "bukalapak"),
        ("https://evil-tokopedia.com/x", "other"),
        ("https://tokopedia.com.evil.net/x", "other"),
        ("https://tokopedia.com@evil.net/x", "other"),  # userinfo, host is evil.net
        ("https://nottiktok.com/view/product/1", "other"),
        ("https://shopee.com.my/batik", "other"),
        ("https://batikpesisir.id", "other"),
        ("javascript://tokopedia.com/%0aalert(1)", "other"),
        ("ftp://tokopedia.com/x", "other"),
        ("", "other"),
        ("https://[::1/x", "other"),  # malformed host
    ],
)
def test_recognise_marketplace(url, key):
    assert recognise_marketplace(url).key == key


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.tokopedia.com/a", Marketplace("tokopedia", "Tokopedia", None)),
        ("https://shopee.co.id/a", Marketplace("shopee", "Shopee", None)),
        ("https://www.lazada.co.id/a", Marketplace("lazada", "Lazada", None)),
        ("https://www.blibli.com/a", Marketplace("blibli", "Blibli", None)),
        ("https://vt.tiktok.com/a", Marketplace("tiktokshop", "TikTok Shop", None)),
        ("https://www.bukalapak.com/a", Marketplace("bukalapak", "Bukalapak", "bukalapak_no_goods")),
        ("https://batik.id/a", Marketplace("other", "Toko online", None)),
    ],
)
def test_marketplace_labels_and_warnings(url, expected):
    assert recognise_marketplace(url) == expected


# --- Rupiah -----------------------------------------------------------------


@pytest.mark.parametrize(
    "amount, expected",
    [
        (0, "Rp0"),
        (500, "Rp500"),
        (1000, "Rp1.000"),
        (150000, "Rp150.000"),
        (1500000, "Rp1.500.000"),
        (1234567890, "Rp1.234.567.890"),
    ],
)
def test_format_rupiah(amount, expected):
    assert format_rupiah(amount) == expected


def test_format_rupiah_is_what_babel_writes_for_the_pattern():
    from babel.numbers import format_currency

    from expo.values.prices import RUPIAH_PATTERN

    for amount in [0, 7, 999, 1000, 15000, 999999, 1000000, 123456789, 10**12 + 1] + list(range(0, 10**7, 7919)):
        babel = format_currency(amount, "IDR", format=RUPIAH_PATTERN, locale="id_ID", currency_digits=False)
        assert format_rupiah(amount) == babel.replace("\u00a0", "").replace(" ", "")


@pytest.mark.parametrize("amount, error", [(-1, ValueError), (1.5, TypeError), (True, TypeError),
                                           ("150000", TypeError)])
def test_format_rupiah_rejects(amount, error):
    with pytest.raises(error):
        format_rupiah(amount)


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (None, None, None),
        (None, 300000, None),
        (150000, None, "Rp150.000"),
        (150000, 150000, "Rp150.000"),
        (150000, 300000, "Rp150.000 \u2013 Rp300.000"),
        (0, 25000, "Rp0 \u2013 Rp25.000"),
    ],
)
def test_format_price(low, high, expected):
    assert format_price(low, high) == expected


def test_format_price_rejects_inverted_range():
    with pytest.raises(ValueError):
        format_price(300000, 150000)
