"""Guards what a reader gets from the portal in a real browser: the Find page, the language toggle, record
pages, safety against provider text, the network weight of catalogue pages, and accessibility (axe-core).

Why: the Find page is JavaScript over a compact index, so only a browser shows whether search and facets
narrow the results with the right counts, whether the filter state survives a reload, whether sorting and
the CSV of the filtered results are right, and whether the count is announced to screen readers. Counts are
checked against a computation in Python from index.json (itself checked against the published records by
tests/test_portal_catalogue.py). A `<script>` title must stay text in a live page too; catalogue pages other
than Find must not download the index. Every kind of page (one of each template, the root language choice
included) must pass axe-core's WCAG 2.0/2.1 A and AA rules in both languages, and what axe cannot see: each
control reached with Tab must show a focus indicator (screenshots of it focused and unfocused are compared, as
WCAG 2.4.13 measures), no text is under 12 px, the page does not scroll sideways at 320 px, and highlighted
code meets 4.5:1 in every colour scheme the portal offers.

These tests drive Debian's Chromium (/usr/bin/chromium) through Python Playwright, one browser per session,
against the site that tests/test_portal_catalogue.py builds once and serves with `mcds serve`. They are
marked `browser`. Without Chromium they are skipped, unless MCDS_REQUIRE_BROWSER=1 (CI sets it): then they
fail, so that a CI machine without a browser cannot pass them silently.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from browser_support import Tab, axe_violations, wait_until
from portal_support import (
    BASE_SAMPLE,
    FORMULA_TITLE,
    XSS,
    XSS_DESCRIPTION,
    XSS_TITLE,
    Portal,
    facet_counts,
    fold,
    matching,
)

from mcds.portal.records import Words, domestic_cost
from mcds.portal.words import word

pytestmark = pytest.mark.browser

LANGS = ("en", "fr")
# Every facet of the Find page (the index must offer exactly these).
FACETS = ("province", "provider", "provider_type", "delivery", "language", "cost", "duration", "credit", "funding",
          "noc", "occupation", "teer", "cip", "skill", "outcomes")
WAIT = 5_000  # milliseconds


@pytest.fixture
def tab(browser: Any, portal: Portal) -> Iterator[Tab]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    found = Tab(page, portal)
    page.on("dialog", lambda dialog: (found.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    page.on("request", lambda request: found.requests.append(request.url))
    yield found
    context.close()
    assert found.dialogs == [], f"a dialog opened: {found.dialogs}"
    assert found.errors == [], f"script errors: {found.errors}"


# -- The Find page -----------------------------------------------------------------------------------------

def count_text(count: int, lang: str) -> str:
    return word("results.one", lang) if count == 1 else word("results", lang, count=count)


def wait_for_count(page: Any) -> None:
    """Wait until Find has read its index and says how many microcredentials it lists."""
    wait_until(page, "document.getElementById('mcds-count').textContent !== ''")


def open_find(tab: Tab, lang: str, query: str = "") -> None:
    tab.open(f"{lang}/catalogue/{query}")
    wait_for_count(tab.page)


def expect_results(tab: Tab, index: dict[str, Any], text: str = "", selected: dict[str, set[str]] | None = None) -> list[str]:
    """Wait until the page announces the number of matches computed here, then check every facet count."""
    from playwright.sync_api import expect

    lang = index["lang"]
    hits = search_hits(tab, text)
    rows = matching(index, text, selected, hits=hits)
    status = tab.page.locator("#mcds-count")
    expect(status).to_have_text(count_text(len(rows), lang))
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    shown = tab.page.evaluate("""() => Array.from(document.querySelectorAll('#mcds-facet-list input[type=checkbox]'))
        .map(box => [box.id.replace(/-\\d+$/, '').replace('mcds-f-', ''), box.value, box.checked,
                     box.parentElement.querySelector('.mcds-count').textContent, box.parentElement.hidden])""")
    for facet in [f["name"] for f in index["facets"]]:
        wanted = facet_counts(index, facet, text, selected, hits=hits)
        got = {code: int(number.strip("()")) for name, code, _, number, _ in shown if name == facet}
        assert got == wanted, f"counts of facet {facet} with {text=} {selected=}"
        for name, code, checked, _, hidden in shown:
            if name == facet:
                assert checked == (code in (selected or {}).get(facet, set())), (facet, code)
                assert hidden == (wanted[code] == 0 and not checked), (facet, code)
    ids = shown_ids(tab)
    assert set(ids) <= {row[0] for row in rows}
    assert len(ids) == min(len(rows), 50)
    return [row[0] for row in rows]


def search_hits(tab: Tab, text: str) -> set[str]:
    """The records the portal's search finds for `text` (find-search.js; tests/test_portal_search.py checks what
    it finds), which Find adds to the records that hold the words as typed."""
    if not text.strip():
        return set()
    # ranks() answers null until the search is in, then calls back once: null then means it could not load.
    found = tab.page.evaluate("""text => new Promise(done => {
        let asked = 0;
        const ask = () => { const ranks = window.mcdsFindSearch.ranks(text, ask); asked += 1;
                            if (ranks || asked > 1) { done(ranks && Array.from(ranks.keys())); } };
        ask();
    })""", text)
    assert found is not None, f"the portal's search did not answer {text!r}"
    return set(found)


def shown_ids(tab: Tab) -> list[str]:
    """The ids of the results the page lists, in its order."""
    hrefs = tab.page.locator("#mcds-result-list li > a").evaluate_all("links => links.map(a => a.href)")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def choose(tab: Tab, index: dict[str, Any], facet: str, code: str, checked: bool = True) -> None:
    position = next(i for i, f in enumerate(index["facets"]) if f["name"] == facet)
    value = [c for c, _ in index["facets"][position]["values"]].index(code)
    details = tab.page.locator("#mcds-facet-list > details").nth(position)
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    box = tab.page.locator(f"#mcds-f-{facet}-{value}")
    box.check() if checked else box.uncheck()


def test_find_lists_every_record_and_shows_more_on_request(tab: Tab) -> None:
    index = tab.portal.index("en")
    open_find(tab, "en")
    everything = expect_results(tab, index)
    assert len(everything) == len(index["rows"]) > 50
    tab.page.click("#mcds-more")
    tab.page.locator("#mcds-result-list li").nth(50).wait_for(state="attached")  # no eval: the service's policy
    assert tab.page.locator("#mcds-result-list li").count() == min(100, len(everything))


@pytest.mark.parametrize(("lang", "keyword"), [("en", "safety"), ("fr", "securite")])
def test_a_keyword_narrows_the_results(tab: Tab, lang: str, keyword: str) -> None:
    index = tab.portal.index(lang)
    open_find(tab, lang)
    tab.page.fill("#mcds-text", keyword)
    found = expect_results(tab, index, keyword)
    assert 0 < len(found) < len(index["rows"]), f"pick a keyword that narrows: {keyword} gives {len(found)}"
    if lang == "fr":  # the French text says "sécurité": accents are ignored, as typed and by the portal's search
        hits = search_hits(tab, keyword)
        for row in index["rows"]:
            if row[0] in found and row[0] not in hits:
                assert "securite" in fold(row[6]), row[0]
            elif row[0] in found:  # the search stems "sécurité" to "sécur" and finds the words it starts
                record = tab.portal.record(row[0])
                said = [row[6], record["title"].get("fr", ""), record["description"].get("fr", "")] + [
                    o["statement"].get("fr", "") for o in record["learning_outcomes"]]
                assert any(re.search(r"\bsecur", fold(text)) for text in said), row[0]
    assert parse_qs(urlsplit(tab.page.url).query) == {"text": [keyword]}


def test_each_facet_narrows_the_results_with_correct_counts(tab: Tab) -> None:
    """One page for every facet (a page load each would double the time): for each, its first and last values
    alone, then two values together (either one), then none again; every facet's counts are checked each time."""
    index = tab.portal.index("en")
    open_find(tab, "en")
    total = len(index["rows"])
    assert {f["name"] for f in index["facets"]} == set(FACETS)
    for facet in FACETS:
        counts = facet_counts(index, facet)
        assert counts and all(counts.values()), f"facet {facet} lists a value no record has"
        narrowing = [code for code, n in counts.items() if n < total]
        assert narrowing, f"no value of {facet} narrows the results"
        for code in dict.fromkeys([narrowing[0], narrowing[-1]]):
            choose(tab, index, facet, code)
            assert len(expect_results(tab, index, selected={facet: {code}})) == counts[code], (facet, code)
            choose(tab, index, facet, code, checked=False)
        if len(narrowing) > 1:
            both = {narrowing[0], narrowing[-1]}
            for code in both:
                choose(tab, index, facet, code)
            either = expect_results(tab, index, selected={facet: both})
            assert len(either) >= max(counts[c] for c in both), (facet, both)
            for code in both:
                choose(tab, index, facet, code, checked=False)
        expect_results(tab, index)


def test_filters_live_in_the_address_and_a_reload_restores_them(tab: Tab) -> None:
    index = tab.portal.index("en")
    open_find(tab, "en")
    counts = facet_counts(index, "delivery")
    delivery = max(counts, key=counts.__getitem__)
    choose(tab, index, "delivery", delivery)
    selected = {"delivery": {delivery}}
    province = max((c for c, n in facet_counts(index, "province", selected=selected).items() if n), key=str)
    choose(tab, index, "province", province)
    selected["province"] = {province}
    tab.page.select_option("#mcds-sort", "cost")
    found = expect_results(tab, index, selected=selected)
    assert found
    state = {"delivery": [delivery], "province": [province], "sort": ["cost"]}
    assert parse_qs(urlsplit(tab.page.url).query) == state
    address = tab.page.url
    tab.page.reload()
    wait_for_count(tab.page)
    expect_results(tab, index, selected=selected)
    assert tab.page.input_value("#mcds-sort") == "cost"
    tab.page.goto("about:blank")
    tab.page.goto(address)
    wait_for_count(tab.page)
    expect_results(tab, index, selected=selected)
    tab.page.click("#mcds-clear")
    expect_results(tab, index)
    assert parse_qs(urlsplit(tab.page.url).query) == {"sort": ["cost"]}
    # An address from an older or larger catalogue: what this page does not offer is dropped, not kept hidden.
    open_find(tab, "en", f"?sort=distance&province=XX&province={province}&noc=Z")
    expect_results(tab, index, selected={"province": {province}})
    assert parse_qs(urlsplit(tab.page.url).query) == {"province": [province]}
    assert tab.page.input_value("#mcds-sort") == "title"


def test_sorting_by_cost_orders_the_results(tab: Tab) -> None:
    index = tab.portal.index("en")
    costs = {row[0]: row[3] for row in index["rows"]}
    open_find(tab, "en", "?sort=cost")
    expect_results(tab, index)
    shown = shown_ids(tab)
    assert [costs[i] for i in shown] == sorted(costs.values())[: len(shown)]
    assert parse_qs(urlsplit(tab.page.url).query) == {"sort": ["cost"]}
    tab.page.fill("#mcds-text", "safety")
    found = expect_results(tab, index, "safety")
    assert [costs[i] for i in shown_ids(tab)] == sorted(costs[i] for i in found)
    tab.page.select_option("#mcds-sort", "title")
    expect_results(tab, index, "safety")
    assert parse_qs(urlsplit(tab.page.url).query) == {"text": ["safety"]}


def test_the_csv_download_holds_exactly_the_filtered_results(tab: Tab) -> None:
    index = tab.portal.index("en")
    counts = facet_counts(index, "province")
    province = max(counts, key=counts.__getitem__)
    open_find(tab, "en", f"?province={province}&text=a")
    wanted = expect_results(tab, index, "a", {"province": {province}})
    assert 0 < len(wanted) < len(index["rows"])
    with tab.page.expect_download() as download:
        tab.page.click("#mcds-download")
    text = Path(download.value.path()).read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "the CSV must start with a byte-order mark for spreadsheets"
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) and set(ids) == set(wanted)
    assert ids[:50] == shown_ids(tab), "the CSV lists the results in the order of the page"
    by_id = {row[0]: row for row in index["rows"]}
    for r in rows:
        assert r["title"].removeprefix("'") == by_id[r["id"]][1]  # "'" neutralizes a formula
        assert float(r["cost_cad"]) == by_id[r["id"]][3]
        assert r["url"] == f"{tab.portal.url}en/catalogue/{r['id']}/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_download_neutralizes_formulas(tab: Tab, lang: str) -> None:
    open_find(tab, lang, f"?provider={XSS}")
    tab.page.wait_for_selector("#mcds-result-list li")
    with tab.page.expect_download() as download:
        tab.page.click("#mcds-download")
    text = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows[tab.portal.formula_id]["title"] == "'" + FORMULA_TITLE[lang]
    assert rows[tab.portal.xss_id]["title"] == XSS_TITLE


def test_without_javascript_the_catalogue_is_browsable_through_lists(browser: Any, portal: Portal) -> None:
    index = portal.index("en")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT)
        page.goto(f"{portal.url}en/catalogue/")
        assert not page.locator("#mcds-find").is_visible(), "the search form cannot work without JavaScript"
        assert word("needs_js", "en") in page.locator("article").inner_text()  # the <noscript> note
        counts = facet_counts(index, "province")
        province, label = next((code, name) for code, name in index["facets"][0]["values"] if counts[code])
        page.get_by_role("link", name=label, exact=True).click()
        page.wait_for_url(f"{portal.url}en/browse/province-{province.lower()}/")
        ids = {href.rstrip("/").rsplit("/", 1)[-1]
               for href in page.locator("#microcredential-list tbody a").evaluate_all("a => a.map(x => x.href)")}
        assert ids == {row[0] for row in matching(index, selected={"province": {province}})}
        page.goto(f"{portal.url}en/catalogue/")
        page.locator("#browse-provider + ul a").first.click()
        assert page.locator("#provider-records tbody tr").count() > 0
    finally:
        context.close()


# -- Language toggle, record pages, safety, network --------------------------------------------------------

def test_the_language_toggle_lands_on_the_same_page(tab: Tab) -> None:
    record = sorted(i for i in (row[0] for row in tab.portal.index("en")["rows"]) if i.startswith(BASE_SAMPLE))[0]
    pages = ["", "catalogue/", f"catalogue/{record}/", f"providers/{BASE_SAMPLE}/", "catalogue/statistics/",
             "reference/classes/Microcredential/", "browse/cip-" + record_cip(tab.portal, record) + "/"]
    for page in pages:
        tab.open(f"en/{page}")
        for lang in ("fr", "en"):  # there and back
            tab.page.click("a.mcds-language__link")
            tab.page.wait_for_url(tab.portal.url + f"{lang}/{page}")
            assert tab.page.locator("html").get_attribute("lang") == lang, page


def record_cip(portal: Portal, identifier: str) -> str:
    return portal.record(identifier)["field_of_study"][:2]


@pytest.mark.parametrize("lang", LANGS)
def test_a_record_page_shows_its_data(tab: Tab, lang: str) -> None:
    portal = tab.portal
    candidates = sorted(i for i in (row[0] for row in portal.index(lang)["rows"]) if i.startswith(BASE_SAMPLE))
    identifier = next(i for i in candidates if portal.record(i).get("offerings"))
    mc = portal.record(identifier)
    submission = json.loads((portal.site / "data" / "submissions" / f"{BASE_SAMPLE}.json").read_text(encoding="utf-8"))
    provider = next(o for o in submission["document"]["organizations"] if o["id"] == BASE_SAMPLE)
    t = Words(lang)
    tab.open(f"{lang}/catalogue/{identifier}/")
    page = tab.page
    assert page.locator("h1").inner_text() == mc["title"][lang]
    assert page.title().startswith(mc["title"][lang])
    assert page.locator(".mcds-byline").inner_text().count(provider["name"][lang]) >= 1
    facts = page.locator("dl.mcds-facts").inner_text()
    assert t.number(mc["workload_hours"]) in facts and t.money(domestic_cost(mc)) in facts
    outcomes = page.locator(".mcds-outcomes").inner_text()
    assert mc["learning_outcomes"][0]["statement"][lang] in outcomes
    offerings = page.locator('[aria-labelledby="offerings-table-caption"]').inner_text()
    assert mc["offerings"][0]["code"] in offerings and mc["offerings"][0]["start_date"] in offerings
    provenance = page.locator(".mcds-provenance").inner_text()
    assert submission["checksum"] in provenance and BASE_SAMPLE in provenance
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "Course" and data["name"] == mc["title"][lang] and data["courseCode"] == identifier
    assert data["url"] == page.url
    with page.expect_response(lambda r: r.url.endswith(f"/data/microcredentials/{identifier}.json")) as response:
        page.locator(".mcds-provenance a").first.click()
    assert response.value.ok and response.value.json() == mc


def test_a_script_title_shows_as_text_and_never_runs(tab: Tab) -> None:
    page = tab.page
    identifier = tab.portal.xss_id
    for path in [f"{lang}/catalogue/{identifier}/" for lang in LANGS] + [f"{lang}/providers/{XSS}/" for lang in LANGS]:
        tab.open(path)
        page.wait_for_load_state("load")
        if "/catalogue/" in path:
            assert page.locator("h1").inner_text() == XSS_TITLE
            assert page.title().startswith(XSS_TITLE)
            assert page.locator(".mcds-record > p", has_text="Opens").inner_text() == XSS_DESCRIPTION
            ld = json.loads(page.locator('script[type="application/ld+json"]').text_content())
            assert (ld["name"], ld["description"]) == (XSS_TITLE, XSS_DESCRIPTION)
            # What follows the JSON-LD is still part of the page, and the theme's script ran.
            assert page.locator("#wb-dtmd").count() == 1 and page.locator(".md-typeset__table").count() > 0
        else:
            assert page.get_by_role("link", name=XSS_TITLE, exact=True).count() == 1
        check_scripts(page)
    open_find(tab, "en", "?text=alert")
    link = page.locator("#mcds-result-list li > a")
    assert link.count() == 1 and link.inner_text() == XSS_TITLE
    check_scripts(page)
    assert tab.dialogs == []


def check_scripts(page: Any) -> None:
    """No script element holds the provider's text, except the JSON-LD data that names it."""
    for kind, source, text in page.evaluate(
            "() => Array.from(document.scripts).map(s => [s.type, s.getAttribute('src'), s.textContent])"):
        if "alert(1)" in text:
            assert kind == "application/ld+json" and not source, text
            assert json.loads(text)["name"] == XSS_TITLE


def test_only_the_find_page_downloads_the_catalogue_index(tab: Tab) -> None:
    portal = tab.portal
    record = sorted(i for i in (row[0] for row in portal.index("en")["rows"]) if i.startswith(BASE_SAMPLE))[0]
    for lang in LANGS:
        for path in ["", f"catalogue/{record}/", f"providers/{BASE_SAMPLE}/", f"browse/cip-{record_cip(portal, record)}/",
                     "catalogue/statistics/", "reference/classes/Microcredential/"]:
            tab.requests.clear()
            tab.open(f"{lang}/{path}")  # find.js asks for the index as soon as it runs, before "load"
            assert [u for u in tab.requests if u.endswith(".json") and "/catalogue/" in u
                    and not u.endswith(f"/data/microcredentials/{record}.json")] == [], path
        tab.requests.clear()
        open_find(tab, lang)
        assert tab.requests.count(f"{portal.url}{lang}/catalogue/index.json") == 1


# -- Accessibility of every page template ------------------------------------------------------------------

# One page of each template, by path under a language root ({record}, {provider} and {browse} are filled in
# from the built catalogue). test_every_page_of_the_site_has_a_checked_template keeps this list complete.
PAGE_KINDS = {
    "home": "",
    "documentation": "standard/providers/",  # hand-written, with highlighted code
    "contributing": "about/contributing/",
    "changelog": "about/changelog/",
    "reference": "reference/",
    "class": "reference/classes/Microcredential/",
    "codelist": "reference/codelists/DeliveryModeEnum/",
    "crosswalk": "reference/crosswalk/",
    "exports": "reference/exports/",
    "downloads": "reference/downloads/",
    "data-dictionary": "reference/data-dictionary/",
    "api": "reference/api/",
    "researchers": "data/researchers/",  # hand-written, with SQL and Python examples
    "eu-annex-i": "reference/eu-annex-i/",
    "errors": "reference/errors/",
    "find": "catalogue/",
    "compare": "catalogue/compare/?ids={record},{other}",  # two of the short list, side by side
    "statistics": "catalogue/statistics/",
    "dashboard": "catalogue/statistics/equity/",  # one page per policy question, each with charts
    "record": "catalogue/{record}/",
    "provider": "providers/{provider}/",
    "browse": "browse/{browse}/",
    "not-found": "404.html",
    "quality": "quality/",  # the data-quality pages (tests/test_quality_pages.py checks what they say)
    "quality-provider": "quality/{provider}/",
    "search": "search/",  # the portal's search page, opened with a query (SEARCH_QUERY) that has results
}
SEARCH_QUERY = {"en": "?q=care", "fr": "?q=soins"}
# Which kind each page of the built site is (the first pattern that matches its path under the language root).
KIND_PATTERNS = [
    ("record", r"catalogue/[^/]+\.[^/]+/index\.html"),
    ("dashboard", r"catalogue/statistics/[^/]+/index\.html"),
    ("provider", r"providers/[^/]+/index\.html"),
    ("browse", r"browse/[^/]+/index\.html"),
    ("quality-provider", r"quality/[^/]+/index\.html"),
    ("class", r"reference/classes/[^/]+/index\.html"),
    ("codelist", r"reference/codelists/[^/]+/index\.html"),
    ("not-found", r"404\.html"),
    ("compare", r"catalogue/compare/index\.html"),
    *[(kind, re.escape(path) + "index\\.html") for kind, path in PAGE_KINDS.items() if "{" not in path and not path.endswith(".html")],
    ("documentation", r"(standard|about)/[^/]+/index\.html"),  # the other hand-written pages
]
# The templates each kind renders; every template of the portal must be named here.
KIND_TEMPLATES = {
    "root": ["mcds/portal/templates/root-index.html"],
    "home": ["docs/overrides/main.html", "docs/overrides/partials/alternate.html", "docs/overrides/partials/copyright.html",
             "docs/overrides/partials/site-search.html", "mcds/portal/templates/catalogue/home.html.j2"],
    "search": ["mcds/portal/templates/search.md.j2"],
    "changelog": ["mcds/portal/templates/changelog.md.j2"],
    "reference": ["mcds/portal/templates/index.md.j2"],
    "class": ["mcds/portal/templates/class.md.j2"],
    "codelist": ["mcds/portal/templates/codelist.md.j2"],
    "crosswalk": ["mcds/portal/templates/crosswalk.md.j2"],
    "exports": ["mcds/portal/templates/exports.md.j2"],
    "downloads": ["mcds/portal/templates/downloads.md.j2"],
    "data-dictionary": ["mcds/portal/templates/data-dictionary.md.j2"],
    "api": ["mcds/portal/templates/api.md.j2"],
    "eu-annex-i": ["mcds/portal/templates/eu-annex-i.md.j2"],
    "errors": ["mcds/portal/templates/errors.md.j2"],
    "find": ["mcds/portal/templates/catalogue/find.md.j2"],
    "dashboard": ["mcds/portal/templates/catalogue/chart.html.j2"],
    "compare": ["mcds/portal/templates/catalogue/compare.md.j2"],
    "record": ["mcds/portal/templates/catalogue/record.html.j2", "mcds/portal/templates/catalogue/macros.html.j2"],
    "provider": ["mcds/portal/templates/catalogue/provider.html.j2"],
    "browse": ["mcds/portal/templates/catalogue/browse.html.j2"],
    "not-found": ["docs/overrides/404.html"],
    "quality": ["mcds/portal/templates/catalogue/quality-national.md.j2"],
    "quality-provider": ["mcds/portal/templates/catalogue/quality.html.j2"],
}
ROOT = Path(__file__).resolve().parent.parent
DESKTOP = {"width": 1280, "height": 900}
NARROW = 320  # CSS px: WCAG 1.4.10 reflow
SMALLEST_TEXT = 12  # CSS px
FOCUS_MARGIN = 8  # CSS px around a control where its focus indicator may be drawn
FOCUS_CONTRAST = 3.0
FOCUS_THICKNESS = 2  # CSS px: the indicator must cover at least a 2 px thick perimeter of the control
PAGES = [("root", None)] + [(kind, lang) for kind in PAGE_KINDS for lang in LANGS]
PAGE_IDS = [kind if lang is None else f"{kind}-{lang}" for kind, lang in PAGES]


def page_path(portal: Portal, kind: str, lang: str | None) -> str:
    if lang is None:
        return ""
    record = next(i for i in sorted(row[0] for row in portal.index(lang)["rows"])
                  if i.startswith(BASE_SAMPLE) and portal.record(i).get("offerings"))
    browse = f"cip-{record_cip(portal, record)}"
    other = next(i for i in sorted(row[0] for row in portal.index(lang)["rows"]) if not i.startswith(BASE_SAMPLE))
    return f"{lang}/" + PAGE_KINDS[kind].format(record=record, provider=BASE_SAMPLE, browse=browse, other=other)


def open_page(tab: Tab, kind: str, lang: str | None, viewport: dict[str, int] = DESKTOP) -> None:
    tab.page.set_viewport_size(viewport)
    tab.open(page_path(tab.portal, kind, lang) + (SEARCH_QUERY[lang] if kind == "search" and lang else ""))
    if kind == "find":
        tab.page.wait_for_selector("#mcds-result-list li")
    if kind == "compare":
        tab.page.wait_for_selector("#mcds-compare table")
    if kind == "search":
        tab.page.wait_for_selector("#mcds-search-results li")
    tab.page.wait_for_load_state("load")


def test_every_page_of_the_site_has_a_checked_template(portal: Portal) -> None:
    """The pages below cover every template of the portal and every kind of page the build writes."""
    found: dict[str, int] = {}
    for lang in LANGS:
        for path in sorted((portal.site / lang).rglob("*.html")):
            relative = path.relative_to(portal.site / lang).as_posix()
            kind = next((k for k, pattern in KIND_PATTERNS if re.fullmatch(pattern, relative)), None)
            assert kind is not None, f"{lang}/{relative} is a page of no known kind: add it to PAGE_KINDS"
            found[kind] = found.get(kind, 0) + 1
    assert set(found) == set(PAGE_KINDS), "every kind of page is built and checked"
    templates = {p.relative_to(ROOT).as_posix() for folder in ("mcds/portal/templates", "docs/overrides")
                 for p in (ROOT / folder).rglob("*") if p.is_file()}
    named = [t for names in KIND_TEMPLATES.values() for t in names]
    assert sorted(templates) == sorted(named), "name each template under the kind of page that shows it"
    assert set(KIND_TEMPLATES) <= set(PAGE_KINDS) | {"root"}
    assert (portal.site / "index.html").is_file()


@pytest.mark.parametrize(("kind", "lang"), PAGES, ids=PAGE_IDS)
def test_axe_finds_no_violation(tab: Tab, axe: Any, kind: str, lang: str | None) -> None:
    open_page(tab, kind, lang)
    assert axe_violations(tab.page, axe) == []


# The two pages with the widest content (facets, tables) also on a phone-sized screen.
@pytest.mark.parametrize(("kind", "lang"), [(k, lang) for k in ("find", "record") for lang in LANGS])
def test_axe_finds_no_violation_on_a_narrow_screen(tab: Tab, axe: Any, kind: str, lang: str) -> None:
    open_page(tab, kind, lang, {"width": NARROW, "height": 700})
    assert axe_violations(tab.page, axe) == []


# What axe cannot see: text size, reflow, focus and the colours of highlighted code.

TEXT_SIZES = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({visibilityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden text, for screen readers
    let size = parseFloat(getComputedStyle(element).fontSize);
    const svg = element.closest('svg');
    if (svg) size *= svg.getScreenCTM().a;  // a chart's text shrinks with its drawing
    if (size < %d) small.push(`${element.tagName.toLowerCase()}.${element.className.baseVal ?? element.className}: ` +
                              `${size.toFixed(1)} px "${node.textContent.trim().slice(0, 40)}"`);
  }
  return small;
}""" % SMALLEST_TEXT

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
    if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX) && a !== document.body
        && a !== document.documentElement) return true; } return false; };
  const wide = Array.from(document.body.querySelectorAll('*')).filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.right > width + 0.5 && e.checkVisibility() && !scrolls(e);
  }).map(e => `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className} ` +
              `(${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)})`);
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10)};
}"""


@pytest.mark.parametrize(("kind", "lang"), PAGES, ids=PAGE_IDS)
def test_text_is_readable_and_reflows_at_320_px(tab: Tab, kind: str, lang: str | None) -> None:
    """No text under 12 px, and no sideways scrolling of the page at 320 px (WCAG 1.4.10): wide tables
    scroll inside their own region, which is allowed."""
    for viewport in (DESKTOP, {"width": NARROW, "height": 700}):
        open_page(tab, kind, lang, viewport)
        assert tab.page.evaluate(TEXT_SIZES) == [], f"text under {SMALLEST_TEXT} px at {viewport['width']} px"
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["scrollWidth"] <= overflow["width"] == NARROW, overflow
    assert overflow["wide"] == [], overflow


def _luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG contrast ratio of two sRGB colours."""
    dark, light = sorted((_luminance(a), _luminance(b)))
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast((0x71, 0x71, 0x71), (0xF5, 0xF5, 0xF5)) == pytest.approx(4.48, abs=0.01)  # the old comment grey


def indicator_pixels(focused: bytes, plain: bytes) -> int:
    """How many pixels of two screenshots of the same area differ by at least FOCUS_CONTRAST."""
    from PIL import Image

    a, b = (Image.open(io.BytesIO(shot)).convert("RGB").tobytes() for shot in (focused, plain))
    assert len(a) == len(b)
    return sum(1 for i in range(0, len(a), 3)
               if a[i:i + 3] != b[i:i + 3] and contrast(a[i:i + 3], b[i:i + 3]) >= FOCUS_CONTRAST)


# The focused control: its boxes (one per line of a wrapped link), a name for messages, and the kind of
# control it is (tag, classes and the region it sits in), since controls of a kind share their focus style.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  window.__mcdsSeen = window.__mcdsSeen || new WeakSet();
  if (window.__mcdsSeen.has(e)) return null;
  window.__mcdsSeen.add(e);
  const boxes = Array.from(e.getClientRects()).filter(r => r.width > 0 && r.height > 0)
    .map(r => [r.left, r.top, r.right, r.bottom]);
  const classes = (e.className.baseVal ?? e.className).replace('focus-visible', '').trim();
  const region = e.parentElement.closest('header, nav, footer, table, figure, form, aside, details, dl, li, p, article');
  const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.id || '').trim().slice(0, 40);
  return {boxes, name: `${e.tagName.toLowerCase()}.${classes} "${name}"`, width: innerWidth, height: innerHeight,
          kind: `${e.tagName}.${classes}.${e.type || ''} in ${region ? region.tagName + '.' + region.className : 'body'}`};
}"""
# What focus changes in a control's computed style, the control unfocused then focused again (for the controls
# of a kind already measured in pixels).
STYLE_CHANGE = """() => {
  const e = document.activeElement, props = ['outline-style', 'outline-width', 'outline-color', 'box-shadow',
    'background-color', 'color', 'border-color', 'text-decoration-line'];
  const style = () => { const s = getComputedStyle(e); return props.map(p => s.getPropertyValue(p)); };
  const focused = style();
  e.blur();
  const plain = style();
  e.focus();
  return props.filter((p, i) => focused[i] !== plain[i]);
}"""
MEASURED_PER_KIND = 2


def focus_problem(page: Any, seen: dict[str, Any]) -> str | None:
    """Compare the focused control with itself unfocused: the changed pixels that contrast 3:1 with what was
    there must cover at least a 2 px thick perimeter of the control (of what the viewport shows of it)."""
    boxes, width, height = seen["boxes"], seen["width"], seen["height"]
    if not boxes:
        return "focusable but not drawn"
    left = max(0, int(min(b[0] for b in boxes)) - FOCUS_MARGIN)
    top = max(0, int(min(b[1] for b in boxes)) - FOCUS_MARGIN)
    right = min(width, int(max(b[2] for b in boxes)) + FOCUS_MARGIN + 1)
    bottom = min(height, int(max(b[3] for b in boxes)) + FOCUS_MARGIN + 1)
    if right <= left or bottom <= top:
        return "focused outside the viewport"
    # The control's outline in view: the edges of each box with room for an indicator beyond them, less where
    # a line of a wrapped link touches the next one.
    perimeter = 0.0
    for x0, y0, x1, y1 in boxes:
        across, down = max(0, min(x1, width) - max(x0, 0)), max(0, min(y1, height) - max(y0, 0))
        perimeter += across * ((y0 >= FOCUS_MARGIN) + (y1 + FOCUS_MARGIN <= height))
        perimeter += down * ((x0 >= FOCUS_MARGIN) + (x1 + FOCUS_MARGIN <= width))
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        perimeter -= 2 * max(0, min(upper[2], lower[2]) - max(upper[0], lower[0]))
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    focused = page.screenshot(clip=clip, animations="disabled", caret="hide", scale="css")
    page.evaluate("document.activeElement.blur()")
    plain = page.screenshot(clip=clip, animations="disabled", caret="hide", scale="css")
    changed, wanted = indicator_pixels(focused, plain), FOCUS_THICKNESS * perimeter
    return None if changed >= wanted else f"{changed} px change by {FOCUS_CONTRAST}:1, {wanted:.0f} wanted"


@pytest.mark.parametrize(("kind", "lang"), PAGES, ids=PAGE_IDS)
def test_every_control_shows_a_visible_focus(tab: Tab, kind: str, lang: str | None) -> None:
    """Tab through the page: each control reached must look different when focused (WCAG 2.4.7). The first
    controls of each kind are measured in pixels: an indicator that covers a 2 px perimeter at 3:1 against
    what was there before (as WCAG 2.4.13 measures); the others of their kind must change the same way."""
    page = tab.page
    open_page(tab, kind, lang)
    if kind == "find":  # the facet checkboxes are tab stops once their group is open
        page.locator("#mcds-facet-list > details > summary").first.click()
        page.evaluate("document.activeElement.blur()")
    problems, measured, reached = [], {}, 0
    for _ in range(2000):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:  # back at the start, or out of the page
            break
        reached += 1
        if measured.get(focused["kind"], 0) < MEASURED_PER_KIND:
            measured[focused["kind"]] = measured.get(focused["kind"], 0) + 1
            handle = page.evaluate_handle("document.activeElement")
            problem = focus_problem(page, focused)
            handle.evaluate("e => e.focus()")
        else:
            problem = None if set(page.evaluate(STYLE_CHANGE)) & {"outline-style", "box-shadow"} else "no focus style"
        if problem:
            problems.append(f"{focused['name']}: {problem}")
    else:
        pytest.fail("more than 2000 tab stops")
    assert reached >= (2 if kind == "root" else 10), f"only {reached} tab stops"
    if kind == "find":
        assert any("INPUT.." in k and "checkbox" in k for k in measured), measured
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", ["en/about/contributing/", "fr/standard/providers/"])
def test_highlighted_code_meets_4_5_to_1_in_every_colour_scheme(tab: Tab, path: str) -> None:
    """Every token colour of highlighted code against the code background, in each scheme mkdocs.yml offers."""
    palette = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["palette"]
    schemes = [p["scheme"] for p in (palette if isinstance(palette, list) else [palette])]
    tab.open(path)
    for scheme in schemes:
        tab.page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        pairs = tab.page.evaluate("""() => {
          const background = e => {  // the colour drawn behind e: its first ancestor's that is not transparent
            for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;
              if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; }
            return 'rgb(255, 255, 255)'; };
          return Array.from(document.querySelectorAll('.highlight code, .highlight code *'))
            .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => [e.className || 'code', getComputedStyle(e).color, background(e)]); }""")
        classes = {name for name, _, _ in pairs}
        assert classes - {"code"}, f"{path} has no highlighted token to check"
        low = {(name, fg, bg) for name, fg, bg in pairs if contrast(rgb(fg, rgb(bg)), rgb(bg)) < 4.5}
        assert low == set(), f"{scheme}: {sorted(low)}"


def rgb(css: str, under: tuple[int, ...] = (255, 255, 255)) -> tuple[int, ...]:
    """A computed `rgb(...)` or `rgba(...)` colour, as drawn over `under`."""
    found = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)", css)
    assert found, css
    alpha = 1.0 if found[4] is None else float(found[4])
    return tuple(round(alpha * int(found[i]) + (1 - alpha) * u) for i, u in zip((1, 2, 3), under, strict=True))
