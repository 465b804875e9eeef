"""The plan: every file the build writes, per language, decided before anything is written.

Each `PlannedFile` names its place in the output, the producer that makes it (`kind`, see
outputs.py), what it is about (for messages) and the content it is made from (`inputs`), so
that nothing escapes the collision check, the build summary or, later, the incremental build.
Planning first lets the build refuse two files that would land on the same path (a booth named
like a category page under a custom URL pattern, a content page called "peserta") instead of
silently overwriting one with the other.
"""

from __future__ import annotations

import functools
import posixpath
from itertools import groupby
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from expo.content.errors import ContentError
from expo.content.models import Catalog, EditionGroup, Group
from expo.images.pipeline import Picture, files_of
from expo.exports.catalog_json import CATALOG_JSON
from expo.exports.catalog_schema import CATALOG_SCHEMA
from expo.exports.merchant_feed import MERCHANT_FEED
from expo.exports.meta_csv import listed_count
from expo.site.exports import PRODUCTS_CSV
from expo.site import structured
from expo.site.routes import Routes, save_as_of, url_of
from expo.site.search import index_records
from expo.site.search_index import ENTRY
from expo.site.storefront import Banner, home_products, pages_of, round_robin

SETTINGS = "pelicanconf.py"  # blamed for files that come from the settings (URL patterns)
# Every page also depends on these; a change to any of them re-renders every page.
SITE_INPUTS = ("settings", "theme", "translations", "navigation")
# The search page's input that names the index's files (its preloads): every search bundle's digest.
SEARCH_INDEX = "search_index"
# A sitemap's input: the addresses it lists (sitemap_paths), 'sitemap_pages:<part>'; the
# sitemap index's: how many sitemaps there are.
SITEMAP_PAGES = "sitemap_pages"
SITEMAP_PARTS = "sitemap_parts"
# Content inputs (incremental.content_digests): 'booth:<slug>' (everything of one booth),
# 'boothcode:<slug>' (its order code), 'category:<key>' / 'city:<slug>' (a group and its
# booths), 'categorysize:<key>' / 'citysize:<slug>' (a group's label and counts), 'groups' (every
# group's label and counts), 'booth_count', 'catalog' (all of it). A listing names its
# counts and the booths it shows rather than 'catalog', so one booth's edit re-renders the pages
# that show that booth, not every listing.


@dataclass(slots=True)  # made by the hundred thousand in every walk of a large plan: a plain __init__
class PlannedFile:
    save_as: str  # path inside output/
    kind: str  # its producer: 'page', 'sitemap', 'robots', 'photo', 'asset', 'products_csv', 'search'
    source: str  # the file to blame in messages: 'exhibitors/batik-sari', 'content/pages/x.md'
    lang: str | None  # None for files every language shares (photos)
    inputs: tuple[str, ...]  # what it is made of: 'booth:batik-sari', 'catalog', 'photo:<key>'
    key: tuple = ()  # the same page in every language has the same key
    template: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    about: str = ""  # what it is, for messages: 'category Batik'; '' means the source

    def describe(self) -> str:
        return self.about or self.source


@dataclass(frozen=True)
class Site:
    """Everything the plan is made from."""

    catalog: Catalog
    routes: Mapping[str, Routes]  # language -> its routes (and text)
    exhibitors_path: str
    directory_per_page: int
    content_pages: tuple = ()  # Pelican's pages of the main language (translations inside)
    photos: tuple[Picture, ...] = ()
    shared_photos: frozenset[str] = frozenset()  # picture keys that get a link-preview image
    assets: tuple[tuple[str, Path], ...] = ()  # theme static files: (path under theme/, file)
    hero_image: Banner | None = None  # EXPO_HERO_IMAGE, checked (storefront.hero_image)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.routes)


class Plan:
    """Every file the build writes, made again from the models each time it is walked, in the
    same order every time. Nothing per file is kept: a city's expo plans well over a million
    files, and a PlannedFile with its values for each took more memory than the catalog itself
    (issue 9: memory that grows with the models only). A walk costs a few microseconds a file;
    the build walks the plan a handful of times. The search index's planned file is made once:
    the search page names the index's files."""

    def __init__(self, site: Site):
        self.site = site
        # An expo without booths yet gets no search index: there is nothing to find.
        self.search: list[PlannedFile] = _search_indexes(site) if site.catalog.exhibitors else []

    def __iter__(self) -> Iterator[PlannedFile]:
        return _walk(self.site, self.search)


def _walk(site: Site, search: list[PlannedFile]) -> Iterator[PlannedFile]:
    listed = 0  # pages in the sitemap, counted on the way: the sitemaps come last
    every = tuple(site.routes.values())
    for routes in every:
        for file in _language_pages(site, routes):
            # its address in each language (hreflang, the language switch), without a map of every page
            url = url_of(file.save_as)
            file.values["alternates"] = {other.lang: routes.in_language(url, other) for other in every}
            listed += in_sitemap(file)
            yield file
    for routes in site.routes.values():
        yield from _sharing_files(site, routes)
    yield from _icons(next(iter(site.routes.values())))
    if site.hero_image is not None:
        yield PlannedFile(_hero_url(site), "asset", SETTINGS, None, ("asset:banner",),
                          values={"file": site.hero_image.path}, about="EXPO_HERO_IMAGE")
    main = site.routes[site.languages[0]]  # data files speak the site's main language
    yield PlannedFile(PRODUCTS_CSV, "products_csv", SETTINGS, None, ("catalog",),
                      values={"catalog": site.catalog, "routes": main}, about=PRODUCTS_CSV)
    yield from _data_files(site)
    yield from _photos(site)
    yield from (PlannedFile(f"theme/{name}", "asset", "theme", None, (f"asset:{name}",), values={"file": path})
                for name, path in site.assets)
    yield from search
    # Last, so that one walk knows their inputs when it reaches them (generator._walk_plan).
    if any(r.siteurl for r in site.routes.values()):  # search engines need full addresses
        yield from _sitemaps(listed)
        # made from SITEURL alone, which every file's digest covers: no input of its own
        yield PlannedFile("robots.txt", "robots", SETTINGS, None, (), about="robots")
    # Hosts' caching rules, read from the whole plan when written; harmless where unread (GitHub Pages).
    yield PlannedFile("_headers", "headers", SETTINGS, None, ("headers",), about="_headers")


def _language_pages(site: Site, routes: Routes) -> Iterator[PlannedFile]:
    yield from _pages(site, routes)
    yield from _visitor_pages(site, routes)
    yield from _owner_pages(site, routes)
    yield from _edition_pages(site, routes)


def in_sitemap(file: PlannedFile) -> bool:
    """Whether the sitemap lists this file: every page for search engines, not the 404 or
    search page, nor a page marked noindex."""
    return file.kind == "page" and file.key not in (("404",), ("search",)) and not file.values.get("noindex")


def sitemap_paths(planned: Iterable[PlannedFile]) -> Iterator[str]:
    """The addresses the sitemap lists, in the plan's order."""
    return (url_of(f.save_as) for f in planned if in_sitemap(f))


def _sitemaps(listed: int) -> list[PlannedFile]:
    """sitemap.xml, or for a site with more pages than a sitemap may list (a city's expo) an
    index of sitemap-1.xml, sitemap-2.xml, ..., each listing the next SITEMAP_URLS pages."""
    limit = structured.SITEMAP_URLS
    parts = max(1, -(-listed // limit))
    if parts == 1:
        return [PlannedFile("sitemap.xml", "sitemap", SETTINGS, None, (f"{SITEMAP_PAGES}:0",),
                            values={"part": 0, "parts": 1}, about="sitemap")]
    return [PlannedFile("sitemap.xml", "sitemap_index", SETTINGS, None, (SITEMAP_PARTS,),
                        values={"parts": parts}, about="sitemap index")] + [
        PlannedFile(structured.sitemap_part(part), "sitemap", SETTINGS, None, (f"{SITEMAP_PAGES}:{part}",),
                    values={"part": part, "parts": parts}, about=f"sitemap {part + 1} of {parts}")
        for part in range(parts)]


def _hero_url(site: Site) -> str:
    return f"theme/banner{site.hero_image.path.suffix.lower()}" if site.hero_image else ""


def _search_indexes(site: Site) -> list[PlannedFile]:
    """The search index: one folder with a part per language, made from the search records of
    the booths (search.index_records), not from the pages: a template edit carries it over
    whole. Its planned file is its entry (search_index.ENTRY), which brings the folder."""
    routes = next(iter(site.routes.values()))
    booths = tuple(site.catalog.exhibitors)
    bundle = routes.search_bundle()
    return [PlannedFile(bundle + ENTRY, "search", SETTINGS, None, tuple(f"booth:{e.slug}" for e in booths),
                        values={"bundle": bundle, "whole_folder": bundle,
                                "records": functools.partial(index_records, booths, site.routes),
                                "pages": sum(1 + len(e.products) for e in booths)},
                        about="search index")]


def _page(routes: Routes, url: str, template: str, source: str, inputs: tuple[str, ...],
          key: tuple, page_name: str, crumbs: list[tuple[str, str]], about: str = "",
          **values: Any) -> PlannedFile:
    values = {"page_name": page_name, "lang": routes.lang, "routes": routes, "t": routes.text,
              "crumbs": crumbs, "page_url": url, **values}
    return PlannedFile(save_as_of(url), "page", source, routes.lang, inputs, key, template, values,
                       about)


def _pages(site: Site, routes: Routes) -> Iterator[PlannedFile]:
    catalog, t = site.catalog, routes.text
    home = (t.gettext("Beranda"), routes.home())
    booths_crumb = (t.gettext("Peserta"), routes.directory())
    yield _page(routes, routes.home(), "expo_home", SETTINGS, ("catalog",), ("home",), "home", [],
                about="home", hero_url=_hero_url(site), hero=site.hero_image,
                shop_window=home_products(catalog.featured, catalog.exhibitors, routes.expo.home_products))
    yield _page(routes, routes.search(), "expo_search", SETTINGS, ("groups", SEARCH_INDEX), ("search",),
                "search", [home], about="search")
    yield from _directory(site, routes, home)
    for exhibitor in catalog.exhibitors:
        source = f"{site.exhibitors_path}/{exhibitor.slug}"
        # A booth's pages show the booth alone (its city as it spells it, links by slug), and
        # a product page its cart data too, with the booth's order code: not the other booths
        # of the city or the catalog, so an edit re-renders only the pages that show it.
        inputs = (f"booth:{exhibitor.slug}",)
        category = (t.category_label(exhibitor.category), routes.category(exhibitor.category))
        yield _page(routes, routes.booth(exhibitor), "expo_booth", source, inputs,
                    ("booth", exhibitor.slug), "booth", [home, category], exhibitor=exhibitor)
        # shared by the booth's product pages (templates only read them)
        product_inputs = inputs + (f"boothcode:{exhibitor.slug}",)
        crumbs = [home, category, (exhibitor.name, routes.booth(exhibitor))]
        for product in exhibitor.products:
            yield _page(routes, routes.product(product), "expo_product", source, product_inputs,
                        ("product", exhibitor.slug, product.slug), "product",
                        crumbs, about=f"{source} ({product.name})",
                        exhibitor=exhibitor, product=product)
    categories_crumb = (t.gettext("Kategori"), routes.categories())
    cities_crumb = (t.gettext("Kota"), routes.cities())
    for group in catalog.categories:
        yield from _group(routes, group, "category", routes.category, routes.expo.category_per_page,
                          t.category_label(group.key), [home, categories_crumb], SETTINGS)
    for group in catalog.cities:  # a city's address comes from how its booths spell it
        yield from _group(routes, group, "city", routes.city, routes.expo.city_per_page, group.label,
                          [home, cities_crumb], f"{site.exhibitors_path}/{group.exhibitors[0].slug}")
    yield _page(routes, routes.categories(), "expo_categories", SETTINGS, ("groups",),
                ("categories",), "categories", [home], about="categories")
    yield _page(routes, routes.cities(), "expo_cities", SETTINGS, ("groups",), ("cities",),
                "cities", [home], about="cities")
    for page in site.content_pages:
        shown = next((p for p in page.translations if p.lang == routes.lang), page)
        yield _page(routes, routes.page(page.slug), "page", f"content/{page.relative_source_path}",
                    (f"page:{page.slug}",), ("page", page.slug), "page", [home], page=shown)
    yield _page(routes, routes.not_found(), "expo_404", SETTINGS, (), ("404",), "404",
                [home, booths_crumb], about="404")


def _visitor_pages(site: Site, routes: Routes) -> Iterator[PlannedFile]:
    """The cart, and each booth's printable poster: for people, not for search engines."""
    t = routes.text
    home = (t.gettext("Beranda"), routes.home())
    yield _page(routes, routes.cart(), "expo_cart", SETTINGS, (), ("cart",), "cart", [home],
                about="cart", noindex=True)
    for exhibitor in site.catalog.exhibitors:
        yield _page(routes, routes.poster(exhibitor), "expo_poster",
                    f"{site.exhibitors_path}/{exhibitor.slug}", (f"booth:{exhibitor.slug}",),
                    ("poster", exhibitor.slug), "poster",
                    [home, (exhibitor.name, routes.booth(exhibitor))], about=f"poster {exhibitor.slug}",
                    exhibitor=exhibitor, noindex=True)


def _owner_pages(site: Site, routes: Routes) -> Iterator[PlannedFile]:
    """Each booth's page for its owner: its catalog file for WhatsApp Business, poster, QR code
    and link. Linked from no public page, noindex, left out of the sitemap."""
    t, main = routes.text, site.routes[site.languages[0]]
    home = (t.gettext("Beranda"), routes.home())
    for exhibitor in site.catalog.exhibitors:
        yield _page(routes, routes.owner(exhibitor), "expo_owner",
                    f"{site.exhibitors_path}/{exhibitor.slug}", (f"booth:{exhibitor.slug}",),
                    ("owner", exhibitor.slug), "owner",
                    [home, (exhibitor.name, routes.booth(exhibitor))], about=f"owner page {exhibitor.slug}",
                    exhibitor=exhibitor, noindex=True, listed=listed_count(exhibitor),
                    meta_catalog=main.meta_catalog(exhibitor) if main.siteurl else None)


def _data_files(site: Site) -> Iterator[PlannedFile]:
    """catalog.json and its schema, the agenda calendar per language and, on a published site
    (shops need full addresses), the Google Merchant Center feed and each booth's Meta catalog."""
    main = site.routes[site.languages[0]]
    yield PlannedFile(CATALOG_JSON, "catalog_json", SETTINGS, None, ("catalog",),
                      values={"catalog": site.catalog, "routes": site.routes}, about=CATALOG_JSON)
    yield PlannedFile(CATALOG_SCHEMA, "catalog_schema", SETTINGS, None, (), about=CATALOG_SCHEMA)
    if main.expo.agenda:  # made from the settings alone, which every file's digest covers
        has_page = any(p.slug == main.expo.agenda_page for p in site.content_pages)
        for routes in site.routes.values():
            yield PlannedFile(routes.agenda_calendar(), "agenda_ics", SETTINGS, routes.lang, (),
                              values={"routes": routes, "page": routes.page(main.expo.agenda_page) if has_page else None},
                              about="EXPO_AGENDA calendar")
    if main.siteurl:
        yield PlannedFile(MERCHANT_FEED, "merchant_feed", SETTINGS, None, ("catalog",),
                          values={"catalog": site.catalog, "routes": main}, about=MERCHANT_FEED)
        for e in site.catalog.exhibitors:
            yield PlannedFile(main.meta_catalog(e), "meta_catalog", f"{site.exhibitors_path}/{e.slug}", None,
                              (f"booth:{e.slug}",), values={"exhibitor": e, "routes": main},
                              about=f"WhatsApp Business catalog of {e.slug}")


def _sharing_files(site: Site, routes: Routes) -> Iterator[PlannedFile]:
    """Per language: the expo's link preview image, the web app manifest and, on a published
    site (a phone needs a full address), a QR code of every booth and product page."""
    t, expo = routes.text, routes.expo
    # Made from the settings alone, which every file's digest already covers: no inputs of their own.
    yield PlannedFile(routes.share_image(), "share_image", SETTINGS, routes.lang, (),
                      values={"name": t.expo_name, "dates": t.expo_dates, "organiser": t.expo_organiser,
                              "colour": expo.brand_colour, "soft": expo.brand_colour_soft},
                      about="link preview image")
    here = posixpath.dirname(routes.manifest()) or "."
    manifest = {
        "name": t.expo_name, "short_name": t.expo_name[:30], "lang": routes.lang,
        "start_url": "./", "scope": "./", "display": "browser",
        "background_color": expo.brand_colour_soft, "theme_color": expo.brand_colour,
        "icons": [{"src": posixpath.relpath(path, here), "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "any maskable"} for path, size in Routes.ICONS.items()],
    }
    yield PlannedFile(routes.manifest(), "manifest", SETTINGS, routes.lang, (),
                      values={"manifest": manifest}, about="web app manifest")
    if routes.siteurl:
        for exhibitor in site.catalog.exhibitors:
            source = f"{site.exhibitors_path}/{exhibitor.slug}"
            for url in [routes.booth(exhibitor)] + [routes.product(p) for p in exhibitor.products]:
                yield PlannedFile(Routes.qr(url), "qr", source, routes.lang, (f"booth:{exhibitor.slug}",),
                                  values={"address": routes.absolute(url)}, about=f"QR code of {url}")


def _icons(routes: Routes) -> Iterator[PlannedFile]:
    """The home screen icons and the favicon (.ico), drawn from the expo's initials and colour,
    in the main language: every language shares them."""
    drawn = {"name": routes.text.expo_name, "colour": routes.expo.brand_colour}
    for path, size in [*Routes.ICONS.items(), (Routes.FAVICON, 48)]:
        yield PlannedFile(path, "icon", SETTINGS, None, (), values={**drawn, "size": size}, about=path)


def _pager(number: int, urls: Sequence[str]) -> dict[str, Any]:
    """What a listing page needs to link its neighbours and every page by number."""
    return {"page_number": number, "page_count": len(urls), "page_urls": tuple(urls),
            "previous_url": urls[number - 2] if number > 1 else None,
            "next_url": urls[number] if number < len(urls) else None}


def _group(routes: Routes, group: Group, kind: str, url_of_page, per_page: int, label: str,
           crumbs: list[tuple[str, str]], source: str) -> Iterator[PlannedFile]:
    """A category or city in pages of `per_page` booths, each with its booths' products
    (the first of every booth first), so no page grows with the group."""
    slices = pages_of(group.exhibitors, per_page)
    urls = [url_of_page(group.key, number) for number in range(1, len(slices) + 1)]
    for number, booths in enumerate(slices, start=1):
        trail = crumbs if number == 1 else [*crumbs, (label, urls[0])]
        yield _page(routes, urls[number - 1], "expo_group", source,
                    (f"{kind}size:{group.key}",) + tuple(f"booth:{e.slug}" for e in booths),
                    (kind, group.key, number), kind, trail,
                    about=f"{kind} {group.label}" + (f" page {number}" if number > 1 else "")
                    + (f" ({source}/exhibitor.yml: city)" if kind == "city" else ""),
                    group=group, group_kind=kind, group_label=label, booths=booths,
                    products=round_robin(booths, per_page), **_pager(number, urls))


def _directory(site: Site, routes: Routes, home: tuple[str, str]) -> Iterator[PlannedFile]:
    slices = pages_of(site.catalog.exhibitors, site.directory_per_page)
    urls = [routes.directory(number) for number in range(1, len(slices) + 1)]
    for number, on_page in enumerate(slices, start=1):
        yield _page(
                    routes, urls[number - 1], "expo_directory", SETTINGS,
                    ("booth_count",) + tuple(f"booth:{e.slug}" for e in on_page), ("directory", number),
                    "directory", [home], about=f"directory page {number}", booths=on_page, **_pager(number, urls))


def _edition_pages(site: Site, routes: Routes) -> Iterator[PlannedFile]:
    """With EXPO_EDITIONS: the list of editions, and per edition a landing page (its booths in
    pages, like a category) and an archive of every booth that took part. None without."""
    if not site.catalog.editions:
        return
    t = routes.text
    home = (t.gettext("Beranda"), routes.home())
    editions_crumb = (t.gettext("Edisi"), routes.editions())
    yield _page(routes, routes.editions(), "expo_editions", SETTINGS, ("catalog",), ("editions",),
                "editions", [home], about="editions")
    per_page = routes.expo.edition_per_page
    for group in site.catalog.editions:
        inputs = (f"edition:{group.key}",)
        about = f"edition {group.key} (EXPO_EDITIONS)"
        name = t.edition_name(group.edition)
        slices = pages_of(group.exhibitors, per_page)
        urls = [routes.edition(group.key, number) for number in range(1, len(slices) + 1)]
        for number, booths in enumerate(slices, start=1):
            trail = [home, editions_crumb] + ([(name, urls[0])] if number > 1 else [])
            yield _page(routes, urls[number - 1], "expo_edition", SETTINGS,
                        inputs + tuple(f"booth:{e.slug}" for e in booths), ("edition", group.key, number),
                        "edition", trail, about=about + (f" page {number}" if number > 1 else ""),
                        edition_group=group, edition=group.edition, booths=booths,
                        products=round_robin(booths, per_page), **_pager(number, urls))
        yield from _edition_archive(routes, group, [home, editions_crumb, (name, urls[0])], about)


def _edition_archive(routes: Routes, group: EditionGroup, crumbs: list[tuple[str, str]],
                     about: str) -> Iterator[PlannedFile]:
    """The edition's booths one line each, by category, in pages of EXPO_EDITION_ARCHIVE_PER_PAGE."""
    in_order = [e for category in group.categories for e in category.exhibitors]
    slices = pages_of(in_order, routes.expo.edition_archive_per_page)
    urls = [routes.edition_archive(group.key, number) for number in range(1, len(slices) + 1)]
    label = routes.text.gettext("Arsip peserta %(name)s") % {"name": routes.text.edition_name(group.edition)}
    for number, booths in enumerate(slices, start=1):
        sections = [(key, tuple(members)) for key, members in groupby(booths, key=lambda e: e.category)]
        trail = crumbs if number == 1 else [*crumbs, (label, urls[0])]
        yield _page(routes, urls[number - 1], "expo_edition_archive", SETTINGS, (f"edition:{group.key}",),
                    ("edition-archive", group.key, number), "edition_archive", trail,
                    about=f"{about} archive" + (f" page {number}" if number > 1 else ""),
                    edition_group=group, edition=group.edition, sections=sections, **_pager(number, urls))


def _photos(site: Site) -> Iterator[PlannedFile]:
    """Every processed photo file, once, even when several products show the same photo (its
    files share one name and key: `base`)."""
    seen: set[str] = set()  # one name per picture, not per file
    for picture in site.photos:
        if picture.share.base in seen:
            continue
        seen.add(picture.share.base)
        source, inputs = f"{site.exhibitors_path}/{picture.source.parent.name}", (f"photo:{picture.key}",)
        for name, url in files_of(picture, picture.key in site.shared_photos):
            yield PlannedFile(url, "photo", source, None, inputs, values={"picture": picture.key, "name": name})


def normalised_path(save_as: str) -> str:
    """Where a planned file lands: 'kota//index.html' and '/kota/index.html' are 'kota/index.html'."""
    return posixpath.normpath(save_as.lstrip("/"))


def find_collisions(planned: Iterable[PlannedFile], exhibitors_path: str) -> list[ContentError]:
    """One error per file that two planned files would write, filed under the booth or
    content page it comes from, so the message names the folder to rename."""
    owners: dict[str, PlannedFile] = {}
    problems = []
    for file in planned:
        key = normalised_path(file.save_as)
        if key not in owners:
            owners[key] = file
            continue
        first = owners[key]
        content = [f.source for f in (file, first) if f.source.startswith((f"{exhibitors_path}/", "content/"))]
        problems.append(ContentError(content[0] if content else file.source, None, "", "page_collision",
                                     {"file": key, "first": first.describe(), "second": file.describe()}))
    return problems
