"""Property: whatever an exhibitor.yml contains, validation only ever produces messages."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from expo.content.errors import ContentError
from expo.content.loader import load_exhibitor
from expo.content.parsing import EXHIBITOR_FIELDS, PRODUCT_FIELDS, ParseContext, parse_exhibitor
from expo.settings import ExpoSettings
from sitekit import write_photo

PHOTO_NAMES = ["kain.jpg", "logo.png", "Kain.JPG", "../kain.jpg", "/etc/passwd", "missing.webp", ""]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**15, max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40), st.dates(),
    st.sampled_from(PHOTO_NAMES + ["0812-3456-7890", "https://shopee.co.id/x", "https://youtu.be/dQw4w9WgXcQ",
                                   "javascript:alert(1)", "batik", "@batiksari", "150000"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
products = st.lists(st.dictionaries(st.sampled_from(PRODUCT_FIELDS + ("nama",)), values, max_size=7), max_size=4)
documents = st.dictionaries(st.sampled_from(EXHIBITOR_FIELDS + ("emial", "Name")), values, max_size=14).flatmap(
    lambda doc: products.map(lambda ps: {**doc, "products": ps}) if "products" in doc else st.just(doc))


class Folder:
    """One exhibitor folder reused by every example (creating folders per example is slow)."""

    def __init__(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.path = Path(self.tmp.name) / "exhibitors" / "batik-sari"
        write_photo(self.path / "kain.jpg", size=(64, 48))
        write_photo(self.path / "logo.png", size=(32, 32), mode="RGBA", color=(1, 2, 3, 4))

    def check(self, data: bytes) -> list[ContentError]:
        (self.path / "exhibitor.yml").write_bytes(data)
        raw = load_exhibitor(self.path, "exhibitors", 256)
        problems: list[ContentError] = []
        parse_exhibitor(raw, ParseContext(ExpoSettings()), problems)
        for problem in problems:  # every message renders in both languages
            assert isinstance(problem, ContentError)
            assert problem.format("id") and problem.format("en")
        return problems


FOLDER = Folder()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(documents)
def test_any_document_gives_only_messages(doc):
    FOLDER.check(yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))


@FAST
@given(st.text(max_size=300))
def test_any_text_gives_only_messages(text):
    FOLDER.check(text.encode("utf-8"))


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_give_only_messages(data):
    FOLDER.check(data)


@FAST
@given(st.lists(st.sampled_from(["name: x\n", "products:\n", "  - name: a\n", "    photos: [kain.jpg]\n",
                                 "- &a [1]\n", "*a\n", "{", "[", "]", "}", ": ", "!!python/name:os.system",
                                 "\t", "'", '"', "#", "? ", "|\n", ">\n", "&x ", "<<: *x\n", "\n"]), max_size=30))
def test_yaml_fragments_give_only_messages(parts):
    FOLDER.check("".join(parts).encode("utf-8"))


def test_a_valid_document_survives_the_round_trip():
    doc = {"name": "Batik Sari", "category": "batik", "city": "Kota Pekalongan", "owners": ["sari"],
           "whatsapp": "0812-2233-4455", "video": "https://youtu.be/dQw4w9WgXcQ", "joined": dt.date(2026, 11, 1),
           "products": [{"name": "Kain", "price": 150000, "photos": ["kain.jpg"]}]}
    assert FOLDER.check(yaml.safe_dump(doc).encode("utf-8")) == []
