"""`mcds.model.json`: the standard compiled into one plain JSON document (classes with their induced slots,
enums with their values, all text in English and French, mappings, constraints and examples).

The portal renders the reference pages and the crosswalk from it, and the validator takes its labels from
it, so that neither needs LinkML at run time."""

from __future__ import annotations

from typing import Any

from linkml_runtime.dumpers import json_dumper

from mcds.generators import schema as s
from mcds.generators.datapackage import standard_version
from mcds.standard.model import MAPPING_KINDS


def _mappings(element: Any) -> dict[str, list[str]]:
    found = {kind: sorted(str(m) for m in getattr(element, f"{kind}_mappings") or []) for kind in MAPPING_KINDS}
    return {kind: values for kind, values in found.items() if values}


def _common(element: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": element.name, "title": s.title(element), "description": s.description(element)}
    mappings = _mappings(element)
    if mappings:
        entry["mappings"] = mappings
    added = s.annotation(element, "added_in")
    if added:
        entry["added_in"] = added
    entry.update(_lifecycle(element))
    return entry


def _lifecycle(element: Any) -> dict[str, str]:
    """Deprecation and its replacement, which `mcds diff` and the validator's warnings read."""
    found = {}
    for source, target in (("deprecated", "deprecated"),
                           ("deprecated_element_has_exact_replacement", "replaced_by"),
                           ("deprecated_element_has_possible_replacement", "possibly_replaced_by")):
        value = getattr(element, source, None)
        if value:
            found[target] = str(value)
    return found


def _rule(rule: Any) -> dict[str, Any]:
    """The logic of a class rule (its conditions), in a stable form that two schema versions can compare."""
    found = json_dumper.to_dict(rule)
    return {key: found[key] for key in sorted(found) if key not in ("title", "description", "annotations")}


def _slot(view: Any, slot: Any) -> dict[str, Any]:
    entry = _common(slot)
    kind = "enum" if slot.range in view.all_enums() else "class" if slot.range in view.all_classes() else "type"
    entry.update({
        "uri": view.get_uri(slot, expand=False),
        "range": slot.range,
        "range_kind": kind,
        "required": bool(slot.required),
        "multivalued": bool(slot.multivalued),
        "examples": s.examples(slot),
    })
    if kind == "class":
        entry["inlined"] = bool(slot.inlined or slot.inlined_as_list or slot.range == "LocalizedText")
    cardinality = {"minimum_cardinality": slot.minimum_cardinality, "maximum_cardinality": slot.maximum_cardinality}
    if slot.exact_cardinality is not None:
        cardinality = dict.fromkeys(cardinality, slot.exact_cardinality)
    entry.update({key: int(value) for key, value in cardinality.items() if value is not None})
    for flag in ("identifier", "key"):
        if getattr(slot, flag):
            entry[flag] = True
    for source, target in (("pattern", "pattern"), ("minimum_value", "minimum"), ("maximum_value", "maximum")):
        value = getattr(slot, source)
        if value is not None:
            entry[target] = value if source == "pattern" else float(value)
    for key in ("eu_annex_i", "code_system"):
        value = s.annotation(slot, key)
        if value:
            entry[key] = {"en": value, "fr": s.annotation(slot, f"{key}_fr") or value}
    return entry


def generate(view: Any = None) -> dict[str, Any]:
    """The compiled model of the schema in `view` (by default the standard's own schema)."""
    view = view or s.view()
    schema = view.schema
    classes = []
    for name, cls in view.all_classes().items():
        entry = _common(cls)
        entry["uri"] = view.get_uri(cls, expand=False)
        entry["slots"] = [_slot(view, slot) for slot in view.class_induced_slots(name)]
        if cls.tree_root:
            entry["tree_root"] = True
        if cls.any_of:
            entry["one_of_required"] = [sorted(c.slot_conditions) for c in cls.any_of]
        if cls.rules:
            entry["rules"] = [_rule(rule) for rule in cls.rules]
        classes.append(entry)
    enums = []
    for enum in view.all_enums().values():
        entry = _common(enum)
        entry["examples"] = s.examples(enum)
        if enum.code_set:
            entry["code_set"] = str(enum.code_set)
            entry["code_set_version"] = str(enum.code_set_version or "")
        entry["values"] = []
        for code, value in enum.permissible_values.items():
            item = {"code": code, "title": s.title(value), "description": s.description(value), **_lifecycle(value)}
            if value.meaning:
                # The concept the code stands for, as a CURIE; the JSON-LD context expands the code to it.
                item["meaning"] = str(value.meaning)
            extra = {k: str(getattr(a, "value", a)) for k, a in (value.annotations or {}).items()
                     if k not in ("title_fr", "description_fr")}
            if extra:
                item["annotations"] = extra
            entry["values"].append(item)
        enums.append(entry)
    return {
        "name": schema.name,
        "version": standard_version(view),
        "title": s.title(schema),
        "description": s.description(schema),
        "license": str(schema.license),
        "prefixes": {p.prefix_prefix: str(p.prefix_reference) for p in schema.prefixes.values()},
        "classes": classes,
        "enums": enums,
    }
