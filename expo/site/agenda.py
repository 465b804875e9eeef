"""The agenda page's list of events, per language (pure): EXPO_AGENDA grouped by day, with
dates and times as people write them ("Senin, 16 November 2026", "09.00–10.30 WIB")."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import format_date, format_time

from expo.site.routes import Routes
from expo.values.agenda import AgendaEvent


@dataclass(frozen=True)
class AgendaItem:
    time: str  # '09.00–10.30 WIB'; an event over several days shows its last day too
    datetime: str  # the start, for <time datetime>: '2026-11-16T09:00+07:00'
    title: str
    location: str
    description: str
    url: str


def agenda_days(events: tuple[AgendaEvent, ...], routes: Routes) -> list[tuple[str, list[AgendaItem]]]:
    """(day, its events) in the order the events were given, days in the page's language."""
    english = routes.lang == "en"
    clock = "HH:mm" if english else "HH.mm"

    days: dict[str, list[AgendaItem]] = {}
    for event in events:
        day = format_date(event.start.date(), "EEEE, d MMMM y", locale=routes.lang)
        end = format_time(event.end.time(), clock, locale=routes.lang)
        if event.end.date() != event.start.date():
            end = format_date(event.end.date(), "d MMMM", locale=routes.lang) + " " + end
        days.setdefault(day, []).append(AgendaItem(
            time=f"{format_time(event.start.time(), clock, locale=routes.lang)}–{end} WIB",
            datetime=event.start.strftime("%Y-%m-%dT%H:%M+07:00"), title=event.text("title", english),
            location=event.text("location", english), description=event.text("description", english),
            url=event.url))
    return list(days.items())
