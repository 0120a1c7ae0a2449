"""The compiled standard as the portal reads it: mcds.model.json, the code-list CSVs and the data-package profile.

Only generated artefacts are read here (never the LinkML schema), so the portal builds without LinkML and
always documents exactly what providers download.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcds.errors import McdsError
from mcds.standard.model import MAPPING_KINDS

# The vocabularies of the crosswalk, in the order of its columns: prefix -> name of the vocabulary.
CROSSWALK_VOCABULARIES: dict[str, str] = {
    "ceterms": "CTDL",
    "obv3": "Open Badges 3.0",
    "elm": "ELM",
    "schema": "schema.org",
    "qdata": "CTDL QData",
    "dcterms": "DCMI Metadata Terms",
    "foaf": "FOAF",
    "rov": "ROV",
    "skos": "SKOS",
}



@dataclass(frozen=True)
class AnnexElement:
    """One element of Annex I of the EU Council Recommendation on micro-credentials (2022/C 243/02)."""

    key: str  # the English label the schema's eu_annex_i markers use
    mandatory: bool
    # Elements that describe an issued credential, not a catalogue entry, carry no marker: their labels
    # are given here. In-scope elements take their bilingual label from the schema's markers.
    out_of_scope_label: dict[str, str] | None = None


# Annex I in the Recommendation's own order. Markers in the schema are matched on their English label; a
# marker that matches none of these fails the build, so that the page never silently drops an element.
ANNEX_I: tuple[AnnexElement, ...] = (
    AnnexElement("Identification of the learner", True,
                 {"en": "Identification of the learner", "fr": "Identification de l'apprenant"}),
    AnnexElement("Title of the micro-credential", True),
    AnnexElement("Country or region of the issuer", True),
    AnnexElement("Awarding body", True),
    AnnexElement("Date of issuing", True, {"en": "Date of issuing", "fr": "Date de délivrance"}),
    AnnexElement("Learning outcomes", True),
    AnnexElement("Notional workload needed to achieve the learning outcomes", True),
    AnnexElement("Level (and cycle) of the learning experience leading to the micro-credential, if applicable",
                 True),
    AnnexElement("Type of assessment", True),
    AnnexElement("Form of participation in the learning activity", True),
    AnnexElement("Type of quality assurance used to underpin the micro-credential", True),
    AnnexElement("Prerequisites needed to enrol (optional element)", False),
    AnnexElement("Supervision and identity verification during assessment (optional element)", False),
    AnnexElement("Grade achieved (optional element)", False),
    AnnexElement("Integration / stackability options (optional element)", False),
    AnnexElement("Further information", False),
)


@dataclass(frozen=True)
class Table:
    """The tabular form of a class: one resource of the data-package profile."""

    name: str
    path: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Standard:
    """Everything the reference pages are rendered from."""

    model: dict[str, Any]
    codelists: dict[str, list[dict[str, str]]]  # enum name -> rows of its CSV, in file order
    tables: dict[str, Table]  # class name -> its table
    generated_dir: Path
    classes: dict[str, dict[str, Any]] = field(init=False)
    enums: dict[str, dict[str, Any]] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "classes", {c["name"]: c for c in self.model["classes"]})
        object.__setattr__(self, "enums", {e["name"]: e for e in self.model["enums"]})

    @property
    def version(self) -> str:
        return str(self.model["version"])

    def used_by(self, name: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(class, slot) pairs whose range is the class or enum `name`, in model order."""
        return [(c, s) for c in self.model["classes"] for s in c["slots"] if s["range"] == name]

    def expand(self, curie: str) -> str:
        """The full IRI of a compact URI such as `schema:name`."""
        prefix, _, local = curie.partition(":")
        base = self.model["prefixes"].get(prefix)
        return base + local if base else curie

    def annex_i(self) -> list[tuple[AnnexElement, dict[str, str], list[tuple[dict[str, Any], dict[str, Any]]]]]:
        """Each Annex I element with its bilingual label and the (class, slot) pairs that carry it."""
        carriers: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        labels: dict[str, dict[str, str]] = {}
        known = {element.key for element in ANNEX_I}
        for cls in self.model["classes"]:
            for slot in cls["slots"]:
                marker = slot.get("eu_annex_i")
                if not marker:
                    continue
                if marker["en"] not in known:
                    raise McdsError(
                        "portal.build.unknown_annex_element",
                        element=f"{cls['name']}.{slot['name']}",
                        label=marker["en"],
                    )
                labels[marker["en"]] = marker
                carriers.setdefault(marker["en"], []).append((cls, slot))
        return [
            (element, element.out_of_scope_label or labels.get(element.key, {"en": element.key, "fr": element.key}),
             carriers.get(element.key, []))
            for element in ANNEX_I
        ]


def cardinality(slot: dict[str, Any]) -> str:
    """1, 0..1, 1..* or 0..*."""
    low = "1" if slot.get("required") else "0"
    if slot.get("multivalued"):
        return f"{low}..*"
    return "1" if low == "1" else "0..1"


def mapping_pairs(mappings: dict[str, list[str]] | None) -> list[tuple[str, str]]:
    """(kind, curie) pairs, strongest kind first, then by CURIE."""
    mappings = mappings or {}
    order = {kind: index for index, kind in enumerate(("uri", *MAPPING_KINDS))}
    return sorted(
        ((kind, curie) for kind, curies in mappings.items() for curie in curies),
        key=lambda pair: (order.get(pair[0], len(order)), pair[1]),
    )


def _read_json(path: Path) -> Any:
    if not path.is_file():
        raise McdsError("portal.build.missing_artefact", path=path)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_standard(generated_dir: Path) -> Standard:
    """Read the generated artefacts the reference pages need."""
    model = _read_json(generated_dir / "mcds.model.json")
    profile = _read_json(generated_dir / "datapackage.json")
    codelists: dict[str, list[dict[str, str]]] = {}
    for enum in model["enums"]:
        path = generated_dir / "codelists" / f"{enum['name']}.csv"
        if not path.is_file():
            raise McdsError("portal.build.missing_artefact", path=path)
        with path.open(encoding="utf-8", newline="") as handle:
            codelists[enum["name"]] = list(csv.DictReader(handle))
    tables = {
        resource["mcds"]["class"]: Table(
            name=resource["name"],
            path=resource["path"],
            columns=tuple(f["name"] for f in resource["schema"]["fields"]),
        )
        for resource in profile["resources"]
    }
    return Standard(model=model, codelists=codelists, tables=tables, generated_dir=generated_dir)
