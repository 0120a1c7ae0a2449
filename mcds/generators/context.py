"""`mcds.context.jsonld`: the JSON-LD context, from LinkML's own generator.

One addition: bilingual text slots become language maps (`"@container": "@language"`), so that
`"title": {"en": "...", "fr": "..."}` in a submission reads as two language-tagged strings."""

from __future__ import annotations

import json
from typing import Any

from linkml.generators.jsonldcontextgen import ContextGenerator

from mcds.generators import schema as s
from mcds.generators.datapackage import TEXT_CLASS
from mcds.standard.paths import SCHEMA_FILE


def generate() -> dict[str, Any]:
    view = s.view()
    document: dict[str, Any] = json.loads(ContextGenerator(str(SCHEMA_FILE), metadata=False).serialize())
    context = document["@context"]
    for name, slot in view.all_slots().items():
        if slot.range == TEXT_CLASS and name in context:
            entry = context[name] if isinstance(context[name], dict) else {"@id": context[name]}
            entry.pop("@type", None)
            entry["@container"] = "@language"
            context[name] = entry
    return document
