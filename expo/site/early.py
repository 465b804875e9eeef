"""Files made from the catalog alone, started before the new tree is ready (issue 9).

The search index and the data exports (catalog.json, products.csv, the feeds) need only the
catalog. A rebuild knows they changed as soon as its walk of the plan has their digests, but the
new tree is not ready until the spare is brought up to date and the unchanged files are linked
(spare.py): writing into it earlier could meet a spare file that is output/'s own. So they are
made from then on, each group in a process of its own (render.aside), into a folder beside the
tree (`early_folder`), and moved in with one rename per file or folder when the tree is ready.

At 152 x 18, a one-booth rebuild made the index after the walk and the spare's scan, and waited
for it: 0.3 to 0.45 s, its longest step. Started during the walk, it runs on the other core.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Callable, Iterable, Sequence

from expo.site.outputs import PRODUCERS, Output
from expo.site.plan import PlannedFile
from expo.site.render import aside


def early_folder(staging: Path) -> Path:
    """Beside the build's tree, named .output-build-*-early so that a failed build and
    `invoke clean` delete it."""
    return staging.with_name(f"{staging.name}-early")


def moved_path(file: PlannedFile) -> str:
    """What a file brings into the tree: its whole folder (the search index), or itself."""
    return (file.values.get("whole_folder") or file.save_as).strip("/")


class EarlyFiles:
    """The groups of files started early; each group is waited for and moved in on its own."""

    def __init__(self, staging: Path, siteurl: str, plan: Iterable[PlannedFile], previous: Path | None) -> None:
        """`previous`: the last build's output/, whose unchanged index chunks are linked."""
        self.folder = early_folder(staging)
        self.output = Output(None, None, self.folder, siteurl, plan, None, previous)  # no page, no photo
        self.started: list[tuple[Sequence[PlannedFile], Callable[[], None]]] = []
        shutil.rmtree(self.folder, ignore_errors=True)

    def start(self, files: Sequence[PlannedFile]) -> Sequence[PlannedFile]:
        """Make `files` in a process of their own from now on; returns them (the group)."""
        if files:
            out = self.output
            self.started.append((files, aside(lambda: [PRODUCERS[file.kind](file, out) for file in files])))
        return files

    def holds(self, file: PlannedFile) -> bool:
        return any(file is early for files, _wait in self.started for early in files)

    def move_in(self, group: Sequence[PlannedFile], tree: Path) -> None:
        """Wait for `group` (raising what its process raised), then move its files into `tree`."""
        for files, wait in self.started:
            if files is group:
                wait()
                for file in files:
                    inside = moved_path(file)
                    os.makedirs((tree / inside).parent, exist_ok=True)
                    os.rename(self.folder / inside, tree / inside)

    def drop(self) -> None:
        """A failed build: every group waited for (its failure is not the build's) and deleted."""
        for _files, wait in self.started:
            with contextlib.suppress(BaseException):
                wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def done(self) -> None:
        """Every group moved in: the folder is empty."""
        shutil.rmtree(self.folder, ignore_errors=True)
