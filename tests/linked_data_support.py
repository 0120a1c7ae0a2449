"""Shared by the tests of the JSON-LD exports: the sample submissions in their JSON form, the vocabularies' term
lists, and a lossless-expansion check with pyld that never fetches a context."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conftest import ROOT, SCHEMA_DIR
from pyld import jsonld

from mcds.publish.gate import read_document, sources
from mcds.standard import model

SAMPLES = sources(ROOT / "datapackages")
VOCABULARIES = SCHEMA_DIR / "vocabularies"


@functools.cache
def sample(path: Path) -> dict[str, Any]:
    """A sample submission's JSON form, read as the publication gate reads a valid one."""
    return read_document(path)


@functools.cache
def term_lists() -> dict[str, frozenset[str]]:
    return {p.stem: frozenset(p.read_text(encoding="utf-8").split()) for p in VOCABULARIES.glob("*.txt")}


def curie_terms(node: Any, language_maps: tuple[str, ...]) -> Iterator[str]:
    """Every CURIE a compact document uses as a property or a type (contexts and language maps aside)."""
    if isinstance(node, list):
        for item in node:
            yield from curie_terms(item, language_maps)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                yield from [value] if isinstance(value, str) else value
            elif not key.startswith("@"):
                yield key
            if key not in ("@type", "@id", "@context") and key not in language_maps:
                yield from curie_terms(value, language_maps)


def unknown_terms(document: dict[str, Any], prefixes: set[str], language_maps: tuple[str, ...]) -> set[str]:
    """The CURIEs the document uses that are not of `prefixes` or that their vocabulary's term list lacks."""
    lists = term_lists()
    found = set()
    for curie in curie_terms(document, language_maps):
        prefix, _, term = curie.partition(":")
        if prefix not in prefixes or term not in lists[prefix]:
            found.add(curie)
    return found


def inline_context(language_maps: tuple[str, ...], *prefix_names: str) -> dict[str, Any]:
    """A context built from the model's prefixes, with the language-tagged properties as language maps."""
    declared = model.model()["prefixes"]
    return {**{name: declared[name] for name in prefix_names},
            **{term: {"@id": term, "@container": "@language"} for term in language_maps}}


def literals(node: Any, under_property: bool = False) -> int:
    """How many literal values a compact document holds (language-map entries counted one by one)."""
    if isinstance(node, list):
        return sum(literals(item, under_property) for item in node)
    if isinstance(node, dict):
        return sum(literals(value, key != "@graph") for key, value in node.items()
                   if key == "@graph" or not key.startswith("@"))
    return 1 if under_property else 0


def values(expanded: Any) -> int:
    """How many value objects an expanded document holds."""
    if isinstance(expanded, list):
        return sum(values(item) for item in expanded)
    if isinstance(expanded, dict):
        return 1 if "@value" in expanded else sum(values(v) for k, v in expanded.items() if k != "@id")
    return 0


def expands_without_loss(document: dict[str, Any], context: dict[str, Any]) -> list[Any]:
    """Expand with `context` (offline) and check that every literal survived, so no property was dropped."""
    offline = {**document, "@context": context}

    def refuse(url: str, options: dict[str, Any] | None = None) -> None:
        raise AssertionError(f"a context was fetched: {url}")

    expanded = jsonld.expand(offline, {"documentLoader": refuse})
    assert values(expanded) == literals({k: v for k, v in document.items() if k != "@context"}), "expansion lost values"
    return expanded


def nodes(document: dict[str, Any], type_: str) -> list[dict[str, Any]]:
    return [node for node in document["@graph"] if node.get("@type") == type_]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every object of a document, nested ones included."""
    if isinstance(node, list):
        for item in node:
            yield from walk(item)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
