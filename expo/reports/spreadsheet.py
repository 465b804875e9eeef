"""CSV that spreadsheets open safely and correctly (pure), for every CSV the project writes.

Exhibitor text ends up in cells, and Excel, LibreOffice and Google Sheets run a cell that
starts with =, +, - or @ (or a tab or carriage return before one) as a formula: '=HYPERLINK(...)'
in a product name would become a live link or worse in the organiser's spreadsheet. Such text
cells get a leading apostrophe, the spreadsheet way to say "this is text" (OWASP's advice for
CSV injection). Numbers stay numbers. The file starts with a UTF-8 byte order mark, without
which Excel reads UTF-8 as the local code page and garbles Indonesian and any non-ASCII text.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, TextIO

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula, prefixed with an apostrophe; anything else
    as it is (None becomes an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(target: TextIO, header: Iterable[str], rows: Iterable[Iterable[object]]) -> None:
    """The whole file into `target` (opened with newline=""), row by row: BOM, header, rows with
    every cell made safe, CRLF line ends (RFC 4180)."""
    target.write(BOM)
    out = csv.writer(target, lineterminator="\r\n")
    out.writerow(header)
    out.writerows([safe_cell(cell) for cell in row] for row in rows)


def csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """The whole file as text (write_csv)."""
    buffer = io.StringIO(newline="")
    write_csv(buffer, header, rows)
    return buffer.getvalue()
