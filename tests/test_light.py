"""Light and accessible: what a phone downloads first, the size of our CSS and JavaScript,
contrast, alt text, the gallery's keyboard stop, booth details, and the preview server."""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from expo.cli.build import build
from expo.cli.preview import PreviewHandler
from expo.values.addresses import full_address
from htmlkit import Page
from sitekit import GOOD_YML, REPO, SECOND_YML, make_project

STATIC = REPO / "theme" / "static"
THREE_PHOTOS = GOOD_YML.replace("      - selendang.jpg\n", "      - selendang.jpg\n      - kain.jpg\n      - produk-1.jpg\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("light") / "p", {"batik-sari": THREE_PHOTOS, "keripik-bu-sri": SECOND_YML})
    build(root)
    return root / "output"


def outside_noscript(page: Page) -> list:
    """The <img> elements a browser with JavaScript sees (the <noscript> copies are for others)."""
    hidden = {id(img) for e in page.elements if e.tag == "noscript" for img in _descendants(e)}
    return [e for e in page.elements if e.tag == "img" and id(e) not in hidden]


def _descendants(element):
    for child in element.children:
        yield child
        yield from _descendants(child)


def test_a_product_page_fetches_only_its_first_photo_at_first(site):
    """Off-screen gallery photos and the "Produk lain" cards wait (data-srcset, no src) until
    they come on screen: a browser's own lazy loading fetches everything within 1250-2500 px."""
    page = Page(site / "booth/batik-sari/selendang-sutra/index.html", site)
    images = outside_noscript(page)
    fetched = [i for i in images if "src" in i.attrs and i.attrs.get("loading") != "lazy"]
    assert len(fetched) == 1 and fetched[0].attrs["fetchpriority"] == "high"
    waiting = [i for i in images if "data-defer" in i.attrs]
    assert len(waiting) == 2 + 1  # two more gallery photos, one other product
    assert all("src" not in i.attrs and "srcset" not in i.attrs and i.attrs["data-srcset"] for i in waiting)
    sources = [e for e in page.elements if e.tag == "source" and "data-srcset" in e.attrs]
    assert sources and not [s for s in sources if "srcset" in s.attrs]
    noscript = [e for e in page.elements if e.tag == "noscript"]
    assert len(noscript) == len(waiting)  # each waiting photo still shows without JavaScript


# Budgets for what pages load from the theme, compressed as a host sends it (gzip -9): the
# stylesheet under 8 KB, the cart under 4 KB, what every page runs under 5.5 KB, and the search
# page's own two scripts under 9 KB. (Until the search engine replaced Pagefind, the search page
# also fetched Pagefind's 12.5 KB script and 68.5 KB wasm before its first answer.)
BUDGETS = {"css/expo.css": 8_000, "js/cart.js": 4_000}
EVERY_PAGE_JS = ("expo.js", "cart.js", "analytics.js")
EVERY_PAGE = 5_500
SEARCH_PAGE_JS = ("search-engine.js", "search.js")
SEARCH_PAGE = 9_000


def test_css_and_javascript_stay_within_budget():
    for name, budget in BUDGETS.items():
        assert len(gzip.compress((STATIC / name).read_bytes(), 9)) <= budget, name

    def size(names):
        return sum(len(gzip.compress((STATIC / "js" / name).read_bytes(), 9)) for name in names)

    assert size(EVERY_PAGE_JS) <= EVERY_PAGE and size(SEARCH_PAGE_JS) <= SEARCH_PAGE
    assert {p.name for p in (STATIC / "js").glob("*.js")} == set(EVERY_PAGE_JS + SEARCH_PAGE_JS)  # none unbudgeted


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_whatsapp_button_meets_wcag_aa_contrast():
    css = (STATIC / "css/expo.css").read_text(encoding="utf-8")
    variables = dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", css))  # the last definition wins
    [rule] = re.findall(r"\.button\.whatsapp\s*\{([^}]*)\}", css)
    declared = dict(re.findall(r"([\w-]+):\s*([^;]+);", rule))

    def colour(value: str) -> str:
        value = value.strip()
        value = variables[value[4:-1]] if value.startswith("var(") else value
        return "#ffffff" if value.lower() in ("#fff", "white") else value

    ratio = contrast(colour(declared["background"]), colour(declared["color"]))
    assert ratio >= 4.5, f"{ratio:.2f}:1"
    assert contrast("#128c4a", "#ffffff") < 4.5  # the old green, for the record: 4.3:1


def test_cards_have_no_redundant_alt_and_gallery_photos_distinct_ones(site):
    home = Page(site / "index.html", site)
    for card in home.find_all("article", class_="card"):
        images = [e for e in _descendants(card) if e.tag == "img"]
        assert images and all(i.attrs["alt"] == "" for i in images)  # the card's heading names it
    page = Page(site / "booth/batik-sari/selendang-sutra/index.html", site)
    gallery = page.find("div", class_="gallery")
    in_gallery = {id(e) for e in _descendants(gallery)}
    alts = [i.attrs["alt"] for i in outside_noscript(page) if id(i) in in_gallery]
    assert alts == ["Selendang Sutra, foto 1 dari 3", "Selendang Sutra, foto 2 dari 3", "Selendang Sutra, foto 3 dari 3"]
    english = Page(site / "en/booth/batik-sari/selendang-sutra/index.html", site)
    assert english.find("img").attrs["alt"] == "Selendang Sutra, photo 1 of 3"
    single = Page(site / "booth/batik-sari/kain-batik-tulis-parang/index.html", site)
    assert single.find("img").attrs["alt"] == "Kain Batik Tulis Parang"


def test_the_swipe_gallery_is_one_labelled_keyboard_stop(site):
    page = Page(site / "booth/batik-sari/selendang-sutra/index.html", site)
    gallery = page.find("div", class_="gallery")
    assert (gallery.attrs["role"], gallery.attrs["tabindex"]) == ("region", "0")
    assert gallery.attrs["aria-label"] == "Foto Selendang Sutra, geser untuk melihat semua"
    assert all(e.attrs.get("aria-hidden") == "true" for e in _descendants(gallery) if e.tag == "figcaption")
    assert not [e for e in _descendants(gallery) if e.tag == "a" or "tabindex" in e.attrs]
    single = Page(site / "booth/batik-sari/kain-batik-tulis-parang/index.html", site).find("div", class_="gallery")
    assert "tabindex" not in single.attrs and "role" not in single.attrs


def test_a_booth_without_contacts_has_no_contact_heading(site):
    page = Page(site / "booth/keripik-bu-sri/index.html", site)
    assert "Kontak" not in [" ".join(h.text.split()) for h in page.find_all("h2")]
    assert page.find_all("section", class_="contact") == []


@pytest.mark.parametrize("address, city, shown", [
    ("Jl. Hayam Wuruk 12", "Kota Pekalongan", "Jl. Hayam Wuruk 12, Kota Pekalongan"),
    ("Jl. Hayam Wuruk 12, Kota Pekalongan 51113", "Kota Pekalongan", "Jl. Hayam Wuruk 12, Kota Pekalongan 51113"),
    ("Jl. Merdeka 5, Pekalongan", "Kota Pekalongan", "Jl. Merdeka 5, Pekalongan"),
    ("Jl. Pekalongan Baru 3", "Kota Pekalongan", "Jl. Pekalongan Baru 3, Kota Pekalongan"),
    ("Pesindon, Pekalongan Barat, Kota Pekalongan", "Kabupaten Pekalongan",
     "Pesindon, Pekalongan Barat, Kota Pekalongan, Kabupaten Pekalongan"),
])
def test_the_city_is_not_repeated_after_an_address_that_names_it(address, city, shown):
    assert full_address(address, city) == shown


def test_a_booth_page_shows_the_city_once(tmp_path):
    yml = GOOD_YML.replace("address: Jl. Hayam Wuruk 12", "address: Jl. Hayam Wuruk 12, Kota Pekalongan 51113")
    root = make_project(tmp_path / "p", {"batik-sari": yml})
    build(root)
    page = Page(root / "output/booth/batik-sari/index.html", root / "output")
    [address] = [e for e in page.find("section", class_="contact").children[1].children if e.tag == "dd"][-1:]
    assert address.text == "Jl. Hayam Wuruk 12, Kota Pekalongan 51113"


@pytest.fixture
def preview(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: PreviewHandler(*a, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_the_preview_server_shows_the_sites_own_404_page(preview, site):
    status, body = fetch(preview + "/booth/tidak-ada/")
    assert status == 404 and body == (site / "404.html").read_text(encoding="utf-8")
    status, body = fetch(preview + "/en/booth/nope/")
    assert status == 404 and body == (site / "en/404.html").read_text(encoding="utf-8")
    assert fetch(preview + "/favicon.ico")[0] == 200 and fetch(preview + "/")[0] == 200


def test_serve_lan_listens_on_every_interface_and_prints_the_address(tmp_path):
    root = make_project(tmp_path / "p")
    (root / "tasks.py").write_text((REPO / "tasks.py").read_text(encoding="utf-8"), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-m", "invoke", "serve", "--lan", "--port", str(port)], cwd=root,
                              stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        lines = []
        for line in server.stderr:
            lines.append(line)
            if "Wi-Fi" in line or "no local network" in line:
                break
        assert any(line.startswith(f"Buka / open http://localhost:{port}/") for line in lines), lines
        lan = lines[-1]
        match = re.search(rf"http://([\d.]+):{port}/", lan)
        assert match or "no local network address" in lan, lan
        with socket.socket() as client:  # bound to 0.0.0.0: reachable on the LAN address too
            client.settimeout(10)
            client.connect((match.group(1) if match else "127.0.0.1", port))
    finally:
        server.terminate()
        server.wait(timeout=30)
