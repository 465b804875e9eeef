"""The digest of the expo package's own files: what every cached result is also made from."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # the expo package


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """Every file of the expo package, by name and bytes. Once per process: the code that runs
    is the code that was imported."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8", "surrogatepass") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
