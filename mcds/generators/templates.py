"""Provider templates: `templates/<table>.csv` (headers only) and `templates/mcds-template.xlsx`.

The workbook has a bilingual instructions sheet, one sheet per table (frozen header, a comment with the
column's help in English and French, drop-downs on code columns, number and date checks), a column-help
sheet, and one sheet per code list that the drop-downs point to. `gen-excel` lacks the checks and the
bilingual help, hence this module."""

from __future__ import annotations

import datetime
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mcds.generators import schema as s
from mcds.util.io import csv_bytes
from mcds.util.xlsx import stable_xlsx

WORKBOOK = "templates/mcds-template.xlsx"
INSTRUCTIONS = "instructions"
COLUMN_HELP = "column_help"
LAST_ROW = 5000
FIXED_DATE = datetime.datetime(2020, 1, 1)
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
HEADER_FONT = Font(bold=True, color="FFFFFF")
REQUIRED_FILL = PatternFill("solid", fgColor="7A2E0E")

TEXT = {
    "intro": {
        "en": "Fill in one sheet per table. Row 1 holds the column names: do not change them. "
        "Red headers are required. Codes come from the drop-down lists or the code-list sheets; "
        "several values in one cell are separated by a vertical bar (|). Dates are YYYY-MM-DD. "
        "Then check your file with: mcds validate your-file.xlsx",
        "fr": "Remplissez une feuille par table. La ligne 1 contient les noms des colonnes : ne les modifiez pas. "
        "Les en-têtes rouges sont obligatoires. Les codes viennent des listes déroulantes ou des feuilles de "
        "listes de codes; plusieurs valeurs dans une cellule sont séparées par une barre verticale (|). Les "
        "dates sont au format AAAA-MM-JJ. Vérifiez ensuite votre fichier avec : mcds validate votre-fichier.xlsx",
    },
    "sheet": {"en": "Sheet", "fr": "Feuille"},
    "required": {"en": "Required.", "fr": "Obligatoire."},
    "codes": {"en": "Codes: see sheet", "fr": "Codes : voir la feuille"},
    "error": {"en": "Not an allowed value", "fr": "Valeur non permise"},
    "number": {"en": "A number between {low} and {high}.", "fr": "Un nombre entre {low} et {high}."},
    "date": {"en": "A date, YYYY-MM-DD.", "fr": "Une date, AAAA-MM-JJ."},
}
HELP_HEADER = ["table", "column", "title_en", "title_fr", "description_en", "description_fr", "type", "required", "codes"]


def csv_templates(profile: dict[str, Any]) -> dict[str, bytes]:
    return {
        f"templates/{resource['name']}.csv": csv_bytes([f["name"] for f in resource["schema"]["fields"]], [])
        for resource in profile["resources"]
    }


def _both(key: str, **values: Any) -> str:
    return f"{TEXT[key]['en'].format(**values)}\n{TEXT[key]['fr'].format(**values)}"


def _header(sheet: Worksheet, names: list[str]) -> None:
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"


def _instructions(book: Workbook, profile: dict[str, Any]) -> None:
    sheet = book.active
    sheet.title = INSTRUCTIONS
    sheet.append([f"{profile['title']} / {profile['title_fr']}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"{TEXT['intro']['en']}"])
    sheet.append([f"{TEXT['intro']['fr']}"])
    sheet.append([])
    sheet.append(["table", "title_en", "title_fr", "description_en", "description_fr"])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for resource in profile["resources"]:
        sheet.append([resource["name"], resource["title"], resource["title_fr"], resource["description"], resource["description_fr"]])
    sheet.column_dimensions["A"].width = 24
    for column in "BCDE":
        sheet.column_dimensions[column].width = 48
    for row in sheet.iter_rows(min_row=2, max_row=3):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def _validation(field: dict[str, Any], enum_sheets: dict[str, str], enums: dict[str, Any]) -> DataValidation | None:
    constraints = field.get("constraints", {})
    enum = field.get("mcds", {}).get("enum")
    if enum:
        size = len(enums[enum].permissible_values)
        listing = f"{quote_sheetname(enum_sheets[enum])}!$A$2:$A${size + 1}"
        multivalued = "separator" in field["mcds"]
        # A list of codes cannot be a drop-down choice: the drop-down offers single codes and only warns.
        return DataValidation(type="list", formula1=listing, allow_blank=True,
                              errorStyle="warning" if multivalued else "stop",
                              errorTitle=TEXT["error"]["en"], error=_both("codes") + " " + enum)
    if field["type"] == "boolean":
        return DataValidation(type="list", formula1='"true,false"', allow_blank=True, errorTitle=TEXT["error"]["en"])
    if field["type"] in ("integer", "number"):
        low, high = constraints.get("minimum", 0), constraints.get("maximum", 10**9)
        return DataValidation(type="whole" if field["type"] == "integer" else "decimal", operator="between",
                              formula1=str(low), formula2=str(high), allow_blank=True,
                              errorTitle=TEXT["error"]["en"], error=_both("number", low=low, high=high))
    if field["type"] == "date":
        return DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                              errorTitle=TEXT["error"]["en"], error=_both("date"))
    return None


def _comment(field: dict[str, Any]) -> Comment:
    required = field.get("constraints", {}).get("required")
    lines = [
        f"{field['title']} — {field['description']}" + (f" {TEXT['required']['en']}" if required else ""),
        "",
        f"{field['title_fr']} — {field['description_fr']}" + (f" {TEXT['required']['fr']}" if required else ""),
    ]
    if "example" in field:
        lines += ["", f"e.g. / ex. : {field['example']}"]
    comment = Comment("\n".join(lines), "MCDS")
    comment.width, comment.height = 420, 260
    return comment


def _table_sheet(book: Workbook, resource: dict[str, Any], enum_sheets: dict[str, str], enums: dict[str, Any]) -> None:
    sheet = book.create_sheet(resource["name"])
    fields = resource["schema"]["fields"]
    _header(sheet, [f["name"] for f in fields])
    for index, field in enumerate(fields, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index)
        cell.comment = _comment(field)
        if field.get("constraints", {}).get("required"):
            cell.fill = REQUIRED_FILL
        sheet.column_dimensions[letter].width = max(14, min(40, len(field["name"]) + 4))
        if field["type"] == "string":
            # Codes such as NOC 01830 or CIP 48.0500 must stay text, or a spreadsheet drops their zeros.
            sheet.column_dimensions[letter].number_format = "@"
        validation = _validation(field, enum_sheets, enums)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(validation)


def _help_sheet(book: Workbook, profile: dict[str, Any]) -> None:
    sheet = book.create_sheet(COLUMN_HELP)
    _header(sheet, HELP_HEADER)
    for resource in profile["resources"]:
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            sheet.append([
                resource["name"], field["name"], field["title"], field["title_fr"], field["description"],
                field["description_fr"], field["type"], "yes / oui" if constraints.get("required") else "",
                field.get("mcds", {}).get("enum", ""),
            ])


def _enum_sheet(book: Workbook, name: str, enum: Any) -> None:
    sheet = book.create_sheet(name)
    # translation_status: "to_verify" flags a French label not yet checked against the official source.
    _header(sheet, ["code", "title_en", "title_fr", "description_en", "description_fr", "translation_status"])
    for code, value in enum.permissible_values.items():
        titles, texts = s.title(value), s.description(value)
        sheet.append([code, titles["en"], titles["fr"], texts["en"], texts["fr"], s.translation_status(value)])
    for column, width in zip("ABCDEF", (14, 36, 36, 60, 60, 18), strict=True):
        sheet.column_dimensions[column].width = width


def workbook(profile: dict[str, Any]) -> bytes:
    enums = s.view().all_enums()
    used = sorted({f["mcds"]["enum"] for r in profile["resources"] for f in r["schema"]["fields"] if "enum" in f.get("mcds", {})})
    enum_sheets = {name: name[:31] for name in used}
    book = Workbook()
    _instructions(book, profile)
    for resource in profile["resources"]:
        _table_sheet(book, resource, enum_sheets, enums)
    _help_sheet(book, profile)
    for name in used:
        _enum_sheet(book, name, enums[name])
    book.properties.creator = "MCDS"
    book.properties.title = profile["title"]
    book.properties.created = book.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_xlsx(buffer.getvalue())


def generate(profile: dict[str, Any]) -> dict[str, bytes]:
    return {**csv_templates(profile), WORKBOOK: workbook(profile)}
