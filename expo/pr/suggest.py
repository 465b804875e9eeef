"""Certain fixes to an exhibitor.yml, line by line: what `invoke fix` applies and what the
pull-request review offers as GitHub "suggested changes".

A fix is offered only when there is exactly one right answer, so applying it with one tap can
never make a booth wrong:
- a price written as people write it (`Rp 25.000`, `25rb`, `Rp25.000,-`) -> `25000`, read by
  import-csv's own price reader; a range on `price:` becomes `price` plus `price_max` when the
  product has no `price_max` yet;
- a value starting with `@` (which YAML refuses unquoted) -> the same value in double quotes;
- a photo name that is not in the folder while exactly one file there has the same name in
  other capitals, or the same name with another photo extension (`kain.jpg` -> `Kain.HEIC`).
Anything else (a comment after the value, flow lists, several candidates) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Iterable, Mapping

from expo.images.pipeline import PHOTO_EXTENSIONS
from expo.values.prices import parse_price

# `  - price: Rp 25.000` / `price: "25rb"`: indentation, an optional list dash, key, value.
# The value runs to the end of the line; trailing spaces are cut in code, not by the pattern
# (`.*?[ ]*$` would rescan a long run of spaces once per character).
_LINE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_]+)(?P<colon>[ ]*:[ ]+)(?P<value>\S.*)$")
_ITEM = re.compile(r"^(?P<lead>[ ]*-[ ]+)(?P<value>\S.*)$")
MAX_PRICE_TEXT = 40
MAX_SIBLING_LINES = 400  # how far to look for price_max beside a price; further: no fix
_PHOTOS_KEY = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>photos)[ ]*:[ ]*$")
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._()+ -]*$")
_PHOTO_KEYS = {"logo", "cover", "photos"}
_PRICE_KEYS = {"price", "price_max"}


@dataclass(frozen=True)
class Fix:
    line: int  # 1-based line in the file
    old: str  # the line as written, without its line end
    new: tuple[str, ...]  # the lines replacing it (two for a split price range)
    key: str  # message key saying what is fixed
    params: Mapping[str, object] = field(default_factory=dict)


def find_fixes(text: str, folder_files: Iterable[str]) -> list[Fix]:
    """The certain fixes for the exhibitor.yml `text`, given the names of the files beside it."""
    files = sorted(folder_files)
    lines = text.split("\n")
    fixes = []
    in_photos = None  # indentation of a `photos:` key whose list items follow
    for i, raw in enumerate(lines):
        line = raw.rstrip("\r")
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if in_photos is not None and not (indent >= in_photos and stripped.startswith("-")) and indent <= in_photos:
            in_photos = None
        fix = (_price_fix(lines, i, line) or _at_fix(i, line)
               or _photo_fix(i, line, files, in_photos is not None))
        if fix:
            fixes.append(fix)
        match = _LINE.match(line) or _PHOTOS_KEY.match(line)
        if match and match.group("key") == "photos" and not match.groupdict().get("value"):
            in_photos = len(match.group("lead"))
    return fixes


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """`text` with every fix applied (line ends kept as the file has them)."""
    lines = text.split("\n")
    for fix in sorted(fixes, key=lambda f: -f.line):
        end = "\r" if lines[fix.line - 1].endswith("\r") else ""
        lines[fix.line - 1:fix.line] = [new + end for new in fix.new]
    return "\n".join(lines)


# --- prices


def _price_fix(lines: list[str], i: int, line: str) -> Fix | None:
    match = _LINE.match(line)
    if not match or match.group("key") not in _PRICE_KEYS:
        return None
    value = _unquote(match.group("value").rstrip(" "))
    # a price people write is short; longer text is not a price we could be sure about
    if value is None or len(value) > MAX_PRICE_TEXT or re.fullmatch(r"\d+", value) or " #" in value:
        return None
    try:
        low, high = parse_price(value)
    except ValueError:
        return None
    if low is None:
        return None
    head = match.group("lead") + match.group("key") + match.group("colon")
    if high is None:
        return Fix(i + 1, line, (f"{head}{low}",), "fix_price", {"value": value, "price": low})
    if match.group("key") != "price" or _sibling_has(lines, i, len(match.group("lead")), "price_max"):
        return None
    sibling = " " * len(match.group("lead")) + "price_max" + match.group("colon")
    return Fix(i + 1, line, (f"{head}{low}", f"{sibling}{high}"), "fix_price_range",
               {"value": value, "price": low, "price_max": high})


def _sibling_has(lines: list[str], i: int, indent: int, key: str) -> bool:
    """Whether the mapping holding line `i` (its keys start at column `indent`) has `key` too."""
    pattern = re.compile(rf"^{key}[ ]*:")

    def parts(j: int) -> tuple[str, int]:
        text = lines[j].rstrip("\r")
        stripped = text.lstrip(" ")
        return ("" if stripped.startswith("#") else stripped), len(text) - len(stripped)

    if not parts(i)[0].startswith("- "):  # look up to the `- ` that starts this list item
        for j in range(i - 1, -1, -1):
            if i - j > MAX_SIBLING_LINES:
                return True  # not sure: no fix
            stripped, level = parts(j)
            if not stripped:
                continue
            if level == indent - 2 and stripped.startswith("- "):
                if pattern.match(stripped[2:].lstrip(" ")):
                    return True
                break
            if level < indent:
                break
            if level == indent and pattern.match(stripped):
                return True
    for j in range(i + 1, len(lines)):
        if j - i > MAX_SIBLING_LINES:
            return True
        stripped, level = parts(j)
        if not stripped:
            continue
        if level < indent:
            break
        if level == indent and pattern.match(stripped):
            return True
    return False


# --- a value starting with @


def _at_fix(i: int, line: str) -> Fix | None:
    match = _LINE.match(line) or _ITEM.match(line)
    if not match:
        return None
    value = match.group("value").rstrip(" ")
    if not re.fullmatch(r"@[^\s\"'\\#,\[\]{}]+", value):
        return None
    head = line[: match.start("value")]
    return Fix(i + 1, line, (f'{head}"{value}"',), "fix_quote", {"value": value})


# --- photo names


def _photo_fix(i: int, line: str, files: list[str], in_photos: bool) -> Fix | None:
    match = _LINE.match(line)
    if match and match.group("key") in _PHOTO_KEYS:
        pass
    elif in_photos:
        match = _ITEM.match(line)
    else:
        return None
    if not match:
        return None
    written = match.group("value").rstrip(" ")
    name = _unquote(written)
    if name is None or " #" in name or name in files or PurePath(name).suffix.lower() not in PHOTO_EXTENSIONS:
        return None
    candidates = _same_photo(name, files)
    if len(candidates) != 1:
        return None
    head = line[: match.start("value")]
    return Fix(i + 1, line, (head + _yaml_name(candidates[0], written),), "fix_photo_name",
               {"value": name, "suggestion": candidates[0]})


def _same_photo(name: str, files: list[str]) -> list[str]:
    """Files with the same name in other capitals; failing that, the same stem with another
    photo extension (a phone's .HEIC where the text says .jpg)."""
    same = [f for f in files if f.casefold() == name.casefold()]
    if same:
        return same
    stem = PurePath(name).stem.casefold()
    return [f for f in files if PurePath(f).stem.casefold() == stem
            and PurePath(f).suffix.lower() in PHOTO_EXTENSIONS]


def _yaml_name(name: str, written: str) -> str:
    """The file name as a YAML value, quoted as the original was, or when YAML needs it."""
    quote = written[0] if written[:1] in ("'", '"') else ""
    if not quote and _PLAIN_NAME.match(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unquote(value: str) -> str | None:
    """A plain or quoted single-line scalar's text; None for anything more involved."""
    if value[:1] in ("'", '"'):
        if len(value) < 2 or value[-1] != value[0] or value[0] in value[1:-1] or "\\" in value:
            return None
        return value[1:-1]
    if value[:1] in ("|", ">", "[", "{", "&", "*", "!"):
        return None
    return value
