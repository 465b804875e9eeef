"""Theme files (theme/static/) as published: stylesheets and scripts named by their content.

'css/expo.css' is published as 'theme/css/expo.1a2b3c4d5e.css' (the first 10 hex digits of its
SHA-256), so a host may let browsers keep it for a year (_headers, headers.py): a changed file
gets a new name, and the pages, which every theme change re-renders, point at the new name.
On a phone that saves a round trip per page before the stylesheet applies. Templates reach
every theme file through `routes.asset('css/expo.css')`, which returns the published name.

Only .css and .js files are renamed: those are what templates load. Other theme files (an
image, a font) keep their names, so a stylesheet's relative url() to them keeps working; hosts
revalidate them on every use instead.
"""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path

HASHED = (".css", ".js")  # theme files published under a name that carries their digest
DIGEST_LENGTH = 10


def published_name(name: str, data: bytes) -> str:
    """'css/expo.css' -> 'css/expo.1a2b3c4d5e.css'; other files keep their name."""
    stem, ext = posixpath.splitext(name)
    if ext.lower() not in HASHED:
        return name
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]}{ext}"


def theme_assets(static: Path) -> tuple[tuple[str, str, Path], ...]:
    """(name under theme/static, published name, file) of every theme file, in name order."""
    files = sorted(p for p in static.rglob("*") if p.is_file()) if static.is_dir() else []
    found = []
    for path in files:
        name = path.relative_to(static).as_posix()
        found.append((name, published_name(name, path.read_bytes()), path))
    return tuple(found)
