"""Benchmark the search index: `python bench/search.py` (`--booths 152 --products 18` for an
expo the size of UKM Virtual Expo Jawa Tengah, 2,736 products; `--browser` to time searches).

Builds a generated expo (Indonesian only), then in one run:
1. the build's way: every booth and product as a Pagefind custom record (expo.site.search
   index_records), sent to `pagefind --service` all at once (expo.site.pagefind_service), the
   bundle written: records/s, timed inside the build;
2. the baseline: Pagefind's own Python API (`PagefindIndex.add_custom_record`) on a sample
   of `--sample` of the same records, one by one: records/s and the ratio;
3. the bundle's size and the bytes a first search for `--word` fetches: pagefind.js
   (gzip'd, as static hosts serve it), the entry, the language's metadata and wasm, the index
   chunk holding the word, and the fragments of the first 12 results (the search page shows 12
   at once) (of a sharded index, `--shard-pages`, each shard's entry, metadata and chunks);
   then what opening the filters adds: every filter's chunk (for the counts next to each
   filter value). No web worker: search.js runs Pagefind on the page (noWorker);
4. with `--browser`, in headless Chromium at 390 x 844: the first search of /cari/?q=<word>,
   from DOMContentLoaded (and from the start of navigation) until the first result card is on
   the page and until all 12 and the count are, `--runs` times (median and best), then later
   searches in the same page. The pages are served by Python's http.server as before (HTTP/1.0:
   a new connection per file); `--keep-alive` serves them over HTTP/1.1 with persistent
   connections instead, as static hosts do (they also speak HTTP/2: closer to this than to the
   default), so both figures can be compared.

The machine is shared: compare the ratios, not the seconds, and say the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from expo.cli.build import build  # noqa: E402
from expo.site import outputs, search  # noqa: E402
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


async def _one_by_one(records: list[dict], bundle: Path) -> None:
    from pagefind.index import PagefindIndex

    async with PagefindIndex({"output_path": str(bundle)}) as index:
        for record in records:
            await index.add_custom_record(**record)


def build_timing_the_index(root: Path) -> tuple[float, list[dict]]:
    """Build the site; the seconds its search index took and the records it was made of."""
    timed: list[float] = []  # per bundle (a sharded index has several)
    made: list[dict] = []
    producer = outputs.PRODUCERS["search"]

    def search(file, out):
        started = time.perf_counter()
        producer(file, out)
        timed.append(time.perf_counter() - started)
        made.extend(file.values["records"]())

    outputs.PRODUCERS["search"] = search
    try:
        build(root)
    finally:
        outputs.PRODUCERS["search"] = producer
    return sum(timed), made


def first_search_bytes(output: Path, lang: str, word: str
                       ) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """What a first search for `word` fetches: pagefind.js and the wasm once, and of each
    bundle (one, or a large expo's shards) its entry, metadata and the index chunks of the
    word; 12 fragments of median size. Then what opening the filters fetches: every filter's
    chunks (the counts)."""
    import json

    bundles = sorted((p.parent for p in output.glob("pagefind*/pagefind-entry.json")),
                     key=lambda p: (p.name != "pagefind", len(p.name), p.name))
    first = bundles[0]
    files = [("pagefind.js", len(gzip.compress((first / "pagefind.js").read_bytes(), 9))),
             (f"wasm.{lang}.pagefind", (first / f"wasm.{lang}.pagefind").stat().st_size)]
    fragments: list[int] = []
    counts: list[tuple[str, int]] = []
    for bundle in bundles:
        where = "" if len(bundles) == 1 else f"{bundle.name}/"
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        info = entry["languages"][lang]
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        # [first prefix, last prefix, file]: 'batik' is in ['b', 'b', ...], compared prefix by prefix
        chunks = [c for c in meta[2] if word[:len(c[0])] >= c[0] and word[:len(c[1])] <= c[1]]
        files.append((where + "pagefind-entry.json",
                      len(gzip.compress((bundle / "pagefind-entry.json").read_bytes(), 9))))
        files.append((where + meta_path.name, meta_path.stat().st_size))
        files += [(f"{where}index/{c[2]}.pf_index", (bundle / "index" / f"{c[2]}.pf_index").stat().st_size)
                  for c in chunks]
        fragments += [p.stat().st_size for p in (bundle / "fragment").glob(f"{lang}_*.pf_fragment")]
        # Only when the visitor opens the filters: every filter's chunk, for the counts.
        counts.append((where + "filter chunks (the counts)",
                       sum(p.stat().st_size for p in (bundle / "filter").glob(f"{lang}_*"))))
    median = sorted(fragments)[len(fragments) // 2]
    files.append(("12 fragments (median size)", 12 * median))
    return sum(size for _name, size in files), files, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--booths", type=int, default=150)
    parser.add_argument("--products", type=int, default=3)
    parser.add_argument("--sample", type=int, default=100, help="records for the one-by-one baseline")
    parser.add_argument("--word", default="batik")
    parser.add_argument("--browser", action="store_true",
                        help="also time searches in headless Chromium (/usr/bin/chromium, Playwright)")
    parser.add_argument("--runs", type=int, default=5, help="first searches timed in the browser")
    parser.add_argument("--keep-alive", action="store_true",
                        help="serve the site over HTTP/1.1 with persistent connections (default: HTTP/1.0)")
    parser.add_argument("--shard-pages", type=int, default=0,
                        help="split the index into shards of about this many pages per language "
                             "(default: the build's own limit, search.SHARD_RECORDS)")
    args = parser.parse_args()
    if args.shard_pages:
        search.SHARD_RECORDS = args.shard_pages

    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "expo", {f"usaha-{n:04d}": booth_yml(n, args.products)
                                                 for n in range(args.booths)},
                            extra_settings='EXPO_LANGUAGES = ["id"]\n')
        started = time.perf_counter()
        seconds, records = build_timing_the_index(root)
        print(f"built {args.booths} booths, {args.booths * args.products} products "
              f"in {time.perf_counter() - started:.1f} s (load average {os.getloadavg()[0]:.1f})")
        ours = len(records) / seconds

        sample = records[: args.sample]
        started = time.perf_counter()
        asyncio.run(_one_by_one(sample, Path(tmp) / "baseline"))
        baseline = len(sample) / (time.perf_counter() - started)
        print(f"Pagefind's Python API, one record at a time ({len(sample)} records): {baseline:8.1f} records/s")
        print(f"the build's index ({len(records)} records, sent at once): {seconds:5.2f} s, {ours:8.1f} records/s  "
              f"({ours / baseline:.0f}x the baseline)")

        output = root / "output"
        total = sum(p.stat().st_size for p in output.glob("pagefind*/**/*") if p.is_file())
        shards = len(list(output.glob("pagefind*/pagefind-entry.json")))
        print(f"bundle: {total / 1024:.0f} KB on disk for {len(records)} pages"
              + (f", in {shards} shards" if shards > 1 else ""))
        size, files, counts = first_search_bytes(output, "id", args.word)
        print(f"first search for '{args.word}': {size / 1024:.1f} KB fetched")
        for name, file_size in files:
            print(f"    {file_size / 1024:7.1f} KB  {name}")
        print(f"opening the filters (the counts): {sum(n for _name, n in counts) / 1024:.1f} KB more")
        for name, file_size in counts:
            print(f"    {file_size / 1024:7.1f} KB  {name}")
        if args.browser:
            first, shown, navigation, warm = browser_timings(root / "output", args.word, args.runs, args.keep_alive)
            server = "HTTP/1.1, persistent connections" if args.keep_alive else "HTTP/1.0"
            print(f"in Chromium, first search for '{args.word}' ({args.runs} page loads, load average "
                  f"{os.getloadavg()[0]:.1f}, {server}), after DOMContentLoaded:")
            print(f"    first result on the page: median {statistics.median(first):.0f} ms, best {min(first):.0f} ms")
            print(f"    all 12 and the count:     median {statistics.median(shown):.0f} ms, best {min(shown):.0f} ms")
            print(f"    first result after the start of navigation: median {statistics.median(navigation):.0f} ms")
            print(f"later searches answer in {min(warm):.0f}-{max(warm):.0f} ms ({len(warm)} queries)")


def browser_timings(site: Path, word: str, runs: int, keep_alive: bool = False
                    ) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per page load of /cari/?q=<word>: milliseconds from DOMContentLoaded until the first
    result card is on the page and until the status says the count (all 12 shown), and from
    the start of navigation to the first card; then, in the last page, how long Pagefind takes
    to answer other queries with the first 12 results' data."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        if keep_alive:  # it sends Content-Length: the browser can reuse the connection
            protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def handle(self):
            # The browser cancels requests it no longer needs (a new page, a closed context):
            # not an error of the bench, so no traceback in its figures.
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    first, shown, navigation = [], [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 390, "height": 844})  # nothing cached
                page = context.new_page()
                page.add_init_script("""new MutationObserver(() => {
                    const list = document.getElementById('search-results');
                    if (list && list.children.length && !window.firstCard) window.firstCard = performance.now();
                    const status = document.getElementById('search-status');
                    if (status && status.textContent && !window.counted) window.counted = performance.now();
                  }).observe(document, {subtree: true, childList: true, characterData: true});""")
                page.goto(f"{base}/cari/?q={word}")
                page.wait_for_function("window.counted", timeout=30_000)
                times = page.evaluate("""() => {
                    const ready = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
                    return [window.firstCard - ready, window.counted - ready, window.firstCard]; }""")
                first.append(times[0])
                shown.append(times[1])
                navigation.append(times[2])
                if len(first) < runs:
                    context.close()
            warm = page.evaluate("""async () => {
                // as search.js does: every shard merged into the first one's Pagefind
                const form = document.getElementById('search-form');
                const module = await import('/pagefind/pagefind.js');
                const pf = module.createInstance({basePath: '/pagefind/', noWorker: true});
                for (const shard of (form.getAttribute('data-shards') || '').split(' ').filter(Boolean)) {
                    pf.mergeIndex(new URL(shard, document.baseURI).pathname);
                }
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
    return first, shown, navigation, warm


if __name__ == "__main__":
    main()
