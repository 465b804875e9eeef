"""Photos attached to a GitHub issue, found in the form's text and downloaded safely.

An exhibitor drags a photo into a form field; GitHub uploads it and writes a link into the
text: `![IMG_1234](https://github.com/user-attachments/assets/<uuid>)`, an
`<img alt="IMG_1234" src="...">` tag, or (older repositories)
`https://github.com/<owner>/<repo>/assets/<id>/<uuid>`. Only those GitHub attachment addresses
are fetched: https only, exact host names, and every redirect is checked against the same list,
so a link typed into the form can never make the workflow fetch from anywhere else (an internal
address, a huge file elsewhere). Size is bounded while reading; pixels are checked by the photo
reader afterwards.

`download` is a parameter everywhere, so tests run offline with a fake.
"""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

# Where an attachment link may point, and where GitHub may redirect it (signed storage URLs).
LINK_HOSTS = {"github.com", "user-images.githubusercontent.com"}
STORAGE_HOSTS = {"private-user-images.githubusercontent.com", "objects.githubusercontent.com",
                 "user-images.githubusercontent.com"}
_ATTACHMENT_PATH = re.compile(
    r"^/(?:user-attachments/assets/[0-9a-fA-F-]{36}"
    r"|[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}/assets/\d{1,20}/[0-9a-fA-F-]{36})/?$")
_OLD_UPLOAD_PATH = re.compile(r"^/\d{1,20}/[0-9a-fA-F-]{36}\.(?:png|jpe?g|gif|webp|heic)$", re.IGNORECASE)
TIMEOUT_SECONDS = 30

_MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]{0,200})\]\(\s*<?(https?://[^)\s>]{1,2000})>?\s*\)")
_IMG_TAG = re.compile(r"<img\b[^>]{0,2000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(alt|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"']{1,2000}")


class AttachmentError(Exception):
    """A link that is not a GitHub attachment, or a download that failed; `key` picks the message."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Attachment:
    name: str  # the alt text GitHub wrote: the file name without its extension
    url: str


Download = Callable[[str, int], bytes]  # (url, max bytes) -> the bytes; raises AttachmentError


def find_attachments(text: str) -> list[Attachment]:
    """Every picture or link in one form field, in order, each address once."""
    found: list[tuple[int, Attachment]] = []
    spans = []
    for match in _MARKDOWN_IMAGE.finditer(text):
        found.append((match.start(), Attachment(match.group(1).strip(), match.group(2))))
        spans.append(match.span())
    for match in _IMG_TAG.finditer(text):
        attributes = {m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
                      for m in _ATTRIBUTE.finditer(match.group())}
        if attributes.get("src"):
            found.append((match.start(), Attachment(attributes.get("alt", "").strip(), attributes["src"])))
        spans.append(match.span())
    for match in _BARE_URL.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            found.append((match.start(), Attachment("", match.group().rstrip(".,;"))))
    seen = set()
    result = []
    for _position, attachment in sorted(found, key=lambda item: item[0]):
        if attachment.url not in seen:
            seen.add(attachment.url)
            result.append(attachment)
    return result


def remove_attachments(text: str) -> str:
    """`text` without its pictures and links (what is left may be typed file names)."""
    for pattern in (_MARKDOWN_IMAGE, _IMG_TAG, _BARE_URL):
        text = pattern.sub("", text)
    return text


def is_attachment_url(url: str) -> bool:
    """A link GitHub writes for a file dragged into an issue, and nothing else."""
    parts = _split(url)
    if parts is None:
        return False
    host, path = parts
    if host == "github.com":
        return bool(_ATTACHMENT_PATH.match(path))
    return host == "user-images.githubusercontent.com" and bool(_OLD_UPLOAD_PATH.match(path))


def is_storage_url(url: str) -> bool:
    """Where GitHub may redirect an attachment link."""
    parts = _split(url)
    return parts is not None and (parts[0] in STORAGE_HOSTS or is_attachment_url(url))


def _split(url: str) -> tuple[str, str] | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username or parts.password or parts.port not in (None, 443):
        return None
    return (parts.hostname or "").lower(), parts.path


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_storage_url(newurl):
            raise AttachmentError("issue_photo_host", value=newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str, max_bytes: int) -> bytes:
    """The attachment's bytes; AttachmentError for any other address, a redirect elsewhere, an
    HTTP error or more than `max_bytes`."""
    if not is_attachment_url(url):
        raise AttachmentError("issue_photo_host", value=url)
    opener = urllib.request.build_opener(_CheckedRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "expo-katalog issue-to-booth"})
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            if not is_storage_url(response.geturl()):
                raise AttachmentError("issue_photo_host", value=url)
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise AttachmentError("issue_photo_too_large", value=url, limit=max_bytes // 1024 // 1024)
            data = response.read(max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise AttachmentError("issue_photo_download", value=url, detail=str(getattr(exc, "reason", exc))) from None
    if len(data) > max_bytes:
        raise AttachmentError("issue_photo_too_large", value=url, limit=max_bytes // 1024 // 1024)
    return data
