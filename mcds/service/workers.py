"""Validation in worker processes with a hard time limit.

`mcds validate` bounds its own time (mcds.util.limits.SECONDS), but a service answering strangers needs a bound
that holds whatever the input does: each validation runs in a worker process that is killed, and replaced,
when it runs past the service's limit. Workers are started once (importing the validator takes about a second)
and run one job at a time, so a pool of N workers validates N files at once and never more.

A worker validates the upload from inside the upload's own folder, by its file name, so that the report names
the file as `mcds validate FILE` run in that folder does (the same report, byte for byte), and Python's
temporary files go into that folder too: nothing of an upload outlives the folder the service removes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

# Importing the validator and loading the standard, once per worker, before it takes its first job.
STARTUP_SECONDS = 120


@dataclass(frozen=True)
class Job:
    """One validation: the upload `name` inside `folder`, the report wanted, and where an annotated copy goes."""

    folder: str
    name: str
    fmt: str
    lang: str
    profile: str | None = None
    annotated: str | None = None  # a path for the annotated workbook, when one is asked for


@dataclass(frozen=True)
class Outcome:
    """What a worker answers: a report (`body`, and the verdict), or an McdsError's key and values, or a bug."""

    body: str = ""
    usable: bool = True
    valid: bool = False
    errors: int = 0
    warnings: int = 0
    marked: int | None = None  # cells marked in the annotated workbook, when one was written
    error_key: str | None = None
    error_values: dict[str, Any] = field(default_factory=dict)
    bug: str | None = None


class TimeLimit(Exception):
    """The validation ran past the service's time limit; its worker was killed."""


class WorkerLost(Exception):
    """The worker ended during the validation (killed by the system, for lack of memory for example)."""


def _validate(job: Job) -> Outcome:
    from mcds.errors import McdsError
    from mcds.validation import validate
    from mcds.validation.render import render

    scratch = Path(job.folder) / ".scratch"
    scratch.mkdir(exist_ok=True)
    os.chdir(job.folder)
    tempfile.tempdir = str(scratch)
    try:
        report = validate(Path(job.name), profile_name=job.profile)
        marked = None
        if job.annotated is not None and report.usable:
            from mcds.validation.annotate import annotate

            marked = annotate(report, Path(job.name), Path(job.annotated), job.lang)
        return Outcome(render([report], job.fmt, job.lang), report.usable, report.valid, len(report.errors),
                       len(report.warnings), marked)
    except McdsError as error:
        return Outcome(error_key=error.key, error_values=error.values)
    except Exception as error:  # noqa: BLE001 - a bug in MCDS: said as such, the worker lives on
        kind = type(error)
        return Outcome(bug=kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}")
    finally:
        tempfile.tempdir = None
        os.chdir("/")


def _serve(connection: Connection) -> None:
    """A worker's life: warm up, say so, then answer jobs until the service closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the service, which then stops its workers
    os.chdir("/")
    import mcds.validation.annotate  # noqa: F401 - imported before the first job, not during it
    import mcds.validation.render  # noqa: F401
    from mcds.standard import tabular

    tabular.load_profile()
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        connection.send(_validate(job))


class _Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # no fork of a process that runs an event loop and threads
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="mcds-validation")
        self.process.start()
        child.close()
        self.ready = False

    def run(self, job: Job, seconds: float) -> Outcome:
        if not self.ready:
            if not self.connection.poll(STARTUP_SECONDS):
                raise WorkerLost
            self.connection.recv()
            self.ready = True
        self.connection.send(job)
        if not self.connection.poll(seconds):
            raise TimeLimit
        return self.connection.recv()

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class Pool:
    """`size` worker processes. `run` blocks its thread until its job is done: the caller admits at most `size`
    callers at once (mcds.service.app does, with a limiter), so an idle worker is always there."""

    def __init__(self, size: int, seconds: float) -> None:
        self.size = size
        self.seconds = seconds
        self._lock = threading.Lock()
        self._idle = [_Worker() for _ in range(size)]

    def run(self, job: Job) -> Outcome:
        with self._lock:
            worker = self._idle.pop()
        try:
            return worker.run(job, self.seconds)
        except TimeLimit:
            worker = self._replace(worker)
            raise
        except (WorkerLost, EOFError, OSError) as error:
            worker = self._replace(worker)
            raise WorkerLost from error
        finally:
            with self._lock:
                self._idle.append(worker)

    @staticmethod
    def _replace(worker: _Worker) -> _Worker:
        """Kill a worker that ran too long or died, and start another in its place."""
        worker.process.kill()
        worker.process.join()
        worker.connection.close()
        return _Worker()

    def close(self) -> None:
        with self._lock:
            workers, self._idle = self._idle, []
        for worker in workers:
            worker.stop()
