"""Which pages the expo writes, planned before anything is written (pure).

Planning first lets the build refuse two pages that would land on the same file (a booth named
like a category page under a custom URL pattern, a content page called "peserta") instead of
silently overwriting one with the other.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any, Iterable

from expo.content.errors import ContentError
from expo.content.models import Catalog
from expo.settings import ExpoSettings
from expo.site.routes import fill


@dataclass(frozen=True)
class PlannedPage:
    save_as: str
    template: str
    source: str  # what the page is about, for collision messages: 'exhibitors/batik-sari'
    values: dict[str, Any] = field(default_factory=dict)


def plan_pages(catalog: Catalog, expo: ExpoSettings) -> list[PlannedPage]:
    planned = [PlannedPage("index.html", "expo_home", "home", {"page_name": "home"})]
    planned += _directory(catalog, expo)
    for exhibitor in catalog.exhibitors:
        source = f"{expo.exhibitors_path.strip('/')}/{exhibitor.slug}"
        planned.append(PlannedPage(fill(expo.booth_save_as, slug=exhibitor.slug), "expo_booth", source,
                                   {"exhibitor": exhibitor, "page_name": "booth"}))
        for product in exhibitor.products:
            planned.append(PlannedPage(
                fill(expo.product_save_as, booth=exhibitor.slug, slug=product.slug), "expo_product",
                f"{source} ({product.name})",
                {"exhibitor": exhibitor, "product": product, "page_name": "product"}))
    for kind, groups, save_as in (("category", catalog.categories, expo.category_save_as),
                                  ("city", catalog.cities, expo.city_save_as)):
        for group in groups:
            planned.append(PlannedPage(fill(save_as, slug=group.key), "expo_group", f"{kind} {group.label}",
                                       {"group": group, "group_kind": kind, "page_name": kind}))
    planned.append(PlannedPage(expo.cities_save_as, "expo_cities", "cities", {"page_name": "cities"}))
    planned.append(PlannedPage("404.html", "expo_404", "404", {"page_name": "404"}))
    return planned


def _directory(catalog: Catalog, expo: ExpoSettings) -> list[PlannedPage]:
    per_page = expo.directory_per_page
    booths = catalog.exhibitors
    count = max(1, -(-len(booths) // per_page))
    planned = []
    for number in range(1, count + 1):
        save_as = expo.directory_save_as if number == 1 else fill(expo.directory_page_save_as, page=number)
        planned.append(PlannedPage(save_as, "expo_directory", f"directory page {number}", {
            "page_name": "directory",
            "booths": booths[(number - 1) * per_page: number * per_page],
            "page_number": number, "page_count": count,
            "previous_url": _directory_url(expo, number - 1) if number > 1 else None,
            "next_url": _directory_url(expo, number + 1) if number < count else None,
        }))
    return planned


def _directory_url(expo: ExpoSettings, number: int) -> str:
    return expo.directory_url if number == 1 else fill(expo.directory_page_url, page=number)


def find_collisions(planned: list[PlannedPage], others: Iterable[tuple[str, str]]) -> list[ContentError]:
    """One error per file that two pages would write; `others` are (save_as, source) of
    Pelican's own pages."""
    owners: dict[str, str] = {}
    problems = []
    for save_as, source in [*((p.save_as, p.source) for p in planned), *others]:
        key = posixpath.normpath(save_as.lstrip("/"))  # 'kota//index.html' is 'kota/index.html'
        if key in owners:
            path = source if source.startswith(("exhibitors/", "content/")) else "pelicanconf.py"
            problems.append(ContentError(path, None, "", "page_collision",
                                         {"file": key, "first": owners[key], "second": source}))
        else:
            owners[key] = source
    return problems
