"""Strategy alignments, labour-market evidence and recognitions: what their tables can get wrong that the schema
cannot see. Economic regions must lie in the strategy's province or territory; a strategy needs a jurisdiction
or a government to be counted under (Q5); alignments, evidence and recognitions are facts already established,
so their dates cannot follow the submission's last update; and public-service staffing is recognition by a
government."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.standard import model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR, WARNING

PROVINCES = "ProvinceTerritoryEnum"
ASSERTED_DATES = {
    "strategy_alignments": "alignment_date",
    "labour_market_evidence_items": "evidence_date",
    "recognitions": "recognition_date",
}
GOVERNMENT = "government"


class RegionOutsideJurisdictionError(McdsCellError):
    entry = entry(
        "region-outside-jurisdiction", ERROR, DOMAIN,
        ("Economic region outside the jurisdiction", "Région économique hors de l'administration"),
        ("The first two digits of an SGC economic region are its province or territory; a provincial or "
         "territorial strategy's regions must lie in that province or territory.",
         "Les deux premiers chiffres d'une région économique de la CGT désignent sa province ou son territoire; "
         "les régions d'une stratégie provinciale ou territoriale doivent se trouver dans cette province ou ce "
         "territoire."),
        ('Economic region "{item}" is not in {jurisdiction}, whose regions start with {prefix}.',
         "La région économique « {item} » n'est pas en {jurisdiction}, dont les régions commencent par {prefix}."),
        ("Check the region code against SGC 2021, or correct the strategy's jurisdiction.",
         "Vérifiez le code de région dans la CGT 2021, ou corrigez l'administration de la stratégie."))


class StrategyWithoutGovernmentError(McdsCellError):
    entry = entry(
        "strategy-without-government", ERROR, DOMAIN,
        ("Strategy of no stated government", "Stratégie sans gouvernement indiqué"),
        ("A strategy alignment must say whose strategy it is: a jurisdiction code (CA or a province or "
         "territory) or, for an Indigenous government, the government among the submission's organizations.",
         "Un alignement sur une stratégie doit dire à qui appartient la stratégie : un code d'administration (CA "
         "ou une province ou un territoire) ou, pour un gouvernement autochtone, le gouvernement parmi les "
         "organisations de la soumission."),
        ("Neither strategy_jurisdiction nor strategy_government is given.",
         "Ni strategy_jurisdiction ni strategy_government n'est indiqué."),
        ("Give the jurisdiction code, or add the government to organizations and name it in strategy_government.",
         "Indiquez le code d'administration, ou ajoutez le gouvernement aux organisations et nommez-le dans "
         "strategy_government."))


class DateAfterUpdateError(McdsCellError):
    entry = entry(
        "date-after-update", ERROR, DOMAIN,
        ("Date after the last update", "Date postérieure à la dernière mise à jour"),
        ("An alignment, a piece of evidence or a recognition is a fact the submission reports; its date cannot be "
         "later than the submission's last update (or than today, when the submission gives no last update).",
         "Un alignement, une preuve ou une reconnaissance est un fait que rapporte la soumission; sa date ne peut "
         "pas suivre la dernière mise à jour de la soumission (ni aujourd'hui, lorsque la soumission n'indique pas "
         "de dernière mise à jour)."),
        ("{column} {value} is after {updated}.", "{column} {value} suit {updated}."),
        ("Give the date on which it was asserted, published or took effect; report a future one once it has "
         "happened.",
         "Indiquez la date à laquelle il a été affirmé, publié ou est entré en vigueur; déclarez un fait à venir "
         "une fois qu'il s'est produit."))


class StaffingNotByGovernmentWarning(McdsCellError):
    entry = entry(
        "staffing-not-by-government", WARNING, DOMAIN,
        ("Public-service staffing by a non-government", "Dotation dans la fonction publique par un non-gouvernement"),
        ("Recognition in public-service staffing is given by a government acting as employer; the recognizing "
         "organization is expected to have the organization type government.",
         "La reconnaissance dans la dotation de la fonction publique est accordée par un gouvernement agissant "
         "comme employeur; l'organisation qui reconnaît devrait avoir le type d'organisation government."),
        ('"{value}" recognizes public-service staffing but is not typed as a government.',
         "« {value} » reconnaît la dotation dans la fonction publique mais n'a pas le type government."),
        ("Add government to the organization's types, or choose another recognition type.",
         "Ajoutez government aux types de l'organisation, ou choisissez un autre type de reconnaissance."))


@attrs.define(kw_only=True, repr=False)
class alignment(McdsCheck):
    type = "mcds-alignment"
    Errors = [RegionOutsideJurisdictionError, StrategyWithoutGovernmentError, DateAfterUpdateError,
              StaffingNotByGovernmentWarning]
    tables = tuple(ASSERTED_DATES)

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies():  # Frictionless' own row machinery calls every check on every table
            return
        column = ASSERTED_DATES[self.table]
        updated = self.index.last_updated or datetime.date.today().isoformat()
        if isinstance(row[column], datetime.date) and row[column].isoformat() > updated:
            yield cell_error(DateAfterUpdateError, row, column, updated=updated)
        if self.table == "strategy_alignments":
            yield from self._strategy(row)
        elif self.table == "recognitions":
            yield from self._recognition(row)

    def _strategy(self, row: Row) -> Iterator[Error]:
        jurisdiction, regions = row["strategy_jurisdiction"], row["economic_regions"]
        if not jurisdiction and not row["strategy_government"]:
            yield cell_error(StrategyWithoutGovernmentError, row, "strategy_government")
        prefix = model.value_annotation(PROVINCES, jurisdiction, "sgc_code") if isinstance(jurisdiction, str) else None
        if prefix and isinstance(regions, str):
            for item in regions.split("|"):
                if item[:2] != prefix:
                    yield cell_error(RegionOutsideJurisdictionError, row, "economic_regions", item=item,
                                     jurisdiction=jurisdiction, prefix=prefix)

    def _recognition(self, row: Row) -> Iterator[Error]:
        recognizer = row["recognized_by"]
        if row["recognition_type"] == "public_service_staffing" and recognizer in self.index.organization_types \
                and GOVERNMENT not in self.index.organization_types[recognizer]:
            yield cell_error(StaffingNotByGovernmentWarning, row, "recognized_by")


CHECKS = [alignment]
