"""Reading a filled Excel template: one sheet per table, header in row 1, values as the CSV form writes them."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from mcds.standard.tabular import format_number
from mcds.validation.findings import ERROR, WARNING, Finding
from mcds.validation.suggest import suggestion

KNOWN_SHEETS = {"instructions", "column_help"}


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


def read_workbook(path: Path, profile: dict[str, Any]) -> tuple[dict[str, list[list[str]]] | None, list[Finding]]:
    """The table sheets of the workbook as rows of text (header first), and the problems found reading it."""
    findings: list[Finding] = []
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        detail = str(error) or type(error).__name__
        return None, [Finding("unreadable-workbook", ERROR, params={"reason": {
            "en": f"it is not a valid Excel .xlsx workbook ({detail})", "fr": "ce n'est pas un classeur Excel .xlsx valide"}})]
    tables = [r["name"] for r in profile["resources"]]
    enums = {f["mcds"]["enum"][:31] for r in profile["resources"] for f in r["schema"]["fields"] if "enum" in f["mcds"]}
    sheets: dict[str, list[list[str]]] = {}
    try:
        for sheet in book.worksheets:
            if sheet.title in KNOWN_SHEETS or sheet.title in enums:
                continue
            if sheet.title not in tables:
                findings.append(Finding("unknown-table", WARNING, file=sheet.title, value=sheet.title,
                                        params={"suggestion": suggestion(sheet.title, tables)}))
                continue
            rows: list[list[str]] = []
            for number, row in enumerate(sheet.iter_rows(), start=1):
                texts = []
                for column, cell in enumerate(row, start=1):
                    if getattr(cell, "data_type", None) == "f":
                        findings.append(Finding("formula-cell", ERROR, file=sheet.title, row=number,
                                                column=_column_name(rows, column), value=str(cell.value)))
                        texts.append("")
                    else:
                        texts.append(cell_text(cell.value))
                while texts and texts[-1] == "":
                    texts.pop()
                rows.append(texts)
            while len(rows) > 1 and not rows[-1]:
                rows.pop()
            if rows:
                width = len(rows[0])
                sheets[sheet.title] = [r + [""] * (width - len(r)) if len(r) < width else r for r in rows]
    finally:
        book.close()
    return sheets, findings


def _column_name(rows: list[list[str]], column: int) -> str:
    header = rows[0] if rows else []
    return header[column - 1] if column - 1 < len(header) else get_column_letter(column)
