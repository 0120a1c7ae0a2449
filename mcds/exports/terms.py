"""Target terms read from the compiled model, so that the exporters and the crosswalk page cannot disagree.

A slot's term in a vocabulary is its own URI when that URI is in the vocabulary, else its strongest mapping
with the vocabulary's prefix (exact, then close, ...). Structure (which class nests where) is the exporters'."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from mcds.standard import model


@cache
def _classes() -> dict[str, dict[str, Any]]:
    return {cls["name"]: cls for cls in model.model()["classes"]}


def _targets(element: dict[str, Any], prefixes: Iterable[str] | None = None) -> list[str]:
    """The terms an element maps to, strongest first (its own URI, then exact, close, narrow, broad and related
    mappings), kept to `prefixes` when given."""
    found = [element["uri"]] if element.get("uri") else []
    for kind in model.MAPPING_KINDS:
        found += (element.get("mappings") or {}).get(kind, [])
    return _kept(dict.fromkeys(found), prefixes)


def _kept(terms: Iterable[str], prefixes: Iterable[str] | None) -> list[str]:
    """The terms whose prefix is one of `prefixes` (all of them when None), in their order."""
    wanted = set(prefixes) if prefixes is not None else None
    return [term for term in terms if wanted is None or term.partition(":")[0] in wanted]


@cache
def _slot(cls: str, slot: str) -> dict[str, Any]:
    return next(s for s in _classes()[cls]["slots"] if s["name"] == slot)


@cache
def _slot_targets(cls: str, slot: str) -> tuple[str, ...]:
    """Every term a slot maps to, strongest first (read once per slot: an export asks millions of times)."""
    return tuple(_targets(_slot(cls, slot)))


def targets(cls: str, slot: str, prefixes: Iterable[str] | None = None) -> list[str]:
    """The terms a slot maps to, strongest first, kept to `prefixes` when given."""
    return _kept(_slot_targets(cls, slot), prefixes)


def term_for(cls: str, slot: str, offered: Iterable[str]) -> str | None:
    """The strongest target of a slot among the terms a format offers at that place (CURIEs), or None."""
    offered = offered if isinstance(offered, (set, frozenset)) else set(offered)
    return next((term for term in _slot_targets(cls, slot) if term in offered), None)


@cache
def class_term(cls: str, prefix: str, kinds: tuple[str, ...] = model.MAPPING_KINDS) -> str | None:
    """The class's term in the vocabulary of `prefix` (its URI, else its strongest mapping among `kinds`)."""
    return _pick(_classes()[cls], prefix, kinds)


@cache
def slot_term(cls: str, slot: str, prefix: str, kinds: tuple[str, ...] = model.MAPPING_KINDS) -> str | None:
    """The slot's term in the vocabulary of `prefix` (its URI, else its strongest mapping among `kinds`)."""
    return _pick(_slot(cls, slot), prefix, kinds)


def _pick(element: dict[str, Any], prefix: str, kinds: tuple[str, ...]) -> str | None:
    restricted = {**element, "mappings": {kind: (element.get("mappings") or {}).get(kind, []) for kind in kinds}}
    return next(iter(_targets(restricted, [prefix])), None)


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
