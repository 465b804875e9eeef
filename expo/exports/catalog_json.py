"""catalog.json: the whole expo as data (pure), for a Dinas report, a partner's app or a
marketplace that imports booths, without scraping pages.

Every booth with its products, prices (whole Rupiah, integers), links (pages and WhatsApp orders
per language, marketplace shops, video) and photos (the largest JPEG and every rendition), in
each language of the site: texts the exhibitor can give in English are {"id": ..., "en": ...}
with null where there is no English text (the site then shows the Indonesian one). Addresses
are full on a published site and relative to the site's root in a preview. Its shape is
catalog_schema.py's JSON Schema, published beside it; `schema_version` changes its minor number
for additions and its major number for anything a reader must adapt to.
"""

from __future__ import annotations

from typing import Iterator, Mapping

from expo.content.models import Catalog, Exhibitor, Product, ShopLink
from expo.exports.catalog_schema import CATALOG_SCHEMA, SCHEMA_VERSION
from expo.exports.facts import address, feed_id, photo_url
from expo.images.pipeline import Picture
from expo.site.routes import Routes
from expo.site.structured import inert_json

CATALOG_JSON = "catalog.json"


def catalog_json(catalog: Catalog, routes: Mapping[str, Routes]) -> Iterator[str]:
    """The file in pieces, a booth at a time: an expo of 23,000 booths is never one document or
    one string in memory (at 1,500 booths the whole document took 220 MiB). Without indentation,
    so Python's C encoder writes it (indented, it was the pure-Python one: 9 s at 1,500 booths)."""
    head, _booths, tail = inert_json(catalog_document(catalog, routes, booths=False)).partition(BOOTHS)
    yield head + '"booths": ['
    for number, exhibitor in enumerate(catalog.exhibitors):
        yield (", " if number else "") + inert_json(_booth(exhibitor, routes))
    yield "]" + tail + "\n"


BOOTHS = '"booths": []'  # where the booths go: JSON escapes every quote inside a string


def catalog_document(catalog: Catalog, routes: Mapping[str, Routes], booths: bool = True) -> dict:
    """The whole catalog as one document (`booths=False`: without its booths)."""
    main = next(iter(routes.values()))
    expo = main.expo
    return {
        "$schema": address(main, CATALOG_SCHEMA),
        "schema_version": SCHEMA_VERSION,
        "expo": {
            "name": _texts(expo.name, expo.name_en),
            "dates": _texts(expo.dates, expo.dates_en),
            "organiser": _texts(expo.organiser, expo.organiser_en),
            "start_date": expo.start_date or None,
            "end_date": expo.end_date or None,
            "languages": list(routes),
            "home": {lang: address(r, r.home()) for lang, r in routes.items()},
        },
        "categories": [{"key": group.key,
                        "label": {lang: r.text.category_label(group.key) for lang, r in routes.items()},
                        "pages": {lang: address(r, r.category(group.key)) for lang, r in routes.items()}}
                       for group in catalog.categories],
        "booths": [_booth(exhibitor, routes) for exhibitor in catalog.exhibitors] if booths else [],
    }


def _texts(indonesian: str | None, english: str | None) -> dict:
    """Exhibitor or organiser text in both languages; null for a missing one."""
    return {"id": str(indonesian) if indonesian else None, "en": str(english) if english else None}


def _booth(exhibitor: Exhibitor, routes: Mapping[str, Routes]) -> dict:
    main = next(iter(routes.values()))
    return {
        "folder": exhibitor.slug,
        "name": exhibitor.name,
        "tagline": _texts(exhibitor.tagline, exhibitor.tagline_en),
        "about_html": _texts(exhibitor.about, exhibitor.about_en),  # sanitised, as the page shows it
        "category": exhibitor.category,
        "city": exhibitor.city,
        "address": exhibitor.address,
        "whatsapp": exhibitor.whatsapp.display if exhibitor.whatsapp else None,
        "contacts": [{"kind": c.kind, "label": c.label, "url": c.url} for c in exhibitor.contacts],
        "marketplaces": [_shop(link) for link in exhibitor.marketplaces],
        "video": exhibitor.video.url if exhibitor.video else None,
        "credentials": [{"kind": c.kind, "label": c.label, "number": c.number} for c in exhibitor.credentials],
        "joined": exhibitor.joined.isoformat() if exhibitor.joined else None,
        "logo": _photo(exhibitor.logo, main) if exhibitor.logo else None,
        "cover": _photo(exhibitor.cover, main) if exhibitor.cover else None,
        "pages": {lang: address(r, r.booth(exhibitor)) for lang, r in routes.items()},
        "order": {lang: r.order(exhibitor) for lang, r in routes.items()},
        "products": [_product(exhibitor, product, routes) for product in exhibitor.products],
    }


def _product(exhibitor: Exhibitor, product: Product, routes: Mapping[str, Routes]) -> dict:
    main = next(iter(routes.values()))
    return {
        "id": feed_id(exhibitor, product),
        "slug": product.slug,
        "name": _texts(product.name, product.name_en),
        "description_html": _texts(product.description, product.description_en),
        "price": product.price,
        "price_max": product.price_max,
        "price_text": product.price_text,
        "photos": [_photo(photo, main) for photo in product.photos],
        "marketplaces": [_shop(link) for link in product.links],
        "video": product.video.url if product.video else None,
        "pages": {lang: address(r, r.product(product)) for lang, r in routes.items()},
        "order": {lang: r.order(exhibitor, product) for lang, r in routes.items()},
    }


def _shop(link: ShopLink) -> dict:
    return {"marketplace": link.marketplace.key, "label": link.label, "url": link.url}


def _photo(picture: Picture, routes: Routes) -> dict:
    return {
        "url": address(routes, photo_url(picture)),
        "alt": picture.alt,
        "width": picture.width,
        "height": picture.height,
        "renditions": [{"url": address(routes, r.url), "width": r.width, "height": r.height, "type": r.mime}
                       for r in picture.renditions],
    }
