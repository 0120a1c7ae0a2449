"""Guards every check of the validator with the fixture packages of tests/data/submissions/.

Each invalid package has exactly one fault, and `mcds validate` must report its error code at its exact
file, row and column, and no other error; each warning package must report its warning there and still be
valid; the valid packages must pass. Every code of the error catalogue must be proven this way or by a named
test elsewhere, so a check cannot silently stop firing, fire at the wrong cell, or be added without a test.
Layer 1 must also agree with plain Frictionless on the same packages, as the standard promises providers who
use Frictionless' own tools. Rebuild the fixtures with `.venv/bin/python tests/data/submissions/make_fixtures.py`.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import frictionless
import pytest
from click.testing import CliRunner
from conftest import DATA_DIR
from frictionless import errors as fl_errors

from mcds.cli import main
from mcds.validation.error_catalogue import entries

SUBMISSIONS = DATA_DIR / "submissions"
VALID = sorted(p for p in (SUBMISSIONS / "valid").iterdir() if p.is_dir())
INVALID = sorted(SUBMISSIONS.glob("invalid/*/*/"))
WARNINGS = sorted(SUBMISSIONS.glob("warnings/*/*/"))
REBUILD = "rebuild with .venv/bin/python tests/data/submissions/make_fixtures.py"

# Codes that no package folder can raise: each is proven by the named test, on an input built in tmp_path.
COVERED_BY_TESTS = {
    "unsupported-input": ("test_validation_inputs", "test_unsupported_file_type",
                          "only a file that is not a folder, .zip, .xlsx or .json raises it"),
    "unsafe-archive": ("test_validation_inputs", "test_unsafe_zip_is_refused", "needs a .zip input"),
    "cell-too-large": ("test_validation_inputs", "test_enormous_cell_is_refused",
                       "a 1,000,000-character fixture would bloat the repository"),
    "formula-cell": ("test_validation_inputs", "test_xlsx_formula_cell_is_refused", "needs an .xlsx input"),
    "unreadable-workbook": ("test_validation_inputs", "test_broken_workbook_is_refused", "needs an .xlsx input"),
    "merged-cells": ("test_validation_fixes", "test_merged_cells_are_named_and_the_rows_under_them_not_reported_empty",
                     "needs an .xlsx input"),
    "date-cell": ("test_validation_fixes", "test_a_code_that_excel_turned_into_a_date_is_named", "needs an .xlsx input"),
    "invalid-json": ("test_validation_inputs", "test_bad_json_document_is_refused", "needs a .json input"),
    "newer-version": ("test_versions", "test_a_previous_release_validates_with_a_notice",
                      "needs a submission that declares an older release, which a fixture would pin to 0.1.0"),
    "deprecated-element": ("test_versions", "test_a_deprecated_element_is_reported_in_both_languages",
                           "the standard deprecates nothing yet; the test deprecates a field in a copy of the profile"),
    "provider-mismatch": ("test_publication_gate", "test_a_submission_must_declare_the_provider_it_is_named_after",
                          "only the publication gate knows the name a submission was sent under"),
    "too-many-rows": ("test_input_bounds", "test_a_table_past_the_row_limit_is_refused",
                      "a fixture of 1,500,001 rows would bloat the repository"),
    "row-too-wide": ("test_input_bounds", "test_a_row_past_the_character_limit_is_refused_before_it_is_built",
                     "a 4,000,000-character fixture would bloat the repository"),
    "json-too-deep": ("test_input_bounds", "test_json_nested_ten_thousand_deep_is_refused_with_its_place",
                      "needs a .json input"),
    "unsafe-workbook": ("test_input_bounds", "test_xml_entity_declarations_in_a_sheet_are_refused_unparsed",
                        "needs an .xlsx input"),
    "time-limit": ("test_input_bounds", "test_validation_past_its_time_limit_stops_with_a_located_message",
                   "only a lowered time limit makes a small package run past it"),
    "table-error": ("test_validation_inputs", "test_unreadable_table_is_a_table_error",
                    "the input stage reads every table first, so only a table that vanishes while validation "
                    "runs reaches Frictionless unreadable; the test simulates that"),
}
# Frictionless reports these for a whole row; our findings name the key's columns instead.
ROW_LEVEL = {"primary-key", "foreign-key", "blank-row"}


def case_id(folder: Path) -> str:
    return "/".join(folder.relative_to(SUBMISSIONS).parts[1:])


def expected(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


@cache
def run(folder: Path) -> tuple[int, dict[str, Any]]:
    """`mcds validate FOLDER --format json`, as a provider runs it (under the profile expected.json names, if
    any): the exit code and the report."""
    profile = expected(folder).get("profile")
    result = CliRunner().invoke(main, ["validate", str(folder), "--format", "json", "--lang", "en",
                                       *(["--profile", profile] if profile else [])])
    assert "Traceback" not in result.output, result.output
    return result.exit_code, json.loads(result.stdout)


def place(finding: dict[str, Any]) -> tuple[Any, ...]:
    return finding["code"], finding["file"], finding["row"], finding["column"]


def test_fixture_folders_are_not_empty():
    assert VALID, f"tests/data/submissions/valid holds no package: {REBUILD}"
    assert INVALID, f"tests/data/submissions/invalid holds no package: {REBUILD}"
    assert WARNINGS, f"tests/data/submissions/warnings holds no package: {REBUILD}"
    for folder in VALID + INVALID + WARNINGS:
        files = {p.name for p in folder.iterdir()}
        assert "expected.json" in files and len(files) > 1, f"{folder} is incomplete: {REBUILD}"


@pytest.mark.parametrize("folder", INVALID + WARNINGS, ids=case_id)
def test_expected_json_names_its_own_code_and_a_place(folder):
    found = expected(folder)
    assert found["code"] == folder.parent.name, "the folder name is the code the package must raise"
    assert found["code"] in entries(), f"{found['code']} is not in the catalogue"
    assert set(found) <= {"code", "file", "row", "column", "fault", "also", "profile"}
    assert found["fault"], "say what was changed, so that the fixture can be maintained"
    severity = "error" if folder.parts[-3] == "invalid" else "warning"
    assert entries()[found["code"]].severity == severity


@pytest.mark.parametrize("folder", VALID, ids=lambda p: p.name)
def test_valid_package_passes(folder):
    code, report = run(folder)
    assert report["errors"] == [], f"{folder.name} is no longer valid: {report['errors'][:3]}"
    assert code == 0 and report["valid"] is True


@pytest.mark.parametrize("folder", INVALID, ids=case_id)
def test_invalid_package_fails_with_its_own_code_at_its_place(folder):
    want = expected(folder)
    code, report = run(folder)
    places = [place(f) for f in report["errors"]]
    assert place(want) in places, f"expected {place(want)}, got {places}"
    others = [p for p in places if p != place(want) and p[0] not in want.get("also", {})]
    assert others == [], f"the one fault of {case_id(folder)} raised other errors too"
    # A problem with the input itself makes it unusable (exit 2); anything else makes it invalid (exit 1).
    assert code == (2 if entries()[want["code"]].layer == "input" else 1)
    assert report["valid"] is False


@pytest.mark.parametrize("folder", WARNINGS, ids=case_id)
def test_warning_is_reported_at_its_place_and_does_not_block(folder):
    want = expected(folder)
    code, report = run(folder)
    assert place(want) in [place(f) for f in report["warnings"]]
    assert report["errors"] == [] and report["valid"] is True and code == 0


def fixture_codes() -> set[str]:
    return {expected(folder)["code"] for folder in INVALID + WARNINGS}


def test_every_code_of_the_catalogue_is_proven():
    missing = set(entries()) - fixture_codes() - set(COVERED_BY_TESTS)
    assert not missing, (f"codes without a fixture package or a named test: {sorted(missing)}; add a case to "
                         "tests/data/submissions/make_fixtures.py (or a test and an entry in COVERED_BY_TESTS)")


@pytest.mark.parametrize("code", sorted(COVERED_BY_TESTS))
def test_each_exception_is_still_needed_and_its_test_exists(code):
    module, test, _reason = COVERED_BY_TESTS[code]
    assert code in entries(), f"{code} left the catalogue: remove it from COVERED_BY_TESTS"
    assert code not in fixture_codes(), f"{code} now has a fixture package: remove it from COVERED_BY_TESTS"
    assert callable(getattr(importlib.import_module(module), test, None)), f"{module}.{test} does not exist"


def plain_frictionless(folder: Path) -> set[tuple[Any, ...]]:
    """What plain `frictionless validate datapackage.json` reports, located like our findings."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in descriptor["resources"]}
    report = frictionless.Package(str(folder / "datapackage.json")).validate()
    found = {("datapackage.json", error.type, None, None) for error in report.errors}
    for task in report.tasks:
        for error in task.errors:
            label = isinstance(error, fl_errors.LabelError)
            per_cell = isinstance(error, fl_errors.CellError | fl_errors.LabelError) and error.type not in ROW_LEVEL
            found.add((paths[task.name], error.type, 1 if label else getattr(error, "row_number", None),
                       (error.field_name or None) if per_cell else None))
    return found


def structural(folder: Path) -> bool:
    return folder.parts[-3] == "invalid" and entries()[expected(folder)["code"]].layer == "structure"


@pytest.mark.parametrize("folder", VALID + [f for f in INVALID if structural(f)], ids=case_id)
def test_layer_one_agrees_with_plain_frictionless(folder):
    _, report = run(folder)
    ours = {(f["file"], f["code"], f["row"], None if f["code"] in ROW_LEVEL else f["column"])
            for f in report["errors"] + report["warnings"] if entries()[f["code"]].layer == "structure"}
    assert ours == plain_frictionless(folder)


def test_the_same_fault_is_found_in_french():
    folder = SUBMISSIONS / "invalid" / "constraint-error" / "status-not-a-code"
    result = CliRunner().invoke(main, ["validate", str(folder), "--lang", "fr"])
    assert result.exit_code == 1
    assert 'microcredentials.csv, ligne 2, colonne « status » : « actif » n\'est pas un code permis.' in result.stdout
