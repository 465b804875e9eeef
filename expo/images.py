"""Photos -> responsive, metadata-free variants, cached outside output/.

Three steps, so templates know every size before anything is encoded:
- `inspect` reads only the header: size, orientation, a content digest; bad files are problems.
- `plan` is pure: which widths and formats a photo gets and their hashed URLs.
- `render` encodes what the cache lacks and copies the rest into the output folder.
"""

from __future__ import annotations

import hashlib
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

try:  # iPhone photos are HEIC
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    pass

PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
RECIPE_VERSION = "1"  # bump when encoding changes so cached files are not reused
FORMATS = (("image/webp", "webp", {"quality": 78, "method": 4}),
           ("image/jpeg", "jpg", {"quality": 80, "optimize": True, "progressive": True}))
_SWAPS_SIDES = {5, 6, 7, 8}  # EXIF orientations that rotate by 90 degrees


class ImageProblem(Exception):
    """A photo that cannot be used; `key` and `params` become a ContentError."""

    def __init__(self, key: str, source: Path | None = None, **params: object):
        super().__init__(key)
        self.key = key
        self.source = source
        self.params = params


@dataclass(frozen=True)
class ImageInfo:
    width: int  # as displayed, after EXIF orientation
    height: int
    digest: str  # of the file's bytes


@dataclass(frozen=True)
class Rendition:
    url: str  # relative to the site root, e.g. media/batik-sari/kain-1a2b3c4d-800.webp
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Picture:
    """Everything a template needs for one <picture>."""

    source: Path
    digest: str
    alt: str
    width: int
    height: int
    renditions: tuple[Rendition, ...]

    def srcset(self, mime: str) -> str:
        return ", ".join(f"{r.url} {r.width}w" for r in self.renditions if r.mime == mime)

    @property
    def mimes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.mime for r in self.renditions))

    @property
    def fallback(self) -> Rendition:
        """The JPEG closest to 800 px wide: what browsers without srcset get."""
        jpegs = [r for r in self.renditions if r.mime == "image/jpeg"]
        return min(jpegs, key=lambda r: abs(r.width - 800))

    @property
    def largest(self) -> Rendition:
        return max((r for r in self.renditions if r.mime == "image/jpeg"), key=lambda r: r.width)


def inspect(path: Path, max_megabytes: int, max_megapixels: int) -> ImageInfo:
    size = path.stat().st_size
    if size > max_megabytes * 1024 * 1024:
        raise ImageProblem("photo_too_large", size=round(size / 1024 / 1024, 1), limit=max_megabytes)
    data = path.read_bytes()
    Image.MAX_IMAGE_PIXELS = max_megapixels * 1_000_000
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                width, height = im.size
                if width * height > max_megapixels * 1_000_000:
                    raise Image.DecompressionBombError("too many pixels")
                orientation = _orientation(im)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem("photo_too_many_pixels", megapixels=_megapixels(path), limit=max_megapixels) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ImageProblem("photo_unreadable") from None
    if orientation in _SWAPS_SIDES:
        width, height = height, width
    return ImageInfo(width, height, hashlib.sha256(data).hexdigest())


def _orientation(im: Image.Image) -> int:
    try:
        return int(im.getexif().get(0x0112, 1))
    except Exception:  # broken EXIF blocks on valid pixels are common; treat as upright
        return 1


def _megapixels(path: Path) -> float:
    try:
        Image.MAX_IMAGE_PIXELS = None
        with Image.open(path) as im:
            return round(im.size[0] * im.size[1] / 1_000_000, 1)
    except Exception:
        return 0.0


def plan(source: Path, info: ImageInfo, booth: str, stem: str, alt: str,
         widths: tuple[int, ...], media_url: str) -> Picture:
    """Widths never exceed the original; a small photo gets one variant at its own width."""
    chosen = sorted({w for w in widths if w < info.width} | {min(info.width, max(widths))})
    key = hashlib.sha256(f"{info.digest}:{RECIPE_VERSION}".encode()).hexdigest()[:10]
    renditions = []
    for mime, ext, _options in FORMATS:
        for width in chosen:
            height = max(1, round(info.height * width / info.width))
            url = f"{media_url}{booth}/{stem}-{key}-{width}.{ext}"
            renditions.append(Rendition(url, width, height, mime))
    return Picture(source, key, alt, info.width, info.height, tuple(renditions))


def render(pictures: list[Picture], output_dir: Path, cache_dir: Path) -> int:
    """Write every rendition into output_dir; returns how many sources had to be decoded."""
    decoded = 0
    done: set[str] = set()
    for picture in pictures:
        if picture.digest + str(picture.source) in done:
            continue
        done.add(picture.digest + str(picture.source))
        missing = [r for r in picture.renditions if not _cache_path(cache_dir, picture, r).exists()]
        if missing:
            decoded += 1
            try:
                _encode(picture, missing, cache_dir)
            except (OSError, ValueError, SyntaxError, EOFError):
                raise ImageProblem("photo_unreadable", picture.source) from None
        for rendition in picture.renditions:
            target = output_dir / rendition.url
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(_cache_path(cache_dir, picture, rendition), target)
    return decoded


def _cache_path(cache_dir: Path, picture: Picture, rendition: Rendition) -> Path:
    ext = rendition.url.rsplit(".", 1)[1]
    return cache_dir / picture.digest / f"{rendition.width}.{ext}"


def _encode(picture: Picture, renditions: list[Rendition], cache_dir: Path) -> None:
    with Image.open(picture.source) as im:
        im = ImageOps.exif_transpose(im)  # the picture the right way up
        has_alpha = im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
        im = im.convert("RGBA" if has_alpha else "RGB")
        for rendition in renditions:
            resized = im.resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
            path = _cache_path(cache_dir, picture, rendition)
            path.parent.mkdir(parents=True, exist_ok=True)
            options = dict(next(o for m, _e, o in FORMATS if m == rendition.mime))
            if rendition.mime == "image/jpeg" and resized.mode == "RGBA":
                resized = _on_white(resized)
            # Saving without exif= writes no EXIF: no GPS, no maker notes, no camera serial.
            tmp = path.with_suffix(path.suffix + ".tmp")
            resized.save(tmp, format=rendition.mime.split("/")[1].upper(), **options)
            tmp.replace(path)


def _on_white(im: Image.Image) -> Image.Image:
    background = Image.new("RGB", im.size, (255, 255, 255))
    background.paste(im, mask=im.getchannel("A"))
    return background
