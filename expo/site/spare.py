"""The tree before the last one, kept as a spare and brought up to date in place (issue 9).

A build writes a new tree and swaps it for output/, so a failed or killed build leaves output/
whole. Made from nothing, that tree needs a folder for every page before a file is linked
into it: 6,675 mkdirs at 152 x 18, 0.2 to 1.8 s of every rebuild on this VM's disk, whatever
changed. So the tree a swap replaces is not deleted: it stays beside output/ as
`.output-spare` (`spare_folder`), with its manifest, and the next build starts from it. That
build takes out what changed since the spare was output/ and links the current copies in;
its folders are already there.

Safe because:
- the spare's files are output/'s own inodes (hard links), and none is ever written in place:
  `reconcile` takes out every file this build makes, so its producers create new files;
- `claim` moves the spare to the build's staging folder and removes its manifest before
  anything in it changes; a build killed halfway leaves a staging folder the next build
  deletes, never a spare whose manifest lies;
- a file of the spare that its manifest does not list, or whose size or mtime is not the
  manifest's, or that was made from other inputs than this build's, is taken out (unlinked,
  or moved to a discard folder the swap deletes off the critical path); a folder left empty
  is removed at the end; the search index's folder is removed whole (the build links or
  makes it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path
from typing import Iterable, Iterator

from expo.site.incremental import Previous, file_identity

try:
    import fcntl
except ImportError:  # Windows: no flock, so no refresh of the spare runs beside a build there
    fcntl = None
CAN_LOCK = fcntl is not None

SPARE_MANIFEST = "output-spare-manifest.txt"
SPARE_LOCK = "output-spare.lock"  # held by whoever changes the spare (spare_refresh.py, claim, the swap)
DISCARD_PREFIX = ".output-old-"  # trees and files to delete off the critical path


class SpareError(RuntimeError):
    """The spare could not be brought up to date (a file it could not unlink): the build stops
    rather than risk writing into a file output/ shares."""


def spare_folder(final: Path) -> Path:
    """Beside output/, named so that .gitignore's '/.output-*/' covers it."""
    return final.with_name(f".{final.name}-spare")


def spare_manifest(manifest: Path) -> Path:
    return manifest.with_name(SPARE_MANIFEST)


def spare_lock(manifest: Path) -> Path:
    return manifest.with_name(SPARE_LOCK)


def hold_lock(manifest: Path) -> int:
    """The spare's lock, taken (waiting for its holder: a refresh still under way); the open
    descriptor holds it until closed, in this process or in one it was passed to."""
    manifest.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(spare_lock(manifest), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


@contextlib.contextmanager
def locked(manifest: Path) -> Iterator[None]:
    descriptor = hold_lock(manifest)
    try:
        yield
    finally:
        os.close(descriptor)


def claim(previous: Previous, staging: Path) -> Previous | None:
    """The spare of `previous.folder` (output/), moved to `staging` (absent or an empty folder),
    with its manifest read and then removed; None when there is no spare that its manifest
    describes: the build then starts from an empty folder. The spare's `folder` is `staging`.

    Claimed whatever changed: even after a template edit, when every page of the spare is
    stale, moving 6,510 pages out and linking output/'s in (0.6 s at 152 x 18) costs less
    than a new tree's 6,675 mkdirs and 15,610 links (0.4 to 0.8 s, more while the last
    tree's delete runs). A refresh of the spare still under way is waited for: it does what
    the build would do next, and began earlier."""
    manifest = spare_manifest(previous.manifest)
    with locked(previous.manifest):
        spare = Previous.load(manifest, previous.folder)
        try:
            manifest.unlink()  # from here on the spare is this build's: no other may trust it
        except OSError:
            return None
        if spare is None:
            return None
        try:
            os.rename(spare_folder(previous.folder), staging)
        except OSError:  # no spare, or the staging folder already holds a file
            return None
    spare.folder = staging
    return spare


def remove_whole_folders(spare: Previous, whole_folders: Iterable[str]) -> None:
    """The folders the build links or makes whole (the search index), out of the spare."""
    for folder in whole_folders:
        shutil.rmtree(f"{os.fspath(spare.folder)}/{folder.strip('/')}", ignore_errors=True)


def discard_folder(beside: Path) -> Path:
    """A name for a folder of files to delete off the critical path, beside `beside`: the swap
    hands every such folder to a detached delete (cli/build.py), `invoke clean` deletes them."""
    return beside.with_name(f"{DISCARD_PREFIX}{os.getpid()}-{time.time_ns()}")


def reconcile(spare: Previous, live: Previous, same: bytearray, linked: bytearray,
              whole_folders: Iterable[str] = (), discard: Path | None = None) -> list[str]:
    """Make the spare hold exactly the files of output/ (`live`) this build carries over (marked
    in `same` by their place in the live manifest): keep each spare file made from the same
    inputs with the same size and mtime as output/'s (mark it in `linked`) and take every other
    file out. Returns the folders left empty, deepest first, for `remove_left_empty` once the
    build has written its files: a page's folder emptied here (every page after a template
    edit) is usually filled again, and an rmdir then a mkdir cost 90 and 30 to 90 us each here.
    `whole_folders` are left alone: gone already (remove_whole_folders), they are made again
    while this runs.

    A file only the spare holds is moved into a discard folder rather than unlinked: freeing
    its inode and blocks took 90 to 100 us here (6,933 files after a template edit: 0.7 s),
    a rename 25 us; the swap's detached delete frees them (or spare_refresh.py, which names
    the folder: `discard`). A file output/ shares is unlinked (8 us: nothing is freed)."""
    root = os.fspath(spare.folder)
    whole = {folder.strip("/") for folder in whole_folders}
    emptied: list[str] = []
    discard = os.fspath(discard or discard_folder(spare.folder))  # made if a file goes there
    moved = 0

    def keep(name: str, entry: os.DirEntry) -> bool:
        place, old = live.place(name), spare.place(name)
        if place is None or old is None or not same[place] or linked[place]:
            return False
        if spare.row(old) != live.row(place) or not live.untouched_since(place, entry.stat(follow_symlinks=False)):
            return False
        linked[place] = 1
        return True

    def take_out(entry: os.DirEntry) -> None:
        nonlocal moved
        if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_nlink > 1:
            os.unlink(entry.path)
            return
        if not moved:
            os.mkdir(discard)
        os.rename(entry.path, f"{discard}/{moved}")
        moved += 1

    def walk(prefix: str) -> bool:
        """Returns True if nothing is left in the folder but emptied folders."""
        empty = True
        with os.scandir(f"{root}/{prefix}" if prefix else root) as entries:
            for entry in entries:
                name = prefix + entry.name
                if name in whole:  # made or linked whole, maybe while this runs
                    empty = False
                elif entry.is_dir(follow_symlinks=False):
                    if walk(name + "/"):
                        emptied.append(entry.path)
                    else:
                        empty = False
                elif entry.is_file(follow_symlinks=False) and keep(name, entry):
                    empty = False
                else:
                    take_out(entry)
        return empty

    try:
        walk("")
    except OSError as exc:
        raise SpareError(f"{exc.filename or root}: {exc.strerror or exc}") from None
    return emptied


def remove_left_empty(folders: Iterable[str]) -> None:
    """The folders `reconcile` emptied that the build did not fill again (a booth removed), so
    the tree has no folder a clean build would not make; children come before their parents.
    A failed rmdir of a filled folder costs 5 us."""
    for folder in folders:
        try:
            os.rmdir(folder)
        except OSError:  # filled again (or already gone)
            pass


def keep_as_spare(previous: Previous) -> bool:
    """Give the spare the manifest `previous` read, a hard link to the same file: the spare
    holds the files it lists (the output/ a swap just moved to `spare_folder`, or output/'s
    own once spare_refresh.py brought the spare up to date). False when that file is no longer
    the one read (another build or a clean since): the spare then has none, and the next build
    does not trust it."""
    target = spare_manifest(previous.manifest)
    temporary = target.with_suffix(".tmp")
    try:
        temporary.unlink(missing_ok=True)
        os.link(previous.manifest, temporary)  # the same file: the next build's new one replaces it
        if file_identity(temporary.stat()) != previous.identity:
            temporary.unlink()
            return False
        temporary.replace(target)
    except OSError:
        return False
    return True
