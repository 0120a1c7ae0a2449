"""From a filled workbook to the portal: `mcds build` takes every form `mcds validate` takes and names what it
skips, and `mcds convert` moves a submission between the forms without changing its version or losing a value.

Guards issue 17 (items 3 and 4): a valid workbook once built an empty catalogue without a word, and nothing
turned a workbook into the folder a repository keeps.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from mcds.cli import main
from mcds.i18n import t
from mcds.publish.gate import SKIP_REASONS, Skipped, gather, read_document, sources, survey
from mcds.standard import artefacts, model, paths, tabular
from mcds.validation import validate

SAMPLE = "cegep-du-val-des-cedres"  # its field_of_study codes start with a zero (01.1001)
TEMPLATE = paths.TEMPLATES_DIR / "mcds-template.xlsx"


def run(*args: str, lang: str = "en") -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sample_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample in each form, each named after its provider: written by `mcds convert` from the folder."""
    root = tmp_path_factory.mktemp("forms")
    forms = {"folder": paths.SUBMISSIONS_DIR / SAMPLE}
    for form, suffix in (("xlsx", ".xlsx"), ("json", ".json")):
        code, _, _ = run("convert", str(forms["folder"]), "--to", form, "--out", str(root / f"{SAMPLE}{suffix}"))
        assert code == 0
        forms[form] = root / f"{SAMPLE}{suffix}"
    return forms


# -- 1. What `mcds build` takes, and what it skips ------------------------------------------------------------

JUNK = {".DS_Store": "hidden", "~$college.xlsx": "lock", "notes.ods": "spreadsheet", "old.xls": "spreadsheet",
        "organizations.csv": "table", "readme.txt": "table", "logo.png": "unknown-form"}


def test_every_entry_that_is_not_a_submission_is_skipped_with_its_reason(tmp_path: Path) -> None:
    for name in JUNK:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "csv-only").mkdir()
    (tmp_path / "csv-only" / "microcredentials.csv").write_text("id\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    found, skipped = survey(tmp_path)
    assert found == []
    expected = {**JUNK, "csv-only": "no-descriptor", ".git": "hidden"}
    assert skipped == [Skipped(str(tmp_path / name), expected[name]) for name in sorted(expected)]
    assert {s.reason for s in skipped} == set(SKIP_REASONS), "every reason is proven here"
    assert gather(tmp_path).skipped == skipped and gather(tmp_path).submissions == []


def test_one_submission_in_each_form_is_a_submissions_argument_too(sample_forms: dict[str, Path]) -> None:
    folder = sample_forms["folder"]
    for given, expected in ((folder, folder), (folder / "datapackage.json", folder),
                            (sample_forms["xlsx"], sample_forms["xlsx"]), (sample_forms["json"], sample_forms["json"])):
        assert survey(given) == ([expected], []), given
        assert sources(given) == [expected]
    [gated] = gather(sample_forms["xlsx"]).submissions
    assert (gated.name, gated.valid, gated.errors) == (SAMPLE, True, 0)
    assert gated.document == read_document(folder), "the workbook publishes what the folder publishes"


def test_a_folder_of_mixed_forms_publishes_each_and_names_what_it_skipped(
        tmp_path: Path, sample_forms: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    shutil.copyfile(sample_forms["xlsx"], submissions / f"{SAMPLE}.xlsx")
    shutil.copytree(paths.SUBMISSIONS_DIR / "maplecrest-career-college", submissions / "maplecrest-career-college")
    (submissions / "notes.ods").write_bytes(b"x")
    (submissions / "~$cegep.xlsx").write_bytes(b"x")
    before = tree(submissions)
    monkeypatch.chdir(tmp_path)  # the build's cache goes in the current folder
    code, out, err = run("build", "--submissions", str(submissions), "--out", str(tmp_path / "site"), lang="fr")
    assert code == 0, err
    assert err.splitlines() == [t("portal.build.skipped.spreadsheet", "fr", path=submissions / "notes.ods"),
                                t("portal.build.skipped.lock", "fr", path=submissions / "~$cegep.xlsx")]
    assert out.splitlines()[1:] == [
        f"Soumissions dans {submissions} : publiées 2, non publiées 0, ignorées 2.",
        "Ignorées : notes.ods (pas au format .xlsx), ~$cegep.xlsx (verrou d'un classeur ouvert).",
    ]
    published = json.loads((tmp_path / "site" / "data" / "submissions" / f"{SAMPLE}.json").read_text(encoding="utf-8"))
    assert published["document"] == read_document(paths.SUBMISSIONS_DIR / SAMPLE)
    identifier = published["document"]["microcredentials"][0]["id"]
    for lang in ("en", "fr"):
        page = (tmp_path / "site" / lang / "catalogue" / identifier / "index.html").read_text(encoding="utf-8")
        assert published["document"]["microcredentials"][0]["title"][lang] in page
    assert tree(submissions) == before, "an input was changed"


def test_the_skip_messages_speak_english_too() -> None:
    assert t("portal.build.skipped.spreadsheet", "en", path="a.ods") == (
        "Skipped: a.ods is a spreadsheet but not an .xlsx workbook. Save it as Excel .xlsx (in LibreOffice: "
        "File > Save As > Excel 2007-365), named after the provider's identifier.")
    assert t("portal.build.summary", "en", path="subs", published=1, rejected=2, skipped=3) == (
        "Submissions in subs: published 1, not published 2, skipped 3.")


# -- 2. mcds convert -----------------------------------------------------------------------------------------

def test_folder_to_workbook_to_folder_gives_back_the_same_tables(tmp_path: Path, sample_forms: dict[str, Path]) -> None:
    code, out, _ = run("convert", str(sample_forms["xlsx"]), "--to", "folder", "--out", str(tmp_path / "back"))
    assert code == 0
    version = artefacts.current_version()
    rows = sum(len(rows) for rows in tabular.to_tables(read_document(sample_forms["folder"])).values())
    assert out.splitlines()[0] == (f"Converted {sample_forms['xlsx']} to {tmp_path / 'back'} (folder), standard "
                                   f"version {version}: {rows} rows.")
    original, back = tree(sample_forms["folder"]), tree(tmp_path / "back")
    assert sorted(original) == sorted(back)
    assert {name: data for name, data in back.items() if name.endswith(".csv")} == \
        {name: data for name, data in original.items() if name.endswith(".csv")}, "a cell changed on the way"


def test_codes_stay_text_in_the_workbook_so_their_zeros_survive(sample_forms: dict[str, Path]) -> None:
    book = load_workbook(sample_forms["xlsx"])
    sheet = book["microcredentials"]
    column = [c.value for c in sheet[1]].index("field_of_study") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    zero = [c for c in cells if isinstance(c.value, str) and c.value.startswith("01.")]
    assert zero and all(c.data_type == "s" and c.number_format == "@" for c in zero)
    assert book["submission"]["A2"].value == artefacts.current_version()


def test_the_json_form_is_what_the_gate_publishes(sample_forms: dict[str, Path]) -> None:
    assert json.loads(sample_forms["json"].read_text(encoding="utf-8")) == read_document(sample_forms["folder"])
    assert validate(sample_forms["json"]).valid and validate(sample_forms["xlsx"]).valid


def test_the_same_input_converts_to_the_same_bytes(tmp_path: Path, sample_forms: dict[str, Path]) -> None:
    for form, name in (("xlsx", "again.xlsx"), ("json", "again.json")):
        assert run("convert", str(sample_forms["folder"]), "--to", form, "--out", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).read_bytes() == sample_forms[form].read_bytes()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("form", ["xlsx", "json", "folder"])
def test_an_invalid_submission_converts_as_far_as_it_can_and_says_so(tmp_path: Path, lang: str, form: str) -> None:
    folder = shutil.copytree(paths.SUBMISSIONS_DIR / SAMPLE, tmp_path / SAMPLE)
    path = folder / "microcredentials.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[1]["workload_hours"] = "forty"
    header = list(rows[0])
    path.write_bytes(_csv(header, rows))
    target = tmp_path / ({"xlsx": "out.xlsx", "json": "out.json"}.get(form, "out"))
    before = tree(folder)
    code, out, err = run("convert", str(folder), "--to", form, "--out", str(target), lang=lang)
    assert code == 1
    cell = {"en": "microcredentials row 3 workload_hours", "fr": "microcredentials ligne 3 workload_hours"}[lang]
    if form != "folder":  # a CSV cell is text already: nothing to keep as text
        assert t("convert.unfit", lang, cells=cell) in out.splitlines()
    assert err.strip() == t("convert.invalid", lang, source=folder, errors=1, warnings=0)
    found = [(f.code, f.file, f.row, f.column) for f in validate(target).errors]
    assert [(code_, row, column) for code_, _, row, column in found] == [("type-error", 3, "workload_hours")]
    assert tree(folder) == before


def _csv(header: list[str], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_what_a_form_cannot_hold_is_named(tmp_path: Path) -> None:
    folder = shutil.copytree(paths.SUBMISSIONS_DIR / SAMPLE, tmp_path / SAMPLE)
    path = folder / "learning_outcomes.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    orphan = dict(zip(header, next(csv.reader([text[1]])), strict=True))
    orphan["microcredential_id"] = f"{SAMPLE}.nowhere"
    path.write_bytes("\n".join(text).encode("utf-8") + b"\n" + _csv(header, [orphan]).split(b"\n", 1)[1])
    microcredentials = folder / "microcredentials.csv"
    lines = microcredentials.read_text(encoding="utf-8").split("\n")
    microcredentials.write_text("\n".join([lines[0] + ",internal_notes", *[line + ",x" if line else line for line in lines[1:]]]),
                                encoding="utf-8")
    code, out, _ = run("convert", str(folder), "--to", "json", "--out", str(tmp_path / "out.json"), lang="fr")
    assert code == 1
    assert t("convert.dropped", "fr", tables="learning_outcomes (1)") in out.splitlines()
    assert t("convert.unread", "fr", columns="microcredentials.internal_notes") in out.splitlines()


def test_convert_never_writes_over_an_input(tmp_path: Path) -> None:
    folder = shutil.copytree(paths.SUBMISSIONS_DIR / SAMPLE, tmp_path / SAMPLE)
    before = tree(folder)
    linked = tmp_path / "linked.json"
    os.link(folder / "datapackage.json", linked)
    cases = [
        ("json", linked, "output.is_input", {"source": folder / "datapackage.json"}),
        ("xlsx", folder / "inside.xlsx", "output.inside_input", {"source": folder}),
        ("folder", folder, "output.is_input", {"source": folder}),
        ("folder", tmp_path, "output.holds_input", {"source": folder}),
        ("xlsx", tmp_path / "out.json", "convert.suffix", {"form": "xlsx", "suffix": ".xlsx"}),
    ]
    for form, target, key, values in cases:
        code, _, err = run("convert", str(folder), "--to", form, "--out", str(target), lang="fr")
        assert (code, err.strip()) == (2, t(key, "fr", path=target, **values)), (form, target)
    assert tree(folder) == before


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_unreadable_input_converts_nothing(tmp_path: Path, lang: str) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    code, out, err = run("convert", str(broken), "--to", "folder", "--out", str(tmp_path / "out"), lang=lang)
    assert (code, out) == (2, "")
    assert err.strip() == t("convert.unusable", lang, path=broken)
    assert not (tmp_path / "out").exists()


# -- 3. The self-contained workbook --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def template() -> object:
    return load_workbook(TEMPLATE)


def test_the_workbook_names_and_prefills_the_current_version(template: object) -> None:
    version = artefacts.current_version()
    assert template["submission"]["A1"].value == "standard_version"
    assert template["submission"]["A2"].value == version
    texts = [row[0] for row in template["instructions"].iter_rows(max_row=8, values_only=True)]
    assert f"This workbook is for version {version} of the standard." in texts[3]
    assert f"Ce classeur est destiné à la version {version} de la norme." in texts[4]
    help_rows = {(r[0], r[1]): r for r in template["column_help"].iter_rows(min_row=2, values_only=True)}
    assert help_rows[("submission", "standard_version")][4].endswith(f"The current version is {version}.")
    assert help_rows[("submission", "standard_version")][5].endswith(f"La version actuelle est {version}.")
    assert f"e.g. / ex. : {version}" in template["submission"]["A1"].comment.text


def test_every_category_list_is_in_the_workbook_with_its_dimension(template: object) -> None:
    rows = list(template["categories"].iter_rows(min_row=2, values_only=True))
    names = {name: defined for name, defined in template.defined_names.items()}
    for dimension in model.codes(model.DIMENSIONS):
        expected = model.categories(dimension)
        assert [(code, lists) for dim, code, _, _, lists in rows if dim == dimension] == list(expected.items())
        for name in set(expected.values()):
            assert name[:31] in template.sheetnames
        # The named block the category drop-down follows holds exactly that dimension's codes.
        sheet, cells = next(names[f"categories.{dimension}"].destinations)
        block = [cell.value for (cell,) in template[sheet][cells]]
        assert block == list(expected)
    dimensions = {r[0]: r[6] for r in template["DisaggregationDimensionEnum"].iter_rows(min_row=2, values_only=True)}
    assert dimensions["gender"] == "GenderEnum"
    assert dimensions["province_of_residence"] == "ProvinceTerritoryEnum ResidenceElsewhereEnum"


def test_the_category_columns_follow_the_dimension_of_their_row(template: object) -> None:
    sheet = template["observations"]
    header = [c.value for c in sheet[1]]
    found = {header[r.min_col - 1]: v for v in sheet.data_validations.dataValidation for r in v.sqref.ranges}
    for category, dimension in (("category", "dimension"), ("category_2", "dimension_2")):
        letter = chr(ord("A") + header.index(dimension))
        assert found[category].formula1 == f'INDIRECT("categories."&${letter}2)'


def test_each_metric_gives_its_unit_and_whether_it_needs_months(template: object) -> None:
    rows = {r[0]: r for r in template["OutcomeMetricEnum"].iter_rows(min_row=2, values_only=True)}
    header = next(template["OutcomeMetricEnum"].iter_rows(max_row=1, values_only=True))
    assert header[6:] == ("unit_en", "unit_fr", "months_after_completion_en", "months_after_completion_fr")
    assert rows["completion_rate"][6:8] == ("proportion from 0 to 1", "proportion de 0 à 1")
    assert rows["enrolments"][6:] == ("count", "effectif", None, None)
    assert rows["median_earnings"][6:] == ("Canadian dollars", "dollars canadiens", "required", "obligatoire")


def test_text_columns_checks_and_frozen_headers_cover_5000_rows(template: object) -> None:
    profile = tabular.load_profile()
    for resource in profile["resources"]:
        sheet = template[resource["name"]]
        assert sheet.freeze_panes == "A2"
        for index, field in enumerate(resource["schema"]["fields"]):
            letter = chr(ord("A") + index) if index < 26 else "A" + chr(ord("A") + index - 26)
            if field["type"] == "string":
                assert sheet.column_dimensions[letter].number_format == "@", (resource["name"], field["name"])
        for validation in sheet.data_validations.dataValidation:
            assert all(r.min_row == 2 and r.max_row >= 5000 for r in validation.sqref.ranges)
            assert validation.showErrorMessage and validation.errorTitle == "MCDS"
            if "Enum" in (validation.formula1 or ""):
                sheet_name = validation.formula1.split("!")[0].strip("'")
                assert f"sheet {sheet_name}" in validation.error and f"feuille {sheet_name}" in validation.error


def test_the_template_and_a_filled_workbook_read_without_unknown_sheets(sample_forms: dict[str, Path]) -> None:
    report = validate(TEMPLATE)
    assert "unknown-table" not in {f.code for f in report.findings}
    assert "unknown-table" not in {f.code for f in validate(sample_forms["xlsx"]).findings}


def test_convert_keeps_the_declared_version_and_its_release(tmp_path: Path) -> None:
    """A submission to an earlier release is written with that release's tables and template (migrate moves
    versions; convert never does)."""
    source = paths.ROOT / "tests" / "data" / "releases" / "kestrel-bay-college-0.2.0"
    workbook = tmp_path / "kestrel-bay-college.xlsx"
    code, out, _ = run("convert", str(source), "--to", "xlsx", "--out", str(workbook))
    assert "standard version 0.2.0" in out.splitlines()[0]
    book = load_workbook(workbook)
    assert book["submission"]["A2"].value == "0.2.0"
    release = artefacts.data_package_profile("0.2.0")
    assert [s for s in book.sheetnames if s in {r["name"] for r in release["resources"]}] == \
        [r["name"] for r in release["resources"]]
    code_back, _, _ = run("convert", str(workbook), "--to", "folder", "--out", str(tmp_path / "back"))
    assert code_back == code
    for table in source.glob("*.csv"):
        assert (tmp_path / "back" / table.name).read_bytes() == table.read_bytes(), table.name


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_two_files_for_one_provider_are_named_in_the_summary(tmp_path: Path, sample_forms: dict[str, Path],
                                                            capsys: pytest.CaptureFixture[str], lang: str) -> None:
    from mcds.cli.portal import _summary

    submissions = tmp_path / "submissions"
    shutil.copytree(sample_forms["folder"], submissions / SAMPLE)
    shutil.copyfile(sample_forms["xlsx"], submissions / f"{SAMPLE}.xlsx")
    (submissions / "readme.txt").write_text("x", encoding="utf-8")
    gathered = gather(submissions)
    assert gathered.published == []
    _summary(gathered, submissions, lang)
    why = t("portal.build.why_not.contested", lang, identifier=SAMPLE)
    skipped = t("portal.build.skip_reason.table", lang)
    assert capsys.readouterr().out.splitlines() == [
        t("portal.build.summary", lang, path=submissions, published=0, rejected=2, skipped=1),
        t("portal.build.summary_rejected", lang, entries=f"{SAMPLE} ({why}), {SAMPLE}.xlsx ({why})"),
        t("portal.build.summary_skipped", lang, entries=f"readme.txt ({skipped})"),
    ]
    assert why == {"en": f"another submission claims {SAMPLE} too",
                   "fr": f"une autre soumission revendique aussi {SAMPLE}"}[lang]
