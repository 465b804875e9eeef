"""Parsed booths kept between builds, by the digest of their folder.

Reading and checking a booth (its YAML, Markdown and photo headers) is most of what a rebuild
reads; a booth whose folder did not change gives the same model and the same messages. So a
build keeps, per booth folder, the `Exhibitor` (or None) and the problems parsing it reported,
and the next build uses them only when the folder's digest is still the same. The digest covers:

- the folder's absolute path (models hold absolute photo paths);
- every entry of the folder: name, type, size, mtime, ctime and inode, as the photo layer
  recognises an unchanged photo (ctime cannot be set back by hand), so a photo replaced, added
  or removed counts, and so does a stray file (it is reported);
- the bytes of exhibitor.yml and about*.md: an edit within one tick of the file system's clock
  that keeps the size still counts;
- the recipe every booth shares: the typed settings, today's date (a `joined` date may not be
  later), every file of the expo package (its code and data) and the versions of the libraries
  that parse (PyYAML, markdown-it, nh3, Pillow, Babel, markupsafe, Python).

Only whole folders whose name is a valid slug are kept (a misnamed folder's message names its
siblings). Import-csv and pull-request checks read booths from elsewhere and do not use it.

The file (`booths.pickle` in the cache folder) is a pickle, and loading a pickle runs code: a
file from anywhere else, say a pull request that adds `.cache/booths.pickle`, must never be
loaded. It is therefore signed with HMAC-SHA256 under a random key kept outside the project
(`$XDG_CACHE_HOME/expo-katalog/cache-key`, else `~/.cache/...`, readable by its owner only,
made on first use) and checked before unpickling. A file that is unsigned, signed with another
key, damaged or of another recipe is ignored and replaced; without a usable key the cache is off
and every booth is parsed, as before. Correctness over speed: anything not known to be the same
is parsed again.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import pickle
import secrets
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from expo.code import package_digest
from expo.content.errors import ContentError
from expo.content.loader import ABOUT_NAMES, YAML_NAME
from expo.content.models import Exhibitor
from expo.settings import ExpoSettings
from expo.values.slugs import SLUG_RE

CACHE_NAME = "booths.pickle"
KEY_ENV = "XDG_CACHE_HOME"
_MAGIC = b"expo-booths-1\n"
_READ_BYTES = set(ABOUT_NAMES.values()) | {YAML_NAME}  # hashed by content, not only by signature
# Far above the contract's limits (exhibitor.yml 256 KB by default): a larger file is refused by
# the loader anyway, and is not read whole here either; its booth is simply parsed.
MAX_HASHED_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Parsed:
    """One booth folder as the last build read it."""

    digest: str
    exhibitor: Exhibitor | None
    problems: tuple[ContentError, ...]
    texts: tuple[str, ...]  # its Markdown texts' cache keys (markup.py), kept while it is


def key_file() -> Path:
    base = os.environ.get(KEY_ENV) or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "expo-katalog" / "cache-key"


def signing_key() -> bytes | None:
    """The signing key of every cache that runs code when loaded (this one, the compiled
    templates), made on first use; None when it cannot be read or made."""
    path = key_file()
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
    except FileExistsError:  # another build made it at the same moment
        pass
    except OSError:
        return None
    try:
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    key = path.read_bytes()
    return key if len(key) == 32 else None


@functools.lru_cache(maxsize=1)
def _libraries() -> str:
    from importlib import metadata

    versions = []
    for name in ("PyYAML", "markdown-it-py", "nh3", "Pillow", "Babel", "MarkupSafe"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return f"Python {sys.version}; " + "; ".join(versions)


def recipe(settings: ExpoSettings, today: date) -> str:
    """What every booth's parse depends on besides its folder."""
    return hashlib.sha256("\0".join((_MAGIC.decode(), repr(settings), today.isoformat(), package_digest(),
                                     _libraries())).encode("utf-8", "surrogatepass")).hexdigest()


def folder_digest(folder: Path) -> str | None:
    """The digest of one booth folder as it is now; None when it must be parsed anyway."""
    if not SLUG_RE.match(folder.name):
        return None
    digest = hashlib.sha256(os.fsencode(folder) + b"\0")
    try:
        if folder.is_symlink():
            return None
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
        for entry in listed:
            st = entry.stat(follow_symlinks=False)
            digest.update(f"{entry.name}\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0"
                          f"{st.st_ino}\0".encode("utf-8", "surrogatepass"))
            if entry.name in _READ_BYTES and entry.is_file(follow_symlinks=False):
                if st.st_size > MAX_HASHED_BYTES:
                    return None
                with open(entry.path, "rb") as f:
                    digest.update(hashlib.sha256(f.read()).digest())
    except OSError:
        return None
    return digest.hexdigest()


class BoothCache:
    """The parsed booths of the last build, and those of this one as they are read."""

    def __init__(self, folder: Path, recipe_: str, key: bytes | None):
        self.path = folder / CACHE_NAME
        self.recipe = recipe_
        self.key = key
        self.saved: dict[str, Parsed] = self._load() if key else {}
        self.now: dict[str, Parsed] = {}
        self.changed = False

    @classmethod
    def open(cls, folder: Path, settings: ExpoSettings, today: date) -> "BoothCache":
        return cls(folder, recipe(settings, today), signing_key())

    def get(self, slug: str, digest: str | None) -> Parsed | None:
        """The booth as last read, if its folder's digest is still `digest`."""
        parsed = self.saved.get(slug)
        if digest is None or parsed is None or parsed.digest != digest:
            return None
        self.now[slug] = parsed
        return parsed

    def put(self, slug: str, parsed: Parsed) -> None:
        self.now[slug] = parsed
        self.changed = True

    def save(self) -> None:
        """Keep the booths of this build (and no others) for the next one; nothing to write
        when every booth came from the cache and none was removed."""
        if self.key is None or (not self.changed and self.now.keys() == self.saved.keys()):
            return
        body = self.recipe.encode("ascii") + b"\n" + pickle.dumps(self.now, protocol=pickle.HIGHEST_PROTOCOL)
        signature = hmac.new(self.key, body, hashlib.sha256).digest()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{CACHE_NAME}.{os.getpid()}")
        temporary.write_bytes(_MAGIC + signature + body)
        temporary.replace(self.path)

    def _load(self) -> dict[str, Parsed]:
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        start = len(_MAGIC) + 32
        recipe_ = self.recipe.encode("ascii") + b"\n"
        if not data.startswith(_MAGIC) or data[start:start + len(recipe_)] != recipe_:
            return {}  # not ours, or another recipe (code, settings, day): not even verified
        signature, body = data[len(_MAGIC):start], data[start:]
        if not hmac.compare_digest(signature, hmac.new(self.key, body, hashlib.sha256).digest()):
            return {}  # not written by a build of this user: never unpickled
        try:
            booths = pickle.loads(body[len(recipe_):])
        except Exception:  # signed but unreadable (another Python, a removed class): parse again
            return {}
        if not isinstance(booths, dict):
            return {}
        return {slug: p for slug, p in booths.items() if isinstance(slug, str) and isinstance(p, Parsed)}
