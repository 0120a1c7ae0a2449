"""The compiled standard (schema/generated/mcds.model.json) as the runtime reads it: code lists and labels."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from mcds.paths import GENERATED_DIR


@cache
def model() -> dict[str, Any]:
    return json.loads((GENERATED_DIR / "mcds.model.json").read_text(encoding="utf-8"))


@cache
def enum(name: str) -> dict[str, Any]:
    return next(e for e in model()["enums"] if e["name"] == name)


def codes(name: str) -> list[str]:
    return [value["code"] for value in enum(name)["values"]]


def value_annotation(enum_name: str, code: str, key: str) -> str | None:
    for value in enum(enum_name)["values"]:
        if value["code"] == code:
            return value.get("annotations", {}).get(key)
    return None


def label(enum_name: str, code: str, lang: str) -> str:
    """The title of a code in `lang`, or the code itself when it is unknown."""
    for value in enum(enum_name)["values"]:
        if value["code"] == code:
            return value["title"][lang] or code
    return code
