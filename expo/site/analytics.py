"""Order analytics, privacy-first and off by default (EXPO_ANALYTICS): the check of the setting,
the provider's script tag, and the name every order event gets (pure).

Three cookieless providers an organiser can run on its own server: Umami, GoatCounter and
Plausible (self-hosted or plausible.io). With the setting on, every page loads the provider's
script and theme/static/js/analytics.js, which sends one event per press of a WhatsApp, cart or
marketplace button. With it off (the default) pages carry no script, no data attribute and no
request to anyone but the site itself.

How each provider loads and takes events, from its own documentation:
- Plausible: `<script defer data-domain="..." src=".../js/script.js">` and
  `plausible('Event', {props: {...}})` (https://plausible.io/docs/custom-event-goals,
  https://plausible.io/docs/custom-props/for-custom-events).
- Umami: `<script defer src=".../script.js" data-website-id="...">` and
  `umami.track(name, data)` (https://umami.is/docs/tracker-functions,
  https://umami.is/docs/tracker-configuration for data-do-not-track).
- GoatCounter: `<script data-goatcounter="https://CODE.goatcounter.com/count" async
  src="//gc.zgo.at/count.js">` and `goatcounter.count({path, title, event: true})`, where the
  path doubles as the event name and cannot start with "/" (https://www.goatcounter.com/help/js,
  https://www.goatcounter.com/help/events).

Every event has one name that says the channel and the booth: "whatsapp/batik-sari",
"shopee/batik-sari", and for a cart message "cart/UVO26-K7Q-3F2A" (the order code names the
booth). analytics.js makes it; it is Umami's event name, GoatCounter's path and Plausible's
`offer` property, because that is what each provider's export keeps (expo/reports/orders.py
reads it back). Booth, product, channel and order code also go along as properties where the
provider takes them (Plausible, Umami), for its dashboard.
"""

from __future__ import annotations

import re
from typing import Mapping
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from expo.values.shops import MARKETPLACES

ANALYTICS_SCRIPT = "js/analytics.js"  # ours, under theme/static/; published only with analytics on
PROVIDERS = ("umami", "goatcounter", "plausible")  # self-hostable ones first
KEYS = ("provider", "script", "site")
PLAUSIBLE_EVENT = "Penawaran"  # Plausible's one goal: the offer ("penawaran") UVO counted
CART = "cart"
WHATSAPP = "whatsapp"
CHANNELS = (WHATSAPP, CART, *MARKETPLACES)

_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# What each provider calls its site, with an example, Indonesian / English.
_SITE_HELP = {
    "plausible": ("domain situs seperti yang didaftarkan di Plausible", "the site's domain as added in Plausible",
                  '"expo.example.go.id"'),
    "umami": ("Website ID dari Umami (Settings > Websites)", "the Website ID from Umami (Settings > Websites)",
              '"b59e9c65-ae32-47f1-8400-119fcf4861c4"'),
    "goatcounter": ("alamat penghitung GoatCounter", "the GoatCounter count address",
                    '"https://stats.example.go.id/count" atau (or) "https://kode.goatcounter.com/count"'),
}


def _https_url(value: str) -> bool:
    """An https address with a host and nothing a tag attribute could trip on."""
    if not value.startswith("https://") or re.search(r"[\s\"'<>\\]", value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return False
    return bool(parts.hostname) and parts.username is None


def analytics_mistakes(analytics: Mapping[str, str]) -> list[str]:
    """Every mistake in EXPO_ANALYTICS, Indonesian first; none for {} (off)."""
    if not analytics:
        return []
    mistakes = []
    unknown = sorted(set(analytics) - set(KEYS))
    if unknown:
        mistakes.append(f'EXPO_ANALYTICS: kunci "{unknown[0]}" tidak dikenal; yang ada: provider, script, site '
                        f'(unknown key "{unknown[0]}"; the keys are provider, script, site).')
    provider = analytics.get("provider", "")
    if provider not in PROVIDERS:
        mistakes.append(f'EXPO_ANALYTICS "provider" harus salah satu dari {", ".join(PROVIDERS)}, bukan '
                        f'"{provider}" (must be one of {", ".join(PROVIDERS)}).')
    script = analytics.get("script", "")
    if not _https_url(script):
        mistakes.append('EXPO_ANALYTICS "script" harus alamat https skrip penyedia, mis. '
                        '"https://stats.example.go.id/script.js", bukan '
                        f'"{script}" (must be the https address of the provider\'s script).')
    site = analytics.get("site", "")
    if provider in PROVIDERS and not _site_ok(provider, site):
        id_, en, example = _SITE_HELP[provider]
        mistakes.append(f'EXPO_ANALYTICS "site" harus {id_}, mis. {example}, bukan "{site}" (must be {en}).')
    return mistakes


def _site_ok(provider: str, site: str) -> bool:
    if provider == "plausible":
        return bool(_HOST.match(site))
    if provider == "umami":
        return bool(_UUID.match(site))
    return _https_url(site)


def script_tag(analytics: Mapping[str, str], own_script: str) -> Markup:
    """The provider's script, deferred, and ours after it; '' when analytics is off. Our script
    names the provider (data-provider) so it knows which function to call."""
    if not analytics:
        return Markup("")
    provider, src, site = analytics["provider"], analytics["script"], analytics["site"]
    attribute = {"plausible": "data-domain", "umami": "data-website-id", "goatcounter": "data-goatcounter"}[provider]
    extra = ' data-do-not-track="true"' if provider == "umami" else ""  # Umami can honour Do Not Track
    return Markup(f'<script defer src="{escape(src)}" {attribute}="{escape(site)}"{extra}></script>\n'
                  f'<script defer src="{escape(own_script)}" data-provider="{escape(provider)}"></script>')

