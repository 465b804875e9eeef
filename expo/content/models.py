"""Frozen, typed values of validated content. Built only by `parsing.py` and `catalog.py`.

Content only: no addresses, no order links, no language-specific text. The site layer
(expo/site/) derives those per language. Templates never get raw YAML: every string here is
either plain text (Jinja escapes it) or a `Markup` that `markup.py` has already sanitised.
English fields (`*_en`) are empty when the exhibitor gave none; the site falls back to the
Indonesian text.
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass

from markupsafe import Markup

from expo.values.credentials import Credential
from expo.values.editions import Edition
from expo.images.pipeline import Picture
from expo.values.shops import Marketplace
from expo.values.phones import WhatsAppNumber
from expo.values.video import Video


@dataclass(frozen=True)
class ShopLink:
    """A marketplace button: 'Tokopedia', 'Shopee', ... or 'Toko online'."""

    url: str
    marketplace: Marketplace

    @property
    def label(self) -> str:
        return self.marketplace.label


@dataclass(frozen=True)
class Contact:
    kind: str  # email, website, instagram, facebook, tiktok
    label: str  # what the visitor reads: '@batiksari', 'batiksari.id'
    url: str


@dataclass(frozen=True)
class Product:
    slug: str
    name: str
    name_en: str
    booth_slug: str
    booth_name: str
    price: int | None
    price_max: int | None
    price_text: str | None  # 'Rp150.000' or 'Rp150.000 – Rp300.000'
    photos: tuple[Picture, ...]
    description: Markup
    description_en: Markup
    links: tuple[ShopLink, ...]
    video: Video | None
    line: int  # where it starts in exhibitor.yml, for messages

    @property
    def photo(self) -> Picture:
        return self.photos[0]


@dataclass(frozen=True)
class Exhibitor:
    slug: str
    name: str
    tagline: str | None
    tagline_en: str | None
    category: str  # key of the organiser's category list ('category' is Pelican's word)
    city: str
    city_slug: str
    address: str | None
    owners: tuple[str, ...]
    whatsapp: WhatsAppNumber | None
    contacts: tuple[Contact, ...]
    marketplaces: tuple[ShopLink, ...]
    video: Video | None
    logo: Picture | None
    cover: Picture | None
    credentials: tuple[Credential, ...]
    products: tuple[Product, ...]
    about: Markup
    about_en: Markup
    joined: _dt.date | None
    editions: tuple[str, ...] = ()  # keys of the editions joined, in the organiser's order

    @property
    def photo(self) -> Picture:
        """The picture that stands for the booth in lists: cover, else logo, else a product."""
        return self.cover or self.logo or self.products[0].photo

    def other_products(self, product: Product, limit: int) -> tuple[Product, ...]:
        """Up to `limit` other products, the ones listed after `product` first (wrapping round),
        so every product of a big booth is linked from some page and output stays bounded."""
        index = self.products.index(product)
        after = self.products[index + 1:] + self.products[:index]
        return after[:limit]


@dataclass(frozen=True)
class Group:
    """A category or a city: the booths and products in it."""

    key: str  # category key or city slug: the page's address
    label: str  # the category label or the city's spelling, in Indonesian
    exhibitors: tuple[Exhibitor, ...]

    @functools.cached_property  # once: each of a group's pages asks, so a property grew with the group squared
    def products(self) -> tuple[Product, ...]:
        return tuple(p for e in self.exhibitors for p in e.products)


@dataclass(frozen=True)
class EditionGroup(Group):
    """An edition of the expo (EXPO_EDITIONS) and the booths that joined it."""

    edition: Edition
    categories: tuple[Group, ...]  # its booths per category, the organiser's order, empty ones left out


@dataclass(frozen=True)
class Catalog:
    exhibitors: tuple[Exhibitor, ...]  # by name
    categories: tuple[Group, ...]  # in the organiser's order, empty ones included
    cities: tuple[Group, ...]  # by name
    featured: tuple[Exhibitor, ...]
    recent: tuple[Exhibitor, ...]
    editions: tuple[EditionGroup, ...] = ()  # in the organiser's order; empty without EXPO_EDITIONS
    current_edition: EditionGroup | None = None  # running on the build's day, else the latest

    @property
    def products(self) -> tuple[Product, ...]:
        return tuple(p for e in self.exhibitors for p in e.products)
