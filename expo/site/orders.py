"""wa.me click-to-chat links and their prefilled order messages (pure)."""

from __future__ import annotations

import re
from urllib.parse import quote


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
