"""The dashboard's outcome figures (question 2): enrolment, completion, employment and earnings by equity group
and by the intersections the reports give, as rates with their denominators.

Reports differ in what they cover, so figures are never summed across groups of different dimensions. A rate
pools the reports that give both of its figures for a group (the sum of numerators over the sum of
denominators); a cell a report suppressed is counted as suppressed, never guessed; a group every report
suppressed is shown as suppressed. Medians cannot be pooled: each report's median earnings is its own bar."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from mcds.portal.charts import Chart, Row
from mcds.portal.records import Words
from mcds.portal.views import CatalogueView
from mcds.standard import model

Cell = tuple[str, str, str, str]  # dimension, category, second dimension, second category


@dataclass
class Pooled:
    numerator: float = 0
    denominator: float = 0
    reports: int = 0
    suppressed: int = 0


def _cells(report: dict[str, Any]) -> dict[tuple[Cell, str, int | None], dict[str, Any]]:
    """(cell, metric, months after completion) -> the observation."""
    found = {}
    for o in report["observations"]:
        cell = (o.get("dimension") or "", o.get("category") or "", o.get("dimension_2") or "", o.get("category_2") or "")
        found[(cell, o["metric"], o.get("months_after_completion"))] = o
    return found


def _value(observation: dict[str, Any] | None) -> float | None:
    if observation is None or observation.get("suppressed") or observation.get("value") is None:
        return None
    return float(observation["value"])


def _suppressed(*observations: dict[str, Any] | None) -> bool:
    return any(o is not None and o.get("suppressed") for o in observations)


def _pool(pages: CatalogueView) -> dict[str, dict[tuple[Cell, int | None], Pooled]]:
    """For each rate (enrolment share, completion, employment at N months), each group's pooled figures."""
    pooled: dict[str, dict[tuple[Cell, int | None], Pooled]] = defaultdict(lambda: defaultdict(Pooled))
    for _, report in pages.catalogue.outcome_reports():
        cells = _cells(report)
        total = _value(cells.get((("", "", "", ""), "enrolments", None)))
        for (cell, metric, months), o in sorted(cells.items(), key=lambda item: str(item[0])):
            if not cell[0]:
                continue
            pairs = []
            if metric == "enrolments" and total:
                pairs.append(("enrolment", None, o, _value(o), total, None))
            given = cells.get((cell, "completion_rate", None))
            if metric == "completion_rate" and o.get("denominator"):
                pairs.append(("completion", None, o, None if o.get("suppressed") else o.get("numerator"), o["denominator"], None))
            elif metric == "completions" and not (given and given.get("denominator")):
                enrolled = cells.get((cell, "enrolments", None))
                pairs.append(("completion", None, o, _value(o), _value(enrolled), enrolled))
            if metric == "employed" and months is not None:
                completed = cells.get((cell, "completions", None))
                pairs.append(("employment", months, o, _value(o), _value(completed), completed))
            for rate, month, first, numerator, denominator, second in pairs:
                group = pooled[rate][(cell, month)]
                if _suppressed(first, second):
                    group.suppressed += 1
                elif numerator is not None and denominator:
                    group.numerator += numerator
                    group.denominator += denominator
                    group.reports += 1
    return pooled


def group_label(t: Words, cell: Cell, months: int | None = None) -> str:
    dimension, category, second, second_category = cell
    text = t("dash.group", dimension=model.label("DisaggregationDimensionEnum", dimension, t.lang),
             category=model.category_label(dimension, category, t.lang))
    if second:
        text = t("dash.intersection", first=text, second=t(
            "dash.group", dimension=model.label("DisaggregationDimensionEnum", second, t.lang),
            category=model.category_label(second, second_category, t.lang)))
    return t("dash.months_after", group=text, months=months) if months is not None else text


def _order(cell: Cell) -> tuple[Any, ...]:
    dimensions = model.codes("DisaggregationDimensionEnum")
    place = lambda dimension: dimensions.index(dimension) if dimension in dimensions else len(dimensions)  # noqa: E731
    category = lambda dimension, code: list(model.categories(dimension)).index(code) if code in model.categories(dimension) else 999  # noqa: E731
    return (bool(cell[2]), place(cell[0]), category(cell[0], cell[1]), place(cell[2]), category(cell[2], cell[3]))


def outcome_charts(pages: CatalogueView, t: Words) -> list[Chart]:
    pooled = _pool(pages)
    columns = [t("dash.numerator"), t("dash.denominator"), t("dash.reports"), t("dash.suppressed_cells")]
    charts = []
    for rate in ("enrolment", "completion", "employment"):
        rows = []
        for (cell, months), group in sorted(pooled.get(rate, {}).items(), key=lambda item: (_order(item[0][0]), item[0][1] or 0)):
            if not group.reports and not group.suppressed:
                continue  # no report gives both figures for this group: nothing to show, nothing hidden
            value = group.numerator / group.denominator if group.denominator else None
            rows.append(Row(group_label(t, cell, months), value, code="|".join(filter(None, cell)) + (f"|{months}" if months else ""),
                            extra=[group.numerator, group.denominator, group.reports, group.suppressed],
                            n=group.denominator or None))
        charts.append(Chart(f"outcome-{rate}", t(f"dash.q2.outcome.{rate}"), rows, kind="percent", columns=columns,
                            note=t(f"dash.q2.outcome.{rate}.note"), empty=t("dash.empty.outcomes"), limit=None))
    charts.append(_earnings(pages, t))
    return charts


def _earnings(pages: CatalogueView, t: Words) -> Chart:
    rows = []
    for _, report in pages.catalogue.outcome_reports():
        subject = report.get("subject_microcredential") or report.get("subject_organization") or ""
        for (cell, metric, months), o in _cells(report).items():
            if metric != "median_earnings" or not cell[0]:
                continue
            rows.append((_order(cell), months or 0, report["id"], Row(
                t("dash.earnings_row", group=group_label(t, cell, months), report=report["id"]), _value(o),
                code=report["id"] + "|" + "|".join(filter(None, cell)), extra=[subject, report.get("period_end", "")])))
    return Chart("outcome-earnings", t("dash.q2.outcome.earnings"), [row for *_, row in sorted(rows, key=lambda r: r[:3])],
                 kind="money", columns=[t("dash.subject"), t("dash.period_end")], note=t("dash.q2.outcome.earnings.note"),
                 empty=t("dash.empty.outcomes"), limit=None)
