"""Slugs and page addresses: pure functions, so the URL scheme is easy to test and change."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 60) -> str:
    """'Batik Tulis "Sekar Jagad" 2m' -> 'batik-tulis-sekar-jagad-2m'; '' when nothing is left."""
    ascii_text = unidecode(str(text)).lower().replace("&", " dan ")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def fill(pattern: str, **values: object) -> str:
    """Fill a Pelican-style URL pattern such as 'booth/{booth}/{slug}/'."""
    return pattern.format(**values)


def split_http_url(text: str) -> tuple[SplitResult, str] | None:
    """(parts, lower-case host) of an http(s) address, or None. An address pasted without a
    scheme ('shopee.co.id/toko', 'youtu.be/ID') is read as https; javascript:, data: and other
    schemes, and malformed hosts such as '[::1', give None."""
    text = text.strip()
    try:
        parts = urlsplit(text)
        if not parts.scheme:
            parts = urlsplit("https://" + text.lstrip("/"))
        host = (parts.hostname or "").rstrip(".")  # lower-cased, without port or user
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):  # urlsplit lower-cases the scheme
        return None
    return parts, host


def host_under(host: str, domain: str) -> bool:
    """Suffix match on a label boundary: 'evil-tokopedia.com' and 'tokopedia.com.evil.net' are
    not under 'tokopedia.com'."""
    return host == domain or host.endswith("." + domain)
