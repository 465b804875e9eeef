"""Incremental builds: a planned file whose inputs did not change keeps its bytes and mtime.

Every planned file gets a digest of what it is made from: the site as a whole (settings, theme,
translations, the plugin's code, the organiser's pages) and the content keys it names in
`PlannedFile.inputs` ('booth:batik-sari', 'catalog', 'photo:<key>', ...). A build still writes
a fresh staging tree that replaces output/ by renaming, but a file whose digest matches the
previous build's, and whose old copy is untouched (same size and mtime), is hard-linked from the
previous output instead of rendered again. Files no longer planned simply are not carried over.
When every planned file is unchanged and output/ holds nothing else, no tree is made at all:
output/ stays as it is. Correctness over speed: anything not known to be the same is rendered.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from bisect import bisect_left
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from expo.code import package_digest
from expo.content.models import Catalog
from expo.settings import ExpoSettings
from expo.site.cart import booth_codes
from expo.site.plan import PlannedFile

MANIFEST_VERSION = 2
# A manifest row in memory: the digest's 32 bytes, the size and the mtime in nanoseconds, 48
# bytes packed into one bytearray with every other row (Previous.rows; no object per row: a
# city's expo has over a million files). On disk: a JSON header line, then a line per file:
# digest, size, mtime, path, in any order.
ROW = struct.Struct("<32sQq")
DIGEST_SIZE = 32  # a file's digest: sha256, as bytes
# The build tells the generator where the previous output is (a Pelican setting of the build's
# own, not an organiser's EXPO_* option).
PREVIOUS_OUTPUT_KEY = "EXPO__OUTPUT"
# A path's key in the last manifest's index (Previous): Python's own, the same all through a build.
path_hash = hash


def pack(digest: str, size: int, mtime_ns: int) -> bytes:
    return ROW.pack(bytes.fromhex(digest), size, mtime_ns)


def file_identity(stat: os.stat_result) -> tuple[int, int, int]:
    """Which file a manifest is (Previous.identity): inode, size and mtime."""
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _split_row(line: str) -> tuple[str, str, str, str]:
    """A manifest line: digest, size, mtime and the path (as JSON: any character stays on its line)."""
    digest, size, mtime_ns, path = line.rstrip("\n").split(" ", 3)
    inside = path[1:-1]
    if len(path) > 1 and path[0] == path[-1] == '"' and "\\" not in inside and '"' not in inside:
        return digest, size, mtime_ns, inside  # json.dumps escaped nothing: no json.loads (4 x 15,000 rows a rebuild)
    return digest, size, mtime_ns, json.loads(path)


def _sha(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def tree_digest(folder: Path, pattern: str = "*") -> str:
    """Names and bytes of every file under `folder` (sorted), or '' if it does not exist."""
    if not folder.is_dir():
        return ""
    files = sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    return _sha(*(x for p in files for x in (p.relative_to(folder).as_posix(), p.read_bytes())))


def tree_digest_of(path: Path) -> str:
    return _sha(path.read_bytes())


def manifest_path(root: Path, settings: ExpoSettings) -> Path:
    """Beside the photo cache: kept between builds, never published."""
    return settings.image_cache_dir(root).parent / "output-manifest.txt"


def _plain(value: Any) -> bool:
    """Settings that are plain data: their text is stable between runs (no object addresses)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def site_digest(settings: Mapping[str, Any], extra: Iterable[object]) -> str:
    """What every output file depends on: settings, code, translations. `extra`: the organiser's
    pages and intros, the typed settings. Pages add the templates (`templated`)."""
    plain = {k: v for k, v in settings.items() if _plain(v) and k not in ("OUTPUT_PATH", "PATH")}
    from expo.site import text  # the catalogs it reads, wherever they are

    # The code once per process (the code that runs was imported); the catalogs on every build
    # (`invoke serve --watch` picks up a translation edit).
    return _sha(json.dumps(plain, sort_keys=True, default=str), package_digest(),
                tree_digest(text.LOCALE_DIR), *extra)


def templated(site: str, theme: Path) -> str:
    """The site digest of pages: only they are rendered from templates, so a template edit
    does not remake catalog.json, the feeds or the photos."""
    return _sha(site, tree_digest(theme / "templates"))


def content_digests(catalog: Catalog) -> dict[str, str]:
    """A digest per content key. Models are frozen dataclasses: their repr is everything a page
    can show of them (sanitised Markdown, photo keys and sizes), so a change to a comment in
    exhibitor.yml re-renders nothing, while a changed price re-renders that booth's pages."""
    digests: dict[str, str] = {}
    codes = booth_codes(tuple(e.slug for e in catalog.exhibitors))
    for exhibitor in catalog.exhibitors:
        digests[f"booth:{exhibitor.slug}"] = _sha(repr(exhibitor))
        # its order code: longer when another booth's would clash (cart data of product pages)
        digests[f"boothcode:{exhibitor.slug}"] = _sha(codes[exhibitor.slug])
    for kind, groups in (("category", catalog.categories), ("city", catalog.cities)):
        for group in groups:
            digests[f"{kind}:{group.key}"] = _sha(group.label, *(digests[f"booth:{e.slug}"] for e in group.exhibitors))
            digests[f"{kind}size:{group.key}"] = _sha(group.label, len(group.exhibitors), len(group.products))
            if kind == "city":
                digests[f"citylabel:{group.key}"] = _sha(group.label)
    digests["groups"] = _sha(*(digests[f"{kind}size:{g.key}"] for kind, groups in
                               (("category", catalog.categories), ("city", catalog.cities)) for g in groups),
                             *(g.key for g in catalog.categories + catalog.cities))
    digests["booth_count"] = _sha(len(catalog.exhibitors))
    for group in catalog.editions:  # the edition's settings are in every page's site digest
        digests[f"edition:{group.key}"] = _sha(*(digests[f"booth:{e.slug}"] for e in group.exhibitors))
    current = catalog.current_edition.key if catalog.current_edition else None  # moves with the day
    digests["catalog"] = _sha(repr((catalog.featured, catalog.recent, current)),
                              *(f"{k}={v}" for k, v in sorted(digests.items())))
    return digests


def file_digest(file: PlannedFile, site: str, content: Mapping[str, str], extra: Mapping[str, str]) -> bytes:
    """The digest of one planned file (DIGEST_SIZE bytes). Keys not in `content` come from
    `extra` (pages, photos and theme files know their own); a key found nowhere makes the digest
    unique, so the file is rendered: correctness over speed."""
    parts = [content.get(key) or extra.get(key) or os.urandom(16).hex() for key in file.inputs]
    # One string, one hash call: a site has tens of thousands of files (same separators as _sha)
    text = "\0".join((site, file.kind, file.save_as, file.template or "", file.lang or "", *parts))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def digest_at(digests: bytes | bytearray, index: int) -> bytes:
    """The digest of the plan's `index`-th file, from the digests of the whole plan laid end to
    end in one bytearray (DIGEST_SIZE bytes a file, and no object per file)."""
    return bytes(digests[index * DIGEST_SIZE:(index + 1) * DIGEST_SIZE])


@dataclass
class Previous:
    """The last build's output and what each of its files was made from, without an object per
    file (a city's expo has over a million): the manifest's rows end to end in `rows` (ROW.size
    bytes each, in the manifest's order, a row's index its `place`), and each path's hash with
    its place in two arrays sorted by hash. The paths themselves are read again from the
    manifest when needed (`paths`). Two paths whose hashes meet have no place: their files are
    made again, never linked."""

    folder: Path
    manifest: Path
    hashes: array  # hash(path), sorted
    places: array  # the place of the path of hashes[i] (4 bytes each)
    rows: bytearray
    tree: tuple[int, int] | None = None  # files and bytes in output/, for the build's summary
    identity: tuple[int, int, int] = (0, 0, 0)  # the manifest file read: inode, size, mtime

    @classmethod
    def load(cls, manifest: Path, folder: Path) -> "Previous | None":
        rows = bytearray()
        hashes: list[int] = []
        try:
            with open(manifest, encoding="utf-8") as lines:
                identity = file_identity(os.fstat(lines.fileno()))
                data = json.loads(next(lines, "{}"))
                if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION \
                        or data.get("output") != str(folder):
                    return None
                for line in lines:  # one row at a time: never the whole file in memory
                    digest, size, mtime_ns, path = _split_row(line)
                    hashes.append(path_hash(path))
                    rows += pack(digest, int(size), int(mtime_ns))
        except (OSError, ValueError, struct.error):  # unreadable or damaged: build everything
            return None
        order = sorted(range(len(hashes)), key=hashes.__getitem__)
        tree = data.get("tree")
        valid = isinstance(tree, list) and len(tree) == 2 and all(isinstance(n, int) for n in tree)
        return cls(folder, manifest, array("q", (hashes[i] for i in order)), array("I", order), rows,
                   tuple(tree) if valid else None, identity)

    def __len__(self) -> int:
        return len(self.places)

    def place(self, save_as: str) -> int | None:
        """Where `save_as` is in the manifest (None: not there, or its hash is another's too)."""
        key = path_hash(save_as)
        hashes = self.hashes
        at = bisect_left(hashes, key)
        if at == len(hashes) or hashes[at] != key or (at + 1 < len(hashes) and hashes[at + 1] == key):
            return None
        return self.places[at]

    def paths(self) -> Iterator[tuple[int, str]]:
        """Each file of the manifest: its place and path, read again from the manifest (OSError
        if it is not the file that was loaded)."""
        with open(self.manifest, encoding="utf-8") as lines:
            if file_identity(os.fstat(lines.fileno())) != self.identity:
                raise OSError(f"{self.manifest} changed during the build")
            next(lines)
            for place, line in enumerate(lines):
                yield place, _split_row(line)[3]

    def row(self, place: int) -> tuple[bytes, int, int]:
        """The digest, size and mtime of the manifest's `place`-th file."""
        return ROW.unpack_from(self.rows, place * ROW.size)

    def untouched_since(self, place: int, stat: os.stat_result) -> bool:
        """Whether a file with this stat is still the one the manifest's `place`-th row names:
        the same size and mtime."""
        return (stat.st_size, stat.st_mtime_ns) == self.row(place)[1:]

    def place_if_same(self, save_as: str, digest: bytes) -> int:
        """The place of `save_as` in the manifest if the last build made it from the inputs
        whose digest is `digest`; else -1."""
        place = self.place(save_as)
        if place is None or self.rows[place * ROW.size:place * ROW.size + DIGEST_SIZE] != digest:
            return -1
        return place

    def link_same(self, files: Iterable[tuple[int, str]], same: bytearray, staged: Path, linked: bytearray,
                  whole_folders: Mapping[str, str]) -> list[str]:
        """Link into `staged` each file of `files` (its place in the manifest and its path)
        that this build makes from the same inputs (marked in `same` by its place), untouched
        since (size and mtime), and not yet linked; mark it in `linked`. A file in
        `whole_folders` brings its whole folder. Returns the files it could not link (touched
        since): the build makes them. The paths come from the manifest, not the plan: no walk
        of the plan, each folder of `staged` made once, paths plain strings (a rebuild links
        tens of thousands of files; a mkdir and a pathlib object per file cost more than the
        link)."""
        old_root, new_root = os.fspath(self.folder), os.fspath(staged)
        folders: set[str] = set()
        failed = []
        for place, save_as in files:
            if not same[place] or linked[place]:
                continue
            old = f"{old_root}/{save_as}"
            try:
                if not self.untouched_since(place, os.stat(old)):
                    failed.append(save_as)
                    continue
                parent = save_as.rpartition("/")[0]
                if parent not in folders:
                    os.makedirs(f"{new_root}/{parent}", exist_ok=True)
                    folders.add(parent)
                os.link(old, f"{new_root}/{save_as}")
                if save_as in whole_folders:
                    self._link_folder(whole_folders[save_as], staged)
            except OSError:
                failed.append(save_as)
                continue
            linked[place] = 1
        return failed

    def _link_folder(self, folder: str, root: Path) -> None:
        """Every file of the previous `folder` into the same place under `root`. Plain strings
        and one mkdir per folder: the search index is thousands of files, and a pathlib object,
        a stat and a mkdir per file made this 0.4 s of every rebuild (5,800 files at 152 x 18),
        before any page; now 0.1 s."""
        old_root, new_root = os.fspath(self.folder), os.fspath(root)
        for here, _folders, files in os.walk(f"{old_root}/{folder.strip('/')}"):
            inside = here[len(old_root):]  # '/indeks/t'
            if files:
                os.makedirs(f"{new_root}{inside}", exist_ok=True)
            for name in files:
                try:
                    os.link(f"{here}/{name}", f"{new_root}{inside}/{name}")
                except FileExistsError:  # already there (planned and linked on its own)
                    pass

    def untouched(self, whole_folders: Iterable[str] = ()) -> bool:
        """True when output/ holds exactly the files of the last manifest, each untouched since
        (size and mtime), and no other file (folders carried whole, the search index, are not
        listed). With every planned file made from the same inputs (`place_if_same`), and as
        many, the build can keep output/ as it is, without a new tree."""
        whole = {w.strip("/") for w in whole_folders}
        root = os.fspath(self.folder)
        seen = 0
        folders = [""]
        try:
            while folders:
                folder = folders.pop()
                with os.scandir(f"{root}/{folder}" if folder else root) as entries:
                    for item in entries:
                        name = folder + item.name
                        if item.is_dir(follow_symlinks=False):
                            if name not in whole:
                                folders.append(name + "/")
                            continue
                        place = self.place(name)
                        if place is None or not item.is_file(follow_symlinks=False):
                            return False  # a file this build would not write
                        if not self.untouched_since(place, item.stat(follow_symlinks=False)):
                            return False
                        seen += 1
            for place, name in self.paths():  # the planned files inside folders kept whole
                if any(name.startswith(w + "/") for w in whole):
                    if not self.untouched_since(place, os.lstat(f"{root}/{name}")):
                        return False
                    seen += 1
        except OSError:
            return False
        return seen == len(self)


@dataclass
class Carried:
    """What a build takes over from the last output: everything (`kept`: output/ stays as it
    is) or the files marked in `linked` (a byte per file of the last manifest, at its place)."""

    previous: Previous | None
    same: bytearray  # by place in the last manifest: this build makes that file from the same inputs
    whole_folders: Mapping[str, str] = field(default_factory=dict)  # a planned file -> the folder it brings
    kept: bool = False
    linked: bytearray = field(default_factory=bytearray)
    # the same, but touched since (or the last manifest unreadable when linking): made again
    failed: list[str] = field(default_factory=list)

    def link(self, staged: Path, files: Iterable[tuple[int, str]] | None = None) -> None:
        """Hard-link the files made from the same inputs (of `files`, pairs of their place in
        the last manifest and their path; all of them by default) into the new tree `staged`."""
        if self.previous is None:
            return
        try:
            self.failed += self.previous.link_same(self.previous.paths() if files is None else files,
                                                   self.same, staged, self.linked, self.whole_folders)
        except OSError:  # the last manifest is gone or another: make what was not linked
            self.failed.append(os.fspath(self.previous.manifest))

    def is_linked(self, save_as: str) -> bool:
        place = self.previous.place(save_as) if self.previous is not None else None
        return place is not None and bool(self.linked[place])

    def linked_rows(self) -> Iterator[tuple[str, str, int, int]]:
        """The last manifest's row (path, digest, size, mtime) of each file linked from it."""
        if self.previous is not None:
            for place, save_as in self.previous.paths():
                if self.linked[place]:
                    digest, size, mtime_ns = self.previous.row(place)
                    yield save_as, digest.hex(), size, mtime_ns


def carry_over(previous: Previous | None, same: bytearray, all_same: bool, planned: int,
               whole_folders: Mapping[str, str] | None = None) -> Carried:
    """What the build takes over from the last output: all of it when nothing changed (`kept`:
    `all_same`, each of the `planned` files made from the same inputs as last time, as many as
    then, and output/ untouched), else the files marked in `same`, which `Carried.link` links
    into the new tree."""
    whole_folders = whole_folders or {}
    carried = Carried(previous, same, whole_folders,
                      linked=bytearray(len(previous)) if previous is not None else bytearray())
    carried.kept = (previous is not None and all_same and len(previous) == planned
                    and previous.untouched(whole_folders.values()))
    return carried


def write_manifest(manifest: Path, output: Path, staged: Path, linked: Iterable[tuple[str, str, int, int]],
                   made: Iterable[tuple[str, bytes]], tree: tuple[int, int] | None = None) -> None:
    """Record each file's digest, size and mtime: the rows of the last manifest for the files
    `linked` from it (checked while linking: no stat again), and for each file `made` (path and
    digest) its size and mtime read in `staged`, which becomes `output` by renaming (the same
    inodes). The loader does not mind the order."""
    root = os.fspath(staged)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    temporary = manifest.with_suffix(".tmp")
    # Written a row at a time: a city's expo has over a million files, and the rows as one
    # dict and one string would double the build's memory at its very end.
    try:
        with open(temporary, "w", encoding="utf-8") as target:
            head = {"version": MANIFEST_VERSION, "output": str(output), **({"tree": list(tree)} if tree else {})}
            target.write(json.dumps(head) + "\n")
            for save_as, digest, size, mtime_ns in linked:
                # the path last and as JSON: any character it may hold stays on its line
                target.write(f"{digest} {size} {mtime_ns} {json.dumps(save_as)}\n")
            for save_as, digest in made:
                try:
                    stat = os.stat(f"{root}/{save_as}")
                except OSError:
                    continue
                target.write(f"{digest.hex()} {stat.st_size} {stat.st_mtime_ns} {json.dumps(save_as)}\n")
        temporary.replace(manifest)
    except OSError:  # the last manifest gone or another (linked), a full disk: the next build makes everything
        for path in (temporary, manifest):
            path.unlink(missing_ok=True)
