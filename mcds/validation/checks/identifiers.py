"""Characters that make an identifier deceptive: line breaks, control characters, direction marks, zero-width
characters, or a form that Unicode normalization (NFC) would change.

Identifiers name the catalogue's pages and files, and an identifier's pattern does not catch them all (a
pattern ending in `$` accepts a trailing line break, so "college-x" and "college-x" followed by a line break
were two identifiers that look the same). The portal refuses them again when it turns an identifier into a
path (mcds.publish.gate.contained)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
DIRECTION_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
KINDS = {
    "line-break": {"en": "a line break", "fr": "un saut de ligne"},
    "control": {"en": "a control character", "fr": "un caractère de commande"},
    "direction": {"en": "a text-direction mark", "fr": "une marque de sens du texte"},
    "zero-width": {"en": "a zero-width character", "fr": "un caractère sans chasse"},
    "invisible": {"en": "an invisible formatting character", "fr": "un caractère de mise en forme invisible"},
    "not-nfc": {"en": "a character written in decomposed form (not Unicode NFC)",
                "fr": "un caractère écrit sous forme décomposée (pas en Unicode NFC)"},
}


def _kind(character: str) -> str | None:
    """Which kind of deceptive character `character` is (a key of KINDS), or None for a visible one."""
    category = unicodedata.category(character)
    return ("line-break" if character in LINE_BREAKS else "control" if category == "Cc"
            else "direction" if character in DIRECTION_MARKS else "zero-width" if character in ZERO_WIDTH
            else "invisible" if category in ("Cf", "Zl", "Zp") else None)


def flaw(identifier: str) -> tuple[int, str, str] | None:
    """The first deceptive character of `identifier`: (position from 1, code point as U+XXXX, kind), or None."""
    if identifier.isascii() and identifier.isprintable():  # most identifiers: nothing to look for
        return None
    for position, character in enumerate(identifier, start=1):
        kind = _kind(character)
        if kind:
            return position, f"U+{ord(character):04X}", kind
    if not unicodedata.is_normalized("NFC", identifier):
        position = next(i for i, c in enumerate(identifier, start=1) if unicodedata.combining(c)) \
            if any(unicodedata.combining(c) for c in identifier) else 1
        return position, f"U+{ord(identifier[position - 1]):04X}", "not-nfc"
    return None


def shown(identifier: str) -> str:
    """The identifier with its deceptive characters made visible, for a message."""
    return "".join(f"<U+{ord(c):04X}>" if _kind(c) else c for c in identifier)


class UnsafeIdentifierError(McdsCellError):
    entry = entry(
        "unsafe-identifier", ERROR, DOMAIN, ("Hidden character in an identifier", "Caractère caché dans un identifiant"),
        ("Identifiers name the catalogue's pages and files. A line break, control character, text-direction mark, "
         "zero-width character or decomposed accent would let two identifiers look the same, so none is allowed.",
         "Les identifiants nomment les pages et les fichiers du catalogue. Un saut de ligne, un caractère de "
         "commande, une marque de sens du texte, un caractère sans chasse ou un accent décomposé permettrait à "
         "deux identifiants d'avoir la même apparence; aucun n'est donc permis."),
        ('"{shown}" holds {kind} ({character}) at position {position}.',
         "« {shown} » contient {kind} ({character}) en position {position}."),
        ("Type the identifier again with visible characters only: lower-case letters, digits and hyphens.",
         "Retapez l'identifiant avec des caractères visibles seulement : lettres minuscules, chiffres et traits "
         "d'union."))


@attrs.define(kw_only=True, repr=False)
class identifiers(McdsCheck):
    type = "mcds-identifiers"
    Errors = [UnsafeIdentifierError]
    columns: list[str] = attrs.field(factory=list)

    def prepare(self) -> None:
        # Every column that holds an identifier: the table's key, and references to another row.
        keys = set(self.described()["schema"].get("primaryKey", []))
        self.columns = [f["name"] for f in self.fields()
                        if f["name"] in keys or "reference" in f["mcds"] or f["mcds"].get("parent")]

    def relevant(self) -> bool:
        return bool(self.columns)

    def validate_row(self, row: Row) -> Iterator[Error]:
        for name in self.columns:
            value = row.get(name)
            found = flaw(value) if isinstance(value, str) and value else None
            if found is not None:
                position, character, kind = found
                yield cell_error(UnsafeIdentifierError, row, name, shown=shown(value), position=position,
                                 character=character, kind=KINDS[kind])


CHECKS = [identifiers]
