"""The invoke commands as an organiser runs them: exit codes and what they print."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import GOOD_YML, write_photo, REPO, make_project, write_exhibitor


def invoke(root: Path, *args: str) -> subprocess.CompletedProcess:
    # this checkout's expo/, not whichever one `pip install -e` points at (another worktree)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=root, capture_output=True,
                          text=True, timeout=300, env=env)


@pytest.fixture
def project(tmp_path) -> Path:
    root = make_project(tmp_path / "p")
    shutil.copy(REPO / "tasks.py", root / "tasks.py")
    return root


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_passes_on_valid_content(project):
    result = invoke(project, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "Semua data valid (0 peringatan)."


def test_validate_reports_and_fails(project):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    result = invoke(project, "validate")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert 'exhibitors/batik-sari/exhibitor.yml:3: category: "bati" bukan kategori yang dikenal.' in result.stderr


def test_validate_in_english(project):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    result = invoke(project, "validate", "--lang", "en")
    assert 'category: "bati" is not a known category. Did you mean "batik"?' in result.stderr
    assert "1 error(s), 0 warning(s)." in result.stderr


def test_validate_one_folder_ignores_the_others(project):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    assert invoke(project, "validate", "exhibitors/keripik-bu-sri").returncode == 0
    assert invoke(project, "validate", "--folder", "exhibitors/keripik-bu-sri").returncode == 0
    assert invoke(project, "validate", "exhibitors/batik-sari/").returncode == 1
    missing = invoke(project, "validate", "exhibitors/tidak-ada")
    assert missing.returncode == 1 and "exhibitors/tidak-ada tidak ditemukan" in missing.stderr


@pytest.mark.parametrize("args", [
    ("--strict", "exhibitors/batik-sari"), ("exhibitors/batik-sari", "--strict"),
    ("--lang", "en", "exhibitors/batik-sari"), ("--lang=en", "--strict", "exhibitors/batik-sari"),
    ("--settings", "pelicanconf.py", "exhibitors/batik-sari"),
])
def test_the_folder_may_come_after_options(project, args):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    result = invoke(project, "validate", *args)
    assert result.returncode == 1 and "No idea" not in result.stderr, result.stderr
    assert "batik-sari/exhibitor.yml:3: category:" in result.stderr
    assert "keripik-bu-sri" not in result.stderr


def test_validate_does_not_talk_about_the_site_in_output(project):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    result = invoke(project, "validate")
    assert result.stderr.strip().splitlines()[-1] == (
        "1 kesalahan, 0 peringatan. Perbaiki kesalahan di atas, lalu jalankan lagi.")
    assert "output/" not in result.stderr


def test_a_folder_name_with_spaces_is_reported_as_a_name_not_as_missing(project):
    write_exhibitor(project, "Keripik Tempe", GOOD_YML)
    result = invoke(project, "validate", "exhibitors/Keripik Tempe")
    assert result.returncode == 1 and "tidak ditemukan" not in result.stderr
    assert ('exhibitors/Keripik Tempe: nama folder "Keripik Tempe" tidak bisa dipakai sebagai alamat booth. '
            'Ganti nama folder dengan huruf kecil, angka dan tanda hubung saja, misalnya "keripik-tempe"'
            ) in result.stderr
    missing = invoke(project, "validate", "exhibitors/BATIK-SARI")
    assert missing.returncode == 1 and (
        "Folder exhibitors/BATIK-SARI tidak ditemukan (not found). Maksud Anda / did you mean: invoke validate "
        "exhibitors/batik-sari") in missing.stderr


def test_warnings_fail_only_when_strict(project):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace('"0812-2233-4455"', '"(0285) 421234"'))
    assert invoke(project, "validate").returncode == 0
    strict = invoke(project, "validate", "--strict")
    assert strict.returncode == 1 and "peringatan" in strict.stderr


def test_build_says_what_it_built_in_expo_terms(project):
    result = invoke(project, "build")
    assert result.returncode == 0, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert re.sub(r"\(\d+,\d MB\), \d+,\d detik$", "(<MB>), <s> detik", last) == (
        "Selesai: 2 booth, 3 produk, 52 halaman, 2 foto diproses, 0 dipakai ulang, 0 peringatan, "
        "113 berkas (<MB>), <s> detik")
    assert "articles" not in result.stdout + result.stderr  # Pelican's blog counts stay out


def test_build_failure_exits_non_zero_without_traceback(project):
    assert invoke(project, "build").returncode == 0
    before = (project / "output/index.html").read_bytes()
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("name: Batik Sari", "name: [oops"))
    result = invoke(project, "build")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "exhibitors/batik-sari/exhibitor.yml:1: YAML tidak bisa dibaca di baris 1, huruf ke-7" in result.stderr
    assert "Situs lama di output/ tidak diubah. (The previous site in output/ was left untouched.)" in result.stderr
    assert (project / "output/index.html").read_bytes() == before


def test_new_exhibitor_scaffold_fails_until_its_examples_are_replaced(project):
    """Left as written, the template's examples would send orders to a stranger's number."""
    result = invoke(project, "new-exhibitor", "tenun-ikat-troso")
    assert result.returncode == 0, result.stderr
    text = (project / "exhibitors/tenun-ikat-troso/exhibitor.yml").read_text(encoding="utf-8")
    assert "name: Tenun Ikat Troso" in text
    assert "editions" not in text  # an expo without EXPO_EDITIONS: no field to puzzle over
    check = invoke(project, "validate", "exhibitors/tenun-ikat-troso")
    assert check.returncode == 1
    problems = [line.strip() for line in check.stderr.splitlines() if line.startswith("  ")]
    y = "exhibitors/tenun-ikat-troso/exhibitor.yml"
    assert problems == [
        f'{y}:14: owners[1]: "nama-pengguna-github" adalah contoh dari invoke new-exhibitor. Tulis nama '
        "pengguna GitHub Anda sendiri (yang tampil di pojok kanan atas github.com)",
        f'{y}:15: whatsapp: "0812-3456-7890" adalah nomor contoh dari invoke new-exhibitor, bukan nomor '
        "Anda: pesanan akan terkirim ke orang lain. Tulis nomor WhatsApp usaha Anda sendiri",
        f'{y}:34: products[1].name: "Produk Pertama" adalah nama produk contoh dari invoke new-exhibitor. '
        "Tulis nama produk Anda",
        f'{y}:39: products[1].photos[1]: foto "produk-1.jpg" tidak ada di folder ini. Unggah fotonya ke '
        "exhibitors/tenun-ikat-troso/ atau perbaiki namanya",
        f'{y}:40: products[1].description: deskripsi ini masih memuat teks contoh "Ceritakan produk Anda" '
        "dari invoke new-exhibitor. Ganti dengan cerita produk Anda sendiri, atau hapus description",
    ]
    filled = (text.replace("nama-pengguna-github", "ani-keripik").replace("0812-3456-7890", "0813-9876-5432")
              .replace("Produk Pertama", "Keripik Tempe").replace("Ceritakan produk Anda", "Tempe pilihan"))
    (project / "exhibitors/tenun-ikat-troso/exhibitor.yml").write_text(filled, encoding="utf-8")
    write_photo(project / "exhibitors/tenun-ikat-troso/produk-1.jpg")
    check = invoke(project, "validate", "--strict", "exhibitors/tenun-ikat-troso")
    assert check.returncode == 0, check.stderr


def test_new_exhibitor_offers_the_expos_own_editions(tmp_path):
    editions = ('EXPO_EDITIONS = [{"key": "uvo-1", "name": "UVO I", "start_date": "2020-11-02", "end_date": '
                '"2020-11-30"}, {"key": "uvo-2", "name": "UVO II", "start_date": "2021-11-01", '
                '"end_date": "2021-11-30"}]\n')
    root = make_project(tmp_path / "p", extra_settings=editions)
    shutil.copy(REPO / "tasks.py", root / "tasks.py")
    result = invoke(root, "new-exhibitor", "toko-baru")
    assert result.returncode == 0, result.stderr
    text = (root / "exhibitors/toko-baru/exhibitor.yml").read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines() if "editions" in line]
    assert line == "# editions: [uvo-2]              # edisi expo yang Anda ikuti, pilih dari: uvo-1, uvo-2"
    # uncommented, the example is a valid editions field of this expo
    (root / "exhibitors/toko-baru/exhibitor.yml").write_text(text.replace(line, line[2:]), encoding="utf-8")
    check = invoke(root, "validate", "exhibitors/toko-baru")
    assert "editions" not in check.stderr and "toko-baru/exhibitor.yml" in check.stderr


@pytest.mark.parametrize("slug, message", [
    ("Batik Sari", "tidak bisa dipakai sebagai nama folder"),
    ("batik-sari", "exhibitors/batik-sari/ sudah ada"),
])
def test_new_exhibitor_refuses_bad_or_existing_names(project, slug, message):
    result = invoke(project, "new-exhibitor", slug)
    assert result.returncode == 1 and message in result.stderr
    assert_no_traceback(result)


def test_clean_removes_output_and_optionally_the_cache(project):
    assert invoke(project, "build").returncode == 0
    assert (project / ".cache/images").is_dir()
    assert invoke(project, "clean").returncode == 0
    assert not (project / "output").exists() and (project / ".cache/images").is_dir()
    assert invoke(project, "clean", "--cache").returncode == 0
    assert not (project / ".cache").exists()


def test_clean_stale_prunes_the_cache_and_leaves_output_alone(project):
    """A running `invoke serve` answers from output/: pruning the cache must not take it away."""
    assert invoke(project, "build").returncode == 0
    site = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    stale_entry = project / ".cache/images/zz/stale-entry"
    stale_entry.mkdir(parents=True)
    (stale_entry / "meta.json").write_text("{}", encoding="utf-8")
    result = invoke(project, "clean", "--stale")
    assert result.returncode == 0, result.stderr
    assert "Cache foto: 1 entri lama dihapus" in result.stderr
    assert not stale_entry.exists()
    assert {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()} == site
    both = invoke(project, "clean", "--stale", "--cache")
    assert both.returncode == 1 and "Pakai --stale atau --cache, tidak keduanya" in both.stderr
    assert (project / "output/index.html").is_file() and (project / ".cache/images").is_dir()


@pytest.mark.parametrize("folder", [".", "..", "exhibitors/..", "exhibitors/.hidden"])
def test_validate_refuses_a_folder_that_is_not_a_booth(project, folder):
    write_exhibitor(project, "batik-sari", GOOD_YML.replace("category: batik", "category: bati"))
    result = invoke(project, "validate", folder)
    assert result.returncode == 1 and "tidak ditemukan" in result.stderr


@pytest.mark.parametrize("setting, indonesian, english", [
    ('EXPO_CATEGORYS = {"batik": "Batik"}', "pengaturan EXPO_CATEGORYS tidak dikenal",
     "(unknown setting EXPO_CATEGORYS). Maksud Anda EXPO_CATEGORIES? (Did you mean EXPO_CATEGORIES?)"),
    ('EXPO_BOOTH_URL = "booth/{nama}/"', "EXPO_BOOTH_URL memakai {nama}; yang boleh: {slug}",
     "(EXPO_BOOTH_URL uses {nama}; it may use {slug})."),
    ('EXPO_WHATSAPP_MESSAGE = "Halo {booth, saya mau {product}"',
     "EXPO_WHATSAPP_MESSAGE: tanda { } tidak berpasangan", "(unbalanced braces: unexpected '{' in field name)."),
    ('EXPO_FEATURED = "batik-sari"', "EXPO_FEATURED harus daftar teks, mis. [\"a\", \"b\"], bukan 'batik-sari'",
     '(EXPO_FEATURED must be a list of text, e.g. ["a", "b"], not \'batik-sari\').'),
    ('EXPO_DIRECTORY_PER_PAGE = "24"', "EXPO_DIRECTORY_PER_PAGE harus bilangan bulat, bukan '24'",
     "(EXPO_DIRECTORY_PER_PAGE must be a whole number, not '24')."),
    ('EXPO_CATEGORIES = {"Kuliner Enak": "Kuliner"}',
     'EXPO_CATEGORIES: key "Kuliner Enak" hanya boleh huruf kecil, angka dan tanda hubung',
     '(EXPO_CATEGORIES key "Kuliner Enak" must be lowercase letters, digits and hyphens'),
])
def test_a_settings_mistake_is_one_clear_line(project, setting, indonesian, english):
    """Indonesian first, English after it, and the file's line of the setting."""
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write("\n" + setting + "\n")
    line = (project / "pelicanconf.py").read_text(encoding="utf-8").splitlines().index(setting) + 1
    result = invoke(project, "build")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert result.stderr.startswith(f"pelicanconf.py:{line}: {indonesian}")
    assert english in result.stderr and result.stderr.count("\n") == 1


def test_a_settings_file_that_is_not_python_names_its_line(project):
    with open(project / "pelicanconf.py", "a", encoding="utf-8") as settings:
        settings.write('\nEXPO_NAME = "Expo\n')
    line = len((project / "pelicanconf.py").read_text(encoding="utf-8").splitlines())
    result = invoke(project, "build")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert result.stderr.startswith(f"pelicanconf.py:{line}: baris ini bukan kode Python yang sah")
    assert "(invalid Python on this line: " in result.stderr


def test_serve_on_a_busy_port_says_so(project):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = invoke(project, "serve", "--port", str(port))
    assert result.returncode == 1
    assert_no_traceback(result)
    assert f"Port {port} tidak bisa dipakai" in result.stderr


def test_every_settings_mistake_at_once_named_with_the_file_given(project):
    (project / "expo2027.py").write_text(
        (project / "pelicanconf.py").read_text(encoding="utf-8")
        + '\nEXPO_CATEGORYS = {}\nEXPO_FEATURED = "x"\nEXPO_LANGUAGES = ["fr"]\n', encoding="utf-8")
    last = len((project / "expo2027.py").read_text(encoding="utf-8").splitlines())
    for command in (["build"], ["validate"], ["schema", "--check"], ["new-exhibitor", "toko-baru"]):
        result = invoke(project, *command, "--settings", "expo2027.py")
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and [line.split(" ", 1)[0] for line in lines] == [
            f"expo2027.py:{last - 2}:", f"expo2027.py:{last - 1}:", f"expo2027.py:{last}:"], command
        assert "tidak dikenal (unknown setting EXPO_CATEGORYS)" in lines[0]
        assert "harus daftar teks" in lines[1] and "(EXPO_FEATURED must be a list of text" in lines[1]
        assert lines[2].startswith(f'expo2027.py:{last}: EXPO_LANGUAGES harus berisi "id" dan/atau "en"')
    assert not (project / "exhibitors" / "toko-baru").exists()


def test_commands_read_the_settings_file_they_are_given(project):
    (project / "booths").mkdir()
    shutil.move(project / "exhibitors" / "batik-sari", project / "booths" / "batik-sari")
    (project / "other.py").write_text((project / "pelicanconf.py").read_text(encoding="utf-8")
                                      + '\nEXPO_EXHIBITORS_PATH = "./booths/"\n', encoding="utf-8")
    checked = invoke(project, "validate", "--strict", "--settings", "other.py")
    assert checked.returncode == 0, checked.stderr
    built = invoke(project, "build", "--settings", "other.py")
    assert built.returncode == 0 and "1 booth" in built.stderr.splitlines()[-1]
    assert invoke(project, "new-exhibitor", "toko-baru", "--settings", "other.py").returncode == 0
    assert (project / "booths" / "toko-baru" / "exhibitor.yml").is_file()
