"""Content problems: one value per problem, collected and reported all at once.

Exhibitors are not programmers, so a problem is never an exception with a traceback: it is a
`ContentError` naming the file, the line, the field, what is wrong and how to fix it. The text
comes from `messages.py` in the reader's language, so tests can pin it exactly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Iterable, Mapping

from expo.text.escape import printable, safe_text
from expo.text.messages import render

ERROR = "error"
# A hostile file can hold thousands of mistakes (24,000 unknown keys printed 7 MB): a report
# shows this many per file and counts the rest.
MAX_PROBLEMS_PER_FILE = 50
WARNING = "warning"


@dataclass(frozen=True)
class ContentError:
    """One problem in one file. `key` picks the message text, `params` fill it in."""

    path: str  # relative to the project root, with '/' separators
    line: int | None  # 1-based; None when the problem is the file as a whole
    field: str  # e.g. 'category', 'products[2].price'; '' for the whole file
    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def booth(self, exhibitors_path: str) -> str:
        """The booth slug this problem belongs to, or '' for site-level problems."""
        folder = PurePosixPath(exhibitors_path).parts
        parts = PurePosixPath(self.path).parts
        return parts[len(folder)] if len(parts) > len(folder) and parts[:len(folder)] == folder else ""

    def format(self, lang: str = "id") -> str:
        """`exhibitors/<slug>/exhibitor.yml:<line>: <field>: <what is wrong>. <how to fix>`"""
        path = printable(self.path, None)  # a folder name may hold a newline or ESC
        where = path if self.line is None else f"{path}:{self.line}"
        what = f"{printable(self.field)}: " if self.field else ""  # unknown keys are user text
        text = render(self.key, lang, self.params)
        if self.severity == WARNING:
            text = f"{render('label_warning', lang, {})}: {text}"
        return f"{where}: {what}{text}"

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.field, self.key)


class ContentErrors(Exception):
    """Raised by the build when content has errors; carries every problem found."""

    def __init__(self, problems: Iterable[ContentError]):
        self.problems = sorted(problems, key=ContentError.sort_key)
        super().__init__(f"{len(self.errors)} content error(s)")

    @property
    def errors(self) -> list[ContentError]:
        return [p for p in self.problems if p.is_error]


def format_report(problems: Iterable[ContentError], lang: str = "id", summary: bool = True,
                  exhibitors_path: str = "exhibitors") -> str:
    """All problems, grouped by exhibitor, then a one-line summary saying what to do next
    (left out with `summary=False`, for commands that print their own)."""
    problems = sorted(problems, key=ContentError.sort_key)
    lines: list[str] = []
    current = None
    per_file: Counter[str] = Counter()
    for problem in problems:
        group = problem.booth(exhibitors_path) or problem.path
        if group != current:
            if lines:
                lines.append("")
            lines.append(render("report_group", lang, {"group": group}))
            current = group
        per_file[problem.path] += 1
        shown = per_file[problem.path]
        if shown <= MAX_PROBLEMS_PER_FILE:
            lines.append("  " + problem.format(lang))
        elif shown == MAX_PROBLEMS_PER_FILE + 1:  # the rest of this file: one line saying how many
            hidden = sum(1 for p in problems if p.path == problem.path) - MAX_PROBLEMS_PER_FILE
            lines.append("  " + render("report_more", lang, {"path": problem.path, "count": hidden}))
    if not summary:
        return safe_text("\n".join(lines))
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if lines:
        lines.append("")
    key = "report_summary_failed" if errors else "report_summary_ok"
    lines.append(render(key, lang, {"errors": errors, "warnings": warnings}))
    return safe_text("\n".join(lines))
