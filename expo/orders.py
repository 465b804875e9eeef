"""Pure helpers behind the order buttons: WhatsApp numbers and links,
marketplace recognition and Rupiah prices.

Nothing here reads files or settings, so every function is easy to test with a
table of inputs and exact outputs. Errors carry a stable ``code``; the model
layer turns codes into Indonesian-first messages with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

import phonenumbers
from babel.numbers import format_currency
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from .urls import host_under, split_http_url

__all__ = [
    "OrderInputError",
    "WhatsAppNumber",
    "parse_whatsapp",
    "whatsapp_link",
    "order_message",
    "Marketplace",
    "recognise_marketplace",
    "format_rupiah",
    "format_price",
]


# --- WhatsApp numbers -------------------------------------------------------


class OrderInputError(ValueError):
    """A contact value that cannot become an order link.

    ``code`` is one of ``phone_unparseable``, ``phone_not_indonesian``,
    ``phone_invalid``; ``value`` is the raw input as given.
    """

    def __init__(self, code: str, value: object) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


@dataclass(frozen=True)
class WhatsAppNumber:
    digits: str  # international digits without '+', e.g. '6281234567890'
    display: str  # e.g. '+62 812-3456-7890'
    is_mobile: bool  # False for fixed lines: the caller warns, WhatsApp Business allows them


# phonenumbers classifies Indonesian 08xx numbers as MOBILE and area-code
# numbers such as (0285) 123456 as FIXED_LINE (checked with phonenumbers 9.0).
# FIXED_LINE_OR_MOBILE is accepted too, for numbering plans that cannot tell.
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})


def parse_whatsapp(raw: str | int) -> WhatsAppNumber:
    """Read an Indonesian number the way people write it.

    Accepts ``0812-3456-7890``, ``0812 3456 7890``, ``+62 812 3456 7890``,
    ``62812...``, ``(0285) 123456`` and ints from YAML (``81234567890``,
    ``6281234567890``: YAML drops the leading 0 or the '+', and an int is read
    as the digits it prints).

    Caveat for the loader: YAML 1.1 reads an unquoted number made only of the
    digits 0-7 with a leading 0 (``0271234567``) as *octal*, so the int no
    longer prints the digits the exhibitor typed. Pass the scalar's source
    text (the YAML node value) rather than the constructed int.
    """
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise OrderInputError("phone_unparseable", raw)
    text = str(raw).strip()
    # phonenumbers maps letters to keypad digits ('0812-FOOD-789' parses as a
    # valid number); a wrong WhatsApp link is worse than an error, so refuse.
    if not text or any(ch.isalpha() for ch in text):
        raise OrderInputError("phone_unparseable", raw)
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        raise OrderInputError("phone_unparseable", raw) from None
    if number.country_code != 62:
        raise OrderInputError("phone_not_indonesian", raw)
    if not phonenumbers.is_valid_number(number):
        raise OrderInputError("phone_invalid", raw)
    return WhatsAppNumber(
        digits=phonenumbers.format_number(number, PhoneNumberFormat.E164).lstrip("+"),
        display=phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        is_mobile=phonenumbers.number_type(number) in _MOBILE_TYPES,
    )


def whatsapp_link(digits: str, message: str) -> str:
    """Build a click-to-chat link; the message is fully percent-encoded."""
    # digits normally come from WhatsAppNumber; refuse anything that could
    # change the URL's shape.
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"whatsapp_link needs plain digits, got {digits!r}")
    link = f"https://wa.me/{digits}"
    if message:
        link += "?text=" + quote(message, safe="")
    return link


class _KeepUnknown(dict):
    """format_map mapping that leaves unknown placeholders as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def order_message(template: str, **fields: str) -> str:
    """Fill an order template such as
    ``"Halo {booth}, saya mau pesan {product} ({price}) dari {expo}. {url}"``.

    Unknown placeholders stay as text. Empty fields leave no double spaces and
    no empty ``()``; line breaks in the template are kept. A template with a
    stray ``{`` raises ValueError: templates are organiser settings, checked
    when settings load.
    """
    values = _KeepUnknown({k: "" if v is None else v for k, v in fields.items()})
    text = template.replace("\r\n", "\n").format_map(values)
    text = re.sub(r"\(\s*\)", "", text)  # '({price})' with no price
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- Marketplaces -----------------------------------------------------------


@dataclass(frozen=True)
class Marketplace:
    key: str  # 'tokopedia', 'shopee', ..., 'other'
    label: str  # button text
    warning: str | None  # e.g. 'bukalapak_no_goods'


OTHER = Marketplace("other", "Toko online", None)
TIKTOK_SHOP = Marketplace("tiktokshop", "TikTok Shop", None)

# Registered domains; a host matches a domain itself or any subdomain of it.
_BY_DOMAIN: tuple[tuple[tuple[str, ...], Marketplace], ...] = (
    # tokopedia.link and tk.tokopedia.com are Tokopedia's share links.
    # TikTok Shop Indonesia is run by PT Tokopedia since 2024; any tokopedia.com
    # host is labelled Tokopedia, which is what the buyer sees.
    (("tokopedia.com", "tokopedia.link"), Marketplace("tokopedia", "Tokopedia", None)),
    # shp.ee / id.shp.ee and the older shope.ee are Shopee's share links.
    (("shopee.co.id", "shopee.com", "shp.ee", "shope.ee"), Marketplace("shopee", "Shopee", None)),
    (("lazada.co.id", "lazada.com"), Marketplace("lazada", "Lazada", None)),
    (("blibli.com",), Marketplace("blibli", "Blibli", None)),
    # Bukalapak stopped selling physical goods in 2025: the caller warns.
    (("bukalapak.com",), Marketplace("bukalapak", "Bukalapak", "bukalapak_no_goods")),
    (("shop.tiktok.com",), TIKTOK_SHOP),
)
_TIKTOK_HOSTS = frozenset({"tiktok.com", "www.tiktok.com", "m.tiktok.com"})
# Only product pages count on tiktok.com itself: a '/@user' profile is not a shop.
_TIKTOK_SHOP_PATHS = ("/view/product/", "/shop/")


def _host_and_path(url: str) -> tuple[str, str] | None:
    """Lower-case host and path of an http(s) or scheme-less URL, else None."""
    split = split_http_url(url)
    return (split[1], split[0].path) if split and split[1] else None


def recognise_marketplace(url: str) -> Marketplace:
    """Name the marketplace behind a shop URL, or ``OTHER``.

    Recognition only: non-http(s) URLs give ``OTHER`` here, and the model
    layer must still reject them.
    """
    found = _host_and_path(url) if isinstance(url, str) else None
    if found is None:
        return OTHER
    host, path = found
    for domains, marketplace in _BY_DOMAIN:
        if any(host_under(host, d) for d in domains):
            return marketplace
    # vt.tiktok.com is the app's share short link. It can also point at a plain
    # video; we cannot tell without following it (no network), so it counts.
    if host == "vt.tiktok.com":
        return TIKTOK_SHOP
    if host in _TIKTOK_HOSTS and path.lower().startswith(_TIKTOK_SHOP_PATHS):
        return TIKTOK_SHOP
    return OTHER


# --- Rupiah -----------------------------------------------------------------

# An explicit pattern: CLDR gives IDR two decimals ('Rp150.000,00'); prices
# here are whole Rupiah. No space in the pattern, and any space Babel might
# add in another version is removed below.
_RUPIAH_PATTERN = "¤#,##0"
_SPACES = str.maketrans("", "", " \u00a0\u202f")


def format_rupiah(amount: int) -> str:
    """150000 -> 'Rp150.000'."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"format_rupiah needs an int, got {amount!r}")
    if amount < 0:
        raise ValueError(f"format_rupiah needs a non-negative amount, got {amount}")
    text = format_currency(
        amount, "IDR", format=_RUPIAH_PATTERN, locale="id_ID", currency_digits=False
    )
    return text.translate(_SPACES)


def format_price(low: int | None, high: int | None = None) -> str | None:
    """A price or a range: 'Rp150.000' or 'Rp150.000 – Rp300.000'; None if no price."""
    if low is None:
        return None
    if high is None or high == low:
        return format_rupiah(low)
    if high < low:
        raise ValueError(f"price range upper end {high} is below {low}")
    return f"{format_rupiah(low)} \u2013 {format_rupiah(high)}"
