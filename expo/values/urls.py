"""http(s) addresses: splitting what people paste and matching hosts (pure)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit


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


# Share buttons paste a sentence around the address: "Cek Keripik Tempe di Tokopedia!
# https://tk.tokopedia.com/ZSabc123/". An address ends at a space; closing punctuation
# after it belongs to the sentence.
_SCHEMED = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,;]+")
_TRAILING = ".,;:!?)]}'\""


def find_urls(text: str) -> list[str]:
    """The addresses in a cell or a field: every http(s):// address when the text has any
    (share text around a link is dropped), else the pieces between spaces, commas and
    semicolons ('tokopedia.com/toko shopee.co.id/toko'). Linear in the length of the text."""
    if "://" in text:
        return [found.rstrip(_TRAILING) for found in _SCHEMED.findall(text)]
    return [part for part in _SEPARATORS.split(text) if part]


def is_punycode(host: str) -> bool:
    """A host with an internationalised label ('xn--tokopdia-...'): it can look like a
    familiar name in the address bar while being another site."""
    return any(label.startswith("xn--") for label in host.split("."))


def website_label(url: str) -> str:
    """What a visitor reads for a website link: the real host (with 'www.', so that
    'www.tokopedia.com.evil.io' is not shortened into something that looks like Tokopedia) and
    the path; no scheme, no query."""
    split = split_http_url(url)
    if split is None:
        return url
    parts, host = split
    return (host + parts.path).rstrip("/")
