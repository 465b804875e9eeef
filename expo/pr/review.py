"""`invoke review`: check a pull request with the base branch's code and settings.

The pull request is data only. It is never checked out, imported or run: its changes and
owners are read from git (`gitrefs`), the booth folders it changed are copied out of the commit
(`tree`) into a scratch folder, and the base's validation reads them there. So a pull request
that appends code to pelicanconf.py or edits tasks.py or expo/ gets that code executed by
nobody; its change to a site file is reported by the ownership rules like any other.

The work tree must be the base commit itself: the code running is then exactly the base's.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from expo.cli.build import open_project
from expo.content.catalog import load_catalog
from expo.content.errors import ContentError
from expo.content.loader import MAX_ABOUT_KILOBYTES, YAML_NAME
from expo.images.pipeline import PHOTO_EXTENSIONS
from expo.pr.gitrefs import GitError, _git, folders_at, read_pull_request, resolve, three_dot
from expo.pr.ownership import Change, Violation, bilingual, booth_slug, decide
from expo.pr.suggest import Fix, find_fixes
from expo.pr.tree import copy_folders
from expo.settings import ExpoSettings
from expo.values.paths import is_plain_file_inside, plain_files


@dataclass(frozen=True)
class Suggestion:
    path: str  # repository-relative exhibitor.yml
    fix: Fix
    anchored: bool  # the line is one the pull request added, so GitHub can show it as a suggestion


@dataclass(frozen=True)
class Review:
    base: str
    author: str
    changes: tuple[Change, ...]
    violations: tuple[Violation, ...]
    organisers: tuple[str, ...]
    checked: tuple[str, ...]  # booth slugs validated
    problems: tuple[ContentError, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def errors(self) -> int:
        return len(self.violations) + sum(p.is_error for p in self.problems)

    @property
    def ok(self) -> bool:
        return self.errors == 0


def review(root: Path, base: str, head: str, author: str, lang: str | None = None,
           photos: bool = True) -> Review:
    """Ownership and content of the pull request `base...head`; GitError for a git problem."""
    root = root.resolve()
    base_sha, start, head_sha = three_dot(root, base, head)
    here = resolve(root, "HEAD")
    if here != base_sha:
        raise GitError(bilingual("review_not_on_base", {"base": base, "head": here[:12]}))
    pr = read_pull_request(root, base, head)
    violations = decide(pr.changes, pr.owners_at_base, pr.owners_at_head, author, pr.organisers,
                        pr.exhibitors_path)
    # The base's own settings: the work tree is the base commit, checked above.
    settings = open_project(root, "pelicanconf.py", lang).expo
    folder = pr.exhibitors_path.strip("/")
    touched = {booth_slug(c.path, folder) for c in pr.changes} - {None}
    slugs = sorted(touched & folders_at(root, head_sha, folder))  # deleted folders need no check
    problems: list[ContentError] = []
    suggestions: list[Suggestion] = []
    if slugs:
        with tempfile.TemporaryDirectory(prefix="expo-review-") as scratch:
            tree = Path(scratch)
            copy_folders(root, head_sha, [f"{folder}/{s}" for s in slugs], tree,
                         _size_limits(settings), settings.max_photo_megabytes * 1024 * 1024)
            problems = _validate(tree, settings, set(slugs), photos)
            for slug in slugs:
                suggestions += _suggestions(root, start, head_sha, tree, f"{folder}/{slug}")
    return Review(base, author, pr.changes, tuple(violations), pr.organisers, tuple(slugs),
                  tuple(problems), tuple(suggestions))


def _size_limits(settings: ExpoSettings) -> dict[str, int]:
    """The largest file of each kind worth reading: anything bigger fails validation by size."""
    limits = {".yml": settings.max_yaml_kilobytes * 1024, ".yaml": settings.max_yaml_kilobytes * 1024,
              ".md": MAX_ABOUT_KILOBYTES * 1024}
    limits.update({ext: settings.max_photo_megabytes * 1024 * 1024 for ext in PHOTO_EXTENSIONS})
    return limits


def _validate(tree: Path, settings: ExpoSettings, slugs: set[str], photos: bool) -> list[ContentError]:
    from expo.images.photos import verify_photos

    # EXPO_FEATURED names booths of the whole site, not of this pull request
    settings = replace(settings, featured=())
    catalog, problems = load_catalog(tree, settings, only=slugs)
    if catalog is not None and photos:
        problems += verify_photos(catalog, tree, settings)
    return problems


def _suggestions(root: Path, start: str, head: str, tree: Path, folder: str) -> list[Suggestion]:
    yml = tree / folder / YAML_NAME
    if not is_plain_file_inside(yml, tree / folder) or yml.stat().st_size > 1024 * 1024:
        return []
    try:
        text = yml.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    names = sorted(plain_files(tree / folder))
    path = f"{folder}/{YAML_NAME}"
    added = added_lines(root, start, head, path)
    return [Suggestion(path, fix, fix.line in added) for fix in find_fixes(text, names)]


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def added_lines(root: Path, start: str, head: str, path: str) -> set[int]:
    """Line numbers (in `head`) of the lines the pull request added to `path`."""
    out = _git(root, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", start, head,
               "--", path).stdout.decode("utf-8", "replace")
    lines: set[int] = set()
    for line in out.splitlines():
        match = _HUNK.match(line)
        if match:
            first, count = int(match.group(1)), int(match.group(2) or 1)
            lines.update(range(first, first + count))
    return lines

