"""Open-data downloads of the whole catalogue: a Frictionless data package (one CSV per table, with sizes and
SHA-256 checksums in its datapackage.json), one JSON document, and one Excel workbook.

Values a spreadsheet would run as formulas (starting with =, +, -, @, tab or carriage return) are neutralized
with a leading apostrophe in the CSV files and stored as plain text in the workbook.
"""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path
from typing import Any

import xlsxwriter

from mcds.publish.gate import Catalogue
from mcds.standard import tabular
from mcds.standard.tabular import NUMERIC, neutralize  # one definition of formula-like text, shared with the reports
from mcds.util.io import csv_bytes, json_bytes
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


def json_file(catalogue: Catalogue) -> bytes:
    return json_bytes(combined(catalogue), compact=True)


def workbook(catalogue: Catalogue, data: tabular.Tables | None = None) -> bytes:
    """One sheet per table; every text cell is written as text, never as a formula."""
    profile = tabular.load_profile()
    data = data if data is not None else tables(catalogue)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"author": "MCDS", "created": datetime.datetime(2020, 1, 1)})
    for resource in tabular.resources(profile):
        sheet = book.add_worksheet(resource["name"])
        fields = resource["schema"]["fields"]
        numeric = [f["type"] in NUMERIC for f in fields]
        for column, field in enumerate(fields):
            sheet.write_string(0, column, field["name"])
        for number, row in enumerate(data[resource["name"]], start=1):
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


def write(catalogue: Catalogue, out: Path) -> list[Path]:
    """Write every download under `out` (a folder of the site) and return the files written."""
    written = []
    data = tables(catalogue)
    for name, content in package_files(catalogue, data).items():
        path = out / "catalogue" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    for name, content in (("catalogue.json", json_file(catalogue)), ("catalogue.xlsx", workbook(catalogue, data))):
        (out / name).write_bytes(content)
        written.append(out / name)
    return written
