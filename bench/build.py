"""Benchmark whole-site builds: `invoke bench-build` (or `python bench/build.py`).

Generates expos in the exhibitor folder format (deterministic: the same seed gives the same
bytes) with tiny photos, so page rendering is what is measured, not photo encoding, and in one
run, for each size:
1. a cold build (no output, no photo cache);
2. a full re-render after a template edit (an HTML comment appended to theme/templates/base.html,
   so every page's bytes change);
3. a rebuild after editing one booth's tagline (right after the template edit: the tree kept as
   the spare, expo/site/spare.py, is from before it, so the build makes a new tree);
4. a rebuild after editing another booth's tagline (the usual case, one edit after another:
   the build starts from the spare);
5. a rebuild with nothing changed;
6. plain Pelican (its default theme, no plugins) building the same number of Markdown articles
   in a project of its own, twice; the faster run is the baseline (favouring Pelican).
`--rounds N` rebuilds after a template edit N times in all, each later one followed by another
Pelican run, and reports the fastest of each: on a shared machine the load changes between runs.
Every build runs in a child process of its own. Its peak memory is reported two ways: the sum of
the proportional set size (PSS: shared pages split among their processes) of the child and all
its descendants (the photo pool's workers), sampled from /proc every 0.1 s, and the largest
single process's maxrss as the kernel counted it (wait4).

Sizes (booths x products): 152x18 (one Jawa Tengah edition; the default), 1500x10, 23000x10
(every UMKM of Kota Pekalongan). `--sizes 152x18,1500x10` picks; any BxP works. Products share a
pool of distinct photo files (hard links, `--distinct-photos`), so generating 230,000 photos does
not dominate; every product still has its own file name, Picture and output files.

`--profile DIR` runs the same builds under cProfile and writes DIR/<size>-<build>.prof (and
prints the top entries); its seconds are inflated by the profiler, so compare ratios of a plain
run. Under --profile the pages render in the build process (EXPO_RENDER_WORKERS = 1), where
cProfile sees them; `--render-workers N` sets it for any run. The machine is shared: compare the
ratios and CPU seconds, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = "152x18"

CITIES = (
    "Kota Pekalongan", "Kabupaten Pekalongan", "Kabupaten Batang", "Kota Semarang", "Kabupaten Semarang",
    "Kota Surakarta", "Kabupaten Sukoharjo", "Kabupaten Klaten", "Kabupaten Boyolali", "Kota Magelang",
    "Kabupaten Magelang", "Kabupaten Temanggung", "Kabupaten Wonosobo", "Kabupaten Banjarnegara",
    "Kabupaten Purbalingga", "Kabupaten Banyumas", "Kabupaten Cilacap", "Kabupaten Kebumen",
    "Kabupaten Purworejo", "Kota Tegal", "Kabupaten Tegal", "Kabupaten Brebes", "Kabupaten Pemalang",
    "Kabupaten Kendal", "Kabupaten Demak", "Kabupaten Kudus", "Kabupaten Jepara", "Kabupaten Pati",
    "Kabupaten Rembang", "Kabupaten Blora", "Kabupaten Grobogan", "Kota Salatiga", "Kabupaten Sragen",
    "Kabupaten Karanganyar", "Kabupaten Wonogiri",
)
CATEGORIES = ("batik", "fesyen", "kuliner", "kerajinan", "aksesoris", "perikanan", "lainnya")
WORDS = ("sari", "makmur", "jaya", "barokah", "lestari", "sejahtera", "mandiri", "abadi", "indah",
         "sentosa", "rejeki", "berkah", "mulia", "wangi", "asri", "tulus", "murni", "segar")
GOODS = ("Kain Batik Tulis", "Kemeja Batik Cap", "Keripik Tempe", "Tas Anyaman Pandan", "Gelang Perak",
         "Abon Ikan Tongkol", "Sambal Bawang", "Dompet Kulit", "Kopi Robusta", "Selendang Sutra",
         "Bandeng Presto", "Mukena Bordir", "Kerupuk Udang", "Sandal Batik", "Madu Hutan", "Teh Rosella")
MARKETPLACES = ("https://www.tokopedia.com/{}", "https://shopee.co.id/{}", "https://www.lazada.co.id/shop/{}")


# --- the generated expo


def make_photo_pool(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` distinct tiny JPEGs (120x90): each one a colour field with two shapes."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    folder.mkdir(parents=True)
    pool = []
    for i in range(count):
        im = Image.new("RGB", (120, 90), tuple(rng.randrange(40, 220) for _ in range(3)))
        draw = ImageDraw.Draw(im)
        for _ in range(2):
            x, y = rng.randrange(100), rng.randrange(70)
            draw.rectangle((x, y, x + rng.randrange(10, 40), y + rng.randrange(10, 30)),
                           fill=tuple(rng.randrange(256) for _ in range(3)))
        path = folder / f"foto-{i:05d}.jpg"
        im.save(path, quality=85)
        pool.append(path)
    return pool


def copy_site_files(root: Path, settings_extra: str = "") -> None:
    """This repository's theme, content/ and pelicanconf.py, as tests/sitekit.py does."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "theme", root / "theme")
    shutil.copytree(REPO / "content", root / "content")
    settings = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    (root / "pelicanconf.py").write_text(settings + settings_extra, encoding="utf-8")


def booth_slug(number: int) -> str:
    return f"toko-{WORDS[number % len(WORDS)]}-{number:05d}"


def booth_yml(number: int, products: int, rng: random.Random, tagline: str) -> str:
    slug = booth_slug(number)
    name = f"Toko {WORDS[number % len(WORDS)].title()} {WORDS[(number // 7) % len(WORDS)].title()} {number}"
    lines = [
        f"name: {name}",
        f"tagline: {tagline}",
        f"category: {CATEGORIES[number % len(CATEGORIES)]}",
        f"city: {CITIES[rng.randrange(len(CITIES))]}",
        f"address: Jl. Hayam Wuruk {number % 200 + 1}",
        f"owners: [pemilik-{number}]",
        f'whatsapp: "0812-{number % 10000:04d}-{rng.randrange(10000):04d}"',
        f"instagram: \"@{slug.replace('-', '')[:30]}\"",
        "logo: logo.jpg",
        f"joined: 2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
    ]
    if number % 2 == 0:
        lines.append("marketplaces:")
        lines += [f"  - {pattern.format(slug)}" for pattern in MARKETPLACES[: number % 3 + 1]]
    lines.append("products:")
    for p in range(products):
        good = GOODS[(number + p) % len(GOODS)]
        price = rng.randrange(10, 2000) * 1000
        lines += [
            f"  - name: {good} {p + 1}",
            f"    price: {price}",
            *([f"    price_max: {price * 2}"] if p % 4 == 0 else []),
            f"    photos: [produk-{p + 1}.jpg]",
            "    description: |",
            f"      {good} nomor {p + 1} buatan **{name}**, dibuat tangan di {CITIES[number % len(CITIES)]}.",
            "",
            f"      - bahan pilihan, kode {number}-{p}",
            f"      - dikirim dalam {rng.randrange(1, 8)} hari kerja",
        ]
    return "\n".join(lines) + "\n"


def make_expo(root: Path, booths: int, products: int, pool: list[Path], seed: int = 7,
              settings_extra: str = "") -> None:
    copy_site_files(root, settings_extra)
    rng = random.Random(seed)
    folder = root / "exhibitors"
    folder.mkdir()
    for number in range(booths):
        booth = folder / booth_slug(number)
        booth.mkdir()
        (booth / "exhibitor.yml").write_text(
            booth_yml(number, products, rng, f"Produk asli {CITIES[number % len(CITIES)]} sejak {1990 + number % 30}"),
            encoding="utf-8")
        if number % 3 == 0:
            (booth / "about.md").write_text(
                f"# Cerita kami\n\nUsaha keluarga sejak {1980 + number % 40}, nomor {number}.\n\n"
                "Kami bekerja dengan *pengrajin* setempat.\n", encoding="utf-8")
        os.link(pool[number % len(pool)], booth / "logo.jpg")
        for p in range(products):
            os.link(pool[(number * products + p) % len(pool)], booth / f"produk-{p + 1}.jpg")


def edit_tagline(root: Path, number: int, text: str) -> None:
    yml = root / "exhibitors" / booth_slug(number) / "exhibitor.yml"
    lines = yml.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = f"tagline: {text}\n"
    yml.write_text("".join(lines), encoding="utf-8")


def edit_template(root: Path, mark: str) -> None:
    with open(root / "theme" / "templates" / "base.html", "a", encoding="utf-8") as f:
        f.write(f"<!-- bench edit {mark} -->\n")  # in every page's bytes, as a real edit would be


def make_pelican_project(root: Path, pages: int, seed: int = 11) -> None:
    """Plain Pelican: `pages` Markdown articles of product-description size, default theme and
    settings (articles, not pages: the default theme lists every page in the menu of every page,
    which makes N pages cost N squared, a trap no Pelican site of this size would keep)."""
    rng = random.Random(seed)
    content = root / "content"
    content.mkdir(parents=True)
    (root / "pelicanconf.py").write_text(
        'SITENAME = "Pelican"\nPATH = "content"\nTIMEZONE = "Asia/Jakarta"\nDEFAULT_LANG = "id"\n'
        "PLUGINS = []\nRELATIVE_URLS = True\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n", encoding="utf-8")
    for i in range(pages):
        good = GOODS[i % len(GOODS)]
        (content / f"artikel-{i:06d}.md").write_text(
            f"Title: {good} {i}\nDate: 2026-{i % 12 + 1:02d}-{i % 28 + 1:02d} 10:{i % 60:02d}\n"
            f"Category: {CATEGORIES[i % len(CATEGORIES)]}\nSlug: artikel-{i:06d}\n\n"
            f"{good} nomor {i} buatan **Toko {WORDS[i % len(WORDS)].title()}**, dibuat tangan.\n\n"
            f"- bahan pilihan, kode {i}\n- dikirim dalam {rng.randrange(1, 8)} hari kerja\n", encoding="utf-8")


# --- one build in a child process


def child(kind: str, root: Path, profile: str | None) -> None:
    """Runs in the child: one build, then one JSON line on stdout with seconds and pages."""
    import contextlib

    import pelican  # noqa: F401  imported before the clock starts, for both kinds alike

    sys.path.insert(0, str(REPO))
    if kind == "expo":
        from expo.cli.build import build

        def run():
            return build(root, out=quiet).pages
    else:
        from pelican import Pelican
        from pelican.settings import read_settings

        def run():
            settings = read_settings(str(root / "pelicanconf.py"),
                                     override={"PATH": str(root / "content"), "OUTPUT_PATH": str(root / "output")})
            Pelican(settings).run()
            return sum(1 for _ in (root / "output").rglob("*.html"))

    stdout = sys.stdout
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        os.chdir(root)
        start = time.perf_counter()
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            pages = profiler.runcall(run)
            profiler.dump_stats(profile)
        else:
            pages = run()
        seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "pages": pages}), file=stdout)


@dataclass
class Run:
    seconds: float
    pages: int
    tree_rss: int  # bytes: peak of the sum over the child and its descendants (sampled, PSS)
    maxrss: int  # bytes: the largest single process of the tree (kernel's count)
    cpu: float  # seconds of CPU, the child and its descendants: less skewed by a busy machine


def _tree_rss(top: int) -> int:
    """Memory of `top` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    parents[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {top}, [top]
    while frontier:
        pid = frontier.pop()
        for child_pid, parent in parents.items():
            if parent == pid and child_pid not in tree:
                tree.add(child_pid)
                frontier.append(child_pid)
    return sum(_own_memory(pid) for pid in tree)


def _own_memory(pid: int) -> int:
    """Proportional set size: pages shared with forked workers (copy-on-write) are split among
    the processes sharing them, so the tree's sum is its real use. Resident size where the
    kernel has no smaps_rollup."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def run_child(kind: str, root: Path, profile: Path | None = None) -> Run:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(root)]
    if profile:
        command += ["--profile-file", str(profile)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.wait(0.1):
            peak = max(peak, _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{kind} build in {root} failed ({process.returncode}):\n{stderr.decode()[-3000:]}")
    result = json.loads(stdout.decode().strip().splitlines()[-1])
    return Run(result["seconds"], result["pages"], max(peak, usage.ru_maxrss * 1024), usage.ru_maxrss * 1024,
               usage.ru_utime + usage.ru_stime)


# --- the run


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for item in text.split(","):
        booths, _, products = item.strip().lower().partition("x")
        if not booths.isdigit() or not products.isdigit():
            raise SystemExit(f"--sizes: {item!r} is not BOOTHSxPRODUCTS, e.g. 152x18")
        sizes.append((int(booths), int(products)))
    return sizes


BUILDS = ("cold", "template", "one booth", "another booth", "unchanged", "pelican")


def measure(size: tuple[int, int], work: Path, pool: list[Path], profile_dir: Path | None,
            builds=BUILDS, render_workers: int | None = None, rounds: int = 1) -> dict[str, Run]:
    booths, products = size
    label = f"{booths}x{products}"
    root = work / f"expo-{label}"
    start = time.perf_counter()
    make_expo(root, booths, products, pool,
              settings_extra="" if render_workers is None else f"\nEXPO_RENDER_WORKERS = {render_workers}\n")
    print(f"[{label}] generated {booths} booths, {booths * products} products in "
          f"{time.perf_counter() - start:.1f} s", file=sys.stderr)

    def profiled(name: str) -> Path | None:
        return profile_dir / f"{label}-{name}.prof" if profile_dir else None

    runs: dict[str, Run] = {}
    for name, change in (("cold", None), ("template", lambda: edit_template(root, "1")),
                         ("one booth", lambda: edit_tagline(root, booths // 2, "Tagline baru hasil suntingan")),
                         ("another booth", lambda: edit_tagline(root, booths // 3, "Tagline kedua hasil suntingan")),
                         ("unchanged", None)):
        if name not in builds:
            continue  # nor its edit: a skipped template build must not make 'one booth' a full render
        if change:
            change()
        runs[name] = run_child("expo", root, profiled(name.replace(" ", "-")))
        print(f"[{label}] expo {name}: {runs[name].seconds:.1f} s, {runs[name].cpu:.1f} s CPU, "
              f"{runs[name].pages} pages, peak PSS of the tree {runs[name].tree_rss / 2**20:.0f} MiB, "
              f"largest process {runs[name].maxrss / 2**20:.0f} MiB, load average {os.getloadavg()[0]:.1f}",
              file=sys.stderr, flush=True)
    if "pelican" in builds:
        baseline = work / f"pelican-{label}"
        make_pelican_project(baseline, next(iter(runs.values())).pages if runs else booths * (products + 1))
        pelican_runs = []
        for _ in range(2):
            shutil.rmtree(baseline / "output", ignore_errors=True)
            pelican_runs.append(run_child("pelican", baseline))
            print(f"[{label}] pelican: {pelican_runs[-1].seconds:.1f} s, {pelican_runs[-1].cpu:.1f} s CPU, "
                  f"{pelican_runs[-1].pages} pages, load average {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
        if "template" in runs:  # --rounds: more template rebuilds, each beside a Pelican run
            templates = [runs["template"]]
            for number in range(2, rounds + 1):
                edit_template(root, str(number))
                templates.append(run_child("expo", root))
                shutil.rmtree(baseline / "output", ignore_errors=True)
                pelican_runs.append(run_child("pelican", baseline))
                print(f"[{label}] round {number}: expo template {templates[-1].seconds:.1f} s, "
                      f"{templates[-1].cpu:.1f} s CPU; pelican {pelican_runs[-1].seconds:.1f} s, "
                      f"{pelican_runs[-1].cpu:.1f} s CPU, load average {os.getloadavg()[0]:.1f}",
                      file=sys.stderr, flush=True)
            runs["template"] = min(templates, key=lambda r: r.seconds)
        runs["pelican"] = min(pelican_runs, key=lambda r: r.seconds)
        shutil.rmtree(baseline, ignore_errors=True)
    shutil.rmtree(root, ignore_errors=True)  # disk: the largest size writes millions of files
    return runs


LABELS = {"cold": "cold build", "template": "after a template edit", "one booth": "after one booth's tagline",
          "another booth": "after another booth's tagline (from the spare)",
          "unchanged": "nothing changed", "pelican": "plain Pelican, same page count"}


def report(label: str, runs: dict[str, Run]) -> str:
    expo_pages = next(iter(runs.values())).pages
    if "pelican" not in runs:
        return "\n".join([f"\n{label}: {expo_pages} expo pages (no Pelican baseline in this run)",
                          "| build | seconds | pages/s | CPU s (process tree) | peak PSS, tree | largest process |",
                          "|---|---:|---:|---:|---:|---:|"] + [
            f"| {LABELS[name]} | {run.seconds:.2f} | {run.pages / run.seconds:.0f} | {run.cpu:.1f} | "
            f"{run.tree_rss / 2**20:.0f} MiB | {run.maxrss / 2**20:.0f} MiB |" for name, run in runs.items()])
    base = runs["pelican"]
    rows = [f"\n{label}: {expo_pages} expo pages; plain Pelican wrote {base.pages} pages from "
            f"{expo_pages} Markdown files",
            "| build | seconds | pages/s | pages/s vs Pelican | time as % of Pelican | CPU s (process tree) "
            "| CPU as % of Pelican | peak PSS, tree | largest process |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    base_rate = base.pages / base.seconds
    for name, run in runs.items():
        rate = run.pages / run.seconds
        rows.append(f"| {LABELS[name]} | {run.seconds:.2f} | {rate:.0f} | {rate / base_rate:.2f}x | "
                    f"{run.seconds / base.seconds * 100:.0f} % | {run.cpu:.1f} | {run.cpu / base.cpu * 100:.0f} % | {run.tree_rss / 2**20:.0f} MiB | "
                    f"{run.maxrss / 2**20:.0f} MiB |")
    return "\n".join(rows)


def print_profile(path: Path, top: int) -> None:
    import pstats

    print(f"\n{path.name}: top {top} by own time (tottime), then by cumulative time")
    stats = pstats.Stats(str(path), stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"BOOTHSxPRODUCTS, comma-separated (default {DEFAULT_SIZES}; also 1500x10, 23000x10)")
    parser.add_argument("--distinct-photos", type=int, default=400, help="photo files shared by the products")
    parser.add_argument("--profile", type=Path, help="run under cProfile, write .prof files into this folder")
    parser.add_argument("--top", type=int, default=25, help="profile entries to print")
    parser.add_argument("--builds", default=",".join(b.replace(" ", "-") for b in BUILDS),
                        help="which builds to run (default all): cold,template,one-booth,another-booth,unchanged,pelican; "
                             "a build's edit is made only when it runs")
    parser.add_argument("--render-workers", type=int,
                        help="EXPO_RENDER_WORKERS for the expo builds (default: the setting's default, one per "
                             "core; 1 under --profile, so that cProfile sees the pages rendered)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="template rebuilds, each followed by a Pelican run (default 1: Pelican runs twice); "
                             "the fastest of each is reported, for a busy machine")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--profile-file", help=argparse.SUPPRESS)
    parser.add_argument("root", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, Path(args.root), args.profile_file)
        return 0
    sizes = parse_sizes(args.sizes)
    builds = {b.strip().replace("-", " ") for b in args.builds.split(",")}
    if not builds or builds - set(BUILDS):
        raise SystemExit(f"--builds: choose from {', '.join(b.replace(' ', '-') for b in BUILDS)}")
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    tables = []
    try:
        pool = make_photo_pool(work / "pool", args.distinct_photos, seed=3)
        for size in sizes:
            label = f"{size[0]} booths x {size[1]} products"
            workers = args.render_workers if args.render_workers is not None else (1 if args.profile else None)
            tables.append(report(label, measure(size, work, pool, args.profile.resolve() if args.profile else None,
                                                builds, workers, args.rounds)))
            print(tables[-1])
            sys.stdout.flush()
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.profile:
        print("\n(profiled run: cProfile inflates the seconds; use a plain run's figures)")
        for path in sorted(args.profile.glob("*.prof")):
            print_profile(path, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
