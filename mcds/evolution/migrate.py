"""`mcds migrate`: move a submission to another version of the standard where the change is mechanical.

The changes between the two versions come from `mcds diff` (mcds.evolution). Renamed fields become renamed
columns, renamed codes are replaced in the cells that hold them, the declared version is updated and the
columns follow the target's order. Every other breaking change is reported for a person to handle. The input
is never modified: the result is written as a new data package.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcds.errors import McdsError
from mcds.evolution.diff import diff, read_model
from mcds.standard import artefacts
from mcds.standard.versions import version_key
from mcds.util.io import csv_bytes, json_bytes
from mcds.util.outputs import check_folder_output, package_inputs
from mcds.validation.inputs import stage


@dataclass
class Migration:
    source: str
    target: str
    applied: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def _renames(changes: list[Any], kind: str) -> dict[str, dict[str, str]]:
    """owner -> {old name -> new name}: the members (slots of a class, codes of an enum) renamed by the diff."""
    found: dict[str, dict[str, str]] = {}
    for change in changes:
        if change.kind == kind:
            owner, old = change.element.split(".", 1)
            found.setdefault(owner, {})[old] = str(dict(change.values)["new"]).split(".", 1)[1]
    return found


def _read(path: Path, encoding: str) -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


def migrate(source: Path, target_version: str, out: Path) -> Migration:
    """Write the submission at `source` to `out`, moved to `target_version`."""
    if target_version not in artefacts.known_versions():
        raise McdsError("migrate.unknown_version", version=target_version, known=", ".join(artefacts.known_versions()))
    check_folder_output(out, package_inputs([source]))
    if out.exists() and any(out.iterdir()):
        raise McdsError("synth.not_empty", path=out)
    target_profile = artefacts.data_package_profile(target_version)
    with stage(source, target_profile) as staged:
        if not staged.usable:
            raise McdsError("migrate.unusable", path=source)
        from mcds.validation.engine import _declared_version

        version = _declared_version(staged)
        if version not in artefacts.known_versions() or version_key(version) > version_key(target_version):
            raise McdsError("migrate.backwards", version=version, target=target_version)
        old = read_model(artefacts.generated_dir(version) / "mcds.model.json")
        new = read_model(artefacts.generated_dir(target_version) / "mcds.model.json")
        changes = diff(old, new).changes
        codes = _renames(changes, "value_renamed")
        slots = {old_name: new_name for renames in _renames(changes, "slot_renamed").values()
                 for old_name, new_name in renames.items()}
        result = Migration(version, target_version)
        result.applied += [f"{owner}.{old_name} -> {new_name}" for kind in ("slot_renamed", "value_renamed")
                           for owner, renames in _renames(changes, kind).items() for old_name, new_name in renames.items()]
        result.left += [c.summary("en") for c in changes
                        if c.bump == "major" and c.kind not in ("slot_renamed", "value_renamed")]
        out.mkdir(parents=True, exist_ok=True)
        for resource in target_profile["resources"]:
            rows = _read(staged.tables[resource["name"]], staged.encodings.get(resource["name"], "utf-8"))
            header, body = (rows[0], rows[1:]) if rows else ([], [])
            renamed = [_rename_column(name, slots) for name in header]
            wanted = [f["name"] for f in resource["schema"]["fields"]]
            enums = {f["name"]: f["mcds"] for f in resource["schema"]["fields"] if "enum" in f["mcds"]}
            migrated = []
            for row in body:
                cells = dict(zip(renamed, row, strict=False))
                if resource["name"] == "submission":
                    cells["standard_version"] = target_version
                for column, meta in enums.items():
                    if cells.get(column):
                        cells[column] = _recode(cells[column], codes.get(meta["enum"], {}), meta.get("separator"))
                migrated.append(cells)
            (out / resource["path"]).write_bytes(csv_bytes(wanted, migrated))
        write_descriptor(out, target_profile, source)
    return result


def write_descriptor(out: Path, profile: dict[str, Any], source: Path) -> None:
    """The descriptor of a package written from `source`: the profile's tables, named after the submission, with
    what the provider wrote about its package (titles, descriptions...) kept."""
    descriptor = {**profile, "name": source.stem if source.is_file() else source.name, **_own_metadata(source),
                  "resources": profile["resources"], "mcds": profile["mcds"]}
    (out / "datapackage.json").write_bytes(json_bytes(descriptor))


def _own_metadata(source: Path) -> dict[str, Any]:
    """What the provider wrote about its package (name, titles, descriptions...), kept across versions."""
    path = source / "datapackage.json" if source.is_dir() else source if source.name == "datapackage.json" else None
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8-sig")) if path else {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        descriptor = {}
    return {k: v for k, v in descriptor.items() if k not in ("resources", "mcds", "profile")} if isinstance(descriptor, dict) else {}


def _rename_column(name: str, slots: dict[str, str]) -> str:
    for suffix in ("", "_en", "_fr"):
        base = name[: len(name) - len(suffix)] if suffix and name.endswith(suffix) else name if not suffix else None
        if base is not None and base in slots:
            return slots[base] + suffix
    return name


def _recode(text: str, codes: dict[str, str], separator: str | None) -> str:
    if separator:
        return separator.join(codes.get(item, item) for item in text.split(separator))
    return codes.get(text, text)
