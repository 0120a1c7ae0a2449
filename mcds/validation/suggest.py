"""Suggestions for a misspelt name: the closest of the names expected, as a bilingual hint."""

from __future__ import annotations

import difflib

from mcds.i18n import LANGUAGES, t


def closest(name: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(name: str, choices: list[str]) -> dict[str, str]:
    match = closest(name, choices)
    if not match:
        return {"en": "", "fr": ""}
    return {lang: " " + t("suggest.did_you_mean", lang, name=match) for lang in LANGUAGES}
