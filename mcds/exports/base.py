"""What every export shares: the mapping report, the export itself, and the compiled standard read as a
crosswalk (the target term of a field, the concept a code stands for), so that exports and the portal's
crosswalk page take their terms from one place.

An exporter reads the JSON form of a valid submission and never touches files or the network."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mcds.exports.terms import iri
from mcds.i18n import LANGUAGES, t
from mcds.standard import model

# The portal's public address when none is given: the address `mcds build --site-url` documents as its example.
# Record pages are <base><lang>/catalogue/<id>/ (mcds.portal.records.record_path).
PORTAL_URL = "https://mcds.example.org/"

# Reasons any exporter may give; each exporter adds its own in its module's REASONS.
REASONS: dict[str, dict[str, str]] = {
    "exports.no_term": {
        "en": "the format has no property for this field",
        "fr": "le format n'a aucune propriété pour ce champ",
    },
    "exports.no_concept": {
        "en": "the format requires a concept from its own vocabulary and this value has none",
        "fr": "le format exige un concept de son propre vocabulaire et cette valeur n'en a aucun",
    },
    "exports.report.heading": {
        "en": "Mapping report ({format}): {used} fields exported, {left} left out",
        "fr": "Rapport de correspondance ({format}) : {used} champs exportés, {left} laissés de côté",
    },
    "exports.report.used": {"en": "Exported:", "fr": "Exportés :"},
    "exports.report.left_out": {"en": "Left out:", "fr": "Laissés de côté :"},
}


@dataclass
class MappingReport:
    """What went where: nothing is dropped silently."""

    used: list[tuple[str, str]] = field(default_factory=list)      # (MCDS field path, target term)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (MCDS field path, reason key)
    # What the two lists hold, for constant-time checks: a national export reports millions of fields.
    _entries: set[tuple[str, str, str]] = field(default_factory=set, repr=False, compare=False)
    _paths: set[str] = field(default_factory=set, repr=False, compare=False)

    def use(self, path: str, term: str) -> None:
        self._add(self.used, "used", path, term)

    def leave(self, path: str, reason: str) -> None:
        self._add(self.left_out, "left_out", path, reason)

    def _add(self, entries: list[tuple[str, str]], kind: str, path: str, value: str) -> None:
        if (kind, path, value) not in self._entries:
            self._entries.add((kind, path, value))
            self._paths.add(path)
            entries.append((path, value))

    def account(self, cls: str, obj: dict[str, Any], unmapped: str) -> None:
        """Report, with the reason `unmapped`, every field of `obj` (nested objects included) that holds a value
        and that no step has reported yet: none is dropped silently."""
        for path in fields(cls, obj):
            if path not in self._paths:
                self.leave(path, unmapped)

    def sorted(self) -> MappingReport:
        ordered = MappingReport()
        for path, term in sorted(self.used):
            ordered.use(path, term)
        for path, reason in sorted(self.left_out):
            ordered.leave(path, reason)
        return ordered


@cache
def _ranges() -> dict[str, dict[str, str]]:
    return {cls["name"]: {slot["name"]: slot["range"] for slot in cls["slots"]} for cls in model.model()["classes"]}


def fields(cls: str, obj: dict[str, Any]) -> set[str]:
    """Every "Class.slot" path that holds a value in `obj`, nested objects included (not references)."""
    ranges = _ranges()
    found: set[str] = set()
    stack = [(cls, obj)]
    while stack:
        cls, obj = stack.pop()
        own = ranges.get(cls, {})
        for name, value in obj.items():
            if value in (None, "", [], {}):
                continue
            target = own.get(name, "")
            items = value if isinstance(value, list) else [value]
            if target in ranges and target != "LocalizedText" and all(isinstance(item, dict) for item in items):
                stack.extend((target, item) for item in items)
            else:
                found.add(f"{cls}.{name}")
    return found


@dataclass
class Export:
    format: str                 # "ctdl" | "ob3" | "elm" | "schemaorg"
    records: dict[str, dict]    # microcredential id -> that record's JSON-LD document
    bulk: dict                  # the whole submission as one JSON-LD document
    report: MappingReport


def language_map(text: dict | None) -> dict | None:
    """{"en": .., "fr": ..} without empty languages, or None when no language has text."""
    if not isinstance(text, dict):
        return None
    kept = {lang: value for lang, value in text.items() if isinstance(value, str) and value.strip()}
    return kept or None


def in_language(text: dict | None, lang: str) -> str | None:
    """The text in `lang`, else in the other language, else None."""
    kept = language_map(text) or {}
    return kept.get(lang) or next((kept[other] for other in LANGUAGES if other in kept), None)


@cache
def meaning(enum: str, code: str) -> str | None:
    """The IRI of the concept a code stands for (its `meaning` in the compiled model), or None."""
    value = next((v for v in model.enum(enum)["values"] if v["code"] == code), None)
    found = (value or {}).get("meaning")
    return iri(found) if found else None


def present(value: Any) -> bool:
    return value not in (None, "", [], {}) and not (isinstance(value, dict) and set(value) <= set(LANGUAGES)
                                                     and language_map(value) is None)


def leave_the_rest(report: MappingReport, record: dict[str, Any], prefix: str, handled: Iterable[str],
                   reason: str = "exports.no_term") -> None:
    """Report every field of `record` that holds a value and was not handled, so that none is dropped silently."""
    done = set(handled)
    for name, value in record.items():
        if name not in done and present(value):
            report.leave(f"{prefix}.{name}", reason)


def render(report: MappingReport, format_name: str, lang: str) -> str:
    """The mapping report as text in `lang`: every field exported with its term, every field left out with why."""
    lines = [t("exports.report.heading", lang, format=format_name, used=len(report.used), left=len(report.left_out)),
             t("exports.report.used", lang)]
    lines += [f"  {path} -> {term}" for path, term in sorted(report.used)]
    lines.append(t("exports.report.left_out", lang))
    lines += [f"  {path}: {t(reason, lang)}" for path, reason in sorted(report.left_out)]
    return "\n".join(lines) + "\n"
