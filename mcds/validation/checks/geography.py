"""Geography below the province: an offering's economic region and census subdivision lie in its province or
territory, whose Standard Geographical Classification (SGC) code opens both codes."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.standard import model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

CODES = ("economic_region", "csd_code")


class OutsideProvinceError(McdsCellError):
    entry = entry(
        "outside-province", ERROR, DOMAIN, ("Place outside the province", "Lieu hors de la province"),
        ("An economic region or census subdivision starts with the SGC code of its province or territory, so it must "
         "start with the code of the offering's province.",
         "Une région économique ou une subdivision de recensement commence par le code CGT de sa province ou de son "
         "territoire; elle doit donc commencer par le code de la province de l'offre."),
        ("{value} is not in {province}, whose SGC code is {sgc}.",
         "{value} n'est pas dans la province ou le territoire {province}, dont le code CGT est {sgc}."),
        ("Correct the code, or the province, so that the code starts with {sgc}.",
         "Corrigez le code, ou la province, pour que le code commence par {sgc}."))


@attrs.define(kw_only=True, repr=False)
class geography(McdsCheck):
    type = "mcds-geography"
    Errors = [OutsideProvinceError]
    tables = ("offerings",)

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies():  # Frictionless' own row machinery calls every check on every table
            return
        province = row.get("province")
        sgc = model.value_annotation("ProvinceTerritoryEnum", province, "sgc_code") if isinstance(province, str) else None
        if not sgc:
            return
        for column in CODES:
            value = row.get(column)
            if isinstance(value, str) and value.isdigit() and not value.startswith(sgc):
                yield cell_error(OutsideProvinceError, row, column, province=province, sgc=sgc)


CHECKS = [geography]
