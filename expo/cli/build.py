"""Building and validating: the organiser's two main commands as plain functions.

A build never half-writes the site: Pelican writes into a fresh folder beside output/, and only
a build that succeeded replaces output/, by renaming. A failed build prints every problem and
leaves the previous site exactly as it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from expo.content.catalog import load_catalog
from expo.content.errors import ContentError, ContentErrors, format_report
from expo.cli.progress import ProgressDisplay, on_terminal
from expo.cli.summary import tree_size
from expo.project import Project, load_project
from expo.settings import SettingsError
from expo.site.search import SearchIndexError
from expo.site.incremental import PREVIOUS_OUTPUT_KEY, Previous, manifest_path, write_manifest
from expo.site import spare_refresh
from expo.site.spare import (DISCARD_PREFIX, SpareError, discard_folder, keep_as_spare, locked, spare_folder,
                              spare_manifest)
from expo.site.progress import PROGRESS_KEY
from expo.text.escape import printable
from expo.values.slugs import SLUG_RE


class BuildFailed(Exception):
    """A command failed. `reported` is True when the problems were already printed (a content
    report), so the command line prints nothing more; otherwise the message is the report."""

    def __init__(self, message: str = "", reported: bool = False):
        super().__init__(message)
        self.reported = reported


@dataclass(frozen=True)
class BuildResult:
    output: Path
    warnings: list[ContentError]
    booths: int = 0
    products: int = 0
    files: Counter = field(default_factory=Counter)  # planned files in output/, by kind
    made: Counter = field(default_factory=Counter)  # of those, made anew (the rest unchanged)
    photos_processed: int = 0  # photo sources decoded and encoded in this build
    photos_reused: int = 0  # photo sources whose files came from the photo cache
    output_files: int = 0  # files in output/ as a host counts them (the search index is many)
    output_bytes: int = 0
    seconds: float = 0.0
    lang: str = "id"  # of the messages: the summary speaks it
    max_files: int = 0  # EXPO_MAX_FILES: the summary warns above it (0: no limit)
    max_size_mb: int = 0  # EXPO_MAX_SIZE_MB: the summary warns above it (0: no limit)

    @property
    def pages(self) -> int:
        return self.files["page"]


def open_project(root: Path, settings_file: str = "pelicanconf.py", lang: str | None = None,
                 overrides: dict | None = None) -> Project:
    """load_project with its mistakes as a BuildFailed the command line prints."""
    try:
        return load_project(root, settings_file, lang, overrides)
    except SettingsError as exc:
        raise BuildFailed(str(exc)) from None


def build(root: Path, settings_file: str = "pelicanconf.py", output: str = "output",
          lang: str | None = None, out=None) -> BuildResult:
    """Build the whole site into `output`, atomically; raise BuildFailed on any error."""
    from pelican import Pelican, signals

    from expo.site.early import early_folder
    from expo.site.generator import ExpoGenerator

    started = time.monotonic()
    out = out or sys.stderr
    root = root.resolve()
    final = root / output
    staging = root / f".output-build-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    project = open_project(root, settings_file, lang, {"OUTPUT_PATH": str(staging), PREVIOUS_OUTPUT_KEY: str(final)})
    expo = project.expo
    display = ProgressDisplay(expo.lang, out) if on_terminal(out) else None
    if display is not None:
        project.pelican[PROGRESS_KEY] = display
    _quiet_pelican()
    seen: list = []

    def keep_generators(generators) -> None:
        seen.extend(generators)

    signals.all_generators_finalized.connect(keep_generators)
    succeeded = False
    try:
        pelican = Pelican(project.pelican)
        with _without_pelican_summary():
            pelican.run()
        succeeded = True
    except ContentErrors as exc:
        print(format_report(exc.problems, expo.lang, exhibitors_path=expo.exhibitors_path), file=out)
        raise BuildFailed(reported=True) from None
    except SettingsError as exc:
        raise BuildFailed(str(exc)) from None
    except SearchIndexError as exc:  # the index could not be written
        raise BuildFailed(f"indeks pencarian / search index: {exc}") from None
    except SpareError as exc:
        raise BuildFailed(f"Folder {spare_folder(final).name} tidak dapat diperbarui ({exc}). Jalankan "
                          f"invoke clean lalu build lagi. / The spare tree could not be updated: run "
                          f"invoke clean, then build again.") from None
    except jinja2.TemplateError as exc:  # an organiser's theme edit, not exhibitor content
        where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', None) or 'theme'}"
        line = getattr(exc, "lineno", None)
        raise BuildFailed(f"{where}{f':{line}' if line else ''}: template error: {exc.message}") from None
    finally:
        signals.all_generators_finalized.disconnect(keep_generators)
        if display is not None:
            display.close()
        if not succeeded:
            for generator in seen:  # another generator failed after ours started its early files
                if isinstance(generator, ExpoGenerator) and hasattr(generator, "early"):
                    generator.early.drop()
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(early_folder(staging), ignore_errors=True)
    generator = next(g for g in seen if isinstance(g, ExpoGenerator))
    if generator.warnings:
        print(format_report(generator.warnings, expo.lang, exhibitors_path=expo.exhibitors_path), file=out)
    carried = generator.carried
    if carried.kept and not _holds_files(staging):
        shutil.rmtree(staging, ignore_errors=True)  # nothing changed: output/ stays, untouched
        files, size = carried.previous.tree or tree_size(final)  # as the last build counted it
    else:
        if carried.kept:  # another Pelican generator wrote here: the rest comes from output/
            carried.link(staging)
        spare_kept = _swap(staging, final, carried.previous)
        files, size = tree_size(final)
        manifest = manifest_path(root, expo)
        write_manifest(manifest, final, final, carried.linked_rows(), generator.made_rows(), tree=(files, size))
        if spare_kept and sum(generator.written.values()) >= spare_refresh.WORTH_FILES and manifest.exists():
            spare_refresh.start(manifest, final, carried.whole_folders)  # the next build only does its own changes
    sources = len({p.key for p in generator.photos.pictures})
    return BuildResult(final, generator.warnings, len(generator.catalog.exhibitors),
                       len(generator.catalog.products), generator.counts, generator.written,
                       photos_processed=generator.photos.decoded,
                       photos_reused=sources - generator.photos.decoded, output_files=files,
                       output_bytes=size, seconds=time.monotonic() - started, lang=expo.lang,
                       max_files=expo.max_files, max_size_mb=expo.max_size_mb)


def _swap(staging: Path, final: Path, previous: Previous | None = None) -> bool:
    """Replace `final` by `staging` with two renames, so a host never sees a half site. The old
    tree becomes the spare the next build starts from (expo/site/spare.py) when the last
    manifest (`previous`) lists its files; else it is deleted by a detached process at the
    lowest CPU priority: unlinking thousands of files is not the build's critical path. So are
    an old spare, the files this build moved out of the spare (spare.reconcile), and the
    .output-old-* an interrupted delete left, or one still under way when the next build ends
    (deleting them here cost a quick rebuild seconds). Returns True if the spare was kept."""
    leftovers = [str(p) for p in final.parent.glob(f"{DISCARD_PREFIX}*")]  # the spare's discarded files too

    def away(tree: Path) -> None:
        old = discard_folder(final)  # never a leftover's name
        tree.rename(old)
        leftovers.append(str(old))

    spare = spare_folder(final)
    with contextlib.ExitStack() as lock:
        if previous is not None:
            lock.enter_context(locked(previous.manifest))  # a refresh of the spare still under way
            spare_manifest(previous.manifest).unlink(missing_ok=True)  # before the spare changes
        kept = False
        if final.exists():
            if spare.exists():
                away(spare)
            if previous is not None:
                final.rename(spare)
                kept = True
            else:
                away(final)
        staging.rename(final)
        if kept and not keep_as_spare(previous):
            away(spare)
            kept = False
    if leftovers:
        subprocess.Popen([sys.executable, "-c", "import os, shutil, sys\nif hasattr(os, 'nice'): os.nice(19)\n"
                          "for f in sys.argv[1:]: shutil.rmtree(f, True)",
                          *leftovers], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    return kept


def _holds_files(folder: Path) -> bool:
    """Any file under `folder` (Pelican may have made it, empty)."""
    return any(files for _, _, files in os.walk(folder))


def validate(root: Path, settings_file: str = "pelicanconf.py", folder: str | None = None,
             lang: str | None = None, strict: bool = False, out=None, only: set[str] | None = None,
             photos: bool = True) -> int:
    """Check content (every folder, one `folder`, or the slugs in `only`) without writing
    anything; return the exit status (0 = valid).

    With `photos`, every photo the cache has not seen yet is decoded in full (JPEGs at 1/8
    scale, on every core), so a file whose header is fine but whose pixels are cut off is caught
    here, not halfway through a build. That costs about a third of a build's photo work, once
    per new photo; `photos=False` (invoke validate --quick) checks headers only.
    """
    out = out or sys.stderr
    project = open_project(root, settings_file, lang)
    expo, root = project.expo, project.root
    if folder:
        slug = Path(folder).name
        if not SLUG_RE.match(slug) or not (project.exhibitors_dir / slug).is_dir():
            raise BuildFailed(f"Folder {printable(folder)} tidak ditemukan (not found). "
                              f"Contoh / example: invoke validate {expo.exhibitors_path}/<nama-folder>")
        only = {slug}
    from expo.images.photos import remember_digests, verify_photos

    remember_digests(root, expo)
    catalog, problems = load_catalog(root, expo, only=only)
    if catalog is not None and photos:
        problems += verify_photos(catalog, root, expo, progress=getattr(out, "isatty", bool)())
    print(format_report(problems, expo.lang, exhibitors_path=expo.exhibitors_path), file=out)
    failed = catalog is None or any(p.is_error for p in problems) or (strict and problems)
    return 1 if failed else 0


@contextlib.contextmanager
def _without_pelican_summary():
    """Pelican ends with "Done: Processed 0 articles, ..., 1 page": blog counts that only confuse
    an organiser, who gets our own summary instead. Only that module-level print is silenced;
    Pelican's warnings go through its log handler and still show."""
    import pelican
    from rich.console import Console

    original = pelican.console
    pelican.console = Console(quiet=True)
    try:
        yield
    finally:
        pelican.console = original


def _quiet_pelican() -> None:
    """Pelican's own progress chatter is noise for organisers; keep its warnings."""
    logging.getLogger("pelican").setLevel(logging.WARNING)
