"""Converting a submission between its JSON form and its tabular form, driven by the generated profile.

Every field of `schema/generated/datapackage.json` names the slot it holds (`mcds.slot`, plus `lang` for
bilingual text, `separator` for lists, `parent` for the column that ties a child row to its parent), so the
conversion needs neither LinkML nor any knowledge of the schema beyond the profile. Cells are strings, as in a
CSV file; an empty cell is an absent value.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from mcds.standard.paths import PROFILE_FILE
from mcds.util.io import csv_bytes, json_bytes

Row = dict[str, str]
Tables = dict[str, list[Row]]
TRUE, FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}


@cache
def load_profile(path: Path = PROFILE_FILE) -> dict[str, Any]:
    """The data-package profile of the standard (read once per process)."""
    return json.loads(path.read_text(encoding="utf-8"))


def resources(profile: dict[str, Any]) -> list[dict[str, Any]]:
    return profile["resources"]


# What a spreadsheet runs as a formula when a cell starts with it (CSV injection). Every CSV or workbook
# that MCDS writes from someone else's text neutralizes these: the open-data downloads and the CSV report.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = ("integer", "number")


def neutralize(value: str, kind: str = "string") -> str:
    """A cell that no spreadsheet will execute (a leading apostrophe); numbers keep their sign."""
    if kind not in NUMERIC and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def root_resource(profile: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in resources(profile) if "parent" not in r["mcds"])


def format_number(value: float | int) -> str:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell(field: dict[str, Any], value: Any) -> str:
    if value is None:
        return ""
    if "separator" in field["mcds"]:
        return field["mcds"]["separator"].join(_cell({**field, "mcds": {}}, item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    return str(value)


def parse_cell(field: dict[str, Any], text: str) -> Any:
    """The JSON value of a cell of `field`; raises ValueError when the cell does not fit the field's type."""
    kind = field["type"]
    if kind == "boolean":
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError(text)
    if kind == "integer":
        return int(text)
    if kind == "number":
        number = float(text)
        return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number
    return text


def _walk(document: dict[str, Any], profile: dict[str, Any]) -> Iterator[tuple[dict[str, Any], list[tuple[str | None, dict[str, Any]]]]]:
    """Each resource with its objects, paired with the identifier of their parent object."""
    objects: dict[str, list[tuple[str | None, dict[str, Any]]]] = {}
    for resource in resources(profile):
        meta = resource["mcds"]
        if "parent" not in meta:
            found = [(None, document)]
        else:
            found = []
            for _, parent in objects[meta["parent"]]:
                parent_id = parent.get("id")
                found.extend((parent_id, child) for child in parent.get(meta["slot"]) or [] if isinstance(child, dict))
        objects[resource["name"]] = found
        yield resource, found


def to_tables(document: dict[str, Any], profile: dict[str, Any] | None = None) -> Tables:
    """The tabular form of a submission document: rows of string cells, by table name."""
    profile = profile or load_profile()
    tables: Tables = {}
    for resource, found in _walk(document, profile):
        fields = resource["schema"]["fields"]
        rows = []
        for parent_id, item in found:
            row = {}
            for field in fields:
                meta = field["mcds"]
                if meta.get("parent"):
                    row[field["name"]] = parent_id or ""
                elif "lang" in meta:
                    text = item.get(meta["slot"]) or {}
                    row[field["name"]] = _cell(field, text.get(meta["lang"]) if isinstance(text, dict) else None)
                else:
                    row[field["name"]] = _cell(field, item.get(meta["slot"]))
            rows.append(row)
        tables[resource["name"]] = rows
    return tables


# A cell that does not fit its type, where a lenient conversion kept it as text: (table, row, column), the row
# counted as a spreadsheet counts it (the header is row 1).
Unfit = list[tuple[str, int, str]]


def _parsed(field: dict[str, Any], text: str, unfit: Unfit | None, where: tuple[str, int]) -> Any:
    if unfit is None:
        return parse_cell(field, text)
    try:
        return parse_cell(field, text)
    except ValueError:
        unfit.append((*where, field["name"]))
        return text


def _object(fields: list[dict[str, Any]], row: Row, unfit: Unfit | None = None, where: tuple[str, int] = ("", 0)) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for field in fields:
        meta = field["mcds"]
        text = (row.get(field["name"]) or "").strip()
        if meta.get("parent") or not text:
            continue
        if "lang" in meta:
            item.setdefault(meta["slot"], {})[meta["lang"]] = text
        elif "separator" in meta:
            item[meta["slot"]] = [_parsed(field, part.strip(), unfit, where) for part in text.split(meta["separator"])]
        else:
            item[meta["slot"]] = _parsed(field, text, unfit, where)
    return item


def to_document(tables: Tables, profile: dict[str, Any] | None = None, *, unfit: Unfit | None = None) -> dict[str, Any]:
    """The JSON form of a submission from its tables. Raises ValueError on a cell that does not fit its type
    (validate first: a valid package always converts), unless `unfit` is given: then such a cell is kept as
    text, as the provider wrote it, and listed in `unfit`."""
    profile = profile or load_profile()
    document: dict[str, Any] = {}
    by_resource: dict[str, dict[str, dict[str, Any]]] = {}
    for resource in resources(profile):
        fields = resource["schema"]["fields"]
        meta = resource["mcds"]
        # A blank row is no record: validation reports it as ignored, and it is not published.
        rows = [row for row in tables.get(resource["name"], []) if any(value not in ("", None) for value in row.values())]
        if "parent" not in meta:
            document.update(_object(fields, rows[0], unfit, (resource["name"], 2)) if rows else {})
            by_resource[resource["name"]] = {"": document}
            continue
        parent_field = next((f["name"] for f in fields if f["mcds"].get("parent")), None)
        children: dict[str, list[dict[str, Any]]] = defaultdict(list)
        own: dict[str, dict[str, Any]] = {}
        for number, row in enumerate(rows, start=2):
            item = _object(fields, row, unfit, (resource["name"], number))
            children[row.get(parent_field, "") if parent_field else ""].append(item)
            if "id" in item:
                own[item["id"]] = item
        by_resource[resource["name"]] = own
        for parent_id, items in children.items():
            parent = by_resource[meta["parent"]].get(parent_id)
            if parent is not None:
                parent[meta["slot"]] = items
    return document


def write_package(document: dict[str, Any], folder: Path, profile: dict[str, Any] | None = None, name: str | None = None) -> Path:
    """Write a submission document as a data package: one CSV per table and the profile as descriptor."""
    profile = profile or load_profile()
    folder.mkdir(parents=True, exist_ok=True)
    tables = to_tables(document, profile)
    for resource in resources(profile):
        header = [f["name"] for f in resource["schema"]["fields"]]
        (folder / resource["path"]).write_bytes(csv_bytes(header, tables[resource["name"]]))
    (folder / "datapackage.json").write_bytes(json_bytes({**profile, "name": name or profile["name"]}))
    return folder
