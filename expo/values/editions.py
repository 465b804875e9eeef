"""Editions of an expo: the organiser's list (EXPO_EDITIONS) and edition keys as people write them (pure).

One repository can serve several editions of an expo (UKM Virtual Expo I and II): the mall stays
open, and each edition has its own page and archive. The organiser lists the editions in
pelicanconf.py; an exhibitor lists the keys of the editions it joined (`editions: [2025, 2026]`).
YAML reads `2025` as a number and `"2025"` as text; both mean the key "2025". One reader for
exhibitor.yml and import-csv: the key itself, or the edition's name, without case or spacing.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from expo.values.slugs import SLUG_RE

# The fields of one edition in EXPO_EDITIONS: required ones first.
REQUIRED = ("key", "name", "start_date", "end_date")
OPTIONAL = ("name_en", "theme", "theme_en")
NAME_LIMIT = 80
THEME_LIMIT = 300
EXAMPLE = ('{"key": "2026", "name": "Expo UMKM Virtual II", "start_date": "2026-11-16", '
           '"end_date": "2026-11-30"}')
# A spreadsheet cell listing several editions: "2025, 2026", "2025; 2026", "2025 dan 2026"
_SPLIT = re.compile(r"\s*(?:[,;/\n]|\bdan\b|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Edition:
    """One edition: its key (the page's address and what exhibitors write), names, days, theme."""

    key: str
    name: str
    start_date: _dt.date
    end_date: _dt.date
    name_en: str = ""
    theme: str = ""
    theme_en: str = ""

    def includes(self, day: _dt.date) -> bool:
        return self.start_date <= day <= self.end_date


def key_text(value: Any) -> str | None:
    """The key a YAML value or a cell stands for: 2025 -> '2025', ' UVO1 ' -> 'uvo1'; None for
    what cannot be a key (a list, yes/no, a fraction)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    return str(value).strip().lower()


def read_edition(value: Any, editions: Sequence[Edition]) -> str | None:
    """The key of the edition `value` means (its key or its name), or None."""
    text = key_text(value)
    if not text:
        return None
    wanted = " ".join(text.split())
    for edition in editions:
        if wanted in (edition.key, " ".join(edition.name.casefold().split())):
            return edition.key
    return None


def suggest_edition(value: Any, editions: Sequence[Edition]) -> str | None:
    """The key a mistyped edition is closest to ('2O26' -> '2026'), or None. Never for a number:
    2019 is another year, not a typo of 2021."""
    if (key_text(value) or "").isdigit():
        return None
    guess = difflib.get_close_matches(key_text(value) or "", [e.key for e in editions], n=1, cutoff=0.6)
    return guess[0] if guess else None


def split_editions(text: str) -> list[str]:
    """The editions of one spreadsheet cell: '2025, 2026' -> ['2025', '2026']."""
    return [part for part in _SPLIT.split(text.strip()) if part]


def current_edition(editions: Iterable[Edition], today: _dt.date) -> Edition | None:
    """The edition whose days include `today`, else the latest (by its first day)."""
    editions = sorted(editions, key=lambda e: (e.start_date, e.end_date))
    running = [e for e in editions if e.includes(today)]
    return (running or editions or [None])[-1]


def read_editions_setting(value: Any) -> tuple[tuple[Edition, ...], list[str]]:
    """EXPO_EDITIONS -> the editions and every mistake in it (Indonesian, then English)."""
    if not isinstance(value, (list, tuple)):
        return (), [f"EXPO_EDITIONS harus daftar edisi, misalnya [{EXAMPLE}] "
                    f"(EXPO_EDITIONS must be a list of editions, e.g. [{EXAMPLE}])."]
    editions: list[Edition] = []
    mistakes: list[str] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(value, start=1):
        edition, found = _edition(number, item)
        mistakes += found
        if edition is None:
            continue
        if edition.key in seen:
            mistakes.append(f'EXPO_EDITIONS edisi ke-{number}: key "{edition.key}" sudah dipakai edisi '
                            f'ke-{seen[edition.key]}; setiap edisi perlu key sendiri (edition {number}: key '
                            f'"{edition.key}" is already used by edition {seen[edition.key]}; every edition '
                            "needs its own key).")
            continue
        seen[edition.key] = number
        editions.append(edition)
    return tuple(editions), mistakes


def _edition(number: int, item: Any) -> tuple[Edition | None, list[str]]:
    where = f"EXPO_EDITIONS edisi ke-{number}"
    there = f"edition {number}"
    if not isinstance(item, dict):
        return None, [f"{where} harus berisi key, name, start_date dan end_date, misalnya {EXAMPLE} "
                      f"({there} must be a mapping with key, name, start_date and end_date, e.g. {EXAMPLE})."]
    mistakes = []
    known = REQUIRED + OPTIONAL
    for name in item:
        if name in known:
            continue
        guess = difflib.get_close_matches(str(name), known, n=1)
        hint = (f' Maksud Anda "{guess[0]}"? (did you mean "{guess[0]}"?)' if guess else
                f" Pilihan (choices): {', '.join(known)}.")
        mistakes.append(f'{where}: kolom "{name}" tidak dikenal ({there}: unknown field "{name}").{hint}')
    for name in REQUIRED:
        if item.get(name) is None or not str(item.get(name)).strip():
            mistakes.append(f'{where}: "{name}" wajib diisi ({there}: "{name}" is required).')
    key = key_text(item.get("key")) and str(item["key"]).strip()  # as written: "UVO1" is no key
    if item.get("key") not in (None, "") and (not key or not SLUG_RE.match(key)):
        mistakes.append(f'{where}: key {item["key"]!r} hanya boleh huruf kecil, angka dan tanda hubung, '
                        f'misalnya "2026" atau "uvo-2" ({there}: the key may only have lowercase letters, '
                        'digits and hyphens, e.g. "2026" or "uvo-2").')
    texts = {}
    for name in ("name", "name_en", "theme", "theme_en"):
        text = item.get(name, "")
        limit = NAME_LIMIT if name.startswith("name") else THEME_LIMIT
        if not isinstance(text, str):
            mistakes.append(f'{where}: "{name}" harus teks dalam tanda kutip ({there}: "{name}" must be text '
                            "in quotes).")
        elif "\n" in text.strip() or len(text.strip()) > limit:
            mistakes.append(f'{where}: "{name}" harus satu baris, paling banyak {limit} karakter ({there}: '
                            f'"{name}" must be one line of at most {limit} characters).')
        else:
            texts[name] = text.strip()
    days = {}
    for name in ("start_date", "end_date"):
        text = item.get(name)
        if text in (None, ""):
            continue
        try:
            days[name] = text if isinstance(text, _dt.date) else _dt.date.fromisoformat(str(text))
        except ValueError:
            mistakes.append(f'{where}: {name} {text!r} bukan tanggal; tulis seperti "2026-11-16" ({there}: '
                            f'{name} {text!r} is not a date; write it like "2026-11-16").')
    if len(days) == 2 and days["end_date"] < days["start_date"]:
        mistakes.append(f"{where}: end_date {days['end_date']} sebelum start_date {days['start_date']} "
                        f"({there}: end_date is before start_date).")
    if mistakes:
        return None, mistakes
    return Edition(key, texts["name"], days["start_date"], days["end_date"], texts.get("name_en", ""),
                   texts.get("theme", ""), texts.get("theme_en", "")), []
