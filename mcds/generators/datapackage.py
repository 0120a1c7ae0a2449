"""The tabular form of the standard and its Frictionless data-package profile (`datapackage.json`).

LinkML has no generator for Table Schemas, so this module derives them from the schema, keeping schema order:
- the root class becomes the one-row table `submission`;
- every inlined list of objects becomes a child table named after its slot, with a `<parent>_id` column that
  refers to the parent row (row order keeps list order);
- bilingual text becomes two columns, `<slot>_en` and `<slot>_fr`;
- a list of codes or identifiers stays in one cell, items separated by `|`, checked by a pattern;
- a reference to an organization or a microcredential is its identifier, with a foreign key where the cell
  holds one identifier.
Every field carries its slot name (`mcds.slot`) so that mcds.standard.tabular can rebuild the JSON form without LinkML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from linkml_runtime import SchemaView
from linkml_runtime.linkml_model import SlotDefinition

from mcds.generators import schema as s
from mcds.i18n import LANGUAGE_NAMES

ROOT_TABLE = "submission"
LIST_SEPARATOR = "|"
TEXT_CLASS = "LocalizedText"
LIST_HINT = {
    "en": "Separate several values with a vertical bar (|).",
    "fr": "Séparez plusieurs valeurs par une barre verticale (|).",
}
PARENT_HINT = {
    "en": "The identifier of the {parent} this row belongs to.",
    "fr": "L'identifiant de l'élément « {parent_fr} » auquel appartient cette ligne.",
}
TYPES = {"string": "string", "integer": "integer", "decimal": "number", "float": "number",
         "double": "number", "boolean": "boolean", "date": "date", "uri": "string"}


@dataclass
class Table:
    name: str
    class_name: str
    title: s.Bilingual
    description: s.Bilingual
    parent: str | None = None
    parent_slot: str | None = None
    required: bool = False
    fields: list[dict[str, Any]] = field(default_factory=list)
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)


def root_class(view: SchemaView) -> str:
    """The tree root: a profile's own root, which specializes the core's, wins over it."""
    roots = [c.name for c in view.all_classes().values() if c.tree_root]
    return next(name for name in roots if not any(name in view.class_ancestors(other) and other != name for other in roots))


def standard_version(view: SchemaView) -> str:
    """The version of the core standard, which a profile's schema imports rather than repeats."""
    return str(view.schema.version or s.view().schema.version)


def base_class(view: SchemaView, name: str) -> str:
    """The core class a (profile) class specializes: tables and columns keep the core's names."""
    return view.class_ancestors(name)[-1]


def full_match(pattern: str) -> str:
    """A LinkML (search) pattern as a Table Schema pattern, which must match the whole cell."""
    if pattern.startswith("^") and pattern.endswith("$"):
        return pattern[1:-1]
    return f"[\\s\\S]*(?:{pattern})[\\s\\S]*"


def list_of(item: str, most: int | None = None) -> str:
    repeat = f"{{0,{most - 1}}}" if most else "*"
    return f"(?:{item})(?:\\|(?:{item})){repeat}"


class TabularModel:
    """The tables of the standard, derived once from the schema."""

    def __init__(self, view: SchemaView) -> None:
        self.view = view
        self.root = root_class(view)
        self.tables: list[Table] = []
        self.table_of_class: dict[str, str] = {}
        self._add_table(ROOT_TABLE, self.root, None, None)

    # -- schema helpers -------------------------------------------------------------------------------
    def _slots(self, class_name: str) -> list[SlotDefinition]:
        return self.view.class_induced_slots(class_name)

    def _is_child_table(self, slot: SlotDefinition) -> bool:
        return bool(slot.multivalued and slot.range in self.view.all_classes() and slot.inlined_as_list)

    def _identifier(self, class_name: str) -> SlotDefinition | None:
        return next((sl for sl in self._slots(class_name) if sl.identifier), None)

    def _base_type(self, range_name: str) -> tuple[str, str | None]:
        """The Table Schema type of a LinkML type, and the pattern the type itself carries."""
        pattern = None
        current = self.view.get_type(range_name)
        while current is not None and current.name not in TYPES:
            pattern = pattern or current.pattern
            current = self.view.get_type(current.typeof) if current.typeof else None
        return TYPES[current.name if current else "string"], pattern

    # -- tables ---------------------------------------------------------------------------------------
    def _add_table(self, name: str, class_name: str, parent: str | None, parent_slot: SlotDefinition | None) -> None:
        cls = self.view.get_class(class_name)
        source = parent_slot or cls
        table = Table(name, class_name, s.title(source), s.description(cls), parent, parent_slot and parent_slot.name,
                      bool(parent_slot and parent_slot.required))
        self.tables.append(table)
        self.table_of_class.setdefault(class_name, name)
        if parent is not None and parent != ROOT_TABLE:
            parent_class = self.view.get_class(base_class(self.view, next(t.class_name for t in self.tables if t.name == parent)))
            column = f"{re.sub(r'(?<!^)(?=[A-Z])', '_', parent_class.name).lower()}_id"
            table.fields.append(self._parent_field(column, parent_class))
            table.foreign_keys.append({"fields": [column], "reference": {"resource": parent, "fields": ["id"]}})
        children = []
        for slot in self._slots(class_name):
            if self._is_child_table(slot):
                children.append(slot)
            else:
                table.fields.extend(self._fields(table, slot))
        for slot in children:
            self._add_table(slot.name, slot.range, name, slot)

    def _parent_field(self, column: str, parent_class: Any) -> dict[str, Any]:
        names = s.title(parent_class)
        return {
            "name": column,
            "type": "string",
            "title": f"{names['en']} identifier",
            "title_fr": f"Identifiant ({names['fr'].lower()})",
            "description": PARENT_HINT["en"].format(parent=names["en"].lower()),
            "description_fr": PARENT_HINT["fr"].format(parent_fr=names["fr"].lower()),
            "constraints": {"required": True},
            "mcds": {"parent": True},
        }

    def _fields(self, table: Table, slot: SlotDefinition) -> list[dict[str, Any]]:
        if slot.range == TEXT_CLASS:
            return [self._text_field(slot, lang) for lang in ("en", "fr")]
        descriptor = self._describe(slot)
        constraints: dict[str, Any] = {"required": True} if slot.required else {}
        mcds: dict[str, Any] = {"slot": slot.name}
        descriptor["type"] = "string"  # references, codes and lists; a typed column says its own type
        if slot.range in self.view.all_classes():
            item_pattern = self._reference(table, slot, mcds)
        elif slot.range in self.view.all_enums():
            item_pattern = self._coded(slot, mcds, constraints)
        else:
            item_pattern = self._typed(slot, descriptor, mcds, constraints)
        if slot.multivalued:
            self._list(slot, descriptor, mcds, constraints, item_pattern)
        elif item_pattern:
            constraints["pattern"] = item_pattern
        self._keys(table, slot, constraints)
        if constraints:
            descriptor["constraints"] = constraints
        mcds.update(self._lifecycle(slot))
        rule = s.annotation(slot, "profile_rule")
        if rule:
            mcds["rule"] = {"en": rule, "fr": s.annotation(slot, "profile_rule_fr") or rule}
        descriptor["mcds"] = mcds
        return [descriptor]

    def _reference(self, table: Table, slot: SlotDefinition, mcds: dict[str, Any]) -> str | None:
        """A column that names a row of another table: its foreign key, and the pattern of an identifier."""
        target = slot.range
        identifier = self._identifier(target)
        mcds["reference"] = target
        if not slot.multivalued:
            table.foreign_keys.append(
                {"fields": [slot.name], "reference": {"resource": self._table_for(target), "fields": ["id"]}}
            )
        return full_match(identifier.pattern) if identifier and identifier.pattern else None

    def _coded(self, slot: SlotDefinition, mcds: dict[str, Any], constraints: dict[str, Any]) -> str | None:
        """A column of codes: one code (an enum constraint), or a list whose items are codes (a pattern)."""
        codes = list(self.view.get_enum(slot.range).permissible_values)
        mcds["enum"] = slot.range
        if slot.multivalued:
            return "|".join(re.escape(code) for code in codes)
        constraints["enum"] = codes
        return None

    def _typed(self, slot: SlotDefinition, descriptor: dict[str, Any], mcds: dict[str, Any],
               constraints: dict[str, Any]) -> str | None:
        """A column of a LinkML type: its Table Schema type, bounds and pattern."""
        descriptor["type"], type_pattern = self._base_type(slot.range or "string")
        mcds["range"] = slot.range
        if slot.minimum_value is not None:
            constraints["minimum"] = _number(slot.minimum_value)
        if slot.maximum_value is not None:
            constraints["maximum"] = _number(slot.maximum_value)
        pattern = slot.pattern or type_pattern
        return full_match(pattern) if pattern else None

    @staticmethod
    def _list(slot: SlotDefinition, descriptor: dict[str, Any], mcds: dict[str, Any], constraints: dict[str, Any],
              item_pattern: str | None) -> None:
        """A multivalued slot is one text cell of items separated by LIST_SEPARATOR."""
        descriptor["type"] = "string"
        mcds["separator"] = LIST_SEPARATOR
        descriptor["description"] += " " + LIST_HINT["en"]
        descriptor["description_fr"] += " " + LIST_HINT["fr"]
        if slot.maximum_cardinality:
            mcds["max_items"] = int(slot.maximum_cardinality)
        if item_pattern:
            constraints["pattern"] = list_of(item_pattern, mcds.get("max_items"))

    @staticmethod
    def _keys(table: Table, slot: SlotDefinition, constraints: dict[str, Any]) -> None:
        if slot.identifier:
            constraints["unique"] = True
            table.primary_key = [slot.name]
        if slot.key and table.parent:
            table.primary_key = [table.fields[0]["name"], slot.name]

    def _lifecycle(self, slot: SlotDefinition) -> dict[str, Any]:
        """Deprecation of the column itself and of any of its codes."""
        found: dict[str, Any] = {}
        deprecated = self._deprecation(slot)
        if deprecated:
            found["deprecated"] = deprecated
        if slot.range in self.view.all_enums():
            old_codes = {code: {"reason": str(value.deprecated),
                                "replaced_by": str(value.deprecated_element_has_exact_replacement or "")}
                         for code, value in self.view.get_enum(slot.range).permissible_values.items() if value.deprecated}
            if old_codes:
                found["deprecated_codes"] = old_codes
        return found

    def _text_field(self, slot: SlotDefinition, lang: str) -> dict[str, Any]:
        descriptor = self._describe(slot)
        names = LANGUAGE_NAMES[lang]
        descriptor["name"] = f"{slot.name}_{lang}"
        descriptor["title"] += f" ({names['en']})"
        descriptor["title_fr"] += f" ({names['fr']})"
        descriptor["type"] = "string"
        descriptor["constraints"] = {"pattern": full_match(self.view.induced_slot(lang, TEXT_CLASS).pattern)}
        descriptor["mcds"] = {"slot": slot.name, "lang": lang, **({"required_text": True} if slot.required else {})}
        deprecated = self._deprecation(slot)
        if deprecated:
            descriptor["mcds"]["deprecated"] = deprecated
        return descriptor

    @staticmethod
    def _deprecation(slot: SlotDefinition) -> dict[str, str] | None:
        """Why a field is deprecated and what replaces it, for the validator's warning."""
        if not slot.deprecated:
            return None
        return {"reason": str(slot.deprecated), "replaced_by": str(slot.deprecated_element_has_exact_replacement or "")}

    def _describe(self, slot: SlotDefinition) -> dict[str, Any]:
        names, texts = s.title(slot), s.description(slot)
        descriptor: dict[str, Any] = {
            "name": slot.name,
            "title": names["en"],
            "title_fr": names["fr"],
            "description": texts["en"],
            "description_fr": texts["fr"],
        }
        found = s.examples(slot)
        if found:
            descriptor["example"] = found[0]
        return descriptor

    def _table_for(self, class_name: str) -> str:
        """The table that lists a referenced class: the child table of the root whose range is it or a profile's
        specialization of it."""
        for slot in self._slots(self.root):
            if self._is_child_table(slot) and class_name in self.view.class_ancestors(slot.range):
                return slot.name
        raise ValueError(f"no table lists {class_name}")


def _number(value: Any) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number


def profile(model: TabularModel, name: str | None = None) -> dict[str, Any]:
    """The Frictionless data-package descriptor of a submission (under the profile `name`, if given)."""
    schema = model.view.schema
    resources = []
    for table in model.tables:
        table_schema: dict[str, Any] = {"fields": table.fields, "missingValues": [""]}
        if table.primary_key:
            table_schema["primaryKey"] = table.primary_key
        if table.foreign_keys:
            table_schema["foreignKeys"] = table.foreign_keys
        resource: dict[str, Any] = {
            "name": table.name,
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": table.title["en"],
            "title_fr": table.title["fr"],
            "description": table.description["en"],
            "description_fr": table.description["fr"],
            "mcds": {"class": table.class_name, **({"parent": table.parent, "slot": table.parent_slot} if table.parent else {}),
                     **({"required": True} if table.required else {})},
            "schema": table_schema,
        }
        resources.append(resource)
    root = model.view.get_class(model.root)
    meta: dict[str, Any] = {"standard_version": standard_version(model.view), "list_separator": LIST_SEPARATOR}
    if name:
        meta["profile"] = name
    return {
        "name": f"mcds-submission-{name}" if name else "mcds-submission",
        "title": s.title(schema)["en"],
        "title_fr": s.title(schema)["fr"],
        "description": s.description(root)["en"],
        "description_fr": s.description(root)["fr"],
        "profile": "tabular-data-package",
        "licenses": [{"name": "OGL-Canada-2.0", "path": str(schema.license or s.view().schema.license),
                      "title": "Open Government Licence - Canada"}],
        "mcds": meta,
        "resources": resources,
    }
