"""Validated exhibitors -> the whole catalog: categories, cities, featured and recent booths.

Also the one entry point that turns the exhibitors folder into a `Catalog` or a list of
problems, shared by the Pelican generator, `invoke validate` and the tests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Mapping

from expo.content.errors import WARNING, ContentError, ContentErrors
from expo.content.loader import discover, load_exhibitor
from expo.content.models import Catalog, Exhibitor, Group
from expo.content.parsing import ParseContext, parse_exhibitor
from expo.settings import ExpoSettings


def load_catalog(root: Path, settings: ExpoSettings,
                 only: set[str] | None = None,
                 photo_sources: Mapping[str, Mapping[str, Path]] | None = None,
                 ) -> tuple[Catalog | None, list[ContentError]]:
    """Read and check every exhibitor folder (or only the slugs in `only`); `photo_sources`
    (slug -> photo name -> file) lets import-csv check photos where they are.

    Returns the catalog (None if any error) and every problem, warnings included.
    """
    problems: list[ContentError] = []
    ctx = ParseContext(settings)
    folder = settings.exhibitors_dir(root)
    exhibitors = []
    folders = discover(folder)
    names = frozenset(p.name for p in folders)
    for path in folders:
        if only is not None and path.name not in only:
            continue
        raw = load_exhibitor(path, settings.exhibitors_path.strip("/"), settings.max_yaml_kilobytes,
                             names)
        if photo_sources and path.name in photo_sources:
            raw = replace(raw, photo_sources=photo_sources[path.name])
        exhibitor = parse_exhibitor(raw, ctx, problems)
        if exhibitor is not None:
            exhibitors.append(exhibitor)
    problems.extend(_same_names(exhibitors, settings))
    if only is not None:  # a pull request's check loads its own booths: compare with the rest too
        problems.extend(_same_names_as_others(exhibitors, [p for p in folders if p.name not in only],
                                              settings))
    slugs = {p.name for p in folders}
    for slug in settings.featured:
        if slug not in slugs:
            problems.append(ContentError("pelicanconf.py", None, "EXPO_FEATURED", "featured_unknown", {"value": slug}))
    if any(p.is_error for p in problems):
        return None, problems
    return build_catalog(exhibitors, settings), problems


def require_catalog(root: Path, settings: ExpoSettings) -> tuple[Catalog, list[ContentError]]:
    catalog, problems = load_catalog(root, settings)
    if catalog is None:
        raise ContentErrors(problems)
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


def _same_names_as_others(exhibitors: list[Exhibitor], others: list[Path],
                          settings: ExpoSettings) -> list[ContentError]:
    """The duplicate-name warning for booths checked on their own (validate --changed-since,
    validate <folder>): the other folders' names are read from their YAML only, no photos."""
    names: dict[str, str] = {}
    for path in others:
        raw = load_exhibitor(path, settings.exhibitors_path.strip("/"), settings.max_yaml_kilobytes)
        data = raw.document.data if raw.document is not None else None
        if isinstance(data, dict) and isinstance(data.get("name"), str):
            names.setdefault(data["name"].strip().casefold(), path.name)
    problems = []
    for exhibitor in exhibitors:
        other = names.get(exhibitor.name.casefold())
        if other is not None:
            path = f"{settings.exhibitors_path.strip('/')}/{exhibitor.slug}/exhibitor.yml"
            problems.append(ContentError(path, None, "name", "booth_duplicate_name", {"other": other}, WARNING))
    return problems


def build_catalog(exhibitors: list[Exhibitor], settings: ExpoSettings) -> Catalog:
    by_name = tuple(sorted(exhibitors, key=lambda e: (e.name.casefold(), e.slug)))
    categories = tuple(
        Group(key, label, tuple(e for e in by_name if e.category == key))
        for key, label in settings.categories.items()
    )
    featured = _featured(by_name, settings)
    chosen = {e.slug for e in featured}
    return Catalog(
        exhibitors=by_name,
        categories=categories,
        cities=_cities(by_name, settings),
        featured=featured,
        recent=_recent(tuple(e for e in by_name if e.slug not in chosen), settings),
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
        groups.append(Group(slug, label, members))
    return tuple(sorted(groups, key=lambda g: g.label.casefold()))


def _featured(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Exhibitor, ...]:
    """The organiser's choice; otherwise the booths with the most products."""
    if settings.featured:
        by_slug = {e.slug: e for e in exhibitors}
        return tuple(by_slug[s] for s in settings.featured if s in by_slug)
    ranked = sorted(exhibitors, key=lambda e: (-len(e.products), e.name.casefold()))
    return tuple(ranked[: settings.featured_count])


def _recent(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Exhibitor, ...]:
    """Newest `joined` first, of the booths not featured (the home page shows each booth once)."""
    dated = sorted((e for e in exhibitors if e.joined), key=lambda e: (-e.joined.toordinal(), e.name.casefold()))
    return tuple(dated[: settings.recent_count])
