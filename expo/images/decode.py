"""A photo file -> upright 8-bit sRGB pixels without metadata, decoded once and no larger than needed.

Exhibitors upload whatever their phone or print shop made: JPEG with EXIF rotation, iPhone HEIC
in Display P3, PNG screenshots with transparency, 16-bit PNG, CMYK JPEG with a press profile.
Everything leaves here as RGB, or RGBA when the alpha channel really is used, in sRGB, turned the
right way up, with `info` emptied so no EXIF, GPS, XMP or colour profile can reach an output.

Hostile input is expected: the pixel limit is checked from the header before anything is
decoded, only the formats we support are even tried, and every failure becomes a `PhotoError`
whose key is a message in messages.py.
"""

from __future__ import annotations

import hashlib
import io
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PIL import Image, ImageCms

try:  # iPhone photos are HEIC
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pillow_heif = None

# JpegImagePlugin also opens MPO (the multi-picture JPEG some phones write).
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF", "AVIF")
SWAPS_SIDES = {5, 6, 7, 8}  # EXIF orientations that rotate by 90 degrees
# A photo at most this many times longer than wide (or wider than long). A 1 x 30,000,000 PNG is
# under the pixel limit but no encoder takes its 1-pixel-wide renditions; checked from the
# header, so validate and build refuse it alike. Panoramas and banners stay well inside.
MAX_ASPECT = 20
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_transforms: dict[tuple[str, str], ImageCms.ImageCmsTransform | None] = {}


class PhotoError(Exception):
    """A photo that cannot be used; `key` and `params` become a ContentError."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


# A JPEG decodes at 1/2, 1/4 or 1/8 scale (DCT scaling) for about the memory of the result, so a
# JPEG over the pixel limit is shrunk instead of refused, up to this many times the limit: a
# phone's 108 MP photo is fine, a forged 10,000 MP header is not. Other formats decode in full.
JPEG_SHRINK_FACTOR = 4


SHRINKABLE_FORMATS = ("JPEG", "MPO")  # decoded at 1/2, 1/4 or 1/8 scale by libjpeg itself


@contextmanager
def open_photo(path: Path, max_megapixels: float) -> Iterator[Image.Image]:
    """Open the header only, refusing other formats and pictures over the pixel limit (a JPEG
    up to JPEG_SHRINK_FACTOR times the limit is let through: it is decoded scaled down)."""
    old_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # we apply the organiser's limit ourselves, below
    try:
        im = Image.open(path, formats=ALLOWED_FORMATS)
    except Exception:  # decoders raise all sorts on hostile bytes; none of it is a crash
        raise PhotoError("photo_unreadable") from None
    finally:
        Image.MAX_IMAGE_PIXELS = old_limit
    with im:
        width, height = im.size
        if width < 1 or height < 1:
            raise PhotoError("photo_unreadable")
        check_pixels(width, height, max_megapixels, jpeg=im.format in SHRINKABLE_FORMATS)
        yield im


def check_pixels(width: int, height: int, max_megapixels: float, jpeg: bool = False) -> None:
    """The organiser's pixel limit and the shape limit, from the header or from a size the cache
    remembers. A JPEG up to JPEG_SHRINK_FACTOR times the limit passes: it is decoded scaled down."""
    pixels = width * height
    if pixels > max_megapixels * 1_000_000 and not (jpeg and pixels <= max_megapixels * JPEG_SHRINK_FACTOR * 1_000_000):
        raise PhotoError("photo_too_many_pixels", megapixels=round(pixels / 1e6, 1), limit=max_megapixels)
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise PhotoError("photo_shape", width=width, height=height, limit=MAX_ASPECT)


def orientation(im: Image.Image) -> int:
    """The EXIF orientation, 1 when absent or unreadable (broken EXIF on valid pixels is common)."""
    try:
        value = int(im.getexif().get(0x0112, 1))
    except Exception:
        return 1
    return value if value in range(1, 9) else 1


def display_size(im: Image.Image) -> tuple[int, int]:
    width, height = im.size
    return (height, width) if orientation(im) in SWAPS_SIDES else (width, height)


def decode(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Decode `im` once and return it at `size` (as displayed): upright, sRGB, RGB or RGBA.

    JPEGs decode at the smallest DCT scale (1/2, 1/4, 1/8) that still covers `size`, which is
    most of the speed: a 12 MP photo for 1200 px is decoded at 3 MP.
    """
    turn = orientation(im)
    stored = (size[1], size[0]) if turn in SWAPS_SIDES else size
    if im.format in ("JPEG", "MPO"):
        im.draft(im.mode, stored)
    try:
        im.load()
    except Exception as exc:  # truncated or corrupt pixel data behind a valid header
        raise load_error(im, exc) from None
    profile = im.info.get("icc_profile")
    out = _eight_bit(im)
    if out.size != stored:
        out = out.resize(stored, Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = _to_srgb(out, profile)
    if out.mode == "RGBA" and out.getchannel("A").getextrema()[0] == 255:
        out = out.convert("RGB")  # an alpha channel nobody uses only costs bytes
    if turn in _TRANSPOSE:
        out = out.transpose(_TRANSPOSE[turn])
    out.info = {}  # no EXIF, GPS, XMP, maker notes or profile beyond this point
    return out


def _eight_bit(im: Image.Image) -> Image.Image:
    """One of L, LA, RGB, RGBA or CMYK, 8 bits per channel."""
    mode = im.mode
    if mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return im
    if mode.startswith("I"):  # 16-bit greyscale PNG: scale, do not clip at 255
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if mode == "1":
        return im.convert("L")
    if mode == "La":
        return im.convert("LA")
    return im.convert("RGBA" if im.has_transparency_data else "RGB")


def _to_srgb(im: Image.Image, profile: bytes | None) -> Image.Image:
    """Convert through the embedded colour profile (Display P3, Adobe RGB, a CMYK press profile)."""
    transform = _transform(profile, im.mode) if profile and im.mode in ("RGB", "RGBA", "CMYK") else None
    if transform is not None:
        return ImageCms.applyTransform(im, transform)
    if im.mode in ("RGB", "RGBA"):
        return im
    return im.convert("RGBA" if im.mode == "LA" else "RGB")


def _transform(profile: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """A cached transform to sRGB; None when the profile is sRGB already, broken or mismatched."""
    key = (hashlib.sha1(profile).hexdigest(), mode)
    if key not in _transforms:
        _transforms[key] = _build_transform(profile, mode)
    return _transforms[key]


def _build_transform(profile: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        space = source.profile.xcolor_space.strip()
        if space != ("CMYK" if mode == "CMYK" else "RGB"):
            return None
        if mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return None
        out_mode = "RGBA" if mode == "RGBA" else "RGB"
        return ImageCms.buildTransform(source, _SRGB, mode, out_mode,
                                       renderingIntent=ImageCms.Intent.PERCEPTUAL)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None  # a broken profile: the pixels are still good, read them as sRGB


def load_error(im: Image.Image, exc: BaseException) -> PhotoError:
    """Why decoding failed. A HEIC whose header states a smaller size than its pixels (a way to
    slip past the pixel limit) is stopped by libheif's security limit: say so, not "damaged"."""
    if "Security limit exceeded" in str(exc):
        return PhotoError("photo_size_understated", width=im.size[0], height=im.size[1])
    return PhotoError("photo_broken", detail=describe_error(exc))


def describe_error(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
