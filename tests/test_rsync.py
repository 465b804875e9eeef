"""`invoke publish --rsync user@host:/folder`: the target checked before anything is built, rsync
run with an argument list (a fake rsync records it), clear messages when rsync is missing or
fails, and a real rsync (over a stand-in for ssh) that mirrors output/ and deletes what left it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from expo.cli.rsync import FLAGS, RsyncError, Target, parse_target, rsync_arguments
from sitekit import REPO, make_project

SITEURL = "https://expo.example.go.id"

FAKE_RSYNC = """#!/bin/sh
# records its arguments, one per line, and exits with $FAKE_RSYNC_EXIT
for arg in "$@"; do printf '%s\\n' "$arg"; done > "$FAKE_RSYNC_LOG"
exit "${FAKE_RSYNC_EXIT:-0}"
"""
# A stand-in for ssh: runs the remote command (rsync --server ...) on this machine, so a real
# rsync transfer lands in a local folder.
FAKE_SSH = """#!/bin/sh
while [ $# -gt 0 ]; do
  case "$1" in
    -l|-p|-o|-i) shift 2 ;;
    -*) shift ;;
    *) shift; break ;;
  esac
done
exec "$@"
"""


def _script(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text)
    (folder / name).chmod(0o755)


def publish(root: Path, *args: str, path: str | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, EXPO_SITEURL=SITEURL, **env)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    if path is not None:
        environment["PATH"] = path
    return subprocess.run([sys.executable, "-m", "invoke", "publish", *args], cwd=root, capture_output=True,
                          text=True, timeout=600, env=environment)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("rsync") / "p")
    for name in ("tasks.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    return root


# --- the target

@pytest.mark.parametrize("text, expected", [
    ("expo@server.example.go.id:/var/www/expo", Target("expo", "server.example.go.id", "/var/www/expo")),
    (" deploy@10.0.0.5:/srv/expo/ ", Target("deploy", "10.0.0.5", "/srv/expo/")),
    ("budi@vps:public_html", Target("budi", "vps", "public_html")),
])
def test_a_good_target_is_read_part_by_part(text, expected):
    assert parse_target(text) == expected


@pytest.mark.parametrize("text, problem", [
    ("-e sh -c 'touch /tmp/x'", "diawali tanda - (rsync akan membacanya sebagai opsi)"),
    ("--rsh=sh", "diawali tanda - (rsync akan membacanya sebagai opsi)"),
    ("expo@server:/var/www/pameran umkm", "memuat spasi"),
    ("server.example.go.id:/var/www", "bentuknya bukan pengguna@host:/folder"),
    ("expo@server.example.go.id", "bentuknya bukan pengguna@host:/folder"),
    ("/var/www/expo", "bentuknya bukan pengguna@host:/folder"),
    ("rsync://server/expo", "itu alamat daemon rsync, bukan SSH"),
    ("expo@server::expo", "itu alamat daemon rsync, bukan SSH"),
    ("expo@-oProxyCommand=x:/a", 'host "-oProxyCommand=x" tidak sah'),
    ("-x@server:/a", "diawali tanda - (rsync akan membacanya sebagai opsi)"),
    ("ex;po@server:/a", 'nama pengguna "ex;po" tidak sah'),
    ("expo@server:/var/www/../etc", 'folder "/var/www/../etc" tidak sah (huruf, angka, . _ - / saja, tanpa ..)'),
    ("expo@server:$(reboot)", 'folder "$(reboot)" tidak sah (huruf, angka, . _ - / saja, tanpa ..)'),
    ("expo@server:-rf", 'folder "-rf" tidak sah (huruf, angka, . _ - / saja, tanpa ..)'),
    ("", "kosong"),
])
def test_a_bad_target_is_refused_with_the_form_to_write(text, problem):
    with pytest.raises(RsyncError) as caught:
        parse_target(text)
    indonesian, english = str(caught.value).splitlines()
    assert indonesian == (f'Tujuan rsync "{text.strip()}" tidak bisa dipakai: {problem}. Tulis pengguna@host:/folder, '
                          "misalnya invoke publish --rsync expo@server.example.go.id:/var/www/expo")
    assert english.startswith(f'The rsync target "{text.strip()}" cannot be used: ')


def test_rsync_gets_an_argument_list_that_ends_its_options():
    arguments = rsync_arguments(Path("/p/output"), parse_target("expo@host.example:/var/www/expo/"))
    assert arguments == ["rsync", "--recursive", "--links", "--times", "--perms", "--chmod=D755,F644", "--compress",
                         "--delete", "--delete-delay", "--delay-updates", "--protect-args", "--",
                         "/p/output/", "expo@host.example:/var/www/expo/"]
    assert "--checksum" not in FLAGS  # incremental builds keep unchanged files' size and time


def test_a_bad_target_fails_before_building(project):
    result = publish(project, "--rsync=-e sh")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        'Tujuan rsync "-e sh" tidak bisa dipakai: diawali tanda - (rsync akan membacanya sebagai opsi). Tulis '
        "pengguna@host:/folder, misalnya invoke publish --rsync expo@server.example.go.id:/var/www/expo",
        'The rsync target "-e sh" cannot be used: it starts with - (rsync would read it as an option). Write '
        "user@host:/folder, for example invoke publish --rsync expo@server.example.go.id:/var/www/expo"]
    assert not (project / "output").exists()


# --- with a fake rsync, and without one

def test_publish_runs_rsync_after_the_build(project, tmp_path):
    _script(tmp_path / "bin", "rsync", FAKE_RSYNC)
    log = tmp_path / "arguments"
    result = publish(project, "--rsync", "expo@server.example.go.id:/var/www/expo",
                     path=f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}", FAKE_RSYNC_LOG=str(log))
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines() == [*FLAGS, "--", f"{project / 'output'}/", "expo@server.example.go.id:/var/www/expo/"]
    summary, done = result.stderr.strip().splitlines()[-2:]
    assert summary.startswith("Selesai: ")
    assert done == ("Terkirim ke expo@server.example.go.id:/var/www/expo: output/ disalin dengan rsync (berkas yang "
                    "tidak ada lagi di output/ dihapus di server). (Sent to expo@server.example.go.id:/var/www/expo: "
                    "output/ copied with rsync (files no longer in output/ were deleted on the server).)")


def test_a_failed_rsync_says_what_to_check(project, tmp_path):
    _script(tmp_path / "bin", "rsync", FAKE_RSYNC)
    result = publish(project, "--rsync", "expo@server.example.go.id:/var/www/expo",
                     path=f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}",
                     FAKE_RSYNC_LOG=str(tmp_path / "arguments"), FAKE_RSYNC_EXIT="255")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-2:] == [
        "rsync ke expo@server.example.go.id:/var/www/expo gagal (kode keluar 255: tidak bisa tersambung ke server "
        "lewat ssh). Situs di output/ sudah dibangun; periksa: bisakah Anda masuk dengan ssh "
        "expo@server.example.go.id, apakah folder /var/www/expo ada dan boleh ditulis, lalu jalankan lagi invoke "
        "publish --rsync expo@server.example.go.id:/var/www/expo",
        "rsync to expo@server.example.go.id:/var/www/expo failed (exit code 255: could not connect to the server "
        "over ssh). The site in output/ is built; check: can you log in with ssh expo@server.example.go.id, does "
        "the folder /var/www/expo exist and is it writable, then run invoke publish --rsync "
        "expo@server.example.go.id:/var/www/expo again"]


def test_a_missing_rsync_says_how_to_install_it(project):
    without = os.pathsep.join(d for d in os.environ["PATH"].split(os.pathsep) if not (Path(d) / "rsync").exists())
    result = publish(project, "--rsync", "expo@server.example.go.id:/var/www/expo", path=without)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-2] == (
        "Program rsync tidak ditemukan, jadi situs di output/ belum dikirim. Pasang rsync (Debian/Ubuntu: sudo apt "
        "install rsync; macOS sudah punya; Windows: pakai WSL), lalu jalankan lagi invoke publish --rsync "
        "expo@server.example.go.id:/var/www/expo")


# --- with the real rsync

def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed (the fake rsync tests still run)")
def test_real_rsync_mirrors_output_and_deletes_what_left_it(project, tmp_path):
    _script(tmp_path / "bin", "ssh", FAKE_SSH)
    remote = tmp_path / "www"
    remote.mkdir()
    (remote / "stale.html").write_text("a page of a booth that left")
    path = f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"
    first = publish(project, "--rsync", f"expo@server.example.go.id:{remote}", path=path)
    assert first.returncode == 0, first.stderr
    output = project / "output"
    assert {k: v[0] for k, v in _tree(remote).items()} == {k: v[0] for k, v in _tree(output).items()}
    assert _tree(remote) == _tree(output)  # times too: the next run's quick check relies on them
    # A booth leaves: its pages go from the server; files that did not change are not sent again.
    before = {p.relative_to(remote).as_posix(): p.stat().st_ino for p in remote.rglob("*") if p.is_file()}
    shutil.rmtree(project / "exhibitors/keripik-bu-sri")
    second = publish(project, "--rsync", f"expo@server.example.go.id:{remote}", path=path)
    assert second.returncode == 0, second.stderr
    assert _tree(remote) == _tree(output)
    assert not (remote / "booth/keripik-bu-sri").exists()
    photo = next(p for p in before if p.startswith("media/batik-sari/"))
    assert (remote / photo).stat().st_ino == before[photo]  # untouched, not rewritten
