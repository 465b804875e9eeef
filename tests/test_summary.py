"""The build's progress (on a terminal only) and its one-line summary, and the warning when
output/ holds more files, or more megabytes, than a host takes (EXPO_MAX_FILES,
EXPO_MAX_SIZE_MB)."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expo.cli.build import BuildResult
from expo.cli.summary import file_limit_warning, number, size_limit_warning, size_text, summary_line, tree_size
from sitekit import REPO, make_project

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
SECONDS = re.compile(r"\d+[,.]\d (detik|seconds)$")
SIZE = re.compile(r"\(\d+[,.]\d MB\)")


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    env.pop("EXPO_SITEURL", None)
    return env


def invoke(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=root, capture_output=True, text=True,
                          timeout=600, env=_env())


def invoke_on_terminal(root: Path, *args: str) -> tuple[int, str]:
    """Run invoke with a pseudo-terminal as stdin, stdout and stderr: what an organiser sees."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the terminal is its stdin, stdout and stderr
        os.chdir(root)
        env = dict(_env(), TERM="xterm", COLUMNS="100")
        os.execve(sys.executable, [sys.executable, "-m", "invoke", *args], env)
    seen = bytearray()
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        seen.extend(data)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def masked(line: str) -> str:
    return SIZE.sub("(<MB>)", SECONDS.sub(r"<s> \1", line))


# --- the line itself

def _result(**values) -> BuildResult:
    figures = dict(booths=152, products=2736, photos_processed=12, photos_reused=2724, output_files=18402,
                   output_bytes=412_345_678, seconds=12.44)
    figures.update(values)
    from collections import Counter

    return BuildResult(Path("output"), [object()] * 3, files=Counter(page=6196), **figures)


def test_the_summary_writes_numbers_the_language_s_way():
    assert summary_line(_result(), "id") == (
        "Selesai: 152 booth, 2.736 produk, 6.196 halaman, 12 foto diproses, 2.724 dipakai ulang, "
        "3 peringatan, 18.402 berkas (412,3 MB), 12,4 detik")
    assert summary_line(_result(), "en") == (
        "Done: 152 booths, 2,736 products, 6,196 pages, 12 photos processed, 2,724 reused, 3 warnings, "
        "18,402 files (412.3 MB), 12.4 seconds")
    one = _result(booths=1, products=1, photos_processed=1, output_files=1, output_bytes=2_500_000_000)
    assert summary_line(one, "en").startswith("Done: 1 booth, 1 product, 6,196 pages, 1 photo processed, ")
    assert "1 file (2.5 GB)" in summary_line(one, "en") and "1 berkas (2,5 GB)" in summary_line(one, "id")
    assert (number(1234567.25, "id", 2), number(1234567.25, "en", 2)) == ("1.234.567,25", "1,234,567.25")
    assert size_text(0, "id") == "0,0 MB"


def test_the_file_limit_warns_only_above_it():
    assert file_limit_warning(_result(output_files=20000), 20000, "id") is None
    assert file_limit_warning(_result(output_files=20001), 0, "id") is None  # 0: no limit
    assert file_limit_warning(_result(output_files=20001), 20000, "en").startswith(
        "Warning: output/ holds 20,001 files, more than the limit of 20,000 (EXPO_MAX_FILES).")


def test_the_size_limit_warns_only_above_it():
    assert size_limit_warning(_result(output_bytes=1_000_000_000), 1000, "id") is None
    assert size_limit_warning(_result(output_bytes=1_000_000_001), 0, "id") is None  # 0: no limit
    assert size_limit_warning(_result(output_bytes=2_500_000_000), 1000, "en").startswith(
        "Warning: output/ is 2.5 GB, more than the limit of 1,000 MB (EXPO_MAX_SIZE_MB). "
        "GitHub Pages publishes a site of at most 1 GB.")
    assert size_limit_warning(_result(output_bytes=2_500_000_000), 1000, "id").startswith(
        "Peringatan: output/ berukuran 2,5 GB, lebih dari batas 1.000 MB (EXPO_MAX_SIZE_MB).")


def test_the_file_count_is_of_the_folder_as_a_host_counts_it(tmp_path):
    (tmp_path / "a/b").mkdir(parents=True)
    (tmp_path / "a/b/x.txt").write_bytes(b"12345")
    (tmp_path / "y.txt").write_bytes(b"1")
    os.link(tmp_path / "y.txt", tmp_path / "a/z.txt")  # hard links (photos) count as two files
    assert tree_size(tmp_path) == (3, 7)


# --- the demo, built as an organiser builds it

@pytest.fixture(scope="module")
def demo_builds(tmp_path_factory) -> dict:
    """The demo built three times: cold on a terminal, then warm with output piped (as in CI),
    in Indonesian and in English."""
    root = tmp_path_factory.mktemp("summary") / "demo"
    root.mkdir()
    for name in ("content", "exhibitors", "theme"):
        shutil.copytree(REPO / name, root / name)
    for name in ("pelicanconf.py", "tasks.py"):
        shutil.copy(REPO / name, root / name)
    code, terminal = invoke_on_terminal(root, "build")
    assert code == 0, terminal
    piped = invoke(root, "build")
    english = invoke(root, "build", "--lang", "en")
    assert piped.returncode == english.returncode == 0, piped.stderr + english.stderr
    return {"root": root, "terminal": terminal, "piped": piped, "english": english}


def test_a_build_ends_with_one_line_of_figures(demo_builds):
    files, size = tree_size(demo_builds["root"] / "output")
    piped = demo_builds["piped"]
    assert piped.stdout == ""
    [line] = piped.stderr.splitlines()  # no progress, no chatter: the summary alone
    assert masked(line) == (
        "Selesai: 10 booth, 35 produk, 192 halaman, 0 foto diproses, 60 dipakai ulang, 0 peringatan, "
        "715 berkas (<MB>), <s> detik")
    assert files == 715  # counted on disk: the search index is one planned file but many files
    assert f"({size_text(size, 'id')})" in line
    [english] = demo_builds["english"].stderr.splitlines()
    assert masked(english) == (
        "Done: 10 booths, 35 products, 192 pages, 0 photos processed, 60 reused, 0 warnings, "
        "715 files (<MB>), <s> seconds")


def test_progress_shows_on_a_terminal_only(demo_builds):
    terminal = demo_builds["terminal"]
    shown = ANSI.sub("", terminal)
    assert re.search(r"Foto\b.*\b\d+/60\b", shown)  # the photos, n of N
    assert re.search(r"Halaman\b.*\b192/192\b", shown)  # the pages, up to the last
    assert "\r" in terminal  # redrawn in place, one updating line
    last = shown.strip().splitlines()[-1].strip()
    assert masked(last) == ("Selesai: 10 booth, 35 produk, 192 halaman, 60 foto diproses, 0 dipakai ulang, "
                            "0 peringatan, 715 berkas (<MB>), <s> detik")
    for build in ("piped", "english"):
        assert "\r" not in demo_builds[build].stderr and "\x1b" not in demo_builds[build].stderr
        assert "Halaman" not in demo_builds[build].stderr and "Pages" not in demo_builds[build].stderr


# --- EXPO_MAX_FILES

def test_a_build_over_the_file_limit_says_what_to_do(tmp_path):
    root = make_project(tmp_path / "p", extra_settings="EXPO_MAX_FILES = 50\n")
    shutil.copy(REPO / "tasks.py", root / "tasks.py")
    result = invoke(root, "build")
    assert result.returncode == 0, result.stderr  # a warning: the site is built
    warning, summary = result.stderr.strip().splitlines()[-2:]
    files = tree_size(root / "output")[0]
    assert warning == (
        f"Peringatan: output/ berisi {files} berkas, lebih dari batas 50 (EXPO_MAX_FILES). Cloudflare "
        "Pages menerima paling banyak 20.000 berkas per situs. Kurangi berkas foto: lebih sedikit lebar "
        "(EXPO_IMAGE_WIDTHS, misalnya [400, 800]) atau tanpa format tambahan (EXPO_IMAGE_FORMATS = []: "
        "JPEG saja), atau terbitkan di hosting tanpa batas ini (GitHub Pages sampai 1 GB, server sendiri "
        "dengan invoke publish --rsync). EXPO_MAX_FILES = 0 mematikan peringatan ini.")
    assert summary.startswith("Selesai: ") and f" {files} berkas " in summary


@pytest.mark.parametrize("setting, mistake", [
    ("EXPO_MAX_FILES = -1", "EXPO_MAX_FILES harus 0 (tanpa batas) atau lebih, mis. 20000 untuk Cloudflare Pages "
                            "(EXPO_MAX_FILES must be 0, no limit, or more, e.g. 20000 for Cloudflare Pages)."),
    ("EXPO_MAX_SIZE_MB = -5", "EXPO_MAX_SIZE_MB harus 0 (tanpa batas) atau lebih, mis. 1000 untuk GitHub Pages "
                              "(EXPO_MAX_SIZE_MB must be 0, no limit, or more, e.g. 1000 for GitHub Pages)."),
])
def test_a_negative_limit_is_a_settings_mistake(tmp_path, setting, mistake):
    root = make_project(tmp_path / "p", extra_settings=setting + "\n")
    shutil.copy(REPO / "tasks.py", root / "tasks.py")
    result = invoke(root, "build")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = (root / "pelicanconf.py").read_text(encoding="utf-8").splitlines().index(setting) + 1
    assert result.stderr.strip() == f"pelicanconf.py:{line}: {mistake}"


# --- EXPO_MAX_SIZE_MB

def test_a_build_over_the_size_limit_says_what_to_do(tmp_path, capsys):
    """The setting reaches the build's result, and the summary warns before its last line (a
    site over a real limit takes a gigabyte to build: its result is made up here)."""
    from dataclasses import replace

    from expo.cli.build import build
    from expo.cli.commands import print_summary

    root = make_project(tmp_path / "p", extra_settings="EXPO_MAX_SIZE_MB = 7\n")
    result = build(root)
    assert result.max_size_mb == 7 and result.output_bytes < 7_000_000
    print_summary(result, root)
    assert capsys.readouterr().err.strip().startswith("Selesai: ")  # under the limit: no warning
    print_summary(replace(result, output_bytes=7_500_000), root)
    warning, summary = capsys.readouterr().err.strip().splitlines()
    assert warning == (
        "Peringatan: output/ berukuran 7,5 MB, lebih dari batas 7 MB (EXPO_MAX_SIZE_MB). GitHub Pages "
        "menerbitkan situs paling besar 1 GB. Foto adalah sebagian besar ukurannya: kurangi lebar "
        "(EXPO_IMAGE_WIDTHS, misalnya [400, 800]) atau format tambahan (EXPO_IMAGE_FORMATS = []: JPEG "
        "saja), atau terbitkan di server sendiri (invoke publish --rsync). EXPO_MAX_SIZE_MB = 0 "
        "mematikan peringatan ini.")
    assert summary.startswith("Selesai: ") and "(7,5 MB)" in summary

