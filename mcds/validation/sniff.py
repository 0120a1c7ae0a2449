"""A first look at a CSV file before Frictionless reads it: empty, binary, not UTF-8, the wrong delimiter, or a
cell past the size limit.

Each of these would otherwise surface as a confusing cascade of header and type errors."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from mcds.validation.findings import ERROR, Finding

CHUNK = 1 << 20
CELL_LIMIT = 1_000_000
# Reasons are in both languages: they are read inside the French message too.
SIGNATURES = {
    b"PK\x03\x04": {"en": "a zip archive or an Excel .xlsx workbook", "fr": "une archive zip ou un classeur Excel .xlsx"},
    b"\xd0\xcf\x11\xe0": {"en": "an old Excel .xls workbook", "fr": "un ancien classeur Excel .xls"},
    b"%PDF": {"en": "a PDF document", "fr": "un document PDF"},
    b"\x89PNG": {"en": "a PNG image", "fr": "une image PNG"},
}
BINARY = {"en": "binary data", "fr": "des données binaires"}


def _guess(data: bytes) -> dict[str, str]:
    try:
        data.decode("cp1252")
        return {"en": "Windows-1252 (Excel's \"CSV\" format)", "fr": "Windows-1252 (le format « CSV » d'Excel)"}
    except UnicodeDecodeError:
        return {"en": "another encoding", "fr": "un autre encodage"}


def inspect_csv(path: Path, label: str) -> tuple[str, Finding | None]:
    """The encoding to read `path` with (utf-8 or utf-8-sig), or the finding that stops it being read."""
    with path.open("rb") as handle:
        first = handle.read(CHUNK)
        if not first:
            return "utf-8", Finding("empty-file", ERROR, file=label)
        for signature, kind in SIGNATURES.items():
            if first.startswith(signature):
                return "utf-8", Finding("binary-file", ERROR, file=label, params={"reason": kind})
        if b"\x00" in first:
            return "utf-8", Finding("binary-file", ERROR, file=label, params={"reason": BINARY})
        encoding = "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"
        decoder = codecs.getincrementaldecoder("utf-8")()
        offset, chunk = 0, first
        while chunk:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                position = offset + error.start
                return encoding, Finding("not-utf8", ERROR, file=label,
                                         params={"position": position, "reason": _guess(chunk[error.start:error.start + 64])})
            offset += len(chunk)
            chunk = handle.read(CHUNK)
    header = first.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[0] if first.strip() else ""
    if "," not in header:
        for delimiter in (";", "\t", "|"):
            if delimiter in header:
                shown = "tab" if delimiter == "\t" else delimiter
                return encoding, Finding("wrong-delimiter", ERROR, file=label, row=1, value=shown)
    return encoding, _oversized_cell(path, encoding, label)


def _oversized_cell(path: Path, encoding: str, label: str) -> Finding | None:
    """The row holding a cell past CELL_LIMIT characters, found here because Frictionless stops at it with a
    source error that it then repeats for every table whose foreign keys read this one."""
    csv.field_size_limit(CELL_LIMIT)
    records = 0
    with path.open(encoding=encoding, newline="") as handle:
        try:
            for _ in csv.reader(handle):
                records += 1
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                return Finding("cell-too-large", ERROR, file=label, row=records + 1, params={"limit": CELL_LIMIT})
    return None
