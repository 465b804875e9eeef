"""Search without a server: a Pagefind index per language over booth and product pages, with
filters (category, city, price band, licences, video) and a price sort, and a search page
that works from a plain form."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from expo.cli.build import BuildFailed, build
from expo.site.search import UNUSED_FILES, plain_path, SearchIndexError, plain_text, price_bands, sentences, write_index
from expo.site.steady_index import steady
from htmlkit import Page, pages
from sitekit import GOOD_YML, make_project

PRODUCT = "/booth/keripik-tempe-bu-sri/keripik-tempe-original/"


def records_of(bundle: Path, lang: str) -> dict[str, dict]:
    """Every page of a language's Pagefind index by URL, read from its fragment files (gzip, a
    signature, then JSON: the page's text, filters and meta as the browser gets them)."""
    found = {}
    for path in (bundle / "fragment").glob(f"{lang}_*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd"):])
        found[record["url"]] = record
    return found


def indexed_pages(site: Path, prefix: str) -> set[str]:
    """The booth and product pages a language has (listing pages are not indexed)."""
    root = site / prefix
    return {f"/{prefix}{p.parent.relative_to(root).as_posix()}/" for p in (root / "booth").rglob("index.html")}


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("en/", "en")])
def test_each_language_has_its_own_index_of_booths_and_products(demo, prefix, lang):
    bundle = demo / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "id"]
    assert entry["languages"][lang]["wasm"] == lang  # the language's stemmer, Indonesian too
    assert (bundle / f"wasm.{lang}.pagefind").is_file() and (bundle / "pagefind.js").is_file()
    expected = indexed_pages(demo, prefix)
    assert len(expected) == 45 and set(records_of(bundle, lang)) == expected
    assert entry["languages"][lang]["page_count"] == len(expected)
    assert not any((bundle / name).exists() for name in UNUSED_FILES)  # our own small UI only


def test_a_product_record_has_its_filters_meta_and_price(demo):
    record = records_of(demo / "pagefind", "id")[PRODUCT]
    assert record["filters"] == {"jenis": ["produk"], "kategori": ["kuliner"], "kota": ["kota-semarang"],
                                 "harga": ["0-50rb"], "izin": ["halal", "pirt"], "video": ["ya"]}
    meta = record["meta"]
    assert (meta["title"], meta["harga"], meta["booth"], meta["kota"]) == (
        "Keripik Tempe Original", "Rp15.000", "Keripik Tempe Bu Sri", "Kota Semarang")
    assert (demo / plain_path(meta["image"])).is_file() and (demo / plain_path(meta["image_avif"])).is_file()
    assert re.fullmatch(r"zq[0-9a-f]+", meta["image"])  # one word no visitor types (not 'jpg', '400')
    # The page's own words, not the buttons, the photo counter or the filter keys.
    assert record["content"].startswith("Keripik Tempe Original. Rp15.000.")
    for noise in ("WhatsApp", "1/3", "kota-semarang", "0-50rb"):
        assert noise not in record["content"]
    english = records_of(demo / "pagefind", "en")["/en" + PRODUCT]
    assert english["meta"]["title"] == "Original Tempeh Chips" and english["filters"]["kategori"] == ["kuliner"]


def test_every_record_links_a_page_and_a_photo_that_exist(demo):
    for lang in ("id", "en"):
        for url, record in records_of(demo / "pagefind", lang).items():
            assert (demo / url.lstrip("/") / "index.html").is_file(), url
            assert (demo / plain_path(record["meta"]["image"])).is_file(), url
            assert record["filters"]["jenis"] in (["produk"], ["booth"]) and record["filters"]["kategori"]


def test_the_price_sort_covers_every_priced_product(demo):
    meta = next((demo / "pagefind").glob("pagefind.id_*.pf_meta"))
    data = gzip.decompress(meta.read_bytes())
    assert b"eharga" in data  # the sort index named 'harga' (CBOR text of length 5)


@pytest.mark.parametrize("low, high, bands", [
    (15_000, None, ["0-50rb"]), (49_999, None, ["0-50rb"]), (50_000, None, ["50-150rb"]),
    (40_000, 60_000, ["0-50rb", "50-150rb"]), (150_000, 150_000, ["150-500rb"]),
    (500_000, None, ["500rb"]), (850_000, 1_200_000, ["500rb"]), (None, None, []),
])
def test_price_bands(low, high, bands):
    assert price_bands(low, high) == bands


def test_every_page_but_the_search_page_has_the_search_box(demo):
    for page in pages(demo):
        if page.path.parent.name == "cari":
            continue
        forms = page.find_all("form", role="search")
        assert len(forms) == 1, page.path
        action = forms[0].attrs["action"]
        assert action.endswith("/cari/") and page.resolve(action).is_file(), page.path
        assert page.find_all("input", name="q")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_search_page_works_as_a_plain_form_and_offers_browsing(demo, prefix):
    page = Page(demo / prefix / "cari/index.html", demo)
    form = page.find("form", id="search-form")
    assert page.resolve(form.attrs["action"]) == page.path
    assert page.resolve(form.attrs["data-bundle"] + "pagefind.js").is_file()
    assert {s.attrs["name"] for s in page.find_all("select")} == {"kategori", "kota", "harga", "izin", "jenis", "urut"}
    assert page.find_all("noscript")
    browse = [page.resolve(a.attrs["href"]) for a in page.find("section", class_="browse").children
              for a in _links(a)]
    assert any("kategori" in str(p) for p in browse) and any("kota" in str(p) for p in browse)
    assert all(p.is_file() for p in browse)
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    # What the first search needs before it can search is fetched with the page (test below).
    assert [link.attrs["href"].rsplit("/", 1)[-1] for link in page.find_all("link")
            if "preload" in link.attrs["rel"]][:2] == ["pagefind.js", f"wasm.{prefix.rstrip('/') or 'id'}.pagefind"]
    # search.js runs first of the page's scripts: the search starts before the cart's and the photos'.
    scripts = [s.attrs["src"] for s in page.find_all("script") if "src" in s.attrs]
    assert re.search(r"js/search\.[0-9a-f]{10}\.js$", scripts[0]) and len(scripts) == 3


def preloads(page: Page) -> tuple[list[str], str]:
    """The bundle's files a search page preloads (names inside the bundle, queries kept) and
    the index tag its form gives Pagefind (metaCacheTag)."""
    form = page.find("form", id="search-form")
    bundle = page.resolve(form.attrs["data-bundle"]).parent  # the folder (resolve adds index.html)
    names = []
    for link in page.find_all("link"):
        if "preload" in link.attrs["rel"]:
            path = page.resolve(link.attrs["href"])
            assert path.parent == bundle, link.attrs
            names.append(path.name + ("?" + link.attrs["href"].split("?", 1)[1] if "?" in link.attrs["href"] else ""))
            assert link.attrs.get("as") == ("fetch" if "modulepreload" not in link.attrs["rel"] else None)
    return names, form.attrs["data-index"]


def fetched_first(bundle: Path, lang: str, tag: str) -> list[str]:
    """What Pagefind fetches, in this order, before it can search: its script, the entry under
    the page's cache tag, the metadata the entry names and the language's wasm."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    info = entry["languages"][lang]
    meta = f"pagefind.{info['hash']}.pf_meta"
    assert all((bundle / name).is_file() for name in ("pagefind.js", meta, f"wasm.{info['wasm']}.pagefind"))
    return ["pagefind.js", f"wasm.{info['wasm']}.pagefind", f"pagefind-entry.json?ts={tag}", meta]


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("en/", "en")])
def test_the_search_page_preloads_exactly_the_files_pagefind_fetches_first(demo, prefix, lang):
    """The entry and metadata preloads name the bundle's real files (a stale name would fetch a
    404 and Pagefind would fetch again, one request after the other)."""
    names, tag = preloads(Page(demo / prefix / "cari/index.html", demo))
    assert re.fullmatch(r"[0-9a-f]{10}", tag)
    assert names == fetched_first(demo / "pagefind", lang, tag)


def test_a_booth_edit_gives_the_search_page_the_new_index_files(tmp_path):
    """The tag names the index: an edit a record shows makes a new index with new names, and
    the incremental build remakes the search page with them (never the old, deleted files)."""
    root = make_project(tmp_path / "p", extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    site, bundle = root / "output", root / "output/pagefind"
    before = preloads(Page(site / "cari/index.html", site))
    yml = root / "exhibitors/batik-sari/exhibitor.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("Batik tulis warna alam", "Batik tulis pewarna indigo"),
                   encoding="utf-8")
    assert build(root).made["search"] == 1
    names, tag = preloads(Page(site / "cari/index.html", site))
    assert tag != before[1] and names == fetched_first(bundle, "id", tag)
    assert not (bundle / before[0][3]).exists()


def _links(element):
    if element.tag == "a":
        yield element
    for child in element.children:
        yield from _links(child)


def test_the_search_page_is_not_in_the_sitemap(tmp_path):
    root = make_project(tmp_path / "p", extra_settings='SITEURL = "https://expo.example.id"\n')
    build(root)
    sitemap = (root / "output/sitemap.xml").read_text(encoding="utf-8")
    assert "/booth/batik-sari/" in sitemap and "/cari/" not in sitemap


def test_search_results_are_rendered_as_text_only():
    """Index data is exhibitor text: search.js never turns it into HTML."""
    script = (Path(__file__).resolve().parent.parent / "theme/static/js/search.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    assert "textContent" in script and "DOMParser" in script  # the excerpt is parsed inertly


def test_exhibitor_markup_reaches_the_index_as_text(tmp_path):
    evil = '<img src=x onerror=alert(1)>'
    yml = GOOD_YML.replace("  - name: Selendang Sutra", f"  - name: 'Selendang {evil}'")
    root = make_project(tmp_path / "p", {"batik-sari": yml}, extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    found = records_of(root / "output/pagefind", "id")
    product = next(r for url, r in found.items() if "selendang" in url)
    assert product["meta"]["title"] == f"Selendang {evil}"  # the text itself, shown with textContent
    html = (root / "output" / product["url"].lstrip("/") / "index.html").read_text(encoding="utf-8")
    assert evil not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_records_are_indexed_as_they_are(tmp_path):
    records = [{"url": "/kain/", "content": "Kain tenun ikat. Rp90.000.", "language": "id",
                "meta": {"title": "Kain tenun", "harga": "Rp90.000"}, "filters": {"kategori": ["kerajinan"]},
                "sort": {"harga": "90000"}},
               {"url": "/en/kain/", "content": "Woven cloth.", "language": "en", "meta": {"title": "Cloth"},
                "filters": {}, "sort": {}}]
    assert write_index(records, tmp_path / "pagefind") == {"id": 1, "en": 1}
    indexed = records_of(tmp_path / "pagefind", "id")["/kain/"]
    assert (indexed["content"], indexed["meta"], indexed["filters"]) == (
        "Kain tenun ikat. Rp90.000.", {"title": "Kain tenun", "harga": "Rp90.000"}, {"kategori": ["kerajinan"]})
    assert not any((tmp_path / "pagefind" / name).exists() for name in UNUSED_FILES)


def test_a_record_pagefind_refuses_is_a_clear_error_not_a_hang(tmp_path):
    bad = {"url": "/x/", "content": "kain", "language": "id", "meta": {"title": 5}, "filters": {}, "sort": {}}
    with pytest.raises(SearchIndexError) as failure:
        write_index([bad], tmp_path / "pagefind")
    assert str(failure.value).startswith("Pagefind could not build the search index: invalid type: integer `5`")


def test_a_failure_while_making_the_records_ends_every_program(tmp_path):
    """Each language's Pagefind starts at its first record, while the rest are still being
    made: an error in making them is the build's error, and no program is left waiting."""
    def records():
        yield {"url": "/kain/", "content": "Kain.", "language": "id", "meta": {"title": "Kain"},
               "filters": {}, "sort": {}}
        yield {"url": "/en/kain/", "content": "Cloth.", "language": "en", "meta": {"title": "Cloth"},
               "filters": {}, "sort": {}}
        raise RuntimeError("a booth that cannot be read")

    with pytest.raises(RuntimeError, match="cannot be read"):
        write_index(records(), tmp_path / "pagefind")
    assert not (tmp_path / "pagefind").exists()


def test_records_say_what_the_pages_show_first():
    """The text Pagefind made of the page HTML before, block by block: name, price, booth and
    city, then the description (its list items and headings each a sentence)."""
    assert sentences(["Kain", "Rp15.000", None, "Ukuran: M, L,", "Bahan (katun)", "Siap!"]) == \
        "Kain. Rp15.000. Ukuran: M, L, Bahan (katun). Siap!"
    assert plain_text("<p>Satu <em>dua</em></p><ul><li>tiga</li><li>empat &amp; lima</li></ul>") == \
        ["Satu dua", "tiga", "empat & lima"]


def test_a_template_edit_keeps_the_index_and_a_booth_edit_remakes_it(tmp_path):
    """The index is made of its records alone: a template edit changes every page but reuses
    the index (same files, same inodes); an edit a record shows makes it again."""
    root = make_project(tmp_path / "p", extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    bundle = root / "output/pagefind"

    def files() -> dict[str, tuple[int, int]]:
        return {p.relative_to(bundle).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
                for p in bundle.rglob("*") if p.is_file()}

    first = files()
    base = root / "theme/templates/base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- diubah -->\n", encoding="utf-8")
    result = build(root)
    assert result.made["page"] == result.files["page"] and result.made["search"] == 0
    assert files() == first
    yml = root / "exhibitors/batik-sari/exhibitor.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("Batik tulis warna alam", "Batik tulis pewarna indigo"),
                   encoding="utf-8")
    assert build(root).made["search"] == 1
    assert "pewarna indigo" in records_of(bundle, "id")["/booth/batik-sari/"]["content"]
    # Pages whose record did not change keep their fragment file (an rsync sends only the new)
    after = files()
    fragments = {name for name in first if name.startswith("fragment/")}
    kept = {name for name in fragments if after.get(name) == first[name]}
    assert len(kept) == len(fragments) - 1 and len(fragments) >= 4


def test_two_indexes_of_the_same_records_are_identical_bytes(tmp_path):
    """Pagefind writes filters in a random order; steady_index sorts them (and test_build's
    two-builds test covers the whole site)."""
    records = [{"url": f"/p/{n}/", "content": f"Produk nomor {n}.", "language": ("id", "en")[n % 2],
                "meta": {"title": f"Produk {n}"}, "sort": {"harga": str(n * 1000)},
                "filters": {"kategori": [f"k{n % 7}"], "kota": [f"c{n % 5}"], "harga": [f"b{n % 3}"]}}
               for n in range(60)]
    digests = []
    for name in ("a", "b", "c"):
        write_index(records, tmp_path / name)
        digests.append({p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                        for p in sorted((tmp_path / name).rglob("*")) if p.is_file()})
    assert digests[0] == digests[1] == digests[2]
    assert len(records_of(tmp_path / "a", "id")) == 30  # still readable after the rewrite


def test_an_unknown_bundle_layout_is_left_as_it_is(tmp_path):
    (tmp_path / "pagefind-entry.json").write_text('{"languages": {"id": {"hash": "id_0"}}}', encoding="utf-8")
    assert steady(tmp_path) is False
    assert (tmp_path / "pagefind-entry.json").read_text(encoding="utf-8") == '{"languages": {"id": {"hash": "id_0"}}}'


def test_a_missing_pagefind_program_is_a_clear_build_failure(tmp_path, monkeypatch):
    import pagefind.service

    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)
    root = make_project(tmp_path / "p", extra_settings='EXPO_LANGUAGES = ["id"]\n')
    with pytest.raises(BuildFailed) as failure:
        build(root)
    assert str(failure.value) == ("indeks pencarian / search index: the Pagefind program is missing: "
                                  "pip install 'pagefind[bin]'")
    assert not (root / "output").exists()


def test_an_expo_without_booths_yet_gets_no_index_of_its_listings(tmp_path):
    root = make_project(tmp_path / "p", {}, extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    assert (root / "output/cari/index.html").is_file() and not (root / "output/pagefind").exists()
