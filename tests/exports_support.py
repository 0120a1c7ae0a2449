"""What the Open Badges and schema.org export tests add to linked_data_support (the samples, the term lists):
a test of one CURIE, and a check that a JSON-LD processor expands a compact document without dropping a property."""

from __future__ import annotations

from typing import Any

from linked_data_support import SAMPLES, term_lists
from linked_data_support import sample as document

__all__ = ["SAMPLES", "document", "exists", "expanded_without_loss"]


def exists(curie: str) -> bool:
    prefix, _, local = curie.partition(":")
    return local in term_lists().get(prefix, frozenset())


def expanded_without_loss(compact: Any, expanded: Any, iri_of: dict[str, str]) -> list[str]:
    """The compact keys that expansion dropped (an empty list when none): each key of the compact form must
    come back as the IRI the context gives it, at the same place."""
    lost: list[str] = []
    if isinstance(compact, list):
        for item, found in zip([c for c in compact if isinstance(c, dict)],
                               [e for e in expanded if isinstance(e, dict) and "@value" not in e], strict=False):
            lost += expanded_without_loss(item, found, iri_of)
        return lost
    if not isinstance(compact, dict) or "@value" in compact:
        return lost
    for key, value in compact.items():
        if key.startswith("@") or key in ("id", "type"):
            continue
        iri = iri_of[key]
        if iri not in expanded:
            lost.append(key)
            continue
        lost += expanded_without_loss(value if isinstance(value, list) else [value], expanded[iri], iri_of)
    return lost
