"""Progress of a build on a terminal: one updating line on stderr ('Halaman ━━━━ 1.234/6.196'),
gone when the stage is done. Only on a terminal: CI logs and piped output get no progress lines,
only the summary (summary.py). Photos have their own bar, drawn by the photo pool
(expo/images/pool.py) the same way."""

from __future__ import annotations

import sys

# Stages the generator reports (expo/site/progress.py): Indonesian, English.
_LABELS = {"pages": ("Halaman", "Pages")}


def on_terminal(stream) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


class ProgressDisplay:
    """A callable(stage, done, total) that draws the stage's bar on `stream`."""

    def __init__(self, lang: str, stream=None):
        self.lang, self.stream = lang, stream or sys.stderr
        self.progress = self.task = None
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self._start(stage, total)
        self.progress.update(self.task, completed=done)
        if done >= total:
            self.close()

    def _start(self, stage: str, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        indonesian, english = _LABELS.get(stage, (stage, stage))
        label = english if self.lang == "en" else indonesian
        self.stage = stage
        self.progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(file=self.stream), transient=True)
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
        self.progress = self.task = None
        self.stage = ""
