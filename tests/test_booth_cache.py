"""The cache of parsed booths (expo/content/booth_cache.py): an unchanged folder comes from it,
any edit to a booth's folder is read again, the result equals reading without the cache, and a
cache file that this user's builds did not sign is never unpickled."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from datetime import date
from pathlib import Path

import pytest

from expo.content import booth_cache
from expo.content.booth_cache import CACHE_NAME, BoothCache
from expo.content.catalog import load_catalog
from expo.settings import ExpoSettings
from sitekit import make_project, write_photo

TODAY = date(2026, 11, 30)
NEW_PRODUCT = """  - name: Taplak Batik
    price: 90000
    photos: [taplak.jpg]
"""


@pytest.fixture(autouse=True)
def signing_key(tmp_path, monkeypatch):
    """A key of this test's own, not the user's."""
    monkeypatch.setattr(booth_cache, "key_file", lambda: tmp_path / "key" / "cache-key")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def read(root: Path, settings: ExpoSettings = ExpoSettings()):
    """load_catalog with the cache, as a build reads it; saved afterwards."""
    cache = BoothCache.open(root / ".cache", settings, TODAY)
    catalog, problems = load_catalog(root, settings, today=TODAY, booths=cache)
    cache.save()
    return catalog, problems, cache


def from_cache(cache: BoothCache) -> set[str]:
    return {slug for slug, parsed in cache.now.items() if cache.saved.get(slug) is parsed}


EDITS = {
    "a value in exhibitor.yml": lambda f: edit(f / "exhibitor.yml", "Batik tulis warna alam", "Batik tulis pewarna alam"),
    "exhibitor.yml, same size": lambda f: edit(f / "exhibitor.yml", "warna alam", "warna ALAM"),
    "a comment in exhibitor.yml": lambda f: (f / "exhibitor.yml").write_text(
        (f / "exhibitor.yml").read_text(encoding="utf-8") + "# catatan\n", encoding="utf-8"),
    "about.md added": lambda f: (f / "about.md").write_text("Cerita **kami**.\n", encoding="utf-8"),
    "a photo replaced": lambda f: write_photo(f / "kain.jpg", color=(10, 200, 90)),
    "a product added": lambda f: (write_photo(f / "taplak.jpg"), edit(f / "exhibitor.yml", "products:\n",
                                                                      "products:\n" + NEW_PRODUCT)),
    "a product removed": lambda f: edit(f / "exhibitor.yml", "  - name: Selendang Sutra\n    price: 150000\n"
                                        "    photos:\n      - selendang.jpg\n", ""),
    "a photo file added": lambda f: write_photo(f / "baru.jpg"),
    "a photo removed": lambda f: (f / "selendang.jpg").unlink(),
    "a stray file": lambda f: (f / "catatan.txt").write_text("x", encoding="utf-8"),
}


@pytest.mark.parametrize("change", EDITS)
def test_an_edited_booth_is_read_again_and_equals_a_read_without_cache(tmp_path, change):
    root = make_project(tmp_path / "p")
    read(root)
    EDITS[change](root / "exhibitors/batik-sari")
    catalog, problems, cache = read(root)
    assert from_cache(cache) == {"keripik-bu-sri"}
    assert (catalog, problems) == load_catalog(root, ExpoSettings(), today=TODAY)
    if change == "a photo removed":
        assert catalog is None and any(p.key == "photo_missing" for p in problems), problems


def test_unchanged_booths_come_from_the_cache_with_their_warnings(tmp_path):
    root = make_project(tmp_path / "p")
    (root / "exhibitors/batik-sari/about.md").write_text("Tentang **kami**.\n", encoding="utf-8")
    edit(root / "exhibitors/keripik-bu-sri/exhibitor.yml", "name: Keripik Bu Sri", "name: Batik Sari")  # a warning
    first, first_problems, _ = read(root)
    catalog, problems, cache = read(root)
    assert from_cache(cache) == {"batik-sari", "keripik-bu-sri"}
    assert any(p.key == "booth_duplicate_name" for p in problems)
    assert (catalog, problems) == (first, first_problems) == load_catalog(root, ExpoSettings(), today=TODAY)
    assert catalog.exhibitors[0].about  # Markdown as HTML, from the cache


def test_nothing_is_written_when_every_booth_came_from_the_cache(tmp_path):
    root = make_project(tmp_path / "p")
    read(root)
    stat = (root / ".cache" / CACHE_NAME).stat()
    read(root)
    assert (root / ".cache" / CACHE_NAME).stat().st_mtime_ns == stat.st_mtime_ns


@pytest.mark.parametrize("other", ["settings", "date", "folder moved"])
def test_another_recipe_or_place_reads_every_booth_again(tmp_path, other):
    root = make_project(tmp_path / "p")
    read(root)
    settings, today = ExpoSettings(), TODAY
    if other == "settings":
        settings = ExpoSettings(max_products=1)
    elif other == "date":
        today = date(2026, 12, 1)
    else:
        root = root.rename(tmp_path / "moved")
    cache = BoothCache.open(root / ".cache", settings, today)
    catalog, problems = load_catalog(root, settings, today=today, booths=cache)
    assert from_cache(cache) == set()
    assert (catalog, problems) == load_catalog(root, settings, today=today)


class Planted:
    """Unpickling this would create a file: the proof that a cache file ran code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("signed_with", ["nothing", "another key", "a cut file"])
def test_a_cache_file_not_signed_by_this_user_is_never_unpickled(tmp_path, signed_with):
    root = make_project(tmp_path / "p")
    read(root)
    marker = tmp_path / "ran"
    path = root / ".cache" / CACHE_NAME
    recipe = booth_cache.recipe(ExpoSettings(), TODAY).encode("ascii") + b"\n"
    body = recipe + pickle.dumps({"batik-sari": Planted(marker)})
    if signed_with == "nothing":
        data = booth_cache._MAGIC + bytes(32) + body
    elif signed_with == "another key":
        data = booth_cache._MAGIC + hmac.new(os.urandom(32), body, hashlib.sha256).digest() + body
    else:
        data = path.read_bytes()[:-10]
    path.write_bytes(data)
    catalog, problems, cache = read(root)
    assert not marker.exists()
    assert from_cache(cache) == set() and catalog is not None
    assert read(root)[2].saved.keys() == {"batik-sari", "keripik-bu-sri"}  # written anew, signed


def test_without_a_usable_key_every_booth_is_parsed(tmp_path, monkeypatch):
    (tmp_path / "blocked").write_text("a file where the key's folder should be", encoding="utf-8")
    monkeypatch.setattr(booth_cache, "key_file", lambda: tmp_path / "blocked" / "cache-key")
    root = make_project(tmp_path / "p")
    read(root)
    catalog, problems, cache = read(root)
    assert cache.key is None and from_cache(cache) == set() and catalog is not None
    assert not (root / ".cache" / CACHE_NAME).exists()


def test_the_key_is_private_and_kept(tmp_path):
    first = booth_cache.signing_key()
    assert first is not None and len(first) == 32
    assert booth_cache.signing_key() == first
    assert (booth_cache.key_file().stat().st_mode & 0o777) == 0o600


def test_a_huge_exhibitor_yml_is_not_read_to_be_hashed(tmp_path):
    root = make_project(tmp_path / "p")
    with open(root / "exhibitors/batik-sari/exhibitor.yml", "ab") as f:
        f.truncate(booth_cache.MAX_HASHED_BYTES + 1)  # sparse: no disk used
    assert booth_cache.folder_digest(root / "exhibitors/batik-sari") is None
    assert booth_cache.folder_digest(root / "exhibitors/keripik-bu-sri") is not None
