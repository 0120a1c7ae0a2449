"""Statistics Canada's full classification tables (NOC 2021, CIP 2021, NAICS 2022), when the user installed
them with `mcds codelists import FILE`. The standard ships only their top-level groupings; with a full table
installed, every code is checked for existence."""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

from mcds.standard.tabular import FORMULA_STARTS
from mcds.util import limits
from mcds.util.io import csv_bytes, write_atomic
from mcds.util.outputs import same_file

KINDS = ("noc", "cip", "naics")
# Each classification's official name and version in English and French.
NAMES = {"noc": {"en": "NOC 2021", "fr": "CNP 2021"}, "cip": {"en": "CIP 2021", "fr": "CPE 2021"},
         "naics": {"en": "NAICS 2022", "fr": "SCIAN 2022"}}


def data_dir() -> Path:
    """Where installed tables live: $MCDS_DATA_DIR, else the user's data folder."""
    configured = os.environ.get("MCDS_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mcds"


def table_path(kind: str) -> Path:
    return data_dir() / "classifications" / f"{kind}.csv"


def installed(kind: str) -> frozenset[str] | None:
    """The codes of an installed table, or None when the user has not installed it."""
    return _codes(table_path(kind))


@cache
def _codes(path: Path) -> frozenset[str] | None:
    # Cached by path, not by kind: a cache by kind kept answering from the table of a data folder that
    # MCDS_DATA_DIR no longer names (a test's, or another user's in a long-running process).
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle) if row.get("code"))


SHAPES = {"noc": r"\d{5}", "cip": r"\d{2}\.\d{4}", "naics": r"\d{2,6}|\d{2}-\d{2}"}
HINTS = {"noc": ("noc", "cnp"), "cip": ("cip", "cpe"), "naics": ("naics", "scian")}
CODE_HEADERS = ("code",)
TITLE_HEADERS = ("class title", "titre de la classe", "title", "titre")


class ImportProblem(ValueError):
    """The file is not an official classification table that MCDS can read; the message key says why."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def _read_text(path: Path) -> str:
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


def _kind(header: list[str], path: Path) -> str | None:
    text = " ".join(header).lower() + " " + path.name.lower()
    found = [kind for kind, words in HINTS.items() if any(word in text for word in words)]
    return found[0] if len(found) == 1 else None


def _check_codes(codes: list[tuple[str, str]], path: Path) -> None:
    """Refuse a table that is not the published one: a code with two titles, or a title a spreadsheet would
    run as a formula (the installed table is a CSV that users open)."""
    for (code, _title), (following, _) in zip(codes, codes[1:], strict=False):
        if code == following:
            raise ImportProblem("codelists.duplicate_code", path=path, code=code)
    for code, title in codes:
        if title.startswith(FORMULA_STARTS):
            raise ImportProblem("codelists.formula", path=path, code=code)


def import_table(path: Path, kind: str | None = None) -> tuple[str, int, Path]:
    """Install a Statistics Canada classification CSV (NOC 2021, CIP 2021 or NAICS 2022, English or French)
    so that validation checks that every code exists. Returns the kind, the number of codes and where it went."""
    import io
    import re

    if not path.is_file():
        raise ImportProblem("codelists.not_found", path=path)
    try:
        rows = list(csv.reader(io.StringIO(_read_text(path))))
    except csv.Error as error:  # an unclosed quote past the field limit, for one
        raise ImportProblem("codelists.unreadable", path=path) from error
    if not rows:
        raise ImportProblem("codelists.no_codes", path=path)
    header = [cell.strip() for cell in rows[0]]
    lowered = [cell.lower() for cell in header]
    code_column = next((i for i, cell in enumerate(lowered) if cell.startswith(CODE_HEADERS)), None)
    title_column = next((i for i, cell in enumerate(lowered) if cell in TITLE_HEADERS), None)
    if code_column is None or title_column is None:
        raise ImportProblem("codelists.no_columns", path=path)
    kind = kind or _kind(header, path)
    if kind not in KINDS:
        raise ImportProblem("codelists.unknown_kind", path=path)
    shape = re.compile(SHAPES[kind])
    codes = sorted({(row[code_column].strip(), row[title_column].strip()) for row in rows[1:]
                    if len(row) > max(code_column, title_column) and shape.fullmatch(row[code_column].strip())})
    if not codes:
        raise ImportProblem("codelists.no_codes", path=path)
    _check_codes(codes, path)
    target = table_path(kind)
    if same_file(path, target):  # installing the installed table would replace the file being read
        raise ImportProblem("output.is_input", path=target, source=path)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, csv_bytes(["code", "title"], codes))
    _codes.cache_clear()
    return kind, len(codes), target
