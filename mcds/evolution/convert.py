"""`mcds convert`: one submission written in another of the forms `mcds validate` takes, at the same version.

A provider who filled the Excel template may want the data-package folder a repository keeps, or the JSON
document; one who keeps CSV files may want the workbook to fill in Excel. The submission is read as validation
reads it (mcds.validation.inputs), against the release of the standard it declares, and written with the
writers the other commands use: the package folder as `mcds migrate` writes it, the JSON form of the
publication gate (mcds.standard.tabular), and the generated Excel template of that release, filled in. The
declared version is never changed (that is `mcds migrate`). The input is never written to.

An invalid submission is converted too, as far as it can be read: a cell that does not fit its type is kept as
the provider wrote it (the workbook and the JSON form keep it as text), and what a form cannot hold at all (a
child row whose parent is not found has no place in the JSON form) is counted, so that the command can say so.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from mcds.errors import McdsError
from mcds.evolution.migrate import write_descriptor
from mcds.standard import artefacts, tabular
from mcds.util.io import csv_bytes, json_bytes, write_atomic
from mcds.util.outputs import check_file_output, check_folder_output, package_inputs
from mcds.util.xlsx import stable_xlsx
from mcds.validation.inputs import Staged, stage

FORMS = ("folder", "xlsx", "json")
SUFFIXES = {"xlsx": ".xlsx", "json": ".json"}
# What openpyxl cannot store in a cell (XML 1.0 forbids these characters).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class Conversion:
    """What `convert` wrote: the form, the version kept, the rows, and what the new form could not hold as
    written (`unfit`: cells kept as text; `dropped`: rows per table that the form has no place for;
    `unread`: columns that are not the standard's, which no form of it holds)."""

    source: str
    form: str
    version: str
    rows: int = 0
    unfit: list[tuple[str, int, str]] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    unread: list[tuple[str, str]] = field(default_factory=list)


def _check_output(source: Path, form: str, out: Path) -> None:
    inputs = package_inputs([source])
    if form == "folder":
        check_folder_output(out, inputs)
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise McdsError("synth.not_empty", path=out)
        return
    if out.suffix.lower() != SUFFIXES[form]:
        raise McdsError("convert.suffix", path=out, form=form, suffix=SUFFIXES[form])
    if out.is_dir():
        raise McdsError("convert.out_is_folder", path=out)
    check_file_output(out, inputs)


def _tables(staged: Staged, profile: dict[str, Any], unread: list[tuple[str, str]]) -> tabular.Tables:
    """Every table as rows of the profile's columns; a column the standard does not have is listed in `unread`."""
    tables: tabular.Tables = {}
    for resource in tabular.resources(profile):
        path = staged.tables[resource["name"]]
        with path.open(encoding=staged.encodings.get(resource["name"], "utf-8"), newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
        wanted = [f["name"] for f in resource["schema"]["fields"]]
        unread += [(resource["name"], name) for name in reader.fieldnames or [] if name not in wanted]
        tables[resource["name"]] = [{name: row.get(name) or "" for name in wanted} for row in rows]
    return tables


def _read(source: Path, unread: list[tuple[str, str]]) -> tuple[str, dict[str, Any], tabular.Tables]:
    """The version the submission declares (the current one when it names none or an unknown one), the
    data-package profile of that release, and the submission's tables read against it."""
    from mcds.validation.engine import _declared_version

    current = artefacts.current_version()
    with stage(source, tabular.load_profile()) as staged:
        if not staged.usable:
            raise McdsError("convert.unusable", path=source)
        version = _declared_version(staged)
        version = version if version in artefacts.known_versions() else current
        profile = artefacts.data_package_profile(version)
        if version == current:  # the usual case: read once
            return version, profile, _tables(staged, profile, unread)
    with stage(source, profile) as staged:
        if not staged.usable:
            raise McdsError("convert.unusable", path=source)
        return version, profile, _tables(staged, profile, unread)


def convert(source: Path, form: str, out: Path) -> Conversion:
    """Write the submission at `source` to `out` in `form` ("folder", "xlsx" or "json"), at its own version."""
    if form not in FORMS:
        raise McdsError("convert.unknown_form", form=form, forms=", ".join(FORMS))
    _check_output(source, form, out)
    unread: list[tuple[str, str]] = []
    version, profile, tables = _read(source, unread)
    result = Conversion(str(source), form, version, rows=sum(len(rows) for rows in tables.values()), unread=unread)
    if form == "folder":
        _write_folder(tables, profile, source, out)
    elif form == "json":
        _write_json(tables, profile, out, result)
    else:
        _write_workbook(tables, profile, version, out, result)
    return result


def _write_folder(tables: tabular.Tables, profile: dict[str, Any], source: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for resource in tabular.resources(profile):
        header = [f["name"] for f in resource["schema"]["fields"]]
        (out / resource["path"]).write_bytes(csv_bytes(header, tables[resource["name"]]))
    write_descriptor(out, profile, source)


def _write_json(tables: tabular.Tables, profile: dict[str, Any], out: Path, result: Conversion) -> None:
    document = tabular.to_document(tables, profile, unfit=result.unfit)
    # A row the document has no place for (a second submission row, a child of a parent that is not there)
    # is not in it: compare the rows the document gives back with the rows read.
    back = tabular.to_tables(document, profile)
    result.dropped = {name: len(rows) - len(back[name]) for name, rows in tables.items() if len(rows) > len(back[name])}
    write_atomic(out, json_bytes(document))


def _typed(field_: dict[str, Any], text: str) -> tuple[Any, bool]:
    """A cell as a spreadsheet holds it (numbers, true/false and dates typed, the rest text), and whether the
    text fitted its type (if not, it is kept as text)."""
    if text == "":
        return None, True
    kind = field_["type"]
    try:
        if kind == "date":
            return datetime.date.fromisoformat(text), True
        if kind in ("integer", "number", "boolean"):
            return tabular.parse_cell(field_, text), True
    except ValueError:
        return text, False
    return text, True


def _write_workbook(tables: tabular.Tables, profile: dict[str, Any], version: str, out: Path, result: Conversion) -> None:
    """The generated template of the submission's release, filled in from row 2 as a provider fills it."""
    template = artefacts.generated_dir(version) / "templates" / "mcds-template.xlsx"
    book = load_workbook(template)
    for resource in tabular.resources(profile):
        sheet = book[resource["name"]]
        fields = resource["schema"]["fields"]
        for column in range(1, len(fields) + 1):  # what the template pre-fills belongs to a row it may not have
            sheet.cell(row=2, column=column).value = None
        for number, row in enumerate(tables[resource["name"]], start=2):
            for column, field_ in enumerate(fields, start=1):
                value, fits = _typed(field_, row[field_["name"]])
                if isinstance(value, str) and ILLEGAL.search(value):
                    value, fits = ILLEGAL.sub("", value), False
                if not fits:
                    result.unfit.append((resource["name"], number, field_["name"]))
                cell = sheet.cell(row=number, column=column)
                cell.value = value
                if isinstance(value, str):
                    # Text stays text: codes keep their zeros, and "=..." is never run as a formula.
                    cell.data_type, cell.number_format = "s", "@"
                elif isinstance(value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(out, stable_xlsx(buffer.getvalue()))
