"""Suggestions for a misspelt name or code: the closest of the names expected, or the code a provider meant."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from mcds.i18n import LANGUAGES, t
from mcds.standard import model

# At most this many codes are suggested for one value: more would be the code list again.
MOST_SUGGESTED = 3
# Characters that look like nothing, or like a plain space, in a spreadsheet cell.
INVISIBLE = {"\u00a0": "nbsp", "\u202f": "nbsp", "\u2007": "nbsp", "\u200b": "zero_width", "\ufeff": "zero_width",
             "\t": "tab"}


def closest(name: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(name: str, choices: list[str]) -> dict[str, str]:
    match = closest(name, choices)
    if not match:
        return {"en": "", "fr": ""}
    return {lang: " " + t("suggest.did_you_mean", lang, name=match) for lang in LANGUAGES}


def _folded(text: str) -> str:
    """Text as people mistype it alike: no accents, no case, single spaces, "_" and "-" read as spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("_", " ").split())


@cache
def _names(enum: str) -> dict[str, str]:
    """Each code of `enum`, its English label and its French label, as people mistype them -> the code."""
    names: dict[str, str] = {}
    for code in model.codes(enum):
        names.setdefault(_folded(code), code)
        for lang in LANGUAGES:
            names.setdefault(_folded(model.label(enum, code, lang)), code)
    return names


def closest_codes(enum: str, value: str) -> list[str]:
    """The codes of `enum` a provider most likely meant by `value`, best first, at most MOST_SUGGESTED:
    the code whose code or English or French label it is ("Manitoba" and "manitoba" mean CA-MB); else the
    codes whose label starts with it ("en ligne": both online codes); else the codes or labels nearest in
    spelling. Empty when none is near. The order depends only on the code list and the value."""
    names = _names(enum)
    wanted = _folded(value)
    if not wanted:
        return []
    if wanted in names:
        return [names[wanted]]
    found: list[str] = []
    if len(wanted) >= 3:
        for name, code in names.items():
            if name.startswith(wanted + " ") and code not in found:
                found.append(code)
    if not found:
        for name in difflib.get_close_matches(wanted, list(names), n=MOST_SUGGESTED * 2, cutoff=0.75):
            if names[name] not in found:
                found.append(names[name])
    return found[:MOST_SUGGESTED]


def closest_code(enum: str, value: str) -> str | None:
    """The one code of `enum` a provider most likely meant by `value`, or None when none or several are near."""
    found = closest_codes(enum, value)
    return found[0] if len(found) == 1 else None


def invisible(value: str) -> str | None:
    """The kind of character that makes `value` look right and be wrong: a space at either end ("space"), a
    non-breaking or zero-width space, or a tab; None when it has none."""
    for character, kind in INVISIBLE.items():
        if character in value:
            return kind
    if value != value.strip(" "):
        return "space"
    return None


# Classification codes that a spreadsheet stored as numbers, losing zeros: how to give them back.
ZEROS = {
    "noc": re.compile(r"\d{1,4}"),            # NOC 00012 stored as 12
    "cip": re.compile(r"\d{1,2}(?:\.\d{0,4})?"),  # CIP 01.0601 stored as 1.0601, 52.0300 as 52.03
}


def restored_zeros(kind: str, value: str) -> str | None:
    """The classification code `value` was before a spreadsheet stored it as a number (dropping leading zeros,
    and for CIP trailing ones), when that is what happened; else None."""
    pattern = ZEROS.get(kind)
    if pattern is None or not pattern.fullmatch(value):
        return None
    if kind == "noc":
        restored = value.zfill(5)
    else:
        series, _, rest = value.partition(".")
        restored = f"{series.zfill(2)}.{rest.ljust(4, '0')}"
    return restored if restored != value else None
