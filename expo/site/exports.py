"""Data files the build publishes for organisers and their partners (pure): products.csv.

One row per product in the site's main language, with the addresses a visitor would use (page,
WhatsApp order, photo), so an organiser can hand the catalog to a Dinas report, a marketplace
partner or a spreadsheet without scraping the site. Written by the one spreadsheet-safe CSV
writer (expo/reports/spreadsheet.py): exhibitor text cannot become a formula.
"""

from __future__ import annotations

from typing import Iterator, TextIO

from expo.content.models import Catalog
from expo.exports.facts import address, photo_url
from expo.reports.spreadsheet import write_csv
from expo.site.routes import Routes

PRODUCTS_CSV = "products.csv"
PRODUCT_COLUMNS = ("booth", "booth_name", "category", "category_label", "city", "name", "name_en",
                   "price", "price_max", "page_url", "whatsapp_url", "photo_url")


def write_products_csv(target: TextIO, catalog: Catalog, routes: Routes) -> None:
    """Booths by name, each booth's products in its own order, a row at a time (a city's expo
    has hundreds of thousands). Addresses are full when the site has one (invoke publish) and
    relative to the site's root in a preview."""
    write_csv(target, PRODUCT_COLUMNS, _rows(catalog, routes))


def _rows(catalog: Catalog, routes: Routes) -> Iterator[list]:
    for exhibitor in catalog.exhibitors:
        for product in exhibitor.products:
            yield [exhibitor.slug, exhibitor.name, exhibitor.category,
                   routes.text.category_label(exhibitor.category), exhibitor.city, product.name,
                   product.name_en, product.price, product.price_max,
                   address(routes, routes.product(product)), routes.order(exhibitor, product),
                   address(routes, photo_url(product.photo))]

