"""`invoke issue-to-booth <issue.json>`: the Issue Form "Daftar booth / Ubah booth" becomes a
booth folder, and the comment the workflow posts on the issue says what happened.

The workflow passes the event file GitHub wrote ($GITHUB_EVENT_PATH); `gh issue view N --json
number,body,author` gives the same for a run by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

from expo.cli.build import BuildFailed
from expo.content.errors import ContentError, format_report
from expo.pr.ownership import bilingual
from expo.values.logins import normalize_login

MARKER = "<!-- expo-katalog-issue -->"
MAX_ISSUE_FILE_BYTES = 1024 * 1024


def issue_to_booth(root: Path, issue_file: str, output: str | None = None, dry_run: bool = False,
                   lang: str | None = None, download: Callable[[str, int], bytes] | None = None) -> int:
    """Convert; with `output`, write {"ok", "slug", "update", "branch", "title", "comment",
    "pull_request_line"} for the workflow. 1 when the form has mistakes."""
    from expo.cli.build import open_project
    from expo.importer import attachments
    from expo.importer.issueform import IssueResult, convert_issue, form_fields, has_booth_name

    path = Path(issue_file)
    if not path.is_file() or path.stat().st_size > MAX_ISSUE_FILE_BYTES:
        raise BuildFailed(f"File {issue_file} tidak ditemukan atau terlalu besar (not found or too large).")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BuildFailed(f"{issue_file}: bukan JSON (not JSON): {exc}") from None
    issue = data.get("issue", data) if isinstance(data, dict) else {}
    body = (issue.get("body") or "") if isinstance(issue, dict) else ""
    person = (issue.get("user") or issue.get("author") or {}) if isinstance(issue, dict) else {}
    author = person.get("login", "") if isinstance(person, dict) else ""
    if not isinstance(author, str) or normalize_login(author) is None:
        raise BuildFailed(bilingual("pr_author_invalid", {"value": str(author)}))
    number = issue.get("number") if isinstance(issue, dict) else None
    settings = open_project(root, "pelicanconf.py", lang).expo
    if not isinstance(body, str) or not has_booth_name(form_fields(body)):
        result = IssueResult(None, False, False, (ContentError("issue", None, "", "issue_not_a_form"),))
    else:
        result = convert_issue(root.resolve(), settings, body, author, download or attachments.download,
                               dry_run=dry_run)
    print(format_report(result.problems, settings.lang, summary=False, exhibitors_path=settings.exhibitors_path) or "",
          file=sys.stderr)
    if result.written:
        print(f"{settings.exhibitors_path.strip('/')}/{result.slug}/ ditulis (written)", file=sys.stderr)
    if output:
        Path(output).write_text(json.dumps(issue_json(result, number, settings.lang), ensure_ascii=False,
                                           indent=1), encoding="utf-8")
    return 0 if result.ok else 1


def issue_json(result, number: object, lang: str) -> dict:
    """What the workflow needs: the branch and pull-request title, and the comment."""
    from expo.pr.comment import code, text
    from expo.text.messages import render

    slug = result.slug or ""
    parts = [MARKER, f"### {text('issue_comment_title', lang)}", ""]
    if result.ok:
        parts.append("✅ " + text("issue_comment_ok", lang, {"slug": f"exhibitors/{slug}/", "products": result.products,
                                                             "photos": len(result.photos)}))
    else:
        errors = sum(p.is_error for p in result.problems)
        parts.append("❌ " + text("issue_comment_failed", lang, {"errors": errors}))
    listed = [p for p in result.problems if p.is_error] + [p for p in result.problems if not p.is_error]
    if listed:
        parts.append("")
    for problem in listed[:40]:
        label = f"**{code(problem.field)}**: " if problem.field else ""
        warning = f"{text('label_warning', lang)}: " if not problem.is_error else ""
        parts.append(f"- {label}{warning}{text(problem.key, lang, problem.params)}")
    safe_number = number if isinstance(number, int) and not isinstance(number, bool) else 0
    kind = "Ubah booth" if result.update else "Booth baru"
    return {
        "ok": result.ok,
        "slug": slug,
        "update": result.update,
        "branch": f"booth/issue-{safe_number}",
        "title": f"{kind}: {slug} (#{safe_number})",
        "comment": "\n".join(parts),
        # the workflow fills in {url} once the pull request exists
        "pull_request_line": render("issue_comment_pull_request", lang, {"url": "{url}"}),
    }
