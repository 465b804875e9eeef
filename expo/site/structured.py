"""Search-engine data for a published catalog: sitemap.xml, robots.txt and schema.org Product.

Only for a published site (an absolute SITEURL): search engines need full addresses, and a
local preview has none. Pure functions; the generator writes their output.
"""

from __future__ import annotations

import json
from typing import Iterable
from xml.sax.saxutils import escape

from markupsafe import Markup

from expo.content.models import Exhibitor, Product
from expo.site.routes import Routes


def sitemap_xml(siteurl: str, paths: Iterable[str]) -> str:
    """Every page once, in the given (stable) order; no dates, so equal input gives equal bytes."""
    base = siteurl.rstrip("/")
    entries = "".join(f"  <url><loc>{escape(f'{base}/{path}')}</loc></url>\n" for path in dict.fromkeys(paths))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")


# A sitemap lists at most 50,000 addresses (sitemaps.org); a larger site gets an index of sitemaps.
SITEMAP_URLS = 50_000


def sitemap_part(part: int) -> str:
    """The file of the `part`-th sitemap (from 0) under a sitemap index: sitemap-1.xml, ..."""
    return f"sitemap-{part + 1}.xml"


def sitemap_index_xml(siteurl: str, names: Iterable[str]) -> str:
    """sitemap.xml of a site with more pages than one sitemap may list: its sitemaps' addresses."""
    base = siteurl.rstrip("/")
    entries = "".join(f"  <sitemap><loc>{escape(f'{base}/{name}')}</loc></sitemap>\n" for name in names)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</sitemapindex>\n")


def robots_txt(siteurl: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {siteurl.rstrip('/')}/sitemap.xml\n"


def product_jsonld(product: Product, exhibitor: Exhibitor, routes: Routes) -> Markup:
    """schema.org Product with its Offer, so search results can show the price in Rupiah."""
    url = routes.absolute(routes.product(product))
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": routes.text.product_name(product),
        "url": url,
        "image": [routes.absolute(photo.largest.url) for photo in product.photos],
        "brand": {"@type": "Brand", "name": exhibitor.name},
    }
    if product.price is not None:
        seller = {"@type": "Organization", "name": exhibitor.name,
                  "url": routes.absolute(routes.booth(exhibitor))}
        if product.price_max and product.price_max != product.price:
            data["offers"] = {"@type": "AggregateOffer", "priceCurrency": "IDR", "lowPrice": product.price,
                              "highPrice": product.price_max, "offerCount": 1, "seller": seller}
        else:
            data["offers"] = {"@type": "Offer", "priceCurrency": "IDR", "price": product.price,
                              "url": url, "seller": seller}
    return script_json(data)


def script_json(data: object) -> Markup:
    """JSON to put inside a <script> element (JSON-LD, the cart's data)."""
    return Markup(inert_json(data))


def inert_json(data: object, indent: int | None = None) -> str:
    """JSON that stays inert wherever it lands: exhibitor text inside <script> (or a JSON file
    someone pastes into a page) cannot close the element, since '<', '>' and '&' are escaped;
    json escapes control characters itself."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
