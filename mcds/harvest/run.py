"""One harvest: every registered publisher fetched (a bounded number at once), each new file put through the
publication gate (mcds.publish.gate.admit: a snapshot validated, exactly that snapshot kept), the valid one
made the publisher's current data in DIR, an invalid or unreachable one leaving the last good data in place,
marked stale with the reason, and every attempt added to the publisher's status record. Writes only in DIR."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

import httpx

from mcds.errors import McdsError
from mcds.harvest import fetch, registry, status
from mcds.harvest.registry import Publisher
from mcds.i18n import both
from mcds.publish.gate import FILE_FORMS, admit
from mcds.standard import tabular
from mcds.util import safejson
from mcds.util.outputs import inside
from mcds.util.parallel import on_every_core

WORK = "work"  # DIR/.harvest/work: downloads and snapshots of this harvest, removed at its end


@dataclass
class Download:
    """What fetching one publisher gave: a source to put through the gate, or unchanged, or a problem."""

    publisher: Publisher
    status: int | None = None
    source: Path | None = None
    unchanged: bool = False
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    problem: fetch.FetchProblem | None = None


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _held(out: Path, current: dict[str, Any] | None, relative: str = "") -> Path | None:
    """The file of the current data at `relative` inside it (the data itself for a single file), if present."""
    if not current:
        return None
    path = out / current["path"] / relative if relative else out / current["path"]
    return path if path.is_file() else None


def _one(http: httpx.Client, url: str, target: Path, held: Path | None, validators: dict[str, dict[str, str]],
         settings: fetch.Settings, found: dict[str, dict[str, str]]) -> fetch.Fetched:
    """Fetch one file, conditionally when a copy is held; an unchanged file is copied from the held one."""
    fetched = fetch.fetch(http, url, target, settings, validators.get(url) if held is not None else None)
    found[url] = fetched.validators
    if fetched.unchanged and held is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(held, target)
    return fetched


def _package_tables(descriptor: Path, url: str) -> list[str]:
    """The relative paths of the standard's tables a fetched datapackage.json declares."""
    try:
        document = safejson.load(descriptor)
    except (OSError, safejson.JsonProblem) as problem:
        detail = problem.reason() if isinstance(problem, safejson.JsonProblem) else str(problem)
        raise fetch.FetchProblem("harvest.reason.descriptor", url=url, detail=detail) from None
    tables = {r["name"] for r in tabular.resources(tabular.load_profile())}
    paths = []
    for resource in document.get("resources", []) if isinstance(document, dict) else []:
        relative = resource.get("path") if isinstance(resource, dict) else None
        if not isinstance(relative, str) or resource.get("name") not in tables:
            continue  # validation reports it
        parts = PurePosixPath(relative).parts
        if "://" in relative or relative.startswith("/") or ".." in parts or "\\" in relative or not parts:
            raise fetch.FetchProblem("harvest.reason.resource_path", "refused", path=relative)
        paths.append(relative)
    return sorted(set(paths))


def _download(http: httpx.Client, publisher: Publisher, out: Path, work: Path, record: dict[str, Any],
              settings: fetch.Settings) -> Download:
    current, known = record.get("current"), (record.get("current") or {}).get("validators", {})
    found: dict[str, dict[str, str]] = {}
    download = Download(publisher, validators=found)
    try:
        if publisher.form == "datapackage":
            folder = work / "incoming" / publisher.id
            held = _held(out, current, "datapackage.json") if (current or {}).get("form") == "datapackage" else None
            first = _one(http, publisher.data_url, folder / "datapackage.json", held, known, settings, found)
            download.status, unchanged = first.status, first.unchanged
            for relative in _package_tables(folder / "datapackage.json", first.url):
                table_held = _held(out, current, relative) if held is not None else None
                fetched = _one(http, urljoin(first.url, relative), folder / relative, table_held, known, settings, found)
                unchanged = unchanged and fetched.unchanged
            download.unchanged, download.source = unchanged, folder
        else:
            target = work / "incoming" / (publisher.id + publisher.form)
            held = _held(out, current) if (current or {}).get("form") == publisher.form else None
            fetched = _one(http, publisher.data_url, target, held, known, settings, found)
            download.status, download.unchanged, download.source = fetched.status, fetched.unchanged, target
    except fetch.FetchProblem as problem:
        download.problem, download.source = problem, None
        download.status = problem.status if problem.status is not None else download.status
    return download


def _gate(source: Path, keep: Path) -> tuple[Any, Path]:
    return admit(source, keep)


def _remove_data(out: Path, publisher: str) -> None:
    for suffix in FILE_FORMS:
        with contextlib.suppress(FileNotFoundError):
            (out / (publisher + suffix)).unlink()
    if (out / publisher).is_dir():
        shutil.rmtree(out / publisher)


def _install(out: Path, work: Path, publisher: Publisher, snapshot: Path) -> str:
    """Make the validated snapshot the publisher's current data in `out`; return its path relative to `out`."""
    if snapshot.is_dir():
        name = publisher.id
        aside = work / "replaced" / publisher.id
        if (out / name).exists():
            aside.parent.mkdir(parents=True, exist_ok=True)
            (out / name).rename(aside)
        _remove_data(out, publisher.id)
        snapshot.rename(out / name)
    else:
        name = publisher.id + publisher.form
        _remove_data(out, publisher.id)
        os.replace(snapshot, out / name)
    return name


def _attempt(download: Download, when: str) -> dict[str, Any]:
    return {"time": when, "url": download.publisher.data_url, "http_status": download.status, "checksum": None,
            "verdict": None, "errors": None, "warnings": None, "findings": [], "reason": None}


def _settle(out: Path, work: Path, download: Download, gated: tuple[Any, Path] | None, record: dict[str, Any],
            when: str) -> dict[str, Any]:
    """The attempt's verdict, the publisher's data installed or kept, and its status record brought up to date."""
    publisher, current = download.publisher, record.get("current")
    attempt = _attempt(download, when)
    if download.problem is not None:
        attempt.update(verdict=download.problem.verdict, reason=download.problem.reason)
    elif download.unchanged or gated is None:
        attempt.update(verdict="unchanged")
    else:
        submission, snapshot = gated
        attempt.update(checksum=submission.checksum, errors=submission.errors, warnings=submission.warnings,
                       findings=submission.findings)
        if not submission.valid:
            reason = (both("harvest.reason.mismatch", declared=submission.declared, publisher=publisher.id)
                      if submission.declared else both("harvest.reason.invalid", errors=submission.errors))
            attempt.update(verdict="invalid", reason=reason)
        elif current and current.get("checksum") == submission.checksum and (out / current["path"]).exists():
            attempt.update(verdict="unchanged")
            current["validators"] = download.validators
        else:
            path = _install(out, work, publisher, snapshot)
            current = record["current"] = {
                "path": path, "form": publisher.form, "checksum": submission.checksum, "since": when,
                "errors": submission.errors, "warnings": submission.warnings, "findings": submission.findings,
                "validators": download.validators}
            attempt["verdict"] = "published"
    if attempt["verdict"] == "unchanged" and current:
        attempt.update(checksum=current["checksum"], errors=current["errors"], warnings=current["warnings"],
                       findings=current["findings"])
    failed = attempt["verdict"] not in ("published", "unchanged")
    record.update(names=publisher.names, data_url=publisher.data_url, licence=publisher.licence,
                  contact=publisher.contact, date_added=publisher.date_added,
                  stale=bool(failed and current), reason=attempt["reason"] if failed else None)
    record["attempts"].append(attempt)
    return attempt


@contextlib.contextmanager
def _locked(state: Path) -> Iterator[None]:
    with (state / "lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise McdsError("harvest.busy", path=state.parent) from error
        yield


def _check_out(out: Path, registry_file: Path) -> None:
    if out.exists() and not out.is_dir():
        raise McdsError("harvest.out.is_file", path=out)
    folder = registry_file.parent.resolve()
    if inside(folder, out) or inside(out, folder):
        raise McdsError("harvest.out.inside_input", path=out, registry=folder)


def harvest(registry_path: Path, out: Path, settings: fetch.Settings) -> list[dict[str, Any]]:
    """Harvest every publisher of the registry into `out`; return each publisher's attempt, in registry order."""
    publishers = registry.load(registry_path)
    registry_file, _ = registry.locate(registry_path)
    _check_out(out, registry_file)
    state = out / status.STATE
    state.mkdir(parents=True, exist_ok=True)
    with _locked(state):
        work = state / WORK
        shutil.rmtree(work, ignore_errors=True)  # what a killed harvest left
        (work / "tmp").mkdir(parents=True)
        # Validation stages each file in temporary folders: inside DIR too, so that a harvest writes only there.
        system_temp, tempfile.tempdir = tempfile.tempdir, str(work / "tmp")
        try:
            return _harvest(publishers, out, state, work, settings)
        finally:
            tempfile.tempdir = system_temp
            shutil.rmtree(work, ignore_errors=True)


def _harvest(publishers: list[Publisher], out: Path, state: Path, work: Path,
             settings: fetch.Settings) -> list[dict[str, Any]]:
    records = {p.id: status.load(state, p.id) for p in publishers}
    started = _now()
    with fetch.client(settings) as http, ThreadPoolExecutor(max(settings.jobs, 1)) as pool:
        downloads = list(pool.map(lambda p: _download(http, p, out, work, records[p.id], settings), publishers))
    changed = [d for d in downloads if d.source is not None and not d.unchanged]
    verdicts = on_every_core([(_gate, (d.source, work / "gated" / d.publisher.id)) for d in changed])
    gated = {d.publisher.id: verdict for d, verdict in zip(changed, verdicts, strict=True)}
    attempts = []
    for download in downloads:
        record = records[download.publisher.id]
        attempts.append({"publisher": download.publisher.id,
                         **_settle(out, work, download, gated.get(download.publisher.id), record, started)})
        status.save(state, record)
    return attempts


def timed(registry_path: Path, out: Path, settings: fetch.Settings) -> tuple[list[dict[str, Any]], float]:
    start = time.monotonic()
    attempts = harvest(registry_path, out, settings)
    return attempts, time.monotonic() - start
