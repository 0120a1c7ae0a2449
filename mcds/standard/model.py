"""The compiled standard (schema/generated/mcds.model.json) as the runtime reads it: code lists and labels."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from mcds.standard.paths import GENERATED_DIR

MODEL_FILE = GENERATED_DIR / "mcds.model.json"
# Mapping kinds as LinkML records them (SKOS mapping properties), strongest first.
MAPPING_KINDS = ("exact", "close", "narrow", "broad", "related")


@cache
def model() -> dict[str, Any]:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


@cache
def enum(name: str) -> dict[str, Any]:
    return next(e for e in model()["enums"] if e["name"] == name)


@cache
def _values(name: str) -> dict[str, dict[str, Any]]:
    return {value["code"]: value for value in enum(name)["values"]}


def codes(name: str) -> list[str]:
    return list(_values(name))


def is_code(name: str, code: str) -> bool:
    return code in _values(name)


def value_annotation(enum_name: str, code: str, key: str) -> str | None:
    value = _values(enum_name).get(code)
    return value.get("annotations", {}).get(key) if value else None


def label(enum_name: str, code: str, lang: str) -> str:
    """The title of a code in `lang`, or the code itself when it is unknown."""
    value = _values(enum_name).get(code)
    return (value["title"][lang] or code) if value else code


DIMENSIONS = "DisaggregationDimensionEnum"


@cache
def categories(dimension: str) -> dict[str, str]:
    """The categories of a disaggregation dimension, each with the code list it comes from. A dimension may
    name several code lists (province of residence: the provinces and territories, then outside Canada and
    not stated), so that an official code list is extended without being copied."""
    names = (value_annotation(DIMENSIONS, dimension, "categories") or "").split() if is_code(DIMENSIONS, dimension) else []
    return {code: name for name in names for code in _values(name)}


def category_label(dimension: str, code: str, lang: str) -> str:
    """The title of a category of a dimension in `lang`, or the code itself when it is unknown."""
    enum_name = categories(dimension).get(code)
    return label(enum_name, code, lang) if enum_name else code


def deprecated(enum_name: str, code: str) -> bool:
    value = _values(enum_name).get(code)
    return bool(value and value.get("deprecated"))


def residual(dimension: str, code: str) -> bool:
    """Whether a category only collects what the others leave (not stated, outside Canada): a breakdown that
    leaves it out is still complete."""
    enum_name = categories(dimension).get(code)
    return bool(enum_name) and value_annotation(enum_name, code, "residual") == "true"


NAICS_RANGES = {"31": "31-33", "32": "31-33", "33": "31-33", "44": "44-45", "45": "44-45", "48": "48-49", "49": "48-49"}


def naics_sector(code: str) -> str:
    """The NAICS 2022 sector a code belongs to (some sectors are ranges, such as 31-33)."""
    return code if "-" in code else NAICS_RANGES.get(code[:2], code[:2])
