"""Small generated photos for the image tests: fast to make, with known content."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

# upright picture: four quadrants, so any wrong turn or flip shows
QUADRANTS = {"top_left": (220, 40, 40), "top_right": (40, 200, 60), "bottom_left": (40, 60, 210),
             "bottom_right": (240, 240, 240)}
# display = stored.transpose(T[n]) for EXIF orientation n, so stored = upright.transpose(T^-1)
TO_STORED = {
    1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270,
}


def quadrants(size=(160, 120)) -> Image.Image:
    w, h = size
    im = Image.new("RGB", size)
    im.paste(QUADRANTS["top_left"], (0, 0, w // 2, h // 2))
    im.paste(QUADRANTS["top_right"], (w // 2, 0, w, h // 2))
    im.paste(QUADRANTS["bottom_left"], (0, h // 2, w // 2, h))
    im.paste(QUADRANTS["bottom_right"], (w // 2, h // 2, w, h))
    return im


def quadrant_colours(im: Image.Image) -> dict[str, tuple[int, ...]]:
    im = im.convert("RGB")
    w, h = im.size
    points = {"top_left": (w // 4, h // 4), "top_right": (3 * w // 4, h // 4),
              "bottom_left": (w // 4, 3 * h // 4), "bottom_right": (3 * w // 4, 3 * h // 4)}
    return {name: im.getpixel(xy) for name, xy in points.items()}


def close(a, b, tolerance=24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def private_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: maker, model, a maker note and the GPS position of a home."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0110] = "Model X1"  # Model
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x927C] = b"MAKERNOTE-serial-12345"  # MakerNote in the Exif IFD
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (6.0, 53.0, 12.5)
    gps[3], gps[4] = "E", (109.0, 40.0, 7.25)
    return exif


XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description exif:GPSLatitude="6,53.2S" xmlns:exif="http://ns.'
       b'adobe.com/exif/1.0/"/></rdf:RDF></x:xmpmeta>')


def noisy(size=(320, 240), seed=1) -> Image.Image:
    """Something that compresses like a photo, so truncating the file cuts real data."""
    base = Image.radial_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 40 + seed).convert("RGB")
    return Image.blend(base, noise, 0.5)


def truncated_jpeg(path: Path, size=(320, 240)) -> Path:
    """A JPEG whose header is fine and whose pixel data stops halfway."""
    buffer = io.BytesIO()
    noisy(size).save(buffer, "JPEG", quality=92)
    data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: len(data) // 2])
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A tiny file claiming to be a huge PNG: what a decompression bomb looks like to a header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
                     + chunk(b"IEND", b""))
    return path


def png16_grey(path: Path, size=(256, 16)) -> Path:
    """A 16-bit greyscale PNG, a ramp from black to white."""
    w, h = size
    rows = b"".join(b"\x00" + b"".join(struct.pack(">H", x * 65535 // (w - 1)) for x in range(w))
                    for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 16, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def metadata_leaks(path: Path) -> list[str]:
    """What a published file carries that it should not."""
    leaks = []
    data = path.read_bytes()
    for marker in (b"Exif\x00\x00", b"SecretCam", b"MAKERNOTE", b"adobe:ns:meta", b"GPSLatitude"):
        if marker in data:
            leaks.append(marker.decode(errors="replace"))
    with Image.open(path) as im:
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile"):
            if im.info.get(key):
                leaks.append(f"info[{key}]")
        if dict(im.getexif()):
            leaks.append("getexif")
    return leaks


class PhotoFailures(Exception):
    def __init__(self, failures):
        super().__init__(", ".join(str(f.source) for f in failures))
        self.failures = failures


def render_photos(pictures, output_dir: Path, cache_dir: Path, **options) -> int:
    """prepare + publish, as a build does; returns how many sources were decoded."""
    from expo.images import pipeline

    prepared = pipeline.prepare(list(pictures), cache_dir, **options)
    if prepared.failures:
        raise PhotoFailures(prepared.failures)
    pipeline.publish(prepared, output_dir)
    return prepared.decoded
