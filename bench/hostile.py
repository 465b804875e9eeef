"""Hostile input at every limit: `python bench/hostile.py` (issue 11, crashes and stalls).

Each case builds the worst input we know for one stage at the largest size the limits allow,
times it (CPU seconds, best of three: the machine is shared) and prints the time against a
stated budget and against an ordinary input of the same size run in the same process (the
baseline), so the ratio says how much an attacker gains over honest content.

Budgets: the pull-request workflow has 30 minutes; one booth's worst case must stay a small
part of it, and validate and build each pay it once.

  markdown   a description (5,000 characters) and an about.md (64 KB) of the slowest shape
             measured for markdown-it-py ('![' repeated), and the whole booth: 256 KB of
             exhibitor.yml plus two 64 KB about files, all of that shape.
  nesting    '1. ' and '> ' repeated to the about.md limit (Python-Markdown recursed on these).
  keys       an exhibitor.yml of 256 KB holding nothing but unknown keys (24,000 messages
             before the report cap), through validation and the report.
  import     a 20 MB CSV (the import limit) of one booth's product rows, planned; the
             baseline is as many rows spread over booths of 200 products.
  photos     one 60-megapixel PNG (the per-photo limit) as validate decodes it and as build
             encodes it, against a 12-megapixel phone JPEG, and the projection for a booth at
             EXPO_MAX_BOOTH_MEGAPIXELS made only of such PNGs.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from expo.content.markup import render_markdown  # noqa: E402
from expo.settings import ExpoSettings  # noqa: E402

PROSE = ("Batik tulis **pewarna alam** dari Pekalongan, dikerjakan 6 minggu. "
         "[Toko kami](https://www.tokopedia.com/batiksari) - *kain 2 x 1,15 m*.\n\n")


def cpu_time(run, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def row(name: str, worst: float, baseline: float, budget: float) -> bool:
    ok = worst <= budget
    print(f"{name:58} {worst:8.3f} s  {baseline:8.3f} s  x{worst / max(baseline, 1e-6):6.1f}  "
          f"budget {budget:6.1f} s  {'ok' if ok else 'OVER BUDGET'}")
    return ok


def markdown_cases() -> list[bool]:
    results = []
    for name, size, budget in (("description (5,000 characters)", 5_000, 0.5),
                               ("about.md (64 KB)", 64 * 1024, 5.0)):
        worst = cpu_time(lambda: render_markdown(fill("![", size)))
        baseline = cpu_time(lambda: render_markdown(fill(PROSE, size)))
        results.append(row(f"markdown: {name}", worst, baseline, budget))
    booth = (256 + 2 * 64) * 1024  # every Markdown character one booth can hold
    worst = cpu_time(lambda: [render_markdown(fill("![", 5_000)) for _ in range(booth // 5_000)], repeat=1)
    baseline = cpu_time(lambda: [render_markdown(fill(PROSE, 5_000)) for _ in range(booth // 5_000)], repeat=1)
    results.append(row("markdown: whole booth (384 KB)", worst, baseline, 30.0))
    for unit in ("1. ", "> "):
        worst = cpu_time(lambda: render_markdown(fill(unit, 64 * 1024)))
        baseline = cpu_time(lambda: render_markdown(fill(PROSE, 64 * 1024)))
        results.append(row(f"nesting: {unit.strip()!r} to 64 KB", worst, baseline, 1.0))
    return results


def keys_case() -> bool:
    sys.path.insert(0, str(REPO / "tests"))
    from expo.content.catalog import load_catalog
    from expo.content.errors import format_report
    from sitekit import GOOD_YML, make_project

    with tempfile.TemporaryDirectory() as tmp:
        keys = "".join(f"k{i}: 1\n" for i in range(24_000))  # 210 KB, under the 256 KB limit
        hostile = make_project(Path(tmp) / "hostile", {"batik-sari": GOOD_YML + keys})
        plain = make_project(Path(tmp) / "plain", {"batik-sari": GOOD_YML + "# " + "x" * len(keys) + "\n"})
        settings = ExpoSettings()
        report: list[str] = []
        worst = cpu_time(lambda: report.append(format_report(load_catalog(hostile, settings)[1])))
        baseline = cpu_time(lambda: format_report(load_catalog(plain, settings)[1]))
    ok = row("keys: 24,000 unknown keys, checked + reported", worst, baseline, 10.0)
    print(f"{'':58} report: {len(report[-1]):,} characters (was 7 MB)")
    return ok


def import_case() -> bool:
    from expo.importer.rows import MAX_CSV_MEGABYTES, PhotoFolder, plan_import, read_table
    from expo.settings import DEFAULT_CATEGORIES

    header = "Nama Usaha,Kategori,Kota,WA,Nama Produk,Harga,Foto\n"
    line = "Toko A,Kuliner,Batang,081234567890,Produk {i},5000,a.jpg\n"
    rows, size, i = [], len(header), 0
    while size < MAX_CSV_MEGABYTES * 1024 * 1024:
        rows.append(line.format(i=i))
        size += len(rows[-1])
        i += 1
    text = header + "".join(rows)
    # the baseline: as many rows, spread over booths of 200 products each (all of them read)
    honest = header + "".join(r.replace("Toko A", f"Toko {n // 200}") for n, r in enumerate(rows))
    photos = PhotoFolder("foto", frozenset({"a.jpg"}))

    def plan(csv_text: str):
        return plan_import(read_table(csv_text), "produk.csv", photos, {}, DEFAULT_CATEGORIES, owner="panitia")

    worst = cpu_time(lambda: plan(text), repeat=1)
    baseline = cpu_time(lambda: plan(honest), repeat=1)
    return row(f"import: 20 MB CSV, {len(rows):,} rows of one booth", worst, baseline, 60.0)


def photo_case() -> bool:
    from PIL import Image

    from expo.images.cache import PhotoCache
    from expo.images.encode import check, encode
    from expo.images.pipeline import _job, inspect, plan

    settings = ExpoSettings()
    with tempfile.TemporaryDirectory() as tmp:
        side = int((settings.max_photo_megapixels * 1_000_000) ** 0.5)
        bomb = Path(tmp) / "bom.png"  # flat colour: 60 MP in a few hundred KB
        Image.new("RGB", (side, side), (200, 120, 40)).save(bomb)
        phone = Path(tmp) / "phone.jpg"  # the honest case: a 12 MP phone photo
        Image.effect_noise((4000, 3000), 40).convert("RGB").save(phone, quality=90)
        cache = PhotoCache(Path(tmp) / "cache")

        def job(path: Path):
            info = inspect(path, settings.max_photo_megabytes, settings.max_photo_megapixels)
            picture = plan(path, info, "batik-sari", path.stem, "", settings.image_widths,
                           settings.media_url, settings.image_formats)
            return _job(picture, cache, True, settings.max_photo_megapixels)

        def run(step, path: Path):
            outcome = step(job(path))
            assert not outcome.error, outcome

        results = []
        for name, step in (("validate (decode)", check), ("build (decode, resize, encode)", encode)):
            worst = cpu_time(lambda: run(step, bomb), repeat=1)
            baseline = cpu_time(lambda: run(step, phone), repeat=1)
            results.append((name, worst, baseline))
    count = settings.max_booth_megapixels / settings.max_photo_megapixels
    ok = True
    for name, worst, baseline in results:
        ok &= row(f"photos: one {settings.max_photo_megapixels} MP PNG, {name}", worst, baseline, 30.0)
    _name, worst, baseline = results[-1]
    # every photo is decoded once by validate and encoded once by build; the pool spreads them
    # over the cores, this projection assumes one
    ok &= row(f"photos: build of a booth of {count:.0f} such PNGs (1 core)", worst * count, baseline * count, 900.0)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-photos", action="store_true", help="skip the 60-megapixel photo case")
    args = parser.parse_args()
    print(f"{'case':58} {'worst':>10}  {'baseline':>10}  {'ratio':>7}  budget")
    results = markdown_cases() + [keys_case(), import_case()]
    if not args.skip_photos:
        results.append(photo_case())
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
