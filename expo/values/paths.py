"""The one rule for files an exhibitor hands us: a plain file directly inside its folder.

A symlink could point at a server secret or another booth; a name with '/' or '..' could leave
the folder. Every reader of booth files (the loader, photos, import-csv, CODEOWNERS, review)
asks these two questions instead of its own variant.
"""

from __future__ import annotations

from pathlib import Path


def resolves_inside(path: Path, folder: Path) -> bool:
    """`path`, once links are followed, sits directly in `folder` (False for a link loop)."""
    try:
        return path.resolve().parent == folder.resolve()
    except (OSError, RuntimeError):  # a link loop
        return False


def is_plain_file_inside(path: Path, folder: Path) -> bool:
    """A regular file directly in `folder`, and not a symlink."""
    try:
        return path.is_file() and not path.is_symlink() and resolves_inside(path, folder)
    except OSError:
        return False


def plain_files(folder: Path) -> frozenset[str]:
    """Names of the plain files directly in `folder`."""
    try:
        return frozenset(p.name for p in folder.iterdir() if is_plain_file_inside(p, folder))
    except OSError:
        return frozenset()
