"""Deprecated elements: a submission that still fills a deprecated field or uses a deprecated code is warned,
with the replacement, so that providers move before the element is removed in a later release."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.i18n import both
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import WARNING


class DeprecatedElementWarning(McdsCellError):
    entry = entry(
        "deprecated-element", WARNING, DOMAIN, ("Deprecated element", "Élément déprécié"),
        ("A deprecated field or code still works, but a later release will remove it.",
         "Un champ ou un code déprécié fonctionne encore, mais une version ultérieure le retirera."),
        ('"{item}" is deprecated: {reason}.', "« {item} » est déprécié : {reason}."),
        ("Use {replacement} instead.", "Utilisez plutôt {replacement}."))


@attrs.define(kw_only=True, repr=False)
class deprecated(McdsCheck):
    type = "mcds-deprecated"
    Errors = [DeprecatedElementWarning]
    marked: list[dict] = attrs.field(factory=list)

    def prepare(self) -> None:
        self.marked = [f for f in self.fields() if "deprecated" in f["mcds"] or f["mcds"].get("deprecated_codes")]

    def relevant(self) -> bool:
        return bool(self.marked)

    def validate_row(self, row: Row) -> Iterator[Error]:
        for field in self.marked:
            value = row.get(field["name"])
            if value in (None, ""):
                continue
            meta = field["mcds"]
            notes = [(field["name"], meta["deprecated"])] if "deprecated" in meta else []
            old_codes = meta.get("deprecated_codes", {})
            items = str(value).split(meta["separator"]) if "separator" in meta else [str(value)]
            notes += [(item, old_codes[item]) for item in items if item in old_codes]
            for item, note in notes:
                yield cell_error(DeprecatedElementWarning, row, field["name"], item=item, reason=note["reason"],
                                 replacement=_replacement(note["replaced_by"]))


def _replacement(name: str) -> dict[str, str]:
    return both("quote.item", item=name) if name else both("deprecated.its_replacement")


CHECKS = [deprecated]
