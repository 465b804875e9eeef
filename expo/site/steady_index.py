"""Pagefind's bundle in a stable byte order, so two builds of the same site are identical.

Pagefind 1.5 writes the values of each filter, and the list of filters, in the random order of
a Rust HashMap: the same site gives different filter files (and so different file names, and a
different language metadata file) on every build, and a deploy re-uploads the index each time.
Here the filter files and the filter list are sorted, renamed by their content as Pagefind
names them, and the references updated. Files are gzip'd CBOR after a signature; only the few
CBOR types Pagefind uses are read. A bundle laid out otherwise (a future Pagefind) is left as it
is: it still works, it is only not byte-stable.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


class _Unexpected(ValueError):
    """The bundle is not laid out as this module knows."""


# --- a minimal CBOR reader and writer (unsigned ints, text, byte strings, arrays) ------------

def _decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[at:at + size], "big")
        at += size
    else:
        raise _Unexpected(f"CBOR item {data[at - 1]:#x}")
    if major == 0:
        return value, at
    if major == 2:
        return data[at:at + value], at + value
    if major == 3:
        return data[at:at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise _Unexpected(f"CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise _Unexpected("integer too large")


def _encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise _Unexpected("CBOR simple value")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    return _head(4, len(value)) + b"".join(_encode(v) for v in value)


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise _Unexpected(path.name)
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise _Unexpected(path.name)
    return value


def _payload(value: Any) -> bytes:
    return SIGNATURE + _encode(value)


def _write(path: Path, payload: bytes) -> None:
    path.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))


# --- the bundle -------------------------------------------------------------------------------

def _is_filter_list(value: Any, names: dict[str, str]) -> bool:
    """The metadata's [[filter name, file hash], ...] list."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(v, list) and len(v) == 2 and isinstance(v[1], str) and v[1] in names
                    for v in value))


def steady(bundle: Path) -> bool:
    """Rewrite `bundle` in a stable order; False (bundle untouched) if it is laid out otherwise."""
    try:
        entry_path = bundle / "pagefind-entry.json"
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plan: list[tuple[Path, Path, bytes]] = []  # (old file, new file, new content)
        for lang, info in entry["languages"].items():
            renamed: dict[str, str] = {}
            for path in sorted((bundle / "filter").glob(f"{lang}_*.pf_filter")):
                name, values = _read(path)
                payload = _payload([name, sorted(values, key=lambda v: v[0])])
                new = f"{lang}_{hashlib.sha256(payload).hexdigest()[:7]}"
                renamed[path.stem] = new
                plan.append((path, path.with_name(f"{new}.pf_filter"), payload))
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read(meta_path)
            lists = [i for i, part in enumerate(meta) if _is_filter_list(part, renamed)]
            if len(renamed) and len(lists) != 1:
                raise _Unexpected("no filter list in the metadata")
            for i in lists:
                meta[i] = sorted([name, renamed[old]] for name, old in meta[i])
            payload = _payload(meta)
            info["hash"] = f"{lang}_{hashlib.sha256(payload).hexdigest()[:10]}"
            plan.append((meta_path, bundle / f"pagefind.{info['hash']}.pf_meta", payload))
    except (_Unexpected, KeyError, ValueError, TypeError, IndexError, OSError):
        return False
    for old, _new, _payload_ in plan:  # all old names first: a new name may be an old one
        old.unlink()
    for _old, new, payload in plan:
        _write(new, payload)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
