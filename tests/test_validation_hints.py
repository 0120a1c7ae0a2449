"""Messages that say what the provider most likely meant: a code written as its name ("Manitoba" for CA-MB, in
either language, or misspelt), and a list separated by commas or semicolons instead of |. Each hint is checked
as a code, a place and a sentence in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_validation_inputs import copy_package, set_cell

from mcds.validation import validate
from mcds.validation.error_catalogue import message


def only_error(folder: Path):  # noqa: ANN201 - the one Finding
    report = validate(folder)
    assert len(report.errors) == 1, [(f.code, f.file, f.row, f.column) for f in report.errors]
    return report.errors[0]


@pytest.mark.parametrize(("written", "meant"), [("Manitoba", "CA-MB"), ("colombie-britannique", "CA-BC"),
                                                ("Ontairo", "CA-ON"), ("ca-qc", "CA-QC")])
def test_a_code_written_as_its_name_gets_the_code_it_means(tmp_path: Path, written: str, meant: str) -> None:
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "offerings.csv", 2, "province", written)
    finding = only_error(folder)
    assert (finding.code, finding.file, finding.row, finding.column) == ("constraint-error", "offerings.csv", 2, "province")
    assert finding.params["variant"] == "enum-suggested" and finding.params["closest"] == meant
    assert f'"{written}" is not an allowed code. Did you mean "{meant}"? Write {meant}, or another code of ' \
           "ProvinceTerritoryEnum: " in message(finding, "en")
    assert f"« {written} » n'est pas un code permis. Vouliez-vous dire « {meant} » ? Écrivez {meant}, ou un autre " \
           "code de ProvinceTerritoryEnum : " in message(finding, "fr")


def test_a_value_near_no_code_gets_the_list_of_codes_without_a_guess(tmp_path: Path) -> None:
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "offerings.csv", 2, "province", "Atlantis")
    finding = only_error(folder)
    assert finding.params["variant"] == "enum" and "closest" not in finding.params
    assert "Did you mean" not in message(finding, "en") and "Vouliez-vous dire" not in message(finding, "fr")


@pytest.mark.parametrize(("written", "separator", "fixed"), [("en,fr", ",", "en|fr"), ("fr ; en", ";", "fr|en")])
def test_a_list_separated_by_commas_or_semicolons_gets_the_bar(tmp_path: Path, written: str, separator: str,
                                                                fixed: str) -> None:
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "languages", written)
    finding = only_error(folder)
    assert (finding.code, finding.file, finding.row, finding.column) == \
        ("constraint-error", "microcredentials.csv", 2, "languages")
    assert finding.params == {"variant": "list-separator", "separator": separator, "fixed": fixed}
    assert message(finding, "en") == (f'microcredentials.csv, row 2, column "languages": The items of this list are '
                                      f'separated by "{separator}"; a list separates them with |. Write {fixed}.')
    assert message(finding, "fr") == (f"microcredentials.csv, ligne 2, colonne « languages » : Les éléments de cette "
                                      f"liste sont séparés par « {separator} »; une liste les sépare par |. "
                                      f"Écrivez {fixed}.")


def test_a_comma_list_whose_items_are_wrong_anyway_is_not_told_to_use_the_bar(tmp_path: Path) -> None:
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "languages", "english,klingon")
    finding = only_error(folder)
    assert finding.params["variant"] == "list-code"
