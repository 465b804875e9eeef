"""Incremental builds: a planned file whose inputs did not change keeps its bytes and mtime.

Every planned file gets a digest of what it is made from: the site as a whole (settings, theme,
translations, the plugin's code, the organiser's pages) and the content keys it names in
`PlannedFile.inputs` ('booth:batik-sari', 'catalog', 'photo:<key>', ...). A build still writes
a fresh staging tree that replaces output/ by renaming, but a file whose digest matches the
previous build's, and whose old copy is untouched (same size and mtime), is hard-linked from the
previous output instead of rendered again. Files no longer planned simply are not carried over.
Correctness over speed: anything not known to be the same is rendered.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from expo.content.models import Catalog
from expo.settings import ExpoSettings
from expo.site.plan import PlannedFile

MANIFEST_VERSION = 1
# The build tells the generator where the previous output is (a Pelican setting of the build's
# own, not an organiser's EXPO_* option).
PREVIOUS_OUTPUT_KEY = "EXPO__OUTPUT"
_CODE = Path(__file__).resolve().parent.parent  # the expo package: its code shapes every page


def _sha(*parts: object) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def tree_digest(folder: Path, pattern: str = "*") -> str:
    """Names and bytes of every file under `folder` (sorted), or '' if it does not exist."""
    if not folder.is_dir():
        return ""
    files = sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    return _sha(*(x for p in files for x in (p.relative_to(folder).as_posix(), p.read_bytes())))


def tree_digest_of(path: Path) -> str:
    return _sha(path.read_bytes())


def manifest_path(root: Path, settings: ExpoSettings) -> Path:
    """Beside the photo cache: kept between builds, never published."""
    return settings.image_cache_dir(root).parent / "output-manifest.json"


def _plain(value: Any) -> bool:
    """Settings that are plain data: their text is stable between runs (no object addresses)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def site_digest(settings: Mapping[str, Any], theme: Path, extra: Iterable[object]) -> str:
    """What every page depends on. `extra`: the organiser's pages and intros, the typed settings."""
    plain = {k: v for k, v in settings.items() if _plain(v) and k not in ("OUTPUT_PATH", "PATH")}
    from expo.site import text  # the catalogs it reads, wherever they are

    return _sha(json.dumps(plain, sort_keys=True, default=str), tree_digest(theme / "templates"),
                tree_digest(_CODE, "*.py"), tree_digest(text.LOCALE_DIR), *extra)


def content_digests(catalog: Catalog) -> dict[str, str]:
    """A digest per content key. Models are frozen dataclasses: their repr is everything a page
    can show of them (sanitised Markdown, photo keys and sizes), so a change to a comment in
    exhibitor.yml re-renders nothing, while a changed price re-renders that booth's pages."""
    digests: dict[str, str] = {}
    for exhibitor in catalog.exhibitors:
        digests[f"booth:{exhibitor.slug}"] = _sha(repr(exhibitor))
    for kind, groups in (("category", catalog.categories), ("city", catalog.cities)):
        for group in groups:
            digests[f"{kind}:{group.key}"] = _sha(group.label, *(digests[f"booth:{e.slug}"] for e in group.exhibitors))
            if kind == "city":
                digests[f"citylabel:{group.key}"] = _sha(group.label)
    for group in catalog.editions:  # the edition's settings are in every page's site digest
        digests[f"edition:{group.key}"] = _sha(*(digests[f"booth:{e.slug}"] for e in group.exhibitors))
    current = catalog.current_edition.key if catalog.current_edition else None  # moves with the day
    digests["catalog"] = _sha(repr((catalog.featured, catalog.recent, current)),
                              *(f"{k}={v}" for k, v in sorted(digests.items())))
    return digests


def file_digest(file: PlannedFile, site: str, content: Mapping[str, str], extra: Mapping[str, str]) -> str:
    """The digest of one planned file. Keys not in `content` come from `extra` (pages, photos
    and theme files know their own); a key found nowhere makes the digest unique, so the file
    is rendered: correctness over speed. A file that names everything it is made of in
    `values["made_of"]` (the search index: its records' digest) depends on that alone."""
    if "made_of" in file.values:
        return _sha(file.kind, file.save_as, file.values["made_of"])
    parts = []
    for key in file.inputs:
        parts.append(content.get(key) or extra.get(key) or os.urandom(16).hex())
    return _sha(site, file.kind, file.save_as, file.template or "", file.lang or "", *parts)


@dataclass
class Previous:
    """The last build's output and what each of its files was made from."""

    folder: Path
    files: dict[str, list]  # save_as -> [digest, size, mtime_ns]

    @classmethod
    def load(cls, manifest: Path, folder: Path) -> "Previous | None":
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("version") != MANIFEST_VERSION or data.get("output") != str(folder):
            return None
        return cls(folder, data.get("files", {}))

    def reuse(self, save_as: str, digest: str, target: Path, whole_folder: str = "") -> bool:
        """Hard-link the previous file to `target` if it was made from the same inputs and is
        untouched since; False means: render it. With `whole_folder`, the file stands for every
        file of that folder (the search index, whose other files are named by their content),
        and all of them are linked."""
        entry = self.files.get(save_as)
        if not entry or entry[0] != digest:
            return False
        old = self.folder / save_as
        try:
            stat = old.stat()
            if [stat.st_size, stat.st_mtime_ns] != entry[1:]:
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, target)
            if whole_folder:
                root = target.parents[len(Path(save_as).parts) - 1]
                for file in sorted((self.folder / whole_folder).rglob("*")):
                    copy = root / file.relative_to(self.folder)
                    if file.is_file() and not copy.exists():
                        copy.parent.mkdir(parents=True, exist_ok=True)
                        os.link(file, copy)
        except OSError:
            return False
        return True


def write_manifest(manifest: Path, output: Path, staged: Path, digests: Mapping[str, str]) -> None:
    """Record each written file's digest, size and mtime (read in `staged`, which becomes
    `output` by renaming: the same inodes)."""
    files = {}
    for save_as, digest in digests.items():
        try:
            stat = (staged / save_as).stat()
        except OSError:
            continue
        files[save_as] = [digest, stat.st_size, stat.st_mtime_ns]
    manifest.parent.mkdir(parents=True, exist_ok=True)
    temporary = manifest.with_suffix(".tmp")
    temporary.write_text(json.dumps({"version": MANIFEST_VERSION, "output": str(output), "files": files}),
                         encoding="utf-8")
    temporary.replace(manifest)
