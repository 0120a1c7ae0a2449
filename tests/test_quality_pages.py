"""The data-quality pages and bilingual completeness (issue 18 item 4, issue 16 item 3).

Completeness is measured on every bilingual text of every record, nested ones included, as the compiled
standard declares them; the pages of the session portal say, in each language, each publisher's verdict, its
findings in the page's language and its completeness with every missing text listed and downloadable. A small
portal built from a harvested folder shows the harvest history and the stale reason, and passes axe and the
320 px reflow check in both languages."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import harvest_support as hs
import pytest
from browser_support import CHROMIUM_ARGS  # noqa: F401 - the browser fixture's settings, shared
from portal_support import REJECTED, STALE, XSS, Portal, free_port, run_build, serve_portal, stop_portal

from mcds.harvest import fetch, run
from mcds.i18n import LANGUAGE_NAMES
from mcds.portal.words import word
from mcds.publish import completeness
from mcds.publish.gate import read_document
from mcds.standard import model

LANGS = ("en", "fr")
GAPPY = "taiga-resource-sector-council"  # a sample with French texts missing


def text_of(path: Path) -> str:
    content = path.read_text(encoding="utf-8")
    body = content[content.index('<div class="md-content"'):] if '<div class="md-content"' in content else content
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


# -- Completeness ------------------------------------------------------------------------------------------

def test_every_bilingual_slot_of_the_standard_is_measured() -> None:
    expected = sorted((cls["name"], slot["name"]) for cls in model.model()["classes"] for slot in cls["slots"]
                      if slot["range"] == "LocalizedText")
    assert completeness.text_slots() == expected
    assert ("LearningOutcome", "statement") in expected and ("EmployerEngagement", "endorsement") in expected


def test_each_missing_language_is_found_where_it_is_nested_or_not() -> None:
    document = read_document(hs.SAMPLES / "kestrel-bay-college")
    before = completeness.measure(document)
    assert before.gaps == [] and before.texts == before.complete > 100
    mc = document["microcredentials"][1]
    mc["learning_outcomes"][2]["statement"].pop("fr")
    mc["title"]["en"] = ""
    document["organizations"][0]["name"].pop("fr")
    after = completeness.measure(document)
    assert after.texts == before.texts and after.complete == before.complete - 3
    assert {(g.record, g.table, g.path, g.missing) for g in after.gaps} == {
        (mc["id"], "Microcredential", "learning_outcomes[3].statement", "fr"),
        (mc["id"], "Microcredential", "title", "en"),
        (document["organizations"][0]["id"], "Organization", "name", "fr")}
    assert after.missing("fr") == 2 and after.missing("en") == 1


# -- The session portal ------------------------------------------------------------------------------------

def published_documents(portal: Portal) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))["document"]
            for p in sorted((portal.site / "data" / "submissions").glob("*.json"))}


@pytest.mark.parametrize("lang", LANGS)
def test_the_national_table_lists_every_publisher_with_its_status(portal: Portal, lang: str) -> None:
    page = text_of(portal.site / lang / "quality" / "index.html")
    total = completeness.national(completeness.measure(d) for d in published_documents(portal).values())
    share = f"{total.share * 100:.1f} %".replace(".", "," if lang == "fr" else ".")
    assert share in page and word("quality.title", lang) in page
    rows = re.findall(r"<tr><td>(.*?)</tr>", (portal.site / lang / "quality" / "index.html").read_text(encoding="utf-8"))
    by_link = {re.search(r'href="([^"]+)/"', row)[1]: row for row in rows if "href" in row}
    assert set(by_link) == set(portal.samples) | {STALE, XSS}
    assert all((portal.site / lang / "quality" / link / "index.html").is_file() for link in by_link), "links resolve"
    assert word("quality.verdict.stale", lang) in by_link[STALE]
    assert word("quality.verdict.published", lang) in by_link[GAPPY]


@pytest.mark.parametrize("lang", LANGS)
def test_a_publisher_page_lists_its_missing_texts_and_the_download_has_them_all(portal: Portal, lang: str) -> None:
    measured = completeness.measure(published_documents(portal)[GAPPY])
    assert measured.gaps, "the sample lacks some French texts"
    page = text_of(portal.site / lang / "quality" / GAPPY / "index.html")
    for gap in measured.gaps:
        assert f"{gap.record} " in page and gap.path in page
    assert f"{LANGUAGE_NAMES['fr'][lang]}" in page
    download = portal.site / "data" / "quality" / f"{GAPPY}.missing-text.csv"
    rows = list(csv.DictReader(io.StringIO(download.read_text(encoding="utf-8"))))
    assert rows == completeness.gap_rows(measured)
    assert f'href="../../../data/quality/{GAPPY}.missing-text.csv"' in (portal.site / lang / "quality" / GAPPY / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_a_stale_publisher_page_shows_the_refused_version_findings_in_the_page_language(portal: Portal, lang: str) -> None:
    page = text_of(portal.site / lang / "quality" / STALE / "index.html")
    assert word("quality.verdict.stale", lang) in page and "type-error" in page
    assert "workload_hours" in page and (("ligne" in page) if lang == "fr" else ("row" in page))


def test_a_submission_never_published_nor_registered_is_not_named(portal: Portal) -> None:
    """What the catalogue tests ask of every page (tests/test_portal_catalogue.py) holds here too."""
    for lang in LANGS:
        assert not (portal.site / lang / "quality" / REJECTED).exists()
        assert REJECTED not in (portal.site / lang / "quality" / "index.html").read_text(encoding="utf-8")


def test_provider_pages_link_to_their_data_quality_page(portal: Portal) -> None:
    for lang in LANGS:
        provider = (portal.site / lang / "providers" / GAPPY / "index.html").read_text(encoding="utf-8")
        assert f'href="../../quality/{GAPPY}/"' in provider and word("quality.link", lang) in provider
        assert (portal.site / lang / "quality" / GAPPY / "index.html").is_file()


# -- A portal built from a harvested folder -------------------------------------------------------------------

HARVESTED_GOOD = "kestrel-bay-college"
HARVESTED_BROKEN = "fundy-shore-university"


@pytest.fixture(scope="module")
def harvested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """Two publishers harvested three times (the second one's file broken at the third) and the portal built."""
    root = tmp_path_factory.mktemp("harvested-portal")
    server = hs.start(hs.Server())
    try:
        server.routes.update({"/k.json": hs.as_json(HARVESTED_GOOD), "/f.json": hs.as_json(HARVESTED_BROKEN)})
        registry_file = hs.registry(root / "registry", [(HARVESTED_GOOD, server.url("/k.json")),
                                                        (HARVESTED_BROKEN, server.url("/f.json"))])
        settings = fetch.Settings(timeout=2, retries=0, allow_private=True)
        run.harvest(registry_file, root / "harvested", settings)
        run.harvest(registry_file, root / "harvested", settings)
        server.routes["/f.json"] = hs.as_json(HARVESTED_BROKEN, lambda d: d["microcredentials"][0].update(workload_hours=-1))
        run.harvest(registry_file, root / "harvested", settings)
    finally:
        hs.stop(server)
    (root / "work").mkdir()
    url = f"http://127.0.0.1:{free_port()}/"
    result = run_build(root / "harvested", root / "site", root / "work", url)
    portal = Portal(root / "site", url, root / "harvested", root / "site", root / "work", result.args, result.stdout,
                    result.stderr, [HARVESTED_GOOD, HARVESTED_BROKEN], "", "")
    serve_portal(portal)
    yield portal
    stop_portal(portal)


@pytest.mark.parametrize("lang", LANGS)
def test_the_harvest_history_and_the_stale_reason_are_shown(harvested: Portal, lang: str) -> None:
    page = (harvested.site / lang / "quality" / HARVESTED_BROKEN / "index.html").read_text(encoding="utf-8")
    history = re.search(r'<table id="history-table">.*?</table>', page, re.S)[0]
    rows = re.findall(r"<tr><td>", history)
    assert len(rows) == 3
    verdicts = [word(f"quality.harvest.{v}", lang) for v in ("invalid", "unchanged", "published")]
    cells = [re.findall(r"<td>(.*?)</td>", row)[2] for row in re.findall(r"<tr><td>.*?</tr>", history)]
    assert cells == verdicts, "latest first"
    assert "HTTP" not in cells and "304" in history
    assert word("quality.verdict.stale", lang) in text_of(harvested.site / lang / "quality" / HARVESTED_BROKEN / "index.html")
    reason = {"en": "The new file has 1 errors.", "fr": "Le nouveau fichier a 1 erreurs."}[lang]
    assert reason in html.unescape(page)
    findings = re.search(r'<table id="findings-table">.*?</table>', page, re.S)[0]
    assert "workload_hours" in findings and ("ligne" if lang == "fr" else "row") in findings, "the refused file's findings"
    provider = (harvested.site / lang / "providers" / HARVESTED_BROKEN / "index.html").read_text(encoding="utf-8")
    assert word("stale", lang) in html.unescape(provider), "the provider page says its data is the last good one"
    national = (harvested.site / lang / "quality" / "index.html").read_text(encoding="utf-8")
    assert word("quality.last_harvest", lang) in national


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["quality/", f"quality/{HARVESTED_BROKEN}/"])
def test_the_harvested_quality_pages_pass_axe_and_reflow_at_320_px(browser: Any, axe: Any, harvested: Portal, lang: str,
                                                                   page: str) -> None:
    from browser_support import axe_violations
    from test_portal_browser import OVERFLOW, TEXT_SIZES

    for width in (1280, 320):
        context = browser.new_context(viewport={"width": width, "height": 800})
        tab = context.new_page()
        try:
            response = tab.goto(f"{harvested.url}{lang}/{page}")
            assert response is not None and response.ok
            assert axe_violations(tab, axe) == []
            assert tab.evaluate(TEXT_SIZES) == []
            if width == 320:
                overflow = tab.evaluate(OVERFLOW)
                assert overflow["scrollWidth"] <= overflow["width"] == 320 and overflow["wide"] == [], overflow
        finally:
            context.close()
