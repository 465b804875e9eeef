"""The JSON Schema editors use: generated from the contract, current, and in step with validation."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from expo.cli.scaffold import scaffold_text
from expo.content.schema import SCHEMA_PATH, exhibitor_schema, schema_text
from expo.settings import DEFAULT_CATEGORIES
from sitekit import GOOD_YML, REPO


def as_json(text: str):
    """What an editor sees: YAML dates are plain strings there."""
    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value
    return plain(yaml.safe_load(text))


DEMO_EDITIONS = ["1", "2"]  # the keys of the demo's EXPO_EDITIONS


def errors(document) -> list[str]:
    validator = jsonschema.Draft7Validator(exhibitor_schema(DEFAULT_CATEGORIES, DEMO_EDITIONS))
    return sorted(e.message for e in validator.iter_errors(document))


def test_committed_schema_is_current():
    assert (REPO / SCHEMA_PATH).read_text(encoding="utf-8") == schema_text(DEFAULT_CATEGORIES, DEMO_EDITIONS)


def test_schema_is_valid_draft7():
    jsonschema.Draft7Validator.check_schema(json.loads((REPO / SCHEMA_PATH).read_text(encoding="utf-8")))


def test_valid_exhibitor_passes():
    assert errors(as_json(GOOD_YML)) == []


def test_every_demo_exhibitor_passes():
    files = sorted((REPO / "exhibitors").glob("*/exhibitor.yml"))
    assert len(files) >= 8
    for path in files:
        assert errors(as_json(path.read_text(encoding="utf-8"))) == [], path


@pytest.mark.parametrize("old, new, expected", [
    ("category: batik", "category: bati", "'bati' is not one of"),
    ("tagline: Batik", "taglin: Batik", "Additional properties are not allowed ('taglin' was unexpected)"),
    ("    price: 850000", "    price: murah", "'murah' is not valid under any of the given schemas"),
    ("    price: 850000", "    price: 0", "0 is not valid under any of the given schemas"),
    ("video: https://youtu.be/dQw4w9WgXcQ", "video: https://dailymotion.com/x", "does not match"),
])
def test_mistakes_are_underlined(old, new, expected):
    assert old in GOOD_YML
    found = errors(as_json(GOOD_YML.replace(old, new)))
    assert any(expected in message for message in found), found


def test_whatsapp_or_marketplaces_required():
    document = as_json(GOOD_YML)
    del document["whatsapp"], document["marketplaces"]
    assert errors(document) != []


def test_scaffold_points_editors_at_the_schema(tmp_path):
    first = scaffold_text("batik-sari").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/exhibitor.schema.json"
    folder = REPO / "exhibitors" / "batik-sari"
    assert (folder / "../../schema/exhibitor.schema.json").resolve() == (REPO / SCHEMA_PATH).resolve()


@pytest.mark.parametrize("price", ["150.000", "Rp 150.000", "Rp150.000,-", "150rb", "25k", "25.000 - 30.000"])
def test_prices_as_people_write_them_are_not_underlined(price):
    assert errors(as_json(GOOD_YML.replace("    price: 850000", f"    price: '{price}'"))) == []


def test_the_scaffold_lists_the_organisers_categories():
    text = scaffold_text("toko-baru", ["makanan", "minuman", "lain-lain"])
    line = next(line for line in text.splitlines() if line.startswith("category:"))
    assert line.split() == ["category:", "lain-lain", "#", "wajib:", "makanan,", "minuman,", "lain-lain"]
