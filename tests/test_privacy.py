"""Guards the privacy rules of outcome reports on the cases the 0.2.0 review found, beyond the one-fault fixtures
of tests/data/submissions/ (which prove each code at its cell):

- the sample CEGEP report published 8 enrolments and 7 completions for gender-diverse learners, revealing one
  learner who did not complete; that report, kept as it was in tests/data/privacy/, must be reported at the
  completions row, with a message in both languages that names the cells to suppress, while the sample itself,
  corrected, stays valid;
- residual categories (not stated, outside Canada) and a deprecated category split in two do not hide a
  recoverable cell, and the province of residence accepts outside_canada beside the provinces.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import DATA_DIR, ROOT

from mcds.cli import main
from mcds.standard import model
from mcds.validation.checks.privacy import _exhaustive

SAMPLE = ROOT / "datapackages" / "cegep-du-val-des-cedres"
LEAKING = DATA_DIR / "privacy" / "cegep-du-val-des-cedres-0.2.0-observations.csv"


def validate(folder: Path, lang: str = "en") -> dict:
    result = CliRunner().invoke(main, ["validate", str(folder), "--format", "json", "--lang", lang])
    assert "Traceback" not in result.output, result.output
    return json.loads(result.stdout)


def leaking_copy(tmp_path: Path) -> Path:
    """The sample with its observations as published under 0.2.0, in the columns of the sample's version (the
    columns 0.3.0 added left empty)."""
    folder = tmp_path / SAMPLE.name
    shutil.copytree(SAMPLE, folder)
    with (SAMPLE / "observations.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with LEAKING.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with (folder / "observations.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def places(report: dict) -> set[tuple]:
    return {(e["code"], e["file"], e["row"], e["column"]) for e in report["errors"]}


def test_the_sample_cegep_leak_is_reported_at_the_completions_row(tmp_path):
    report = validate(leaking_copy(tmp_path))
    # Row 9: 8 gender-diverse enrolments; row 12: 7 gender-diverse completions; row 15: the rate 7 / 8.
    assert ("differencing", "observations.csv", 12, "value") in places(report)
    assert ("differencing", "observations.csv", 15, "value") in places(report)
    message = next(e["message"] for e in report["errors"] if e["row"] == 12)
    assert "enrolments on row 9 minus completions (row 12) leaves 1" in message
    assert "Suppress this completions cell, or the enrolments cell on row 9" in message


def test_the_sample_cegep_leak_is_explained_in_french(tmp_path):
    report = validate(leaking_copy(tmp_path), "fr")
    message = next(e["message"] for e in report["errors"] if e["row"] == 12)
    assert "enrolments à la ligne 9 moins completions (ligne 12) laisse 1" in message
    assert "Supprimez cette cellule completions, ou la cellule enrolments de la ligne 9" in message


def test_the_corrected_sample_is_valid_and_keeps_its_figures_where_they_are_safe():
    report = validate(SAMPLE)
    assert report["errors"] == []
    rows = (SAMPLE / "observations.csv").read_text(encoding="utf-8").splitlines()
    assert rows[8].endswith(",gender,gender_diverse,,,8,,,,,false")  # the enrolments stay published
    assert rows[11].endswith(",gender,gender_diverse,,,,,,,,true")  # the completions are suppressed


def test_residual_categories_do_not_hide_a_recoverable_cell():
    assert _exhaustive("gender", {"woman", "man", "gender_diverse"})
    assert not _exhaustive("gender", {"woman", "gender_diverse"})
    assert _exhaustive("province_of_residence", {code for code in model.codes("ProvinceTerritoryEnum")})


def test_a_deprecated_category_counts_for_those_it_was_split_into():
    old = {"age_under_25", "age_25_34", "age_35_44", "age_45_54", "age_55_plus"}
    assert _exhaustive("age_group", old)
    assert _exhaustive("age_group", old - {"age_55_plus"} | {"age_55_64", "age_65_plus"})
    assert not _exhaustive("age_group", old - {"age_55_plus"} | {"age_55_64"})


def test_province_of_residence_accepts_outside_canada_and_not_stated():
    categories = model.categories("province_of_residence")
    assert categories["CA-QC"] == "ProvinceTerritoryEnum"
    assert categories["outside_canada"] == "ResidenceElsewhereEnum"
    assert model.residual("province_of_residence", "not_stated")
    assert not model.residual("province_of_residence", "CA-QC")
    assert model.category_label("province_of_residence", "outside_canada", "fr") == "Hors du Canada"
