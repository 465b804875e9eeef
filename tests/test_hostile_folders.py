"""What a booth folder may hold (issue 11, item 14) and the unclear messages about files:
symlinked booth files, folders and links named like photos, NFD file names, non-UTF-8 folder
names, folders that differ only in case, the duplicate-name warning in a pull request's check."""

from __future__ import annotations

import io
import os
import shutil
import sys
import unicodedata

import pytest

from expo.cli.build import validate
from test_hostile import Y, problems, project_with
from sitekit import GOOD_YML, make_project, write_exhibitor, write_photo

B = "exhibitors/batik-sari"


# --- item 14: only booth files in a booth folder

@pytest.mark.parametrize("name", ["tasks.py", "setup.py", "index.html", ".DS_Store", "catatan.txt"])
def test_any_other_file_in_a_booth_folder_is_an_error(tmp_path, name):
    root = project_with(tmp_path, GOOD_YML)
    (root / B / name).write_text("print('pwned')\n", encoding="utf-8")
    assert problems(root) == [
        f'{B}/{name}: file "{name}" tidak boleh ada di folder booth: folder booth hanya berisi exhibitor.yml, '
        "about.md, about.en.md dan foto (.jpg .jpeg .png .webp .heic). Hapus file ini dari folder booth"]


def test_a_subfolder_in_a_booth_folder_is_an_error(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    (root / B / "foto").mkdir()
    assert problems(root) == [
        f'{B}/foto: folder "foto" tidak boleh ada di dalam folder booth: foto dan file booth disimpan langsung di '
        "folder booth. Pindahkan foto yang dipakai ke folder booth, lalu hapus folder ini"]


def test_booth_files_and_unused_photos_are_fine(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    for name in ("about.md", "about.en.md"):
        (root / B / name).write_text("Cerita.\n", encoding="utf-8")
    write_photo(root / B / "cadangan.webp")
    assert problems(root) == []


# --- symlinks and folders named like booth files

def test_a_symlinked_about_file_is_reported_as_a_link(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    secret = tmp_path / "secret.md"
    secret.write_text("rahasia\n", encoding="utf-8")
    os.symlink(secret, root / B / "about.md")
    assert problems(root) == [
        f"{B}/about.md: about.md adalah tautan (symlink) ke file lain, jadi tidak dibaca. Ganti dengan file "
        "about.md biasa yang isinya ditulis langsung di folder ini"]


def test_a_folder_named_like_a_photo_is_called_a_folder(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    (root / B / "selendang.jpg").unlink()
    (root / B / "selendang.jpg").mkdir()
    assert problems(root) == [
        f'{Y}:33: products[2].photos[1]: "selendang.jpg" adalah folder, bukan file foto. Tulis nama file fotonya, '
        "dan simpan foto langsung di folder booth",
        f'{B}/selendang.jpg: folder "selendang.jpg" tidak boleh ada di dalam folder booth: foto dan file booth '
        "disimpan langsung di folder booth. Pindahkan foto yang dipakai ke folder booth, lalu hapus folder ini"]


def test_a_link_to_a_photo_in_the_same_folder_is_called_a_link(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    (root / B / "selendang.jpg").unlink()
    os.symlink("kain.jpg", root / B / "selendang.jpg")
    assert problems(root) == [
        f'{Y}:33: products[2].photos[1]: "selendang.jpg" adalah tautan (symlink), bukan file foto. Ganti dengan '
        "file fotonya sendiri di folder ini"]


# --- file and folder names

def test_a_photo_name_written_in_nfd_is_found_with_a_hint(tmp_path):
    nfc = "kain-batik-café.jpg"
    nfd = unicodedata.normalize("NFD", nfc)
    root = project_with(tmp_path, GOOD_YML.replace("- kain.jpg", f"- {nfc}"))
    shutil.move(root / B / "kain.jpg", root / B / nfd)
    assert problems(root) == [
        f'{Y}:25: products[1].photos[1]: peringatan: nama file "{nfc}" tersimpan dengan huruf beraksen dalam '
        "bentuk Unicode lain (NFD, biasanya dari Mac) dan tetap dipakai. Supaya aman di semua komputer, ganti "
        "nama filenya dengan mengetik ulang namanya"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes")
def test_a_non_utf8_folder_name_is_a_message_without_warnings(tmp_path, capfd):
    root = make_project(tmp_path / "p", {})
    folder = os.fsencode(root / "exhibitors") + b"/batik-\xff"
    os.makedirs(folder)
    with open(folder + b"/exhibitor.yml", "w", encoding="utf-8") as f:
        f.write(GOOD_YML)
    out = io.StringIO()
    validate(root, out=out, photos=False)
    assert ('  exhibitors/batik-\\xff: nama folder "batik-\\xff" tidak bisa dipakai sebagai alamat booth. Ganti '
            'nama folder dengan huruf kecil, angka dan tanda hubung saja, misalnya "batik"') in out.getvalue().splitlines()
    assert "Warning" not in capfd.readouterr().err


# --- folders that differ only in case

def test_a_folder_differing_only_in_case_is_a_collision_not_a_rename_hint(tmp_path):
    root = project_with(tmp_path, GOOD_YML)
    write_exhibitor(root, "Batik-Sari", GOOD_YML.replace("name: Batik Sari", "name: Batik Sari Asli"))
    assert problems(root) == [
        'exhibitors/Batik-Sari: folder "Batik-Sari" hanya berbeda huruf besar/kecil dengan folder booth '
        '"batik-sari" yang sudah ada; di Windows dan macOS keduanya folder yang sama. Kalau ini booth Anda, '
        'ubah file di folder batik-sari; kalau booth baru, pakai nama lain, misalnya "batik-sari-2"']


# --- check-pr on real git history (fixtures of test_ownership)

from test_ownership import check, commit, isolated_git, repo, write  # noqa: E402,F401


def test_check_pr_refuses_a_new_folder_differing_only_in_case(repo, capsys):
    write(repo, "exhibitors/Batik-Sari/exhibitor.yml", GOOD_YML.replace("sari-batik", "penyerang"))
    commit(repo)
    code, err = check(repo, "penyerang", capsys)
    assert code == 1
    assert ("exhibitors/Batik-Sari/exhibitor.yml\n  ID: folder baru exhibitors/Batik-Sari/ hanya berbeda huruf "
            "besar/kecil dengan booth exhibitors/batik-sari/ yang sudah ada; di Windows dan macOS keduanya folder "
            "yang sama. Kalau ini booth Anda, ubah file di exhibitors/batik-sari/; kalau booth baru, pakai nama "
            "folder lain dengan huruf kecil") in err


def test_check_pr_calls_a_symlinked_exhibitor_yml_a_link(repo, capsys):
    os.makedirs(repo / "exhibitors/tenun-ikat")
    os.symlink("../batik-sari/exhibitor.yml", repo / "exhibitors/tenun-ikat/exhibitor.yml")
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert ("exhibitors/tenun-ikat/exhibitor.yml\n  ID: folder baru exhibitors/tenun-ikat/: exhibitor.yml adalah "
            "tautan (symlink), jadi owners-nya tidak dibaca. Ganti dengan file exhibitor.yml biasa yang isinya "
            "ditulis langsung di folder itu") in err


# --- the duplicate-name warning in a pull request's own check

def test_validate_of_one_booth_warns_about_a_name_another_booth_uses(tmp_path):
    root = make_project(tmp_path / "p", {"batik-sari": GOOD_YML,
                                         "batik-sari-asli": GOOD_YML.replace("sari-batik", "penyerang")})
    out = io.StringIO()
    assert validate(root, folder="exhibitors/batik-sari-asli", out=out, photos=False) == 0
    assert ('  exhibitors/batik-sari-asli/exhibitor.yml: name: peringatan: booth "batik-sari" memakai nama yang '
            "sama. Pengunjung akan sulit membedakan; tambahkan nama kota atau ciri khas pada nama usaha"
            ) in out.getvalue().splitlines()


# --- the same in invoke review, the pull request's check on the base's code

def test_review_warns_about_a_name_another_booth_uses_and_refuses_a_case_twin(tmp_path):
    from expo.pr.review import review
    from gitkit import commit as git_commit, git, init_repo

    root = make_project(tmp_path / "site")  # batik-sari and keripik-bu-sri on main
    init_repo(root)
    git_commit(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    write_exhibitor(root, "batik-sari-asli", GOOD_YML.replace("sari-batik", "penyerang"))
    write_exhibitor(root, "Keripik-Bu-Sri", GOOD_YML.replace("sari-batik", "penyerang").replace("Batik Sari", "Lain"))
    git_commit(root, "two new booths")
    git(root, "checkout", "-q", "main")
    result = review(root, "main", "pr", "penyerang")
    assert ("exhibitors/batik-sari-asli/exhibitor.yml", "booth_duplicate_name", {"other": "batik-sari"}) in \
        [(p.path, p.key, dict(p.params)) for p in result.problems]
    assert ("exhibitors/Keripik-Bu-Sri/exhibitor.yml", "pr_folder_case_collision") in \
        [(v.path, v.key) for v in result.violations]
    assert ("exhibitors/Keripik-Bu-Sri", "folder_case_collision") in [(p.path, p.key) for p in result.problems]
