"""Reading a filled Excel template: one sheet per table, header in row 1, values as the CSV form writes them.

A workbook is a zip of XML parts, read by openpyxl with the standard library's XML parser. Before openpyxl
opens it, the zip is held to the archive bounds of mcds.util.limits and every XML part is refused if it declares a
document type: no Excel file has one, and it is how XML defines entities that expand to gigabytes."""

from __future__ import annotations

import codecs
import datetime
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from mcds.i18n import both
from mcds.standard import model
from mcds.standard.tabular import format_number
from mcds.util import limits
from mcds.validation.archive import ZIP_ERRORS, archive_problem
from mcds.validation.findings import ERROR, WARNING, Finding
from mcds.validation.suggest import suggestion

# The template's help sheets; its code-list sheets are named after the code lists (the template generator).
KNOWN_SHEETS = {"instructions", "column_help", "categories"}
# LibreOffice saves a true/false cell as the constant formula =TRUE() or =FALSE() (with its value): it is
# the value, not a formula to replace.
CONSTANT_BOOLEANS = {"=TRUE()": "true", "=FALSE()": "false"}
# The start of an XML part up to its root element: the declaration, comments and processing instructions.
PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|\s+)*", re.DOTALL)
# What openpyxl raises on a damaged part, whichever part it is (shared strings, styles, a sheet).
# SyntaxError is what both XML parsers openpyxl may use raise on broken XML: the standard library's ParseError
# and, when lxml is installed, its XMLSyntaxError.
DAMAGED = (*ZIP_ERRORS, KeyError, TypeError, AttributeError, IndexError, SyntaxError)


def cell_text(value: Any) -> str:
    """A cell value as text, the way the CSV form writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return format_number(value)
    return str(value)


def _declares_doctype(bundle: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the XML part declares a document type (or cannot be shown not to within its first bytes)."""
    with bundle.open(member) as handle:
        start = handle.read(limits.XML_PROLOG_BYTES)
    for mark, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if start.startswith(mark):
            start = start[len(mark):].decode(encoding, errors="replace").encode("utf-8")
    start = start.removeprefix(codecs.BOM_UTF8)
    prolog = PROLOG.match(start)
    rest = start[prolog.end() if prolog else 0:]
    return rest.startswith(b"<!") or (not rest and len(start) >= limits.XML_PROLOG_BYTES)


def _unsafe(path: Path) -> dict[str, str] | None:
    """Why the workbook must not be opened, or None; unreadable zips are left to openpyxl to describe."""
    try:
        with zipfile.ZipFile(path) as bundle:
            problem = archive_problem(bundle)
            if problem is not None:
                return problem
            if sum(member.file_size for member in bundle.infolist()) > limits.WORKBOOK_BYTES:
                return both("workbook.too_large", megabytes=limits.WORKBOOK_BYTES // limits.MIB)
            for member in bundle.infolist():
                if member.filename.lower().endswith((".xml", ".rels", ".vml")) and _declares_doctype(bundle, member):
                    return both("workbook.doctype", part=member.filename)
    except ZIP_ERRORS:
        return None
    return None


def _unreadable(error: Exception) -> Finding:
    detail = str(error)[:200] or type(error).__name__
    return Finding("unreadable-workbook", ERROR, params={"reason": both("workbook.invalid", detail=detail)})


def read_workbook(path: Path, profile: dict[str, Any]) -> tuple[dict[str, list[list[str]]] | None, list[Finding]]:
    """The table sheets of the workbook as rows of text (header first), and the problems found reading it."""
    findings: list[Finding] = []
    unsafe = _unsafe(path)
    if unsafe is not None:
        return None, [Finding("unsafe-workbook", ERROR, params={"reason": unsafe})]
    # openpyxl warns on stderr about parts it skips (a damaged relationship, an unsupported extension): words
    # for developers, in English, between the provider and the report. What matters becomes a finding.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            book = load_workbook(path, read_only=True, data_only=False)
        except DAMAGED as error:
            return None, [_unreadable(error)]
        tables = [r["name"] for r in profile["resources"]]
        enums = {f["mcds"]["enum"][:31] for r in profile["resources"] for f in r["schema"]["fields"] if "enum" in f["mcds"]}
        enums |= {enum["name"][:31] for enum in model.model()["enums"]}  # the categories' code lists too
        types = {r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]} for r in profile["resources"]}
        try:
            sheets, findings = _read_sheets(book, tables, enums, findings, types)
            if sheets is not None:
                _cached_values(path, sheets, findings)
                _merged_cells(path, book, sheets, findings)
            return sheets, findings
        except DAMAGED as error:
            return None, [_unreadable(error)]
        finally:
            book.close()


def _cached_values(path: Path, sheets: dict[str, list[list[str]]], findings: list[Finding]) -> None:
    """The value a spreadsheet last computed for each formula cell, put in the table in place of the formula,
    so that the row is checked as the provider sees it (the formula itself is reported). A formula never
    computed (written by a program, not saved by a spreadsheet) has no value and stays empty."""
    formulas: dict[str, set[tuple[int, int]]] = {}
    for finding in findings:
        if finding.code == "formula-cell" and finding.file in sheets:
            formulas.setdefault(finding.file, set()).add((finding.row or 0, finding.params["position"]))
    if not formulas:
        return
    computed = load_workbook(path, read_only=True, data_only=True)
    try:
        for title, places in formulas.items():
            last = max(row for row, _ in places)
            rows = sheets[title]
            for number, row in enumerate(computed[title].iter_rows(max_row=last), start=1):
                for cell_number, cell in enumerate(row, start=1):
                    if (number, cell_number) in places and number - 1 < len(rows) and cell_number - 1 < len(rows[number - 1]):
                        rows[number - 1][cell_number - 1] = cell_text(cell.value)
    finally:
        computed.close()


MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _merged_cells(path: Path, book: Any, sheets: dict[str, list[list[str]]], findings: list[Finding]) -> None:
    """Merged cells in the data rows of a table sheet, each named once at its first cell: only that cell holds
    the value, and the rows below it would otherwise be reported as empty."""
    with zipfile.ZipFile(path) as bundle:
        for title, rows in sheets.items():
            part = getattr(book[title], "_worksheet_path", None)
            if not part:
                continue
            header = rows[0] if rows else []
            for first_letter, first_row, last_letter, last_row in _merge_ranges(bundle, part):
                top, bottom = int(first_row), int(last_row)
                if bottom < 2 or (top == bottom and first_letter == last_letter):
                    continue
                start = column_index_from_string(first_letter.decode())
                end = column_index_from_string(last_letter.decode())
                covered = [row for row in range(max(top, 2), bottom + 1)]
                name = header[start - 1] if start - 1 < len(header) else first_letter.decode()
                findings.append(Finding("merged-cells", ERROR, file=title, row=max(top, 2), column=name,
                                        value=f"{first_letter.decode()}{top}:{last_letter.decode()}{bottom}",
                                        params={"rows": tuple(covered), "columns": (start, end)}))


def _merge_ranges(bundle: zipfile.ZipFile, part: str) -> list[tuple[bytes, bytes, bytes, bytes]]:
    """Every merged range a sheet's XML part declares, read in chunks (the part may be large)."""
    found: list[tuple[bytes, bytes, bytes, bytes]] = []
    tail = b""
    with bundle.open(part.lstrip("/")) as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            end = 0
            for match in MERGE.finditer(data):
                found.append(match.groups())  # type: ignore[arg-type]
                end = match.end()
            tail = data[max(end, len(data) - 200):]
    return sorted(set(found), key=lambda g: (int(g[1]), column_index_from_string(g[0].decode())))


# Column types whose cells a spreadsheet rightly holds as dates.
DATE_TYPES = {"date", "datetime", "year", "yearmonth"}


def _read_sheets(book: Any, tables: list[str], enums: set[str], findings: list[Finding],
                 types: dict[str, dict[str, str]]) -> tuple[dict[str, list[list[str]]] | None, list[Finding]]:
    sheets: dict[str, list[list[str]]] = {}
    for sheet in book.worksheets:
        if sheet.title in KNOWN_SHEETS or sheet.title in enums:
            continue
        if sheet.title not in tables:
            findings.append(Finding("unknown-table", WARNING, file=sheet.title, value=sheet.title,
                                    params={"suggestion": suggestion(sheet.title, tables)}))
            continue
        # The size a sheet declares is not trusted: openpyxl pads every row to it (A1:XFD1048576 is 17
        # billion cells); without it, a row ends at its last cell.
        sheet.reset_dimensions()
        kinds = types.get(sheet.title, {})
        rows: list[list[str]] = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            texts = []
            for column, cell in enumerate(row, start=1):
                if getattr(cell, "data_type", None) == "f" and str(cell.value).upper() in CONSTANT_BOOLEANS:
                    texts.append(CONSTANT_BOOLEANS[str(cell.value).upper()])
                elif getattr(cell, "data_type", None) == "f":
                    findings.append(Finding("formula-cell", ERROR, file=sheet.title, row=number,
                                            column=_column_name(rows, column), value=str(cell.value),
                                            params={"position": column}))
                    texts.append("")
                else:
                    texts.append(cell_text(cell.value))
                    if number > 1 and isinstance(cell.value, datetime.date) and \
                            kinds.get(_column_name(rows, column), "date") not in DATE_TYPES:
                        findings.append(Finding("date-cell", ERROR, file=sheet.title, row=number,
                                                column=_column_name(rows, column), value=texts[-1]))
            while texts and texts[-1] == "":
                texts.pop()
            if len(texts) > limits.COLUMNS:  # rows are padded to the header's width below: refuse before
                findings.append(Finding("too-many-columns", ERROR, file=sheet.title, row=number,
                                        params={"count": len(texts), "limit": limits.COLUMNS}))
                return None, findings
            rows.append(texts)
        while len(rows) > 1 and not rows[-1]:
            rows.pop()
        if rows:
            width = len(rows[0])
            sheets[sheet.title] = [r + [""] * (width - len(r)) if len(r) < width else r for r in rows]
    return sheets, findings


def _column_name(rows: list[list[str]], column: int) -> str:
    header = rows[0] if rows else []
    return header[column - 1] if column - 1 < len(header) else get_column_letter(column)
