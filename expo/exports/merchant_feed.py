"""The whole expo as a Google Merchant Center product feed (pure): RSS 2.0 with Google's `g:`
namespace, so an organiser (or a partner) can list every booth's products in Google Shopping's
free listings.

Fields from Google's product data specification (https://support.google.com/merchants/answer/7052112):
id (at most 50 characters), title (150), description (5000, plain text), link, image_link,
availability ("in_stock"), condition ("new"), price (required for every product: "150000 IDR"),
brand. UMKM goods have no GTIN or MPN, so identifier_exists is "no", as Google asks for
handmade and own-brand goods. A product without a price, or with a range (Google requires the
fixed price the buyer pays), is left out. No google_product_category: the organiser's categories
("kuliner", "lainnya") do not map honestly onto Google's taxonomy; Google infers one.
Every text goes through the XML escaper; characters XML 1.0 cannot hold are dropped (facts.plain_text).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from expo.content.models import Catalog
from expo.exports.facts import address, plain_text, price_text, product_facts
from expo.site.routes import Routes

MERCHANT_FEED = "google-merchant.xml"
G = "http://base.google.com/ns/1.0"


def _element(name: str, text: str, indent: int = 6) -> str:
    return f"{' ' * indent}<{name}>{escape(text)}</{name}>\n"


def merchant_feed_xml(catalog: Catalog, routes: Routes) -> str:
    """Booths by name, their products in order; full addresses (planned only when published)."""
    t = routes.text
    items = []
    for exhibitor in catalog.exhibitors:
        for product in exhibitor.products:
            facts = product_facts(exhibitor, product, routes)
            if facts.price is None:
                continue
            fields = [("g:id", facts.id), ("title", facts.title), ("description", facts.description),
                      ("link", facts.link), ("g:image_link", facts.image_link)]
            fields += [("g:additional_image_link", url) for url in facts.additional_image_links]
            fields += [("g:availability", "in_stock"), ("g:condition", "new"),
                       ("g:price", price_text(facts.price)), ("g:brand", facts.brand),
                       ("g:identifier_exists", "no"), ("g:product_type", facts.category)]
            items.append("    <item>\n" + "".join(_element(n, v) for n, v in fields) + "    </item>\n")
    about = " · ".join(x for x in (t.expo_name, t.expo_dates) if x)
    channel = (_element("title", plain_text(t.expo_name), 4) + _element("link", address(routes, routes.home()), 4)
               + _element("description", plain_text(about), 4))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<rss version="2.0" xmlns:g="{G}">\n  <channel>\n' + channel + "".join(items)
            + "  </channel>\n</rss>\n")
