"""The photo cache outside output/: one folder per source-and-recipe key, pruned on request.

Layout: `<cache>/<key[:2]>/<key>/` holds `<width>.<ext>` for every width and format,
`share.jpg` when the photo is a booth's or a product's link preview, and `meta.json` (the
placeholder colour), written last: an entry without it is unfinished and never trusted.
`<cache>/last-build.txt` lists the keys the last successful build used; `prune` deletes every
other entry. `<cache>/digests.json` remembers the size as displayed and the digest of each
source file by its signature (path, size, mtime, ctime, inode), so an unchanged photo is neither
read nor opened again (rows of the older digest-only format are ignored: those photos are read
once more). `<cache>/markdown.json` keeps exhibitor Markdown's HTML by content (expo/content/markup.py).
Pruning is explicit (`invoke clean --stale`), not automatic, because a build with
other settings (publishconf.py, a test of new widths) would otherwise throw away entries the
next normal build needs again, and re-encoding costs far more than the disk it frees.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from expo.images.encode import META

USED = "last-build.txt"
DIGESTS = "digests.json"  # source file signature -> size and sha256: unchanged photos are not re-read


class PhotoCache:
    def __init__(self, root: Path):
        self.root = Path(root)

    def entry(self, key: str) -> Path:
        return self.root / key[:2] / key

    def complete(self, key: str, names) -> bool:
        entry = self.entry(key)
        return (entry / META).is_file() and all((entry / name).is_file() for name in names)

    def placeholder(self, key: str) -> str:
        try:
            return str(json.loads((self.entry(key) / META).read_text(encoding="utf-8"))["placeholder"])
        except (OSError, ValueError, KeyError, TypeError):
            return ""

    def record_use(self, keys) -> None:
        """Remember which entries the last successful build used (what `prune` keeps)."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{USED}.{os.getpid()}"
        tmp.write_text("".join(f"{k}\n" for k in sorted(set(keys))), encoding="utf-8")
        tmp.replace(self.root / USED)

    def load_known(self) -> dict[tuple, tuple[int, int, str, bool]]:
        """Source file signature -> (width, height, digest, jpeg) as the last build saved them."""
        try:
            rows = json.loads((self.root / DIGESTS).read_text(encoding="utf-8"))
            return {tuple(row[:5]): (int(row[5]), int(row[6]), str(row[7]), bool(row[8]))
                    for row in rows if len(row) == 9}
        except (OSError, ValueError, TypeError):
            return {}

    def save_known(self, known: dict[tuple, tuple[int, int, str, bool]]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{DIGESTS}.{os.getpid()}"
        tmp.write_text(json.dumps(sorted([*key, *value] for key, value in known.items())), encoding="utf-8")
        tmp.replace(self.root / DIGESTS)

    def used(self) -> set[str] | None:
        try:
            return set((self.root / USED).read_text(encoding="utf-8").split())
        except OSError:
            return None

    def stale(self) -> list[Path]:
        """Entries the last build did not use, and leftovers of interrupted builds."""
        if not self.root.is_dir():
            return []
        used = self.used()
        found = []
        for shard in sorted(p for p in self.root.iterdir() if p.is_dir() and len(p.name) == 2):
            for entry in sorted(shard.iterdir()):
                if entry.name.startswith(".tmp-") or (used is not None and entry.name not in used):
                    found.append(entry)
        return found

    def prune(self) -> tuple[int, int]:
        """Delete stale entries; returns how many and how many bytes were freed."""
        count = size = 0
        for entry in self.stale():
            size += sum(f.stat().st_size for f in entry.rglob("*") if f.is_file())
            shutil.rmtree(entry, ignore_errors=True)
            count += 1
        return count, size
