"""Search without a server: what each booth and product adds to the index, and the index itself.

Pagefind (https://pagefind.app, from PyPI: `pagefind[bin]`) gets one custom record per booth
and product page in each language (`index_records`: the words to search, the URL, what a result
card shows, filters and a price sort), made from the catalog, not read from the written HTML,
and writes a static bundle into `pagefind/` with one index per language, each with its
language's stemming (Indonesian has one); a page's search loads only its language's index, and
of that only the chunks its words need. Only booths and products are indexed, so listings do
not repeat every product in the results. Filters use stable keys (a category key, a city slug,
a price band) and the search page shows them in the page's language. Pagefind has no range
filter, so prices become fixed bands.

The index depends on its records only: a template edit or any change that leaves every record
as it was reuses the previous bundle (plan.py gives the planned index the records' digest).
"""

from __future__ import annotations

import hashlib
import json
import queue
import re
import shutil
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from expo.content.models import Exhibitor, Product
from expo.site.pagefind_service import SearchIndexError, bundle_files, write_files
from expo.site.routes import Routes
from expo.site.steady_index import steady
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
# Pagefind's files that our own search page does not load: its ready-made interfaces, its web
# worker (search.js runs Pagefind on the page: noWorker) and the wasm of pages without a language.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                "pagefind-worker.js", "wasm.unknown.pagefind")
# Pagefind's program, which a shard other than the first does not hold (search.js merges it
# into the first one's Pagefind: see plan._search_indexes).
PROGRAM_FILES = ("pagefind.js", "wasm.")
__all__ = ["SearchIndexError", "first_search_files", "index_records", "shards", "write_index"]


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
    """The smallest JPEG and AVIF of a photo for the result list, as site-root paths (no alt
    text: the result's title names it), each written as one word (opaque_path)."""
    for mime, name in (("image/jpeg", "image"), ("image/avif", "image_avif")):
        smallest = min((r for r in picture.renditions if r.mime == mime), key=lambda r: r.width, default=None)
        if smallest is not None:
            meta[name] = opaque_path(smallest.url)


# Pagefind 1.5 searches every meta value, and a path's parts are words: 'media', 'jpg',
# 'avif', its widths ('120', '400') and its file name matched every page of the expo (a visitor
# looking for "keripik 400 gram" got them all). As one word of hex digits after a prefix no
# query starts with, a path matches nothing; search.js reads it back (UTF-8 bytes, '%'-decoded).
OPAQUE = "zq"


def opaque_path(path: str) -> str:
    return OPAQUE + path.encode("utf-8").hex()


def plain_path(opaque: str) -> str:
    return bytes.fromhex(opaque[len(OPAQUE):]).decode("utf-8")


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
    """Blocks of text as Pagefind makes them of a page: each ends with a full stop unless it
    has its own punctuation, so an excerpt never runs a name into a price."""
    return " ".join(p if unicodedata.category(p[-1]) == "Po" else p + "."
                    for p in (" ".join((p or "").split()) for p in parts) if p)


def _record(url: str, lang: str, title: str, content: str, record: SearchRecord) -> dict:
    return {"url": "/" + url, "content": content, "language": lang, "meta": {"title": title, **record.meta},
            "filters": {name: list(values) for name, values in record.filters.items()},
            "sort": dict(record.sort)}


def index_records(exhibitors: Iterable[Exhibitor], all_routes: Mapping[str, Routes]) -> Iterator[dict]:
    """Every booth and product in every language as a Pagefind custom record: the words a
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


# --- shards -----------------------------------------------------------------------------------

# Pagefind holds every record of an index in memory until it writes the bundle, about 25 KB
# each (measured: 20,000 records, 490 to 580 MiB in one program; 1,500 x 10, both languages in
# one program, 33,000 records, 1.1 GiB): an expo of every UMKM of a city (250,000 pages per
# language) would need 9 GiB per language. Above this many pages per language the index is
# split into shards, bundles of their own that the search page searches together, indexed one
# program at a time: one shard of one language, about 1 GiB (1,045 MiB measured at 23,000 x
# 10), and only the shard of an edited booth is indexed again. The search page merges the
# shards into the first one's Pagefind (one pagefind.js, one wasm: search.js), yet each shard
# still costs a first search its entry, metadata and chunks and Pagefind's start-up of it.
# Below this size, one bundle: measured at 152 x 18 (bench/search.py --shard-pages), 3 shards
# made the first search 117 ms slower (375 against 258 ms) and 12 KB larger, for a booth's
# edit that would re-index a third of the expo instead of all of it (about 1 s less).
SHARD_RECORDS = 30_000


def shards(exhibitors: Iterable[Exhibitor]) -> list[list[Exhibitor]]:
    """The booths of each shard of the index (some may be empty). A booth's shard comes from a
    hash of its folder name, so it stays in its shard while other booths come and go (until
    the expo grows past another SHARD_RECORDS pages)."""
    booths = list(exhibitors)
    pages = sum(1 + len(e.products) for e in booths)
    count = max(1, -(-pages // SHARD_RECORDS))
    groups: list[list[Exhibitor]] = [[] for _ in range(count)]
    for exhibitor in booths:
        bucket = int.from_bytes(hashlib.sha256(exhibitor.slug.encode("utf-8")).digest()[:8], "big") % count
        groups[bucket].append(exhibitor)
    return groups


# --- the files a first search fetches before it can search -------------------------------------

def first_search_files(output: Path, bundle: str, lang: str) -> tuple[str, list[str]]:
    """The tag of a written bundle (`bundle` inside `output`) and the files of it Pagefind
    fetches one after the other before a first search in `lang`: its entry, under the tag (the
    search page gives it as pagefind.options metaCacheTag; without one Pagefind asks for the
    entry under the time of day, which nothing can preload), and the metadata the entry names.
    The tag is made of the entry, which names every language's metadata by its content: a new
    index, a new tag. ('', []) when there is no such bundle or language."""
    try:
        raw = (output / bundle / ENTRY).read_bytes()
        meta = json.loads(raw)["languages"][lang]["hash"]
    except (OSError, ValueError, KeyError, TypeError):
        return "", []
    tag = hashlib.sha256(raw).hexdigest()[:10]
    return tag, [f"{ENTRY}?ts={tag}", f"pagefind.{meta}.pf_meta"]


# --- writing the index ------------------------------------------------------------------------

def write_index(records: Iterable[Mapping], bundle: Path, side_by_side: bool = True,
                previous: Path | None = None, program: bool = True) -> dict[str, int]:
    """Index `records` (index_records) into `bundle`; returns how many pages each language's
    index holds. Index URLs are site-root paths ('/booth/x/'); the search page puts the site's
    address in front (pagefind.options baseUrl), so the index works under any SITEURL.

    Each language is indexed by a Pagefind program of its own, all at once: a language's index
    never depends on another's (its files carry the language in their names), so the bundles
    join into one by listing every language in one pagefind-entry.json. The languages index
    side by side on two cores, each program fed its records as they are made (_side_by_side)
    and holding only its own language's; a shard of a large expo (`side_by_side=False`)
    indexes them one after the other, so only one program's memory is held at a time.

    `program`: whether the bundle holds Pagefind's pagefind.js and wasm (only the first shard
    does: search.js merges the others into its Pagefind).

    `previous`: the same bundle in the last build's output. A page's fragment that did not
    change is linked from there (same inode and mtime: an rsync or a CDN upload after a booth's
    edit sends that booth's fragments, not every page's)."""
    bundles = _side_by_side(records) if side_by_side else _one_at_a_time(records)
    files = _joined(bundles)
    shutil.rmtree(bundle, ignore_errors=True)
    unused = UNUSED_FILES if program else UNUSED_FILES + PROGRAM_FILES
    write_files({name: data for name, data in files.items() if not name.startswith(unused)}, bundle,
                previous, reusable=FRAGMENTS)
    steady(bundle)
    entry = json.loads(files[ENTRY])
    return {lang: data["page_count"] for lang, data in entry["languages"].items()}


def _side_by_side(records: Iterable[Mapping]) -> list[dict[str, bytes]]:
    """A Pagefind program per language, each started at its language's first record and fed
    while the rest are still being made: making the records and indexing them overlap."""
    feeds: dict[str, queue.SimpleQueue] = {}
    bundles: dict[str, Future] = {}
    with ThreadPoolExecutor(max_workers=MAX_LANGUAGES) as pool:
        try:
            for record in records:
                feed = feeds.get(record.get("language"))
                if feed is None:
                    feed = feeds[record.get("language")] = queue.SimpleQueue()
                    bundles[record.get("language")] = pool.submit(lambda f=feed: bundle_files(_drained(f))[0])
                feed.put(record)
        finally:  # a failure making the records still ends every program's input
            for feed in feeds.values():
                feed.put(_END)
        return [bundle.result() for bundle in bundles.values()] or [bundle_files([])[0]]


def _one_at_a_time(records: Iterable[Mapping]) -> list[dict[str, bytes]]:
    """A Pagefind program per language, one after the other: one program's memory at a time."""
    by_language: dict[str, list[Mapping]] = {}
    for record in records:
        by_language.setdefault(record.get("language"), []).append(record)
    return [bundle_files(part)[0] for part in by_language.values() or [[]]]


MAX_LANGUAGES = 8  # programs started at once; a site has one or two languages
_END = object()


def _drained(feed: queue.SimpleQueue) -> Iterator[Mapping]:
    while (record := feed.get()) is not _END:
        yield record


ENTRY = "pagefind-entry.json"
FRAGMENTS = "fragment/"  # one file per page, never rewritten by steady_index


def _joined(bundles: list[dict[str, bytes]]) -> dict[str, bytes]:
    """One bundle of the bundles of single languages: their files together (a file two of them
    share, pagefind.js, is the same in each) and one entry listing every language."""
    files: dict[str, bytes] = {}
    languages: dict[str, object] = {}
    entry: dict = {}
    for bundle in bundles:
        if ENTRY not in bundle:
            raise SearchIndexError(f"Pagefind could not build the search index: it wrote no {ENTRY}")
        entry = json.loads(bundle[ENTRY])
        languages.update(entry.get("languages") or {})
        for name, data in bundle.items():
            if name != ENTRY and files.setdefault(name, data) != data:
                raise SearchIndexError(f"Pagefind could not build the search index: two languages wrote {name} differently")
    if bundles:
        entry["languages"] = dict(sorted(languages.items()))
        files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files
