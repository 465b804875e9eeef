"""One typed settings object for the expo, read from the `EXPO_*` Pelican settings.

Every option is a field below with its default and a comment saying what it does; organisers
set them in `pelicanconf.py`. Unknown `EXPO_*` names are reported so a typo does not pass
silently.
"""

from __future__ import annotations

import collections.abc
import datetime as _dt
import difflib
import functools
import re
import string
import typing
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any, Mapping

from expo.values.agenda import AgendaEvent, read_agenda
from expo.values.credentials import DEFAULT_CHECKERS
from expo.values.editions import Edition, read_editions_setting
from expo.values.slugs import SLUG_RE

DEFAULT_CATEGORIES = {
    "batik": "Batik",
    "fesyen": "Fesyen",
    "kuliner": "Kuliner",
    "kerajinan": "Kerajinan",
    "aksesoris": "Aksesoris",
    "perikanan": "Perikanan",
    "lainnya": "Lainnya",
}


_PAGE = ("slug",)
_PATTERN_FIELDS = {
    "booth_url": _PAGE, "booth_save_as": _PAGE,
    "product_url": ("booth", "slug"), "product_save_as": ("booth", "slug"),
    "directory_url": (), "directory_save_as": (),
    "directory_page_url": ("page",), "directory_page_save_as": ("page",),
    "category_url": _PAGE, "category_save_as": _PAGE, "city_url": _PAGE, "city_save_as": _PAGE,
    "cities_url": (), "cities_save_as": (), "categories_url": (), "categories_save_as": (),
    "category_page_url": ("slug", "page"), "city_page_url": ("slug", "page"), "search_url": (),
    "page_url": _PAGE, "page_save_as": _PAGE,
    "whatsapp_message": ("product", "price", "booth", "expo", "url"),
    "whatsapp_message_booth": ("booth", "expo", "url"),
    "whatsapp_message_en": ("product", "price", "booth", "expo", "url"),
    "whatsapp_message_booth_en": ("booth", "expo", "url"),
    "poster_url": _PAGE, "cart_url": (), "owner_url": _PAGE,
    "cart_message": ("booth", "expo", "items", "total", "code"),
    "cart_message_en": ("booth", "expo", "items", "total", "code"),
}
_PATTERN_FIELDS.update({  # the editions' pages (EXPO_EDITIONS)
    "edition_url": _PAGE, "edition_page_url": ("slug", "page"), "edition_archive_url": _PAGE,
    "edition_archive_page_url": ("slug", "page"), "editions_url": (),
})
HERO_IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".webp", ".avif")
HERO_IMAGE_MAX_BYTES = 1024 * 1024  # copied as it is: a phone's data plan pays for every byte
LANGUAGES = ("id", "en")  # languages the interface is translated into (expo/text/locale)


def _folder(path: str) -> str:
    """'./exhibitors/' -> 'exhibitors': one spelling for messages and path checks."""
    return PurePosixPath(path.replace("\\", "/").strip("/")).as_posix() if path.strip("/") else ""


@functools.lru_cache(maxsize=None)
def _FIELD_TYPES() -> dict[str, Any]:
    return typing.get_type_hints(ExpoSettings)


def _typed(key: str, value: Any, hint: Any) -> Any:
    """The value if it has the field's type (lists become tuples); else a SettingsError saying
    what the setting needs, so a typo in pelicanconf.py never surfaces as a traceback later."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)

    def scalar_ok(v: Any, kind: type) -> bool:
        return isinstance(v, kind) and (kind is bool or not isinstance(v, bool))

    if origin is tuple:
        if isinstance(value, (list, tuple)) and all(scalar_ok(v, args[0]) for v in value):
            return tuple(value)
        need = ("daftar bilangan bulat", "a list of whole numbers") if args[0] is int else \
            ('daftar teks, mis. ["a", "b"]', 'a list of text, e.g. ["a", "b"]')
    elif origin in (Mapping, collections.abc.Mapping):
        if isinstance(value, Mapping) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            return dict(value)
        need = ('pasangan teks ke teks, mis. {"kuliner": "Kuliner"}', 'a mapping of text to text, e.g. {"kuliner": "Kuliner"}')
    elif hint is float:
        if scalar_ok(value, int) or scalar_ok(value, float):
            return float(value)
        need = ("angka", "a number")
    else:
        if scalar_ok(value, hint):
            return value
        need = {str: ("teks dalam tanda kutip", "text in quotes"), int: ("bilangan bulat", "a whole number"),
                bool: ("True atau False", "True or False")}[hint]
    raise _Mistake(f"{key} harus {need[0]}, bukan {value!r} ({key} must be {need[1]}, not {value!r}).")


class _Mistake(ValueError):
    """One mistake in the settings file, without the file's name."""


class SettingsError(ValueError):
    """Mistakes in the settings file: every one of them, one line each, never a traceback."""

    def __init__(self, mistakes: list[str], settings_file: str = "pelicanconf.py",
                 lines: list[int | None] | None = None):
        self.mistakes = list(mistakes)
        self.settings_file = settings_file
        self.lines = list(lines) if lines else [None] * len(self.mistakes)
        super().__init__("\n".join(f"{settings_file}{f':{line}' if line else ''}: {mistake}"
                                   for mistake, line in zip(self.mistakes, self.lines)))

    def with_lines(self, text: str) -> "SettingsError":
        """The same mistakes, each with the line of the setting it names first, in the settings
        file's `text` (its last assignment: the one Python keeps)."""
        assigned = {}
        for number, line in enumerate(text.splitlines(), 1):
            found = re.match(r"\s*(EXPO_[A-Z0-9_]+)\s*=", line)
            if found:
                assigned[found.group(1)] = number
        named = [re.findall(r"EXPO_[A-Z0-9_]+", mistake) for mistake in self.mistakes]
        return SettingsError(self.mistakes, self.settings_file,
                             [assigned.get(names[0]) if names else None for names in named])


@dataclass(frozen=True)
class ExpoSettings:
    # The expo itself, shown on the home page and in order messages.
    name: str = "Expo UMKM Virtual"
    dates: str = ""  # free text, e.g. "24-25 November 2026"
    organiser: str = ""  # e.g. "Dinas Koperasi dan UKM Kota Pekalongan"
    # The project folder; "" means the parent of Pelican's PATH (the folder holding content/).
    root_path: str = ""
    # Folder holding one sub-folder per exhibitor, relative to the project root.
    exhibitors_path: str = "exhibitors"
    # Category key -> label shown to visitors. Exhibitors pick a key; order is display order.
    categories: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CATEGORIES))
    # Booth slugs shown first on the home page; empty means a weekly rotation: all booths take
    # turns, featured_count at a time, in folder order (expo/content/catalog.py `_featured`).
    featured: tuple[str, ...] = ()
    featured_count: int = 6
    # Products with photo and price at the top of the home page (featured booths' first).
    home_products: int = 8
    recent_count: int = 6
    # Booths per page in the directory, and on category and city pages (pages 2, 3, ... at
    # EXPO_CATEGORY_PAGE_URL / EXPO_CITY_PAGE_URL), so a category of 150 booths stays light.
    directory_per_page: int = 24
    category_per_page: int = 24
    city_per_page: int = 24
    # A banner photo for the top of the home page, relative to the project root, e.g.
    # "content/images/banner.jpg" (JPEG, PNG, WebP or AVIF, at most 1 MB: it is copied as it is,
    # so resize it to about 1600 x 500 px first; it is shown at 16:5, cut to fit). Empty: none.
    hero_image: str = ""
    # English name, dates and organiser for the English site; empty means the Indonesian one.
    name_en: str = ""
    dates_en: str = ""
    organiser_en: str = ""
    # Languages of the site: the first at the root, the others under /<lang>/ with the same
    # paths. "id" and "en" have interface translations; ["id"] builds an Indonesian site only.
    languages: tuple[str, ...] = ("id", "en")
    # Language of content messages (validate, build): "id" (default) or "en".
    lang: str = "id"
    # WhatsApp order message. Placeholders: {product} {price} {booth} {expo} {url}.
    whatsapp_message: str = (
        "Halo {booth}, saya ingin memesan {product} ({price}) yang saya lihat di {expo}. {url}"
    )
    whatsapp_message_booth: str = "Halo {booth}, saya melihat booth Anda di {expo}. {url}"
    # The same messages on the English site, for buyers who read English.
    whatsapp_message_en: str = (
        "Hello {booth}, I would like to order {product} ({price}), which I saw at {expo}. {url}"
    )
    whatsapp_message_booth_en: str = "Hello {booth}, I saw your booth at {expo}. {url}"
    # English category labels (key -> label); a key left out uses the translation of its
    # Indonesian label if the interface catalog has one, else the Indonesian label.
    categories_en: Mapping[str, str] = field(default_factory=dict)
    # An approximate price in another currency on the English site, e.g. "USD" with 16300
    # (Rupiah per dollar). Prices stay in Rupiah; unset (the default) shows no hint.
    price_hint_currency: str = ""
    price_hint_rate: float = 0
    # "Other products of this booth" on a product page: at most this many, so a booth with
    # 200 products does not repeat 199 cards on each of its 200 pages.
    other_products: int = 8
    # The expo's days as ISO dates ("2026-11-16"), for search engines (schema.org
    # ExhibitionEvent, at +07:00); EXPO_DATES stays the text visitors read. Unset: no event data.
    start_date: str = ""
    end_date: str = ""
    # Where the expo also happens in person (an address); set for a hybrid expo, so search
    # engines list it as online and at this place. "" means online only.
    venue: str = ""
    # The expo's colours: link previews, the home screen icon and the browser bar. The theme's
    # CSS has its own copy (--brand in theme/static/css/expo.css); change both together.
    brand_colour: str = "#8a3b12"
    brand_colour_soft: str = "#f6e7d8"
    # WhatsApp cart: visitors collect products from several booths, then send one message per
    # booth. Every message carries an order code such as UVO26-K7Q-3F2A (this prefix, the
    # booth's code, a random part) that the exhibitor can quote and the organiser can count.
    order_code_prefix: str = "EXPO"
    # {items} is one line per product (quantity, product, unit price, subtotal, the buyer's note),
    # {total} the sum, {code} the order code.
    cart_message: str = "Halo {booth}, saya ingin memesan dari {expo}:\n{items}\nTotal: {total}\nKode pesanan: {code}"
    cart_message_en: str = ("Hello {booth}, I would like to order from {expo}:\n{items}\nTotal: {total}\n"
                            "Order code: {code}")
    # URL patterns, in Pelican's *_URL / *_SAVE_AS style. {slug} is the booth or product slug,
    # {booth} the booth slug, {page} the page number (directory pages 2, 3, ...).
    booth_url: str = "booth/{slug}/"
    booth_save_as: str = "booth/{slug}/index.html"
    product_url: str = "booth/{booth}/{slug}/"
    product_save_as: str = "booth/{booth}/{slug}/index.html"
    directory_url: str = "peserta/"
    directory_save_as: str = "peserta/index.html"
    directory_page_url: str = "peserta/{page}/"
    directory_page_save_as: str = "peserta/{page}/index.html"
    category_url: str = "kategori/{slug}/"
    category_save_as: str = "kategori/{slug}/index.html"
    city_url: str = "kota/{slug}/"
    city_save_as: str = "kota/{slug}/index.html"
    cities_url: str = "kota/"
    cities_save_as: str = "kota/index.html"
    categories_url: str = "kategori/"
    categories_save_as: str = "kategori/index.html"
    category_page_url: str = "kategori/{slug}/{page}/"
    city_page_url: str = "kota/{slug}/{page}/"
    # The search results page (the search box of every page leads there).
    search_url: str = "cari/"
    # The organiser's pages from content/pages/ ({slug} from their Slug: line).
    page_url: str = "{slug}/"
    page_save_as: str = "{slug}/index.html"
    # The cart, and the printable A4 poster of each booth (a QR code to its page, for a
    # physical stand).
    cart_url: str = "keranjang/"
    poster_url: str = "poster/{slug}/"
    # Where processed photos go inside output/, and the cache kept between builds (relative to
    # the project root; `invoke clean --stale` prunes entries the last build did not use).
    media_url: str = "media/"
    image_cache_path: str = ".cache/images"
    # Widths (px) every photo is offered at; never above the original's width. Chosen for
    # phones 360-412 px wide: cards (half the screen) take 400 at DPR 2 and 600 at DPR 3, the
    # product photo (the full width) 800 at DPR 2 and 1200 at DPR 3.
    image_widths: tuple[int, ...] = (400, 600, 800, 1200)
    # Modern formats offered before the JPEG fallback that every photo always gets: "avif"
    # (smallest files; see expo/image_recipe.py for the measurements) and/or "webp".
    image_formats: tuple[str, ...] = ("avif",)
    # Processes encoding photos at once; 0 means one per CPU core.
    image_workers: int = 0
    # Processes rendering pages at once; 0 means one per CPU core. Not part of what a page is
    # made of (repr=False keeps it out of the incremental build's digest).
    render_workers: int = field(default=0, repr=False)
    # Public pages where visitors can verify a licence number (kind -> URL); "" hides the link.
    credential_checkers: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CHECKERS))
    # Limits on exhibitor input.
    max_photo_megabytes: int = 25
    # Photos above this size still work but get a warning: every upload stays in git forever.
    large_photo_megabytes: int = 8
    # Warn booths without a video: product videos were what visitors of past expos watched most.
    recommend_video: bool = True
    max_photo_megapixels: int = 60
    max_yaml_kilobytes: int = 256
    max_products: int = 200
    # Photo budget of one booth, so one pull request cannot keep the build busy for hours (12
    # distinct 60-megapixel PNGs of 250 KB each cost 45 s): distinct photo files, their pixels
    # together, and their bytes together. The defaults fit 200 products with a 12-megapixel
    # phone photo each; a booth past a budget gets a message naming the first photo over it.
    max_booth_photos: int = 300
    max_booth_megapixels: int = 2400
    max_booth_photo_megabytes: int = 600
    # GitHub logins allowed to change anything in a pull request (site files, any booth); they
    # also own every file in the generated .github/CODEOWNERS. `invoke check-pr` reads this list
    # from pelicanconf.py on the base branch, as a literal (see literalsettings.py), so a pull
    # request cannot add its own author: write it as a plain list, e.g. ["panitia-expo"].
    organisers: tuple[str, ...] = ()
    # The expo's events, for the agenda page and agenda.ics (a calendar visitors add to their
    # phone). A list of {"start": "2026-11-16 09:00", "end": "2026-11-16 10:30", "title": "...",
    # and optionally "title_en", "location", "location_en", "description", "description_en",
    # "url"}; times in WIB (Asia/Jakarta). Empty: no calendar. See expo/values/agenda.py.
    agenda: tuple[AgendaEvent, ...] = ()
    # The slug of the content page that lists the agenda (content/pages/agenda.md) with the
    # "Tambahkan ke kalender" link; the events are shown below its text.
    agenda_page: str = "agenda"
    # Each booth's owner page: what the exhibitor can do with the booth (the WhatsApp Business
    # catalog file, the poster, the QR code, the link to share). Not linked from public pages,
    # not in the sitemap, noindex.
    owner_url: str = "pemilik/{slug}/"
    # Order analytics, off when empty (the default: no script, no request to anyone but the site).
    # A self-hostable, cookieless provider counts the presses of WhatsApp, cart and marketplace
    # buttons per booth (expo/site/analytics.py; README "Analitik pesanan"), e.g.
    # {"provider": "umami", "script": "https://stats.example.go.id/script.js",
    #  "site": "b59e9c65-ae32-47f1-8400-119fcf4861c4"}. provider: umami, goatcounter or plausible;
    # script: the https address of its script; site: Umami's Website ID, GoatCounter's count
    # address (https://.../count) or the domain as added in Plausible.
    analytics: Mapping[str, str] = field(default_factory=dict)
    # Hosts limit how many files a site may have (Cloudflare Pages: 20,000). The build summary
    # counts output/'s files and warns above this number; 0 means no limit (GitHub Pages counts
    # size instead, 1 GB, and an SSH host has no limit). Photos are most of the files: each is
    # published in every width of EXPO_IMAGE_WIDTHS and every format of EXPO_IMAGE_FORMATS.
    max_files: int = 20000
    # GitHub Pages (the deploy workflow's host) publishes a site of at most 1 GB. The build
    # summary warns when output/ is larger than this many megabytes (1 MB = 1,000,000 bytes, as
    # the summary counts them); 0 means no limit (your own server, Cloudflare Pages).
    max_size_mb: int = 1000
    # Editions of the expo, when one site serves several (UKM Virtual Expo I and II): a list of
    # {"key": "2026", "name": "...", "name_en": "...", "start_date": "2026-11-16",
    #  "end_date": "2026-11-30", "theme": "...", "theme_en": "..."} (key, name and the dates
    # required). Exhibitors list the keys they joined (`editions: [2025, 2026]`); each edition
    # gets a page at EXPO_EDITION_URL with its booths and an archive. The mall (home,
    # categories, booths) shows every booth whatever its editions. Empty: no editions.
    editions: tuple[Edition, ...] = ()
    edition_url: str = "edisi/{slug}/"
    edition_page_url: str = "edisi/{slug}/{page}/"
    edition_archive_url: str = "edisi/{slug}/arsip/"
    edition_archive_page_url: str = "edisi/{slug}/arsip/{page}/"
    editions_url: str = "edisi/"
    # Booths per page on an edition's landing page (cards), and in its archive (one line each).
    edition_per_page: int = 24
    edition_archive_per_page: int = 500

    @classmethod
    def from_pelican(cls, settings: Mapping[str, Any], settings_file: str = "pelicanconf.py") -> "ExpoSettings":
        """Read every EXPO_* setting; raise SettingsError naming every mistake at once."""
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        mistakes: list[str] = []
        for key, value in settings.items():
            if not key.startswith("EXPO_") or key.startswith("EXPO__"):  # EXPO__*: the build's own
                continue
            name = key[len("EXPO_"):].lower()
            if name == "editions":  # a list of mappings: its own reader, every mistake at once
                values[name], found = read_editions_setting(value)
                mistakes += found
                continue
            if name not in known:
                guess = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f" Maksud Anda EXPO_{guess[0].upper()}? (Did you mean EXPO_{guess[0].upper()}?)" if guess else ""
                mistakes.append(f"pengaturan {key} tidak dikenal (unknown setting {key}).{hint}")
                continue
            if name in _READERS:  # a structured value with its own reader and messages
                continue
            try:
                values[name] = _typed(key, value, _FIELD_TYPES()[name])
            except _Mistake as exc:
                mistakes.append(str(exc))
        for name, reader in _READERS.items():
            if f"EXPO_{name.upper()}" in settings:
                values[name], found = reader(settings[f"EXPO_{name.upper()}"], values.get("lang", "id"))
                mistakes += found
        if "exhibitors_path" in values:  # one spelling everywhere: 'exhibitors', not './exhibitors/'
            values["exhibitors_path"] = _folder(values["exhibitors_path"])
        expo = cls(**values)
        mistakes += expo._mistakes()
        if mistakes:
            raise SettingsError(mistakes, settings_file)
        return expo

    def _mistakes(self) -> list[str]:
        mistakes = []
        for check in (self._check_basics, self._check_patterns, self._check_images, self._check_event,
                      self._check_analytics, self._check_publishing):
            mistakes += check()
        return mistakes

    def _check_basics(self) -> list[str]:
        mistakes = []
        if self.lang not in LANGUAGES:
            mistakes.append('EXPO_LANG harus "id" atau "en" (EXPO_LANG must be "id" or "en").')
        if not self.languages or any(lang not in LANGUAGES for lang in self.languages) \
                or len(set(self.languages)) != len(self.languages):
            mistakes.append('EXPO_LANGUAGES harus berisi "id" dan/atau "en", masing-masing sekali, bahasa utama '
                            'dulu, mis. ["id", "en"] atau ["id"] (EXPO_LANGUAGES must list "id" and/or "en" once '
                            'each, the main one first, e.g. ["id", "en"] or ["id"]).')
        if not self.categories:
            mistakes.append("EXPO_CATEGORIES perlu paling sedikit satu kategori (EXPO_CATEGORIES needs at least "
                            "one category).")
        bad = [key for key in self.categories if not SLUG_RE.match(key)]
        if bad:  # the key is what exhibitors type and the category page's address
            mistakes.append(f'EXPO_CATEGORIES: key "{bad[0]}" hanya boleh huruf kecil, angka dan tanda '
                            f'hubung, mis. "kuliner": "Kuliner" (EXPO_CATEGORIES key "{bad[0]}" must be lowercase '
                            'letters, digits and hyphens, e.g. "kuliner": "Kuliner").')
        unknown = sorted(set(self.categories_en) - set(self.categories))
        if unknown:
            mistakes.append(f'EXPO_CATEGORIES_EN berisi "{unknown[0]}", yang bukan key EXPO_CATEGORIES '
                            f'(EXPO_CATEGORIES_EN has "{unknown[0]}", which is not a key of EXPO_CATEGORIES).')
        for name in ("directory_per_page", "category_per_page", "city_per_page", "featured_count",
                     "home_products", "recent_count", "other_products", "edition_per_page",
                     "edition_archive_per_page"):
            if int(getattr(self, name)) < 1:
                mistakes.append(f"EXPO_{name.upper()} harus paling sedikit 1 (EXPO_{name.upper()} must be at "
                                "least 1).")
        if self.exhibitors_path in ("", ".") or self.exhibitors_path.startswith(".."):
            mistakes.append('EXPO_EXHIBITORS_PATH harus folder di dalam proyek, mis. "exhibitors" '
                            '(EXPO_EXHIBITORS_PATH must be a folder inside the project, e.g. "exhibitors").')
        if self.hero_image and PurePosixPath(self.hero_image.lower()).suffix not in HERO_IMAGE_TYPES:
            mistakes.append(f'EXPO_HERO_IMAGE harus berkas foto ({", ".join(HERO_IMAGE_TYPES)}), mis. '
                            f'"content/images/banner.jpg", bukan "{self.hero_image}" (EXPO_HERO_IMAGE must be a '
                            f'photo file ({", ".join(HERO_IMAGE_TYPES)}), e.g. "content/images/banner.jpg", '
                            f'not "{self.hero_image}").')
        elif self.hero_image.startswith(("/", "..")) or "/../" in self.hero_image:
            mistakes.append('EXPO_HERO_IMAGE harus alamat di dalam proyek, mis. "content/images/banner.jpg" '
                            '(EXPO_HERO_IMAGE must be a path inside the project, e.g. "content/images/banner.jpg").')
        if (self.price_hint_currency == "") != (self.price_hint_rate == 0):
            mistakes.append('EXPO_PRICE_HINT_CURRENCY dan EXPO_PRICE_HINT_RATE diisi bersama, mis. "USD" dan '
                            "16300 (Rupiah per dolar); kosongkan keduanya bila tidak perlu (EXPO_PRICE_HINT_CURRENCY "
                            'and EXPO_PRICE_HINT_RATE go together, e.g. "USD" and 16300, Rupiah per dollar; leave '
                            "both unset for no hint).")
        elif self.price_hint_rate < 0:
            mistakes.append("EXPO_PRICE_HINT_RATE harus lebih dari 0, dalam Rupiah per satuan mata uang "
                            "(EXPO_PRICE_HINT_RATE must be above 0, Rupiah per unit of the currency).")
        return mistakes

    def _check_patterns(self) -> list[str]:
        """A typo in a URL pattern or message template is caught here, named, not mid-build."""
        mistakes = []
        for name, allowed in _PATTERN_FIELDS.items():
            pattern = getattr(self, name)
            try:
                fields = {f for _text, f, _spec, _conv in string.Formatter().parse(pattern) if f is not None}
            except ValueError as exc:
                mistakes.append(f"EXPO_{name.upper()}: tanda {{ }} tidak berpasangan (unbalanced braces: {exc}).")
                continue
            unknown = sorted(fields - set(allowed))
            if unknown:
                usable = ', '.join('{' + a + '}' for a in allowed)
                mistakes.append(f"EXPO_{name.upper()} memakai {{{unknown[0]}}}; yang boleh: {usable or 'tidak ada'} "
                                f"(EXPO_{name.upper()} uses {{{unknown[0]}}}; it may use {usable or 'no placeholder'}).")
        return mistakes

    def _check_images(self) -> list[str]:
        from expo.images.recipe import Recipe

        mistakes = []
        try:
            Recipe.of(self.image_widths, tuple(self.image_formats))
        except (ValueError, TypeError) as exc:
            mistakes.append(f"EXPO_IMAGE_WIDTHS / EXPO_IMAGE_FORMATS tidak dapat dipakai (cannot be used: {exc}).")
        for name in ("max_photo_megabytes", "max_photo_megapixels"):
            if not float(getattr(self, name)) > 0:
                mistakes.append(f"EXPO_{name.upper()} harus lebih dari 0 (EXPO_{name.upper()} must be above 0).")
        if int(self.image_workers) < 0:
            mistakes.append("EXPO_IMAGE_WORKERS harus 0 (semua inti) atau lebih (EXPO_IMAGE_WORKERS must be 0, "
                            "all cores, or more).")
        if int(self.render_workers) < 0:
            mistakes.append("EXPO_RENDER_WORKERS harus 0 (semua inti) atau lebih (EXPO_RENDER_WORKERS must be 0, "
                            "all cores, or more).")
        return mistakes

    def _check_publishing(self) -> list[str]:
        mistakes = []
        if int(self.max_files) < 0:
            mistakes.append("EXPO_MAX_FILES harus 0 (tanpa batas) atau lebih, mis. 20000 untuk Cloudflare Pages "
                            "(EXPO_MAX_FILES must be 0, no limit, or more, e.g. 20000 for Cloudflare Pages).")
        if int(self.max_size_mb) < 0:
            mistakes.append("EXPO_MAX_SIZE_MB harus 0 (tanpa batas) atau lebih, mis. 1000 untuk GitHub Pages "
                            "(EXPO_MAX_SIZE_MB must be 0, no limit, or more, e.g. 1000 for GitHub Pages).")
        return mistakes

    def _check_event(self) -> list[str]:
        mistakes = []
        days = {}
        for name in ("start_date", "end_date"):
            value = getattr(self, name)
            if value:
                try:
                    days[name] = _dt.date.fromisoformat(value)
                except ValueError:
                    mistakes.append(f'EXPO_{name.upper()} harus tanggal seperti "2026-11-16", bukan {value!r} '
                                    f'(EXPO_{name.upper()} must be a date like "2026-11-16", not {value!r}).')
        if len(days) == 2 and days["end_date"] < days["start_date"]:
            mistakes.append("EXPO_END_DATE lebih awal dari EXPO_START_DATE (EXPO_END_DATE is before "
                            "EXPO_START_DATE).")
        if bool(self.start_date) != bool(self.end_date):
            mistakes.append('EXPO_START_DATE dan EXPO_END_DATE diisi bersama, mis. "2026-11-16" dan "2026-11-30" '
                            '(EXPO_START_DATE and EXPO_END_DATE go together, e.g. "2026-11-16" and "2026-11-30").')
        for name in ("brand_colour", "brand_colour_soft"):
            if not re.fullmatch(r"#[0-9a-fA-F]{6}", getattr(self, name)):
                mistakes.append(f'EXPO_{name.upper()} harus warna seperti "#8a3b12" (EXPO_{name.upper()} must be '
                                'a colour like "#8a3b12").')
        if not re.fullmatch(r"[A-Z0-9]{2,8}", self.order_code_prefix):
            mistakes.append('EXPO_ORDER_CODE_PREFIX harus 2 sampai 8 huruf besar atau angka, mis. "UVO26" '
                            '(EXPO_ORDER_CODE_PREFIX must be 2 to 8 capital letters or digits, e.g. "UVO26").')
        return mistakes

    def _check_analytics(self) -> list[str]:
        from expo.site.analytics import analytics_mistakes

        return analytics_mistakes(self.analytics)

    @property
    def default_language(self) -> str:
        """The language at the site's root; the others live under /<lang>/."""
        return self.languages[0]

    def image_cache_dir(self, root: Path) -> Path:
        return (root / self.image_cache_path).resolve()

    def exhibitors_dir(self, root: Path) -> Path:
        return (root / self.exhibitors_path).resolve()


def _agenda(value: Any, lang: str) -> tuple[tuple[AgendaEvent, ...], list[str]]:
    """EXPO_AGENDA's events and its mistakes in the organiser's language (EXPO_LANG)."""
    from expo.text.messages import render

    events, problems = read_agenda(value)
    return events, [render(key, lang, params) for key, params in problems]


# Settings read by their own reader: name -> reader(value, language) -> (value, mistakes).
_READERS = {"agenda": _agenda}
