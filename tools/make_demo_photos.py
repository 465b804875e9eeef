#!/usr/bin/env python3
"""Draw the demo expo's photos: product shots, logos and covers for exhibitors/<slug>/.

Everything is drawn with Pillow from fixed seeds (no network, no copied photos), so running the
script twice writes byte-identical files:

    python tools/make_demo_photos.py           # (re)write every demo photo
    python tools/make_demo_photos.py --check   # exit 1 if a file on disk differs

The shapes are simple on purpose (cloth with batik motifs, chips on a plate, a fish on a banana
leaf, woven baskets ...): enough to make the demo site look like a catalog, not test patterns.
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
EXHIBITORS = ROOT / "exhibitors"
SS = 2  # draw at twice the size, then shrink: smooth edges without anti-aliasing support
JPEG = {"quality": 82, "optimize": True, "progressive": True, "subsampling": 2}

# --- palettes -------------------------------------------------------------------------------
SOGAN = ("#f1e2c4", "#8a5a2b", "#4a2c17", "#c89a5e")  # ground, brown, dark, highlight
INDIGO = ("#e9edf3", "#2f4a7a", "#16223d", "#8fa8cf")
MEGA = ("#b3262d", "#1f3f7a", "#0e1c3d", "#d6e4f5")  # red ground, graded blues
PESISIR = ("#fff6e6", "#c2452d", "#2a6b55", "#f0b43c")


def rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t: float) -> tuple[int, int, int]:
    a, b = (rgb(c) if isinstance(c, str) else c for c in (a, b))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def shade(color, t: float) -> tuple[int, int, int]:
    """t < 0 darkens towards black, t > 0 lightens towards white."""
    return mix(color, (0, 0, 0) if t < 0 else (255, 255, 255), abs(t))


def font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


# --- backgrounds and shadows ---------------------------------------------------------------
def backdrop(w: int, h: int, top, bottom, glow: float = 0.25) -> Image.Image:
    """A studio sweep: vertical gradient plus a soft light in the upper middle."""
    ramp = Image.linear_gradient("L").resize((w, h))
    img = Image.composite(Image.new("RGB", (w, h), rgb(bottom) if isinstance(bottom, str) else bottom),
                          Image.new("RGB", (w, h), rgb(top) if isinstance(top, str) else top), ramp)
    light = Image.radial_gradient("L").resize((w, h)).point(lambda v: int((255 - v) * glow))
    return Image.composite(Image.new("RGB", (w, h), "white"), img, light)


def place(bg: Image.Image, obj: Image.Image, xy, shadow: float = 0.45, drop=(0.0, 0.03),
          blur: float = 0.025) -> None:
    """Paste an RGBA object with a soft shadow cast from its own outline."""
    x, y = (round(v) for v in xy)
    w, h = obj.size
    dx, dy = round(drop[0] * w), round(drop[1] * h)
    radius = max(2, round(blur * max(w, h)))
    alpha = obj.getchannel("A").point(lambda v: int(v * shadow))
    pad = radius * 3
    mask = Image.new("L", (w + 2 * pad, h + 2 * pad), 0)
    mask.paste(alpha, (pad, pad))
    mask = mask.filter(ImageFilter.GaussianBlur(radius))
    bg.paste((20, 14, 8), (x + dx - pad, y + dy - pad), mask)
    bg.paste(obj, (x, y), obj)


def layer(w: int, h: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    return img, ImageDraw.Draw(img)


# --- batik and cloth motifs (each returns an RGB pattern of the given size) -----------------
def motif_parang(w: int, h: int, pal, rng, scale: int) -> Image.Image:
    """Diagonal bands of interlocking blade shapes with a row of dots between them."""
    ground, main, dark, light = pal
    side = int(math.hypot(w, h)) + 4 * scale
    img = Image.new("RGB", (side, side), rgb(ground))
    d = ImageDraw.Draw(img)
    band = scale
    for y0 in range(-band, side + band, band):
        d.rectangle((0, y0 + band * 0.12, side, y0 + band * 0.62), fill=rgb(main))
        for x0 in range(-band, side + band, int(band * 0.7)):
            d.ellipse((x0, y0 + band * 0.05, x0 + band * 0.55, y0 + band * 0.69), fill=rgb(dark))
            d.ellipse((x0 + band * 0.08, y0 + band * 0.17, x0 + band * 0.47, y0 + band * 0.57),
                      fill=rgb(light))
            d.ellipse((x0 + band * 0.18, y0 + band * 0.27, x0 + band * 0.37, y0 + band * 0.47),
                      fill=rgb(main))
        for x0 in range(0, side, int(band * 0.35)):
            cx, cy = x0 + band * 0.17, y0 + band * 0.82
            d.ellipse((cx - band * 0.06, cy - band * 0.06, cx + band * 0.06, cy + band * 0.06),
                      fill=rgb(dark))
        d.line((0, y0 + band * 0.98, side, y0 + band * 0.98), fill=rgb(dark), width=max(2, band // 28))
    img = img.rotate(45, resample=Image.BICUBIC)
    left, top = (side - w) // 2, (side - h) // 2
    return img.crop((left, top, left + w, top + h))


def motif_kawung(w: int, h: int, pal, rng, scale: int) -> Image.Image:
    """Four oval 'palm fruit' petals around every grid point, with a dot in each hollow."""
    ground, main, dark, light = pal
    img = Image.new("RGB", (w, h), rgb(ground))
    d = ImageDraw.Draw(img)
    s = scale
    line = max(2, s // 24)
    for gy in range(-1, h // s + 2):
        for gx in range(-1, w // s + 2):
            cx, cy = gx * s, gy * s
            a, b, o = s * 0.23, s * 0.14, s * 0.26
            for ex, ey, rx, ry in ((0, -o, b, a), (0, o, b, a), (-o, 0, a, b), (o, 0, a, b)):
                ox, oy = cx + ex, cy + ey
                d.ellipse((ox - rx, oy - ry, ox + rx, oy + ry), fill=rgb(main), outline=rgb(dark), width=line)
                d.ellipse((ox - rx * 0.45, oy - ry * 0.45, ox + rx * 0.45, oy + ry * 0.45), fill=rgb(light))
            d.ellipse((cx - s * 0.07, cy - s * 0.07, cx + s * 0.07, cy + s * 0.07), fill=rgb(dark))
            hx, hy = cx + s / 2, cy + s / 2
            d.ellipse((hx - s * 0.1, hy - s * 0.1, hx + s * 0.1, hy + s * 0.1), outline=rgb(dark), width=line)
            d.ellipse((hx - s * 0.04, hy - s * 0.04, hx + s * 0.04, hy + s * 0.04), fill=rgb(dark))
    return img


def cloud(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, pal, rng) -> None:
    """A mega mendung cloud: the same lobed outline repeated smaller in graded blues."""
    ground, main, dark, light = pal
    lobes = [(cx + r * dx, cy + r * dy, r * rr) for dx, dy, rr in
             ((-0.9, 0.15, 0.5), (-0.45, -0.25, 0.62), (0.15, -0.38, 0.7), (0.7, -0.1, 0.55),
              (1.05, 0.25, 0.38), (0.2, 0.25, 0.5), (-0.5, 0.3, 0.4))]
    steps = 7
    for k in range(steps):
        t = k / (steps - 1)
        color = mix(dark, light, t) if k < steps - 1 else rgb(light)
        f = 1 - 0.12 * k
        for lx, ly, lr in lobes:
            rr = lr * f
            d.ellipse((lx - rr, ly - rr + r * 0.03 * k, lx + rr, ly + rr + r * 0.03 * k), fill=color)


def motif_mega(w: int, h: int, pal, rng, scale: int) -> Image.Image:
    img = Image.new("RGB", (w, h), rgb(pal[0]))
    d = ImageDraw.Draw(img)
    rows = h // scale + 2
    for row in range(rows):
        for col in range(w // (scale * 2) + 3):
            cx = col * scale * 2.6 + (scale * 1.3 if row % 2 else 0) + rng.uniform(-0.2, 0.2) * scale
            cy = row * scale * 1.2 + rng.uniform(-0.1, 0.1) * scale
            cloud(d, cx, cy, scale * rng.uniform(0.62, 0.8), pal, rng)
    return img


def motif_stripes(w: int, h: int, pal, rng, scale: int) -> Image.Image:
    """Lurik: woven stripes in groups of thin and thick threads."""
    img = Image.new("RGB", (w, h), rgb(pal[0]))
    d = ImageDraw.Draw(img)
    x = 0
    while x < w:
        for width, color in ((scale * 0.08, pal[2]), (scale * 0.05, pal[3]), (scale * 0.08, pal[2]),
                             (scale * rng.choice((0.25, 0.4)), pal[1])):
            d.rectangle((x, 0, x + width, h), fill=rgb(color))
            x += width + scale * 0.06
        x += scale * rng.uniform(0.4, 0.9)
    for y in range(0, h, 3):  # weft threads
        d.line((0, y, w, y), fill=shade(pal[0], -0.08), width=1)
    return Image.blend(img, img.filter(ImageFilter.GaussianBlur(1)), 0.5)


def motif_dots(w: int, h: int, pal, rng, scale: int) -> Image.Image:
    """Plain voal with a faint small flower print (hijab)."""
    img = Image.new("RGB", (w, h), rgb(pal[0]))
    d = ImageDraw.Draw(img)
    for y in range(0, h + scale, scale):
        for x in range(0, w + scale, scale):
            ox = x + (scale // 2 if (y // scale) % 2 else 0)
            for a in range(5):
                px, py = ox + math.cos(a * 1.2566) * scale * 0.1, y + math.sin(a * 1.2566) * scale * 0.1
                d.ellipse((px - scale * 0.07, py - scale * 0.07, px + scale * 0.07, py + scale * 0.07),
                          fill=rgb(pal[1]))
            d.ellipse((ox - scale * 0.04, y - scale * 0.04, ox + scale * 0.04, y + scale * 0.04), fill=rgb(pal[3]))
    return img


MOTIFS = {"parang": motif_parang, "kawung": motif_kawung, "mega": motif_mega,
          "lurik": motif_stripes, "dots": motif_dots}


def shading(w: int, h: int, rng, folds: int = 4, depth: float = 0.22) -> Image.Image:
    """Soft drape shading across the width, to multiply over flat cloth."""
    phase = [rng.uniform(0, 6.28) for _ in range(folds)]
    row = Image.new("L", (w, 1))
    row.putdata([int(255 * (1 - depth / 2 - depth / 2 * sum(
        math.sin(x / w * math.pi * (k + 1.3) + phase[k]) for k in range(folds)) / folds))
        for x in range(w)])
    return row.resize((w, h)).convert("RGB")


# --- objects: each returns an RGBA layer ----------------------------------------------------
def kain(w: int, h: int, motif: str, pal, rng, scale: int, flap: float = 0.28) -> Image.Image:
    """A folded length of cloth: plain border (pinggiran), the motif, a turned-back flap."""
    pat = MOTIFS[motif](w, h, pal, rng, scale)
    d = ImageDraw.Draw(pat)
    border = h // 14
    for y0 in (0, h - border):
        d.rectangle((0, y0, w, y0 + border), fill=rgb(pal[1]))
        for x in range(0, w, border // 2):
            d.polygon([(x, y0 + border * 0.2), (x + border // 4, y0 + border * 0.8),
                       (x + border // 2, y0 + border * 0.2)], fill=rgb(pal[3]))
    pat = ImageChops.multiply(pat, shading(w, h, rng))
    fold_y = int(h * (1 - flap))
    back = pat.crop((0, fold_y, w, h)).transpose(Image.FLIP_TOP_BOTTOM)
    back = Image.blend(back, Image.new("RGB", back.size, rgb(pal[0])), 0.35)
    pat.paste(back, (0, fold_y))
    d = ImageDraw.Draw(pat)
    d.line((0, fold_y, w, fold_y), fill=shade(pal[2], -0.3), width=max(3, h // 200))
    grad = Image.linear_gradient("L").resize((w, h - fold_y)).point(lambda v: 255 - v // 6)
    pat.paste(ImageChops.multiply(pat.crop((0, fold_y, w, h)), grad.convert("RGB")), (0, fold_y))
    out = pat.convert("RGBA")
    return out.rotate(rng.uniform(-6, 6), resample=Image.BICUBIC, expand=True)


def kemeja(w: int, h: int, motif: str, pal, rng, scale: int, short: bool = False) -> Image.Image:
    """A flat-lay shirt: body, sleeves, collar and buttons, cut out of the motif."""
    pat = ImageChops.multiply(MOTIFS[motif](w, h, pal, rng, scale), shading(w, h, rng, 3, 0.12))
    sl = 0.62 if short else 0.92
    body = [(0.30, 0.06), (0.42, 0.03), (0.58, 0.03), (0.70, 0.06), (0.97, 0.2), (1.0, sl * 0.5 + 0.02),
            (0.86, sl * 0.5 + 0.06), (0.80, 0.36), (0.80, 0.98), (0.20, 0.98), (0.20, 0.36),
            (0.14, sl * 0.5 + 0.06), (0.0, sl * 0.5 + 0.02), (0.03, 0.2)]
    mask = Image.new("L", (w, h), 0)
    md = ImageDraw.Draw(mask)
    md.polygon([(x * w, y * h) for x, y in body], fill=255)
    out = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    out.paste(pat, (0, 0), mask)
    d = ImageDraw.Draw(out)
    dark = shade(pal[2], -0.2)
    line = max(3, w // 250)
    d.polygon([(0.42 * w, 0.03 * h), (0.5 * w, 0.14 * h), (0.44 * w, 0.17 * h), (0.37 * w, 0.06 * h)],
              fill=rgb(pal[1]), outline=dark)
    d.polygon([(0.58 * w, 0.03 * h), (0.5 * w, 0.14 * h), (0.56 * w, 0.17 * h), (0.63 * w, 0.06 * h)],
              fill=rgb(pal[1]), outline=dark)
    d.line((0.5 * w, 0.14 * h, 0.5 * w, 0.98 * h), fill=dark, width=line)
    for i in range(6):
        y = (0.2 + i * 0.13) * h
        d.ellipse((0.5 * w - w * 0.012, y - w * 0.012, 0.5 * w + w * 0.012, y + w * 0.012), fill="#efe6d6")
    d.rectangle((0.28 * w, 0.42 * h, 0.42 * w, 0.44 * h), fill=dark)  # pocket opening
    for x0, x1 in ((0.20, 0.21), (0.79, 0.80)):
        d.line((x0 * w, 0.36 * h, x1 * w, 0.98 * h), fill=dark, width=line)
    return out


def stack(w: int, h: int, items, rng, scale: int) -> Image.Image:
    """Folded scarves or cloths piled up, each with a rounded front edge."""
    out, d = layer(w, h)
    n = len(items)
    piece = h / (n + 0.6)
    for i, (motif, pal) in enumerate(items):
        y = h - (i + 1) * piece * 0.82 - piece * 0.2
        x = rng.uniform(-0.03, 0.03) * w
        pw, ph = int(w * 0.9), int(piece)
        pat = MOTIFS[motif](pw, ph, pal, rng, scale).convert("RGBA")
        mask = Image.new("L", (pw, ph), 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, pw - 1, ph - 1), radius=ph // 3, fill=255)
        edge = Image.linear_gradient("L").resize((pw, ph)).point(lambda v: 255 - max(0, v - 150))
        pat = Image.merge("RGBA", [ImageChops.multiply(c, edge) for c in pat.split()[:3]] + [mask])
        place(out, pat, (0.05 * w + x, y), shadow=0.5, blur=0.01)
    return out


def chip(size: float, color, rng, specks: bool) -> Image.Image:
    """One irregular fried chip with darker edges (and soybean specks for tempe)."""
    s = int(size)
    img, d = layer(s, s)
    n = rng.randint(7, 11)
    pts = [(s / 2 + math.cos(a) * s * 0.48 * rng.uniform(0.55, 1.0),
            s / 2 + math.sin(a) * s * 0.48 * rng.uniform(0.55, 1.0) * rng.uniform(0.7, 1))
           for a in sorted(rng.uniform(0, 6.283) for _ in range(n))]
    d.polygon(pts, fill=shade(color, -0.25))
    inner = [(s / 2 + (x - s / 2) * 0.85, s / 2 + (y - s / 2) * 0.85) for x, y in pts]
    d.polygon(inner, fill=shade(color, rng.uniform(-0.05, 0.12)))
    for _ in range(rng.randint(5, 10) if specks else rng.randint(2, 5)):
        x, y = rng.uniform(0.25, 0.75) * s, rng.uniform(0.25, 0.75) * s
        r = s * (rng.uniform(0.05, 0.08) if specks else rng.uniform(0.02, 0.05))
        d.ellipse((x - r, y - r * 0.7, x + r, y + r * 0.7),
                  fill=shade(color, 0.35) if specks else shade(color, -0.3))
    return img.rotate(rng.uniform(0, 360), resample=Image.BICUBIC)


def pile(bg: Image.Image, box, count: int, color, rng, size: float, specks: bool, mound: bool = True) -> None:
    """Scatter chips inside an ellipse, the middle ones higher so it reads as a heap."""
    x0, y0, x1, y1 = box
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    spots = []
    for _ in range(count):
        a, r = rng.uniform(0, 6.283), rng.uniform(0, 1) ** 0.7
        lift = (1 - r) * ry * 0.5 if mound else 0
        spots.append((cy + math.sin(a) * r * ry - lift, cx + math.cos(a) * r * rx))
    for y, x in sorted(spots, key=lambda p: -math.hypot((p[1] - cx) / rx, (p[0] - cy) / ry)):
        c = chip(size * rng.uniform(0.7, 1.2), color, rng, specks)
        place(bg, c, (x - c.width / 2, y - c.height / 2), shadow=0.35, blur=0.08, drop=(0.02, 0.06))


def plate(w: int, h: int, color="#fbfaf6") -> Image.Image:
    out, d = layer(w, h)
    d.ellipse((0, 0, w, h), fill=shade(color, -0.12))
    d.ellipse((w * 0.02, h * 0.015, w * 0.98, h * 0.96), fill=rgb(color))
    d.ellipse((w * 0.14, h * 0.14, w * 0.86, h * 0.86), fill=shade(color, -0.05))
    d.ellipse((w * 0.16, h * 0.17, w * 0.84, h * 0.86), fill=shade(color, -0.015))
    return out


def pouch(w: int, h: int, color, label: str, sub: str, accent, window=None) -> Image.Image:
    """A stand-up pouch with a zip seal, a printed label and optionally a clear window."""
    out, d = layer(w, h)
    d.rounded_rectangle((0, h * 0.04, w, h), radius=w // 14, fill=rgb(color))
    for x in range(0, w, w // 30):  # serrated top seal
        d.polygon([(x, h * 0.04), (x + w / 60, 0), (x + w / 30, h * 0.04)], fill=rgb(color))
    d.rectangle((0, h * 0.09, w, h * 0.1), fill=shade(color, -0.2))
    if window is not None:
        win = window.resize((int(w * 0.6), int(h * 0.26)))
        mask = Image.new("L", win.size, 0)
        ImageDraw.Draw(mask).rounded_rectangle((0, 0, win.width - 1, win.height - 1), radius=win.height // 2, fill=255)
        out.paste(win, (int(w * 0.2), int(h * 0.66)), mask)
    d.rounded_rectangle((w * 0.1, h * 0.2, w * 0.9, h * 0.6), radius=w // 20, fill="#fffaf0",
                        outline=rgb(accent), width=max(3, w // 80))
    d.ellipse((w * 0.38, h * 0.24, w * 0.62, h * 0.24 + w * 0.24), fill=rgb(accent))
    initials = "".join(word[0] for word in label.split())[:2].upper()
    d.text((w / 2, h * 0.24 + w * 0.12), initials, font=font(int(w * 0.1)), fill="#fffaf0", anchor="mm")
    d.text((w / 2, h * 0.45), label, font=font(int(w * 0.085)), fill=shade(accent, -0.4), anchor="mm")
    d.text((w / 2, h * 0.53), sub, font=font(int(w * 0.055)), fill=shade(accent, -0.1), anchor="mm")
    light = Image.linear_gradient("L").rotate(90).resize((w, h)).point(lambda v: int(70 * math.sin(v / 255 * 3.14) ** 8))
    out.paste((255, 255, 255), (0, 0), ImageChops.multiply(light, out.getchannel("A")))
    return out


def wood(w: int, h: int, rng, base="#8a5a35") -> Image.Image:
    """A table top of planks with grain lines."""
    img = Image.new("RGB", (w, h), rgb(base))
    d = ImageDraw.Draw(img)
    plank = h // 4
    for i in range(5):
        y0 = i * plank
        d.rectangle((0, y0, w, y0 + plank), fill=shade(base, rng.uniform(-0.12, 0.1)))
        for _ in range(40):
            y = y0 + rng.uniform(0, plank)
            amp, f = rng.uniform(2, 10), rng.uniform(0.002, 0.01)
            pts = [(x, y + amp * math.sin(x * f + y)) for x in range(0, w + 40, 40)]
            d.line(pts, fill=shade(base, rng.uniform(-0.3, -0.1)), width=rng.randint(1, 3))
        d.line((0, y0, w, y0), fill=shade(base, -0.5), width=4)
    return img.filter(ImageFilter.GaussianBlur(1.5))


def leaf(w: int, h: int, rng) -> Image.Image:
    """A cut banana leaf: broad, with a midrib and fine parallel veins."""
    out, d = layer(w, h)
    n = 60
    top = [(w * i / n, h * (0.06 + 0.03 * rng.random()) + (h * 0.05 if i in (0, n) else 0)) for i in range(n + 1)]
    bottom = [(w * i / n, h * (0.94 - 0.03 * rng.random()) - (h * 0.05 if i in (0, n) else 0)) for i in range(n, -1, -1)]
    d.polygon(top + bottom, fill="#3f8a3a")
    mask = out.getchannel("A")
    ramp = Image.linear_gradient("L").resize((w, h))
    tint = Image.composite(Image.new("RGB", (w, h), "#2f6e2d"), Image.new("RGB", (w, h), "#6cb04f"), ramp)
    out = Image.merge("RGBA", (*tint.split(), mask))
    d = ImageDraw.Draw(out)
    for x in range(-h, w + h, max(6, w // 110)):
        c = (60, 128, 52, 255) if rng.random() < 0.7 else (112, 178, 88, 255)
        d.line((x, h / 2, x + h * 0.12, 0), fill=c, width=2)
        d.line((x, h / 2, x + h * 0.12, h), fill=c, width=2)
    d.line((0, h / 2, w, h / 2), fill="#c8d98a", width=max(6, h // 40))
    out.putalpha(mask)
    return out


def fish(w: int, h: int, rng, top="#7d6a4a", belly="#e2c98f", grilled: bool = False) -> Image.Image:
    """A milkfish in profile: spindle body, forked tail, fins, gill, eye and scale rows."""
    out, d = layer(w, h)
    body_len, cy, half = w * 0.8, h / 2, h * 0.3
    outline = [(body_len * t, cy - half * math.sin(math.pi * t) ** 0.7 * (1.1 - 0.3 * t)) for t in
               (i / 50 for i in range(51))]
    outline += [(body_len * t, cy + half * 0.85 * math.sin(math.pi * t) ** 0.7 * (1.1 - 0.3 * t)) for t in
                (i / 50 for i in range(50, -1, -1))]
    tail = [(body_len * 0.97, cy), (w, cy - h * 0.42), (w * 0.93, cy), (w, cy + h * 0.38)]
    fins = [[(w * 0.42, cy - half * 0.95), (w * 0.52, cy - h * 0.47), (w * 0.56, cy - half * 0.8)],
            [(w * 0.5, cy + half * 0.75), (w * 0.58, cy + h * 0.4), (w * 0.6, cy + half * 0.6)]]
    mask = Image.new("L", (w, h), 0)
    md = ImageDraw.Draw(mask)
    for poly in [outline, tail] + fins:
        md.polygon(poly, fill=255)
    ramp = Image.linear_gradient("L").resize((w, int(h * 0.6))).crop((0, 0, w, int(h * 0.6))).resize((w, h))
    skin = Image.composite(Image.new("RGB", (w, h), rgb(belly)), Image.new("RGB", (w, h), rgb(top)), ramp)
    out = Image.merge("RGBA", (*skin.split(), mask))
    d = ImageDraw.Draw(out)
    step = max(10, w // 45)
    for row in range(-6, 7):
        for x in range(int(w * 0.22), int(body_len * 0.92), step):
            y = cy + row * step * 0.8 + (step / 2 if (x // step) % 2 else 0)
            d.arc((x - step, y - step * 0.6, x, y + step * 0.6), 300, 60, fill=shade(top, -0.15), width=2)
    if grilled:
        for x in range(int(w * 0.25), int(body_len), int(w * 0.09)):
            d.line((x, cy - half, x - w * 0.05, cy + half), fill=(50, 28, 12), width=max(5, w // 120))
    d.arc((w * 0.1, cy - half * 0.8, w * 0.24, cy + half * 0.8), 300, 60, fill=shade(top, -0.45), width=max(4, w // 200))
    ex, ey, er = w * 0.07, cy - half * 0.2, w * 0.022
    d.ellipse((ex - er, ey - er, ex + er, ey + er), fill="#f1eee2")
    d.ellipse((ex - er * 0.55, ey - er * 0.55, ex + er * 0.55, ey + er * 0.55), fill="#1b1410")
    out.putalpha(ImageChops.multiply(out.getchannel("A"), mask))
    return out


def weave(w: int, h: int, color, cell: int, rng) -> Image.Image:
    """Basket weave: strips alternating over and under, each shaded across its width."""
    img = Image.new("RGB", (w, h), shade(color, -0.45))
    d = ImageDraw.Draw(img)
    gap = max(2, cell // 12)
    for j in range(h // cell + 1):
        for i in range(w // cell + 1):
            x, y = i * cell, j * cell
            c = shade(color, rng.uniform(-0.12, 0.08))
            if (i + j) % 2:
                d.rectangle((x, y + gap, x + cell, y + cell - gap), fill=c)
                d.rectangle((x, y + gap, x + cell, y + cell * 0.35), fill=shade(c, 0.12))
            else:
                d.rectangle((x + gap, y, x + cell - gap, y + cell), fill=c)
                d.rectangle((x + gap, y, x + cell * 0.35, y + cell), fill=shade(c, 0.12))
    return img


def basket(w: int, h: int, kind: str, color, rng) -> Image.Image:
    """Woven goods: 'keranjang' (round basket), 'tas' (bag with handles), 'topi' (hat), 'tikar' (mat)."""
    out, d = layer(w, h)
    tex = ImageChops.multiply(weave(w, h, color, max(24, w // 22), rng), shading(w, h, rng, 2, 0.35))
    mask = Image.new("L", (w, h), 0)
    md = ImageDraw.Draw(mask)
    rim = shade(color, -0.3)
    if kind == "keranjang":
        md.polygon([(0, h * 0.2), (w, h * 0.2), (w * 0.88, h * 0.92), (w * 0.12, h * 0.92)], fill=255)
        md.ellipse((w * 0.12, h * 0.84, w * 0.88, h))
        md.ellipse((w * 0.12, h * 0.84, w * 0.88, h), fill=255)
        out.paste(tex, (0, 0), mask)
        d.ellipse((0, h * 0.08, w, h * 0.32), fill=rim)
        d.ellipse((w * 0.03, h * 0.11, w * 0.97, h * 0.29), fill=shade(color, -0.55))
    elif kind == "tas":
        for k in (0.28, 0.56):
            d.arc((w * k - w * 0.05, -h * 0.02, w * (k + 0.21), h * 0.6), 180, 360, fill=rim, width=w // 28)
        md.polygon([(w * 0.08, h * 0.28), (w * 0.92, h * 0.28), (w, h), (0, h)], fill=255)
        out.paste(tex, (0, 0), mask)
        d.rectangle((w * 0.07, h * 0.26, w * 0.93, h * 0.33), fill=rim)
        d.rectangle((w * 0.4, h * 0.45, w * 0.6, h * 0.56), fill=shade(color, -0.15), outline=rim, width=w // 120)
    elif kind == "topi":
        brim = Image.new("L", (w, h), 0)
        ImageDraw.Draw(brim).ellipse((0, h * 0.35, w, h), fill=255)
        out.paste(ImageChops.multiply(tex, Image.new("RGB", (w, h), (225, 225, 225))), (0, 0), brim)
        md.ellipse((w * 0.25, h * 0.05, w * 0.75, h * 0.85), fill=255)
        md.rectangle((0, h * 0.62, w, h), fill=0)
        out.paste(tex, (0, 0), mask)
        d.arc((w * 0.25, h * 0.42, w * 0.75, h * 0.78), 0, 180, fill="#8b2c2c", width=h // 22)
    else:  # tikar: a rolled mat, the spiral end showing
        md.rectangle((w * 0.12, h * 0.2, w, h * 0.8), fill=255)
        out.paste(tex, (0, 0), mask)
        d.ellipse((0, h * 0.2, w * 0.24, h * 0.8), fill=shade(color, -0.1))
        for k in range(1, 7):
            f = k / 7
            d.arc((w * 0.12 * (1 - f), h * (0.2 + 0.3 * (1 - f)), w * 0.12 * (1 + f), h * (0.8 - 0.3 * (1 - f))),
                  0, 360, fill=rim, width=max(3, w // 200))
    return out


def beads(w: int, h: int, kind: str, colors, rng) -> Image.Image:
    """Glossy beads on a string: 'kalung' (necklace, a U), 'gelang' (bracelet, a ring), 'bros' (flower)."""
    out, d = layer(w, h)
    if kind == "kalung":
        spots = [(w / 2 + math.cos(t) * w * 0.42, h * 0.12 + math.sin(t) * h * 0.78, w * (0.03 + 0.025 * math.sin(t)))
                 for t in (math.pi * i / 34 for i in range(35))]
        d.line([(x, y) for x, y, _ in spots], fill="#3a2a1c", width=4)
    elif kind == "gelang":
        spots = [(w / 2 + math.cos(t) * w * 0.4, h / 2 + math.sin(t) * h * 0.3, w * 0.05)
                 for t in (2 * math.pi * i / 26 for i in range(26))]
        spots.sort(key=lambda s: s[1])
    else:
        spots = [(w / 2 + math.cos(t) * w * r, h / 2 + math.sin(t) * h * r, w * s)
                 for r, n, s in ((0.36, 12, 0.07), (0.22, 8, 0.06), (0.0, 1, 0.1)) for t in
                 (2 * math.pi * i / n for i in range(n))]
    for i, (x, y, r) in enumerate(spots):
        c = rgb(colors[i % len(colors)])
        d.ellipse((x - r, y - r, x + r, y + r), fill=shade(c, -0.3))
        d.ellipse((x - r * 0.9, y - r * 0.95, x + r * 0.85, y + r * 0.8), fill=c)
        d.ellipse((x - r * 0.55, y - r * 0.6, x - r * 0.1, y - r * 0.25), fill=shade(c, 0.6))
    return out


def soap(w: int, h: int, color, word: str, rng) -> Image.Image:
    """A handmade soap bar seen from above-front, its name pressed into the top."""
    out, d = layer(w, h)
    d.rounded_rectangle((0, h * 0.25, w, h), radius=h // 6, fill=shade(color, -0.18))
    d.rounded_rectangle((0, 0, w, h * 0.78), radius=h // 6, fill=rgb(color))
    d.rounded_rectangle((w * 0.1, h * 0.12, w * 0.9, h * 0.66), radius=h // 10, outline=shade(color, -0.12), width=max(3, w // 90))
    d.text((w / 2, h * 0.39), word, font=font(int(h * 0.2)), fill=shade(color, -0.14), anchor="mm")
    for _ in range(25):
        x, y = rng.uniform(0.05, 0.95) * w, rng.uniform(0.05, 0.7) * h
        d.point((x, y), fill=shade(color, -0.25))
    return out


def bean(size: float, rng, roast="#4a2a16") -> Image.Image:
    s = int(size)
    img, d = layer(s, s)
    c = shade(roast, rng.uniform(-0.15, 0.15))
    d.ellipse((s * 0.15, s * 0.05, s * 0.85, s * 0.95), fill=c)
    d.ellipse((s * 0.22, s * 0.1, s * 0.6, s * 0.6), fill=shade(c, 0.12))
    d.arc((s * 0.35, s * 0.1, s * 0.75, s * 0.9), 110, 250, fill=shade(c, -0.5), width=max(2, s // 14))
    return img.rotate(rng.uniform(0, 360), resample=Image.BICUBIC)


def scatter_beans(bg: Image.Image, box, count: int, size: float, rng) -> None:
    x0, y0, x1, y1 = box
    for _ in range(count):
        b = bean(size * rng.uniform(0.85, 1.1), rng)
        place(bg, b, (rng.uniform(x0, x1), rng.uniform(y0, y1)), shadow=0.4, blur=0.06)


def stalks(bg: Image.Image, x: float, y: float, length: float, rng, color="#7aa33c", n: int = 5) -> None:
    """Lemongrass (sereh) stalks or leaves laid beside a product."""
    for _ in range(n):
        a = rng.uniform(-0.35, 0.35)
        s, d = layer(int(length), int(length * 0.08))
        d.polygon([(0, s.height * 0.2), (length, s.height * 0.45), (length, s.height * 0.55), (0, s.height * 0.8)],
                  fill=shade(color, rng.uniform(-0.15, 0.15)))
        d.line((0, s.height / 2, length, s.height / 2), fill=shade(color, 0.3), width=2)
        s = s.rotate(math.degrees(a), resample=Image.BICUBIC, expand=True)
        place(bg, s, (x, y + rng.uniform(-0.05, 0.05) * length), shadow=0.3, blur=0.02)


# --- logos and covers -----------------------------------------------------------------------
def logo(size: int, p: dict) -> Image.Image:
    """Initials in a circle, flat colours; transparent corners when p['transparent']."""
    bg = (0, 0, 0, 0) if p.get("transparent") else rgb(p.get("paper", "#ffffff")) + (255,)
    img = Image.new("RGBA", (size, size), bg)
    d = ImageDraw.Draw(img)
    m = size * 0.04
    d.ellipse((m, m, size - m, size - m), fill=rgb(p["bg"]))
    r = size * 0.1
    d.ellipse((r, r, size - r, size - r), outline=rgb(p["fg"]), width=max(4, size // 60))
    d.text((size / 2, size * 0.47), p["initials"], font=font(int(size * 0.3)), fill=rgb(p["fg"]), anchor="mm")
    if p.get("word"):
        d.text((size / 2, size * 0.7), p["word"], font=font(int(size * 0.065)), fill=rgb(p["fg"]), anchor="mm")
    return img


def cover(w: int, h: int, rng, p: dict) -> Image.Image:
    """A wide banner of the booth's texture or product, with a thin brand-colour strip.

    No text: the site prints the booth name itself and crops covers to cards, which would cut
    a title in half."""
    pal = p["pal"]
    tex = p["texture"]
    if tex in MOTIFS:
        art = MOTIFS[tex](w, h, pal, rng, h // 3)
        art = ImageChops.multiply(art, shading(w, h, rng, 3, 0.18))
    elif tex == "weave":
        art = weave(w, h, pal[1], h // 10, rng)
        art = ImageChops.multiply(art, shading(w, h, rng, 3, 0.25))
    elif tex == "wood":
        art = wood(w, h, rng, pal[1])
        lf = leaf(int(w * 0.5), int(h * 0.9), rng)
        place(art, lf, (w * 0.25, h * 0.04))
        f = fish(int(w * 0.4), int(h * 0.45), rng, pal[2], pal[3])
        place(art, f, (w * 0.3, h * 0.25))
    else:  # "beans" or "chips": a product spread on a plain ground
        art = backdrop(w, h, pal[0], shade(pal[0], -0.2))
        for _ in range(150 if tex == "beans" else 110):
            x, y = rng.uniform(-0.05, 1.0) * w, rng.uniform(-0.05, 0.95) * h
            obj = bean(h * 0.14, rng) if tex == "beans" else chip(h * 0.22, pal[3], rng, True)
            place(art, obj, (x, y), shadow=0.35, blur=0.05)
    img = art.convert("RGB")
    ImageDraw.Draw(img).rectangle((0, h * 0.95, w, h), fill=rgb(p["band"]))
    return img


# --- product scenes -------------------------------------------------------------------------
def scene(kind: str, w: int, h: int, rng, p: dict) -> Image.Image:
    """One product photo, drawn at (w, h)."""
    back = p.get("back", ("#f4efe6", "#d5c6ad"))
    bg = wood(w, h, rng, p.get("wood", "#8a5a35")) if kind in ("ikan", "vakum") else backdrop(w, h, *back)
    u = min(w, h)
    if kind == "kain":
        obj = kain(int(u * 0.78), int(u * 0.66), p["motif"], p["pal"], rng, int(u * p.get("scale", 0.11)))
        place(bg, obj, ((w - obj.width) / 2, (h - obj.height) / 2))
    elif kind == "detail":  # a close-up of the cloth filling the frame
        pat = MOTIFS[p["motif"]](w, h, p["pal"], rng, int(u * p.get("scale", 0.3)))
        bg = ImageChops.multiply(pat, shading(w, h, rng, 3, 0.3))
        bg = ImageChops.multiply(bg, weave(w, h, "#ffffff", 6, rng).convert("L").point(lambda v: 215 + v // 7).convert("RGB"))
    elif kind == "kemeja":
        obj = kemeja(int(u * 0.84), int(u * 0.84), p["motif"], p["pal"], rng, int(u * p.get("scale", 0.1)), p.get("short", False))
        place(bg, obj, ((w - obj.width) / 2, (h - obj.height) / 2))
    elif kind == "stack":
        obj = stack(int(u * 0.8), int(u * 0.62), p["items"], rng, int(u * p.get("scale", 0.07)))
        place(bg, obj, ((w - obj.width) / 2, h * 0.2))
    elif kind == "keripik":
        pl = plate(int(w * 0.8), int(h * 0.62))
        place(bg, pl, (w * 0.1, h * 0.24))
        pile(bg, (w * 0.22, h * 0.34, w * 0.78, h * 0.76), p.get("count", 80), p["color"], rng, u * 0.13, p.get("specks", True))
    elif kind == "pouch":
        bags = p["bags"]
        bw = int(w * (0.46 if len(bags) == 1 else 0.3))
        for i, (color, label, sub, accent) in enumerate(bags):
            win = backdrop(300, 150, shade(p.get("fill", "#d9a441"), 0.1), shade(p.get("fill", "#d9a441"), -0.25))
            obj = pouch(bw, int(bw * 1.45), color, label, sub, accent, win)
            x = (w - bw) / 2 + (i - (len(bags) - 1) / 2) * bw * 1.08
            place(bg, obj, (x, h * 0.1 + (0 if i == (len(bags) - 1) // 2 else h * 0.05)))
        if p.get("beans"):
            scatter_beans(bg, (0, h * 0.72, w * 0.95, h * 0.92), p["beans"], u * 0.08, rng)
        if p.get("chips"):
            pile(bg, (w * 0.05, h * 0.78, w * 0.45, h * 0.95), p["chips"], p.get("fill", "#d9a441"), rng, u * 0.1, True, False)
    elif kind == "biji":
        scatter_beans(bg, (-u * 0.05, h * 0.05, w * 0.95, h * 0.9), p.get("count", 260), u * 0.085, rng)
    elif kind in ("ikan", "vakum"):
        lf = leaf(int(w * 0.94), int(h * 0.66), rng).rotate(rng.uniform(-5, 5), resample=Image.BICUBIC, expand=True)
        place(bg, lf, ((w - lf.width) / 2, (h - lf.height) / 2))
        n = p.get("count", 1)
        for i in range(n):
            f = fish(int(w * 0.74), int(h * 0.3), rng, p.get("top", "#8a6a3a"), p.get("belly", "#ead2a0"), p.get("grilled", False))
            y = h / 2 - f.height / 2 + (i - (n - 1) / 2) * h * 0.2
            place(bg, f, (w * 0.13, y), shadow=0.5)
        if kind == "vakum":
            film, d = layer(int(w * 0.86), int(h * (0.3 + 0.2 * n)))
            d.rounded_rectangle((0, 0, film.width - 1, film.height - 1), radius=u // 18, fill=(255, 255, 255, 60),
                                outline=(255, 255, 255, 150), width=u // 120)
            d.rectangle((film.width * 0.62, film.height * 0.08, film.width * 0.95, film.height * 0.3), fill="#fff8e8")
            d.text((film.width * 0.785, film.height * 0.19), p.get("label", "VAKUM"), font=font(u // 26), fill="#1f5a8a", anchor="mm")
            bg.paste(film, (int(w * 0.07), int(h / 2 - film.height / 2)), film)
    elif kind == "anyaman":
        obj = basket(int(u * p.get("size", 0.7)), int(u * p.get("size", 0.7) * p.get("ratio", 0.9)), p["shape"], p["color"], rng)
        place(bg, obj, ((w - obj.width) / 2, (h - obj.height) / 2 + h * 0.04))
    elif kind == "manik":
        obj = beads(int(u * 0.74), int(u * p.get("ratio", 0.74)), p["shape"], p["colors"], rng)
        place(bg, obj, ((w - obj.width) / 2, (h - obj.height) / 2), shadow=0.35)
    elif kind in ("sabun", "hampers"):
        if kind == "hampers":
            obj = basket(int(u * 0.8), int(u * 0.56), "keranjang", "#c9a86a", rng)
            place(bg, obj, ((w - obj.width) / 2, h * 0.4))
        else:
            stalks(bg, w * 0.05, h * 0.62, w * 0.9, rng, p.get("leaf", "#7aa33c"))
        bars = p["bars"]
        for i, (color, word) in enumerate(bars):
            sw = int(u * (0.28 if kind == "hampers" else 0.42))
            bar = soap(sw, int(sw * 0.55), color, word, rng)
            x = (w - sw) / 2 + (i - (len(bars) - 1) / 2) * sw * 0.9
            y = h * (0.36 if kind == "hampers" else 0.42) - (h * 0.05 if i % 2 else 0)
            place(bg, bar, (x, y))
    return bg


# --- what to draw: (folder, file name, size, kind, parameters) ------------------------------
SQ, WIDE, BANNER, LOGO = (1200, 1200), (1200, 900), (1600, 600), (600, 600)
CREAM = ("#f6f1e8", "#d8c9b0")
GREY = ("#f0f1f3", "#c9cdd4")
BLUSH = ("#f8f0ef", "#e2cfcd")
SAGE = ("#eef2e6", "#c5d0b2")
HIJAB = [("dots", ("#e9d4d1", "#c99a96", "#7a5552", "#ffffff")),
         ("dots", ("#d6e4dd", "#8fb5a3", "#3d6b57", "#ffffff")),
         ("dots", ("#efe3c8", "#cfae6b", "#7a5f2a", "#ffffff")),
         ("dots", ("#dcd6ea", "#9c8fc2", "#514677", "#ffffff"))]
LURIK = ("#d9c7a3", "#5a3a22", "#1e1e2a", "#b8412c")
LURIK_BLUE = ("#c9d3de", "#2b3f63", "#141c2c", "#d9a441")
TEMPE = "#d6a64a"
KERIPIK_BAG = ("#3f7d4e", "Keripik Tempe", "Bu Sri - Semarang", "#c0392b")
KOPI_BAG = ("#a07850", "Kopi Lereng", "Ungaran - Kab. Semarang", "#3b2416")

PHOTOS = [
    # batik-sogan-pekalongan: batik tulis and cap in sogan browns and indigo
    ("batik-sogan-pekalongan", "logo.png", LOGO, "logo", dict(initials="BS", bg="#4a2c17", fg="#f1e2c4", word="PEKALONGAN", transparent=True)),
    ("batik-sogan-pekalongan", "sampul.jpg", BANNER, "cover", dict(texture="parang", pal=SOGAN, band="#4a2c17")),
    ("batik-sogan-pekalongan", "parang-sogan-1.jpg", SQ, "kain", dict(motif="parang", pal=SOGAN, back=CREAM)),
    ("batik-sogan-pekalongan", "parang-sogan-2.jpg", SQ, "detail", dict(motif="parang", pal=SOGAN, scale=0.28)),
    ("batik-sogan-pekalongan", "parang-sogan-3.jpg", SQ, "stack", dict(items=[("parang", SOGAN), ("kawung", SOGAN), ("parang", SOGAN)], back=CREAM, scale=0.09)),
    ("batik-sogan-pekalongan", "kawung-cap.jpg", SQ, "kain", dict(motif="kawung", pal=SOGAN, back=CREAM, scale=0.09)),
    ("batik-sogan-pekalongan", "kemeja-parang.jpg", SQ, "kemeja", dict(motif="parang", pal=SOGAN, back=GREY, scale=0.08)),
    ("batik-sogan-pekalongan", "selendang-kawung.jpg", WIDE, "stack", dict(items=[("kawung", INDIGO), ("kawung", SOGAN)], back=CREAM, scale=0.1)),
    ("batik-sogan-pekalongan", "kain-indigo.jpg", SQ, "kain", dict(motif="kawung", pal=INDIGO, back=GREY, scale=0.08)),
    # batik-pesisir-wiradesa: bright coastal batik, mega mendung
    ("batik-pesisir-wiradesa", "logo.jpg", LOGO, "logo", dict(initials="BP", bg="#b3262d", fg="#ffffff", word="WIRADESA", paper="#f3ead8")),
    ("batik-pesisir-wiradesa", "cover.jpg", BANNER, "cover", dict(texture="mega", pal=MEGA, band="#1f3f7a")),
    ("batik-pesisir-wiradesa", "mega-mendung-1.jpg", SQ, "kain", dict(motif="mega", pal=MEGA, back=GREY, scale=0.1)),
    ("batik-pesisir-wiradesa", "mega-mendung-2.jpg", WIDE, "detail", dict(motif="mega", pal=MEGA, scale=0.25)),
    ("batik-pesisir-wiradesa", "buketan.jpg", SQ, "kain", dict(motif="dots", pal=PESISIR, back=CREAM, scale=0.08)),
    ("batik-pesisir-wiradesa", "kemeja-mega.jpg", SQ, "kemeja", dict(motif="mega", pal=MEGA, back=GREY, scale=0.08, short=True)),
    # hijab-humaira-semarang
    ("hijab-humaira-semarang", "logo.png", LOGO, "logo", dict(initials="H", bg="#c99a96", fg="#ffffff", word="HUMAIRA", transparent=True)),
    ("hijab-humaira-semarang", "hijab-voal.jpg", SQ, "stack", dict(items=HIJAB, back=BLUSH)),
    ("hijab-humaira-semarang", "pashmina.jpg", WIDE, "stack", dict(items=HIJAB[1:3], back=BLUSH, scale=0.06)),
    ("hijab-humaira-semarang", "tunik.jpg", SQ, "kemeja", dict(motif="dots", pal=HIJAB[3][1], back=BLUSH, scale=0.07)),
    # lurik-pedan-klaten
    ("lurik-pedan-klaten", "logo.jpg", LOGO, "logo", dict(initials="LP", bg="#5a3a22", fg="#d9c7a3", word="TENUN ATBM", paper="#ffffff")),
    ("lurik-pedan-klaten", "kain-lurik.jpg", SQ, "kain", dict(motif="lurik", pal=LURIK, back=CREAM, scale=0.12)),
    ("lurik-pedan-klaten", "kemeja-lurik.jpg", SQ, "kemeja", dict(motif="lurik", pal=LURIK_BLUE, back=GREY, scale=0.1, short=True)),
    ("lurik-pedan-klaten", "syal-lurik.jpg", WIDE, "stack", dict(items=[("lurik", LURIK), ("lurik", LURIK_BLUE), ("lurik", LURIK)], back=CREAM, scale=0.12)),
    # keripik-tempe-bu-sri
    ("keripik-tempe-bu-sri", "logo.png", LOGO, "logo", dict(initials="BS", bg="#3f7d4e", fg="#fff6dc", word="KERIPIK TEMPE", transparent=True)),
    ("keripik-tempe-bu-sri", "sampul.jpg", BANNER, "cover", dict(texture="chips", pal=("#f3e6cc", "", "", TEMPE), band="#3f7d4e")),
    ("keripik-tempe-bu-sri", "keripik-original-1.jpg", SQ, "keripik", dict(color=TEMPE, back=CREAM)),
    ("keripik-tempe-bu-sri", "keripik-original-2.jpg", SQ, "pouch", dict(bags=[KERIPIK_BAG], fill=TEMPE, chips=14, back=CREAM)),
    ("keripik-tempe-bu-sri", "keripik-original-3.jpg", WIDE, "keripik", dict(color=TEMPE, back=("#efe3cf", "#b98f5e"), count=110)),
    ("keripik-tempe-bu-sri", "keripik-pedas.jpg", SQ, "keripik", dict(color="#c9632e", back=CREAM)),
    ("keripik-tempe-bu-sri", "singkong-balado.jpg", SQ, "keripik", dict(color="#d8582a", specks=False, back=("#f6efe2", "#d9b98c"))),
    ("keripik-tempe-bu-sri", "paket-3-rasa.jpg", WIDE, "pouch", dict(bags=[("#c0392b", "Pedas", "Daun Jeruk", "#7a1f16"), KERIPIK_BAG, ("#d98c1f", "Balado", "Singkong", "#8a4a0c")], fill=TEMPE, back=CREAM)),
    # kopi-lereng-ungaran
    ("kopi-lereng-ungaran", "logo.jpg", LOGO, "logo", dict(initials="KL", bg="#3b2416", fg="#e8d3b0", word="UNGARAN", paper="#f4ece0")),
    ("kopi-lereng-ungaran", "cover.jpg", BANNER, "cover", dict(texture="beans", pal=("#e9dcc7", "", "", ""), band="#3b2416")),
    ("kopi-lereng-ungaran", "robusta-bubuk.jpg", SQ, "pouch", dict(bags=[KOPI_BAG], fill="#4a2a16", beans=26, back=("#f1e9de", "#bfa58a"))),
    ("kopi-lereng-ungaran", "arabika-biji.jpg", WIDE, "biji", dict(back=("#efe6da", "#b99b7a"))),
    ("kopi-lereng-ungaran", "drip-bag.jpg", SQ, "pouch", dict(bags=[("#2f4f3a", "Drip Bag", "isi 10", "#a07850"), ("#f2ede4", "Kopi Lereng", "Drip Arabika", "#3b2416")], fill="#4a2a16", beans=14, back=("#f1e9de", "#bfa58a"))),
    # bandeng-presto-juwana
    ("bandeng-presto-juwana", "logo.png", LOGO, "logo", dict(initials="BJ", bg="#1f5a8a", fg="#ffffff", word="JUWANA", transparent=False, paper="#ffffff")),
    ("bandeng-presto-juwana", "sampul.jpg", BANNER, "cover", dict(texture="wood", pal=("", "#8a5a35", "#8a6a3a", "#ead2a0"), band="#1f5a8a")),
    ("bandeng-presto-juwana", "presto-original-1.jpg", SQ, "ikan", dict()),
    ("bandeng-presto-juwana", "presto-original-2.jpg", WIDE, "ikan", dict(count=2, wood="#7a4e2e")),
    ("bandeng-presto-juwana", "presto-vakum.jpg", SQ, "vakum", dict(count=2, label="VAKUM 2 EKOR")),
    ("bandeng-presto-juwana", "otak-otak.jpg", SQ, "ikan", dict(top="#9a6a2e", belly="#e0b36a", grilled=True)),
    ("bandeng-presto-juwana", "bandeng-asap.jpg", WIDE, "ikan", dict(top="#5a3414", belly="#b9782e", wood="#6e4a30")),
    # anyaman-pandan-kediri
    ("anyaman-pandan-kediri", "logo.png", LOGO, "logo", dict(initials="AP", bg="#6b8e3a", fg="#fdf6e3", word="KEDIRI", transparent=True)),
    ("anyaman-pandan-kediri", "cover.jpg", BANNER, "cover", dict(texture="weave", pal=("", "#c9a86a"), band="#4f6b2a")),
    ("anyaman-pandan-kediri", "tas-pandan-1.jpg", SQ, "anyaman", dict(shape="tas", color="#c2a663", size=0.66, ratio=1.1, back=CREAM)),
    ("anyaman-pandan-kediri", "tas-pandan-2.jpg", SQ, "anyaman", dict(shape="tas", color="#8fa35a", size=0.6, ratio=1.1, back=SAGE)),
    ("anyaman-pandan-kediri", "keranjang.jpg", SQ, "anyaman", dict(shape="keranjang", color="#c9a86a", back=CREAM)),
    ("anyaman-pandan-kediri", "topi-pandan.jpg", WIDE, "anyaman", dict(shape="topi", color="#d8bf83", size=0.95, ratio=0.6, back=("#e9f1f4", "#b9cdd6"))),
    ("anyaman-pandan-kediri", "tikar-pandan.jpg", WIDE, "anyaman", dict(shape="tikar", color="#c2a25e", size=1.1, ratio=0.45, back=CREAM)),
    # manik-ayu-batang
    ("manik-ayu-batang", "logo.png", LOGO, "logo", dict(initials="MA", bg="#7b2d5b", fg="#f9e8f1", word="BATANG", transparent=True)),
    ("manik-ayu-batang", "kalung-manik.jpg", SQ, "manik", dict(shape="kalung", colors=["#7b4a2a", "#c98b4a", "#2e5d4b", "#c98b4a"], back=CREAM)),
    ("manik-ayu-batang", "gelang-manik.jpg", SQ, "manik", dict(shape="gelang", colors=["#b03a2e", "#e8c170", "#1f3f7a"], ratio=0.6, back=BLUSH)),
    ("manik-ayu-batang", "bros-bunga.jpg", SQ, "manik", dict(shape="bros", colors=["#e9c4d0", "#ffffff", "#d4a017"], back=("#f3eef6", "#cfc2da"))),
    # sabun-sereh-solo
    ("sabun-sereh-solo", "logo.jpg", LOGO, "logo", dict(initials="SS", bg="#5d7f2f", fg="#f4f7e8", word="SOLO", paper="#f4f7e8")),
    ("sabun-sereh-solo", "cover.jpg", BANNER, "cover", dict(texture="lurik", pal=("#e4ecd2", "#7aa33c", "#4c6b22", "#d9a441"), band="#4c6b22")),
    ("sabun-sereh-solo", "sabun-sereh-1.jpg", SQ, "sabun", dict(bars=[("#dfe7b0", "SEREH")], back=SAGE)),
    ("sabun-sereh-solo", "sabun-sereh-2.jpg", WIDE, "sabun", dict(bars=[("#dfe7b0", "SEREH"), ("#e9edc9", "SEREH"), ("#dfe7b0", "SEREH")], back=SAGE)),
    ("sabun-sereh-solo", "sabun-kunyit.jpg", SQ, "sabun", dict(bars=[("#f0b43c", "KUNYIT"), ("#f5cf7a", "MADU")], leaf="#c98b2a", back=("#faf3e3", "#dcc59a"))),
    ("sabun-sereh-solo", "hampers.jpg", SQ, "hampers", dict(bars=[("#dfe7b0", "SEREH"), ("#f0b43c", "KUNYIT"), ("#e9c4d0", "MAWAR")], back=SAGE)),
]


def render(slug: str, name: str, size, kind: str, p: dict) -> bytes:
    rng = random.Random(f"{slug}/{name}")  # str seeds are hashed with SHA-512: stable
    w, h = size[0] * SS, size[1] * SS
    if kind == "logo":
        img = logo(w, p)
    elif kind == "cover":
        img = cover(w, h, rng, p)
    else:
        img = scene(kind, w, h, rng, p)
    img = img.resize(size, Image.LANCZOS)
    buf = io.BytesIO()
    if name.endswith(".png"):  # flat logo colours: a 64-colour palette keeps the file small
        img.quantize(64, method=Image.Quantize.FASTOCTREE).save(buf, "PNG", optimize=True)
    else:
        img.convert("RGB").save(buf, "JPEG", **JPEG)
    return buf.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file differs")
    parser.add_argument("--only", help="draw only this exhibitor folder")
    args = parser.parse_args(argv)
    differ = 0
    for slug, name, size, kind, p in PHOTOS:
        if args.only and slug != args.only:
            continue
        data = render(slug, name, size, kind, p)
        path = EXHIBITORS / slug / name
        same = path.is_file() and path.read_bytes() == data
        if args.check:
            if not same:
                differ += 1
                print(f"differs: {path.relative_to(ROOT)}")
        elif not same:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data) // 1024} KB)")
    if args.check:
        print(f"{differ} file(s) differ" if differ else "all demo photos are up to date")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
