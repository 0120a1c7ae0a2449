"""Loading the schema and reading its bilingual convention: `title`/`description` in English, the
annotations `title_fr`/`description_fr` in French."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from linkml_runtime import SchemaView

from mcds.standard.paths import SCHEMA_FILE

Bilingual = dict[str, str]


@cache
def view(path: Path = SCHEMA_FILE) -> SchemaView:
    """The schema with its imports, loaded once per process."""
    return SchemaView(str(path), merge_imports=True)


def annotation(element: Any, key: str) -> str | None:
    """The value of an annotation of a schema element, or None."""
    annotations = getattr(element, "annotations", None)
    if not annotations:
        return None
    # Annotations are a dict when read from YAML and a JsonObj when induced by SchemaView.
    found = annotations.get(key) if isinstance(annotations, dict) else getattr(annotations, key, None)
    if found is None:
        return None
    return str(getattr(found, "value", found))


def title(element: Any) -> Bilingual:
    return {"en": element.title or "", "fr": annotation(element, "title_fr") or ""}


def translation_status(element: Any) -> str:
    """The schema's flag on the French of an element ("to_verify"), or "" when it carries none."""
    return annotation(element, "translation_status") or ""


def description(element: Any) -> Bilingual:
    return {
        "en": " ".join((element.description or "").split()),
        "fr": " ".join((annotation(element, "description_fr") or "").split()),
    }


def examples(element: Any) -> list[str]:
    return [str(example.value) for example in (element.examples or []) if example.value is not None]


def version() -> str:
    return str(view().schema.version)
