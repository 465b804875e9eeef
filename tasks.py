"""Organiser commands: `invoke --list`. Thin wrappers; the work is in expo/commands.py."""

import sys
from pathlib import Path

from invoke import task

from expo.cli import commands, review_commands

ROOT = Path(__file__).resolve().parent


@task(help={"lang": "message language: id (default) or en", "settings": "settings file (default pelicanconf.py)"})
def build(c, lang=None, settings="pelicanconf.py"):
    """Build the site into output/ (the old site stays if anything is wrong)."""
    commands.run(commands.build_site, ROOT, settings_file=settings, lang=lang)


@task(help={"port": "port on localhost (default 8000)", "watch": "rebuild when files change",
            "lan": "also open to phones on the same Wi-Fi (prints the address to open)",
            "settings": "settings file (default pelicanconf.py)"})
def serve(c, port=8000, watch=False, lan=False, settings="pelicanconf.py"):
    """Build, then preview the site on http://localhost:8000."""
    commands.run(commands.serve, ROOT, port=int(port), watch=watch, settings_file=settings, lan=lan)


@task(help={"settings": "settings file (default pelicanconf.py)"})
def watch(c, port=8000, settings="pelicanconf.py"):
    """Serve and rebuild on every change in exhibitors/, content/, theme/ or settings."""
    commands.run(commands.serve, ROOT, port=int(port), watch=True, settings_file=settings)


# validate's options that take a value: the word after them is that value, not the folder
_VALUE_OPTIONS = {"--lang", "-l", "--changed-since", "-c", "--folder", "-f", "--settings", "-e"}


def _folder_after(name: str) -> bool:
    """True for `invoke validate exhibitors/x`, also after options (`invoke validate --strict
    exhibitors/x`). Invoke has no optional positional arguments, so the folder is positional
    only when the command line has a word after the task that is neither an option nor an
    option's value; `invoke validate` and `--folder` keep working."""
    args = sys.argv[1:]
    rest = args[args.index(name) + 1:] if name in args else []
    skip = False
    for word in rest:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = word in _VALUE_OPTIONS  # '--lang=en' carries its value
        else:
            return True
    return False


@task(positional=["folder"] if _folder_after("validate") else [], help={
    "folder": "check one folder only, e.g. exhibitors/batik-sari",
    "lang": "message language: id (default) or en",
    "strict": "warnings fail too",
    "changed-since": "check only the folders changed since this git ref, e.g. origin/main",
    "quick": "check photo headers only, skip decoding new photos in full",
    "settings": "settings file (default pelicanconf.py)",
})
def validate(c, folder=None, lang=None, strict=False, changed_since=None, quick=False,
             settings="pelicanconf.py"):
    """Check every exhibitor folder and report every problem; writes nothing."""
    commands.run(commands.validate, ROOT, folder=folder, lang=lang, strict=strict,
                 changed_since=changed_since, quick=quick, settings_file=settings)


@task(name="new-exhibitor", help={"settings": "settings file (default pelicanconf.py)"})
def new_exhibitor(c, slug, settings="pelicanconf.py"):
    """Create exhibitors/<slug>/ with a commented exhibitor.yml to fill in."""
    commands.run(commands.new_exhibitor, ROOT, slug, settings_file=settings)


@task(help={"check": "fail if the file is out of date instead of writing it",
            "settings": "settings file (default pelicanconf.py)"})
def schema(c, check=False, settings="pelicanconf.py"):
    """Write schema/exhibitor.schema.json (editor autocomplete) from the contract and categories."""
    commands.run(commands.schema, ROOT, check=check, settings_file=settings)


@task(help={"check": "only check that every interface text is translated (exit 1 if not)"})
def translations(c, check=False):
    """Extract interface text into expo/text/locale/ and merge it into each language's .po file."""
    commands.run(commands.translations, ROOT, check=check)


@task(name="check-pr", help={
    "base": "the branch the pull request goes into, e.g. origin/main",
    "author": "the GitHub username of the pull request's author",
    "head": "the pull request's commit (default HEAD); read from git, never checked out",
})
def check_pr(c, base=None, author=None, head="HEAD"):
    """Fail if the author changed files outside the exhibitor folders they own."""
    commands.run(commands.check_pr, ROOT, base=base, author=author, head=head)


@task(help={
    "base": "the branch the pull request goes into, e.g. origin/main (run from its checkout)",
    "head": "the pull request's commit, e.g. pr-123 after git fetch origin pull/123/head:pr-123",
    "author": "the GitHub username of the pull request's author",
    "output": "also write the pull-request comment (JSON: body and suggested changes) to this file",
    "lang": "message language: id (default) or en",
    "quick": "check photo headers only, skip decoding new photos in full",
})
def review(c, base=None, head=None, author=None, output=None, lang=None, quick=False):
    """Check a pull request with the base branch's code (run it from the base's checkout).

    The pull request is read from git as data: never checked out, imported or run."""
    commands.run(review_commands.review, ROOT, base=base, head=head, author=author, output=output,
                 lang=lang, quick=quick)


@task(positional=["folder"], help={
    "folder": "the booth folder, e.g. exhibitors/batik-sari",
    "dry-run": "show the diff, write nothing",
    "lang": "message language: id (default) or en",
})
def fix(c, folder, dry_run=False, lang=None):
    """Apply the certain fixes to a booth's exhibitor.yml and show the diff.

    Certain fixes: a price like Rp 25.000, a missing quote before @, a photo name's capitals or
    extension."""
    commands.run(review_commands.fix, ROOT, folder, dry_run=dry_run, lang=lang)


@task(help={"check": "only check that .github/CODEOWNERS is up to date (exit 1 if not)"})
def codeowners(c, check=False):
    """Write .github/CODEOWNERS from the owners of every exhibitor folder."""
    commands.run(commands.codeowners, ROOT, check=check)


@task(name="import-csv", help={
    "file": "the CSV file: one row per product (columns: docs/import-csv.md)",
    "photos": "folder holding the photo files named in the CSV (default: the CSV's folder)",
    "update": "replace exhibitor.yml of booths that already exist, and add their photos",
    "allow-owner-change": "with --update: allow changing a booth's owners or WhatsApp number",
    "dry-run": "check everything, write nothing",
    "owner": "GitHub username to use as owner when a booth's owners cell is empty",
    "lang": "message language: id (default) or en",
    "settings": "settings file (default pelicanconf.py)",
})
def import_csv(c, file, photos=None, update=False, dry_run=False, owner=None, lang=None,
               settings="pelicanconf.py", allow_owner_change=False):
    """Create exhibitor folders from a spreadsheet or form export (CSV)."""
    commands.run(commands.import_csv, ROOT, file, photos=photos, update=update, dry_run=dry_run,
                 owner=owner, lang=lang, settings_file=settings, allow_owner_change=allow_owner_change)


@task(name="stats", help={"json": "print JSON instead of a table",
                          "csv": "print CSV for spreadsheets (UTF-8 with BOM) instead of a table",
                          "settings": "settings file (default pelicanconf.py)",
                          "orders": "an analytics export (Plausible or Umami zip or CSV, GoatCounter CSV): "
                                    "offers per booth and channel, and the cart's order codes"})
def stats(c, json=False, csv=False, settings="pelicanconf.py", orders=None):
    """Exhibitors and products per category and city, licences, booths to follow up, prices."""
    commands.run(commands.stats, ROOT, as_json=json, as_csv=csv, settings_file=settings, orders=orders)


@task(name="issue-to-booth", positional=["issue"], help={
    "issue": "the issue as JSON: the workflow's $GITHUB_EVENT_PATH, or gh issue view N --json number,body,author",
    "output": "write the result for the workflow (JSON: slug, branch, title, the comment to post)",
    "dry-run": "check everything and download the photos, write no folder",
    "lang": "message language: id (default) or en",
})
def issue_to_booth(c, issue, output=None, dry_run=False, lang=None):
    """Turn a submitted "Daftar booth / Ubah booth" Issue Form into a booth folder."""
    from expo.cli import issue_commands

    commands.run(issue_commands.issue_to_booth, ROOT, issue, output=output, dry_run=dry_run, lang=lang)


@task(help={"cache": "also delete the whole photo cache",
            "stale": "only prune photo cache entries the last build did not use (output/ stays)",
            "settings": "settings file (default pelicanconf.py)"})
def clean(c, cache=False, stale=False, settings="pelicanconf.py"):
    """Delete output/ and leftovers of interrupted builds."""
    commands.run(commands.clean, ROOT, cache=cache, stale=stale, settings_file=settings)


@task(help={"rsync": "then copy output/ to an SSH host with rsync, e.g. expo@server.example.go.id:/var/www/expo"})
def publish(c, rsync=None):
    """Build with publishconf.py (set EXPO_SITEURL to the site's address); --rsync also uploads it."""
    commands.run(commands.publish, ROOT, rsync=rsync)


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


@task(name="bench-hostile", help={"skip-photos": "skip the 60-megapixel photo cases"})
def bench_hostile(c, skip_photos=False):
    """Time the worst hostile input at every limit against its budget (Markdown, keys, CSV, photos)."""
    c.run(f"python bench/hostile.py{' --skip-photos' if skip_photos else ''}", pty=False)


@task(name="bench-search", help={"booths": "generated booths (default 550)",
                                  "products": "products per booth (default 5: 2,750 in all)",
                                  "browser": "also time first searches in Chromium (/usr/bin/chromium)"})
def bench_search(c, booths=550, products=5, browser=False):
    """Benchmark the search index: indexing speed against Pagefind (if installed), bytes and time of a first search."""
    c.run(f"python bench/search.py --booths {int(booths)} --products {int(products)}"
          + (" --browser" if browser else ""), pty=False)


@task(help={"output": "audit output/ as it is (a preview build, no absolute addresses) instead of a published copy",
            "show-audits": "list every audit below full marks, not only those of missed targets"})
def audit(c, output=False, show_audits=False):
    """Lighthouse (npm ci first) on the home, a booth and a product page against the targets."""
    flags = (" --output" if output else "") + (" --show-audits" if show_audits else "")
    c.run(f"python bench/audit.py{flags}", pty=False)


@task(help={"quick": "skip the slow tests (real camera photos, regenerating the demo photos, the "
                     "browser): a minute or two instead of several; CI runs everything"})
def test(c, quick=False):
    """Run the test suite."""
    c.run("python -m pytest" + (' -m "not slow and not browser"' if quick else ""), pty=False)
