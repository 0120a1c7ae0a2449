"""The Find page and its compact per-language index.

The index is one JSON document per language, loaded only by the Find page: facet values are listed once and
rows refer to them by position, so that 20,000 microcredentials stay well under a megabyte compressed. The
page works without JavaScript too: it then offers the static browse lists.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from mcds.portal.records import Words, domestic_cost, provinces_of, record_path
from mcds.portal.views import CatalogueView
from mcds.portal.words import word
from mcds.standard import model
from mcds.util.templates import environment

INDEX = "index.json"
# Facets in the order the page shows them: name -> the enum whose labels it uses (None: built from the data).
FACETS: dict[str, str | None] = {
    "province": "ProvinceTerritoryEnum", "provider": None, "provider_type": "OrganizationTypeEnum",
    "delivery": "DeliveryModeEnum", "language": "LanguageEnum", "cost": None, "duration": None, "credit": None,
    "funding": "FundingProgrammeEnum", "noc": "NocBroadCategoryEnum", "occupation": None, "teer": "TeerCategoryEnum",
    "cip": "CipSeriesEnum", "skill": "SkillsForSuccessEnum", "outcomes": None,
}
COST_BUCKETS = [("free", 0, 0), ("under_500", 0.01, 499.99), ("500_1000", 500, 999.99), ("1000_2000", 1000, 1999.99),
                ("2000_plus", 2000, float("inf"))]
# The words of the drawer, chips, empty state and short list (find.js, shortlist.js).
FIND_UX_WORDS = ("skip_results", "results.heading", "drawer.close", "drawer.show", "drawer.show_one", "drawer.show_loading",
                 "chips.label", "chip.remove", "empty.text", "empty.remove", "empty.reset", "shortlist.link",
                 "shortlist.add", "shortlist.full",
                 "shortlist.count")
WEEK_BUCKETS = [("1_4", 1, 4), ("5_8", 5, 8), ("9_12", 9, 12), ("13_plus", 13, 10**6)]


def bucket(buckets: list[tuple[str, float, float]], value: float) -> str:
    return next(name for name, low, high in buckets if low <= value <= high)


def _values(pages: CatalogueView, mc: dict[str, Any], provider: str) -> dict[str, list[str]]:
    organization = pages.organizations.get(provider, {})
    eligible = sorted({f["funding_programme"] for f in mc.get("funding_eligibilities", []) if f["eligibility_status"] == "eligible"})
    return {
        "province": provinces_of(mc, pages.organizations),
        "provider": [provider],
        "provider_type": sorted(organization.get("organization_types", [])),
        "delivery": sorted(mc["delivery_modes"]),
        "language": sorted(mc["languages"]),
        "cost": [bucket(COST_BUCKETS, domestic_cost(mc))],
        "duration": [bucket(WEEK_BUCKETS, mc["duration_weeks"])],
        "credit": ["yes" if mc["credit_bearing"] else "no"],
        "funding": eligible,
        "noc": sorted({code[0] for code in mc.get("occupations", [])}),
        "occupation": sorted(set(mc.get("occupations", []))),
        "teer": sorted({code[1] for code in mc.get("occupations", [])}),
        "cip": [mc["field_of_study"][:2]],
        "skill": sorted(mc.get("skills", [])),
        "outcomes": ["yes" if mc["id"] in pages.reports_of else "no"],
    }


def _label(pages: CatalogueView, t: Words, facet: str, code: str) -> str:
    enum = FACETS[facet]
    if enum:
        return model.label(enum, code, t.lang)
    if facet == "provider":
        return pages.name(t, code)["text"]
    if facet == "cost":
        return t(f"cost.{code}")
    if facet == "duration":
        return t(f"weeks.{code}")
    if facet == "occupation":  # the unit group's official title: jobs, not codes
        return t.noc(code)
    return t(code)


def index(pages: CatalogueView, t: Words) -> dict[str, Any]:
    """The Find index of one language."""
    rows = []
    seen: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    entries = [(s, mc, _values(pages, mc, s.provider)) for s, mc in pages.catalogue.microcredentials()]
    # Rows in about the order find.js sorts titles in (Intl.Collator): its sort then has almost nothing to do
    # while the page starts (a sorted array costs one comparison per row).
    entries.sort(key=lambda entry: (_folded(t.text(entry[1]["title"])["text"]), entry[1]["id"]))
    orders = {facet: sorted({v for _, _, values in entries for v in values[facet]},
                            key=lambda code: _order(pages, t, facet, code)) for facet in FACETS}
    for facet, codes in orders.items():
        seen[facet] = {code: position for position, code in enumerate(codes)}
    for submission, mc, values in entries:
        title = t.text(mc["title"])
        provider = pages.name(t, submission.provider)
        words = [title["text"], provider["text"], t.cip(mc["field_of_study"]), *map(t.noc, mc.get("occupations", [])),
                 *t.labels("skills", mc.get("skills"))]
        rows.append([
            mc["id"], title["text"], title["lang"], domestic_cost(mc), mc["duration_weeks"], mc["workload_hours"],
            " ".join(words).casefold(), [[seen[facet][v] for v in values[facet]] for facet in FACETS],
        ])
    return {
        "version": 1,
        "lang": t.lang,
        "record": record_path("{id}"),
        "facets": [{"name": facet, "title": t(f"facet.{facet}"),
                    "values": [[code, _label(pages, t, facet, code)] for code in orders[facet]]} for facet in FACETS],
        "rows": rows,
    }


def _folded(text: str) -> str:
    """Text as a collator compares it first: without accents or case."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def _order(pages: CatalogueView, t: Words, facet: str, code: str) -> tuple[Any, ...]:
    if facet == "cost":
        return (next(i for i, (name, _, _) in enumerate(COST_BUCKETS) if name == code),)
    if facet == "duration":
        return (next(i for i, (name, _, _) in enumerate(WEEK_BUCKETS) if name == code),)
    if facet in ("provider", "provider_type", "funding", "skill", "delivery"):
        return (_label(pages, t, facet, code).casefold(), code)
    return (code,)


def write_index(pages: CatalogueView, t: Words, path: Path) -> None:
    """The index as compact JSON with each row on a line of its own (whitespace JSON allows): find.js then
    parses the rows a slice at a time, in short tasks, instead of megabytes in one long task that blocks the
    page while it starts."""
    document = index(pages, t)
    rows = document.pop("rows")
    head = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{head[:-1]},"rows":[\n{lines}\n]}}', encoding="utf-8")


def page(pages: CatalogueView, lang: str) -> str:
    """The Find page (Markdown with the search form as HTML) and the browse lists for readers without JavaScript."""
    t = Words(lang)
    browse = pages.browse_lists(t)
    words = {key: word(key, lang) for key in ("search", "search.label", "search.hint", "filters", "clear", "sort",
                                              "sort.title", "sort.cost", "sort.weeks", "sort.hours", "sort.relevance", "more",
                                              "download_results", "results", "results.one", "provider", "facet.cost",
                                              "facet.duration", "facet.province", "hours_weeks", *FIND_UX_WORDS)}
    lists = [(kind, word("browse." + kind, lang), [(path, heading, len(items)) for path, heading, items in browse[kind]])
             for kind in ("province", "provider", "cip", "noc")]
    return environment("mcds.portal", html=True).get_template("catalogue/find.md.j2").render(
        title=word("find", lang), description=word("find.description", lang), index=INDEX, words=words,
        words_json=json.dumps(words, ensure_ascii=False), needs_js=word("needs_js", lang),
        browse_heading=word("browse", lang), lists=lists)
