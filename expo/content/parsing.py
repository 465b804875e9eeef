"""The exhibitor.yml contract: raw document -> `Exhibitor`, with every problem collected.

The design sketch put parsing inside models.py; it lives here so models.py stays a short list
of types that template authors can read, and the rules stay in one place.
"""

from __future__ import annotations

import re
import datetime as _dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from expo.content.contract import (
    CREDENTIALS,
    EXHIBITOR,
    EXAMPLE_DESCRIPTION,
    EXAMPLE_OWNER,
    EXAMPLE_PRODUCT,
    EXAMPLE_WHATSAPP,
    EXHIBITOR_FIELDS,
    PRODUCT,
    PRODUCT_FIELDS,
    limit,
)
from expo.values.credentials import (
    LABELS as CREDENTIAL_LABELS,
    Credential,
    CredentialError,
    parse_credential,
)
from expo.content.aliases import canonical_keys
from expo.content.errors import ContentError
from expo.content.fields import FieldReader
from expo.images.pipeline import (
    ImageInfo,
    ImageProblem,
    Picture,
    closest_photo,
    inspect,
    photo_name_problem,
    plan,
)
from expo.content.loader import RawExhibitor
from expo.content.markup import render_markdown
from expo.content.models import Contact, Exhibitor, Product, ShopLink
from expo.values.logins import normalize_login
from expo.values.phones import OrderInputError, parse_whatsapp
from expo.values.prices import PriceError, format_price, parse_price
from expo.values.shops import recognise_marketplace
from expo.settings import ExpoSettings
from expo.values.urls import host_under, split_http_url, website_label
from expo.values.slugs import slugify
from expo.values.categories import read_category, suggest_category
from expo.values.editions import read_edition, suggest_edition
from expo.values.cities import has_symbols, read_city
from expo.values.names import without_invisible
from expo.values.video import Video, VideoError, parse_video
from expo.values.paths import resolves_inside
from markupsafe import Markup

_SOCIAL = {
    # network: (handle pattern, profile URL pattern, hosts whose URLs we accept)
    "instagram": (r"[A-Za-z0-9._]{1,30}", "https://www.instagram.com/{}/", ("instagram.com",)),
    "tiktok": (r"[A-Za-z0-9._]{2,24}", "https://www.tiktok.com/@{}", ("tiktok.com",)),
    "facebook": (r"[A-Za-z0-9.\-]{3,50}", "https://www.facebook.com/{}", ("facebook.com", "fb.com")),
}
_SOCIAL_NAMES = {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook"}
# First path segments that are posts, reels or menus, not the account itself
_NOT_ACCOUNTS = {
    "instagram": {"p", "reel", "reels", "stories", "explore", "tv", "accounts"},
    "facebook": {"share", "sharer", "watch", "groups", "events", "photo", "photo.php", "story.php",
                 "permalink.php", "marketplace", "login", "pages"},
    "tiktok": set(),
}


# Height / width of a cover: phone screens are about 2:1 upright (1080 x 2400); a cover is shown
# wide, so anything taller than 6:5 loses its top and bottom.
SCREENSHOT_RATIO = 1.9
TALL_COVER_RATIO = 1.2


@dataclass(frozen=True)
class ParseContext:
    settings: ExpoSettings
    today: _dt.date = field(default_factory=_dt.date.today)  # 'joined' may not be later


def parse_exhibitor(raw: RawExhibitor, ctx: ParseContext, problems: list[ContentError]) -> Exhibitor | None:
    """Every rule of the contract; returns None if this exhibitor has any error."""
    before = sum(p.is_error for p in problems)
    problems.extend(raw.problems)
    if raw.document is None:
        return None
    if not isinstance(raw.document.data, dict):
        problems.append(ContentError(raw.yml_path, 1, "", "yaml_not_mapping"))
        return None
    document = canonical_keys(raw.document, raw.yml_path, problems)  # 'Harga:' is price
    r = FieldReader(document, raw.yml_path, problems, ctx.settings.lang)
    settings = ctx.settings
    r.check_keys((), EXHIBITOR_FIELDS)

    name = _name(r, ("name",), limit(EXHIBITOR, "name"))
    tagline = r.text(("tagline",), max_length=limit(EXHIBITOR, "tagline"))
    tagline_en = r.text(("tagline_en",), max_length=limit(EXHIBITOR, "tagline_en"))
    category = _category(r, settings)
    city = _city(r)
    address = r.text(("address",), max_length=limit(EXHIBITOR, "address"))
    owners = _owners(r)
    whatsapp = _whatsapp(r)
    marketplaces = _shop_links(r, ("marketplaces",))
    if whatsapp is None and not marketplaces and not r.has(("whatsapp",)) and not r.get(("marketplaces",)):
        r.problem(("whatsapp",), "contact_required")
    contacts = _contacts(r)
    video = _video(r, ("video",))
    photos = _PhotoFinder(raw, r, settings)
    logo = photos.picture(("logo",), r.get(("logo",)), f"Logo {name or raw.slug}") if r.has(("logo",)) else None
    cover = photos.picture(("cover",), r.get(("cover",)), name or raw.slug) if r.has(("cover",)) else None
    if cover is not None:
        photos.check_cover_shape(("cover",), r.get(("cover",)).strip())
    credentials = _credentials(r, dict(settings.credential_checkers))
    joined = r.date(("joined",))
    if joined and joined > ctx.today:  # a future date would keep the booth first in "Baru bergabung"
        r.problem(("joined",), "joined_future", value=joined.isoformat(), today=ctx.today.isoformat())
        joined = None
    editions = _editions(r, settings)
    products = _products(r, raw, ctx, photos, name or raw.slug)
    if settings.recommend_video and not r.has(("video",)) and not any(p.video for p in products):
        r.problem(("name",), "video_recommended", warning=True)
    about = {lang: render_markdown(text) for lang, text in raw.about.items()}

    if sum(p.is_error for p in problems) > before:
        return None
    return Exhibitor(
        slug=raw.slug, name=name, tagline=tagline, tagline_en=tagline_en, category=category,
        city=city, city_slug=slugify(city), address=address, owners=owners, whatsapp=whatsapp,
        contacts=contacts, marketplaces=marketplaces, video=video, logo=logo, cover=cover,
        credentials=credentials, products=products, about=about.get("id", Markup("")),
        about_en=about.get("en", Markup("")), joined=joined, editions=editions,
    )


def _name(r: FieldReader, path: tuple, max_length: int) -> str | None:
    """A booth or product name without zero-width characters: they would make a copy of
    another name look different to a program and the same to a visitor."""
    value = r.text(path, required=True, max_length=max_length)
    if value is None:
        return None
    visible = without_invisible(value).strip()
    if not visible:
        r.problem(path, "required", key=path[-1])
        return None
    return visible


def _category(r: FieldReader, settings: ExpoSettings) -> str | None:
    value = r.text(("category",), required=True, max_length=limit(EXHIBITOR, "category"))
    if value is None:
        return None
    key = read_category(value, settings.categories)
    if key is not None:
        return key
    choices = ", ".join(settings.categories)
    guess = suggest_category(value, settings.categories)
    if guess:
        r.problem(("category",), "category_unknown_hint", value=value, suggestion=guess, choices=choices)
    else:
        r.problem(("category",), "category_unknown", value=value, choices=choices)
    return None


def _editions(r: FieldReader, settings: ExpoSettings) -> tuple[str, ...]:
    """Keys of the organiser's editions (`editions: [2025, 2026]`: numbers or text), in the
    organiser's order; an edition listed twice is said once."""
    found = set()
    for path, value in r.items(("editions",), max_items=limit(EXHIBITOR, "editions")):
        written = r.written(path) if isinstance(value, int) and not isinstance(value, bool) else value
        key = read_edition(written, settings.editions)
        if key in found:
            r.problem(path, "edition_duplicate", warning=True, value=key)
        elif key is not None:
            found.add(key)
        elif not settings.editions:
            r.problem(path, "edition_none", value=written)
        else:
            choices = ", ".join(e.key for e in settings.editions)
            guess = suggest_edition(written, settings.editions)
            if guess:
                r.problem(path, "edition_unknown_hint", value=written, suggestion=guess, choices=choices)
            else:
                r.problem(path, "edition_unknown", value=written, choices=choices)
    return tuple(e.key for e in settings.editions if e.key in found)


def _city(r: FieldReader) -> str | None:
    """The official kabupaten/kota name when the text is one ('Kab. Semarang' is 'Kabupaten
    Semarang'), so one region gets one city page; otherwise the text as written, with a hint."""
    value = r.text(("city",), required=True, max_length=limit(EXHIBITOR, "city"))
    if value is None:
        return None
    if not slugify(value):
        r.problem(("city",), "no_slug", value=value)
        return None
    if has_symbols(value):  # 'KOTA PEKALONGAN ⚠☠⚠ !!!' must not take over a city page
        r.problem(("city",), "city_symbols", value=value)
        return None
    reading = read_city(value)
    if reading.suggestion:
        r.problem(("city",), "city_unknown_hint", warning=True, value=value, suggestion=reading.suggestion)
    elif reading.choices:
        r.problem(("city",), "city_ambiguous", warning=True, value=value, choices=" / ".join(reading.choices))
    elif not reading.official:
        r.problem(("city",), "city_unofficial", warning=True, value=value)
    return reading.name


def _owners(r: FieldReader) -> tuple[str, ...]:
    """GitHub logins as typed (a login may be all digits, which YAML reads as a number); the
    same rule check-pr and CODEOWNERS apply, so a login that validates also owns the folder."""
    owners = []
    for path, value in r.items(("owners",), required=True, max_items=limit(EXHIBITOR, "owners")):
        text = r.written(path) if isinstance(value, int) and not isinstance(value, bool) else value
        if normalize_login(text) is None:
            r.problem(path, "owner_invalid", value=text)
        elif normalize_login(text) == EXAMPLE_OWNER:
            r.problem(path, "example_owner", value=text)
        else:
            owners.append(text.strip().lstrip("@"))
    return tuple(owners)


def _whatsapp(r: FieldReader):
    value = r.get(("whatsapp",))
    if value is None:
        if r.has(("whatsapp",)):
            r.problem(("whatsapp",), "empty")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        r.problem(("whatsapp",), "expected_text", actual=r.type_name(value))
        return None
    if isinstance(value, int):
        value = r.written(("whatsapp",))
    try:
        number = parse_whatsapp(value)
    except OrderInputError as exc:
        r.problem(("whatsapp",), exc.code, value=value)
        return None
    if number.digits == parse_whatsapp(EXAMPLE_WHATSAPP).digits:
        r.problem(("whatsapp",), "example_whatsapp", value=value)
        return None
    if not number.is_mobile:
        r.problem(("whatsapp",), "phone_not_mobile", warning=True, value=value)
    return number


def _shop_links(r: FieldReader, path: tuple) -> tuple[ShopLink, ...]:
    links: list[ShopLink] = []
    for item_path, value in r.items(path, max_items=limit(EXHIBITOR, "marketplaces")):
        url = r.web_url(item_path, value)
        if url is None:
            continue
        if any(link.url == url for link in links):
            r.problem(item_path, "marketplace_duplicate", warning=True)
            continue
        marketplace = recognise_marketplace(url)
        if marketplace.warning == "bukalapak_no_goods":
            r.problem(item_path, "marketplace_bukalapak", warning=True)
        if marketplace.key != "other" and any(link.marketplace == marketplace for link in links):
            # two buttons that read the same: the visitor cannot tell which shop is which
            r.problem(item_path, "marketplace_same_label", warning=True, label=marketplace.label)
        links.append(ShopLink(url, marketplace))
    return tuple(links)


def _contacts(r: FieldReader) -> tuple[Contact, ...]:
    contacts = []
    email = r.email(("email",))
    if email:
        contacts.append(Contact("email", email, f"mailto:{email}"))
    if r.get(("website",)) is not None:
        url = r.web_url(("website",), r.get(("website",)))
        if url:
            label = website_label(url)
            contacts.append(Contact("website", label, url))
    for network in ("instagram", "facebook", "tiktok"):
        contact = _social(r, network)
        if contact:
            contacts.append(contact)
    return tuple(contacts)


def _social(r: FieldReader, network: str) -> Contact | None:
    """A handle ('@batiksari', 'batiksari') or a profile URL on that network only."""
    path = (network,)
    value = r.text(path, max_length=limit(EXHIBITOR, network))
    if value is None:
        return None
    pattern, profile, hosts = _SOCIAL[network]
    handle = value
    if "/" in value:
        url = r.web_url(path, value)
        if url is None:
            return None
        parts, host = split_http_url(url)  # web_url accepted it, so it splits
        segments = [s for s in parts.path.split("/") if s]
        if _is_share_link(network, host, segments):
            # the app's "share profile" link: the account is behind a redirect we do not follow
            return Contact(network, _SOCIAL_NAMES[network], url)
        if not any(host_under(host, h) for h in hosts) or not segments \
                or segments[0].lower() in _NOT_ACCOUNTS[network]:
            r.problem(path, "handle_invalid", value=value, network=_SOCIAL_NAMES[network])
            return None
        if network == "facebook" and segments[0] == "profile.php":
            page_id = re.fullmatch(r"id=(\d{5,20})", parts.query or "")
            if not page_id:
                r.problem(path, "handle_invalid", value=value, network=_SOCIAL_NAMES[network])
                return None
            return Contact(network, "Facebook", f"https://www.facebook.com/profile.php?id={page_id.group(1)}")
        if network == "tiktok" and not segments[0].startswith("@"):
            r.problem(path, "handle_invalid", value=value, network=_SOCIAL_NAMES[network])
            return None
        handle = segments[0]
    handle = handle.lstrip("@")
    if not re.fullmatch(pattern, handle):
        r.problem(path, "handle_invalid", value=value, network=_SOCIAL_NAMES[network])
        return None
    label = handle if network == "facebook" else f"@{handle}"
    return Contact(network, label, profile.format(handle))


def _is_share_link(network: str, host: str, segments: list[str]) -> bool:
    """facebook.com/share/<code>/ and vt.tiktok.com/<code>/: what a phone's share button copies."""
    if network == "facebook":
        return host_under(host, "facebook.com") and len(segments) >= 2 and segments[0] == "share"
    if network == "tiktok":
        return host in ("vt.tiktok.com", "vm.tiktok.com") and len(segments) == 1
    return False


def _video(r: FieldReader, path: tuple) -> Video | None:
    value = r.text(path, max_length=limit(EXHIBITOR, "video"))
    if value is None:
        return None
    try:
        return parse_video(value)
    except VideoError as exc:
        r.problem(path, exc.code, value=value)
        return None


def _credentials(r: FieldReader, checkers: dict[str, str]) -> tuple[Credential, ...]:
    mapping = r.mapping(("credentials",))
    if not mapping:
        return ()
    r.check_keys(("credentials",), CREDENTIAL_LABELS)
    found = []
    for kind in CREDENTIAL_LABELS:
        number = r.text(("credentials", kind), max_length=limit(CREDENTIALS, kind))
        if number is None:
            continue
        try:
            found.append(parse_credential(kind, number, checkers))
        except CredentialError as exc:
            r.problem(("credentials", kind), exc.message, value=number)
    return tuple(found)


def _price(r: FieldReader, path: tuple) -> tuple[int | None, int | None]:
    """A price as people write it ('25.000', 'Rp25.000,-', '25rb', '25.000 - 30.000'), read
    by the same reader as import-csv; YAML's own reading is not used: it makes 25.000 a float."""
    value = r.get(path)
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        r.problem(path, "price_invalid", value=r.written(path))
        return None, None
    try:
        return parse_price(value if isinstance(value, int) else r.written(path))
    except PriceError as exc:
        r.problem(path, exc.code, value=exc.text)
        return None, None


def _products(r: FieldReader, raw: RawExhibitor, ctx: ParseContext, photos: "_PhotoFinder",
              booth_name: str) -> tuple[Product, ...]:
    settings = ctx.settings
    products: list[Product] = []
    names: dict[str, tuple[str, int]] = {}
    slugs: dict[str, tuple[str, int]] = {}
    for path, value in r.items(("products",), required=True, max_items=settings.max_products):
        if not isinstance(value, dict):
            r.problem(path, "expected_mapping", actual=r.type_name(value))
            continue
        errors_before = r.error_count()
        r.check_keys(path, PRODUCT_FIELDS)
        line = r.document.line(path)
        name = _name(r, path + ("name",), limit(PRODUCT, "name"))
        name_en = r.text(path + ("name_en",), max_length=limit(PRODUCT, "name_en"))
        slug = slugify(name) if name else None
        if name and name.casefold() == EXAMPLE_PRODUCT.casefold():
            r.problem(path + ("name",), "example_product", value=name)
        if name and not slug:
            r.problem(path + ("name",), "no_slug", value=name)
        elif name and name.casefold() in names:
            r.problem(path + ("name",), "product_duplicate_name", name=name, first_line=names[name.casefold()][1])
            slug = None
        elif slug and slug in slugs:
            other, first_line = slugs[slug]
            r.problem(path + ("name",), "product_duplicate_slug", name=name, other=other,
                      first_line=first_line, slug=slug)
            slug = None
        if name and slug:
            names[name.casefold()] = (name, line)
            slugs[slug] = (name, line)
        price, upper = _price(r, path + ("price",))
        price_max, extra = _price(r, path + ("price_max",))
        if upper is not None and r.has(path + ("price_max",)):
            r.problem(path + ("price",), "price_range_with_max", value=r.written(path + ("price",)))
        elif extra is not None:
            r.problem(path + ("price_max",), "price_invalid", value=r.written(path + ("price_max",)))
        price_max = upper if upper is not None else price_max
        if price_max is not None and price is None and not r.has(path + ("price",)):
            r.problem(path + ("price_max",), "price_max_without_price")
        elif price is not None and price_max is not None and price_max < price:
            r.problem(path + ("price_max",), "price_max_below", price=price, price_max=price_max)
        pictures = [photos.picture(p, v, name or "") for p, v in r.items(path + ("photos",), required=True, max_items=limit(PRODUCT, "photos"))]
        description = r.text(path + ("description",), max_length=limit(PRODUCT, "description"), one_line=False)
        if description and EXAMPLE_DESCRIPTION.casefold() in description.casefold():
            r.problem(path + ("description",), "example_description", value=EXAMPLE_DESCRIPTION)
        description_en = r.text(path + ("description_en",), max_length=limit(PRODUCT, "description_en"),
                                one_line=False)
        links = _shop_links(r, path + ("links",))
        video = _video(r, path + ("video",))
        if r.error_count() > errors_before:
            continue
        products.append(Product(
            slug=slug, name=name, name_en=name_en or "", booth_slug=raw.slug, booth_name=booth_name,
            price=price, price_max=price_max, price_text=format_price(price, price_max),
            photos=tuple(pictures),
            description=render_markdown(description) if description else Markup(""),
            description_en=render_markdown(description_en) if description_en else Markup(""),
            links=links, video=video, line=line,
        ))
    return tuple(products)


class _PhotoFinder:
    """Resolves photo names inside one exhibitor folder; inspects each file once, within the
    booth's photo budget (distinct files, pixels and bytes together)."""

    def __init__(self, raw: RawExhibitor, r: FieldReader, settings: ExpoSettings):
        self.raw = raw
        self.r = r
        self.settings = settings
        self.folder = raw.folder.resolve()
        self.names = frozenset(p.name for p in raw.folder.iterdir()) | set(raw.photo_sources)  # listed once
        self.composed = {unicodedata.normalize("NFC", n): n for n in self.names}
        self.infos: dict[str, ImageInfo | None] = {}
        self.used = {"photos": 0, "pixels": 0, "bytes": 0}
        self.over_budget = False  # told once, on the first photo past a budget

    def check_cover_shape(self, path: tuple, name: str) -> None:
        """The cover is shown wide across the top of the booth: a phone screenshot or an
        upright photo loses most of itself to the crop."""
        info = self.infos.get(name)
        if info is None or not info.width:
            return
        ratio = info.height / info.width
        if ratio >= SCREENSHOT_RATIO or any(w in name.casefold() for w in ("screenshot", "tangkapan")):
            self.r.problem(path, "cover_screenshot", warning=True, value=name, width=info.width,
                           height=info.height)
        elif ratio > TALL_COVER_RATIO:
            self.r.problem(path, "cover_tall", warning=True, value=name, width=info.width, height=info.height)

    def picture(self, path: tuple, value: Any, alt: str) -> Picture | None:
        r = self.r
        if not isinstance(value, str) or not value.strip():
            r.problem(path, "expected_text" if value is not None else "empty", actual=r.type_name(value))
            return None
        name = value.strip()
        params = {"value": name, "slug": self.raw.slug}
        shape = photo_name_problem(name)
        if shape == "path":
            r.problem(path, "photo_path", **params)
            return None
        if shape == "type":
            r.problem(path, "photo_type", value=name)
            return None
        if name not in self.names and self.composed.get(unicodedata.normalize("NFC", name)):
            # macOS writes accented file names decomposed (NFD); people type them composed
            r.problem(path, "photo_name_nfd", warning=True, value=name)
            name = self.composed[unicodedata.normalize("NFC", name)]
        if name not in self.names:
            closest = closest_photo(name, self.names)
            if closest:
                key = "photo_missing_hint" if closest[0] == "case" else "photo_missing_type_hint"
                r.problem(path, key, value=name, suggestion=closest[1])
            else:
                r.problem(path, "photo_missing", **params)
            return None
        source = self.raw.photo_sources.get(name, self.raw.folder / name)
        home = self.folder if name not in self.raw.photo_sources else source.parent.resolve()
        if not resolves_inside(source, home):
            r.problem(path, "photo_outside", value=name)
            return None
        if source.is_symlink() or source.is_dir():
            r.problem(path, "photo_link" if source.is_symlink() else "photo_folder", value=name)
            return None
        if not source.is_file():
            r.problem(path, "photo_outside", value=name)
            return None
        if name not in self.infos:
            if self._past_budget(path, name, source.stat().st_size, 0):
                return None
            try:
                self.infos[name] = inspect(source, self.settings.max_photo_megabytes,
                                           self.settings.max_photo_megapixels)
            except ImageProblem as exc:
                self.infos[name] = None
                r.problem(path, exc.key, value=name, **exc.params)
                return None
            info = self.infos[name]
            if self._past_budget(path, name, 0, info.width * info.height):
                return None
            self.used["photos"] += 1
            self.used["bytes"] += source.stat().st_size
            self.used["pixels"] += info.width * info.height
            megapixels = info.width * info.height / 1e6
            if megapixels > self.settings.max_photo_megapixels:  # a JPEG, shrunk when decoded
                r.problem(path, "photo_shrunk", warning=True, value=name, megapixels=round(megapixels, 1),
                          limit=self.settings.max_photo_megapixels)
            size_mb = source.stat().st_size / 1024 / 1024
            if size_mb > self.settings.large_photo_megabytes:
                r.problem(path, "photo_large", warning=True, value=name, size=round(size_mb, 1),
                          limit=self.settings.large_photo_megabytes)
        info = self.infos[name]
        if info is None:
            return None
        stem = slugify(Path(name).stem) or "foto"
        return plan(source, info, self.raw.slug, stem, alt, self.settings.image_widths,
                    self.settings.media_url, self.settings.image_formats)

    def _past_budget(self, path: tuple, name: str, size: int, pixels: int) -> bool:
        """True (and `name` is not used) when one more photo of `size` bytes and `pixels`
        would pass a budget of the booth; checked before the photo is read any further."""
        if self.over_budget:  # the message said "and the photos after it"
            self.infos[name] = None
            return True
        s = self.settings
        checks = (
            ("booth_too_many_photos", self.used["photos"] + 1 > s.max_booth_photos, s.max_booth_photos),
            ("booth_photo_megabytes", self.used["bytes"] + size > s.max_booth_photo_megabytes * 1024 * 1024,
             s.max_booth_photo_megabytes),
            ("booth_photo_megapixels", self.used["pixels"] + pixels > s.max_booth_megapixels * 1_000_000,
             s.max_booth_megapixels),
        )
        for key, past, allowed in checks:
            if past:
                self.infos[name] = None
                self.over_budget = True
                self.r.problem(path, key, value=name, limit=allowed)
                return True
        return False
