"""Plausible effort: the notional workload must fit in the duration, and credits need their unit."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR, WARNING

HOURS_IN_A_WEEK = 168
INTENSIVE = 60


class ImpossibleWorkloadError(McdsCellError):
    entry = entry(
        "impossible-workload", ERROR, DOMAIN, ("Workload longer than the duration", "Charge plus longue que la durée"),
        ("The notional workload cannot exceed every hour of the estimated duration (168 hours a week).",
         "La charge de travail théorique ne peut pas dépasser toutes les heures de la durée estimée (168 heures par semaine)."),
        ("{value} hours do not fit in {weeks} weeks ({per_week} hours a week).",
         "{value} heures ne tiennent pas en {weeks} semaines ({per_week} heures par semaine)."),
        ("Check workload_hours and duration_weeks: one of them is probably in the wrong unit.",
         "Vérifiez workload_hours et duration_weeks : l'une des deux valeurs est probablement dans la mauvaise unité."))


class IntensiveWorkloadWarning(McdsCellError):
    entry = entry(
        "intensive-workload", WARNING, DOMAIN, ("Very intensive workload", "Charge très intensive"),
        ("More than 60 hours a week is rarely realistic for learners.",
         "Plus de 60 heures par semaine est rarement réaliste pour les personnes apprenantes."),
        ("{value} hours in {weeks} weeks is {per_week} hours a week.",
         "{value} heures en {weeks} semaines font {per_week} heures par semaine."),
        ("Check the workload and the duration.", "Vérifiez la charge de travail et la durée."))


class CreditUnitMissingError(McdsCellError):
    entry = entry(
        "credit-unit-missing", ERROR, DOMAIN, ("Credits without a unit", "Crédits sans unité"),
        ("A credit value means nothing without its unit.", "Une valeur en crédits n'a pas de sens sans son unité."),
        ("The credit value {value} has no credit_unit.", "La valeur en crédits {value} n'a pas de credit_unit."),
        ("Choose the unit in credit_unit.", "Choisissez l'unité dans credit_unit."))


@attrs.define(kw_only=True, repr=False)
class plausibility(McdsCheck):
    type = "mcds-plausibility"
    Errors = [ImpossibleWorkloadError, IntensiveWorkloadWarning, CreditUnitMissingError]
    tables = ("microcredentials",)

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies():
            return
        hours, weeks = row["workload_hours"], row["duration_weeks"]
        if hours is not None and isinstance(weeks, int) and weeks > 0:
            per_week = round(float(hours) / weeks, 1)
            if per_week > HOURS_IN_A_WEEK:
                yield cell_error(ImpossibleWorkloadError, row, "workload_hours", weeks=weeks, per_week=per_week)
            elif per_week > INTENSIVE:
                yield cell_error(IntensiveWorkloadWarning, row, "workload_hours", weeks=weeks, per_week=per_week)
        if row["credit_value"] is not None and not row["credit_unit"]:
            yield cell_error(CreditUnitMissingError, row, "credit_value")


CHECKS = [plausibility]
