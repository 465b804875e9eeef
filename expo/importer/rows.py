"""Spreadsheet rows -> planned exhibitor folders, for `invoke import-csv`. Pure: no files.

Only what is specific to a spreadsheet is checked here: the header row, which rows make one
booth, conflicting booth values, prices typed as "Rp150.000", photo file names in the --photos
folder. Every rule of the exhibitor.yml contract stays in parsing.py: the writer runs the
project's own validation on the planned folders and `locate` maps each problem back to the
spreadsheet row and column it came from.

Row numbers are spreadsheet rows as people see them: the header is row 1 (or lower, when a
title sits above it), the first product is row 2.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from expo.content.errors import WARNING, ContentError
from expo.images.pipeline import closest_photo, photo_name_problem
from expo.importer.columns import (
    BOOTH_COLUMNS,
    CONTACT_COLUMNS,
    CREDENTIAL_COLUMNS,
    PRODUCT_COLUMNS,
    HEADER_EXAMPLES,
    REQUIRED_COLUMNS,
    ColumnMap,
    map_headers,
    recognised,
)
from expo.values.prices import PriceError, parse_price
from expo.values.urls import find_urls
from expo.values.categories import read_category
from expo.values.editions import Edition, read_edition, split_editions
from expo.values.cities import read_city
from expo.values.slugs import SLUG_RE
from expo.content.loader import format_field
from expo.values.slugs import slugify

MAX_CSV_MEGABYTES = 20
_HEADER_SEARCH_ROWS = 10  # a title row or two above the header is common in hand-made sheets
_EMPTY = {"-", "–", "—"}  # a dash in a cell means "nothing here" in Indonesian spreadsheets
# File names and GitHub usernames: never on spaces. "Ibu Sari" must stay one (invalid) owner,
# not two accounts that would then own the folder; "foto kain.jpg" is one file.
_NAME_SPLIT = re.compile(r"[,;\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# The shared price reader's message keys, in spreadsheet words where they differ
_PRICE_KEYS = {"price_invalid": "price_text_invalid", "price_zero": "price_zero"}
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?e\+?\d+\Z", re.IGNORECASE)  # Excel's 6,28123E+12


class ImportFailed(Exception):
    """The file as a whole cannot be read; `key` and `params` pick the message."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


class Quoted(str):
    """A value written in double quotes in exhibitor.yml (phone numbers, registration numbers)."""


@dataclass(frozen=True)
class Table:
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (spreadsheet row, cells) after the header
    delimiter: str


@dataclass(frozen=True)
class PhotoFolder:
    """What the --photos folder holds: usable photo files, and names refused (links leaving it)."""

    display: str
    files: frozenset[str]
    refused: frozenset[str] = frozenset()
    sizes: Mapping[str, int] = field(default_factory=dict)  # bytes of each usable file


@dataclass(frozen=True)
class ImportLimits:
    """Limits of the contract the planner applies itself, before anything is read further or
    copied: a spreadsheet must not make the import read 250,000 rows or stage gigabytes."""

    max_products: int = 200
    max_photo_megabytes: float = 25
    max_booth_photo_megabytes: float = 600

    @classmethod
    def of(cls, settings) -> "ImportLimits":
        return cls(settings.max_products, settings.max_photo_megabytes, settings.max_booth_photo_megabytes)


# Contract rules the planner checks itself, in spreadsheet words. In a booth whose rows had
# problems, validation repeats them (the bad cell was left out of the document): drop those.
_REPEATED = {"required", "list_empty", "contact_required", "product_duplicate_name",
             "product_duplicate_slug"}


@dataclass(frozen=True)
class BoothPlan:
    slug: str
    document: dict  # the exhibitor.yml content
    new_photos: tuple[str, ...]  # copied from --photos
    kept_photos: tuple[str, ...]  # already in the booth folder (--update only)
    update: bool  # the folder exists and --update was given
    ready: bool  # no spreadsheet problem: written if validation passes too
    cells: Mapping[str, tuple[int, str]]  # yml field ('products[2].price') -> (row, header)

    def locate(self, problems: Sequence[ContentError], source: str,
               reported: Sequence[ContentError]) -> list[ContentError]:
        """Validation problems of the planned exhibitor.yml, told as spreadsheet cells; in a
        booth that is not ready, one message per cell: the spreadsheet's (`reported`) wins."""
        taken = {(p.line, p.field) for p in reported}
        found = []
        for problem in problems:
            name = problem.field
            while name not in self.cells:
                name = _parent_field(name)
            row, header = self.cells[name]
            if not self.ready and (problem.key in _REPEATED or (row, header) in taken):
                continue
            found.append(ContentError(source, row, header, problem.key, problem.params, problem.severity))
        return found


@dataclass(frozen=True)
class ImportPlan:
    booths: tuple[BoothPlan, ...]  # every booth with a usable slug, ready or not
    unnamed: int  # booths left out because they have no usable slug
    problems: tuple[ContentError, ...]


# --- reading the file


def decode(data: bytes) -> str:
    """UTF-8 with or without BOM; anything else gets a message saying how to re-export."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed("csv_is_workbook")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFailed("csv_encoding", row=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed("csv_encoding", row=data[: exc.start].count(b"\n") + 1) from None


def read_table(text: str) -> Table:
    """Split into rows with the delimiter the file uses (comma, semicolon or tab)."""
    delimiter = sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFailed("csv_unreadable", problem=str(exc)) from None
    numbered = [(i + 1, tuple(_clean(cell) for cell in cells)) for i, cells in enumerate(records)]
    filled = [(n, cells) for n, cells in numbered if any(cells)]
    if not filled:
        raise ImportFailed("csv_empty")
    candidates = filled[:_HEADER_SEARCH_ROWS]
    header_row, headers = next(((n, c) for n, c in candidates if recognised(list(c)) >= 2), filled[0])
    rows = tuple((n, cells) for n, cells in filled if n > header_row)
    if not rows:
        raise ImportFailed("csv_no_rows")
    return Table(header_row, headers, rows, delimiter)


def _clean(cell: str) -> str:
    """Trim, and drop control characters (Excel exports some) except line breaks and tabs."""
    return _CONTROL.sub("", cell.replace("\r\n", "\n")).strip()


def sniff_delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:65536], delimiters=",;\t").delimiter
    except csv.Error:  # one column, or too little text to tell: count in the header line
        first = text.split("\n", 1)[0]
        counts = {d: first.count(d) for d in ",;\t"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


# --- rows -> booths


@dataclass
class _Booth:
    slug: str  # as given in the slug column, or derived from the name ('' if nothing is left)
    slug_given: bool
    name: str
    rows: list[int] = field(default_factory=list)
    values: dict[str, tuple[str, int]] = field(default_factory=dict)  # column -> (value, row)
    products: list[tuple[int, dict, dict]] = field(default_factory=list)  # (row, product, cells)
    photos: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    failed: bool = False
    product_rows: dict[str, int] = field(default_factory=dict)  # product slug -> first row
    photo_bytes: int = 0  # of the new photos, against the booth's budget
    too_many: bool = False  # rows past max_products are counted, not read


class _Planner:
    def __init__(self, table: Table, source: str, photos: PhotoFolder,
                 existing: Mapping[str, frozenset[str] | None], categories: Mapping[str, str],
                 update: bool, owner: str | None, limits: ImportLimits, editions: Sequence[Edition] = ()):
        self.table = table
        self.editions = editions
        self.limits = limits
        self.source = source
        self.photos = photos
        self.existing = existing
        self.categories = categories
        self.update = update
        self.owner = owner
        self.columns: ColumnMap = map_headers(list(table.headers))
        self.problems: list[ContentError] = []
        self.booths: dict[str, _Booth] = {}
        self.key_of_name: dict[str, str] = {}
        self.last: _Booth | None = None  # the booth of the row above

    def problem(self, row: int, column: str, key: str, /, warning: bool = False, **params: Any) -> None:
        """A problem in the cell of `column` (a column name such as 'price') on `row`."""
        self.header_problem(row, self.columns.header.get(column, column), key, warning, **params)

    def header_problem(self, row: int, header: str, key: str, /, warning: bool = False, **params: Any) -> None:
        """A problem in the column headed `header` (as written in the file)."""
        self.problems.append(ContentError(self.source, row, header, key, params,
                                          WARNING if warning else "error"))

    def cell(self, cells: tuple[str, ...], column: str) -> str:
        value = self.columns.cell(cells, column)
        return "" if value in _EMPTY else value

    # --- the header
    def check_header(self) -> bool:
        row = self.table.header_row
        for header, suggestion in self.columns.unknown:
            if suggestion:
                self.header_problem(row, header, "csv_column_unknown_hint", True, suggestion=suggestion)
            else:
                self.header_problem(row, header, "csv_column_unknown", True)
        for column, first, second in self.columns.duplicates:
            self.header_problem(row, second, "csv_column_duplicate", first=first, column=column)
        for column in REQUIRED_COLUMNS:
            if not self.columns.has(column):
                self.header_problem(row, "", "csv_column_missing", column=column, example=HEADER_EXAMPLES[column])
        if not any(self.columns.has(c) for c in CONTACT_COLUMNS):
            self.header_problem(row, "", "csv_column_missing", column=" / ".join(CONTACT_COLUMNS),
                                example=" / ".join(HEADER_EXAMPLES[c] for c in CONTACT_COLUMNS))
        if not self.columns.has("owners") and not self.owner:
            self.header_problem(row, "", "csv_owners_missing")
        return self._errors() == 0

    def _errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    # --- one row
    def add_row(self, row: int, cells: tuple[str, ...]) -> None:
        if len(cells) > len(self.table.headers) and any(cells[len(self.table.headers):]):
            self.header_problem(row, "", "csv_extra_cells", count=len(cells), columns=len(self.table.headers))
            self._fail_booth_of(row, cells)
            return
        booth = self._booth_for(row, cells)
        if booth is None:
            return
        self.last = booth
        booth.rows.append(row)
        for column in BOOTH_COLUMNS:
            value = self.cell(cells, column)
            if value:
                self._booth_value(booth, column, value, row)
        self._product(booth, row, cells)

    def _booth_for(self, row: int, cells: tuple[str, ...]) -> _Booth | None:
        """The booth a row belongs to: its slug, else its name, else the booth above
        (merged cells in Excel export as an empty cell on every row but the first)."""
        slug, name = self.cell(cells, "slug"), self.cell(cells, "name")
        if slug:
            key = slug
            if name:
                self.key_of_name.setdefault(name.casefold(), slug)
        elif name:
            # a name without letters or digits gets no slug: keep it a booth of its own
            key = self.key_of_name.setdefault(name.casefold(), slugify(name) or f"name:{name}")
        elif self.last is not None:
            return self.last
        else:
            self.problem(row, "name", "cell_required")
            return None
        if key not in self.booths:
            self.booths[key] = _Booth(slug or slugify(name), bool(slug), name)
        return self.booths[key]

    def _fail_booth_of(self, row: int, cells: tuple[str, ...]) -> None:
        booth = self._booth_for(row, cells)
        if booth is not None:
            booth.rows.append(row)
            booth.failed = True

    def _booth_value(self, booth: _Booth, column: str, value: str, row: int) -> None:
        if column not in booth.values:
            booth.values[column] = (value, row)
            return
        first, first_row = booth.values[column]
        if _same(column, first, value):
            return
        self.problem(row, column, "booth_conflict", value=value, first=first, first_row=first_row)
        booth.failed = True

    def _product(self, booth: _Booth, row: int, cells: tuple[str, ...]) -> None:
        if not any(self.cell(cells, c) for c in PRODUCT_COLUMNS):
            return  # a row with booth details only
        if len(booth.products) >= self.limits.max_products:
            # the contract's limit, told once on the first row past it; the rest is not read,
            # so 250,000 rows cost no more than 200
            if not booth.too_many:
                self.problem(row, "product_name", "csv_too_many_products", limit=self.limits.max_products)
                booth.too_many = booth.failed = True
            return
        errors = self._errors()
        product: dict[str, Any] = {}
        where: dict[str, str] = {}
        name = self.cell(cells, "product_name")
        if not name:
            self.problem(row, "product_name", "cell_required")
        else:
            product["name"] = name
            where["name"] = "product_name"
            first_row = booth.product_rows.get(slugify(name))
            if first_row is not None:
                self.problem(row, "product_name", "product_duplicate_row", name=name, first_row=first_row)
        self._prices(row, cells, product, where)
        photos = self._photo_names(booth, row, self.cell(cells, "photos"))
        if photos:
            product["photos"] = photos
            where["photos"] = "photos"
        description = "\n".join(line.rstrip() for line in self.cell(cells, "description").split("\n"))
        if description:
            product["description"] = description
            where["description"] = "description"
        links = _urls(self.cell(cells, "product_links"))
        if links:
            product["links"] = links
            where["links"] = "product_links"
        video = self.cell(cells, "product_video")
        if video:
            product["video"] = video
            where["video"] = "product_video"
        if self._errors() > errors:
            booth.failed = True
        booth.product_rows.setdefault(slugify(product.get("name", "")), row)
        booth.products.append((row, product, where))

    def _prices(self, row: int, cells: tuple[str, ...], product: dict, where: dict) -> None:
        text, max_text = self.cell(cells, "price"), self.cell(cells, "price_max")
        try:
            low, high = parse_price(text)  # a range 'Rp50.000 - Rp75.000' fills both
        except PriceError as exc:
            self.problem(row, "price", _PRICE_KEYS[exc.code], value=exc.text)
            return
        if max_text and high is not None:
            self.problem(row, "price_max", "price_range_and_max", value=text)
            return
        if max_text:
            try:
                high, extra = parse_price(max_text)
                if extra is not None:
                    raise PriceError("price_invalid", max_text)
            except PriceError as exc:
                self.problem(row, "price_max", _PRICE_KEYS[exc.code], value=exc.text)
                return
        if low is not None:
            product["price"], where["price"] = low, "price"
        if high is not None:
            product["price_max"], where["price_max"] = high, "price_max" if max_text else "price"

    def _photo_names(self, booth: _Booth, row: int, text: str) -> list[str]:
        names = [n.strip() for n in _NAME_SPLIT.split(text) if n.strip()]
        if not names:
            self.problem(row, "photos", "cell_required")
            return []
        folder = self.photos.display
        usable = []
        for name in names:
            key = self._photo_problem(booth, name)
            if key is None and not self._within_budget(booth, row, name):
                continue
            if key is None:
                usable.append(name)
                copies = booth.photos if name in self.photos.files else booth.kept
                if name not in copies:
                    copies.append(name)
                continue
            params: dict[str, Any] = {"value": name, "photos": folder}
            if key in ("photo_not_found_hint", "photo_not_found_type_hint"):
                params["suggestion"] = closest_photo(name, self.photos.files)[1]
            self.problem(row, "photos", key, **params)
        return usable

    def _within_budget(self, booth: _Booth, row: int, name: str) -> bool:
        """Sizes are checked from the folder listing, before any photo is copied: one photo over
        the size limit, or a booth whose new photos together pass its budget, is a message."""
        if name not in self.photos.files or name in booth.photos:
            return True  # a photo already in the booth folder, or one counted already
        size = self.photos.sizes.get(name, 0)
        limit = self.limits.max_photo_megabytes
        if size > limit * 1024 * 1024:
            self.problem(row, "photos", "photo_too_large", value=name, size=round(size / 1024 / 1024, 1), limit=limit)
            return False
        if booth.photo_bytes + size > self.limits.max_booth_photo_megabytes * 1024 * 1024:
            self.problem(row, "photos", "booth_photo_megabytes", value=name,
                         limit=self.limits.max_booth_photo_megabytes)
            return False
        booth.photo_bytes += size
        return True

    def _photo_problem(self, booth: _Booth, name: str) -> str | None:
        """None when `name` is a plain photo file in --photos (or, with --update, already in
        the booth folder); otherwise the message key saying what is wrong."""
        lowered = name.lower()
        if "://" in name or lowered.startswith(("www.", "drive.google")):
            return "photo_url"
        shape = photo_name_problem(name)
        if shape:
            return {"path": "photo_name_path", "type": "photo_type"}[shape]
        if name in self.photos.refused:
            return "photo_link_outside"
        if name in self.photos.files:
            return None
        if self.update and name in (self.existing.get(booth.slug) or ()):
            return None
        closest = closest_photo(name, self.photos.files)
        if closest:
            return "photo_not_found_hint" if closest[0] == "case" else "photo_not_found_type_hint"
        return "photo_not_found"

    # --- one booth -> exhibitor.yml
    def finish(self, booth: _Booth) -> BoothPlan | None:
        """The booth's exhibitor.yml and the cell of each value; None without a usable slug."""
        first = booth.rows[0]
        cells: dict[str, tuple[int, str]] = {"": (first, "")}
        doc: dict[str, Any] = {}

        def put(field_name: str, column: str, value: Any) -> None:
            doc[field_name] = value
            row = booth.values.get(column, ("", first))[1]
            cells[field_name] = (row, self.columns.header.get(column, column))

        slug = self._slug(booth, first)
        value = {c: v for c, (v, _row) in booth.values.items()}
        for column in ("name", "tagline", "category", "city", "address"):
            if column in value:
                put(column, column, self._readable(column, value[column]))
            elif column in ("name", "category", "city"):
                self._booth_problem(booth, first, column, "cell_required")
        owners = _owners(value.get("owners", ""))
        if owners:
            put("owners", "owners", owners)
        elif self.owner:
            doc["owners"] = [self.owner]
        else:
            self._booth_problem(booth, first, "owners", "owners_missing")
        if "whatsapp" in value:
            self._number(booth, "whatsapp")
            put("whatsapp", "whatsapp", Quoted(value["whatsapp"]))
        for column in ("email", "website", "instagram", "facebook", "tiktok"):
            if column in value:
                put(column, column, value[column])
        if "marketplaces" in value:
            put("marketplaces", "marketplaces", _urls(value["marketplaces"]))
        if "whatsapp" not in value and "marketplaces" not in value:
            self._booth_problem(booth, first, "whatsapp", "contact_missing")
        if "video" in value:
            put("video", "video", value["video"])
        if "editions" in value:  # keys as the contract wants them; validation judges the rest
            put("editions", "editions", [read_edition(part, self.editions) or part
                                         for part in split_editions(value["editions"])])
        credentials = {}
        for column in CREDENTIAL_COLUMNS:
            if column in value:
                self._number(booth, column)
                credentials[column] = Quoted(value[column])
                cells[f"credentials.{column}"] = (booth.values[column][1], self.columns.header[column])
        if credentials:
            doc["credentials"] = credentials
            cells["credentials"] = cells[f"credentials.{next(iter(credentials))}"]
        self._products(booth, doc, cells, first)
        column = "slug" if booth.slug_given else "name"
        if slug in self.existing and self.existing[slug] is None:
            self._booth_problem(booth, first, column, "booth_not_a_folder", slug=slug)
        elif slug in self.existing and not self.update:
            self._booth_problem(booth, first, column, "booth_exists", slug=slug)
        if slug is None:
            return None
        return BoothPlan(slug, doc, tuple(booth.photos), tuple(booth.kept), slug in self.existing,
                         not booth.failed, cells)

    def _booth_problem(self, booth: _Booth, row: int, column: str, key: str, **params: Any) -> None:
        self.problem(row, column, key, **params)
        booth.failed = True

    def _slug(self, booth: _Booth, first: int) -> str | None:
        if booth.slug_given and not SLUG_RE.match(booth.slug):
            suggestion = slugify(booth.slug) or "nama-usaha"
            self._booth_problem(booth, first, "slug", "slug_invalid", value=booth.slug, suggestion=suggestion)
            return None
        if not booth.slug:
            self._booth_problem(booth, first, "name", "name_no_slug", value=booth.name)
            return None
        return booth.slug

    def _readable(self, column: str, value: str) -> str:
        """A form shows category labels ("Kuliner") where the contract wants keys ("kuliner"),
        and people write "Kab. Semarang" for Kabupaten Semarang: the shared readers decide."""
        if column == "category":
            return read_category(value, self.categories) or value
        if column == "city":
            reading = read_city(value)
            return reading.name if reading.official else value
        return value

    def _number(self, booth: _Booth, column: str) -> None:
        value, row = booth.values[column]
        if _SCIENTIFIC.match(value):
            self._booth_problem(booth, row, column, "excel_scientific", value=value)

    def _products(self, booth: _Booth, doc: dict, cells: dict, first: int) -> None:
        if not booth.products:
            self._booth_problem(booth, first, "product_name", "booth_no_products")
            return
        doc["products"] = [product for _row, product, _where in booth.products]
        cells["products"] = (booth.products[0][0], "")
        for i, (row, _product, where) in enumerate(booth.products):
            cells[format_field(("products", i))] = (row, "")
            for key, column in where.items():
                cells[format_field(("products", i, key))] = (row, self.columns.header[column])


def plan_import(table: Table, source: str, photos: PhotoFolder, existing: Mapping[str, frozenset[str] | None],
                categories: Mapping[str, str], update: bool = False, owner: str | None = None,
                limits: ImportLimits = ImportLimits(), editions: Sequence[Edition] = ()) -> ImportPlan:
    """Every row checked, in time linear in the rows. A booth with any problem is not `ready`:
    it is still planned, so validation can report its other mistakes in the same run, but it
    is never written."""
    planner = _Planner(table, source, photos, existing, categories, update, owner, limits, editions)
    if not planner.check_header():
        return ImportPlan((), 0, tuple(planner.problems))
    for row, cells in table.rows:
        planner.add_row(row, cells)
    plans = [planner.finish(booth) for booth in planner.booths.values()]
    booths = tuple(plan for plan in plans if plan is not None)
    return ImportPlan(booths, len(plans) - len(booths), tuple(planner.problems))


def _parent_field(name: str) -> str:
    """'products[2].price' -> 'products[2]' -> 'products' -> ''."""
    if name.endswith("]") and "[" in name:
        return name[: name.rindex("[")]
    cut = max(name.rfind("."), name.rfind("]"))
    return name[:cut] if cut >= 0 and name[cut] == "." else name[: cut + 1]


def _urls(text: str) -> list[str]:
    return find_urls(text)


def _owners(text: str) -> list[str]:
    return [part.strip().lstrip("@") for part in _NAME_SPLIT.split(text) if part.strip()]


def _same(column: str, a: str, b: str) -> bool:
    """Two cells of one booth column say the same thing (spacing, case, phone format aside)."""
    if column == "owners":
        return {x.casefold() for x in _owners(a)} == {x.casefold() for x in _owners(b)}
    if column == "marketplaces":
        return set(_urls(a)) == set(_urls(b))
    if column == "editions":
        return {x.casefold() for x in split_editions(a)} == {x.casefold() for x in split_editions(b)}
    if column == "whatsapp":
        return _phone_digits(a) == _phone_digits(b)
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _phone_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("62"):
        digits = digits[2:]
    return digits.lstrip("0")
