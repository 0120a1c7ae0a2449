"""Text that a spreadsheet would run as a formula (starting with =, +, - or @): flagged so that it is fixed at
the source; the portal neutralizes such values in its CSV and Excel downloads anyway."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import WARNING

TRIGGERS = ("=", "+", "-", "@")


class FormulaLikeWarning(McdsCellError):
    entry = entry(
        "formula-like", WARNING, DOMAIN, ("Text that looks like a formula", "Texte qui ressemble à une formule"),
        ("Text starting with =, +, - or @ is run as a formula when the catalogue is opened in a spreadsheet.",
         "Un texte qui commence par =, +, - ou @ est exécuté comme une formule quand le catalogue est ouvert dans un tableur."),
        ('The text starts with "{start}".', "Le texte commence par « {start} »."),
        ("Reword the start of the text, for example without a leading dash.",
         "Reformulez le début du texte, par exemple sans tiret initial."))


@attrs.define(kw_only=True, repr=False)
class formulas(McdsCheck):
    type = "mcds-formulas"
    Errors = [FormulaLikeWarning]
    text: list[str] = attrs.field(factory=list)

    def prepare(self) -> None:
        self.text = [field["name"] for field in self.fields() if field["type"] == "string"]

    def relevant(self) -> bool:
        return bool(self.text)

    def validate_row(self, row: Row) -> Iterator[Error]:
        for name in self.text:
            value = row.get(name)
            if isinstance(value, str) and value.startswith(TRIGGERS):
                yield cell_error(FormulaLikeWarning, row, name, start=value[0])


CHECKS = [formulas]
