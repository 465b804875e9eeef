"""`invoke stats --orders <export>`: offers per booth and channel, and the cart's order codes, from
what the analytics provider exports (pure but for reading the one file).

Events are named "<channel>/<booth>" or "cart/<order code>" (expo/site/analytics.py). Each
provider's own export keeps that name:
- Plausible, dashboard > Export (a zip of CSV files): custom_props.csv has the columns
  property,value,visitors,events,percentage (conversion_rate when a goal filter is on), one row per
  value of each custom property; the rows of property "offer" count our events. The export lists
  at most 300 values of a property (lib/plausible_web/controllers/stats_controller.ex csv_export).
- Umami, website > Export data (a zip): events.csv has the columns x,y: the event name and how
  many times it happened, at most 500 names (src/app/api/websites/[websiteId]/export/route.ts,
  getEventMetrics).
- GoatCounter, Settings > Export (https://www.goatcounter.com/help/export): a gzipped CSV, one
  row per pageview or event; the first column's name carries the format version, "2Path" (the
  version 1 export has "1Path"), then Title, Event, ..., Bot, ... (export.go writes
  `ExportVersion + "Path"`); rows with Event "true" and Bot "0" are events people sent.
A .zip from Plausible or Umami and GoatCounter's .csv.gz can be given as they are.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from expo.content.models import Catalog
from expo.site.analytics import CART, CHANNELS, WHATSAPP
from expo.site.cart import booth_codes

MAX_BYTES = 256 * 1024 * 1024  # a GoatCounter export holds every pageview; bigger than this is not ours
MAX_MESSAGES = 20
PLAUSIBLE_LIMIT, UMAMI_LIMIT = 300, 500  # rows each export stops at
ZIP_MEMBERS = {"custom_props.csv": "plausible", "events.csv": "umami"}
PROVIDER_NAMES = {"plausible": "Plausible", "umami": "Umami", "goatcounter": "GoatCounter"}


class OrdersError(ValueError):
    """Everything wrong with an export file, one line each, Indonesian first."""

    def __init__(self, messages: list[str]):
        shown = messages[:MAX_MESSAGES]
        if len(messages) > MAX_MESSAGES:
            shown.append(f"... dan {len(messages) - MAX_MESSAGES} kesalahan lagi "
                         f"(and {len(messages) - MAX_MESSAGES} more mistakes)")
        self.messages = shown
        super().__init__("\n".join(shown))


@dataclass(frozen=True)
class Event:
    line: int  # in the CSV, for messages
    name: str  # "<channel>/<booth>" or "cart/<code>"
    count: int


@dataclass(frozen=True)
class Export:
    provider: str  # plausible, umami, goatcounter
    source: str  # the file named in messages: 'x.csv' or 'x.zip:events.csv'
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()
    problems: tuple[tuple[int, str], ...] = ()  # (line, message) of rows that could not be read


@dataclass
class BoothOffers:
    slug: str
    name: str
    code: str  # the booth's part of its order codes
    whatsapp: int = 0
    cart: int = 0
    marketplaces: dict[str, int] = field(default_factory=dict)  # marketplace key -> offers
    orders: dict[str, int] = field(default_factory=dict)  # order code -> events (one per message sent)

    @property
    def total(self) -> int:
        return self.whatsapp + self.cart + sum(self.marketplaces.values())


@dataclass(frozen=True)
class OrderStats:
    provider: str
    source: str
    booths: tuple[BoothOffers, ...]  # most offers first
    warnings: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(b.total for b in self.booths)


def read_export(path: Path) -> Export:
    """The events of an export file; OrdersError when it is no export at all."""
    name = str(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        raise OrdersError([f"{name}: tidak bisa dibaca (cannot be read): {exc.strerror or exc}"]) from None
    if data is None:
        raise OrdersError([f"{name}: lebih dari {MAX_BYTES // 1024 // 1024} MB, bukan ekspor analitik "
                           f"(larger than {MAX_BYTES // 1024 // 1024} MB, not an analytics export)"])
    if data.startswith(b"PK\x03\x04"):
        name, data = _from_zip(name, data)
    elif data.startswith(b"\x1f\x8b"):
        data = _gunzip(name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise OrdersError([f"{name}: bukan file CSV (teks UTF-8) (not a CSV file in UTF-8 text)"]) from None
    return _parse(name, text)


def _gunzip(name: str, data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            text = unpacked.read(MAX_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise OrdersError([f"{name}: file gzip rusak (broken gzip file): {exc}"]) from None
    if len(text) > MAX_BYTES:
        raise OrdersError([f"{name}: isinya lebih dari {MAX_BYTES // 1024 // 1024} MB "
                           f"(unpacks to more than {MAX_BYTES // 1024 // 1024} MB)"])
    return text


def _from_zip(name: str, data: bytes) -> tuple[str, bytes]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if member.filename.rsplit("/", 1)[-1] in ZIP_MEMBERS and member.file_size <= MAX_BYTES:
                    return f"{name}:{member.filename}", archive.read(member)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise OrdersError([f"{name}: file zip rusak (broken zip file): {exc}"]) from None
    raise OrdersError([f"{name}: zip ini tidak berisi custom_props.csv (Plausible) atau events.csv (Umami) "
                       "(this zip holds neither custom_props.csv from Plausible nor events.csv from Umami)"])


def _parse(name: str, text: str) -> Export:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(rows, [])]
        if not header:
            raise OrdersError([f"{name}: file kosong (empty file)"])
        lowered = [cell.lower() for cell in header]
        if lowered[:4] == ["property", "value", "visitors", "events"]:
            return _plausible(name, rows)
        if lowered == ["x", "y"]:
            return _umami(name, rows)
        if header[0] in ("1Path", "2Path") and "Event" in header:
            return _goatcounter(name, rows, header)
    except csv.Error as exc:
        raise OrdersError([f"{name}, baris {rows.line_num}: bukan CSV yang benar (not valid CSV): {exc}"]) from None
    raise OrdersError([
        f"{name}, baris 1: kolomnya tidak dikenali (columns not recognised): "
        f"\"{','.join(header)[:80]}\". Yang bisa dibaca (readable): custom_props.csv dari ekspor Plausible "
        "(property,value,visitors,events,...), events.csv dari ekspor Umami (x,y), atau ekspor CSV "
        "GoatCounter (2Path,Title,Event,...)."])


def _count(name: str, line: int, text: str, problems: list[tuple[int, str]]) -> int:
    if re.fullmatch(r"[0-9]{1,12}", text.strip()):  # a count, not a number Python refuses to read
        return int(text)
    problems.append((line, f"{name}, baris {line}: jumlah \"{text[:40]}\" bukan bilangan bulat "
                           "(count is not a whole number)"))
    return 0


def _read_rows(name: str, rows, width: int, pick) -> tuple[list[Event], int, tuple[tuple[int, str], ...]]:
    """Events from `pick(row, line, problems)` -> (event name, count) or None, the rows read, and
    a message for every row too short and every bad count."""
    events, problems, seen = [], [], 0
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            seen += 1
            line = rows.line_num
            if len(row) < width:
                problems.append((line, f"{name}, baris {line}: {len(row)} kolom, seharusnya {width} "
                                       f"({len(row)} columns, should be {width})"))
                continue
            picked = pick(row, line, problems)
            if picked is not None and picked[1]:
                events.append(Event(line, picked[0].strip(), picked[1]))
    except csv.Error as exc:
        problems.append((rows.line_num, f"{name}, baris {rows.line_num}: bukan CSV yang benar (not valid CSV): {exc}"))
    return events, seen, tuple(problems)


def _plausible(name: str, rows) -> Export:
    def pick(row, line, problems):
        return (row[1], _count(name, line, row[3], problems)) if row[0].strip() == "offer" else None

    events, _seen, problems = _read_rows(name, rows, 4, pick)
    warnings = _limit_warning(name, "Plausible", len(events), PLAUSIBLE_LIMIT)
    return Export("plausible", name, tuple(events), warnings, problems)


def _umami(name: str, rows) -> Export:
    events, seen, problems = _read_rows(name, rows, 2,
                                        lambda row, line, problems: (row[0], _count(name, line, row[1], problems)))
    return Export("umami", name, tuple(events), _limit_warning(name, "Umami", seen, UMAMI_LIMIT), problems)


def _goatcounter(name: str, rows, header: list[str]) -> Export:
    event, bot = header.index("Event"), header.index("Bot") if "Bot" in header else None

    def pick(row, line, problems):
        person = bot is None or row[bot].strip() in ("", "0")
        return (row[0], 1) if row[event].strip() == "true" and person else None

    events, _seen, problems = _read_rows(name, rows, max(event, bot or 0) + 1, pick)
    return Export("goatcounter", name, tuple(events), (), problems)


def _limit_warning(name: str, provider: str, rows: int, limit: int) -> tuple[str, ...]:
    if rows < limit:
        return ()
    return (f"{name}: tepat {limit} baris, batas ekspor {provider}: mungkin ada yang terpotong; ekspor "
            f"per periode yang lebih pendek (exactly {limit} rows, {provider}'s export limit: some may be "
            "missing; export shorter periods)",)


def tally(export: Export, catalog: Catalog, code_prefix: str) -> OrderStats:
    """Offers per booth and channel; OrdersError with every unreadable row and every event of a booth
    or order code not in the catalog, by line."""
    booths = {e.slug: BoothOffers(e.slug, e.name, "") for e in catalog.exhibitors}
    codes = booth_codes(tuple(booths))
    by_code = {code: slug for slug, code in codes.items()}
    for slug, booth in booths.items():
        booth.code = codes[slug]
    order_code = re.compile(r"^([A-Z0-9]{2,8})-([A-Z0-9]{3,12})-([0-9A-F]{4})$")
    problems = list(export.problems)
    where = f"{export.source}, baris"
    for event in export.events:
        channel, _, rest = event.name.partition("/")
        if channel not in CHANNELS:
            continue  # another event of the site (a download, an outbound link): not an offer
        if channel == CART:
            match = order_code.match(rest)
            if not match:
                problems.append((event.line, f"{where} {event.line}: \"{rest[:40]}\" bukan kode pesanan seperti "
                                             f"{code_prefix}-K7Q-3F2A (not an order code)"))
            elif match.group(1) != code_prefix:
                problems.append((event.line, f"{where} {event.line}: kode pesanan {rest} bukan dari expo ini, yang "
                                             f"kodenya berawalan {code_prefix} (EXPO_ORDER_CODE_PREFIX) "
                                             "(order code of another expo)"))
            elif match.group(2) not in by_code:
                problems.append((event.line, f"{where} {event.line}: kode pesanan {rest}: tidak ada booth berkode "
                                             f"{match.group(2)} (no booth has the code {match.group(2)})"))
            else:
                booth = booths[by_code[match.group(2)]]
                booth.cart += event.count
                booth.orders[rest] = booth.orders.get(rest, 0) + event.count
            continue
        booth = booths.get(rest)
        if booth is None:
            cut = " Umami memotong nama event setelah 50 karakter (Umami cuts event names at 50 characters)." \
                if export.provider == "umami" and len(event.name) >= 50 else ""
            problems.append((event.line, f"{where} {event.line}: booth \"{rest[:60]}\" tidak ada di katalog "
                                         f"(no such booth in the catalog).{cut}"))
        elif channel == WHATSAPP:
            booth.whatsapp += event.count
        else:
            booth.marketplaces[channel] = booth.marketplaces.get(channel, 0) + event.count
    if problems:  # in the file's order, whatever found them
        raise OrdersError([message for _line, message in sorted(problems, key=lambda p: p[0])])
    ordered = sorted(booths.values(), key=lambda b: (-b.total, b.slug))
    for booth in ordered:  # fixed orders for every output: channels as CHANNELS lists them, codes sorted
        booth.marketplaces = {k: booth.marketplaces[k] for k in CHANNELS if k in booth.marketplaces}
        booth.orders = dict(sorted(booth.orders.items()))
    return OrderStats(export.provider, export.source, tuple(ordered), export.warnings)
