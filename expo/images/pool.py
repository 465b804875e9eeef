"""Run photo jobs on every core, with a progress bar on long runs.

Worker processes are forked on Linux when this process has a single thread: that starts in
milliseconds and works whatever the main script looks like. With other threads running (`invoke
serve --watch` runs a web server thread) forking is unsafe, so they are spawned instead, which
re-imports the main module and costs a fraction of a second. A single job stays in this process. One worker per core, each single-threaded (the AVIF encoder
is told max_threads=1, libheif one decoding thread), so the pool never oversubscribes.

A worker that dies (a decoder crashing on a hostile file) breaks the pool; the jobs it left
unfinished are then retried one per fresh process, so only the guilty file is reported. Where
worker processes cannot start at all, the jobs run in this process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

from expo.images.encode import Job, Outcome

PROGRESS_FROM = 8  # jobs; fewer finish before a bar is worth drawing

# The bars' labels in the build's message language (--lang): Indonesian, English.
LABELS = {"encode": ("Foto", "Photos"), "verify": ("Periksa foto", "Checking photos")}


def bar_label(kind: str, lang: str) -> str:
    indonesian, english = LABELS[kind]
    return english if lang == "en" else indonesian


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def run_jobs(work: Callable[[Job], Outcome], jobs: Sequence[Job], workers: int = 0,
             progress: bool = False, label: str = "Foto") -> list[Outcome]:
    """Every job's outcome, in no particular order. `workers` 0 means one per core."""
    if not jobs:
        return []
    workers = min(workers or cpu_count(), len(jobs))
    with _Bar(len(jobs), label, progress and len(jobs) >= PROGRESS_FROM) as bar:
        if workers <= 1:
            outcomes = []
            for job in jobs:
                outcomes.append(work(job))
                bar.advance()
            return outcomes
        return _in_pool(work, jobs, workers, bar)


def _in_pool(work, jobs, workers, bar) -> list[Outcome]:
    outcomes: list[Outcome] = []
    finished: set[int] = set()  # indexes of the jobs with an outcome
    context = _context()
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
            futures = {pool.submit(work, job): i for i, job in enumerate(jobs)}
            for future in as_completed(futures):
                outcomes.append(future.result())
                finished.add(futures[future])
                bar.advance()
    except BrokenProcessPool:
        left = [job for i, job in enumerate(jobs) if i not in finished]
        # Either a decoder crashed on a hostile file, or workers cannot start at all here (a
        # script piped through stdin cannot be re-imported by a spawned process).
        usable = _pool_starts(context)
        for job in left:
            outcomes.append(_alone(work, job, context) if usable else work(job))
            bar.advance()
    return outcomes


def _context():
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _pool_starts(context) -> bool:
    try:
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            return pool.submit(cpu_count).result() > 0
    except BrokenProcessPool:
        return False


def _alone(work, job: Job, context) -> Outcome:
    try:
        with ProcessPoolExecutor(1, mp_context=context, initializer=_init_worker) as pool:
            return pool.submit(work, job).result()
    except BrokenProcessPool:
        return Outcome(job.key, job.source, error="photo_broken", params={"detail": "decoder crashed"})


def _init_worker() -> None:
    try:
        import pillow_heif

        pillow_heif.options.DECODE_THREADS = 1
    except ImportError:  # pragma: no cover
        pass


class _Bar:
    def __init__(self, total: int, label: str, enabled: bool):
        self.total, self.label, self.enabled = total, label, enabled
        self.progress = self.task = None

    def __enter__(self) -> "_Bar":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True)
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=self.total)
        return self

    def advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()
