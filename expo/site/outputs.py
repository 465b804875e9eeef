"""Producers: how each kind of planned file is written. One entry per kind, in one place.

A producer gets the planned file and the `Output` of this build (the Pelican writer, the
templates, the plan, the photo cache) and writes exactly that file.
"""

from __future__ import annotations

import itertools
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from expo.exports.agenda_ics import agenda_ics
from expo.exports.catalog_json import catalog_json
from expo.exports.catalog_schema import CATALOG_SCHEMA_DOCUMENT
from expo.exports.merchant_feed import merchant_feed_xml
from expo.exports.meta_csv import meta_catalog_csv
from expo.images.pipeline import link_file
from expo.site import artwork, structured
from expo.site.exports import write_products_csv
from expo.site.headers import headers_text
from expo.site.plan import PlannedFile, sitemap_paths
from expo.site.qr import qr_svg
from expo.site.search import write_index
from expo.site.structured import inert_json, robots_txt


@dataclass
class Output:
    writer: Any  # pelican.writers.Writer
    render_page: Callable[[PlannedFile], None]
    folder: Path
    siteurl: str
    planned: Iterable[PlannedFile]  # the plan (plan.Plan): walked, never held
    photo_cache: Any  # expo.images.cache.PhotoCache
    previous: Path | None = None  # the last build's output/, whose unchanged files may be linked


def _page(file: PlannedFile, out: Output) -> None:
    out.render_page(file)


def _sitemap(file: PlannedFile, out: Output) -> None:
    """A sitemap: its part of the pages' addresses (all of them when there is one sitemap)."""
    start = file.values["part"] * structured.SITEMAP_URLS
    paths = itertools.islice(sitemap_paths(out.planned), start, start + structured.SITEMAP_URLS)
    _write(out.folder / file.save_as, structured.sitemap_xml(out.siteurl, paths))


def _sitemap_index(file: PlannedFile, out: Output) -> None:
    names = [structured.sitemap_part(part) for part in range(file.values["parts"])]
    _write(out.folder / file.save_as, structured.sitemap_index_xml(out.siteurl, names))


def _robots(file: PlannedFile, out: Output) -> None:
    _write(out.folder / file.save_as, robots_txt(out.siteurl))


def _photo(file: PlannedFile, out: Output) -> None:
    """A hard link to the encoded file in the photo cache (a copy where links fail)."""
    link_file(out.photo_cache.entry(file.values["picture"]) / file.values["name"], out.folder / file.save_as)


def _share_image(file: PlannedFile, out: Output) -> None:
    v = file.values
    _write_bytes(out.folder / file.save_as, artwork.share_image(v["name"], v["dates"], v["organiser"], v["colour"], v["soft"]))


def _manifest(file: PlannedFile, out: Output) -> None:
    _write(out.folder / file.save_as, json.dumps(file.values["manifest"], ensure_ascii=False, indent=1, sort_keys=True))


def _icon(file: PlannedFile, out: Output) -> None:
    name, colour = file.values["name"], file.values["colour"]
    data = (artwork.favicon_ico(name, colour) if file.save_as.endswith(".ico")
            else artwork.icon_png(name, colour, file.values["size"]))
    _write_bytes(out.folder / file.save_as, data)


def _qr(file: PlannedFile, out: Output) -> None:
    _write_bytes(out.folder / file.save_as, qr_svg(file.values["address"]))


def _asset(file: PlannedFile, out: Output) -> None:
    """A theme file (CSS, JS), copied with its mtime so caches see it unchanged."""
    target = out.folder / file.save_as
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(file.values["file"], "rb") as source, open(target, "xb") as copy:
        shutil.copyfileobj(source, copy)
    shutil.copystat(file.values["file"], target)


def _products_csv(file: PlannedFile, out: Output) -> None:
    """newline="": the CSV's CRLF line ends must reach the file as they are, on every system."""
    with _open_new(out.folder / file.save_as, newline="") as target:
        write_products_csv(target, file.values["catalog"], file.values["routes"])


def _catalog_json(file: PlannedFile, out: Output) -> None:
    with _open_new(out.folder / file.save_as) as target:
        target.writelines(catalog_json(file.values["catalog"], file.values["routes"]))


def _catalog_schema(file: PlannedFile, out: Output) -> None:
    _write(out.folder / file.save_as, inert_json(CATALOG_SCHEMA_DOCUMENT, indent=1) + "\n")


def _merchant_feed(file: PlannedFile, out: Output) -> None:
    _write(out.folder / file.save_as, merchant_feed_xml(file.values["catalog"], file.values["routes"]))


def _meta_catalog(file: PlannedFile, out: Output) -> None:
    """As bytes, like products.csv: CRLF line ends as they are."""
    _write_bytes(out.folder / file.save_as,
                 meta_catalog_csv(file.values["exhibitor"], file.values["routes"]).encode("utf-8"))


def _agenda_ics(file: PlannedFile, out: Output) -> None:
    """As bytes: RFC 5545 wants CRLF line ends on every system."""
    routes = file.values["routes"]
    _write_bytes(out.folder / file.save_as, agenda_ics(routes.expo.agenda, routes, file.values["page"]).encode("utf-8"))


def _search(file: PlannedFile, out: Output) -> None:
    """The search index of every language, from the catalog's records (not the written pages)."""
    bundle = file.values["bundle"]
    write_index(file.values["records"](), out.folder / bundle,
                previous=out.previous / bundle if out.previous else None, size_hint=file.values["pages"])


def _headers(file: PlannedFile, out: Output) -> None:
    """Netlify's and Cloudflare Pages' _headers, from the whole plan (headers.py)."""
    _write(out.folder / file.save_as, headers_text(out.planned))


# Every output file is opened as a new file ('x'): one already there may be output/'s own (the
# spare shares its inodes, spare.py), and writing into it would change the live site.
def _write(path: Path, text: str) -> None:
    with _open_new(path) as target:
        target.write(text)


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as target:
        target.write(data)


def _open_new(path: Path, newline: str | None = None) -> TextIO:
    """A text file to write a large output into piece by piece (never whole in memory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "x", encoding="utf-8", newline=newline)


PRODUCERS: dict[str, Callable[[PlannedFile, Output], None]] = {
    "page": _page,
    "sitemap": _sitemap,
    "sitemap_index": _sitemap_index,
    "robots": _robots,
    "photo": _photo,
    "share_image": _share_image,
    "manifest": _manifest,
    "icon": _icon,
    "qr": _qr,
    "asset": _asset,
    "products_csv": _products_csv,
    "search": _search,
    "headers": _headers,
    "catalog_json": _catalog_json,
    "catalog_schema": _catalog_schema,
    "merchant_feed": _merchant_feed,
    "meta_catalog": _meta_catalog,
    "agenda_ics": _agenda_ics,
}

# Kinds the pages name the files of: produced before any page is written (the search page
# preloads the index's table of contents by name: search.search_contents).
BEFORE_PAGES = frozenset({"search"})
# Kinds made from the catalog alone that write their one file and change nothing else: a
# rebuild starts them in a process of its own right after its walk of the plan (early.py).
DATA_EXPORTS = frozenset({"products_csv", "catalog_json", "merchant_feed", "meta_catalog"})
