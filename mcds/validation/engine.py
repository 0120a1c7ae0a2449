"""Validation of one input: input checks, then Frictionless with the standard's profile (layer 1) and MCDS'
own checks (layers 2 and 3) in the same pass, then every error turned into a located finding."""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path
from typing import Any

import attrs
from frictionless import Checklist, Detector, Dialect, Package, system
from frictionless.formats.csv import parser as _frictionless_csv_parser  # noqa: F401 - see CELL_LIMIT below

from mcds.errors import McdsError
from mcds.i18n import LANGUAGES, t
from mcds.standard import artefacts, model, tabular
from mcds.util import limits
from mcds.validation import hints, stream
from mcds.validation import index as submission_index
from mcds.validation.checks import all_check_classes
from mcds.validation.checks.base import McdsCellError, McdsRowError
from mcds.validation.checks.codes import LIST_PATTERN
from mcds.validation.error_catalogue import entries
from mcds.validation.findings import ERROR, WARNING, Finding, Report
from mcds.validation.inputs import Staged, stage
from mcds.validation.refine import letter_of, refine, with_lines
from mcds.validation.sniff import CELL_LIMIT
from mcds.validation.suggest import suggestion

LIMIT_ERRORS = 1000
# Frictionless' CSV parser raises the csv module's field limit to 2 GB when it is imported; it is imported
# above so that our limit, set after it and again before each validation, is the one that applies.
csv.field_size_limit(CELL_LIMIT)
# The standard's tabular form is comma-separated with the header in row 1. Left to guess, Frictionless sniffs
# the delimiter from a sample, which a cell full of "|" or ";" can mislead.
DIALECT = {"csv": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True}}

CONSTRAINT = re.compile(r'constraint "(\w+)"')
SHOWN_CODES = 12


def _codes(field: dict[str, Any], codes: list[str]) -> dict[str, str]:
    """The codes a cell may hold, for the message: the first SHOWN_CODES, and the code list's name."""
    return {"codes": ", ".join(codes[:SHOWN_CODES]) + (", …" if len(codes) > SHOWN_CODES else ""),
            "codelist": field["mcds"].get("enum", "")}


def _item_rule(field: dict[str, Any]) -> re.Pattern[str] | None:
    """The pattern each item of a `|` list cell must match, read from the field's list pattern."""
    match = LIST_PATTERN.fullmatch(field.get("constraints", {}).get("pattern", ""))
    return re.compile(match.group(1)) if match else None


def _bad_items(field: dict[str, Any], value: str) -> list[str]:
    """The items of a `|` list cell that do not match the field's item pattern."""
    item = _item_rule(field)
    if item is None:
        return []
    return [part for part in value.split(field["mcds"]["separator"]) if not item.fullmatch(part)]


def _quoted(items: list[str]) -> dict[str, str]:
    return {lang: ", ".join(t("quote.item", lang, item=item) for item in items) for lang in LANGUAGES}


def _constraint_params(field: dict[str, Any], constraint: str, value: str) -> dict[str, Any]:
    """Which case of constraint-error this is (its message variant) and the values its message shows; a
    profile's rule is named after the message."""
    params = _constraint_case(field, constraint, value)
    if field["mcds"].get("rule"):
        params["rule"] = field["mcds"]["rule"]
    return params


def _constraint_case(field: dict[str, Any], constraint: str, value: str) -> dict[str, Any]:
    limits = field.get("constraints", {})
    example = field.get("example", "")
    if field.get("name") == "standard_version":
        example = artefacts.current_version()  # the example to follow is the version to write today
    if constraint == "required":
        return {"variant": "required", "example": example} if example else {"variant": "required-without-example"}
    if constraint == "enum":
        codes = _codes(field, limits.get("enum") or [])
        return hints.enum_case(field, value, codes) or {"variant": "enum", **codes}
    if constraint in ("minimum", "maximum"):
        return {"variant": constraint, "bound": limits.get(constraint), "low": limits.get("minimum", "…"),
                "high": limits.get("maximum", "…")}
    separator = field["mcds"].get("separator")
    most = field["mcds"].get("max_items")
    if constraint == "pattern" and separator and most and not _bad_items(field, value) and len(value.split(separator)) > most:
        return {"variant": "max-items", "count": len(value.split(separator)), "most": most}
    if constraint == "pattern" and separator:
        written = next((mark for mark in (";", ",") if mark in value and mark != separator), None)
        fixed = separator.join(part.strip() for part in value.split(written)) if written else ""
        if written and _bad_items(field, fixed) and (item := _item_rule(field)):
            fixed = (hints.list_case(field, fixed, item) or {}).get("fixed", fixed)
        if written and not _bad_items(field, fixed):
            return {"variant": "list-separator", "separator": written, "fixed": fixed}
        item = _item_rule(field)
        case = hints.list_case(field, value, item) if item else None
        if case:
            return case
        items = _quoted(_bad_items(field, value) or [value])
        if field["mcds"].get("enum"):
            return {"variant": "list-code", "items": items, **_codes(field, model.codes(field["mcds"]["enum"]))}
        return {"variant": "list-item", "items": items, "example": example}
    if constraint == "pattern" and (case := hints.pattern_case(field, value)):
        return case
    return {"variant": "pattern", "example": example} if example else {}


@attrs.define(kw_only=True, repr=False)
class _HeaderInRowOne(Detector):
    """Frictionless takes as header the first row whose width is near the sample's average, so a ragged row or
    an unclosed quote in a short table made it read a data row as the header. The header is row 1, always (a
    declared `headerRows: [1]` is the default and is lost when Frictionless copies the resource)."""

    def detect_dialect(self, sample: Any, *, dialect: Dialect | None = None) -> Dialect:
        return dialect or Dialect()


class _Mapper:
    """Turns Frictionless errors of one table into findings."""

    def __init__(self, staged: Staged, resource: dict[str, Any]) -> None:
        self.label = staged.labels[resource["name"]]
        self.resource = resource
        self.fields = {f["name"]: f for f in resource["schema"]["fields"]}
        self.names = list(self.fields)

    def finding(self, error: Any) -> Finding:
        found = self._finding(error)
        cells = getattr(error, "cells", None)
        if cells and found.row:
            position = self.names.index(found.column) if found.column in self.names else 0
            start = max(0, position - 1)
            context = tuple(zip(self.names[start:position + 2], cells[start:position + 2], strict=False))
            return Finding(found.code, found.severity, found.file, found.row, found.column, found.value, found.params, context)
        return found

    def _finding(self, error: Any) -> Finding:
        code = error.type
        row = getattr(error, "row_number", None)
        column = getattr(error, "field_name", None) or None  # an extra cell has no field: Frictionless says ""
        value = getattr(error, "cell", None)
        params: dict[str, Any] = {}
        if isinstance(error, McdsCellError | McdsRowError):
            params = dict(error.details)
            column = params.pop("column", column)
            return Finding(code, error.entry.severity, self.label, row, column, value, params)
        if code == "type-error":
            params = {"variant": self.fields.get(column, {}).get("type", "string")}
        elif code == "constraint-error":
            found = CONSTRAINT.search(error.note or "")
            params = _constraint_params(self.fields.get(column, {"mcds": {}}), found.group(1) if found else "", value or "")
        elif code in ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label"):
            row, value = 1, getattr(error, "label", None)
            # A label that is a column name of the table is only out of place: suggesting it would be pointless.
            hint = suggestion(value or "", self.names) if value not in self.names else suggestion("", [])
            params = {"position": getattr(error, "field_number", ""), "suggestion": hint}
            if code == "extra-label":
                column = None
        elif code == "foreign-key":
            column = ", ".join(error.field_names)
            value = ", ".join(error.field_cells)
            params = {"target": error.reference_name or self.resource["name"]}
        elif code == "primary-key":
            keys = self.resource["schema"].get("primaryKey", [])
            cells = dict(zip(self.names, error.cells, strict=False))
            column, value = ", ".join(keys), ", ".join(cells.get(k, "") for k in keys)
        elif code not in entries():
            reason = error.message
            code = "cell-too-large" if "field larger than field limit" in reason else "table-error"
            params = {"reason": reason, "limit": CELL_LIMIT}
        return Finding(code, entries()[code].severity, self.label, row, column, value, params)


def _package(staged: Staged, profile: dict[str, Any], *, foreign_keys: bool = True) -> Package:
    """The staged tables as a Frictionless package; without `foreign_keys`, its schemas leave them out (the
    fast row stream checks them itself, so Frictionless must not re-read referenced tables for each table)."""
    descriptor = {key: value for key, value in profile.items() if key != "resources"}
    descriptor["resources"] = []
    for resource in profile["resources"]:
        item = dict(resource)
        if not foreign_keys:
            item["schema"] = {key: value for key, value in resource["schema"].items() if key != "foreignKeys"}
        item["path"] = str(staged.tables[resource["name"]].resolve())
        item["encoding"] = staged.encodings.get(resource["name"], "utf-8")
        item["dialect"] = DIALECT
        descriptor["resources"].append(item)
    return Package(descriptor, detector=_HeaderInRowOne())


def _declared_version(staged: Staged) -> str:
    """The version the submission follows: its descriptor's, else its submission table's, else the current one."""
    if staged.standard_version:
        return staged.standard_version
    path = staged.tables.get("submission")
    if path is not None:
        try:
            with path.open(encoding=staged.encodings.get("submission", "utf-8"), newline="") as handle:
                row = next(csv.DictReader(handle), None) or {}
        except (OSError, UnicodeDecodeError, csv.Error):
            row = {}
        if (row.get("standard_version") or "").strip():
            return row["standard_version"].strip()
    return artefacts.current_version()


def _unknown_version(staged: Staged, version: str, known: list[str]) -> Finding:
    """The finding for a version that is not a release, where the provider wrote it: datapackage.json, or the
    standard_version cell of the submission table (a workbook's sheet, a CSV file) or of a JSON document."""
    expected = {"expected": ", ".join(known)}
    if staged.kind == "json":
        return Finding("unknown-standard-version", ERROR, Path(staged.source).name, column="standard_version",
                       value=version, params={**expected, "variant": "in-table", "latest": known[-1]})
    if staged.standard_version is not None or "submission" not in staged.labels:
        return Finding("unknown-standard-version", ERROR, "datapackage.json", value=version, params=expected)
    letter = letter_of(_headers(staged).get(staged.labels["submission"], []), "standard_version") \
        if staged.kind == "xlsx" else None
    return Finding("unknown-standard-version", ERROR, staged.labels["submission"], 2, "standard_version", version,
                   params={**expected, "variant": "in-table", "latest": known[-1]}, letter=letter)


def _headers(staged: Staged) -> dict[str, list[str]]:
    """Each table's column names as the provider wrote them (row 1), by the label findings carry."""
    headers: dict[str, list[str]] = {}
    for name, path in staged.tables.items():
        try:
            with path.open(encoding=staged.encodings.get(name, "utf-8"), newline="") as handle:
                headers[staged.labels[name]] = [cell.strip() for cell in next(csv.reader(handle), [])]
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
    return headers


def validate(source: Path | str, *, profile_name: str | None = None, limit_errors: int = LIMIT_ERRORS,
             reference: bool = False, provider: str | None = None) -> Report:
    """Validate one submission (folder, datapackage.json, .zip, .xlsx or .json) against the release of the
    standard it declares, and against one of that release's profiles when `profile_name` is given.
    `provider` is the identifier the submission was sent under (the publication gate passes its folder's name):
    the submission must declare that provider.

    Tables are read by the fast row stream (`mcds.validation.stream`); `reference` reads them with
    Frictionless' own row machinery instead, which must give the same findings."""
    csv.field_size_limit(CELL_LIMIT)
    deadline = time.monotonic() + limits.SECONDS
    with stage(Path(source), tabular.load_profile()) as staged:
        report = Report(source=str(source), standard_version=staged.standard_version, findings=list(staged.findings))
        if not staged.usable:
            report.usable = False
            return report
        version = _declared_version(staged)
        report.standard_version = version
        known = artefacts.known_versions()
        if version not in known:
            report.findings.append(_unknown_version(staged, version, known))
            report.usable = False
            return report
        if profile_name is not None and profile_name not in artefacts.profiles(version):
            raise McdsError("validate.unknown_profile", profile=profile_name, version=version,
                            known=", ".join(artefacts.profiles(version)) or "—")
        profile = artefacts.data_package_profile(version, profile_name)
        newer = artefacts.newer_than(version)
        if newer:
            report.findings.append(Finding("newer-version", WARNING, "datapackage.json", value=version,
                                           params={"latest": newer}))
        index = submission_index.build(staged.tables, staged.encodings, profile)
        index.bound = provider or ""
        checks = [check(index=index, profile=profile) for check in all_check_classes()]
        # Our own staging has already refused every path that leaves the package, so the absolute paths we
        # hand to Frictionless are trusted.
        with system.use_context(trusted=True):
            checklist = Checklist(checks=checks)
            if reference:
                result = _package(staged, profile).validate(checklist, limit_errors=limit_errors)
            else:
                keys = {r["name"]: r["schema"].get("foreignKeys", []) for r in profile["resources"]}
                try:
                    result = stream.validate_package(_package(staged, profile, foreign_keys=False), checklist, keys,
                                                     limit_errors=limit_errors, deadline=deadline)
                except stream.TimeLimit as stop:
                    report.findings.append(Finding("time-limit", ERROR, staged.labels.get(stop.table, stop.table),
                                                   stop.row, params={"limit": limits.SECONDS}))
                    report.usable = False
                    return report
        order = {r["name"]: i for i, r in enumerate(profile["resources"])}
        for task in sorted(result.tasks, key=lambda t: order.get(t.name, 0)):
            resource = next(r for r in profile["resources"] if r["name"] == task.name)
            mapper = _Mapper(staged, resource)
            report.findings.extend(mapper.finding(error) for error in task.errors)
            report.truncated = report.truncated or any("error limit" in w for w in task.warnings)
        for error in result.errors:
            report.findings.append(Finding("table-error", ERROR, params={"reason": error.message}))
        report.findings = refine(report.findings, headers=_headers(staged), workbook=staged.kind == "xlsx",
                                 known={"microcredentials": index.microcredentials, "organizations": index.organizations})
        if staged.kind in ("folder", "zip"):
            report.findings = with_lines(report.findings, {
                staged.labels[name]: (path, staged.encodings.get(name, "utf-8")) for name, path in staged.tables.items()})
        return report
