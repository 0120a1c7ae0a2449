"""`mcds.context.jsonld`: the JSON-LD context, from LinkML's own generator.

Two additions:
* bilingual text slots become language maps (`"@container": "@language"`), so that
  `"title": {"en": "...", "fr": "..."}` in a submission reads as two language-tagged strings;
* a coded slot whose code list names concepts (values with a `meaning`) reads its codes as IRIs
  (`"@type": "@vocab"` with a scoped context): each code becomes the concept it stands for, or an
  `mcds:` IRI of its own when no external concept fits. A CTDL property then receives a concept, as
  its range requires, instead of a bare MCDS string.
"""

from __future__ import annotations

import json
from typing import Any

from linkml.generators.jsonldcontextgen import ContextGenerator

from mcds.generators import schema as s
from mcds.generators.datapackage import TEXT_CLASS
from mcds.standard.paths import SCHEMA_FILE

# Code lists read as IRIs although none of their values has an external concept, with the reason.
CODED_AS_IRIS = {
    # "Not eligible" must be a statement of its own in linked data: the funding slot is bound to
    # ceterms:financialAssistance until 1.0.0, and a plain string status would read as assistance available.
    "EligibilityStatusEnum",
}


def value_iri(enum: str, code: str, meaning: str | None) -> str:
    """The IRI (as a CURIE) a code of `enum` stands for in linked data."""
    return meaning or f"mcds:{enum}/{code}"


def _codes_as_iris(view: Any, enum: Any) -> dict[str, Any]:
    # Full IRIs, not CURIEs: a prefix may share its name with a slot (`residency`), and the slot's term
    # definition would then hide the prefix from a JSON-LD processor.
    codes = {code: view.expand_curie(value_iri(enum.name, code, str(value.meaning) if value.meaning else None))
             for code, value in enum.permissible_values.items()}
    return {"@type": "@vocab", "@context": dict(sorted(codes.items()))}


def generate() -> dict[str, Any]:
    view = s.view()
    document: dict[str, Any] = json.loads(ContextGenerator(str(SCHEMA_FILE), metadata=False).serialize())
    context = document["@context"]
    enums = view.all_enums()
    for name, slot in view.all_slots().items():
        if name not in context:
            continue
        entry = context[name] if isinstance(context[name], dict) else {"@id": context[name]}
        if slot.range == TEXT_CLASS:
            entry.pop("@type", None)
            entry["@container"] = "@language"
        elif slot.range in enums:
            enum = enums[slot.range]
            if enum.name in CODED_AS_IRIS or any(v.meaning for v in enum.permissible_values.values()):
                entry.update(_codes_as_iris(view, enum))
        context[name] = entry
    return document
