"""What every data export says about a product, each rule stated once (pure).

The Meta catalog CSV, the Google Merchant Center feed and catalog.json describe the same product;
here is how: its feed id, its photo and page addresses, its one price, its plain-text
description. Shopping feeds need full addresses, so they exist only on a published site (a
preview has no address); catalog.json and products.csv fall back to addresses relative to the
site's root.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from markupsafe import Markup

from expo.content.models import Exhibitor, Product
from expo.images.pipeline import Picture
from expo.site.routes import Routes

CURRENCY = "IDR"  # exhibitors give whole Rupiah
MAX_ID = 50  # Google Merchant Center's limit for [id]; Meta allows 100
MAX_TITLE = 150  # Google's limit for [title]; Meta allows 200
MAX_DESCRIPTION = 5000  # Google's limit for [description]; Meta allows 9999
MAX_EXTRA_IMAGES = 10  # Google takes up to 10 additional images; Meta up to 20
# XML 1.0 and calendar text cannot hold these at all, even escaped; no reader shows them anyway.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def address(routes: Routes, url: str) -> str:
    """The full address on a published site, else the address relative to the site's root."""
    return routes.absolute(url) or url


def photo_url(picture: Picture) -> str:
    """A photo at its largest JPEG width: every shop, feed and spreadsheet reads JPEG."""
    return picture.largest.url


def feed_id(exhibitor: Exhibitor, product: Product) -> str:
    """'batik-sari/kain-batik-tulis-parang': stable while the folder and the product's name stay,
    unique (folders are unique, product names unique within a booth), at most 50 characters (a
    longer one keeps its start and gets a digest of the whole)."""
    whole = f"{exhibitor.slug}/{product.slug}"
    if len(whole) <= MAX_ID:
        return whole
    digest = hashlib.sha256(whole.encode("utf-8")).hexdigest()[:12]
    return f"{whole[:MAX_ID - 13]}~{digest}"


def fixed_price(product: Product) -> int | None:
    """The one price a shopping feed can carry: None without a price and for a price range
    (Google and Meta want the price the buyer pays, the same as on the page)."""
    if product.price is None or (product.price_max is not None and product.price_max != product.price):
        return None
    return product.price


def price_text(amount: int) -> str:
    """'150000 IDR': a number and the ISO 4217 code, the form Google and Meta both read."""
    return f"{amount} {CURRENCY}"


def plain_text(text: str | Markup | None, limit: int | None = None) -> str:
    """Sanitised Markdown (or plain text) as one line of plain text without tags, entities or
    control characters: shopping feeds refuse HTML in a description."""
    if not text:
        return ""
    flat = Markup(text).striptags() if isinstance(text, Markup) else " ".join(str(text).split())
    flat = _INVISIBLE.sub("", flat)
    if limit is not None and len(flat) > limit:
        flat = flat[:limit - 1].rstrip() + "…"
    return flat


@dataclass(frozen=True)
class ProductFacts:
    """One product as a shopping feed lists it, in one language."""

    id: str
    title: str
    description: str  # never empty: the feeds require one
    price: int | None  # fixed_price
    link: str
    image_link: str
    additional_image_links: tuple[str, ...]
    brand: str  # the booth: UMKM products are their maker's own brand
    category: str  # the organiser's category label


def product_facts(exhibitor: Exhibitor, product: Product, routes: Routes) -> ProductFacts:
    t = routes.text
    title = plain_text(t.product_name(product), MAX_TITLE)
    description = (plain_text(t.description(product), MAX_DESCRIPTION)
                   or plain_text(f"{title} · {exhibitor.name}, {exhibitor.city}", MAX_DESCRIPTION))
    photos = [address(routes, photo_url(p)) for p in product.photos]
    return ProductFacts(id=feed_id(exhibitor, product), title=title, description=description,
                        price=fixed_price(product), link=address(routes, routes.product(product)),
                        image_link=photos[0], additional_image_links=tuple(photos[1:1 + MAX_EXTRA_IMAGES]),
                        brand=plain_text(exhibitor.name, 100), category=plain_text(t.category_label(exhibitor.category)))
