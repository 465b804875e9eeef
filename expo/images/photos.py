"""The catalog's photos through the image pipeline; failures become content problems.

Glue between the models and `images`, shared by the generator (build) and `invoke validate`:
which pictures a catalog shows, which of them need a link-preview image, and how a photo that
breaks only while decoding is reported (the file named, in the exhibitor's group of the report).
"""

from __future__ import annotations

import logging
from pathlib import Path

from expo.images import pipeline as images
from expo.content.errors import ContentError, ContentErrors
from expo.content.models import Catalog
from expo.settings import ExpoSettings

log = logging.getLogger(__name__)


def catalog_pictures(catalog: Catalog) -> list[images.Picture]:
    pictures = []
    for exhibitor in catalog.exhibitors:
        pictures.extend(p for p in (exhibitor.logo, exhibitor.cover) if p)
        for product in exhibitor.products:
            pictures.extend(product.photos)
    return pictures


def share_pictures(catalog: Catalog) -> list[images.Picture]:
    """The photos that stand for a booth or a product in link previews (og:image)."""
    return [e.photo for e in catalog.exhibitors] + [p.photo for p in catalog.products]


def prepare_photos(catalog: Catalog, root: Path, settings: ExpoSettings,
                   progress: bool = False) -> images.Prepared:
    """Encode what the cache lacks; raise ContentErrors naming every photo that failed."""
    prepared = images.prepare(
        catalog_pictures(catalog), settings.image_cache_dir(root), share=share_pictures(catalog),
        workers=settings.image_workers, max_megapixels=settings.max_photo_megapixels,
        progress=progress, lang=settings.lang)
    if prepared.failures:
        raise ContentErrors(failure_problems(prepared.failures, root))
    log.info("Photos: %d pictures, %d sources decoded and encoded, the rest from the cache",
             len(prepared.pictures), prepared.decoded)
    return prepared


def remember_digests(root: Path, settings: ExpoSettings) -> None:
    """Call before loading the catalog: unchanged photos are then not read again."""
    images.remember_digests(settings.image_cache_dir(root))


def remember_photos(prepared: images.Prepared) -> None:
    """After a successful build: mark the cache entries in use (clean --stale keeps them) and
    remember the sources' digests, so the next build does not read unchanged photos again."""
    prepared.cache.record_use(p.key for p in prepared.pictures)
    images.keep_digests(prepared.cache.root, prepared.pictures)


def verify_photos(catalog: Catalog, root: Path, settings: ExpoSettings,
                  progress: bool = False) -> list[ContentError]:
    """Decode every photo the cache has not seen, so `invoke validate` catches damaged pixels."""
    failures = images.verify(catalog_pictures(catalog), settings.image_cache_dir(root),
                             workers=settings.image_workers,
                             max_megapixels=settings.max_photo_megapixels, progress=progress,
                             lang=settings.lang)
    return failure_problems(failures, root)


def failure_problems(failures: list[images.Failure], root: Path) -> list[ContentError]:
    problems = []
    for failure in failures:
        try:
            where = failure.source.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            where = failure.source.name
        params = {"detail": "", **failure.params, "value": failure.source.name}
        problems.append(ContentError(where, None, "", failure.key, params))
    return problems
