"""The generator's progress hook: how far the writing of pages has got, for a display to show.

The build (expo/cli/build.py) puts a callable under PROGRESS_KEY in Pelican's settings, and only
when it shows progress (on a terminal); the generator (`_write_pages`) reports each page done or
carried over as ('pages', done, total). Without one, reporting costs nothing.
"""

from __future__ import annotations

PROGRESS_KEY = "EXPO__PROGRESS"  # Pelican setting: callable(stage, done, total); not an EXPO_* option
