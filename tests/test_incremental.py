"""Incremental builds give the same bytes as a clean build, whatever input changed, and leave
unchanged files alone (same inode and mtime, so rsync and CDN uploads stay small)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

import expo.site.text as site_text
from expo.cli.build import build
from expo.cli.summary import tree_size
from sitekit import GOOD_YML, SECOND_YML, make_project, write_exhibitor, write_photo

THIRD_YML = SECOND_YML.replace("Keripik Bu Sri", "Bandeng Pak Joko").replace("kuliner", "perikanan") \
    .replace("keripikbusri", "bandengjoko").replace("Keripik Tempe", "Bandeng Presto")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


CHANGES = {
    "a booth's value": lambda r: edit(r / "exhibitors/batik-sari/exhibitor.yml", "Batik tulis warna alam",
                                      "Batik tulis pewarna alam"),
    "a comment only": lambda r: append(r / "exhibitors/batik-sari/exhibitor.yml", "# catatan\n"),
    "about.md": lambda r: (r / "exhibitors/batik-sari/about.md").write_text("Cerita **baru**.\n"),
    "a photo": lambda r: write_photo(r / "exhibitors/batik-sari/kain.jpg", color=(10, 200, 90)),
    "a booth removed": lambda r: shutil.rmtree(r / "exhibitors/keripik-bu-sri"),
    "a booth added": lambda r: write_exhibitor(r, "bandeng-pak-joko", THIRD_YML),
    # batik-sari's city: its city page changes, its own pages do not
    "a booth added in the same city": lambda r: write_exhibitor(
        r, "bandeng-pak-joko", THIRD_YML.replace("Kabupaten Batang", "Kota Pekalongan")),
    # a booth whose order code clashes with batik-sari's ('YNR'): both get a longer one, so the
    # cart data of batik-sari's product pages changes although nothing of batik-sari did
    "a booth whose order code clashes": lambda r: write_exhibitor(r, "toko-1883", THIRD_YML),
    "a product added": lambda r: edit(r / "exhibitors/batik-sari/exhibitor.yml", "products:\n",
                                      "products:\n  - name: Taplak Batik\n    price: 90000\n    photos: [kain.jpg]\n"),
    "a template": lambda r: edit(r / "theme/templates/expo_product.html", "<article class=\"product\"",
                                 "<article class=\"product item\""),
    "a theme file": lambda r: append(r / "theme/static/css/expo.css", "\n.x { color: red; }\n"),
    "a setting": lambda r: append(r / "pelicanconf.py", '\nEXPO_NAME = "Expo Baru"\n'),
    "a content page": lambda r: edit(r / "content/pages/about.md", "Expo uji.", "Expo uji kedua."),
    "a booth joins an edition": lambda r: append(r / "exhibitors/batik-sari/exhibitor.yml", "editions: [2]\n"),
}
# Settings a change needs from the first build on
SETTINGS = {"a booth joins an edition": 'EXPO_EDITIONS = [{"key": "2", "name": "Expo II", '
                                        '"start_date": "2026-11-16", "end_date": "2026-11-30"}]\n'}


def clean_copy(root: Path, to: Path) -> Path:
    shutil.copytree(root, to, ignore=shutil.ignore_patterns("output", ".output-*", "output-manifest.txt", "booths.pickle"))
    return to


@pytest.mark.parametrize("change", CHANGES)
def test_an_incremental_build_equals_a_clean_one(tmp_path, change):
    root = make_project(tmp_path / "incremental", extra_settings=SETTINGS.get(change, ""))
    build(root)
    before = {p.relative_to(root / "output").as_posix(): p.stat() for p in (root / "output").rglob("*")}
    CHANGES[change](root)
    result = build(root)
    clean = build(clean_copy(root, tmp_path / "clean"))
    assert tree(result.output) == tree(clean.output)
    unchanged = [name for name, stat in before.items() if (root / "output" / name).is_file()
                 and (root / "output" / name).stat().st_ino == stat.st_ino]
    if change in ("a booth's value", "about.md", "a comment only", "a content page"):
        assert sum(result.made.values()) < sum(result.files.values()) / 2, result.made
        assert "media/" in " ".join(unchanged)  # photos were not touched
    if change == "a comment only":
        assert sum(result.made.values()) == 0


def test_a_translation_change_re_renders_the_english_pages(tmp_path, monkeypatch):
    locale = tmp_path / "locale"
    shutil.copytree(site_text.LOCALE_DIR, locale)
    monkeypatch.setattr(site_text, "LOCALE_DIR", locale)
    root = make_project(tmp_path / "incremental")
    build(root)
    edit(locale / "en/LC_MESSAGES/messages.po", 'msgstr "Order on WhatsApp"', 'msgstr "Order via WhatsApp"')
    result = build(root)
    assert "Order via WhatsApp" in (result.output / "en/booth/batik-sari/selendang-sutra/index.html").read_text()
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_nothing_changed_writes_nothing_and_keeps_mtimes(tmp_path):
    root = make_project(tmp_path / "p")
    first = build(root)
    stats = {p: p.stat().st_mtime_ns for p in first.output.rglob("*") if p.is_file()}
    second = build(root)
    assert sum(second.made.values()) == 0
    assert {p: p.stat().st_mtime_ns for p in second.output.rglob("*") if p.is_file()} == stats


def test_a_published_site_with_nothing_changed_is_kept_whole(tmp_path):
    """With a SITEURL the build also writes sitemap.xml and robots.txt: made from the pages'
    addresses and the settings, they are not made again when those did not change (they were,
    on every build: an rsync resent them and output/ was never kept)."""
    root = make_project(tmp_path / "p", extra_settings='SITEURL = "https://expo.example.id"\nRELATIVE_URLS = False\n')
    first = build(root)
    assert (first.output / "sitemap.xml").is_file() and (first.output / "robots.txt").is_file()
    inode = first.output.stat().st_ino
    second = build(root)
    assert sum(second.made.values()) == 0 and second.output.stat().st_ino == inode
    shutil.rmtree(root / "exhibitors/keripik-bu-sri")  # a booth leaves: the sitemap changes, robots.txt not
    robots = (first.output / "robots.txt").stat()
    third = build(root)
    assert third.made["sitemap"] == 1 and third.made["robots"] == 0
    assert "keripik-bu-sri" not in (third.output / "sitemap.xml").read_text(encoding="utf-8")
    assert (third.output / "robots.txt").stat().st_mtime_ns == robots.st_mtime_ns


def test_an_edited_output_file_is_made_again(tmp_path):
    root = make_project(tmp_path / "p")
    first = build(root)
    page = first.output / "booth/batik-sari/index.html"
    original = page.read_bytes()
    page.write_text("diubah tangan", encoding="utf-8")
    second = build(root)
    assert page.read_bytes() == original and second.made["page"] == 1


def test_nothing_changed_keeps_output_itself(tmp_path):
    """No new tree, no swap: the folder is the same one, and no staging folder is left."""
    root = make_project(tmp_path / "p")
    first = build(root)
    inode = first.output.stat().st_ino
    second = build(root)
    assert second.output.stat().st_ino == inode and second.pages == first.pages
    # the summary's files and bytes, from the last manifest instead of a walk of output/
    assert (second.output_files, second.output_bytes) == (first.output_files, first.output_bytes) \
        == tree_size(second.output)
    assert not list(root.glob(".output-build-*"))


@pytest.mark.parametrize("by_hand", ["a file added", "a file removed"])
def test_output_changed_by_hand_is_repaired_when_nothing_else_changed(tmp_path, by_hand):
    root = make_project(tmp_path / "p")
    output = build(root).output
    if by_hand == "a file added":
        (output / "booth/catatan.txt").write_text("tangan", encoding="utf-8")
    elif by_hand == "a file removed":
        next((output / "media").rglob("*.jpg")).unlink()
    build(root)
    assert tree(output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_a_static_folder_pelican_copies_itself_is_kept_with_the_rest(tmp_path):
    """Pelican's own static files are written into the new tree, so nothing-changed must still
    carry every planned file over (not keep output/ alone)."""
    root = make_project(tmp_path / "p", extra_settings='STATIC_PATHS = ["images"]\n')
    write_photo(root / "content/images/peta.png", size=(40, 30))
    build(root)
    result = build(root)
    assert (result.output / "images/peta.png").is_file() and sum(result.made.values()) == 0
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


# One booth per listing page: a booth's name decides its page, counts show on every page.
PAGED = "EXPO_DIRECTORY_PER_PAGE = 1\nEXPO_CATEGORY_PER_PAGE = 1\nEXPO_CITY_PER_PAGE = 1\n"
PAGED_CHANGES = {
    "a booth renamed to the front": lambda r: edit(r / "exhibitors/keripik-bu-sri/exhibitor.yml",
                                                  "name: Keripik Bu Sri", "name: Abon Bu Sri"),
    "a booth added in the same city": CHANGES["a booth added in the same city"],
    "a booth removed": CHANGES["a booth removed"],
    "a product added": CHANGES["a product added"],
    "a booth's value": CHANGES["a booth's value"],
}


@pytest.mark.parametrize("change", PAGED_CHANGES)
def test_paged_listings_after_an_edit_equal_a_clean_build(tmp_path, change):
    root = make_project(tmp_path / "incremental", extra_settings=PAGED)
    write_exhibitor(root, "tempe-mbok-darmi", THIRD_YML.replace("Bandeng Pak Joko", "Tempe Mbok Darmi")
                    .replace("Kabupaten Batang", "Kota Pekalongan").replace("perikanan", "batik"))
    build(root)
    PAGED_CHANGES[change](root)
    result = build(root)
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_a_template_edit_remakes_pages_only(tmp_path):
    """Data files, photos, icons and feeds are not rendered from templates: a template edit keeps
    them (same inode and mtime), while every page is made again."""
    root = make_project(tmp_path / "p", extra_settings='SITEURL = "https://expo.example.id"\nRELATIVE_URLS = False\n')
    output = build(root).output
    kept = ["catalog.json", "products.csv", "google-merchant.xml", "favicon.ico"]
    before = {name: (output / name).stat() for name in kept}
    page = output / "index.html"
    page_before = page.stat()
    append(root / "theme/templates/base.html", "<!-- edited -->\n")
    build(root)
    for name in kept:
        after = (output / name).stat()
        assert (after.st_ino, after.st_mtime_ns) == (before[name].st_ino, before[name].st_mtime_ns), name
    assert b"<!-- edited -->" in page.read_bytes() and page.stat().st_ino != page_before.st_ino


@pytest.mark.parametrize("damage", ["a row cut short", "a row that is not hex", "another version", "empty"])
def test_a_damaged_manifest_means_a_full_build_not_a_failure(tmp_path, damage):
    """The manifest (one row per file) is read row by row; any row it cannot read makes the
    build treat the last output as unknown and make every file, as a first build would."""
    root = make_project(tmp_path / "p")
    first = build(root)
    manifest = root / ".cache" / "output-manifest.txt"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == sum(first.files.values()) + 1  # a header, then a row per planned file
    lines = {"a row cut short": lines[:5] + ["abc 12\n"] + lines[5:],
             "a row that is not hex": lines[:5] + ["zz 1 2 \"a\"\n"] + lines[5:],
             "another version": [lines[0].replace('"version": 2', '"version": 1')] + lines[1:],
             "empty": []}[damage]
    manifest.write_text("".join(lines), encoding="utf-8")
    result = build(root)
    assert sum(result.made.values()) == sum(result.files.values())
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


@pytest.mark.parametrize("change", ["a booth's value", "a booth removed", "a template"])
def test_rebuilds_that_walk_the_plan_again_equal_a_clean_one(tmp_path, monkeypatch, change):
    """A rebuild holds the few files it makes from the walk that made the digests; with more
    than HELD_FILES (a first build, a template edit) it walks the plan again for them."""
    import expo.site.generator as generator

    monkeypatch.setattr(generator, "HELD_FILES", 3)
    root = make_project(tmp_path / "incremental")
    build(root)
    CHANGES[change](root)
    result = build(root)
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)
    assert sum(build(root).made.values()) == 0  # its manifest is whole: the next build keeps output/


def test_the_build_never_holds_a_planned_file_per_output_file(tmp_path, monkeypatch):
    """Issue 9: memory grows with the catalog's models, not with pages or photos. The plan is
    walked, never held: while the pages are written, the planned files alive are the search
    index's, the first page of each template and the few held for a rebuild."""
    import gc

    import expo.site.generator as generator
    from expo.site.plan import PlannedFile

    alive: list[int] = []
    write_pages = generator.write_pages

    def counting(*args, **kwargs):
        gc.collect()
        alive.append(sum(1 for o in gc.get_objects() if type(o) is PlannedFile))
        return write_pages(*args, **kwargs)

    monkeypatch.setattr(generator, "write_pages", counting)
    monkeypatch.setattr(generator, "HELD_FILES", 5)
    root = make_project(tmp_path / "p")
    write_exhibitor(root, "bandeng-pak-joko", THIRD_YML)
    first = build(root)
    planned = sum(first.files.values())
    CHANGES["a template"](root)
    build(root)
    assert planned > 100 and len(alive) == 2 and max(alive) <= 20, (planned, alive)  # it was every one of them


def test_paths_whose_hashes_meet_are_made_again_never_linked(tmp_path, monkeypatch):
    """The last manifest is indexed by a hash of each path: when two meet (here: all of them),
    their files are made again rather than linked from the wrong file."""
    import expo.site.incremental as incremental

    root = make_project(tmp_path / "incremental")
    build(root)
    monkeypatch.setattr(incremental, "path_hash", lambda path: 7)
    CHANGES["a booth's value"](root)
    result = build(root)
    assert result.made["page"] == result.files["page"]
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_a_manifest_gone_while_linking_means_the_rest_is_made(tmp_path, monkeypatch):
    """The links follow the last manifest's paths, read again from its file. If that file is
    gone or another when they are read (a clean or another build meanwhile), what was not
    linked is made, and no manifest is kept: the next build makes everything."""
    import expo.site.incremental as incremental

    root = make_project(tmp_path / "incremental")
    build(root)
    CHANGES["a booth's value"](root)

    def gone(self):
        raise OSError("no manifest")
        yield  # a generator, as Previous.paths

    with monkeypatch.context() as patch:
        patch.setattr(incremental.Previous, "paths", gone)
        result = build(root)
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)
    again = build(root)
    assert again.made == again.files


@given(st.text(st.characters(blacklist_categories=("Cs",))))
@hsettings(max_examples=300, deadline=None)
def test_a_manifest_row_reads_its_path_back_as_json_wrote_it(path):
    """_split_row reads a path json.dumps wrote without json.loads when nothing was escaped:
    any path still comes back as written."""
    from expo.site.incremental import _split_row

    assert _split_row(f"ab 1 2 {json.dumps(path)}\n") == ("ab", "1", "2", path)


@pytest.mark.parametrize("damaged", ['"', '"a', 'a"', '"a"b"', "ab", '"a\\"'])
def test_a_damaged_manifest_path_is_an_error_not_another_path(damaged):
    from expo.site.incremental import _split_row

    with pytest.raises(ValueError):
        _split_row(f"ab 1 2 {damaged}\n")
