"""Marketplace recognition: which shop a URL belongs to, by registered domain (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from expo.values.urls import host_under, split_http_url


@dataclass(frozen=True)
class Marketplace:
    key: str  # 'tokopedia', 'shopee', ..., 'other'
    label: str  # button text
    warning: str | None  # e.g. 'bukalapak_no_goods'


OTHER = Marketplace("other", "Toko online", None)
TIKTOK_SHOP = Marketplace("tiktokshop", "TikTok Shop", None)

# Registered domains; a host matches a domain itself or any subdomain of it.
_BY_DOMAIN: tuple[tuple[tuple[str, ...], Marketplace], ...] = (
    # TikTok Shop Indonesia is run by PT Tokopedia since 2024; the TikTok app's share button
    # for a shop or product writes vt.tokopedia.com links, which open TikTok Shop.
    (("vt.tokopedia.com",), TIKTOK_SHOP),
    # tokopedia.link and tk.tokopedia.com are Tokopedia's share links.
    (("tokopedia.com", "tokopedia.link"), Marketplace("tokopedia", "Tokopedia", None)),
    # shp.ee / id.shp.ee and the older shope.ee are Shopee's share links.
    (("shopee.co.id", "shopee.com", "shp.ee", "shope.ee"), Marketplace("shopee", "Shopee", None)),
    (("lazada.co.id", "lazada.com"), Marketplace("lazada", "Lazada", None)),
    (("blibli.com",), Marketplace("blibli", "Blibli", None)),
    # Bukalapak stopped selling physical goods in 2025: the caller warns.
    (("bukalapak.com",), Marketplace("bukalapak", "Bukalapak", "bukalapak_no_goods")),
    (("shop.tiktok.com",), TIKTOK_SHOP),
)
_TIKTOK_HOSTS = frozenset({"tiktok.com", "www.tiktok.com", "m.tiktok.com"})
# Only product pages count on tiktok.com itself: a '/@user' profile is not a shop.
_TIKTOK_SHOP_PATHS = ("/view/product/", "/shop/")


def _host_and_path(url: str) -> tuple[str, str] | None:
    """Lower-case host and path of an http(s) or scheme-less URL, else None."""
    split = split_http_url(url)
    return (split[1], split[0].path) if split and split[1] else None


def recognise_marketplace(url: str) -> Marketplace:
    """Name the marketplace behind a shop URL, or ``OTHER``.

    Recognition only: non-http(s) URLs give ``OTHER`` here, and the model
    layer must still reject them.
    """
    found = _host_and_path(url) if isinstance(url, str) else None
    if found is None:
        return OTHER
    host, path = found
    for domains, marketplace in _BY_DOMAIN:
        if any(host_under(host, d) for d in domains):
            return marketplace
    # vt.tiktok.com is the app's share short link. It can also point at a plain
    # video; we cannot tell without following it (no network), so it counts.
    if host == "vt.tiktok.com":
        return TIKTOK_SHOP
    if host in _TIKTOK_HOSTS and path.lower().startswith(_TIKTOK_SHOP_PATHS):
        return TIKTOK_SHOP
    return OTHER


# Every marketplace a shop button can be for (key -> label), 'other' last: the channels of order
# analytics (expo/site/analytics.py) and of `invoke stats --orders`.
MARKETPLACES = {**{m.key: m.label for _domains, m in _BY_DOMAIN}, OTHER.key: OTHER.label}
