"""Guards Find on any device, the reader's place, and the short list with its compare page (issue 15, items 4 to 6).

Why: on a phone the filters must not push the results 2.5 screens down (they live in a drawer, a modal dialog
with its focus kept inside, closed by "Show N results"); ticking a filter must show and announce its effect;
active filters must be visible and removable (chips); an empty result must say what to remove and how many
results that gives; neither Find nor the home and compare pages may move while they arrive or once the index has
loaded (layout shift 0); the language toggle, Back and "Show more" must keep the reader's place; and a short list
of up to four microcredentials, kept in the browser only, must be comparable side by side in a real table and
shareable as a link that restores it.
Counts are checked against tests/portal_support.matching, computed in Python from index.json.

These tests drive Debian's Chromium through Playwright on the session's sample portal (fixtures `portal` and
`browser`), desktop (1280 px) and phone (390 px) wide, in both languages. The accessibility checks of every
page template (axe, 320 px reflow, visible focus) run in tests/test_portal_browser.py, which lists the compare
page among the templates; here axe also checks the states a page reaches only by interaction (drawer open,
chips, empty state, a filled compare table).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import Tab, axe_violations, served_slowly, wait_until
from portal_support import BASE_SAMPLE, Portal, facet_counts, matching
from test_portal_browser import FOCUSED, OVERFLOW, count_text, focus_problem, open_find, wait_for_count

from mcds.portal.compare import NAMES
from mcds.portal.records import domestic_cost
from mcds.portal.words import word

pytestmark = pytest.mark.browser

LANGS = ("en", "fr")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WAIT = 5_000
# Measures layout shifts from the start of the page (buffered), leaving out those right after an input.
LAYOUT_SHIFT = """window.__mcdsShift = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) {
  if (!entry.hadRecentInput) { window.__mcdsShift += entry.value; } } }).observe({type: 'layout-shift', buffered: true});"""


@pytest.fixture
def tab(browser: Any, portal: Portal) -> Iterator[Tab]:
    context = browser.new_context(accept_downloads=True, viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    found = Tab(page, portal)
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    page.on("dialog", lambda dialog: (found.dialogs.append(dialog.message), dialog.dismiss()))
    yield found
    context.close()
    assert found.dialogs == [], f"a dialog opened: {found.dialogs}"
    assert found.errors == [], f"script errors: {found.errors}"



def spaced(text: str) -> str:
    """French numbers: the browser groups thousands with a narrow no-break space, Python with a no-break space."""
    return text.replace("\u202f", "\u00a0")


def value_of(index: dict[str, Any], facet: str, code: str) -> tuple[int, str]:
    """The checkbox number of a code in its facet, and its label."""
    values = next(f["values"] for f in index["facets"] if f["name"] == facet)
    position = [c for c, _ in values].index(code)
    return position, values[position][1]


def title_of(index: dict[str, Any], facet: str) -> str:
    return next(f["title"] for f in index["facets"] if f["name"] == facet)


def two_filters(index: dict[str, Any]) -> tuple[str, str, dict[str, set[str]]]:
    """A province and a delivery mode that give results together, fewer than either alone."""
    counts = facet_counts(index, "province")
    province = max(counts, key=counts.__getitem__)
    delivery_counts = facet_counts(index, "delivery", selected={"province": {province}})
    delivery = max((c for c, n in delivery_counts.items() if 0 < n < counts[province]), key=delivery_counts.__getitem__)
    return province, delivery, {"province": {province}, "delivery": {delivery}}


def query_of(tab: Tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.page.url).query)


def expect_count(tab: Tab, lang: str, n: int) -> None:
    from playwright.sync_api import expect

    expect(tab.page.locator("#mcds-count")).to_have_text(count_text(n, lang))


def tick(tab: Tab, facet: str, position: int) -> None:
    box = tab.page.locator(f"#mcds-f-{facet}-{position}")
    details = tab.page.locator("#mcds-facet-list > details", has=box)
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    box.check()


# -- The drawer on a phone ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_filters_are_a_drawer_closed_by_show_n_results(tab: Tab, lang: str) -> None:
    from playwright.sync_api import expect

    page = tab.page
    page.set_viewport_size(PHONE)
    index = tab.portal.index(lang)
    open_find(tab, lang)
    toggle = page.locator("#mcds-drawer-open")
    drawer = page.locator("#mcds-facets")
    assert toggle.is_visible() and not drawer.is_visible(), "on a phone the results come first, the filters wait"
    first = page.locator("#mcds-result-list li").first.bounding_box()
    assert first is not None and first["y"] < PHONE["height"], "the first result is on the first screen"
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    expect(drawer).to_be_visible()
    assert drawer.get_attribute("role") == "dialog" and drawer.get_attribute("aria-modal") == "true"
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "mcds-drawer-close"
    # The focus stays in the dialog: Shift+Tab from its first control goes to its last, "Show N results".
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "mcds-drawer-show"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mcds-drawer-close"
    province, delivery, selected = two_filters(index)
    tick(tab, "province", value_of(index, "province", province)[0])
    n = len(matching(index, selected={"province": {province}}))
    show = page.locator("#mcds-drawer-show")
    expect(show).to_have_text(spaced(word("drawer.show", lang, count=f"{n:,}".replace(",", "\u00a0" if lang == "fr" else ","))))
    expect_count(tab, lang, n)  # announced politely by the status region behind the dialog
    assert page.locator("#mcds-count").get_attribute("aria-live") == "polite"
    assert page.locator("#mcds-drawer-count").inner_text() == "(1)"
    show.click()
    expect(drawer).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "mcds-results-heading"
    assert query_of(tab) == {"province": [province]}
    # Escape closes it too, and gives the focus back to the Filters button.
    toggle.click()
    expect(drawer).to_be_visible()
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    assert page.evaluate("document.activeElement.id") == "mcds-drawer-open"
    assert drawer.get_attribute("role") == "group" and drawer.get_attribute("aria-modal") is None


def test_on_a_wide_screen_the_filters_sit_beside_the_results(tab: Tab) -> None:
    open_find(tab, "en")
    assert tab.page.locator("#mcds-facets").is_visible()
    assert not tab.page.locator("#mcds-drawer-open").is_visible()
    assert tab.page.locator("#mcds-facets").get_attribute("role") == "group"


@pytest.mark.parametrize("lang", LANGS)
def test_the_drawer_has_a_visible_focus_on_every_control_and_passes_axe(tab: Tab, axe: Any, lang: str) -> None:
    page = tab.page
    page.set_viewport_size(PHONE)
    open_find(tab, lang)
    page.click("#mcds-drawer-open")
    page.locator("#mcds-facets").wait_for(state="visible")
    assert axe_violations(tab.page, axe) == []
    problems, reached = [], 0
    for _ in range(60):  # the close button, clear, the open groups' summaries and boxes, Show N results
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        assert page.evaluate("document.getElementById('mcds-facets').contains(document.activeElement)")
        reached += 1
        handle = page.evaluate_handle("document.activeElement")
        problem = focus_problem(page, focused)
        handle.evaluate("e => e.focus()")
        if problem:
            problems.append(f"{focused['name']}: {problem}")
        page.keyboard.press("Tab")
    assert reached > 5 and problems == [], problems


# -- Chips, the empty state, and feedback --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_chips_show_the_active_filters_and_remove_them(tab: Tab, axe: Any, lang: str) -> None:

    index = tab.portal.index(lang)
    province, delivery, selected = two_filters(index)
    open_find(tab, lang, f"?province={province}&delivery={delivery}&text=a")
    expect_count(tab, lang, len(matching(index, "a", selected)))
    chips = tab.page.locator("#mcds-chips button")
    expected = [f"{word('search.label', lang)}: a", f"{title_of(index, 'delivery')}: {value_of(index, 'delivery', delivery)[1]}",
                f"{title_of(index, 'province')}: {value_of(index, 'province', province)[1]}"]
    got = [text.replace("\u00d7", "").strip() for text in chips.all_inner_texts()]
    assert sorted(got) == sorted(expected)
    assert tab.page.locator("#mcds-chips").get_attribute("aria-label") == word("chips.label", lang)
    province_chip = chips.filter(has_text=expected[2])
    assert province_chip.get_attribute("aria-label") == word("chip.remove", lang, filter=expected[2])
    assert axe_violations(tab.page, axe) == []
    province_chip.click()
    expect_count(tab, lang, len(matching(index, "a", {"delivery": {delivery}})))
    assert not tab.page.locator(f"#mcds-f-province-{value_of(index, 'province', province)[0]}").is_checked()
    wait_until(tab.page, "!location.search.includes('province=')")
    assert query_of(tab) == {"delivery": [delivery], "text": ["a"]}
    assert tab.page.evaluate("document.activeElement.classList.contains('mcds-chip')"), "the focus goes to the next chip"
    for _ in range(2):
        tab.page.locator("#mcds-chips button").first.click()
    expect_count(tab, lang, len(index["rows"]))
    assert tab.page.locator("#mcds-chips").is_hidden()
    assert tab.page.evaluate("document.activeElement.id") == "mcds-results-heading"


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_result_says_what_to_remove_and_resets(tab: Tab, axe: Any, lang: str) -> None:
    from playwright.sync_api import expect

    index = tab.portal.index(lang)
    province, _, _ = two_filters(index)
    word_only_elsewhere = "qqzzxj"
    open_find(tab, lang, f"?province={province}&text={word_only_elsewhere}")
    expect_count(tab, lang, 0)
    empty = tab.page.locator("#mcds-empty")
    expect(empty).to_be_visible()
    assert word("empty.text", lang) in empty.inner_text()
    assert tab.page.locator("#mcds-download").is_hidden(), "no CSV of nothing"
    options = [spaced(t) for t in tab.page.locator("#mcds-empty-list button").all_inner_texts()]
    keyword = f"{word('search.label', lang)}: {word_only_elsewhere}"
    place = f"{title_of(index, 'province')}: {value_of(index, 'province', province)[1]}"
    n_without_keyword = len(matching(index, selected={"province": {province}}))
    assert options == [spaced(word("empty.remove", lang, filter=keyword, count=count_text(n_without_keyword, lang))),
                       word("empty.remove", lang, filter=place, count=count_text(0, lang))]
    assert axe_violations(tab.page, axe) == []
    tab.page.locator("#mcds-empty-list button").first.click()
    expect_count(tab, lang, n_without_keyword)
    expect(empty).to_be_hidden()
    open_find(tab, lang, f"?province={province}&text={word_only_elsewhere}")
    expect_count(tab, lang, 0)
    tab.page.get_by_role("link", name=word("empty.reset", lang)).click()
    expect_count(tab, lang, len(index["rows"]))
    wait_until(tab.page, "location.search === ''")
    assert tab.page.evaluate("document.activeElement.id") == "mcds-results-heading"


def test_the_skip_link_leads_to_the_results(tab: Tab) -> None:
    open_find(tab, "en")
    link = tab.page.get_by_role("link", name=word("skip_results", "en"))
    link.focus()
    assert link.is_visible(), "the skip link shows when it has the focus"
    tab.page.keyboard.press("Enter")
    wait_until(tab.page, "location.hash === '#mcds-results-heading'")
    assert tab.page.evaluate("document.activeElement.id") == "mcds-results-heading"
    tab.page.keyboard.press("Tab")  # the next stop is in the results, not the 40 filter controls
    assert tab.page.evaluate("document.querySelector('.mcds-results').contains(document.activeElement)")


# -- No layout shift ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_find_does_not_shift_while_it_loads(tab: Tab, lang: str, viewport: dict[str, int]) -> None:
    index = tab.portal.index(lang)
    province, delivery, selected = two_filters(index)
    tab.page.set_viewport_size(viewport)
    tab.page.add_init_script(LAYOUT_SHIFT)
    for query in ("", f"?province={province}&delivery={delivery}"):
        open_find(tab, lang, query)
        tab.page.wait_for_selector("#mcds-result-list li")
        tab.page.wait_for_timeout(300)  # the shortlist boxes and the address are written after the results
        assert tab.page.evaluate("window.__mcdsShift") == 0, f"layout shift on {lang}/catalogue/{query}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_nothing_shifts_while_a_page_arrives_slowly(tab: Tab, lang: str, viewport: dict[str, int]) -> None:
    """Painted while it was still being read, the header moved its search form (seen under load), and the
    compare page's controls moved down under the table: each page here arrives a few kilobytes at a time."""
    compared = "%2C".join(sorted(p.stem for p in (tab.portal.site / "data" / "microcredentials").glob("*.json"))[:4])
    tab.page.set_viewport_size(viewport)
    tab.page.add_init_script(LAYOUT_SHIFT)
    with served_slowly(tab.portal.site) as root:
        for path, ready in [("", "#mcds-home-text"), ("catalogue/", "#mcds-result-list li"),
                            ("catalogue/compare/", "#mcds-compare-status"),
                            (f"catalogue/compare/?ids={compared}", "#mcds-compare table")]:
            tab.page.goto(f"{root}{lang}/{path}")
            tab.page.wait_for_selector(ready)
            tab.page.wait_for_timeout(300)
            assert tab.page.evaluate("window.__mcdsShift") == 0, f"layout shift on {lang}/{path}"


# -- Keeping the reader's place ------------------------------------------------------------------------------

def test_the_filters_survive_the_language_toggle(tab: Tab) -> None:
    en, fr = tab.portal.index("en"), tab.portal.index("fr")
    province, delivery, selected = two_filters(en)
    open_find(tab, "en", f"?province={province}&delivery={delivery}&sort=cost")
    expect_count(tab, "en", len(matching(en, selected=selected)))
    tab.page.evaluate("location.hash = 'mcds-results-heading'")
    tab.page.click("a.mcds-language__link")
    tab.page.wait_for_url(re.compile(r".*/fr/catalogue/\?.*"), wait_until="commit")
    assert urlsplit(tab.page.url).fragment == "mcds-results-heading"
    assert query_of(tab) == {"province": [province], "delivery": [delivery], "sort": ["cost"]}
    wait_for_count(tab.page)
    expect_count(tab, "fr", len(matching(fr, selected=selected)))
    assert tab.page.locator(f"#mcds-f-province-{value_of(fr, 'province', province)[0]}").is_checked()
    assert tab.page.input_value("#mcds-sort") == "cost"
    # A filter changed after the page loaded goes along too.
    tab.page.locator("#mcds-chips button").filter(has_text=value_of(fr, "delivery", delivery)[1]).click()
    wait_until(tab.page, "!location.search.includes('delivery=')")
    tab.page.click("a.mcds-language__link")
    tab.page.wait_for_url(re.compile(r".*/en/catalogue/\?.*"), wait_until="commit")
    assert query_of(tab) == {"province": [province], "sort": ["cost"]}


@pytest.mark.parametrize("lang", LANGS)
def test_back_steps_through_the_filter_changes(tab: Tab, lang: str) -> None:
    index = tab.portal.index(lang)
    province, delivery, selected = two_filters(index)
    open_find(tab, lang)
    tick(tab, "province", value_of(index, "province", province)[0])
    wait_until(tab.page, "location.search.includes('province=')")
    tick(tab, "delivery", value_of(index, "delivery", delivery)[0])
    wait_until(tab.page, "location.search.includes('delivery=')")
    expect_count(tab, lang, len(matching(index, selected=selected)))
    tab.page.go_back()
    wait_until(tab.page, "!location.search.includes('delivery=')")
    assert query_of(tab) == {"province": [province]}
    expect_count(tab, lang, len(matching(index, selected={"province": {province}})))
    assert not tab.page.locator(f"#mcds-f-delivery-{value_of(index, 'delivery', delivery)[0]}").is_checked()
    tab.page.go_back()
    wait_until(tab.page, "location.search === ''")
    expect_count(tab, lang, len(index["rows"]))
    assert tab.page.url.endswith(f"/{lang}/catalogue/"), "Back stays on Find until the first step"
    tab.page.go_forward()
    expect_count(tab, lang, len(matching(index, selected={"province": {province}})))


def test_show_more_and_the_scroll_position_survive_back(tab: Tab) -> None:
    index = tab.portal.index("en")
    assert len(index["rows"]) > 75
    open_find(tab, "en")
    tab.page.click("#mcds-more")
    wait_until(tab.page, "document.querySelectorAll('#mcds-result-list li').length === 100")
    assert tab.page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#mcds-result-list li')[50]"), \
        "the first new result takes the focus"
    target = tab.page.locator("#mcds-result-list li > a").nth(74)
    target.scroll_into_view_if_needed()
    scrolled = tab.page.evaluate("window.scrollY")
    assert scrolled > 1000
    href = target.get_attribute("href")
    target.click()
    tab.page.wait_for_url(re.compile(r".*/catalogue/[^/]+\.[^/]+/$"))
    tab.page.go_back()
    wait_until(tab.page, "document.querySelectorAll('#mcds-result-list li').length === 100")
    wait_until(tab.page, f"Math.abs(window.scrollY - {scrolled}) < 5")
    assert tab.page.locator("#mcds-result-list li > a").nth(74).get_attribute("href") == href


# -- The short list and the compare page ---------------------------------------------------------------------

def shortlist(tab: Tab) -> list[str]:
    return json.loads(tab.page.evaluate("localStorage.getItem('mcds.shortlist') || '[]'"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_four_microcredentials_compared_side_by_side(tab: Tab, axe: Any, lang: str, viewport: dict[str, int]) -> None:
    from playwright.sync_api import expect

    portal = tab.portal
    tab.page.set_viewport_size(viewport)
    open_find(tab, lang, "?sort=cost")
    boxes = tab.page.locator("#mcds-result-list .mcds-shortlist-box")
    items = tab.page.locator("#mcds-result-list li")
    chosen = [items.nth(i).get_attribute("data-id") for i in range(4)]
    for i in range(4):
        boxes.nth(i).check()
    assert shortlist(tab) == chosen
    link = tab.page.locator("#mcds-shortlist-link")
    assert word("shortlist.count", lang, count=4, max=4) in link.inner_text()
    boxes.nth(4).click()  # a fifth is refused, and the reader is told why
    assert not boxes.nth(4).is_checked()
    expect(tab.page.locator("#mcds-shortlist-status")).to_have_text(word("shortlist.full", lang, max=4))
    assert shortlist(tab) == chosen
    link.click()
    tab.page.wait_for_selector("#mcds-compare table")
    assert query_of(tab) == {"ids": [",".join(chosen)]}
    table = tab.page.locator("#mcds-compare table")
    assert table.locator("caption").inner_text() == word("compare.caption", lang, count=4)
    region = tab.page.locator("#mcds-compare .mcds-scroll")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    columns = table.locator("thead th[scope=col]")
    records = [portal.record(i) for i in chosen]
    assert [c.strip() for c in columns.all_inner_texts()] == [r["title"].get(lang) or r["title"]["en"] for r in records]
    assert [a.split("/")[-2] for a in columns.locator("a").evaluate_all("links => links.map(a => a.href)")] == chosen
    rows = table.locator("tbody th[scope=row]").all_inner_texts()
    assert rows == [word(f"compare.row.{key}", lang) for key in
                    ("provider", "cost", "duration", "workload", "delivery", "credit", "start", "funding", "partners", "outcomes")]

    def cells(row: int) -> list[str]:
        return [c.strip() for c in table.locator("tbody tr").nth(row).locator("td").all_inner_texts()]

    costs = [float(re.sub(r"[^\d,.]", "", c).replace(",", "." if lang == "fr" else "").replace("\u202f", "")) for c in cells(1)]
    assert costs == [domestic_cost(r) for r in records]
    assert cells(2) == [word("compare.weeks", lang, weeks=r["duration_weeks"]) for r in records]
    names = json.loads((portal.site / lang / "catalogue" / NAMES).read_text(encoding="utf-8"))
    assert cells(0) == [names[r["id"].split(".")[0]][0] for r in records]
    for cell, record in zip(cells(8), records, strict=True):
        partners = [names[e["partner"]][0] for e in record.get("employer_engagements", [])]
        assert cell.split("\n") == partners if partners else cell == word("compare.none", lang)
    for cell, record in zip(cells(9), records, strict=True):
        assert cell.split("\n")[0] == (record["learning_outcomes"][0]["statement"].get(lang)
                                       or record["learning_outcomes"][0]["statement"]["en"])
    assert axe_violations(tab.page, axe) == []
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["scrollWidth"] <= overflow["width"], overflow
    # Remove one: the list, the table and the link follow.
    tab.page.get_by_role("button", name=f"{word('compare.remove', lang)} {columns.first.inner_text().strip()}").click()
    expect(table.locator("caption")).to_have_text(word("compare.caption", lang, count=3))
    assert shortlist(tab) == chosen[1:]
    assert query_of(tab) == {"ids": [",".join(chosen[1:])]}
    assert tab.page.input_value("#mcds-share-link") == tab.page.url


def test_a_shared_short_list_link_restores_the_list(browser: Any, portal: Portal) -> None:
    from playwright.sync_api import expect

    ids = sorted(i for i in (row[0] for row in portal.index("fr")["rows"]) if i.startswith(BASE_SAMPLE))[:2]
    context = browser.new_context(viewport=DESKTOP)  # another browser: nothing stored yet
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT)
        page.goto(f"{portal.url}fr/catalogue/compare/?ids={','.join(ids)}")
        page.wait_for_selector("#mcds-compare table")
        assert page.locator("#mcds-compare thead th[scope=col]").count() == 2
        assert json.loads(page.evaluate("localStorage.getItem('mcds.shortlist')")) == ids
        page.goto(f"{portal.url}fr/catalogue/?provider={BASE_SAMPLE}")
        wait_for_count(page)
        ticked = page.locator(".mcds-shortlist-box:checked").evaluate_all("boxes => boxes.map(b => b.value)")
        assert sorted(ticked) == ids
        assert word("shortlist.count", "fr", count=2, max=4) in page.locator("#mcds-shortlist-link").inner_text()
        # Emptied, the page says how to fill it.
        page.goto(f"{portal.url}fr/catalogue/compare/")
        page.wait_for_selector("#mcds-compare table")
        page.click("#mcds-compare-clear")
        expect(page.locator("#mcds-compare-status")).to_have_text(word("compare.empty", "fr"))
        assert page.locator("#mcds-compare table").count() == 0
        assert json.loads(page.evaluate("localStorage.getItem('mcds.shortlist')")) == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_of_find_compare_record_or_provider_scrolls_sideways_at_320_px(tab: Tab, lang: str) -> None:
    record = next(i for i in sorted(row[0] for row in tab.portal.index(lang)["rows"])
                  if i.startswith(BASE_SAMPLE) and tab.portal.record(i).get("offerings"))
    ids = ",".join(sorted(row[0] for row in tab.portal.index(lang)["rows"])[:4])
    tab.page.set_viewport_size({"width": 320, "height": 700})
    for path, ready in [("catalogue/", "#mcds-result-list li"), (f"catalogue/compare/?ids={ids}", "#mcds-compare table"),
                        (f"catalogue/{record}/", "h1"), (f"providers/{BASE_SAMPLE}/", "h1")]:
        tab.open(f"{lang}/{path}")
        tab.page.wait_for_selector(ready)
        overflow = tab.page.evaluate(OVERFLOW)
        assert overflow["scrollWidth"] <= overflow["width"] == 320 and overflow["wide"] == [], (path, overflow)
