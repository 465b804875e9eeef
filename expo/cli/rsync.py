"""`invoke publish --rsync user@host:/folder`: send output/ to an SSH host after a publish build.

rsync runs over ssh with an argument list (never a shell string), and the target is checked
first: a target is data typed by an organiser or pasted from a chat, and one that starts with
'-' would be read by rsync as an option ('-e sh -c ...' runs a program).

The flags, for the README and for whoever changes them:
  --recursive --links   the whole tree; a link stays a link (the build makes none)
  --times               keep modification times: the next run compares size and time only
                        (rsync's quick check), which is right because incremental builds keep an
                        unchanged file's bytes and time; --checksum would read every file on
                        both sides on every run
  --perms --chmod=D755,F644   readable by the web server, whatever this machine's umask
  --compress            pages and JSON shrink a lot on slow links (photos are skipped by rsync)
  --delete --delete-delay     files no longer in output/ (a removed booth) are deleted on the
                        server, after the transfer, so no page disappears before its replacement
  --delay-updates       changed files are put in place together at the end, not one by one
  --protect-args        the folder name reaches the server as it is, not split by its shell
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from expo.text.messages import render

FLAGS = ("--recursive", "--links", "--times", "--perms", "--chmod=D755,F644", "--compress", "--delete",
         "--delete-delay", "--delay-updates", "--protect-args")
_USER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,31}$")
_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
_PATH = re.compile(r"^[A-Za-z0-9._~/+=@-]{1,1024}$")
# What an exit status of rsync (or of ssh, 255) most likely means: (Indonesian, English).
_MEANINGS = {
    **dict.fromkeys((5, 10, 12, 35, 255), ("tidak bisa tersambung ke server lewat ssh",
                                            "could not connect to the server over ssh")),
    **dict.fromkeys((3, 11, 23), ("folder tujuan tidak ada atau tidak boleh ditulis",
                                  "the target folder is missing or not writable")),
    30: ("waktu habis menunggu server", "timed out waiting for the server"),
}
_OTHER = ("lihat pesan rsync di atas", "see rsync's message above")


class RsyncError(Exception):
    """The target is unusable, rsync is missing or failed; the message says what to check."""


@dataclass(frozen=True)
class Target:
    user: str
    host: str
    path: str

    def __str__(self) -> str:
        return f"{self.user}@{self.host}:{self.path}"

    @property
    def login(self) -> str:
        return f"{self.user}@{self.host}"


def parse_target(text: str | None) -> Target:
    """'user@host:/folder' checked part by part; RsyncError names what is wrong."""
    value = (text or "").strip()
    problem = _problem(value)
    if problem:
        raise RsyncError(_bilingual("rsync_target_invalid", {"target": value, "problem_id": problem[0],
                                                             "problem_en": problem[1]}))
    login, _, path = value.partition(":")
    user, _, host = login.partition("@")
    return Target(user, host, path)


def _problem(value: str) -> tuple[str, str] | None:
    if not value:
        return "kosong", "it is empty"
    if value.startswith("-"):
        return "diawali tanda - (rsync akan membacanya sebagai opsi)", "it starts with - (rsync would read it as an option)"
    if any(c.isspace() for c in value):
        return "memuat spasi", "it contains spaces"
    if value.startswith("rsync://") or "::" in value:
        return "itu alamat daemon rsync, bukan SSH", "that is an rsync daemon address, not SSH"
    login, colon, path = value.partition(":")
    user, at, host = login.partition("@")
    if not colon or not at:
        return "bentuknya bukan pengguna@host:/folder", "it is not of the form user@host:/folder"
    if not _USER.match(user):
        return f'nama pengguna "{user}" tidak sah', f'the user name "{user}" is not valid'
    if not _HOST.match(host):
        return f'host "{host}" tidak sah', f'the host "{host}" is not valid'
    if not _PATH.match(path) or path.startswith("-") or ".." in path.split("/") or "//" in path:
        return (f'folder "{path}" tidak sah (huruf, angka, . _ - / saja, tanpa ..)',
                f'the folder "{path}" is not valid (letters, digits, . _ - / only, no ..)')
    return None


def rsync_arguments(output: Path, target: Target, program: str = "rsync") -> list[str]:
    """The command as a list: the contents of output/ into the target folder."""
    return [program, *FLAGS, "--", f"{output}/", f"{target.login}:{target.path.rstrip('/') or '/'}/"]


def send(output: Path, target: Target) -> None:
    """Run rsync; RsyncError with what to check when it is missing or fails. rsync's own output
    (its errors, ssh's password prompt) goes straight to the terminal."""
    program = shutil.which("rsync")
    if program is None:
        raise RsyncError(_bilingual("rsync_missing", {"target": str(target)}))
    try:
        code = subprocess.run(rsync_arguments(output, target, program), stdin=None).returncode
    except OSError as exc:  # found but cannot run (no permission, a broken file)
        meaning = (f"rsync tidak bisa dijalankan: {exc}", f"rsync cannot be run: {exc}")
        raise RsyncError(_bilingual("rsync_failed", _failure(target, 127, meaning))) from None
    if code != 0:
        raise RsyncError(_bilingual("rsync_failed", _failure(target, code, _MEANINGS.get(code, _OTHER))))


def _failure(target: Target, code: int, meaning: tuple[str, str]) -> dict:
    return {"target": str(target), "code": code, "meaning": meaning, "login": target.login, "path": target.path}


def _bilingual(key: str, params: dict) -> str:
    """Indonesian, then English on the next line; a (id, en) pair parameter in each language."""
    def pick(index: int) -> dict:
        return {k: v[index] if isinstance(v, tuple) else v for k, v in params.items()}
    return f"{render(key, 'id', pick(0))}\n{render(key, 'en', pick(1))}"
