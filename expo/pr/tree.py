"""A pull request's booth folders copied out of git as data, for checks that run the base's code.

`invoke review` never checks the pull request out and never imports or runs anything from it:
the booth folders it changed are read from the commit with `git ls-tree` / `git cat-file` and
written as plain files into a scratch folder, where the base branch's validation reads them.
No git filters or attributes apply (a `.gitattributes` in the pull request changes nothing).

What a file could do to the machine is bounded here:
- only regular files and folders become files; a symlink becomes a link to a path that does not
  exist (the validation then reports it as a link, and reading it finds nothing);
- a file larger than the validation would accept anyway becomes a sparse file of the same size
  (its bytes are never read: the size check reports it, as it would for the real file);
- the whole copy is bounded in files and bytes.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from expo.pr.gitrefs import GitError, _git
from expo.pr.ownership import bilingual

# A symlink in the pull request points here, inside the scratch folder, where nothing exists.
DANGLING = ".link-target-removed"
MAX_FILES = 5000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # the bytes actually written, all booths together


@dataclass(frozen=True)
class Entry:
    mode: str  # git's mode: 100644 file, 100755 executable, 120000 symlink, 040000 tree, 160000 submodule
    kind: str  # blob, tree or commit
    obj: str
    size: int  # 0 for trees and submodules
    path: str


def list_tree(root: Path, commit: str, folder: str) -> list[Entry]:
    """Every entry under `folder/` at `commit`, recursively, folders included."""
    out = _git(root, "ls-tree", "-r", "-t", "-z", "-l", "--full-tree", commit, "--", f"{folder}/").stdout
    entries = []
    for record in out.decode("utf-8", "surrogateescape").split("\0"):
        if "\t" not in record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, obj, size = meta.split()
        entries.append(Entry(mode, kind, obj, int(size) if size.isdigit() else 0, path))
    return entries


def copy_folders(root: Path, commit: str, folders: list[str], dest: Path,
                 max_bytes: dict[str, int], default_max_bytes: int) -> int:
    """Write each folder (repository-relative, '/' separated) as it is at `commit` under `dest`.

    `max_bytes` maps a lower-case file suffix ('.yml') to the largest size read in full; bigger
    files become sparse files of their size. Returns the bytes written. GitError when the pull
    request holds more than the limits allow.
    """
    written = 0
    count = 0
    for folder in folders:
        for entry in list_tree(root, commit, folder):
            count += 1
            if count > MAX_FILES:
                raise GitError(bilingual("review_too_many_files", {"limit": MAX_FILES}))
            target = dest / entry.path
            if not _inside(dest, target):
                continue  # git never stores '..' or absolute paths; kept as a guard
            if entry.kind == "tree":
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if entry.mode == "120000":
                os.symlink(dest / DANGLING, target)
            elif entry.kind == "blob":
                limit = max_bytes.get(Path(entry.path).suffix.lower(), default_max_bytes)
                if entry.size > limit:
                    with open(target, "wb") as sparse:
                        sparse.truncate(entry.size)
                    continue
                written += entry.size
                if written > MAX_TOTAL_BYTES:
                    raise GitError(bilingual("review_too_large", {"limit": MAX_TOTAL_BYTES // 1024 // 1024}))
                _write_blob(root, entry.obj, target)
            # a submodule (kind 'commit') is neither a file nor a folder of the booth: left out
    return written


def _write_blob(root: Path, obj: str, target: Path) -> None:
    with open(target, "wb") as out:
        result = subprocess.run(["git", "-C", str(root), "cat-file", "blob", obj], stdout=out,
                                stderr=subprocess.PIPE, check=False)
    if result.returncode:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(bilingual("git_failed", {"detail": detail[-1] if detail else "cat-file"}))


def _inside(dest: Path, target: Path) -> bool:
    return os.path.commonpath([os.path.abspath(dest), os.path.abspath(target)]) == os.path.abspath(dest)
