"""Stats as an organiser reads them: a table for the terminal, JSON, and CSV for spreadsheets
(pure: text in, text out)."""

from __future__ import annotations

import json
from dataclasses import asdict

from expo.reports.orders import PROVIDER_NAMES, BoothOffers, OrderStats
from expo.reports.spreadsheet import csv_text
from expo.reports.stats import EditionStats, GroupStats, PriceRange, Stats
from expo.site.analytics import CART, CHANNELS, WHATSAPP
from expo.values.prices import format_rupiah
from expo.values.shops import MARKETPLACES

JSON_VERSION = 1  # raised when a field changes meaning or goes away; new fields keep it

# The booths that need a follow-up: Stats field, Indonesian / English title.
FOLLOW_UPS = (("without_video", "tanpa video", "no video"),
              ("single_photo", "hanya satu foto produk", "a single product photo"),
              ("without_price", "tanpa harga", "no price"))

CSV_COLUMNS = ("section", "key", "label", "exhibitors", "products", "priced_products",
               "price_low", "price_median", "price_high", "booths")


def stats_json(stats: Stats, editions: tuple[EditionStats, ...] = ()) -> str:
    """With editions, "editions" lists each edition's key, name, days and the same figures."""
    document = {"version": JSON_VERSION, **asdict(stats)}
    if editions:
        document["editions"] = [{"key": e.key, "name": e.name, "start_date": e.start_date, "end_date": e.end_date,
                                 **asdict(e.figures)} for e in editions]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def stats_csv(stats: Stats, editions: tuple[EditionStats, ...] = ()) -> str:
    """One row per figure, the same columns throughout, so a spreadsheet can filter by section.
    Starts with a BOM (see spreadsheet.py); city names are exhibitor text, so cells are made safe.
    With editions, a first column "edition": empty for the whole expo, then each edition's key
    before the same rows for its booths."""
    if not editions:
        return csv_text(CSV_COLUMNS, _csv_rows(stats))
    rows = [["", *row] for row in _csv_rows(stats)]
    rows += [[e.key, *row] for e in editions for row in _csv_rows(e.figures)]
    return csv_text(("edition", *CSV_COLUMNS), rows)


def _csv_rows(stats: Stats) -> list[list[object]]:
    rows: list[list[object]] = [["total", "", "", stats.exhibitors, stats.products, *_price_cells(stats.prices), ""]]
    for section, groups in (("category", stats.categories), ("city", stats.cities)):
        rows += [[section, g.key, g.label, g.exhibitors, g.products, *_price_cells(g.prices), ""] for g in groups]
    rows += [["credential", c.kind, c.label, c.exhibitors, "", "", "", "", "", ""] for c in stats.credentials]
    for field, _id, english in FOLLOW_UPS:
        slugs = getattr(stats, field)
        rows.append([field, "", english, len(slugs), "", "", "", "", "", " ".join(slugs)])
    return rows


def _price_cells(prices: PriceRange | None) -> list[object]:
    return ["", "", "", ""] if prices is None else [prices.priced, prices.low, prices.median, prices.high]


def stats_table(stats: Stats, expo_name: str, editions: tuple[EditionStats, ...] = ()) -> str:
    """The whole expo, then each edition (its name and days in the heading) the same way."""
    lines = _table(stats, expo_name)
    for e in editions:
        lines += [*_table(e.figures, f"Edisi (edition) {e.key}, {e.name}, {e.start_date} - {e.end_date}")]
    return "\n".join(lines).rstrip() + "\n"


def _table(stats: Stats, title: str) -> list[str]:
    lines = [f"{title}: {stats.exhibitors} booth, {stats.products} produk "
             f"({stats.exhibitors} booths, {stats.products} products)", ""]
    everything = GroupStats("", "Semua (all)", stats.exhibitors, stats.products, stats.prices)
    lines += _groups("Kategori (category)", (everything, *stats.categories))
    lines += _groups("Kota (city)", stats.cities)
    lines += _rows(["Izin usaha (credentials)", "booth", ""],
                   [[c.label, str(c.exhibitors), _share(c.exhibitors, stats.exhibitors)] for c in stats.credentials])
    lines += _rows(["Perlu ditindaklanjuti (follow up)", "booth", "folder"],
                   [[f"{id_} ({en})", str(len(getattr(stats, f))), ", ".join(getattr(stats, f)) or "-"]
                    for f, id_, en in FOLLOW_UPS])
    return lines


def _groups(title: str, groups: tuple[GroupStats, ...]) -> list[str]:
    header = [title, "booth", "produk", "terendah (low)", "median", "tertinggi (high)"]
    rows = [[g.label, str(g.exhibitors), str(g.products), *_price_texts(g.prices)] for g in groups]
    return _rows(header, rows)


def _price_texts(prices: PriceRange | None) -> list[str]:
    if prices is None:
        return ["-", "-", "-"]
    return [format_rupiah(prices.low), format_rupiah(prices.median), format_rupiah(prices.high)]


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def _rows(header: list[str], rows: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell: the first left-aligned, numbers right-aligned, a
    last column of names left as it is."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        parts = [cells[0].ljust(widths[0])]
        for i, cell in enumerate(cells[1:], 1):
            last_text = i == len(cells) - 1 and header[i] in ("folder", "", "booth")
            parts.append(cell if last_text else cell.rjust(widths[i]))
        return "  ".join(parts).rstrip()

    return [line(header), *(line(r) for r in rows), ""]


# --- `invoke stats --orders`: offers per booth from an analytics export (expo/reports/orders.py)

ORDERS_CSV_COLUMNS = ("booth", "name", "channel", "order_code", "count")


def _channel_columns(orders: OrderStats) -> list[str]:
    """WhatsApp, the cart, then each marketplace that has an offer, in CHANNELS order."""
    used = {key for b in orders.booths for key in b.marketplaces}
    return [WHATSAPP, CART] + [key for key in CHANNELS if key in used]


def _channel_count(booth: BoothOffers, channel: str) -> int:
    return {WHATSAPP: booth.whatsapp, CART: booth.cart}.get(channel, booth.marketplaces.get(channel, 0))


def orders_table(orders: OrderStats, expo_name: str) -> str:
    provider = PROVIDER_NAMES[orders.provider]
    lines = [f"{expo_name}: {orders.total} penawaran dari {orders.source} ({provider}) "
             f"({orders.total} offers)", ""]
    channels = _channel_columns(orders)
    titles = {WHATSAPP: "WhatsApp", CART: "keranjang (cart)", **MARKETPLACES}
    header = ["Penawaran per booth (offers per booth)", *(titles[c] for c in channels), "total"]
    lines += _rows(header, [[b.name, *(str(_channel_count(b, c)) for c in channels), str(b.total)]
                            for b in orders.booths])
    codes = [[code, str(count), b.name] for b in orders.booths for code, count in b.orders.items()]
    lines += _rows(["Kode pesanan (order codes)", "jumlah (count)", "booth"], codes) if codes else \
        ["Kode pesanan (order codes): belum ada (none yet)", ""]
    return "\n".join(lines).rstrip() + "\n"


def orders_json(orders: OrderStats) -> str:
    document = {"version": JSON_VERSION, "provider": orders.provider, "source": orders.source,
                "offers": orders.total, "warnings": list(orders.warnings),
                "booths": [{"slug": b.slug, "name": b.name, "code": b.code, "total": b.total,
                            "whatsapp": b.whatsapp, "cart": b.cart, "marketplaces": b.marketplaces,
                            "orders": b.orders} for b in orders.booths]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def orders_csv(orders: OrderStats) -> str:
    """One row per booth and channel with offers, one per order code, and a total row per booth
    (so booths without offers are listed too)."""
    rows: list[list[object]] = []
    for b in orders.booths:
        rows += [[b.slug, b.name, c, "", _channel_count(b, c)] for c in _channel_columns(orders)
                 if _channel_count(b, c)]
        rows += [[b.slug, b.name, CART, code, count] for code, count in b.orders.items()]
        rows.append([b.slug, b.name, "total", "", b.total])
    return csv_text(ORDERS_CSV_COLUMNS, rows)
