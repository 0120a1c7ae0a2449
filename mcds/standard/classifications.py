"""Statistics Canada's full classification tables: NOC 2021 V1.0, CIP 2021 V1.0 and NAICS 2022 V1.0.

The standard ships them (schema/statcan/, written from the official files by `python -m mcds.devtools.statcan`),
so every NOC unit group, CIP class and NAICS code of a submission is checked for existence out of the box. A
newer table a user installs with `mcds codelists import FILE` overrides the shipped one for that classification.
Each table is read once per process, into frozensets and dicts."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mcds.standard import paths, statcan
from mcds.standard.statcan import ImportProblem
from mcds.standard.tabular import FORMULA_STARTS
from mcds.util.io import csv_bytes, write_atomic
from mcds.util.outputs import same_file

__all__ = ["KINDS", "NAMES", "ImportProblem", "import_table", "installed", "known", "shipped", "title"]

KINDS = ("noc", "cip", "naics")
# Each classification's official name and version in English and French.
NAMES = {"noc": {"en": "NOC 2021", "fr": "CNP 2021"}, "cip": {"en": "CIP 2021", "fr": "CPE 2021"},
         "naics": {"en": "NAICS 2022", "fr": "SCIAN 2022"}}
# The shipped table of each classification, in schema/statcan/.
SHIPPED = {"noc": "noc-2021-v1.0.csv", "cip": "cip-2021-v1.0.csv", "naics": "naics-2022-v1.0.csv"}
# The level whose codes a submission may use: NOC unit groups (5), CIP classes (3); NAICS codes of every level.
CODED_LEVEL = {"noc": 5, "cip": 3, "naics": None}
COLUMNS = ("code", "level", "parent", "title_en", "title_fr")


def data_dir() -> Path:
    """Where installed tables live: $MCDS_DATA_DIR, else the user's data folder."""
    configured = os.environ.get("MCDS_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mcds"


def table_path(kind: str) -> Path:
    return data_dir() / "classifications" / f"{kind}.csv"


def shipped_path(kind: str) -> Path:
    return paths.SCHEMA_DIR / "statcan" / SHIPPED[kind]


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


@dataclass(frozen=True)
class Table:
    """A shipped classification: the codes a submission may use, and every code's English and French title
    (French empty where Statistics Canada publishes none)."""

    codes: frozenset[str]
    titles: dict[str, tuple[str, str]]


@cache
def shipped(kind: str) -> Table:
    with shipped_path(kind).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    level = CODED_LEVEL[kind]
    return Table(frozenset(row["code"] for row in rows if level is None or row["level"] == str(level)),
                 {row["code"]: (row["title_en"], row["title_fr"]) for row in rows})


def known(kind: str) -> frozenset[str]:
    """The codes that exist: those of the installed table when the user installed one, else the shipped ones."""
    full = installed(kind)
    return shipped(kind).codes if full is None else full


def title(kind: str, code: str, lang: str) -> tuple[str, str] | None:
    """The official title of a code in `lang` and the language it is in: the English one when Statistics Canada
    publishes no French title; None for a code the shipped table does not hold."""
    found = shipped(kind).titles.get(code)
    if found is None:
        return None
    english, french = found
    return (french, "fr") if lang == "fr" and french else (english, "en")


SHAPES = {"noc": r"\d{5}", "cip": r"\d{2}\.\d{4}", "naics": r"\d{2,6}|\d{2}-\d{2}"}
HINTS = {"noc": ("noc", "cnp"), "cip": ("cip", "cpe"), "naics": ("naics", "scian")}


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
    for code, label in codes:
        if label.startswith(FORMULA_STARTS):
            raise ImportProblem("codelists.formula", path=path, code=code)


def import_table(path: Path, kind: str | None = None) -> tuple[str, int, Path]:
    """Install a Statistics Canada classification CSV (NOC 2021, CIP 2021 or NAICS 2022, English or French)
    so that validation checks that every code exists. Returns the kind, the number of codes and where it went."""
    import re

    header, entries = statcan.read(path)
    kind = kind or _kind(header, path)
    if kind not in KINDS:
        raise ImportProblem("codelists.unknown_kind", path=path)
    shape = re.compile(SHAPES[kind])
    codes = sorted({(entry.code, entry.title) for entry in entries if shape.fullmatch(entry.code)})
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
