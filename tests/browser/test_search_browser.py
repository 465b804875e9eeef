"""The search page in a real browser (Debian's chromium through Playwright, 390 x 844): the
query, filters and price sort against the built search index, and exhibitor text that looks
like HTML shown as text. Locally it skips without chromium or Playwright; in CI (CI=true) it
fails instead. Every request to another host is aborted: search needs no network."""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest

from expo.cli.build import build
from sitekit import GOOD_YML, SECOND_YML, make_project

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "Playwright is not installed (pip install -e '.[test]')"
    else:
        reason = "" if CHROMIUM.is_file() else f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def site(browser, tmp_path_factory):
    yml = GOOD_YML.replace("  - name: Selendang Sutra", f"  - name: 'Selendang {EVIL}'")
    root = make_project(tmp_path_factory.mktemp("search") / "p", {"batik-sari": yml, "keripik-bu-sri": SECOND_YML})
    build(root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "output")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.problems.append("dialog: " + dialog.message), dialog.dismiss()))
    yield page
    context.close()


def results(page, address: str) -> list[str]:
    page.goto(address, wait_until="networkidle")
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    return page.locator("#search-results h3").all_text_contents()


def test_the_header_box_leads_to_results(page, site):
    page.goto(f"{site}/", wait_until="networkidle")
    page.fill("#cari-atas", "tempe")
    page.press("#cari-atas", "Enter")
    page.wait_for_url("**/cari/?q=tempe")
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    # The product only: its booth's text has no "tempe" (its photo's file name, tempe.jpg, is
    # not searchable)
    assert page.locator("#search-results h3").all_text_contents() == ["Keripik Tempe"]
    assert page.locator("#search-status").text_content() == "1 hasil"
    assert page.locator("#search-results img").get_attribute("src").endswith(".jpg")  # its photo, read back
    page.locator("#search-results a").first.click()
    assert page.url == f"{site}/booth/keripik-bu-sri/keripik-tempe/"
    assert page.problems == []


@pytest.mark.parametrize("word", ["jpg", "avif", "media", "120", "produk"])
def test_the_photos_paths_are_not_searched(page, site, word):
    """A photo's path is what a result shows, never what it is found by."""
    results(page, f"{site}/cari/?q={word}")
    assert page.locator("#search-status").text_content() == "Tidak ada hasil. Coba kata lain atau kurangi filter."


def test_filters_narrow_and_prices_sort(page, site):
    assert set(results(page, f"{site}/cari/?jenis=produk")) == {
        "Kain Batik Tulis Parang", f"Selendang {EVIL}", "Keripik Tempe"}
    assert results(page, f"{site}/cari/?jenis=produk&urut=murah") == [
        "Keripik Tempe", f"Selendang {EVIL}", "Kain Batik Tulis Parang"]
    assert results(page, f"{site}/cari/?harga=0-50rb") == ["Keripik Tempe"]
    assert results(page, f"{site}/cari/?kategori=batik&jenis=booth") == ["Batik Sari"]
    assert page.locator("#search-filters").get_attribute("open") is not None  # filters shown when in use
    # Changing a filter searches again, without a page load.
    page.select_option("select[name=jenis]", "produk")
    page.wait_for_function("document.querySelectorAll('#search-results h3').length === 2")
    assert "jenis=produk" in page.url and page.problems == []


def test_exhibitor_html_in_the_index_stays_text(page, site):
    assert results(page, f"{site}/cari/?q=selendang") == [f"Selendang {EVIL}"]
    assert page.locator("#search-results img").count() == 1  # our thumbnail only
    assert page.locator("#search-results img[src=x]").count() == 0
    assert page.problems == []


def test_a_first_search_fetches_the_preloaded_contents_once_and_only_what_it_needs(page, site):
    """The table of contents is fetched once, by the page's preload (the engine's request for it
    matches: same address, mode and credentials); then one term chunk per word and the page
    chunks of the results; no filter or price list (those wait for a visitor who uses them)."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/indeks/", 1)[-1])
            if "/indeks/" in request.url else None)
    assert results(page, f"{site}/cari/?q=tempe")
    page.wait_for_load_state("networkidle")
    preloaded = page.eval_on_selector_all("link[rel~=preload]", "links => links.map(l => l.href.split('/indeks/').pop())")
    contents = page.locator("#search-form").get_attribute("data-index")
    assert preloaded == [contents] and contents.startswith("id.")
    assert fetched.count(contents) == 1, fetched
    assert sorted({name.split("/")[0] for name in fetched if "/" in name}) == ["d", "t"], fetched
    assert len(fetched) == len(set(fetched))  # nothing fetched twice
    assert page.problems == []


def test_words_are_found_by_their_stem_and_their_start(page, site):
    """'keripiknya' is 'keripik' with its possessive; 'kerip' starts 'keripik'."""
    assert set(results(page, f"{site}/cari/?q=keripiknya&jenis=produk")) == {"Keripik Tempe"}
    assert set(results(page, f"{site}/cari/?q=kerip&jenis=produk")) == {"Keripik Tempe"}
    assert page.locator("#search-results mark").first.text_content().lower().startswith("kerip")
    assert page.problems == []


def test_the_english_page_searches_the_english_index(page, site):
    assert results(page, f"{site}/en/cari/?q=tempe&jenis=produk") == ["Keripik Tempe"]
    assert page.locator("#search-status").text_content() == "1 result"
    assert page.locator("#search-results a").first.get_attribute("href") == "/en/booth/keripik-bu-sri/keripik-tempe/"


def options(page, name: str) -> list[str]:
    return page.locator(f"select[name={name}] option").all_text_contents()


def counted(page) -> None:
    """Wait until search.js has put the counts into the filters (after the results)."""
    page.wait_for_function("document.querySelector('select[name=kategori] option').textContent.includes('(')")


def test_filter_values_say_how_many_results_they_give(page, site):
    assert len(results(page, f"{site}/cari/?jenis=produk")) == 3
    counted(page)
    assert options(page, "kategori") == ["Semua (3)", "Batik (2)", "Kuliner (1)"]
    # The filter in use counts its values without itself: what choosing another one gives.
    assert options(page, "jenis") == ["Produk dan booth (5)", "Produk saja (3)", "Booth saja (2)"]
    assert page.locator("label.check").text_content().strip() == "Ada video (3)"
    # Narrowing updates every count.
    page.select_option("select[name=kategori]", "batik")
    page.wait_for_function("document.querySelector('select[name=jenis] option').textContent === 'Produk dan booth (3)'")
    assert options(page, "jenis") == ["Produk dan booth (3)", "Produk saja (2)", "Booth saja (1)"]
    assert options(page, "kategori") == ["Semua (3)", "Batik (2)", "Kuliner (1)"]
    assert options(page, "harga")[1:] == ["di bawah Rp50.000 (0)", "Rp50.000 – Rp150.000 (0)",
                                          "Rp150.000 – Rp500.000 (1)", "Rp500.000 ke atas (1)"]
    assert page.problems == []


def test_an_empty_search_page_counts_the_whole_expo_in_english_too(page, site):
    page.goto(f"{site}/en/cari/", wait_until="networkidle")
    page.click("#search-filters summary")
    counted(page)
    assert options(page, "kategori") == ["All (5)", "Batik (3)", "Food and drink (2)"]
    assert page.locator("#search-results li").count() == 0 and page.problems == []


def test_the_counts_are_fetched_only_for_a_visitor_who_opens_the_filters(page, site):
    """A search shows its results without the filter chunks (they grow with the expo); opening
    the filters fetches them and counts what the search found."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    assert len(results(page, f"{site}/cari/?q=batik")) == 3
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/indeks/f/" in url]
    assert "(" not in options(page, "kategori")[0]
    page.click("#search-filters summary")
    counted(page)
    assert [url for url in fetched if "/indeks/f/" in url]
    assert options(page, "kategori")[:2] == ["Semua (3)", "Batik (3)"]
    assert page.problems == []


@pytest.mark.parametrize("blocked", ["**/indeks/**", "**/search-engine.*.js"])
def test_a_search_that_cannot_load_says_so_and_the_browsing_links_remain(page, site, blocked):
    page.route(blocked, lambda route: route.abort())
    assert results(page, f"{site}/cari/?q=batik") == []
    assert page.locator("#search-status").text_content() == \
        "Pencarian tidak dapat dimuat. Telusuri per kategori atau kota di bawah."
    assert page.locator("section.browse a").count() > 0 and page.problems == []
