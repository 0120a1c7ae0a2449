"""The publisher registry: a CSV of publishers (registry/publishers.csv) checked against the Frictionless table
schema kept beside it (publishers.schema.json) before anything is fetched."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mcds.errors import McdsError
from mcds.i18n import LANGUAGES, t

REGISTRY_FILE = "publishers.csv"
SCHEMA_SUFFIX = ".schema.json"
SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class Publisher:
    id: str
    names: dict[str, str]
    data_url: str
    licence: str
    contact: str
    date_added: str

    @property
    def form(self) -> str:
        """How the data is published: "datapackage" (a datapackage.json and its tables) or the file's suffix."""
        name = urlsplit(self.data_url).path.rsplit("/", 1)[-1].lower()
        return "datapackage" if name == "datapackage.json" else "." + name.rsplit(".", 1)[-1]


class RegistryInvalid(McdsError):
    """The registry does not match its table schema: exit code 2, nothing fetched."""


def locate(path: Path) -> tuple[Path, Path]:
    """The registry CSV (`path` itself, or publishers.csv in the folder `path`) and its table schema."""
    registry = path / REGISTRY_FILE if path.is_dir() else path
    if not registry.is_file() or registry.suffix.lower() != ".csv":
        raise McdsError("harvest.registry.missing", path=path)
    schema = registry.with_name(registry.stem + SCHEMA_SUFFIX)
    if not schema.is_file():
        raise McdsError("harvest.registry.no_schema", schema=schema)
    return registry, schema


def _rule(note: str) -> str:
    """The constraint a cell breaks, as the table schema writes it (pattern: ...), without Frictionless' words."""
    found = re.search(r'"(\w+)" is "(.*)"$', note)
    return f"{found[1]}: {found[2]}" if found else note


def _problem(error: object, lang: str) -> str:
    kind = getattr(error, "type", "")
    value = getattr(error, "cell", "") or ""
    if kind == "primary-key":
        value = (getattr(error, "cells", None) or [""])[0]  # the identifier is the first column
    if kind in ("missing-cell", "constraint-error") and not str(value).strip():
        text = t("harvest.registry.problem.missing", lang)
    elif kind in ("unique-error", "primary-key"):
        text = t("harvest.registry.problem.duplicate", lang, value=value)
    elif kind == "constraint-error":
        text = t("harvest.registry.problem.constraint", lang, value=value, rule=_rule(getattr(error, "note", "")))
    elif kind == "type-error":
        text = t("harvest.registry.problem.type", lang, value=value)
    else:
        text = t("harvest.registry.problem.row", lang)
    row = getattr(error, "row_number", None) or 1
    column = "id" if kind == "primary-key" else getattr(error, "field_name", "") or "—"
    return t("harvest.registry.problem", lang, row=row, column=column, problem=text)


def _problems(registry: Path, schema: Path) -> dict[str, str]:
    """What is wrong with the registry, in every language ("" for each when nothing is)."""
    from frictionless import Resource, Schema, system

    table_schema = Schema.from_descriptor(str(schema))
    with registry.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    expected = [f.name for f in table_schema.fields]
    if header != expected:
        return {lang: t("harvest.registry.problem", lang, row=1, column="—", problem=t(
            "harvest.registry.problem.header", lang, expected=",".join(expected))) for lang in LANGUAGES}
    with system.use_context(trusted=True):  # a path the user gave, read as it is
        report = Resource(str(registry), schema=table_schema, format="csv", encoding="utf-8").validate()
    errors = [error for task in report.tasks for error in task.errors] + list(report.errors)
    return {lang: "\n".join(_problem(e, lang) for e in errors[:SHOWN_PROBLEMS]) for lang in LANGUAGES}


def load(path: Path) -> list[Publisher]:
    """The publishers of the registry at `path`, in its order, once it matches its table schema."""
    registry, schema = locate(path)
    problems = _problems(registry, schema)
    if any(problems.values()):
        raise RegistryInvalid("harvest.registry.invalid", path=registry, problems=problems)
    with registry.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Publisher(row["id"], {lang: row[f"name_{lang}"] for lang in LANGUAGES}, row["data_url"], row["licence"],
                      row["contact"], row["date_added"]) for row in rows]
