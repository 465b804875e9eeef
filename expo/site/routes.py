"""URL patterns: filling Pelican-style patterns such as 'booth/{booth}/{slug}/'."""

from __future__ import annotations


def fill(pattern: str, **values: object) -> str:
    """Fill a Pelican-style URL pattern such as 'booth/{booth}/{slug}/'."""
    return pattern.format(**values)
