"""The cart and the light product page in a real browser, on the demo built by the session
(fixtures from test_site.py: Debian's chromium, requests outside 127.0.0.1 aborted)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from test_site import browser, project, site, sync_api, visit  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def _booths_with_whatsapp(project, count: int) -> list[tuple[str, dict]]:
    found = []
    for folder in sorted((project / "exhibitors").iterdir()):
        data = yaml.safe_load((folder / "exhibitor.yml").read_text(encoding="utf-8"))
        if data.get("whatsapp"):
            found.append((folder.name, data))
    return found[:count]


def test_the_cart_sends_one_whatsapp_message_per_exhibitor(project, visit):
    (first, _), (second, _) = _booths_with_whatsapp(project, 2)
    one = visit()
    page = one.open(f"/booth/{first}/")
    for booth, clicks in ((first, 2), (second, 1)):
        page = one.open(f"/booth/{booth}/")
        page.locator(".product-card a").first.click()
        page.wait_for_load_state("load")
        for _ in range(clicks):
            page.locator("[data-cart-add]").click()
    assert page.locator("[data-cart-count]").first.text_content() == "(3)"
    page = one.open("/keranjang/")
    page.locator(".cart-item input[type=text]").first.fill("warna biru")
    page.locator(".cart-item input[type=text]").first.dispatch_event("change")
    links = page.locator(".cart-booth a.whatsapp")
    assert links.count() == 2
    messages = []
    for i in range(2):
        url = urlsplit(links.nth(i).get_attribute("href"))
        assert url.netloc == "wa.me" and url.path.strip("/").isdigit()
        messages.append(parse_qs(url.query)["text"][0])
    assert messages[0].startswith("Halo ") and "- 2 × " in messages[0] and "Catatan: warna biru" in messages[0]
    assert "- 1 × " in messages[1]
    codes = [re.search(r"Kode pesanan: (\S+)", m).group(1) for m in messages]
    assert all(re.fullmatch(r"UVO26-[2-9A-HJ-NP-Z]{3,}-[0-9A-F]{4}", c) for c in codes) and codes[0] != codes[1]
    page = one.open("/en/keranjang/")  # the same cart, in English
    english = parse_qs(urlsplit(page.locator(".cart-booth a.whatsapp").first.get_attribute("href")).query)["text"][0]
    assert english.startswith("Hello ") and "Note: warna biru" in english and codes[0] in english
    # photos still loading when the test moves on are aborted, which is fine; no missing file is
    assert one.errors == [] and [f for f in one.local_failures() if "(HTTP " in f] == []


def test_a_product_page_on_a_phone_loads_only_the_photo_on_screen(project, visit):
    """Several photos and other products below: only the first photo is fetched at first."""
    page_file = next(p for p in sorted((project / "output" / "booth").glob("*/*/index.html"))
                     if "gallery swipe" in p.read_text(encoding="utf-8") and 'id="lainnya"' in p.read_text(encoding="utf-8"))
    one = visit()
    one.open("/" + page_file.parent.relative_to(project / "output").as_posix() + "/")
    one.page.wait_for_load_state("networkidle")
    assert len([u for u in one.requests if "/media/" in u]) == 1
    one.page.mouse.wheel(0, 4000)
    one.page.wait_for_timeout(500)
    assert len([u for u in one.requests if "/media/" in u]) > 1  # the rest come when scrolled to
