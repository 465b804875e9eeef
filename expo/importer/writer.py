"""`invoke import-csv`: plan the folders, write them to a staging folder, validate them with the
project's own rules, and move in only the booths that pass.

Staging first means a booth with a mistake never lands in exhibitors/ (the next build stays
green) and `--dry-run` can run the full validation while writing nothing. Staging holds only
each booth's exhibitor.yml: photos are validated where they are (the --photos folder, or the
booth folder for photos an --update keeps), their sizes checked from the folder listing, and a
photo is copied only into a booth that passed, once, and never on a dry run.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import yaml

from expo.cli.build import BuildFailed, open_project
from expo.content.catalog import load_catalog
from expo.content.errors import WARNING, ContentError, format_report
from expo.importer.rows import (
    MAX_CSV_MEGABYTES,
    BoothPlan,
    ImportFailed,
    ImportLimits,
    PhotoFolder,
    Quoted,
    decode,
    plan_import,
    read_table,
)
from expo.content.loader import YAML_NAME
from expo.importer.takeover import control_changes
from expo.text.escape import printable, safe_text
from expo.text.messages import render
from expo.values.paths import plain_files, resolves_inside


def run_import(root: Path, csv_path: Path, photos_dir: Path | None = None, *, update: bool = False,
               dry_run: bool = False, owner: str | None = None, lang: str | None = None,
               settings_file: str = "pelicanconf.py", out=None, allow_owner_change: bool = False) -> int:
    """Import one CSV file; print every problem and what was written; 1 if anything failed."""
    out = out or sys.stderr
    root = root.resolve()
    settings = open_project(root, settings_file, lang).expo
    lang = settings.lang
    csv_path = Path(csv_path)
    photos_dir = Path(photos_dir) if photos_dir else csv_path.parent
    if csv_path.is_dir():
        raise BuildFailed(f"{printable(csv_path, None)} adalah folder; sebutkan file CSV-nya (is a folder: name the CSV file).")
    if not csv_path.is_file():
        raise BuildFailed(f"File {printable(csv_path, None)} tidak ditemukan (not found).")
    if not photos_dir.is_dir():
        raise BuildFailed(f"Folder foto {printable(photos_dir, None)} tidak ditemukan (photo folder not found).")
    source = csv_path.name
    try:
        table = read_table(decode(_read_bytes(csv_path)))
    except ImportFailed as exc:
        print(format_report([ContentError(source, None, "", exc.key, exc.params)], lang, summary=False), file=out)
        return 1
    exhibitors = settings.exhibitors_dir(root)
    plan = plan_import(table, source, scan_photos(photos_dir), existing_booths(exhibitors),
                       settings.categories, update=update, owner=owner,
                       limits=ImportLimits.of(settings), editions=settings.editions)
    problems = list(plan.problems)
    passed: list[BoothPlan] = []
    if plan.booths:
        with tempfile.TemporaryDirectory(prefix=".import-", dir=root) as staging_root:
            staged = settings.exhibitors_dir(Path(staging_root))
            for booth in plan.booths:
                stage(booth, staged / booth.slug)
            sources = {b.slug: photo_sources(b, photos_dir, exhibitors / b.slug) for b in plan.booths}
            # EXPO_FEATURED names booths of the whole site, not of this import
            _, found = load_catalog(Path(staging_root), replace(settings, featured=()),
                                    only={b.slug for b in plan.booths}, photo_sources=sources)
            display = settings.exhibitors_path.strip("/")
            for booth in plan.booths:
                mine = [p for p in found if p.path.startswith(f"{display}/{booth.slug}/")]
                problems.extend(booth.locate(mine, source, plan.problems))
                takeover = _takeover(booth, exhibitors / booth.slug, source, allow_owner_change) if update else []
                problems.extend(takeover)
                if not booth.ready or any(p.is_error for p in mine + takeover):
                    continue
                if not dry_run:
                    try:
                        commit(booth, staged / booth.slug, exhibitors / booth.slug, photos_dir)
                    except OSError as exc:  # permissions, a full disk: a message, not a traceback
                        row, header = booth.cells[""]
                        problems.append(ContentError(source, row, header, "import_write_failed",
                                                     {"slug": booth.slug, "problem": exc.strerror or exc}))
                        continue
                passed.append(booth)
    skipped = plan.unnamed + len(plan.booths) - len(passed)
    _print_summary(out, lang, problems, passed, skipped, dry_run, settings.exhibitors_path)
    return 1 if any(p.is_error for p in problems) else 0


def _takeover(booth: BoothPlan, current: Path, source: str, allowed: bool) -> list[ContentError]:
    """An update that changes who owns the booth or where its orders go: an error naming the
    difference, or with --allow-owner-change a warning that still shows it."""
    if not booth.update:
        return []
    found = []
    for change in control_changes(current, booth.document):
        row, header = booth.cells.get(change.field, booth.cells[""])
        found.append(ContentError(source, row, header, "update_control_changed" if allowed else "update_control_change",
                                  {"slug": booth.slug, "field": change.field, "old": change.old, "new": change.new},
                                  WARNING if allowed else "error"))
    return found


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_CSV_MEGABYTES * 1024 * 1024:
        raise ImportFailed("csv_too_large", size=-(-size // (1024 * 1024)), limit=MAX_CSV_MEGABYTES)
    return path.read_bytes()


def _print_summary(out, lang: str, problems: list[ContentError], passed: list[BoothPlan],
                   skipped: int, dry_run: bool, exhibitors_path: str) -> None:
    if problems:
        print(format_report(problems, lang, summary=False, exhibitors_path=exhibitors_path) + "\n", file=out)
    for booth in passed:
        key = "import_ready" if dry_run else "import_updated" if booth.update else "import_written"
        print(safe_text(render(key, lang, {"slug": booth.slug, "products": len(booth.document["products"]),
                                           "photos": len(booth.new_photos)})), file=out)
    errors = sum(p.is_error for p in problems)
    counts = {"written": len(passed), "skipped": skipped, "errors": errors,
              "warnings": len(problems) - errors}
    print(render("import_summary_dry_run" if dry_run else "import_summary", lang, counts), file=out)
    if errors:
        print(render("import_fix_hint", lang, {}), file=out)


# --- the file system


def scan_photos(folder: Path) -> PhotoFolder:
    """Regular files directly in `folder`; a symlink resolving outside it is refused by name."""
    files, refused = set(), set()
    sizes: dict[str, int] = {}
    for entry in folder.iterdir():
        inside = entry.is_file() and resolves_inside(entry, folder)  # a link to a file beside it is fine
        if inside:
            sizes[entry.name] = entry.stat().st_size
            files.add(entry.name)
        elif entry.is_symlink():
            refused.add(entry.name)
    return PhotoFolder(str(folder), frozenset(files), frozenset(refused), sizes)


def existing_booths(exhibitors: Path) -> dict[str, frozenset[str] | None]:
    """Every name already taken in exhibitors/: a plain folder maps to its plain files (photos an
    --update may keep); anything else, such as a symlink, maps to None and is never written to."""
    if not exhibitors.is_dir():
        return {}
    found: dict[str, frozenset[str] | None] = {}
    for entry in exhibitors.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            found[entry.name] = plain_files(entry)
        else:
            found[entry.name] = None
    return found


def stage(booth: BoothPlan, folder: Path) -> None:
    """Write the booth's exhibitor.yml as it will be; its photos stay where they are."""
    folder.mkdir(parents=True)
    (folder / YAML_NAME).write_text(dump_yaml(booth.document), encoding="utf-8")


def photo_sources(booth: BoothPlan, photos_dir: Path, current: Path) -> dict[str, Path]:
    """Where validation finds each photo of the planned booth: new ones in --photos, kept ones
    (--update) in the booth folder."""
    return {**{name: current / name for name in booth.kept_photos},
            **{name: photos_dir / name for name in booth.new_photos}}


def commit(booth: BoothPlan, staged: Path, final: Path, photos_dir: Path) -> None:
    """A new booth moves in whole; an update replaces exhibitor.yml and adds the photos,
    leaving about.md and other files of the booth as they are. Each new photo is copied once."""
    if not booth.update:
        for name in booth.new_photos:
            shutil.copyfile(photos_dir / name, staged / name)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(staged, final)  # same disk: the booth appears whole, at once
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            shutil.copytree(staged, final)  # exhibitors/ on another disk than the project
        return
    for name in booth.new_photos:
        shutil.copyfile(photos_dir / name, staged / name)
        os.replace(staged / name, final / name)
    os.replace(staged / YAML_NAME, final / YAML_NAME)  # last: the booth changes when this lands


# --- exhibitor.yml


class _Dumper(yaml.SafeDumper):
    """SafeDumper (plain values only) that quotes `Quoted` and writes long text as a block."""


def _represent_quoted(dumper: yaml.SafeDumper, value: Quoted) -> yaml.ScalarNode:
    # "0812-3456-7890" in quotes: whoever edits the file later keeps the quotes, and YAML never
    # reads a phone or registration number as a number
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # PyYAML falls back to quotes when "|" cannot hold it
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Quoted, _represent_quoted)
_Dumper.add_representer(str, _represent_text)

YAML_HEADER = (
    "# Dibuat dengan invoke import-csv. Boleh diedit; impor ulang dengan --update menimpa file ini.\n"
    "# Made by invoke import-csv. Edit freely; importing again with --update replaces this file.\n"
)


def dump_yaml(document: dict) -> str:
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)
    return YAML_HEADER + body
