"""exhibitor.yml keys written in Indonesian or with capitals -> the contract's field names.

`Name:`, `Harga:`, `kota:` and `wa:` mean name, price, city and whatsapp; rejecting them would
fail an exhibitor over a word the guide's reader understood. The keys are renamed in the raw
document (its values, lines and scalars as written) before any rule reads it, with the same
alias table as import-csv (expo/values/fieldnames.py). A key that means a field already given
is reported, never silently dropped.
"""

from __future__ import annotations

from dataclasses import replace

from expo.content.contract import CREDENTIALS, EXHIBITOR_FIELDS, PRODUCT_FIELDS
from expo.content.errors import ContentError
from expo.content.loader import RawDocument, format_field
from expo.values.fieldnames import yml_field

_CREDENTIAL_FIELDS = tuple(f.name for f in CREDENTIALS)


def canonical_keys(document: RawDocument, display: str, problems: list[ContentError]) -> RawDocument:
    """The document with every known alias renamed to its field."""
    data = document.data
    if not isinstance(data, dict):
        return document
    renames: dict[tuple, tuple] = {}
    data = _rename(data, (), "booth", EXHIBITOR_FIELDS, document, display, problems, renames)
    if isinstance(data.get("products"), list):
        data["products"] = [
            _rename(item, ("products", i), "product", PRODUCT_FIELDS, document, display, problems, renames)
            if isinstance(item, dict) else item
            for i, item in enumerate(data["products"])
        ]
    if isinstance(data.get("credentials"), dict):
        data["credentials"] = _rename(data["credentials"], ("credentials",), "credentials",
                                      _CREDENTIAL_FIELDS, document, display, problems, renames)
    if data == document.data:
        return document
    return replace(document, data=data,
                   lines={_moved(p, renames): line for p, line in document.lines.items()},
                   written={_moved(p, renames): text for p, text in document.written.items()},
                   refused=frozenset(_moved(p, renames) for p in document.refused))


def _rename(mapping: dict, path: tuple, level: str, fields: tuple[str, ...], document: RawDocument,
            display: str, problems: list[ContentError], renames: dict) -> dict:
    result: dict = {}
    aliases = []
    for key, value in mapping.items():
        field = None if key in fields else yml_field(key, level, fields)
        if field is None:
            result[key] = value
        else:
            aliases.append((key, field, value))
    for key, field, value in aliases:  # after the real names, so "name" wins over "Nama"
        if field in result:
            first = document.lines.get(path + (field,), 1)
            problems.append(ContentError(display, document.line(path + (key,)), format_field(path + (key,)),
                                         "field_alias_duplicate", {"key": key, "field": field,
                                                                   "first_line": first}))
            continue
        result[field] = value
        renames[path + (key,)] = path + (field,)
    return result


def _moved(path: tuple, renames: dict) -> tuple:
    for size in range(1, len(path) + 1):
        if path[:size] in renames:
            path = renames[path[:size]] + path[size:]
    return path
