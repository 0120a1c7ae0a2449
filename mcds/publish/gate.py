"""The publication gate and the national catalogue: which submissions are published, and what they hold.

A submission is a folder with a datapackage.json, or a .zip, .xlsx or .json file, in the submissions folder;
its name (the folder's, or the file's without its extension) must be the identifier of its provider. The gate
takes a read-only snapshot of exactly what validating it reads, validates that snapshot (results cached by
the hash of its bytes, so that unchanged submissions are not validated again) and reads valid ones into their
JSON form from the same snapshot: nothing is read from the provider's folder after that, so what is published
is what was validated. An invalid one is left out, or, given the previously published site, its last
published version is kept and marked stale. Two submissions that claim the same identifier are both left out.
What the submissions folder holds besides submissions (hidden files, a spreadsheet's lock file, a folder without
datapackage.json, a file of another form) is skipped, and each skipped entry is kept with its reason so that the
build can say what it left aside. `--submissions` may also be one submission in any form `mcds validate` takes.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcds import __version__
from mcds.errors import McdsError
from mcds.standard import classifications, model, tabular
from mcds.util.io import write_atomic
from mcds.util.parallel import on_every_core
from mcds.validation.checks.identifiers import flaw, shown

PUBLISHED = "data/submissions"
FILE_FORMS = (".zip", ".xlsx", ".json")  # a submission sent as one file rather than a package folder


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
    declared: str = ""  # the provider the submission declares, when it is not the name it was sent under
    contested: str = ""  # an identifier another submission claims too: neither is published
    # The first findings of its validation, errors first (see `top_findings`): what the data-quality pages show.
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def provider(self) -> str:
        return str((self.document or {}).get("provider", self.name))

    @property
    def published(self) -> str:
        """The date the provider last updated the submission (its "date modified")."""
        return str((self.document or {}).get("last_updated", ""))


@dataclass(frozen=True)
class Skipped:
    """An entry of the submissions folder that is not a submission: its path, and why it was skipped (a key of
    SKIP_REASONS, each a message portal.build.skipped.<reason> and a short portal.build.skip_reason.<reason>)."""

    path: str
    reason: str


SKIP_REASONS = ("hidden", "lock", "no-descriptor", "spreadsheet", "table", "unknown-form")
# Spreadsheet formats a provider may have saved instead of .xlsx, and tables sent without their package.
SPREADSHEETS = (".ods", ".xls", ".xlsm", ".xlsb", ".numbers")
TABLES = (".csv", ".tsv", ".txt")


@dataclass
class Catalogue:
    submissions: list[Submission] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    origin: Path | None = None  # the submissions folder it was gathered from (a harvested one holds .harvest/)

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


class UnsafeIdentifier(McdsError):
    """An identifier that cannot name a file or folder of the site; `reason` says why."""

    exit_code = 1

    def __init__(self, identifier: str, folder: Path, reason: str) -> None:
        super().__init__(f"portal.build.unsafe_identifier.{reason}", identifier=shown(identifier), folder=folder)
        self.identifier, self.folder, self.reason = identifier, folder, reason

    def __reduce__(self) -> tuple[Any, ...]:  # raised in a worker process, it is pickled back whole
        return type(self), (self.identifier, self.folder, self.reason)


def contained(folder: Path, identifier: str, suffix: str = "", *, new: bool = True) -> Path:
    """The file or folder that `identifier` (a data value) names in `folder`, with `suffix`: the one place where
    the site turns a data value into a path, used by every writer. The identifier is NFC-normalized, and
    refused (UnsafeIdentifier) when it holds a deceptive character ("characters", see
    mcds.validation.checks.identifiers), when the path it makes, resolved, is not directly in `folder` (a
    separator, "." or "..", an absolute path, a link out: "leaves"), when it names an index or hidden file
    ("reserved"), or, for a `new` path, when `folder` already holds that name: a page the site already has, or
    the page of another identifier that looks the same ("taken")."""
    name = unicodedata.normalize("NFC", identifier)
    if flaw(name) is not None:
        raise UnsafeIdentifier(identifier, folder, "characters")
    target = folder / (name + suffix)
    # A name that is not one plain component (a backslash separates folders on Windows, where the site may be
    # copied to) leaves the folder as written.
    if name in ("", ".", "..") or "\\" in name or target.name != name + suffix:
        raise UnsafeIdentifier(identifier, folder, "leaves")
    if name.startswith((".", "_")) or name.split(".")[0].casefold() == "index":
        raise UnsafeIdentifier(identifier, folder, "reserved")
    # One plain component can only lead elsewhere through what already exists there (a link): resolve that.
    # Resolving only then keeps the check cheap for the tens of thousands of new pages of a build.
    if os.path.lexists(target):
        if target.resolve().parent != _resolved(folder):
            raise UnsafeIdentifier(identifier, folder, "leaves")
        if new:
            raise UnsafeIdentifier(identifier, folder, "taken")
    return target


@functools.lru_cache(maxsize=64)
def _resolved(folder: Path) -> Path:
    return folder.resolve()


def checksum(snapshot: Path) -> str:
    """SHA-256 over the files of a submission's snapshot, names included, in a stable order."""
    digest = hashlib.sha256()
    files = [snapshot] if snapshot.is_file() else sorted(p for p in snapshot.rglob("*") if p.is_file())
    for path in files:
        digest.update((path.name if path == snapshot else path.relative_to(snapshot).as_posix()).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def read_document(source: Path) -> dict[str, Any]:
    """The JSON form of a valid submission (validate first), read from the same tables validation reads:
    the ones its descriptor declares, never a file that merely has a table's name."""
    from mcds.validation.inputs import stage

    profile = tabular.load_profile()
    tables: tabular.Tables = {}
    with stage(source, profile) as staged:
        for resource in tabular.resources(profile):
            path = staged.tables.get(resource["name"])
            if path is not None:
                with path.open(encoding=staged.encodings.get(resource["name"], "utf-8"), newline="") as handle:
                    tables[resource["name"]] = list(csv.DictReader(handle))
    return tabular.to_document(tables, profile)


@functools.cache
def code_digest() -> str:
    """A digest of MCDS' code, templates, compiled standard and shipped classification tables: what is cached
    under it is redone after any change."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(__version__.encode())
    shipped = [classifications.shipped_path(kind) for kind in classifications.KINDS]
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")]) + [model.MODEL_FILE, *shipped]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _validator_state() -> str:
    """What a validation result depends on besides the submission: the code, and the classification tables
    installed with `mcds codelists import` (a code valid without a table may be unknown with one)."""
    tables = [(kind, path.stat().st_size, path.stat().st_mtime_ns) for kind in classifications.KINDS
              if (path := classifications.table_path(kind)).is_file()]
    return hashlib.sha256(json.dumps([code_digest(), tables]).encode()).hexdigest()[:20]


def _validated(snapshot: Path, digest: str, name: str, cache: Path | None) -> dict[str, Any]:
    """Whether the snapshot is valid as the submission `name`, its error and warning counts, and the provider
    it declares when that is not `name`; from the cache when these bytes were validated under this name."""
    bound = hashlib.sha256(f"{digest}\0{name}".encode()).hexdigest()
    key = cache / f"{bound}-{_validator_state()}.json" if cache else None
    known = _remembered(key) if key is not None else None
    if known is not None:
        return known
    from mcds.validation import validate

    report = validate(snapshot, provider=name)
    declared = next((str(f.value) for f in report.errors if f.code == "provider-mismatch"), "")
    result = {"valid": report.valid, "errors": len(report.errors), "warnings": len(report.warnings), "declared": declared,
              "findings": top_findings(report)}
    if key is not None:
        try:  # the cache only saves time: a result that cannot be kept is still the result
            key.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(key, json.dumps(result))  # whole or not at all, even if the build is killed while writing
        except OSError:
            pass
    return result


def _remembered(key: Path) -> dict[str, Any] | None:
    """The result kept under `key`, or None when there is none or it is damaged (cut short by a full disk,
    emptied, garbled, of another shape or unreadable): then the submission is validated again."""
    try:
        known = json.loads(key.read_text(encoding="utf-8"))
        valid, errors, warnings, declared = known["valid"], known["errors"], known["warnings"], known["declared"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    counts = all(type(n) is int and n >= 0 for n in (errors, warnings))
    sound = type(valid) is bool and counts and valid == (errors == 0) and isinstance(declared, str)
    findings = known.get("findings")
    shaped = isinstance(findings, list) and all(isinstance(f, dict) and isinstance(f.get("message"), dict) for f in findings)
    return known if sound and shaped else None


TOP_FINDINGS = 20  # findings kept per submission: enough to act on, few enough for a page and a status record


def top_findings(report: Any) -> list[dict[str, Any]]:
    """The first TOP_FINDINGS findings of a validation report, errors first, each with its code, severity,
    place and whole message in every language (a page or a status record shows them without the validator)."""
    from mcds.i18n import LANGUAGES
    from mcds.validation.error_catalogue import message

    ordered = sorted(report.findings, key=lambda f: f.severity != "error")[:TOP_FINDINGS]
    return [{"code": f.code, "severity": f.severity, "file": f.file, "row": f.row, "column": f.column,
             "message": {lang: message(f, lang) for lang in LANGUAGES}} for f in ordered]


def submission_name(source: Path) -> str:
    """The name a submission was sent under, which must be its provider's identifier."""
    return source.stem if source.is_file() else source.name


def _previous(previous: Path | None, name: str) -> dict[str, Any] | None:
    """The last published version of the submission `name`, if it was bound to its name (sites built before
    the gate bound identities may hold a version published under another provider's name)."""
    if previous is None:
        return None
    try:
        path = contained(previous / PUBLISHED, name, ".json", new=False)
    except UnsafeIdentifier:
        return None
    if not path.is_file():
        return None
    kept = json.loads(path.read_text(encoding="utf-8"))
    return kept if (kept.get("document") or {}).get("provider") == name else None


def _keep_previous(submission: Submission, previous: Path | None) -> None:
    kept = _previous(previous, submission.name)
    if kept is not None:
        submission.document, submission.checksum, submission.stale = kept["document"], kept["checksum"], True


def _gate(source: Path, previous: Path | None, cache: Path | None) -> Submission:
    """One submission through the gate: snapshot, validated (or known from the cache), read if valid."""
    from mcds.validation.inputs import snapshot as take_snapshot

    name = submission_name(source)
    with tempfile.TemporaryDirectory(prefix="mcds-gate-") as work:
        snapshot = take_snapshot(source, Path(work) / "snapshot")
        digest = checksum(snapshot)
        result = _validated(snapshot, digest, name, cache)
        submission = Submission(name, digest, result["valid"], result["errors"], result["warnings"], source=str(source),
                                declared=result["declared"], findings=result["findings"])
        if submission.valid:
            submission.document = read_document(snapshot)
    if not submission.valid:
        _keep_previous(submission, previous)
    return submission


def _claims(submission: Submission) -> set[str]:
    """The identifiers a submission claims: the name it was sent under, and, once read, its provider's and
    its records' identifiers (compared as the portal names their pages and files, NFC-normalized)."""
    document = submission.document or {}
    claimed = {submission.name, str(document.get("provider", submission.name))}
    claimed.update(str(item.get("id")) for key in ("microcredentials", "outcome_reports") for item in document.get(key, []))
    return {unicodedata.normalize("NFC", identifier) for identifier in claimed}


def _one_claim_each(submissions: list[Submission], previous: Path | None) -> list[Submission]:
    """Leave out every submission that claims an identifier another one claims too (the same name sent as a
    folder and as a file, say): neither is published, nor replaces the version published before."""
    claimants: dict[str, list[Submission]] = defaultdict(list)
    for submission in submissions:
        for identifier in _claims(submission):
            claimants[identifier].append(submission)
    contested: dict[int, str] = {}
    for identifier, found in sorted(claimants.items()):
        for submission in found if len(found) > 1 else []:
            contested.setdefault(id(submission), identifier)
    kept_names: set[str] = set()
    for submission in submissions:
        if id(submission) in contested:
            submission.contested = contested[id(submission)]
            submission.valid, submission.document, submission.stale = False, None, False
    for submission in submissions:
        if submission.contested and submission.name not in kept_names:
            kept_names.add(submission.name)
            _keep_previous(submission, previous)
    return submissions


# The folder a harvest keeps its status records in, inside the harvested submissions folder (mcds.harvest):
# part of that folder's layout, not a submission and not worth a word when a build skips it.
HARVEST_STATE = ".harvest"


def _skip_reason(entry: Path) -> str | None:
    """Why an entry of the submissions folder is not a submission, or None when it is one."""
    name = entry.name
    if name.startswith("~$"):  # Excel's owner file beside an open workbook (LibreOffice's is hidden: .~lock.*)
        return "lock"
    if name.startswith("."):
        return "hidden"
    if entry.is_dir():
        return None if (entry / "datapackage.json").is_file() else "no-descriptor"
    if not entry.is_file():
        return "unknown-form"
    suffix = entry.suffix.lower()
    if suffix in FILE_FORMS:
        return None
    return "spreadsheet" if suffix in SPREADSHEETS else "table" if suffix in TABLES else "unknown-form"


def survey(submissions: Path) -> tuple[list[Path], list[Skipped]]:
    """The submissions at `submissions`, in a stable order, and what it holds that is not one, with the reason.

    `submissions` is a folder of submissions (a package folder, or a .zip, .xlsx or .json file, per provider),
    or one submission itself: a package folder (it holds datapackage.json), its datapackage.json, or a .zip,
    .xlsx or .json file. A path that does not exist holds nothing."""
    if submissions.is_file():
        if submissions.name == "datapackage.json":
            return [submissions.parent], []
        reason = _skip_reason(submissions)
        return ([submissions], []) if reason is None else ([], [Skipped(str(submissions), reason)])
    if not submissions.is_dir():
        return [], []
    if (submissions / "datapackage.json").is_file():
        return [submissions], []
    found: list[Path] = []
    skipped: list[Skipped] = []
    for entry in sorted(submissions.iterdir()):
        if entry.name == HARVEST_STATE and entry.is_dir():
            continue
        reason = _skip_reason(entry)
        if reason is None:
            found.append(entry)
        else:
            skipped.append(Skipped(str(entry), reason))
    return found, skipped


def sources(submissions: Path) -> list[Path]:
    """The submissions at `submissions` (see `survey`), in a stable order; what is not one is left aside."""
    return survey(submissions)[0]


def gather(submissions: Path, *, previous: Path | None = None, cache: Path | None = None) -> Catalogue:
    """Validate every submission at `submissions` (see `survey`) and keep what may be published; what is not a
    submission is listed in the catalogue's `skipped`.

    Submissions are independent, so they go through the gate on every core; the order stays the folders'."""
    found, skipped = survey(submissions)
    gated = on_every_core([(_gate, (source, previous, cache)) for source in found])
    return Catalogue(_one_claim_each(gated, previous), skipped, origin=submissions)


def admit(source: Path, keep: Path, *, cache: Path | None = None) -> tuple[Submission, Path]:
    """One submission through the gate for a harvest: its snapshot is taken into the new folder `keep` and
    validated there, and stays there, so that what a harvest keeps as the publisher's data is exactly what
    was validated. Returns the gate's verdict and the path of the snapshot to keep (read it only if valid)."""
    from mcds.validation.inputs import snapshot as take_snapshot

    name = submission_name(source)
    snapshot = take_snapshot(source, keep)
    digest = checksum(snapshot)
    result = _validated(snapshot, digest, name, cache)
    submission = Submission(name, digest, result["valid"], result["errors"], result["warnings"], source=str(source),
                            declared=result["declared"], findings=result["findings"])
    return submission, snapshot


def published_record(submission: Submission) -> dict[str, Any]:
    """What the site keeps of a submission so that a later build can fall back on it (`--previous`)."""
    return {"name": submission.name, "checksum": submission.checksum, "document": submission.document}
