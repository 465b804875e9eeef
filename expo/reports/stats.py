"""`invoke stats`: what an organiser reports about an expo, from the validated catalog (pure).

Counts per category and per city, licence coverage, the booths that need a follow-up (no video,
a single photo, no price) and price ranges per category; with editions (EXPO_EDITIONS), the same
figures for each edition's booths. Only content is counted: visitors and orders are not in the
repository.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

from expo.content.models import Catalog, Exhibitor, Group
from expo.values.credentials import LABELS as CREDENTIAL_LABELS


@dataclass(frozen=True)
class PriceRange:
    """Over the products that have a price: `low` and `median` of their (lower) prices, `high`
    the highest price including the upper ends of ranges. Whole Rupiah."""

    priced: int  # products with a price
    low: int
    median: int
    high: int


@dataclass(frozen=True)
class GroupStats:
    key: str  # category key or city slug
    label: str
    exhibitors: int
    products: int
    prices: PriceRange | None  # None when no product in the group has a price


@dataclass(frozen=True)
class Coverage:
    """How many booths show one licence kind (NIB, P-IRT, Halal, BPOM, SNI)."""

    kind: str
    label: str
    exhibitors: int


@dataclass(frozen=True)
class Stats:
    exhibitors: int
    products: int
    prices: PriceRange | None
    categories: tuple[GroupStats, ...]  # the organiser's order, empty categories included
    cities: tuple[GroupStats, ...]  # by name
    credentials: tuple[Coverage, ...]
    # Booth folder names that need a follow-up, sorted.
    without_video: tuple[str, ...]  # no video on the booth nor on any product
    single_photo: tuple[str, ...]  # all its products together show one photo
    without_price: tuple[str, ...]  # no product has a price


def price_range(exhibitors: tuple[Exhibitor, ...]) -> PriceRange | None:
    products = [p for e in exhibitors for p in e.products if p.price is not None]
    if not products:
        return None
    lows = [p.price for p in products]
    highs = [p.price_max or p.price for p in products]
    return PriceRange(len(products), min(lows), round(statistics.median(lows)), max(highs))


def _group(group: Group, label: str) -> GroupStats:
    return GroupStats(group.key, label, len(group.exhibitors), len(group.products),
                      price_range(group.exhibitors))


def _has_video(exhibitor: Exhibitor) -> bool:
    return exhibitor.video is not None or any(p.video is not None for p in exhibitor.products)


def _product_photos(exhibitor: Exhibitor) -> int:
    return len({photo.source for p in exhibitor.products for photo in p.photos})


def compute_stats(catalog: Catalog, category_labels: dict[str, str]) -> Stats:
    booths = catalog.exhibitors
    return Stats(
        exhibitors=len(booths),
        products=len(catalog.products),
        prices=price_range(booths),
        categories=tuple(_group(g, category_labels.get(g.key, g.label)) for g in catalog.categories),
        cities=tuple(_group(g, g.label) for g in catalog.cities),
        credentials=tuple(Coverage(kind, label, sum(any(c.kind == kind for c in e.credentials) for e in booths))
                          for kind, label in CREDENTIAL_LABELS.items()),
        without_video=tuple(sorted(e.slug for e in booths if not _has_video(e))),
        single_photo=tuple(sorted(e.slug for e in booths if _product_photos(e) == 1)),
        without_price=tuple(sorted(e.slug for e in booths if all(p.price is None for p in e.products))),
    )


@dataclass(frozen=True)
class EditionStats:
    """The figures of one edition: its booths (the ones that list it) counted like the whole expo."""

    key: str
    name: str
    start_date: str  # ISO days, as in EXPO_EDITIONS
    end_date: str
    figures: Stats


def edition_stats(catalog: Catalog, category_labels: dict[str, str]) -> tuple[EditionStats, ...]:
    """One entry per edition, in the organiser's order; none without editions."""
    return tuple(EditionStats(g.key, g.edition.name, g.edition.start_date.isoformat(), g.edition.end_date.isoformat(),
                              compute_stats(_within(catalog, g.exhibitors), category_labels))
                 for g in catalog.editions)


def _within(catalog: Catalog, exhibitors: tuple[Exhibitor, ...]) -> Catalog:
    """The catalog cut down to `exhibitors`: every category stays (a report compares editions
    row by row), cities without a booth left go, labels stay those of the whole expo."""
    slugs = {e.slug for e in exhibitors}

    def keep(group: Group) -> Group:
        return replace(group, exhibitors=tuple(e for e in group.exhibitors if e.slug in slugs))

    cities = tuple(g for g in map(keep, catalog.cities) if g.exhibitors)
    return Catalog(exhibitors=exhibitors, categories=tuple(map(keep, catalog.categories)), cities=cities,
                   featured=(), recent=())
