"""Benchmark the photo pipeline: `invoke bench-images` (or `python bench/images.py`).

Makes phone-sized photos (smooth colour fields, hard-edged shapes, texture and sensor grain, so
they compress like real photos: ~3.4 MB per 12 MP JPEG at quality 92, every third one with an
EXIF rotation and GPS), then in one run:
1. a naive Pillow loop with default settings: open, exif_transpose, resize (default filter)
   from the full image for each width, save each format with default options;
2. our pipeline with a cold cache (inspect, plan, prepare on every core, publish);
3. our pipeline again with the warm cache.
It prints photos/s, the ratios against the targets, and the decode count of the warm run.
Then it builds a booth whose first product has three of these photos and three more products
(and the same with real phone photos, when shared/realphotos is there), opens the product page
in headless Chromium in a 390x844 CSS px frame at DPR 2 and 3, and adds up the bytes of the
images on the first screen as the browser chose them (format and width). Without Chromium it
falls back to computing the gallery photo from the page's sizes and srcset.

The machine is shared: compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.parse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's expo package, whatever else is installed

from PIL import Image, ImageChops, ImageDraw, ImageOps  # noqa: E402

from expo.images import pipeline as images
from expo.images.pool import cpu_count  # noqa: E402
from expo.settings import ExpoSettings  # noqa: E402
from expo.values.slugs import slugify

REAL = REPO.parent / "shared" / "realphotos"
REAL_PHONE_PHOTOS = ("jpg/mobile/jolla.jpg", "jpg/hdr/iphone_hdr_YES.jpg", "heic/IMG_5195.HEIC")
REAL_OTHER_PHOTOS = ("jpg/mobile/HMD_Nokia_8.3_5G.jpg", "jpg/corrupted.jpg", "heic/mobile/iphone_13_pro_max.HEIC")
VIEWPORT = (390, 844)  # CSS px: a 390 px wide phone (iPhone 12-15; many Androids are 360-412)


def make_photo(path: Path, size: tuple[int, int], seed: int) -> int:
    """A photo-like JPEG; returns its size in bytes."""
    rng = random.Random(seed)
    w, h = size
    sw, sh = max(8, w // 4), max(8, h // 4)
    field = Image.new("RGB", (6, 4))
    field.putdata([tuple(rng.randrange(30, 225) for _ in range(3)) for _ in range(24)])
    im = field.resize((sw, sh), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(im)
    for _ in range(30):  # objects with hard edges
        x, y, r = rng.randrange(sw), rng.randrange(sh), rng.randrange(sw // 40 + 1, sw // 6 + 2)
        box = (x - r, y - rng.randrange(r // 3, r + 1), x + r, y + rng.randrange(r // 3, r + 1))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    texture = Image.effect_noise((sw // 2, sh // 2), 60).resize((sw, sh), Image.Resampling.BICUBIC)
    im = Image.blend(im, ImageChops.overlay(im, Image.merge("RGB", (texture,) * 3)), 0.35)
    im = im.resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 4)  # sensor noise
    im = ImageChops.add(im, Image.merge("RGB", (grain,) * 3), 1.0, -128)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "BenchPhone", "12MP"
    if seed % 3 == 0:  # shot in portrait: stored sideways, turned by EXIF; GPS of a home
        im = im.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2], gps[3], gps[4] = "S", (6.0, 53.0, 1.0), "E", (109.0, 40.0, 2.0)
    im.save(path, quality=92, exif=exif)
    return path.stat().st_size


def naive(sources: list[Path], widths, formats, out: Path) -> None:
    out.mkdir(parents=True)
    for source in sources:
        with Image.open(source) as im:
            im = ImageOps.exif_transpose(im)
            for width in widths:
                resized = im.resize((width, round(im.height * width / im.width)))
                for ext in formats:
                    resized.save(out / f"{source.stem}-{width}.{ext}")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pipeline(sources: list[Path], settings: ExpoSettings, out: Path, cache: Path) -> dict:
    start, cpu = time.perf_counter(), cpu_seconds()
    pictures = [images.plan(s, images.inspect(s, settings.max_photo_megabytes, settings.max_photo_megapixels),
                            "bench", s.stem, s.stem, settings.image_widths, settings.media_url,
                            settings.image_formats) for s in sources]
    planned = time.perf_counter()
    prepared = images.prepare(pictures, cache, workers=settings.image_workers,
                              max_megapixels=settings.max_photo_megapixels, progress=sys.stderr.isatty())
    assert not prepared.failures, prepared.failures
    images.publish(prepared, out)
    done = time.perf_counter()
    return {"seconds": done - start, "plan": planned - start, "images": done - planned,
            "decoded": prepared.decoded, "cpu": cpu_seconds() - cpu}


# --- bytes on a phone's first screen

PROBE = """<!doctype html><html><body style="margin:0">
<iframe id="page" src="{page}" style="width:{width}px;height:{height}px;border:0"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {{
  setTimeout(function () {{
    var win = document.getElementById("page").contentWindow, images = [];
    win.document.querySelectorAll("img").forEach(function (img) {{
      var r = img.getBoundingClientRect(), box = {{l: 0, t: 0, r: win.innerWidth, b: win.innerHeight}};
      for (var e = img.parentElement; e; e = e.parentElement) {{  // clipped by scrolling rows
        if (win.getComputedStyle(e).overflowX !== "visible") {{
          var c = e.getBoundingClientRect();
          box = {{l: Math.max(box.l, c.left), t: Math.max(box.t, c.top), r: Math.min(box.r, c.right), b: Math.min(box.b, c.bottom)}};
        }}
      }}
      var visible = r.width > 0 && r.right > box.l && r.left < box.r && r.bottom > box.t && r.top < box.b;
      images.push({{src: img.currentSrc, visible: visible, fetched: img.complete && !!img.currentSrc}});
    }});
    document.body.setAttribute("data-probe", JSON.stringify({{dpr: win.devicePixelRatio, width: win.innerWidth, images: images}}));
  }}, 1500);
}});
</script></body></html>"""


def browser() -> str | None:
    return next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


def first_screen(site: Path, page_path: str, dpr: float, chrome: str | None) -> dict:
    """The images a phone shows on its first screen, and those it fetched while loading.

    With Chromium: the page in a 390x844 frame at this DPR; the browser itself picks the
    format and width (currentSrc), and layout says what is on screen (clipped by the gallery's
    swipe row). Without it, a model: the page's own sizes and srcset for the first gallery
    photo only, which undercounts when the other products' cards reach the first screen.
    """
    if chrome:
        probe = site / "probe.html"
        probe.write_text(PROBE.format(page=page_path, width=VIEWPORT[0], height=VIEWPORT[1]), encoding="utf-8")
        result = subprocess.run(
            [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--allow-file-access-from-files", f"--force-device-scale-factor={dpr}", "--window-size=800,1000",
             "--virtual-time-budget=8000", "--dump-dom", probe.as_uri()],
            capture_output=True, text=True, timeout=120)
        found = re.search(r'data-probe="([^"]*)"', result.stdout)
        if found:
            data = json.loads(html.unescape(found[1]))
            assert data["width"] == VIEWPORT[0] and data["dpr"] == dpr, data
            sizes = {src: _local(site, src).stat().st_size for src in (i["src"] for i in data["images"]) if src}
            return {"how": "Chromium",
                    "visible": [(_local(site, i["src"]).name, sizes[i["src"]]) for i in data["images"] if i["visible"]],
                    "fetched": sum(sizes[i["src"]] for i in data["images"] if i["fetched"])}
    return {"how": "model", "visible": [_modelled_gallery_photo(site, page_path, dpr)], "fetched": None}


def _local(site: Path, src: str) -> Path:
    return Path(urllib.parse.unquote(urllib.parse.urlsplit(src).path)) if src.startswith("file:") else site / src


def evaluate_sizes(sizes: str, viewport: int) -> float:
    """The slot width (CSS px) a `sizes` attribute gives at this viewport width (1rem = 16px)."""
    for entry in _split_top_level(sizes):
        match = re.fullmatch(r"\(min-width:\s*([\d.]+)em\)\s+(.+)", entry.strip())
        if match and viewport < float(match[1]) * 16:
            continue
        length = (match[2] if match else entry).strip()
        expression = length.replace("calc", "")
        expression = re.sub(r"([\d.]+)vw", lambda m: f"({m[1]}*{viewport}/100)", expression)
        expression = re.sub(r"([\d.]+)rem", lambda m: f"({m[1]}*16)", expression)
        expression = re.sub(r"([\d.]+)px", r"\1", expression)
        if not re.fullmatch(r"[\d.+\-*/() ]+", expression):
            raise ValueError(f"cannot evaluate sizes entry {length!r}")
        return float(eval(expression))  # digits and operators only, checked above
    raise ValueError(f"no sizes entry applies: {sizes!r}")


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]


def _modelled_gallery_photo(site: Path, page_path: str, dpr: float) -> tuple[str, int]:
    """What browsers pick for the first gallery photo: the narrowest candidate covering the
    slot times the DPR, in the first <source> type (AVIF)."""
    sys.path.insert(0, str(REPO / "tests"))
    from htmlkit import Page

    page = Page(site / page_path, site)
    gallery = next(e for e in page.elements if e.tag == "div" and "gallery" in e.attrs.get("class", ""))
    picture = next(e for e in gallery.children[0].children if e.tag == "picture")
    source = next(c for c in picture.children if c.tag == "source")
    slot = evaluate_sizes(source.attrs["sizes"], VIEWPORT[0])
    candidates = sorted((int(w[:-1]), url) for url, w in (p.split() for p in source.attrs["srcset"].split(",")))
    url = next((u for w, u in candidates if w >= slot * dpr), candidates[-1][1])
    path = page.resolve(url)
    return path.name, path.stat().st_size


def product_pages(root: Path, booths: dict[str, list[tuple[str, list[Path]]]], cache: Path) -> Path:
    """A site with these booths (slug -> products and their photos); returns its output folder."""
    from expo.cli.build import build

    shutil.copytree(REPO / "theme", root / "theme")
    settings = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    (root / "pelicanconf.py").write_text(settings + f"\nEXPO_IMAGE_CACHE_PATH = {str(cache)!r}\n", encoding="utf-8")
    (root / "content" / "pages").mkdir(parents=True)
    for slug, products in booths.items():
        folder = root / "exhibitors" / slug
        folder.mkdir(parents=True)
        lines = ""
        for name, photos in products:
            for source in photos:
                shutil.copyfile(source, folder / source.name)
            lines += f"  - name: {name}\n    price: 150000\n    photos: [{', '.join(p.name for p in photos)}]\n"
        (folder / "exhibitor.yml").write_text(textwrap.dedent(f"""\
            name: Toko {slug.title()}
            category: batik
            city: Kota Pekalongan
            owners: [bench]
            whatsapp: "0812-3456-7890"
            products:
            """) + lines, encoding="utf-8")
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        build(root, out=quiet)  # Pelican's and docutils' chatter is not part of the benchmark
    return root / "output"


# --- AVIF or WebP: the measurement behind the default

FORMAT_CHOICES = (
    ("JPEG q75 optimize", "JPEG", {"quality": 75, "optimize": True}),
    ("WebP q75 method 2", "WEBP", {"quality": 75, "method": 2}),
    ("WebP q80 method 2", "WEBP", {"quality": 80, "method": 2}),
    ("AVIF q55 speed 9 (default)", "AVIF", {"quality": 55, "speed": 9, "max_threads": 1}),
    ("AVIF q55 speed 8", "AVIF", {"quality": 55, "speed": 8, "max_threads": 1}),
    ("AVIF q60 speed 9", "AVIF", {"quality": 60, "speed": 9, "max_threads": 1}),
)


def compare_formats(sources: list[Path], width: int = 800) -> None:
    """Bytes, encoding time (one thread) and PSNR against the resized photo, per setting."""
    import io

    from expo.images.decode import decode, display_size, open_photo

    totals = {label: [0, 0.0, 0.0] for label, *_rest in FORMAT_CHOICES}
    for source in sources:
        with open_photo(source, 200) as im:
            w, h = display_size(im)
            reference = decode(im, (width, round(h * width / w)))
        for label, fmt, options in FORMAT_CHOICES:
            buffer = io.BytesIO()
            start = time.perf_counter()
            reference.save(buffer, fmt, **options)
            elapsed = time.perf_counter() - start
            with Image.open(buffer) as encoded:
                totals[label][0] += len(buffer.getvalue())
                totals[label][1] += elapsed
                totals[label][2] += _psnr(reference, encoded.convert("RGB"))
    n = len(sources)
    print(f"\nFormats at {width} px, {n} photos (mean per photo; PSNR against the resized photo, higher is closer):")
    for label, (size, seconds, psnr) in totals.items():
        print(f"  {label:<28}{size / n / 1024:7.1f} KB{seconds / n * 1000:8.1f} ms{psnr / n:7.1f} dB")


def _psnr(a: Image.Image, b: Image.Image) -> float:
    import math

    from PIL import ImageStat

    squares = ImageStat.Stat(ImageChops.difference(a, b)).sum2
    mse = sum(squares) / (a.width * a.height * 3)
    return 99.0 if mse == 0 else 10 * math.log10(255 ** 2 / mse)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=24)
    parser.add_argument("--megapixels", type=float, default=12.0)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--formats", action="store_true",
                        help="only compare AVIF, WebP and JPEG settings (on the real photos if present)")
    args = parser.parse_args(argv)
    if args.formats:
        real = [REAL / p for p in REAL_PHONE_PHOTOS + REAL_OTHER_PHOTOS if (REAL / p).is_file()]
        if real:
            compare_formats(real)
            return 0
    settings = ExpoSettings()
    widths, formats = settings.image_widths, tuple(settings.image_formats) + ("jpg",)
    width = int((args.megapixels * 1e6 * 4 / 3) ** 0.5)
    size = (width, width * 3 // 4)
    work = Path(tempfile.mkdtemp(prefix="bench-images-"))
    try:
        print(f"Making {args.photos} photos of {size[0]}x{size[1]} ({size[0] * size[1] / 1e6:.1f} MP) in {work} ...",
              file=sys.stderr)
        (work / "src").mkdir()
        sources = [work / "src" / f"foto-{i:02d}.jpg" for i in range(args.photos)]
        with ProcessPoolExecutor(cpu_count()) as pool:
            sizes = list(pool.map(make_photo, sources, [size] * len(sources), range(len(sources))))
        print(f"  {sum(sizes) / len(sizes) / 1e6:.2f} MB per photo on average; every third turned by EXIF, with GPS",
              file=sys.stderr)
        if args.formats:
            compare_formats(sources)
            return 0

        runs = {}
        load = os.getloadavg()[0]
        start, cpu = time.perf_counter(), cpu_seconds()
        naive(sources, widths, formats, work / "naive")
        runs["naive"] = {"seconds": time.perf_counter() - start, "decoded": len(sources), "cpu": cpu_seconds() - cpu}
        runs["cold"] = pipeline(sources, settings, work / "out-cold", work / "cache")
        runs["warm"] = pipeline(sources, settings, work / "out-warm", work / "cache")
        pictures = [images.plan(s, images.inspect(s, 25, 60), "bench", s.stem, "", settings.image_widths,
                                settings.media_url, settings.image_formats) for s in sources]
        start, cpu = time.perf_counter(), cpu_seconds()
        assert images.verify(pictures, work / "empty-cache", workers=settings.image_workers) == []
        check = {"seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu}

        n = len(sources)
        print(f"\nPhotos: {n} x {size[0] * size[1] / 1e6:.1f} MP JPEG -> widths {'/'.join(map(str, widths))} "
              f"in {' + '.join(f.upper() for f in formats)}; {cpu_count()} cores; no share images")
        print(f"(load average before the runs: {load:.1f} on {os.cpu_count()} cores; other work on the machine"
              f" slows the wall clock, CPU time per photo is the cross-check)")
        print(f"{'run':<28}{'seconds':>9}{'photos/s':>10}{'decodes':>9}{'CPU ms/photo':>14}")
        labels = {"naive": "naive Pillow loop", "cold": "pipeline, cold cache", "warm": "pipeline, warm cache"}
        for key, run in runs.items():
            print(f"{labels[key]:<28}{run['seconds']:>9.2f}{n / run['seconds']:>10.2f}{run['decoded']:>9}"
                  f"{run['cpu'] / n * 1000:>14.0f}")
        cold_speedup = runs["naive"]["seconds"] / runs["cold"]["seconds"]
        print(f"CPU time per photo, naive / cold pipeline: {runs['naive']['cpu'] / runs['cold']['cpu']:.1f}x"
              f" (not skewed by other work on the machine)")
        warm_share = runs["warm"]["images"] / runs["cold"]["images"]
        print(f"cold pipeline vs naive loop: {cold_speedup:.1f}x photos/s (target: at least 5x)"
              f" -> {'met' if cold_speedup >= 5 else 'NOT met'}")
        print(f"warm pipeline vs naive loop: {runs['naive']['seconds'] / runs['warm']['seconds']:.0f}x photos/s")
        print(f"warm rebuild: {runs['warm']['decoded']} decodes; image step {runs['warm']['images'] * 1000:.0f} ms"
              f" = {warm_share * 100:.1f} % of the cold one ({runs['cold']['images']:.2f} s)"
              f" (target: 0 decodes, under 5 %) -> "
              f"{'met' if runs['warm']['decoded'] == 0 and warm_share < 0.05 else 'NOT met'}"
              f"; inspect+plan (file digests) {runs['warm']['plan'] * 1000:.0f} ms")

        print(f"invoke validate's full decode check of new photos: {check['cpu'] / n * 1000:.0f} ms CPU per photo"
              f" ({check['cpu'] / runs['cold']['cpu'] * 100:.0f} % of the cold pipeline), {n / check['seconds']:.1f} photos/s")

        booths = {"bench": [("Kain Bench", sources[:3])] + [(f"Produk {i}", [sources[(2 + i) % len(sources)]]) for i in (1, 2, 3)]}
        if all((REAL / p).is_file() for p in REAL_PHONE_PHOTOS):
            booths["asli"] = [("Kain Asli", [REAL / p for p in REAL_PHONE_PHOTOS])] + [
                (f"Produk {i}", [REAL / p]) for i, p in enumerate(REAL_OTHER_PHOTOS, 1)]
        site = product_pages(work / "site", booths, work / "cache")
        chrome = browser()
        print(f"\nProduct page at {VIEWPORT[0]}x{VIEWPORT[1]} CSS px (a photo gallery, name, price, order button,"
              f" then 'Produk lain' cards): bytes of the images on the first screen; target under 120 KB at DPR 2")
        for slug, label in (("bench", "generated photos"), ("asli", "real phone photos")):
            if slug not in booths:
                continue
            for dpr in (2, 3):
                shot = first_screen(site, f"booth/{slug}/{slugify(booths[slug][0][0])}/index.html", dpr, chrome)
                total = sum(size for _name, size in shot["visible"])
                files = ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in shot["visible"])
                fetched = f"; fetched while loading: {shot['fetched'] / 1024:.0f} KB" if shot["fetched"] else ""
                verdict = ("met" if total < 120 * 1024 else "NOT met") + (" (the target's DPR)" if dpr == 2 else "")
                print(f"  {label}, DPR {dpr} ({shot['how']}): {total / 1024:.0f} KB -> {verdict}"
                      f"\n      on screen: {files}{fetched}")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
