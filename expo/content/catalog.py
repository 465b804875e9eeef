"""Validated exhibitors -> the whole catalog: categories, cities, featured and recent booths.

Also the one entry point that turns the exhibitors folder into a `Catalog` or a list of
problems, shared by the Pelican generator, `invoke validate` and the tests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Mapping

from expo.content.booth_cache import BoothCache, Parsed, folder_digest
from expo.content.errors import WARNING, ContentError, ContentErrors
from expo.content.loader import discover, load_exhibitor, misplaced_booth_files
from expo.content.markup import keep_markdown, keep_texts, remember_markdown, texts_read
from expo.content.models import Catalog, EditionGroup, Exhibitor, Group
from expo.content.parsing import ParseContext, parse_exhibitor
from expo.settings import ExpoSettings
from expo.values.cities import official_names
from expo.values.editions import current_edition
from expo.values.names import skeleton


def load_catalog(root: Path, settings: ExpoSettings, only: set[str] | None = None,
                 photo_sources: Mapping[str, Mapping[str, Path]] | None = None,
                 today: date | None = None, booths: BoothCache | None = None,
                 ) -> tuple[Catalog | None, list[ContentError]]:
    """Read and check every exhibitor folder (or only the slugs in `only`); `photo_sources`
    (slug -> photo name -> file) lets import-csv check photos where they are; `booths` gives
    unchanged folders as the last build read them (booth_cache.py).

    Returns the catalog (None if any error) and every problem, warnings included.
    """
    problems: list[ContentError] = []
    remember_markdown(settings.image_cache_dir(root))
    today = today or date.today()
    ctx = ParseContext(settings, today)
    folder = settings.exhibitors_dir(root)
    exhibitors = []
    folders = discover(folder)
    names = frozenset(p.name for p in folders)
    for path in folders:
        if only is not None and path.name not in only:
            continue
        if booths is not None and not photo_sources:
            exhibitor = _read_booth(path, names, ctx, booths, problems)
        else:
            raw = load_exhibitor(path, settings.exhibitors_path.strip("/"), settings.max_yaml_kilobytes,
                                 names)
            if photo_sources and path.name in photo_sources:
                raw = replace(raw, photo_sources=photo_sources[path.name])
            exhibitor = parse_exhibitor(raw, ctx, problems)
        if exhibitor is not None:
            exhibitors.append(exhibitor)
    if only is None:
        problems.extend(misplaced_booth_files(folder, settings.exhibitors_path.strip("/")))
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
    return build_catalog(exhibitors, settings, today), problems


def require_catalog(root: Path, settings: ExpoSettings) -> tuple[Catalog, list[ContentError]]:
    today = date.today()
    booths = BoothCache.open(settings.image_cache_dir(root).parent, settings, today)
    catalog, problems = load_catalog(root, settings, today=today, booths=booths)
    if catalog is None:
        raise ContentErrors(problems)
    keep_markdown(settings.image_cache_dir(root))  # a build, not `validate`, updates the caches
    booths.save()
    return catalog, problems


def _read_booth(path: Path, siblings: frozenset[str], ctx: ParseContext, booths: BoothCache,
                problems: list[ContentError]) -> Exhibitor | None:
    """One booth from the cache when its folder is unchanged, else read, checked and kept."""
    digest = folder_digest(path)
    parsed = booths.get(path.name, digest)
    if parsed is not None:
        problems.extend(parsed.problems)
        keep_texts(parsed.texts)
        return parsed.exhibitor
    start = len(problems)
    settings = ctx.settings
    with texts_read() as texts:
        raw = load_exhibitor(path, settings.exhibitors_path.strip("/"), settings.max_yaml_kilobytes, siblings)
        exhibitor = parse_exhibitor(raw, ctx, problems)
    if digest is not None:
        booths.put(path.name, Parsed(digest, exhibitor, tuple(problems[start:]), tuple(texts)))
    return exhibitor


def _same_names(exhibitors: list[Exhibitor], settings: ExpoSettings) -> list[ContentError]:
    """Two booths with one name confuse visitors: a warning on the later folder. Names are
    compared as they look (NFKC and a confusables skeleton), so a copy in Cyrillic letters or
    full-width letters is one name too."""
    seen: dict[str, Exhibitor] = {}
    problems = []
    for exhibitor in exhibitors:
        key = skeleton(exhibitor.name)
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
            names.setdefault(skeleton(data["name"].strip()), path.name)
    problems = []
    for exhibitor in exhibitors:
        other = names.get(skeleton(exhibitor.name))  # the same comparison as _same_names
        if other is not None:
            path = f"{settings.exhibitors_path.strip('/')}/{exhibitor.slug}/exhibitor.yml"
            problems.append(ContentError(path, None, "name", "booth_duplicate_name", {"other": other}, WARNING))
    return problems


def build_catalog(exhibitors: list[Exhibitor], settings: ExpoSettings, today: date | None = None) -> Catalog:
    by_name = tuple(sorted(exhibitors, key=lambda e: (e.name.casefold(), e.slug)))
    categories = tuple(
        Group(key, label, tuple(e for e in by_name if e.category == key))
        for key, label in settings.categories.items()
    )
    featured = _featured(by_name, settings, today or date.today())
    chosen = {e.slug for e in featured}  # "Baru bergabung" shows the others: each booth once
    editions = _editions(by_name, categories, settings)
    current = current_edition(settings.editions, today or date.today())
    return Catalog(
        exhibitors=by_name,
        categories=categories,
        cities=_cities(by_name, settings),
        featured=featured,
        recent=_recent(tuple(e for e in by_name if e.slug not in chosen), settings),
        editions=editions,
        current_edition=next((g for g in editions if current and g.key == current.key), None),
    )


def _editions(exhibitors: tuple[Exhibitor, ...], categories: tuple[Group, ...],
              settings: ExpoSettings) -> tuple[EditionGroup, ...]:
    """Each edition with the booths that list it, by name, and those booths per category."""
    groups = []
    for edition in settings.editions:
        members = tuple(e for e in exhibitors if edition.key in e.editions)
        by_category = tuple(Group(g.key, g.label, tuple(e for e in g.exhibitors if edition.key in e.editions))
                            for g in categories)
        groups.append(EditionGroup(edition.key, edition.name, members, edition,
                                   tuple(g for g in by_category if g.exhibitors)))
    return tuple(groups)


def _cities(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Group, ...]:
    """Group by the city's slug, so 'Kota Pekalongan' and 'kota pekalongan' are one city. The
    label is the official kabupaten/kota name when one spelling is it, else the spelling most
    booths use; on a tie, not the one in capitals (one odd booth must not relabel a city)."""
    slugs = sorted({e.city_slug for e in exhibitors})
    official = official_names()
    groups = []
    for slug in slugs:
        members = tuple(e for e in exhibitors if e.city_slug == slug)
        spellings = Counter(e.city for e in members)
        label = next((s for s in sorted(spellings) if s in official), None) or \
            sorted(spellings, key=lambda s: (-spellings[s], s.isupper(), s))[0]
        groups.append(Group(slug, label, members))
    return tuple(sorted(groups, key=lambda g: g.label.casefold()))


def _featured(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings, today: date) -> tuple[Exhibitor, ...]:
    """The organiser's choice (EXPO_FEATURED); otherwise a weekly rotation. Booths in folder
    order take turns: week n shows the `featured_count` booths after those of week n-1, so every
    booth is featured equally often and nothing a booth writes (products, prices, name) moves it
    up. (Ranking by product count let 200 cheap products win the home page.)"""
    if settings.featured:
        by_slug = {e.slug: e for e in exhibitors}
        return tuple(by_slug[s] for s in settings.featured if s in by_slug)
    return rotation(sorted(exhibitors, key=lambda e: e.slug), settings.featured_count, today)


def rotation(items: list, count: int, today: date) -> tuple:
    """`count` items starting where the week `today` falls in begins the cycle (Mondays, ISO)."""
    if len(items) <= count:
        return tuple(items)
    week = (today.toordinal() - 1) // 7  # date(1, 1, 1) is a Monday: weeks start on Mondays
    start = week * count % len(items)
    return tuple((items + items)[start:start + count])


def _recent(exhibitors: tuple[Exhibitor, ...], settings: ExpoSettings) -> tuple[Exhibitor, ...]:
    """Newest `joined` first, of the booths not featured (the home page shows each booth once)."""
    dated = sorted((e for e in exhibitors if e.joined), key=lambda e: (-e.joined.toordinal(), e.name.casefold()))
    return tuple(dated[: settings.recent_count])
