"""The photo pipeline on small generated images: formats, orientation, privacy, cache, limits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from expo.images import recipe as image_recipe
from expo.images import pipeline as images
from expo.images.decode import JPEG_SHRINK_FACTOR, decode, open_photo
from photokit import (PhotoFailures, render_photos, QUADRANTS, TO_STORED, XMP, close, metadata_leaks, noisy, png16_grey,
                      png_header_only, private_exif, quadrant_colours, quadrants, truncated_jpeg)


def plan(path: Path, widths=(40, 80), formats=("avif",), max_megapixels=60) -> images.Picture:
    info = images.inspect(path, 25, max_megapixels)
    return images.plan(path, info, "toko", path.stem, "Foto", widths, "media/", formats)


def render(pictures, tmp_path: Path, **options) -> int:
    return render_photos(pictures, tmp_path / "out", tmp_path / "cache", workers=1, **options)


def opened(tmp_path: Path, rendition: images.Rendition) -> Image.Image:
    im = Image.open(tmp_path / "out" / rendition.url)
    im.load()
    return im


def by_mime(picture: images.Picture, mime: str) -> list[images.Rendition]:
    return [r for r in picture.renditions if r.mime == mime]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied(tmp_path, orientation):
    upright = quadrants((160, 120))
    turn = TO_STORED[orientation]
    stored = upright if turn is None else upright.transpose(turn)
    source = tmp_path / f"o{orientation}.jpg"
    stored.save(source, quality=95, exif=private_exif(orientation))
    picture = plan(source, widths=(80,))
    assert (picture.width, picture.height) == (160, 120)
    render([picture], tmp_path)
    for rendition in picture.renditions:
        im = opened(tmp_path, rendition)
        assert im.size == (80, 60)
        colours = quadrant_colours(im)
        assert all(close(colours[q], QUADRANTS[q], 30) for q in QUADRANTS), (rendition.mime, colours)


def test_published_files_carry_no_exif_gps_xmp_or_profile(tmp_path):
    source = tmp_path / "rumah.jpg"
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    noisy((400, 300)).save(source, quality=90, exif=private_exif(6), xmp=XMP, icc_profile=srgb)
    data = source.read_bytes()
    assert b"SecretCam" in data and b"adobe:ns:meta" in data  # the test photo really is private
    assert Image.open(source).getexif().get_ifd(0x8825)
    picture = plan(source, widths=(100, 200), formats=("avif", "webp"))
    render([picture], tmp_path, share=[picture])
    published = [tmp_path / "out" / r.url for r in picture.renditions] + [tmp_path / "out" / picture.share.url]
    assert len(published) == 7
    assert {p.name: metadata_leaks(p) for p in published} == {p.name: [] for p in published}


def test_originals_are_never_published(tmp_path):
    source = tmp_path / "asli.jpg"
    noisy((300, 200)).save(source, quality=90)
    picture = plan(source)
    render([picture], tmp_path)
    original = source.read_bytes()
    assert all(p.read_bytes() != original for p in (tmp_path / "out").rglob("*.*"))
    assert not list((tmp_path / "out").rglob("asli.jpg"))


def test_alpha_is_kept_for_logos_and_flattened_on_white_for_jpeg(tmp_path):
    logo = Image.new("RGBA", (120, 120), (0, 0, 0, 0))
    logo.paste((30, 60, 200, 255), (60, 0, 120, 120))
    source = tmp_path / "logo.png"
    logo.save(source)
    picture = plan(source, widths=(60,), formats=("avif", "webp"))
    render([picture], tmp_path)
    for mime in ("image/avif", "image/webp"):
        im = opened(tmp_path, by_mime(picture, mime)[0])
        assert im.mode == "RGBA", mime
        assert im.getpixel((10, 30))[3] < 16 and im.getpixel((50, 30))[3] > 240, mime
    jpeg = opened(tmp_path, by_mime(picture, "image/jpeg")[0])
    assert close(jpeg.getpixel((10, 30)), (255, 255, 255), 12)
    assert close(jpeg.getpixel((50, 30)), (30, 60, 200), 30)


def test_an_alpha_channel_nobody_uses_is_dropped(tmp_path):
    source = tmp_path / "layar.png"
    Image.new("RGBA", (100, 80), (10, 120, 90, 255)).save(source)
    picture = plan(source, widths=(50,))
    render([picture], tmp_path)
    assert opened(tmp_path, by_mime(picture, "image/avif")[0]).mode == "RGB"


def test_palette_png_with_transparency_keeps_it(tmp_path):
    im = Image.new("P", (80, 80), 1)
    im.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
    im.paste(0, (0, 0, 40, 80))
    source = tmp_path / "ikon.png"
    im.save(source, transparency=0)
    picture = plan(source, widths=(40,), formats=("webp",))
    render([picture], tmp_path)
    out = opened(tmp_path, by_mime(picture, "image/webp")[0])
    assert out.mode == "RGBA" and out.getpixel((5, 20))[3] == 0 and out.getpixel((35, 20))[3] == 255


def test_cmyk_from_a_print_shop_becomes_rgb(tmp_path):
    source = tmp_path / "brosur.jpg"
    Image.new("CMYK", (120, 90), (0, 255, 255, 0)).save(source, quality=95)  # magenta + yellow = red
    picture = plan(source, widths=(60,))
    render([picture], tmp_path)
    for rendition in picture.renditions:
        im = opened(tmp_path, rendition)
        assert im.mode == "RGB"
        assert close(im.getpixel((30, 20)), (255, 0, 0), 40), rendition.mime


def test_sixteen_bit_png_is_scaled_not_clipped(tmp_path):
    source = png16_grey(tmp_path / "scan.png")
    with Image.open(source) as im:
        assert im.mode.startswith("I")  # Pillow's 16-bit greyscale
    picture = plan(source, widths=(256,), formats=("webp",))
    render([picture], tmp_path)
    out = opened(tmp_path, by_mime(picture, "image/jpeg")[0]).convert("L")
    assert out.getpixel((2, 8)) < 20
    assert 110 < out.getpixel((128, 8)) < 146  # clipping would make this 255
    assert out.getpixel((253, 8)) > 235


def test_heic_from_an_iphone_is_converted(tmp_path):
    source = tmp_path / "iphone.heic"
    quadrants((160, 120)).save(source, format="HEIF", quality=90)
    picture = plan(source, widths=(80,))
    render([picture], tmp_path)
    for rendition in picture.renditions:
        colours = quadrant_colours(opened(tmp_path, rendition))
        assert all(close(colours[q], QUADRANTS[q], 30) for q in QUADRANTS), rendition.mime


def test_jpeg_is_decoded_at_a_reduced_dct_scale(tmp_path):
    source = tmp_path / "besar.jpg"
    noisy((1600, 1200)).save(source, quality=85)
    with open_photo(source, 60) as im:
        out = decode(im, (400, 300))
        assert im.size == (400, 300)  # libjpeg scaled by 1/4 while decoding
    assert out.size == (400, 300) and out.mode == "RGB" and out.info == {}


def test_widths_never_upscale_and_sizes_are_known_before_encoding(tmp_path):
    source = tmp_path / "kecil.jpg"
    noisy((300, 200)).save(source)
    picture = images.plan(source, images.inspect(source, 25, 60), "toko", "kecil", "Kecil",
                          (400, 800, 1200), "media/", ("avif",))
    assert [(r.width, r.height, r.mime) for r in picture.renditions] == [
        (300, 200, "image/avif"), (300, 200, "image/jpeg")]
    assert picture.renditions[0].url == f"media/toko/kecil-{picture.key[:10]}-300.avif"
    render([picture], tmp_path)
    assert opened(tmp_path, picture.renditions[0]).size == (300, 200)


def test_share_image_fits_link_previews(tmp_path):
    wide, tall = tmp_path / "lebar.jpg", tmp_path / "tinggi.jpg"
    noisy((2000, 1000)).save(wide, quality=95)
    noisy((900, 1600)).save(tall, quality=95)
    pictures = [plan(wide, widths=(400,)), plan(tall, widths=(400,))]
    render(pictures, tmp_path, share=pictures)
    for picture in pictures:
        path = tmp_path / "out" / picture.share.url
        with Image.open(path) as im:
            assert (im.format, im.size) == ("JPEG", (1200, 630))
        assert path.stat().st_size <= 300 * 1024
        assert metadata_leaks(path) == []


def test_placeholder_is_the_dominant_colour(tmp_path):
    source = tmp_path / "merah.png"
    im = Image.new("RGB", (200, 200), (200, 30, 30))
    im.paste((20, 20, 20), (0, 0, 40, 40))
    im.save(source)
    picture = plan(source)
    prepared = images.prepare([picture], tmp_path / "cache", workers=1)
    colour = prepared.placeholders[picture.key]
    assert close(tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)), (200, 30, 30), 12)
    again = images.prepare([picture], tmp_path / "cache", workers=1)  # from the cache
    assert again.decoded == 0 and again.placeholders[picture.key] == colour


# --- the cache

def test_rebuild_decodes_nothing_and_gives_the_same_files(tmp_path):
    sources = []
    for i in range(3):
        sources.append(tmp_path / f"p{i}.jpg")
        noisy((200, 150), seed=i).save(sources[-1])
    pictures = [plan(s) for s in sources]
    assert render(pictures, tmp_path) == 3
    first = {p.name: p.read_bytes() for p in (tmp_path / "out").rglob("*.*")}
    (tmp_path / "out").rename(tmp_path / "old")
    assert render([plan(s) for s in sources], tmp_path) == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").rglob("*.*")} == first


def test_a_changed_photo_is_the_only_one_encoded_again_under_a_new_name(tmp_path):
    a, b = tmp_path / "a.jpg", tmp_path / "b.jpg"
    noisy(seed=1).save(a)
    noisy(seed=2).save(b)
    before = [plan(a), plan(b)]
    render(before, tmp_path)
    noisy(seed=3).save(b)
    after = [plan(a), plan(b)]
    assert render(after, tmp_path) == 1
    assert after[0].renditions == before[0].renditions
    assert after[1].key != before[1].key and after[1].renditions[0].url != before[1].renditions[0].url


@pytest.mark.parametrize("change", ["widths", "formats", "recipe version"])
def test_a_changed_recipe_encodes_everything_again(tmp_path, monkeypatch, change):
    sources = []
    for i in range(2):
        sources.append(tmp_path / f"p{i}.jpg")
        noisy(seed=i).save(sources[-1])
    assert render([plan(s) for s in sources], tmp_path) == 2
    options = {"widths": {"widths": (40, 60)}, "formats": {"formats": ("webp",)}}.get(change, {})
    if change == "recipe version":
        monkeypatch.setattr(image_recipe, "RECIPE_VERSION", "test")
        image_recipe._fingerprint.cache_clear()
    try:
        assert render([plan(s, **options) for s in sources], tmp_path) == 2
    finally:
        image_recipe._fingerprint.cache_clear()


def test_recipe_depends_on_library_versions(monkeypatch):
    recipe = image_recipe.Recipe.of((400, 800))
    assert {"pillow", "avif", "webp", "libjpeg_turbo", "littlecms2", "libheif"} <= set(image_recipe.library_versions())
    before = recipe.key("digest")
    monkeypatch.setattr(image_recipe, "library_versions", lambda: {"pillow": "99.0"})
    image_recipe._fingerprint.cache_clear()
    try:
        assert recipe.key("digest") != before  # a Pillow or codec upgrade re-encodes
    finally:
        image_recipe._fingerprint.cache_clear()


def test_an_unfinished_cache_entry_is_not_trusted(tmp_path):
    source = tmp_path / "p.jpg"
    noisy().save(source)
    picture = plan(source)
    render([picture], tmp_path)
    entry = images.PhotoCache(tmp_path / "cache").entry(picture.key)
    (entry / "meta.json").unlink()  # as if the build was killed before the entry was complete
    assert render([picture], tmp_path) == 1


def test_share_images_are_made_only_when_asked_and_then_cached(tmp_path):
    source = tmp_path / "p.jpg"
    noisy().save(source)
    picture = plan(source)
    assert render([picture], tmp_path) == 1
    assert not (tmp_path / "out" / picture.share.url).exists()
    assert render([picture], tmp_path, share=[picture]) == 1  # now it stands for a product
    assert render([picture], tmp_path, share=[picture]) == 0
    assert (tmp_path / "out" / picture.share.url).is_file()


def test_prune_removes_entries_the_last_build_did_not_use(tmp_path):
    a, b = tmp_path / "a.jpg", tmp_path / "b.jpg"
    noisy(seed=1).save(a)
    noisy(seed=2).save(b)
    pa, pb = plan(a), plan(b)
    prepared = images.prepare([pa, pb], tmp_path / "cache", workers=1)
    cache = prepared.cache
    assert cache.stale() == []  # never built: nothing is known to be stale
    cache.record_use([pa.key])
    leftover = cache.entry("ab" + "0" * 30).parent / ".tmp-crashed"
    leftover.mkdir(parents=True)
    assert images.prune(tmp_path / "cache")[0] == 2
    assert cache.complete(pa.key, ["40.avif"]) and not cache.entry(pb.key).exists()
    assert not leftover.exists()


def test_the_process_pool_spreads_sources_over_workers(tmp_path):
    sources = []
    for i in range(4):
        sources.append(tmp_path / f"p{i}.jpg")
        noisy(seed=i).save(sources[-1])
    pictures = [plan(s) for s in sources]
    prepared = images.prepare(pictures, tmp_path / "cache", workers=2)
    assert prepared.decoded == 4 and prepared.failures == []
    assert images.publish(prepared, tmp_path / "out") == 16


def test_a_photo_shown_twice_is_published_once(tmp_path):
    source = tmp_path / "p.jpg"
    noisy().save(source)
    picture = plan(source)
    prepared = images.prepare([picture, picture], tmp_path / "cache", workers=1)
    assert images.publish(prepared, tmp_path / "out") == len(picture.renditions)
    assert images.publish(prepared, tmp_path / "out") == 0  # already there: nothing rewritten
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.*")) == sorted(
        r.url.rsplit("/", 1)[1] for r in picture.renditions)


# --- limits and broken files

def test_decompression_bomb_is_refused_from_the_header(tmp_path):
    bomb = png_header_only(tmp_path / "bom.png", 30000, 30000)
    assert bomb.stat().st_size < 200
    with pytest.raises(images.ImageProblem) as caught:
        images.inspect(bomb, 25, 60)
    assert caught.value.key == "photo_too_many_pixels"
    assert caught.value.params == {"megapixels": 900.0, "limit": 60}


def test_pixel_and_file_size_limits_are_settings(tmp_path):
    source = tmp_path / "p.jpg"
    noisy((400, 300)).save(source, quality=95)
    with pytest.raises(images.ImageProblem) as caught:  # a JPEG is shrunk up to 4x the limit
        images.inspect(source, 25, 0.02)
    assert caught.value.key == "photo_too_many_pixels"
    with pytest.raises(images.ImageProblem) as caught:
        images.inspect(source, 0.01, 60)
    assert caught.value.key == "photo_too_large" and caught.value.params["limit"] == 0.01


@pytest.mark.parametrize("content", [b"", b"not a photo at all", b"GIF89a" + bytes(40), b"\xff\xd8\xff" + bytes(20)])
def test_a_file_that_is_not_a_photo_is_refused(tmp_path, content):
    path = tmp_path / "foto.jpg"
    path.write_bytes(content)
    with pytest.raises(images.ImageProblem) as caught:
        images.inspect(path, 25, 60)
    assert caught.value.key == "photo_unreadable"


def test_truncated_pixels_are_a_named_failure_not_a_crash(tmp_path):
    source = truncated_jpeg(tmp_path / "terpotong.jpg")
    picture = plan(source)  # the header is fine
    failures = images.verify([picture], tmp_path / "cache", workers=1)
    assert [(f.source.name, f.key) for f in failures] == [("terpotong.jpg", "photo_broken")]
    assert "truncated" in failures[0].params["detail"]
    with pytest.raises(PhotoFailures) as caught:
        render([picture], tmp_path)
    assert [f.source for f in caught.value.failures] == [source]
    assert not list((tmp_path / "cache").rglob("*.avif"))  # nothing half-made was kept


def test_verify_skips_photos_the_cache_already_vouches_for(tmp_path, monkeypatch):
    source = tmp_path / "p.jpg"
    noisy().save(source)
    picture = plan(source)
    render([picture], tmp_path)
    calls = []
    monkeypatch.setattr(images, "run_jobs", lambda work, jobs, *a, **k: calls.append(jobs) or [])
    assert images.verify([picture], tmp_path / "cache") == [] and calls == [[]]


def test_unchanged_photos_are_not_read_again_and_changed_ones_are(tmp_path, monkeypatch):
    source = tmp_path / "p.jpg"
    noisy(seed=1).save(source)
    first = images.inspect(source, 25, 60)
    images.keep_digests(tmp_path / "cache", [plan(source)])
    monkeypatch.setattr(images, "_KNOWN", {})  # a new process: only what the cache saved is known
    images.remember_digests(tmp_path / "cache")
    monkeypatch.setattr(images.hashlib, "sha256", lambda: pytest.fail("an unchanged file was read again"))
    monkeypatch.setattr(images, "open_photo", lambda *a: pytest.fail("an unchanged photo was opened again"))
    assert images.inspect(source, 25, 60) == first
    with pytest.raises(images.ImageProblem) as caught:  # a lower limit still applies, unopened
        # (past what decoding a JPEG scaled down can take: JPEG_SHRINK_FACTOR times the limit)
        images.inspect(source, 25, first.width * first.height / 2e6 / JPEG_SHRINK_FACTOR)
    assert caught.value.key == "photo_too_many_pixels"
    monkeypatch.undo()
    data = bytearray(source.read_bytes())
    data[-3] ^= 0xFF  # same size, new content
    source.write_bytes(bytes(data))
    assert images.inspect(source, 25, 60).digest != first.digest


def _die_on_bad(job):
    """A worker that dies the way a decoder crashing on a hostile file kills its process."""
    if job.source.endswith("jahat.jpg"):
        os._exit(1)
    return images.encode(job)


def test_a_crashing_decoder_only_fails_its_own_file(tmp_path):
    sources = []
    for name in ("a.jpg", "jahat.jpg", "b.jpg"):
        sources.append(tmp_path / name)
        noisy(seed=len(sources)).save(sources[-1])
    jobs = [images._job(plan(s), images.PhotoCache(tmp_path / "cache"), False, 60) for s in sources]
    outcomes = images.run_jobs(_die_on_bad, jobs, workers=2)
    failed = {Path(o.source).name: o.error for o in outcomes if o.error}
    assert failed == {"jahat.jpg": "photo_broken"} and len(outcomes) == 3


def test_the_photo_bars_speak_the_build_language(tmp_path, monkeypatch):
    from expo.content.models import Catalog
    from expo.images.photos import prepare_photos, verify_photos
    from expo.settings import ExpoSettings

    labels = []
    monkeypatch.setattr(images, "run_jobs", lambda work, jobs, *a, label, **k: labels.append(label) or [])
    for lang in ("id", "en"):  # invoke build --lang en: the bar says Photos, not Foto
        settings = ExpoSettings(lang=lang)
        prepare_photos(Catalog((), (), (), (), ()), tmp_path, settings)
        verify_photos(Catalog((), (), (), (), ()), tmp_path, settings)
    assert labels == ["Foto", "Periksa foto", "Photos", "Checking photos"]
