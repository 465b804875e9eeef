"""The exhibitor.yml contract: raw document -> `Exhibitor`, with every problem collected.

The design sketch put parsing inside models.py; it lives here so models.py stays a short list
of types that template authors can read, and the rules stay in one place.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from expo.content.contract import (
    CREDENTIALS,
    EXHIBITOR,
    EXHIBITOR_FIELDS,
    MAX_PRICE,
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
from expo.content.errors import ContentError
from expo.content.fields import FieldReader
from expo.images.pipeline import ImageInfo, ImageProblem, Picture, inspect, photo_name_problem, plan
from expo.content.loader import RawExhibitor
from expo.content.markup import render_markdown
from expo.content.models import Contact, Exhibitor, Product, ShopLink
from expo.pr.ownership import normalize_login
from expo.values.phones import OrderInputError, parse_whatsapp
from expo.values.prices import format_price
from expo.site.orders import order_message, whatsapp_link
from expo.values.shops import recognise_marketplace
from expo.settings import ExpoSettings
from expo.site.routes import fill
from expo.values.urls import host_under, split_http_url
from expo.values.slugs import slugify
from expo.values.video import Video, VideoError, parse_video
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


@dataclass(frozen=True)
class ParseContext:
    settings: ExpoSettings
    siteurl: str  # absolute site address for order messages; '' when previewing locally

    def absolute(self, url: str) -> str:
        return f"{self.siteurl.rstrip('/')}/{url}" if self.siteurl else ""


def parse_exhibitor(raw: RawExhibitor, ctx: ParseContext, problems: list[ContentError]) -> Exhibitor | None:
    """Every rule of the contract; returns None if this exhibitor has any error."""
    before = sum(p.is_error for p in problems)
    problems.extend(raw.problems)
    if raw.document is None:
        return None
    if not isinstance(raw.document.data, dict):
        problems.append(ContentError(raw.yml_path, 1, "", "yaml_not_mapping"))
        return None
    r = FieldReader(raw.document, raw.yml_path, problems, ctx.settings.lang)
    settings = ctx.settings
    r.check_keys((), EXHIBITOR_FIELDS)

    name = r.text(("name",), required=True, max_length=limit(EXHIBITOR, "name"))
    tagline = r.text(("tagline",), max_length=limit(EXHIBITOR, "tagline"))
    category = _category(r, settings)
    city = r.text(("city",), required=True, max_length=limit(EXHIBITOR, "city"))
    if city and not slugify(city):
        r.problem(("city",), "no_slug", value=city)
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
    credentials = _credentials(r, dict(settings.credential_checkers))
    joined = r.date(("joined",))
    booth_url = fill(settings.booth_url, slug=raw.slug)
    products = _products(r, raw, ctx, photos, name or raw.slug, whatsapp)
    if settings.recommend_video and not r.has(("video",)) and not any(p.video for p in products):
        r.problem(("name",), "video_recommended", warning=True)
    about = {lang: render_markdown(text) for lang, text in raw.about.items()}

    if sum(p.is_error for p in problems) > before:
        return None
    booth_message = order_message(settings.whatsapp_message_booth, booth=name, expo=settings.name,
                                  url=ctx.absolute(booth_url))
    return Exhibitor(
        slug=raw.slug, name=name, tagline=tagline, category=category,
        category_label=settings.categories[category], category_url=fill(settings.category_url, slug=category),
        city=city, city_slug=slugify(city), city_url=fill(settings.city_url, slug=slugify(city)),
        address=address, owners=owners, whatsapp=whatsapp,
        order_url=whatsapp_link(whatsapp.digits, booth_message) if whatsapp else None,
        contacts=contacts, marketplaces=marketplaces, video=video, logo=logo, cover=cover,
        credentials=credentials, products=products, about=about.get("id", Markup("")),
        about_en=about.get("en", Markup("")), joined=joined, url=booth_url,
    )


def _category(r: FieldReader, settings: ExpoSettings) -> str | None:
    value = r.text(("category",), required=True, max_length=limit(EXHIBITOR, "category"))
    if value is None:
        return None
    key = value.lower()
    if key in settings.categories:
        return key
    import difflib

    choices = ", ".join(settings.categories)
    guess = difflib.get_close_matches(key, list(settings.categories), n=1, cutoff=0.75)
    if guess:
        r.problem(("category",), "category_unknown_hint", value=value, suggestion=guess[0], choices=choices)
    else:
        r.problem(("category",), "category_unknown", value=value, choices=choices)
    return None


def _owners(r: FieldReader) -> tuple[str, ...]:
    """GitHub logins as typed (a login may be all digits, which YAML reads as a number); the
    same rule check-pr and CODEOWNERS apply, so a login that validates also owns the folder."""
    owners = []
    for path, value in r.items(("owners",), required=True, max_items=limit(EXHIBITOR, "owners")):
        text = r.written(path) if isinstance(value, int) and not isinstance(value, bool) else value
        if normalize_login(text) is None:
            r.problem(path, "owner_invalid", value=text)
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
            label = url.split("://", 1)[1].removeprefix("www.").rstrip("/")
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


def _price(r: FieldReader, path: tuple) -> int | None:
    value = r.get(path)
    if value is None:
        return None
    # bool is an int in Python; a float is what YAML makes of "150.000" (= 150.0): both typos
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PRICE:
        r.problem(path, "price_invalid", value=r.written(path))  # "150.000", not 150.0
        return None
    return value


def _products(r: FieldReader, raw: RawExhibitor, ctx: ParseContext, photos: "_PhotoFinder",
              booth_name: str, whatsapp) -> tuple[Product, ...]:
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
        name = r.text(path + ("name",), required=True, max_length=limit(PRODUCT, "name"))
        slug = slugify(name) if name else None
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
        price = _price(r, path + ("price",))
        price_max = _price(r, path + ("price_max",))
        if price_max is not None and price is None and not r.has(path + ("price",)):
            r.problem(path + ("price_max",), "price_max_without_price")
        elif price is not None and price_max is not None and price_max < price:
            r.problem(path + ("price_max",), "price_max_below", price=price, price_max=price_max)
        pictures = [photos.picture(p, v, name or "") for p, v in r.items(path + ("photos",), required=True, max_items=limit(PRODUCT, "photos"))]
        description = r.text(path + ("description",), max_length=limit(PRODUCT, "description"), one_line=False)
        links = _shop_links(r, path + ("links",))
        video = _video(r, path + ("video",))
        if r.error_count() > errors_before:
            continue
        url = fill(settings.product_url, booth=raw.slug, slug=slug)
        price_text = format_price(price, price_max)
        order_url = None
        if whatsapp:
            message = order_message(settings.whatsapp_message, product=name, booth=booth_name,
                                    price=price_text or "mohon info harganya", expo=settings.name,
                                    url=ctx.absolute(url))
            order_url = whatsapp_link(whatsapp.digits, message)
        products.append(Product(
            slug=slug, name=name, booth_slug=raw.slug, booth_name=booth_name, url=url,
            price=price, price_max=price_max, price_text=price_text, photos=tuple(pictures),
            description=render_markdown(description) if description else Markup(""),
            links=links, video=video, order_url=order_url, line=line,
        ))
    return tuple(products)


class _PhotoFinder:
    """Resolves photo names inside one exhibitor folder; inspects each file once."""

    def __init__(self, raw: RawExhibitor, r: FieldReader, settings: ExpoSettings):
        self.raw = raw
        self.r = r
        self.settings = settings
        self.folder = raw.folder.resolve()
        self.names = frozenset(p.name for p in raw.folder.iterdir())  # listed once per booth
        self.infos: dict[str, ImageInfo | None] = {}

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
        if name not in self.names:
            same = sorted(n for n in self.names if n.lower() == name.lower())
            if same:
                r.problem(path, "photo_missing_hint", value=name, suggestion=same[0])
            else:
                r.problem(path, "photo_missing", **params)
            return None
        # `name` is a plain file name (checked above) in the resolved folder, so only a symlink
        # could lead elsewhere (e.g. to a server secret): one lstat, no resolve() per photo.
        source = self.folder / name
        if not _is_regular_file(source):
            r.problem(path, "photo_outside", value=name)
            return None
        if name not in self.infos:
            try:
                self.infos[name] = inspect(source, self.settings.max_photo_megabytes,
                                           self.settings.max_photo_megapixels)
            except ImageProblem as exc:
                self.infos[name] = None
                r.problem(path, exc.key, value=name, **exc.params)
                return None
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


def _is_regular_file(path: Path) -> bool:
    """A file itself, not a symlink, a folder or a device."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
