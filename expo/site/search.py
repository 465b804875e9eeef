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
import re
import shutil
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from expo.content.models import Catalog, Exhibitor, Product
from expo.site.pagefind_service import SearchIndexError, program_identity, write_bundle
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
__all__ = ["SearchIndexError", "first_search_files", "index_records", "index_tag", "records_digest", "write_index"]


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
    text: the result's title names it, and Pagefind makes every meta value searchable)."""
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


def index_records(catalog: Catalog, all_routes: Mapping[str, Routes]) -> Iterator[dict]:
    """Every booth and product in every language as a Pagefind custom record: the words a
    visitor searches (what the page shows first: name, price, booth, city, tagline, the
    description or the about text), the page's address, and what a result card shows (meta),
    filters by and sorts by. Made from the catalog alone, not from the pages' HTML, so a
    template edit does not change the index (and does not re-index)."""
    for lang, routes in all_routes.items():
        t = routes.text
        by, ask = t.gettext("oleh"), t.gettext("Harga: tanyakan ke penjual")
        for exhibitor in catalog.exhibitors:
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


# How write_index lays the bundle out; a change to it must change this, so that an index made
# before is made again (2: the metadata named by the index's tag, first_search_files).
BUNDLE_LAYOUT = "2"


def records_digest(records: Iterable[Mapping]) -> str:
    """What the index is made of, and by which Pagefind: the same digest, the same bundle."""
    digest = hashlib.sha256(f"{BUNDLE_LAYOUT}\0{program_identity()}".encode("utf-8"))
    for record in records:
        digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


# --- the files a first search fetches before it can search -------------------------------------

def index_tag(made_of: str) -> str:
    """The short name of one index (from its records' digest, records_digest): the same
    records, the same tag; any change, another tag."""
    return made_of[:10]


def first_search_files(lang: str, tag: str) -> tuple[str, str]:
    """The files of the bundle Pagefind fetches, one after the other, before a first search in
    `lang`: its entry (under its cache tag: pagefind.options metaCacheTag) and that language's
    metadata, named by the index's tag (write_index names it so). Known before the index is
    written, so the search page preloads them with the page instead of two round trips later."""
    return f"pagefind-entry.json?ts={tag}", f"pagefind.{lang}_{tag}.pf_meta"


def _name_metadata(bundle: Path, entry: dict, tag: str) -> None:
    """Each language's metadata renamed as first_search_files says (Pagefind names it by its
    content, unknown until it is written); the entry points to the new name."""
    for lang, info in entry["languages"].items():
        name = first_search_files(lang, tag)[1]
        (bundle / f"pagefind.{info['hash']}.pf_meta").replace(bundle / name)
        info["hash"] = name[len("pagefind."):-len(".pf_meta")]


# --- writing the index ------------------------------------------------------------------------

def write_index(records: Iterable[Mapping], bundle: Path, tag: str | None = None) -> dict[str, int]:
    """Index `records` (index_records) into `bundle`; returns how many pages each language's
    index holds. Index URLs are site-root paths ('/booth/x/'); the search page puts the site's
    address in front (pagefind.options baseUrl), so the index works under any SITEURL. With a
    `tag` (index_tag), each language's metadata is named by it (first_search_files)."""
    shutil.rmtree(bundle, ignore_errors=True)
    write_bundle(records, bundle)
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        raise SearchIndexError("Pagefind could not build the search index: it wrote no pagefind-entry.json")
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    steady(bundle)
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if tag is not None:
        _name_metadata(bundle, entry, tag)
        entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {lang: data["page_count"] for lang, data in entry["languages"].items()}
