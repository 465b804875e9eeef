"""Search without a server: an index per language over booth and product pages (search_index.py,
read in the browser by search-engine.js), with filters (category, city, price band, licences,
video) and a price sort, and a search page that works from a plain form."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from expo.cli.build import build
from expo.site.search import SearchIndexError, plain_text, price_bands, sentences, write_index
from expo.site.search_index import ENTRY
from htmlkit import Page, pages
from sitekit import GOOD_YML, make_project

PRODUCT = "/booth/keripik-tempe-bu-sri/keripik-tempe-original/"


def _ungap(gaps: list[int]) -> list[int]:
    out, at = [], 0
    for gap in gaps:
        at += gap
        out.append(at)
    return out


def contents(bundle: Path, lang: str) -> dict:
    name = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))["languages"][lang]["index"]
    return json.loads((bundle / name).read_text(encoding="utf-8"))


def records_of(bundle: Path, lang: str) -> dict[str, dict]:
    """Every page of a language's index by URL ('/booth/x/'), read back from its files as the
    browser gets them: title, meta, kind, text, each filter's values and the price."""
    toc = contents(bundle, lang)
    pages: list[dict] = []
    for name in toc["docs"]:
        for doc in json.loads((bundle / "d" / f"{name}.json").read_text(encoding="utf-8")):
            pages.append({"url": "/" + doc["u"], "title": doc["t"], "meta": doc["m"], "jenis": doc["j"],
                          "content": doc["c"], "filters": {}})
    for name, file in toc["filters"].items():
        for value, gaps in json.loads((bundle / "f" / f"{file}.json").read_text(encoding="utf-8")).items():
            for page in _ungap(gaps):
                pages[page]["filters"].setdefault(name, []).append(value)
    for page, price in zip(pages, json.loads((bundle / "p" / f"{toc['prices']}.json").read_text(encoding="utf-8"))):
        page["price"] = price
    assert len(pages) == toc["pages"]
    return {page["url"]: page for page in pages}


def indexed_pages(site: Path, prefix: str) -> set[str]:
    """The booth and product pages a language has (listing pages are not indexed)."""
    root = site / prefix
    return {f"/{prefix}{p.parent.relative_to(root).as_posix()}/" for p in (root / "booth").rglob("index.html")}


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("en/", "en")])
def test_each_language_has_its_own_index_of_booths_and_products(demo, prefix, lang):
    bundle = demo / "indeks"
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "id"]
    assert contents(bundle, lang)["lang"] == lang  # the language's stemmer, Indonesian too
    expected = indexed_pages(demo, prefix)
    assert len(expected) == 45 and set(records_of(bundle, lang)) == expected
    assert entry["languages"][lang]["pages"] == len(expected)


def test_a_product_record_has_its_filters_meta_and_price(demo):
    record = records_of(demo / "indeks", "id")[PRODUCT]
    assert {k: sorted(v) for k, v in record["filters"].items()} == {
        "jenis": ["produk"], "kategori": ["kuliner"], "kota": ["kota-semarang"], "harga": ["0-50rb"],
        "izin": ["halal", "pirt"], "video": ["ya"]}
    meta = record["meta"]
    assert (record["title"], meta["harga"], meta["booth"], meta["kota"], record["price"]) == (
        "Keripik Tempe Original", "Rp15.000", "Keripik Tempe Bu Sri", "Kota Semarang", 15000)
    assert (demo / meta["image"]).is_file() and (demo / meta["image_avif"]).is_file()
    # The page's own words, not the buttons, the photo counter or the filter keys.
    assert record["content"].startswith("Keripik Tempe Original. Rp15.000.")
    for noise in ("WhatsApp", "1/3", "kota-semarang", "0-50rb"):
        assert noise not in record["content"]
    english = records_of(demo / "indeks", "en")["/en" + PRODUCT]
    assert english["title"] == "Original Tempeh Chips" and english["filters"]["kategori"] == ["kuliner"]


def test_every_record_links_a_page_and_a_photo_that_exist(demo):
    for lang in ("id", "en"):
        for url, record in records_of(demo / "indeks", lang).items():
            assert (demo / url.lstrip("/") / "index.html").is_file(), url
            assert (demo / record["meta"]["image"]).is_file(), url
            assert record["jenis"] in (["produk"], ["booth"])
            assert record["filters"]["jenis"] == record["jenis"] and record["filters"]["kategori"]


def test_the_price_sort_covers_every_priced_product(demo):
    for url, record in records_of(demo / "indeks", "id").items():
        if record["jenis"] == ["produk"] and record["meta"].get("harga", "").startswith("Rp"):
            assert isinstance(record["price"], int), url
        if record["jenis"] == ["booth"]:
            assert record["price"] is None, url


def test_no_word_of_a_photo_path_is_in_the_index(demo):
    """What a result shows (its photo's path) is never what it is found by: 'jpg', 'media' or
    '400' would find every page."""
    bundle = demo / "indeks"
    terms = set()
    for first, name in contents(bundle, "id")["terms"]:
        terms.update(json.loads((bundle / "t" / f"{name}.json").read_text(encoding="utf-8")))
    assert "batik" in terms and not terms & {"jpg", "avif", "media", "webp"}


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
    assert page.resolve(form.attrs["data-bundle"] + form.attrs["data-index"]).is_file()
    assert {s.attrs["name"] for s in page.find_all("select")} == {"kategori", "kota", "harga", "izin", "jenis", "urut"}
    assert page.find_all("noscript")
    browse = [page.resolve(a.attrs["href"]) for a in page.find("section", class_="browse").children
              for a in _links(a)]
    assert any("kategori" in str(p) for p in browse) and any("kota" in str(p) for p in browse)
    assert all(p.is_file() for p in browse)
    assert page.find("meta", name="robots").attrs["content"] == "noindex"
    # The search scripts run first of the page's: the search starts before the cart's and the photos'.
    scripts = [s.attrs["src"] for s in page.find_all("script") if "src" in s.attrs]
    assert re.search(r"js/search-engine\.[0-9a-f]{10}\.js$", scripts[0]) and len(scripts) == 4
    assert re.search(r"js/search\.[0-9a-f]{10}\.js$", scripts[1])


def preloads(page: Page) -> tuple[list[str], str]:
    """The index's files a search page preloads (names inside the index's folder) and the
    table of contents its form gives search-engine.js."""
    form = page.find("form", id="search-form")
    bundle = page.resolve(form.attrs["data-bundle"]).parent  # the folder (resolve adds index.html)
    names = []
    for link in page.find_all("link"):
        if "preload" in link.attrs["rel"]:
            path = page.resolve(link.attrs["href"])
            assert path.parent == bundle and link.attrs.get("as") == "fetch", link.attrs
            assert link.attrs.get("crossorigin") == "anonymous"  # as fetch() asks: one request
            names.append(path.name)
    return names, form.attrs["data-index"]


@pytest.mark.parametrize("prefix, lang", [("", "id"), ("en/", "en")])
def test_the_search_page_preloads_its_languages_table_of_contents(demo, prefix, lang):
    """The preload names the index's real file (a stale name would fetch a 404, and the engine
    would then fetch again, one request after the other)."""
    names, index = preloads(Page(demo / prefix / "cari/index.html", demo))
    assert names == [index] and re.fullmatch(rf"{lang}\.[0-9a-f]{{12}}\.json", index)
    assert contents(demo / "indeks", lang) == json.loads((demo / "indeks" / index).read_text(encoding="utf-8"))


def test_a_booth_edit_gives_the_search_page_the_new_index_files(tmp_path):
    """The table of contents is named by its content: an edit a record shows makes a new one,
    and the incremental build remakes the search page with it (never the old, deleted file)."""
    root = make_project(tmp_path / "p", extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    site, bundle = root / "output", root / "output/indeks"
    before = preloads(Page(site / "cari/index.html", site))
    yml = root / "exhibitors/batik-sari/exhibitor.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("Batik tulis warna alam", "Batik tulis pewarna indigo"),
                   encoding="utf-8")
    assert build(root).made["search"] == 1
    names, index = preloads(Page(site / "cari/index.html", site))
    assert index != before[1] and names == [index] and (bundle / index).is_file()
    assert not (bundle / before[1]).exists()


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
    assert "textContent" in script and "createTextNode" in script  # the excerpt: pieces of text


def test_exhibitor_markup_reaches_the_index_as_text(tmp_path):
    evil = '<img src=x onerror=alert(1)>'
    yml = GOOD_YML.replace("  - name: Selendang Sutra", f"  - name: 'Selendang {evil}'")
    root = make_project(tmp_path / "p", {"batik-sari": yml}, extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    found = records_of(root / "output/indeks", "id")
    product = next(r for url, r in found.items() if "selendang" in url)
    assert product["title"] == f"Selendang {evil}"  # the text itself, shown with textContent
    html = (root / "output" / product["url"].lstrip("/") / "index.html").read_text(encoding="utf-8")
    assert evil not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_records_are_indexed_as_they_are(tmp_path):
    records = [{"url": "/kain/", "content": "Kain tenun ikat. Rp90.000.", "language": "id",
                "meta": {"title": "Kain tenun", "harga": "Rp90.000"}, "filters": {"kategori": ["kerajinan"]},
                "sort": {"harga": "90000"}},
               {"url": "/en/kain/", "content": "Woven cloth.", "language": "en", "meta": {"title": "Cloth"},
                "filters": {}, "sort": {}}]
    assert write_index(records, tmp_path / "indeks") == {"id": 1, "en": 1}
    indexed = records_of(tmp_path / "indeks", "id")["/kain/"]
    assert (indexed["content"], indexed["title"], indexed["meta"], indexed["filters"], indexed["price"]) == (
        "Kain tenun ikat. Rp90.000.", "Kain tenun", {"harga": "Rp90.000"}, {"kategori": ["kerajinan"]}, 90000)


def test_odd_values_in_a_record_are_indexed_as_text_and_long_texts_are_bounded(tmp_path):
    odd = {"url": "/x/", "content": "kain " + "a" * 5000 + " " + "kata " * 10_000, "language": "id",
           "meta": {"title": 5}, "filters": {"kota": [7]}, "sort": {}}
    write_index([odd], tmp_path / "indeks")
    record = records_of(tmp_path / "indeks", "id")["/x/"]
    assert record["title"] == "5" and record["filters"] == {"kota": ["7"]} and len(record["content"]) < 400
    bundle = tmp_path / "indeks"
    terms = {}
    for _first, name in contents(bundle, "id")["terms"]:
        terms.update(json.loads((bundle / "t" / f"{name}.json").read_text(encoding="utf-8")))
    assert "a" * 40 in terms and max(map(len, terms)) == 40  # a word is cut at 40 letters
    assert terms["kata"] == [0, 255]  # 10,000 times: the weight is capped


def test_a_failure_while_making_the_records_is_the_builds_error(tmp_path):
    def records():
        yield {"url": "/kain/", "content": "Kain.", "language": "id", "meta": {"title": "Kain"},
               "filters": {}, "sort": {}}
        raise RuntimeError("a booth that cannot be read")

    with pytest.raises(RuntimeError, match="cannot be read"):
        write_index(records(), tmp_path / "indeks")
    assert not (tmp_path / "indeks").exists()


def test_a_file_outside_the_index_folder_is_refused(tmp_path):
    from expo.site.search import write_files

    with pytest.raises(SearchIndexError):
        write_files({"../x.json": b"{}"}, tmp_path / "indeks")
    assert not (tmp_path / "x.json").exists()


def test_records_say_what_the_pages_show_first():
    """The page's text, block by block: name, price, booth and city, then the description (its
    list items and headings each a sentence)."""
    assert sentences(["Kain", "Rp15.000", None, "Ukuran: M, L,", "Bahan (katun)", "Siap!"]) == \
        "Kain. Rp15.000. Ukuran: M, L, Bahan (katun). Siap!"
    assert plain_text("<p>Satu <em>dua</em></p><ul><li>tiga</li><li>empat &amp; lima</li></ul>") == \
        ["Satu dua", "tiga", "empat & lima"]


def test_a_template_edit_keeps_the_index_and_a_booth_edit_remakes_it(tmp_path):
    """The index is made of its records alone: a template edit changes every page but reuses
    the index (same files, same inodes); an edit a record shows makes it again."""
    root = make_project(tmp_path / "p", extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    bundle = root / "output/indeks"

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
    # Chunks whose pages did not change keep their file (an rsync sends only the new)
    after = files()
    chunks = {name for name in first if name.startswith(("f/", "p/"))}
    assert chunks and all(after.get(name) == first[name] for name in chunks)
    assert after[ENTRY] != first[ENTRY]


def test_two_indexes_of_the_same_records_are_identical_bytes(tmp_path):
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
    assert len(records_of(tmp_path / "a", "id")) == 30


def test_an_expo_without_booths_yet_gets_no_index_of_its_listings(tmp_path):
    root = make_project(tmp_path / "p", {}, extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    assert (root / "output/cari/index.html").is_file() and not (root / "output/indeks").exists()


def test_an_index_that_cannot_be_written_is_a_clear_build_failure(tmp_path, monkeypatch):
    """The index is made in a process of its own (render.aside): its failure is still the
    build's, with the reason, and output/ stays as it was."""
    from expo.cli.build import BuildFailed
    from expo.site import search_index

    root = make_project(tmp_path / "p", extra_settings='EXPO_LANGUAGES = ["id"]\n')
    build(root)
    before = {p.relative_to(root / "output"): p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}

    def broken(records, size_hint=0):
        raise ValueError("two search index files share the name t/abc.json")

    monkeypatch.setattr(search_index, "index_files", broken)
    monkeypatch.setattr("expo.site.search.index_files", broken)
    yml = root / "exhibitors/batik-sari/exhibitor.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("Batik tulis warna alam", "Batik tulis baru"), encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build(root)
    assert str(failure.value) == "indeks pencarian / search index: two search index files share the name t/abc.json"
    assert {p.relative_to(root / "output"): p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()} == before
    assert not list(root.glob(".output-build-*"))  # the tree and the folder the index was started in


@pytest.mark.parametrize("where", ["our photos", "another generator"])
def test_a_build_that_fails_after_the_index_was_started_leaves_no_process_and_no_folder(tmp_path, monkeypatch, where):
    """A rebuild starts the search index and the data exports during its walk of the plan
    (early.py). When the build then stops (a photo that cannot be decoded, or Pelican's pages
    generator failing before ours writes anything), both are waited for and their folder
    deleted; output/ stays as it was, and the next build is right."""
    from expo.cli.build import BuildFailed
    from expo.content.errors import ContentError, ContentErrors
    from expo.site import early as early_module
    from test_incremental import clean_copy, tree

    root = make_project(tmp_path / "p")
    build(root)
    before = tree(root / "output")
    started: list[str] = []
    waited: list[bool] = []
    aside = early_module.aside

    def recorded(job):
        wait = aside(job)
        waited.append(False)
        number = len(waited) - 1

        def recorded_wait():
            waited[number] = True
            wait()
        return recorded_wait

    start = early_module.EarlyFiles.start

    def counted(self, files):
        started.extend(file.kind for file in files)
        return start(self, files)

    def fails(*_args, **_kwargs):  # as a photo that cannot be decoded reports it
        raise ContentErrors([ContentError("exhibitors/batik-sari/kain.jpg", None, "", "photo_unreadable", {"value": "kain.jpg"})])

    monkeypatch.setattr(early_module, "aside", recorded)
    monkeypatch.setattr(early_module.EarlyFiles, "start", counted)
    if where == "our photos":
        monkeypatch.setattr("expo.site.generator.prepare_photos", fails)
    else:
        monkeypatch.setattr("pelican.generators.PagesGenerator.generate_output", fails)
    yml = root / "exhibitors/batik-sari/exhibitor.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("Batik tulis warna alam", "Batik tulis baru"), encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(root, out=io.StringIO())
    assert "search" in started and "catalog_json" in started  # they had started
    assert waited == [True, True]  # each process reaped
    assert not list(root.glob(".output-build-*"))
    assert tree(root / "output") == before
    monkeypatch.undo()
    assert tree(build(root).output) == tree(build(clean_copy(root, tmp_path / "clean")).output)
