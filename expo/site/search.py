"""Search without a server: what booth and product pages tell the index, and the index itself.

Pagefind (https://pagefind.app, from PyPI: `pagefind[bin]`) reads the written site once and
writes a static bundle into `pagefind/` with one index per language (from `<html lang>`), each
with its language's stemming (Indonesian has one); a page's search loads only its language's
index, and of that only the chunks its words need. Only pages with `data-pagefind-body` (booth
and product pages) are indexed, so listings do not repeat every product in the results. Pages mark what is indexed with
`data-pagefind-*` attributes (theme/templates/macros.html, `search_data`); filters use stable
keys (a category key, a city slug, a price band) and the search page shows them in the page's
language. Pagefind has no range filter, so prices become fixed bands.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from expo.content.models import Exhibitor, Product
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
# Pagefind's files that our own search page does not load (its ready-made interfaces).
INDEX_TIMEOUT_SECONDS = 600  # a 3,000-product expo takes seconds; a hung program must not hang CI
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


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


# --- writing the index ------------------------------------------------------------------------

class SearchIndexError(RuntimeError):
    """Pagefind could not be started or failed; the message says why."""


def write_index(site: Path, bundle: Path) -> dict[str, int]:
    """Index the written site into `bundle`; returns how many pages each language's index holds.

    The `pagefind` program of the `pagefind[bin]` package runs once over the whole folder.
    Not its Python API: that answers each request no sooner than 0.1 s (600 pages one by one
    took 64 s) and, on leaving its context, terminates the program while it may still be
    writing (we saw an empty wasm file and a half-written pagefind-entry.json). Index URLs are
    site-root paths ('/booth/x/'); the search page puts the site's address in front
    (pagefind.options baseUrl), so the index works under any SITEURL.
    """
    from pagefind.service import get_executable

    program = get_executable()
    if program is None:
        raise SearchIndexError("the Pagefind program is missing: pip install 'pagefind[bin]'")
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        done = subprocess.run([str(program), "--site", str(site), "--output-path", str(bundle),
                               "--glob", "**/*.html", "--silent"],
                              capture_output=True, text=True, timeout=INDEX_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"Pagefind could not build the search index: {exc}") from exc
    entry_path = bundle / "pagefind-entry.json"
    if done.returncode != 0 or not entry_path.is_file():
        raise SearchIndexError("Pagefind could not build the search index: "
                               + (done.stderr or done.stdout).strip()[-2000:])
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    steady(bundle)
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    return {lang: data["page_count"] for lang, data in entry["languages"].items()}
