"""The expo's own pictures, drawn at build time from its name, dates and colours (Pillow).

- the link preview (og:image, 1200x630 JPEG) of pages without a photo of their own: the home
  page, listings, the organiser's pages;
- the home screen icons of the web app manifest and the favicon: the expo's initials.

Pure functions returning bytes; equal settings give equal bytes, so two builds are identical.
"""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from expo.images.recipe import SHARE_SIZE  # the size of every link preview, photos' included
WHITE = "#ffffff"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled font: no font file to ship or to find on the build machine."""
    return ImageFont.load_default(size=size)


def initials(name: str) -> str:
    """'Expo UMKM Virtual' -> 'EU': the first letters of the first two words."""
    letters = [word[0] for word in name.split() if word[:1].isalnum()]
    return "".join(letters[:2]).upper() or "E"


def share_image(name: str, dates: str, organiser: str, colour: str, soft: str) -> bytes:
    """The expo's name in large type on its colour, dates and organiser below; under 100 KB."""
    image = Image.new("RGB", SHARE_SIZE, colour)
    draw = ImageDraw.Draw(image)
    width, height = SHARE_SIZE
    draw.rectangle((0, height - 24, width, height), fill=soft)
    size = 84
    lines = textwrap.wrap(name, 24)
    while len(lines) > 3 and size > 48:  # a long name: smaller type, wider lines
        size -= 12
        lines = textwrap.wrap(name, int(24 * 84 / size))
    title = _font(size)
    y = 96
    for line in lines[:4]:
        draw.text((80, y), line, font=title, fill=WHITE)
        y += int(size * 1.2)
    small = _font(40)
    y += 24
    for line in (dates, organiser):
        for part in textwrap.wrap(line, 50)[:2]:
            draw.text((80, y), part, font=small, fill=soft)
            y += 52
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def icon(name: str, colour: str, size: int) -> Image.Image:
    """A square of the expo's colour with its initials, safe for round (maskable) icon masks."""
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    draw.text((size / 2, size / 2), initials(name), font=_font(int(size * 0.42)), fill=WHITE, anchor="mm")
    return image


def icon_png(name: str, colour: str, size: int) -> bytes:
    out = io.BytesIO()
    icon(name, colour, size).save(out, "PNG", optimize=True)
    return out.getvalue()


def favicon_ico(name: str, colour: str) -> bytes:
    out = io.BytesIO()
    icon(name, colour, 64).save(out, "ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return out.getvalue()
