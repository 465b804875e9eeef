"""A GitHub Issue Form "Daftar booth / Ubah booth" -> an exhibitor folder, through import-csv.

GitHub renders a submitted form as Markdown: one `### <label>` section per field, the answer
below it, `_No response_` when it was left empty. Those labels are the headers import-csv
already understands ("Nama usaha", "Kota/Kabupaten", "Nomor WhatsApp"; product fields end in
their number: "Harga produk 2"), so the form becomes a one-booth table, one row per product,
and goes through the importer's own planner, staging and validation (`rows.plan_import`,
`writer.stage/commit`). No second reader of prices, phones or photo names exists here.

Photos dragged into "Foto produk N" are downloaded (`attachments`) into a scratch folder under
the name GitHub showed (`IMG_1234` + the extension of the real format), then imported like the
photos folder of import-csv. The owner of a new booth is the issue's author; changing a booth
("Ubah booth") is allowed only to its current owners, and keeps its owners.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from expo.content.catalog import load_catalog
from expo.content.errors import ContentError
from expo.content.loader import YAML_NAME
from expo.images.decode import PhotoError, open_photo
from expo.importer.attachments import (
    AttachmentError,
    Download,
    find_attachments,
    is_attachment_url,
    remove_attachments,
)
from expo.importer.columns import ALIASES, PRODUCT_COLUMNS, normalise
from expo.importer.rows import ImportLimits, Table, plan_import
from expo.importer.writer import commit, existing_booths, photo_sources, scan_photos, stage
from expo.pr.ownership import owners_from_yaml
from expo.values.logins import normalize_login
from expo.settings import ExpoSettings
from expo.values.slugs import SLUG_RE
from expo.values.paths import is_plain_file_inside

NO_RESPONSE = "_No response_"
SOURCE = "issue"
KIND_LABEL = "Jenis permintaan"
KIND_UPDATE = "Ubah booth"
FORM_ONLY = {KIND_LABEL, "Persetujuan"}  # fields of the form that are not booth data
MAX_BODY_CHARACTERS = 65_536  # GitHub's own limit for an issue body
MAX_PHOTOS = 30
_SECTION = re.compile(r"^### ([^\n]*)$", re.MULTILINE)  # the label is stripped in code
_PRODUCT_LABEL = re.compile(r"^(.*\S)\s+(\d{1,2})$")
# Spreadsheet words where the form has its own: "fill in this cell" means nothing in a form.
_FORM_KEYS = {"cell_required": "issue_field_required", "booth_exists": "issue_booth_exists"}
_FORMAT_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "HEIF": ".heic"}


@dataclass(frozen=True)
class IssueResult:
    slug: str | None
    update: bool
    written: bool
    problems: tuple[ContentError, ...]  # `field` is the form's label, e.g. "Harga produk 2"
    photos: tuple[str, ...] = ()
    products: int = 0

    @property
    def ok(self) -> bool:
        """Nothing wrong: the folder was written (or would be, on a dry run)."""
        return self.slug is not None and not any(p.is_error for p in self.problems)


def form_fields(body: str) -> dict[str, str]:
    """'### Label\\n\\nvalue' sections -> {label: value}; `_No response_` becomes ''."""
    body = body.replace("\r\n", "\n")[:MAX_BODY_CHARACTERS]
    headings = list(_SECTION.finditer(body))
    fields = {}
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
        value = body[heading.end():end].strip()
        label = heading.group(1).strip()
        if label:
            fields[label] = "" if value == NO_RESPONSE else value
    return fields


def form_table(fields: dict[str, str], photo_names: dict[int, list[str]]) -> Table:
    """The import-csv table of one booth: booth answers on the first row, one row per product.

    `photo_names` replaces each "Foto produk N" answer (attachment links) by the names of the
    downloaded files."""
    booth: dict[str, str] = {}
    products: dict[int, dict[str, str]] = {}
    for label, value in fields.items():
        # owners are the issue's author (or, for a change, the booth's owners): a "### owners"
        # section typed into the issue text never names them
        if label in FORM_ONLY or ALIASES.get(normalise(label)) == "owners":
            continue
        match = _PRODUCT_LABEL.match(label)
        if match:
            products.setdefault(int(match.group(2)), {})[match.group(1)] = value
        else:
            booth[label] = value
    for number, names in photo_names.items():
        for column in list(products.get(number, {})):
            if normalise(column) in ("foto produk", "foto"):
                products[number][column] = ", ".join(names)
    filled = [products[n] for n in sorted(products) if any(products[n].values())]
    product_headers = list(dict.fromkeys(h for p in products.values() for h in p))
    headers = tuple(list(booth) + product_headers)
    rows = []
    for i, product in enumerate(filled or [{}]):
        cells = [booth[h] if i == 0 else "" for h in booth] + [product.get(h, "") for h in product_headers]
        rows.append((i + 2, tuple(cells)))
    return Table(1, headers, tuple(rows), ",")


def has_booth_name(fields: dict[str, str]) -> bool:
    """Whether the text is the booth form at all (it has the business-name field)."""
    return any(ALIASES.get(normalise(label)) == "name" for label in fields)


def is_update(fields: dict[str, str]) -> bool:
    return fields.get(KIND_LABEL, "").strip().casefold() == KIND_UPDATE.casefold()


def convert_issue(root: Path, settings: ExpoSettings, body: str, author: str, download: Download,
                  dry_run: bool = False) -> IssueResult:
    """Plan, download, stage and validate the booth of one form; write it unless `dry_run` or
    anything is wrong."""
    fields = form_fields(body)
    update = is_update(fields)
    problems: list[ContentError] = []
    exhibitors = settings.exhibitors_dir(root)
    existing = existing_booths(exhibitors)
    owners_cell = _owners_for_update(fields, author, exhibitors, existing, problems) if update else None
    if problems:
        return IssueResult(None, update, False, tuple(problems))
    with tempfile.TemporaryDirectory(prefix=".issue-", dir=root) as scratch:
        photos_dir = Path(scratch) / "photos"
        photos_dir.mkdir()
        photo_names = _download_photos(fields, photos_dir, settings, download, problems)
        table = form_table(fields, photo_names)
        if owners_cell is not None:
            table = _with_column(table, "owners", owners_cell)
        attached = replace(scan_photos(photos_dir), display="lampiran issue")
        plan = plan_import(table, SOURCE, attached, existing, settings.categories,
                           update=update, owner=author, limits=ImportLimits.of(settings),
                           editions=settings.editions)
        problems += plan.problems
        if not plan.booths:
            return IssueResult(None, update, False, tuple(_labelled(problems, table)))
        booth = plan.booths[0]  # one form, one booth
        staged_root = Path(scratch) / "staged"
        staged = settings.exhibitors_dir(staged_root) / booth.slug
        stage(booth, staged)
        sources = {booth.slug: photo_sources(booth, photos_dir, exhibitors / booth.slug)}
        _, found = load_catalog(staged_root, replace(settings, featured=()), only={booth.slug},
                                photo_sources=sources)
        problems += booth.locate(found, SOURCE, plan.problems)
        ok = booth.ready and not any(p.is_error for p in problems)
        if ok and not dry_run:
            commit(booth, staged, exhibitors / booth.slug, photos_dir)
        return IssueResult(booth.slug, update, ok and not dry_run, tuple(_labelled(problems, table)),
                           tuple(booth.new_photos), len(booth.document.get("products", ())))


def _owners_for_update(fields: dict[str, str], author: str, exhibitors: Path,
                       existing: dict, problems: list[ContentError]) -> str | None:
    """The booth's owners as they are (an update never changes them), if `author` is one."""
    slug = next((v.strip() for k, v in fields.items() if normalise(k) in ("alamat booth", "slug", "folder")), "")
    if not slug or not SLUG_RE.match(slug) or existing.get(slug) is None:
        problems.append(ContentError(SOURCE, None, "", "issue_update_unknown", {"slug": slug or "-"}))
        return None
    yml = exhibitors / slug / YAML_NAME
    text = yml.read_text(encoding="utf-8-sig") if is_plain_file_inside(yml, yml.parent) else None
    owners = owners_from_yaml(text, f"{slug}/{YAML_NAME}")
    if normalize_login(author) not in {normalize_login(o) for o in owners}:
        problems.append(ContentError(SOURCE, None, "", "issue_update_not_owner",
                                     {"author": "@" + author, "slug": slug,
                                      "owners": ", ".join("@" + o for o in owners) or "-"}))
        return None
    return ", ".join(owners)


def _with_column(table: Table, header: str, value: str) -> Table:
    rows = tuple((n, cells + ((value if i == 0 else ""),)) for i, (n, cells) in enumerate(table.rows))
    return Table(table.header_row, table.headers + (header,), rows, table.delimiter)


def _download_photos(fields: dict[str, str], folder: Path, settings: ExpoSettings, download: Download,
                     problems: list[ContentError]) -> dict[int, list[str]]:
    """Product number -> the names of its photos, saved in `folder`."""
    names: dict[int, list[str]] = {}
    taken: set[str] = set()
    count = 0
    max_bytes = settings.max_photo_megabytes * 1024 * 1024
    for label, value in fields.items():
        match = _PRODUCT_LABEL.match(label)
        if not match or normalise(match.group(1)) not in ("foto produk", "foto"):
            continue
        number = int(match.group(2))
        names[number] = []
        for attachment in find_attachments(value):
            count += 1
            if count > MAX_PHOTOS:
                problems.append(ContentError(SOURCE, None, label, "issue_photo_too_many", {"limit": MAX_PHOTOS}))
                return names
            if not is_attachment_url(attachment.url):  # checked here too: `download` may be a stand-in
                problems.append(ContentError(SOURCE, None, label, "issue_photo_host", {"value": attachment.url}))
                continue
            try:
                data = download(attachment.url, max_bytes)
            except AttachmentError as exc:
                problems.append(ContentError(SOURCE, None, label, exc.key, exc.params))
                continue
            name = _save_photo(data, attachment.name, folder, taken, settings, label, problems)
            if name:
                names[number].append(name)
        names[number] += typed_names(value)
    return names


def typed_names(value: str) -> list[str]:
    """File names typed into a photo field (an update may name photos the booth already has);
    the import's photo rules then judge them like a spreadsheet cell."""
    rest = remove_attachments(value)
    return [line.strip() for line in rest.split("\n") if line.strip() and "://" not in line]


def _save_photo(data: bytes, alt: str, folder: Path, taken: set[str], settings: ExpoSettings,
                label: str, problems: list[ContentError]) -> str | None:
    """Write the bytes under the name GitHub showed and the extension of their real format."""
    scratch = folder / ".download"
    scratch.write_bytes(data)
    try:
        with open_photo(scratch, settings.max_photo_megapixels) as im:
            extension = _FORMAT_EXTENSIONS.get(im.format or "")
    except PhotoError as exc:
        problems.append(ContentError(SOURCE, None, label, exc.key, {"value": alt or "foto", "detail": "", **exc.params}))
        scratch.unlink()
        return None
    if extension is None:
        problems.append(ContentError(SOURCE, None, label, "photo_unreadable", {"value": alt or "foto", "detail": ""}))
        scratch.unlink()
        return None
    stem = _file_stem(alt) or "foto"
    name, n = f"{stem}{extension}", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}{extension}"
    taken.add(name.casefold())
    scratch.rename(folder / name)
    return name


def _file_stem(alt: str) -> str:
    """'IMG_1234' stays; anything unsafe in a file name becomes '-' (at most 60 characters)."""
    text = unicodedata.normalize("NFC", alt)
    text = re.sub(r"[^\w .-]+", "-", text, flags=re.ASCII).strip(" .-")
    return re.sub(r"\s+", " ", text)[:60].strip(" .-")


def _labelled(problems: list[ContentError], table: Table) -> list[ContentError]:
    """Spreadsheet rows back to form fields: row 3 with header "Harga produk" is the field
    "Harga produk 2" of the form."""
    products = {h for h in table.headers if h and _is_product_header(h)}
    result = []
    for problem in problems:
        field = problem.field
        if problem.line and problem.line >= 2 and field in products:
            field = f"{field} {problem.line - 1}"
        key = _FORM_KEYS.get(problem.key, problem.key)
        result.append(ContentError(SOURCE, None, field, key, problem.params, problem.severity))
    return result


def _is_product_header(header: str) -> bool:
    return ALIASES.get(normalise(header)) in PRODUCT_COLUMNS

