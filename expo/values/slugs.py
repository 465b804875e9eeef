"""Slugs: the folder-name rule and text -> URL-safe slug (pure)."""

from __future__ import annotations

import re

from unidecode import unidecode

# A booth folder name, a category key: lowercase letters and digits joined by single hyphens.
# \Z, not $: '$' also matches before a final newline, and "batik-sari\n" is no folder name.
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Bytes of a file name that were not UTF-8 arrive as lone surrogates (os.fsdecode); unidecode
# warns about each on stderr, so they are dropped first.
_SURROGATES = re.compile("[\ud800-\udfff]")


def slugify(text: str, max_length: int = 60) -> str:
    """'Batik Tulis "Sekar Jagad" 2m' -> 'batik-tulis-sekar-jagad-2m'; '' when nothing is left."""
    ascii_text = unidecode(_SURROGATES.sub("", str(text))).lower().replace("&", " dan ")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
