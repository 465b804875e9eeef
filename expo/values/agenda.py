"""The expo's agenda from EXPO_AGENDA (pure): a list of events the organiser writes in
pelicanconf.py, read into frozen values, with every mistake found at once.

Why a setting rather than a table in content/pages/agenda.md: the events need typed values (a
start and an end in Western Indonesian Time) for the calendar file, and the settings file is
where the organiser already writes the expo's dates; it is checked on every build and gives the
same events to the agenda page and agenda.ics. Times are local WIB (Asia/Jakarta, +07:00, no
daylight saving), written as on a poster: "2026-11-16 09:00".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from expo.values.urls import split_http_url

FIELDS = ("start", "end", "title", "title_en", "location", "location_en", "description",
          "description_en", "url")
REQUIRED = ("start", "end", "title")
MAX_TEXT = 1000  # a title or description longer than this is a paste, not an agenda entry
EXAMPLE = '{"start": "2026-11-16 09:00", "end": "2026-11-16 10:30", "title": "Pembukaan"}'


@dataclass(frozen=True)
class AgendaEvent:
    start: _dt.datetime  # naive, in WIB
    end: _dt.datetime
    title: str
    title_en: str = ""
    location: str = ""
    location_en: str = ""
    description: str = ""
    description_en: str = ""
    url: str = ""  # a live stream or registration page, http(s) only

    def text(self, name: str, english: bool) -> str:
        """'title', 'location' or 'description': the English one on English pages where given."""
        return (getattr(self, f"{name}_en") if english else "") or getattr(self, name)


Problem = tuple[str, dict]  # a message key (expo/text/agenda_messages.py) and its parameters


def read_agenda(value: Any) -> tuple[tuple[AgendaEvent, ...], list[Problem]]:
    """The events in the order given, or every problem: (message key, parameters with `number`,
    the event's place in the list counting from 1)."""
    if not isinstance(value, (list, tuple)):
        return (), [("agenda_not_list", {"example": EXAMPLE})]
    events, problems = [], []
    for number, raw in enumerate(value, start=1):
        event, found = _event(raw, number)
        problems += found
        if event is not None:
            events.append(event)
    return tuple(events), problems


def _event(raw: Any, number: int) -> tuple[AgendaEvent | None, list[Problem]]:
    if not isinstance(raw, dict):
        return None, [("agenda_not_mapping", {"number": number, "example": EXAMPLE})]
    problems: list[Problem] = []
    for key in raw:
        if key not in FIELDS:
            problems.append(("agenda_unknown_key", {"number": number, "key": key, "known": ", ".join(FIELDS)}))
    for key in REQUIRED:
        if not (isinstance(raw.get(key), str) and raw[key].strip()):
            problems.append(("agenda_missing", {"number": number, "key": key, "example": EXAMPLE}))
    texts = {}
    for key in FIELDS:
        text = raw.get(key, "")
        if not isinstance(text, str):
            problems.append(("agenda_not_text", {"number": number, "key": key}))
            continue
        if len(text) > MAX_TEXT:
            problems.append(("agenda_too_long", {"number": number, "key": key, "limit": MAX_TEXT}))
        texts[key] = text.strip()
    times = {}
    for key in ("start", "end"):
        if texts.get(key):
            try:
                times[key] = _dt.datetime.strptime(" ".join(texts[key].replace("T", " ").split()), "%Y-%m-%d %H:%M")
            except ValueError:
                problems.append(("agenda_time", {"number": number, "key": key, "value": texts[key]}))
    if len(times) == 2 and times["end"] <= times["start"]:
        problems.append(("agenda_end_before_start", {"number": number}))
    if texts.get("url") and (split_http_url(texts["url"]) is None or not texts["url"].startswith(("https://", "http://"))):
        problems.append(("agenda_url", {"number": number, "value": texts["url"]}))
    if problems:
        return None, problems
    return AgendaEvent(start=times["start"], end=times["end"],
                       **{k: v for k, v in texts.items() if k not in ("start", "end")}), []
