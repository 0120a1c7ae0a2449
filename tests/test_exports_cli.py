"""Guards `mcds export` as a user meets it: a valid submission is exported (to standard output, a file, or a
folder with one file per record plus bulk.json), an invalid one is not (exit code 1 and the validation
report), unusable input exits 2, the mapping report speaks the chosen language, and the --to choice offers
exactly the formats the registry has."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT
from exports_support import SAMPLES, document

from mcds.cli import main
from mcds.exports import FORMATS

SAMPLE = ROOT / "datapackages" / "kestrel-bay-college"
INVALID = ROOT / "tests" / "data" / "submissions" / "invalid" / "bad-url" / "ip-address"


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args), prog_name="mcds")
    assert "Traceback" not in result.output
    return result


def test_the_samples_exist():
    assert SAMPLE in SAMPLES and INVALID.is_dir()


@pytest.mark.parametrize("format_name", sorted(FORMATS))
def test_a_valid_submission_goes_to_standard_output(format_name):
    result = invoke("export", str(SAMPLE), "--to", format_name)
    assert result.exit_code == 0, result.output
    bulk = json.loads(result.stdout)
    assert len(bulk["@graph"]) >= len(document(SAMPLE)["microcredentials"])


def test_a_file_and_a_folder_are_written(tmp_path):
    out = tmp_path / "catalogue.json"
    assert invoke("export", str(SAMPLE), "--to", "schemaorg", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["@context"] == "https://schema.org"
    folder = tmp_path / "ob3"
    result = invoke("export", str(SAMPLE), "--to", "ob3", "--out", str(folder), "--lang", "fr")
    assert result.exit_code == 0, result.output
    ids = {mc["id"] for mc in document(SAMPLE)["microcredentials"]}
    assert {p.name for p in folder.iterdir()} == {f"{i}.json" for i in ids} | {"bulk.json"}
    record = json.loads((folder / f"{sorted(ids)[0]}.json").read_text(encoding="utf-8"))
    assert record["type"] == ["Achievement"] and "/fr/" in record["id"]
    assert "fiches et bulk.json" in result.stderr
    # exporting again into the same folder replaces its files
    assert invoke("export", str(SAMPLE), "--to", "ob3", "--out", str(folder)).exit_code == 0


def test_an_invalid_submission_is_not_exported(tmp_path):
    out = tmp_path / "out.json"
    result = invoke("export", str(INVALID), "--to", "ob3", "--out", str(out), "--lang", "fr")
    assert result.exit_code == 1
    assert not out.exists() and result.stderr.strip()


def test_unusable_input_and_unknown_formats_exit_2(tmp_path):
    assert invoke("export", str(tmp_path / "missing"), "--to", "ob3").exit_code == 2
    result = invoke("export", str(SAMPLE), "--to", "pdf")
    assert result.exit_code == 2 and "ob3" in result.output


def test_the_choice_is_the_registry():
    result = invoke("export", "--help")
    for name in FORMATS:
        assert name in result.output
    assert {"ob3", "schemaorg"} <= set(FORMATS)


def test_the_output_never_replaces_the_input():
    result = invoke("export", str(SAMPLE), "--to", "ob3", "--out", str(SAMPLE / "datapackage.json"))
    assert result.exit_code == 2


@pytest.mark.parametrize(("lang", "words"), [("en", ("Mapping report", "Exported:", "Left out:",
                                                     "the format has no property for this field")),
                                             ("fr", ("Rapport de correspondance", "Exportés :", "Laissés de côté :",
                                                     "le format n'a aucune propriété pour ce champ"))])
def test_the_report_is_in_the_chosen_language(lang, words):
    result = invoke("export", str(SAMPLE), "--to", "ob3", "--report", "--lang", lang)
    assert result.exit_code == 0
    for word in words:
        assert word in result.stderr
    assert "Microcredential.title -> schema:name" in result.stderr
    json.loads(result.stdout)  # the report never mixes with the exported document
