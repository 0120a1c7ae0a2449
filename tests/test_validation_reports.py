"""Guards the reports of `mcds validate`: the JSON shape that programs rely on (documented in
mcds/validation/render.py), the CSV with one line per finding, one self-contained and escaped HTML page in
the reader's language, Markdown grouped by problem, --output, --annotate for workbooks, and the notice when
validation stops at the error limit.

Why: providers fix their data from these reports alone, portals and scripts parse the JSON and CSV, and a
report that breaks, leaks a provider's text unescaped into a page, or silently drops findings would send
people to the wrong cell or hide problems.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_validation_inputs import PACKAGE, cli, copy_package, document, fill_template, set_cell, snapshot

from mcds.validation.error_catalogue import TRUNCATED, entries

INVALID = PACKAGE.parent.parent / "invalid" / "constraint-error" / "status-not-a-code"
FINDING_KEYS = {"source", "code", "severity", "file", "row", "column", "cell", "value", "message", "dependents"}
SUMMARY_KEYS = {"source", "valid", "usable", "standard_version", "truncated", "errors", "warnings"}


@cache
def report_of(*args: str, lang: str = "en") -> tuple[int, str]:
    """`mcds validate ARGS` on inputs that do not change during the run: exit code and standard output."""
    result = cli("validate", *args, lang=lang)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One valid, one invalid and one unusable submission (the last is a folder with no datapackage.json)."""
    unusable = tmp_path_factory.mktemp("unusable")
    (unusable / "submission.csv").write_text("standard_version,provider\n", encoding="utf-8")
    return {"valid": PACKAGE, "invalid": INVALID, "unusable": unusable}


@pytest.mark.parametrize("kind, exit_code", [("valid", 0), ("invalid", 1), ("unusable", 2)])
def test_json_report_has_the_documented_shape(inputs, kind, exit_code):
    code, output = report_of(str(inputs[kind]), "--format", "json")
    assert code == exit_code
    report = json.loads(output)
    assert set(report) == {"valid", "errors", "warnings", "submissions"}
    assert report["valid"] is (kind == "valid")
    for finding in report["errors"] + report["warnings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["code"] in entries() and finding["message"]
        assert isinstance(finding["row"], int | None) and finding["severity"] in ("error", "warning")
    assert all(f["severity"] == "error" for f in report["errors"])
    assert all(f["severity"] == "warning" for f in report["warnings"])
    [summary] = report["submissions"]
    assert set(summary) == SUMMARY_KEYS
    assert summary["errors"] == len(report["errors"]) and summary["warnings"] == len(report["warnings"])
    assert summary["usable"] is (kind != "unusable") and summary["truncated"] is False


def test_json_report_of_several_inputs_is_one_document(inputs):
    result = cli("validate", str(inputs["valid"]), str(inputs["invalid"]), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and report["valid"] is False
    assert [s["source"] for s in report["submissions"]] == [str(inputs["valid"]), str(inputs["invalid"])]
    assert {f["source"] for f in report["errors"]} == {str(inputs["invalid"])}


@pytest.mark.parametrize("kind", ["valid", "invalid", "unusable"])
def test_csv_report_has_one_line_per_finding(inputs, kind):
    rows = list(csv.DictReader(io.StringIO(report_of(str(inputs[kind]), "--format", "csv")[1])))
    report = json.loads(report_of(str(inputs[kind]), "--format", "json")[1])
    # Every finding has its line, and so has each finding grouped under it (a dependent of a root cause).
    every = [g for f in report["errors"] + report["warnings"] for g in (f, *f["dependents"])]
    assert len(rows) == len(every)
    assert {(r["code"], r["file"], r["row"]) for r in rows} == {
        (f["code"], f["file"] or "", str(f["row"] or "")) for f in every}
    assert rows and set(rows[0]) == {"source", "severity", "code", "file", "row", "column", "cell", "value", "message",
                                     "grouped_under"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_html_report_is_one_self_contained_page_in_the_readers_language(inputs, lang):
    html = report_of(str(inputs["invalid"]), "--format", "html", lang=lang)[1]
    page = _page(html)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert [attrs.get("lang") for tag, attrs in page.tags if tag == "html"] == [lang]
    external = [(tag, attrs) for tag, attrs in page.tags for key in ("src", "href") if attrs.get(key)]
    assert external == [], "the page must not load anything: it is read offline and attached to e-mails"
    assert not any(tag in ("script", "link", "iframe", "img") for tag, _ in page.tags)
    assert {"en": "Value not allowed", "fr": "Valeur non permise"}[lang] in html
    assert any(tag == "th" and attrs.get("scope") == "col" for tag, attrs in page.tags), "table headers are scoped"


def test_html_report_escapes_the_providers_text(tmp_path):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "status", '<img src="https://evil.example/x.png" onerror="alert(1)">')
    result = cli("validate", str(folder), "--format", "html")
    assert result.exit_code == 1
    assert not any(tag == "img" for tag, _ in _page(result.stdout).tags)
    assert "&lt;img src=" in result.stdout


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_report_groups_findings_by_problem(tmp_path, lang):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "status", "actif")
    set_cell(folder, "microcredentials.csv", 3, "status", "actif|ceasing")
    set_cell(folder, "microcredentials.csv", 3, "webpage", "https://www.example.ca/a\nb|c")
    markdown = cli("validate", str(folder), "--format", "markdown", lang=lang).stdout
    title = {"en": "Value not allowed", "fr": "Valeur non permise"}[lang]
    headings = [line for line in markdown.splitlines() if line.startswith("### ")]
    assert sum(title in line and "× 3" in line for line in headings) == 1, headings
    group = markdown.split(f"### {title}")[1].split("\n### ")[0]
    rows = [line for line in group.splitlines() if line.startswith("| microcredentials.csv:")]
    assert len(rows) == 3, "one table row per finding, even when a value holds a line break or a |"
    assert all(row.count(" | ") == 1 and row.endswith(" |") for row in rows), rows
    assert "microcredentials.csv:2 `status`" in group


def test_text_report_groups_by_problem_and_shows_the_cell_in_context():
    output = report_of(str(INVALID), "--format", "text")[1]
    assert "[error] Value not allowed (constraint-error) × 1" in output
    lines = output.splitlines()
    marked = next(i for i, line in enumerate(lines) if "actif ◀" in line)
    assert re.match(r"\s+2 │ ", lines[marked]) and "status" in lines[marked - 1]


def test_text_report_marks_a_long_or_multi_line_cell_and_keeps_one_line_per_finding(tmp_path):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "status", "active-but-not-quite-a-code-of-the-list")
    set_cell(folder, "microcredentials.csv", 3, "webpage", "https://www.example.ca/a b\nsecond line")
    lines = cli("validate", str(folder)).stdout.splitlines()
    bullets = [i for i, line in enumerate(lines) if line.startswith(("    - microcredentials.csv, row 2, column \"status\"",
                                                                      "    - microcredentials.csv, row 3, column \"webpage\""))]
    assert len(bullets) == 2
    for i in bullets:
        assert re.match(r"\s+│ ", lines[i + 1]) and re.match(r"\s+[23] │ ", lines[i + 2]), lines[i:i + 3]
        assert "◀" in lines[i + 2], "the offending cell is marked however long its value"
    assert not any(line.startswith("second line") for line in lines)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "csv"])
def test_output_writes_the_report_to_a_file(tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    result = cli("validate", str(INVALID), "--format", fmt, "--output", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == report_of(str(INVALID), "--format", fmt)[1]
    assert not list(tmp_path.glob("*.part")), "no partial file is left behind"


def test_output_to_an_impossible_place_is_a_usage_error(tmp_path):
    for lang, word in (("en", "Cannot write"), ("fr", "Impossible d'écrire")):
        result = cli("validate", str(INVALID), "--output", str(tmp_path / "missing" / "report.txt"), lang=lang)
        assert result.exit_code == 2 and word in result.output


def _two_faults(book: Any) -> None:
    sheet = book["microcredentials"]
    sheet["I2"] = "actif"  # status, an error
    sheet["B3"] = None  # title_en, a one-language warning


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_annotate_marks_and_comments_the_offending_cells_in_a_copy(tmp_path, lang):
    workbook = fill_template(document(), tmp_path / "submission.xlsx", _two_faults)
    before = snapshot(workbook)
    annotated = tmp_path / "annotated.xlsx"
    result = cli("validate", str(workbook), "--annotate", str(annotated), lang=lang)
    assert result.exit_code == 1
    assert snapshot(workbook) == before, "the provider's workbook is never written to"
    sheet = load_workbook(annotated)["microcredentials"]
    assert sheet["I1"].value == "status" and sheet["B1"].value == "title_en"
    error, warning = sheet["I2"], sheet["B3"]
    assert error.value == "actif" and error.comment is not None
    assert {"en": '"actif" is not an allowed code', "fr": "« actif » n'est pas un code permis"}[lang] in error.comment.text
    assert warning.comment is not None and {"en": "English", "fr": "anglais"}[lang] in warning.comment.text
    assert error.fill.fgColor.rgb != warning.fill.fgColor.rgb, "errors and warnings are told apart"
    assert sheet["C2"].comment is None and not sheet["C2"].fill.fill_type, "valid cells are left alone"


def test_annotate_refuses_anything_but_one_workbook(tmp_path):
    for lang, word in (("en", "--annotate works on one filled Excel template"), ("fr", "--annotate s'applique à un seul")):
        result = cli("validate", str(PACKAGE), "--annotate", str(tmp_path / "out.xlsx"), lang=lang)
        assert result.exit_code == 2 and word in result.output
    workbook = fill_template(document(), tmp_path / "submission.xlsx")
    result = cli("validate", str(workbook), "--annotate", str(workbook))
    assert result.exit_code == 2 and "not the workbook being validated" in result.output


@pytest.fixture(scope="module")
def flooded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A submission with more errors than the report shows: 1,200 observations with an unknown metric."""
    folder = copy_package(tmp_path_factory.mktemp("flooded") / "package")
    with (folder / "observations.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        for number in range(1200):
            writer.writerow(["cegep-trois-lacs.suivi-diplomation-2025", "not_a_metric", "", "", "", number + 10, "", "", ""])
    return folder


def test_report_says_when_validation_stopped_at_the_error_limit(flooded):
    report = json.loads(cli("validate", str(flooded), "--format", "json").stdout)
    assert report["submissions"][0]["truncated"] is True
    assert len(report["errors"]) == 1000
    for lang in ("en", "fr"):
        text = cli("validate", str(flooded), lang=lang).stdout
        assert TRUNCATED[lang].format(count=1000) in text
