"""The dashboard's figures, one function per policy question of the standard, each computed from the published
(validated) catalogue only: every figure can be recomputed from the open data.

A row about microcredentials carries how many it counts (`count`) and, where Find has the matching filter, the
Find address that lists exactly those (`href`, relative to a dashboard page)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from statistics import median
from typing import Any
from urllib.parse import urlencode

from mcds.portal.charts import Chart, Row
from mcds.portal.find import FACETS
from mcds.portal.outcomes import outcome_charts
from mcds.portal.records import Words, domestic_cost, provinces_of
from mcds.portal.views import CatalogueView
from mcds.standard import model

FIND = "../../"  # Find, from a dashboard page (catalogue/statistics/<question>/)
Items = list[tuple[str, dict[str, Any]]]  # (provider, microcredential)


def find_link(facet: str, code: str) -> str:
    """Find filtered on one value: a facet Find offers, or "text" for its keywords."""
    return f"{FIND}?{urlencode({facet: code})}" if facet in FACETS or facet == "text" else ""


def counted(counter: Counter, label: Callable[[str], dict[str, str] | str], facet: str = "") -> list[Row]:  # type: ignore[type-arg]
    """One row per code, largest first: the number of microcredentials with that code."""
    rows = []
    for code, number in sorted(counter.items(), key=lambda item: (-item[1], str(item[0]))):
        found = label(code)
        text, lang = (found["text"], found["lang"]) if isinstance(found, dict) else (found, "")
        rows.append(Row(text, number, lang, str(code), number, find_link(facet, str(code)) if facet else ""))
    return rows


def tally(items: Items, codes: Callable[[str, dict[str, Any]], Iterable[str]]) -> Counter:  # type: ignore[type-arg]
    """How many microcredentials have each code (a microcredential counts once per code)."""
    return Counter(code for provider, mc in items for code in set(codes(provider, mc)))


def enum_label(t: Words, field: str) -> Callable[[str], str]:
    return lambda code: t.label(field, code)


def coded(t: Words, kind: str) -> Callable[[str], dict[str, str]]:
    """A classification code with its official title, in English marked as such where no French one exists."""
    def label(code: str) -> dict[str, str]:
        value = t.coded(kind, code)
        return {"text": f"{code} — {value['title']}", "lang": value["lang"]}
    return label


def items_of(pages: CatalogueView) -> Items:
    return [(s.provider, mc) for s, mc in pages.catalogue.microcredentials()]


# -- Q1 labour market ------------------------------------------------------------------------------------------

def labour_market(pages: CatalogueView, t: Words) -> list[Chart]:
    items = items_of(pages)
    orgs = pages.organizations
    partnered = sum(1 for _, mc in items if mc.get("employer_engagements"))
    share = [Row(t("dash.with_partner"), partnered / len(items), code="yes", count=partnered, extra=[partnered, len(items)]),
             Row(t("dash.without_partner"), (len(items) - partnered) / len(items), code="no", count=len(items) - partnered,
                 extra=[len(items) - partnered, len(items)])] if items else []
    public, other = Counter(), Counter()  # type: Counter, Counter
    for _, mc in items:
        for kind, found in ((True, {r["recognition_type"] for r in mc.get("recognitions", []) if _public(orgs, r)}),
                            (False, {r["recognition_type"] for r in mc.get("recognitions", []) if not _public(orgs, r)})):
            (public if kind else other).update(found)
    return [
        Chart("noc", t("dash.q1.noc"), counted(tally(items, lambda _, mc: mc.get("occupations", [])), coded(t, "noc"), "text"),
              note=t("dash.q1.noc.note"), empty=t("dash.empty")),
        Chart("teer", t("dash.q1.teer"), counted(tally(items, lambda _, mc: {c[1] for c in mc.get("occupations", [])}),
                                                 lambda c: model.label("TeerCategoryEnum", c, t.lang), "teer"),
              empty=t("dash.empty")),
        Chart("naics", t("dash.q1.naics"), counted(tally(items, lambda _, mc: mc.get("industries", [])), coded(t, "naics")),
              empty=t("dash.empty")),
        Chart("partners", t("dash.q1.partners"), share, kind="percent", columns=[t("dash.q6.records"), t("dash.all")],
              empty=t("dash.empty")),
        Chart("roles", t("dash.q1.roles"), counted(tally(items, lambda _, mc: [r for e in mc.get("employer_engagements", [])
                                                                              for r in e["engagement_roles"]]),
                                                   enum_label(t, "engagement_roles")), empty=t("dash.empty")),
        Chart("partner-industries", t("dash.q1.partner_industries"),
              counted(tally(items, lambda _, mc: [model.naics_sector(e["partner_industry"]) for e in mc.get("employer_engagements", [])
                                                  if e.get("partner_industry")]),
                      lambda c: model.label("NaicsSectorEnum", c, t.lang)), empty=t("dash.empty")),
        Chart("recognition-public", t("dash.q1.recognition_public"), counted(public, enum_label(t, "recognition_type")),
              note=t("dash.q1.recognition_public.note"), empty=t("dash.empty.recognition")),
        Chart("recognition-other", t("dash.q1.recognition_other"), counted(other, enum_label(t, "recognition_type")),
              empty=t("dash.empty.recognition")),
    ]


def _public(organizations: dict[str, dict[str, Any]], recognition: dict[str, Any]) -> bool:
    """A public-service employer: a government, or an organization of the public sector."""
    body = organizations.get(recognition["recognized_by"], {})
    return "government" in body.get("organization_types", []) or body.get("sector") == "public"


# -- Q2 equity -------------------------------------------------------------------------------------------------

def equity(pages: CatalogueView, t: Words) -> list[Chart]:
    items = items_of(pages)
    orgs = pages.organizations
    by_province: dict[str, list[float]] = defaultdict(list)
    by_type: dict[str, list[float]] = defaultdict(list)
    for provider, mc in items:
        for province in provinces_of(mc, orgs):
            by_province[province].append(domestic_cost(mc))
        for kind in set(orgs.get(provider, {}).get("organization_types", [])):
            by_type[kind].append(domestic_cost(mc))
    columns = [t("dash.n")]
    return [
        Chart("cost-province", t("dash.q2.cost_province"), _medians(by_province, lambda c: model.label("ProvinceTerritoryEnum", c, t.lang),
                                                                     "province", t), kind="money", columns=columns,
              note=t("dash.q2.cost.note"), empty=t("dash.empty")),
        Chart("cost-provider-type", t("dash.q2.cost_provider_type"),
              _medians(by_type, enum_label(t, "organization_types"), "provider_type", t), kind="money", columns=columns,
              empty=t("dash.empty")),
        *_aid_shares(pages, t, items),
        Chart("aid", t("dash.q2.aid"), counted(tally(items, lambda _, mc: [f["funding_programme"] for f in mc.get("funding_eligibilities", [])
                                                                           if f["eligibility_status"] == "eligible"]),
                                               enum_label(t, "funding_programme"), "funding"), empty=t("dash.empty")),
        Chart("aid-status", t("dash.q2.aid_status"),
              counted(tally(items, lambda _, mc: [f["eligibility_status"] for f in mc.get("funding_eligibilities", [])]),
                      enum_label(t, "eligibility_status")), note=t("dash.q2.aid_status.note"), empty=t("dash.empty")),
        Chart("delivery", t("dash.q2.delivery"), counted(tally(items, lambda _, mc: mc["delivery_modes"]),
                                                         enum_label(t, "delivery_modes"), "delivery"), empty=t("dash.empty")),
        Chart("language", t("dash.q2.language"), counted(tally(items, lambda _, mc: mc["languages"]),
                                                         enum_label(t, "languages"), "language"), empty=t("dash.empty")),
        Chart("accessibility", t("dash.q2.accessibility"), counted(tally(items, lambda _, mc: mc.get("accessibility_supports", [])),
                                                                   enum_label(t, "accessibility_supports")), empty=t("dash.empty")),
        Chart("target-groups", t("dash.q2.target_groups"), counted(tally(items, lambda _, mc: mc.get("target_groups", [])),
                                                                   enum_label(t, "target_groups")), empty=t("dash.empty")),
        *outcome_charts(pages, t),
    ]


def _aid_shares(pages: CatalogueView, t: Words, items: Items) -> list[Chart]:
    """The share of microcredentials eligible for at least one aid programme, by province and by provider type.
    Find's aid filter lists the eligible programmes, any of which may match: with every programme ticked and the
    group's own filter, it lists exactly the eligible microcredentials of the group."""
    orgs = pages.organizations
    eligible = lambda mc: {f["funding_programme"] for f in mc.get("funding_eligibilities", [])  # noqa: E731
                           if f["eligibility_status"] == "eligible"}
    programmes = sorted({p for _, mc in items for p in eligible(mc)})
    groups = {"province": lambda _, mc: provinces_of(mc, orgs),
              "provider_type": lambda provider, _: orgs.get(provider, {}).get("organization_types", [])}
    labels = {"province": lambda code: model.label("ProvinceTerritoryEnum", code, t.lang),
              "provider_type": enum_label(t, "organization_types")}
    charts = []
    for facet, chart_id in (("province", "aid-province"), ("provider_type", "aid-provider-type")):
        totals, found = tally(items, groups[facet]), tally([(p, mc) for p, mc in items if eligible(mc)], groups[facet])
        rows = [Row(labels[facet](code), found[code] / total, code=code, count=found[code], n=total,
                    href=f"{FIND}?{urlencode([(facet, code), *(('funding', p) for p in programmes)])}" if found[code] else "",
                    extra=[found[code], total]) for code, total in totals.items()]
        charts.append(Chart(chart_id, t(f"dash.q2.{chart_id.replace('-', '_')}"),
                            sorted(rows, key=lambda row: (-(row.value or 0), row.label)), kind="percent",
                            columns=[t("dash.q6.with"), t("dash.all")], empty=t("dash.empty")))
    return charts


def _medians(values: dict[str, list[float]], label: Callable[[str], str], facet: str, t: Words) -> list[Row]:
    """The median cost of each group, with how many microcredentials it is the median of."""
    rows = [Row(label(code), median(found), code=code, count=len(found), href=find_link(facet, code),
                extra=[len(found)]) for code, found in values.items()]
    return sorted(rows, key=lambda row: (-(row.value or 0), row.label))


# -- Q3 providers and conditions -------------------------------------------------------------------------------

def providers(pages: CatalogueView, t: Words) -> list[Chart]:
    items = items_of(pages)
    orgs = pages.organizations
    org = lambda provider: orgs.get(provider, {})  # noqa: E731
    return [
        Chart("provider", t("dash.q3.provider"), counted(tally(items, lambda p, _: [p]), lambda p: pages.name(t, p), "provider"),
              empty=t("dash.empty")),
        Chart("provider-type", t("dash.q3.provider_type"), counted(tally(items, lambda p, _: org(p).get("organization_types", [])),
                                                                   enum_label(t, "organization_types"), "provider_type"),
              empty=t("dash.empty")),
        Chart("sector", t("dash.q3.sector"), counted(tally(items, lambda p, _: [org(p)["sector"]] if org(p).get("sector") else []),
                                                     enum_label(t, "sector")), empty=t("dash.empty")),
        Chart("recognition-status", t("dash.q3.recognition_status"),
              counted(tally(items, lambda p, _: [org(p)["recognition_status"]] if org(p).get("recognition_status") else []),
                      enum_label(t, "recognition_status")), empty=t("dash.empty")),
        Chart("quality", t("dash.q3.quality"), counted(tally(items, lambda _, mc: [q["qa_type"] for q in mc["quality_assurances"]]),
                                                       enum_label(t, "qa_type")), empty=t("dash.empty")),
    ]


# -- Q4 frameworks ---------------------------------------------------------------------------------------------

def frameworks(pages: CatalogueView, t: Words) -> list[Chart]:
    items = items_of(pages)
    yes_no = lambda value: t("yes") if value == "yes" else t("no") if value == "no" else t("dash.not_stated")  # noqa: E731
    units: dict[str, list[float]] = defaultdict(list)
    for _, mc in items:
        if mc.get("credit_unit") and mc.get("credit_value") is not None:
            units[mc["credit_unit"]].append(mc["credit_value"])
    credit_rows = [Row(t.label("credit_unit", unit), len(found), code=unit, count=len(found), extra=[sum(found)])
                   for unit, found in sorted(units.items(), key=lambda item: (-len(item[1]), item[0]))]
    return [
        Chart("alignment", t("dash.q4.alignment"),
              counted(tally(items, lambda _, mc: [f"{a['framework']}/{a['conformance']}" for a in mc.get("framework_alignments", [])]),
                      lambda code: t("dash.pair", first=t.label("framework", code.split("/")[0]),
                                     second=t.label("conformance", code.split("/")[1]))), empty=t("dash.empty")),
        Chart("credit", t("dash.q4.credit"), counted(tally(items, lambda _, mc: ["yes" if mc["credit_bearing"] else "no"]), yes_no,
                                                     "credit"), empty=t("dash.empty")),
        Chart("credit-unit", t("dash.q4.credit_unit"), credit_rows, columns=[t("dash.q4.credit_total")], empty=t("dash.empty")),
        Chart("pathways", t("dash.q4.pathways"), counted(tally(items, lambda _, mc: [p["relation"] for p in mc.get("pathways", [])]),
                                                         enum_label(t, "relation")), empty=t("dash.empty")),
        Chart("transcription", t("dash.q4.transcription"),
              counted(tally(items, lambda _, mc: [_yes_no(mc.get("transcripted"))]), yes_no), empty=t("dash.empty")),
        Chart("prior-learning", t("dash.q4.prior_learning"),
              counted(tally(items, lambda _, mc: [_yes_no(mc.get("prior_learning_recognition"))]), yes_no), empty=t("dash.empty")),
    ]


def _yes_no(value: bool | None) -> str:
    return "unknown" if value is None else "yes" if value else "no"


# -- Q5 strategies ---------------------------------------------------------------------------------------------

def strategies(pages: CatalogueView, t: Words) -> list[Chart]:
    items = items_of(pages)
    aligned = lambda mc: mc.get("strategy_alignments", [])  # noqa: E731
    names: dict[str, dict[str, str]] = {}
    for _, mc in items:
        for a in aligned(mc):
            found = t.text(a["strategy_name"]) or {"text": "", "lang": t.lang}
            names.setdefault(found["text"], found)
    region = lambda code: t("dash.q5.region_code", code=code)  # noqa: E731
    return [
        Chart("strategy", t("dash.q5.strategy"), counted(tally(items, lambda _, mc: [(t.text(a["strategy_name"]) or {"text": ""})["text"]
                                                                                    for a in aligned(mc)]), names.__getitem__),
              empty=t("dash.empty.strategies")),
        Chart("strategy-type", t("dash.q5.strategy_type"), counted(tally(items, lambda _, mc: [a["strategy_type"] for a in aligned(mc)]),
                                                                   enum_label(t, "strategy_type")), empty=t("dash.empty.strategies")),
        Chart("strategy-jurisdiction", t("dash.q5.jurisdiction"),
              counted(tally(items, lambda _, mc: [a["strategy_jurisdiction"] for a in aligned(mc) if a.get("strategy_jurisdiction")]),
                      t.jurisdiction), empty=t("dash.empty.strategies")),
        Chart("priority-sector", t("dash.q5.sector"),
              counted(tally(items, lambda _, mc: [s for a in aligned(mc) for s in a.get("priority_sectors", [])]), coded(t, "naics")),
              empty=t("dash.empty.strategies")),
        Chart("economic-region", t("dash.q5.region"),
              counted(tally(items, lambda _, mc: [r for a in aligned(mc) for r in a.get("economic_regions", [])]), region),
              note=t("dash.q5.region.note"), empty=t("dash.empty.strategies")),
        Chart("evidence", t("dash.q5.evidence"),
              counted(tally(items, lambda _, mc: [e["evidence_type"] for e in mc.get("labour_market_evidence_items", [])]),
                      enum_label(t, "evidence_type")), empty=t("dash.empty.evidence")),
    ]


# -- Q6 data coverage ------------------------------------------------------------------------------------------

def coverage(pages: CatalogueView, t: Words) -> list[Chart]:
    items = items_of(pages)
    orgs = pages.organizations
    reported = {r.get("subject_microcredential") for _, r in pages.catalogue.outcome_reports()}
    reporting = {r.get("subject_organization") for _, r in pages.catalogue.outcome_reports()}
    totals: Counter = Counter()
    keys: Counter = Counter()
    outcomes: Counter = Counter()
    for provider, mc in items:
        linked = bool(mc.get("institution_program_code")) and any(
            orgs.get(body, {}).get("statcan_institution_code") for body in mc["awarding_bodies"])
        has_report = mc["id"] in reported or provider in reporting
        for province in provinces_of(mc, orgs):
            totals[province] += 1
            keys[province] += linked
            outcomes[province] += has_report
    label = lambda code: model.label("ProvinceTerritoryEnum", code, t.lang)  # noqa: E731
    columns = [t("dash.q6.with"), t("dash.all")]

    def shares(found: Counter) -> list[Row]:  # type: ignore[type-arg]
        rows = [Row(label(code), found[code] / total, code=code, extra=[found[code], total], n=total)
                for code, total in totals.items()]
        return sorted(rows, key=lambda row: (-(row.value or 0), row.label))

    return [
        Chart("linkage", t("dash.q6.linkage"), shares(keys), kind="percent", columns=columns, note=t("dash.q6.linkage.note"),
              empty=t("dash.empty")),
        Chart("outcome-reports", t("dash.q6.outcomes"), shares(outcomes), kind="percent", columns=columns,
              note=t("dash.q6.outcomes.note"), empty=t("dash.empty")),
    ]
