"""Bilingual completeness: how many of a submission's texts are given in both official languages, and which
are not (record, field, missing language), per provider and nationally.

Which fields are texts is read from the compiled standard, not from a list kept here: a bilingual text is a
slot whose range is a class made of one slot per language (LocalizedText today), wherever it sits, nested
objects included (a learning outcome's statement, a partner's endorsement). A field left out altogether is
not counted: it is optional, or validation already refused the submission. A text given in one language only
counts once, as incomplete, with each language it lacks listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mcds.i18n import LANGUAGES
from mcds.standard import model

ROOT_CLASS = "Submission"


@dataclass(frozen=True)
class Gap:
    """One text that lacks a language: the record it belongs to, where in it, and the language missing."""

    record: str  # the identifier of the organization, microcredential or outcome report
    table: str  # the record's kind, as the standard names its class (Microcredential)
    path: str  # where in the record, as dotted slot names with 1-based positions: learning_outcomes[2].statement
    slot: str  # the text's own slot name (statement), whose title the pages show
    missing: str  # the language it lacks: "en" or "fr"


@dataclass
class Completeness:
    """Counts of texts, and the gaps, of one submission or of several added together."""

    texts: int = 0  # texts given in at least one language
    complete: int = 0  # of those, texts given in every language
    gaps: list[Gap] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        """The share of texts given in both languages; None when there is no text to measure."""
        return self.complete / self.texts if self.texts else None

    def missing(self, lang: str) -> int:
        return sum(1 for gap in self.gaps if gap.missing == lang)

    def add(self, other: Completeness) -> None:
        self.texts += other.texts
        self.complete += other.complete
        self.gaps.extend(other.gaps)


@cache
def _classes() -> dict[str, dict[str, Any]]:
    return {cls["name"]: cls for cls in model.model()["classes"]}


@cache
def bilingual_classes() -> frozenset[str]:
    """The classes that hold one text in each official language, and nothing else."""
    return frozenset(name for name, cls in _classes().items()
                     if cls["slots"] and {slot["name"] for slot in cls["slots"]} == set(LANGUAGES))


@cache
def _walk_plan(class_name: str) -> tuple[tuple[str, str, bool], ...]:
    """The slots of a class worth visiting: (slot, "text" or the nested class, multivalued). A reference to
    another record (a class range that is not inlined) is an identifier, not a text."""
    plan = []
    for slot in _classes()[class_name]["slots"]:
        if slot.get("range_kind") != "class":
            continue
        if slot["range"] in bilingual_classes():
            plan.append((slot["name"], "text", bool(slot.get("multivalued"))))
        elif slot.get("inlined"):
            plan.append((slot["name"], slot["range"], bool(slot.get("multivalued"))))
    return tuple(plan)


def text_slots() -> list[tuple[str, str]]:
    """Every (class, slot) of the standard that holds a bilingual text: what completeness measures."""
    return sorted((name, slot) for name in _classes() for slot, kind, _ in _walk_plan(name) if kind == "text")


def _items(value: Any, multivalued: bool) -> Iterator[tuple[str, Any]]:
    if multivalued:
        for position, item in enumerate(value if isinstance(value, list) else [], start=1):
            yield f"[{position}]", item
    elif value is not None:
        yield "", value


def _texts(obj: dict[str, Any], class_name: str, path: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, slot, text) for every bilingual text in `obj`, nested objects included."""
    for slot, kind, multivalued in _walk_plan(class_name):
        for position, value in _items(obj.get(slot), multivalued):
            where = f"{path}.{slot}{position}" if path else f"{slot}{position}"
            if not isinstance(value, dict):
                continue
            if kind == "text":
                yield where, slot, value
            else:
                yield from _texts(value, kind, where)


def measure(document: dict[str, Any]) -> Completeness:
    """The bilingual completeness of one submission in its JSON form (mcds.publish.gate.read_document)."""
    found = Completeness()
    for slot, kind, multivalued in _walk_plan(ROOT_CLASS):
        if kind == "text":
            continue  # the submission itself holds no text today; a record needs an identifier to be listed
        for _, record in _items(document.get(slot), multivalued):
            if not isinstance(record, dict):
                continue
            identifier = str(record.get("id", ""))
            for path, text_slot, text in _texts(record, kind, ""):
                given = [lang for lang in LANGUAGES if str(text.get(lang) or "").strip()]
                if not given:
                    continue
                found.texts += 1
                if len(given) == len(LANGUAGES):
                    found.complete += 1
                found.gaps.extend(Gap(identifier, kind, path, text_slot, lang) for lang in LANGUAGES if lang not in given)
    return found


def national(parts: Iterable[Completeness]) -> Completeness:
    """Several submissions' completeness added together."""
    total = Completeness()
    for part in parts:
        total.add(part)
    return total


GAP_COLUMNS = ("record", "table", "field", "missing_language")


def gap_rows(completeness: Completeness) -> list[dict[str, str]]:
    """The gaps as rows of a download (column names are codes, never translated)."""
    return [{"record": g.record, "table": g.table, "field": g.path, "missing_language": g.missing}
            for g in completeness.gaps]
