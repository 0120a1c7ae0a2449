"""The findings of one validation made to read as the provider would put them: one finding per root cause,
nothing said about a blank row but that it is blank, no false "empty" beside a formula or merged cells, and
each place named as the provider sees it (for a workbook: the sheet, the row Excel shows and the column letter).

Applied to the findings of both row machineries (the fast stream and Frictionless' own), so the differential
test still compares like with like. A finding grouped under its root cause stays in the report, as one of the
root's `dependents`: machine-readable reports list every place, the human ones say "and N dependent rows"."""

from __future__ import annotations

import csv
import dataclasses
import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from mcds.validation.findings import Finding

# Findings whose claim a workbook's formula or merged cell makes false: the cell is not empty to the provider.
EMPTY_VARIANTS = ("required", "required-without-example")
# Codes that follow from an unknown provider: fixing submission.provider fixes every one of them.
FROM_PROVIDER = ("id-prefix", "foreign-record")


def refine(findings: list[Finding], *, headers: dict[str, list[str]], workbook: bool,
           known: dict[str, set[str]]) -> list[Finding]:
    """`headers` are each file's column names in order (by the label findings carry); `known` each table's
    identifiers, to name the identifier a wrong reference most likely meant."""
    findings = _quiet_blank_rows(findings)
    findings = _quiet_false_empties(findings)
    findings = _one_per_cell(findings)
    # An identifier that breaks its own rule is not one to suggest: writing it would be a second mistake.
    malformed = {str(f.value) for f in findings if f.code == "constraint-error" and f.column == "id"}
    findings = _group_root_causes(findings, {table: ids - malformed for table, ids in known.items()})
    if workbook:
        findings = [_lettered(finding, headers) for finding in findings]
    return findings


def _quiet_blank_rows(findings: list[Finding]) -> list[Finding]:
    """A blank row is ignored: it is reported as blank, and nothing else is said about it (its empty
    identifier is not "used by more than one row", its empty texts are not missing)."""
    blank = {(f.file, f.row) for f in findings if f.code == "blank-row"}
    if not blank:
        return findings
    return [f for f in findings if f.code == "blank-row" or (f.file, f.row) not in blank]


def _quiet_false_empties(findings: list[Finding]) -> list[Finding]:
    """A cell that holds a formula, or lies under merged cells, is not empty to the provider who sees a value
    there: its own finding says what to do, so "the cell is empty" is left out."""
    explained = {(f.file, f.row, f.column) for f in findings if f.code == "formula-cell"}
    for merged in (f for f in findings if f.code == "merged-cells"):
        explained.update((merged.file, row, merged.column) for row in merged.params.get("rows", ()))
    if not explained:
        return findings
    return [f for f in findings if not (f.code == "constraint-error" and f.params.get("variant") in EMPTY_VARIANTS
                                        and (f.file, f.row, f.column) in explained)]


# A finding that says more about a cell than the column's generic rule does: the rule's finding is left out.
MORE_PRECISE = ("unknown-category",)


def _one_per_cell(findings: list[Finding]) -> list[Finding]:
    """One message per cell where a precise finding (a category not of its dimension) and the column's generic
    pattern say the same thing twice."""
    precise = {(f.file, f.row, f.column) for f in findings if f.code in MORE_PRECISE}
    if not precise:
        return findings
    return [f for f in findings if not (f.code == "constraint-error" and f.params.get("variant") in ("pattern", "plain")
                                        and (f.file, f.row, f.column) in precise)]


def _root_key(finding: Finding) -> tuple[Any, ...] | None:
    if finding.code == "foreign-key":
        return ("reference", finding.params.get("target"), finding.value)
    if finding.code == "unknown-reference":
        return ("reference", finding.params.get("target"), finding.params.get("item"))
    return None


def _group_root_causes(findings: list[Finding], known: dict[str, set[str]]) -> list[Finding]:
    """One finding per wrong reference, however many rows repeat it; findings that follow from an unknown
    provider go under the provider's own finding."""
    roots: dict[tuple[Any, ...], int] = {}
    dependents: dict[int, list[Finding]] = {}
    kept: list[Finding] = []
    provider_root = next((i for i, f in enumerate(findings) if f.code == "foreign-key"
                          and f.column == "provider" and f.params.get("target") == "organizations"), None)
    provider_slot: int | None = None
    for index, finding in enumerate(findings):
        key = _root_key(finding)
        if index == provider_root:
            provider_slot = len(kept)
        if provider_root is not None and finding.code in FROM_PROVIDER:
            dependents.setdefault(-1, []).append(finding)
            continue
        if key is not None and key in roots:
            dependents.setdefault(roots[key], []).append(finding)
            continue
        if key is not None:
            roots[key] = len(kept)
        kept.append(finding)
    if provider_slot is not None and -1 in dependents:
        dependents.setdefault(provider_slot, []).extend(dependents.pop(-1))
    meant = {slot: _with_meant(finding, known) for slot, finding in enumerate(kept) if _root_key(finding) is not None}
    # A record that the wrong references meant has none of its required rows: they are the rows that name it
    # wrongly, so its missing-rows findings go under the reference too.
    by_meant = {params["meant"]: slot for slot, params in meant.items() if "meant" in params}
    absorbed = set()
    for slot, finding in enumerate(kept):
        if finding.code == "missing-rows" and finding.value in by_meant:
            dependents.setdefault(by_meant[finding.value], []).append(finding)
            absorbed.add(slot)
    out = []
    for slot, finding in enumerate(kept):
        if slot in absorbed:
            continue
        grouped = tuple(dependents.get(slot, ()))
        params = meant.get(slot, finding.params)
        if grouped or params is not finding.params:
            finding = dataclasses.replace(finding, params=params, dependents=grouped)
        out.append(finding)
    return out


def _with_meant(finding: Finding, known: dict[str, set[str]]) -> dict[str, Any]:
    """The reference's parameters, with the identifier it most likely meant when one is close."""
    target = finding.params.get("target")
    wanted = finding.params.get("item") if finding.code == "unknown-reference" else finding.value
    if not wanted or target not in known or "," in str(wanted):
        return finding.params
    folded = {identifier.casefold(): identifier for identifier in sorted(known[target])}
    near = [folded[match] for match in difflib.get_close_matches(str(wanted).casefold(), list(folded), n=1, cutoff=0.8)]
    return {**finding.params, "variant": "suggested", "meant": near[0]} if near else finding.params


def _lettered(finding: Finding, headers: dict[str, list[str]]) -> Finding:
    """The finding with its cell's column letter, as Excel shows it above the sheet."""
    letter = letter_of(headers.get(finding.file or "", []), finding.column)
    if letter is None and finding.file in headers:
        letter = ""  # a place in a sheet without a column: still named as a sheet
    dependents = tuple(_lettered(d, headers) for d in finding.dependents)
    if letter is None and not dependents:
        return finding
    return dataclasses.replace(finding, letter=letter, dependents=dependents)


def letter_of(header: Iterable[str], column: str | None) -> str | None:
    names = list(header)
    if not column or column not in names:
        return None
    return get_column_letter(names.index(column) + 1)


def with_lines(findings: list[Finding], files: dict[str, tuple[Path, str]]) -> list[Finding]:
    """Each finding in a CSV file with the line of the file its row starts on, where that is not the row's
    number (a cell above it holds a line break): a text editor shows lines, a spreadsheet rows. `files` are
    each label's path and encoding. Only the files with findings are read, up to their last such row."""
    wanted: dict[str, int] = {}
    for finding in (f for root in findings for f in (root, *root.dependents)):
        if finding.file in files and finding.row:
            wanted[finding.file] = max(wanted.get(finding.file, 0), finding.row)
    starts = {label: _record_lines(*files[label], last) for label, last in wanted.items()}
    if not any(starts.values()):
        return findings
    return [_lined(finding, starts) for finding in findings]


def _record_lines(path: Path, encoding: str, last: int) -> dict[int, int]:
    """Row number (header = 1) -> the line it starts on, for the rows up to `last` that do not start on the
    line of their number."""
    moved: dict[int, int] = {}
    try:
        with path.open(encoding=encoding, newline="") as handle:
            reader = csv.reader(handle)
            line = 1
            for number, _ in enumerate(reader, start=1):
                if line != number:
                    moved[number] = line
                if number >= last:
                    break
                line = reader.line_num + 1
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return moved


def _lined(finding: Finding, starts: dict[str, dict[int, int]]) -> Finding:
    line = starts.get(finding.file or "", {}).get(finding.row or 0)
    dependents = tuple(_lined(d, starts) for d in finding.dependents)
    if line is None and dependents == finding.dependents:
        return finding
    return dataclasses.replace(finding, line=line, dependents=dependents)
