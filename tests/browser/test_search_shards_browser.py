"""A sharded search index (expo/site/search.py shards) searched as one in a real browser: every
shard's results, prices in order across shards (Pagefind's own merge orders by each shard's
place, so search.js merges by price), and filter counts added up over the shards."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

import expo.site.search as search
from expo.cli.build import build
from test_search_browser import _Quiet, browser, page, results  # noqa: F401  (fixtures)
from test_search_shards import shard_expo

pytestmark = pytest.mark.browser
BOOTHS = 16  # more products than the search page shows at once (12)


def price(n: int) -> int:
    return 10_000 + (n * 7_919) % 90_000  # as shard_expo sets them


@pytest.fixture(scope="module")
def site(browser, tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_RECORDS", 6)
        root = shard_expo(tmp_path_factory.mktemp("shards") / "p", BOOTHS)
        out = build(root).output
    assert len(list(out.glob("pagefind*/pagefind-entry.json"))) > 3
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def amounts(page) -> list[int]:
    return [int(re.sub(r"\D", "", text)) for text in page.locator("#search-results .price").all_text_contents()]


def test_every_shard_answers(page, site):
    results(page, f"{site}/cari/?q=nomor&jenis=produk")
    assert page.locator("#search-status").text_content() == f"{BOOTHS} hasil"
    page.click("#search-more")
    page.wait_for_function(f"document.querySelectorAll('#search-results h3').length === {BOOTHS}")
    found = page.locator("#search-results h3").all_text_contents()
    assert sorted(found) == sorted(f"Keripik Nomor {n}" for n in range(BOOTHS))
    assert page.problems == []


@pytest.mark.parametrize("order", ["murah", "mahal"])
def test_prices_sort_across_shards(page, site, order):
    results(page, f"{site}/cari/?jenis=produk&urut={order}")
    every = sorted((price(n) for n in range(BOOTHS)), reverse=order == "mahal")
    assert amounts(page) == every[:12]  # the first page: the cheapest (dearest) of all shards
    page.click("#search-more")
    page.wait_for_function(f"document.querySelectorAll('#search-results .price').length === {BOOTHS}")
    assert amounts(page) == every
    assert page.problems == []


def test_filter_counts_add_up_over_the_shards(page, site):
    results(page, f"{site}/cari/?jenis=produk")
    page.wait_for_function("document.querySelector('select[name=kategori] option').textContent.includes('(')")
    assert page.locator("select[name=kategori] option").all_text_contents()[0] == f"Semua ({BOOTHS})"
    assert page.locator("select[name=jenis] option").all_text_contents() == [
        f"Produk dan booth ({2 * BOOTHS})", f"Produk saja ({BOOTHS})", f"Booth saja ({BOOTHS})"]


def test_the_shards_share_one_pagefind_and_one_wasm(page, site):
    """A first search over every shard fetches pagefind.js and the wasm once (the other
    shards are merged into the first shard's Pagefind), and each shard's entry and metadata
    once, from the page's preloads: a shard costs a visitor its entry, its metadata and the
    chunks a search needs, not another 80 KB of Pagefind."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.split("/", 3)[-1]))
    results(page, f"{site}/cari/?q=nomor")
    code = [name for name in fetched if name.endswith(("pagefind.js", ".pagefind"))]
    assert code == ["pagefind/pagefind.js", "pagefind/wasm.id.pagefind"], fetched
    shards = page.locator("#search-form").get_attribute("data-shards").split()
    firsts = [name for name in fetched if "/pagefind-entry.json" in name or name.endswith(".pf_meta")]
    assert len(firsts) == 2 * (1 + len(shards)) and len(set(firsts)) == len(firsts), fetched
    preloaded = page.eval_on_selector_all("link[rel~=preload], link[rel=modulepreload]",
                                          "links => links.map(l => { const u = new URL(l.href); return u.pathname.slice(1) + u.search; })")
    assert set(firsts) <= set(preloaded)
    assert page.problems == []
