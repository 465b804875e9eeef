"""What each `invoke` command does, callable from tests without a shell.

`run` turns a failure into one readable message and a non-zero exit: a content mistake never
shows a Python traceback.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

from invoke.exceptions import Exit

from .build import BuildFailed, build, validate as validate_content
from .loader import SLUG_RE
from .scaffold import scaffold_text
from .settings import SettingsError


def run(command, *args, **kwargs):
    """Call a command; failures become `Exit(1)` with the message on stderr."""
    try:
        code = command(*args, **kwargs)
    except (BuildFailed, SettingsError) as exc:
        message = str(exc)
        if message and not message.endswith("content error(s)"):
            print(message, file=sys.stderr)
        raise Exit(code=1) from None
    except KeyboardInterrupt:
        raise Exit(code=130) from None
    if code:
        raise Exit(code=code)


def build_site(root: Path, settings_file: str = "pelicanconf.py", lang: str | None = None) -> int:
    result = build(root, settings_file=settings_file, lang=lang)
    print(f"Situs selesai dibangun di {result.output.relative_to(root.resolve())}/ "
          f"(site built in output/)", file=sys.stderr)
    return 0


def validate(root: Path, folder: str | None = None, lang: str | None = None, strict: bool = False,
             quick: bool = False) -> int:
    only = None
    if folder:
        path = Path(folder)
        slug = path.name if path.name else path.parent.name
        if not (root / "exhibitors" / slug).is_dir():
            raise BuildFailed(f"Folder {folder} tidak ditemukan (not found). "
                              f"Contoh / example: invoke validate exhibitors/<nama-folder>")
        only = {slug}
    return validate_content(root, only=only, lang=lang, strict=strict, photos=not quick)


def new_exhibitor(root: Path, slug: str) -> int:
    if not SLUG_RE.match(slug):
        raise BuildFailed(
            f'"{slug}" tidak bisa dipakai sebagai nama folder. Pakai huruf kecil, angka dan tanda '
            f'hubung, misalnya "batik-sari" / use lowercase letters, digits and hyphens.')
    folder = root / "exhibitors" / slug
    if folder.exists():
        raise BuildFailed(f"exhibitors/{slug}/ sudah ada (already exists). Pilih nama lain.")
    folder.mkdir(parents=True)
    (folder / "exhibitor.yml").write_text(scaffold_text(slug), encoding="utf-8")
    print(f"Dibuat / created: exhibitors/{slug}/exhibitor.yml\n"
          f"Isi file itu, tambahkan foto ke folder yang sama, lalu jalankan: "
          f"invoke validate exhibitors/{slug}", file=sys.stderr)
    return 0


def clean(root: Path, cache: bool = False, stale: bool = False) -> int:
    targets = [root / "output", *root.glob(".output-build-*"), *root.glob(".output-old-*")]
    if cache:
        targets.append(root / ".cache")
    for target in targets:
        shutil.rmtree(target, ignore_errors=True)
    if stale and not cache:
        _prune_photo_cache(root)
    return 0


def _prune_photo_cache(root: Path) -> None:
    """Delete photo cache entries the last successful build did not use."""
    from .build import expo_settings, read_settings
    from .images import prune

    folder = expo_settings(read_settings(root, "pelicanconf.py"), None).image_cache_dir(root)
    count, size = prune(folder)
    print(f"Cache foto: {count} entri lama dihapus, {size / 1024 / 1024:.1f} MB "
          f"(photo cache: {count} stale entries removed)", file=sys.stderr)


def serve(root: Path, port: int = 8000, watch: bool = False) -> int:
    """Build once (a broken build still serves the previous site), then serve output/."""
    try:
        build(root)
    except BuildFailed:
        if not (root / "output" / "index.html").exists():
            raise
        print("Build gagal; menampilkan situs sebelumnya (build failed; serving the previous site)",
              file=sys.stderr)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    print(f"Buka / open http://localhost:{port}/  (Ctrl+C untuk berhenti / to stop)", file=sys.stderr)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        if watch:
            _rebuild_on_change(root)
        else:
            thread.join()
    finally:
        server.shutdown()
    return 0


def _rebuild_on_change(root: Path) -> None:
    from watchfiles import watch as watch_files

    watched = [p for p in ("exhibitors", "content", "theme", "expo", "pelicanconf.py") if (root / p).exists()]
    print(f"Memantau perubahan / watching: {', '.join(watched)}", file=sys.stderr)
    ignored = ("/output/", "/.output-", "/.cache/", "__pycache__", "/.git/")
    for changes in watch_files(*(root / p for p in watched)):
        if all(any(part in path for part in ignored) for _kind, path in changes):
            continue
        try:
            build(root)
            print("Dibangun ulang / rebuilt", file=sys.stderr)
        except BuildFailed:
            print("Build gagal; situs sebelumnya tetap tampil (build failed; previous site kept)",
                  file=sys.stderr)
