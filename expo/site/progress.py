"""The generator's progress hook: how far the writing of pages has got, for a display to show.

The build (expo/cli/build.py) puts a callable under PROGRESS_KEY in Pelican's settings, and only
when it shows progress (on a terminal); the generator reports each page done or carried over.
Without one, reporting costs nothing.
"""

from __future__ import annotations

from typing import Iterator, Mapping

PROGRESS_KEY = "EXPO__PROGRESS"  # Pelican setting: callable(stage, done, total); not an EXPO_* option


def reporting(planned: list, settings: Mapping) -> Iterator:
    """The planned files, one by one; each page counts as done when the loop body that got it
    has finished (written or reused), reported as ('pages', done, total) to the build's display."""
    report = settings.get(PROGRESS_KEY)
    if report is None:
        yield from planned
        return
    total = sum(1 for file in planned if file.kind == "page")
    done = 0
    for file in planned:
        yield file
        if file.kind == "page":
            done += 1
            report("pages", done, total)
