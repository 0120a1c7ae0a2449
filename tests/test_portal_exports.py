"""Guards how the portal publishes the exports (issue 14): every published record in CTDL, ELM, Open Badges 3.0
(one file per language) and schema.org under data/, linked from its record page and announced in the page's
<head>; one national file per format on the Downloads page; and the bilingual Exports reference page, whose four
examples and mapping reports are generated from a real sample record.

Why: registries, wallets and crawlers fetch these files by URL, so a record without its files, or a link to a
file that is not there, fails silently for them. The Exports page documents what `mcds export` gives: if its
examples were written by hand they would drift from the exporters. The site-wide checks (no broken internal
link, two builds byte-identical) in tests/test_portal_catalogue.py cover these files too.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from portal_support import LANGS, Portal, published_ids
from test_docs import Page

from mcds.exports import FORMATS
from mcds.i18n import t
from mcds.portal import exports_page
from mcds.portal.words import word
from mcds.publish.exports import Edition, edition_for, editions
from mcds.standard import paths

SAMPLE = paths.SUBMISSIONS_DIR / exports_page.SAMPLE


def test_every_format_has_an_edition_and_ob3_one_per_language() -> None:
    assert {e.format for e in editions()} == set(FORMATS)
    assert [e for e in editions() if e.format == "ob3"] == [Edition("ob3", lang) for lang in LANGS]
    assert len({e.folder for e in editions()}) == len({e.bulk for e in editions()}) == len(editions())
    assert edition_for("ob3", "fr").record("x") == "ob3/fr/x.json"
    assert edition_for("ctdl", "fr").record("x") == "ctdl/x.json"


def test_every_published_record_has_a_file_per_edition_that_parses(portal: Portal) -> None:
    identifiers = published_ids(portal)
    assert identifiers
    for edition in editions():
        folder = portal.site / "data" / edition.folder
        assert {p.stem for p in folder.glob("*.json")} == identifiers, edition.folder
        for identifier in sorted(identifiers):
            record = json.loads((folder / f"{identifier}.json").read_text(encoding="utf-8"))
            assert record["@context"], (edition.folder, identifier)
            assert identifier in json.dumps(record, ensure_ascii=False), (edition.folder, identifier)


def test_the_files_name_the_site_they_are_published_on(portal: Portal) -> None:
    identifier = sorted(published_ids(portal))[0]
    for lang in LANGS:
        achievement = json.loads((portal.site / "data" / "ob3" / lang / f"{identifier}.json").read_text(encoding="utf-8"))
        assert achievement["id"].startswith(f"{portal.url}{lang}/catalogue/{identifier}/"), achievement["id"]
        assert achievement["name"] == portal.record(identifier)["title"].get(lang, achievement["name"])


def test_one_national_file_per_edition_holds_every_record(portal: Portal) -> None:
    for edition in editions():
        bulk = json.loads((portal.site / "data" / edition.bulk).read_text(encoding="utf-8"))
        text = json.dumps(bulk, ensure_ascii=False)
        missing = [i for i in sorted(published_ids(portal)) if i not in text]
        assert not missing, f"{edition.bulk} lacks {missing[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_page_links_to_every_national_file(portal: Portal, lang: str) -> None:
    page = Page((portal.site / lang / "reference" / "downloads" / "index.html").read_text(encoding="utf-8"))
    links = {a["href"] for a in page.find("a")}
    assert {f"../../../data/{e.bulk}" for e in editions()} <= links
    assert "exports" in page.ids


@pytest.mark.parametrize("lang", LANGS)
def test_every_record_page_links_to_its_formats(portal: Portal, lang: str) -> None:
    """The formats are typed links in the page. Not <link rel="alternate"> in the head: the theme requests
    sitemap.xml beside each of those, a request for a file that does not exist (tests/test_open_data.py)."""
    for identifier in sorted(published_ids(portal)):
        text = (portal.site / lang / "catalogue" / identifier / "index.html").read_text(encoding="utf-8")
        head, body = text.split("</head>", 1)
        expected = {f"../../../data/{edition_for(name, lang).record(identifier)}" for name in FORMATS}
        assert [tag["type"] for tag in Page(head).find("link") if tag.get("rel") == "alternate"] == ["application/atom+xml"]
        page = Page(body)
        assert "other-formats" in page.ids
        assert word("record.other_formats", lang) in html.unescape(body)
        links = {a.get("href"): a.get("type") for a in page.find("a")}
        assert {href: links.get(href) for href in expected} == {
            f"../../../data/{edition_for(name, lang).record(identifier)}": FORMATS[name].MEDIA_TYPE for name in FORMATS}


def _examples(text: str) -> dict[str, str]:
    """The code block that follows each "<format>-example" heading, as plain text."""
    found = {}
    for name in FORMATS:
        after = text.split(f'id="{name}-example"', 1)[1]
        block = re.search(r"<pre>(.*?)</pre>", after, re.S).group(1)
        found[name] = html.unescape(re.sub(r"<[^>]+>", "", block))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_exports_page_shows_four_generated_examples_and_their_reports(portal: Portal, lang: str) -> None:
    text = (portal.site / lang / "reference" / "exports" / "index.html").read_text(encoding="utf-8")
    page = Page(text)
    assert page.texts["h1"] == [word("export_page.title", lang)]
    document = exports_page.sample_record(SAMPLE)
    identifier = document["microcredentials"][0]["id"]
    examples = _examples(text)
    assert len(examples) == 4
    for name, shown in examples.items():
        exported = FORMATS[name].export(document, lang=lang)
        assert json.loads(shown) == exported.records[identifier], f"the {name} example is not the exporter's output"
        assert {f"{name}-report", f"{name}-used", f"{name}-left-out"} <= page.ids
        plain = html.unescape(text)
        for path, term in exported.report.used:
            assert path in plain and term in plain, (name, path, term)
        for path, reason in exported.report.left_out:
            assert path in plain and t(reason, lang) in plain, (name, path, reason)
    other = next(code for code in LANGS if code != lang)
    assert json.loads(examples["ob3"])["name"] == document["microcredentials"][0]["title"][lang]
    assert word("export_page.intro", other).split(";")[0] not in html.unescape(text)


@pytest.mark.parametrize("lang", LANGS)
def test_the_exports_page_is_in_the_navigation(portal: Portal, lang: str) -> None:
    index = (portal.site / lang / "index.html").read_text(encoding="utf-8")
    assert 'href="reference/exports/"' in index
