"""Open-data downloads of the whole catalogue: a Frictionless data package (one CSV per table, with sizes and
SHA-256 checksums in its datapackage.json), the same tables as typed Parquet files, a data dictionary, one JSON
document and one Excel workbook; and the list of those files (`DataFile`) that the Downloads page, the Dataset
metadata and the API description are written from.

Values a spreadsheet would run as formulas (starting with =, +, -, @, tab or carriage return) are neutralized
with a leading apostrophe in the CSV files and stored as plain text in the workbook.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from mcds.publish.gate import Catalogue
from mcds.standard import tabular
from mcds.standard.tabular import NUMERIC, neutralize  # one definition of formula-like text, shared with the reports
from mcds.util.io import csv_bytes, json_bytes, json_chunks, write_chunks
from mcds.util.parallel import on_every_core
from mcds.util.xlsx import stable_xlsx


def combined(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as one submission-shaped document (organizations once each)."""
    return {
        "standard_version": tabular.load_profile()["mcds"]["standard_version"],
        "organizations": list(catalogue.organizations().values()),
        "microcredentials": [m for _, m in catalogue.microcredentials()],
        "outcome_reports": [r for _, r in catalogue.outcome_reports()],
    }


def tables(catalogue: Catalogue) -> tabular.Tables:
    profile = tabular.load_profile()
    merged = tabular.to_tables(combined(catalogue), profile)
    root = tabular.root_resource(profile)["name"]
    # One submission row per provider: convert only each document's own fields, not its whole content.
    merged[root] = [row for s in catalogue.published
                    for row in tabular.to_tables({k: v for k, v in s.document.items() if not isinstance(v, list)}, profile)[root]]
    return merged


def _csv(resource: dict[str, Any], rows: list[dict[str, str]]) -> bytes:
    kinds = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    return csv_bytes(list(kinds), ([neutralize(row.get(name, ""), kind) for name, kind in kinds.items()] for row in rows))


def package_files(catalogue: Catalogue, data: tabular.Tables | None = None) -> dict[str, bytes]:
    """The catalogue as a data package: file name -> content."""
    profile = tabular.load_profile()
    data = data if data is not None else tables(catalogue)
    files: dict[str, bytes] = {}
    descriptor = {**profile, "name": "mcds-catalogue", "title": "MCDS national catalogue", "title_fr": "Catalogue national NPDM",
                  "description": "Every published microcredential of the catalogue, in the tabular form of the standard.",
                  "description_fr": "Tous les microtitres publiés du catalogue, sous la forme tabulaire de la norme.",
                  "resources": []}
    for resource in tabular.resources(profile):
        content = _csv(resource, data[resource["name"]])
        files[resource["path"]] = content
        descriptor["resources"].append({**resource, "bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()})
    files["datapackage.json"] = json_bytes(descriptor)
    return files


def workbook(catalogue: Catalogue, scratch: Path | None = None) -> bytes:
    """One sheet per table; every text cell is written as text, never as a formula. With a `scratch` folder,
    each row goes to a temporary file there as soon as it is complete (the library's constant-memory mode,
    which writes text in the cells themselves), instead of every cell of a national catalogue held at once."""
    profile = tabular.load_profile()
    data = tables(catalogue)
    buffer = io.BytesIO()
    mode = {"constant_memory": True, "tmpdir": str(scratch)} if scratch is not None else {"in_memory": True}
    book = xlsxwriter.Workbook(buffer, {**mode, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"author": "MCDS", "created": datetime.datetime(2020, 1, 1)})
    for resource in tabular.resources(profile):
        sheet = book.add_worksheet(resource["name"])
        fields = resource["schema"]["fields"]
        numeric = [f["type"] in NUMERIC for f in fields]
        for column, field in enumerate(fields):
            sheet.write_string(0, column, field["name"])
        for number, row in enumerate(data.pop(resource["name"]), start=1):
            for column, field in enumerate(fields):
                text = row.get(field["name"], "")
                if text == "":
                    continue
                if numeric[column]:
                    sheet.write_number(number, column, tabular.parse_cell(field, text))
                else:
                    sheet.write_string(number, column, text)
        sheet.freeze_panes(1, 0)
    book.close()
    return stable_xlsx(buffer.getvalue())


# Arrow types of the profile's field types; a field with a separator is a list of them.
_ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
          "date": pa.date32()}


def _typed(field: dict[str, Any], text: str) -> Any:
    if field["type"] == "date":
        return datetime.date.fromisoformat(text)
    value = tabular.parse_cell(field, text)
    return float(value) if field["type"] == "number" else value


def parquet(resource: dict[str, Any], rows: list[dict[str, str]]) -> bytes:
    """One table as Parquet, typed from the profile: integers, decimals, booleans and dates as such, and a
    field of several codes as a list of them (the CSV joins them with "|"). An empty cell is null."""
    columns, types = [], []
    for field in resource["schema"]["fields"]:
        separator = field["mcds"].get("separator")
        kind = _ARROW.get(field["type"], pa.string())
        single = {**field, "mcds": {}}
        cells = (row.get(field["name"], "") for row in rows)
        if separator:
            columns.append([[_typed(single, item) for item in text.split(separator)] if text else None for text in cells])
            types.append(pa.field(field["name"], pa.list_(kind)))
        else:
            columns.append([_typed(single, text) if text else None for text in cells])
            types.append(pa.field(field["name"], kind))
    table = pa.table(columns, schema=pa.schema(types))
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


# The data dictionary's columns: one row per column of each table.
DICTIONARY_HEADER = ("table", "column", "type", "list_of", "required", "code_list", "title_en", "title_fr",
                     "description_en", "description_fr")


def dictionary(profile: dict[str, Any]) -> bytes:
    """Every column of every table: its type, whether it is required, its code list, and what it means in
    English and French, as the profile defines them."""
    rows = []
    for resource in tabular.resources(profile):
        for field in resource["schema"]["fields"]:
            rows.append([resource["name"], field["name"], field["type"], field["mcds"].get("separator", ""),
                         "true" if field.get("constraints", {}).get("required") else "false",
                         field["mcds"].get("enum", ""), field.get("title", ""), field.get("title_fr", ""),
                         field.get("description", ""), field.get("description_fr", "")])
    return csv_bytes(DICTIONARY_HEADER, rows)


@dataclass(frozen=True)
class DataFile:
    """One open-data file: its path under data/, media type, size in bytes and, for a table, its name and rows."""

    path: str
    media_type: str
    size: int
    rows: int | None = None
    table: str | None = None

    @property
    def kind(self) -> str:
        """What the file is, for the Downloads page: a table's CSV or Parquet file, or one of the whole-catalogue
        files (package, dictionary, json, xlsx)."""
        if self.table is not None:
            return "parquet" if self.path.endswith(".parquet") else "csv"
        return {"catalogue/datapackage.json": "package", "catalogue/data-dictionary.csv": "dictionary",
                "catalogue.json": "json", "catalogue.xlsx": "xlsx"}[self.path]


CSV, PARQUET, JSON, XLSX = ("text/csv", "application/vnd.apache.parquet", "application/json",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass(frozen=True)
class OpenData:
    """The list of every open-data file of a catalogue, made as the files are written: the Downloads page
    shows the sizes of exactly the bytes that are written."""

    files: tuple[DataFile, ...]
    updated: str  # the date the newest published submission was last updated (YYYY-MM-DD), or ""

    @classmethod
    def write(cls, catalogue: Catalogue, out: Path) -> OpenData:
        """Write every file under `out` (the site's data/ folder) and return their list. The workbook, the
        tables and the JSON document are independent parts, each made in a worker process (the longest first):
        a national catalogue's tables take hundreds of megabytes while they are made, which the build then no
        longer holds."""
        workbook_files, table_files, json_files = on_every_core(
            [(_write, (_workbook_files, catalogue, out)), (_write, (_table_files, catalogue, out)),
             (_write, (_json_files, catalogue, out))])
        return cls((*table_files, *json_files, *workbook_files), _updated(catalogue))

    @classmethod
    def listing(cls, catalogue: Catalogue) -> OpenData:
        """The list of the files without writing them, made in this process (for a small catalogue: the API
        page of a site without one). The workbook is made in memory here, with a shared table of text, so its size
        differs from that of the one `write` makes row by row; nothing else differs."""
        files = [replace(file, size=sum(map(len, chunks)))
                 for make in (_table_files, _json_files, _workbook_files) for file, chunks in make(catalogue, None)]
        return cls(tuple(files), _updated(catalogue))


# Files to write: what the listing says of each (its size still unknown) and its content in pieces. A maker is
# given the folder the files go to (None when they are only listed).
Made = Iterator[tuple[DataFile, Iterable[bytes]]]


def _updated(catalogue: Catalogue) -> str:
    return max((s.published for s in catalogue.published), default="")


def _write(make: Callable[[Catalogue, Path | None], Made], catalogue: Catalogue, out: Path) -> list[DataFile]:
    """Make some of the files and write them under `out`, one piece at a time; return their list."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file, chunks in make(catalogue, out):
        target = out / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        written.append(replace(file, size=write_chunks(target, chunks)))
    return written


def _table_files(catalogue: Catalogue, _out: Path | None) -> Made:
    """Each table as CSV and Parquet, the package's descriptor and the data dictionary, in the listing's order."""
    profile = tabular.load_profile()
    data = tables(catalogue)
    package = package_files(catalogue, data)
    for resource in tabular.resources(profile):
        # Each table is let go once written: a national catalogue's tables are hundreds of megabytes.
        rows = data.pop(resource["name"])
        yield (DataFile(f"catalogue/{resource['path']}", CSV, 0, len(rows), resource["name"]),
               [package.pop(resource["path"])])
        yield (DataFile(f"catalogue/{resource['name']}.parquet", PARQUET, 0, len(rows), resource["name"]),
               [parquet(resource, rows)])
    yield DataFile("catalogue/datapackage.json", JSON, 0), [package["datapackage.json"]]
    yield DataFile("catalogue/data-dictionary.csv", CSV, 0), [dictionary(profile)]


def _json_files(catalogue: Catalogue, _out: Path | None) -> Made:
    yield DataFile("catalogue.json", JSON, 0), json_chunks(combined(catalogue))


def _workbook_files(catalogue: Catalogue, out: Path | None) -> Made:
    """The workbook, made with `out` (where it is written) as its scratch folder."""
    yield DataFile("catalogue.xlsx", XLSX, 0), [workbook(catalogue, scratch=out)]
