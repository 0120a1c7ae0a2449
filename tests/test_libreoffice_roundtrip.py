"""The Excel template survives LibreOffice: opened and saved again as .xlsx by LibreOffice Calc (headless), the
empty template and a filled workbook keep their values, drop-downs, text formats and named category lists, and
the filled one still validates.

Many providers have LibreOffice rather than Excel (issue 17, item 4). Without `soffice` the tests are skipped,
unless MCDS_REQUIRE_LIBREOFFICE=1 (`.ci/run` sets it and installs LibreOffice Calc): then they fail, so that a CI
machine without LibreOffice cannot pass them silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from mcds.cli import main
from mcds.standard import paths, tabular
from mcds.validation import validate
from mcds.validation.workbook import read_workbook

SAMPLE = "cegep-du-val-des-cedres"
TEMPLATE = paths.TEMPLATES_DIR / "mcds-template.xlsx"

# What LibreOffice loses, each with its reason; a test below fails when one is no longer lost, so that the
# set never claims a loss that has gone.
KNOWN_LOSSES = {
    "frozen header": "converting without a window, LibreOffice writes no view settings (panes, selection)",
    "drop-downs past 1,000 rows below the last used row": "LibreOffice writes a sheet's data validations only "
    "down to 1,000 rows below its last used row",
}


def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("MCDS_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("soffice is not installed (MCDS_REQUIRE_LIBREOFFICE=1: these tests must run here)",
                        pytrace=False)
        pytest.skip("LibreOffice (soffice) is not installed; install libreoffice-calc-nogui to run these tests")
    return found


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """{"template" | "filled": (the workbook, its copy saved by LibreOffice)}, converted in one run."""
    program = soffice()
    root = tmp_path_factory.mktemp("libreoffice")
    originals = {"template": root / "template.xlsx", "filled": root / f"{SAMPLE}.xlsx"}
    shutil.copyfile(TEMPLATE, originals["template"])
    result = CliRunner().invoke(main, ["convert", str(paths.SUBMISSIONS_DIR / SAMPLE), "--to", "xlsx",
                                       "--out", str(originals["filled"])])
    assert result.exit_code == 0, result.output
    out = root / "resaved"
    command = [program, "--headless", "--norestore", f"-env:UserInstallation={(root / 'profile').as_uri()}",
               "--convert-to", "xlsx", "--outdir", str(out), *map(str, originals.values())]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return {kind: (path, out / path.name) for kind, path in originals.items()}


def _validations(sheet: Any) -> dict[str, tuple[str, str, list[tuple[int, int]]]]:
    """column name -> (type, formula, [(first row, last row)]) of each data validation of a table sheet."""
    header = [cell.value for cell in sheet[1]]
    found = {}
    for validation in sheet.data_validations.dataValidation:
        formula = (validation.formula1 or "").replace("'", "")  # LibreOffice drops needless quotes
        for cell_range in validation.sqref.ranges:
            for column in range(cell_range.min_col, cell_range.max_col + 1):
                found.setdefault(header[column - 1], (validation.type, formula, []))[2].append(
                    (cell_range.min_row, cell_range.max_row))
    return found


def _column_formats(sheet: Any) -> dict[int, str]:
    """Each column's own number format (LibreOffice groups neighbouring columns of one style)."""
    formats = {}
    for dimension in sheet.column_dimensions.values():
        for column in range(dimension.min or 0, (dimension.max or 0) + 1):
            formats[column] = dimension.number_format
    return formats


@pytest.mark.parametrize("kind", ["template", "filled"])
def test_values_survive_and_read_the_same(resaved: dict[str, tuple[Path, Path]], kind: str) -> None:
    profile = tabular.load_profile()
    original, copy = resaved[kind]
    before, problems_before = read_workbook(original, profile)
    after, problems_after = read_workbook(copy, profile)
    assert before is not None and after == before
    assert problems_after == problems_before == []


def test_the_filled_workbook_still_validates(resaved: dict[str, tuple[Path, Path]]) -> None:
    report = validate(resaved["filled"][1])
    assert (report.valid, report.errors, report.warnings) == (True, [], validate(resaved["filled"][0]).warnings)


def test_the_empty_template_gets_the_same_findings(resaved: dict[str, tuple[Path, Path]]) -> None:
    def places(path: Path) -> list[tuple[str, str, int | None, str | None]]:
        return sorted((f.code, f.file or "", f.row or 0, f.column or "") for f in validate(path).findings)

    original, copy = resaved["template"]
    assert places(copy) == places(original)


@pytest.mark.parametrize("kind", ["template", "filled"])
def test_drop_downs_text_formats_and_category_names_survive(resaved: dict[str, tuple[Path, Path]], kind: str) -> None:
    original, copy = (load_workbook(path) for path in resaved[kind])
    assert dict(copy.defined_names.items()).keys() == dict(original.defined_names.items()).keys()
    for name, defined in original.defined_names.items():
        assert copy.defined_names[name].attr_text.replace("'", "") == defined.attr_text.replace("'", "")
    for resource in tabular.load_profile()["resources"]:
        before, after = original[resource["name"]], copy[resource["name"]]
        kept, had = _validations(after), _validations(before)
        assert {c: v[:2] for c, v in kept.items()} == {c: v[:2] for c, v in had.items()}, resource["name"]
        last = max([1, *(cell.row for row in before.iter_rows() for cell in row if cell.value is not None)])
        for column, (_, _, ranges) in kept.items():
            # Every row the provider filled, and at least the 1,000 below it, keep their drop-down.
            assert ranges[0][0] == 2 and ranges[-1][1] >= min(5000, last + 1000), (resource["name"], column)
        formats = _column_formats(after)
        for index, field in enumerate(resource["schema"]["fields"], start=1):
            if field["type"] == "string":
                assert formats.get(index) == "@", (resource["name"], field["name"])
                for (cell,) in after[f"{get_column_letter(index)}2:{get_column_letter(index)}{last}"] if last > 1 else []:
                    if isinstance(cell.value, str):
                        assert cell.number_format == "@", (resource["name"], cell.coordinate)


def test_the_known_losses_are_still_lost(resaved: dict[str, tuple[Path, Path]]) -> None:
    """If LibreOffice stops losing one of these, remove it from KNOWN_LOSSES (and check it above instead)."""
    original, copy = (load_workbook(path) for path in resaved["template"])
    lost = set()
    if original["microcredentials"].freeze_panes == "A2" and copy["microcredentials"].freeze_panes is None:
        lost.add("frozen header")
    ranges = [r.max_row for v in copy["microcredentials"].data_validations.dataValidation for r in v.sqref.ranges]
    if max(ranges) < 5000:
        lost.add("drop-downs past 1,000 rows below the last used row")
    assert lost == set(KNOWN_LOSSES)
