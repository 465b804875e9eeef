"""What one booth can make the site write is bounded (issue 11, item 11), and a page collision
names the booth and the page involved (issue 11, unclear messages)."""

from __future__ import annotations

import pytest

from expo.cli.build import BuildFailed, build
from htmlkit import Page
from sitekit import GOOD_YML, make_project


def big_booth(products: int) -> str:
    head = GOOD_YML.split("products:")[0]
    items = "".join(f"  - name: Kain Batik {i}\n    price: {10_000 + i}\n    photos: [kain.jpg]\n"
                    for i in range(products))
    return head + "products:\n" + items


def test_a_booth_of_200_products_does_not_repeat_them_on_every_page(tmp_path):
    root = make_project(tmp_path / "p", {"batik-sari": big_booth(200)})
    output = build(root).output
    pages = sorted(output.glob("booth/batik-sari/*/index.html"))
    assert len(pages) == 200
    for path in (pages[0], pages[100], pages[-1]):
        page = Page(path, output)
        others = page.find("section", **{"aria-labelledby": "lainnya"})
        cards = [e for e in page.elements if e.tag == "article" and "product-card" in e.attrs.get("class", "")]
        assert others and len(cards) == 8  # EXPO_OTHER_PRODUCTS, not 199
    sizes = [p.stat().st_size for p in pages]
    assert max(sizes) < 40_000, max(sizes)  # per page: bounded, whatever the booth's size
    # and every product is linked from some other product page (the next 8, wrapping round)
    linked = set()
    for path in pages:
        linked |= {a.attrs["href"].rstrip("/").rsplit("/", 1)[-1] for a in Page(path, output).find_all("a")
                   if "/booth/batik-sari/" in a.attrs.get("href", "") or a.attrs.get("href", "").startswith("../")}
    assert {f"kain-batik-{i}" for i in range(200)} <= linked


def test_a_city_url_that_collides_with_a_content_page_names_the_booth(tmp_path, capsys):
    root = make_project(tmp_path / "p", extra_settings='EXPO_CITY_URL = "{slug}/"\nEXPO_CITY_SAVE_AS = "{slug}/index.html"\n')
    (root / "content" / "pages" / "kota.md").write_text("Title: Kota Pekalongan\nSlug: kota-pekalongan\n\nHalo.\n",
                                                        encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(root)
    report = capsys.readouterr().err
    line = next(line for line in report.splitlines() if "kota-pekalongan/index.html" in line)
    assert line.strip() == (
        "content/pages/kota.md: dua halaman akan ditulis ke file yang sama, kota-pekalongan/index.html: "
        "city Kota Pekalongan (exhibitors/batik-sari/exhibitor.yml: city) dan content/pages/kota.md. "
        "Ganti nama salah satunya (folder, nama produk, slug halaman) atau pola URL di pelicanconf.py")
