"""Suggestions for a misspelt name or code: the closest of the names expected, or the code a provider meant."""

from __future__ import annotations

import difflib
import unicodedata
from functools import cache

from mcds.i18n import LANGUAGES, t
from mcds.standard import model


def closest(name: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(name: str, choices: list[str]) -> dict[str, str]:
    match = closest(name, choices)
    if not match:
        return {"en": "", "fr": ""}
    return {lang: " " + t("suggest.did_you_mean", lang, name=match) for lang in LANGUAGES}


def _folded(text: str) -> str:
    """Text as people mistype it alike: no accents, no case, single spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@cache
def _names(enum: str) -> dict[str, str]:
    """Each code of `enum`, its English label and its French label, as people mistype them -> the code."""
    names: dict[str, str] = {}
    for code in model.codes(enum):
        names.setdefault(_folded(code), code)
        for lang in LANGUAGES:
            names.setdefault(_folded(model.label(enum, code, lang)), code)
    return names


def closest_code(enum: str, value: str) -> str | None:
    """The code of `enum` a provider most likely meant by `value`: the code whose English or French label it is
    ("Manitoba" and "manitoba" mean CA-MB), else the code or label nearest in spelling; None when none is near."""
    names = _names(enum)
    wanted = _folded(value)
    if wanted in names:
        return names[wanted]
    near = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.75)
    return names[near[0]] if near else None

