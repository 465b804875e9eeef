"""The demo expo a fresh clone builds: valid, complete, and reproducible."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expo.cli.build import build
from htmlkit import Page, pages
from sitekit import REPO


def test_demo_has_enough_booths_across_every_category(demo):
    booths = sorted(p.parent.name for p in (REPO / "exhibitors").glob("*/exhibitor.yml"))
    assert 8 <= len(booths) <= 12
    for slug in booths:
        assert (demo / "booth" / slug / "index.html").is_file()
    home = Page(demo / "index.html", demo)
    categories = {a.attrs["href"].removeprefix("./") for a in home.find_all("a")
                  if a.attrs.get("href", "").removeprefix("./").startswith("kategori/")
                  and a.attrs["href"].removeprefix("./") != "kategori/"}  # the menu's category index
    assert categories == {f"kategori/{key}/" for key in
                          ("batik", "fesyen", "kuliner", "kerajinan", "aksesoris", "perikanan", "lainnya")}


def test_every_demo_product_has_a_page_with_a_way_to_order(demo):
    products = list(demo.glob("booth/*/*/index.html"))
    assert len(products) >= 30
    for path in products:
        page = Page(path, demo)
        orders = page.find_all("a", class_="whatsapp") + page.find_all("a", class_="shop")
        assert orders, path
        assert all(a.attrs["href"].startswith("https://") for a in orders)


def test_every_link_and_image_in_the_demo_resolves(demo):
    broken = [(p.path.relative_to(demo).as_posix(), url) for p in pages(demo) for url in p.references()
              if p.resolve(url) is not None and not p.resolve(url).is_file()]
    assert broken == []


def test_content_pages_are_built(demo):
    for slug in ("tentang", "agenda", "cara-bergabung"):
        assert (demo / slug / "index.html").is_file()


@pytest.mark.slow  # regenerates every demo photo: about 40 s
def test_demo_photos_are_what_the_generator_makes():
    result = subprocess.run([sys.executable, str(REPO / "tools" / "make_demo_photos.py"), "--check"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
