"""What an `import-csv --update` row would change in who controls an existing booth.

`owners` decides who may change the folder (check-pr, CODEOWNERS) and `whatsapp` where orders
go: a spreadsheet row naming an existing booth with other owners or another number would hand
the booth to whoever filled in the form. The writer refuses such an update unless the organiser
passes --allow-owner-change, and shows the difference either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from expo.content.loader import YAML_NAME, parse_yaml
from expo.values.logins import normalize_login
from expo.values.phones import OrderInputError, parse_whatsapp
from expo.values.paths import is_plain_file_inside

CONTROL_FIELDS = ("owners", "whatsapp")


@dataclass(frozen=True)
class ControlChange:
    field: str  # 'owners' or 'whatsapp'
    old: str  # as shown to the organiser: '@sari-batik' or '0812-3456-7890'; '-' when none
    new: str


def control_changes(current_folder: Path, planned: dict) -> list[ControlChange]:
    """Owners or WhatsApp number of `planned` that differ from the booth's exhibitor.yml now.
    A current file that cannot be read counts as having none, so any new value is a change."""
    current = _current(current_folder)
    changes = []
    old_owners, new_owners = _logins(current.get("owners")), _logins(planned.get("owners"))
    if {normalize_login(o) for o in old_owners} != {normalize_login(o) for o in new_owners}:
        changes.append(ControlChange("owners", _shown_logins(old_owners), _shown_logins(new_owners)))
    old_phone, new_phone = current.get("whatsapp"), planned.get("whatsapp")
    if _phone_key(old_phone) != _phone_key(new_phone):
        changes.append(ControlChange("whatsapp", str(old_phone or "-"), str(new_phone or "-")))
    return changes


def _current(folder: Path) -> dict:
    path = folder / YAML_NAME
    try:
        text = path.read_text(encoding="utf-8-sig") if is_plain_file_inside(path, folder) else ""
    except (OSError, UnicodeDecodeError):
        return {}
    problems: list = []
    document = parse_yaml(text, str(path), problems)
    if document is None or not isinstance(document.data, dict):
        return {}
    # scalars as typed: YAML reads 0271234567 or a login like 12345 as numbers
    data = dict(document.data)
    owners = data.get("owners")
    if isinstance(owners, list):
        data["owners"] = [document.written.get(("owners", i), o) for i, o in enumerate(owners)]
    for key in CONTROL_FIELDS:
        if (key,) in document.written:
            data[key] = document.written[(key,)]
    return data


def _logins(value: object) -> list[str]:
    items = value if isinstance(value, list) else [] if value is None else [value]
    return [str(item).strip().lstrip("@") for item in items if str(item).strip()]


def _shown_logins(logins: list[str]) -> str:
    return ", ".join("@" + login for login in logins) or "-"


def _phone_key(value: object) -> str:
    if value is None or not str(value).strip():
        return ""
    try:
        return parse_whatsapp(str(value)).digits
    except OrderInputError:
        return " ".join(str(value).split())
