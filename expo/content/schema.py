"""JSON Schema for exhibitor.yml, generated from the contract table and the category list.

Editors that understand `# yaml-language-server: $schema=...` (VS Code with the YAML extension,
github.dev) then autocomplete field names and underline mistakes while the exhibitor types.
The schema is a helper for editors; `invoke validate` stays the judge.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from expo.content.contract import CREDENTIALS, EXHIBITOR, PRODUCT, Field
from expo.images.pipeline import PHOTO_EXTENSIONS
from expo.values.logins import LOGIN_RE
from expo.values.prices import MAX_PRICE, MAX_PRICE_TEXT

_AMOUNT = r"(?:[Rr][Pp]\.?|IDR)?\s*\d[\d.,\s]*(?:rb|ribu|k|jt|juta)?\s*(?:[.,]\s*-)?"
_PRICE_TEXT = rf"^\s*{_AMOUNT}(?:(?:-|–|—|~|s/d|sampai|hingga){_AMOUNT})?\s*$"

SCHEMA_PATH = "schema/exhibitor.schema.json"
_URL = {"type": "string", "pattern": r"^(https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/\S*)?$"}
# A name in the folder with a photo extension, in any case ('IMG_1234.HEIC'): the photo-name rule
_PHOTO = {"type": "string", "pattern": r"^[^/\\.][^/\\]*\.(" + "|".join(
    "".join(f"[{c.upper()}{c}]" for c in ext.lstrip(".")) for ext in sorted(PHOTO_EXTENSIONS)) + ")$"}
_OWNER = {"type": "string", "pattern": "^@?" + LOGIN_RE.pattern.removeprefix("^")}  # the login rule, '@' allowed
_VIDEO = {"type": "string", "pattern": r"^(https?://)?([a-z]+\.)?(youtube\.com|youtu\.be|vimeo\.com)/"}


def _one_or_many(item: dict, max_items: int | None, min_items: int = 0) -> dict:
    array: dict[str, Any] = {"type": "array", "items": item, "minItems": min_items}
    if max_items:
        array["maxItems"] = max_items
    return {"anyOf": [item, array]}


def _property(field: Field, categories: Mapping[str, str], editions: Sequence[str] = ()) -> dict:
    kind = field.kind
    if kind in ("text", "markdown", "handle"):
        schema: dict[str, Any] = {"type": ["string", "number"]}
        if field.max_length:
            schema["maxLength"] = field.max_length
    elif kind == "category":
        schema = {"type": "string", "enum": list(categories)}
    elif kind == "phone":
        schema = {"type": ["string", "integer"], "pattern": r"^[+0-9()\s.-]{6,24}$"}
    elif kind == "email":
        schema = {"type": "string", "format": "email"}
    elif kind == "url":
        schema = dict(_URL)
    elif kind == "urls":
        schema = _one_or_many(_URL, field.max_length)
    elif kind == "video":
        schema = dict(_VIDEO)
    elif kind == "photo":
        schema = dict(_PHOTO)
    elif kind == "photos":
        schema = _one_or_many(_PHOTO, field.max_length, min_items=1)
    elif kind == "owners":
        schema = _one_or_many(_OWNER, field.max_length, min_items=1)
    elif kind == "date":
        schema = {"type": "string", "format": "date"}
    elif kind == "price":
        # a whole number, or text as people write prices (expo/values/prices.py reads it);
        # the pattern only guides editors, validation applies the full rule
        schema = {"anyOf": [{"type": "integer", "minimum": 1, "maximum": MAX_PRICE},
                            {"type": "string", "maxLength": MAX_PRICE_TEXT, "pattern": _PRICE_TEXT}]}
    elif kind == "editions":  # keys as text or, for "2026", as the number YAML reads
        keys = {"enum": [*editions, *(int(k) for k in editions if k.isdigit() and str(int(k)) == k)]}
        schema = _one_or_many(keys, field.max_length)
    elif kind == "credentials":
        schema = _object(CREDENTIALS, categories)
    elif kind == "products":
        schema = {"type": "array", "minItems": 1, "items": _object(PRODUCT, categories)}
    else:  # a new kind must be taught here; fail loudly rather than emit a wrong schema
        raise ValueError(f"no schema for field kind {kind!r}")
    schema["description"] = f"{field.help_id} / {field.help_en}"
    return schema


def _object(fields: tuple[Field, ...], categories: Mapping[str, str], editions: Sequence[str] = ()) -> dict:
    # Without editions (EXPO_EDITIONS) the field is left out: any value would be a mistake.
    fields = tuple(f for f in fields if f.kind != "editions" or editions)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _property(f, categories, editions) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def exhibitor_schema(categories: Mapping[str, str], editions: Sequence[str] = ()) -> dict:
    """`editions`: the keys of EXPO_EDITIONS."""
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "exhibitor.yml",
        "description": "Profil booth expo virtual / a virtual expo booth profile",
        **_object(EXHIBITOR, categories, editions),
    }
    schema["anyOf"] = [{"required": ["whatsapp"]}, {"required": ["marketplaces"]}]
    return schema


def schema_text(categories: Mapping[str, str], editions: Sequence[str] = ()) -> str:
    return json.dumps(exhibitor_schema(categories, editions), indent=2, ensure_ascii=False) + "\n"
