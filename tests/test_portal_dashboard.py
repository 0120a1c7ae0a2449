"""Guards the dashboard (catalogue/statistics/ and one page per policy question, mcds/portal/dashboard.py):
every page exists in both languages with its charts, each chart's CSV holds the figures the published
catalogue gives (recomputed here from the published submissions, not by the portal's code), each bar's link
opens Find on exactly the microcredentials the bar counts, suppressed outcome cells stay suppressed, an empty
chart says why, and in Chromium the pages pass axe, keep every chart text at 12 px or more (desktop and phone)
and do not scroll sideways at 320 px.

Why: the dashboard is where policy readers take figures from; a figure the data does not support, a label too
small to read or a link that lands on other records would mislead them."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from html import unescape
from pathlib import Path
from statistics import median
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import axe_violations
from portal_support import LANGS, Portal, matching

from mcds.portal import charts, dashboard
from mcds.portal.catalogue_pages import CataloguePages
from mcds.portal.records import domestic_cost, provinces_of
from mcds.publish.gate import Catalogue

PAGES = {  # question page -> its charts, in order
    "labour-market": ["noc", "teer", "naics", "partners", "roles", "partner-industries", "recognition-public",
                      "recognition-other"],
    "equity": ["cost-province", "cost-provider-type", "aid-province", "aid-provider-type", "aid", "aid-status", "delivery", "language", "accessibility",
               "target-groups", "outcome-enrolment", "outcome-completion", "outcome-employment", "outcome-earnings"],
    "providers": ["provider", "provider-type", "sector", "recognition-status", "quality"],
    "frameworks": ["alignment", "credit", "credit-unit", "pathways", "transcription", "prior-learning"],
    "strategies": ["strategy", "strategy-type", "strategy-jurisdiction", "priority-sector", "economic-region", "evidence"],
    "coverage": ["linkage", "outcome-reports"],
}
SUPPRESSED = {"en": "Suppressed", "fr": "Supprimé"}
ROW = re.compile(r'<tr><th scope="row"[^>]*>(.*?)</th><td[^>]*>(.*?)</td>(.*?)</tr>', re.S)
HREF = re.compile(r'<a href="([^"]+)"')


@pytest.fixture(scope="module")
def published(portal: Portal) -> dict[str, Any]:
    """What the site published, read from its JSON files: records with their provider, organizations, reports."""
    documents = [json.loads(p.read_text(encoding="utf-8"))["document"]
                 for p in sorted((portal.site / "data" / "submissions").glob("*.json"))]
    organizations: dict[str, dict[str, Any]] = {}
    for document in sorted(documents, key=lambda d: d["provider"]):
        for org in document["organizations"]:
            if org["id"] == document["provider"] or org["id"] not in organizations:
                organizations[org["id"]] = org
    items = [(d["provider"], mc) for d in documents for mc in d.get("microcredentials", [])]
    reports = [r for d in documents for r in d.get("outcome_reports", [])]
    return {"items": items, "organizations": organizations, "reports": reports}


def page_html(portal: Portal, lang: str, slug: str) -> str:
    return (portal.site / lang / dashboard.FOLDER / slug / "index.html").read_text(encoding="utf-8")


def table(portal: Portal, lang: str, slug: str, chart: str) -> list[dict[str, str]]:
    path = portal.site / lang / dashboard.FOLDER / slug / f"{chart}.csv"
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def column(rows: list[dict[str, str]], index: int) -> list[str]:
    return [list(row.values())[index] for row in rows]


def by_code(rows: list[dict[str, str]], index: int = 2) -> dict[str, float]:
    """code -> the figure in the CSV's column `index` (the chart's own value by default)."""
    return {list(row.values())[1]: float(list(row.values())[index]) for row in rows if list(row.values())[index] != ""}


def chart_html(html: str, chart: str) -> str:
    start = html.index(f'<div class="mcds-dash-chart" id="{chart}">')
    return html[start:html.index('<p class="mcds-dash-csv">', start)]


# -- Pages and charts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_question_has_its_page_with_its_charts(portal: Portal, lang: str) -> None:
    overview = (portal.site / lang / dashboard.FOLDER / "index.html").read_text(encoding="utf-8")
    for slug, chart_ids in PAGES.items():
        assert f'href="{slug}/"' in overview, slug
        html = page_html(portal, lang, slug)
        assert f'<html lang="{lang}"' in html or f"lang=\"{lang}\"" in html
        for chart in chart_ids:
            if f'id="{chart}-empty"' in html:
                continue
            part = chart_html(html, chart)
            assert '<svg class="mcds-dash-svg"' in part and 'role="img"' in part, (slug, chart)
            assert f'aria-labelledby="{chart}-title {chart}-desc"' in part
            assert "<caption" in part and '<th scope="col">' in part
            assert (portal.site / lang / dashboard.FOLDER / slug / f"{chart}.csv").is_file()
        found = re.findall(r'<div class="mcds-dash-chart" id="([^"]+)">', html) + re.findall(r'id="([^"]+)-empty"', html)
        assert sorted(found) == sorted(chart_ids), slug


@pytest.mark.parametrize("lang", LANGS)
def test_the_coverage_page_links_to_the_data_quality_pages_when_the_site_has_them(portal: Portal, lang: str) -> None:
    html = page_html(portal, lang, "coverage")
    linked = f'<a href="{dashboard.QUALITY}">' in html
    assert linked == (portal.site / lang / "quality" / "index.html").is_file()
    assert dashboard.QUALITY == "../../../quality/"  # from <lang>/catalogue/statistics/coverage/ to <lang>/quality/


def test_the_sample_data_draws_every_chart(portal: Portal) -> None:
    """The samples hold every kind of fact, so none of their charts is empty."""
    for slug in PAGES:
        assert "mcds-dash-empty" not in page_html(portal, "en", slug), slug


def test_an_empty_catalogue_says_why_each_chart_is_empty() -> None:
    pages = CataloguePages(Catalogue())
    for lang, why in (("en", "No data yet"), ("fr", "Pas encore de données")):
        found = dashboard.markdown_pages(pages, lang)
        for slug, chart_ids in PAGES.items():
            text = found[f"{dashboard.FOLDER}/{slug}.md"]
            assert "<svg" not in text
            for chart in chart_ids:
                assert re.search(rf'<p class="mcds-dash-empty" id="{chart}-empty">{why}', text), (lang, chart)


def test_labels_are_wrapped_never_cut_and_axes_are_round() -> None:
    label = "11202 — Professional occupations in advertising, marketing and public relations"
    lines = charts.wrap(label)
    assert len(lines) > 1 and all(len(line) <= charts.WRAP for line in lines) and " ".join(lines) == label
    word = "x" * (2 * charts.WRAP + 5)  # a word longer than a line is broken inside it, nothing dropped
    assert charts.wrap(f"a {word}") == ["a", word[:charts.WRAP], word[charts.WRAP:2 * charts.WRAP], word[2 * charts.WRAP:]]
    assert [charts._nice(v, True) for v in (1, 7, 29, 46, 128)] == [(1, 1), (10, 5), (30, 10), (60, 20), (150, 50)]
    assert charts._nice(870) == (1000, 500)


# -- The CSVs hold the catalogue's figures ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_counts_match_the_published_records(portal: Portal, published: dict[str, Any], lang: str) -> None:
    items, orgs = published["items"], published["organizations"]
    expected = {
        ("providers", "provider"): Counter(p for p, _ in items),
        ("equity", "delivery"): Counter(m for _, mc in items for m in set(mc["delivery_modes"])),
        ("equity", "language"): Counter(m for _, mc in items for m in set(mc["languages"])),
        ("labour-market", "noc"): Counter(c for _, mc in items for c in set(mc.get("occupations", []))),
        ("labour-market", "teer"): Counter(c for _, mc in items for c in {o[1] for o in mc.get("occupations", [])}),
        ("labour-market", "naics"): Counter(c for _, mc in items for c in set(mc.get("industries", []))),
        ("labour-market", "roles"): Counter(r for _, mc in items for r in {r for e in mc.get("employer_engagements", [])
                                                                          for r in e["engagement_roles"]}),
        ("providers", "provider-type"): Counter(k for p, _ in items for k in orgs[p]["organization_types"]),
        ("frameworks", "credit"): Counter("yes" if mc["credit_bearing"] else "no" for _, mc in items),
        ("equity", "aid"): Counter(f for _, mc in items for f in {f["funding_programme"] for f in mc.get("funding_eligibilities", [])
                                                                  if f["eligibility_status"] == "eligible"}),
        ("strategies", "economic-region"): Counter(r for _, mc in items for r in {r for a in mc.get("strategy_alignments", [])
                                                                                 for r in a.get("economic_regions", [])}),
    }
    for (slug, chart), counts in expected.items():
        rows = table(portal, lang, slug, chart)
        assert by_code(rows) == {code: float(n) for code, n in counts.items()}, (slug, chart)
    assert sum(by_code(table(portal, lang, "providers", "provider")).values()) == len(items)
    partners = sum(1 for _, mc in items if mc.get("employer_engagements"))
    assert by_code(table(portal, lang, "labour-market", "partners"), 4) == {"yes": partners, "no": len(items) - partners}


@pytest.mark.parametrize("lang", LANGS)
def test_the_median_costs_and_their_n_match(portal: Portal, published: dict[str, Any], lang: str) -> None:
    costs: dict[str, list[float]] = defaultdict(list)
    for _, mc in published["items"]:
        for province in provinces_of(mc, published["organizations"]):
            costs[province].append(domestic_cost(mc))
    rows = table(portal, lang, "equity", "cost-province")
    assert by_code(rows) == {p: median(found) for p, found in costs.items()}
    assert by_code(rows, 4) == {p: len(found) for p, found in costs.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_the_coverage_shares_match(portal: Portal, published: dict[str, Any], lang: str) -> None:
    orgs = published["organizations"]
    reported = {r.get("subject_microcredential") for r in published["reports"]} | {
        r.get("subject_organization") for r in published["reports"]}
    totals, linked, covered = Counter(), Counter(), Counter()
    for provider, mc in published["items"]:
        for province in provinces_of(mc, orgs):
            totals[province] += 1
            linked[province] += bool(mc.get("institution_program_code") and any(
                orgs.get(b, {}).get("statcan_institution_code") for b in mc["awarding_bodies"]))
            covered[province] += mc["id"] in reported or provider in reported
    for chart, found in (("linkage", linked), ("outcome-reports", covered)):
        rows = table(portal, lang, "coverage", chart)
        assert by_code(rows, 4) == {p: found[p] for p in totals} and by_code(rows, 5) == dict(totals)
        assert by_code(rows) == pytest.approx({p: found[p] / totals[p] for p in totals}, abs=1e-4)
    assert 0 < sum(linked.values()) < sum(totals.values())  # the samples give the keys for some records only


@pytest.mark.parametrize("lang", LANGS)
def test_the_aid_shares_match(portal: Portal, published: dict[str, Any], lang: str) -> None:
    totals, eligible = Counter(), Counter()
    for _, mc in published["items"]:
        for province in provinces_of(mc, published["organizations"]):
            totals[province] += 1
            eligible[province] += any(f["eligibility_status"] == "eligible" for f in mc.get("funding_eligibilities", []))
    rows = table(portal, lang, "equity", "aid-province")
    assert by_code(rows, 4) == {p: eligible[p] for p in totals} and by_code(rows, 5) == dict(totals)


def pooled_completion(reports: list[dict[str, Any]]) -> dict[str, tuple[float, float, int]]:
    """gender category -> (completions, enrolments, suppressed cells) over the reports, computed plainly: a
    report's rate with its numerator and denominator, else its completions over its enrolments."""
    found: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for report in reports:
        cells = {(o["metric"], o.get("category")): o for o in report["observations"]
                 if o.get("dimension") == "gender" and not o.get("dimension_2")}
        for category in {c for _, c in cells}:
            rate, done, enrolled = (cells.get((m, category)) for m in ("completion_rate", "completions", "enrolments"))
            if rate and rate.get("denominator"):
                pair, hidden = (rate.get("numerator"), rate["denominator"]), rate["suppressed"]
            elif done:
                pair = (done.get("value"), (enrolled or {}).get("value"))
                hidden = done["suppressed"] or bool(enrolled and enrolled["suppressed"])
            else:
                continue
            if hidden:
                found[category][2] += 1
            elif pair[0] is not None and pair[1]:
                found[category][0] += pair[0]
                found[category][1] += pair[1]
    return {c: (v[0], v[1], int(v[2])) for c, v in found.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_completion_rates_by_gender_are_pooled_with_their_denominators(portal: Portal, published: dict[str, Any],
                                                                        lang: str) -> None:
    rows = {list(r.values())[1]: list(r.values()) for r in table(portal, lang, "equity", "outcome-completion")}
    expected = pooled_completion(published["reports"])
    assert expected and {c for c in rows if c.startswith("gender|") and "|" not in c[7:]} == {f"gender|{c}" for c in expected}
    for category, (numerator, denominator, hidden) in expected.items():
        row = rows[f"gender|{category}"]
        assert [float(row[4]), float(row[5]), int(row[7])] == [numerator, denominator, hidden], category
        if denominator:
            assert float(row[2]) == pytest.approx(numerator / denominator, abs=1e-4) and row[3] == "0"
        else:
            assert row[2] == "" and row[3] == "1", category  # every cell of the group was suppressed


@pytest.mark.parametrize("lang", LANGS)
def test_suppressed_cells_are_shown_as_suppressed(portal: Portal, lang: str) -> None:
    html = page_html(portal, lang, "equity")
    for chart in ("outcome-completion", "outcome-employment", "outcome-earnings"):
        hidden = [list(r.values())[0] for r in table(portal, lang, "equity", chart) if list(r.values())[3] == "1"]
        assert hidden, chart  # the samples suppress small cells in each of these
        part = chart_html(html, chart)
        cells = {unescape(label): unescape(value) for label, value, _ in ROW.findall(part)}
        for label in hidden:
            assert cells[label] == SUPPRESSED[lang], (chart, label)
        assert part.count(f">{SUPPRESSED[lang]}</text>") == len(hidden)  # in the drawing too, without a bar


# -- Links to Find ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_each_bar_opens_find_on_the_microcredentials_it_counts(portal: Portal, lang: str) -> None:
    index = portal.index(lang)
    checked = 0
    for slug in PAGES:
        html = page_html(portal, lang, slug)
        for chart in re.findall(r'<div class="mcds-dash-chart" id="([^"]+)">', html):
            part = chart_html(html, chart)
            bars = set(re.findall(r'<a class="mcds-dash-hit" href="([^"]+)" tabindex="-1" aria-hidden="true"', part))
            rows = {}
            for _, _, rest in ROW.findall(part):
                link = re.search(r'<a href="([^"]+)">[^<]*?([\d\u00a0,]+)<', rest)
                if link:
                    rows[unescape(link[1])] = int(re.sub(r"\D", "", link[2]))
            assert {unescape(b) for b in bars} <= set(rows), chart  # every bar's link is its row's link
            for href, count in rows.items():
                address = urlsplit(href)
                assert address.path == "../../", href  # Find, from catalogue/statistics/<question>/
                query = parse_qs(address.query)
                text = query.pop("text", [""])[0]
                assert len(matching(index, text, {k: set(v) for k, v in query.items()})) == count, (chart, href)
                checked += 1
    assert checked > 50


# -- In the browser -----------------------------------------------------------------------------------------

DASHBOARD_PAGES = [""] + [f"{slug}/" for slug in PAGES]
SVG_TEXT = """() => Array.from(document.querySelectorAll('svg.mcds-dash-svg text')).map(e => {
  const svg = e.closest('svg');
  return {text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize) * svg.getScreenCTM().a,
          cut: e.getComputedTextLength() > 0 && e.getBBox().x + e.getBBox().width > svg.viewBox.baseVal.width + 1};
})"""


@pytest.fixture(scope="module")
def dash_tab(browser: Any, portal: Portal) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_dashboard_passes_axe_and_keeps_its_text_readable(dash_tab: Any, axe: Any, portal: Portal, lang: str) -> None:
    page = dash_tab
    for path in DASHBOARD_PAGES:
        url = f"{portal.url}{lang}/{dashboard.FOLDER}/{path}"
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            texts = page.evaluate(SVG_TEXT)
            assert path == "" or texts, path
            assert [t for t in texts if t["size"] < 12] == [], (path, width)
            assert [t["text"] for t in texts if t["cut"]] == [], (path, width)
        assert axe_violations(page, axe) == [], path
        page.set_viewport_size({"width": 320, "height": 700})
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path


def test_no_dashboard_file_is_written_outside_its_folder(portal: Portal) -> None:
    for lang in LANGS:
        folder = portal.site / lang / dashboard.FOLDER
        assert sorted(p.name for p in folder.iterdir()) == sorted(["index.html", *PAGES])
        for slug, chart_ids in PAGES.items():
            assert sorted(p.name for p in (folder / slug).iterdir()) == sorted(["index.html", *(f"{c}.csv" for c in chart_ids)])
    assert not list(Path(portal.site).glob("*.csv"))
