"""Photos in a built site: markup, link previews, cache across builds, broken files reported."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from PIL import Image

from expo.cli.build import BuildFailed, build, validate
from expo.cli.commands import clean
from expo.settings import ExpoSettings, SettingsError
from htmlkit import Page
from photokit import metadata_leaks, noisy, png_header_only, private_exif, truncated_jpeg
from sitekit import make_project

SITEURL = "https://expo.example.id"
PRODUCT = "booth/batik-sari/kain-batik-tulis-parang/index.html"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("pub") / "p",
                        extra_settings=f'SITEURL = "{SITEURL}"\nRELATIVE_URLS = False\n')
    noisy((1600, 1200)).save(root / "exhibitors/batik-sari/kain.jpg", quality=90, exif=private_exif(6))
    build(root)
    return root


def local(root: Path, url: str) -> Path:
    assert url.startswith(SITEURL + "/"), url
    return root / "output" / url[len(SITEURL) + 1:]


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pictures_offer_avif_then_jpeg_with_sizes_dimensions_and_a_placeholder(published):
    page = Page(published / "output" / PRODUCT, published / "output")
    pictures = [e for e in page.elements if e.tag == "picture"]
    assert pictures
    for picture in pictures:
        source, img = picture.children
        assert source.tag == "source" and source.attrs["type"] == "image/avif"
        assert source.attrs["sizes"] == img.attrs["sizes"] and img.attrs["sizes"]
        srcset = img.attrs.get("srcset") or img.attrs["data-srcset"]  # data-: loaded once on screen
        widths = [int(part.split()[1][:-1]) for part in srcset.split(",")]
        assert widths == sorted(widths) and all(local(published, u.split()[0]).is_file()
                                                for u in srcset.split(","))
        assert int(img.attrs["width"]) > 0 and int(img.attrs["height"]) > 0
        assert re.fullmatch(r"background-color:#[0-9a-f]{6}", img.attrs["style"])
    first = page.find_all("img")[0]
    assert first.attrs.get("fetchpriority") == "high" and "loading" not in first.attrs
    assert (first.attrs["width"], first.attrs["height"]) == ("800", "1067")  # portrait: EXIF turn
    assert first.attrs["sizes"] == "(min-width: 48em) 28rem, calc(100vw - 2rem)"


def test_link_preview_is_a_small_1200x630_jpeg(published):
    for page_path in (PRODUCT, "booth/batik-sari/index.html"):
        page = Page(published / "output" / page_path, published / "output")
        meta = {e.attrs.get("property"): e.attrs.get("content") for e in page.find_all("meta")}
        image = local(published, meta["og:image"])
        with Image.open(image) as im:
            assert (im.format, im.size) == ("JPEG", (1200, 630))
        assert image.stat().st_size <= 300 * 1024
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


def test_no_published_photo_carries_metadata_and_no_original_is_published(published):
    media = sorted((published / "output" / "media").rglob("*.*"))
    assert media and {p.suffix for p in media} == {".avif", ".jpg"}
    assert {p.name: metadata_leaks(p) for p in media} == {p.name: [] for p in media}
    originals = {p.read_bytes() for p in (published / "exhibitors").rglob("*.*") if p.suffix != ".yml"}
    assert not any(p.read_bytes() in originals for p in media)


def test_a_rebuild_encodes_only_the_changed_photo_and_stale_entries_can_be_pruned(tmp_path):
    root = make_project(tmp_path / "p")
    for seed, name in enumerate(("batik-sari/kain.jpg", "batik-sari/selendang.jpg", "keripik-bu-sri/tempe.jpg")):
        noisy((500, 400), seed=seed).save(root / "exhibitors" / name)
    build(root)
    cache = root / ".cache" / "images"
    before = {p.parent.name: p.stat().st_mtime_ns for p in cache.glob("*/*/meta.json")}
    assert len(before) == 4  # three photos and the logo
    noisy((500, 400), seed=9).save(root / "exhibitors/keripik-bu-sri/tempe.jpg")
    build(root)
    after = {p.parent.name: p.stat().st_mtime_ns for p in cache.glob("*/*/meta.json")}
    new = set(after) - set(before)
    assert len(new) == 1 and all(after[key] == before[key] for key in before)  # old ones untouched
    used = set((cache / "last-build.txt").read_text().split())
    assert len(used) == 4 and new <= used and len(set(after) - used) == 1  # the old tempe.jpg
    clean(root, stale=True)
    assert {p.parent.name for p in cache.glob("*/*/meta.json")} == used


def test_a_warm_rebuild_opens_only_the_changed_photo(tmp_path, monkeypatch):
    from expo.images import pipeline

    root = make_project(tmp_path / "p")
    build(root)
    first = tree_digest(root / "output")
    monkeypatch.setattr(pipeline, "_KNOWN", {})  # a new process: only what the cache saved is known
    opened = []
    real_open = pipeline.open_photo
    monkeypatch.setattr(pipeline, "open_photo", lambda path, *a: opened.append(path.name) or real_open(path, *a))
    build(root)
    assert opened == [] and tree_digest(root / "output") == first
    noisy((500, 400), seed=4).save(root / "exhibitors/keripik-bu-sri/tempe.jpg")
    monkeypatch.setattr(pipeline, "_KNOWN", {})
    build(root)
    assert opened == ["tempe.jpg"]


def test_truncated_photo_is_caught_by_validate_naming_the_file(tmp_path, capsys):
    root = make_project(tmp_path / "p")
    truncated_jpeg(root / "exhibitors/batik-sari/kain.jpg")
    assert validate(root, photos=False) == 0  # the header alone looks fine
    capsys.readouterr()
    assert validate(root) == 1
    report = capsys.readouterr().err
    assert ('exhibitors/batik-sari/kain.jpg: foto "kain.jpg" rusak: bagian awalnya terbaca, tetapi '
            'isinya terpotong atau cacat (image file is truncated') in report


def test_truncated_photo_fails_the_build_cleanly_and_keeps_the_old_site(tmp_path, capsys):
    root = make_project(tmp_path / "p")
    build(root)
    before = tree_digest(root / "output")
    truncated_jpeg(root / "exhibitors/batik-sari/selendang.jpg", size=(400, 300))
    capsys.readouterr()
    with pytest.raises(BuildFailed):
        build(root)
    report = capsys.readouterr().err
    assert 'exhibitors/batik-sari/selendang.jpg: foto "selendang.jpg" rusak' in report
    assert "Traceback" not in report
    assert tree_digest(root / "output") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".output")) == []


def test_decompression_bomb_and_non_photo_are_validation_errors(tmp_path, capsys):
    root = make_project(tmp_path / "p")
    png_header_only(root / "exhibitors/batik-sari/kain.jpg", 30000, 30000)
    (root / "exhibitors/batik-sari/selendang.jpg").write_text("<html>bukan foto</html>")
    assert validate(root, lang="en") == 1
    report = capsys.readouterr().err
    assert ('products[1].photos[1]: the photo "kain.jpg" is too big (900.0 megapixels, at most 60)'
            in report)
    assert 'products[2].photos[1]: the photo "selendang.jpg" is damaged or not a photo' in report


def test_image_settings_are_checked():
    with pytest.raises(SettingsError, match="EXPO_IMAGE_FORMATS"):
        ExpoSettings.from_pelican({"EXPO_IMAGE_FORMATS": ("gif",)})
    with pytest.raises(SettingsError, match="EXPO_IMAGE_WIDTHS"):
        ExpoSettings.from_pelican({"EXPO_IMAGE_WIDTHS": (0, 400)})
    with pytest.raises(SettingsError, match="EXPO_MAX_PHOTO_MEGAPIXELS"):
        ExpoSettings.from_pelican({"EXPO_MAX_PHOTO_MEGAPIXELS": 0})
    assert ExpoSettings.from_pelican({"EXPO_IMAGE_FORMATS": ["avif", "webp"]}).image_formats == ("avif", "webp")  # a list becomes the declared tuple
