"""invoke check-pr, validate --changed-since and codeowners on scratch git repositories."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from invoke.exceptions import Exit

from expo.cli import commands
from expo.cli.build import BuildFailed
from expo.pr.codeowners import render_codeowners
from expo.pr.literalsettings import literal_setting
from expo.pr.ownership import Change, decide, owners_from_yaml
from gitkit import commit, git, init_repo, isolated_git, write  # noqa: F401 (isolated_git: autouse)
from sitekit import GOOD_YML, SECOND_YML, make_project

SETTINGS = 'SITENAME = "Expo uji"\nEXPO_ORGANISERS = ["Panitia-Expo"]\n'


@pytest.fixture
def repo(tmp_path) -> Path:
    """main: two booths, settings and a theme file; HEAD: a branch `pr` off main."""
    root = tmp_path / "expo"
    root.mkdir()
    init_repo(root)
    write(root, "pelicanconf.py", SETTINGS)
    write(root, "theme/templates/base.html", "<html></html>\n")
    write(root, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML)  # owners: sari-batik
    write(root, "exhibitors/batik-sari/kain.jpg", b"\xff\xd8kain")
    write(root, "exhibitors/keripik-bu-sri/exhibitor.yml", SECOND_YML)  # owners: [bu-sri]
    write(root, "exhibitors/keripik-bu-sri/tempe.jpg", b"\xff\xd8tempe")
    commit(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def check(repo: Path, author: str, capsys, base: str = "main") -> tuple[int, str]:
    code = commands.check_pr(repo, base=base, author=author)
    return code, capsys.readouterr().err


# --- the rules, on real git history


def test_own_edit_passes(repo, capsys):
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("Jl. Hayam Wuruk 12", "Jl. Baru 1"))
    write(repo, "exhibitors/batik-sari/selendang.jpg", b"\xff\xd8new")
    commit(repo)
    assert check(repo, "sari-batik", capsys) == (
        0, "OK: 2 perubahan, semuanya di folder milik @sari-batik "
           "(2 change(s), all in folders @sari-batik owns)\n")


def test_foreign_edit_fails_naming_the_path(repo, capsys):
    write(repo, "exhibitors/keripik-bu-sri/exhibitor.yml", SECOND_YML.replace("15000", "1"))
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert err == (
        "exhibitors/keripik-bu-sri/exhibitor.yml\n"
        "  ID: folder exhibitors/keripik-bu-sri/ milik @bu-sri, dan @sari-batik tidak tercantum di "
        "owners-nya. Batalkan perubahan ini dan ubah hanya folder Anda sendiri; kalau folder ini "
        "perlu diubah, minta pemiliknya atau panitia\n"
        "  EN: the folder exhibitors/keripik-bu-sri/ belongs to @bu-sri, and @sari-batik is not one "
        "of its owners. Undo this change and only change your own folder; if this folder needs a "
        "change, ask its owners or an organiser\n"
        "\n"
        "1 file diubah di luar folder milik @sari-batik. Perbaiki pull request ini seperti di atas, "
        "atau minta panitia memeriksanya.\n"
        "1 file(s) changed outside the folders @sari-batik owns. Fix this pull request as described "
        "above, or ask an organiser to review it.\n"
        "Panitia (organisers): @Panitia-Expo\n"
    )


def test_foreign_delete_fails(repo, capsys):
    git(repo, "rm", "-q", "exhibitors/keripik-bu-sri/tempe.jpg")
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert "exhibitors/keripik-bu-sri/tempe.jpg\n  ID: file ini dihapus atau dipindahkan" in err


def test_site_files_fail(repo, capsys):
    write(repo, "pelicanconf.py", SETTINGS + 'EXPO_NAME = "Expo Sari"\n')
    write(repo, "theme/templates/base.html", "<html>hacked</html>\n")
    write(repo, ".github/workflows/evil.yml", "on: push\n")
    write(repo, "exhibitors/README.md", "not a booth\n")
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert err.startswith(
        ".github/workflows/evil.yml\n"
        "exhibitors/README.md\n"
        "pelicanconf.py\n"
        "theme/templates/base.html\n"
        "  ID: file ini bagian dari situs, bukan folder booth, jadi hanya panitia yang boleh "
        "mengubahnya. Batalkan perubahan pada file ini dan ubah hanya exhibitors/<folder-anda>/; "
        "kalau perubahan ini memang perlu, minta panitia\n"
        "  EN: this file is part of the site, not a booth folder, so only organisers may change "
        "it. Undo the change to this file and only change exhibitors/<your-folder>/; if the change "
        "is really needed, ask an organiser\n\n")
    assert "4 file diubah di luar folder milik @sari-batik" in err


def test_new_own_folder_passes(repo, capsys):
    write(repo, "exhibitors/tenun-ikat/exhibitor.yml", SECOND_YML.replace("bu-sri", "sari-batik"))
    write(repo, "exhibitors/tenun-ikat/tempe.jpg", b"\xff\xd8")
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 0 and err.startswith("OK: 2 perubahan")


def test_new_folder_without_the_author_in_owners_fails(repo, capsys):
    write(repo, "exhibitors/tenun-ikat/exhibitor.yml", SECOND_YML)  # owners: [bu-sri]
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert ('exhibitors/tenun-ikat/exhibitor.yml\n  ID: folder baru exhibitors/tenun-ikat/: owners '
            'di exhibitor.yml tidak memuat @sari-batik. Tambahkan baris   - "sari-batik"  di bawah '
            '"owners:" (dengan tanda kutip) dan pastikan file itu bisa dibaca (invoke validate '
            'exhibitors/tenun-ikat/)\n  EN: new folder exhibitors/tenun-ikat/: the owners in exhibitor.yml '
            'do not include @sari-batik. Add a line   - "sari-batik"  under "owners:" (with the quotes)') in err
    # the advice, pasted under owners:, is YAML that gives the author the folder
    advised = "owners:\n" + err.split("Tambahkan baris ")[1].split("  di bawah")[0] + "\n"
    assert yaml.safe_load(advised) == {"owners": ["sari-batik"]}


def test_new_folder_with_broken_yaml_fails(repo, capsys):
    write(repo, "exhibitors/tenun-ikat/exhibitor.yml", "owners: [sari-batik\nname: x\n")
    commit(repo)
    assert check(repo, "sari-batik", capsys)[0] == 1


def test_organiser_may_change_anything(repo, capsys):
    write(repo, "pelicanconf.py", SETTINGS + 'EXPO_NAME = "Expo 2027"\n')
    write(repo, "exhibitors/keripik-bu-sri/exhibitor.yml", SECOND_YML.replace("15000", "16000"))
    git(repo, "rm", "-q", "-r", "exhibitors/batik-sari")
    commit(repo)
    code, err = check(repo, "@panitia-EXPO", capsys)
    assert (code, err) == (0, "OK: @panitia-EXPO adalah panitia dan boleh mengubah semua file "
                              "(4 perubahan) (@panitia-EXPO is an organiser and may change any file)\n")


def test_owner_adds_a_co_owner_who_may_then_edit(repo, capsys):
    write(repo, "exhibitors/batik-sari/exhibitor.yml",
          GOOD_YML.replace("  - sari-batik\n", "  - sari-batik\n  - teman-sari\n"))
    commit(repo, "add co-owner")
    assert check(repo, "sari-batik", capsys)[0] == 0
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "pr")
    git(repo, "checkout", "-q", "-b", "pr2")
    write(repo, "exhibitors/batik-sari/kain.jpg", b"\xff\xd8better")
    commit(repo)
    assert check(repo, "teman-sari", capsys)[0] == 0


def test_adding_yourself_to_a_foreign_folder_does_not_count_in_the_same_pr(repo, capsys):
    write(repo, "exhibitors/keripik-bu-sri/exhibitor.yml",
          SECOND_YML.replace("owners: [bu-sri]", "owners: [bu-sri, sari-batik]").replace("15000", "1"))
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert ("exhibitors/keripik-bu-sri/exhibitor.yml\n  ID: @sari-batik menambahkan diri ke owners "
            "folder exhibitors/keripik-bu-sri/, padahal pemiliknya sekarang @bu-sri") in err


def test_moving_a_foreign_folder_fails(repo, capsys):
    git(repo, "mv", "exhibitors/keripik-bu-sri", "exhibitors/keripik-sari")
    write(repo, "exhibitors/keripik-sari/exhibitor.yml", SECOND_YML.replace("bu-sri", "sari-batik"))
    commit(repo, "rename")
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert err.startswith("exhibitors/keripik-bu-sri/exhibitor.yml\nexhibitors/keripik-bu-sri/tempe.jpg\n"
                          "  ID: file ini dihapus atau dipindahkan")
    assert "exhibitors/keripik-sari/" not in err  # the new folder itself is theirs
    assert "2 file diubah" in err


def test_logins_compare_case_insensitively_and_without_at(repo, capsys):
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("- sari-batik", '- "@SARI-Batik"'))
    commit(repo)
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "pr")
    git(repo, "checkout", "-q", "-b", "pr2")
    write(repo, "exhibitors/batik-sari/kain.jpg", b"\xff\xd8again")
    commit(repo)
    assert check(repo, "Sari-BATIK", capsys)[0] == 0
    assert check(repo, "@sari-batik", capsys)[0] == 0


def test_a_broken_owners_file_on_base_leaves_the_folder_to_organisers(repo, capsys):
    git(repo, "checkout", "-q", "main")
    write(repo, "exhibitors/batik-sari/exhibitor.yml", "owners: [sari-batik\n")
    commit(repo, "broken on main")
    git(repo, "checkout", "-q", "-B", "pr")
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML)
    commit(repo, "fix")
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1 and "ID: folder exhibitors/batik-sari/ belum punya owners yang terbaca" in err
    assert check(repo, "panitia-expo", capsys)[0] == 0


def test_organisers_come_from_the_base_branch_not_the_pr(repo, capsys):
    write(repo, "pelicanconf.py", SETTINGS.replace('["Panitia-Expo"]', '["Panitia-Expo", "sari-batik"]'))
    write(repo, "exhibitors/keripik-bu-sri/tempe.jpg", b"\xff\xd8mine now")
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert err.startswith("exhibitors/keripik-bu-sri/tempe.jpg\n  ID: folder exhibitors/keripik-bu-sri/ milik")
    assert "\n\npelicanconf.py\n  ID: file ini bagian dari situs" in err


def test_owners_removed_on_base_after_branching_no_longer_count(repo, capsys):
    write(repo, "exhibitors/batik-sari/kain.jpg", b"\xff\xd8late")
    commit(repo)
    git(repo, "checkout", "-q", "main")
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("- sari-batik", "- pemilik-baru"))
    commit(repo, "organiser hands the booth over")
    git(repo, "checkout", "-q", "pr")
    assert check(repo, "sari-batik", capsys)[0] == 1


def test_work_merged_into_base_meanwhile_is_not_blamed_on_the_pr(repo, capsys):
    git(repo, "checkout", "-q", "main")
    write(repo, "theme/templates/base.html", "<html>new look</html>\n")
    commit(repo, "organiser work")
    git(repo, "checkout", "-q", "pr")
    write(repo, "exhibitors/batik-sari/kain.jpg", b"\xff\xd8mine")
    commit(repo)
    assert check(repo, "sari-batik", capsys)[0] == 0


def test_hostile_file_names_are_printed_escaped(repo, capsys):
    write(repo, "exhibitors/keripik-bu-sri/x\n::error::forged.jpg", b"x")
    commit(repo)
    code, err = check(repo, "sari-batik", capsys)
    assert code == 1
    assert "exhibitors/keripik-bu-sri/x\\n::error::forged.jpg\n" in err
    assert "\n::error" not in err


# --- command-line mistakes: a clear message, exit 1, no traceback


@pytest.mark.parametrize("kwargs, expected", [
    ({"author": "sari-batik"}, "--base wajib diisi, misalnya: invoke check-pr --base origin/main "
                               "--author <nama-pengguna>\n--base is required"),
    ({"base": "origin/main", "author": "sari-batik"}, '"origin/main" tidak dikenal di repositori ini.'),
    ({"base": "--output=/tmp/x", "author": "sari-batik"}, '"--output=/tmp/x" tidak dikenal'),
    ({"base": "main"}, '--author "" bukan nama pengguna GitHub.'),
    ({"base": "main", "author": "sari batik"}, '--author "sari batik" bukan nama pengguna GitHub.'),
])
def test_cli_mistakes_exit_1_with_a_message(repo, capsys, kwargs, expected):
    with pytest.raises(Exit) as exc:
        commands.run(commands.check_pr, repo, **kwargs)
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(expected) and "Traceback" not in err


def test_unrelated_history_and_no_repository_are_explained(repo, tmp_path, capsys):
    git(repo, "checkout", "-q", "--orphan", "lonely")
    commit(repo, "unrelated")
    with pytest.raises(BuildFailed, match='"main" dan HEAD tidak punya riwayat bersama'):
        commands.check_pr(repo, base="main", author="sari-batik")
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(BuildFailed, match="bukan puncak sebuah repositori git"):
        commands.check_pr(plain, base="main", author="sari-batik")


def test_a_non_literal_organiser_list_on_base_is_an_error(repo, capsys):
    git(repo, "checkout", "-q", "main")
    write(repo, "pelicanconf.py", 'import os\nEXPO_ORGANISERS = os.environ["X"].split()\n')
    commit(repo)
    git(repo, "checkout", "-q", "-B", "pr")
    with pytest.raises(BuildFailed, match=r"EXPO_ORGANISERS di pelicanconf.py \(main\) harus ditulis"):
        commands.check_pr(repo, base="main", author="sari-batik")


# --- the pure parts


def test_decide_table():
    base = {"a": ("ani",), "b": ("budi",), "c": ()}
    head = {"new": ("Ani",)}
    changes = [Change("M", "exhibitors/a/x.jpg"), Change("M", "exhibitors/b/x.jpg"),
               Change("D", "exhibitors/b/y.jpg"), Change("M", "exhibitors/c/exhibitor.yml"),
               Change("A", "exhibitors/new/exhibitor.yml"), Change("A", "exhibitors/.hidden/f"),
               Change("M", "README.md")]
    found = [(v.path, v.key) for v in decide(changes, base, head, "@ANI", ["boss"])]
    assert found == [
        ("README.md", "pr_site_file"),
        ("exhibitors/.hidden/f", "pr_site_file"),
        ("exhibitors/b/x.jpg", "pr_foreign_edit"),
        ("exhibitors/b/y.jpg", "pr_foreign_delete"),
        ("exhibitors/c/exhibitor.yml", "pr_no_owners"),
    ]
    assert decide(changes, base, head, "Boss", ["@boss"]) == []


def test_owners_are_read_with_the_safe_yaml_reader():
    assert owners_from_yaml("owners:\n  - '@Ani'\n  - budi\n  - ani\n", "x") == ("Ani", "budi")
    assert owners_from_yaml("owners: ani\n", "x") == ("ani",)
    assert owners_from_yaml("a: &x [ani]\nowners: *x\n", "x") == ()  # aliases refused
    assert owners_from_yaml("owners: !!python/object:os.system [ani]\n", "x") == ()
    assert owners_from_yaml("owners: [ani]\nowners: [mallory]\n", "x") == ()  # duplicate key
    assert owners_from_yaml("owners: ['not a login', 'x\\n* @evil']\n", "x") == ()
    assert owners_from_yaml(None, "x") == ()


def test_literal_settings_are_read_without_running_the_file():
    source = 'import os\nEXPO_ORGANISERS = ["a"]\nEXPO_ORGANISERS: list = ["b", "c"]\nos.system("boom")\n'
    assert literal_setting(source, "EXPO_ORGANISERS", ()) == ["b", "c"]
    assert literal_setting(source, "EXPO_MISSING", ()) == ()


# --- invoke validate --changed-since


def test_validate_changed_since_checks_only_changed_booths(tmp_path, capsys):
    root = make_project(tmp_path / "site", {"batik-sari": GOOD_YML,
                                            "keripik-bu-sri": SECOND_YML.replace("kuliner", "kulinerr")})
    init_repo(root)
    commit(root, "base with one broken booth")
    git(root, "checkout", "-q", "-b", "pr")
    write(root, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("Jl. Hayam Wuruk 12", "Jl. Baru"))
    commit(root)
    assert commands.validate(root, changed_since="main") == 0
    err = capsys.readouterr().err
    assert "batik-sari" in err and "keripik-bu-sri/exhibitor.yml" not in err
    write(root, "theme/templates/base.html", (root / "theme/templates/base.html").read_text() + "\n")
    commit(root)
    assert commands.validate(root, changed_since="main") == 1  # a site file changed: check all
    assert "keripik-bu-sri/exhibitor.yml" in capsys.readouterr().err
    with pytest.raises(BuildFailed, match="tidak dikenal"):
        commands.validate(root, changed_since="nope")


# --- invoke codeowners


CODEOWNERS = """\
# Dibuat otomatis oleh `invoke codeowners` dari kolom owners di exhibitors/<folder>/exhibitor.yml.
# Jangan diubah dengan tangan; ubah owners atau EXPO_ORGANISERS, lalu jalankan lagi.
# Generated by `invoke codeowners` from the owners fields; do not edit by hand.
# Baris terakhir yang cocok yang berlaku / the last matching line wins.

* @panitia-expo @Ketua

/exhibitors/batik-sari/ @sari-batik @teman-sari @panitia-expo @Ketua
/exhibitors/keripik-bu-sri/ @bu-sri @panitia-expo @Ketua
/exhibitors/rusak/ @panitia-expo @Ketua
"""


def codeowners_project(root: Path) -> Path:
    write(root, "pelicanconf.py", 'EXPO_ORGANISERS = ["panitia-expo", "@Ketua", "PANITIA-EXPO"]\n')
    write(root, "exhibitors/keripik-bu-sri/exhibitor.yml", SECOND_YML)
    write(root, "exhibitors/batik-sari/exhibitor.yml",
          GOOD_YML.replace("  - sari-batik\n", "  - teman-sari\n  - '@sari-batik'\n  - Panitia-Expo\n"))
    write(root, "exhibitors/rusak/exhibitor.yml", "owners: [mallory\n")
    write(root, "exhibitors/Bad Name/exhibitor.yml", "owners: [mallory]\n")
    write(root, "exhibitors/hostile/exhibitor.yml", 'owners: ["x\\n* @mallory", "a b"]\n')
    return root


def test_codeowners_is_generated_in_a_fixed_order(tmp_path, capsys):
    root = codeowners_project(tmp_path)
    assert commands.codeowners(root) == 0
    text = (root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert text == CODEOWNERS.replace("/exhibitors/keripik-bu-sri/", "/exhibitors/hostile/ @panitia-expo @Ketua\n"
                                                                      "/exhibitors/keripik-bu-sri/")
    assert "mallory" not in text
    assert "Ditulis: .github/CODEOWNERS" in capsys.readouterr().err


def test_codeowners_check(tmp_path, capsys):
    root = codeowners_project(tmp_path)
    with pytest.raises(BuildFailed, match=r"^\.github/CODEOWNERS belum sesuai dengan kolom owners\. "
                                          r"Jalankan: invoke codeowners"):
        commands.codeowners(root, check=True)  # no file yet
    commands.codeowners(root)
    assert commands.codeowners(root, check=True) == 0
    assert capsys.readouterr().err.endswith("OK: .github/CODEOWNERS sudah sesuai (up to date)\n")
    write(root, "exhibitors/tenun/exhibitor.yml", "owners: [penenun]\n")
    with pytest.raises(Exit):
        commands.run(commands.codeowners, root, check=True)


def test_render_codeowners_without_organisers_says_so():
    text = render_codeowners({"a": ["x"]}, [])
    assert "# EXPO_ORGANISERS kosong" in text and text.endswith("\n/exhibitors/a/ @x\n")


def test_repository_codeowners_is_up_to_date(capsys):
    repo = Path(__file__).resolve().parent.parent
    assert commands.codeowners(repo, check=True) == 0
