"""Target terms read from the compiled model, so that the exporters and the crosswalk page cannot disagree.

A slot's term in a vocabulary is its own URI when that URI is in the vocabulary, else its strongest mapping
with the vocabulary's prefix (exact, then close, ...). Structure (which class nests where) is the exporters'."""

from __future__ import annotations

from functools import cache
from typing import Any

from mcds.standard import model

STRENGTH = ("exact", "close", "narrow", "broad", "related")


@cache
def _classes() -> dict[str, dict[str, Any]]:
    return {cls["name"]: cls for cls in model.model()["classes"]}


def _pick(element: dict[str, Any], prefix: str, kinds: tuple[str, ...]) -> str | None:
    if str(element.get("uri", "")).startswith(f"{prefix}:"):
        return element["uri"]
    mappings = element.get("mappings") or {}
    return next((target for kind in kinds for target in mappings.get(kind, []) if target.startswith(f"{prefix}:")), None)


def class_term(cls: str, prefix: str, kinds: tuple[str, ...] = STRENGTH) -> str | None:
    """The class's term in the vocabulary of `prefix`, or None when no mapping names one."""
    return _pick(_classes()[cls], prefix, kinds)


def slot_term(cls: str, slot: str, prefix: str, kinds: tuple[str, ...] = STRENGTH) -> str | None:
    """The slot's term in the vocabulary of `prefix`, or None when no mapping names one."""
    element = next(s for s in _classes()[cls]["slots"] if s["name"] == slot)
    return _pick(element, prefix, kinds)


def iri(reference: str) -> str:
    """A CURIE of the model's prefixes as a full IRI; a full IRI as it is."""
    prefix, _, local = reference.partition(":")
    namespace = model.model()["prefixes"].get(prefix)
    return namespace + local if namespace and not local.startswith("//") else reference


def prefixes(*names: str) -> dict[str, str]:
    """The namespaces of the model's prefixes `names`, for an inline JSON-LD context."""
    known = model.model()["prefixes"]
    return {name: known[name] for name in names}


def curie(reference: str | None) -> str | None:
    """A full IRI in one of the model's namespaces as a CURIE; a CURIE (or None) as it is. `meaning` may give
    either, and a meaning that names a property (a pathway relation, an outcome metric) is written as a key."""
    if reference is None or "://" not in reference:
        return reference
    for name, namespace in sorted(model.model()["prefixes"].items(), key=lambda item: -len(item[1])):
        if reference.startswith(namespace):
            return f"{name}:{reference[len(namespace):]}"
    return reference
