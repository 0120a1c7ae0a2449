"""The fast row stream finds exactly what Frictionless' own row machinery finds.

Why: `mcds validate` reads tables with mcds.validation.stream, which re-implements how Frictionless turns
cells into rows and row errors (types, constraints, missing and extra cells, blank rows, unique values,
primary and foreign keys, and their order within a row) so that large tables validate several times faster.
A difference would silently change what providers are told. Here a valid submission is mutated in many ways
(cells replaced by troublesome values, rows cut short, lengthened, blanked, repeated or deleted), each mutant
is validated both ways, and the findings must be identical, in the same order, with the same parameters and
the same truncation when the error limit is reached.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from mcds.validation import engine

BASE = ROOT / "datapackages" / "taiga-resource-sector-council"
TROUBLE = ["", " ", "abc", "-1", "0", "1.5", "1e3", "120", "121", "2027-13-01", "2027-02-30", "2027-01-11",
           "=SUM(A1)", "x|x", "true", "yes", "99999999999999999999", "CA-ZZ", "woman", "completions", "gender",
           "é", "a\nb", "taiga-resource-sector-council", "https://exemple.ca", "NOC-00000"]
MUTANTS = 24


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _mutate(folder: Path, rng: random.Random) -> list[str]:
    """Apply three random mutations to the tables of `folder`; return what was done."""
    done = []
    tables = sorted(folder.glob("*.csv"))
    for _ in range(3):
        path = rng.choice(tables)
        rows = _read(path)
        if len(rows) < 2:
            continue
        index = rng.randrange(1, len(rows))
        kind = rng.choice(["cell", "cell", "cell", "copy", "short", "long", "blank", "repeat", "delete"])
        row = rows[index]
        column = rng.randrange(len(row)) if row else 0
        if kind == "cell" and row:
            row[column] = rng.choice(TROUBLE)
        elif kind == "copy" and row:
            row[column] = rng.choice(rows[1:])[column] if all(len(r) > column for r in rows[1:]) else ""
        elif kind == "short":
            del row[rng.randrange(len(row)):]
        elif kind == "long":
            row.extend(rng.choice(TROUBLE) for _ in range(rng.randint(1, 2)))
        elif kind == "blank":
            rows[index] = [""] * len(row)
        elif kind == "repeat":
            rows.insert(rng.randrange(1, len(rows) + 1), list(row))
        elif kind == "delete":
            del rows[index]
        _write(path, rows)
        done.append(f"{kind} {path.name} row {index + 1} column {column + 1}")
    return done


def _findings(report: engine.Report) -> tuple:
    return (report.valid, report.truncated,
            [(f.code, f.severity, f.file, f.row, f.column, f.value, repr(f.params), f.context) for f in report.findings])


@pytest.mark.parametrize("seed", range(MUTANTS))
def test_fast_stream_finds_what_frictionless_finds(seed: int, tmp_path: Path) -> None:
    folder = tmp_path / BASE.name
    shutil.copytree(BASE, folder)
    rng = random.Random(seed)
    done = _mutate(folder, rng)
    limit = rng.choice([engine.LIMIT_ERRORS, 3])
    fast = engine.validate(folder, limit_errors=limit)
    reference = engine.validate(folder, limit_errors=limit, reference=True)
    assert _findings(fast) == _findings(reference), done
    assert fast.findings, f"the mutations {done} should have been found"


def test_every_kind_of_row_error_is_compared(tmp_path: Path) -> None:
    """The corpus above is random; this mutant has each layer-1 row error at least once, so the comparison
    cannot pass by the corpus missing a kind."""
    folder = tmp_path / BASE.name
    shutil.copytree(BASE, folder)
    micro = _read(folder / "microcredentials.csv")
    micro[1][micro[0].index("duration_weeks")] = "many"                      # type-error
    micro[2][micro[0].index("status")] = "abandoned"                        # constraint-error (enum)
    micro.append(list(micro[1]))                                            # primary-key, unique-error
    micro.append([""] * len(micro[0]))                                      # blank-row
    _write(folder / "microcredentials.csv", micro)
    outcomes = _read(folder / "learning_outcomes.csv")
    outcomes[1] = outcomes[1][:2]                                           # missing-cell
    outcomes[2] = outcomes[2] + ["extra"]                                   # extra-cell
    outcomes[3][0] = "taiga-resource-sector-council.nowhere"               # foreign-key
    _write(folder / "learning_outcomes.csv", outcomes)
    fast, reference = engine.validate(folder), engine.validate(folder, reference=True)
    codes = {f.code for f in fast.findings}
    assert {"type-error", "constraint-error", "primary-key", "unique-error", "blank-row", "missing-cell",
            "extra-cell", "foreign-key"} <= codes
    assert _findings(fast) == _findings(reference)
