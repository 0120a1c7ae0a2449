"""What every export shares: the mapping report, the export itself, and the compiled standard read as a
crosswalk (the target term of a field, the concept a code stands for), so that exports and the portal's
crosswalk page take their terms from one place.

An exporter reads the JSON form of a valid submission and never touches files or the network."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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

    def use(self, path: str, term: str) -> None:
        if (path, term) not in self.used:
            self.used.append((path, term))

    def leave(self, path: str, reason: str) -> None:
        if (path, reason) not in self.left_out:
            self.left_out.append((path, reason))

    def account(self, cls: str, obj: dict[str, Any], unmapped: str) -> None:
        """Report, with the reason `unmapped`, every field of `obj` (nested objects included) that holds a value
        and that no step has reported yet: none is dropped silently."""
        seen = {path for path, _ in self.used} | {path for path, _ in self.left_out}
        for path in fields(cls, obj):
            if path not in seen:
                self.leave(path, unmapped)
                seen.add(path)

    def sorted(self) -> MappingReport:
        return MappingReport(sorted(self.used), sorted(self.left_out))


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
        if target in ranges and target != "LocalizedText" and all(isinstance(item, dict) for item in items):
            for item in items:
                yield from fields(target, item)
        else:
            yield f"{cls}.{name}"


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
