"""An entry of the error catalogue: a finding code with its severity, layer and bilingual title, explanation,
message and fix, and the variants of its message. A leaf, so that the checks can define their entries without
importing the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

Text = dict[str, str]
Pair = tuple[str, str]  # (English, French)


@dataclass(frozen=True)
class Variant:
    """One case of a code, named by the finding's `variant` parameter: its own message and fix."""

    message: Text
    fix: Text


@dataclass(frozen=True)
class Entry:
    code: str
    severity: str
    layer: str
    title: Text
    explanation: Text
    message: Text
    fix: Text
    variants: dict[str, Variant] = field(default_factory=dict)


def _text(pair: Pair) -> Text:
    return {"en": pair[0], "fr": pair[1]}


def entry(code: str, severity: str, layer: str, title: Pair, explanation: Pair, message: Pair, fix: Pair,
          variants: dict[str, tuple[Pair, Pair]] | None = None) -> Entry:
    """An entry from (English, French) pairs; `variants` maps a case's name to its (message, fix)."""
    cases = {name: Variant(_text(text), _text(how)) for name, (text, how) in (variants or {}).items()}
    return Entry(code, severity, layer, _text(title), _text(explanation), _text(message), _text(fix), cases)
