"""Turning any accepted input into CSV tables on disk, read-only, with input problems as findings.

Accepted: a data-package folder, its datapackage.json, a .zip of a package, a filled Excel template, or a JSON
document. Folders are read where they are; the other kinds are expanded into a temporary folder. Nothing the
user gave is ever written to. The publication gate first takes a snapshot (`snapshot`) of what a submission's
validation reads, and validates and publishes that copy.
"""

from __future__ import annotations

import csv
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from mcds.i18n import both
from mcds.standard import tabular
from mcds.util import limits, safejson
from mcds.validation.archive import ZIP_ERRORS, archive_problem
from mcds.validation.findings import ERROR, WARNING, Finding
from mcds.validation.sniff import inspect_csv, misplaced_header, semicolons
from mcds.validation.suggest import suggestion

REQUIRED_TABLES = ("submission", "organizations")
ZIP_LIMIT = limits.ARCHIVE_BYTES
ZIP_ENTRIES = limits.ARCHIVE_ENTRIES
@dataclass
class Staged:
    """An input laid out as tables: where each table's CSV is, and how to name it to the provider."""

    source: str
    kind: str
    tables: dict[str, Path] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)
    standard_version: str | None = None
    findings: list[Finding] = field(default_factory=list)
    usable: bool = True
    workbook: Path | None = None

    def refuse(self, code: str, **values: Any) -> None:
        """Record a problem that makes the input unusable: nothing further is checked."""
        self.findings.append(Finding(code, ERROR, params=values, value=values.get("value")))
        self.usable = False


def _safe_member(folder: Path, relative: str) -> Path | None:
    """The file a descriptor path names, or None when the path could leave the folder."""
    if not relative or urlparse(relative).scheme or Path(relative).is_absolute() or ".." in Path(relative).parts:
        return None
    candidate = folder / relative
    if candidate.is_symlink() or any(parent.is_symlink() for parent in candidate.parents if folder in parent.parents):
        return None
    try:
        candidate.resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    return candidate


def _json_problem(staged: Staged, code: str, problem: safejson.JsonProblem, label: str) -> None:
    """Refuse a JSON file: nesting past the limit has its own code; every other problem is `code`'s reason."""
    if problem.kind == "too-deep":
        staged.findings.append(Finding("json-too-deep", ERROR, file=label, params={
            "limit": limits.JSON_DEPTH, "line": problem.detail["line"], "column": problem.detail["column"]}))
        staged.usable = False
    else:
        staged.refuse(code, reason=problem.reason())


def _read_descriptor(staged: Staged, folder: Path, shown: str) -> dict[str, Any] | None:
    path = folder / "datapackage.json"
    if not path.is_file():
        staged.refuse("missing-descriptor", path=shown)
        return None
    try:
        descriptor = safejson.load(path)
    except safejson.JsonProblem as problem:
        _json_problem(staged, "invalid-descriptor", problem, "datapackage.json")
        return None
    except OSError:
        staged.refuse("file-not-found", path=str(path))
        return None
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        staged.refuse("invalid-descriptor", reason=both("descriptor.no_resources"))
        return None
    return descriptor


def _from_folder(staged: Staged, folder: Path, profile: dict[str, Any], shown: str | None = None) -> None:
    """Read the package in `folder`; `shown` names it to the provider (a .zip is expanded in a temporary
    folder whose name means nothing to them)."""
    descriptor = _read_descriptor(staged, folder, shown or str(folder))
    if descriptor is None:
        return
    meta = descriptor.get("mcds") if isinstance(descriptor.get("mcds"), dict) else {}
    staged.standard_version = str(meta["standard_version"]) if "standard_version" in meta else None
    names = [r["name"] for r in profile["resources"]]
    for resource in descriptor["resources"]:
        name, relative = str(resource.get("name", "")), resource.get("path")
        member = _safe_member(folder, relative) if isinstance(relative, str) else None
        if member is None:
            staged.refuse("unsafe-path", value=str(relative))
            continue
        if name not in names:
            staged.findings.append(Finding("unknown-table", WARNING, file=relative, value=name,
                                           params={"suggestion": suggestion(name, names)}))
            continue
        if not member.is_file():
            staged.refuse("file-not-found", path=relative)
            continue
        staged.tables[name] = member
        staged.labels[name] = relative


def _check_files(staged: Staged, scratch: Path, profile: dict[str, Any]) -> None:
    """Look at each table file before it is read; lay an empty table where an optional one is absent."""
    names = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in profile["resources"]}
    numbers = {r["name"]: {f["name"] for f in r["schema"]["fields"] if f["type"] == "number"} for r in profile["resources"]}
    for name, path in list(staged.tables.items()):
        try:
            encoding, problem = inspect_csv(path, staged.labels[name])
            if problem is not None and problem.code == "semicolon-delimiter":
                problem, path, encoding = _from_semicolons(staged, name, path, encoding, scratch, numbers.get(name, set()))
        except OSError:  # a file without read permission: say so rather than crash
            encoding, problem = "utf-8", Finding("file-not-found", ERROR, file=staged.labels[name],
                                                 params={"path": staged.labels[name]})
        if problem is None and name in names:
            problem = misplaced_header(path, encoding, staged.labels[name], names[name])
        if problem is not None:
            staged.findings.append(problem)
            staged.usable = False
        else:
            staged.encodings[name] = encoding
    for name in REQUIRED_TABLES:
        if name not in staged.tables and not any(f.code == "file-not-found" for f in staged.findings):
            # A workbook's tables are its sheets: the provider restores a sheet, not a CSV file.
            staged.refuse("missing-table", value=name, **({"variant": "sheet"} if staged.kind == "xlsx" else {}))
    for resource in profile["resources"]:
        if resource["name"] not in staged.tables:
            _write_csv(staged, resource["name"], [[f["name"] for f in resource["schema"]["fields"]]], scratch,
                       f"{resource['name']}.csv")
            staged.encodings[resource["name"]] = "utf-8"


def _from_semicolons(staged: Staged, name: str, path: Path, encoding: str, scratch: Path,
                     numbers: set[str]) -> tuple[Finding | None, Path, str]:
    """A semicolon-separated table (French-locale Excel's CSV) read as it is: rewritten with commas in the
    scratch folder, with a warning saying so, and then looked at like any other table."""
    folder = scratch / "semicolons"
    folder.mkdir(exist_ok=True)
    target = folder / f"{name}.csv"
    decimals = semicolons(path, encoding, target, numbers)
    staged.findings.append(Finding("semicolon-delimiter", WARNING, file=staged.labels[name], row=1, value=";",
                                   params={"variant": "decimals", "count": decimals} if decimals else {}))
    staged.tables[name] = target
    encoding, problem = inspect_csv(target, staged.labels[name])
    return problem, target, encoding


def _extract_zip(staged: Staged, archive: Path, target: Path) -> Path | None:
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = bundle.infolist()
            problem = archive_problem(bundle)
            if problem is not None:
                staged.refuse("unsafe-archive", reason=problem)
                return None
            for member in members:
                mode = member.external_attr >> 16
                path = Path(member.filename)
                if path.is_absolute() or ".." in path.parts:
                    staged.refuse("unsafe-archive", reason=both("archive.escapes", entry=member.filename))
                    return None
                if stat.S_ISLNK(mode):
                    staged.refuse("unsafe-archive", reason=both("archive.link", entry=member.filename))
                    return None
            bundle.extractall(target)
    except ZIP_ERRORS as error:
        staged.refuse("unsafe-archive", reason=both("archive.unreadable", detail=error))
        return None
    descriptors = sorted(target.rglob("datapackage.json"), key=lambda p: len(p.parts))
    return descriptors[0].parent if descriptors else target


def _write_csv(staged: Staged, name: str, rows: list[list[str]], target: Path, label: str) -> None:
    path = target / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    staged.tables[name] = path
    staged.labels[name] = label


SCALARS = (str, int, float, bool)


def _value_shape(value: Any, meta: dict[str, Any]) -> str | None:
    """What a value of a column described by `meta` must be, when it is not: "text", "values" or "value"."""
    if "lang" in meta:
        if (not isinstance(value, dict) or set(value) - {"en", "fr"}
                or not all(text is None or isinstance(text, str) for text in value.values())):
            return "text"
    elif "separator" in meta:
        if not isinstance(value, list) or not all(isinstance(v, SCALARS) for v in value):
            return "values"
    elif not isinstance(value, SCALARS):
        return "value"
    return None


def _shape_problem(document: dict[str, Any], profile: dict[str, Any]) -> dict[str, str] | None:
    """The first place where a JSON document does not have the shape of mcds.schema.json: a property the
    standard does not define, or a value of the wrong kind. The tabular form has no column for either, so
    converting would silently drop the provider's data (a misspelled "titel", a title given as plain text)."""
    children: dict[str, dict[str, dict[str, Any]]] = {}
    for resource in profile["resources"]:
        if "parent" in resource["mcds"]:
            children.setdefault(resource["mcds"]["parent"], {})[resource["mcds"]["slot"]] = resource

    def walk(item: dict[str, Any], resource: dict[str, Any], where: str) -> tuple[str, str] | None:
        slots: dict[str, dict[str, Any]] = {}
        for column in resource["schema"]["fields"]:
            if not column["mcds"].get("parent"):
                slots.setdefault(column["mcds"]["slot"], column["mcds"])
        nested = children.get(resource["name"], {})
        for key, value in item.items():
            here = f"{where}.{key}" if where else key
            meta = slots.get(key, {})
            if value is None:
                continue
            if key in nested:
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    return "objects", here
                for number, child in enumerate(value):
                    found = walk(child, nested[key], f"{here}[{number}]")
                    if found:
                        return found
            elif key not in slots:
                return "unknown", here
            elif shape := _value_shape(value, meta):
                return shape, here
        return None

    found = walk(document, tabular.root_resource(profile), "")
    if found is None:
        return None
    return both(f"json.shape.{found[0]}", where=found[1])


def _from_json(staged: Staged, path: Path, target: Path, profile: dict[str, Any]) -> None:
    try:
        document = safejson.load(path)
    except safejson.JsonProblem as problem:
        _json_problem(staged, "invalid-json", problem, path.name)
        return
    except OSError:
        staged.refuse("file-not-found", path=str(path))
        return
    if not isinstance(document, dict):
        staged.refuse("invalid-json", reason=both("json.not_an_object"))
        return
    version = document.get("standard_version")
    staged.standard_version = str(version) if version is not None else None
    problem = _shape_problem(document, profile)
    if problem is not None:
        staged.refuse("invalid-json", reason=problem)
        return
    try:
        tables = tabular.to_tables(document, profile)
    except (AttributeError, TypeError) as error:
        staged.refuse("invalid-json", reason=both("json.wrong_shape", detail=error))
        return
    for resource in profile["resources"]:
        header = [f["name"] for f in resource["schema"]["fields"]]
        rows = [header] + [[row.get(h, "") for h in header] for row in tables[resource["name"]]]
        _write_csv(staged, resource["name"], rows, target, f"{resource['name']} (JSON)")


def _from_workbook(staged: Staged, path: Path, target: Path, profile: dict[str, Any]) -> None:
    from mcds.validation.workbook import read_workbook

    sheets, findings = read_workbook(path, profile)
    staged.findings.extend(findings)
    if sheets is None:
        staged.usable = False
        return
    staged.workbook = path
    for name, rows in sheets.items():
        _write_csv(staged, name, rows, target, name)


def snapshot(source: Path, target: Path, profile: dict[str, Any] | None = None) -> Path:
    """A private, read-only copy in `target` (a new folder) of exactly the bytes that validating `source` reads,
    and the path to validate and publish in it. For a package (a folder or its datapackage.json): the
    descriptor and the standard's tables it declares, nothing else of the folder; for a .zip, .xlsx or .json
    file: the file. The publication gate validates and publishes this copy, so what is published is what was
    validated, whatever the provider's folder holds besides or becomes meanwhile."""
    profile = profile or tabular.load_profile()
    path = Path(source)
    target.mkdir(parents=True)
    if path.is_file() and path.name != "datapackage.json":
        _copy_read_only(path, target / path.name)
        return target / path.name
    folder = path.parent if path.name == "datapackage.json" else path
    try:
        _copy_read_only(folder / "datapackage.json", target / "datapackage.json")
        # The copy is read with validation's own bounded reader: what names the tables is what is validated.
        descriptor = safejson.load(target / "datapackage.json")
    except (OSError, safejson.JsonProblem):
        return target  # validating the copy reports the missing or unusable descriptor
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    tables = {r["name"] for r in profile["resources"]}
    for resource in resources if isinstance(resources, list) else []:
        relative = resource.get("path") if isinstance(resource, dict) else None
        if not isinstance(relative, str) or resource.get("name") not in tables:
            continue  # validation refuses it, or warns that it is not read
        member = _safe_member(folder, relative)
        if member is not None and member.is_file():
            _copy_read_only(member, target / relative)
    return target


def _copy_read_only(source: Path, target: Path) -> None:
    if target.exists():  # two resources declare the same file: it is the same file
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(0o444)


@contextmanager
def stage(source: Path, profile: dict[str, Any] | None = None) -> Iterator[Staged]:
    """The input at `source` laid out as CSV tables, with input findings; temporary files go at exit."""
    profile = profile or tabular.load_profile()
    path = Path(source)
    staged = Staged(source=str(source), kind="folder")
    scratch = Path(tempfile.mkdtemp(prefix="mcds-"))
    try:
        if not path.exists():
            staged.refuse("file-not-found", path=str(source))
        elif path.is_dir():
            _from_folder(staged, path, profile)
        elif path.name == "datapackage.json":
            _from_folder(staged, path.parent, profile)
        elif path.suffix.lower() == ".zip":
            staged.kind = "zip"
            folder = _extract_zip(staged, path, scratch / "zip")
            if folder is not None:
                _from_folder(staged, folder, profile, shown=str(source))
        elif path.suffix.lower() == ".xlsx":
            staged.kind = "xlsx"
            _from_workbook(staged, path, scratch, profile)
        elif path.suffix.lower() == ".json":
            staged.kind = "json"
            _from_json(staged, path, scratch, profile)
        else:
            staged.refuse("unsupported-input", path=str(source))
        if staged.usable:
            _check_files(staged, scratch, profile)
        yield staged
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
