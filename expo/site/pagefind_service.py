"""Pagefind's indexing service (`pagefind --service`, from `pagefind[bin]`), spoken to directly:
records in, a search bundle out.

The service is what Pagefind's own Python API (`pagefind.index.PagefindIndex`) drives: each
request and each answer is base64 of a JSON message followed by a comma, on the program's stdin
and stdout; the message types are the API's (`pagefind.service.types`). The API itself is not
used: it sleeps 0.1 s before reading each answer (600 records, one by one, took 64 s) and, on
leaving its context, terminates the program while it may still be writing. Here one thread
writes every record while the answers are read as they come (thousands of records take a
second or two), and the bundle's files come back in one answer (GetFiles), to be written
whole by the caller (search.write_index joins one bundle per language).
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import threading
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping

TIMEOUT_SECONDS = 600  # a 3,000-product expo takes seconds; a hung program must not hang CI


class SearchIndexError(RuntimeError):
    """Pagefind could not be started or failed; the message says why."""


def program() -> Path:
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise SearchIndexError("the Pagefind program is missing: pip install 'pagefind[bin]'")
    return found


def program_identity() -> str:
    """Which Pagefind program would index (its path, size and mtime: no process to start on
    every build): another one may write another bundle from the same records. '' when there is
    none (the build then fails with the reason)."""
    try:
        path = program()
        stat = path.stat()
    except (OSError, SearchIndexError):
        return ""
    return f"{path} {stat.st_size} {stat.st_mtime_ns}"


def _message(message_id: int, payload: Mapping[str, Any]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")) + b","


class _Answers:
    """The program's answers, one message at a time, and what it said on stderr."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self.buffer = b""
        self.stderr: list[bytes] = []
        threading.Thread(target=lambda: self.stderr.extend(process.stderr), daemon=True).start()

    def next(self) -> dict:
        chunks = [self.buffer]
        while b"," not in chunks[-1]:  # base64 has no comma: it ends a message
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                raise SearchIndexError("Pagefind stopped before it answered: " + self.said())
            chunks.append(chunk)
        message, _comma, self.buffer = b"".join(chunks).partition(b",")
        answer = json.loads(base64.b64decode(message))
        payload = answer.get("payload") or {}
        if payload.get("type") == "Error":
            raise SearchIndexError(f"Pagefind could not build the search index: {payload.get('message', '')}"[:2000])
        return payload

    def said(self) -> str:
        return b"".join(self.stderr).decode("utf-8", "replace").strip()[-2000:]


def bundle_files(records: Iterable[Mapping[str, Any]]) -> tuple[dict[str, bytes], int]:
    """Index `records` (Pagefind custom records: url, content, language, meta, filters, sort)
    in one Pagefind program; returns the bundle's files (path inside the bundle -> bytes) and
    how many records were indexed."""
    try:
        process = subprocess.Popen([str(program()), "--service"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise SearchIndexError(f"Pagefind could not build the search index: {exc}") from exc
    watchdog = threading.Timer(TIMEOUT_SECONDS, process.kill)  # a hung program ends the reads
    watchdog.start()
    try:
        return _index(process, _Answers(process), records)
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:  # a closed pipe, an answer
        # that is not Pagefind's, a program that does not end
        raise SearchIndexError(f"Pagefind could not build the search index: {exc}") from exc
    finally:
        watchdog.cancel()
        if process.poll() is None:
            process.kill()
        process.wait()


def write_files(files: Mapping[str, bytes], bundle: Path) -> None:
    """The bundle's files into `bundle`, each path confined to it."""
    folders: set[Path] = set()
    for path, data in files.items():
        name = PurePosixPath(path)
        if name.is_absolute() or ".." in name.parts or not name.parts:
            raise SearchIndexError(f"Pagefind named a file outside its folder: {path!r}")
        target = bundle.joinpath(*name.parts)
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(data)


def _index(process: subprocess.Popen, answers: _Answers,
           records: Iterable[Mapping[str, Any]]) -> tuple[dict[str, bytes], int]:
    process.stdin.write(_message(0, {"type": "NewIndex", "config": None}))
    process.stdin.flush()
    index_id = answers.next()["index_id"]
    sent = _Sent()
    writer = threading.Thread(target=sent.send_all, args=(process, index_id, records))
    writer.start()
    try:
        while sent.wait_for_more():  # every record sent has exactly one answer
            answers.next()
            sent.answered += 1
    finally:
        if sent.failure or sys.exc_info()[0] is not None:
            process.kill()  # unblocks a writer stuck on a full pipe
        writer.join()
    if sent.failure:
        raise sent.failure[0]
    # The files come back in the answer and are written by the caller: Pagefind's own
    # WriteFiles may answer before its files are complete (a half-written pagefind-entry.json
    # was seen).
    process.stdin.write(_message(sent.count + 1, {"type": "GetFiles", "index_id": index_id}))
    process.stdin.flush()
    files = {file["path"]: base64.b64decode(file["content"]) for file in answers.next()["files"]}
    process.stdin.close()
    process.wait(timeout=TIMEOUT_SECONDS)
    return files, sent.count


class _Sent:
    """The records written so far, shared by the writing thread and the reader of answers."""

    def __init__(self) -> None:
        self.count = 0
        self.answered = 0
        self.done = False
        self.failure: list[BaseException] = []
        self.changed = threading.Condition()

    def send_all(self, process: subprocess.Popen, index_id: int, records: Iterable[Mapping[str, Any]]) -> None:
        try:
            for record in records:
                process.stdin.write(_message(self.count + 1, {"type": "AddRecord", "index_id": index_id, **record}))
                process.stdin.flush()  # sent, so its answer will come
                with self.changed:
                    self.count += 1
                    self.changed.notify()
        except BaseException as exc:  # raised by the reader, once it stops
            self.failure.append(exc)
        finally:
            with self.changed:
                self.done = True
                self.changed.notify()

    def wait_for_more(self) -> bool:
        """True when a sent record's answer is still to be read; False when all are read."""
        with self.changed:
            while self.answered == self.count and not self.done:
                self.changed.wait()
            return self.answered < self.count and not self.failure
