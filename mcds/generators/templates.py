"""Provider templates: `templates/<table>.csv` (headers only) and `templates/mcds-template.xlsx`.

The workbook is self-contained: a bilingual instructions sheet that names the standard's version (pre-filled
in the submission sheet), one sheet per table (frozen header, a comment with the column's help in English and
French, text format on text columns so that codes keep their leading zeros, drop-downs on code columns and
number, date and true/false checks down to row LAST_ROW), a column-help sheet, one sheet per code list a
column can take, and the categories of each breakdown dimension (sheet `categories`, which the category
columns' drop-downs follow). `gen-excel` lacks the checks and the bilingual help, hence this module."""

from __future__ import annotations

import datetime
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
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
    "version": {
        "en": "This workbook is for version {version} of the standard. The sheet submission has it in "
        "standard_version, row 2: keep it, and fill in the rest of that row.",
        "fr": "Ce classeur est destiné à la version {version} de la norme. La feuille submission l'indique dans "
        "standard_version, ligne 2 : conservez-la et remplissez le reste de cette ligne.",
    },
    "lists": {
        "en": "Every code list is a sheet named after it. The categories of each breakdown dimension "
        "(observations: dimension and category) are in the sheet categories; the sheet "
        "DisaggregationDimensionEnum names each dimension's code lists, and OutcomeMetricEnum gives each "
        "metric's unit.",
        "fr": "Chaque liste de codes est une feuille qui porte son nom. Les catégories de chaque dimension de "
        "ventilation (observations : dimension et category) sont dans la feuille categories; la feuille "
        "DisaggregationDimensionEnum nomme les listes de codes de chaque dimension, et OutcomeMetricEnum donne "
        "l'unité de chaque indicateur.",
    },
    "sheet": {"en": "Sheet", "fr": "Feuille"},
    "required": {"en": "Required.", "fr": "Obligatoire."},
    "codes": {"en": "Use a code of the sheet {sheet}.", "fr": "Utilisez un code de la feuille {sheet}."},
    "codes_list": {
        "en": "Use codes of the sheet {sheet}, several separated by |.",
        "fr": "Utilisez des codes de la feuille {sheet}, plusieurs séparés par |.",
    },
    "category": {
        "en": "Use a category of the dimension chosen in {column} (sheet categories).",
        "fr": "Utilisez une catégorie de la dimension choisie dans {column} (feuille categories).",
    },
    "boolean": {"en": "true or false.", "fr": "true ou false."},
    "number": {"en": "A number between {low} and {high}.", "fr": "Un nombre entre {low} et {high}."},
    "date": {"en": "A date, YYYY-MM-DD.", "fr": "Une date, AAAA-MM-JJ."},
    "current": {"en": "The current version is {version}.", "fr": "La version actuelle est {version}."},
    "unit.count": {"en": "count", "fr": "effectif"},
    "unit.proportion": {"en": "proportion from 0 to 1", "fr": "proportion de 0 à 1"},
    "unit.cad": {"en": "Canadian dollars", "fr": "dollars canadiens"},
    "follow_up": {"en": "required", "fr": "obligatoire"},
}
# Excel shows at most 32 characters of an error title: one word that reads in both languages.
ERROR_TITLE = "MCDS"
CATEGORIES = "categories"
CATEGORY_HEADER = ["dimension", "code", "title_en", "title_fr", "code_list"]
# The category column that follows each dimension column of a table.
CATEGORY_OF = {"category": "dimension", "category_2": "dimension_2"}
VERSION_FIELD = "standard_version"
# Code lists whose sheet says more than the codes' titles (see _notes).
NOTES_HEADER = {"DisaggregationDimensionEnum": ["categories"],
                "OutcomeMetricEnum": ["unit_en", "unit_fr", "months_after_completion_en", "months_after_completion_fr"]}
DIMENSIONS, METRICS = NOTES_HEADER
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


def _version(profile: dict[str, Any]) -> str:
    return str(profile["mcds"]["standard_version"])


def _instructions(book: Workbook, profile: dict[str, Any]) -> None:
    sheet = book.active
    sheet.title = INSTRUCTIONS
    version = _version(profile)
    sheet.append([f"{profile['title']} / {profile['title_fr']} — {version}"])
    sheet["A1"].font = Font(bold=True, size=14)
    for key in ("intro", "version", "lists"):
        for lang in ("en", "fr"):
            sheet.append([TEXT[key][lang].format(version=version)])
    sheet.append([])
    heading = sheet.max_row + 1
    sheet.append(["table", "title_en", "title_fr", "description_en", "description_fr"])
    for cell in sheet[heading]:
        cell.font = Font(bold=True)
    for resource in profile["resources"]:
        sheet.append([resource["name"], resource["title"], resource["title_fr"], resource["description"], resource["description_fr"]])
    sheet.column_dimensions["A"].width = 24
    for column in "BCDE":
        sheet.column_dimensions[column].width = 48
    for row in sheet.iter_rows(min_row=2, max_row=heading - 2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def _checked(kind: str, message: str, *, stop: bool = False, **options: Any) -> DataValidation:
    """A data validation whose bilingual message Excel shows: `stop` refuses the value, else it only warns
    (a value the drop-down cannot express, such as several codes, must stay possible)."""
    return DataValidation(type=kind, allow_blank=True, showErrorMessage=True, errorStyle="stop" if stop else "warning",
                          errorTitle=ERROR_TITLE, error=message, **options)


def _validation(field: dict[str, Any], enum_sheets: dict[str, str], enums: dict[str, Any]) -> DataValidation | None:
    constraints = field.get("constraints", {})
    enum = field.get("mcds", {}).get("enum")
    if enum:
        size = len(enums[enum].permissible_values)
        listing = f"{quote_sheetname(enum_sheets[enum])}!$A$2:$A${size + 1}"
        # A list of codes cannot be a drop-down choice: the drop-down offers single codes and only warns.
        multivalued = "separator" in field["mcds"]
        return _checked("list", _both("codes_list" if multivalued else "codes", sheet=enum_sheets[enum]),
                        stop=not multivalued, formula1=listing)
    if field["type"] == "boolean":
        # Excel stores a typed TRUE as a boolean, which a list of texts would refuse: warn only.
        return _checked("list", _both("boolean"), formula1='"true,false"')
    if field["type"] in ("integer", "number"):
        low, high = constraints.get("minimum", 0), constraints.get("maximum", 10**9)
        return _checked("whole" if field["type"] == "integer" else "decimal", _both("number", low=low, high=high),
                        stop=True, operator="between", formula1=str(low), formula2=str(high))
    if field["type"] == "date":
        return _checked("date", _both("date"), operator="greaterThan", formula1="1")
    return None


def _category_validation(column: str, letters: dict[str, str]) -> DataValidation | None:
    """The drop-down of a category column: the categories of the dimension chosen on the same row, through
    the name the categories sheet defines for each dimension."""
    dimension = CATEGORY_OF.get(column)
    if dimension not in letters:
        return None
    return _checked("list", _both("category", column=dimension),
                    formula1=f'INDIRECT("{CATEGORIES}."&${letters[dimension]}2)')


def _comment(field: dict[str, Any], example: Any = None) -> Comment:
    required = field.get("constraints", {}).get("required")
    lines = [
        f"{field['title']} — {field['description']}" + (f" {TEXT['required']['en']}" if required else ""),
        "",
        f"{field['title_fr']} — {field['description_fr']}" + (f" {TEXT['required']['fr']}" if required else ""),
    ]
    example = example if example is not None else field.get("example")
    if example is not None:
        lines += ["", f"e.g. / ex. : {example}"]
    comment = Comment("\n".join(lines), "MCDS")
    comment.width, comment.height = 420, 260
    return comment


def _table_sheet(book: Workbook, resource: dict[str, Any], enum_sheets: dict[str, str], enums: dict[str, Any],
                 version: str) -> None:
    sheet = book.create_sheet(resource["name"])
    fields = resource["schema"]["fields"]
    _header(sheet, [f["name"] for f in fields])
    letters = {field["name"]: get_column_letter(index) for index, field in enumerate(fields, start=1)}
    for index, field in enumerate(fields, start=1):
        letter = letters[field["name"]]
        cell = sheet.cell(row=1, column=index)
        # The version a submission declares is the workbook's own: pre-filled, and the help says which.
        versioned = field["name"] == VERSION_FIELD and "parent" not in resource["mcds"]
        cell.comment = _comment(field, version if versioned else None)
        if field.get("constraints", {}).get("required"):
            cell.fill = REQUIRED_FILL
        sheet.column_dimensions[letter].width = max(14, min(40, len(field["name"]) + 4))
        if field["type"] == "string":
            # Codes such as NOC 01830 or CIP 48.0500 must stay text, or a spreadsheet drops their zeros.
            sheet.column_dimensions[letter].number_format = "@"
        if versioned:
            filled = sheet.cell(row=2, column=index, value=version)
            filled.number_format = "@"
        validation = _validation(field, enum_sheets, enums) or _category_validation(field["name"], letters)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(validation)


def _help_sheet(book: Workbook, profile: dict[str, Any]) -> None:
    sheet = book.create_sheet(COLUMN_HELP)
    _header(sheet, HELP_HEADER)
    for resource in profile["resources"]:
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            description = {"en": field["description"], "fr": field["description_fr"]}
            if field["name"] == VERSION_FIELD and "parent" not in resource["mcds"]:
                description = {lang: f"{text} {TEXT['current'][lang].format(version=_version(profile))}"
                               for lang, text in description.items()}
            sheet.append([
                resource["name"], field["name"], field["title"], field["title_fr"], description["en"],
                description["fr"], field["type"], "yes / oui" if constraints.get("required") else "",
                field.get("mcds", {}).get("enum", "") or (CATEGORIES if field["name"] in CATEGORY_OF else ""),
            ])


def _notes(name: str, value: Any) -> list[str]:
    """What the workbook says of a code beyond its titles: a dimension's category lists, a metric's unit (in
    both languages) and whether it needs months_after_completion."""
    if name == DIMENSIONS:
        return [s.annotation(value, "categories") or ""]
    if name == METRICS:
        unit = s.annotation(value, "unit") or ""
        months = s.annotation(value, "follow_up") == "true"
        words = TEXT.get(f"unit.{unit}", {"en": unit, "fr": unit})
        return [words["en"], words["fr"], TEXT["follow_up"]["en"] if months else "", TEXT["follow_up"]["fr"] if months else ""]
    return []


def _enum_sheet(book: Workbook, name: str, enum: Any) -> None:
    sheet = book.create_sheet(name[:31])
    # translation_status: "to_verify" flags a French label not yet checked against the official source.
    _header(sheet, ["code", "title_en", "title_fr", "description_en", "description_fr", "translation_status",
                    *NOTES_HEADER.get(name, [])])
    for code, value in enum.permissible_values.items():
        titles, texts = s.title(value), s.description(value)
        sheet.append([code, titles["en"], titles["fr"], texts["en"], texts["fr"], s.translation_status(value),
                      *_notes(name, value)])
    for column, width in zip("ABCDEFGHIJ", (14, 36, 36, 60, 60, 18, 28, 28, 24, 24), strict=False):
        sheet.column_dimensions[column].width = width


def _category_lists(enums: dict[str, Any]) -> dict[str, list[str]]:
    """Each breakdown dimension with the code lists of its categories, in the schema's order."""
    dimensions = enums[DIMENSIONS].permissible_values
    return {code: (s.annotation(value, "categories") or "").split() for code, value in dimensions.items()}


def _categories_sheet(book: Workbook, enums: dict[str, Any]) -> None:
    """Every category of every dimension, one block of rows per dimension, each block named
    `categories.<dimension>` for the category columns' drop-downs."""
    sheet = book.create_sheet(CATEGORIES)
    _header(sheet, CATEGORY_HEADER)
    for dimension, lists in _category_lists(enums).items():
        first = sheet.max_row + 1
        for name in lists:
            for code, value in enums[name].permissible_values.items():
                titles = s.title(value)
                sheet.append([dimension, code, titles["en"], titles["fr"], name])
        if sheet.max_row >= first:
            reference = f"{quote_sheetname(CATEGORIES)}!$B${first}:$B${sheet.max_row}"
            book.defined_names[f"{CATEGORIES}.{dimension}"] = DefinedName(f"{CATEGORIES}.{dimension}", attr_text=reference)
    for column, width in zip("ABCDE", (28, 24, 40, 40, 32), strict=True):
        sheet.column_dimensions[column].width = width


def workbook(profile: dict[str, Any]) -> bytes:
    enums = s.view().all_enums()
    used = {f["mcds"]["enum"] for r in profile["resources"] for f in r["schema"]["fields"] if "enum" in f.get("mcds", {})}
    # The code lists of the categories are sheets too, so that the workbook needs nothing from elsewhere.
    if DIMENSIONS in used:
        used |= {name for lists in _category_lists(enums).values() for name in lists}
    enum_sheets = {name: name[:31] for name in sorted(used)}
    book = Workbook()
    _instructions(book, profile)
    for resource in profile["resources"]:
        _table_sheet(book, resource, enum_sheets, enums, _version(profile))
    _help_sheet(book, profile)
    for name in sorted(used):
        _enum_sheet(book, name, enums[name])
    if DIMENSIONS in used:
        _categories_sheet(book, enums)
    book.properties.creator = "MCDS"
    book.properties.title = profile["title"]
    book.properties.created = book.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_xlsx(buffer.getvalue())


def generate(profile: dict[str, Any]) -> dict[str, bytes]:
    return {**csv_templates(profile), WORKBOOK: workbook(profile)}
