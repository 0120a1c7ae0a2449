"""`--annotate OUT.xlsx`: a copy of the provider's workbook with every offending cell highlighted and a comment
that says what is wrong and how to fix it. The provider's own file is never written to."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from mcds.util.io import write_atomic
from mcds.validation.error_catalogue import message
from mcds.validation.findings import ERROR, Report

FILLS = {ERROR: PatternFill("solid", fgColor="F4B6B6"), "warning": PatternFill("solid", fgColor="FCE8A6")}


def annotate(report: Report, source: Path, target: Path, lang: str) -> int:
    """Write the annotated copy to `target` and return how many cells were marked."""
    book = load_workbook(source)
    marked: dict[tuple[str, int, int], list[str]] = {}
    severities: dict[tuple[str, int, int], str] = {}
    for finding in [f for root in report.findings for f in (root, *root.dependents)]:
        if finding.file not in book.sheetnames or not finding.row:
            continue
        sheet = book[finding.file]
        header = [cell.value for cell in sheet[1]]
        column = header.index(finding.column) + 1 if finding.column in header else 1
        key = (finding.file, finding.row, column)
        marked.setdefault(key, []).append(message(finding, lang, located=False))
        if severities.get(key) != ERROR:
            severities[key] = finding.severity
    for (sheet_name, row, column), messages in marked.items():
        cell = book[sheet_name].cell(row=row, column=column)
        cell.fill = FILLS[severities[(sheet_name, row, column)]]
        cell.comment = Comment("\n\n".join(messages), "MCDS", width=360, height=200)
    workbook = io.BytesIO()
    book.save(workbook)
    write_atomic(target, workbook.getvalue())
    return len(marked)
