"""The git facts `invoke check-pr` needs, read from commits, never from the work tree.

In CI the work tree is the pull request itself, so everything that decides permissions (the
owners of existing folders, the organisers) is read from the base ref; owners on HEAD grant
access only to new folders. Paths travel NUL-separated (`-z`), so no file name is misread.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from expo.content.loader import YAML_NAME
from expo.pr.literalsettings import ownership_settings
from expo.pr.ownership import Change, bilingual, booth_slug, owners_from_yaml
from expo.settings import ExpoSettings

SETTINGS_FILE = "pelicanconf.py"
MAX_YAML_BYTES = ExpoSettings.max_yaml_kilobytes * 1024  # bigger fails validation anyway
MAX_SETTINGS_BYTES = 1024 * 1024


class GitError(Exception):
    """A git problem explained for people (bilingual); commands turn it into exit 1."""


@dataclass(frozen=True)
class PullRequest:
    """Everything `ownership.decide` needs about the changes between a base ref and HEAD."""

    changes: tuple[Change, ...]
    owners_at_base: dict[str, tuple[str, ...]]  # every touched folder that exists on base
    owners_at_head: dict[str, tuple[str, ...]]  # every touched folder, as the PR leaves it
    organisers: tuple[str, ...]
    exhibitors_path: str
    base_folders: frozenset[str] = frozenset()  # every booth folder on base (case collisions)
    yaml_links: frozenset[str] = frozenset()  # touched folders whose exhibitor.yml is a symlink on HEAD


def read_pull_request(root: Path, base: str, head: str = "HEAD") -> PullRequest:
    """Changes as GitHub's three-dot diff shows them; permissions as the base ref has them now.

    The diff starts at the merge base, so work merged into base meanwhile is not blamed on the
    pull request; owners come from the tip of base, so an owner removed there no longer counts.
    """
    base_sha, start, head_sha = three_dot(root, base, head)
    where = f"{SETTINGS_FILE} ({base})"
    source = read_blob(root, base_sha, SETTINGS_FILE, MAX_SETTINGS_BYTES)
    try:
        organisers, exhibitors_path = ownership_settings(source, where)
    except ValueError as exc:
        raise GitError(str(exc)) from None
    changes = tuple(changed_paths(root, start, head_sha))
    slugs = {booth_slug(c.path, exhibitors_path) for c in changes} - {None}
    existing = folders_at(root, base_sha, exhibitors_path)
    folder = exhibitors_path.strip("/")
    at_base = {s: _owners_at(root, base_sha, f"{folder}/{s}/{YAML_NAME}") for s in slugs & existing}
    at_head = {s: _owners_at(root, head_sha, f"{folder}/{s}/{YAML_NAME}") for s in slugs}
    links = frozenset(s for s in slugs if _is_link(root, head_sha, f"{folder}/{s}/{YAML_NAME}"))
    return PullRequest(changes, at_base, at_head, organisers, exhibitors_path, frozenset(existing), links)


def changed_paths(root: Path, start: str, end: str) -> list[Change]:
    """`git diff --name-status --no-renames`: a rename is a delete plus an add, so moving a
    folder away counts as deleting every file in it."""
    out = _git(root, "diff", "--no-color", "--no-ext-diff", "--no-relative", "--name-status",
               "--no-renames", "-z", start, end, "--").stdout
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    return [Change(status[:1], path) for status, path in zip(fields[0::2], fields[1::2]) if path]


def changed_since(root: Path, ref: str) -> list[Change]:
    """The changes between `ref` and HEAD, three-dot style (for `invoke validate`)."""
    _base_sha, start, head_sha = three_dot(root, ref)
    return changed_paths(root, start, head_sha)


def three_dot(root: Path, ref: str, head: str = "HEAD") -> tuple[str, str, str]:
    """(tip of ref, merge base of ref and head, head), as commit ids."""
    _check_top_level(root)
    base_sha = resolve(root, ref)
    head_sha = resolve(root, head)
    merge_base = _git(root, "merge-base", base_sha, head_sha, allowed=(0, 1))
    if merge_base.returncode == 1:
        raise GitError(bilingual("git_no_merge_base", {"ref": ref}))
    return base_sha, merge_base.stdout.decode().strip(), head_sha


def resolve(root: Path, ref: str) -> str:
    """The commit id of `ref`; a clear message when it is unknown (or looks like an option)."""
    if not ref or ref.startswith("-"):
        raise GitError(bilingual("git_unknown_ref", {"ref": ref}))
    result = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}",
                  allowed=(0, 1, 128))
    if result.returncode != 0:
        raise GitError(bilingual("git_unknown_ref", {"ref": ref}))
    return result.stdout.decode().strip()


def folders_at(root: Path, commit: str, exhibitors_path: str) -> set[str]:
    folder = exhibitors_path.strip("/")
    out = _git(root, "ls-tree", "-z", "-d", "--name-only", commit, "--", f"{folder}/").stdout
    names = out.decode("utf-8", "surrogateescape").split("\0")
    return {name[len(folder) + 1:] for name in names if name.startswith(folder + "/")}


def read_blob(root: Path, commit: str, path: str, max_bytes: int) -> str | None:
    """A regular file's text at `commit`; None if missing, a symlink, too large or not UTF-8."""
    listing = _git(root, "ls-tree", "-z", "-l", commit, "--", path).stdout.decode("utf-8", "surrogateescape")
    entry = listing.split("\0")[0]
    if "\t" not in entry:
        return None
    meta, name = entry.split("\t", 1)
    mode, kind, obj, size = meta.split()
    if name != path or kind != "blob" or mode not in ("100644", "100755") or int(size) > max_bytes:
        return None
    data = _git(root, "cat-file", "blob", obj).stdout
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _is_link(root: Path, commit: str, path: str) -> bool:
    listing = _git(root, "ls-tree", "-z", commit, "--", path).stdout.decode("utf-8", "surrogateescape")
    return listing.startswith("120000 ")


def _owners_at(root: Path, commit: str, path: str) -> tuple[str, ...]:
    return owners_from_yaml(read_blob(root, commit, path, MAX_YAML_BYTES), path)


def _check_top_level(root: Path) -> None:
    result = _git(root, "rev-parse", "--show-toplevel", allowed=(0, 128))
    error = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0 and "not a git repository" not in error:
        # e.g. "detected dubious ownership": git's own words say what to do
        raise GitError(bilingual("git_failed", {"detail": error.splitlines()[-1] if error else "rev-parse"}))
    top = result.stdout.decode("utf-8", "surrogateescape").strip()
    if result.returncode != 0 or Path(top).resolve() != root.resolve():
        raise GitError(bilingual("git_not_repository", {"root": root}))


def _git(root: Path, *args: str, allowed: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    # --literal-pathspecs: a folder named '*' is a name, not a pattern.
    command = ["git", "--literal-pathspecs", "-C", str(root), *args]
    try:
        result = subprocess.run(command, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError(bilingual("git_missing")) from None
    if result.returncode not in allowed:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(bilingual("git_failed", {"detail": detail[-1] if detail else args[0]}))
    return result
