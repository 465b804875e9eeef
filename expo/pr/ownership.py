"""Who may change what in a pull request: a pure decision over the list of changed paths.

Rules (the git layer in `gitrefs.py` supplies the inputs):
- organisers may change anything;
- anything outside `exhibitors/<slug>/` is a site file: organisers only;
- an existing booth folder may be changed (edited, deleted, moved away) only by the owners it
  has on the BASE ref. Owners written in the pull request itself do not count yet, otherwise
  anyone could add themselves to a folder's owners and edit it in the same pull request;
- a folder that does not exist on the base ref is new: its author must be in its owners.
A rename arrives here as a delete plus an add, so moving someone else's folder is a delete in
their folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from expo.content.loader import parse_yaml
from expo.text.escape import printable, safe_text
from expo.text.messages import render
from expo.values.logins import clean_logins, normalize_login

DELETED = "D"


@dataclass(frozen=True)
class Change:
    status: str  # git's letter: A added, M modified, D deleted, T type changed, ...
    path: str  # relative to the repository root, '/' separators


@dataclass(frozen=True)
class Violation:
    path: str
    key: str  # a message key in messages.py
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def reason(self) -> tuple:
        return (self.key, tuple(sorted(self.params.items())))


def bilingual(key: str, params: Mapping[str, object] | None = None) -> str:
    """A message in Indonesian, then in English on the next line (CI logs are read by both)."""
    params = params or {}
    return f"{render(key, 'id', params)}\n{render(key, 'en', params)}"


def owners_from_yaml(text: str | None, display: str) -> tuple[str, ...]:
    """The `owners` of one exhibitor.yml; empty when the file is missing or broken.

    Uses the project's safe YAML reader (no tags, no aliases). Any problem in the file means
    no owners: a half-readable file must not grant anyone access.
    """
    if text is None:
        return ()
    problems: list = []
    document = parse_yaml(text, display, problems)
    if any(p.is_error for p in problems) or document is None or not isinstance(document.data, dict):
        return ()
    owners = document.data.get("owners")
    if isinstance(owners, list):  # scalars as typed: YAML reads a login like 12345 as a number
        return clean_logins(document.written.get(("owners", i), item) for i, item in enumerate(owners))
    if owners is not None:
        return clean_logins([document.written.get(("owners",), owners)])
    return ()


def booth_slug(path: str, exhibitors_path: str = "exhibitors") -> str | None:
    """'exhibitors/batik-sari/kain.jpg' -> 'batik-sari'; None for site files.

    Files directly in exhibitors/ and hidden folders (which the build ignores) are site files.
    """
    parts = path.split("/")
    root = exhibitors_path.strip("/").split("/")
    if len(parts) < len(root) + 2 or parts[: len(root)] != root:
        return None
    slug = parts[len(root)]
    return None if not slug or slug.startswith(".") else slug


def decide(changes: Iterable[Change], owners_at_base: Mapping[str, tuple[str, ...]],
           owners_at_head: Mapping[str, tuple[str, ...]], author: str,
           organisers: Iterable[str], exhibitors_path: str = "exhibitors",
           base_folders: Iterable[str] = (), yaml_links: Iterable[str] = ()) -> list[Violation]:
    """Every change the author may not make, in path order.

    `owners_at_base` has one entry per booth folder that exists on the base ref (an empty tuple
    when its exhibitor.yml is missing or broken); a slug absent from it is a new folder, judged
    by `owners_at_head`.
    """
    who = normalize_login(author)
    if who is None:
        raise ValueError(f"not a GitHub login: {author!r}")
    if who in {normalize_login(o) for o in organisers}:
        return []
    shown = "@" + author.strip().lstrip("@")
    violations = []
    folded = {f.casefold(): f for f in base_folders}
    links = set(yaml_links)
    for change in sorted(changes, key=lambda c: c.path):
        slug = booth_slug(change.path, exhibitors_path)
        if slug is None:
            violations.append(Violation(change.path, "pr_site_file", {"author": shown}))
            continue
        folder = f"{exhibitors_path.strip('/')}/{slug}/"
        params = {"author": shown, "folder": folder}
        if slug not in owners_at_base:
            twin = folded.get(slug.casefold())
            if twin is not None and twin != slug:  # 'Batik-Sari' beside 'batik-sari'
                params["other"] = f"{exhibitors_path.strip('/')}/{twin}/"
                violations.append(Violation(change.path, "pr_folder_case_collision", params))
            elif slug in links:
                violations.append(Violation(change.path, "pr_yaml_link", params))
            elif who not in _keys(owners_at_head.get(slug, ())):
                login = author.strip().lstrip("@")  # quoted in the advice: '- @x' is not YAML
                violations.append(Violation(change.path, "pr_new_folder_not_owner", {**params, "login": login}))
            continue
        base_owners = owners_at_base[slug]
        if who in _keys(base_owners):
            continue
        params["owners"] = ", ".join("@" + o for o in base_owners)
        if not base_owners:
            key = "pr_no_owners"
        elif change.status == DELETED:
            key = "pr_foreign_delete"
        elif who in _keys(owners_at_head.get(slug, ())):
            key = "pr_owners_self_added"
        else:
            key = "pr_foreign_edit"
        violations.append(Violation(change.path, key, params))
    return violations


def report(changes: Iterable[Change], violations: list[Violation], author: str,
           organisers: Iterable[str]) -> str:
    """What `invoke check-pr` prints: one line when all is well, else every offending path with
    the reason and what to do."""
    shown = "@" + author.strip().lstrip("@")
    count = len(list(changes))
    if not violations:
        key = "pr_ok_organiser" if normalize_login(author) in _keys(organisers) else "pr_ok"
        return one_line(key, {"author": shown, "count": count})
    blocks = [_block(group) for group in _grouped(violations)]
    blocks.append(bilingual("pr_failed", {"count": len(violations), "author": shown}))
    names = ", ".join("@" + o for o in organisers)
    if names:
        blocks[-1] += "\n" + render("pr_organisers", "id", {"organisers": names})
    return safe_text("\n\n".join(blocks))  # a changed path may start with "::"


def _grouped(violations: list[Violation]) -> list[list[Violation]]:
    """Paths with the same reason together (a moved folder is many files, one reason)."""
    groups: dict[tuple, list[Violation]] = {}
    for violation in violations:
        groups.setdefault(violation.reason, []).append(violation)
    return list(groups.values())


def _block(group: list[Violation]) -> str:
    """The paths, then the reason in Indonesian, then in English."""
    first = group[0]
    paths = "\n".join(printable(v.path, None) for v in group)
    return (f"{paths}\n"
            f"  ID: {render(first.key, 'id', first.params)}\n"
            f"  EN: {render(first.key, 'en', first.params)}")


def one_line(key: str, params: Mapping[str, object]) -> str:
    """'<Indonesian> (<English>)' for short confirmations."""
    return f"{render(key, 'id', params)} ({render(key, 'en', params)})"


def _keys(logins: Iterable[str]) -> set[str]:
    return {k for k in (normalize_login(o) for o in logins) if k}
