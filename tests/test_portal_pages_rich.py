"""Guards what the record and provider pages give a learner and an analyst beyond the record's fields: jobs, not
codes (each NOC unit group's official title in the page's language and a link to its Job Bank page), the next start
date and how to register at the top, related microcredentials, provider pages with their records in a table that
sorts from the keyboard and a link to Find filtered to them, outcome reports as cross-tabs (rates in % with n,
suppressed cells shown as suppressed, the rule stated), the Find facets by NOC unit group and by outcome report,
and the providers' schema.org `Organization` JSON-LD.

Why: the portal review found occupations shown as broad categories with nothing linking them to outlook and wages,
no start date or registration path, provider-level outcome reports published nowhere, and bare provider pages.
Expected values are computed here from the published records and from Statistics Canada's shipped table, read
directly, so that a page cannot agree with itself by mistake. The pages come from the session's sample portal;
the browser checks (sorting, Find, axe, reflow at 320 px) use Chromium like tests/test_portal_browser.py.
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import Tab, axe_violations
from conftest import SCHEMA_DIR
from portal_support import BASE_SAMPLE, Portal
from pyld import jsonld

from mcds.portal.words import word

LANGS = ("en", "fr")
PROVIDER = BASE_SAMPLE  # maplecrest-career-college: 13 records, a provider-level report with suppressed cells
# Stacks into CLOUD (pathways.csv); NOC 22220 and 22221; a microcredential-level outcome report.
NETWORK = f"{BASE_SAMPLE}.network-administration-essentials"
CLOUD = f"{BASE_SAMPLE}.cloud-infrastructure-fundamentals"
PROVIDER_REPORT = f"{BASE_SAMPLE}.graduate-outcomes-2025"
JOB_BANK = {"en": "https://www.jobbank.gc.ca/trend-analysis/search-occupations?searchKeyword=",
            "fr": "https://www.guichetemplois.gc.ca/analyse-tendances/rechercher-professions?searchKeyword="}
NARROW = 320
WAIT = 5_000


def noc_titles() -> dict[str, tuple[str, str]]:
    """Statistics Canada's NOC 2021 unit-group titles (English, French), read from the shipped table itself."""
    with (SCHEMA_DIR / "statcan" / "noc-2021-v1.0.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: (row["title_en"], row["title_fr"]) for row in csv.DictReader(handle) if row["level"] == "5"}


def page(portal: Portal, lang: str, path: str) -> str:
    return (portal.site / lang / path / "index.html").read_text(encoding="utf-8")


def record_page(portal: Portal, lang: str, identifier: str) -> str:
    return page(portal, lang, f"catalogue/{identifier}")


def text_of(fragment: str) -> str:
    return re.sub(r"[ \t\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def section(document: str, heading_id: str) -> str:
    """The HTML from the h2 with this id up to the next h2."""
    start = document.index(f'<h2 id="{heading_id}">')
    end = document.find("<h2", start + 1)
    return document[start:end if end > 0 else len(document)]


def provider_records(portal: Portal, provider: str) -> list[dict[str, Any]]:
    return [portal.record(i) for i in sorted(row[0] for row in portal.index("en")["rows"]) if i.startswith(provider + ".")]


# -- Jobs, not codes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_a_record_shows_each_noc_unit_group_title_and_its_job_bank_link(portal: Portal, lang: str) -> None:
    titles = noc_titles()
    document = record_page(portal, lang, NETWORK)
    codes = portal.record(NETWORK)["occupations"]
    assert codes == ["22220", "22221"]
    for code in codes:
        title = titles[code][0 if lang == "en" else 1]
        assert f"<li>{code} — {html.escape(title, quote=False)}</li>" in document
        links = re.findall(rf'<a class="mcds-job-bank" href="([^"]+{code})">([^<]+)</a>', document)
        assert links and {(html.unescape(href), text) for href, text in links} == {
            (JOB_BANK[lang] + code, word("job_bank.link", lang, code=code))}
    # A Job Bank link for every code and no other, on the page's own language site.
    hrefs = re.findall(r'class="mcds-job-bank" href="([^"]+)"', document)
    assert {html.unescape(h) for h in hrefs} == {JOB_BANK[lang] + code for code in codes}


def test_the_french_noc_title_is_statistics_canadas_official_one(portal: Portal) -> None:
    english, french = noc_titles()["22220"]
    assert french == "Techniciens/techniciennes de réseau informatique et Web"
    assert french != english
    fr, en = record_page(portal, "fr", NETWORK), record_page(portal, "en", NETWORK)
    assert f"<li>22220 — {french}</li>" in fr and french not in en
    assert english not in fr, "the French page uses the official French title, not the English one"


def test_find_filters_by_noc_unit_group_with_its_title(portal: Portal) -> None:
    titles = noc_titles()
    for lang in LANGS:
        index = portal.index(lang)
        position, facet = next((i, f) for i, f in enumerate(index["facets"]) if f["name"] == "occupation")
        assert facet["title"] == word("facet.occupation", lang)
        labels = dict(facet["values"])
        found = {code for row in index["rows"] for code in portal.record(row[0]).get("occupations", [])}
        assert set(labels) == found
        for code, label in labels.items():
            assert label == f"{code} — {titles[code][0 if lang == 'en' else 1]}"
        codes = [code for code, _ in facet["values"]]
        for row in index["rows"]:
            assert {codes[v] for v in row[7][position]} == set(portal.record(row[0]).get("occupations", []))


def test_the_outcome_report_facet_marks_the_records_that_have_one(portal: Portal) -> None:
    subjects = set()
    for path in (portal.site / "data" / "submissions").glob("*.json"):
        document = json.loads(path.read_text(encoding="utf-8"))["document"]
        subjects |= {r["subject_microcredential"] for r in document.get("outcome_reports", []) if r.get("subject_microcredential")}
    assert NETWORK in subjects and CLOUD not in subjects
    index = portal.index("fr")
    position, facet = next((i, f) for i, f in enumerate(index["facets"]) if f["name"] == "outcomes")
    assert dict(facet["values"]) == {"no": "Non", "yes": "Oui"}
    codes = [code for code, _ in facet["values"]]
    for row in index["rows"]:
        assert [codes[v] for v in row[7][position]] == ["yes" if row[0] in subjects else "no"], row[0]


# -- The record page ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_next_start_date_and_how_to_register_are_at_the_top(portal: Portal, lang: str) -> None:
    document = record_page(portal, lang, NETWORK)
    record = portal.record(NETWORK)
    # The date it is computed from is the page's "Date modified", the provider's last update.
    as_of = re.search(r'id="wb-dtmd">\s*<dt>[^<]*</dt>\s*<dd><time datetime="(\d{4}-\d\d-\d\d)">', document).group(1)
    first = min((o for o in record["offerings"] if o["start_date"] >= as_of), key=lambda o: o["start_date"])
    assert first["start_date"] == "2026-11-02" and as_of == "2026-05-08"
    top = document[document.index("<h1"):document.index('<h2 id="at-a-glance">')]
    block = top[top.index('class="mcds-next-start"'):]
    assert f'<time datetime="{first["start_date"]}">{first["start_date"]}</time>' in block
    assert word("next_start", lang) in block
    assert word("next_start.as_of", lang, date=as_of) in text_of(block)
    assert word("next_start.deadline", lang, date=first["application_deadline"]) in text_of(block)
    register = re.search(r'<a class="md-button md-button--primary" href="([^"]+)">([^<]+)</a>', block)
    assert register is not None and html.unescape(register.group(1)) == first["online_url"]
    assert html.unescape(register.group(2)) == word("next_start.register", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_related_microcredentials_are_listed_both_ways_and_by_occupation(portal: Portal, lang: str) -> None:
    network = section(record_page(portal, lang, NETWORK), "related")
    into = network[network.index('id="related-into"'):network.index("</ul>", network.index('id="related-into"'))]
    assert f'href="../../catalogue/{CLOUD}/"' in into and word("related.into", lang) in html.unescape(into)
    cloud = section(record_page(portal, lang, CLOUD), "related")
    built_on = cloud[cloud.index('id="related-from"'):cloud.index("</ul>", cloud.index('id="related-from"'))]
    assert f'href="../../catalogue/{NETWORK}/"' in built_on
    # The same provider's records for a shared NOC unit group, each listed once and never on its own page.
    codes = set(portal.record(NETWORK)["occupations"])
    same = network[network.index('id="related-noc"'):network.index("</ul>", network.index('id="related-noc"'))]
    listed = re.findall(r'href="\.\./\.\./catalogue/([^/"]+)/"', same)
    assert listed and len(listed) <= 5 and NETWORK not in listed and CLOUD not in listed
    assert all(i.startswith(PROVIDER + ".") and codes & set(portal.record(i).get("occupations", [])) for i in listed)
    # Every provider's: Find filtered to each occupation (named by its title) and to the field of study's series.
    links = dict(re.findall(r'<li><a href="\.\./\.\./catalogue/\?([^"]+)">([^<]+)</a></li>', network))
    titles = noc_titles()
    for code in codes:
        occupation = f"{code} — {titles[code][0 if lang == 'en' else 1]}"
        assert html.unescape(links[f"occupation={code}"]) == word("related.find_noc", lang, occupation=occupation)
    assert f"cip={portal.record(NETWORK)['field_of_study'][:2]}" in links


# -- Outcome reports ---------------------------------------------------------------------------------------

def report_of(portal: Portal, identifier: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    document = json.loads((portal.site / "data" / "submissions" / f"{PROVIDER}.json").read_text(encoding="utf-8"))["document"]
    report = next(r for r in document["outcome_reports"] if r["id"] == identifier)
    return report, report["observations"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_provider_page_shows_its_provider_level_report_as_cross_tabs(portal: Portal, lang: str) -> None:
    report, observations = report_of(portal, PROVIDER_REPORT)
    assert report.get("subject_organization") == PROVIDER and not report.get("subject_microcredential")
    document = page(portal, lang, f"providers/{PROVIDER}")
    found = document[document.index(f'id="report-{PROVIDER_REPORT}"'):]
    found = found[:found.index("</section>")]
    rows = {text_of(m.group(1)): [text_of(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", m.group(2))]
            for m in re.finditer(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', found)}
    # Women's completion rate: 0.836 of 122 enrolments.
    woman = next(o for o in observations if o["metric"] == "completion_rate" and o.get("category") == "woman")
    assert (woman["value"], woman["denominator"]) == (0.836, 122)
    women = "Women+" if lang == "en" else "Femmes+"
    percent = "84\u00a0%"
    assert f"{percent} ({word('outcomes.n', lang, n=122)})" in rows[women]
    assert word("outcomes.share_of", lang, base="enrolments" if lang == "en" else "inscriptions") in text_of(found)
    # Every suppressed observation is shown as suppressed, and nothing else is.
    suppressed = sum(1 for o in observations if o["suppressed"])
    assert suppressed == 10
    assert found.count(f'<td class="mcds-suppressed"><em>{word("suppressed", lang)}</em></td>') == suppressed
    # The rule the validator applies, with this report's minimum cell size, and the provider's own words.
    assert word("outcomes.rule", lang, minimum=report["min_cell_size"]) in html.unescape(found)
    assert report["suppression_policy"][lang] in html.unescape(found)


def test_a_record_page_shows_its_microcredential_report_with_rates_and_n(portal: Portal) -> None:
    document = section(record_page(portal, "en", NETWORK), "outcomes")
    assert "Median earnings (6 months after completion)" in text_of(document)
    assert "$52,400 (n = 47)" in text_of(document), "the median rests on the report's 47 completions"
    assert document.count('<td class="mcds-suppressed"><em>suppressed</em></td>') == 4
    assert word("outcomes.rule", "en", minimum=5) in html.unescape(document)


# -- The provider page -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_provider_page_lists_its_records_by_title_and_links_to_find(portal: Portal, lang: str) -> None:
    document = page(portal, lang, f"providers/{PROVIDER}")
    table = document[document.index('id="provider-records"'):document.index("</table>", document.index('id="provider-records"'))]
    listed = re.findall(r'href="\.\./\.\./catalogue/([^/"]+)/"', table)
    records = provider_records(portal, PROVIDER)
    assert sorted(listed) == [r["id"] for r in records] and len(listed) == 13
    titles = [html.unescape(t) for t in re.findall(r'<tr><td data-value="([^"]*)">', table)]
    assert titles == sorted(titles, key=str.casefold), "served sorted by title, without JavaScript"
    assert f'href="../../catalogue/?provider={PROVIDER}"' in document


def test_the_organization_json_ld_parses_and_expands(portal: Portal) -> None:
    for provider, lang in ((PROVIDER, "en"), ("sweetgrass-trail-institute", "fr")):
        document = page(portal, lang, f"providers/{provider}")
        [text] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', document, re.S)
        data = json.loads(text)
        assert data["@context"] == "https://schema.org" and data["identifier"] == provider
        assert data["@id"] == f"{portal.url}{lang}/providers/{provider}/"

        def refuse(url: str, options: dict[str, Any] | None = None) -> None:
            raise AssertionError(f"a context was fetched: {url}")

        # schema.org's context stands for a vocabulary; expand offline with it as the vocabulary.
        [node] = jsonld.expand({**data, "@context": {"@vocab": "http://schema.org/"}}, {"documentLoader": refuse})
        names = {(v["@language"], v["@value"]) for v in node["http://schema.org/name"]}
        organization = json.loads((portal.site / "data" / "submissions" / f"{provider}.json").read_text(encoding="utf-8"))
        org = next(o for o in organization["document"]["organizations"] if o["id"] == provider)
        assert names == {("en", org["name"]["en"]), ("fr", org["name"]["fr"])}
        assert node["@type"] == ["http://schema.org/EducationalOrganization"]
        assert node["http://schema.org/areaServed"][0]["http://schema.org/name"][0]["@value"]
    address = node["http://schema.org/address"][0]
    assert address["http://schema.org/addressLocality"][0]["@value"] == "Prince Albert"
    assert node["http://schema.org/email"][0]["@value"] == "learning@sweetgrass-trail-institute.example"


# -- In the browser ----------------------------------------------------------------------------------------

@pytest.fixture
def tab(browser: Any, portal: Portal) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    found = Tab(context.new_page(), portal)
    found.page.set_default_timeout(WAIT)
    found.page.on("pageerror", lambda error: found.errors.append(str(error)))
    yield found
    context.close()
    assert found.errors == [], f"script errors: {found.errors}"


def row_ids(tab: Tab) -> list[str]:
    return tab.page.locator("#provider-records tbody tr td:first-child a").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('/').slice(-2, -1)[0])")


@pytest.mark.browser
def test_the_provider_table_sorts_from_the_keyboard(tab: Tab) -> None:
    tab.open(f"fr/providers/{PROVIDER}/")
    records = {r["id"]: r for r in provider_records(tab.portal, PROVIDER)}
    cost_heading = tab.page.locator("#provider-records thead th").nth(3)
    # From the title's button, Tab reaches the other headings' buttons in order: the fourth sorts by cost.
    tab.page.locator("#provider-records thead th button").first.focus()
    for _ in range(3):
        tab.page.keyboard.press("Tab")
    assert tab.page.evaluate("document.activeElement.closest('th') && document.activeElement.textContent") == \
        word("facet.cost", "fr")
    tab.page.keyboard.press("Enter")
    assert cost_heading.get_attribute("aria-sort") == "ascending"
    assert tab.page.locator("#provider-records thead th").first.get_attribute("aria-sort") is None
    costs = [sum(c["amount"] for c in records[i]["cost_items"] if c["residency"] in ("all", "domestic", "in_province")
                 and not c.get("applies_to_offering")) for i in row_ids(tab)]
    assert costs == sorted(costs) and len(costs) == 13 and costs[0] < costs[-1]
    tab.page.keyboard.press("Space")
    assert cost_heading.get_attribute("aria-sort") == "descending"
    costs = [sum(c["amount"] for c in records[i]["cost_items"] if c["residency"] in ("all", "domestic", "in_province")
                 and not c.get("applies_to_offering")) for i in row_ids(tab)]
    assert costs == sorted(costs, reverse=True)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_the_find_link_of_a_provider_shows_exactly_its_records(tab: Tab, lang: str) -> None:
    tab.open(f"{lang}/providers/{PROVIDER}/")
    tab.page.locator(f'a[href="../../catalogue/?provider={PROVIDER}"]').click()
    from playwright.sync_api import expect

    expected = [r["id"] for r in provider_records(tab.portal, PROVIDER)]
    expect(tab.page.locator("#mcds-count")).to_have_text(word("results", lang, count=len(expected)))
    hrefs = tab.page.locator("#mcds-result-list li > a").evaluate_all("links => links.map(a => a.href)")
    assert sorted(h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs) == expected
    assert tab.page.locator(f'#mcds-facet-list input[value="{PROVIDER}"]').is_checked()


PAGES = [(kind, lang) for kind in ("record", "provider") for lang in LANGS]
PATHS = {"record": f"catalogue/{NETWORK}/", "provider": f"providers/{PROVIDER}/"}


@pytest.mark.browser
@pytest.mark.parametrize(("kind", "lang"), PAGES, ids=[f"{k}-{lang}" for k, lang in PAGES])
def test_axe_is_clean_and_nothing_scrolls_sideways_at_320_px(tab: Tab, axe: Any, kind: str, lang: str) -> None:
    from test_portal_browser import OVERFLOW

    for width in (1280, NARROW):
        tab.page.set_viewport_size({"width": width, "height": 800})
        tab.open(f"{lang}/{PATHS[kind]}")
        tab.page.wait_for_load_state("load")
        assert axe_violations(tab.page, axe) == [], width
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["scrollWidth"] <= overflow["width"] == NARROW, overflow
    assert overflow["wide"] == [], overflow
    if kind == "record":  # on a phone the offerings are cards: every cell inside the page, under its label
        cells = tab.page.locator(".mcds-reflow td").evaluate_all(
            "cells => cells.filter(c => c.textContent.trim()).map(c => [c.getBoundingClientRect().right, "
            "getComputedStyle(c, '::before').content])")
        assert cells and all(right <= NARROW and label not in ("none", "normal") for right, label in cells)

