"""Validated exhibitors -> the whole catalog: categories, cities, featured and recent booths.

Also the one entry point that turns the exhibitors folder into a `Catalog` or a list of
problems, shared by the Pelican generator, `invoke validate` and the tests.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from expo.content.errors import WARNING, ContentError, ContentErrors
from expo.content.loader import discover, load_exhibitor
from expo.content.markup import keep_markdown, remember_markdown
from expo.content.models import Catalog, Exhibitor, Group
from expo.content.parsing import ParseContext, parse_exhibitor
from expo.settings import ExpoSettings
from expo.site.routes import fill


def load_catalog(root: Path, settings: ExpoSettings, siteurl: str = "",
                 only: set[str] | None = None) -> tuple[Catalog | None, list[ContentError]]:
    """Read and check every exhibitor folder (or only the slugs in `only`).

    Returns the catalog (None if any error) and every problem, warnings included.
    """
    problems: list[ContentError] = []
    remember_markdown(settings.image_cache_dir(root))
    ctx = ParseContext(settings, siteurl)
    folder = settings.exhibitors_dir(root)
    exhibitors = []
    folders = discover(folder)
    for path in folders:
        if only is not None and path.name not in only:
            continue
        raw = load_exhibitor(path, settings.exhibitors_path.strip("/"), settings.max_yaml_kilobytes)
        exhibitor = parse_exhibitor(raw, ctx, problems)
        if exhibitor is not None:
            exhibitors.append(exhibitor)
    problems.extend(_same_names(exhibitors, settings))
    slugs = {p.name for p in folders}
    for slug in settings.featured:
        if slug not in slugs:
            problems.append(ContentError("pelicanconf.py", None, "EXPO_FEATURED", "featured_unknown", {"value": slug}))
    if any(p.is_error for p in problems):
        return None, problems
    return build_catalog(exhibitors, settings), problems


def require_catalog(root: Path, settings: ExpoSettings, siteurl: str = "") -> tuple[Catalog, list[ContentError]]:
    catalog, problems = load_catalog(root, settings, siteurl)
    if catalog is None:
        raise ContentErrors(problems)
    keep_markdown(settings.image_cache_dir(root))  # a build, not `validate`, updates the cache
    return catalog, problems


def _same_names(exhibitors: list[Exhibitor], settings: ExpoSettings) -> list[ContentError]:
    """Two booths with one name confuse visitors: a warning on the later folder."""
    seen: dict[str, Exhibitor] = {}
    problems = []
    for exhibitor in exhibitors:
        key = exhibitor.name.casefold()
        if key in seen:
            path = f"{settings.exhibitors_path.strip('/')}/{exhibitor.slug}/exhibitor.yml"
            problems.append(ContentError(path, None, "name", "booth_duplicate_name",
                                         {"other": seen[key].slug}, WARNING))
        else:
            seen[key] = exhibitor
    return problems


def build_catalog(exhibitors: list[Exhibitor], settings: ExpoSettings) -> Catalog:
    by_name = tuple(sorted(exhibitors, key=lambda e: (e.name.casefold(), e.slug)))
    categories = tuple(
        Group(key, label, fill(settings.category_url, slug=key),
              tuple(e for e in by_name if e.category == key))
        for key, label in settings.categories.items()
    )
    return Catalog(
        exhibitors=by_name,
        categories=categories,
        cities=_cities(by_name, settings),
        featured=_featured(by_name, settings),
        recent=_recent(by_name, settings),
    )


def _cities(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Group, ...]:
    """Group by the city's slug, so 'Kota Pekalongan' and 'kota pekalongan' are one city,
    labelled with the spelling most booths use."""
    slugs = sorted({e.city_slug for e in exhibitors})
    groups = []
    for slug in slugs:
        members = tuple(e for e in exhibitors if e.city_slug == slug)
        spellings = Counter(e.city for e in members)
        label = sorted(spellings, key=lambda s: (-spellings[s], s))[0]
        groups.append(Group(slug, label, fill(settings.city_url, slug=slug), members))
    return tuple(sorted(groups, key=lambda g: g.label.casefold()))


def _featured(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Exhibitor, ...]:
    """The organiser's choice; otherwise the booths with the most products."""
    if settings.featured:
        by_slug = {e.slug: e for e in exhibitors}
        return tuple(by_slug[s] for s in settings.featured if s in by_slug)
    ranked = sorted(exhibitors, key=lambda e: (-len(e.products), e.name.casefold()))
    return tuple(ranked[: settings.featured_count])


def _recent(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Exhibitor, ...]:
    """Newest `joined` first; booths without a date come last, by name."""
    dated = sorted((e for e in exhibitors if e.joined), key=lambda e: (-e.joined.toordinal(), e.name.casefold()))
    return tuple(dated[: settings.recent_count])
