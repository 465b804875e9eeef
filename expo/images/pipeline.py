"""Photos -> responsive, metadata-free variants, cached outside output/, made on every core.

Four steps, so templates know every file before anything is encoded:
- `inspect` reads only the header (size as displayed, limits) and digests the file's bytes,
  once: unchanged files are known from the last build.
- `plan` is pure: which widths and formats a photo gets and their URLs, named by a hash of the
  source's content and the recipe, so hosts can cache them forever.
- `prepare` encodes, in a process pool, what the cache lacks: one decode per source.
- `publish` links (or copies) the cached files into the output folder.
`render` does the last two; `verify` decodes without encoding (for `invoke validate`); `prune`
removes cache entries the last build did not use.

The helpers, one job each: image_recipe (what to make, the cache key), image_decode (file ->
upright sRGB pixels), image_encode (pixels -> files, in a worker), image_cache, image_pool.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Iterable

from expo.images.cache import PhotoCache
from expo.images.decode import SHRINKABLE_FORMATS, PhotoError, check_pixels, display_size, open_photo
from expo.images.encode import SHARE_NAME, Job, Outcome, check, encode, file_name
from expo.images.pool import bar_label, run_jobs
from expo.images.recipe import FORMATS, SHARE_SIZE, Recipe

PHOTO_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}


def photo_name_problem(name: str) -> str | None:
    """The rule for a photo named in exhibitor.yml or a CSV: "path" when it is not a plain file
    name (folders, '..', hidden files stay out), "type" when it is not a photo we read."""
    if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        return "path"
    if PurePath(name).suffix.lower() not in PHOTO_EXTENSIONS:
        return "type"
    return None


def closest_photo(name: str, names: Iterable[str]) -> tuple[str, str] | None:
    """The file the exhibitor most likely meant, and why it differs: ("case", 'Kain.JPG') when
    only upper/lower case differ, ("type", 'kain.HEIC') when the name matches but the extension
    does not (a phone saved HEIC, the exhibitor wrote .jpg)."""
    lowered = name.lower()
    same = sorted(n for n in names if n.lower() == lowered and n != name)
    if same:
        return "case", same[0]
    stem = PurePath(lowered).stem
    other = sorted(n for n in names if PurePath(n.lower()).stem == stem and n != name
                   and photo_name_problem(n) is None)
    return ("type", other[0]) if other else None


ImageProblem = PhotoError  # the name parsing.py knows: `key` and `params` become a ContentError
_FORMAT_OF_MIME = {f.mime: f.name for f in FORMATS.values()}
_EXT_OF_MIME = {f.mime: f.ext for f in FORMATS.values()}


# Slots, and URLs made on demand from one string per photo: a city-wide catalog holds hundreds of
# thousands of photos with nine renditions each, and a __dict__ and a URL string per rendition
# made them the largest part of a build's memory.
@dataclass(frozen=True, slots=True)
class ImageInfo:
    width: int  # as displayed, after EXIF orientation
    height: int
    digest: str  # of the file's bytes
    jpeg: bool = False  # over the pixel limit a JPEG may still pass: it is decoded scaled down


@dataclass(frozen=True, slots=True)
class Rendition:
    base: str  # shared by a photo's renditions: media/batik-sari/kain-1a2b3c4d5e
    width: int
    height: int
    mime: str
    share: bool = False  # the link preview, <base>-share.jpg

    @property
    def url(self) -> str:
        """Relative to the site root, e.g. media/batik-sari/kain-1a2b3c4d5e-800.avif."""
        return f"{self.base}-{'share' if self.share else self.width}.{_EXT_OF_MIME[self.mime]}"

    @property
    def file_name(self) -> str:
        """Its name inside the cache entry."""
        return SHARE_NAME if self.share else file_name(self.width, _FORMAT_OF_MIME[self.mime])


@dataclass(frozen=True, slots=True)
class Picture:
    """Everything a template needs for one <picture>."""

    source: Path
    key: str  # source content + recipe; its first 10 characters are in every file name
    alt: str
    width: int
    height: int
    renditions: tuple[Rendition, ...]
    share: Rendition  # the 1200x630 link preview (made for booth and product photos)

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


@dataclass(frozen=True)
class Failure:
    """A photo whose pixels could not be decoded or encoded."""

    source: Path
    key: str  # message key
    params: dict = field(default_factory=dict)


@dataclass
class Prepared:
    """The cache holds every file of `pictures`; the site links them into the output."""

    pictures: tuple[Picture, ...]  # as given: the same photo may appear under several URLs
    cache: PhotoCache
    shared: frozenset[str]  # keys whose link preview was made
    placeholders: dict[str, str] = field(default_factory=dict)  # key -> '#rrggbb'
    decoded: int = 0  # sources decoded in this run; 0 on a warm rebuild
    failures: list[Failure] = field(default_factory=list)


def inspect(path: Path, max_megabytes: float, max_megapixels: float) -> ImageInfo:
    """Limits, size as displayed, and the digest of the bytes. A file this process or the last
    build already inspected (same signature) is not opened again: its size and digest are
    remembered, and only the limits are checked anew (the organiser may have changed them)."""
    st = path.stat()
    if st.st_size > max_megabytes * 1024 * 1024:
        raise ImageProblem("photo_too_large", size=round(st.st_size / 1024 / 1024, 1), limit=max_megabytes)
    signature = _signature(path, st)
    known = _KNOWN.get(signature)
    if known is not None:
        check_pixels(known.width, known.height, max_megapixels, known.jpeg)
        return known
    with open_photo(path, max_megapixels) as im:
        width, height = display_size(im)
        jpeg = im.format in SHRINKABLE_FORMATS
    known = _KNOWN[signature] = ImageInfo(width, height, _file_digest(path), jpeg)
    return known


# Photos already inspected, as git's index remembers files: at the catalog's scale (thousands of
# 3-5 MB photos) re-reading every byte, or even every header with Pillow, would dominate a
# rebuild. A file counts as unchanged while its size, mtime, ctime and inode are; ctime cannot
# be set back by hand.
_KNOWN: dict[tuple, ImageInfo] = {}


def _signature(path: Path, st: os.stat_result) -> tuple:
    # abspath, not resolve(): no system call per photo, and the inode already tells files apart
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def remember_digests(cache_dir: Path) -> None:
    """Load what the last build saved about its photos, so unchanged ones are not read again."""
    for signature, known in PhotoCache(cache_dir).load_known().items():
        _KNOWN[signature] = ImageInfo(*known)


def keep_digests(cache_dir: Path, pictures: Iterable[Picture]) -> None:
    """Save size and digest of these pictures' sources (and no others) for the next build."""
    sources = {os.path.abspath(p.source) for p in pictures}
    PhotoCache(cache_dir).save_known({k: (v.width, v.height, v.digest, v.jpeg) for k, v in _KNOWN.items()
                                      if k[0] in sources})


def plan(source: Path, info: ImageInfo, booth: str, stem: str, alt: str, widths: Iterable[int],
         media_url: str, formats: Iterable[str]) -> Picture:
    """Pure: the renditions a photo gets and their URLs, before anything is encoded."""
    recipe = Recipe.of(widths, tuple(formats))
    key = recipe.key(info.digest)
    base = f"{media_url}{booth}/{stem}-{key[:10]}"
    renditions = []
    for name in recipe.formats:
        spec = FORMATS[name]
        for width in recipe.widths_for(info.width):
            height = max(1, round(info.height * width / info.width))
            renditions.append(Rendition(base, width, height, spec.mime))
    share = Rendition(base, *SHARE_SIZE, "image/jpeg", share=True)
    return Picture(source, key, alt, info.width, info.height, tuple(renditions), share)


def prepare(pictures: Iterable[Picture], cache_dir: Path, *, share: Iterable[Picture] = (),
            workers: int = 0, max_megapixels: float = 60, progress: bool = False,
            lang: str = "id") -> Prepared:
    """Encode what the cache lacks, one job per source, spread over the process pool."""
    cache = PhotoCache(cache_dir)
    pictures = tuple(pictures)
    unique = _unique(pictures)
    shared = frozenset(p.key for p in share)
    jobs = [_job(p, cache, p.key in shared, max_megapixels) for p in unique.values()
            if not cache.complete(p.key, _needed(p, p.key in shared))]
    jobs.sort(key=_size, reverse=True)  # biggest first: the pool's last minute is not one huge HEIC
    outcomes = run_jobs(encode, jobs, workers, progress, label=bar_label("encode", lang))
    prepared = Prepared(pictures, cache, shared, decoded=len(jobs),
                        failures=[_failure(o) for o in outcomes if o.error])
    fresh = {o.key: o.placeholder for o in outcomes if not o.error}
    for key in unique:
        prepared.placeholders[key] = fresh.get(key) or cache.placeholder(key)
    return prepared


def files_of(picture: Picture, shared: bool) -> list[tuple[str, str]]:
    """(name in the cache entry, URL in the output) of every file a picture publishes."""
    files = [(r.file_name, r.url) for r in picture.renditions]
    if shared:
        files.append((SHARE_NAME, picture.share.url))
    return files


def publish(prepared: Prepared, output_dir: Path) -> int:
    """Link every file of `prepared` under output_dir (the benchmark's and tests' shortcut; a
    build links each planned photo file itself); returns how many were new."""
    return sum(link_file(prepared.cache.entry(picture.key) / name, output_dir / url)
               for picture in prepared.pictures
               for name, url in files_of(picture, picture.key in prepared.shared))


def link_file(cached: Path, target: Path) -> bool:
    """Put a cached file at `target` (a hard link, else a copy); False if it was there already.
    No stat and no mkdir before the link: a folder is made only when the link says it is
    missing (thousands of photos share a few booth folders)."""
    for attempt in (1, 2):
        try:
            os.link(cached, target)  # output files are never edited in place
            return True
        except FileExistsError:  # the same photo shown twice: one file
            return False
        except FileNotFoundError:
            if attempt == 2 or not cached.exists():
                raise
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError:  # no hard links here (another disk, a file system without them)
            if target.exists():
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, target)
            return True
    return False


def verify(pictures: Iterable[Picture], cache_dir: Path, *, workers: int = 0,
           max_megapixels: float = 60, progress: bool = False, lang: str = "id") -> list[Failure]:
    """Decode every photo the cache does not already vouch for; encode nothing."""
    cache = PhotoCache(cache_dir)
    jobs = [_job(p, cache, False, max_megapixels) for p in _unique(pictures).values()
            if not cache.complete(p.key, ())]
    return [_failure(o) for o in run_jobs(check, jobs, workers, progress, label=bar_label("verify", lang)) if o.error]


def prune(cache_dir: Path) -> tuple[int, int]:
    """Delete cache entries the last successful build did not use: (entries, bytes)."""
    return PhotoCache(cache_dir).prune()


def _unique(pictures: Iterable[Picture]) -> dict[str, Picture]:
    unique: dict[str, Picture] = {}
    for picture in pictures:
        unique.setdefault(picture.key, picture)
    return unique


def _needed(picture: Picture, share: bool) -> list[str]:
    names = [r.file_name for r in picture.renditions]
    return names + [SHARE_NAME] if share else names


def _job(picture: Picture, cache: PhotoCache, share: bool, max_megapixels: float) -> Job:
    sizes = tuple(sorted({(r.width, r.height) for r in picture.renditions}))
    formats = tuple(_FORMAT_OF_MIME[m] for m in picture.mimes)
    return Job(str(picture.source), picture.key, str(cache.entry(picture.key)), sizes, formats,
               share, max_megapixels)


def _size(job: Job) -> int:
    try:
        return os.path.getsize(job.source)
    except OSError:
        return 0


def _failure(outcome: Outcome) -> Failure:
    return Failure(Path(outcome.source), outcome.error, dict(outcome.params))
