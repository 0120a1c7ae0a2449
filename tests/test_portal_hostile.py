"""Guards the portal against hostile provider text: markup, attribute breaks, template syntax and `javascript:`
addresses in every field a page shows must stay inert text, in the files and in a live browser.

Why: every text of a submission is written by a provider and published to everyone. The portal renders it with
Jinja, Markdown (MkDocs), JSON-LD and JavaScript (the Find page, the site search); an escaping slip in any of
them runs the provider's script in a reader's browser, and a template engine that evaluates `{{ 7*7 }}` in
data runs the provider's code at build time.

One portal is built for this file from two copies of a sample in datapackages/, made here: one where EVERY
free-text field (titles, descriptions, names, outcomes, notes, conditions...) in both languages holds
PAYLOAD after a marker naming the field and row, and every web address holds URL_PAYLOAD (still a valid
address); one where every web address is `javascript:alert(1)`, which validation must reject at the exact row
and column, so that nothing of it is published. The browser checks, in Chromium, every page that shows the
records: record, provider, browse, Find (searching for them), statistics and the site search, with the JSON-LD
of the record pages. Marked `browser`, like tests/test_portal_browser.py, whose fixtures these tests share.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser_support import Tab
from portal_support import (
    LANGS,
    MCDS,
    Portal,
    copy_sample,
    free_port,
    rewrite_table,
    run_build,
    serve_portal,
    stop_portal,
)

from mcds.portal import dashboard

pytestmark = pytest.mark.browser

HOSTILE = "hostile-college"  # valid: hostile text in every text field, hostile but valid web addresses
JAVASCRIPT = "javascript-college"  # invalid: `javascript:` in every web address, so never published
PAYLOAD = ('<script>window.__x=1</script> <img src=x onerror=window.__x=1> " onmouseover="window.__x=1 '
           "({{ 7*7 }}) ({% raw %}x{% endraw %}) [${7*7}]")
# A web address may hold no space, so this is the payload without them; it is still a valid https address.
URL_PAYLOAD = 'https://hostile.example/{field}/<script>window.__x=1</script>"onmouseover="window.__x=1"({{{{7*7}}}})[${{7*7}}]'
# What the payload's template syntax would show had any template engine evaluated it.
EVALUATED = ("(49)", "[49]", "(x)")
MARKER = re.compile(r"⟦([a-z_]+)\.([a-z_]+)\.(\d+)⟧ ")
TEXT_PATTERN = r"[\s\S]*(?:\S)[\s\S]*"  # the generated pattern of every LocalizedText column
URL_PATTERN = r"https?://[^\s/$.?#][^\s]*"  # the generated pattern of every WebAddress column
JAVASCRIPT_URL = "javascript:alert(1)"
CHART_LABEL = 38  # characters: the statistics charts cut their labels there (the table beside has them whole)
# Text fields no page shows: they are published in the JSON records and open data only.
NOT_SHOWN = {
    "learning_outcomes.proficiency_level": "the record page shows an outcome's statement, type and skills",
}


def text_and_url_fields(package: dict[str, Any]) -> dict[str, tuple[list[str], list[str]]]:
    """table -> (its free-text columns, its web-address columns), from the package's own Table Schemas."""
    found = {}
    for resource in package["resources"]:
        text, urls = [], []
        for spec in resource["schema"]["fields"]:
            constraints, mcds = spec.get("constraints", {}), spec.get("mcds", {})
            if spec["type"] != "string":
                continue
            if constraints.get("pattern") == URL_PATTERN:
                urls.append(spec["name"])
            elif constraints.get("pattern") == TEXT_PATTERN or not (set(constraints) - {"required"} or mcds.get("parent")):
                text.append(spec["name"])
        found[resource["name"]] = (text, urls)
    return found


def make_hostile(folder: Path, fields: dict[str, tuple[list[str], list[str]]]) -> None:
    """Every row's text fields hold a marker then PAYLOAD; its web addresses hold URL_PAYLOAD."""
    for table, (text, urls) in fields.items():
        def change(rows: list[dict[str, str]], table: str = table, text: list[str] = text, urls: list[str] = urls) -> None:
            for number, row in enumerate(rows):
                for name in text:
                    row[name] = f"⟦{table}.{name}.{number}⟧ {PAYLOAD}"  # numbered: titles must differ
                for name in urls:
                    row[name] = URL_PAYLOAD.format(field=f"{table}.{name}")

        if text or urls:
            rewrite_table(folder, table, change)


def make_javascript(folder: Path, fields: dict[str, tuple[list[str], list[str]]]) -> dict[tuple[str, str], int]:
    """`javascript:alert(1)` in every web-address column (first row); return {(file, column): row number}."""
    written = {}
    for table, (_, urls) in fields.items():
        if urls:
            def change(rows: list[dict[str, str]], urls: list[str] = urls) -> None:
                for name in urls:
                    rows[0][name] = JAVASCRIPT_URL

            rewrite_table(folder, table, change)
            written.update({(f"{table}.csv", name): 2 for name in urls})  # row 1 is the header
    return written


@dataclass
class Hostile:
    """The portal built from the hostile submissions, and what was written into them."""

    portal: Portal
    fields: dict[str, tuple[list[str], list[str]]]  # table -> (text columns, web-address columns)
    javascript: dict[tuple[str, str], int]  # (file, column) -> the row that holds `javascript:alert(1)`

    def ids(self) -> list[str]:
        return sorted(p.stem for p in (self.portal.site / "data" / "microcredentials").glob("*.json"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    root = tmp_path_factory.mktemp("hostile")
    submissions = root / "submissions"
    folder = copy_sample(submissions / HOSTILE, HOSTILE)
    fields = text_and_url_fields(json.loads((folder / "datapackage.json").read_text(encoding="utf-8")))
    make_hostile(folder, fields)
    javascript = make_javascript(copy_sample(submissions / JAVASCRIPT, JAVASCRIPT), fields)
    workdir = root / "work"
    workdir.mkdir()
    url = f"http://127.0.0.1:{free_port()}/"
    result = run_build(submissions, root / "site", workdir, url)
    # No previous site, and none of the main fixture's special records (xss_id, formula_id).
    portal = Portal(root / "site", url, submissions, root / "site", workdir, result.args, result.stdout, result.stderr,
                    [HOSTILE], "", "")
    serve_portal(portal)
    try:
        yield Hostile(portal, fields, javascript)
    finally:
        stop_portal(portal)


# -- Validation and the files ------------------------------------------------------------------------------

def test_the_hostile_submission_is_valid_and_covers_every_text_field(hostile: Hostile) -> None:
    """Hostile text is not invalid by itself: it must reach the portal for the rest of this file to mean anything."""
    result = subprocess.run([*MCDS, "validate", str(hostile.portal.submissions / HOSTILE), "--format", "json",
                             "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["valid"] is True
    text = {f"{table}.{name}" for table, (names, _) in hostile.fields.items() for name in names}
    assert {"microcredentials.title_en", "microcredentials.title_fr", "organizations.name_fr",
            "learning_outcomes.statement_en", "offerings.municipality"} <= text
    assert len([u for _, urls in hostile.fields.values() for u in urls]) == len(hostile.javascript) >= 7
    assert len(hostile.ids()) > 5


@pytest.mark.parametrize("lang", LANGS)
def test_javascript_addresses_are_rejected_at_their_row_and_column(hostile: Hostile, lang: str) -> None:
    result = subprocess.run([*MCDS, "validate", str(hostile.portal.submissions / JAVASCRIPT), "--format", "json",
                             "--lang", lang], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = json.loads(result.stdout)["errors"]
    found = {(e["code"], e["file"], e["row"], e["column"]) for e in errors}
    wanted = {(code, file, row, column) for (file, column), row in hostile.javascript.items()
              for code in ("constraint-error", "bad-url")}
    assert found == wanted
    assert all(JAVASCRIPT_URL in e["message"] and e["value"] == JAVASCRIPT_URL for e in errors)


def published_files(site: Path) -> Iterator[Path]:
    """Every file the build wrote, but the theme's own scripts (which are not data)."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and "javascripts" not in path.parts and path.suffix not in (".gz", ".xlsx"):
            yield path


def test_nothing_of_the_rejected_submission_and_no_javascript_address_is_published(hostile: Hostile) -> None:
    site = hostile.portal.site
    assert f"Not published: {JAVASCRIPT}" in hostile.portal.stderr
    checked = 0
    for path in published_files(site):
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert "javascript:" not in text.lower(), path
        assert JAVASCRIPT not in text, path
        checked += 1
    assert checked > 100


def test_no_published_file_evaluates_template_syntax_and_no_page_holds_raw_markup(hostile: Hostile) -> None:
    """JSON and CSV keep the text as written; HTML pages hold it escaped, outside any script but JSON-LD."""
    site = hostile.portal.site
    pages = 0
    for path in published_files(site):
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert not [e for e in EVALUATED if e in text], path
        if path.suffix == ".html":
            pages += "⟦" in text
            assert Markup(text).injected == [], path
    assert pages > 20


class Markup(HTMLParser):
    """What the payload would have become in a page had it not been escaped: elements and attributes."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self._script: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.injected += [f"<{tag} {name}>" for name, value in attrs if name.startswith("on") and "__x" in (value or "")]
        if tag == "img" and ("src", "x") in attrs:
            self.injected.append("<img src=x>")
        self._script = dict(attrs).get("type") or "" if tag == "script" else None

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None and "__x" in data and self._script != "application/ld+json":
            self.injected.append(f"<script>{data[:40]}")


# -- In the browser ----------------------------------------------------------------------------------------

@pytest.fixture
def hostile_tab(browser: Any, hostile: Hostile) -> Iterator[Tab]:  # noqa: F811 - `browser` is the fixture
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(5_000)
    found = Tab(page, hostile.portal)
    page.on("dialog", lambda dialog: (found.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    yield found
    context.close()
    assert found.dialogs == [], f"a dialog opened: {found.dialogs}"
    assert found.errors == [], f"script errors: {found.errors}"


SHOWN = """() => ({
  ran: window.__x !== undefined,
  handlers: Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes)
      .filter(a => a.name.startsWith('on') && a.value.includes('__x')).map(a => `${e.tagName} ${a.name}`)),
  injected: Array.from(document.querySelectorAll('img[src=x], script:not([src])'))
      .filter(e => e.tagName === 'IMG' || /__x/.test(e.textContent) && e.type !== 'application/ld+json').length,
  text: document.body.innerText,
  // The whole text of each element that holds a field's text (the JSON-LD is read as JSON; a chart's label
  // wrapped on several lines of an SVG <text> is read whole), and whether it is an excerpt of the portal's search.
  fields: Array.from(new Set(Array.from(document.querySelectorAll('body *')).flatMap(e => Array.from(e.childNodes))
      .filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.includes('⟦'))
      .map(n => n.parentElement.closest('svg text') || n.parentElement)))
      .filter(e => e.tagName !== 'SCRIPT').map(e => [e.textContent, e.closest('.mcds-search-excerpt') !== null]),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
})"""


def check_page(tab: Tab, hostile: Hostile) -> set[str]:
    """Nothing ran or was injected, every marker is followed by the payload as written and every hostile web
    address is a link to itself; return the fields the page shows."""
    tab.page.mouse.move(640, 450)  # where an attribute broke out, a mouse over it would run it
    tab.page.mouse.move(300, 200)
    seen = tab.page.evaluate(SHOWN)
    assert not seen["ran"], "a provider's script ran"
    assert seen["handlers"] == [] and seen["injected"] == 0, seen["handlers"]
    assert not [e for e in EVALUATED if e in seen["text"]], "template syntax was evaluated"
    fields = set()
    for text, excerpt in seen["fields"]:
        for marker in MARKER.finditer(text):
            fields.add(f"{marker[1]}.{marker[2]}")
            shown, written = text[marker.start():], marker[0] + PAYLOAD
            # A chart's label is the text cut, not changed; so is a search excerpt, which ends at a word's end.
            assert shown.startswith(written) or shown.startswith(written[:CHART_LABEL]) and not shown.startswith(
                written[:CHART_LABEL + 1]) or excerpt and written.startswith(shown) and written[len(shown)] == " ", (
                f"{marker[0]} is followed by {shown[len(marker[0]):][:len(PAYLOAD)]!r}")
    urls = {f"{t}.{u}" for t, (_, names) in hostile.fields.items() for u in names}
    for href in seen["links"]:
        assert not href.lower().startswith("javascript:"), href
        if href.startswith("https://hostile.example/"):
            field = href.split("/")[3]
            assert field in urls and href == URL_PAYLOAD.format(field=field), href
            fields.add(field)
    return fields


def shown_everywhere(hostile: Hostile, lang: str) -> set[str]:
    other = "fr" if lang == "en" else "en"
    return {f"{t}.{n}" for t, (text, urls) in hostile.fields.items() for n in text + urls
            if not n.endswith(f"_{other}") and f"{t}.{n}" not in NOT_SHOWN}


@pytest.mark.parametrize("lang", LANGS)
def test_record_pages_show_hostile_text_as_text(hostile_tab: Tab, hostile: Hostile, lang: str) -> None:
    """Across the record pages, every text field and web address of the language is shown, and only as text."""
    shown: set[str] = set()
    for identifier in hostile.ids():
        hostile_tab.open(f"{lang}/catalogue/{identifier}/")
        shown |= check_page(hostile_tab, hostile)
        record = hostile.portal.record(identifier)
        page = hostile_tab.page
        assert page.locator("h1").inner_text() == record["title"][lang]
        assert page.title().startswith(record["title"][lang])
        data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
        assert data["name"] == record["title"][lang] and data["description"] == record["description"][lang]
    assert shown == shown_everywhere(hostile, lang) - {"organizations.homepage"}  # linked from the provider page


@pytest.mark.parametrize("lang", LANGS)
def test_provider_browse_statistics_and_find_pages_show_hostile_text_as_text(hostile_tab: Tab, hostile: Hostile,
                                                                              lang: str) -> None:
    tab = hostile_tab
    title, name = f"microcredentials.title_{lang}", f"organizations.name_{lang}"
    tab.open(f"{lang}/providers/{HOSTILE}/")
    # The provider page also shows its description, address and its provider-level outcome reports' policy.
    assert check_page(tab, hostile) == {title, name, "organizations.homepage", f"organizations.description_{lang}",
                                        "organizations.street_address", "organizations.locality",
                                        "organizations.postal_code", f"outcome_reports.suppression_policy_{lang}"}
    browse = sorted(p.name for p in (hostile.portal.site / lang / "browse").iterdir())
    assert {b.split("-")[0] for b in browse} == {"province", "cip", "noc"}
    for folder in browse:
        tab.open(f"{lang}/browse/{folder}/")
        assert title in check_page(tab, hostile), folder
    shown: set[str] = set()
    for page in ("", *(f"{slug}/" for slug, _, _ in dashboard.QUESTIONS)):  # the dashboard's overview and pages
        tab.open(f"{lang}/catalogue/statistics/{page}")
        shown |= check_page(tab, hostile)
    assert shown == {name, f"strategy_alignments.strategy_name_{lang}"}  # providers (Q3) and strategies (Q5)
    tab.open(f"{lang}/catalogue/?text=onmouseover")
    tab.page.wait_for_selector("#mcds-result-list li")
    results = tab.page.locator("#mcds-result-list li > a")
    assert results.count() == len(hostile.ids())
    assert check_page(tab, hostile) >= {title, name}
    for label in tab.page.locator("#mcds-facet-list label").all_inner_texts():
        if "⟦" in label:
            assert PAYLOAD in label


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_search_shows_hostile_text_as_text(hostile_tab: Tab, hostile: Hostile, lang: str) -> None:
    """The portal's search (reached from the header's form) shows the titles and excerpts of the records,
    providers and pages it finds, excerpts that Pagefind gives as HTML."""
    tab = hostile_tab
    tab.open(f"{lang}/")
    tab.page.fill("#mcds-site-search", "onmouseover")
    tab.page.press("#mcds-site-search", "Enter")
    tab.page.wait_for_selector("#mcds-search-results li")
    assert "⟦" in tab.page.locator("#mcds-search-results").inner_text()
    check_page(tab, hostile)
