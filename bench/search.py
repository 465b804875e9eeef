"""Benchmark the search index: `python bench/search.py` (`--booths 550 --products 5` for an expo
the size of UKM Virtual Expo Jawa Tengah, 2,750 products).

Builds a generated expo (Indonesian only), then in one run:
1. indexes its booth and product pages with Pagefind's Python API, page by page
   (`add_html_file`), on a sample of `--sample` pages: the baseline;
2. indexes the whole site with the `pagefind` program the build uses (expo.site.search).
It prints pages/s and the ratio, the bundle's size, and the bytes a first search for `--word`
fetches: pagefind.js and its worker (gzip'd, as static hosts serve them), the entry, the
language's metadata and wasm, the index chunk holding the word, and the fragments of the first
12 results (the search page shows 12 at once). The browser measures the same on the demo (the
report of issue 12: 111 KB); this counts it without a browser, so it works on any machine.

The machine is shared: compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from expo.cli.build import build  # noqa: E402
from expo.site.search import write_index  # noqa: E402
from expo.site.steady_index import _read  # noqa: E402
from sitekit import make_project  # noqa: E402

WORDS = ("batik", "keripik", "tas", "kopi", "sabun", "kain", "tenun", "bandeng", "anyaman", "manik")
CITIES = ("Kota Pekalongan", "Kabupaten Batang", "Kota Semarang", "Kabupaten Klaten", "Kota Surakarta")
CATEGORIES = ("batik", "kuliner", "kerajinan", "fesyen", "aksesoris")


def booth_yml(number: int, products: int) -> str:
    rows = "".join(f"""
  - name: {WORDS[(number + n) % len(WORDS)].title()} {WORDS[(number * 3 + n) % len(WORDS)]} nomor {number}-{n}
    price: {5000 + (number * 7919 + n * 104729) % 900000}
    photos: [produk-1.jpg]
    description: Buatan tangan {WORDS[n % len(WORDS)]} dari usaha keluarga nomor {number}, dikirim dari {CITIES[number % 5]}.
""" for n in range(products))
    return f"""\
name: Usaha {WORDS[number % len(WORDS)].title()} Nomor {number:04d}
tagline: {WORDS[number % len(WORDS)]} pilihan keluarga {number}
category: {CATEGORIES[number % len(CATEGORIES)]}
city: {CITIES[number % len(CITIES)]}
owners: [pemilik-{number}]
whatsapp: "0812-3456-{number % 10000:04d}"
products:{rows}"""


async def _one_by_one(pages: list[Path], site: Path, bundle: Path) -> None:
    from pagefind.index import PagefindIndex

    async with PagefindIndex({"output_path": str(bundle)}) as index:
        for page in pages:
            url = "/" + page.parent.relative_to(site).as_posix() + "/"
            await index.add_html_file(content=page.read_text(encoding="utf-8"), url=url)


def first_search_bytes(bundle: Path, lang: str, word: str) -> tuple[int, list[tuple[str, int]]]:
    import json

    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    info = entry["languages"][lang]
    meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
    meta = _read(meta_path)
    # [first prefix, last prefix, file]: 'batik' is in ['b', 'b', ...], compared prefix by prefix
    chunks = [c for c in meta[2] if word[:len(c[0])] >= c[0] and word[:len(c[1])] <= c[1]]
    files = [("pagefind.js", len(gzip.compress((bundle / "pagefind.js").read_bytes(), 9))),
             ("pagefind-worker.js", len(gzip.compress((bundle / "pagefind-worker.js").read_bytes(), 9))),
             ("pagefind-entry.json", len(gzip.compress((bundle / "pagefind-entry.json").read_bytes(), 9))),
             (meta_path.name, meta_path.stat().st_size),
             (f"wasm.{lang}.pagefind", (bundle / f"wasm.{lang}.pagefind").stat().st_size)]
    files += [(f"index/{c[2]}.pf_index", (bundle / "index" / f"{c[2]}.pf_index").stat().st_size) for c in chunks]
    fragments = sorted(p.stat().st_size for p in (bundle / "fragment").glob(f"{lang}_*.pf_fragment"))
    median = fragments[len(fragments) // 2]
    files.append(("12 fragments (median size)", 12 * median))
    return sum(size for _name, size in files), files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--booths", type=int, default=150)
    parser.add_argument("--products", type=int, default=3)
    parser.add_argument("--sample", type=int, default=100, help="pages for the page-by-page baseline")
    parser.add_argument("--word", default="batik")
    parser.add_argument("--browser", action="store_true",
                        help="also time searches in headless Chromium (/usr/bin/chromium, Playwright)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "expo", {f"usaha-{n:04d}": booth_yml(n, args.products)
                                                 for n in range(args.booths)},
                            extra_settings='EXPO_LANGUAGES = ["id"]\n')
        started = time.perf_counter()
        build(root)
        print(f"built {args.booths} booths, {args.booths * args.products} products "
              f"in {time.perf_counter() - started:.1f} s")
        site = root / "output"
        pages = sorted((site / "booth").rglob("index.html"))
        sample = pages[: args.sample]

        started = time.perf_counter()
        asyncio.run(_one_by_one(sample, site, Path(tmp) / "baseline"))
        baseline = len(sample) / (time.perf_counter() - started)

        started = time.perf_counter()
        counts = write_index(site, Path(tmp) / "bundle")
        ours = counts["id"] / (time.perf_counter() - started)
        print(f"Python API page by page ({len(sample)} pages): {baseline:8.1f} pages/s")
        print(f"pagefind program, whole site ({counts['id']} pages): {ours:8.1f} pages/s  "
              f"({ours / baseline:.0f}x the baseline)")

        bundle = Path(tmp) / "bundle"
        total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
        print(f"bundle: {total / 1024:.0f} KB on disk for {counts['id']} pages")
        size, files = first_search_bytes(bundle, "id", args.word)
        print(f"first search for '{args.word}': {size / 1024:.1f} KB fetched")
        for name, file_size in files:
            print(f"    {file_size / 1024:7.1f} KB  {name}")
        if args.browser:
            cold, warm = browser_timings(site, args.word)
            print(f"in Chromium: first search for '{args.word}' shown {cold:.0f} ms after the results "
                  f"page is ready (index and wasm fetched); later searches answer in "
                  f"{min(warm):.0f}-{max(warm):.0f} ms ({len(warm)} queries)")


def browser_timings(site: Path, word: str) -> tuple[float, list[float]]:
    """Milliseconds from DOMContentLoaded of /cari/?q=<word> until the first results are on the
    page, then the time Pagefind takes to answer other queries in the same page."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.goto(f"{base}/cari/?q={word}")
            page.wait_for_function("document.getElementById('search-results').children.length > 0", timeout=30_000)
            cold = page.evaluate("performance.now() - performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
            warm = page.evaluate("""async () => {
                const pf = await import('/pagefind/pagefind.js');
                const times = [];
                for (const q of ['kain', 'keripik', 'tempe', 'madu', 'tas', 'kopi', 'sambal', 'tenun']) {
                    const start = performance.now();
                    const found = await pf.search(q);
                    await Promise.all(found.results.slice(0, 12).map(r => r.data()));
                    times.push(performance.now() - start);
                }
                return times;
            }""")
            browser.close()
    finally:
        server.shutdown()
    return cold, warm


if __name__ == "__main__":
    main()
