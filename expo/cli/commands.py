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

from expo.cli.build import BuildFailed, build, open_project, validate as validate_content
from expo.values.slugs import SLUG_RE
from expo.cli.scaffold import scaffold_text
from expo.settings import SettingsError
from expo.text.escape import printable, safe_text


def run(command, *args, **kwargs):
    """Call a command; failures become `Exit(1)` with the message on stderr."""
    try:
        code = command(*args, **kwargs)
    except BuildFailed as exc:
        if exc.reported:  # a failed build: the report is printed, the old site stays
            from expo.pr.ownership import one_line

            print(one_line("build_site_kept", {}), file=sys.stderr)
        elif str(exc):
            print(safe_text(str(exc)), file=sys.stderr)
        raise Exit(code=1) from None
    except SettingsError as exc:
        print(safe_text(str(exc)), file=sys.stderr)
        raise Exit(code=1) from None
    except KeyboardInterrupt:
        raise Exit(code=130) from None
    if code:
        raise Exit(code=code)


def build_site(root: Path, settings_file: str = "pelicanconf.py", lang: str | None = None) -> int:
    print_summary(build(root, settings_file=settings_file, lang=lang), root)
    return 0


def publish(root: Path, rsync: str | None = None) -> int:
    """Build with publishconf.py; with `rsync` ('user@host:/folder', checked before building),
    then send output/ there (expo/cli/rsync.py)."""
    from expo.cli.rsync import RsyncError, parse_target, send
    from expo.pr.ownership import one_line

    try:
        target = parse_target(rsync) if rsync is not None else None
    except RsyncError as exc:
        raise BuildFailed(str(exc)) from None
    result = build(root, settings_file="publishconf.py")
    print_summary(result, root)
    if target is not None:
        try:
            send(result.output, target)
        except RsyncError as exc:
            raise BuildFailed(str(exc)) from None
        print(one_line("rsync_done", {"target": str(target)}), file=sys.stderr)
    return 0


def print_summary(result, root: Path) -> None:
    """The build's last line, after a warning when output/ holds more files, or more
    megabytes, than the host takes."""
    from expo.cli.summary import file_limit_warning, size_limit_warning, summary_line

    where = f"{result.output.relative_to(root.resolve()).as_posix()}/"
    for warning in (file_limit_warning(result, result.max_files, result.lang, where),
                    size_limit_warning(result, result.max_size_mb, result.lang, where)):
        if warning:
            print(warning, file=sys.stderr)
    print(summary_line(result, result.lang), file=sys.stderr)


def validate(root: Path, folder: str | None = None, lang: str | None = None, strict: bool = False,
             changed_since: str | None = None, quick: bool = False,
             settings_file: str = "pelicanconf.py") -> int:
    if changed_since:
        only = _changed_booths(root, changed_since, folder, settings_file)
        return validate_content(root, settings_file, only=only, lang=lang, strict=strict, photos=not quick)
    only = {_booth_folder(root, folder, settings_file)} if folder else None
    return validate_content(root, settings_file, only=only, lang=lang, strict=strict, photos=not quick)


def _booth_folder(root: Path, folder: str, settings_file: str) -> str:
    """The folder name of `invoke validate exhibitors/<name>`. A folder that exists is checked
    even when its name cannot be a booth address ('Keripik Tempe'): validation then says how
    to rename it, which is more use than "not found"."""
    expo = _settings(root, settings_file)
    name = Path(folder).name
    parent = expo.exhibitors_dir(root)
    if name and name not in (".", "..") and not name.startswith(".") and (parent / name).is_dir():
        return name
    display = f"{expo.exhibitors_path.strip('/')}/"
    same = sorted(p.name for p in parent.iterdir() if p.is_dir() and p.name.casefold() == name.casefold()) \
        if name and parent.is_dir() else []
    hint = (f" Maksud Anda / did you mean: invoke validate {display}{same[0]}" if same else
            f" Contoh / example: invoke validate {display}<nama-folder>")
    raise BuildFailed(f"Folder {folder} tidak ditemukan (not found).{hint}")


def _changed_booths(root: Path, ref: str, folder: str | None, settings_file: str) -> set[str] | None:
    """Booth folders changed since `ref`; None (check all) when a site file changed too, since
    settings, theme or code changes can break any booth."""
    from expo.pr.gitrefs import GitError, changed_since
    from expo.pr.ownership import booth_slug

    if folder:
        raise BuildFailed("Pakai folder atau --changed-since, tidak keduanya "
                          "(use a folder or --changed-since, not both)")
    try:
        exhibitors_path = _settings(root, settings_file).exhibitors_path
        slugs = {booth_slug(change.path, exhibitors_path) for change in changed_since(root, ref)}
    except GitError as exc:
        raise BuildFailed(str(exc)) from None
    if None in slugs:
        print(f"File situs berubah sejak {ref}: semua folder diperiksa "
              f"(site files changed since {ref}: checking every folder)", file=sys.stderr)
        return None
    print(f"Folder yang berubah sejak {ref} / folders changed since {ref}: "
          f"{', '.join(printable(s) for s in sorted(slugs)) or '-'}", file=sys.stderr)
    return slugs


def check_pr(root: Path, base: str | None = None, author: str | None = None, head: str = "HEAD") -> int:
    """Fail, naming each path, when `author` changed files outside the folders they own."""
    from expo.pr.gitrefs import GitError, read_pull_request
    from expo.pr.ownership import bilingual, decide, report
    from expo.values.logins import normalize_login

    if not base:
        raise BuildFailed(bilingual("pr_base_missing"))
    if not author or normalize_login(author) is None:
        raise BuildFailed(bilingual("pr_author_invalid", {"value": author or ""}))
    try:
        pr = read_pull_request(root, base, head)
    except GitError as exc:
        raise BuildFailed(str(exc)) from None
    violations = decide(pr.changes, pr.owners_at_base, pr.owners_at_head, author, pr.organisers,
                        pr.exhibitors_path, pr.base_folders, pr.yaml_links)
    print(report(pr.changes, violations, author, pr.organisers), file=sys.stderr)
    return 1 if violations else 0


def codeowners(root: Path, check: bool = False) -> int:
    """Write .github/CODEOWNERS from the owners fields, or with `check` only compare."""
    from expo.pr.codeowners import CODEOWNERS_PATH, generate
    from expo.pr.ownership import bilingual, one_line

    try:
        text, count, has_organisers = generate(root)
    except ValueError as exc:
        raise BuildFailed(str(exc)) from None
    target = root / CODEOWNERS_PATH
    params = {"path": CODEOWNERS_PATH, "count": count}
    if not has_organisers:
        print(bilingual("codeowners_no_organisers"), file=sys.stderr)
    if check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            raise BuildFailed(bilingual("codeowners_outdated", params))
        print(one_line("codeowners_ok", params), file=sys.stderr)
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8", newline="\n")
    print(one_line("codeowners_written", params), file=sys.stderr)
    return 0


def _settings(root: Path, settings_file: str):
    return open_project(root, settings_file).expo


def new_exhibitor(root: Path, slug: str, settings_file: str = "pelicanconf.py") -> int:
    if not SLUG_RE.match(slug):
        raise BuildFailed(
            f'"{printable(slug)}" tidak bisa dipakai sebagai nama folder. Pakai huruf kecil, angka dan tanda '
            f'hubung, misalnya "batik-sari" / use lowercase letters, digits and hyphens.')
    expo = _settings(root, settings_file)
    display = f"{expo.exhibitors_path}/{slug}"
    folder = expo.exhibitors_dir(root) / slug
    if folder.exists():
        raise BuildFailed(f"{display}/ sudah ada (already exists). Pilih nama lain.")
    folder.mkdir(parents=True)
    text = scaffold_text(slug, expo.categories, [edition.key for edition in expo.editions])
    (folder / "exhibitor.yml").write_text(text, encoding="utf-8")
    print(f"Dibuat / created: {display}/exhibitor.yml\n"
          f"Isi file itu, tambahkan foto ke folder yang sama, lalu jalankan: "
          f"invoke validate {display}", file=sys.stderr)
    return 0


def schema(root: Path, check: bool = False, settings_file: str = "pelicanconf.py") -> int:
    """Write schema/exhibitor.schema.json for the organiser's categories (or check it is current)."""
    from expo.content.schema import SCHEMA_PATH, schema_text

    expo = _settings(root, settings_file)
    text = schema_text(expo.categories, [e.key for e in expo.editions])
    path = root / SCHEMA_PATH
    if check:
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            raise BuildFailed(f"{SCHEMA_PATH} is out of date: run invoke schema")
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Ditulis / written: {SCHEMA_PATH}", file=sys.stderr)
    return 0


def translations(root: Path, check: bool = False) -> int:
    """Update the interface catalogs, or with `check` fail if any text is untranslated."""
    from expo.cli import translations as catalogs

    if not check:
        catalogs.update(root)
        print("Diperbarui / updated: expo/text/locale/ (isi msgstr yang kosong / fill in the empty "
              "msgstr)", file=sys.stderr)
    missing = catalogs.problems(root)
    for line in missing:
        print(line, file=sys.stderr)
    return 1 if missing else 0


def import_csv(root: Path, csv_file: str, photos: str | None = None, update: bool = False,
               dry_run: bool = False, owner: str | None = None, lang: str | None = None,
               settings_file: str = "pelicanconf.py", allow_owner_change: bool = False) -> int:
    from expo.importer.writer import run_import  # only this command needs the importer

    return run_import(root, Path(csv_file), Path(photos) if photos else None, update=update,
                      dry_run=dry_run, owner=owner, lang=lang, settings_file=settings_file,
                      allow_owner_change=allow_owner_change)


def stats(root: Path, as_json: bool = False, as_csv: bool = False,
          settings_file: str = "pelicanconf.py", orders: str | None = None) -> int:
    """Print the expo's figures (expo/reports/stats.py): a table, or JSON or CSV on stdout.
    `orders`: an analytics export instead, read into offers per booth (expo/reports/orders.py)."""
    from expo.content.catalog import load_catalog
    from expo.content.errors import format_report
    from expo.reports.formats import stats_csv, stats_json, stats_table
    from expo.reports.stats import compute_stats, edition_stats

    if as_json and as_csv:
        raise BuildFailed("Pakai --json atau --csv, tidak keduanya (use --json or --csv, not both)")
    expo = _settings(root, settings_file)
    catalog, problems = load_catalog(root.resolve(), expo)
    if catalog is None:
        print(format_report(problems, expo.lang, exhibitors_path=expo.exhibitors_path), file=sys.stderr)
        return 1  # the report says it all: stats build no site, so no word about output/
    if orders is not None:
        return _order_stats(Path(orders), catalog, expo, as_json, as_csv)
    figures = compute_stats(catalog, dict(expo.categories))
    editions = edition_stats(catalog, dict(expo.categories))  # none without EXPO_EDITIONS
    if as_csv:  # starts with a BOM, so Excel reads it as UTF-8
        _write_stdout(stats_csv(figures, editions), "utf-8")
    elif as_json:
        _write_stdout(stats_json(figures, editions), "utf-8")
    else:
        _write_stdout(stats_table(figures, expo.name, editions), "utf-8")
    return 0


def _order_stats(export_file: Path, catalog, expo, as_json: bool, as_csv: bool) -> int:
    from expo.reports.formats import orders_csv, orders_json, orders_table
    from expo.reports.orders import OrdersError, read_export, tally

    try:
        figures = tally(read_export(export_file), catalog, expo.order_code_prefix)
    except OrdersError as exc:
        raise BuildFailed(str(exc)) from None
    for warning in figures.warnings:
        print(f"Peringatan (warning): {warning}", file=sys.stderr)
    text = orders_csv(figures) if as_csv else orders_json(figures) if as_json else orders_table(figures, expo.name)
    _write_stdout(text, "utf-8")
    return 0


def _write_stdout(text: str, encoding: str) -> None:
    """Bytes in `encoding` whatever the terminal's encoding, so `> stats.csv` is always UTF-8."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode(encoding))
    sys.stdout.buffer.flush()


def clean(root: Path, cache: bool = False, stale: bool = False, settings_file: str = "pelicanconf.py") -> int:
    """Delete output/ and build leftovers (`cache`: the photo cache too). `stale` only prunes the
    photo cache and touches nothing else, so a running `invoke serve` keeps its site and a
    build in progress keeps its staging folder."""
    if stale:
        if cache:
            raise BuildFailed("Pakai --stale atau --cache, tidak keduanya (use --stale or --cache, "
                              "not both): --cache sudah menghapus seluruh cache foto (already deletes "
                              "the whole photo cache)")
        _prune_photo_cache(root, settings_file)
        return 0
    from expo.site.spare import DISCARD_PREFIX, spare_folder

    targets = [root / "output", spare_folder(root / "output"), *root.glob(".output-build-*"),
               *root.glob(f"{DISCARD_PREFIX}*"), *root.glob(".import-*")]  # staging left by an interrupted import-csv
    if cache:
        targets.append(root / ".cache")
    for target in targets:
        shutil.rmtree(target, ignore_errors=True)
    return 0


def _prune_photo_cache(root: Path, settings_file: str) -> None:
    """Delete photo cache entries the last successful build did not use."""
    from expo.images.pipeline import prune

    folder = _settings(root, settings_file).image_cache_dir(root)
    count, size = prune(folder)
    print(f"Cache foto: {count} entri lama dihapus, {size / 1024 / 1024:.1f} MB "
          f"(photo cache: {count} stale entries removed)", file=sys.stderr)


def serve(root: Path, port: int = 8000, watch: bool = False, settings_file: str = "pelicanconf.py",
          lan: bool = False) -> int:
    """Build once (a broken build still serves the previous site), then serve output/; `lan`
    listens on every network interface so a phone on the same Wi-Fi can open the site."""
    from expo.cli.preview import PreviewHandler, lan_address

    try:
        print_summary(build(root, settings_file), root)
    except BuildFailed:
        if not (root / "output" / "index.html").exists():
            raise
        print("Build gagal; menampilkan situs sebelumnya (build failed; serving the previous site)",
              file=sys.stderr)
    handler = functools.partial(PreviewHandler, directory=str(root / "output"))
    try:
        server = http.server.ThreadingHTTPServer(("0.0.0.0" if lan else "127.0.0.1", port), handler)
    except OSError as exc:  # the port is taken (another serve still running) or privileged
        raise BuildFailed(f"Port {port} tidak bisa dipakai ({exc.strerror}). Coba port lain / "
                          f"try another port: invoke serve --port {port + 1}") from None
    print(f"Buka / open http://localhost:{port}/  (Ctrl+C untuk berhenti / to stop)", file=sys.stderr)
    if lan:
        address = lan_address()
        print(f"Di HP pada Wi-Fi yang sama / on a phone on the same Wi-Fi: http://{address}:{port}/"
              if address else "Alamat jaringan lokal tidak ditemukan / no local network address found",
              file=sys.stderr)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        if watch:
            _rebuild_on_change(root, settings_file)
        else:
            thread.join()
    finally:
        server.shutdown()
    return 0


def _rebuild_on_change(root: Path, settings_file: str) -> None:
    from watchfiles import watch as watch_files

    folders = (_settings(root, settings_file).exhibitors_path, "content", "theme", "expo", settings_file)
    watched = [p for p in folders if (root / p).exists()]
    print(f"Memantau perubahan / watching: {', '.join(watched)}", file=sys.stderr)
    ignored = ("/output/", "/.output-", "/.cache/", "__pycache__", "/.git/")
    for changes in watch_files(*(root / p for p in watched)):
        if all(any(part in path for part in ignored) for _kind, path in changes):
            continue
        try:
            print_summary(build(root, settings_file), root)
        except BuildFailed:
            print("Build gagal; situs sebelumnya tetap tampil (build failed; previous site kept)",
                  file=sys.stderr)
