"""http(s) addresses: splitting what people paste and matching hosts (pure)."""

from __future__ import annotations

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
