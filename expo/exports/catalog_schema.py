"""The JSON Schema (draft 2020-12) of catalog.json, published beside it as catalog.schema.json.

Strict on purpose (no property it does not name), so a test that validates the demo and hostile
content against it catches any drift between the file and its description. The version is in
`$id` and in catalog.json's `schema_version`: a new optional field raises the minor number, a
renamed or removed one the major number (and the `$id`).
"""

from __future__ import annotations

CATALOG_SCHEMA = "catalog.schema.json"
SCHEMA_VERSION = "1.0"
SCHEMA_ID = "urn:expo-katalog:catalog-schema:1"  # the major version: readers pin it

_TEXT = {"type": ["string", "null"]}
_URL = {"type": "string"}  # full on a published site, relative to the root in a preview ("" is the home)


def _object(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties, "required": required if required is not None else list(properties),
            "additionalProperties": False}


def _per_language(value: dict) -> dict:
    """{"id": ..., "en": ...}: one value per language of the site."""
    return {"type": "object", "propertyNames": {"enum": ["id", "en"]}, "minProperties": 1,
            "additionalProperties": value}


CATALOG_SCHEMA_DOCUMENT: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": "expo-katalog catalog.json",
    "description": "Every booth of a virtual UMKM expo with its products, prices in whole Rupiah, "
                   "links and photos, in the site's languages.",
    "$defs": {
        "texts": {**_object({"id": _TEXT, "en": _TEXT}),
                  "description": "Text in Indonesian and English; null where none was given."},
        "pages": _per_language(_URL),
        "orders": _per_language({"type": ["string", "null"], "pattern": "^https://wa\\.me/"}),
        "rupiah": {"type": ["integer", "null"], "minimum": 0},
        "shop": _object({"marketplace": {"type": "string"}, "label": {"type": "string"},
                         "url": {"type": "string", "pattern": "^https?://"}}),
        "photo": _object({
            "url": {**_URL, "description": "the largest JPEG"},
            "alt": {"type": "string"},
            "width": {"type": "integer", "minimum": 1},
            "height": {"type": "integer", "minimum": 1},
            "renditions": {"type": "array", "minItems": 1, "items": _object({
                "url": _URL, "width": {"type": "integer", "minimum": 1},
                "height": {"type": "integer", "minimum": 1},
                "type": {"enum": ["image/jpeg", "image/webp", "image/avif"]}})},
        }),
        "product": _object({
            "id": {"type": "string", "maxLength": 50, "description": "the id in the shopping feeds"},
            "slug": {"type": "string"},
            "name": {"$ref": "#/$defs/texts"},
            "description_html": {"$ref": "#/$defs/texts"},
            "price": {"$ref": "#/$defs/rupiah"},
            "price_max": {"$ref": "#/$defs/rupiah"},
            "price_text": _TEXT,
            "photos": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/photo"}},
            "marketplaces": {"type": "array", "items": {"$ref": "#/$defs/shop"}},
            "video": {"type": ["string", "null"], "pattern": "^https://"},
            "pages": {"$ref": "#/$defs/pages"},
            "order": {"$ref": "#/$defs/orders"},
        }),
        "booth": _object({
            "folder": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "name": {"type": "string", "minLength": 1},
            "tagline": {"$ref": "#/$defs/texts"},
            "about_html": {"$ref": "#/$defs/texts"},
            "category": {"type": "string"},
            "city": {"type": "string"},
            "address": _TEXT,
            "whatsapp": _TEXT,
            "contacts": {"type": "array", "items": _object({"kind": {"type": "string"}, "label": {"type": "string"},
                                                            "url": {"type": "string"}})},
            "marketplaces": {"type": "array", "items": {"$ref": "#/$defs/shop"}},
            "video": {"type": ["string", "null"], "pattern": "^https://"},
            "credentials": {"type": "array", "items": _object({"kind": {"type": "string"}, "label": {"type": "string"},
                                                               "number": {"type": "string"}})},
            "joined": {"type": ["string", "null"], "format": "date"},
            "logo": {"oneOf": [{"$ref": "#/$defs/photo"}, {"type": "null"}]},
            "cover": {"oneOf": [{"$ref": "#/$defs/photo"}, {"type": "null"}]},
            "pages": {"$ref": "#/$defs/pages"},
            "order": {"$ref": "#/$defs/orders"},
            "products": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/product"}},
        }),
    },
    **_object({
        "$schema": {"type": "string"},
        "schema_version": {"type": "string", "pattern": "^1\\.[0-9]+$"},
        "expo": _object({
            "name": {"$ref": "#/$defs/texts"},
            "dates": {"$ref": "#/$defs/texts"},
            "organiser": {"$ref": "#/$defs/texts"},
            "start_date": {"type": ["string", "null"], "format": "date"},
            "end_date": {"type": ["string", "null"], "format": "date"},
            "languages": {"type": "array", "minItems": 1, "items": {"enum": ["id", "en"]}},
            "home": {"$ref": "#/$defs/pages"},
        }),
        "categories": {"type": "array", "items": _object({
            "key": {"type": "string"}, "label": _per_language({"type": "string"}),
            "pages": {"$ref": "#/$defs/pages"}})},
        "booths": {"type": "array", "items": {"$ref": "#/$defs/booth"}},
    }),
}
