"""A booth's products as a Meta commerce catalog CSV (pure), for WhatsApp Business, Facebook and
Instagram shops: the exhibitor uploads it in Commerce Manager and links the catalog to WhatsApp.

Columns and formats from Meta's catalog field reference
(https://developers.facebook.com/docs/commerce-platform/catalog/fields/ and
https://developers.facebook.com/docs/marketing-api/catalog/reference/): required are id (at most
100 characters), title (200), description (9999, plain text, no HTML), availability ("in stock"),
condition ("new"), price (a number and the ISO 4217 code: "150000 IDR"), link, image_link and
brand; additional_image_link (comma-separated) and product_type (the seller's own category) are
optional. Meta requires a price, so a product without one, or with a price range, is left out
(the owner page says so). Written by the one spreadsheet-safe CSV writer: the exhibitor may open
it in Excel first.
"""

from __future__ import annotations

from expo.content.models import Exhibitor
from expo.exports.facts import fixed_price, price_text, product_facts
from expo.reports.spreadsheet import csv_text
from expo.site.routes import Routes

META_COLUMNS = ("id", "title", "description", "availability", "condition", "price", "link",
                "image_link", "brand", "additional_image_link", "product_type")


def meta_catalog_csv(exhibitor: Exhibitor, routes: Routes) -> str:
    """Every product of the booth that has one price, in the booth's order; full addresses
    (the build plans this file only for a published site)."""
    rows = []
    for product in exhibitor.products:
        facts = product_facts(exhibitor, product, routes)
        if facts.price is None:
            continue
        rows.append([facts.id, facts.title, facts.description, "in stock", "new", price_text(facts.price),
                     facts.link, facts.image_link, facts.brand, ",".join(facts.additional_image_links),
                     facts.category])
    return csv_text(META_COLUMNS, rows)


def listed_count(exhibitor: Exhibitor) -> int:
    """How many of the booth's products the catalog CSV lists (the owner page tells the rest)."""
    return sum(fixed_price(p) is not None for p in exhibitor.products)
