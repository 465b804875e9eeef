"""The spare brought up to date with output/ right after a build, in a detached process.

After a swap the spare is the tree output/ was (spare.py), and the next build starts from it:
it moves out what changed since and links output/'s copies in. After a template edit that is
every page: 6,510 renames and as many links at 152 x 18, 0.3 to 0.45 s of the next rebuild.
So a build that made many files (WORTH_FILES) hands that work to a process of its own as
soon as it has written its manifest (`start`), and the next build only does what it changes
itself. After a build that made a few files, the next one does their share itself (about 40 us
a file): cheaper than starting a process.

The process holds the spare's lock from before it starts (the build takes it and passes it
on): the next build's claim waits for it rather than meet a half-done spare. It removes the
spare's manifest first, so a refresh killed halfway leaves a spare that no build trusts; it
gives the spare output/'s manifest only when every file of output/ is in it, exactly (the same
inodes). Files it moves out are deleted after it lets the lock go.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Mapping

import expo
from expo.site.incremental import Previous
from expo.site.spare import (CAN_LOCK, SpareError, discard_folder, hold_lock, keep_as_spare, reconcile,
                             remove_left_empty, remove_whole_folders, spare_folder, spare_manifest)


WORTH_FILES = 1000  # made by the build: about 40 ms of the next build's time, a process's start


def start(manifest: Path, final: Path, whole_folders: Mapping[str, str]) -> None:
    """Refresh the spare of `final` (output/, whose manifest is `manifest`) in a detached
    process. `whole_folders`: the planned files that bring a whole folder (the search index).
    Not where the spare cannot be locked (Windows): the next build does that work itself."""
    if not CAN_LOCK:
        return
    descriptor = hold_lock(manifest)  # taken here: no claim can slip in before the process runs
    try:
        package_parent = str(Path(expo.__file__).resolve().parent.parent)
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}
        subprocess.Popen([sys.executable, "-m", "expo.site.spare_refresh", str(manifest), str(final),
                          json.dumps(dict(whole_folders)), str(descriptor)],
                         pass_fds=(descriptor,), env=environment, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    finally:
        os.close(descriptor)  # the process holds the lock now (or nobody, if it did not start)


def refresh(manifest: Path, final: Path, whole_folders: Mapping[str, str]) -> Path | None:
    """Make the spare hold exactly output/'s files and give it output/'s manifest; returns the
    folder of the files moved out, to delete (None: none). Any doubt leaves the spare without
    a manifest: the next build then starts from a new tree."""
    target = spare_manifest(manifest)
    spare = Previous.load(target, final)  # the spare's own: the manifest of the output it was
    live = Previous.load(manifest, final)
    try:
        target.unlink()  # from here on no build may trust the spare until it is done
    except OSError:
        return None
    if spare is None or live is None:
        return None
    spare.folder = spare_folder(final)
    remove_whole_folders(spare, whole_folders.values())
    every = bytearray(b"\x01") * len(live)  # every file of output/ belongs in the spare
    linked = bytearray(len(live))
    moved = discard_folder(spare.folder)
    try:
        emptied = reconcile(spare, live, every, linked, whole_folders.values(), discard=moved)
    except SpareError:
        return moved
    failed = live.link_same(live.paths(), every, spare.folder, linked, whole_folders)
    remove_left_empty(emptied)
    if not failed:  # else a file of output/ was touched since its manifest: the spare is not what it says
        keep_as_spare(live)
    return moved


def main(argv: list[str]) -> None:
    manifest, final, whole, descriptor = Path(argv[0]), Path(argv[1]), json.loads(argv[2]), int(argv[3])
    moved = None
    try:
        moved = refresh(manifest, final, whole)
    except OSError:
        pass  # the spare has no manifest: nobody trusts it
    finally:
        os.close(descriptor)  # the lock: the next build may go on
    if moved is not None:
        os.nice(19)
        shutil.rmtree(moved, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
