"""`_headers` for Netlify and Cloudflare Pages (the same file format): how long browsers keep what.

Files named by their content never change under their name, so browsers may keep them a year
without asking again ('public, max-age=31536000, immutable'): the photos (media/<booth>/
kain-1a2b3c4d5e-800.avif: the key of source and recipe is in the name), the theme's stylesheet
and scripts (theme/css/expo.1a2b3c4d5e.css, assets.py) and the search index's chunks
(indeks/t/, d/, f/, p/). Everything else (pages, the search index's entry and tables of contents, QR codes,
link preview images, icons, the manifest) keeps both hosts' default, 'public, max-age=0,
must-revalidate': the browser revalidates and gets a 304 when nothing changed.

The rules are folders ('/media/*'), derived from the plan: a folder gets the year-long rule only
when every planned file under it is named by its content, so a file added later in such a folder
(another kind of output) turns the rule off instead of being cached a year under a stable name.
No rule sets Cache-Control on '/*': both hosts join the values of every rule that matches a path
(Cloudflare documents it), so a site-wide value would be glued onto the year-long one. Only
literal folders ending in a splat are used: Netlify treats '*' as the end of a pattern.

Security headers on every path: `X-Content-Type-Options: nosniff` (a file is only what its type
says) and `Referrer-Policy: strict-origin-when-cross-origin` (browsers' default, stated: YouTube's
player needs the page's origin, and wa.me links get no path). No X-Frame-Options or CSP: an
organiser may embed the catalog in the office's own site, and other features add scripts.

Paths are from the root of the folder the host serves (output/), whatever EXPO_SITEURL says.
"""

from __future__ import annotations

import posixpath
import re
from typing import Iterable

from expo.site.plan import PlannedFile, normalised_path

IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "strict-origin-when-cross-origin"))
MAX_RULES = 100  # Cloudflare Pages: 100 rules per project
MAX_LINE = 2000  # Cloudflare Pages: characters per line
# The search index names every file of these folders by its content (search_index.py).
SEARCH_HASHED = ("t/", "d/", "f/", "p/")
_HASHED_ASSET = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")  # assets.published_name


def _named_by_content(file: PlannedFile) -> bool:
    if file.kind == "photo":
        return True
    return file.kind == "asset" and bool(_HASHED_ASSET.search(file.save_as))


class ImmutableFolders:
    """The highest folders ('media/', 'theme/css/') holding only files named by their content,
    gathered a planned file at a time (the plan is walked, never held)."""

    def __init__(self):
        self.hashed: set[str] = set()
        self.mixed: set[str] = set()  # folders that hold a file that may change

    def add(self, file: PlannedFile, path: str) -> None:
        """`path`: the file's save_as, normalised (normalised_path)."""
        if _named_by_content(file):
            self.hashed.add(posixpath.dirname(path))
        else:
            self.mixed.update(_folders(path))
        if file.kind == "search":
            bundle = file.values["bundle"]
            self.hashed.update(f"{bundle}{folder}".rstrip("/") for folder in SEARCH_HASHED)

    def folders(self) -> list[str]:
        chosen = set()
        for folder in self.hashed:
            clean = [f for f in _folders(folder + "/x") if f not in self.mixed]
            if clean:
                chosen.add(clean[0])  # the highest; never the root, which holds the pages
        return sorted(f for f in chosen if not any(f != g and f.startswith(g) for g in chosen))


def immutable_folders(planned: Iterable[PlannedFile]) -> list[str]:
    """The highest folders ('media/', 'theme/css/') holding only files named by their content."""
    folders = ImmutableFolders()
    for file in planned:
        folders.add(file, normalised_path(file.save_as))
    return folders.folders()


def _folders(path: str) -> list[str]:
    """'a/b/c.jpg' -> ['a/', 'a/b/'], highest first."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1)]


def headers_text(planned: Iterable[PlannedFile]) -> str:
    return headers_of(immutable_folders(planned))


def headers_of(immutable: list[str]) -> str:
    folders = immutable[:MAX_RULES - 1]  # one rule is the site-wide one
    lines = ["# Netlify and Cloudflare Pages: response headers (written by the build, expo/site/headers.py).",
             "# Files named by their content are kept a year; everything else revalidates (the hosts' default).",
             "/*"]
    lines += [f"  {name}: {value}" for name, value in SECURITY]
    for folder in folders:
        lines += ["", f"/{folder}*", f"  Cache-Control: {IMMUTABLE}"]
    lines = [line for line in lines if len(line) <= MAX_LINE]  # a folder name past the limit: no rule
    return "\n".join(lines) + "\n"
