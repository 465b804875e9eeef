"""`invoke review` (an organiser's or the workflow's check of a pull request, with the base's
code) and `invoke fix` (certain fixes to one booth's exhibitor.yml, shown as a diff)."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from expo.cli.build import BuildFailed
from expo.content.errors import format_report
from expo.content.loader import YAML_NAME
from expo.pr.ownership import bilingual, printable, report
from expo.text.escape import safe_text
from expo.values.logins import normalize_login
from expo.text.messages import render
from expo.values.paths import is_plain_file_inside, plain_files


def review(root: Path, base: str | None = None, head: str | None = None, author: str | None = None,
           output: str | None = None, lang: str | None = None, quick: bool = False) -> int:
    """Ownership and content of `base...head`, run from a checkout of `base`; with `output`, also
    the JSON the workflow posts as the pull-request comment. 1 if anything must be fixed."""
    from expo.pr import comment
    from expo.pr.gitrefs import GitError
    from expo.pr.review import review as review_pull_request

    if not base:
        raise BuildFailed(bilingual("pr_base_missing"))
    if not head:
        raise BuildFailed(bilingual("review_head_missing"))
    if not author or normalize_login(author) is None:
        raise BuildFailed(bilingual("pr_author_invalid", {"value": author or ""}))
    language = lang or "id"
    try:
        result = review_pull_request(root, base, head, author, lang, photos=not quick)
    except GitError as exc:
        if output:
            _write_json(root, output, comment.failure_json(str(exc)))
        raise BuildFailed(str(exc)) from None
    print(report(result.changes, list(result.violations), author, result.organisers), file=sys.stderr)
    print(render("review_folders", language, {"folders": ", ".join(result.checked) or "-"}), file=sys.stderr)
    if result.problems:
        print(format_report(result.problems, language, summary=False), file=sys.stderr)
    if output:
        from expo.cli.build import open_project

        owner_url = open_project(root, "pelicanconf.py", lang).expo.owner_url  # the base's settings, as review read them
        _write_json(root, output, comment.review_json(result, language, owner_url))
    return 0 if result.ok else 1


def _write_json(root: Path, output: str, text: str) -> None:
    target = Path(output) if Path(output).is_absolute() else root / output
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def fix(root: Path, folder: str, dry_run: bool = False, lang: str | None = None, out=None) -> int:
    """Apply the certain fixes (`expo.pr.suggest`) to `folder`/exhibitor.yml and print the diff."""
    from expo.cli.build import open_project
    from expo.pr.suggest import apply_fixes, find_fixes

    out = out or sys.stdout
    language = lang or "id"
    exhibitors = open_project(root).exhibitors_dir
    booth = (root / folder).resolve() if not folder.endswith(YAML_NAME) else (root / folder).parent.resolve()
    path = booth / YAML_NAME
    shown = f"{folder.rstrip('/').removesuffix('/' + YAML_NAME)}/{YAML_NAME}"
    if booth.parent != exhibitors or not is_plain_file_inside(path, booth):
        raise BuildFailed(render("fix_no_yaml", language, {"path": printable(shown)}))
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BuildFailed(render("yaml_encoding", language, {"offset": 1})) from None
    names = sorted(plain_files(booth))
    fixes = find_fixes(text, names)
    params = {"path": printable(shown), "folder": printable(str(Path(shown).parent)), "count": len(fixes)}
    if not fixes:
        print(render("fix_none", language, params), file=sys.stderr)
        return 0
    fixed = apply_fixes(text, fixes)
    diff = difflib.unified_diff(text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                fromfile=f"a/{shown}", tofile=f"b/{shown}")
    for line in diff:
        print(safe_text(printable(line.rstrip("\r\n"), None)), file=out)  # a context line may hold "::"
    if dry_run:
        print(render("fix_dry_run", language, params), file=sys.stderr)
        return 0
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + fixed.encode("utf-8"))
    print(render("fix_applied", language, params), file=sys.stderr)
    return 0

