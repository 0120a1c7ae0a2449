"""The statistics page: what the catalogue holds, as accessible charts (inline SVG with a text alternative)
each followed by its data table."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from mcds.portal.find import COST_BUCKETS, bucket
from mcds.portal.records import Words, domestic_cost, provinces_of
from mcds.portal.views import CatalogueView
from mcds.portal.words import word
from mcds.standard import model
from mcds.util.templates import environment

BAR, GAP, LABEL_WIDTH, CHART_WIDTH = 22, 6, 260, 640
TEXT_FIELDS = ("title", "description", "entry_requirements", "labour_market_evidence")
HOUR_BUCKETS = [("under_20", 0, 19.99), ("20_49", 20, 49.99), ("50_99", 50, 99.99), ("100_plus", 100, float("inf"))]


def chart(identifier: str, title: str, rows: list[tuple[str, float]], t: Words, unit: str = "", percent: bool = False) -> str:
    """A horizontal bar chart with its title and description for assistive technology, then its data table."""
    height = max(1, len(rows)) * (BAR + GAP) + GAP
    top = max((value for _, value in rows), default=0) or 1
    shown = [{"label": label, "text": f"{t.number(value * 100)} %" if percent else f"{t.number(value)}{unit}",
              "value": value} for label, value in rows]
    bars = []
    for position, row in enumerate(shown):
        y = GAP + position * (BAR + GAP)
        width = (CHART_WIDTH - LABEL_WIDTH - 80) * row["value"] / top
        bars.append({"label": row["label"][:38], "text": row["text"], "label_x": LABEL_WIDTH - 8, "x": LABEL_WIDTH,
                     "y": y, "text_y": f"{y + BAR * 0.7:.1f}", "width": f"{width:.1f}", "height": BAR,
                     "value_x": f"{LABEL_WIDTH + width + 6:.1f}"})
    return environment("mcds.portal", html=True).get_template("catalogue/chart.html.j2").render(
        id=identifier, title=title, width=CHART_WIDTH, height=height, bars=bars, rows=shown,
        summary="; ".join(f"{row['label']}{t('colon')} {row['text']}" for row in shown),
        column=t("share") if percent else t("count")).rstrip("\n")


def _counted(counter: Counter, label) -> list[tuple[str, float]]:  # type: ignore[type-arg]
    return [(label(code), count) for code, count in sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))]


def _bucketed(values: list[float], buckets: list[tuple[str, float, float]], t: Words, prefix: str) -> list[tuple[str, float]]:
    counts = Counter(bucket(buckets, value) for value in values)
    return [(t(f"{prefix}.{name}"), counts.get(name, 0)) for name, _, _ in buckets]


def bilingual_completeness(pages: CatalogueView) -> dict[str, float]:
    """Share of each provider's texts given in both languages: the text fields of its microcredentials and their
    learning outcomes, and the official title of each classification code they show (a CIP or NAICS code whose
    title exists only in English is shown in English on French pages, so it is not yet bilingual)."""
    french = Words("fr")
    shares = {}
    for submission in pages.catalogue.published:
        both = total = 0
        for mc in submission.document.get("microcredentials", []):
            texts = [mc.get(name) for name in TEXT_FIELDS] + [o.get("statement") for o in mc.get("learning_outcomes", [])]
            for text in filter(None, texts):
                total += 1
                both += bool(text.get("en") and text.get("fr"))
            for kind, code in _codes(mc):
                total += 1
                both += french.coded(kind, code)["lang"] == "fr"
        if total:
            shares[submission.provider] = both / total
    return shares


def _codes(mc: dict[str, Any]) -> list[tuple[str, str]]:
    """The classification codes a record page shows with their titles."""
    found = [("cip", mc["field_of_study"])] if mc.get("field_of_study") else []
    found += [("noc", code) for code in mc.get("occupations", [])] + [("naics", code) for code in mc.get("industries", [])]
    return found + [("naics", e["partner_industry"]) for e in mc.get("employer_engagements", []) if e.get("partner_industry")]


def page(pages: CatalogueView, lang: str) -> str:
    t = Words(lang)
    items = [mc for _, mc in pages.catalogue.microcredentials()]
    label = lambda enum: (lambda code: model.label(enum, code, lang))  # noqa: E731
    provinces = Counter(p for mc in items for p in provinces_of(mc, pages.organizations))
    types = Counter(kind for s, mc in pages.catalogue.microcredentials()
                    for kind in pages.organizations.get(s.provider, {}).get("organization_types", []))
    delivery = Counter(mode for mc in items for mode in mc["delivery_modes"])
    funding = Counter(f["funding_programme"] for mc in items for f in mc.get("funding_eligibilities", [])
                      if f["eligibility_status"] == "eligible")
    enrolments: Counter = Counter()
    for _, report in pages.catalogue.outcome_reports():
        for o in report["observations"]:
            if o["metric"] == "enrolments" and o.get("dimension") and not o.get("dimension_2") and o.get("value") is not None and not o.get("suppressed"):
                key = f"{model.label('DisaggregationDimensionEnum', o['dimension'], lang)}{t('colon')} {model.category_label(o['dimension'], o['category'], lang)}"
                enrolments[key] += o["value"]
    completeness = bilingual_completeness(pages)
    sections = [
        chart("by-province", t("stats.by_province"), _counted(provinces, label("ProvinceTerritoryEnum")), t),
        chart("by-provider-type", t("stats.by_provider_type"), _counted(types, label("OrganizationTypeEnum")), t),
        chart("by-delivery", t("stats.by_delivery"), _counted(delivery, label("DeliveryModeEnum")), t),
        chart("by-cost", t("stats.by_cost"), _bucketed([domestic_cost(mc) for mc in items], COST_BUCKETS, t, "cost"), t),
        chart("by-hours", t("stats.by_hours"), _bucketed([mc["workload_hours"] for mc in items], HOUR_BUCKETS, t, "hours"), t),
        chart("by-funding", t("stats.by_funding"), _counted(funding, label("FundingProgrammeEnum")), t),
        f'<p>{t("stats.bilingual_note")}</p>\n'
        + chart("bilingual", t("stats.bilingual"),
                sorted(((pages.name(t, p)["text"], share) for p, share in completeness.items()), key=lambda r: (-r[1], r[0])),
                t, percent=True),
        f'<p>{t("stats.outcomes_note")}</p>\n'
        + chart("outcomes", t("stats.outcomes"), sorted(enrolments.items()), t),
    ]
    headings = ["stats.by_province", "stats.by_provider_type", "stats.by_delivery", "stats.by_cost", "stats.by_hours",
                "stats.by_funding", "stats.bilingual", "stats.outcomes"]
    body = "\n\n".join(f"## {word(h, lang)}\n\n{section}" for h, section in zip(headings, sections, strict=True))
    summary = t("stats.summary", microcredentials=t.number(len(items)), providers=t.number(len(pages.catalogue.published)))
    return f"""---
title: {json.dumps(word("statistics", lang), ensure_ascii=False)}
description: {json.dumps(word("statistics.description", lang), ensure_ascii=False)}
---

# {word("statistics", lang)}

{summary}

{body}
"""
