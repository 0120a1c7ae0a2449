"""What a provider most likely meant by a value that breaks its column's rule, for the message's fix.

Each hint names the cause a spreadsheet user can act on: a code written as its name, in either language, or
misspelt ("Manitoba": CA-MB); several codes separated by commas or semicolons instead of |; spaces or an empty
item around |; an invisible character (a non-breaking space pasted from a web page); zeros a spreadsheet
dropped from a classification code it took for a number (NOC 00012 stored as 12, CIP 01.0601 as 1.0601).
A hint is given only when the value it proposes passes the column's rule, so that it is never a guess that
fails again."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from mcds.i18n import LANGUAGES, both, t
from mcds.standard import model
from mcds.validation.checks.codes import CODE_FIELDS
from mcds.validation.suggest import INVISIBLE, closest_codes, invisible, restored_zeros


def _quoted_list(codes: list[str]) -> dict[str, str]:
    """"A", "B" or "C", in each language."""
    out = {}
    for lang in LANGUAGES:
        quoted = [t("quote.item", lang, item=code) for code in codes]
        out[lang] = quoted[0] if len(quoted) == 1 else t("hint.or", lang, first=", ".join(quoted[:-1]), last=quoted[-1])
    return out


def _cleaned(value: str) -> str:
    for character in INVISIBLE:
        value = value.replace(character, " " if character != "\u200b" and character != "\ufeff" else "")
    return value.strip()


def enum_case(field: dict[str, Any], value: str, codes: dict[str, str]) -> dict[str, Any] | None:
    """The message case of a single code that is not one of the code list's, when a hint applies."""
    enum = field["mcds"].get("enum")
    allowed = field.get("constraints", {}).get("enum") or []
    kind = invisible(value)
    if kind and _cleaned(value) in allowed:
        return {"variant": "invisible", "character": both(f"hint.char.{kind}"), "fixed": _cleaned(value)}
    meant = closest_codes(enum, value) if enum else []
    meant = [code for code in meant if code != value]
    if len(meant) == 1:
        return {"variant": "enum-suggested", "closest": meant[0], **codes}
    if meant:
        return {"variant": "enum-suggested-several", "choices": _quoted_list(meant), **codes}
    return None


def pattern_case(field: dict[str, Any], value: str) -> dict[str, Any] | None:
    """The message case of a single value of the wrong form, when a hint applies."""
    pattern = field.get("constraints", {}).get("pattern")
    if not pattern:
        return None
    rule = re.compile(pattern)
    kind = CODE_FIELDS.get(field.get("name", ""))
    restored = restored_zeros(kind, value) if kind else None
    if restored and rule.fullmatch(restored):
        return {"variant": "zeros", "restored": restored}
    problem = invisible(value)
    if problem and rule.fullmatch(_cleaned(value)):
        return {"variant": "invisible", "character": both(f"hint.char.{problem}"), "fixed": _cleaned(value)}
    plain = _plain(value)
    if plain != value and rule.fullmatch(plain):
        return {"variant": "plain", "fixed": plain}
    return None


def _plain(value: str) -> str:
    """An identifier or code as the standard writes them: lower case, no accents, "-" for spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", value.strip()) if not unicodedata.combining(c))
    return re.sub(r"\s+", "-", folded.lower())


def list_case(field: dict[str, Any], value: str, item: re.Pattern[str]) -> dict[str, Any] | None:
    """The message case of a `|` list with items that break the item rule, when one repair makes it valid:
    spaces or empty items around |, codes written as their names, zeros dropped by a spreadsheet."""
    separator = field["mcds"]["separator"]
    enum = field["mcds"].get("enum")
    kind = CODE_FIELDS.get(field.get("name", ""))
    parts = value.split(separator)
    stripped = [_cleaned(part) for part in parts]
    kept = [part for part in stripped if part]
    repaired, meant, zeros = [], [], []
    for part in kept:
        if item.fullmatch(part):
            repaired.append(part)
            continue
        codes = closest_codes(enum, part) if enum else []
        restored = restored_zeros(kind, part) if kind else None
        if len(codes) == 1 and item.fullmatch(codes[0]):
            repaired.append(codes[0])
            meant.append(codes[0])
        elif restored and item.fullmatch(restored):
            repaired.append(restored)
            zeros.append(part)
        else:
            return None
    if not repaired:
        return None
    fixed = separator.join(repaired)
    if zeros:
        return {"variant": "list-zeros", "items": _quoted_list(zeros), "fixed": fixed}
    if meant:
        return {"variant": "list-suggested", "choices": _quoted_list(meant), "fixed": fixed}
    if len(kept) < len(parts):
        return {"variant": "list-empty-item", "fixed": fixed}
    if stripped != parts:
        return {"variant": "list-spaces", "fixed": fixed}
    return None


def codes_of(field: dict[str, Any]) -> list[str]:
    return model.codes(field["mcds"]["enum"]) if field["mcds"].get("enum") else []
