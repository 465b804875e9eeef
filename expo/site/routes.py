"""Addresses per language: every page URL, the wa.me order links and share links (pure).

The main language lives at the site's root and every other language under '/<lang>/' with the
same paths, so switching language keeps the visitor on the same booth or product. URLs here
are relative to the site root ('en/booth/batik-sari/'); templates put `SITEURL` in front, and
`absolute` makes the full address that messages, sitemaps and link previews need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import quote

from expo.content.models import Exhibitor, Product
from expo.settings import ExpoSettings
from expo.site.orders import order_message, whatsapp_link
from expo.site.text import Text


def fill(pattern: str, **values: object) -> str:
    """Fill a Pelican-style URL pattern such as 'booth/{booth}/{slug}/'."""
    return pattern.format(**values)


def save_as_of(url: str) -> str:
    """The file a static host serves for an address: 'a/b/' -> 'a/b/index.html'."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def url_of(save_as: str) -> str:
    """The address a static host serves for a saved file: 'a/b/index.html' -> 'a/b/'."""
    return save_as[: -len("index.html")] if save_as.endswith("index.html") else save_as


@dataclass(frozen=True)
class Routes:
    expo: ExpoSettings
    text: Text  # the language's interface and exhibitor text
    siteurl: str  # absolute site address, '' when previewing locally
    assets: Mapping[str, str] = field(default_factory=dict)  # theme file -> published name (assets.py)

    @property
    def lang(self) -> str:
        return self.text.lang

    @property
    def prefix(self) -> str:
        return "" if self.lang == self.expo.default_language else f"{self.lang}/"

    def _in_lang(self, path: str) -> str:
        """Every page's address: its language's prefix, then a path the same in every language."""
        return self.prefix + path

    def in_language(self, url: str, other: "Routes") -> str:
        """The address in `other`'s language of this language's page at `url` (_in_lang)."""
        return other.prefix + url[len(self.prefix):]

    # --- pages
    def home(self) -> str:
        return self._in_lang("")

    def booth(self, exhibitor: Exhibitor) -> str:
        return self._in_lang(fill(self.expo.booth_url, slug=exhibitor.slug))

    def product(self, product: Product) -> str:
        return self._in_lang(fill(self.expo.product_url, booth=product.booth_slug, slug=product.slug))

    def _paged(self, first: str, later: str, page: int, slug: str) -> str:
        """Page 1 of a listing at `first`, pages 2, 3, ... at `later` (a pattern with {page})."""
        return self._in_lang(fill(first, slug=slug) if page == 1 else fill(later, slug=slug, page=page))

    def category(self, key: str, page: int = 1) -> str:
        return self._paged(self.expo.category_url, self.expo.category_page_url, page, key)

    def city(self, slug: str, page: int = 1) -> str:
        return self._paged(self.expo.city_url, self.expo.city_page_url, page, slug)

    def search(self) -> str:
        return self._in_lang(self.expo.search_url)

    def search_bundle(self) -> str:
        """The search index's folder: shared, with a part per language (search_index.py)."""
        return "indeks/"

    def categories(self) -> str:
        return self._in_lang(self.expo.categories_url)

    def cities(self) -> str:
        return self._in_lang(self.expo.cities_url)

    def directory(self, page: int = 1) -> str:
        if page == 1:
            return self._in_lang(self.expo.directory_url)
        return self._in_lang(fill(self.expo.directory_page_url, page=page))

    def editions(self) -> str:
        """The list of the expo's editions (EXPO_EDITIONS)."""
        return self._in_lang(self.expo.editions_url)

    def edition(self, key: str, page: int = 1) -> str:
        """An edition's landing page with its booths (pages 2, 3, ... for the rest)."""
        return self._paged(self.expo.edition_url, self.expo.edition_page_url, page, key)

    def edition_archive(self, key: str, page: int = 1) -> str:
        """Every booth of an edition, one line each, by category: the record of who took part."""
        return self._paged(self.expo.edition_archive_url, self.expo.edition_archive_page_url, page, key)

    def page(self, slug: str) -> str:
        """An organiser's page from content/pages/."""
        return self._in_lang(fill(self.expo.page_url, slug=slug))

    def not_found(self) -> str:
        return self._in_lang("404.html")

    def cart(self) -> str:
        return self._in_lang(self.expo.cart_url)

    def poster(self, exhibitor: Exhibitor) -> str:
        """The printable A4 poster of a booth, with a QR code to its page."""
        return self._in_lang(fill(self.expo.poster_url, slug=exhibitor.slug))

    def owner(self, exhibitor: Exhibitor) -> str:
        """The booth owner's page: what to do with the booth (catalog file, poster, QR code)."""
        return self._in_lang(fill(self.expo.owner_url, slug=exhibitor.slug))

    def meta_catalog(self, exhibitor: Exhibitor) -> str:
        """The booth's Meta (WhatsApp Business) catalog CSV, beside the owner page of the main
        language; named after the booth, so several booths' downloads do not overwrite each other."""
        main = fill(self.expo.owner_url, slug=exhibitor.slug)
        folder = main if main.endswith("/") else main.rsplit("/", 1)[0] + "/"
        return f"{folder}katalog-whatsapp-{exhibitor.slug}.csv"

    def agenda_calendar(self) -> str:
        """The agenda as an .ics calendar, in this language."""
        return self._in_lang("agenda.ics")

    def manifest(self) -> str:
        """The web app manifest, in this language (name, start page)."""
        return self._in_lang("manifest.webmanifest")

    def share_image(self) -> str:
        """The generated link preview of pages without a photo, with the expo's name in this language."""
        # Beside the icons, not in media/: media/ holds only photos named by their content,
        # which _headers lets browsers keep a year (headers.py); this one changes with the settings.
        return "expo-share.jpg" if not self.prefix else f"expo-share-{self.lang}.jpg"

    # Files every language shares: the generated expo icons.
    ICONS = {"icon-192.png": 192, "icon-512.png": 512}  # home screen icons
    FAVICON = "favicon.ico"  # at the root, where browsers look without being told

    @staticmethod
    def qr(url: str) -> str:
        """The QR code image of a page: 'booth/x/' -> 'booth/x/qr.svg'."""
        return f"{url}qr.svg" if url == "" or url.endswith("/") else f"{url}.qr.svg"

    def asset(self, name: str) -> str:
        """Theme files are shared by every language; stylesheets and scripts carry their digest
        in their published name ('css/expo.css' -> 'theme/css/expo.1a2b3c4d5e.css')."""
        return f"theme/{self.assets.get(name, name)}"

    def absolute(self, url: str) -> str:
        """Full address of a site URL, or '' for a local preview, which has none."""
        return f"{self.siteurl.rstrip('/')}/{url}" if self.siteurl else ""

    # --- orders and sharing
    def order(self, exhibitor: Exhibitor, product: Product | None = None) -> str | None:
        """wa.me link with a prefilled message in this language; None without a WhatsApp number."""
        if exhibitor.whatsapp is None:
            return None
        english = self.lang == "en"
        if product is None:
            template = self.expo.whatsapp_message_booth_en if english else self.expo.whatsapp_message_booth
            message = order_message(template, booth=exhibitor.name, expo=self.text.expo_name,
                                    url=self.absolute(self.booth(exhibitor)))
        else:
            template = self.expo.whatsapp_message_en if english else self.expo.whatsapp_message
            message = order_message(template, product=self.text.product_name(product),
                                    booth=exhibitor.name,
                                    price=product.price_text or self.text.gettext("mohon info harganya"),
                                    expo=self.text.expo_name, url=self.absolute(self.product(product)))
        return whatsapp_link(exhibitor.whatsapp.digits, message)

    def share_whatsapp(self, title: str, url: str) -> str:
        """'Share to WhatsApp': a wa.me link without a number opens the contact picker."""
        target = self.absolute(url)
        message = f"{title} {target}".strip()
        return "https://wa.me/?text=" + quote(message, safe="")
