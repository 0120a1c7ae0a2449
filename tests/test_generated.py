"""Guards the generated artefacts: they are in sync with the schema, reproducible, valid in their own
formats, usable without MCDS' code (plain Frictionless and a spreadsheet), bilingual, and the tabular form
converts to and from the JSON form without loss."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import GENERATED_DIR, VALID_DIR, load_yaml
from frictionless import Package
from openpyxl import load_workbook

from mcds.errors import StaleArtefacts
from mcds.generators import build
from mcds.standard import tabular

PROFILE = json.loads((GENERATED_DIR / "datapackage.json").read_text(encoding="utf-8"))
SUBMISSIONS = sorted(VALID_DIR.glob("Submission-*.yaml"))


def write_package(document: dict, folder: Path) -> Path:
    return tabular.write_package(document, folder, PROFILE)


def frictionless_errors(folder: Path) -> set[tuple[str, str, int | None, str | None]]:
    report = Package(str(folder / "datapackage.json")).validate()
    return {(task.name, e.type, getattr(e, "row_number", None), getattr(e, "field_name", None))
            for task in report.tasks for e in task.errors}


def test_there_is_a_complete_submission_example():
    assert SUBMISSIONS, "tests/data/valid must hold at least one Submission-*.yaml"


def test_committed_artefacts_are_in_sync_with_the_schema():
    build.check(GENERATED_DIR)


def test_generating_twice_gives_identical_files(tmp_path):
    build.write(tmp_path / "one")
    build.write(tmp_path / "two")
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two


def test_drift_check_names_the_stale_file(tmp_path):
    copy = tmp_path / "generated"
    shutil.copytree(GENERATED_DIR, copy)
    (copy / "codelists" / "SectorEnum.csv").write_text("code\n", encoding="utf-8")
    (copy / "leftover.txt").write_text("old\n", encoding="utf-8")
    with pytest.raises(StaleArtefacts) as raised:
        build.check(copy)
    assert raised.value.values["files"] == "codelists/SectorEnum.csv, leftover.txt"


def test_json_schema_passes_its_meta_schema_and_carries_the_version():
    document = json.loads((GENERATED_DIR / "mcds.schema.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(document).check_schema(document)
    assert document["$id"] == f"https://w3id.org/mcds/{PROFILE['mcds']['standard_version']}/mcds.schema.json"


def test_json_ld_context_makes_text_a_language_map():
    context = json.loads((GENERATED_DIR / "mcds.context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["title"]["@container"] == "@language"
    assert context["description"]["@container"] == "@language"
    assert context["awarding_bodies"] == {"@id": "ceterms:ownedBy", "@type": "@id"}


@pytest.mark.parametrize("path", SUBMISSIONS, ids=lambda p: p.stem)
def test_tabular_form_round_trips_without_loss(path):
    document = load_yaml(path)
    assert tabular.to_document(tabular.to_tables(document, PROFILE), PROFILE) == document


@pytest.mark.parametrize("path", SUBMISSIONS, ids=lambda p: p.stem)
def test_plain_frictionless_accepts_a_correct_package(path, tmp_path):
    assert frictionless_errors(write_package(load_yaml(path), tmp_path)) == set()


def test_plain_frictionless_rejects_broken_reference_enum_and_pattern(tmp_path):
    document = load_yaml(SUBMISSIONS[0])
    microcredential = document["microcredentials"][0]
    microcredential["employer_engagements"] = [{"partner": "no-such-partner", "engagement_roles": ["co_design"]}]
    microcredential["status"] = "open"
    microcredential["field_of_study"] = "480508"
    found = frictionless_errors(write_package(document, tmp_path))
    assert ("employer_engagements", "foreign-key", 2, None) in found
    assert ("microcredentials", "constraint-error", 2, "status") in found
    assert ("microcredentials", "constraint-error", 2, "field_of_study") in found


def test_every_enum_column_of_the_workbook_has_a_drop_down():
    book = load_workbook(GENERATED_DIR / "templates" / "mcds-template.xlsx")
    for resource in PROFILE["resources"]:
        sheet = book[resource["name"]]
        assert sheet.freeze_panes == "A2"
        header = [cell.value for cell in sheet[1]]
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        validated = {}
        for validation in sheet.data_validations.dataValidation:
            for cell_range in validation.sqref.ranges:
                validated[header[cell_range.min_col - 1]] = validation
        for field in resource["schema"]["fields"]:
            enum = field["mcds"].get("enum")
            if enum:
                assert validated[field["name"]].type == "list", (resource["name"], field["name"])
                assert enum in validated[field["name"]].formula1
                assert enum in book.sheetnames
            elif field["type"] in ("integer", "number"):
                assert validated[field["name"]].type in ("whole", "decimal")
            elif field["type"] == "date":
                assert validated[field["name"]].type == "date"
            elif field["type"] == "boolean":
                assert validated[field["name"]].formula1 == '"true,false"'


@pytest.mark.parametrize("path", SUBMISSIONS, ids=lambda p: p.stem)
def test_template_filled_with_an_example_validates(path, tmp_path):
    from mcds.validation import validate

    book = load_workbook(GENERATED_DIR / "templates" / "mcds-template.xlsx")
    tables = tabular.to_tables(load_yaml(path), PROFILE)
    for resource in PROFILE["resources"]:
        sheet = book[resource["name"]]
        # From row 2, as a provider fills it: the submission sheet's row 2 holds the pre-filled version.
        for number, row in enumerate(tables[resource["name"]], start=2):
            for column, field in enumerate(resource["schema"]["fields"], start=1):
                sheet.cell(row=number, column=column, value=row[field["name"]])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    report = validate(filled)
    assert report.errors == []
    assert report.valid


def _profile_gaps() -> list[str]:
    return [f"datapackage.json {resource['name']}.{item.get('name')} {key}_fr"
            for resource in PROFILE["resources"] for item in [resource, *resource["schema"]["fields"]]
            for key in ("title", "description") if item.get(key) and not item.get(f"{key}_fr")]


def _codelist_gaps() -> list[str]:
    gaps = []
    for path in sorted((GENERATED_DIR / "codelists").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            gaps += [f"{path.name} {row['code']} {key}_fr" for row in csv.DictReader(handle)
                     for key in ("title", "description") if row[f"{key}_en"] and not row[f"{key}_fr"]]
    return gaps


def _json_schema_gaps() -> list[str]:
    schema = json.loads((GENERATED_DIR / "mcds.schema.json").read_text(encoding="utf-8"))
    gaps = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            gaps.extend(f"mcds.schema.json {where} x-{key}-fr" for key in ("title", "description")
                        if node.get(key) and isinstance(node[key], str) and not node.get(f"x-{key}-fr"))
            for key, value in node.items():
                if key not in ("examples", "enum"):
                    walk(value, f"{where}/{key}")

    texts = ("title", "description", "x-title-fr", "x-description-fr")
    walk({k: v for k, v in schema.items() if k in ("$defs", "properties", *texts)}, "")
    return gaps


def _model_gaps() -> list[str]:
    model = json.loads((GENERATED_DIR / "mcds.model.json").read_text(encoding="utf-8"))
    return [f"mcds.model.json {element['name']}.{item.get('name', item.get('code'))} {key}"
            for kind in ("classes", "enums") for element in model[kind]
            for item in [element, *element.get("slots", []), *element.get("values", [])]
            for key in ("title", "description") if item[key]["en"] and not item[key]["fr"]]


def _workbook_gaps() -> list[str]:
    book = load_workbook(GENERATED_DIR / "templates" / "mcds-template.xlsx", read_only=True)
    return [f"mcds-template.xlsx column_help {row[0]}.{row[1]}"
            for row in book["column_help"].iter_rows(min_row=2, values_only=True) if row[2] and not row[3]]


def _french_gaps() -> list[str]:
    return _profile_gaps() + _codelist_gaps() + _json_schema_gaps() + _model_gaps() + _workbook_gaps()


def test_every_generated_artefact_has_french_wherever_it_has_english():
    assert _french_gaps() == []


def test_the_french_measure_can_fail(monkeypatch):
    """The measure above must notice a missing translation (it reads the profile loaded at import)."""
    field = PROFILE["resources"][0]["schema"]["fields"][0]
    monkeypatch.setitem(field, "title_fr", "")
    assert f"datapackage.json submission.{field['name']} title_fr" in _french_gaps()


def test_unverified_french_labels_are_flagged_in_the_code_lists_and_the_workbook():
    """A French label the schema marks translation_status: to_verify is never published as normative without
    its flag: the code-list CSV and the template's code sheet both carry it, and a checked label carries none."""
    with (GENERATED_DIR / "codelists" / "TeerCategoryEnum.csv").open(encoding="utf-8", newline="") as handle:
        teer = {row["code"]: row["translation_status"] for row in csv.DictReader(handle)}
    assert teer == {"0": "to_verify", "1": "", "2": "to_verify", "3": "to_verify", "4": "to_verify", "5": "to_verify"}
    with (GENERATED_DIR / "codelists" / "NocBroadCategoryEnum.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["translation_status"] for row in csv.DictReader(handle)} == {""}, "checked against the CNP 2021 file"
    book = load_workbook(GENERATED_DIR / "templates" / "mcds-template.xlsx", read_only=True)
    rows = list(book["SkillsForSuccessEnum"].iter_rows(values_only=True))
    assert rows[0][5] == "translation_status"
    assert {row[5] for row in rows[1:]} == {"to_verify"}
