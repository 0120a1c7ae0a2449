"""Guards the page "Validate your file" / « Valider votre fichier » in a real browser: a provider uploads a valid
and an invalid workbook through the page, in each language, and reads the report in the page; without
JavaScript the plain form post gives the report as a page; on a static host, where /api/health does not
answer, the page says so and points to the local check. The page passes axe-core's WCAG 2.1 A and AA rules
before and after a report is shown, and does not scroll sideways at 320 px.

Why: the service exists for providers who work in Excel and a browser (issue 17); only a browser shows
whether the form, the script and the announcements work together. Marked `browser`, like
tests/test_portal_browser.py, whose fixtures and checks these reuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import Tab, axe_violations, wait_until
from openpyxl import load_workbook
from portal_support import BASE_SAMPLE, Portal
from service_support import workbook_from_package
from test_portal_browser import OVERFLOW

from mcds.standard import paths

pytestmark = pytest.mark.browser

LANGS = ("en", "fr")
VERDICTS = {"en": ("VALID", "INVALID"), "fr": ("VALIDE", "NON VALIDE")}
HEADINGS = {"en": "Validate your file", "fr": "Valider votre fichier"}
WAIT = 30_000  # milliseconds: a validation, the first one of a worker included



@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("workbooks")
    valid = workbook_from_package(paths.SUBMISSIONS_DIR / BASE_SAMPLE, folder / f"{BASE_SAMPLE}.xlsx")
    book = load_workbook(valid)
    sheet = book["microcredentials"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("workload_hours") + 1, value="forty")
    invalid = folder / "invalid" / f"{BASE_SAMPLE}.xlsx"
    invalid.parent.mkdir()
    book.save(invalid)
    return {"valid": valid, "invalid": invalid}


def _tab(browser: Any, portal: Portal, **options: Any) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, **options)
    page = context.new_page()
    page.set_default_timeout(WAIT)
    found = Tab(page, portal)
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    page.on("request", lambda request: found.requests.append(request.url))
    yield found
    context.close()
    assert found.errors == [], f"script errors: {found.errors}"
    assert all(url.startswith(portal.url) for url in found.requests), "a request left the portal"


@pytest.fixture
def tab(browser: Any, portal: Portal) -> Iterator[Tab]:
    yield from _tab(browser, portal)


@pytest.fixture
def plain_tab(browser: Any, portal: Portal) -> Iterator[Tab]:
    yield from _tab(browser, portal, java_script_enabled=False)



def open_validate(tab: Tab, lang: str) -> None:
    tab.open(f"{lang}/standard/validate/")
    # The script has asked the service for its limits: the page is ready.
    wait_until(tab.page, "document.querySelector('[data-mcds-limit]').textContent === '25'")


def submit(tab: Tab, workbook: Path) -> str:
    tab.page.set_input_files("#mcds-validate-file", str(workbook))
    tab.page.click("#mcds-validate button[type=submit]")
    tab.page.wait_for_selector("#mcds-validate-report:not([hidden])")
    return tab.page.locator("#mcds-validate-status").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_provider_validates_a_valid_and_an_invalid_workbook_in_the_page(tab: Tab, axe: Any, workbooks: dict[str, Path],
                                                                          lang: str) -> None:
    open_validate(tab, lang)
    assert tab.page.locator("h1").inner_text().rstrip("¶") == HEADINGS[lang]
    assert tab.page.locator("#mcds-validate-lang").input_value() == lang  # the report's language: the page's
    assert axe_violations(tab.page, axe) == []
    valid, invalid = VERDICTS[lang]

    status = submit(tab, workbooks["valid"])
    report = tab.page.locator("#mcds-validate-report")
    assert status.startswith(f"{BASE_SAMPLE}.xlsx {valid} ")
    assert tab.page.locator("#mcds-validate-status").get_attribute("role") == "status"
    assert report.locator("h2").first.inner_text() == f"{BASE_SAMPLE}.xlsx {valid}"
    assert tab.page.evaluate("document.activeElement.id") == "mcds-validate-report"

    status = submit(tab, workbooks["invalid"])
    assert status.startswith(f"{BASE_SAMPLE}.xlsx {invalid} ")
    assert report.locator("code", has_text="type-error").count() == 1
    cells = report.locator("td").all_inner_texts()
    # The place as Excel shows it: the sheet, the row and the column's letter and name.
    assert {"en": 'sheet microcredentials, row 2, column K "workload_hours"',
            "fr": "feuille microcredentials, ligne 2, colonne K « workload_hours »"}[lang] in cells, cells
    assert any('"forty"' in text or "« forty »" in text for text in cells), cells
    assert axe_violations(tab.page, axe) == []

    tab.page.set_viewport_size({"width": 320, "height": 700})
    overflow = tab.page.evaluate(OVERFLOW)
    assert overflow["scrollWidth"] <= overflow["width"] == 320, overflow
    assert overflow["wide"] == [], overflow


def test_the_other_language_can_be_chosen_for_the_report(tab: Tab, workbooks: dict[str, Path]) -> None:
    open_validate(tab, "en")
    tab.page.select_option("#mcds-validate-lang", "fr")
    assert submit(tab, workbooks["invalid"]).startswith(f"{BASE_SAMPLE}.xlsx NON VALIDE ")


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_form_post_gives_the_report_page(plain_tab: Tab, workbooks: dict[str, Path],
                                                                lang: str) -> None:
    plain_tab.open(f"{lang}/standard/validate/")
    plain_tab.page.set_input_files("#mcds-validate-file", str(workbooks["invalid"]))
    with plain_tab.page.expect_navigation():
        plain_tab.page.click("#mcds-validate button[type=submit]")
    assert plain_tab.page.url == plain_tab.portal.url + "api/validate"
    assert plain_tab.page.locator("html").get_attribute("lang") == lang
    assert plain_tab.page.locator("h2").first.inner_text() == f"{BASE_SAMPLE}.xlsx {VERDICTS[lang][1]}"


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_static_host_the_page_points_to_the_local_check(tab: Tab, axe: Any, lang: str) -> None:
    tab.page.route("**/api/health", lambda route: route.fulfill(status=404, body="not found"))
    tab.open(f"{lang}/standard/validate/")
    status = tab.page.locator("#mcds-validate-status")
    status.wait_for()
    offline = tab.page.locator("#mcds-validate").get_attribute("data-offline")
    assert status.inner_text() == offline and status.get_attribute("role") == "alert"
    assert tab.page.locator("#mcds-validate-file").is_disabled()
    assert "pipx install" in tab.page.locator("pre").first.inner_text()
    assert axe_violations(tab.page, axe) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_file_is_announced_as_an_error(tab: Tab, tmp_path: Path, lang: str) -> None:
    wrong = tmp_path / "notes.xlsx"
    wrong.write_bytes(b"this is not a workbook")
    open_validate(tab, lang)
    status = submit(tab, wrong)
    assert tab.page.locator("#mcds-validate-status").get_attribute("role") == "status"
    assert status.startswith(f"notes.xlsx {'INUTILISABLE' if lang == 'fr' else 'NOT USABLE'}")


def test_every_control_of_the_form_shows_the_portal_focus_ring(tab: Tab) -> None:
    """Reached with the keyboard, each control draws the portal's 3 px ring (the pixel measurement of
    tests/test_portal_browser.py covers the ring itself on every kind of page)."""
    open_validate(tab, "fr")
    controls = ["#mcds-validate-lang", "#mcds-validate-profile", "#mcds-validate-file", "#mcds-validate-annotate",
                "#mcds-validate button[type=submit]"]
    tab.page.keyboard.press("Tab")
    reached = []
    for _ in range(200):
        tab.page.keyboard.press("Tab")
        found = tab.page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            // the form's own submit button, not another button of the page (the header's search)
            return {id: e.id || (e.closest('#mcds-validate') ? e.tagName : 'other ' + e.tagName),
                    visible: e.matches(':focus-visible'), style: s.outlineStyle,
                    width: s.outlineWidth}; }""")
        if found["id"] == "BUTTON" or found["id"].startswith("mcds-validate"):
            reached.append(found)
        if found["id"] == "BUTTON":
            break
    assert [r["id"] for r in reached] == [c.lstrip("#").split(" ")[0] if " " not in c else "BUTTON" for c in controls]
    assert all(r["visible"] and r["style"] == "solid" and r["width"] == "3px" for r in reached), reached
