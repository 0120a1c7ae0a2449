"""Facts about the whole submission that row checks need from other tables, read in one quick pass.

Frictionless checks see one table at a time; references across tables, the provider's identifier and each
report's minimum cell size come from here."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SubmissionIndex:
    provider: str = ""
    bound: str = ""  # the identifier the submission was sent under (its folder's name), when known
    last_updated: str = ""
    organizations: set[str] = field(default_factory=set)
    organization_types: dict[str, set[str]] = field(default_factory=dict)
    microcredentials: set[str] = field(default_factory=set)
    offerings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    min_cell_sizes: dict[str, int] = field(default_factory=dict)
    disclosure: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # report: (method, rounding base)
    children: dict[str, set[str]] = field(default_factory=dict)
    # Each organization's provinces and sector, read only under the Ontario OSAP profile, whose rules look across
    # tables (with organization_types).
    organization_places: dict[str, tuple[set[str], str]] = field(default_factory=dict)
    funding_programmes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _column(path: Path | None, encoding: str, fields: list[str], *names: str) -> Iterator[tuple[str, ...]]:
    """Some columns of a table, streamed, by the profile's field positions as Frictionless reads them: with a
    misnamed or duplicated header, keying by the file's own header would make the index disagree with what
    the checks see in the same cells."""
    if path is None:
        return
    positions = [fields.index(name) if name in fields else len(fields) for name in names]
    try:
        with path.open(encoding=encoding, newline="") as handle:
            records = csv.reader(handle)
            next(records, None)
            for record in records:
                if record:
                    yield tuple(record[p].strip() if p < len(record) else "" for p in positions)
    except (UnicodeDecodeError, csv.Error, OSError):
        return  # the table's own validation reports why it cannot be read


def build(tables: dict[str, Path], encodings: dict[str, str], profile: dict) -> SubmissionIndex:
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in profile["resources"]}

    def read(table: str, *names: str) -> Iterator[tuple[str, ...]]:
        return _column(tables.get(table), encodings.get(table, "utf-8"), fields.get(table, []), *names)

    index = SubmissionIndex()
    index.provider, index.last_updated = next(read("submission", "provider", "last_updated"), ("", ""))
    osap = profile.get("mcds", {}).get("profile") == "ontario-osap"
    for organization, types, provinces, sector in read("organizations", "id", "organization_types", "provinces", "sector"):
        if organization:
            index.organizations.add(organization)
            index.organization_types[organization] = set(filter(None, types.split("|")))
            if osap:
                index.organization_places[organization] = (set(filter(None, provinces.split("|"))), sector)
    index.microcredentials = {value for (value,) in read("microcredentials", "id") if value}
    for microcredential, code in read("offerings", "microcredential_id", "code"):
        index.offerings[microcredential].add(code)
    for report, size, method, base in read("outcome_reports", "id", "min_cell_size", "disclosure_method", "rounding_base"):
        if size.isdigit():
            index.min_cell_sizes[report] = int(size)
        index.disclosure[report] = (method, int(base) if base.isdigit() and int(base) > 0 else None)
    if osap:
        for microcredential, programme in read("funding_eligibilities", "microcredential_id", "funding_programme"):
            index.funding_programmes[microcredential].add(programme)
    for resource in profile["resources"]:
        parent = next((f["name"] for f in resource["schema"]["fields"] if f["mcds"].get("parent")), None)
        if parent:
            index.children[resource["name"]] = {value for (value,) in read(resource["name"], parent)}
    return index
