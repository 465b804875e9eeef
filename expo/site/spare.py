"""The tree before the last one, kept as a spare and brought up to date in place (issue 9).

A build writes a new tree and swaps it for output/, so a failed or killed build leaves output/
whole. Made from nothing, that tree needs a folder for every page before a file is linked
into it: 6,691 mkdirs at 152 x 18, 1 to 1.8 s of every rebuild on this VM's disk, whatever
changed. So the tree a swap replaces is not deleted: it stays beside output/ as
`.output-spare` (`spare_folder`), with its manifest, and the next build starts from it. That
build unlinks what changed since the spare was output/ and links the current copies in; its
folders are already there.

Safe because:
- the spare's files are output/'s own inodes (hard links), and none is ever written in place:
  `reconcile` unlinks every file this build makes, so its producers create new files;
- `claim` moves the spare to the build's staging folder and removes its manifest before
  anything in it changes (when less than half of it is output/'s, after a template edit, it is
  not claimed: unlinking every page costs more than making a new tree); a build killed halfway leaves a staging folder the next build deletes,
  never a spare whose manifest lies;
- a file of the spare that its manifest does not list, or whose size or mtime is not the
  manifest's, or that was made from other inputs than this build's, is unlinked; an emptied
  folder is removed; the search index's folder is removed whole (the build links or makes it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterable

from expo.site.incremental import Previous, file_identity

SPARE_MANIFEST = "output-spare-manifest.txt"


class SpareError(RuntimeError):
    """The spare could not be brought up to date (a file it could not unlink): the build stops
    rather than risk writing into a file output/ shares."""


def spare_folder(final: Path) -> Path:
    """Beside output/, named so that .gitignore's '/.output-*/' covers it."""
    return final.with_name(f".{final.name}-spare")


def spare_manifest(manifest: Path) -> Path:
    return manifest.with_name(SPARE_MANIFEST)


def claim(previous: Previous, staging: Path, carried: int) -> Previous | None:
    """The spare of `previous.folder` (output/), moved to `staging` (absent or an empty folder),
    with its manifest read and then removed; None when there is no spare that its manifest
    describes, or when the build carries fewer than half of output/'s files over (`carried`: a
    template edit makes every page again, and unlinking them all from the spare costs more
    than a new tree). The build then starts from an empty folder. The spare's `folder` is
    `staging`."""
    if carried * 2 < len(previous):
        return None
    manifest = spare_manifest(previous.manifest)
    spare = Previous.load(manifest, previous.folder)
    try:
        manifest.unlink()  # from here on the spare is this build's: no other may trust it
    except OSError:
        return None
    if spare is None or shared(spare, previous) * 2 < len(previous):
        return None  # mostly other files (a template edit since): unlinking them costs more than a new tree
    try:
        os.rename(spare_folder(previous.folder), staging)
    except OSError:  # no spare, or the staging folder already holds a file
        return None
    spare.folder = staging
    return spare


def shared(spare: Previous, live: Previous) -> int:
    """How many files the spare has exactly as output/ has them (path, digest, size, mtime):
    the two manifests' path hashes are sorted, so one pass over both."""
    count = at = 0
    hashes = spare.hashes
    for key, place in zip(live.hashes, live.places):
        while at < len(hashes) and hashes[at] < key:
            at += 1
        if at < len(hashes) and hashes[at] == key and spare.row(spare.places[at]) == live.row(place):
            count += 1
    return count


def remove_whole_folders(spare: Previous, whole_folders: Iterable[str]) -> None:
    """The folders the build links or makes whole (the search index), out of the spare."""
    for folder in whole_folders:
        shutil.rmtree(f"{os.fspath(spare.folder)}/{folder.strip('/')}", ignore_errors=True)


def reconcile(spare: Previous, live: Previous, same: bytearray, linked: bytearray,
              whole_folders: Iterable[str] = ()) -> None:
    """Make the spare hold exactly the files of output/ (`live`) this build carries over (marked
    in `same` by their place in the live manifest): keep each spare file made from the same
    inputs with the same size and mtime as output/'s (mark it in `linked`), unlink every other
    file and every emptied folder. The build then links what is missing and makes the rest.
    `whole_folders` are left alone: gone already (remove_whole_folders), they are made again
    while this runs."""
    root = os.fspath(spare.folder)
    whole = {folder.strip("/") for folder in whole_folders}

    def keep(name: str, entry: os.DirEntry) -> bool:
        place, old = live.place(name), spare.place(name)
        if place is None or old is None or not same[place] or linked[place]:
            return False
        if spare.row(old) != live.row(place) or not live.untouched_since(place, entry.stat(follow_symlinks=False)):
            return False
        linked[place] = 1
        return True

    def walk(prefix: str) -> bool:
        """Returns True if the folder is left empty."""
        empty = True
        with os.scandir(f"{root}/{prefix}" if prefix else root) as entries:
            for entry in entries:
                name = prefix + entry.name
                if name in whole:  # made or linked whole, maybe while this runs
                    empty = False
                elif entry.is_dir(follow_symlinks=False):
                    if walk(name + "/"):
                        os.rmdir(entry.path)
                    else:
                        empty = False
                elif entry.is_file(follow_symlinks=False) and keep(name, entry):
                    empty = False
                else:
                    os.unlink(entry.path)
        return empty

    try:
        walk("")
    except OSError as exc:
        raise SpareError(f"{exc.filename or root}: {exc.strerror or exc}") from None


def keep_as_spare(previous: Previous) -> bool:
    """Give the spare (the output/ a swap just replaced, whose files `previous`'s manifest
    lists, moved by the caller to `spare_folder`) its manifest. False when
    the manifest is not the one the build read (another build or a clean since): the spare
    then has none, and the next build does not trust it."""
    target = spare_manifest(previous.manifest)
    temporary = target.with_suffix(".tmp")
    try:
        temporary.unlink(missing_ok=True)
        os.link(previous.manifest, temporary)  # the same file: the build's new one replaces it later
        if file_identity(temporary.stat()) != previous.identity:
            temporary.unlink()
            return False
        temporary.replace(target)
    except OSError:
        return False
    return True
