"""The publication gate and the national catalogue: which submissions are published, and what they hold.

Every submission folder is validated (results cached by the hash of its content, so that unchanged
submissions are not validated again); valid ones are read into their JSON form; an invalid one is left out,
or, given the previously published site, its last published version is kept and marked stale.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcds import __version__, classifications, standard, tabular
from mcds.parallel import on_every_core

PUBLISHED = "data/submissions"


@dataclass
class Submission:
    """One provider's submission as the gate saw it."""

    name: str
    checksum: str
    valid: bool
    errors: int
    warnings: int
    document: dict[str, Any] | None = None
    stale: bool = False
    source: str = ""

    @property
    def provider(self) -> str:
        return str((self.document or {}).get("provider", self.name))

    @property
    def published(self) -> str:
        """The date the provider last updated the submission (its "date modified")."""
        return str((self.document or {}).get("last_updated", ""))


@dataclass
class Catalogue:
    submissions: list[Submission] = field(default_factory=list)

    @property
    def published(self) -> list[Submission]:
        return [s for s in self.submissions if s.document is not None]

    @property
    def rejected(self) -> list[Submission]:
        return [s for s in self.submissions if not s.valid]

    def organizations(self) -> dict[str, dict[str, Any]]:
        """Every organization once: as its own provider describes it, else as the first submission names it."""
        found: dict[str, dict[str, Any]] = {}
        for submission in sorted(self.published, key=lambda s: s.provider):
            for organization in submission.document.get("organizations", []):
                if organization["id"] == submission.provider or organization["id"] not in found:
                    found[organization["id"]] = organization
        return dict(sorted(found.items()))

    def microcredentials(self) -> list[tuple[Submission, dict[str, Any]]]:
        return [(s, m) for s in sorted(self.published, key=lambda s: s.provider) for m in s.document.get("microcredentials", [])]

    def outcome_reports(self) -> list[tuple[Submission, dict[str, Any]]]:
        return [(s, r) for s in sorted(self.published, key=lambda s: s.provider) for r in s.document.get("outcome_reports", [])]


def checksum(folder: Path) -> str:
    """SHA-256 over the package's descriptor and table files, names included, in a stable order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".json", ".csv")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def read_document(folder: Path) -> dict[str, Any]:
    """The JSON form of a valid package (validate first)."""
    profile = tabular.load_profile()
    tables: tabular.Tables = {}
    for resource in tabular.resources(profile):
        path = folder / resource["path"]
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as handle:
                tables[resource["name"]] = list(csv.DictReader(handle))
    return tabular.to_document(tables, profile)


@functools.cache
def code_digest() -> str:
    """A digest of MCDS' code, templates and compiled standard: what is cached under it is redone after any change."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")]) + [standard.MODEL_FILE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _validator_state() -> str:
    """What a validation result depends on besides the submission: the code, and the classification tables
    installed with `mcds codelists import` (a code valid without a table may be unknown with one)."""
    tables = [(kind, path.stat().st_size, path.stat().st_mtime_ns) for kind in classifications.KINDS
              if (path := classifications.table_path(kind)).is_file()]
    return hashlib.sha256(json.dumps([code_digest(), tables]).encode()).hexdigest()[:20]


def _validated(folder: Path, digest: str, cache: Path | None) -> tuple[bool, int, int]:
    """Whether the package is valid, and its error and warning counts, from the cache when the content is known."""
    key = cache / f"{digest}-{_validator_state()}.json" if cache else None
    known = _remembered(key) if key is not None else None
    if known is not None:
        return known
    from mcds.validation import validate

    report = validate(folder)
    result = (report.valid, len(report.errors), len(report.warnings))
    if key is not None:
        temporary = key.with_name(key.name + ".part")
        try:  # the cache only saves time: a result that cannot be kept is still the result
            key.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(dict(zip(("valid", "errors", "warnings"), result))), encoding="utf-8")
            temporary.replace(key)  # whole or not at all, even if the build is killed while writing
        except OSError:
            pass
    return result


def _remembered(key: Path) -> tuple[bool, int, int] | None:
    """The result kept under `key`, or None when there is none or it is damaged (cut short by a full disk,
    emptied, garbled, of another shape or unreadable): then the package is validated again."""
    try:
        known = json.loads(key.read_text(encoding="utf-8"))
        result = (known["valid"], known["errors"], known["warnings"])
    except (OSError, ValueError, TypeError, KeyError):
        return None
    valid, errors, warnings = result
    counts = all(type(n) is int and n >= 0 for n in (errors, warnings))
    return (valid, errors, warnings) if type(valid) is bool and counts and valid == (errors == 0) else None


def _previous(previous: Path | None, name: str) -> dict[str, Any] | None:
    if previous is None:
        return None
    path = previous / PUBLISHED / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _gate(folder: Path, previous: Path | None, cache: Path | None) -> Submission:
    """One submission through the gate: validated (or known from the cache), read if valid."""
    digest = checksum(folder)
    valid, errors, warnings = _validated(folder, digest, cache)
    submission = Submission(folder.name, digest, valid, errors, warnings, source=str(folder))
    if valid:
        submission.document = read_document(folder)
    else:
        kept = _previous(previous, folder.name)
        if kept is not None:
            submission.document, submission.checksum, submission.stale = kept["document"], kept["checksum"], True
    return submission


def gather(submissions: Path, *, previous: Path | None = None, cache: Path | None = None) -> Catalogue:
    """Validate every submission folder under `submissions` and keep what may be published.

    Submissions are independent, so they go through the gate on every core; the order stays the folders'."""
    folders = sorted(p for p in submissions.iterdir() if (p / "datapackage.json").is_file()) if submissions.is_dir() else []
    return Catalogue(on_every_core([(_gate, (folder, previous, cache)) for folder in folders]))


def published_record(submission: Submission) -> dict[str, Any]:
    """What the site keeps of a submission so that a later build can fall back on it (`--previous`)."""
    return {"name": submission.name, "checksum": submission.checksum, "document": submission.document}
