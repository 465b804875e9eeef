"""The WhatsApp cart: the data the build gives cart.js, its message building (tests/js/, run with
node) and the cart page, in both languages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from expo.cli.build import build
from expo.site.cart import CODE_ALPHABET, booth_codes
from expo.site.orders import order_message
from htmlkit import Page
from sitekit import REPO, make_project

CART_JS = REPO / "theme" / "static" / "js" / "cart.js"


def node() -> str:
    """The node binary; CI must have it (a skipped JS test there would hide a broken cart)."""
    found = shutil.which("node")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is needed for the cart's JavaScript tests (apt install nodejs)")
        pytest.skip("node is not installed")
    return found


def test_the_cart_javascript_tests_pass():
    result = subprocess.run([node(), "--test", str(REPO / "tests" / "js")], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout


TEMPLATE_CASES = [
    ("Halo {booth}, saya mau pesan {product} ({price}) dari {expo}. {url}",
     {"booth": "Batik Sari", "product": "Kain", "price": "", "expo": "Expo", "url": ""}),
    ("Halo {booth},\r\n\r\n\r\n\r\n{items}\n  Total:   {total}  \n{unknown} {code}",
     {"booth": "Keripik", "items": "- 1 × A", "total": "Rp1.000", "code": "UVO26-ABC-1234"}),
    ("{booth} ( {price} ) {expo}", {"booth": "B {expo}", "price": None, "expo": "X"}),  # one pass
]


def test_the_javascript_fills_templates_with_the_server_rule():
    script = ("const {fill} = require(process.argv[1]);"
              "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(cases.map(([t, f]) => fill(t, f))));")
    cases = TEMPLATE_CASES
    result = subprocess.run([node(), "-e", script, str(CART_JS)], input=json.dumps(cases), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [order_message(t, **f) for t, f in cases]


def test_booth_codes_are_short_unique_and_stable():
    slugs = tuple(f"booth-{i}" for i in range(3000))
    codes = booth_codes(slugs)
    assert len(set(codes.values())) == len(slugs)
    assert all(set(code) <= set(CODE_ALPHABET) and 3 <= len(code) <= 5 for code in codes.values())
    assert sum(len(code) == 3 for code in codes.values()) > 2000  # most keep three letters
    # a booth that joins later does not change the codes of the others unless it clashes
    fewer = booth_codes(slugs[:100])
    assert sum(fewer[s] != codes[s] for s in slugs[:100]) < 10


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("cart") / "p", extra_settings='EXPO_ORDER_CODE_PREFIX = "UVO26"\n')
    build(root)
    return root / "output"


def cart_data(page: Page, id_: str) -> dict:
    [script] = [e for e in page.elements if e.tag == "script" and e.attrs.get("id") == id_]
    assert script.attrs["type"] == "application/json"
    return json.loads(script.text)


def test_a_product_page_gives_the_cart_its_product(site):
    page = Page(site / "booth/batik-sari/selendang-sutra/index.html", site)
    data = cart_data(page, "cart-product")
    assert data == {"id": "batik-sari/selendang-sutra", "booth": "batik-sari", "boothName": "Batik Sari",
                    "boothCode": booth_codes(("batik-sari", "keripik-bu-sri"))["batik-sari"],
                    "wa": "6281222334455", "name": {"id": "Selendang Sutra", "en": "Selendang Sutra"},
                    "price": 150000, "priceText": "Rp150.000", "path": "booth/batik-sari/selendang-sutra/"}
    button = page.find("button", class_="cart-add")
    assert "hidden" in button.attrs  # until cart.js runs: no dead button without JavaScript
    ranged = cart_data(Page(site / "en/booth/batik-sari/kain-batik-tulis-parang/index.html", site), "cart-product")
    assert ranged["price"] is None and ranged["priceText"] == "Rp850.000 – Rp1.200.000"
    assert ranged["path"] == "booth/batik-sari/kain-batik-tulis-parang/"  # the cart page adds its language


def test_a_booth_without_whatsapp_offers_no_cart(site):
    page = Page(site / "booth/keripik-bu-sri/keripik-tempe/index.html", site)
    assert not [e for e in page.elements if e.attrs.get("id") == "cart-product"]
    assert page.find_all("button", class_="cart-add") == []


def test_the_cart_page_carries_its_language_templates(site):
    indonesian = cart_data(Page(site / "keranjang/index.html", site), "cart-text")
    english = cart_data(Page(site / "en/keranjang/index.html", site), "cart-text")
    assert indonesian["codePrefix"] == english["codePrefix"] == "UVO26"
    assert indonesian["message"].startswith("Halo {booth}") and english["message"].startswith("Hello {booth}")
    assert (indonesian["prefix"], english["prefix"]) == ("", "en/")
    assert english["expo"] == "Central Java Virtual UMKM Expo 2026"
    assert english["note"] == "  Note: {note}" and english["ask"] == "please tell me the price"
    page = Page(site / "keranjang/index.html", site)
    assert [m.attrs["content"] for m in page.find_all("meta", name="robots")] == ["noindex"]


def test_cart_text_cannot_close_its_script(tmp_path):
    evil = "</script><script>alert(1)</script>"
    root = make_project(tmp_path / "p", extra_settings=f'EXPO_NAME = "{evil}"\n')
    build(root)
    page = Page(root / "output/keranjang/index.html", root / "output")
    assert cart_data(page, "cart-text")["expo"] == evil
    assert [e.attrs.get("type") for e in page.elements if e.tag == "script"] == ["application/json", None, None]
