"""An entry of the error catalogue: a finding code with its severity, layer and bilingual title, explanation,
message and fix. A leaf, so that the checks can define their entries without importing the catalogue."""

from __future__ import annotations

from dataclasses import dataclass

Text = dict[str, str]


@dataclass(frozen=True)
class Entry:
    code: str
    severity: str
    layer: str
    title: Text
    explanation: Text
    message: Text
    fix: Text


def entry(code: str, severity: str, layer: str, title: tuple[str, str], explanation: tuple[str, str],
          message: tuple[str, str], fix: tuple[str, str]) -> Entry:
    pairs = {"title": title, "explanation": explanation, "message": message, "fix": fix}
    return Entry(code, severity, layer, **{k: {"en": v[0], "fr": v[1]} for k, v in pairs.items()})
