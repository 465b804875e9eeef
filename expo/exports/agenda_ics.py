"""The agenda (EXPO_AGENDA) as an iCalendar file (RFC 5545), one per language, so a visitor
adds every event of the expo to a phone's calendar in one tap (pure).

Times are local to Asia/Jakarta, written with TZID and the VTIMEZONE the RFC requires beside
it (WIB is UTC+7 all year: one STANDARD rule). Text values are escaped (backslash, ';', ',',
newlines) and control characters dropped; lines are folded at 75 octets without splitting a
UTF-8 character (RFC 5545 section 3.1). Stable UIDs (the event's start and title) let a
calendar that subscribed update an event instead of doubling it; DTSTAMP is the event's start
in UTC rather than the build's clock, so the same agenda always makes the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import hashlib

from expo.exports.facts import plain_text
from expo.site.routes import Routes
from expo.values.agenda import AgendaEvent

TZID = "Asia/Jakarta"
WIB = _dt.timezone(_dt.timedelta(hours=7))
_VTIMEZONE = ("BEGIN:VTIMEZONE", f"TZID:{TZID}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
              "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "TZNAME:WIB", "END:STANDARD", "END:VTIMEZONE")


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value: '\\\\', '\\;', '\\,' and '\\n' escaped, control characters dropped."""
    value = "\n".join(plain_text(line) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded into pieces of at most 75 octets, each continuation starting with a
    space; UTF-8 characters are never split."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _local(moment: _dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _uid(event: AgendaEvent, host: str) -> str:
    digest = hashlib.sha256(f"{event.start.isoformat()}|{event.title}".encode("utf-8")).hexdigest()[:16]
    return f"{_local(event.start)}-{digest}@{host}"


def agenda_ics(events: tuple[AgendaEvent, ...], routes: Routes, page: str | None) -> str:
    """The calendar in `routes`' language: English titles on the English site where given.
    `page`: the agenda page's URL, each event's link unless it has its own (None: no page)."""
    t, english = routes.text, routes.lang == "en"
    host = (routes.siteurl.split("://", 1)[-1].split("/", 1)[0] if routes.siteurl else "") or "expo-katalog.invalid"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//expo-katalog//agenda//ID", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(t.expo_name)}", f"X-WR-TIMEZONE:{TZID}", *_VTIMEZONE]

    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{_uid(event, host)}",
                  "DTSTAMP:" + event.start.replace(tzinfo=WIB).astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
                  f"DTSTART;TZID={TZID}:{_local(event.start)}", f"DTEND;TZID={TZID}:{_local(event.end)}",
                  f"SUMMARY:{escape_text(event.text('title', english))}"]
        location = event.text("location", english)
        if location:
            lines.append(f"LOCATION:{escape_text(location)}")
        description = "\n\n".join(x for x in (event.text("description", english), t.expo_name) if x)
        lines.append(f"DESCRIPTION:{escape_text(description)}")
        link = event.url or (routes.absolute(page) if page is not None else "")  # calendars need full addresses
        if link:
            lines.append(f"URL:{plain_text(link)}")  # a URI: no TEXT escapes
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
