"""The fields of a submission's JSON form, as "Class.slot" paths: what an exporter must account for."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from mcds.exports.base import MappingReport
from mcds.standard import model

TEXT = "LocalizedText"


@cache
def _ranges() -> dict[str, dict[str, str]]:
    return {cls["name"]: {slot["name"]: slot["range"] for slot in cls["slots"]} for cls in model.model()["classes"]}


def fields(cls: str, obj: dict[str, Any]) -> Iterator[str]:
    """Every "Class.slot" path that holds a value in `obj`, nested objects included (not references)."""
    ranges = _ranges()
    for name, value in obj.items():
        if value in (None, "", [], {}):
            continue
        target = ranges.get(cls, {}).get(name, "")
        items = value if isinstance(value, list) else [value]
        if target in ranges and target != TEXT and all(isinstance(item, dict) for item in items):
            for item in items:
                yield from fields(target, item)
        else:
            yield f"{cls}.{name}"


class Tracker:
    """Collects what went where; a field no exporter step accounted for is reported with `unmapped`."""

    def __init__(self) -> None:
        self.used: set[tuple[str, str]] = set()
        self.left_out: set[tuple[str, str]] = set()

    def use(self, path: str, term: str) -> None:
        self.used.add((path, term))

    def leave(self, path: str, reason: str) -> None:
        self.left_out.add((path, reason))

    def account(self, cls: str, obj: dict[str, Any], unmapped: str) -> None:
        seen = {path for path, _ in self.used} | {path for path, _ in self.left_out}
        for path in fields(cls, obj):
            if path not in seen:
                self.leave(path, unmapped)
                seen.add(path)

    def report(self) -> MappingReport:
        return MappingReport(sorted(self.used), sorted(self.left_out))
