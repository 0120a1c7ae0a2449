"""Suggestions for a misspelt name: the closest of the names expected, as a bilingual hint."""

from __future__ import annotations

import difflib


def closest(name: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(name: str, choices: list[str]) -> dict[str, str]:
    match = closest(name, choices)
    if not match:
        return {"en": "", "fr": ""}
    return {"en": f' Did you mean "{match}"?', "fr": f" Vouliez-vous dire « {match} » ?"}
