"""`mcds.schema.json`: the JSON Schema of a whole submission, from LinkML's own generator.

Additions: an `$id` that carries the standard's version, so that a document can say which release it follows,
and French beside English: every `title` and `description` gets an `x-title-fr` / `x-description-fr`."""

from __future__ import annotations

import json
from typing import Any

from linkml.generators.jsonschemagen import JsonSchemaGenerator

from mcds.generators import schema as s
from mcds.generators.datapackage import root_class, standard_version
from mcds.standard.paths import SCHEMA_FILE

BASE_URI = "https://w3id.org/mcds"


def schema_id(version: str, profile: str | None = None) -> str:
    folder = f"profiles/{profile}/" if profile else ""
    return f"{BASE_URI}/{version}/{folder}mcds.schema.json"


def _translate(target: dict[str, Any], element: Any) -> None:
    titles, texts = s.title(element), s.description(element)
    target["title"], target["x-title-fr"] = titles["en"], titles["fr"]
    target["description"], target["x-description-fr"] = texts["en"], texts["fr"]


def generate(view: Any = None, profile: str | None = None) -> dict[str, Any]:
    """The JSON Schema of the standard, or of a profile when `view` is the profile's schema."""
    view = view or s.view()
    root = root_class(view)
    source = str(SCHEMA_FILE) if profile is None else view.schema
    generator = JsonSchemaGenerator(source, metadata=False, title_from="title", top_class=root)
    document: dict[str, Any] = json.loads(generator.serialize())
    _translate(document, view.schema)
    document["$id"] = schema_id(standard_version(view), profile)
    for name, definition in document.get("$defs", {}).items():
        if name in view.all_classes():
            _translate(definition, view.get_class(name))
            for slot_name, prop in definition.get("properties", {}).items():
                _translate(prop, view.induced_slot(slot_name, name))
        elif name in view.all_enums():
            _translate(definition, view.get_enum(name))
    for slot_name, prop in document.get("properties", {}).items():
        _translate(prop, view.induced_slot(slot_name, root))
    return document
