"""Outcome privacy. A published figure must not let anyone learn a count smaller than the report's minimum
cell size, however it is combined with the others:

- a count below the minimum must be suppressed, and a suppressed cell must not be recoverable by subtracting
  its published siblings from the published total (for an intersection, the total is the one-dimension cell);
- (P1) a median or a rate rests on at least the minimum number of people: its own population, respondents or
  denominator, or else the report's count for the same cell of the metric it is computed on (the `base`
  annotation of the metric: enrolments behind a completion rate, completions behind median earnings);
- (P2) counts of different metrics for the same cell must not differ by a small number (enrolments minus
  completions minus withdrawals, applicants minus admitted, ...), and a rate must not reveal a small
  numerator, or a small number of people outside it, through the count it is computed on;
- (P3) with random rounding, every published count is a multiple of the report's rounding base.

Differences of zero are allowed: they tell that nobody is in a group, which identifies no one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.standard import model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

METRICS = "OutcomeMetricEnum"
# Counts that are parts of another count of the same cell: the whole minus the parts must not be small.
DIFFERENCES = (
    ("enrolments", ("completions",)),
    ("enrolments", ("withdrawals",)),
    ("enrolments", ("completions", "withdrawals")),
    ("applicants", ("admitted",)),
    ("admitted", ("enrolments",)),
    ("applicants", ("enrolments",)),
)
ROUNDED = ("random_rounding", "minimum_cell_size_and_random_rounding")
COUNT_COLUMNS = ("numerator", "denominator", "population", "respondents")

Cell = tuple  # (report, months, dimension, category, dimension_2, category_2)


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


class MissingBaseError(McdsCellError):
    entry = entry(
        "missing-base", ERROR, DOMAIN, ("Median or rate without its number of people",
                                        "Médiane ou taux sans son nombre de personnes"),
        ("A median or a rate computed on a handful of people can disclose their earnings or their situation, so the "
         "number of people behind it must be known: its population, respondents or denominator, or the report's count "
         "for the same cell.",
         "Une médiane ou un taux calculé sur une poignée de personnes peut révéler leurs revenus ou leur situation : le "
         "nombre de personnes sur lequel il repose doit donc être connu, soit sa population, ses personnes répondantes "
         "ou son dénominateur, soit l'effectif du rapport pour la même cellule."),
        ("This {metric} figure gives no number of people, and report {report} publishes no {base} count for the "
         "same cell.",
         "Ce chiffre {metric} n'indique aucun nombre de personnes, et le rapport {report} ne publie aucun effectif "
         "{base} pour la même cellule."),
        ("Fill in population with the number of people the figure is computed on; if it is below {minimum}, "
         "suppress this cell instead.",
         "Inscrivez dans population le nombre de personnes sur lequel le chiffre est calculé; s'il est inférieur à "
         "{minimum}, supprimez plutôt cette cellule."))


class SmallBaseError(McdsCellError):
    entry = entry(
        "small-base", ERROR, DOMAIN, ("Median or rate on too few people", "Médiane ou taux sur trop peu de personnes"),
        ("A median or a rate is published only when it rests on at least the report's minimum cell size of people.",
         "Une médiane ou un taux n'est publié que s'il repose sur au moins la taille minimale de cellule du rapport."),
        ("This {metric} figure rests on {people} people ({source}), fewer than the minimum cell size {minimum} of "
         "report {report}.",
         "Ce chiffre {metric} repose sur {people} personnes ({source}), moins que la taille minimale de cellule "
         "{minimum} du rapport {report}."),
        ("Suppress this cell: empty its figures and set suppressed to true.",
         "Supprimez cette cellule : videz ses chiffres et mettez suppressed à true."))


class DifferencingError(McdsCellError):
    entry = entry(
        "differencing", ERROR, DOMAIN, ("Small count revealed by subtraction", "Petit effectif révélé par soustraction"),
        ("Two figures published for the same group can reveal a small count by subtraction: 8 enrolments and 7 "
         "completions tell that one learner did not complete, and a rate of 0.875 on 8 enrolments tells the same.",
         "Deux chiffres publiés pour le même groupe peuvent révéler un petit effectif par soustraction : 8 inscriptions "
         "et 7 achèvements révèlent qu'une personne n'a pas terminé, et un taux de 0,875 sur 8 inscriptions aussi."),
        ("{whole} on row {whole_row} minus {parts} ({part_rows}) leaves {difference}, below the minimum cell size "
         "{minimum}.",
         "{whole} à la ligne {whole_row} moins {parts} ({part_rows}) laisse {difference}, moins que la taille "
         "minimale de cellule {minimum}."),
        ("Suppress this {part} cell, or the {whole} cell on row {whole_row}; then check that no total gives the "
         "suppressed cell back.",
         "Supprimez cette cellule {part}, ou la cellule {whole} de la ligne {whole_row}; vérifiez ensuite qu'aucun "
         "total ne permet de retrouver la cellule supprimée."),
        variants={
            "rate": (("This rate of {value} on {people} people ({source}) counts {inside} learners in {metric} and "
                      "{outside} outside it; {difference} is below the minimum cell size {minimum}.",
                      "Ce taux de {value} sur {people} personnes ({source}) compte {inside} personnes dans {metric} et "
                      "{outside} en dehors; {difference} est inférieur à la taille minimale de cellule {minimum}."),
                     ("Suppress this {metric} cell.", "Supprimez cette cellule {metric}.")),
        })


class NotRoundedError(McdsCellError):
    entry = entry(
        "not-rounded", ERROR, DOMAIN, ("Count not rounded to the stated base", "Effectif non arrondi à la base déclarée"),
        ("A report that declares random rounding publishes every count as a multiple of its rounding base; an "
         "unrounded count shows the true figure and undoes the protection.",
         "Un rapport qui déclare un arrondissement aléatoire publie chaque effectif sous forme de multiple de sa base "
         "d'arrondissement; un effectif non arrondi montre le vrai chiffre et annule la protection."),
        ("The count {value} is not a multiple of the rounding base {base} of report {report}.",
         "L'effectif {value} n'est pas un multiple de la base d'arrondissement {base} du rapport {report}."),
        ("Publish the randomly rounded count, a multiple of {base}.",
         "Publiez l'effectif arrondi au hasard, un multiple de {base}."))


class RoundingBaseMissingError(McdsCellError):
    entry = entry(
        "rounding-base-missing", ERROR, DOMAIN, ("Random rounding without its base", "Arrondissement aléatoire sans sa base"),
        ("A report that declares random rounding says which base its counts are rounded to, so that the rounding can "
         "be checked.",
         "Un rapport qui déclare un arrondissement aléatoire indique la base à laquelle ses effectifs sont arrondis, "
         "pour que l'arrondissement puisse être vérifié."),
        ("The report declares {method} but gives no rounding_base.",
         "Le rapport déclare {method} mais n'indique pas de rounding_base."),
        ("Fill in rounding_base, for example 5.", "Remplissez rounding_base, par exemple 5."))


@dataclass
class _Total:
    row_number: int
    suppressed: bool


def _rows(numbers: list[int]) -> dict[str, str]:
    listed = ", ".join(str(number) for number in numbers)
    if len(numbers) == 1:
        return {"en": f"row {listed}", "fr": f"ligne {listed}"}
    return {"en": f"rows {listed}", "fr": f"lignes {listed}"}


def _cell(row: Row, months: bool = True) -> Cell:
    return (row["outcome_report_id"] or "", row["months_after_completion"] if months else None, row["dimension"],
            row["category"], row.get("dimension_2"), row.get("category_2"))


def _breakdowns(row: Row) -> list[tuple[tuple, str]]:
    """The breakdowns a row is a cell of, each as (the cell its total is, the dimension it breaks down by)."""
    first, second = (row["dimension"], row["category"]), (row.get("dimension_2"), row.get("category_2"))
    if not first[0]:
        return []
    if not second[0]:
        return [((), first[0])]
    return [(first, second[0]), (second, first[0])]


def _exhaustive(dimension: str, published: set[str]) -> bool:
    """Whether the published categories (shown or suppressed) cover the whole breakdown. Residual categories
    (not stated, outside Canada) may be left out, and a deprecated category counts for those it was split into."""
    found = model.categories(dimension)
    covered = set(published)
    for code in published:
        if code in found:
            covered.update((model.value_annotation(found[code], code, "split_into") or "").split())
    required = {code for code, codelist in found.items()
                if not model.residual(dimension, code) and not model.deprecated(codelist, code)}
    return bool(required) and covered >= required


@attrs.define(kw_only=True, repr=False)
class privacy(McdsCheck):
    type = "mcds-privacy"
    Errors = [SmallCellError, RecoverableCellError, MissingBaseError, SmallBaseError, DifferencingError,
              NotRoundedError, RoundingBaseMissingError]
    tables = ("observations", "outcome_reports")
    hidden: dict[tuple, list[Row]] = attrs.field(factory=dict)
    shown: dict[tuple, set[str]] = attrs.field(factory=dict)
    totals: dict[tuple, _Total] = attrs.field(factory=dict)
    # Published counts by cell and metric, and the medians and rates to weigh against them at the end.
    counts: dict[Cell, dict[str, tuple[Decimal, Row]]] = attrs.field(factory=dict)
    figures: list[Row] = attrs.field(factory=list)

    def validate_start(self) -> Iterator[Error]:
        self.hidden, self.shown, self.totals, self.counts, self.figures = defaultdict(list), defaultdict(set), {}, \
            defaultdict(dict), []
        yield from ()

    def validate_row(self, row: Row) -> Iterator[Error]:
        if self.table == "outcome_reports":
            method = row.get("disclosure_method")
            if method in ROUNDED and row.get("rounding_base") is None:
                yield cell_error(RoundingBaseMissingError, row, "rounding_base", method=method)
            return
        if not self.applies() or row["suppressed"] is None and row["metric"] is None:
            return
        report = row["outcome_report_id"] or ""
        unit = model.value_annotation(METRICS, row["metric"] or "", "unit")
        if not row["suppressed"]:
            yield from self._published(row, report, unit)
        if unit == "count":
            self._remember(row, report)

    def _published(self, row: Row, report: str, unit: str | None) -> Iterator[Error]:
        minimum = self.index.min_cell_sizes.get(report)
        # A figure given as numerator / denominator publishes both counts; a plain count metric publishes value;
        # population and respondents are counts of people whatever the figure.
        columns = [c for c in ("numerator", "denominator") if row[c] is not None]
        if not columns and unit == "count" and row["value"] is not None:
            columns = ["value"]
        people = [c for c in ("population", "respondents") if row.get(c) is not None]
        if minimum is not None:
            for column in columns + (people if unit == "count" else []):
                if row[column] < minimum:
                    yield cell_error(SmallCellError, row, column, minimum=minimum, report=report)
        yield from self._rounding(row, report, columns + people)
        if unit == "count" and row["value"] is not None and row["denominator"] is None:
            self.counts[_cell(row)][row["metric"]] = (row["value"], row)
        elif unit in ("proportion", "cad") or row["denominator"] is not None:
            self.figures.append(row)

    def _remember(self, row: Row, report: str) -> None:
        """Where a count stands in its breakdowns, to find a suppressed cell that the others give back."""
        key = (report, row["metric"], row["months_after_completion"])
        if not row["dimension"]:
            self.totals[key + ((),)] = _Total(row.row_number, bool(row["suppressed"]))
        elif not row.get("dimension_2"):
            self.totals[key + ((row["dimension"], row["category"]),)] = _Total(row.row_number, bool(row["suppressed"]))
        for parent, dimension in _breakdowns(row):
            own = row["category"] if dimension == row["dimension"] else row.get("category_2")
            if row["suppressed"]:
                self.hidden[key + (parent, dimension)].append(row)
            else:
                self.shown[key + (parent, dimension)].add(own or "")

    def _rounding(self, row: Row, report: str, columns: list[str]) -> Iterator[Error]:
        method, base = self.index.disclosure.get(report, ("", None))
        if method in ROUNDED and base:
            for column in columns:
                if row[column] % base:
                    yield cell_error(NotRoundedError, row, column, base=base, report=report)

    def validate_end(self) -> Iterator[Error]:
        yield from self._recoverable()
        yield from self._bases()
        yield from self._differences()

    def _recoverable(self) -> Iterator[Error]:
        for key, rows in self.hidden.items():
            total = self.totals.get(key[:4])
            row = rows[0]
            dimension = key[4]
            own = "category" if dimension == row["dimension"] else "category_2"
            # The cell follows from the total only when every other category of the breakdown is published.
            if total is not None and not total.suppressed and len(rows) == 1 \
                    and _exhaustive(dimension, self.shown[key] | {row[own]}):
                yield cell_error(RecoverableCellError, row, "suppressed", metric=row["metric"], dimension=dimension,
                                 category=row[own], total_row=total.row_number)

    def _people(self, row: Row) -> tuple[Decimal | None, dict[str, str] | str, str]:
        """How many people a median or rate rests on, where that number was found, and the column to report."""
        given = [(row.get(c), c) for c in ("respondents", "population", "denominator") if row.get(c) is not None]
        if given:
            people, column = min(given)
            return people, column, column
        base = model.value_annotation(METRICS, row["metric"], "base") or ""
        found = self.counts.get(_cell(row, months=False), {}).get(base) or self.counts.get(_cell(row), {}).get(base)
        if found is None:
            return None, base, "population" if "population" in row.field_names else "value"
        number = found[1].row_number
        return found[0], {"en": f"{base}, row {number}", "fr": f"{base}, ligne {number}"}, "value"

    def _bases(self) -> Iterator[Error]:
        for row in self.figures:
            report = row["outcome_report_id"] or ""
            minimum = self.index.min_cell_sizes.get(report)
            if minimum is None:
                continue
            people, source, column = self._people(row)
            if people is None:
                yield cell_error(MissingBaseError, row, column, metric=row["metric"], report=report, base=source,
                                 minimum=minimum)
            elif people < minimum:
                yield cell_error(SmallBaseError, row, column, metric=row["metric"], people=people, source=source,
                                 minimum=minimum, report=report)
            elif model.value_annotation(METRICS, row["metric"], "unit") != "cad" and row["value"] is not None:
                yield from self._rate(row, people, source, minimum)

    def _rate(self, row: Row, people: Decimal, source: dict[str, str] | str, minimum: int) -> Iterator[Error]:
        """A rate on a known number of people tells how many are in it and how many are not. A numerator given in
        its own column is a published count, which the small-cell rule already weighs."""
        inside = row["numerator"] if row["numerator"] is not None else round(row["value"] * people)
        outside = people - inside
        small = [count for count in (outside, None if row["numerator"] is not None else inside)
                 if count is not None and 0 < count < minimum]
        if small:
            yield cell_error(DifferencingError, row, "value", variant="rate", people=people, source=source,
                             inside=inside, outside=outside, metric=row["metric"], difference=small[0], minimum=minimum)

    def _differences(self) -> Iterator[Error]:
        for cell, published in self.counts.items():
            minimum = self.index.min_cell_sizes.get(cell[0])
            if minimum is None:
                continue
            for whole, parts in DIFFERENCES:
                if whole not in published or any(part not in published for part in parts):
                    continue
                difference = published[whole][0] - sum(published[part][0] for part in parts)
                if 0 < difference < minimum:
                    last = published[parts[-1]][1]
                    yield cell_error(DifferencingError, last, "value", whole=whole, whole_row=published[whole][1].row_number,
                                     parts=" + ".join(parts), part=parts[-1], difference=difference, minimum=minimum,
                                     part_rows=_rows([published[part][1].row_number for part in parts]))
                    break  # one leak is enough to make the cell's fix; the next run shows any that remain


CHECKS = [privacy]
