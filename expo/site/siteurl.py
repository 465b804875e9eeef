"""The published site's address (EXPO_SITEURL), checked before anything is built (pure).

Every link, sitemap entry, link preview and order message of a published site starts with this
address, so a mistake in it breaks the whole site silently: 'expo.example.go.id' without
https:// turns every link into 'expo.example.go.id/peserta/', relative to the page. publishconf.py
calls `published_siteurl`, so `invoke publish` fails with a message naming the value and the fix
instead. The preview (`invoke build`, pelicanconf.py) has no address and is not checked.

A sub-path is fine ('https://user.github.io/expo' for GitHub Pages): templates put the address
in front of every link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

VARIABLE = "EXPO_SITEURL"
EXAMPLE = "https://expo.example.go.id"

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LABEL = re.compile(r"^(xn--[a-z0-9-]+|[a-z]{2,63})$")  # a real top-level domain, not an IP
_WITHOUT_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*:)?/*", re.I)
_SEGMENT = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$")


class SiteUrlError(ValueError):
    """EXPO_SITEURL is missing or not a usable site address; the message says what to set."""


def published_siteurl(value: str | None) -> str:
    """The checked address without a trailing slash: 'https://user.github.io/expo'.

    Raise SiteUrlError, Indonesian first, when it is missing, lacks https://, carries a query or
    fragment, has no valid host name, or points at a file rather than a folder."""
    text = (value or "").strip()
    if not text:
        raise SiteUrlError(
            f"{VARIABLE} belum diisi. Situs yang diterbitkan perlu alamatnya untuk tautan, sitemap "
            f"dan pesan WhatsApp: jalankan {VARIABLE}={EXAMPLE} invoke publish (untuk pratinjau "
            f"cukup invoke build) / {VARIABLE} is not set. A published site needs its address for "
            f"links, the sitemap and WhatsApp messages: run {VARIABLE}={EXAMPLE} invoke publish "
            f"(for a preview, invoke build is enough)")
    parts = urlsplit(text)
    if parts.scheme != "https" or not text[len("https"):].startswith("://"):
        # 'expo.example.go.id', 'http://...', 'https:/...': keep what follows the scheme
        fix = "https://" + _WITHOUT_SCHEME.sub("", text)
        raise _mistake(text, "tidak diawali https://", "does not start with https://", fix)
    if parts.query or parts.fragment or text.endswith(("?", "#")):
        fix = f"https://{parts.netloc}{parts.path}".rstrip("/")
        raise _mistake(text, "memuat ? atau # (alamat situs tidak punya query atau fragmen)",
                       "contains ? or # (a site address has no query or fragment)", fix)
    if not _valid_host(parts):
        raise _mistake(text, "tidak memuat nama host yang sah, misalnya expo.example.go.id",
                       "has no valid host name, e.g. expo.example.go.id", EXAMPLE)
    path = parts.path.rstrip("/")
    segments = path.split("/")[1:]
    if not all(_SEGMENT.match(s) and s not in (".", "..") for s in segments):
        raise _mistake(text, "memuat path yang tidak sah (spasi, // atau ..)",
                       "has an invalid path (spaces, // or ..)", f"https://{parts.netloc}")
    if segments and segments[-1].lower().endswith((".html", ".htm", ".php")):
        fix = f"https://{parts.netloc}{path.rsplit('/', 1)[0]}"
        raise _mistake(text, "menunjuk ke sebuah file, bukan folder situs",
                       "points at a file, not the site's folder", fix)
    return f"https://{parts.netloc.lower()}{path}"


def _valid_host(parts) -> bool:
    """A DNS name with a top-level domain, an optional port, and no user name or password."""
    if "@" in parts.netloc:
        return False
    try:
        parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return False
    host = parts.hostname or ""
    labels = host.rstrip(".").split(".")
    return (len(labels) >= 2 and len(host) <= 253 and all(_LABEL.match(l) for l in labels)
            and bool(_TOP_LABEL.match(labels[-1])))


def _mistake(value: str, problem_id: str, problem_en: str, fix: str) -> SiteUrlError:
    return SiteUrlError(f'{VARIABLE} "{value}" {problem_id}: pakai {VARIABLE}={fix} '
                        f'({VARIABLE} "{value}" {problem_en}: use {VARIABLE}={fix})')
