"""Guards how submissions meet versions and profiles of the standard: a submission is checked against the release
it declares (with a notice when a newer one exists), profiles tighten the core with messages that name their
rule, deprecated elements are warned about in both languages, and `mcds migrate` moves a submission forward
without touching the original."""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mcds.cli import main
from mcds.standard import artefacts
from mcds.standard.paths import GENERATED_DIR, ROOT
from mcds.validation import validate
from mcds.validation.error_catalogue import message

SAMPLE = ROOT / "datapackages" / "kestrel-bay-college"
# The same provider's submission as it was published under 0.2.0 (its one CIP code that does not exist in CIP
# Canada 2021 corrected), for the tests of a submission that follows an earlier release.
PREVIOUS = ROOT / "tests" / "data" / "releases" / "kestrel-bay-college-0.2.0"
# The example made to meet the EU Annex I profile (tests/data/submissions/make_fixtures.py).
EU_CONFORMANT = ROOT / "tests" / "data" / "submissions" / "valid" / "eu-annex-i"
CURRENT = artefacts.current_version()


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def declaring(tmp_path: Path, version: str, source: Path = SAMPLE) -> Path:
    """A copy of a submission that declares `version` (its descriptor and its submission table)."""
    folder = tmp_path / "submission"
    shutil.copytree(source, folder)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    declared = descriptor["mcds"]["standard_version"]
    descriptor["mcds"]["standard_version"] = version
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    table = (folder / "submission.csv").read_text(encoding="utf-8").replace(declared, version)
    (folder / "submission.csv").write_text(table, encoding="utf-8")
    return folder


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_there_is_an_older_release_to_declare():
    assert artefacts.known_versions()[0] == "0.1.0" and CURRENT != "0.1.0"


@pytest.mark.parametrize("version", ["0.1.0", "0.2.0"])
def test_a_previous_release_validates_with_a_notice(tmp_path, version):
    report = validate(declaring(tmp_path, version, PREVIOUS))
    assert report.valid and report.standard_version == version
    notice = [f for f in report.warnings if f.code == "newer-version"]
    assert len(notice) == 1 and notice[0].params["latest"] == CURRENT
    assert f"version {CURRENT} is available" in message(notice[0], "en")
    assert f"la version {CURRENT} est offerte" in message(notice[0], "fr")


def test_the_current_release_gets_no_notice():
    assert not [f for f in validate(SAMPLE).findings if f.code == "newer-version"]


def test_an_unknown_version_is_refused(tmp_path):
    result = run("validate", str(declaring(tmp_path, "9.9.9")), "--format", "json", "--lang", "fr")
    assert result.exit_code == 2
    errors = json.loads(result.output)["errors"]
    assert [e["code"] for e in errors] == ["unknown-standard-version"]
    assert "n'est pas une version publiée" in errors[0]["message"]


def test_the_osap_profile_rejects_a_sample_valid_against_the_core():
    assert validate(SAMPLE).valid
    report = validate(SAMPLE, profile_name="ontario-osap")
    found = [(f.code, f.file, f.column) for f in report.errors]
    # The 13-week microcredential (row 13), and each of its three offerings, which span 89 days (rows 23-25).
    assert found == [("constraint-error", "microcredentials.csv", "duration_weeks")] + \
        [("osap-offering-too-long", "offerings.csv", "end_date")] * 3
    assert [f.row for f in report.errors] == [13, 23, 24, 25]
    assert "OSAP: the duration must be under 12 weeks" in message(report.errors[0], "en")
    assert "RAFEO : la durée doit être inférieure à 12 semaines" in message(report.errors[0], "fr")


def edited(tmp_path: Path, table: str, column: str, value: str, source: Path = SAMPLE) -> Path:
    """A copy of a submission (the sample by default) with one cell of the first data row of `table` replaced."""
    folder = tmp_path / "submission"
    shutil.copytree(source, folder)
    path = folder / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return folder


def test_the_osap_profile_caps_occupations_at_three(tmp_path):
    folder = edited(tmp_path, "microcredentials", "occupations", "72106|72010|94105|22310")
    assert validate(folder).valid
    capped = [f for f in validate(folder, profile_name="ontario-osap").errors if f.column == "occupations"]
    assert [(f.code, f.row) for f in capped] == [("constraint-error", 2)]
    assert "This list has 4 items; at most 3 are allowed (OSAP: at most three NOC 2021 codes)." in message(capped[0], "en")


def test_the_eu_profile_requires_the_issuer_region(tmp_path):
    folder = edited(tmp_path, "organizations", "provinces", "", EU_CONFORMANT)
    assert validate(folder).valid
    report = validate(folder, profile_name="eu-annex-i")
    found = [(f.code, f.file, f.row, f.column) for f in report.errors]
    assert found == [("constraint-error", "organizations.csv", 2, "provinces")]
    assert "EU Annex I: the country or region of the issuer is required" in message(report.errors[0], "en")


def test_an_unknown_profile_is_a_usage_error():
    result = run("validate", str(SAMPLE), "--profile", "nowhere", "--lang", "fr")
    assert result.exit_code == 2
    assert "n'a pas de profil « nowhere »" in result.output and "ontario-osap" in result.output


def test_a_deprecated_element_is_reported_in_both_languages(monkeypatch):
    profile = copy.deepcopy(artefacts.data_package_profile(CURRENT))
    microcredentials = next(r for r in profile["resources"] if r["name"] == "microcredentials")
    field = next(f for f in microcredentials["schema"]["fields"] if f["name"] == "record_version")
    field["mcds"]["deprecated"] = {"reason": "versions are tracked by date_effective", "replaced_by": "date_effective"}
    status = next(f for f in microcredentials["schema"]["fields"] if f["name"] == "status")
    status["mcds"]["deprecated_codes"] = {"active": {"reason": "renamed", "replaced_by": "open"}}
    monkeypatch.setattr(artefacts, "data_package_profile", lambda version, name=None: profile)
    report = validate(SAMPLE)
    assert report.valid, "deprecation never blocks publication"
    warned = [f for f in report.warnings if f.code == "deprecated-element"]
    assert {(f.column, f.params["item"]) for f in warned} >= {("record_version", "record_version"), ("status", "active")}
    finding = next(f for f in warned if f.column == "record_version")
    assert 'Use "date_effective" instead.' in message(finding, "en")
    assert "Utilisez plutôt « date_effective »." in message(finding, "fr")


def test_migrate_moves_a_submission_forward_and_leaves_the_original(tmp_path):
    source = declaring(tmp_path, "0.1.0")
    before = hashes(source)
    out = tmp_path / "moved"
    result = run("migrate", str(source), "--to", CURRENT, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert hashes(source) == before
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["mcds"]["standard_version"] == CURRENT
    assert descriptor["title"] == json.loads((SAMPLE / "datapackage.json").read_text(encoding="utf-8"))["title"]
    assert descriptor["resources"] == json.loads((GENERATED_DIR / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    report = validate(out)
    assert report.valid and report.standard_version == CURRENT
    assert not [f for f in report.findings if f.code == "newer-version"]


def test_migrate_refuses_to_go_backwards_or_to_an_unknown_version(tmp_path):
    assert run("migrate", str(SAMPLE), "--to", "0.1.0", "--out", str(tmp_path / "a")).exit_code == 2
    result = run("migrate", str(SAMPLE), "--to", "7.0.0", "--out", str(tmp_path / "b"), "--lang", "fr")
    assert result.exit_code == 2 and "n'est pas une version de la norme" in result.output


@pytest.mark.parametrize("name", ["ontario-osap", "eu-annex-i"])
def test_profiles_are_generated_and_released(name):
    for folder in (GENERATED_DIR, ROOT / "schema" / "releases" / CURRENT / "generated"):
        descriptor = json.loads((folder / "profiles" / name / "datapackage.json").read_text(encoding="utf-8"))
        assert descriptor["mcds"]["profile"] == name
        assert descriptor["mcds"]["standard_version"] == CURRENT
