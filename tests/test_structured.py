"""What search engines get from a published catalog: sitemap, robots.txt, schema.org Product."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from expo.cli.build import build
from htmlkit import Page
from sitekit import GOOD_YML, SECOND_YML, make_project

PUBLISHED = 'SITEURL = "https://expo.example.id"\nRELATIVE_URLS = False\n'


def jsonld(page: Page, kind: str = "Product") -> dict:
    """The page's one schema.org block of that @type."""
    blocks = [json.loads(e.text) for e in page.elements
              if e.tag == "script" and e.attrs.get("type") == "application/ld+json"]
    [block] = [b for b in blocks if b["@type"] == kind]
    return block


def test_published_site_has_a_sitemap_of_every_page_and_robots(tmp_path):
    root = make_project(tmp_path / "p", extra_settings=PUBLISHED)
    build(root)
    site = root / "output"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    for expected in ("", "peserta/", "booth/batik-sari/", "booth/batik-sari/kain-batik-tulis-parang/",
                     "booth/keripik-bu-sri/keripik-tempe/", "kategori/batik/", "kota/kota-pekalongan/", "tentang/"):
        assert f"https://expo.example.id/{expected}" in locs
    assert not any(loc.endswith("404.html") for loc in locs)
    assert (site / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\nSitemap: https://expo.example.id/sitemap.xml\n")


def test_product_pages_carry_schema_org_offers_in_rupiah(tmp_path):
    root = make_project(tmp_path / "p", extra_settings=PUBLISHED)
    build(root)
    site = root / "output"
    ranged = jsonld(Page(site / "booth/batik-sari/kain-batik-tulis-parang/index.html", site))
    assert ranged["@type"] == "Product" and ranged["name"] == "Kain Batik Tulis Parang"
    assert ranged["offers"] == {"@type": "AggregateOffer", "priceCurrency": "IDR", "lowPrice": 850000,
                                "highPrice": 1200000, "offerCount": 1,
                                "seller": {"@type": "Organization", "name": "Batik Sari",
                                           "url": "https://expo.example.id/booth/batik-sari/"}}
    assert all(url.startswith("https://expo.example.id/media/batik-sari/") for url in ranged["image"])
    single = jsonld(Page(site / "booth/keripik-bu-sri/keripik-tempe/index.html", site))
    assert single["offers"]["@type"] == "Offer" and single["offers"]["price"] == 15000


def test_exhibitor_text_cannot_close_the_structured_data_script(tmp_path):
    evil = "</script><script>alert(1)</script>"
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML.replace("  - name: Selendang Sutra", f"  - name: '{evil}'"),
                                         "keripik-bu-sri": SECOND_YML}, extra_settings=PUBLISHED)
    build(root)
    site = root / "output"
    [path] = [p for p in (site / "booth/batik-sari").glob("*/index.html") if "kain" not in str(p)]
    page = Page(path, site)
    assert jsonld(page)["name"] == evil
    assert [e.attrs.get("type") for e in page.elements if e.tag == "script"] == [
        "application/ld+json", "application/ld+json", "application/json", None, None]


def test_a_local_preview_has_no_sitemap(tmp_path):
    root = make_project(tmp_path / "p")
    build(root)
    assert not (root / "output/sitemap.xml").exists() and not (root / "output/robots.txt").exists()
    page = Page(root / "output/booth/batik-sari/selendang-sutra/index.html", root / "output")
    assert [e for e in page.elements if e.attrs.get("type") == "application/ld+json"] == []
