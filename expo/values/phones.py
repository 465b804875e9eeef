"""WhatsApp numbers as Indonesians write them -> digits for wa.me and a display form (pure).

Errors carry a stable ``code``; the content layer turns codes into Indonesian-first messages
with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType


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

    Accepts ``0812-3456-7890``, a WhatsApp chat link (``https://wa.me/62812...``,
    ``api.whatsapp.com/send?phone=62812...``), ``0812 3456 7890``, ``+62 812 3456 7890``,
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
    text = _number_in_link(str(raw).strip())
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


# WhatsApp's own chat links, as the app's "share my number" button writes them
_WA_LINK = re.compile(r"^(?:https?://)?(?:wa\.me/|(?:api|web)\.whatsapp\.com/send/?\?(?:[^#]*&)?phone=)"
                      r"\+?(\d{6,15})(?:[/?&#].*)?$", re.IGNORECASE)


def _number_in_link(text: str) -> str:
    """'https://wa.me/6281234567890?text=Halo' -> '6281234567890'; other text unchanged."""
    found = _WA_LINK.match(text) if len(text) <= 500 else None
    return found.group(1) if found else text
