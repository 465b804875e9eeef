"""Order analytics in a real browser, offline: each provider's script address is answered by a
stand-in that records what our pages call (Plausible's plausible(), Umami's umami.track(),
GoatCounter's goatcounter.count()); every other request outside 127.0.0.1 is aborted. And the
demo, without analytics, asks nothing of anyone but itself while a visitor orders."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlsplit

import pytest

from expo.cli.build import build
from sitekit import make_project
from test_analytics import SETTINGS
from test_site import PHONE, _QuietHandler, browser, project, site, sync_api, visit  # noqa: F401

pytestmark = pytest.mark.browser

# Stand-ins for the providers' scripts: the same global function, recording its arguments.
STAND_INS = {
    "plausible": """window.__site = document.currentScript.getAttribute('data-domain');
        var queued = (window.plausible && window.plausible.q) || [];
        window.plausible = function () { (window.__calls = window.__calls || []).push([].slice.call(arguments)); };
        queued.forEach(function (call) { window.plausible.apply(null, call); });""",
    "umami": """window.__site = document.currentScript.getAttribute('data-website-id');
        window.umami = {track: function () { (window.__calls = window.__calls || []).push([].slice.call(arguments)); }};""",
    "goatcounter": """window.__site = document.currentScript.getAttribute('data-goatcounter');
        window.goatcounter = {count: function () { (window.__calls = window.__calls || []).push([].slice.call(arguments)); }};""",
}
PRODUCT = "/booth/batik-sari/selendang-sutra/"


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def analytics_site(request, sync_api, tmp_path_factory):  # noqa: F811 (fixture)
    provider = request.param
    root = make_project(tmp_path_factory.mktemp(f"browser-{provider}") / "p",
                        extra_settings=f"EXPO_ANALYTICS = {SETTINGS[provider]!r}\n")
    build(root)
    handler = functools.partial(_QuietHandler, directory=str(root / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield provider, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _expected(provider: str, channel: str, product: str, code: str = "") -> list:
    name = f"cart/{code}" if code else f"{channel}/batik-sari"
    props = {"offer": name, "booth": "batik-sari", "channel": channel, "product": product, **({"code": code} if code else {})}
    return {"plausible": ["Penawaran", {"props": props}], "umami": [name, props],
            "goatcounter": [{"path": name, "title": product, "event": True}]}[provider]


def test_whatsapp_marketplace_and_cart_presses_reach_the_provider(analytics_site, browser):  # noqa: F811
    provider, base = analytics_site
    context = browser.new_context(viewport=PHONE)
    outside: list[str] = []

    def elsewhere(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", elsewhere)
    script = SETTINGS[provider]["script"]
    context.route(script, lambda route: route.fulfill(status=200, content_type="text/javascript",
                                                      body=STAND_INS[provider]))
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + PRODUCT, wait_until="load")
        assert page.evaluate("window.__site") == SETTINGS[provider]["site"]
        for selector in ("a.button.whatsapp", "a.shop-shopee"):
            with context.expect_page() as opened:  # the button opens WhatsApp or the shop in a new tab
                page.locator(selector).first.click()
            opened.value.close()
        calls = page.evaluate("window.__calls")
        assert calls == [_expected(provider, "whatsapp", "selendang-sutra"),
                         _expected(provider, "shopee", "selendang-sutra")]
        page.locator("[data-cart-add]").click()
        page.goto(base + "/keranjang/", wait_until="load")
        send = page.locator(".cart-booth a.whatsapp")
        code = re.search(r"Kode%20pesanan%3A%20([A-Z0-9-]+)", send.get_attribute("href")).group(1)
        assert re.fullmatch(r"UVO26-[2-9A-HJ-NP-Z]{3,}-[0-9A-F]{4}", code)
        with context.expect_page() as opened:
            send.click()
        opened.value.close()
        assert page.evaluate("window.__calls") == [_expected(provider, "cart", "selendang-sutra", code)]
        # nothing but the provider's script left the site (the wa.me and shop tabs were aborted)
        assert [u for u in outside if not u.startswith(("https://wa.me/", "https://shopee.co.id/"))] == []
        assert errors == []
    finally:
        context.close()


def test_without_analytics_ordering_asks_nothing_of_anyone_else(project, visit):  # noqa: F811
    """The demo (analytics off): a product page, its WhatsApp and shop buttons and the cart's send
    button make no request outside the site and define no event function."""
    one = visit()
    path = next(p for p in sorted((project / "output" / "booth").glob("*/*/index.html"))
                if "shop-" in p.read_text(encoding="utf-8") and "data-cart-add" in p.read_text(encoding="utf-8"))
    page = one.open("/" + path.parent.relative_to(project / "output").as_posix() + "/")
    page.wait_for_load_state("networkidle")
    for selector in ("a.button.whatsapp", "a.button.shop"):
        with one.context.expect_page() as opened:
            page.locator(selector).first.click()
        opened.value.close()
    page.locator("[data-cart-add]").click()
    page = one.open("/keranjang/")
    with one.context.expect_page() as opened:
        page.locator(".cart-booth a.whatsapp").first.click()
    opened.value.close()
    page.wait_for_load_state("networkidle")
    assert one.requests and [u for u in one.requests if urlsplit(u).hostname != "127.0.0.1"] == []
    assert page.evaluate("typeof window.expoOffer + typeof window.plausible + typeof window.umami") == \
        "undefinedundefinedundefined"
    assert one.errors == []
