"""Guards the catalogue's open data as a product (mcds/publish/opendata.py, metadata.py, feed.py): what a
researcher, a data portal and a feed reader get from /data/ and the Downloads page.

Why: the open data is read by programs, not people, so its faults are silent. Each format is checked with the
library that reads it: the Parquet files with DuckDB (the same rows as the CSV files), the feeds with feedparser,
the OpenAPI descriptions with openapi-spec-validator, the DCAT-AP metadata with a JSON-LD processor; the
researchers' guide's examples are run against the published files and must agree with each other and with a
computation from the CSV files.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import feedparser
import pytest
from openapi_spec_validator import validate
from portal_support import LANGS, Portal, copy_sample, published_ids, rewrite_table, run_build
from pyld import jsonld
from test_docs import Page

from mcds.portal.records import Words
from mcds.portal.reference import Pages
from mcds.portal.reference_model import load_standard
from mcds.publish import metadata
from mcds.publish.exports import editions
from mcds.standard import paths, tabular

PROFILE = tabular.load_profile()
RESOURCES = {r["name"]: r for r in tabular.resources(PROFILE)}
GUIDE = {lang: paths.DOCS_DIR / lang / "data" / "researchers.md" for lang in LANGS}


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_text(field: dict[str, Any], value: Any) -> str:
    """A Parquet value written as the CSV file writes it."""
    if value is None:
        return ""
    if "separator" in field["mcds"]:
        return field["mcds"]["separator"].join(as_text({**field, "mcds": {}}, item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return tabular.format_number(value)
    return str(value)


@contextlib.contextmanager
def inside(folder: Path):  # noqa: ANN201 - a context manager
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


# -- The files ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", sorted(RESOURCES))
def test_each_parquet_file_has_the_rows_of_its_csv_file_typed(portal: Portal, table: str) -> None:
    folder = portal.site / "data" / "catalogue"
    resource = RESOURCES[table]
    expected = [[row[f["name"]] for f in resource["schema"]["fields"]] for row in csv_rows(folder / resource["path"])]
    result = duckdb.sql(f"SELECT * FROM read_parquet('{folder / (table + '.parquet')}')")
    assert result.columns == [f["name"] for f in resource["schema"]["fields"]]
    # The CSV file neutralizes text a spreadsheet would run as a formula (a leading apostrophe); Parquet, read by
    # programs, keeps the value as published.
    found = [[tabular.neutralize(as_text(f, v), f["type"]) for f, v in zip(resource["schema"]["fields"], row, strict=True)]
             for row in result.fetchall()]
    assert found == expected
    types = dict(zip(result.columns, (str(t) for t in result.types), strict=True))
    for field in resource["schema"]["fields"]:
        base = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}[field["type"]]
        assert types[field["name"]] == (f"{base}[]" if "separator" in field["mcds"] else base), field["name"]


def test_the_samples_fill_the_tables_the_guide_reads(portal: Portal) -> None:
    """The researchers' guide is only tested if the tables it reads hold rows."""
    folder = portal.site / "data" / "catalogue"
    for table in ("observations", "outcome_reports", "employer_engagements", "microcredentials", "organizations"):
        assert len(csv_rows(folder / RESOURCES[table]["path"])) > 5, table


def test_the_data_dictionary_lists_every_column(portal: Portal) -> None:
    rows = csv_rows(portal.site / "data" / "catalogue" / "data-dictionary.csv")
    assert [(r["table"], r["column"]) for r in rows] == [
        (name, f["name"]) for name, r in RESOURCES.items() for f in r["schema"]["fields"]]
    organizations = {r["column"]: r for r in rows if r["table"] == "organizations"}
    assert organizations["provinces"]["list_of"] == "|" and organizations["provinces"]["code_list"] == "ProvinceTerritoryEnum"
    assert organizations["id"]["required"] == "true" and organizations["homepage"]["required"] == "false"
    assert organizations["name_fr"]["title_fr"] == "Nom (français)"


# -- The Downloads page --------------------------------------------------------------------------------------

def _downloads(portal: Portal, lang: str) -> str:
    return (portal.site / lang / "reference" / "downloads" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_downloads_page_starts_with_the_catalogue_data_with_rows_and_sizes(portal: Portal, lang: str) -> None:
    text = _downloads(portal, lang)
    headings = re.findall(r'<h2 id="([^"]+)"', text)
    assert headings[0] == "open-data" and "standard-files" in headings
    pages = Pages(load_standard(paths.GENERATED_DIR), lang)
    folder = portal.site / "data" / "catalogue"
    for name, resource in RESOURCES.items():
        rows = len(csv_rows(folder / resource["path"]))
        for suffix in (resource["path"], f"{name}.parquet"):
            size = pages.size((folder / suffix).stat().st_size)
            link = f'<a href="../../../data/catalogue/{suffix}">{suffix}</a> ({size})'
            assert link in text, (lang, suffix)
        row = text.split(f"<code>{name}</code>", 1)[1].split("</tr>", 1)[0]
        assert f">{Words(lang).number(rows)}<" in row, (name, rows)
        assert f'href="../data-dictionary/#{name}"' in row, name
    dictionary = Page((portal.site / lang / "reference" / "data-dictionary" / "index.html").read_text(encoding="utf-8"))
    assert set(RESOURCES) <= dictionary.ids


@pytest.mark.parametrize("lang", LANGS)
def test_the_dataset_metadata_lists_every_distribution(portal: Portal, lang: str) -> None:
    """schema.org Dataset on the Downloads page and DCAT-AP in data/: every open-data file, every national export
    file and both feeds, each at an address the site serves, with its size where the page states one."""
    site_url = portal.url
    published = {f"{site_url}data/{p.relative_to(portal.site / 'data').as_posix()}": p.stat().st_size
                 for p in (portal.site / "data" / "catalogue").iterdir()}
    published |= {f"{site_url}data/{name}": (portal.site / "data" / name).stat().st_size
                  for name in ("catalogue.json", "catalogue.xlsx")}
    others = {f"{site_url}data/{e.bulk}" for e in editions()} | {f"{site_url}{code}/feed.xml" for code in LANGS}
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', _downloads(portal, lang), re.S).group(1)
    dataset = json.loads(block.replace("<\\/", "</"))
    assert dataset["@type"] == "Dataset" and dataset["license"] == metadata.LICENCE[lang]
    downloads = {d["contentUrl"]: d.get("contentSize") for d in dataset["distribution"]}
    assert set(downloads) == set(published) | others
    assert all(downloads[url] == f"{size} B" for url, size in published.items())
    for url in downloads:
        assert (portal.site / url.removeprefix(site_url)).is_file(), url

    expanded = jsonld.expand(json.loads((portal.site / "data" / metadata.DCAT_FILE).read_text(encoding="utf-8")))
    dcat = "http://www.w3.org/ns/dcat#"
    catalog = expanded[0]
    assert catalog["@type"] == [f"{dcat}Catalog"]
    distributions = catalog[f"{dcat}dataset"][0][f"{dcat}distribution"]
    assert {d[f"{dcat}downloadURL"][0]["@id"] for d in distributions} == set(downloads)
    sizes = {d[f"{dcat}downloadURL"][0]["@id"]: d[f"{dcat}byteSize"][0]["@value"] for d in distributions if f"{dcat}byteSize" in d}
    assert sizes == {url: str(size) for url, size in published.items()}
    titles = catalog["http://purl.org/dc/terms/title"]
    assert {t["@language"] for t in titles} == set(LANGS)


# -- The API description ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_openapi_description_is_valid_and_every_address_exists(portal: Portal, lang: str) -> None:
    description = json.loads((portal.site / "data" / metadata.openapi_file(lang)).read_text(encoding="utf-8"))
    validate(description)
    identifier = sorted(published_ids(portal))[0]
    provider = identifier.split(".")[0]
    values = {"id": identifier, "provider": provider}
    checked = 0
    for path, operation in description["paths"].items():
        parameters = operation["get"].get("parameters", [])
        choices = [p["schema"].get("enum") or [values[p["name"]]] for p in parameters]
        for combination in (zip([p["name"] for p in parameters], chosen, strict=True) for chosen in _product(choices)):
            concrete = path
            for name, value in combination:
                concrete = concrete.replace("{" + name + "}", value)
            assert (portal.site / concrete.lstrip("/")).is_file(), concrete
            checked += 1
    assert checked > 40
    page = (portal.site / lang / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    assert all(f"GET {path}" in page.replace("&#123;", "{").replace("&#125;", "}") for path in description["paths"])


def _product(choices: list[list[str]]) -> list[list[str]]:
    result: list[list[str]] = [[]]
    for options in choices:
        result = [chosen + [option] for chosen in result for option in options]
    return result


# -- The feeds ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_each_feed_is_atom_with_one_entry_per_record(portal: Portal, lang: str) -> None:
    parsed = feedparser.parse((portal.site / lang / "feed.xml").read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    links = [entry.link for entry in parsed.entries]
    assert sorted(links) == sorted(f"{portal.url}{lang}/catalogue/{i}/" for i in published_ids(portal))
    records = {json.loads(p.read_text(encoding="utf-8"))["id"]: json.loads(p.read_text(encoding="utf-8"))
               for p in (portal.site / "data" / "microcredentials").glob("*.json")}
    for entry in parsed.entries:
        record = records[entry.link.removesuffix("/").rsplit("/", 1)[1]]
        assert entry.title == record["title"][lang]
    updated = [entry.updated for entry in parsed.entries]
    assert updated == sorted(updated, reverse=True)


def test_a_rebuild_puts_the_changed_record_first_and_keeps_the_others_dates(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    folder = copy_sample(submissions / "coastal-college", "coastal-college")
    out, url = tmp_path / "site", "https://mcds.test/"
    run_build(submissions, out, tmp_path, url)
    first = feedparser.parse((out / "en" / "feed.xml").read_bytes())
    dates = {entry.link: entry.updated for entry in first.entries}
    assert len(dates) > 3 and len(set(dates.values())) == 1  # every record dated by its provider's last_updated

    changed = {}

    def retitle(rows: list[dict[str, str]]) -> None:
        rows[2]["title_en"] = "Coastal navigation, revised"
        changed["id"] = rows[2]["id"]

    rewrite_table(folder, "microcredentials", retitle)
    run_build(submissions, out, tmp_path, url, previous=out)  # the usual deployment: --previous public --out public
    second = feedparser.parse((out / "en" / "feed.xml").read_bytes())
    assert second.entries[0].title == "Coastal navigation, revised"
    assert second.entries[0].link == f"{url}en/catalogue/{changed['id']}/"
    assert second.entries[0].updated > dates[second.entries[0].link]
    assert {e.link: e.updated for e in second.entries[1:]} == {k: v for k, v in dates.items() if k != second.entries[0].link}
    ledger = json.loads((out / "data" / "changes.json").read_text(encoding="utf-8"))["records"]
    assert ledger[changed["id"]]["published"] == dates[second.entries[0].link][:10]


# -- The researchers' guide ------------------------------------------------------------------------------------

def _blocks(lang: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE[lang].read_text(encoding="utf-8"), re.S)


def _run_python(code: str) -> Any:
    namespace: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "researchers.md", "exec"), namespace)  # noqa: S102 - the guide's own example
    return namespace["result"]


def _expected_rates(folder: Path) -> dict[tuple[str, str], tuple[float, float]]:
    """Completions and enrolments by province and Indigenous identity, from the CSV files alone."""
    first_body = {r["id"]: r["awarding_bodies"].split("|")[0] for r in csv_rows(folder / "microcredentials.csv")}
    provider = {r["id"]: r["subject_organization"] or first_body[r["subject_microcredential"]]
                for r in csv_rows(folder / "outcome_reports.csv")}
    provinces = {r["id"]: r["provinces"].split("|") for r in csv_rows(folder / "organizations.csv") if r["provinces"]}
    cells: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for row in csv_rows(folder / "observations.csv"):
        if (row["dimension"] == "indigenous_identity" and not row["dimension_2"] and row["suppressed"] != "true"
                and row["metric"] in ("completions", "enrolments") and row["value"]):
            cell = cells[(row["outcome_report_id"], row["category"])]
            cell[row["metric"]] = cell.get(row["metric"], 0) + float(row["value"])
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for (report, category), cell in cells.items():
        if "completions" in cell and "enrolments" in cell:
            for province in provinces.get(provider[report], []):
                totals[(province, category)][0] += cell["completions"]
                totals[(province, category)][1] += cell["enrolments"]
    return {key: (c, e) for key, (c, e) in totals.items()}


def _expected_per_noc(folder: Path) -> dict[str, int]:
    partnered = {r["microcredential_id"] for r in csv_rows(folder / "employer_engagements.csv")}
    counts: dict[str, set[str]] = defaultdict(set)
    for row in csv_rows(folder / "microcredentials.csv"):
        if row["id"] in partnered and row["occupations"]:
            for noc in row["occupations"].split("|"):
                counts[noc].add(row["id"])
    return {noc: len(ids) for noc, ids in counts.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_the_researchers_guide_examples_run_and_agree(portal: Portal, lang: str, tmp_path: Path) -> None:
    sql, python = _blocks(lang, "sql"), _blocks(lang, "python")
    assert len(sql) == 2 and len(python) == 2
    assert (sql, python) == (_blocks("en", "sql"), _blocks("en", "python")), "both languages run the same examples"
    folder = tmp_path / "download"
    shutil.copytree(portal.site / "data" / "catalogue", folder)
    expected_rates = _expected_rates(folder)
    expected_nocs = _expected_per_noc(folder)
    assert expected_rates and expected_nocs
    with inside(folder):
        rates = duckdb.sql(sql[0]).fetchall()
        assert {(p, c): (comp, enr) for p, c, comp, enr, _ in rates} == expected_rates
        assert all(rate == round(100 * comp / enr, 1) for _, _, comp, enr, rate in rates)
        frame = _run_python(python[0]).reset_index()
        assert sorted(map(tuple, frame[["province", "category", "completions", "enrolments", "completion_rate_percent"]]
                          .itertuples(index=False, name=None))) == sorted(rates)
        nocs = duckdb.sql(sql[1]).fetchall()
        assert dict(nocs) == expected_nocs
        assert [n for _, n in nocs] == sorted((n for _, n in nocs), reverse=True)
        counted = _run_python(python[1])
        assert list(counted.itertuples(index=False, name=None)) == nocs


# -- In a browser --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_no_page_requests_a_file_the_site_does_not_have(portal: Portal, browser: Any, lang: str) -> None:
    """The theme fetches sitemap.xml beside every <link rel="alternate">: with the hreflang alternates in the
    sitemaps and the feed in the language's root, every request a page makes is answered."""
    identifier = sorted(published_ids(portal))[0]
    provider = identifier.split(".")[0]
    page = browser.new_page()
    failed: list[str] = []
    requested: list[str] = []
    page.on("requestfinished", lambda request: requested.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    try:
        for path in ("", "catalogue/", f"catalogue/{identifier}/", f"providers/{provider}/", "reference/downloads/",
                     "reference/api/", "data/researchers/"):
            page.goto(f"{portal.url}{lang}/{path}", wait_until="networkidle")
    finally:
        page.close()
    assert not failed, failed
    assert {url for url in requested if url.endswith("sitemap.xml")} <= {f"{portal.url}{lang}/sitemap.xml"}

