"""The build's last line, and the warning before it when output/ holds more files than hosts take.

'Selesai: 152 booth, 2.736 produk, 6.196 halaman, 12 foto diproses, 2.724 dipakai ulang,
3 peringatan, 18.402 berkas (412,3 MB), 12,4 detik' (or in English with --lang en). Numbers are
written the language's way: 2.736 and 12,4 in Indonesian, 2,736 and 12.4 in English.

The file count is of output/ as it is on disk, not of the plan: the search index is one planned
file but many files, and hosts count files (Cloudflare Pages takes 20,000 per site).
"""

from __future__ import annotations

import os
from pathlib import Path

from expo.text.messages import render

# What each figure counts: Indonesian, English singular, English plural.
_NOUNS = {
    "booths": ("booth", "booth", "booths"),
    "products": ("produk", "product", "products"),
    "pages": ("halaman", "page", "pages"),
    "processed": ("foto diproses", "photo processed", "photos processed"),
    "reused": ("dipakai ulang", "reused", "reused"),
    "warnings": ("peringatan", "warning", "warnings"),
    "files": ("berkas", "file", "files"),
}


def number(value: float, lang: str, decimals: int = 0) -> str:
    """12345.6 -> '12.345,6' (id) or '12,345.6' (en)."""
    text = f"{value:,.{decimals}f}"
    return text if lang == "en" else text.translate(str.maketrans(",.", ".,"))


def size_text(size: int, lang: str) -> str:
    """Bytes as '412,3 MB' / '1,2 GB' (1 MB = 1,000,000 bytes, as hosts state their limits)."""
    if size >= 1_000_000_000:
        return f"{number(size / 1e9, lang, 1)} GB"
    return f"{number(size / 1e6, lang, 1)} MB"


def tree_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under `folder`, every file counted once per path as a host receives it."""
    files = size = 0
    stack = [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    files += 1
                    size += entry.stat(follow_symlinks=False).st_size
    return files, size


def summary_line(result, lang: str) -> str:
    """One line: booths, products, pages, photos processed and reused, warnings, files, seconds."""
    counts = {"booths": result.booths, "products": result.products, "pages": result.pages,
              "processed": result.photos_processed, "reused": result.photos_reused,
              "warnings": len(result.warnings), "files": result.output_files}
    parts = []
    for name, value in counts.items():
        indonesian, singular, plural = _NOUNS[name]
        noun = indonesian if lang != "en" else singular if value == 1 else plural
        parts.append(f"{number(value, lang)} {noun}")
    parts[-1] += f" ({size_text(result.output_bytes, lang)})"
    seconds = number(result.seconds, lang, 1)
    if lang == "en":
        return f"Done: {', '.join(parts)}, {seconds} seconds"
    return f"Selesai: {', '.join(parts)}, {seconds} detik"


def size_limit_warning(result, limit_mb: int, lang: str, output: str = "output/") -> str | None:
    """The warning when output/ is larger than `limit_mb` megabytes (0: no limit), else None."""
    if not limit_mb or result.output_bytes <= limit_mb * 1_000_000:
        return None
    return render("build_too_large", lang, {"output": output, "size": size_text(result.output_bytes, lang),
                                            "limit": number(limit_mb, lang)})


def file_limit_warning(result, limit: int, lang: str, output: str = "output/") -> str | None:
    """The warning when output/ holds more than `limit` files (0: no limit), else None."""
    if not limit or result.output_files <= limit:
        return None
    return render("build_too_many_files", lang, {"output": output, "files": number(result.output_files, lang),
                                                 "limit": number(limit, lang)})
