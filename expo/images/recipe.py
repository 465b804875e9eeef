"""What every photo becomes: widths, formats, encoder settings, and the fingerprint of it all.

The fingerprint keys the photo cache together with the source's content, so changing anything
here (a width, a quality, the Pillow or codec version) re-encodes every photo, and an unchanged
recipe re-encodes nothing.

Why AVIF (plus a JPEG fallback) by default, and WebP only on request: measured on real phone
photos (8-12 MP JPEGs from /work/shared/realphotos, 800 px wide, one thread, structural similarity
of the luma against the resized original):

| encoder, settings                 | size  | time  | SSIM  |
|-----------------------------------|-------|-------|-------|
| JPEG q75 optimize                 | 68 KB |  3 ms | 0.963 |
| WebP q75 method 2                 | 44 KB | 18 ms | 0.949 |
| WebP q80 method 2                 | 54 KB | 20 ms | 0.959 |
| AVIF q55 speed 9 (our choice)     | 37 KB | 27 ms | 0.953 |
| AVIF q60 speed 9                  | 45 KB | 34 ms | 0.961 |
| AVIF q55 speed 8                  | 36 KB | 120 ms| 0.953 |
| AVIF defaults (q75 speed 6, 2 threads) | 69 KB | 279 ms | - |

At equal SSIM AVIF is about 20 % smaller than WebP (and SSIM under-rates AVIF, which blurs grain
rather than blocking it), for about 1.4x WebP's encoding time at speed 9; speed 8 gives the same
bytes four times slower, so speed 9 it is. `python bench/images.py --formats` repeats the
comparison with PSNR (Pillow only) on six real phone photos: JPEG q75 94 KB / 34.4 dB, WebP q75
71 KB / 34.3 dB, AVIF q60 65 KB / 34.6 dB, AVIF q55 (ours) 53 KB / 33.7 dB; PSNR favours
WebP's retained grain more than the eye does, and AVIF still wins at equal PSNR. Two formats (AVIF + JPEG) cost less to encode and to
store than three; browsers without AVIF (Safari before 16, Chrome before 85) get the JPEG, which
still works. Organisers who want WebP for them add it: EXPO_IMAGE_FORMATS = ("avif", "webp").
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

RECIPE_VERSION = "3"  # bump when the code changes what it writes, so old cache entries go unused


@dataclass(frozen=True)
class Format:
    name: str  # as organisers write it in EXPO_IMAGE_FORMATS
    mime: str
    ext: str  # file name extension of the output
    pillow: str  # Pillow's format name
    options: tuple[tuple[str, object], ...]  # encoder settings, tuned for speed

    def save_options(self, width: int) -> dict[str, object]:
        options = dict(self.options)
        if width in DENSE_WIDTHS:
            options["quality"] = DENSE_QUALITY[self.name]
        return options


FORMATS: dict[str, Format] = {
    # speed 9 and one thread: see the table above; each worker process encodes one photo
    "avif": Format("avif", "image/avif", "avif", "AVIF", (("quality", 55), ("speed", 9), ("max_threads", 1))),
    "webp": Format("webp", "image/webp", "webp", "WEBP", (("quality", 75), ("method", 2))),
    # the fallback: optimized Huffman tables are nearly free; progressive costs 2.5x for 2 %
    "jpeg": Format("jpeg", "image/jpeg", "jpg", "JPEG", (("quality", 75), ("optimize", True))),
}
MODERN_FORMATS = ("avif", "webp")

# Widths that phones pick only at 3x density (600 for cards, 1200 for the product photo) and that
# larger screens show scaled down: there coarser quantisation does not show ("compressive
# images"), and 3x phones are where bytes add up. 400 and 800, what 2x phones pick, keep the
# normal quality. Measured with bench/images.py: see docs/photos.md.
DENSE_WIDTHS = (600, 1200)
DENSE_QUALITY = {"avif": 40, "webp": 60, "jpeg": 62}

# Link previews (og:image): WhatsApp shows 1.91:1 images and drops files over 300 KB.
SHARE_SIZE = (1200, 630)
SHARE_MAX_BYTES = 300 * 1024
SHARE_QUALITIES = (80, 72, 64, 56, 48, 40)  # tried in turn until the file fits


@dataclass(frozen=True)
class Recipe:
    widths: tuple[int, ...]  # ascending
    formats: tuple[str, ...]  # modern formats first, then "jpeg"

    @classmethod
    def of(cls, widths, modern_formats=("avif",)) -> "Recipe":
        chosen = tuple(sorted({int(w) for w in widths}))
        if not chosen or chosen[0] < 1:
            raise ValueError("image widths must be positive whole numbers")
        unknown = [f for f in modern_formats if f not in MODERN_FORMATS]
        if unknown:
            raise ValueError(f"unknown image format {unknown[0]!r}; choose from {', '.join(MODERN_FORMATS)}")
        return cls(chosen, tuple(dict.fromkeys([*modern_formats, "jpeg"])))

    def widths_for(self, width: int) -> tuple[int, ...]:
        """Widths never exceed the original; a small photo gets one variant at its own width."""
        return tuple(sorted({w for w in self.widths if w < width} | {min(width, self.widths[-1])}))

    @property
    def fingerprint(self) -> str:
        return _fingerprint(self.widths, self.formats)

    def key(self, source_digest: str) -> str:
        """The cache key of one source under this recipe; also the hash in output file names."""
        return hashlib.sha256(f"{source_digest}:{self.fingerprint}".encode()).hexdigest()[:32]


@lru_cache(maxsize=None)
def _fingerprint(widths: tuple[int, ...], formats: tuple[str, ...]) -> str:
    recipe = {
        "version": RECIPE_VERSION,
        "widths": widths,
        "formats": [(FORMATS[f].pillow, FORMATS[f].options) for f in formats],
        "dense": (DENSE_WIDTHS, DENSE_QUALITY),
        "share": (SHARE_SIZE, SHARE_MAX_BYTES, SHARE_QUALITIES),
        "libraries": library_versions(),
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True, default=str).encode()).hexdigest()


@lru_cache(maxsize=1)
def library_versions() -> dict[str, str | None]:
    """Decoders and encoders whose upgrade may change the output bytes."""
    import PIL
    from PIL import features

    versions: dict[str, str | None] = {"pillow": PIL.__version__}
    for name in ("avif", "webp", "jpg", "libjpeg_turbo", "littlecms2", "zlib"):
        try:
            versions[name] = features.version(name)
        except ValueError:  # pragma: no cover - an unknown feature name on an old Pillow
            versions[name] = None
    try:
        import pillow_heif

        versions["pillow_heif"] = pillow_heif.__version__
        versions["libheif"] = pillow_heif.libheif_version()
    except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
        versions["pillow_heif"] = None
    return versions
