"""Frozen, typed values that templates see. Built only by `parsing.py` and `catalog.py`.

Templates never get raw YAML: every string here is either plain text (Jinja escapes it) or a
`Markup` that `markup.py` has already sanitised.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from markupsafe import Markup

from expo.values.credentials import Credential
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
    booth_slug: str
    booth_name: str
    url: str
    price: int | None
    price_max: int | None
    price_text: str | None  # 'Rp150.000' or 'Rp150.000 – Rp300.000'
    photos: tuple[Picture, ...]
    description: Markup
    links: tuple[ShopLink, ...]
    video: Video | None
    order_url: str | None  # wa.me link with a prefilled message
    line: int  # where it starts in exhibitor.yml, for messages

    @property
    def photo(self) -> Picture:
        return self.photos[0]


@dataclass(frozen=True)
class Exhibitor:
    slug: str
    name: str
    tagline: str | None
    category: str  # key of the organiser's category list ('category' is Pelican's word)
    category_label: str
    category_url: str
    city: str
    city_slug: str
    city_url: str
    address: str | None
    owners: tuple[str, ...]
    whatsapp: WhatsAppNumber | None
    order_url: str | None  # wa.me link to ask the booth a question
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
    url: str

    @property
    def photo(self) -> Picture:
        """The picture that stands for the booth in lists: cover, else logo, else a product."""
        return self.cover or self.logo or self.products[0].photo

    def other_products(self, product: Product) -> tuple[Product, ...]:
        return tuple(p for p in self.products if p.slug != product.slug)


@dataclass(frozen=True)
class Group:
    """A category or a city: the booths and products in it."""

    key: str
    label: str
    url: str
    exhibitors: tuple[Exhibitor, ...]

    @property
    def products(self) -> tuple[Product, ...]:
        return tuple(p for e in self.exhibitors for p in e.products)


@dataclass(frozen=True)
class Catalog:
    exhibitors: tuple[Exhibitor, ...]  # by name
    categories: tuple[Group, ...]  # in the organiser's order, empty ones included
    cities: tuple[Group, ...]  # by name
    featured: tuple[Exhibitor, ...]
    recent: tuple[Exhibitor, ...]

    @property
    def products(self) -> tuple[Product, ...]:
        return tuple(p for e in self.exhibitors for p in e.products)
