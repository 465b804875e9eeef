"""What visitors read, per language: interface text from the gettext catalogs and exhibitor
text with its English fields, falling back to the Indonesian text, never to an empty page.

The catalogs are `.po` files in expo/text/locale/ (extracted from the templates and the code
with Babel: `invoke translations`), compiled in memory when a build starts, so there is no
compiled `.mo` file to forget.
"""

from __future__ import annotations

import functools
import gettext
import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.dates import format_interval
from babel.numbers import format_currency
from markupsafe import Markup

from expo.content.models import Exhibitor, Product
from expo.settings import ExpoSettings
from expo.values.editions import Edition

LOCALE_DIR = Path(__file__).resolve().parent.parent / "text" / "locale"
SOURCE_LANGUAGE = "id"  # the language the templates and code are written in


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def translations(lang: str) -> gettext.NullTranslations:
    """The interface catalog of `lang`, compiled in memory once per version of the file;
    Indonesian needs none."""
    path = catalog_path(lang)
    if lang == SOURCE_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    stat = path.stat()
    return _compiled(path, lang, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _compiled(path: Path, lang: str, _mtime: int, _size: int) -> gettext.GNUTranslations:
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def N_(message: str) -> str:
    """Marks text for extraction that is translated later, where it is shown."""
    return message


# Text that reaches the templates from data, translated where it is shown: the default category
# labels (expo/settings.py) and the label of a shop we do not recognise (expo/values/shops.py).
RUNTIME_TEXT = (N_("Batik"), N_("Fesyen"), N_("Kuliner"), N_("Kerajinan"), N_("Aksesoris"),
                N_("Perikanan"), N_("Lainnya"), N_("Toko online"))


@dataclass(frozen=True)
class Text:
    """One language's view of the interface and of exhibitor text."""

    lang: str
    expo: ExpoSettings = field(repr=False)

    @functools.cached_property
    def _catalog(self) -> gettext.NullTranslations:
        # Once per Text, i.e. per build: `translations` stats the .po file, which cost more than
        # the rest of a page's gettext calls together (a fifth of a full re-render).
        return translations(self.lang)

    @property
    def english(self) -> bool:
        return self.lang == "en"

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._catalog.ngettext(singular, plural, count)

    # --- the expo
    @property
    def expo_name(self) -> str:
        return (self.expo.name_en if self.english else "") or self.expo.name

    @property
    def expo_dates(self) -> str:
        return (self.expo.dates_en if self.english else "") or self.expo.dates

    @property
    def expo_organiser(self) -> str:
        return (self.expo.organiser_en if self.english else "") or self.expo.organiser

    def category_label(self, key: str) -> str:
        label = self.expo.categories[key]
        if self.english:
            return self.expo.categories_en.get(key) or self.gettext(label)
        return label

    # --- editions (EXPO_EDITIONS)
    def edition_name(self, edition: Edition) -> str:
        return (edition.name_en if self.english else "") or edition.name

    def edition_theme(self, edition: Edition) -> str:
        return (edition.theme_en if self.english else "") or edition.theme

    def edition_dates(self, edition: Edition) -> str:
        """'16–30 Nov 2026' / 'Nov 16 – 30, 2026': the days in this language's way."""
        return format_interval(edition.start_date, edition.end_date, "yMMMd", locale=self.lang)

    def editions_of(self, exhibitor: Exhibitor) -> tuple[Edition, ...]:
        """The editions a booth joined, in the organiser's order."""
        return tuple(e for e in self.expo.editions if e.key in exhibitor.editions)

    # --- exhibitor text: the English field where there is one
    def product_name(self, product: Product) -> str:
        return (product.name_en if self.english else "") or product.name

    def tagline(self, exhibitor: Exhibitor) -> str | None:
        return (exhibitor.tagline_en if self.english else None) or exhibitor.tagline

    def description(self, product: Product) -> Markup:
        return self._prose(product.description_en, product.description)

    def about(self, exhibitor: Exhibitor) -> Markup:
        return self._prose(exhibitor.about_en, exhibitor.about)

    def _prose(self, english: Markup, indonesian: Markup) -> Markup:
        """Sanitised Markdown in this language; on English pages without an English text, the
        Indonesian one, marked as Indonesian for screen readers and translation tools."""
        if not self.english:
            return indonesian
        if english:
            return english
        return Markup('<div lang="id">') + indonesian + Markup("</div>") if indonesian else Markup("")

    def is_fallback(self, english: object) -> bool:
        """True on English pages where an exhibitor gave no English text."""
        return self.english and not english

    # --- prices
    def price_hint(self, product: Product) -> str | None:
        """'≈ US$52' on English pages when the organiser set a rate; prices stay in Rupiah."""
        rate, currency = self.expo.price_hint_rate, self.expo.price_hint_currency
        if not (self.english and rate and currency) or product.price is None:
            return None
        low = format_currency(product.price / rate, currency, locale="en", format_type="standard")
        if product.price_max and product.price_max != product.price:
            high = format_currency(product.price_max / rate, currency, locale="en")
            return f"≈ {low} – {high}"
        return f"≈ {low}"
