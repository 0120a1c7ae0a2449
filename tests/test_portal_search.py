"""Guards the catalogue-first home page and the portal's one search (mcds/portal/home.py, mcds/portal/search.py,
docs/assets/javascripts/search.js and find-search.js), in both languages.

Why: a member of the public lands on the home page; it must lead to the catalogue (a keyword box and a province
that reach the Find page even without JavaScript, counts and shortcuts computed from the published catalogue),
and one search must find microcredentials, providers and documentation by the words a learner uses: a word of a
description or of a learning outcome, an English or French word in another form (stemming), ranked by relevance.
The search index is built at build time (Pagefind), one per language, and must leave the build deterministic.

Expectations are computed here from the published records (data/microcredentials/*.json) and the Find index, not
read back from the search. The browser tests drive Chromium against the session portal (tests/conftest.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import Tab, axe_violations, wait_until
from markupsafe import escape
from portal_support import BASE_SAMPLE, XSS, Portal, fold
from test_portal_browser import NARROW, OVERFLOW, wait_for_count

from mcds.portal import home, search
from mcds.portal.words import word

LANGS = ("en", "fr")
WAIT = 10_000  # milliseconds: the first search loads Pagefind's program
# The search's answer on the Find page (find-search.js): ranks() answers null until it is in, then calls back
# once; still null then means that the search could not load.
ANSWER = """text => new Promise(done => {
    let asked = 0;
    const ask = () => { const ranks = window.mcdsFindSearch.ranks(text, ask); asked += 1;
                        if (ranks || asked > 1) { done(ranks && Array.from(ranks.keys())); } };
    ask();
})"""


@pytest.fixture
def tab(browser: Any, portal: Portal) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT)
    found = Tab(page, portal)
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    yield found
    context.close()
    assert found.errors == [], f"script errors: {found.errors}"


def record_texts(portal: Portal, identifier: str, lang: str) -> list[str]:
    """The title, description and learning outcomes of a record in one language (what the search reads)."""
    record = portal.record(identifier)
    texts = [record["title"].get(lang, ""), record["description"].get(lang, "")]
    return texts + [o["statement"].get(lang, "") for o in record.get("learning_outcomes", [])]


def words_of(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W\d_]+", text)}


def description_word(portal: Portal, lang: str) -> tuple[str, str]:
    """A record of the base sample and a word of its description that few descriptions have (the sample is also
    copied under other names) and that Find's own text (title, provider, field, occupations, skills) of no record
    holds, even inside a word: only the search can find it."""
    rows = portal.index(lang)["rows"]
    find_text = [fold(row[6]) for row in rows]
    descriptions = {row[0]: words_of(portal.record(row[0])["description"].get(lang, "")) for row in rows}
    for row in sorted(rows):
        if not row[0].startswith(BASE_SAMPLE + "."):
            continue
        for candidate in sorted(descriptions[row[0]]):
            if len(candidate) >= 7 and not any(candidate in text for text in find_text) and sum(
                    candidate in found for found in descriptions.values()) <= 3:
                return row[0], candidate
    raise AssertionError(f"no word of a {BASE_SAMPLE} description is rare enough ({lang})")


def open_search(tab: Tab, lang: str, query: str) -> list[str]:
    """Open the search page for `query`; return the addresses of the results listed."""
    tab.open(f"{lang}/search/?q={query}")
    wait_until(tab.page,
        "() => { const s = document.getElementById('mcds-search-status').textContent; return s && !s.endsWith('…'); }")
    return tab.page.locator("#mcds-search-results li > a").evaluate_all("links => links.map(a => a.href)")


def find_results(tab: Tab) -> list[str]:
    """The record identifiers the Find page lists, once the search's answer is in."""
    wait_for_count(tab.page)
    query = tab.page.input_value("#mcds-text")
    assert tab.page.evaluate(ANSWER, query) is not None, f"the search did not answer {query!r}"
    tab.page.wait_for_timeout(50)  # the page updates in the same task as the answer; let it paint
    hrefs = tab.page.locator("#mcds-result-list li > a").evaluate_all("links => links.map(a => a.href)")
    return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]


def record_id(href: str) -> str | None:
    found = re.search(r"/catalogue/([^/]+\.[^/]+)/$", href)
    return found[1] if found else None


# -- The home page ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_finds_a_record_by_a_word_of_its_description(tab: Tab, lang: str) -> None:
    identifier, term = description_word(tab.portal, lang)
    tab.open(f"{lang}/")
    tab.page.fill("#mcds-home-text", term)
    tab.page.click(".mcds-home-form button[type=submit]")
    tab.page.wait_for_url(re.compile(r"/catalogue/\?"))
    assert identifier in find_results(tab), f"{term!r} of {identifier}'s description"
    assert tab.page.input_value("#mcds-text") == term
    assert tab.page.input_value("#mcds-sort") == "relevance"


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_leads_with_the_catalogue_and_its_counts(portal: Portal, lang: str) -> None:
    """The block comes before the standard's prose, with the counts and shortcuts of the published catalogue."""
    page = (portal.site / lang / "index.html").read_text(encoding="utf-8")
    block, standard = page.find('class="mcds-home-find"'), page.find('id="' + ("what-the-data-must-answer" if lang == "en"
                                                                                else "les-questions-auxquelles-les-donnees-doivent-repondre"))
    assert 0 < block < standard
    index = portal.index(lang)
    records = len(index["rows"])
    providers = len(list((portal.site / lang / "providers").iterdir()))
    provinces = {code for code, _ in next(f for f in index["facets"] if f["name"] == "province")["values"]}
    counts = re.findall(r'<span class="mcds-home-count"><strong>([^<]+)</strong>', page)
    assert [c.replace("\u00a0", "").replace(",", "") for c in counts] == [str(records), str(providers), str(len(provinces))]
    options = re.findall(r'<option value="([^"]*)">', page[block:])
    assert options[0] == "" and set(options[1:]) == provinces
    # Each shortcut is a Find address with the facet codes that answer it, and the count Find will show.
    by_facet = {f["name"]: [c for c, _ in f["values"]] for f in index["facets"]}
    for facet, codes, text in (("delivery", home.ONLINE, "home.online"), ("cost", home.UNDER_500, "home.under_500"),
                               ("funding", home.STUDENT_AID, "home.student_aid")):
        position = [f["name"] for f in index["facets"]].index(facet)
        wanted = sum(any(by_facet[facet][v] in codes for v in row[7][position]) for row in index["rows"])
        href = home.link(**{facet: codes}).replace("&", "&amp;")
        if wanted:
            assert f'<a href="{href}">{escape(word(text, lang))}</a> <span class="mcds-muted">({wanted})</span>' in page
        else:
            assert escape(word(text, lang)) not in page[block:standard]


def test_the_home_form_reaches_find_without_javascript_and_find_applies_it(browser: Any, portal: Portal) -> None:
    index = portal.index("en")
    province = next(f for f in index["facets"] if f["name"] == "province")["values"][0][0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(portal.url + "en/")
    page.fill("#mcds-home-text", "welding")
    page.select_option("#mcds-home-province", province)
    page.click(".mcds-home-form button[type=submit]")
    page.wait_for_url(re.compile(r"/en/catalogue/\?"))
    address = page.url
    assert parse_qs(urlsplit(address).query) == {"text": ["welding"], "province": [province], "sort": ["relevance"]}
    context.close()
    context = browser.new_context()
    tab = Tab(context.new_page(), portal)
    tab.page.set_default_timeout(WAIT)
    tab.page.goto(address)
    shown = find_results(tab)
    position = [f["name"] for f in index["facets"]].index("province")
    box = tab.page.locator(f"#mcds-f-province-{[c for c, _ in index['facets'][position]['values']].index(province)}")
    assert box.is_checked() and tab.page.input_value("#mcds-text") == "welding"
    in_province = {row[0] for row in index["rows"]
                   if province in {index["facets"][position]["values"][v][0] for v in row[7][position]}}
    welding = {row[0] for row in index["rows"] if "welding" in row[1].casefold()}
    assert set(shown) <= in_province and welding & in_province <= set(shown)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_is_accessible_and_reflows_at_320_px(tab: Tab, axe: Any, lang: str) -> None:
    for viewport in ({"width": 1280, "height": 900}, {"width": NARROW, "height": 700}):
        tab.page.set_viewport_size(viewport)
        tab.open(f"{lang}/")
        assert axe_violations(tab.page, axe) == [], viewport
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["scrollWidth"] <= overflow["width"] == NARROW and overflow["wide"] == [], overflow
    # On a phone the header keeps its search as a button that opens the search page.
    assert not tab.page.locator("#mcds-site-search").is_visible()
    tab.page.click(".mcds-site-search__button")
    tab.page.wait_for_url(re.compile(rf"/{lang}/search/"))


# -- The search ------------------------------------------------------------------------------------------------

def test_welding_finds_the_welding_microcredentials_first(tab: Tab) -> None:
    index = tab.portal.index("en")
    welding = {row[0] for row in index["rows"] if "welding" in row[1].casefold()}
    assert len(welding) >= 2
    found = [record_id(href) for href in open_search(tab, "en", "welding")]
    assert set(found[:len(welding)]) == welding, found
    tab.open("en/catalogue/?text=welding&sort=relevance")
    assert set(find_results(tab)[:len(welding)]) == welding


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_page_announces_its_count_and_finds_providers_and_documentation(tab: Tab, lang: str) -> None:
    found = open_search(tab, lang, "kestrel")
    status = tab.page.locator("#mcds-search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    total = int(re.sub(r"\D", "", status.inner_text().split(" ")[0]))
    assert total >= len(found) > 0
    assert any(href.endswith("/providers/kestrel-bay-college/") for href in found)
    found = open_search(tab, lang, "crosswalk" if lang == "en" else "correspondance")
    assert any("/reference/crosswalk/" in href for href in found), found
    kinds = tab.page.locator(".mcds-search-kind").all_inner_texts()
    assert word("search.kind.documentation", lang) in kinds
    # The header's form leads here from any page, with the query.
    tab.open(f"{lang}/standard/providers/")
    tab.page.fill("#mcds-site-search", "dementia" if lang == "en" else "démence")
    tab.page.press("#mcds-site-search", "Enter")
    tab.page.wait_for_url(re.compile(rf"/{lang}/search/\?q="))
    tab.page.wait_for_selector("#mcds-search-results li")
    assert any(record_id(h) == "kestrel-bay-college.personal-support-dementia-care" for h in
               tab.page.locator("#mcds-search-results li > a").evaluate_all("links => links.map(a => a.href)"))


def test_a_french_word_finds_the_french_records_in_its_other_forms(tab: Tab) -> None:
    """"soins" finds the records that say "soins", and, through stemming, those that say only "soin"."""
    rows = tab.portal.index("fr")["rows"]
    forms = {row[0]: words_of(" ".join(record_texts(tab.portal, row[0], "fr"))) & {"soin", "soins"} for row in rows}
    plural = {i for i, found in forms.items() if "soins" in found}
    singular = {i for i, found in forms.items() if found == {"soin"}}
    assert plural and singular, "the samples must say both soins and soin"
    first = record_id(open_search(tab, "fr", "soins")[0])
    assert first in plural, first
    tab.open("fr/catalogue/?text=soins")
    assert len(plural | singular) <= 50, "Find lists 50 results at first"
    assert plural | singular <= set(find_results(tab))


def test_healthcare_finds_the_health_care_records(tab: Tab) -> None:
    rows = tab.portal.index("en")["rows"]
    health_care = {row[0] for row in rows if "health care" in row[1].casefold()}
    assert health_care and not any("healthcare" in fold(row[6]) for row in rows if row[0] in health_care)
    tab.open("en/catalogue/?text=healthcare")
    assert health_care <= set(find_results(tab))


# -- The index in the built site -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index_of_every_record(portal: Portal, lang: str) -> None:
    root = portal.site / lang
    entry = json.loads((root / search.BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [lang]
    ids = json.loads((root / search.RECORDS).read_text(encoding="utf-8"))
    assert sorted(ids.values()) == sorted(row[0] for row in portal.index(lang)["rows"])
    assert all(page.startswith(f"{lang}_") for page in ids)
    assert not [name for name in search.UNUSED if (root / search.BUNDLE / name).exists()]
    assert not (root / "search" / "search_index.json").exists(), "the theme's search is replaced"
    assert any(p.name.startswith(XSS) for p in (root / "providers").iterdir())
