"""Outcome reports as readers can take them in: one cross-tab per breakdown of a report (all learners, by gender,
by age group...), with the groups as rows and the metrics as columns, rates in % with the number of people they
rest on, the base of each rate and median said in its column heading, suppressed cells shown as suppressed, and
the suppression rule the validator enforces stated under the tables (mcds.validation.checks.privacy)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mcds.portal.records import Words
from mcds.standard import model

METRICS = "OutcomeMetricEnum"
ROUNDED = ("random_rounding", "minimum_cell_size_and_random_rounding")
PEOPLE = ("denominator", "population", "respondents")


def _metric_order(metric: str) -> int:
    codes = model.codes(METRICS)
    return codes.index(metric) if metric in codes else len(codes)


def _column(t: Words, metric: str, months: int | None) -> dict[str, str]:
    """A metric's column: its name, the follow-up it is measured at, and what it is a share or median of."""
    name = t.label("metric", metric)
    if months is not None:
        name = f"{name} ({t('months_after', months=months)})"
    unit = model.value_annotation(METRICS, metric, "unit")
    base = model.value_annotation(METRICS, metric, "base")
    note = ""
    if unit == "proportion":
        note = t("outcomes.share_of", base=t.label("metric", base).lower()) if base else t("outcomes.percent")
    elif unit == "cad" and base:
        note = t("outcomes.median_of", base=t.label("metric", base).lower())
    return {"name": name, "note": note}


def _people(o: dict[str, Any], counts: dict[tuple, dict[str, Any]], key: tuple) -> Any:
    """The number of people a rate or median rests on: its own, else the report's count of its base metric for
    the same cell (as the privacy check reads it)."""
    for column in PEOPLE:
        if o.get(column) is not None:
            return o[column]
    base = model.value_annotation(METRICS, o["metric"], "base")
    return counts.get(key, {}).get(base) if base else None


def _cell(t: Words, o: dict[str, Any], counts: dict[tuple, dict[str, Any]], key: tuple) -> dict[str, Any]:
    if o.get("suppressed"):
        return {"suppressed": True, "text": t("suppressed")}
    unit = model.value_annotation(METRICS, o["metric"], "unit")
    value = o.get("value")
    if unit == "proportion" or (o.get("denominator") and o.get("numerator") is not None and value is None):
        if value is None and o.get("denominator"):
            value = Decimal(str(o["numerator"])) / Decimal(str(o["denominator"]))
        if value is None:
            return {"suppressed": False, "text": ""}
        people = _people(o, counts, key)
        percent = t.number(float(value) * 100, 0) + "\u00a0%"
        return {"suppressed": False, "text": percent,
                "n": t("outcomes.n", n=t.number(people)) if people is not None else ""}
    if unit == "cad":
        people = _people(o, counts, key)
        return {"suppressed": False, "text": t.money(value),
                "n": t("outcomes.n", n=t.number(people)) if people is not None else ""}
    return {"suppressed": False, "text": t.number(value) if value is not None else ""}


def _group(t: Words, o: dict[str, Any]) -> str:
    if not o.get("dimension"):
        return t("outcomes.all")
    label = model.category_label(o["dimension"], o["category"], t.lang) if o.get("category") else ""
    if o.get("dimension_2") and o.get("category_2"):
        label += " × " + model.category_label(o["dimension_2"], o["category_2"], t.lang)
    return label


def report_view(t: Words, report: dict[str, Any]) -> dict[str, Any]:
    """A report as cross-tabs: [{"title", "columns", "rows": [{"group", "cells"}]}], with its rule and base."""
    counts: dict[tuple, dict[str, Any]] = {}
    for o in report["observations"]:
        unit = model.value_annotation(METRICS, o["metric"], "unit")
        if unit == "count" and not o.get("suppressed") and o.get("value") is not None:
            key = (o.get("months_after_completion"), o.get("dimension"), o.get("category"), o.get("dimension_2"),
                   o.get("category_2"))
            counts.setdefault(key, {})[o["metric"]] = o["value"]
    breakdowns: dict[tuple, dict[str, Any]] = {}
    for o in report["observations"]:
        breakdown = breakdowns.setdefault((o.get("dimension") or "", o.get("dimension_2") or ""),
                                          {"columns": {}, "rows": {}})
        column = (_metric_order(o["metric"]), o["metric"], o.get("months_after_completion"))
        breakdown["columns"].setdefault(column, None)
        group = (o.get("category") or "", o.get("category_2") or "")
        row = breakdown["rows"].setdefault(group, {"group": _group(t, o), "cells": {}})
        # The count of the cell a follow-up rate rests on is measured without follow-up months, as the check reads it.
        key = (o.get("months_after_completion"), o.get("dimension"), o.get("category"), o.get("dimension_2"),
               o.get("category_2"))
        cell = _cell(t, o, counts, key)
        if cell.get("n") == "" and o.get("months_after_completion") is not None:
            cell = _cell(t, o, counts, (None, *key[1:]))
        row["cells"][column] = cell
    tables = []
    for (dimension, second), breakdown in sorted(breakdowns.items(), key=lambda item: (item[0][0] != "", item[0])):
        columns = sorted(breakdown["columns"])
        if not dimension:
            title = t("outcomes.all")
        else:
            title = t("outcomes.by", dimension=t.label("dimension", dimension).lower()
                      + (" × " + t.label("dimension", second).lower() if second else ""))
        tables.append({"title": title, "columns": [_column(t, metric, months) for _, metric, months in columns],
                       "rows": [{"group": row["group"], "cells": [row["cells"].get(c) for c in columns]}
                                for row in breakdown["rows"].values()]})
    minimum = report.get("min_cell_size")
    rule = [t("outcomes.rule", minimum=minimum)] if minimum is not None else []
    if report.get("disclosure_method") in ROUNDED and report.get("rounding_base"):
        rule.append(t("outcomes.rounding", base=report["rounding_base"]))
    return {"id": report["id"], "period": f"{report['period_start']} – {report['period_end']}",
            "source": t.label("data_source", report["data_source"]), "tables": tables, "rule": rule,
            "policy": t.text(report.get("suppression_policy")),
            "suppressed": sum(1 for o in report["observations"] if o.get("suppressed"))}
