"""Fuzzes `mcds validate` with Hypothesis: the valid example submission in each accepted form (a data-package
folder of CSV files, a .zip of it, a filled Excel workbook, a JSON document), damaged at random, must always
get an answer: exit code 0, 1 or 2, no traceback, a report that parses as JSON, and the input left byte for
byte as it was.

Why: the hand-written hostile cases (tests/test_input_bounds.py, tests/test_validation_inputs.py) cover the
failures someone thought of; random damage finds the ones nobody did. Damage is of every kind a provider's
tools or an attacker produce: cells, rows and columns changed, files re-encoded, bytes flipped, inserted,
deleted or cut off, zip entries damaged, JSON values swapped, keys repeated, nesting deepened.

Size: CI runs MCDS_FUZZ_EXAMPLES examples per form (default 20, with a fixed seed so that a run is
reproducible; about a minute in all). For a longer, randomly seeded search, for example before a release:

    MCDS_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz_inputs.py

Hypothesis prints the smallest failing input it found; turn it into a named case in test_input_bounds.py
when you fix its cause.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_inputs import PACKAGE, document, fill_template, zip_folder

from mcds.cli import main

EXAMPLES = int(os.environ.get("MCDS_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize="MCDS_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TABLES = sorted(path.name for path in PACKAGE.glob("*.csv"))
ENCODINGS = ["utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "utf-8-sig"]
# Cell values chosen to reach the parsers' corners, beside arbitrary text.
TRICKY = ["", " ", "NaN", "sNaN", "-Infinity", "1e400", "-0", "0x10", "１２", "=1+1", "@SUM(A1)", "\t-3", "a\nb",
          '"', '""', "\x00", "\ufeff", "|", "||", "2027-02-30", "9999-12-31", "true", "TRUE", "‮evil", "x" * 5000]


def _hashes(root: Path) -> dict[str, str]:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _validate(source: Path) -> None:
    """The properties every input must keep, whatever was done to it."""
    before = _hashes(source)
    result = CliRunner().invoke(main, ["validate", str(source), "--format", "json", "--lang", "fr"])
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in output, output
    assert result.exit_code in (0, 1, 2), (result.exit_code, output, result.exception)
    report = json.loads(result.stdout)
    assert set(report) == {"valid", "errors", "warnings", "submissions"}
    assert report["valid"] == (result.exit_code == 0)
    assert _hashes(source) == before, "the input was modified"


# ------------------------------------------------------------------------------------- damage

@st.composite
def byte_damage(draw: st.DrawFn, data: bytes) -> bytes:
    """Flip, insert, delete or cut off bytes at random places."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        else:
            del data[at:]
    return bytes(data)


def _cells(text: str) -> list[list[str]]:
    import csv

    return [row for row in csv.reader(io.StringIO(text))]


def _text(rows: list[list[str]]) -> str:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@st.composite
def table_damage(draw: st.DrawFn, text: str) -> bytes:
    """One change to a table: a cell, a row, a column, its encoding, or its bytes."""
    rows = _cells(text)
    kind = draw(st.sampled_from(["cell", "delete-row", "copy-row", "delete-column", "add-column", "encoding", "bytes"]))
    row = draw(st.integers(0, len(rows) - 1))
    column = draw(st.integers(0, max(0, len(rows[0]) - 1)))
    if kind == "cell" and rows[row]:
        rows[row][min(column, len(rows[row]) - 1)] = draw(st.one_of(st.sampled_from(TRICKY), st.text(max_size=40)))
    elif kind == "delete-row":
        del rows[row]
    elif kind == "copy-row":
        rows.insert(row, list(rows[row]))
    elif kind == "delete-column":
        rows = [cells[:column] + cells[column + 1:] for cells in rows]
    elif kind == "add-column":
        rows = [cells[:column] + [draw(st.sampled_from(TRICKY))] + cells[column:] for cells in rows]
    changed = _text(rows)
    if kind == "encoding":
        return changed.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if kind == "bytes":
        return draw(byte_damage(changed.encode()))
    return changed.encode()


@st.composite
def package_damage(draw: st.DrawFn) -> dict[str, bytes]:
    """New contents for one to three files of the package (datapackage.json included)."""
    changes: dict[str, bytes] = {}
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from([*TABLES, "datapackage.json"]))
        original = (PACKAGE / name).read_bytes()
        if name == "datapackage.json":
            changes[name] = draw(byte_damage(original))
        else:
            changes[name] = draw(table_damage(original.decode("utf-8")))
    return changes


def _damaged_package(changes: dict[str, bytes], folder: Path) -> Path:
    shutil.copytree(PACKAGE, folder, ignore=shutil.ignore_patterns("expected.json"))
    for name, data in changes.items():
        (folder / name).write_bytes(data)
    return folder


JsonValue = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.sampled_from(TRICKY),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                         max_leaves=8)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_places(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_places(child, (*path, index)))
    return found


@st.composite
def json_damage(draw: st.DrawFn, original: dict[str, Any]) -> bytes:
    """A value replaced or removed, a key repeated, nesting deepened, or bytes damaged."""
    doc = copy.deepcopy(original)
    kind = draw(st.sampled_from(["replace", "remove", "repeat-key", "deepen", "bytes"]))
    path = draw(st.sampled_from(_places(doc)[1:]))
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    if kind == "replace":
        parent[path[-1]] = draw(JsonValue)
    elif kind == "remove":
        del parent[path[-1]]
    text = json.dumps(doc, ensure_ascii=False)
    if kind == "repeat-key":
        text = text.replace('{"', '{"id": 1, "', 1 + draw(st.integers(0, 3)))
    elif kind == "deepen":
        depth = draw(st.sampled_from([10, 70, 3000]))
        text = text.replace('"organizations": ', '"organizations": ' + "[" * depth, 1)[:-1] + "]" * depth + "}"
    data = text.encode()
    return draw(byte_damage(data)) if kind == "bytes" else data


# ------------------------------------------------------------------------------ one test per form

def _run(build: Callable[[Path], Path]) -> None:
    with tempfile.TemporaryDirectory(prefix="mcds-fuzz-") as scratch:
        _validate(build(Path(scratch)))


@FUZZ
@given(changes=package_damage())
def test_a_damaged_package_folder_gets_an_answer(changes):
    _run(lambda tmp: _damaged_package(changes, tmp / "package"))


@FUZZ
@given(changes=package_damage(), zipped=st.data())
def test_a_damaged_zip_gets_an_answer(changes, zipped):
    def build(tmp: Path) -> Path:
        archive = zip_folder(_damaged_package(changes, tmp / "package"), tmp / "package.zip")
        if zipped.draw(st.booleans(), label="damage the zip itself"):
            archive.write_bytes(zipped.draw(byte_damage(archive.read_bytes()), label="zip bytes"))
        return archive
    _run(build)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return fill_template(document(), tmp_path_factory.mktemp("workbook") / "filled.xlsx").read_bytes()


@st.composite
def workbook_damage(draw: st.DrawFn, original: bytes) -> bytes:
    """Bytes of the file damaged, or one XML part inside it (a sheet, the shared strings, the workbook)."""
    if draw(st.booleans()):
        return draw(byte_damage(original))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        victim = draw(st.sampled_from(names))
        for name in names:
            data = old.read(name)
            new.writestr(name, draw(byte_damage(data)) if name == victim else data)
    return buffer.getvalue()


@FUZZ
@given(data=st.data())
def test_a_damaged_workbook_gets_an_answer(workbook, data):
    damaged = data.draw(workbook_damage(workbook))

    def build(tmp: Path) -> Path:
        (tmp / "submission.xlsx").write_bytes(damaged)
        return tmp / "submission.xlsx"
    _run(build)


@FUZZ
@given(data=st.data())
def test_a_damaged_json_document_gets_an_answer(data):
    damaged = data.draw(json_damage(document()))

    def build(tmp: Path) -> Path:
        (tmp / "submission.json").write_bytes(damaged)
        return tmp / "submission.json"
    _run(build)
