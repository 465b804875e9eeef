"""Untrusted text made safe to print in a terminal or a CI log.

Every command echoes exhibitor data (values, YAML keys, folder and file names, spreadsheet
cells). Printed raw, a newline followed by `::error file=...::` becomes a GitHub Actions workflow
command, ESC bytes move the cursor and repaint the terminal (an attacker can erase the errors
and print "Semua data valid" over them), and a 200 KB value floods the log. So every value a
message shows goes through `printable` (messages.render does this for every parameter), and
every text a command prints goes through `safe_text`, which keeps any line from starting with
`::` (the runner trims leading spaces before it looks for a command).
"""

from __future__ import annotations

MAX_ECHO = 120  # characters of one echoed value; the rest is cut off with "…"
_WORKFLOW_COMMAND = "::"


def printable(value: object, limit: int | None = MAX_ECHO) -> str:
    """`value` as one visible line: control characters, line breaks, format characters (bidi
    overrides, zero-width) and undecodable bytes of a file name as escapes such as `\\n`,
    `\\x1b`, `\\u202e` or `\\xff`; cut to `limit` characters."""
    text = str(value)
    cut = limit is not None and len(text) > limit
    if cut:
        text = text[:limit]
    out = "".join(c if c.isprintable() else _escape(c) for c in text)
    return out + "…" if cut else out


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by os.fsdecode
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1]  # '\\n', '\\x1b', '\\u202e', '\\U000e0001'


def safe_text(text: str) -> str:
    """`text` with no line that GitHub Actions would read as a workflow command: a line that
    starts (after spaces) with `::` gets a `\\` before it."""
    if _WORKFLOW_COMMAND not in text:
        return text
    lines = text.split("\n")
    return "\n".join("\\" + line if line.lstrip().startswith(_WORKFLOW_COMMAND) else line
                     for line in lines)
