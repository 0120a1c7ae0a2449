"""Observations that make sense: a value unless suppressed, a category with its dimension, an intersection on
two different dimensions, the follow-up month for employment and earnings, and proportions between 0 and 1;
and reports whose constant dollars say which year's dollars they are."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.standard import model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, McdsRowError, cell_error, row_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

METRICS = "OutcomeMetricEnum"


class MissingValueError(McdsRowError):
    entry = entry(
        "missing-value", ERROR, DOMAIN, ("Observation without a value", "Observation sans valeur"),
        ("An observation gives its value (or numerator and denominator), or says it is suppressed.",
         "Une observation donne sa valeur (ou son numérateur et son dénominateur), ou indique qu'elle est supprimée."),
        ("The observation has no value and is not marked as suppressed.",
         "L'observation n'a pas de valeur et n'est pas marquée comme supprimée."),
        ("Fill in value, or set suppressed to true.", "Remplissez value, ou mettez suppressed à true."))


class SuppressedWithValueError(McdsRowError):
    entry = entry(
        "suppressed-with-value", ERROR, DOMAIN, ("Suppressed cell with a value", "Cellule supprimée avec une valeur"),
        ("A suppressed cell must not publish its value, numerator or denominator.",
         "Une cellule supprimée ne doit publier ni sa valeur, ni son numérateur, ni son dénominateur."),
        ("The observation is suppressed but still gives {column}.", "L'observation est supprimée mais donne encore {column}."),
        ("Empty value, numerator and denominator.", "Videz value, numerator et denominator."))


class DimensionCategoryError(McdsRowError):
    entry = entry(
        "dimension-category", ERROR, DOMAIN, ("Dimension and category go together", "La dimension et la catégorie vont ensemble"),
        ("A disaggregated figure names both its dimension and its category; a total names neither.",
         "Un chiffre ventilé nomme sa dimension et sa catégorie; un total ne nomme ni l'une ni l'autre."),
        ("The observation has a {given} but no {missing}.", "L'observation a une {given} mais pas de {missing}."),
        ("Fill in both, or neither for the whole group.", "Remplissez les deux, ou aucune pour l'ensemble du groupe."))


class IntersectionError(McdsCellError):
    entry = entry(
        "intersection", ERROR, DOMAIN, ("Intersection needs two different dimensions",
                                        "Un croisement exige deux dimensions différentes"),
        ("An intersection (for example Indigenous women) crosses a category of the first dimension with a category "
         "of a second, different dimension.",
         "Un croisement (par exemple les femmes autochtones) croise une catégorie de la première dimension avec une "
         "catégorie d'une deuxième dimension, différente."),
        ("The second dimension {dimension_2} is given without a first dimension.",
         "La deuxième dimension {dimension_2} est indiquée sans première dimension."),
        ("Fill in dimension and category first, then dimension_2 and category_2.",
         "Remplissez d'abord dimension et category, puis dimension_2 et category_2."),
        variants={"same": (("The second dimension repeats the first ({dimension_2}).",
                            "La deuxième dimension répète la première ({dimension_2})."),
                           ("Cross two different dimensions, for example indigenous_identity and gender.",
                            "Croisez deux dimensions différentes, par exemple indigenous_identity et gender."))})


class BaseYearMissingError(McdsCellError):
    entry = entry(
        "base-year-missing", ERROR, DOMAIN, ("Constant dollars without a base year",
                                             "Dollars constants sans année de référence"),
        ("Constant-dollar amounts are in the dollars of one base year, which the report must name so that they can be "
         "compared with ELMLP and with other reports.",
         "Les montants en dollars constants sont exprimés en dollars d'une année de référence, que le rapport doit "
         "nommer pour qu'ils puissent être comparés à la PLEMT et aux autres rapports."),
        ("The report is in constant dollars but gives no dollar_base_year.",
         "Le rapport est en dollars constants mais n'indique pas de dollar_base_year."),
        ("Fill in dollar_base_year, for example 2022.", "Remplissez dollar_base_year, par exemple 2022."))


class MonthsMissingError(McdsCellError):
    entry = entry(
        "months-missing", ERROR, DOMAIN, ("Follow-up month missing", "Mois de suivi manquant"),
        ("Employment, earnings and further-study figures are measured a number of months after completion.",
         "Les chiffres d'emploi, de revenus et de poursuite des études sont mesurés un certain nombre de mois après la réussite."),
        ("The metric {metric} needs months_after_completion.", "L'indicateur {metric} exige months_after_completion."),
        ("Give the number of months, for example 6.", "Indiquez le nombre de mois, par exemple 6."))


class ProportionError(McdsCellError):
    entry = entry(
        "proportion-range", ERROR, DOMAIN, ("Impossible proportion", "Proportion impossible"),
        ("A proportion lies between 0 and 1, and its numerator cannot exceed its denominator.",
         "Une proportion se situe entre 0 et 1, et son numérateur ne peut pas dépasser son dénominateur."),
        ("{value} is not a proportion between 0 and 1 (or the numerator exceeds the denominator).",
         "{value} n'est pas une proportion entre 0 et 1 (ou le numérateur dépasse le dénominateur)."),
        ("Write 0.85 for 85 %.", "Écrivez 0.85 pour 85 %."))


@attrs.define(kw_only=True, repr=False)
class observations(McdsCheck):
    type = "mcds-observations"
    Errors = [MissingValueError, SuppressedWithValueError, DimensionCategoryError, IntersectionError, BaseYearMissingError,
              MonthsMissingError, ProportionError]
    tables = ("observations", "outcome_reports")

    def validate_row(self, row: Row) -> Iterator[Error]:
        if self.table == "outcome_reports":
            if row.get("dollar_basis") == "constant_dollars" and row.get("dollar_base_year") is None:
                yield cell_error(BaseYearMissingError, row, "dollar_base_year")
            return
        if not self.applies():
            return
        # Population and respondents are published counts too: a suppressed cell gives neither.
        figures = [c for c in ("value", "numerator", "denominator", "population", "respondents") if row.get(c) is not None]
        if row["suppressed"]:
            for column in figures:
                yield row_error(SuppressedWithValueError, row, column=column)
        elif not figures:
            yield row_error(MissingValueError, row)
        yield from self._breakdown(row)
        metric = row["metric"]
        if model.is_code(METRICS, metric):
            if model.value_annotation(METRICS, metric, "follow_up") == "true" and row["months_after_completion"] is None:
                yield cell_error(MonthsMissingError, row, "months_after_completion", metric=metric)
            value, top, bottom = row["value"], row["numerator"], row["denominator"]
            if model.value_annotation(METRICS, metric, "unit") == "proportion" or bottom is not None:
                if (value is not None and value > 1) or (top is not None and bottom is not None and top > bottom):
                    yield cell_error(ProportionError, row, "value" if value is not None else "numerator")

    def _breakdown(self, row: Row) -> Iterator[Error]:
        for dimension, category in (("dimension", "category"), ("dimension_2", "category_2")):
            if bool(row.get(dimension)) != bool(row.get(category)):
                given, missing = (dimension, category) if row.get(dimension) else (category, dimension)
                yield row_error(DimensionCategoryError, row, given=given, missing=missing)
        if row.get("dimension_2"):
            if not row["dimension"]:
                yield cell_error(IntersectionError, row, "dimension_2", dimension_2=row["dimension_2"])
            elif row["dimension_2"] == row["dimension"]:
                yield cell_error(IntersectionError, row, "dimension_2", variant="same", dimension_2=row["dimension_2"])


CHECKS = [observations]
