"""Guards the catalogue part of the portal as `mcds build` publishes it: the publication gate, the Find index,
escaping of provider text, internal links, determinism and page weight.

Why: the catalogue is built from providers' files, so its faults are silent and public. An invalid submission
must never reach the site, yet a submission that breaks after it was published must not vanish either (it is
kept from the previous site, marked stale). The Find page trusts index.json, so the index must say what the
packages say. A title such as `<script>` must stay text. The whole site, catalogue and downloads included,
must have no broken internal link, two builds of the same inputs must be byte-identical (so a deployment
only changes what changed), and pages must stay light enough for 20,000 records.

The site is built ONCE per session (with `mcds build`, as a user runs it) from copies of the committed samples
in datapackages/ plus three renamed copies of one sample: one with a `<script>` title, one with one injected
error and no previous version (rejected), one with the same error whose valid version is in the previous site
(kept, stale). tests/test_portal_browser.py drives the same site in Chromium through `mcds serve`. The
documentation part of the build is guarded by tests/test_docs.py; its page parser and tree reader are reused.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from markupsafe import escape
from portal_support import (
    BASE_SAMPLE,
    FORMULA_OUTCOME,
    FORMULA_TITLE,
    LANGS,
    RECORD_BUDGET,
    REJECTED,
    STALE,
    XSS,
    XSS_DESCRIPTION,
    XSS_TITLE,
    Portal,
    ids_of,
    published_ids,
    run_build,
    set_texts,
)
from test_docs import Page, _tree

from mcds.i18n import t
from mcds.portal import find
from mcds.portal.records import domestic_cost, provinces_of
from mcds.portal.words import word

# -- 1. The publication gate -------------------------------------------------------------------------------

def test_every_sample_is_published(portal: Portal) -> None:
    published = {json.loads(p.read_text(encoding="utf-8"))["name"] for p in (portal.site / "data" / "submissions").glob("*.json")}
    assert set(portal.samples) | {XSS, STALE} == published
    for name in published:
        document = json.loads((portal.site / "data" / "submissions" / f"{name}.json").read_text(encoding="utf-8"))["document"]
        assert ids_of(portal, document["provider"]) == {mc["id"] for mc in document["microcredentials"]}, name


def test_an_invalid_submission_is_not_published(portal: Portal) -> None:
    ids = {i.replace(REJECTED, BASE_SAMPLE) for i in ids_of(portal, BASE_SAMPLE)}
    assert ids, "the base sample has no record"
    assert not ids_of(portal, REJECTED), "records of the invalid submission were published"
    for lang in LANGS:
        assert not list((portal.site / lang / "catalogue").glob(f"{REJECTED}.*")), "record pages were written"
        assert not (portal.site / lang / "providers" / REJECTED).exists(), "its provider page was written"
        index = portal.index(lang)
        assert not [row[0] for row in index["rows"] if row[0].startswith(REJECTED)]
        providers = next(f for f in index["facets"] if f["name"] == "provider")["values"]
        assert REJECTED not in [code for code, _ in providers]
        for page in (portal.site / lang).rglob("*.html"):
            assert REJECTED not in page.read_text(encoding="utf-8"), f"{page} mentions the invalid submission"
    assert not (portal.site / "data" / "submissions" / f"{REJECTED}.json").exists()
    for path in sorted((portal.site / "data").rglob("*")):
        if path.suffix in (".csv", ".json"):
            assert REJECTED not in path.read_text(encoding="utf-8"), f"{path} holds the invalid submission"


def test_the_build_lists_invalid_submissions_with_their_error_counts(portal: Portal) -> None:
    source = portal.submissions.absolute() / REJECTED
    rejected = t("portal.build.rejected", "en", name=REJECTED, errors=1, source=source)
    stale = t("portal.build.kept_stale", "en", name=STALE, errors=1, source=portal.submissions.absolute() / STALE)
    lines = portal.stderr.splitlines()
    assert rejected in lines, portal.stderr
    assert stale in lines, portal.stderr
    assert len(lines) == 2, f"only the two broken submissions should be listed:\n{portal.stderr}"


def test_a_submission_that_became_invalid_keeps_its_previous_records_marked_stale(portal: Portal) -> None:
    before = {p.stem for p in (portal.previous / "data" / "microcredentials").glob("*.json")}
    assert before and before == ids_of(portal, STALE), "the stale submission's records were not all kept"
    kept = json.loads((portal.site / "data" / "submissions" / f"{STALE}.json").read_text(encoding="utf-8"))
    earlier = json.loads((portal.previous / "data" / "submissions" / f"{STALE}.json").read_text(encoding="utf-8"))
    assert kept == earlier, "the kept version must be the one published before, checksum included"
    for lang in LANGS:
        note = str(escape(word("stale", lang)))
        for identifier in sorted(before):
            text = (portal.site / lang / "catalogue" / identifier / "index.html").read_text(encoding="utf-8")
            assert re.search(r'<p class="mcds-stale" role="note"><strong>' + re.escape(note), text), identifier
            assert "forty" not in text
        provider = (portal.site / lang / "providers" / STALE / "index.html").read_text(encoding="utf-8")
        assert note in provider
        fresh = (portal.site / lang / "catalogue" / portal.xss_id / "index.html").read_text(encoding="utf-8")
        assert "mcds-stale" not in fresh, "a valid submission's record must not be marked stale"
        assert {row[0] for row in portal.index(lang)["rows"]} >= before


# -- The Find index says what the packages say -------------------------------------------------------------

def test_the_find_index_matches_the_published_records(portal: Portal) -> None:
    submissions = {s.stem: json.loads(s.read_text(encoding="utf-8")) for s in (portal.site / "data/submissions").glob("*.json")}
    organizations = {o["id"]: o for s in submissions.values() for o in s["document"]["organizations"]
                     if o["id"] == s["document"]["provider"]}
    for s in submissions.values():
        for o in s["document"]["organizations"]:
            organizations.setdefault(o["id"], o)
    provider_of = {mc["id"]: s["document"]["provider"] for s in submissions.values() for mc in s["document"]["microcredentials"]}
    for lang in LANGS:
        index = portal.index(lang)
        assert len(index["rows"]) == len({row[0] for row in index["rows"]}), "a record is listed twice"
        assert {row[0] for row in index["rows"]} == published_ids(portal) == set(provider_of)
        facets = {f["name"]: (i, f) for i, f in enumerate(index["facets"])}
        assert list(facets) == list(find.FACETS)
        for row in index["rows"]:
            mc = portal.record(row[0])
            codes = {name: {f["values"][v][0] for v in row[7][i]} for name, (i, f) in facets.items()}
            assert row[3] == domestic_cost(mc) and row[4] == mc["duration_weeks"] and row[5] == mc["workload_hours"]
            assert row[1] == (mc["title"].get(lang) or mc["title"].get("fr" if lang == "en" else "en"))
            assert codes["provider"] == {provider_of[row[0]]}
            assert codes["province"] == set(provinces_of(mc, organizations))
            assert codes["delivery"] == set(mc["delivery_modes"])
            assert codes["credit"] == {"yes" if mc["credit_bearing"] else "no"}
            assert codes["funding"] == {f["funding_programme"] for f in mc.get("funding_eligibilities", [])
                                        if f["eligibility_status"] == "eligible"}
            assert codes["noc"] == {c[0] for c in mc.get("occupations", [])}
            assert codes["teer"] == {c[1] for c in mc.get("occupations", [])}
            assert codes["cip"] == {mc["field_of_study"][:2]}
            assert codes["skill"] == set(mc.get("skills", []))
            cost = domestic_cost(mc)
            bucket = next(name for name, low, high in find.COST_BUCKETS if low <= cost <= high)
            assert codes["cost"] == {bucket}


# -- Safety ------------------------------------------------------------------------------------------------

def test_a_script_title_is_escaped_everywhere(portal: Portal) -> None:
    identifier = portal.xss_id
    assert portal.record(identifier)["title"]["en"] == XSS_TITLE
    seen = 0
    for path in sorted(portal.site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert XSS_TITLE not in text, f"{path.relative_to(portal.site)} carries the title unescaped"
        seen += "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert seen >= 6, "the record, provider and browse pages of both languages should show the title as text"
    for lang in LANGS:
        record = (portal.site / lang / "catalogue" / identifier / "index.html").read_text(encoding="utf-8")
        ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', record, re.S)
        assert ld and json.loads(ld[1])["name"] == XSS_TITLE
        assert json.loads(ld[1])["description"] == XSS_DESCRIPTION
        index = (portal.site / lang / "catalogue" / find.INDEX).read_text(encoding="utf-8")
        assert json.loads(index)["rows"] and XSS_TITLE in index  # JSON data, shown with textContent by find.js


INNU = "cegep-du-val-des-cedres.accueil-touristique-innu-aimun"
RECORD_0_3_0 = {  # what the Innu-aimun sample's record page must show of the 0.3.0 elements, per language
    "en": ["Innu-aimun, French", "<h3 id=\"criteria\">Criteria</h3>", "Keywords: <span>Innu-aimun, Indigenous tourism, "
           "guiding</span>", "<dt>ISCED 2011 level</dt><dd>Short-cycle tertiary education</dd>",
           "<dt>Learning setting</dt><dd>Formal</dd>", "<td>2026-09</td><td>2480</td>",
           'href="mailto:microtitres@cegep-val-des-cedres.example"'],
    "fr": ["Innu-aimun, Français", "<h3 id=\"criteria\">Critères</h3>", "Mots-clés\u00a0: <span>innu-aimun, "
           "tourisme autochtone, guide</span>", "<dt>Niveau CITE 2011</dt><dd>Enseignement supérieur de cycle "
           "court</dd>", "<dt>Contexte d&#39;apprentissage</dt><dd>Formel</dd>", "<td>2026-09</td><td>2480</td>",
           'href="mailto:microtitres@cegep-val-des-cedres.example"'],
}


def test_a_record_page_shows_the_0_3_0_elements_in_both_languages(portal: Portal) -> None:
    for lang, expected in RECORD_0_3_0.items():
        page = (portal.site / lang / "catalogue" / INNU / "index.html").read_text(encoding="utf-8")
        missing = [text for text in expected if text not in page]
        assert not missing, f"the {lang} record page of {INNU} lacks {missing}"
        assert "<img" not in page.split('class="mcds-badge"', 1)[1].split("</p>", 1)[0], "the badge is linked, not embedded"


def test_every_record_carries_json_ld_that_cannot_break_the_page(portal: Portal) -> None:
    """The HTML parser reads a script element's text raw: it must hold no "</script", "<!--" or "<script"."""
    checked = 0
    for lang in LANGS:
        for identifier in sorted(published_ids(portal)):
            text = (portal.site / lang / "catalogue" / identifier / "index.html").read_text(encoding="utf-8")
            blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
            assert len(blocks) == 1, identifier
            assert not re.search(r"<!--|<script|</script", blocks[0], re.I), identifier
            data = json.loads(blocks[0])
            mc = portal.record(identifier)
            assert data["@type"] == "Course" and data["courseCode"] == identifier
            assert data["name"] == (mc["title"].get(lang) or mc["title"].get("fr" if lang == "en" else "en"))
            assert data["url"] == f"{portal.url}{lang}/catalogue/{identifier}/"
            checked += 1
    assert checked == 2 * len(published_ids(portal))


def test_open_data_downloads_hold_the_catalogue_with_checksums_and_no_formula(portal: Portal) -> None:
    from openpyxl import load_workbook

    folder = portal.site / "data" / "catalogue"
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        content = (folder / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content), resource["path"]
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest(), resource["path"]

    def table(name: str) -> list[dict[str, str]]:
        with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    microcredentials = {row["id"]: row for row in table("microcredentials")}
    assert set(microcredentials) == published_ids(portal)
    assert microcredentials[portal.formula_id]["title_en"] == "'" + FORMULA_TITLE["en"]
    assert microcredentials[portal.formula_id]["title_fr"] == "'" + FORMULA_TITLE["fr"]
    assert "'" + FORMULA_OUTCOME in {row["statement_en"] for row in table("learning_outcomes")}
    whole = json.loads((portal.site / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert {mc["id"] for mc in whole["microcredentials"]} == published_ids(portal)
    assert next(mc for mc in whole["microcredentials"] if mc["id"] == portal.formula_id)["title"] == FORMULA_TITLE
    sheet = load_workbook(portal.site / "data" / "catalogue.xlsx")["microcredentials"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == published_ids(portal)
    cell = rows[portal.formula_id][header.index("title_en")]
    assert (cell.value, cell.data_type) == (FORMULA_TITLE["en"], "s"), "the workbook would run the title as a formula"


# -- 4. Links, determinism, weight ------------------------------------------------------------------------

def _target(portal: Portal, page: Path, reference: str) -> tuple[Path, str] | None:
    """The built file and anchor a link leads to, or None when it leaves the site."""
    url = urljoin(portal.url + page.as_posix(), reference)
    if not url.startswith(portal.url):
        return None
    parts = urlsplit(url)
    relative = unquote(parts.path)[len(urlsplit(portal.url).path):]
    target = portal.site / relative
    if relative == "" or relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_no_internal_link_is_broken(portal: Portal) -> None:
    pages = {p.relative_to(portal.site): Page(p.read_text(encoding="utf-8")) for p in sorted(portal.site.rglob("*.html"))}
    broken: list[str] = []
    reached: set[str] = set()
    for path, page in pages.items():
        for _tag, attrs in page.tags:
            for name in ("href", "src"):
                reference = attrs.get(name)
                if not reference or reference.startswith(("mailto:", "javascript:", "data:", "blob:")):
                    continue
                found = _target(portal, path, reference)
                if found is None:
                    continue
                target, anchor = found
                relative = target.relative_to(portal.site) if target.is_relative_to(portal.site) else target
                reached.add(relative.parts[0] if relative.parts else "")
                if not target.is_file():
                    broken.append(f"{path}: {reference} -> {relative} does not exist")
                elif anchor and target.suffix == ".html" and unquote(anchor) not in pages[relative].ids:
                    broken.append(f"{path}: {reference} -> no id {anchor!r} in {relative}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:30])
    assert {"en", "fr", "data", "schema"} <= reached, f"links reach only {sorted(reached)}"
    catalogue_pages = [p for p in pages if len(p.parts) > 2 and p.parts[1] in ("catalogue", "providers", "browse")]
    assert len(catalogue_pages) > 2 * len(published_ids(portal)), "the crawl missed catalogue pages"


def test_two_builds_of_the_same_inputs_are_byte_identical(portal: Portal, tmp_path: Path) -> None:
    again = tmp_path / "site"
    run_build(portal.submissions, again, portal.workdir, portal.url, portal.previous)
    first, second = _tree(portal.site), _tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_a_rebuild_renders_only_the_changed_provider_and_equals_a_full_build(portal: Portal, tmp_path: Path) -> None:
    """An unchanged provider's pages are linked from the site being replaced (same file, not rendered again);
    the changed provider's pages are rendered; and the result is byte for byte what a build from scratch gives."""
    submissions = tmp_path / "submissions"
    shutil.copytree(portal.submissions, submissions)
    site, workdir = tmp_path / "site", tmp_path / "work"
    workdir.mkdir()
    run_build(submissions, site, workdir, portal.url, portal.previous)
    unchanged = site / "en" / "catalogue" / f"{ids_of(portal, XSS).pop()}" / "index.html"
    changed_id = set_texts(submissions / BASE_SAMPLE, "Revised welding fundamentals", "A revised description of the course.")
    before = unchanged.stat().st_ino
    run_build(submissions, site, workdir, portal.url, portal.previous)
    assert unchanged.stat().st_ino == before
    assert "Revised welding fundamentals" in (site / "en" / "catalogue" / changed_id / "index.html").read_text(encoding="utf-8")
    fresh, fresh_work = tmp_path / "fresh", tmp_path / "fresh-work"
    fresh_work.mkdir()
    run_build(submissions, fresh, fresh_work, portal.url, portal.previous)
    incremental, full = _tree(site), _tree(fresh)
    assert sorted(incremental) == sorted(full)
    assert [name for name in incremental if incremental[name] != full[name]] == []


def test_record_pages_stay_light_and_the_index_size_is_reported(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    sizes = {p: p.stat().st_size for lang in LANGS for p in (portal.site / lang / "catalogue").glob("*/index.html")
             if p.parent.name not in ("statistics", "compare")}  # the two catalogue pages that are not records
    assert len(sizes) == 2 * len(published_ids(portal))
    heaviest = max(sizes, key=sizes.__getitem__)
    assert sizes[heaviest] < RECORD_BUDGET, f"{heaviest} is {sizes[heaviest]} bytes"
    report = [f"record pages: {len(sizes)}, largest {sizes[heaviest]:,} bytes ({heaviest.relative_to(portal.site)}), "
              f"median {sorted(sizes.values())[len(sizes) // 2]:,} bytes"]
    for lang in LANGS:
        raw = (portal.site / lang / "catalogue" / find.INDEX).read_bytes()
        packed = len(gzip.compress(raw, 9, mtime=0))
        rows = len(json.loads(raw)["rows"])
        report.append(f"{lang}/catalogue/{find.INDEX}: {rows} rows, {len(raw):,} bytes, {packed:,} bytes gzipped "
                      f"({packed / rows:.0f} bytes a row)")
    with capsys.disabled():
        print("\n" + "\n".join(report))
