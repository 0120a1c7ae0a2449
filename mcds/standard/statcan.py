"""Reading Statistics Canada's classification-structure CSV files (NOC 2021, CIP 2021, NAICS 2022, English or
French) into plain rows: code, level, parent, title. One reader serves both `mcds codelists import` and the
script that writes the tables the standard ships (`python -m mcds.devtools.statcan`).

The published headers differ by classification and language, and are kept exactly as Statistics Canada writes
them, so columns are found by what their names start with, not by one spelling: "Code - NOC 2021 V1.0" and
"Code dela CNP 2021 v1.0" (sic), "Class title" and "Titres de classes", NAICS French "Parent " with a space.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from mcds.util import limits

CODE_HEADERS = ("code",)
TITLE_HEADERS = ("class title", "titres de classes", "titre de classe", "titre de la classe", "title", "titre")
LEVEL_HEADERS = ("level", "niveau")
PARENT_HEADERS = ("parent",)


class ImportProblem(ValueError):
    """The file is not an official classification table that MCDS can read; the message key says why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@dataclass(frozen=True)
class Entry:
    """One row of a classification: its code, level (1 for the top), parent code ("" for the top) and title."""

    code: str
    level: int
    parent: str
    title: str


def normal_code(code: str) -> str:
    """The code as MCDS writes it: CIP's series are published as "NN." (with a period), the schema's
    CipSeriesEnum and every other place write them "NN"."""
    code = code.strip()
    return code[:-1] if len(code) == 3 and code.endswith(".") and code[:2].isdigit() else code


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252, the two encodings StatCan has used."""
    if not path.is_file():
        raise ImportProblem("codelists.not_found", path=path)
    if path.stat().st_size > limits.CODELIST_BYTES:
        raise ImportProblem("codelists.too_large", path=path, limit=limits.CODELIST_BYTES // limits.MIB)
    data = path.read_bytes()
    if b"\x00" in data:  # binary, or UTF-16: neither is the published CSV
        raise ImportProblem("codelists.unreadable", path=path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem("codelists.unreadable", path=path)


def _column(lowered: list[str], names: tuple[str, ...], exact: bool) -> int | None:
    found = (i for i, cell in enumerate(lowered) if (cell in names if exact else cell.startswith(names)))
    return next(found, None)


def _parent(code: str, level: int, parent: str) -> str:
    """The published parent, else (NOC has no parent column) the code less its last digit."""
    if parent or level <= 1:
        return normal_code(parent)
    return code[:-1]


def read(path: Path) -> tuple[list[str], list[Entry]]:
    """The file's header (stripped) and its rows, in file order. Rows too short to hold a code and a title are
    skipped; codes are normalised with `normal_code`."""
    try:
        rows = list(csv.reader(io.StringIO(read_text(path))))
    except csv.Error as error:  # an unclosed quote past the field limit, for one
        raise ImportProblem("codelists.unreadable", path=path) from error
    if not rows:
        raise ImportProblem("codelists.no_codes", path=path)
    header = [cell.strip() for cell in rows[0]]
    lowered = [cell.lower() for cell in header]
    code, title = _column(lowered, CODE_HEADERS, exact=False), _column(lowered, TITLE_HEADERS, exact=True)
    if code is None or title is None:
        raise ImportProblem("codelists.no_columns", path=path)
    level, parent = _column(lowered, LEVEL_HEADERS, exact=True), _column(lowered, PARENT_HEADERS, exact=True)
    entries = []
    for row in rows[1:]:
        if len(row) <= max(code, title):
            continue
        number = row[level].strip() if level is not None and len(row) > level else ""
        depth = int(number) if number.isdigit() else 0
        value = normal_code(row[code])
        published = row[parent].strip() if parent is not None and len(row) > parent else ""
        entries.append(Entry(value, depth, _parent(value, depth, published) if depth else "", row[title].strip()))
    return header, entries
