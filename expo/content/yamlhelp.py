"""libyaml's complaints -> what an exhibitor did wrong, on the line where they did it.

libyaml reports where it gave up, in English, often lines after the mistake: a description line
that is less indented than the rest is reported at the next key; `city:Kabupaten Semarang` is
"could not find expected ':'" on the line after. These rules look at the exhibitor's own lines
to name one of a few mistakes people make (indentation, no space after a colon, no colon, text
that needs quotes, a tab, an unclosed quote or bracket) and the line and character where it is.
Nothing of the parser's English reaches the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s:/])")  # 'city:Kabupaten'
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w -]*:(?:\s|$)")  # 'price: 5000', '- name: A'
_BLOCK_START = re.compile(r":[ \t]*[|>][+-]?$")  # 'description: |', checked without its comment
_CLOSED_QUOTE = re.compile(r"""^\s*(?:-\s+)?[\w-]+:\s+(["']).*\1\s*$""")  # 'tagline: "Renyah!" '


@dataclass(frozen=True)
class YamlProblem:
    line: int  # 1-based
    column: int  # 1-based: the character ("huruf ke-") in that line
    key: str  # a yaml_problem_* message key


def diagnose(text: str, problem: str, problem_mark, context: str | None, context_mark) -> YamlProblem:
    """The mistake behind one libyaml error, placed on the exhibitor's line."""
    lines = text.splitlines()
    problem = (problem or "").strip()
    at = _place(problem_mark)
    if problem.startswith("found character that cannot start any token"):
        key = "yaml_problem_tab" if _char(lines, problem_mark) == "\t" else "yaml_problem_token"
        return YamlProblem(*at, key)
    if problem.startswith("found a tab character") or _tab_indent(lines, problem_mark):
        return YamlProblem(*at, "yaml_problem_tab")
    if problem.startswith("could not find expected ':'") and context_mark is not None:
        return _no_colon(lines, context_mark)
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_value(lines, problem_mark)
    if problem.startswith("did not find expected key"):
        before = _line(lines, problem_mark.line)[: problem_mark.column]
        if _CLOSED_QUOTE.match(before):
            return YamlProblem(*at, "yaml_problem_quote_then_text")
        return YamlProblem(*at, "yaml_problem_indent")
    if problem.startswith("did not find expected '-' indicator"):
        return YamlProblem(*at, "yaml_problem_indent")
    if problem.startswith(("found unexpected end of stream", "found unknown escape character",
                           "expected a comment or a line break")) and context and "quoted" in context:
        return YamlProblem(*_place(context_mark or problem_mark), "yaml_problem_unclosed_quote")
    if problem.startswith(("did not find expected ',' or ']'", "did not find expected ',' or '}'")):
        return YamlProblem(*_place(context_mark or problem_mark), "yaml_problem_bracket")
    if problem.startswith(("found undefined alias", "did not find expected alphabetic or numeric")):
        return YamlProblem(*at, "yaml_problem_alias")
    if problem.startswith("found unexpected end of stream"):
        return YamlProblem(*_place(context_mark or problem_mark), "yaml_problem_unclosed_quote")
    return YamlProblem(*at, "yaml_problem_other")


def _no_colon(lines: list[str], mark) -> YamlProblem:
    """libyaml read a line as the start of a key and found no ': ' after it."""
    line = _line(lines, mark.line)
    no_space = _KEY_NO_SPACE.match(line)
    if no_space:
        return YamlProblem(mark.line + 1, no_space.end() + 1, "yaml_problem_colon_space")
    if _continues_text(lines, mark.line):
        return YamlProblem(mark.line + 1, _indent(line) + 1, "yaml_problem_text_indent")
    return YamlProblem(mark.line + 1, mark.column + 1, "yaml_problem_missing_colon")


def _colon_in_value(lines: list[str], mark) -> YamlProblem:
    """': ' where libyaml expected none: either a key indented deeper than the one above it
    ('     price_max: 75000' under '    price: 5000'), or a colon inside a value."""
    number = mark.line
    line = _line(lines, number)
    previous = _previous_filled(lines, number)
    if previous is not None and _KEY_LINE.match(line):
        above = _line(lines, previous)
        if _KEY_LINE.match(above) and not above.rstrip().endswith(":") \
                and _indent(line) > _indent(above):
            return YamlProblem(number + 1, _indent(line) + 1, "yaml_problem_indent")
    return YamlProblem(number + 1, mark.column + 1, "yaml_problem_colon")


def _continues_text(lines: list[str], number: int) -> bool:
    """Whether line `number` sits below a multi-line text (a `|` block or a wrapped value) and
    is less indented than that text: the text's indentation is what went wrong."""
    previous = _previous_filled(lines, number)
    if previous is None:
        return False
    above = _line(lines, previous)
    if _indent(above) <= _indent(_line(lines, number)):
        return False
    for back in range(previous, -1, -1):
        text = _line(lines, back)
        if not text.strip():
            continue
        if _BLOCK_START.search(text.split(" #", 1)[0].rstrip()):
            return True
        if _KEY_LINE.match(text):
            return back != previous  # a wrapped plain value: the key line is above the text
    return False


def _previous_filled(lines: list[str], number: int) -> int | None:
    for back in range(number - 1, -1, -1):
        text = _line(lines, back)
        if text.strip() and not text.lstrip().startswith("#"):
            return back
    return None


def _tab_indent(lines: list[str], mark) -> bool:
    return mark is not None and "\t" in _line(lines, mark.line)[: _indent(_line(lines, mark.line)) + 1]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line(lines: list[str], number: int) -> str:
    return lines[number] if 0 <= number < len(lines) else ""


def _char(lines: list[str], mark) -> str:
    line = _line(lines, mark.line) if mark is not None else ""
    return line[mark.column] if mark is not None and mark.column < len(line) else ""


def _place(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


# A plain value cut by a comment that reads like part of the text: 'Keripik Tempe #1 Ambarawa'
# is read as "Keripik Tempe". A note written on purpose ('... # nama usaha') has a space after #.
_CUT_BY_COMMENT = re.compile(r"[ \t]+#(?=\S)")
_SHOWN = 80  # characters of the cut-off text a message quotes


def comment_cut(lines: list[str], end_mark) -> str | None:
    """The text a ' #' cut off the plain value ending at `end_mark`, or None. Matched in place,
    without copying the rest of the line for each value of a long one-line list."""
    line = _line(lines, end_mark.line)
    found = _CUT_BY_COMMENT.match(line, end_mark.column)
    return line[found.end() - 1:found.end() - 1 + _SHOWN].rstrip() if found else None
