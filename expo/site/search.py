"""Search without a server: what each booth and product adds to the index, and the index itself.

Each booth and product page gives one record per language (`index_records`: the words to
search, the URL, what a result card shows, filters and a price sort), made from the catalog, not
read from the written HTML; search_index.py turns them into a static index with one part per
language, each with its language's stemming (search_words.py), and a page's search loads only
its language's part, and of that only the chunks its words need (theme/static/js/
search-engine.js). Only booths and products are indexed, so listings do not repeat every product
in the results. Filters use stable keys (a category key, a city slug, a price band) and the
search page shows them in the page's language. Prices are fixed bands as filters, and exact
for sorting.

The index depends on its records only: a template edit or any change that leaves every record
as it was reuses the previous index (plan.py gives the planned index the records' digest).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Mapping

from expo.content.models import Exhibitor, Product
from expo.site.routes import Routes
from expo.site.search_index import ENTRY, index_files
from expo.site.text import N_

# (key in the URL and the index, lowest price, price it stays under; None: no ceiling, label)
PRICE_BANDS = (
    ("0-50rb", 0, 50_000, N_("di bawah Rp50.000")),
    ("50-150rb", 50_000, 150_000, N_("Rp50.000 – Rp150.000")),
    ("150-500rb", 150_000, 500_000, N_("Rp150.000 – Rp500.000")),
    ("500rb", 500_000, None, N_("Rp500.000 ke atas")),
)
# Licences a visitor may ask for (the kinds of expo/values/credentials.py).
CREDENTIAL_FILTERS = (("halal", "Halal"), ("pirt", "P-IRT"), ("bpom", "BPOM"))
__all__ = ["SearchIndexError", "search_contents", "index_records", "write_index"]


class SearchIndexError(RuntimeError):
    """The search index could not be written; the message says why."""


def price_bands(low: int | None, high: int | None) -> list[str]:
    """Every band a price (or a price range) reaches: 'Rp40.000 – Rp60.000' is in two."""
    if low is None:
        return []
    high = high if high is not None else low
    return [key for key, floor, ceiling, _label in PRICE_BANDS
            if high >= floor and (ceiling is None or low < ceiling)]


@dataclass(frozen=True)
class SearchRecord:
    """What one page adds to the index besides its text."""

    filters: Mapping[str, tuple[str, ...]]
    meta: Mapping[str, str]
    sort: Mapping[str, str]


def _common_filters(exhibitor: Exhibitor, has_video: bool) -> dict[str, tuple[str, ...]]:
    kinds = {c.kind for c in exhibitor.credentials}
    filters = {"kategori": (exhibitor.category,), "kota": (exhibitor.city_slug,),
               "izin": tuple(key for key, _label in CREDENTIAL_FILTERS if key in kinds)}
    if has_video:
        filters["video"] = ("ya",)
    return {name: values for name, values in filters.items() if values}


def _thumbnail(meta: dict[str, str], picture) -> None:
    """The smallest JPEG and AVIF of a photo for the result list, as paths from the site's
    root (no alt text: the result's title names it). Meta is shown, not searched."""
    for mime, name in (("image/jpeg", "image"), ("image/avif", "image_avif")):
        smallest = min((r for r in picture.renditions if r.mime == mime), key=lambda r: r.width, default=None)
        if smallest is not None:
            meta[name] = smallest.url


def product_record(exhibitor: Exhibitor, product: Product) -> SearchRecord:
    filters = {"jenis": ("produk",), **_common_filters(exhibitor, bool(product.video or exhibitor.video))}
    bands = tuple(price_bands(product.price, product.price_max))
    if bands:
        filters["harga"] = bands
    meta = {"booth": exhibitor.name, "kota": exhibitor.city}
    if product.price_text:
        meta["harga"] = product.price_text
    _thumbnail(meta, product.photo)
    sort = {"harga": str(product.price)} if product.price is not None else {}
    return SearchRecord(filters, meta, sort)


def booth_record(exhibitor: Exhibitor) -> SearchRecord:
    has_video = bool(exhibitor.video or any(p.video for p in exhibitor.products))
    filters = {"jenis": ("booth",), **_common_filters(exhibitor, has_video)}
    meta = {"kota": exhibitor.city}
    _thumbnail(meta, exhibitor.cover or exhibitor.products[0].photo)
    return SearchRecord(filters, meta, {})


# --- what the index holds ---------------------------------------------------------------------

# A tag of sanitised HTML (nh3 writes every attribute quoted), and the tags that end a block of
# text: a paragraph, a list item, a heading. A regular expression, not an HTML parser: this runs
# for every text on every build, to know whether the index changed.
TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br", "div"}


def plain_text(html: str) -> list[str]:
    """The text of sanitised exhibitor HTML, one string per block (paragraph, item, heading)."""
    html = str(html)  # a plain string: each slice of a Markup is escaped and wrapped again (half the time)
    blocks, text, at = [], [], 0
    for tag in TAG.finditer(html):
        text.append(html[at:tag.start()])
        at = tag.end()
        if tag.group(2).lower() in BLOCKS:
            blocks.append("".join(text))
            text = []
    blocks.append("".join(text) + html[at:])
    return [plain for plain in (" ".join(unescape(b).split()) for b in blocks) if plain]


def sentences(parts: list[str | None]) -> str:
    """Blocks of text as one text: each ends with a full stop unless it
    has its own punctuation, so an excerpt never runs a name into a price."""
    return " ".join(p if unicodedata.category(p[-1]) == "Po" else p + "."
                    for p in (" ".join((p or "").split()) for p in parts) if p)


def _record(url: str, lang: str, title: str, content: str, record: SearchRecord) -> dict:
    return {"url": "/" + url, "content": content, "language": lang, "meta": {"title": title, **record.meta},
            "filters": {name: list(values) for name, values in record.filters.items()},
            "sort": dict(record.sort)}


def index_records(exhibitors: Iterable[Exhibitor], all_routes: Mapping[str, Routes]) -> Iterator[dict]:
    """Every booth and product in every language as a search record: the words a
    visitor searches (what the page shows first: name, price, booth, city, tagline, the
    description or the about text), the page's address, and what a result card shows (meta),
    filters by and sorts by. Made from the catalog alone, not from the pages' HTML, so a
    template edit does not change the index (and does not re-index)."""
    for lang, routes in all_routes.items():
        t = routes.text
        by, ask = t.gettext("oleh"), t.gettext("Harga: tanyakan ke penjual")
        for exhibitor in exhibitors:
            place = f"{t.category_label(exhibitor.category)} · {exhibitor.city}"
            about = plain_text(t.about(exhibitor))
            heading = [t.gettext("Tentang %(name)s") % {"name": exhibitor.name}] if about else []
            yield _record(routes.booth(exhibitor), lang, exhibitor.name, sentences(
                [exhibitor.name, t.tagline(exhibitor), place, *heading, *about]), booth_record(exhibitor))
            for product in exhibitor.products:
                name = t.product_name(product)
                price = " ".join(filter(None, [product.price_text or ask, t.price_hint(product)]))
                yield _record(routes.product(product), lang, name, sentences(
                    [name, price, f"{by} {exhibitor.name} · {exhibitor.city}",
                     *plain_text(t.description(product))]), product_record(exhibitor, product))


# --- the files a first search fetches before it can search -------------------------------------

def search_contents(output: Path, bundle: str, lang: str) -> str:
    """The name of `lang`'s table of contents in the index written in `output`/`bundle`: the
    search page gives it to search-engine.js and preloads it (a first search needs it before
    anything else). '' when there is no such index or language."""
    try:
        name = json.loads((output / bundle / ENTRY).read_bytes())["languages"][lang]["index"]
    except (OSError, ValueError, KeyError, TypeError):
        return ""
    return name if isinstance(name, str) and "/" not in name else ""


# --- writing the index ------------------------------------------------------------------------

def write_index(records: Iterable[Mapping], bundle: Path, previous: Path | None = None,
                size_hint: int = 0) -> dict[str, int]:
    """Index `records` (index_records) into `bundle`; returns how many pages each language's
    index holds. `size_hint`: about how many pages a language has (search_index.index_files).

    `previous`: the same index in the last build's output. A file with the same bytes there is
    linked from it (same inode and mtime: an rsync or a CDN upload after a booth's edit sends
    the chunks that changed, not the whole index)."""
    try:
        files, pages = index_files(records, size_hint)
    except ValueError as exc:
        raise SearchIndexError(str(exc)) from exc
    shutil.rmtree(bundle, ignore_errors=True)
    write_files(files, bundle, previous)
    return pages


def write_files(files: Mapping[str, bytes], bundle: Path, previous: Path | None = None) -> None:
    """The index's files into `bundle`, each path confined to it. A file whose bytes are already
    in `previous` (another index) is hard-linked from there: nothing may write to it
    afterwards, as it is the previous index's file too."""
    folders: set[Path] = set()
    for path, data in files.items():
        name = PurePosixPath(path)
        if name.is_absolute() or ".." in name.parts or not name.parts:
            raise SearchIndexError(f"a search index file outside its folder: {path!r}")
        target = bundle.joinpath(*name.parts)
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if previous is not None and _link_same(previous.joinpath(*name.parts), data, target):
            continue
        with open(target, "xb") as new:  # never into a file output/ may share (spare.py)
            new.write(data)


def _link_same(old: Path, data: bytes, target: Path) -> bool:
    """Link `old` at `target` if it holds exactly `data`."""
    try:
        if old.stat().st_size != len(data) or old.read_bytes() != data:
            return False
        os.link(old, target)
    except OSError:
        return False
    return True
