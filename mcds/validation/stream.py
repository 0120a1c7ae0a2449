"""Tables validated as Frictionless validates them, with the same errors in the same order, but without its
per-row machinery.

Frictionless builds a `Row` object per row that parses every cell through the field's reader, then checks
uniqueness, primary and foreign keys. Here each column's reader is Frictionless' own (so types, missing
values and constraints mean exactly what they mean there), but a cell value seen before in the same column is
not parsed again: outcome tables repeat the same codes and small counts millions of times. Foreign-key
lookups are built once per validation instead of once per referencing table. The checks (Frictionless'
baseline and MCDS' own) then receive rows that behave like Frictionless rows.

tests/test_validation_differential.py runs this path and Frictionless' own on a corpus of mutated tables and
asserts the same findings."""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from frictionless import Checklist, FrictionlessException, Package, Report, errors
from frictionless.resources import TableResource

from mcds.validation.checks.base import McdsCheck

# Distinct values remembered per column: enough for every code and count, bounded for columns of free text.
MEMO_LIMIT = 50_000

Lookups = dict[tuple[str, tuple[str, ...]], set[tuple[Any, ...]]]
Parsed = tuple[Any, str | None, tuple[str, ...]]


class FastRow(dict[str, Any]):
    """A parsed row with what checks read from a Frictionless row: its number, raw cells, names and errors."""

    __slots__ = ("row_number", "cells", "field_names", "errors")


# Decimal reads "NaN", "sNaN", "Infinity" and "1e400" as numbers; none of them is a number a provider means,
# and the JSON form cannot hold them. A signalling NaN compared with a column's bound even raised an exception.
FINITE = Decimal("1.7976931348623157e308")  # the largest number a JSON reader's float holds


def _finite(read: Callable[[Any], tuple[Any, Any]], note: str) -> Callable[[Any], tuple[Any, Any]]:
    def reader(cell: Any) -> tuple[Any, Any]:
        try:
            target, notes = read(cell)
        except InvalidOperation:
            return None, {"type": note}
        finite = (math.isfinite(target) if isinstance(target, float)
                  else target.is_finite() and abs(target) <= FINITE if isinstance(target, Decimal) else True)
        return (target, notes) if finite else (None, {"type": note})
    return reader


def _reader(field: Any) -> Callable[[Any], Parsed]:
    """The field's own cell reader, remembering what each distinct cell parses to."""
    read = field.create_cell_reader()
    if field.type in ("number", "integer"):
        read = _finite(read, f'type is "{field.type}/{field.format}"')
    memo: dict[Any, Parsed] = {}

    def parsed(cell: Any) -> Parsed:
        try:
            return memo[cell]
        except (KeyError, TypeError):
            pass
        target, notes = read(cell)
        notes = dict(notes or {})
        result = (target, notes.pop("type", None), tuple(notes.values()))
        if len(memo) < MEMO_LIMIT:
            try:
                memo[cell] = result
            except TypeError:  # an unhashable cell (never from CSV)
                pass
        return result

    return parsed


def _text(cells: list[Any]) -> list[str]:
    return [str(cell) if cell is not None else "" for cell in cells]


class _Table:
    """What reading one table needs, prepared once: readers, integrity rules and lookups."""

    def __init__(self, resource: TableResource, foreign_keys: list[dict[str, Any]], known: Lookups) -> None:
        fields = resource.header.get_expected_fields()
        self.names = [field.name for field in fields]
        self.readers = [_reader(field) for field in fields]
        position = {name: i for i, name in enumerate(self.names)}
        self.unique = [position[f.name] for f in fields if f.constraints.get("unique")]
        primary = list(resource.schema.primary_key)
        self.primary = [position[name] for name in primary] if primary and set(primary) <= set(position) else []
        self.groups = []
        for fk in foreign_keys:
            if set(fk["fields"]) <= set(position):
                self.groups.append((fk, [position[name] for name in fk["fields"]], known.get(_source(fk, resource.name), set())))
        self.memory_unique: dict[int, dict[Any, int]] = {i: {} for i in self.unique}
        self.memory_primary: dict[tuple[Any, ...], int] = {}

    def rows(self, stream: Iterator[tuple[int, list[Any]]]) -> Iterator[FastRow]:
        names, readers, width = self.names, self.readers, len(self.names)
        integrity = bool(self.unique or self.primary or self.groups)
        for row_number, cells in stream:
            if len(cells) == width:
                parsed = [read(cell) for read, cell in zip(readers, cells, strict=True)]
            else:
                parsed = [read(cells[i] if i < len(cells) else None) for i, read in enumerate(readers)]
            row = FastRow(zip(names, [p[0] for p in parsed], strict=False))
            row.row_number, row.cells, row.field_names = row_number, cells, names
            touched, found = self._integrity(row, parsed) if integrity else ([], [])
            clean = len(cells) == width and not any(p[1] or p[2] for p in parsed) and any(p[0] is not None for p in parsed)
            row.errors = ([] if clean else self._cell_errors(row, parsed, touched)) + found
            yield row

    def _integrity(self, row: FastRow, parsed: list[Parsed]) -> tuple[list[int], list[errors.Error]]:
        """Unique, primary-key and foreign-key errors, in Frictionless' order, and the columns read before the
        first of them: Frictionless parses those columns first, so their cell errors come first."""
        touched: list[int] = []
        found: list[errors.Error] = []
        first: list[int] | None = None
        for i in self.unique:
            touched.append(i)
            value = parsed[i][0]
            if value is not None:
                memory = self.memory_unique[i]
                match = memory.get(value)
                memory[value] = row.row_number
                if match:
                    first = list(touched) if first is None else first
                    found.append(errors.UniqueError.from_row(row, note=f"the same as in the row at position {match}",
                                                             field_name=self.names[i]))
        if self.primary:
            touched.extend(self.primary)
            key = tuple(parsed[i][0] for i in self.primary)
            if all(value is None for value in key):
                first = list(touched) if first is None else first
                found.append(errors.PrimaryKeyError.from_row(row, note='cells composing the primary keys are all "None"'))
            else:
                match = self.memory_primary.get(key)
                self.memory_primary[key] = row.row_number
                if match:
                    first = list(touched) if first is None else first
                    found.append(errors.PrimaryKeyError.from_row(row, note=f"the same as in the row at position {match}"))
        for fk, positions, known in self.groups:
            touched.extend(positions)
            key = tuple(parsed[i][0] for i in positions)
            if key in known or all(value is None for value in key):
                continue
            first = list(touched) if first is None else first
            source = fk["reference"]["resource"]
            note = ('for "%s": values "%s" not found in the lookup table "%s" as "%s"'
                    % (", ".join(fk["fields"]), ", ".join(str(d) for d in key), source,
                       ", ".join(fk["reference"]["fields"])))
            found.append(errors.ForeignKeyError.from_row(
                row, note=note, field_names=list(fk["fields"]), field_values=list(key), reference_name=source,
                reference_field_names=list(fk["reference"]["fields"])))
        return (touched if first is None else first), found

    def _cell_errors(self, row: FastRow, parsed: list[Parsed], touched: list[int]) -> list[errors.Error]:
        """A row's own errors as Frictionless' `Row` lists them: type and constraint errors per cell (columns
        already read first), extra cells, missing cells, and a blank row instead of all of them."""
        cells, width = row.cells, len(self.names)
        text = _text(cells)
        found: list[errors.Error] = []
        order = list(dict.fromkeys(touched + list(range(width))))
        for i in order:
            target, type_note, notes = parsed[i]
            source = cells[i] if i < len(cells) else None
            common = {"cells": text, "row_number": row.row_number, "cell": str(source), "field_name": self.names[i],
                      "field_number": i + 1}
            if type_note:
                found.append(errors.TypeError(note=type_note, **common))
            found.extend(errors.ConstraintError(note=note, **common) for note in notes)
        for number, cell in enumerate(cells[width:], start=width + 1):
            found.append(errors.ExtraCellError(note="", cells=text, row_number=row.row_number, cell=str(cell),
                                               field_name="", field_number=number))
        for i in range(len(cells), width):
            found.append(errors.MissingCellError(note="", cells=text, row_number=row.row_number, cell="",
                                                 field_name=self.names[i], field_number=i + 1))
        blank = sum(1 for target, type_note, _ in parsed if target is None and not type_note)
        if blank == width:
            found = [errors.BlankRowError(note="", cells=text, row_number=row.row_number)]
        return found


ForeignKeys = dict[str, list[dict[str, Any]]]
# Rows read between two looks at the clock: a look costs far less than a row, a stretch far less than a second.
CLOCK_EVERY = 4096


class TimeLimit(Exception):
    """The validation ran past its deadline (mcds.util.limits.SECONDS) while reading `table` at `row`."""

    def __init__(self, table: str, row: int) -> None:
        super().__init__(table, row)
        self.table, self.row = table, row


def _watch(rows: Iterator[FastRow], table: str, deadline: float | None) -> Iterator[FastRow]:
    if deadline is None:
        yield from rows
        return
    for count, row in enumerate(rows):
        if count % CLOCK_EVERY == 0 and time.monotonic() > deadline:
            raise TimeLimit(table, row.row_number)
        yield row


def _source(fk: dict[str, Any], table: str) -> tuple[str, tuple[str, ...]]:
    return fk["reference"]["resource"] or table, tuple(fk["reference"]["fields"])


def lookups(resources: list[TableResource], foreign_keys: ForeignKeys, deadline: float | None = None) -> Lookups:
    """Every foreign key's referenced values, read once: (table, key columns) to the set of key tuples."""
    by_name = {resource.name: resource for resource in resources}
    found: Lookups = {}
    for name, key in sorted({_source(fk, table) for table, keys in foreign_keys.items() for fk in keys}):
        found[(name, key)] = values = set()
        source = by_name.get(name)
        if source is None:
            continue
        try:
            with source:
                table = _Table(source, [], {})
                if not set(key) <= set(table.names):
                    continue
                positions = [table.names.index(column) for column in key]
                rows = table.rows(source.dialect.read_enumerated_content_stream(source.cell_stream))
                for row in _watch(rows, name, deadline):
                    cells = tuple(row[table.names[i]] for i in positions)
                    if set(cells) != {None}:
                        values.add(cells)
        except FrictionlessException:
            continue
    return found


def _started(checks: list[Any], checklist: Checklist) -> list[errors.Error]:
    """Start every check as Frictionless does, dropping (in the same way) a check whose start fails."""
    found = []
    for index, check in enumerate(checks):
        for error in check.validate_start():
            if error.type == "check-error":
                del checks[index]
            if checklist.match(error):
                found.append(error)
    return found


def validate(resource: TableResource, checklist: Checklist, foreign_keys: list[dict[str, Any]], known: Lookups, *,
             limit_errors: int, deadline: float | None = None) -> Report:
    """Validate one table like `Resource.validate`, with the fast row stream. The resource's own schema has
    no foreign keys (Frictionless would re-read the referenced tables); they are checked here against `known`."""
    warnings: list[str] = []
    found: list[errors.Error] = []
    try:
        resource.open()
    except FrictionlessException as exception:
        resource.close()
        return Report.from_validation_task(resource, time=0, errors=exception.to_errors())
    with resource:
        # A check with nothing to look at in this table is left out of the row loop (see McdsCheck.relevant).
        # MCDS' checks read columns by name: when the header lacks a column of the table (reported as
        # missing-label), the rows do not have it, and the table is left to the structural checks.
        complete = len(resource.header.get_expected_fields()) >= len(resource.schema.fields)
        checks = [check for check in checklist.connect(resource)
                  if getattr(check, "relevant", lambda: True)() and (complete or not isinstance(check, McdsCheck))]
        found += _started(checks, checklist)
        table = _Table(resource, foreign_keys, known)
        rows = _watch(table.rows(resource.dialect.read_enumerated_content_stream(resource.cell_stream)),
                      resource.name, deadline)
        partial = False
        while True:
            try:
                row = next(rows)
            except FrictionlessException as exception:
                found.append(exception.error)
                continue
            except StopIteration:
                break
            for check in checks:
                for error in check.validate_row(row):
                    if checklist.match(error):
                        found.append(error)
            if limit_errors and len(found) >= limit_errors:
                found = found[:limit_errors]
                warnings.append(f"reached error limit: {limit_errors}")
                partial = True
                break
        if not partial:
            found += [error for check in checks for error in check.validate_end() if checklist.match(error)]
        labels = resource.labels
    return Report.from_validation_task(resource, time=0, labels=labels, errors=found, warnings=warnings)


def validate_package(package: Package, checklist: Checklist, foreign_keys: ForeignKeys, *,
                     limit_errors: int, deadline: float | None = None) -> Report:
    """Validate every table of a package like `Package.validate`, with the fast row stream; `foreign_keys`
    are each table's keys, left out of the package's own schemas. Unlike `Package.validate`, the descriptor
    is not validated again: it is the standard's own profile, which `Package()` has validated already."""
    tables = [resource for resource in package.resources if isinstance(resource, TableResource)]
    # The row loop allocates millions of short-lived objects and makes no reference cycles; the cyclic
    # collector would only rescan what the checks remember (a third of the time on a million-row table).
    collecting = gc.isenabled()
    gc.disable()
    try:
        known = lookups(tables, foreign_keys, deadline)
        reports = [validate(resource, checklist, foreign_keys.get(resource.name, []), known, limit_errors=limit_errors,
                            deadline=deadline) for resource in tables]
    finally:
        if collecting:
            gc.enable()
    return Report.from_validation_reports(time=0, reports=reports)
