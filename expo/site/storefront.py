"""What listings show: the home page's products, a listing page's products, the organiser's banner.

Pure choices over the catalog, so the plan stays a list of files and each rule is stated once.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, zip_longest
from pathlib import Path
from typing import Iterable, Sequence, TypeVar

from expo.content.errors import ContentError
from expo.content.models import Exhibitor, Product
from expo.settings import HERO_IMAGE_MAX_BYTES, ExpoSettings

T = TypeVar("T")


def round_robin(booths: Iterable[Exhibitor], limit: int) -> tuple[Product, ...]:
    """Up to `limit` products, the first of every booth before the second of any, so a booth
    with 200 products does not fill a listing on its own."""
    rows = zip_longest(*(b.products for b in booths))
    return tuple(p for p in chain.from_iterable(rows) if p is not None)[:limit]


def home_products(featured: Sequence[Exhibitor], everyone: Sequence[Exhibitor], limit: int) -> tuple[Product, ...]:
    """The home page's shop window: the featured booths' products first, then everyone else's."""
    chosen = {e.slug for e in featured}
    return round_robin([*featured, *(e for e in everyone if e.slug not in chosen)], limit)


def pages_of(items: Sequence[T], per_page: int) -> list[Sequence[T]]:
    """Items cut into pages; always at least one page, so an empty listing still has its page."""
    return [items[start:start + per_page] for start in range(0, len(items), per_page)] or [items[:0]]


@dataclass(frozen=True)
class Banner:
    """The organiser's banner photo, published as it is (its size keeps the page from jumping)."""

    path: Path
    width: int
    height: int


def hero_image(root: Path, expo: ExpoSettings) -> tuple[Banner | None, list[ContentError]]:
    """EXPO_HERO_IMAGE as a photo inside the project, or the problem that stops the build."""
    from PIL import Image, UnidentifiedImageError

    if not expo.hero_image:
        return None, []

    def problem(key: str, **params: object) -> tuple[None, list[ContentError]]:
        return None, [ContentError("pelicanconf.py", None, "EXPO_HERO_IMAGE", key,
                                   {"value": expo.hero_image, **params})]

    path = (root / expo.hero_image).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        return problem("hero_image_missing")
    if path.stat().st_size > HERO_IMAGE_MAX_BYTES:
        return problem("hero_image_large", size=path.stat().st_size // 1024)
    try:
        with Image.open(path) as image:  # reads the header only
            width, height = image.size
    except (UnidentifiedImageError, OSError):
        return problem("hero_image_unreadable")
    return Banner(path, width, height), []
