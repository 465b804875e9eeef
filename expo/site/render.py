"""Rendering the planned pages into files, on every core.

`PageWriter.write` renders one page and writes it with the same context and bytes as Pelican's
`Writer.write_file` gave it (a copy of the generator's context, SITEURL relative to the page
when RELATIVE_URLS, the page's own values on top), without the writer's bookkeeping: the plan
has already refused two files on one path.

`write_pages` spreads the pages over forked worker processes, in chunks. Each worker is a fork
of the build process: it inherits the compiled templates, the catalog and the plan as they are
(nothing is pickled but a failure), renders and writes its chunk, and exits. A fresh worker per
chunk keeps the copy-on-write memory a worker makes its own bounded by one chunk's pages. The
first failure (a template error, a full disk) stops the other workers and is raised here as the
exception the worker got, so the build reports it as if it had rendered the page itself.
Pages are written in the same folder whoever writes them, so the order does not matter.
"""

from __future__ import annotations

import gc
import itertools
import os
import pickle
import selectors
import signal
import sys
import threading
from typing import Callable, Iterable

from pelican.utils import get_relative_path, path_to_url, sanitised_join

from expo.site.plan import PlannedFile

# Below this many pages a worker's start costs more than it saves.
PARALLEL_FROM = 200
# Pages per worker process: enough to amortise a fork (milliseconds for a large catalog), few
# enough to balance the load and bound a worker's copied memory.
CHUNK_MAX = 1500


class PageWriter:
    """Render a planned page with its template into the output folder."""

    def __init__(self, get_template: Callable, context: dict, output_path: str, relative_urls: bool,
                 helpers: Callable[[dict], dict] | None = None):
        self.get_template = get_template
        self.helpers = helpers  # names bound to the page (its language, its SITEURL), from its context
        self.context = context
        self.output_path = output_path
        self.relative_urls = relative_urls
        # The folder of the last page written. Most pages are the only file of their folder: a
        # set of every folder made would hold a string per page and spare few mkdirs.
        self.last_folder = ""

    def write(self, file: PlannedFile) -> None:
        name = file.save_as
        local = self.context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if self.relative_urls:
            relative = path_to_url(get_relative_path(name))
            local["SITEURL"] = relative
            local["localsiteurl"] = relative
        local["output_file"] = name
        local.update(file.values)
        if self.helpers is not None:
            local.update(self.helpers(local))
        if local["localsiteurl"]:  # Pelican's content pages make their links relative to it
            self.context["localsiteurl"] = local["localsiteurl"]
        html = self.get_template(file.template).render(local)
        path = sanitised_join(self.output_path, name)
        folder = os.path.dirname(path)
        if folder != self.last_folder:
            os.makedirs(folder, exist_ok=True)
            self.last_folder = folder
        with open(path, "x", encoding="utf-8") as f:  # a new file: output/ may share an old one (spare.py)
            f.write(html)


def workers_for(pages: int, wanted: int = 0) -> int:
    """How many processes render `pages` pages: `wanted`, or one per core when 0; one (this
    process) for a few pages, where forking is unavailable, or where other threads run (`invoke
    serve --watch` has a web server thread, and forking a threaded process is unsafe)."""
    if pages < PARALLEL_FROM or not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    if wanted:
        return wanted
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        return os.cpu_count() or 1


def write_pages(files: Iterable[PlannedFile], write: Callable[[PlannedFile], None], workers: int = 1,
                while_waiting: Iterable[Callable[[], None]] = (),
                progress: Callable[[int], None] | None = None, count: int | None = None) -> None:
    """Write every page, in `workers` processes. `files` may be a walk of the plan (`count`
    says how many it yields): each worker's chunk is taken from it when the worker starts, so
    no list of every page is made. `while_waiting`: jobs for this process while the workers
    render (the other outputs), run one by one, each worker that finished in between replaced
    by a fresh one; `progress` is called with the number of pages done so far."""
    if workers <= 1:
        for job in while_waiting:
            job()
        for done, file in enumerate(files, start=1):
            write(file)
            if progress:
                progress(done)
        return
    if count is None:
        files = list(files)
        count = len(files)
    chunk = max(1, min(CHUNK_MAX, -(-count // (workers * 4))))
    files = iter(files)
    chunks = iter(lambda: list(itertools.islice(files, chunk)), [])
    _Workers(write, chunks, workers, progress).run(while_waiting)


class _Workers:
    def __init__(self, write, chunks, workers, progress):
        self.write, self.chunks, self.workers, self.progress = write, chunks, workers, progress
        self.selector = selectors.DefaultSelector()
        self.running: dict[int, tuple[int, bytearray, int]] = {}  # fd -> (pid, what it sent, pages)
        self.left = True  # chunks may be left
        self.done = 0
        self.failure: BaseException | None = None

    def run(self, while_waiting) -> None:
        # Freeze what exists now out of the garbage collector's reach: a collection in a worker
        # would otherwise touch (and so copy) every object of the catalog.
        gc.freeze()
        try:
            for _ in range(self.workers):
                self._start()
            for job in while_waiting:
                if self.failure is not None:
                    break
                job()
                self._service(timeout=0)
            while self.running:
                self._service(timeout=None)
        finally:
            self._stop()
            self.selector.close()
            gc.unfreeze()
        if self.failure is not None:
            raise self.failure

    def _service(self, timeout: float | None) -> None:
        """Collect the workers that finished (waiting up to `timeout`) and start new ones."""
        for key, _events in self.selector.select(timeout):
            self._read(key.fd)
        while self.failure is None and len(self.running) < self.workers and self.left:
            self._start()

    def _start(self) -> None:
        chunk = next(self.chunks, None)
        if chunk is None:
            self.left = False
            return
        pid, read = _forked(self.write, chunk)
        self.running[read] = (pid, bytearray(), len(chunk))
        self.selector.register(read, selectors.EVENT_READ)

    def _read(self, fd: int) -> None:
        data = os.read(fd, 1 << 16)
        if data:
            self.running[fd][1].extend(data)
            return
        pid, sent, pages = self.running.pop(fd)
        self.selector.unregister(fd)
        os.close(fd)
        _, status = os.waitpid(pid, 0)
        if sent or status != 0:
            if self.failure is None:
                self.failure = _failure(bytes(sent), status)
            return
        self.done += pages
        if self.progress:
            self.progress(self.done)

    def _stop(self) -> None:
        """After a failure (or an interrupt here): end the workers still running."""
        for fd, (pid, _sent, _pages) in list(self.running.items()):
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            self.selector.unregister(fd)
            os.close(fd)
        self.running.clear()


def aside(job: Callable[[], None]) -> Callable[[], None]:
    """Start `job` beside this process's own work and return what waits for it (and raises what
    it raised; once: waiting again does nothing). In a forked process when forking is safe (no
    other thread runs), so that a job on the CPU does not share the interpreter's lock with
    work that waits on the disk; else in a thread. The job's changes to this process's memory
    are lost in a fork: it may only write files."""
    failure: list[BaseException] = []
    if not hasattr(os, "fork") or threading.active_count() > 1:
        def run() -> None:
            try:
                job()
            except BaseException as exc:
                failure.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        finish = thread.join
    else:
        pid, read = _forked(lambda _none: job(), [None])

        def finish() -> None:
            sent = bytearray()
            try:
                while data := os.read(read, 1 << 16):
                    sent.extend(data)
            finally:
                os.close(read)
                _, status = os.waitpid(pid, 0)
            if sent or status != 0:
                failure.append(_failure(bytes(sent), status))
    waiting = [finish]

    def wait() -> None:
        if waiting:
            waiting.pop()()
            if failure:
                raise failure[0]
    return wait


def _forked(write, chunk) -> tuple[int, int]:
    """A worker process for `chunk` (_work): its pid, and the pipe it reports on."""
    read, pipe = os.pipe()
    sys.stdout.flush()  # or the worker would print this process's pending output again
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into the build
        os.close(read)
        _work(write, chunk, pipe)
    os.close(pipe)
    return pid, read


def _work(write, chunk, pipe: int) -> None:
    """In the worker: render the chunk; send nothing on success, the exception on failure."""
    status = 0
    try:
        message = b""
        try:
            for file in chunk:
                write(file)
        except BaseException as exc:  # reported by the build process
            message = _pickled(exc)
        view = memoryview(message)
        while view:
            view = view[os.write(pipe, view):]
        os.close(pipe)
    except BaseException:  # the pipe itself failed: the exit status says so
        status = 1
    finally:
        for stream in (sys.stdout, sys.stderr):  # what the worker printed (the build's own was flushed before the fork)
            try:
                stream.flush()
            except BaseException:
                pass
        os._exit(status)  # no atexit handlers, no finally blocks of the build process


def _pickled(exc: BaseException) -> bytes:
    try:
        data = pickle.dumps(exc)
        pickle.loads(data)
        return data
    except Exception:
        return pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))


def _failure(sent: bytes, status: int) -> BaseException:
    if sent:
        try:
            return pickle.loads(sent)
        except Exception:
            pass
    code = os.waitstatus_to_exitcode(status)
    how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
    return RuntimeError(f"a worker process of the build ended unexpectedly ({how})")
