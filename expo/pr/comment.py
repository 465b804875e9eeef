"""The pull-request comment of `invoke review`, as Markdown, and the suggested changes.

The workflow only posts what this module writes (one JSON file): one comment found again by
its hidden marker and edited, never repeated, plus one review comment per certain fix on a line
the pull request added, in GitHub's ```suggestion form, each with its own marker so a re-run
does not post it twice.

Everything from the pull request (values, file names, paths) is shown as inline code, so it
cannot become a link, an image, a mention or HTML; our own texts are HTML-escaped. The comment
is bounded: GitHub refuses comments over 65,536 characters.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import Mapping

from expo.content.errors import ContentError
from expo.pr.review import Review, Suggestion
from expo.text.messages import MESSAGES

MARKER = "<!-- expo-katalog-review -->"
SUGGESTION_MARKER = "<!-- expo-katalog-suggestion {id} -->"
MAX_LISTED = 40  # problems shown in the comment
MAX_SUGGESTIONS = 20  # review comments posted per run
MAX_CHARS = 60_000
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def code(value: object) -> str:
    """`value` as Markdown inline code: no Markdown, HTML or @mention inside it works."""
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))[:300]
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def text(key: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    """Message `key` as Markdown: the template escaped, every text parameter as inline code."""
    # a backtick in our own text ("quote text starting with @, `, %") would open a code span
    template = html.escape(MESSAGES[key][1 if lang == "en" else 0], quote=False).replace("`", "\\`")
    shown = {}
    for name, value in (params or {}).items():
        if isinstance(value, str) and value.startswith("yaml_problem_") and value in MESSAGES:
            shown[name] = text(value, lang)  # a message inside a message (YAML problems)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            shown[name] = str(value)
        else:
            shown[name] = code(value)
            template = template.replace(f'"{{{name}}}"', f"{{{name}}}")  # code needs no quotes
    return template.format(**shown)


def _problem_line(problem: ContentError, lang: str) -> str:
    where = code(problem.path)
    if problem.line is not None:
        where += " " + text("comment_line", lang, {"line": problem.line})
    field = f"{code(problem.field)}: " if problem.field else ""
    return f"- {where}: {field}{text(problem.key, lang, problem.params)}"


def _fence(lines: tuple[str, ...], kind: str) -> str:
    body = "\n".join(_CONTROL.sub("", line) for line in lines)
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{kind}\n{body}\n{fence}"


def comment_body(result: Review, lang: str = "id", owner_url: str = "") -> str:
    """The one comment: a verdict, then every problem with its certain fix if there is one.
    `owner_url`: the owner pages' pattern (EXPO_OWNER_URL); a passing check names each booth's."""
    parts = [MARKER, f"### {text('comment_title', lang)}", ""]
    if result.ok:
        parts.append("✅ " + text("comment_ok", lang))
        if owner_url and result.checked:
            pages = ", ".join(code(owner_url.format(slug=slug)) for slug in result.checked[:MAX_LISTED])
            parts += ["", text("comment_owner_pages", lang) + " " + pages]
    else:
        parts.append("❌ " + text("comment_failed", lang, {"errors": result.errors}))
    ownership = [f"- {code(v.path)}: {text(v.key, lang, v.params)}" for v in result.violations]
    content, warnings = _content_entries(result, lang)
    room = MAX_LISTED
    for heading, entries in ((f"#### {text('comment_ownership', lang)}", ownership),
                             (f"#### {text('comment_content', lang)}", content),
                             (text("comment_warnings", lang, {"count": len(warnings)}), warnings)):
        if entries and room > 0:
            parts += ["", heading, *entries[:room]]
        room -= len(entries)
    if room < 0:
        parts += ["", text("comment_more", lang, {"count": -room})]
    parts += ["", f"<sub>{text('comment_footer', lang, {'base': result.base})}</sub>"]
    body = "\n".join(parts)
    if len(body) > MAX_CHARS:  # long values are cut in `code`; this is the last guard
        body = body[:MAX_CHARS] + "\n\n" + text("comment_more", lang, {"count": "?"})
    return body


def _content_entries(result: Review, lang: str) -> tuple[list[str], list[str]]:
    """(errors, each followed by its certain fix, then fixes on lines without an error; warnings)."""
    fixes = {(s.path, s.fix.line): s for s in result.suggestions}
    errors, warnings = [], []
    for problem in result.problems:
        if not problem.is_error:
            warnings.append(_problem_line(problem, lang))
            continue
        entry = _problem_line(problem, lang)
        suggestion = fixes.pop((problem.path, problem.line), None)
        if suggestion:
            entry += "\n" + _fix_lines(suggestion, lang)
        errors.append(entry)
    for suggestion in fixes.values():
        where = f"{code(suggestion.path)} {text('comment_line', lang, {'line': suggestion.fix.line})}"
        errors.append(f"- {where}: {text(suggestion.fix.key, lang, suggestion.fix.params)}\n"
                      + _fix_lines(suggestion, lang))
    return errors, warnings


def _fix_lines(suggestion: Suggestion, lang: str) -> str:
    key = "comment_fix" if suggestion.anchored else "comment_fix_inline"
    block = _fence(suggestion.fix.new, "yaml")
    indented = "\n".join("  " + line for line in block.split("\n"))
    return f"  {text(key, lang)}\n{indented}"


def suggestion_comments(result: Review, lang: str = "id") -> list[dict]:
    """Review comments for the fixes GitHub can show as suggested changes (lines the pull
    request added); each body starts with a marker made from its content."""
    comments = []
    for suggestion in result.suggestions:
        if not suggestion.anchored or len(comments) >= MAX_SUGGESTIONS:
            continue
        fix = suggestion.fix
        ident = hashlib.sha256(json.dumps([suggestion.path, fix.line, fix.old, fix.new]).encode()).hexdigest()[:16]
        what = text(fix.key, lang, fix.params)
        body = "\n".join([SUGGESTION_MARKER.format(id=ident), f"{what}. {text('comment_suggestion', lang)}",
                          "", _fence(fix.new, "suggestion")])
        comments.append({"path": suggestion.path, "line": fix.line, "body": body})
    return comments


def review_json(result: Review, lang: str = "id", owner_url: str = "") -> str:
    """What the workflow posts: {"marker", "ok", "body", "suggestions": [{"path","line","body"}]}."""
    return json.dumps({"marker": MARKER, "ok": result.ok, "body": comment_body(result, lang, owner_url),
                       "suggestions": suggestion_comments(result, lang)}, ensure_ascii=False, indent=1)


def failure_json(message: str, lang: str = "id") -> str:
    """The comment when the pull request could not be read at all (too large, a git problem)."""
    body = "\n".join([MARKER, f"### {text('comment_title', lang)}", "", "❌ " + html.escape(message, quote=False)
                      .replace("\n", "<br>\n")])
    return json.dumps({"marker": MARKER, "ok": False, "body": body, "suggestions": []},
                      ensure_ascii=False, indent=1)
