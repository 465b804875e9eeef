"""schema.org data beyond Product (structured.py): the expo as an ExhibitionEvent, booths as
LocalBusiness, breadcrumbs, listings as ItemList (pure).

No VideoObject: search engines require its uploadDate, and exhibitors give a YouTube or Vimeo
link without one; a guessed date would be false data.

Only for a published site: every address in them must be absolute. Each builder returns the
data as a dict (tests check the properties search engines require) and the templates put it in
a <script type="application/ld+json"> through `jsonld`, which escapes it.
"""

from __future__ import annotations

from typing import Iterable

from markupsafe import Markup

from expo.content.models import Exhibitor
from expo.values.editions import Edition
from expo.site.routes import Routes
from expo.site.structured import script_json
from expo.values.addresses import full_address

CONTEXT = "https://schema.org"
JAKARTA = "+07:00"  # the expo's dates are days in Western Indonesian Time


def jsonld(data: dict | None) -> Markup:
    """A whole <script> element, or nothing when there is no data."""
    if not data:
        return Markup("")
    return Markup('<script type="application/ld+json">') + script_json(data) + Markup("</script>")


def event(routes: Routes) -> dict | None:
    """The expo, online or hybrid (EXPO_VENUE); None until the organiser sets its ISO dates."""
    expo = routes.expo
    if not (routes.siteurl and expo.start_date and expo.end_date):
        return None
    return _exhibition(routes, routes.text.expo_name, routes.home(), expo.start_date, expo.end_date,
                       routes.text.expo_dates or routes.text.expo_name)


def edition_event(edition: Edition, routes: Routes) -> dict | None:
    """One edition of the expo (EXPO_EDITIONS) as an ExhibitionEvent, at its landing page."""
    if not routes.siteurl:
        return None
    t = routes.text
    data = _exhibition(routes, t.edition_name(edition), routes.edition(edition.key),
                       edition.start_date.isoformat(), edition.end_date.isoformat(),
                       t.edition_theme(edition) or t.edition_dates(edition))
    data["superEvent"] = {"@type": "ExhibitionEvent", "name": t.expo_name, "url": routes.absolute(routes.home())}
    return data


def _exhibition(routes: Routes, name: str, url: str, start: str, end: str, description: str) -> dict:
    expo = routes.expo
    online = {"@type": "VirtualLocation", "url": routes.absolute(url)}
    data = {
        "@context": CONTEXT,
        "@type": "ExhibitionEvent",
        "name": name,
        "url": routes.absolute(url),
        # whole days: the settings give days, not opening hours (an online booth never closes)
        "startDate": f"{start}T00:00:00{JAKARTA}",
        "endDate": f"{end}T23:59:59{JAKARTA}",
        "eventStatus": "https://schema.org/EventScheduled",
        "image": [routes.absolute(routes.share_image())],
        "description": description,
    }
    if expo.venue:
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
        data["location"] = [{"@type": "Place", "name": expo.venue,
                             "address": {"@type": "PostalAddress", "streetAddress": expo.venue,
                                         "addressCountry": "ID"}}, online]
    else:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = online
    if routes.text.expo_organiser:
        data["organizer"] = {"@type": "Organization", "name": routes.text.expo_organiser,
                             "url": routes.absolute(routes.home())}
    return data


def booth(exhibitor: Exhibitor, routes: Routes) -> dict | None:
    """A booth as a LocalBusiness: its address and city, phone, and its marketplace shops."""
    if not routes.siteurl:
        return None
    data: dict = {
        "@context": CONTEXT,
        "@type": "LocalBusiness",
        "name": exhibitor.name,
        "url": routes.absolute(routes.booth(exhibitor)),
        "image": routes.absolute(exhibitor.photo.largest.url),
        "address": {"@type": "PostalAddress", "addressLocality": exhibitor.city, "addressCountry": "ID"},
    }
    if exhibitor.address:
        data["address"]["streetAddress"] = full_address(exhibitor.address, exhibitor.city)
    tagline = routes.text.tagline(exhibitor)
    if tagline:
        data["description"] = tagline
    if exhibitor.whatsapp:
        data["telephone"] = f"+{exhibitor.whatsapp.digits}"
    same_as = [link.url for link in exhibitor.marketplaces] + \
        [c.url for c in exhibitor.contacts if c.kind in ("website", "instagram", "facebook", "tiktok")]
    if same_as:
        data["sameAs"] = same_as
    return data


def breadcrumbs(crumbs: Iterable[tuple[str, str]], title: str, page_url: str, routes: Routes) -> dict | None:
    """The page's trail (the crumbs the page shows, then the page itself)."""
    trail = list(crumbs) + [(title, page_url)]
    if not routes.siteurl or len(trail) < 2:
        return None
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": i, "name": name, "item": routes.absolute(url)}
                            for i, (name, url) in enumerate(trail, 1)],
    }


def item_list(booths: Iterable[Exhibitor], routes: Routes) -> dict | None:
    """A listing (category, city, directory page): the addresses of the booths on it, in order."""
    urls = [routes.booth(e) for e in booths]
    if not routes.siteurl or not urls:
        return None
    return {
        "@context": CONTEXT,
        "@type": "ItemList",
        "itemListElement": [{"@type": "ListItem", "position": i, "url": routes.absolute(url)}
                            for i, url in enumerate(urls, 1)],
    }

