"""Statistics Canada's full classification tables (NOC 2021, CIP 2021, NAICS 2022), when the user installed
them with `mcds codelists import FILE`. The standard ships only their top-level groupings; with a full table
installed, every code is checked for existence."""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

KINDS = ("noc", "cip", "naics")


def data_dir() -> Path:
    """Where installed tables live: $MCDS_DATA_DIR, else the user's data folder."""
    configured = os.environ.get("MCDS_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mcds"


def table_path(kind: str) -> Path:
    return data_dir() / "classifications" / f"{kind}.csv"


@cache
def installed(kind: str) -> frozenset[str] | None:
    """The codes of an installed table, or None when the user has not installed it."""
    path = table_path(kind)
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle) if row.get("code"))
