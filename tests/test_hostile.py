"""Hostile and broken input: every case ends as a validation message, never a traceback,
a hang, or a half-written site."""

from __future__ import annotations

import json
import re

import os
import time
from pathlib import Path

import pytest
from PIL import Image

from expo.cli.build import BuildFailed, build
from expo.content.catalog import load_catalog
from expo.settings import ExpoSettings
from htmlkit import Page
from sitekit import GOOD_YML, make_project, write_exhibitor, write_photo


def problems(root: Path, **settings) -> list[str]:
    _catalog, found = load_catalog(root, ExpoSettings(**settings))
    return [p.format() for p in sorted(found, key=lambda p: p.sort_key())]


def project_with(tmp_path: Path, yml: str | bytes, slug: str = "batik-sari") -> Path:
    root = make_project(tmp_path / "p", {})
    folder = write_exhibitor(root, slug, "")
    path = folder / "exhibitor.yml"
    path.write_bytes(yml if isinstance(yml, bytes) else yml.encode("utf-8"))
    return root


Y = "exhibitors/batik-sari/exhibitor.yml"

# --- YAML -----------------------------------------------------------------------------------

YAML_CASES = [
    ("syntax", "name: Batik\ncategory: [batik\ncity: x\n",
     f"{Y}:2: YAML tidak bisa dibaca di baris 2, huruf ke-11: kurung [ ] atau {{ }} belum ditutup, atau ada koma yang hilang"),
    ("unquoted @", GOOD_YML.replace('instagram: "@batiksari"', "instagram: @batiksari"),
     f'{Y}:11: YAML tidak bisa dibaca di baris 11, huruf ke-12: teks yang diawali @, `, %, | atau > harus diberi tanda '
     f'kutip, misalnya instagram: "@batiksari"'),
    ("colon in text", GOOD_YML.replace("tagline: Batik tulis warna alam", "tagline: Batik: warna alam"),
     f'{Y}:2: YAML tidak bisa dibaca di baris 2, huruf ke-15: ada titik dua (:) di tengah teks; beri tanda kutip pada '
     f'teksnya, misalnya tagline: "Batik: warisan keluarga"'),
    ("tab", GOOD_YML.replace("  - sari-batik", "\t- sari-batik"),
     f"{Y}:7: YAML tidak bisa dibaca di baris 7, huruf ke-1: ada karakter tab; pakai spasi untuk indentasi"),
    ("python tag", GOOD_YML.replace("name: Batik Sari", "name: !!python/object/apply:os.system ['touch /tmp/pwned']"),
     f"{Y}:1: name: tag YAML !!python/object/apply:os.system tidak diperbolehkan. Hapus tag itu dan tulis nilainya saja"),
    ("custom tag", GOOD_YML.replace("city: Kota Pekalongan", "city: !kota Pekalongan"),
     f"{Y}:4: city: tag YAML !kota tidak diperbolehkan. Hapus tag itu dan tulis nilainya saja"),
    ("binary tag", GOOD_YML.replace("address: Jl. Hayam Wuruk 12", "address: !!binary aGVsbG8="),
     f"{Y}:5: address: tag YAML !!binary tidak diperbolehkan. Hapus tag itu dan tulis nilainya saja"),
    ("duplicate key", GOOD_YML.replace("city: Kota Pekalongan\n", "city: Kota Pekalongan\ncity: Batang\n"),
     f'{Y}:5: city: kolom "city" ditulis dua kali (juga di baris 4). Hapus salah satunya'),
    ("control character", GOOD_YML.replace("Batik tulis warna alam", "Batik tulis\x08 warna alam"),
     f"{Y}:2: ada karakter tak terlihat (U+0008), biasanya dari teks yang disalin dari PDF atau Word. "
     f"Ketik ulang baris ini"),
    ("top level list", "- name: a\n- name: b\n",
     f'{Y}:1: isi file harus berupa daftar kolom seperti "name: Batik Sari". Mulailah dari contoh '
     f"invoke new-exhibitor <nama-folder>"),
]


@pytest.mark.parametrize("name, yml, message", YAML_CASES, ids=[c[0] for c in YAML_CASES])
def test_yaml_mistakes_and_attacks_become_messages(tmp_path, name, yml, message):
    assert problems(project_with(tmp_path, yml)) == [message]


def test_python_tags_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    yml = GOOD_YML.replace("name: Batik Sari", f"name: !!python/object/apply:os.system ['touch {marker}']")
    problems(project_with(tmp_path, yml))
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly_with_one_message(tmp_path):
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    started = time.monotonic()
    found = problems(project_with(tmp_path, bomb))
    assert time.monotonic() - started < 5
    assert f"{Y}:1: b[1]: anchor/alias YAML (& dan *) tidak diperbolehkan. Tulis nilainya lengkap di setiap tempat" in found
    assert sum("anchor/alias" in line for line in found) == 1


def test_deep_nesting_does_not_crash_the_parser(tmp_path):
    # libyaml's composer recurses per level: 100k brackets would overflow the C stack
    deep = "name: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert problems(project_with(tmp_path, deep)) == [
        f"{Y}:1: isian bertingkat terlalu dalam (lebih dari 16 tingkat). Periksa tanda kurung [ ] dan "
        "{ } serta indentasi"]


def test_non_utf8_file(tmp_path):
    yml = GOOD_YML.replace("Batik tulis warna alam", "Batik tulis warna alam café").encode("cp1252")
    assert problems(project_with(tmp_path, yml)) == [
        f"{Y}:2: file tidak tersimpan sebagai UTF-8 (byte ke-53). Simpan ulang file dengan encoding UTF-8"]


def test_bom_and_crlf_are_fine(tmp_path):
    yml = ("\ufeff" + GOOD_YML.replace("\n", "\r\n")).encode("utf-8")
    assert problems(project_with(tmp_path, yml)) == []


def test_huge_file_is_refused_before_parsing(tmp_path):
    yml = GOOD_YML + "# " + "x" * 300_000 + "\n"
    assert problems(project_with(tmp_path, yml)) == [
        f"{Y}: file terlalu besar (294 KB, maksimum 256 KB). Persingkat teksnya; cerita panjang taruh di about.md"]


def test_huge_strings_are_bounded(tmp_path):
    yml = GOOD_YML.replace("Batik tulis **pewarna alam**, 2 x 1,15 m.", "x" * 6000)
    assert problems(project_with(tmp_path, yml)) == [
        f"{Y}:26: products[1].description: terlalu panjang (6000 karakter, maksimum 5000). Persingkat teksnya"]


WRONG_TYPES = [
    (("name: Batik Sari", "name: [Batik, Sari]"),
     f"{Y}:1: name: harus berupa teks, bukan daftar. Tulis teksnya, pakai tanda kutip kalau perlu"),
    (("name: Batik Sari", "name:"), f'{Y}:1: name: wajib diisi. Tambahkan baris "name: ..."'),
    (("    price: 850000", "    price: true"),
     f'{Y}:22: products[1].price: "true" bukan harga yang bisa dibaca. Tulis harga dalam Rupiah, '
     "misalnya 150000, 150.000, Rp150.000, 150rb, atau rentang 150.000 - 200.000"),
    (("    price: 850000", "    price: Rp850.000 gratis ongkir"),
     f'{Y}:22: products[1].price: "Rp850.000 gratis ongkir" bukan harga yang bisa dibaca. Tulis harga '
     "dalam Rupiah, misalnya 150000, 150.000, Rp150.000, 150rb, atau rentang 150.000 - 200.000"),
    (("    photos:\n      - kain.jpg", "    photos: {kain: jpg}"),
     f'{Y}:24: products[1].photos: harus berupa daftar, bukan daftar kolom. Tulis setiap isi di baris '
     'sendiri diawali "- "'),
    (("credentials:\n  nib: \"1234567890123\"", "credentials: NIB 1234567890123"),
     f'{Y}:17: credentials: harus berupa daftar kolom seperti "nama: nilai", bukan teks'),
    (("whatsapp: \"0812-2233-4455\"", "whatsapp: [0812]"),
     f"{Y}:8: whatsapp: harus berupa teks, bukan daftar. Tulis teksnya, pakai tanda kutip kalau perlu"),
]


@pytest.mark.parametrize("change, message", WRONG_TYPES, ids=[c[0][1][:20] for c in WRONG_TYPES])
def test_wrong_types(tmp_path, change, message):
    old, new = change
    assert old in GOOD_YML
    assert problems(project_with(tmp_path, GOOD_YML.replace(old, new))) == [message]


# --- URLs and handles -----------------------------------------------------------------------

@pytest.mark.parametrize("url, key", [
    ("javascript:alert(1)", "bukan alamat web yang diizinkan"),
    ("data:text/html,<script>alert(1)</script>", "bukan alamat web yang diizinkan"),
    ("vbscript:msgbox(1)", "bukan alamat web yang diizinkan"),
    ("ftp://files.example.com/x", "bukan alamat web yang diizinkan"),
    ("//evil.example.com/x", "bukan alamat web yang diizinkan"),
    ("https://user:pass@evil.example.com/", "bukan alamat web yang lengkap"),
    ("https://exa mple.com/", "bukan alamat web yang lengkap"),
    ("https://", "bukan alamat web yang lengkap"),
])
def test_only_complete_http_links_are_accepted(tmp_path, url, key):
    yml = GOOD_YML.replace("  - https://shopee.co.id/batiksari", f'  - "{url}"')
    found = problems(project_with(tmp_path, yml))
    assert len(found) == 1 and found[0].startswith(f"{Y}:14: marketplaces[2]: ") and key in found[0]


def test_shop_address_without_scheme_is_completed(tmp_path):
    root = project_with(tmp_path, GOOD_YML.replace("  - https://shopee.co.id/batiksari", "  - shopee.co.id/batiksari"))
    catalog, found = load_catalog(root, ExpoSettings())
    assert found == []
    assert catalog.exhibitors[0].marketplaces[1].url == "https://shopee.co.id/batiksari"
    assert catalog.exhibitors[0].marketplaces[1].label == "Shopee"


@pytest.mark.parametrize("field, value, network", [
    ("instagram", '"@batik sari"', "Instagram"),
    ("instagram", "https://www.tiktok.com/@batiksari", "Instagram"),
    ("tiktok", '"@x"', "TikTok"),
    ("facebook", "https://facebook.com.evil.example/batiksari", "Facebook"),
])
def test_contact_handles_are_checked(tmp_path, field, value, network):
    yml = GOOD_YML.replace('instagram: "@batiksari"', f"{field}: {value}")
    found = problems(project_with(tmp_path, yml))
    assert len(found) == 1 and f"bukan nama akun {network} yang valid" in found[0]


# --- Credentials ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind, value, shown", [
    ("nib", "1234567890123", "1234567890123"),
    ("nib", "1234-5678-9012-3", "1234567890123"),
    ("pirt", "P-IRT No. 206332101234-25", None),
    ("pirt", "P-IRT No. 2063321012345-25", "206332101234525"),
    ("pirt", "206332101234525", "206332101234525"),
    ("pirt", "2063321012345", None),
    ("pirt", "206332101234", "206332101234"),
    ("bpom", "BPOM RI MD 224510001234", "MD 224510001234"),
    ("bpom", "ML 224510001234", "ML 224510001234"),
    ("bpom", "NA18201200123", "NA 18201200123"),
    ("bpom", "MD 2245", None),
    ("halal", "ID33110000123450521", "ID33110000123450521"),
    ("halal", "00150012345678", None),
    ("sni", "SNI 7325:2008", "SNI 7325:2008"),
])
def test_credentials_are_checked_and_normalised(tmp_path, kind, value, shown):
    yml = GOOD_YML.replace('  nib: "1234567890123"', f'  {kind}: "{value}"')
    root = project_with(tmp_path, yml)
    catalog, found = load_catalog(root, ExpoSettings())
    if shown is None:
        assert len(found) == 1 and found[0].field == f"credentials.{kind}" and found[0].key == f"credential_{kind}"
    else:
        assert found == []
        assert [c.number for c in catalog.exhibitors[0].credentials] == [shown]


def test_credential_message_is_exact(tmp_path):
    yml = GOOD_YML.replace('  nib: "1234567890123"', '  bpom: "MD 2245"')
    assert problems(project_with(tmp_path, yml)) == [
        f'{Y}:18: credentials.bpom: "MD 2245" bukan nomor BPOM yang valid. Tulis seperti MD 224510001234 '
        "atau ML ... (12 angka), atau NA diikuti 11 angka untuk kosmetik"]


# --- Paths ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../keripik-bu-sri/tempe.jpg", "/etc/passwd.jpg", "..\\x.jpg", ".hidden.jpg", "sub/kain.jpg"])
def test_photo_names_stay_inside_the_folder(tmp_path, name):
    yml = GOOD_YML.replace("      - selendang.jpg", f"      - '{name}'")
    found = problems(project_with(tmp_path, yml))
    assert found == [f'{Y}:33: products[2].photos[1]: "{name}" bukan nama file di folder ini. Simpan foto di '
                     "folder exhibitors/batik-sari/ dan tulis nama filenya saja, tanpa / atau .."]


def test_symlinked_photo_leaving_the_folder_is_refused(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    outside = write_photo(tmp_path / "secret.jpg")
    link = root / "exhibitors/batik-sari/selendang.jpg"
    link.unlink()
    os.symlink(outside, link)
    assert problems(root) == [
        f'{Y}:33: products[2].photos[1]: "selendang.jpg" menunjuk ke luar folder ini. Ganti dengan file foto '
        "biasa di folder ini"]


def test_symlinked_exhibitor_yml_is_not_read(tmp_path):
    root = make_project(tmp_path / "p", {})
    folder = write_exhibitor(root, "batik-sari", "")
    (folder / "exhibitor.yml").unlink()
    secret = tmp_path / "secret.yml"
    secret.write_text(GOOD_YML, encoding="utf-8")
    os.symlink(secret, folder / "exhibitor.yml")
    assert problems(root) == [
        f"{Y}: exhibitor.yml adalah tautan (symlink) ke file lain, jadi tidak dibaca. Ganti dengan file "
        "exhibitor.yml biasa yang isinya ditulis langsung di folder ini"]


def test_symlinked_booth_folder_is_not_read(tmp_path):
    root = make_project(tmp_path / "p", {})
    elsewhere = write_exhibitor(make_project(tmp_path / "other", {}), "batik-sari", GOOD_YML)
    (root / "exhibitors").mkdir()
    os.symlink(elsewhere, root / "exhibitors" / "batik-sari")
    assert problems(root) == [
        'exhibitors/batik-sari: folder "batik-sari" adalah tautan (symlink) ke tempat lain. Ganti dengan '
        "folder biasa yang berisi exhibitor.yml dan foto"]


@pytest.mark.parametrize("city", ["???", "—"])
def test_a_city_must_give_a_page_address(tmp_path, city):
    found = problems(project_with(tmp_path, GOOD_YML.replace("city: Kota Pekalongan", f'city: "{city}"')))
    assert found == [f'{Y}:4: city: "{city}" tidak menghasilkan alamat halaman. Pakai paling sedikit satu '
                     "huruf atau angka"]


@pytest.mark.parametrize("value", [
    "https://www.instagram.com/p/CxYz123/", "https://www.facebook.com/sharer/abc", "https://www.tiktok.com/video/1",
    "https://www.facebook.com/profile.php",
])
def test_links_to_posts_are_not_accounts(tmp_path, value):
    network = value.split(".")[1]
    yml = GOOD_YML.replace('instagram: "@batiksari"', f"{network}: {value}")
    found = problems(project_with(tmp_path, yml))
    assert len(found) == 1 and "bukan nama akun" in found[0], found


def test_facebook_profile_php_keeps_its_id(tmp_path):
    yml = GOOD_YML.replace('instagram: "@batiksari"', "facebook: https://www.facebook.com/profile.php?id=100012345678")
    catalog, found = load_catalog(project_with(tmp_path, yml), ExpoSettings())
    assert found == []
    assert [c.url for c in catalog.exhibitors[0].contacts if c.kind == "facebook"] == [
        "https://www.facebook.com/profile.php?id=100012345678"]


def test_a_numeric_github_login_owns_its_folder(tmp_path):
    from expo.pr.ownership import owners_from_yaml

    yml = GOOD_YML.replace("  - sari-batik", "  - 12345")
    catalog, found = load_catalog(project_with(tmp_path, yml), ExpoSettings())
    assert found == [] and catalog.exhibitors[0].owners == ("12345",)
    assert owners_from_yaml(yml, "x") == ("12345",)


# --- Files ----------------------------------------------------------------------------------

def test_non_image_named_jpg(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    (root / "exhibitors/batik-sari/selendang.jpg").write_text("<?php system($_GET['c']); ?>")
    assert problems(root) == [
        f'{Y}:33: products[2].photos[1]: foto "selendang.jpg" rusak atau bukan foto. Simpan ulang atau '
        "ekspor ulang fotonya dari HP atau aplikasi edit foto, lalu unggah lagi"]


def test_truncated_image_fails_cleanly(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    photo = root / "exhibitors/batik-sari/selendang.jpg"
    data = photo.read_bytes()
    photo.write_bytes(data[: len(data) // 3])
    found = problems(root)
    assert found == [] or all("selendang.jpg" in line for line in found)
    if not found:  # header intact: the encoder finds it; the build must still fail cleanly
        build_fails_cleanly(root, "selendang.jpg")


def build_fails_cleanly(root: Path, name: str) -> None:
    with pytest.raises(BuildFailed):
        build(root)
    assert not (root / "output").exists()
    assert [p.name for p in root.iterdir() if p.name.startswith(".output")] == []


def test_decompression_bomb_is_refused(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    # 1 megapixel limit, 6 megapixel JPEG (JPEGs up to 4x the limit are shrunk): the same check
    # as a 2 gigapixel bomb, cheaply
    write_photo(root / "exhibitors/batik-sari/selendang.jpg", size=(3000, 2000))
    assert problems(root, max_photo_megapixels=1) == [
        f'{Y}:33: products[2].photos[1]: foto "selendang.jpg" terlalu besar (6.0 megapiksel, maksimum 1). '
        "Perkecil ukuran fotonya"]


def test_photo_over_the_size_limit(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    photo = root / "exhibitors/batik-sari/selendang.jpg"
    Image.effect_noise((1600, 1600), 100).convert("RGB").save(photo, quality=100)
    size = round(photo.stat().st_size / 1024 / 1024, 1)
    assert problems(root, max_photo_megabytes=1) == [
        f'{Y}:33: products[2].photos[1]: foto "selendang.jpg" terlalu besar ({size} MB, maksimum 1 MB). '
        "Perkecil fotonya atau kirim ulang dari HP dengan ukuran lebih kecil"]


# --- Collisions -----------------------------------------------------------------------------

def test_two_booths_with_one_name_get_a_warning(tmp_path):
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML, "batik-sari-batang": GOOD_YML})
    assert problems(root) == [
        'exhibitors/batik-sari-batang/exhibitor.yml: name: peringatan: booth "batik-sari" memakai nama yang '
        "sama. Pengunjung akan sulit membedakan; tambahkan nama kota atau ciri khas pada nama usaha"]


def test_pages_that_would_overwrite_each_other_stop_the_build(tmp_path, capsys):
    root = make_project(tmp_path / "p", extra_settings="""
        EXPO_BOOTH_URL = "{slug}/"
        EXPO_BOOTH_SAVE_AS = "{slug}/index.html"
    """)
    (root / "content/pages/about.md").write_text("Title: Tentang\nSlug: batik-sari\n\nx\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(root)
    assert ("content/pages/about.md: dua halaman akan ditulis ke file yang sama, batik-sari/index.html: "
            "exhibitors/batik-sari dan content/pages/about.md.") in capsys.readouterr().err
    assert not (root / "output").exists()


# --- Escaping -------------------------------------------------------------------------------

def test_every_text_field_is_escaped(tmp_path):
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    yml = (GOOD_YML.replace("tagline: Batik tulis warna alam", f"tagline: '{evil}'")
           .replace("address: Jl. Hayam Wuruk 12", f"address: '{evil}'")
           .replace("  - name: Selendang Sutra", f"  - name: 'Selendang {evil}'"))
    root = project_with(tmp_path, yml)
    (root / "exhibitors/batik-sari/about.md").write_text(f"# Cerita\n\n{evil}\n\n<iframe src='https://evil.example'></iframe>\n<a href='data:text/html,x'>d</a> <style>body{{}}</style>", encoding="utf-8")
    build(root)
    site = root / "output"
    for path in site.rglob("*.html"):
        page = Page(path, site)
        tags = [e.tag for e in page.elements]
        for script in (e for e in page.elements if e.tag == "script"):  # our own JS and data only
            if "src" in script.attrs:
                name = re.sub(r"\.[0-9a-f]{10}\.js$", ".js", script.attrs["src"].rsplit("/", 1)[-1])  # hashed
                assert name in ("expo.js", "cart.js", "search.js", "search-engine.js"), path
            else:  # a data block that no exhibitor text could end early: it is all valid JSON
                assert script.attrs.get("type") in ("application/json", "application/ld+json"), path
                json.loads(script.text)
        assert "iframe" not in tags and "style" not in tags
        for element in page.elements:
            assert not any(k.startswith("on") for k in element.attrs), (path, element)
            for key in ("href", "src"):
                assert not element.attrs.get(key, "").startswith(("javascript:", "data:", "vbscript:")), path
