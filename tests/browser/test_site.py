"""The built demo in a real browser (Chromium through Playwright) on a 390 x 844 phone screen.

The demo is built once into a temporary copy of the project and served from 127.0.0.1; every
request to another host is aborted, so the tests need no network and prove the pages ask for
nothing outside the site (the video facade included). Debian's chromium is used, never a
Playwright browser download. Locally the tests skip without chromium or Playwright; in CI
(CI=true) they fail instead, so a broken install cannot pass silently.

Set EXPO_SCREENSHOTS=<folder> to also save screenshots of the pages checked at 390 and 1280 px.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from expo.cli.build import build
from expo.values.slugs import slugify
from sitekit import REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
VIDEO_HOSTS = ("youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "ytimg.com",
               "vimeocdn.com")


def _missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def sync_api():
    try:
        from playwright import sync_api
    except ImportError:
        _missing("Playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.is_file():
        _missing(f"{CHROMIUM} is missing (apt-get install chromium)")
    return sync_api


@pytest.fixture(scope="module")
def project(demo, sync_api) -> Path:
    """The demo project, built once per test session (tests/conftest.py); after the browser
    check, so a skip costs no build."""
    return demo.parent


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site(project):
    """The base address of the demo's output/ served on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(project / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(sync_api):
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _is_video_host(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == video or host.endswith("." + video) for video in VIDEO_HOSTS)


class Visit:
    """A page in a fresh browser context that records what it asked for and what went wrong."""

    def __init__(self, browser, site: str, viewport=PHONE):
        self.site = site
        self.context = browser.new_context(viewport=viewport)
        self.context.route("**/*", self._only_localhost)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.failed.append(
            f"{request.url} ({request.failure})"))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(
            f"{response.url} (HTTP {response.status})"))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"{message.text} at {message.location.get('url')}"))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    @staticmethod
    def _only_localhost(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def open(self, path: str):
        self.page.goto(self.site + path, wait_until="load")
        return self.page

    def local_failures(self) -> list[str]:
        return [failure for failure in self.failed if urlsplit(failure).hostname == "127.0.0.1"]

    def video_requests(self) -> list[str]:
        return [url for url in self.requests if _is_video_host(url)]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site):
    opened: list[Visit] = []

    def open_visit(viewport=PHONE) -> Visit:
        opened.append(Visit(browser, site, viewport))
        return opened[-1]

    yield open_visit
    for one in opened:
        one.close()


def _product(project: Path, with_video: bool = False) -> tuple[str, str]:
    """(path, name) of the first project product page, optionally one with a video facade."""
    for page in sorted((project / "output" / "booth").glob("*/*/index.html")):
        if with_video and "video-facade" not in page.read_text(encoding="utf-8"):
            continue
        booth, slug = page.parent.parent.name, page.parent.name
        data = yaml.safe_load((project / "exhibitors" / booth / "exhibitor.yml").read_text(encoding="utf-8"))
        name = next(p["name"] for p in data["products"] if slugify(p["name"]) == slug)
        return f"/booth/{booth}/{slug}/", name
    raise AssertionError("the project has no such product page")


def _first(project: Path, folder: str) -> str:
    return f"/{folder}/" + sorted(p.name for p in (project / "output" / folder).iterdir() if p.is_dir())[0] + "/"


def _page_kinds(project: Path) -> dict[str, str]:
    return {"home": "/", "booth": _first(project, "booth"), "product": _product(project)[0],
            "category": _first(project, "kategori"), "city": _first(project, "kota")}


def _whatsapp_text(page) -> str:
    href = page.locator("a.button.whatsapp").first.get_attribute("href")
    assert href.startswith("https://wa.me/"), href
    return parse_qs(urlsplit(href).query)["text"][0]


def test_whatsapp_button_is_on_the_first_screen_and_names_the_product(project, visit):
    path, name = _product(project)
    page = visit().open(path)
    button = page.locator("a.button.whatsapp").first
    assert button.is_visible()
    box = button.bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], box
    text = _whatsapp_text(page)
    assert name in text
    assert "saya ingin memesan" in text


def test_language_switch_keeps_the_product_and_the_english_message_is_english(project, visit):
    path, name = _product(project)
    one = visit()
    page = one.open(path)
    assert page.get_attribute("html", "lang") == "id"
    page.click("li.lang-switch a")
    page.wait_for_url(one.site + "/en" + path)
    assert page.get_attribute("html", "lang") == "en"
    english = _whatsapp_text(page)
    assert name in english
    assert english.startswith("Hello ") and "I would like to order" in english
    assert "saya" not in english
    page.click("li.lang-switch a")
    page.wait_for_url(one.site + path)
    assert page.get_attribute("html", "lang") == "id"


@pytest.mark.parametrize("lang", ["", "/en"])
def test_video_facade_asks_the_video_host_for_nothing_until_tapped(project, visit, lang):
    path, _ = _product(project, with_video=True)
    one = visit()
    page = one.open(lang + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert one.video_requests() == []
    # the tap is what asks the video host (the request is aborted here: no network)
    with page.expect_request(lambda request: _is_video_host(request.url)):
        page.locator("a.video-facade").first.click()
    src = page.locator("iframe").first.get_attribute("src")
    assert src.startswith(("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")), src
    assert page.locator("a.video-facade").count() == 0
    assert len(page.context.pages) == 1  # the link's target=_blank did not open a tab


@pytest.mark.parametrize("lang", ["", "/en"])
@pytest.mark.parametrize("kind", ["home", "booth", "product", "category", "city"])
def test_pages_load_cleanly_and_never_scroll_sideways_on_a_phone(project, visit, kind, lang):
    one = visit()
    page = one.open(lang + _page_kinds(project)[kind])
    # lazy images below the first screen load too, so a broken one is caught: scrolled through
    # step by step, as a visitor does (a jump to the end skips the lazy images on the way)
    page.evaluate("""async () => {
        for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
            window.scrollTo(0, y);
            await new Promise(done => setTimeout(done, 50));
        }
        window.scrollTo(0, document.body.scrollHeight);
    }""")
    page.wait_for_function("[...document.images].every(image => image.complete)")
    assert page.get_attribute("html", "lang") == ("en" if lang else "id")
    assert one.errors == []
    assert one.local_failures() == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["/", "/en/", "product", "/en/product"])
def test_home_and_product_fit_the_screen_on_phone_and_desktop(project, visit, path, width):
    if path.endswith("product"):
        path = path.removesuffix("product").rstrip("/") + _product(project)[0]
    one = visit({"width": width, "height": 844})
    page = one.open(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    folder = os.environ.get("EXPO_SCREENSHOTS")
    if folder:
        name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_breadcrumbs_read_as_one_line_not_a_numbered_list(project, visit):
    page = visit({"width": 1280, "height": 844}).open(_product(project)[0])
    crumbs = page.locator("nav.crumbs li")
    assert crumbs.count() >= 3
    tops = {box["y"] for box in (crumb.bounding_box() for crumb in crumbs.all())}
    assert len(tops) == 1, tops
    assert crumbs.first.evaluate("item => getComputedStyle(item).listStyleType") == "none"



@pytest.mark.parametrize("kind", ["home", "product"])
def test_nothing_moves_the_page_after_it_is_drawn(project, visit, kind):
    """No layout shift while loading (the un-hidden cart link once pushed every page down 0.25)."""
    page = visit().open(_page_kinds(project)[kind])
    page.wait_for_load_state("networkidle")
    shifts = page.evaluate("""() => new Promise(done => {
        const found = [];
        new PerformanceObserver(list => found.push(...list.getEntries()))
            .observe({type: 'layout-shift', buffered: true});
        setTimeout(() => done(found.filter(entry => !entry.hadRecentInput)
            .map(entry => [entry.value, entry.sources.map(source => source.node && source.node.outerHTML.slice(0, 80))])), 500);
    })""")
    assert sum(value for value, _ in shifts) < 0.01, shifts
