"""invoke review (the pull request checked with the base's code, read from git as data),
its comment and suggested changes, and invoke fix, on scratch git repositories."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from expo.cli import review_commands
from expo.cli.build import BuildFailed
from expo.pr import comment
from expo.pr.review import review
from expo.pr.suggest import apply_fixes, find_fixes
from expo.pr.tree import DANGLING, copy_folders
from gitkit import commit, git, init_repo, isolated_git, write  # noqa: F401 (isolated_git: autouse)
from sitekit import GOOD_YML, SECOND_YML, make_project, write_photo

PWNED = "pwned-by-the-pull-request"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A real project on `main` (two booths with photos); the branch `pr` is checked out."""
    root = make_project(tmp_path / "site")
    (root / "tasks.py").write_text("# the base's tasks\n", encoding="utf-8")
    init_repo(root)
    commit(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


def on_base(repo: Path) -> Path:
    """Back to main, as the workflow and the organiser run review: the PR is never checked out."""
    git(repo, "checkout", "-q", "main")
    return repo


def test_a_hostile_pull_request_runs_none_of_its_code(repo, capsys):
    marker = repo.parent / PWNED
    attack = f"\nopen({str(marker)!r}, 'w').write('settings ran')\n"
    write(repo, "pelicanconf.py", (repo / "pelicanconf.py").read_text() + attack)
    write(repo, "tasks.py", f"open({str(marker)!r}, 'w').write('tasks ran')\nprint('OK')\n")
    write(repo, "expo/__init__.py", f"open({str(marker)!r}, 'w').write('expo ran')\n")
    write(repo, "expo/cli/commands.py", "def check_pr(*a, **k):\n    return 0\n")
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("Jl. Hayam Wuruk 12", "Jl. Baru 1"))
    commit(repo, "looks harmless")
    root = on_base(repo)
    output = root.parent / "review.json"
    code = review_commands.review(root, base="main", head="pr", author="sari-batik", output=str(output))
    err = capsys.readouterr().err
    assert code == 1
    assert not marker.exists()
    assert "tasks ran" not in (root / "tasks.py").read_text()  # the work tree is still the base
    assert err.startswith("expo/__init__.py\nexpo/cli/commands.py\npelicanconf.py\ntasks.py\n"
                          "  ID: file ini bagian dari situs")
    assert "Folder booth yang diperiksa: batik-sari" in err
    data = json.loads(output.read_text())
    assert data["ok"] is False and data["marker"] == comment.MARKER
    assert data["body"].count(comment.MARKER) == 1
    assert "- `pelicanconf.py`: file ini bagian dari situs" in data["body"]


def test_review_refuses_to_run_from_the_pull_requests_checkout(repo):
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("Jl. Hayam Wuruk 12", "Jl. Baru 1"))
    commit(repo)
    head = git(repo, "rev-parse", "HEAD").strip()
    with pytest.raises(BuildFailed) as failure:
        review_commands.review(repo, base="main", head="pr", author="sari-batik")
    assert str(failure.value).split("\n")[0] == (
        "invoke review harus dijalankan dari checkout cabang dasar (main), supaya yang berjalan "
        "adalah kode dan pengaturan cabang dasar, bukan kode pull request. Sekarang HEAD adalah "
        f"{head[:12]}. Jalankan dulu: git switch --detach main")


def test_an_owner_s_good_change_passes_with_photos_read_from_git(repo, capsys):
    yml = GOOD_YML.replace("      - selendang.jpg\n", "      - selendang-baru.jpg\n")
    write(repo, "exhibitors/batik-sari/exhibitor.yml", yml)
    write_photo(repo / "exhibitors/batik-sari/selendang-baru.jpg", size=(800, 600))
    commit(repo)
    root = on_base(repo)
    result = review(root, "main", "pr", "sari-batik")
    assert result.ok and result.checked == ("batik-sari",) and not result.suggestions
    assert not (root / "exhibitors/batik-sari/selendang-baru.jpg").exists()
    body = comment.comment_body(result)
    assert body.splitlines()[:4] == [comment.MARKER, "### Hasil pemeriksaan otomatis", "",
                                     "✅ Semua pemeriksaan lolos. Panitia akan meninjau pull request ini."]
    assert review_commands.review(root, base="main", head="pr", author="sari-batik") == 0
    assert "OK: 2 perubahan" in capsys.readouterr().err


def test_a_passing_comment_names_the_booth_owner_page(repo, tmp_path):
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("Jl. Hayam Wuruk 12", "Jl. Baru 1"))
    commit(repo)
    output = tmp_path / "review.json"
    assert review_commands.review(on_base(repo), base="main", head="pr", author="sari-batik", output=str(output)) == 0
    body = json.loads(output.read_text())["body"]
    assert ("Setelah digabung dan situs diterbitkan, halaman pemilik booth (tautan untuk dibagikan, kode QR, "
            "poster, file katalog WhatsApp Business) ada di alamat situs expo ditambah: `pemilik/batik-sari/`") in body


def test_booth_problems_of_the_pull_request_are_found_with_the_base_settings(repo):
    # the PR's own pelicanconf.py would allow the category: the base's does not
    write(repo, "pelicanconf.py", (repo / "pelicanconf.py").read_text() + '\nEXPO_CATEGORIES = {"jamu": "Jamu"}\n')
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("category: batik", "category: jamu"))
    commit(repo)
    result = review(on_base(repo), "main", "pr", "sari-batik")
    assert [(p.path, p.field, p.key) for p in result.problems if p.is_error] == [
        ("exhibitors/batik-sari/exhibitor.yml", "category", "category_unknown")]
    assert [v.path for v in result.violations] == ["pelicanconf.py"]


BROKEN = GOOD_YML.replace('instagram: "@batiksari"', "instagram: @batiksari") \
    .replace("    price: 150000\n", "    price: Rp 150.000\n") \
    .replace("      - kain.jpg\n", "      - Kain.JPG\n")


def test_certain_fixes_become_suggested_changes_on_added_lines(repo):
    write(repo, "exhibitors/batik-sari/exhibitor.yml", BROKEN)
    commit(repo)
    result = review(on_base(repo), "main", "pr", "sari-batik")
    assert not result.ok
    fixes = [(s.fix.line, s.fix.new, s.anchored) for s in result.suggestions]
    assert fixes == [(11, ('instagram: "@batiksari"',), True), (25, ("      - kain.jpg",), True),
                     (31, ("    price: 150000",), True)]
    posted = comment.suggestion_comments(result)
    assert [(c["path"], c["line"]) for c in posted] == [("exhibitors/batik-sari/exhibitor.yml", n)
                                                       for n in (11, 25, 31)]
    assert posted[0]["body"].endswith(
        "nilai yang diawali @ harus diberi tanda kutip: `@batiksari`. Ini perbaikan pasti: tekan "
        '**Commit suggestion** untuk menerapkannya.\n\n```suggestion\ninstagram: "@batiksari"\n```')
    assert posted[0]["body"].startswith("<!-- expo-katalog-suggestion ")
    body = comment.comment_body(result)
    # the YAML syntax error at the @ line carries its fix
    assert "- `exhibitors/batik-sari/exhibitor.yml` baris 11: " in body
    assert '  ```yaml\n  instagram: "@batiksari"\n  ```' in body


def test_fixes_on_lines_the_pull_request_did_not_touch_are_shown_not_anchored(repo):
    write(repo, "exhibitors/batik-sari/exhibitor.yml", GOOD_YML.replace("      - kain.jpg\n", "      - Kain.JPG\n"))
    commit(repo, "on main already")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "pr")
    git(repo, "checkout", "-q", "-b", "pr2")
    write(repo, "exhibitors/batik-sari/exhibitor.yml",
          GOOD_YML.replace("      - kain.jpg\n", "      - Kain.JPG\n").replace("Jl. Hayam Wuruk 12", "Jl. Baru"))
    commit(repo)
    result = review(on_base(repo), "main", "pr2", "sari-batik")
    assert [(s.fix.line, s.anchored) for s in result.suggestions] == [(25, False)]
    assert comment.suggestion_comments(result) == []
    assert "  Perbaikan pasti: ganti baris itu dengan:\n  ```yaml\n        - kain.jpg\n  ```" in comment.comment_body(result)


def test_comment_shows_pull_request_text_only_as_inline_code():
    assert comment.code("@admin [x](https://evil.io) <img src=x>") == "`@admin [x](https://evil.io) <img src=x>`"
    assert comment.code("a`b``c") == "```a`b``c```"
    assert comment.code("line\nbreak\u202e") == "`line\\x0abreak\\x202e`"
    assert comment.text("photo_missing_hint", "id", {"value": "<b>", "suggestion": "@x"}).count("`") == 4


def test_symlinks_and_oversized_files_are_copied_as_harmless_stand_ins(repo, tmp_path):
    os.remove(repo / "exhibitors/batik-sari/selendang.jpg")
    os.symlink("/etc/passwd", repo / "exhibitors/batik-sari/selendang.jpg")
    os.remove(repo / "exhibitors/batik-sari/kain.jpg")
    os.symlink("../../pelicanconf.py", repo / "exhibitors/batik-sari/kain.jpg")
    write(repo, "exhibitors/batik-sari/about.md", "x" * (200 * 1024))
    commit(repo)
    head = git(repo, "rev-parse", "HEAD").strip()
    dest = tmp_path / "copy"
    copy_folders(repo, head, ["exhibitors/batik-sari"], dest, {".md": 64 * 1024}, 25 << 20)
    link = dest / "exhibitors/batik-sari/selendang.jpg"
    assert link.is_symlink() and os.readlink(link) == str(dest / DANGLING) and not link.exists()
    about = dest / "exhibitors/batik-sari/about.md"
    assert about.stat().st_size == 200 * 1024 and about.stat().st_blocks * 512 < 64 * 1024  # sparse
    result = review(on_base(repo), "main", "pr", "sari-batik")
    assert not result.ok
    assert {p.params.get("value") for p in result.problems if p.is_error} >= {"kain.jpg", "selendang.jpg"}


# --- invoke fix


def test_fix_applies_the_certain_fixes_and_prints_the_diff(tmp_path, capsys):
    root = make_project(tmp_path / "site", {"batik-sari": BROKEN})
    (root / "exhibitors/batik-sari/kain.jpg").rename(root / "exhibitors/batik-sari/Kain.jpg")
    assert review_commands.fix(root, "exhibitors/batik-sari") == 0
    out, err = capsys.readouterr()
    assert out == (
        "--- a/exhibitors/batik-sari/exhibitor.yml\n"
        "+++ b/exhibitors/batik-sari/exhibitor.yml\n"
        "@@ -8,7 +8,7 @@\n"
        " whatsapp: \"0812-2233-4455\"\n"
        " email: sari@example.com\n"
        " website: https://batiksari.example.com\n"
        "-instagram: @batiksari\n"
        "+instagram: \"@batiksari\"\n"
        " marketplaces:\n"
        "   - https://www.tokopedia.com/batiksari\n"
        "   - https://shopee.co.id/batiksari\n"
        "@@ -22,12 +22,12 @@\n"
        "     price: 850000\n"
        "     price_max: 1200000\n"
        "     photos:\n"
        "-      - Kain.JPG\n"
        "+      - Kain.jpg\n"
        "     description: |\n"
        "       Batik tulis **pewarna alam**, 2 x 1,15 m.\n"
        "     links:\n"
        "       - https://www.tokopedia.com/batiksari/kain-parang\n"
        "   - name: Selendang Sutra\n"
        "-    price: Rp 150.000\n"
        "+    price: 150000\n"
        "     photos:\n"
        "       - selendang.jpg\n")
    assert err == ("3 perbaikan diterapkan ke exhibitors/batik-sari/exhibitor.yml. Periksa perubahannya "
                   "di atas, lalu jalankan invoke validate exhibitors/batik-sari.\n")
    assert (root / "exhibitors/batik-sari/exhibitor.yml").read_text() == \
        GOOD_YML.replace("      - kain.jpg\n", "      - Kain.jpg\n")
    from expo.cli import commands

    assert commands.validate(root, folder="exhibitors/batik-sari") == 0


def test_fix_dry_run_writes_nothing_and_nothing_to_fix_says_so(tmp_path, capsys):
    root = make_project(tmp_path / "site", {"batik-sari": BROKEN.replace("Kain.JPG", "kain.jpg"),
                                            "keripik-bu-sri": SECOND_YML})
    assert review_commands.fix(root, "exhibitors/batik-sari", dry_run=True) == 0
    assert capsys.readouterr().err.endswith(
        "2 perbaikan bisa diterapkan ke exhibitors/batik-sari/exhibitor.yml (belum ditulis: jalankan "
        "tanpa --dry-run).\n")
    assert "@batiksari\n" in (root / "exhibitors/batik-sari/exhibitor.yml").read_text()
    assert review_commands.fix(root, "exhibitors/keripik-bu-sri", lang="en") == 0
    assert capsys.readouterr() == ("", "No certain fix for exhibitors/keripik-bu-sri/exhibitor.yml. Run "
                                       "invoke validate exhibitors/keripik-bu-sri to see any other problems.\n")
    with pytest.raises(BuildFailed, match="tidak ditemukan"):
        review_commands.fix(root, "pelicanconf.py")
    with pytest.raises(BuildFailed, match="tidak ditemukan"):
        review_commands.fix(root, "exhibitors/../../etc")


@pytest.mark.parametrize("line, files, expected", [
    ("    price: Rp 25.000", [], "    price: 25000"),
    ("    price: Rp25.000,-", [], "    price: 25000"),
    ('    price: "25rb"', [], "    price: 25000"),
    ("  - price: 25k", [], "  - price: 25000"),
    ("    price: 25000", [], None),
    ("    price: 25.000 # murah", [], None),  # a comment: not certain what was meant
    ("    price: mahal", [], None),
    ("owners: @ani-keripik", [], 'owners: "@ani-keripik"'),
    ("  - @ani-keripik", [], '  - "@ani-keripik"'),
    ("instagram: @ani keripik", [], None),
    ("logo: Logo.png", ["logo.png"], "logo: logo.png"),
    ("cover: sampul.jpg", ["Sampul.HEIC"], "cover: Sampul.HEIC"),
    ("cover: sampul.jpg", ["sampul.HEIC", "sampul.png"], None),  # two candidates
    ("cover: 'sampul.jpg'", ["Sampul Depan.jpg", "sampul.webp"], 'cover: "sampul.webp"'),
    ("cover: foto.jpg", ["foto 1.jpg"], None),
])
def test_find_fixes_is_certain_or_silent(line, files, expected):
    fixes = find_fixes(line + "\n", files)
    assert (apply_fixes(line + "\n", fixes).rstrip("\n") if fixes else None) == expected


def test_a_price_range_becomes_two_lines_only_without_price_max():
    text = "products:\n  - name: A\n    price: 25.000 - 30.000\n  - name: B\n    price: 25rb-30rb\n    price_max: 40000\n"
    fixed = apply_fixes(text, find_fixes(text, []))
    assert fixed == ("products:\n  - name: A\n    price: 25000\n    price_max: 30000\n  - name: B\n"
                     "    price: 25rb-30rb\n    price_max: 40000\n")


def test_crlf_files_keep_their_line_ends():
    text = "instagram: @sari\r\nname: x\r\n"
    assert apply_fixes(text, find_fixes(text, [])) == 'instagram: "@sari"\r\nname: x\r\n'


def test_second_booth_fixture_is_clean():
    assert find_fixes(SECOND_YML, ["tempe.jpg"]) == []


def test_the_workflow_layout_a_base_worktree_beside_the_pull_request(repo, tmp_path):
    """As pull-request.yml runs it: the PR checked out (as data), the base a worktree of it."""
    marker = tmp_path / PWNED
    write(repo, "tasks.py", f"open({str(marker)!r}, 'w')\n")
    write(repo, "exhibitors/batik-sari/exhibitor.yml", BROKEN)
    commit(repo)
    head = git(repo, "rev-parse", "HEAD").strip()
    base = tmp_path / "base"
    git(repo, "worktree", "add", "--detach", str(base), "main")
    output = tmp_path / "review" / "review.json"
    assert review_commands.review(base, base="main", head=head, author="sari-batik", output=str(output)) == 1
    data = json.loads(output.read_text())
    assert [(s["path"], s["line"]) for s in data["suggestions"]] == [
        ("exhibitors/batik-sari/exhibitor.yml", n) for n in (11, 25, 31)]
    assert "- `tasks.py`: file ini bagian dari situs" in data["body"] and not marker.exists()


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_the_documented_local_review_never_checks_out_the_pull_request(guide):
    from sitekit import REPO

    text = (REPO / guide).read_text(encoding="utf-8")
    assert "git switch pr-" not in text and "git checkout pr-" not in text
    assert "invoke review --base main --head pr-<" in text
    assert "git worktree add ../" in text  # the preview, in a folder of its own, after review


def test_a_long_report_is_cut_with_a_count_of_the_rest():
    from expo.content.errors import ContentError
    from expo.pr.review import Review

    problems = tuple(ContentError("exhibitors/x/exhibitor.yml", n, "name", "yaml_problem_token", {})
                     for n in range(1, 46))
    body = comment.comment_body(Review("main", "ani", (), (), (), ("x",), problems, ()))
    assert body.count("\n- `exhibitors/x/exhibitor.yml` baris ") == comment.MAX_LISTED
    assert "\n... dan 5 hal lagi. Jalankan invoke validate untuk daftar lengkapnya.\n" in body
    assert "\\`" in comment.text("yaml_problem_token", "id")  # our own backticks stay text


def test_check_pr_reads_a_head_commit_without_checking_it_out(repo, capsys):
    from expo.cli import commands

    write(repo, "tasks.py", "print('OK')\n")
    commit(repo)
    root = on_base(repo)
    assert commands.check_pr(root, base="main", author="sari-batik", head="pr") == 1
    assert capsys.readouterr().err.startswith("tasks.py\n  ID: file ini bagian dari situs")


def test_a_pull_request_too_big_to_check_gets_a_comment_saying_so(repo, monkeypatch):
    from expo.pr import tree

    monkeypatch.setattr(tree, "MAX_FILES", 3)
    for n in range(4):
        write(repo, f"exhibitors/batik-sari/foto-{n}.jpg", b"\xff\xd8")
    commit(repo)
    root = on_base(repo)
    output = root.parent / "review.json"
    with pytest.raises(BuildFailed, match="lebih dari 3 file"):
        review_commands.review(root, base="main", head="pr", author="sari-batik", output=str(output))
    data = json.loads(output.read_text())
    assert data["ok"] is False and data["suggestions"] == []
    assert data["body"].startswith(comment.MARKER + "\n### Hasil pemeriksaan otomatis\n\n❌ pull request ini "
                                   "mengubah lebih dari 3 file di folder booth")


def test_review_messages_are_bilingual_and_do_not_clash():
    import string

    from expo.text import messages
    from expo.text.import_messages import IMPORT_MESSAGES
    from expo.text.review_messages import REVIEW_MESSAGES

    import ast

    source = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    literal = next(n.value for n in source.body if isinstance(n, ast.AnnAssign) and n.target.id == "MESSAGES")
    own = {key.value for key in literal.keys}
    assert len(own) > 100 and set(REVIEW_MESSAGES) & (own | set(IMPORT_MESSAGES)) == set()
    for key, (indonesian, english) in REVIEW_MESSAGES.items():
        assert messages.MESSAGES[key] == (indonesian, english)
        fields = [{f for _t, f, _s, _c in string.Formatter().parse(t) if f} for t in (indonesian, english)]
        assert indonesian and english and fields[0] == fields[1], key


def test_adversarial_lines_are_read_in_linear_time():
    # Each would take hours with a pattern that rescans the spaces once per character.
    spaces = " " * 200_000
    assert find_fixes(f"price: 1{spaces}2\ninstagram: @a{spaces}b\nlogo: a{spaces}.jpg\n", ["a.jpg"]) == []
    many = "products:\n" + "  - name: A\n    price: 25.000 - 30.000\n" * 5000
    fixes = find_fixes(many, [])
    assert len(fixes) == 5000 and fixes[0].new == ("    price: 25000", "    price_max: 30000")
