"""A large expo's search index in shards (expo/site/search.py `shards`): each shard a bundle of
its own, the booths spread by a hash of their folder name, one Pagefind program per language
of a shard. Here SHARD_RECORDS is made tiny so a dozen booths make several shards; the browser
side (searching them as one, price order across shards) is in browser/test_search_shards_browser.py."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

import expo.site.search as search
from expo.cli.build import build
from htmlkit import Page
from sitekit import make_project, write_photo
from test_incremental import clean_copy, edit, tree
from test_search import records_of

BOOTH_YML = """\
name: Toko Nomor {n}
tagline: Oleh-oleh khas nomor {n}
category: kuliner
city: Kabupaten Batang
owners: [toko-{n}]
whatsapp: "0812-2233-{n:04d}"
products:
  - name: Keripik Nomor {n}
    price: {price}
    photos: [keripik.jpg]
"""


def shard_expo(root: Path, booths: int) -> Path:
    """An expo of `booths` one-product booths (prices out of order with the folder names)."""
    root = make_project(root, {})
    for n in range(booths):
        folder = root / "exhibitors" / f"toko-{n:02d}"
        folder.mkdir(parents=True)
        (folder / "exhibitor.yml").write_text(BOOTH_YML.format(n=n, price=10_000 + (n * 7_919) % 90_000),
                                              encoding="utf-8")
        write_photo(folder / "keripik.jpg", size=(160, 120), color=(40 + n * 9, 90, 40))
    return root


def fake_booths(names):
    return [SimpleNamespace(slug=name, products=[object()]) for name in names]


def test_a_booth_stays_in_its_shard_while_others_come_and_go(monkeypatch):
    monkeypatch.setattr(search, "SHARD_RECORDS", 10)
    booths = fake_booths(f"toko-{n}" for n in range(27))  # 54 pages: 6 shards
    before = {b.slug: i for i, shard in enumerate(search.shards(booths)) for b in shard}
    assert len(set(before.values())) == 6
    after = {b.slug: i for i, shard in enumerate(search.shards(booths + fake_booths(["toko-baru"]))) for b in shard}
    assert {slug: after[slug] for slug in before} == before
    assert len(search.shards(booths[:4])) == 1  # a small expo: one bundle


@pytest.fixture
def small_shards(monkeypatch):
    monkeypatch.setattr(search, "SHARD_RECORDS", 6)


def test_a_sharded_index_holds_every_page_once_and_the_search_page_lists_the_shards(tmp_path, small_shards):
    root = shard_expo(tmp_path / "p", 12)  # 24 pages per language: 4 shards
    out = build(root).output
    bundles = sorted(p.parent.name for p in out.glob("pagefind*/pagefind-entry.json"))
    assert bundles[0] == "pagefind" and len(bundles) > 2
    for lang, prefix in (("id", ""), ("en", "en/")):
        seen = [url for bundle in bundles for url in records_of(out / bundle, lang)]
        expected = {f"/{prefix}booth/toko-{n:02d}/" for n in range(12)} | {
            f"/{prefix}booth/toko-{n:02d}/keripik-nomor-{n}/" for n in range(12)}
        assert sorted(seen) == sorted(expected)  # each page in exactly one shard
        form = Page(out / prefix / "cari/index.html", out).find("form", id="search-form")
        shards = form.attrs["data-shards"].split()
        assert [s.rstrip("/").rsplit("/", 1)[-1] for s in shards] == bundles[1:]
        assert all(s.startswith(form.attrs["data-root"]) for s in shards)
    # Pagefind's program is in the first bundle only: the search page merges the others into it
    assert (out / "pagefind/pagefind.js").is_file() and list(out.glob("pagefind/wasm.*.pagefind"))
    assert not [p for bundle in bundles[1:] for p in (out / bundle).glob("*") if p.name.startswith(("pagefind.js", "wasm."))]
    # a booth's pages share its shard
    for bundle in bundles:
        urls = records_of(out / bundle, "id")
        booths = {u.split("/")[2] for u in urls}
        assert all(f"/booth/{b}/" in urls for b in booths)


def test_one_booth_edit_remakes_its_shard_only_and_equals_a_clean_build(tmp_path, small_shards):
    root = shard_expo(tmp_path / "p", 12)
    out = build(root).output
    owner = next(p.parent.name for p in out.glob("pagefind*/pagefind-entry.json")
                 if "/booth/toko-05/" in records_of(p.parent, "id"))
    inodes = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.glob("pagefind*/**/*") if p.is_file()}
    edit(root / "exhibitors/toko-05/exhibitor.yml", "Oleh-oleh khas nomor 5", "Oleh-oleh pilihan nomor 5")
    result = build(root)
    assert result.made["search"] == 1
    kept = {name for name, inode in inodes.items() if (out / name).is_file() and (out / name).stat().st_ino == inode}
    assert {name.split("/")[0] for name in inodes if name not in kept} == {owner}
    assert "pilihan nomor 5" in records_of(out / owner, "id")["/booth/toko-05/"]["content"]
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)


def test_one_bundle_is_the_same_whether_its_languages_index_apart_or_together(tmp_path):
    """write_index runs a Pagefind program per language and joins their bundles: the join is
    byte for byte what one program indexing every language writes."""
    from expo.site.pagefind_service import bundle_files, write_files
    from expo.site.steady_index import steady

    records = [{"url": f"/{lang}/p/{n}/", "content": f"Produk nomor {n} kain.", "language": lang,
                "meta": {"title": f"Produk {n}"}, "sort": {"harga": str(n * 1000)},
                "filters": {"kategori": [f"k{n % 3}"]}} for lang in ("id", "en") for n in range(20)]
    search.write_index(records, tmp_path / "apart")
    files, _count = bundle_files(records)
    write_files({k: v for k, v in files.items() if k not in search.UNUSED_FILES}, tmp_path / "together")
    steady(tmp_path / "together")
    assert tree(tmp_path / "apart") == tree(tmp_path / "together")


def test_a_new_shard_after_an_added_booth_equals_a_clean_build(tmp_path, small_shards):
    """A booth that takes the expo past another SHARD_RECORDS pages makes one more shard: every
    booth may move, and the search page lists the new bundles."""
    root = shard_expo(tmp_path / "p", 12)  # 24 pages per language: 4 shards
    build(root)
    folder = root / "exhibitors" / "toko-baru"
    folder.mkdir()
    (folder / "exhibitor.yml").write_text(BOOTH_YML.format(n=99, price=12_345), encoding="utf-8")
    write_photo(folder / "keripik.jpg", size=(160, 120))
    result = build(root)  # 26 pages: 5 shards
    assert len(list(result.output.glob("pagefind*/pagefind-entry.json"))) == 5
    assert tree(result.output) == tree(build(clean_copy(root, tmp_path / "clean")).output)
