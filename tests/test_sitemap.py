"""The sitemap of a published site: every page search engines should know, once. A sitemap
lists at most 50,000 addresses (sitemaps.org), so a larger site (a city's expo: 600,000 pages)
gets sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml, ... Here the limit is made tiny."""

from __future__ import annotations

import re
import shutil

import pytest

from expo.cli.build import build
from expo.site import structured
from sitekit import make_project
from test_incremental import clean_copy, tree

PUBLISHED = 'SITEURL = "https://expo.example.id"\nRELATIVE_URLS = False\n'


def addresses(xml: str) -> list[str]:
    return re.findall(r"<loc>([^<]*)</loc>", xml)


@pytest.fixture
def small_sitemaps(monkeypatch):
    monkeypatch.setattr(structured, "SITEMAP_URLS", 7)


def test_a_site_within_the_limit_has_one_sitemap(tmp_path):
    out = build(make_project(tmp_path / "p", extra_settings=PUBLISHED)).output
    listed = addresses((out / "sitemap.xml").read_text(encoding="utf-8"))
    assert "https://expo.example.id/booth/batik-sari/" in listed and len(listed) == len(set(listed))
    assert not list(out.glob("sitemap-*.xml"))


def test_a_larger_site_gets_an_index_of_sitemaps_listing_every_page_once(tmp_path, small_sitemaps):
    root = make_project(tmp_path / "p", extra_settings=PUBLISHED)
    out = build(root).output
    index = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert index.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ')
    parts = addresses(index)
    assert parts == [f"https://expo.example.id/sitemap-{n}.xml" for n in range(1, len(parts) + 1)] and len(parts) > 2
    listed = []
    for n in range(1, len(parts) + 1):
        xml = (out / f"sitemap-{n}.xml").read_text(encoding="utf-8")
        assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset ')
        assert 0 < len(addresses(xml)) <= 7
        listed += addresses(xml)
    assert len(listed) == len(set(listed)) and "https://expo.example.id/booth/batik-sari/" in listed
    assert "https://expo.example.id/cari/" not in listed  # the same pages as one sitemap would list
    assert (out / "robots.txt").read_text(encoding="utf-8").endswith("Sitemap: https://expo.example.id/sitemap.xml\n")


def test_sitemaps_after_a_booth_leaves_equal_a_clean_build(tmp_path, small_sitemaps):
    root = make_project(tmp_path / "p", extra_settings=PUBLISHED)
    first = build(root).output
    parts = len(list(first.glob("sitemap-*.xml")))
    shutil.rmtree(root / "exhibitors/keripik-bu-sri")
    result = build(root)
    assert len(list(result.output.glob("sitemap-*.xml"))) < parts  # fewer pages, fewer sitemaps
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)
    assert sum(build(root).made.values()) == 0  # and then nothing to remake
