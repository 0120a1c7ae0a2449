"""Messages that fix the problem: each one a provider met in the provider trial is checked here for its exact code,
its place as the provider sees it and its hint, in English and French.

Why: a provider in Excel must be able to act on the message alone: the code a name means ("Manitoba": CA-MB),
the | that separates codes, the zeros a spreadsheet dropped, one message for a root cause instead of 25, nothing
said about a blank row but that it is ignored, a formula, merged cells or a date where the provider sees a
value, the sheet, row and column letter of a workbook, a semicolon CSV read with a warning, and a wrong
standard version pointed at the cell where it is written.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_validation_inputs import cli, copy_package, document, fill_template, set_cell

from mcds.publish.gate import read_document
from mcds.validation import validate
from mcds.validation.error_catalogue import message
from mcds.validation.findings import Finding
from mcds.validation.render import render

MICRO = "cegep-trois-lacs.soudage-robotise-cellules"


def only_error(source: Path) -> Finding:
    report = validate(source)
    assert len(report.errors) == 1, [(f.code, f.file, f.row, f.column, f.params) for f in report.errors]
    return report.errors[0]


def place(finding: Finding) -> tuple[Any, ...]:
    return finding.code, finding.file, finding.row, finding.column


# ------------------------------------------------------------------------------------ codes and their names

@pytest.mark.parametrize(("column", "written", "en", "fr"), [
    ("province", "Colombie-Britannique",
     '"Colombie-Britannique" is not an allowed code. Did you mean "CA-BC"? Write CA-BC, or another code of '
     "ProvinceTerritoryEnum: ",
     "« Colombie-Britannique » n'est pas un code permis. Vouliez-vous dire « CA-BC » ? Écrivez CA-BC, ou un autre "
     "code de ProvinceTerritoryEnum : "),
    ("delivery_mode", "Online asynchronous",
     '"Online asynchronous" is not an allowed code. Did you mean "online_asynchronous"? Write online_asynchronous, '
     "or another code of DeliveryModeEnum: ",
     "« Online asynchronous » n'est pas un code permis. Vouliez-vous dire « online_asynchronous » ? Écrivez "
     "online_asynchronous, ou un autre code de DeliveryModeEnum : "),
    ("delivery_mode", "en ligne",
     '"en ligne" is not an allowed code. Did you mean "online_synchronous" or "online_asynchronous"? Write one of '
     "them, or another code of DeliveryModeEnum: in_person, online_synchronous, online_asynchronous, blended, "
     "work_integrated.",
     "« en ligne » n'est pas un code permis. Vouliez-vous dire « online_synchronous » ou « online_asynchronous » ? "
     "Écrivez l'un d'eux, ou un autre code de DeliveryModeEnum : in_person, online_synchronous, online_asynchronous, "
     "blended, work_integrated."),
])
def test_a_code_written_as_its_english_or_french_label_gets_the_codes_it_may_mean(tmp_path, column, written, en, fr):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "offerings.csv", 2, column, written)
    finding = only_error(folder)
    assert place(finding) == ("constraint-error", "offerings.csv", 2, column)
    assert message(finding, "en").startswith(f'offerings.csv, row 2, column "{column}": {en}')
    assert message(finding, "fr").startswith(f"offerings.csv, ligne 2, colonne « {column} » : {fr}")


def test_an_invisible_character_is_named(tmp_path):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "offerings.csv", 2, "province", "CA-QC\u00a0")
    finding = only_error(folder)
    assert place(finding) == ("constraint-error", "offerings.csv", 2, "province")
    assert message(finding, "en") == ('offerings.csv, row 2, column "province": "CA-QC\u00a0" holds a non-breaking space '
                                      "(often pasted from a web page), which the eye does not see. Retype the cell: CA-QC.")
    assert message(finding, "fr") == ("offerings.csv, ligne 2, colonne « province » : « CA-QC\u00a0 » contient une espace "
                                      "insécable (souvent collée depuis une page Web), que l'œil ne voit pas. Retapez la "
                                      "cellule : CA-QC.")


@pytest.mark.parametrize(("written", "en", "fr"), [
    ("English, French", 'The items of this list are separated by ","; a list separates them with |. Write en|fr.',
     "Les éléments de cette liste sont séparés par « , »; une liste les sépare par |. Écrivez en|fr."),
    ("French", 'In this list, some items are not codes. Did you mean "fr"? Write fr.',
     "Dans cette liste, des éléments ne sont pas des codes. Vouliez-vous dire « fr » ? Écrivez fr."),
    ("fr | en", "The items of this list have spaces around |. Write fr|en, without spaces.",
     "Les éléments de cette liste ont des espaces autour de |. Écrivez fr|en, sans espaces."),
    ("fr|en|", "This list has an empty item: a | at its start or end, or two | in a row. Write fr|en.",
     "Cette liste a un élément vide : un | au début ou à la fin, ou deux | de suite. Écrivez fr|en."),
])
def test_a_list_gets_the_bar_and_the_codes_it_means(tmp_path, written, en, fr):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "languages", written)
    finding = only_error(folder)
    assert place(finding) == ("constraint-error", "microcredentials.csv", 2, "languages")
    assert message(finding, "en") == f'microcredentials.csv, row 2, column "languages": {en}'
    assert message(finding, "fr") == f"microcredentials.csv, ligne 2, colonne « languages » : {fr}"


# ------------------------------------------------------------------------------- zeros a spreadsheet dropped

@pytest.mark.parametrize(("column", "written", "en", "fr"), [
    ("field_of_study", "1.0601",
     '"1.0601" lost zeros: the spreadsheet took the code for a number. It was probably 01.0601. Format the column '
     "as Text, then type 01.0601 again.",
     "« 1.0601 » a perdu des zéros : le tableur a pris le code pour un nombre. C'était sans doute 01.0601. Mettez la "
     "colonne au format Texte, puis tapez de nouveau 01.0601."),
    ("field_of_study", "52.03",
     '"52.03" lost zeros: the spreadsheet took the code for a number. It was probably 52.0300. Format the column '
     "as Text, then type 52.0300 again.",
     "« 52.03 » a perdu des zéros : le tableur a pris le code pour un nombre. C'était sans doute 52.0300. Mettez la "
     "colonne au format Texte, puis tapez de nouveau 52.0300."),
    ("occupations", "72106|12",
     'In this list, "12" lost zeros: the spreadsheet took the codes for numbers. Format the column as Text, then '
     "write 72106|00012.",
     "Dans cette liste, « 12 » a perdu des zéros : le tableur a pris les codes pour des nombres. Mettez la colonne au "
     "format Texte, puis écrivez 72106|00012."),
])
def test_a_classification_code_that_lost_its_zeros_is_explained_once(tmp_path, column, written, en, fr):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, column, written)
    finding = only_error(folder)  # and no second "not a CIP code" error for the same cell
    assert place(finding) == ("constraint-error", "microcredentials.csv", 2, column)
    assert message(finding, "en") == f'microcredentials.csv, row 2, column "{column}": {en}'
    assert message(finding, "fr") == f"microcredentials.csv, ligne 2, colonne « {column} » : {fr}"


def test_a_noc_code_stored_as_a_number_in_a_workbook_is_located_by_sheet_row_and_letter(tmp_path):
    def number(book: Any) -> None:
        sheet = book["microcredentials"]
        column = [cell.value for cell in sheet[1]].index("occupations") + 1
        sheet.cell(row=2, column=column, value=12)  # NOC 00012 typed in a General cell

    workbook = fill_template(document(), tmp_path / "submission.xlsx", number)
    finding = only_error(workbook)
    assert place(finding) == ("constraint-error", "microcredentials", 2, "occupations")
    letter = finding.letter
    assert letter and re.fullmatch(r"[A-Z]{1,2}", letter)
    assert message(finding, "en").startswith(f'sheet microcredentials, row 2, column {letter} "occupations": In this '
                                             'list, "12" lost zeros')
    assert message(finding, "fr").startswith(f"feuille microcredentials, ligne 2, colonne {letter} « occupations » : "
                                             "Dans cette liste, « 12 » a perdu des zéros")


# ---------------------------------------------------------------------------------- one error per root cause

def _misspell_references(folder: Path) -> int:
    """Every row of the other tables that names the first microcredential names it misspelt; how many rows."""
    count = 0
    for path in sorted(folder.glob("*.csv")):
        if path.name == "microcredentials.csv":
            continue
        text = path.read_text(encoding="utf-8")
        count += sum(line.count(MICRO) for line in text.splitlines())
        path.write_text(text.replace(MICRO, MICRO.replace("cellules", "celules")), encoding="utf-8")
    return count


def test_one_misspelt_identifier_is_one_error_with_its_dependent_rows(tmp_path):
    folder = copy_package(tmp_path / "package")
    referencing = _misspell_references(folder)
    assert referencing > 10
    report = validate(folder)
    [root] = report.errors
    assert place(root) == ("foreign-key", "learning_outcomes.csv", 2, "microcredential_id")
    rows = {(d.file, d.row) for d in root.dependents if d.code == "foreign-key"}
    assert len(rows) == referencing - 1
    # The record the references meant lost its required rows only because they name it wrongly.
    assert {d.code for d in root.dependents} == {"foreign-key", "missing-rows"}
    count = len({(d.file, d.row) for d in root.dependents})
    wrong, meant = MICRO.replace("cellules", "celules"), MICRO
    assert message(root, "en").startswith(
        f'learning_outcomes.csv, row 2, column "microcredential_id": "{wrong}" is not an identifier of the table '
        f'microcredentials. Did you mean "{meant}"? Write {meant}, or add the row to microcredentials. And {count} '
        'dependent rows, fixed with it: learning_outcomes.csv, row 3; learning_outcomes.csv, row 4; ')
    assert message(root, "fr").startswith(
        f"learning_outcomes.csv, ligne 2, colonne « microcredential_id » : « {wrong} » n'est pas un identifiant de la "
        f"table microcredentials. Vouliez-vous dire « {meant} » ? Écrivez {meant}, ou ajoutez la ligne à "
        f"microcredentials. Et {count} lignes dépendantes, corrigées avec elle : learning_outcomes.csv, ligne 3; ")
    # Programs still get every place: in the JSON report under the root, in the CSV report one line each.
    as_json = json.loads(render([report], "json", "en"))
    [record] = as_json["errors"]
    assert len(record["dependents"]) == len(root.dependents)
    assert {(d["file"], d["row"]) for d in record["dependents"] if d["code"] == "foreign-key"} == rows
    lines = list(csv.DictReader(io.StringIO(render([report], "csv", "fr"))))
    grouped = [line for line in lines if line["grouped_under"]]
    assert len(grouped) == len(root.dependents)
    assert {line["grouped_under"] for line in grouped} == {"learning_outcomes.csv, ligne 2, colonne « microcredential_id »"}


def test_an_unknown_provider_is_one_error_over_the_records_it_makes_foreign(tmp_path):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "submission.csv", 2, "provider", "cegep-3-lacs")
    [root] = validate(folder).errors
    assert place(root) == ("foreign-key", "submission.csv", 2, "provider")
    assert {d.code for d in root.dependents} == {"id-prefix", "foreign-record"}
    count = len({(d.file, d.row) for d in root.dependents})
    assert message(root, "en").startswith(
        'submission.csv, row 2, column "provider": "cegep-3-lacs" is not an identifier of the table organizations. '
        f"Add the row to organizations, or correct the identifier. And {count} dependent rows, fixed with it: "
        "microcredentials.csv, row 2; ")
    assert message(root, "fr").startswith(
        "submission.csv, ligne 2, colonne « provider » : « cegep-3-lacs » n'est pas un identifiant de la table "
        f"organizations. Ajoutez la ligne à organizations, ou corrigez l'identifiant. Et {count} lignes dépendantes, "
        "corrigées avec elle : microcredentials.csv, ligne 2; ")


# ----------------------------------------------------------------------------------------------- blank rows

def _blank_line(folder: Path, name: str, at: int) -> None:
    path = folder / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows.insert(at - 1, [""] * len(rows[0]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_a_blank_csv_row_is_ignored_and_said_once(tmp_path):
    folder = copy_package(tmp_path / "package")
    _blank_line(folder, "microcredentials.csv", 3)
    report = validate(folder)
    assert report.valid and report.errors == []
    [blank] = [f for f in report.warnings if f.row == 3 and f.file == "microcredentials.csv"]
    assert place(blank) == ("blank-row", "microcredentials.csv", 3, None)
    assert message(blank, "en") == ("microcredentials.csv, row 3: The row is blank and was ignored. Delete the blank "
                                    "row to keep the table tidy.")
    assert message(blank, "fr") == ("microcredentials.csv, ligne 3 : La ligne est vide et a été ignorée. Supprimez la "
                                    "ligne vide pour garder la table nette.")
    # Ignored means not published either: the same records as without the blank row.
    assert len(read_document(folder)["microcredentials"]) == len(document()["microcredentials"])


def test_data_starting_at_row_3_of_a_sheet_gives_one_warning(tmp_path):
    workbook = fill_template(document(), tmp_path / "submission.xlsx", lambda book: book["microcredentials"].insert_rows(2))
    report = validate(workbook)
    assert report.valid
    [blank] = [f for f in report.findings if f.file == "microcredentials" and f.row == 2]
    assert place(blank) == ("blank-row", "microcredentials", 2, None)
    assert message(blank, "en") == ("sheet microcredentials, row 2: The row is blank and was ignored. Delete the blank "
                                    "row to keep the table tidy.")
    assert message(blank, "fr") == ("feuille microcredentials, ligne 2 : La ligne est vide et a été ignorée. "
                                    "Supprimez la ligne vide pour garder la table nette.")


# ------------------------------------------------------------------ formulas, merged cells, dates in workbooks

def _column_letter(book: Any, sheet: str, name: str) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter([cell.value for cell in book[sheet][1]].index(name) + 1)


def test_a_formula_cell_is_named_as_a_formula_and_not_as_empty(tmp_path):
    workbook = fill_template(document(), tmp_path / "submission.xlsx",
                             lambda book: book["learning_outcomes"].__setitem__("A2", "=microcredentials!A2"))
    finding = only_error(workbook)
    assert place(finding) == ("formula-cell", "learning_outcomes", 2, "microcredential_id")
    assert message(finding, "en") == ('sheet learning_outcomes, row 2, column A "microcredential_id": The cell holds '
                                      "the formula =microcredentials!A2. Replace the formula with its value (copy, then "
                                      "paste values only).")
    assert message(finding, "fr") == ("feuille learning_outcomes, ligne 2, colonne A « microcredential_id » : La cellule "
                                      "contient la formule =microcredentials!A2. Remplacez la formule par sa valeur "
                                      "(copier, puis collage des valeurs seulement).")


def _with_cached_value(workbook: Path, sheet_part: str, cell: str, value: str) -> None:
    """Give a formula cell the value a spreadsheet would have computed and saved beside it."""
    with zipfile.ZipFile(workbook) as bundle:
        parts = {name: bundle.read(name) for name in bundle.namelist()}
    xml = parts[sheet_part].decode("utf-8")
    found = re.search(rf'<c r="{cell}"[^>]*>(<f>[^<]*</f>)(<v\s*/>|<v>[^<]*</v>)?</c>', xml)
    assert found, "the formula cell was not written as expected"
    parts[sheet_part] = xml.replace(found.group(0), f'<c r="{cell}" t="str">{found.group(1)}<v>{value}</v></c>').encode()
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in parts.items():
            bundle.writestr(name, data)


def test_a_formula_with_a_computed_value_is_checked_with_that_value(tmp_path):
    def formula(book: Any) -> None:
        book["learning_outcomes"]["A2"] = "=microcredentials!A2"
        book.move_sheet("learning_outcomes", offset=-book.sheetnames.index("learning_outcomes"))  # first sheet part

    workbook = fill_template(document(), tmp_path / "submission.xlsx", formula)
    _with_cached_value(workbook, "xl/worksheets/sheet1.xml", "A2", MICRO)
    finding = only_error(workbook)  # no "required": the computed value is there, and it is right
    assert place(finding) == ("formula-cell", "learning_outcomes", 2, "microcredential_id")
    # A computed value that names no microcredential is checked as such: the value, not the formula, is read.
    _with_cached_value(workbook, "xl/worksheets/sheet1.xml", "A2", "cegep-trois-lacs.nowhere")
    errors = validate(workbook).errors
    assert [(place(f), f.value) for f in errors] == [
        (("formula-cell", "learning_outcomes", 2, "microcredential_id"), "=microcredentials!A2"),
        (("foreign-key", "learning_outcomes", 2, "microcredential_id"), "cegep-trois-lacs.nowhere")]


def test_merged_cells_are_named_and_the_rows_under_them_not_reported_empty(tmp_path):
    def merge(book: Any) -> None:
        sheet = book["learning_outcomes"]
        sheet["A3"] = None
        sheet.merge_cells("A2:A3")

    workbook = fill_template(document(), tmp_path / "submission.xlsx", merge)
    finding = only_error(workbook)
    assert place(finding) == ("merged-cells", "learning_outcomes", 2, "microcredential_id")
    assert finding.value == "A2:A3"
    assert message(finding, "en") == ('sheet learning_outcomes, row 2, column A "microcredential_id": The cells A2:A3 '
                                      "are merged: only the first holds the value. Unmerge them (Home > Merge & Center "
                                      "> Unmerge Cells) and fill the value in on every row.")
    assert message(finding, "fr") == ("feuille learning_outcomes, ligne 2, colonne A « microcredential_id » : Les "
                                      "cellules A2:A3 sont fusionnées : seule la première contient la valeur. Annulez "
                                      "la fusion (Accueil > Fusionner et centrer > Annuler Fusionner cellules) et "
                                      "inscrivez la valeur sur chaque ligne.")


def test_a_code_that_excel_turned_into_a_date_is_named(tmp_path):
    def date(book: Any) -> None:
        sheet = book["offerings"]
        assert sheet["B2"].value == "2027-01" and sheet["B1"].value == "code"
        sheet["B2"] = datetime.datetime(2027, 1, 1)  # what Excel stores when 2027-01 is typed in a General cell

    workbook = fill_template(document(), tmp_path / "submission.xlsx", date)
    found = [f for f in validate(workbook).errors if f.code == "date-cell"]
    assert [place(f) for f in found] == [("date-cell", "offerings", 2, "code")]
    assert message(found[0], "en") == ('sheet offerings, row 2, column B "code": The cell holds the date 2027-01-01, but '
                                       "the column holds text: the spreadsheet turned what was typed into a date. Format "
                                       "the column as Text, then type the value again.")
    assert message(found[0], "fr") == ("feuille offerings, ligne 2, colonne B « code » : La cellule contient la date "
                                       "2027-01-01, mais la colonne contient du texte : le tableur a transformé ce qui a "
                                       "été tapé en date. Mettez la colonne au format Texte, puis tapez de nouveau la "
                                       "valeur.")


# ------------------------------------------------------------------------------------------------ locations

def test_a_csv_row_below_a_multi_line_cell_also_gives_its_line(tmp_path):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "description_en", "First line.\nSecond line.\nThird line, long enough.")
    set_cell(folder, "microcredentials.csv", 3, "status", "Active")
    finding = only_error(folder)
    assert place(finding) == ("constraint-error", "microcredentials.csv", 3, "status") and finding.line == 5
    assert message(finding, "en").startswith('microcredentials.csv, row 3 (line 5 of the file), column "status": '
                                             '"Active" is not an allowed code. Did you mean "active"?')
    assert message(finding, "fr").startswith("microcredentials.csv, ligne 3 (ligne 5 du fichier), colonne « status » : "
                                             "« Active » n'est pas un code permis. Vouliez-vous dire « active » ?")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_wrong_standard_version_in_a_workbook_points_at_its_cell(tmp_path, lang):
    workbook = fill_template(document(), tmp_path / "submission.xlsx",
                             lambda book: book["submission"].__setitem__("A2", "1.0"))
    result = cli("validate", str(workbook), "--format", "json", lang=lang)
    assert result.exit_code == 2
    [error] = json.loads(result.stdout)["errors"]
    assert (error["code"], error["file"], error["row"], error["column"], error["cell"]) == \
        ("unknown-standard-version", "submission", 2, "standard_version", "A2")
    latest = error["message"].rstrip(".").rsplit(" ", 1)[-1]
    assert re.fullmatch(r"\d+\.\d+\.\d+", latest)
    assert error["message"] == {
        "en": 'sheet submission, row 2, column A "standard_version": The submission declares standard version "1.0", '
              f"which is not a released version ({_released()}). Write a released version in this cell, for example "
              f"{latest}.",
        "fr": "feuille submission, ligne 2, colonne A « standard_version » : La soumission déclare la version « 1.0 » "
              f"de la norme, qui n'est pas une version publiée ({_released()}). Inscrivez une version publiée dans "
              f"cette cellule, par exemple {latest}.",
    }[lang]


def _released() -> str:
    from mcds.standard import artefacts
    return ", ".join(artefacts.known_versions())


# --------------------------------------------------------------------------------- semicolon-separated CSV

def test_a_semicolon_csv_with_decimal_commas_is_read_with_a_warning(tmp_path):
    folder = copy_package(tmp_path / "package")
    path = folder / "cost_items.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    amount = rows[0].index("amount")
    rows[1][amount] = "480,50"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    before = path.read_bytes()
    report = validate(folder)
    assert report.valid and report.usable
    [warning] = [f for f in report.warnings if f.code == "semicolon-delimiter"]
    assert place(warning) == ("semicolon-delimiter", "cost_items.csv", 1, None)
    assert message(warning, "en") == ('cost_items.csv, row 1: The columns are separated by ";" and numbers use a '
                                      "decimal comma: the file was read that way (numbers read with a decimal point: 1). "
                                      "Check that the numbers are right; to send the standard form, save the file as "
                                      '"CSV UTF-8 (comma delimited)".')
    assert message(warning, "fr") == ("cost_items.csv, ligne 1 : Les colonnes sont séparées par « ; » et les nombres ont "
                                      "une virgule décimale : le fichier a été lu ainsi (nombres lus avec un point "
                                      "décimal : 1). Vérifiez que les nombres sont justes; pour envoyer la forme "
                                      "standard, enregistrez le fichier en « CSV UTF-8 (délimité par des virgules) ».")
    costs = [c for m in read_document(folder)["microcredentials"] for c in m.get("cost_items", [])]
    assert costs[0]["amount"] == 480.5
    assert path.read_bytes() == before  # read as it is, never rewritten


# ----------------------------------------------------------------------- categories, identifiers, sheets

def test_a_category_written_as_its_name_is_one_error_with_the_code_meant(tmp_path):
    folder = copy_package(tmp_path / "package")
    assert (folder / "observations.csv").read_text(encoding="utf-8").splitlines()[6].count(",gender,man,") == 1
    set_cell(folder, "observations.csv", 7, "category", "Women")
    finding = only_error(folder)  # not also "does not have the expected form" for the same cell
    assert place(finding) == ("unknown-category", "observations.csv", 7, "category")
    assert message(finding, "en") == ('observations.csv, row 7, column "category": "Women" is not a category of the '
                                      'dimension gender. Did you mean "woman"? Write woman, or another code of GenderEnum.')
    assert message(finding, "fr") == ("observations.csv, ligne 7, colonne « category » : « Women » n'est pas une "
                                      "catégorie de la dimension gender. Vouliez-vous dire « woman » ? Écrivez woman, ou "
                                      "un autre code de GenderEnum.")


def test_an_identifier_with_capitals_accents_or_spaces_gets_its_plain_form(tmp_path):
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "outcome_reports.csv", 2, "id", "cegep-trois-lacs.Résultats 2025")
    errors = validate(folder).errors
    [finding] = [f for f in errors if f.code == "constraint-error"]
    assert place(finding) == ("constraint-error", "outcome_reports.csv", 2, "id")
    assert message(finding, "en") == ('outcome_reports.csv, row 2, column "id": "cegep-trois-lacs.Résultats 2025" has '
                                      "capital letters, accents or spaces, which this column does not take. Write it as "
                                      "cegep-trois-lacs.resultats-2025.")
    assert message(finding, "fr") == ("outcome_reports.csv, ligne 2, colonne « id » : « cegep-trois-lacs.Résultats 2025 » "
                                      "contient des majuscules, des accents ou des espaces, que cette colonne n'accepte "
                                      "pas. Écrivez plutôt cegep-trois-lacs.resultats-2025.")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_missing_sheet_is_named_as_a_sheet(tmp_path, lang):
    workbook = fill_template(document(), tmp_path / "submission.xlsx", lambda book: book.remove(book["organizations"]))
    result = cli("validate", str(workbook), "--format", "json", lang=lang)
    assert result.exit_code == 2
    [error] = json.loads(result.stdout)["errors"]
    assert (error["code"], error["value"]) == ("missing-table", "organizations")
    assert error["message"] == {
        "en": "The sheet organizations is missing. Copy the sheet organizations from the Excel template into your "
              "workbook and fill it in.",
        "fr": "La feuille organizations est manquante. Copiez la feuille organizations du gabarit Excel dans votre "
              "classeur et remplissez-la.",
    }[lang]


def test_an_empty_standard_version_is_told_the_current_version(tmp_path):
    from mcds.standard import artefacts

    workbook = fill_template(document(), tmp_path / "submission.xlsx",
                             lambda book: book["submission"].__setitem__("A2", None))
    finding = only_error(workbook)
    assert place(finding) == ("constraint-error", "submission", 2, "standard_version")
    current = artefacts.current_version()
    assert message(finding, "en") == ('sheet submission, row 2, column A "standard_version": This column is required '
                                      f"and the cell is empty. Fill it in, for example {current}.")
    assert message(finding, "fr") == ("feuille submission, ligne 2, colonne A « standard_version » : Cette colonne est "
                                      f"obligatoire et la cellule est vide. Remplissez-la, par exemple {current}.")


@pytest.mark.parametrize(("fmt", "where"), [
    ("html", 'sheet learning_outcomes, row 2, column A "microcredential_id"'),
    ("markdown", 'sheet learning_outcomes, row 2, column A "microcredential_id"'),
])
def test_the_report_pages_give_a_workbook_place_as_excel_shows_it(tmp_path, fmt, where):
    workbook = fill_template(document(), tmp_path / "submission.xlsx",
                             lambda book: book["learning_outcomes"].__setitem__("A2", "=microcredentials!A2"))
    page = render([validate(workbook)], fmt, "en")
    shown = where.replace('"', "&#34;") if fmt == "html" else where
    assert shown in page or where.replace('"', "&quot;") in page, page[:2000]
