"""Benchmark the search index: `python bench/search.py` (`--booths 152 --products 18` for an
expo the size of UKM Virtual Expo Jawa Tengah, 2,736 products; `--browser` to time searches).

Builds a generated expo (Indonesian only), then in one run:
1. the build's index: every booth and product as a search record (expo.site.search
   index_records) written as the index's files (search_index.py): records/s, timed inside the
   build;
2. the baseline: Pagefind, which the build used until 637bae3, indexing the first `--sample`
   of the same records through its own Python API (`PagefindIndex.add_custom_record`), when
   installed (`pip install 'pagefind[bin]'`; not a dependency of the project any more). Its
   API waits 0.1 s before each answer, so this is Pagefind as its API drives it, not as fast
   as Pagefind can be: the build drove its indexing service directly (docs/search.md has
   that figure);
3. the index's size and the bytes a first search for `--word` fetches (gzip'd, as static hosts
   serve JSON): the language's table of contents, the term chunks the word needs and the page
   chunks of its first 12 results (the search page shows 12 at once); then what opening the
   filters adds (every filter list, for the counts);
4. with `--browser`, in headless Chromium at 390 x 844: the first search of /cari/?q=<word>,
   from DOMContentLoaded (and from the start of navigation) until the first result card is on
   the page and until all 12 and the count are, `--runs` times (median and best), what the
   browser fetched from the index, then later searches in the same page. The pages are served
   by Python's http.server (HTTP/1.0: a new connection per file); `--keep-alive` serves them
   over HTTP/1.1 with persistent connections instead, as static hosts do (they also speak
   HTTP/2: closer to this than to the default), so both figures can be compared.

The machine is shared: compare the ratios, not the seconds, and say the load average.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import gzip
import json
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
from expo.site import outputs  # noqa: E402
from expo.site.search_index import ENTRY  # noqa: E402
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


async def _pagefind(records: list[dict], bundle: Path) -> None:
    from pagefind.index import PagefindIndex

    async with PagefindIndex({"output_path": str(bundle)}) as index:
        await asyncio.gather(*(index.add_custom_record(**record) for record in records))
        await index.write_files()


def pagefind_seconds(records: list[dict], bundle: Path) -> float | None:
    """Seconds Pagefind takes to index `records` and write its bundle; None without Pagefind."""
    try:
        import pagefind.index  # noqa: F401
    except ImportError:
        return None
    started = time.perf_counter()
    asyncio.run(_pagefind(records, bundle))
    return time.perf_counter() - started


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


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def first_search_bytes(output: Path, lang: str, word: str
                       ) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """What a first search for `word` fetches, gzip'd: the table of contents, the term chunks
    that may hold the word or words it starts (search-engine.js chunksFor), and the page chunks
    of its 12 heaviest pages (the engine ranks a one-word search by weight). Then what opening
    the filters fetches: every filter list (the counts)."""
    bundle = output / "indeks"
    name = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))["languages"][lang]["index"]
    toc = json.loads((bundle / name).read_text(encoding="utf-8"))
    firsts = [first for first, _chunk in toc["terms"]]
    at = max(bisect.bisect_right(firsts, word) - 1, 0)
    chunks = [toc["terms"][at][1]] + [c for f, c in toc["terms"][at + 1:at + 3] if f < word + "\uffff"]
    files = [(name, _gz(bundle / name))] + [(f"t/{c}.json", _gz(bundle / "t" / f"{c}.json")) for c in chunks]
    weights: dict[int, int] = {}
    for chunk in chunks:
        for term, entry in json.loads((bundle / "t" / f"{chunk}.json").read_text(encoding="utf-8")).items():
            if term.startswith(word):
                page = 0
                for gap, weight in zip(entry[0::2], entry[1::2]):
                    page += gap
                    weights[page] = max(weights.get(page, 0), weight)
    top = sorted(weights, key=lambda p: (-weights[p], p))[:12]
    docs = sorted({page // toc["chunk"] for page in top})
    files += [(f"d/{toc['docs'][d]}.json", _gz(bundle / "d" / f"{toc['docs'][d]}.json")) for d in docs]
    counts = [(f"f/{h}.json ({filter_name})", _gz(bundle / "f" / f"{h}.json")) for filter_name, h in toc["filters"].items()]
    return sum(size for _name, size in files), files, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--booths", type=int, default=150)
    parser.add_argument("--products", type=int, default=3)
    parser.add_argument("--sample", type=int, default=100, help="records for the Pagefind baseline")
    parser.add_argument("--word", default="batik")
    parser.add_argument("--browser", action="store_true",
                        help="also time searches in headless Chromium (/usr/bin/chromium, Playwright)")
    parser.add_argument("--runs", type=int, default=5, help="first searches timed in the browser")
    parser.add_argument("--keep-alive", action="store_true",
                        help="serve the site over HTTP/1.1 with persistent connections (default: HTTP/1.0)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "expo", {f"usaha-{n:04d}": booth_yml(n, args.products)
                                                 for n in range(args.booths)},
                            extra_settings='EXPO_LANGUAGES = ["id"]\n')
        started = time.perf_counter()
        seconds, records = build_timing_the_index(root)
        print(f"built {args.booths} booths, {args.booths * args.products} products "
              f"in {time.perf_counter() - started:.1f} s (load average {os.getloadavg()[0]:.1f})")
        ours = len(records) / seconds

        sample = records[:args.sample]
        baseline = pagefind_seconds(sample, Path(tmp) / "pagefind")
        print(f"the build's index ({len(records)} records): {seconds:5.2f} s, {ours:8.1f} records/s")
        if baseline is None:
            print("Pagefind (the baseline): not installed, skipped (pip install 'pagefind[bin]')")
        else:
            theirs = len(sample) / baseline
            print(f"Pagefind through its Python API ({len(sample)} of the records): {baseline:5.2f} s, "
                  f"{theirs:8.1f} records/s  (ours: {ours / theirs:.0f}x the records/s)")

        output = root / "output"
        total = sum(p.stat().st_size for p in (output / "indeks").rglob("*") if p.is_file())
        count = sum(1 for p in (output / "indeks").rglob("*") if p.is_file())
        print(f"index: {total / 1024:.0f} KB on disk in {count} files for {len(records)} pages")
        size, files, counts = first_search_bytes(output, "id", args.word)
        print(f"first search for '{args.word}': {size / 1024:.1f} KB fetched")
        for name, file_size in files:
            print(f"    {file_size / 1024:7.1f} KB  {name}")
        print(f"opening the filters (the counts): {sum(n for _name, n in counts) / 1024:.1f} KB more")
        for name, file_size in counts:
            print(f"    {file_size / 1024:7.1f} KB  {name}")
        if args.browser:
            first, shown, navigation, warm, fetched = browser_timings(root / "output", args.word, args.runs,
                                                                      args.keep_alive)
            server = "HTTP/1.1, persistent connections" if args.keep_alive else "HTTP/1.0"
            print(f"in Chromium, first search for '{args.word}' ({args.runs} page loads, load average "
                  f"{os.getloadavg()[0]:.1f}, {server}), after DOMContentLoaded:")
            print(f"    first result on the page: median {statistics.median(first):.0f} ms, best {min(first):.0f} ms")
            print(f"    all 12 and the count:     median {statistics.median(shown):.0f} ms, best {min(shown):.0f} ms")
            print(f"    first result after the start of navigation: median {statistics.median(navigation):.0f} ms")
            print(f"    fetched from the index: {', '.join(fetched)}")
            print(f"later searches answer in {min(warm):.0f}-{max(warm):.0f} ms ({len(warm)} queries)")


def browser_timings(site: Path, word: str, runs: int, keep_alive: bool = False
                    ) -> tuple[list[float], list[float], list[float], list[float], list[str]]:
    """Per page load of /cari/?q=<word>: milliseconds from DOMContentLoaded until the first
    result card is on the page and until the status says the count (all 12 shown), and from
    the start of navigation to the first card, and what the last load fetched from the index;
    then, in the last page, how long the engine takes to answer other queries with the first
    12 results' data."""
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
                fetched: list[str] = []
                page.on("request", lambda r, into=fetched: into.append(r.url.split("/indeks/")[-1])
                        if "/indeks/" in r.url else None)
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
            fetched = list(fetched)  # the last first search's, not the later searches'
            warm = page.evaluate("""async () => {
                const form = document.getElementById('search-form');
                const engine = new ExpoSearch.Engine(form.getAttribute('data-bundle'),
                                                     form.getAttribute('data-index'), 'id');
                const times = [];
                for (const q of ['kain', 'keripik', 'tempe', 'madu', 'tas', 'kopi', 'sambal', 'tenun']) {
                    const start = performance.now();
                    const found = await engine.search(q, {});
                    await Promise.all(found.results.slice(0, 12).map(r => r.data()));
                    times.push(performance.now() - start);
                }
                return times;
            }""")
            browser.close()
    finally:
        server.shutdown()
    return first, shown, navigation, warm, fetched


if __name__ == "__main__":
    main()
