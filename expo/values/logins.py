"""GitHub logins (the `owners` field, EXPO_ORGANISERS, pull-request authors): one rule for
validation, check-pr, CODEOWNERS and the JSON Schema, so a login that validates also owns."""

from __future__ import annotations

import re
from typing import Iterable

# GitHub's own rule for user names: letters, digits, single hyphens, at most 39 characters.
LOGIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")


def normalize_login(value: object) -> str | None:
    """'@Sari-Batik ' -> 'sari-batik'; None if it cannot be a GitHub login."""
    if not isinstance(value, str):
        return None
    text = value.strip().lstrip("@")
    return text.casefold() if LOGIN_RE.match(text) else None


def clean_logins(values: Iterable[object]) -> tuple[str, ...]:
    """Valid logins as written (without '@'), first spelling kept, duplicates dropped."""
    seen: set[str] = set()
    result = []
    for value in values:
        key = normalize_login(value)
        if key and key not in seen:
            seen.add(key)
            result.append(str(value).strip().lstrip("@"))
    return tuple(result)
