"""What every export shares: the mapping report, the export itself, language maps and value meanings.

An exporter reads the JSON form of a valid submission and never touches files or the network."""

from __future__ import annotations

from dataclasses import dataclass, field

from mcds.standard import model


@dataclass
class MappingReport:
    """What went where, so that nothing is dropped silently."""

    used: list[tuple[str, str]] = field(default_factory=list)      # (MCDS field path, target term)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (MCDS field path, reason key)


@dataclass
class Export:
    format: str                 # "ctdl" | "ob3" | "elm" | "schemaorg"
    records: dict[str, dict]    # microcredential id -> that record's JSON-LD document
    bulk: dict                  # the whole submission as one JSON-LD document
    report: MappingReport


def language_map(text: dict | None) -> dict | None:
    """A bilingual text as a language map, without its empty languages; None when nothing is left."""
    kept = {lang: value for lang, value in (text or {}).items() if isinstance(value, str) and value.strip()}
    return kept or None


def meaning(enum: str, code: str) -> str | None:
    """The meaning IRI the compiled model gives a value of a code list, None when it has none."""
    values = {value["code"]: value for value in model.enum(enum)["values"]}
    return values.get(code, {}).get("meaning")
