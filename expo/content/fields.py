"""Reading typed values out of a raw document, one problem per bad value.

`FieldReader` knows where each value is (file, line, field name) so every rule in
`parsing.py` can be one line that reads a value and, if it is wrong, records why.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from typing import Any, Iterable
from urllib.parse import urlsplit

from expo.content.errors import WARNING, ContentError
from expo.content.loader import RawDocument, format_field
from expo.values.names import bidi_controls
from expo.values.urls import find_urls, is_punycode

# Addresses are split with str methods and each part is matched by a plain character class:
# one pattern for the whole address backtracks quadratically on input such as "a@a.a.a...!".
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9._%+-]+")
_EMAIL_LABEL = re.compile(r"[A-Za-z0-9-]+")
_TOP_LEVEL = re.compile(r"[A-Za-z]{2,}")
_HOST_LABEL = re.compile(r"[a-z0-9-]+")
MAX_URL_LENGTH = 500

_TYPE_NAMES = {
    "id": {list: "daftar", dict: "daftar kolom", bool: "ya/tidak", int: "angka", float: "angka",
           type(None): "kosong", str: "teks", _dt.date: "tanggal", _dt.datetime: "tanggal"},
    "en": {list: "a list", dict: "a set of fields", bool: "yes/no", int: "a number",
           float: "a number", type(None): "empty", str: "text", _dt.date: "a date",
           _dt.datetime: "a date"},
}


class FieldReader:
    """Reads values at paths of one document; problems go to the shared list."""

    def __init__(self, document: RawDocument, display: str, problems: list[ContentError], lang: str):
        self.document = document
        self.display = display
        self.problems = problems
        self.lang = lang

    # --- recording problems
    def problem(self, path: tuple, message: str, warning: bool = False, **params: Any) -> None:
        """Record the message `message` (a key of messages.py) for the value at `path`."""
        if self.document.is_refused(path):
            return
        severity = WARNING if warning else "error"
        self.problems.append(
            ContentError(self.display, self.document.line(path), format_field(path), message, params, severity)
        )

    def error_count(self) -> int:
        return sum(p.is_error for p in self.problems)

    def type_name(self, value: Any) -> str:
        return _TYPE_NAMES[self.lang].get(type(value), type(value).__name__)

    # --- raw access
    def get(self, path: tuple) -> Any:
        value: Any = self.document.data
        for part in path:
            if isinstance(part, int):
                value = value[part] if isinstance(value, list) and part < len(value) else None
            else:
                value = value.get(part) if isinstance(value, dict) else None
        return value

    def written(self, path: tuple) -> str:
        """The scalar as typed in the file (before YAML turned 0812 or 0271 into a number)."""
        return self.document.written.get(path, str(self.get(path)))

    def has(self, path: tuple) -> bool:
        parent = self.get(path[:-1])
        return isinstance(parent, dict) and path[-1] in parent

    def check_keys(self, path: tuple, allowed: Iterable[str]) -> None:
        """Unknown keys are errors, with a did-you-mean hint: a typo must not be ignored."""
        mapping = self.get(path)
        allowed = list(allowed)
        if not isinstance(mapping, dict):
            return
        for key in mapping:
            if key in allowed:
                continue
            guess = difflib.get_close_matches(key.lower(), allowed, n=1, cutoff=0.6)
            if guess:
                self.problem(path + (key,), "unknown_field_hint", key=key, suggestion=guess[0])
            else:
                self.problem(path + (key,), "unknown_field", key=key, known=", ".join(allowed))

    # --- typed readers; each returns None when missing or wrong (the problem is recorded)
    def text(self, path: tuple, required: bool = False, max_length: int = 200,
             one_line: bool = True) -> str | None:
        value = self.get(path)
        if value is None:
            if required:
                self.problem(path, "required", key=path[-1])
            elif self.has(path):
                self.problem(path, "empty")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = self.written(path)  # "name: 1945" is meant as text, digits as typed
        if not isinstance(value, str):
            self.problem(path, "expected_text", actual=self.type_name(value))
            return None
        value = value.strip()
        if not value:
            self.problem(path, "required" if required else "empty", key=path[-1])
            return None
        hidden = bidi_controls(value)
        if hidden:  # U+202E shows "Batik Sari" as "iraS kitaB": a name must read as it is
            self.problem(path, "text_bidi", codes=", ".join(hidden))
            return None
        if one_line and ("\n" in value or "\r" in value):
            self.problem(path, "text_one_line")
            return None
        if len(value) > max_length:
            self.problem(path, "text_too_long", length=len(value), limit=max_length)
            return None
        return value

    def items(self, path: tuple, required: bool = False, max_items: int = 50) -> list[tuple[tuple, Any]]:
        """(path, value) of each list item; a single value is accepted as a one-item list."""
        value = self.get(path)
        if value is None:
            if required:
                self.problem(path, "required", key=path[-1])
            return []
        if isinstance(value, dict):
            self.problem(path, "expected_list", actual=self.type_name(value))
            return []
        if not isinstance(value, list):
            return [(path, value)]
        if required and not value:
            self.problem(path, "list_empty")
        if len(value) > max_items:
            self.problem(path, "list_too_long", count=len(value), limit=max_items)
            return []
        return [(path + (i,), item) for i, item in enumerate(value)]

    def mapping(self, path: tuple) -> dict | None:
        value = self.get(path)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(path, "expected_mapping", actual=self.type_name(value))
            return None
        return value

    def web_url(self, path: tuple, value: Any) -> str | None:
        """Only complete http(s) addresses: no javascript:, data:, relative or odd links."""
        if not isinstance(value, str):
            self.problem(path, "expected_text", actual=self.type_name(value))
            return None
        value = value.strip()
        if len(value) > MAX_URL_LENGTH:
            self.problem(path, "text_too_long", length=len(value), limit=MAX_URL_LENGTH)
            return None
        if any(c.isspace() for c in value) and "://" in value:
            found = find_urls(value)  # share text: "Cek ... di Tokopedia! https://..."
            if len(found) == 1:
                value = found[0]
        if any(c.isspace() for c in value) or any(ord(c) < 32 for c in value):
            self.problem(path, "url_invalid", value=value)
            return None
        if "://" not in value and is_host_name(value.split("/")[0].lower()):
            value = "https://" + value  # "tokopedia.com/toko" is what people copy from the app
        try:
            parts = urlsplit(value)
        except ValueError:
            self.problem(path, "url_invalid", value=value)
            return None
        if parts.scheme.lower() not in ("http", "https"):
            self.problem(path, "url_scheme", value=value)
            return None
        host = (parts.hostname or "").lower()
        if not is_host_name(host) or parts.username or parts.password:
            self.problem(path, "url_invalid", value=value)
            return None
        if is_punycode(host):
            self.problem(path, "url_punycode", warning=True, value=value, host=host)
        return value

    def email(self, path: tuple) -> str | None:
        value = self.text(path, max_length=120)
        if value is not None and not is_email(value):
            self.problem(path, "email_invalid", value=value)
            return None
        return value

    def date(self, path: tuple) -> _dt.date | None:
        value = self.get(path)
        if value is None:
            return None
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        try:
            return _dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.problem(path, "date_invalid", value=value)
            return None


def is_host_name(host: str) -> bool:
    """'shopee.co.id': two or more labels of lowercase letters, digits and inner hyphens."""
    labels = host.split(".")
    return len(labels) >= 2 and all(_HOST_LABEL.fullmatch(label) and label[0] != "-" != label[-1]
                                    for label in labels)


def is_email(value: str) -> bool:
    """'nama@contoh.co.id'; linear in the length of `value`."""
    local, at, domain = value.rpartition("@")
    labels = domain.split(".")
    return bool(at and _EMAIL_LOCAL.fullmatch(local)) and len(labels) >= 2 \
        and all(_EMAIL_LABEL.fullmatch(label) for label in labels[:-1]) and bool(_TOP_LEVEL.fullmatch(labels[-1]))
