"""Slugs: the folder-name rule and text -> URL-safe slug (pure)."""

from __future__ import annotations

import re

from unidecode import unidecode

# A booth folder name, a category key: lowercase letters and digits joined by single hyphens.
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 60) -> str:
    """'Batik Tulis "Sekar Jagad" 2m' -> 'batik-tulis-sekar-jagad-2m'; '' when nothing is left."""
    ascii_text = unidecode(str(text)).lower().replace("&", " dan ")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
