"""One source photo -> every derivative in the cache. Runs inside a worker process.

A job decodes its source exactly once (see image_decode.decode), then resizes as a cascade:
the largest width from the decoded pixels, each smaller width from the previous one. Each width
is saved in every format, plus a link-preview image when the photo stands for a booth or a
product, plus the placeholder colour shown while the photo loads. Files are written to a
private temporary folder and moved into the cache entry only when all of them exist, so an
interrupted build never leaves a half entry that a later build would trust.

Nothing raises out of here: a photo that fails becomes an `Outcome` with a message key.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from expo.images.decode import PhotoError, decode, describe_error, display_size, load_error, open_photo
from expo.images.recipe import FORMATS, SHARE_MAX_BYTES, SHARE_QUALITIES, SHARE_SIZE

META = "meta.json"
SHARE_NAME = "share.jpg"


@dataclass(frozen=True)
class Job:
    source: str  # absolute path of the exhibitor's file
    key: str  # cache key: source content + recipe
    entry: str  # the cache folder this job fills
    sizes: tuple[tuple[int, int], ...]  # every width with the height the templates announce
    formats: tuple[str, ...]  # names in image_recipe.FORMATS
    share: bool  # also make the 1200x630 link-preview JPEG
    max_megapixels: float


@dataclass(frozen=True)
class Outcome:
    key: str
    source: str
    placeholder: str = ""  # '#rrggbb'
    error: str = ""  # a message key in messages.py; '' when all went well
    params: dict = field(default_factory=dict)


def file_name(width: int, fmt: str) -> str:
    return f"{width}.{FORMATS[fmt].ext}"


def encode(job: Job) -> Outcome:
    """Decode once, write every derivative into the cache entry."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Corrupt EXIF data" and friends: the pixels are fine
            placeholder = _encode(job)
    except PhotoError as exc:
        return Outcome(job.key, job.source, error=exc.key, params=exc.params)
    except Exception as exc:  # a decoder or encoder choking on hostile pixels is a content error
        return Outcome(job.key, job.source, error="photo_broken", params={"detail": describe_error(exc)})
    return Outcome(job.key, job.source, placeholder=placeholder)


def check(job: Job) -> Outcome:
    """Decode every byte of the source without encoding anything (for `invoke validate`).

    JPEGs decode at 1/8 scale: the entropy-coded data is still read to the end, so truncation
    and corruption show, at about a third of the cost. HEIC is decoded in full, because its
    small-scale path would read the embedded thumbnail instead of the photo.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with open_photo(Path(job.source), job.max_megapixels) as im:
                if im.format in ("JPEG", "MPO"):
                    im.draft(im.mode, (1, 1))
                try:
                    im.load()
                except Exception as exc:
                    raise load_error(im, exc) from None
    except PhotoError as exc:
        return Outcome(job.key, job.source, error=exc.key, params=exc.params)
    except Exception as exc:
        return Outcome(job.key, job.source, error="photo_broken", params={"detail": describe_error(exc)})
    return Outcome(job.key, job.source)


def _encode(job: Job) -> str:
    sizes = sorted(job.sizes, reverse=True)
    with open_photo(Path(job.source), job.max_megapixels) as im:
        width, height = display_size(im)
        top = sizes[0][0]
        if job.share:  # the preview wants 1200 px across even when the widths stop lower
            top = max(top, min(width, SHARE_SIZE[0]))
        base = decode(im, sizes[0] if top == sizes[0][0] else (top, max(1, round(height * top / width))))
    tmp = Path(job.entry).parent / f".tmp-{job.key}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    try:
        level = base
        for size in sizes:  # the cascade: each width from the previous, never from the original
            if level.size != size:
                level = level.resize(size, Image.Resampling.LANCZOS)
            for fmt in job.formats:
                _save(level, tmp / file_name(size[0], fmt), fmt)
        placeholder = dominant_colour(level)
        if job.share:
            (tmp / SHARE_NAME).write_bytes(share_image(base))
        (tmp / META).write_text(json.dumps({"placeholder": placeholder,
                                            "source": Path(job.source).name}), encoding="utf-8")
        _commit(tmp, Path(job.entry))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return placeholder


def _save(im: Image.Image, path: Path, fmt: str) -> None:
    spec = FORMATS[fmt]
    if spec.mime == "image/jpeg" and im.mode == "RGBA":
        im = on_white(im)
    im.info = {}  # saving without exif=, xmp= or icc_profile= writes none of them
    im.save(path, format=spec.pillow, **spec.save_options(im.width))


def _commit(tmp: Path, entry: Path) -> None:
    """Move the finished files in; meta.json last, because it is what marks an entry usable."""
    try:
        tmp.rename(entry)  # atomic when the entry does not exist yet
        return
    except OSError:
        pass
    entry.mkdir(parents=True, exist_ok=True)
    for path in sorted(tmp.iterdir(), key=lambda p: p.name == META):
        os.replace(path, entry / path.name)


def on_white(im: Image.Image) -> Image.Image:
    background = Image.new("RGB", im.size, (255, 255, 255))
    background.paste(im, mask=im.getchannel("A"))
    return background


def dominant_colour(im: Image.Image) -> str:
    """The most common of four colours in a thumbnail: the background shown while loading."""
    small = (on_white(im) if im.mode == "RGBA" else im.convert("RGB")).resize((32, 32), Image.Resampling.BOX)
    quantized = small.quantize(colors=4, method=Image.Quantize.MEDIANCUT)
    _count, index = max(quantized.getcolors())
    r, g, b = quantized.getpalette()[index * 3: index * 3 + 3]
    return f"#{r:02x}{g:02x}{b:02x}"


def share_image(im: Image.Image) -> bytes:
    """A 1200x630 JPEG under 300 KB for WhatsApp, Facebook and X link previews.

    Wide photos are cropped to fill the frame; others (a product shot, a logo) are shown whole
    on a blurred, enlarged copy of themselves, so nothing of the product is cut off.
    """
    width, height = SHARE_SIZE
    photo = on_white(im) if im.mode == "RGBA" else im.convert("RGB")
    w, h = photo.size
    cover = max(width / w, height / h)
    if w / h >= 1.5 and cover <= 1:
        resized = photo.resize((max(width, round(w * cover)), max(height, round(h * cover))),
                               Image.Resampling.LANCZOS)
        left, top = (resized.width - width) // 2, (resized.height - height) // 2
        canvas = resized.crop((left, top, left + width, top + height))
    else:
        scale = min(width / w, height / h, 1.0)
        fg = photo.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.LANCZOS)
        tiny = ImageOps.fit(photo, (48, 25), Image.Resampling.BOX)
        canvas = tiny.resize((width, height), Image.Resampling.BICUBIC)
        canvas.paste(fg, ((width - fg.width) // 2, (height - fg.height) // 2))
    data = b""
    for quality in SHARE_QUALITIES:
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=quality, optimize=True, progressive=True)
        data = buffer.getvalue()
        if len(data) <= SHARE_MAX_BYTES:
            break
    return data
