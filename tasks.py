"""Organiser commands: `invoke --list`. Thin wrappers; the work is in expo/commands.py."""

import sys
from pathlib import Path

from invoke import task

from expo.cli import commands

ROOT = Path(__file__).resolve().parent


@task(help={"lang": "message language: id (default) or en", "settings": "settings file"})
def build(c, lang=None, settings="pelicanconf.py"):
    """Build the site into output/ (the old site stays if anything is wrong)."""
    commands.run(commands.build_site, ROOT, settings_file=settings, lang=lang)


@task(help={"port": "port on localhost (default 8000)", "watch": "rebuild when files change"})
def serve(c, port=8000, watch=False):
    """Build, then preview the site on http://localhost:8000."""
    commands.run(commands.serve, ROOT, port=int(port), watch=watch)


@task
def watch(c, port=8000):
    """Serve and rebuild on every change in exhibitors/, content/, theme/ or settings."""
    commands.run(commands.serve, ROOT, port=int(port), watch=True)


def _folder_after(name: str) -> bool:
    """True for `invoke validate exhibitors/x`. Invoke has no optional positional arguments, so
    the folder is positional only when the command line has one; `invoke validate` and
    `--folder` keep working."""
    args = sys.argv[1:]
    rest = args[args.index(name) + 1:] if name in args else []
    return bool(rest) and not rest[0].startswith("-")


@task(positional=["folder"] if _folder_after("validate") else [], help={
    "folder": "check one folder only, e.g. exhibitors/batik-sari",
    "lang": "message language: id (default) or en",
    "strict": "warnings fail too",
    "changed-since": "check only the folders changed since this git ref, e.g. origin/main",
    "quick": "check photo headers only, skip decoding new photos in full",
})
def validate(c, folder=None, lang=None, strict=False, changed_since=None, quick=False):
    """Check every exhibitor folder and report every problem; writes nothing."""
    commands.run(commands.validate, ROOT, folder=folder, lang=lang, strict=strict,
                 changed_since=changed_since, quick=quick)


@task(name="new-exhibitor")
def new_exhibitor(c, slug):
    """Create exhibitors/<slug>/ with a commented exhibitor.yml to fill in."""
    commands.run(commands.new_exhibitor, ROOT, slug)


@task(help={"check": "fail if the file is out of date instead of writing it"})
def schema(c, check=False):
    """Write schema/exhibitor.schema.json (editor autocomplete) from the contract and categories."""
    commands.run(commands.schema, ROOT, check=check)


@task(name="check-pr", help={
    "base": "the branch the pull request goes into, e.g. origin/main",
    "author": "the GitHub username of the pull request's author",
})
def check_pr(c, base=None, author=None):
    """Fail if the author changed files outside the exhibitor folders they own."""
    commands.run(commands.check_pr, ROOT, base=base, author=author)


@task(help={"check": "only check that .github/CODEOWNERS is up to date (exit 1 if not)"})
def codeowners(c, check=False):
    """Write .github/CODEOWNERS from the owners of every exhibitor folder."""
    commands.run(commands.codeowners, ROOT, check=check)


@task(name="import-csv", help={
    "file": "the CSV file: one row per product (columns: docs/import-csv.md)",
    "photos": "folder holding the photo files named in the CSV (default: the CSV's folder)",
    "update": "replace exhibitor.yml of booths that already exist, and add their photos",
    "dry-run": "check everything, write nothing",
    "owner": "GitHub username to use as owner when a booth's owners cell is empty",
    "lang": "message language: id (default) or en",
})
def import_csv(c, file, photos=None, update=False, dry_run=False, owner=None, lang=None):
    """Create exhibitor folders from a spreadsheet or form export (CSV)."""
    commands.run(commands.import_csv, ROOT, file, photos=photos, update=update, dry_run=dry_run,
                 owner=owner, lang=lang)


@task(help={"cache": "also delete the whole photo cache",
            "stale": "prune photo cache entries the last build did not use"})
def clean(c, cache=False, stale=False):
    """Delete output/ and leftovers of interrupted builds."""
    commands.run(commands.clean, ROOT, cache=cache, stale=stale)


@task
def publish(c):
    """Build with publishconf.py (set EXPO_SITEURL to the site's address)."""
    commands.run(commands.build_site, ROOT, settings_file="publishconf.py")


@task(name="bench-images", help={"photos": "how many generated photos (default 24)",
                                  "megapixels": "size of each generated photo (default 12)"})
def bench_images(c, photos=24, megapixels=12):
    """Benchmark the photo pipeline against a naive Pillow loop (cold and warm cache)."""
    c.run(f"python bench/images.py --photos {int(photos)} --megapixels {float(megapixels)}", pty=False)


@task(name="bench-build", help={
    "sizes": "BOOTHSxPRODUCTS, comma-separated (default 152x18; also 1500x10, 23000x10)",
    "profile": "run under cProfile and write .prof files into this folder",
})
def bench_build(c, sizes="152x18", profile=None):
    """Benchmark builds (cold, template edit, one booth, nothing changed) against plain Pelican."""
    import shlex

    extra = f" --profile {shlex.quote(profile)}" if profile else ""
    c.run(f"python bench/build.py --sizes {shlex.quote(sizes)}{extra}", pty=False)


@task
def test(c):
    """Run the test suite."""
    c.run("python -m pytest", pty=False)
