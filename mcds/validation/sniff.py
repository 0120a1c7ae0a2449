"""A first look at a CSV file before Frictionless reads it: empty, binary, UTF-16 or another encoding than
UTF-8, the wrong delimiter, the column names below row 1, or a table past the bounds of mcds.util.limits.

Each of these would otherwise surface as a confusing cascade of header and type errors, or cost minutes and
gigabytes before Frictionless gave up. The file is read twice at most: once as bytes (encoding and NUL
bytes), once as CSV records (bounds)."""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mcds.i18n import both
from mcds.util import limits
from mcds.validation.findings import ERROR, WARNING, Finding

CHUNK = 1 << 20
CELL_LIMIT = limits.CELL_CHARACTERS
# Reasons are in both languages: they are read inside the French message too.
SIGNATURES = {
    b"PK\x03\x04": {"en": "a zip archive or an Excel .xlsx workbook", "fr": "une archive zip ou un classeur Excel .xlsx"},
    b"\xd0\xcf\x11\xe0": {"en": "an old Excel .xls workbook", "fr": "un ancien classeur Excel .xls"},
    b"%PDF": {"en": "a PDF document", "fr": "un document PDF"},
    b"\x89PNG": {"en": "a PNG image", "fr": "une image PNG"},
}
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
WIDE = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)
# Rows read to find column names below row 1: a title and a few lines of notes above them.
HEADER_SEARCH = 10


def _guess(data: bytes) -> dict[str, str]:
    try:
        data.decode("cp1252")
        return both("csv.windows_1252")
    except UnicodeDecodeError:
        return both("csv.other_encoding")


def _wide(first: bytes) -> str | None:
    """UTF-16 or UTF-32, told by the byte-order mark, or for UTF-16 without one by its NUL high bytes."""
    for mark, name in WIDE:
        if first.startswith(mark):
            return name
    sample = first[:4096]
    if len(sample) >= 8:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        pairs = len(sample) // 2
        if max(even, odd) > pairs * 0.9 and min(even, odd) < pairs * 0.1:
            return "UTF-16"
    return None


def inspect_csv(path: Path, label: str) -> tuple[str, Finding | None]:
    """The encoding to read `path` with (utf-8 or utf-8-sig), or the finding that stops it being read."""
    with path.open("rb") as handle:
        first = handle.read(CHUNK)
        if not first.removeprefix(codecs.BOM_UTF8):  # Excel writes an empty sheet as the byte-order mark alone
            return "utf-8", Finding("empty-file", ERROR, file=label)
        for signature, kind in SIGNATURES.items():
            if first.startswith(signature):
                return "utf-8", Finding("binary-file", ERROR, file=label, params={"reason": kind})
        wide = _wide(first)
        if wide:
            return "utf-8", Finding("not-utf8", ERROR, file=label, params={
                "position": 0, "reason": both("csv.wide", encoding=wide)})
        encoding = "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"
        decoder = codecs.getincrementaldecoder("utf-8")()
        offset, lines, chunk = 0, 1, first
        while chunk:
            nul = chunk.find(b"\x00")
            if nul >= 0:
                line = lines + chunk.count(b"\n", 0, nul)
                return encoding, Finding("binary-file", ERROR, file=label, params={"reason": both("csv.nul_byte", byte=offset + nul, line=line)})
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                position = offset + error.start
                return encoding, Finding("not-utf8", ERROR, file=label,
                                         params={"position": position, "reason": _guess(chunk[error.start:error.start + 64])})
            offset += len(chunk)
            lines += chunk.count(b"\n")
            chunk = handle.read(CHUNK)
        pending = decoder.getstate()[0]
        if pending:  # the file ends inside a character, as a file cut short does (found by the fuzz test)
            return encoding, Finding("not-utf8", ERROR, file=label,
                                     params={"position": offset - len(pending), "reason": _guess(pending)})
    head = first.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()
    header = head[0] if head else ""
    if "," not in header:
        if ";" in header:  # Excel's CSV where the decimal mark is a comma: read as it is (see semicolons)
            return encoding, _out_of_bounds(path, encoding, label, ";") or \
                Finding("semicolon-delimiter", WARNING, file=label, row=1, value=";")
        for delimiter in ("\t", "|"):
            if delimiter in header:
                shown = "tab" if delimiter == "\t" else delimiter
                return encoding, Finding("wrong-delimiter", ERROR, file=label, row=1, value=shown)
    return encoding, _out_of_bounds(path, encoding, label)


# A number with a decimal comma, as Excel writes it where the comma is the decimal mark: "650,50", "-0,85".
DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


def semicolons(path: Path, encoding: str, target: Path, numbers: set[str]) -> int:
    """Rewrite a semicolon-separated CSV at `target` in the standard's comma-separated form, row for row (so
    every finding keeps its row). Excel separates columns with semicolons exactly where the comma is the decimal
    mark, so in such a file a number column's "650,50" is 650.50: it is written with a point. Returns how many
    numbers were read that way. `numbers` are the names of the table's number columns."""
    converted = 0
    with path.open(encoding=encoding, newline="") as source, target.open("w", encoding="utf-8", newline="") as out:
        rows = csv.reader(source, delimiter=";")
        writer = csv.writer(out, lineterminator="\n")
        header = next(rows, [])
        writer.writerow(header)
        positions = [i for i, name in enumerate(header) if name.strip() in numbers]
        for row in rows:
            for i in positions:
                if i < len(row) and DECIMAL_COMMA.fullmatch(row[i].strip()):
                    row[i] = row[i].strip().replace(",", ".")
                    converted += 1
            writer.writerow(row)
    return converted


class _RowTooWide(Exception):
    pass


def _bounded_lines(handle: IO[str], taken: list[int]) -> Iterator[str]:
    """The file's lines for the csv reader, counting in `taken[0]` the characters of the record being read:
    a record is refused before it is built, so that one enormous row cannot fill the memory."""
    while True:
        line = handle.readline(limits.ROW_CHARACTERS + 1)
        if not line:
            return
        taken[0] += len(line)
        if taken[0] > limits.ROW_CHARACTERS:
            raise _RowTooWide
        yield line


def _out_of_bounds(path: Path, encoding: str, label: str, delimiter: str = ",") -> Finding | None:
    """The first row past a bound: too many columns, too many characters, or a cell past CELL_LIMIT (found
    here because Frictionless stops at it with a source error that it then repeats for every table whose
    foreign keys read this one)."""
    csv.field_size_limit(CELL_LIMIT)
    records, taken = 0, [0]
    with path.open(encoding=encoding, newline="") as handle:
        try:
            for row in csv.reader(_bounded_lines(handle, taken), delimiter=delimiter):
                records += 1
                taken[0] = 0
                if len(row) > limits.COLUMNS:
                    return Finding("too-many-columns", ERROR, file=label, row=records,
                                   params={"count": len(row), "limit": limits.COLUMNS})
                if records > limits.ROWS + 1:  # the header is not a row of data
                    return Finding("too-many-rows", ERROR, file=label, row=records, params={"limit": limits.ROWS})
        except _RowTooWide:
            return Finding("row-too-wide", ERROR, file=label, row=records + 1, params={"limit": limits.ROW_CHARACTERS})
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                return Finding("cell-too-large", ERROR, file=label, row=records + 1, params={"limit": CELL_LIMIT})
    return None


def misplaced_header(path: Path, encoding: str, label: str, names: list[str]) -> Finding | None:
    """The column names found in a row below row 1 (a title above them, as a report or a printed sheet has),
    when row 1 holds few of them: otherwise every column would be reported missing and every row misread."""
    expected = set(names)
    enough = max(1, len(expected) // 2)
    with path.open(encoding=encoding, newline="") as handle:
        try:
            rows = list(itertools.islice(csv.reader(handle), HEADER_SEARCH))
        except csv.Error:
            return None  # the row stream reports it, located
    if not rows or len(expected & {cell.strip() for cell in rows[0]}) >= enough:
        return None
    for number, row in enumerate(rows[1:], start=2):
        if len(expected & {cell.strip() for cell in row}) >= enough:
            shown = " ".join(cell.strip() for cell in rows[0] if cell.strip())
            shown = shown if len(shown) <= 80 else shown[:79] + "…"
            return Finding("header-not-in-row-1", ERROR, file=label, row=1, value=shown, params={"found": number})
    return None
