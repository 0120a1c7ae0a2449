"""Outcome privacy: counts under the report's minimum cell size must be suppressed, and a suppressed cell must
not be recoverable by subtracting its published siblings from the published total."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.standard import model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

METRICS = "OutcomeMetricEnum"


class SmallCellError(McdsCellError):
    entry = entry(
        "small-cell", ERROR, DOMAIN, ("Small count published", "Petit effectif publié"),
        ("Counts below the report's minimum cell size could identify learners and must be suppressed.",
         "Les effectifs inférieurs à la taille minimale de cellule du rapport pourraient identifier des personnes "
         "apprenantes et doivent être supprimés."),
        ("The count {value} is below the minimum cell size {minimum} of report {report}.",
         "L'effectif {value} est inférieur à la taille minimale de cellule {minimum} du rapport {report}."),
        ("Empty the figures and set suppressed to true.", "Videz les chiffres et mettez suppressed à true."))


class RecoverableCellError(McdsCellError):
    entry = entry(
        "recoverable-cell", ERROR, DOMAIN, ("Suppressed cell can be recovered", "Cellule supprimée récupérable"),
        ("When a total is published and only one cell of a complete breakdown is suppressed, the cell equals the total "
         "minus the others: a second cell must be suppressed too.",
         "Lorsqu'un total est publié et qu'une seule cellule d'une ventilation complète est supprimée, la cellule est égale au "
         "total moins les autres : une deuxième cellule doit aussi être supprimée."),
        ("This suppressed {metric} cell ({dimension} = {category}) follows from the total on row {total_row} and "
         "its published siblings.",
         "Cette cellule {metric} supprimée ({dimension} = {category}) se déduit du total de la ligne {total_row} et "
         "des cellules voisines publiées."),
        ("Suppress one more cell of the same breakdown (the next smallest), or suppress the total.",
         "Supprimez une autre cellule de la même ventilation (la plus petite suivante), ou supprimez le total."))


@dataclass
class _Total:
    row_number: int
    suppressed: bool


@attrs.define(kw_only=True, repr=False)
class privacy(McdsCheck):
    type = "mcds-privacy"
    Errors = [SmallCellError, RecoverableCellError]
    tables = ("observations",)
    hidden: dict[tuple, list[Row]] = attrs.field(factory=dict)
    shown: dict[tuple, set[str]] = attrs.field(factory=dict)
    totals: dict[tuple, _Total] = attrs.field(factory=dict)

    def validate_start(self) -> Iterator[Error]:
        # Only suppressed rows are kept (a few per breakdown), so memory stays small on large tables.
        self.hidden, self.shown, self.totals = defaultdict(list), defaultdict(set), {}
        yield from ()

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies() or row["suppressed"] is None and row["metric"] is None:
            return
        report = row["outcome_report_id"] or ""
        minimum = self.index.min_cell_sizes.get(report)
        counted = model.value_annotation(METRICS, row["metric"] or "", "unit") == "count"
        # A figure given as numerator / denominator publishes both counts; a plain count metric publishes value.
        columns = [c for c in ("numerator", "denominator") if row[c] is not None]
        if not columns and counted:
            columns = ["value"] if row["value"] is not None else []
        if minimum is not None and not row["suppressed"]:
            for column in columns:
                if row[column] < minimum:
                    yield cell_error(SmallCellError, row, column, minimum=minimum, report=report)
        if counted:
            key = (report, row["metric"], row["months_after_completion"])
            if not row["dimension"]:
                self.totals[key] = _Total(row.row_number, bool(row["suppressed"]))
            elif row["suppressed"]:
                self.hidden[key + (row["dimension"],)].append(row)
            else:
                self.shown[key + (row["dimension"],)].add(row["category"] or "")

    def validate_end(self) -> Iterator[Error]:
        for key, rows in self.hidden.items():
            total = self.totals.get(key[:3])
            codelist = model.value_annotation("DisaggregationDimensionEnum", key[3], "categories")
            categories = set(model.codes(codelist)) if codelist else set()
            # The cell follows from the total only when every other category of the breakdown is published.
            exhaustive = bool(categories) and self.shown[key] | {rows[0]["category"]} >= categories
            if total is not None and not total.suppressed and len(rows) == 1 and exhaustive:
                row = rows[0]
                yield cell_error(RecoverableCellError, row, "suppressed", metric=row["metric"], dimension=row["dimension"],
                                 category=row["category"], total_row=total.row_number)


CHECKS = [privacy]
