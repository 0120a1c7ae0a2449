"""Classification codes: NOC 2021, CIP 2021 and NAICS 2022 codes must fall in the groupings the standard
ships (TEER category, CIP series, NAICS sector) and, when the full official table is installed, exist in it;
an observation's category must belong to its dimension's code list."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.i18n import both
from mcds.standard import classifications, model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR

CODE_FIELDS = {"occupations": "noc", "field_of_study": "cip", "industries": "naics", "partner_industry": "naics"}


class UnknownCodeError(McdsCellError):
    entry = entry(
        "unknown-code", ERROR, DOMAIN, ("Code not in the classification", "Code absent de la classification"),
        ("A classification code must exist: its groupings are checked against the code lists the standard ships, "
         "and the whole code against the official Statistics Canada table when it is installed.",
         "Un code de classification doit exister : ses regroupements sont vérifiés dans les listes de codes de la "
         "norme, et le code entier dans la table officielle de Statistique Canada lorsqu'elle est installée."),
        ('"{item}" is not a {system} code: {reason}.', "« {item} » n'est pas un code {system} : {reason}."),
        ("Look the code up in the {system} classification.", "Cherchez le code dans la classification {system}."))


class UnknownCategoryError(McdsCellError):
    entry = entry(
        "unknown-category", ERROR, DOMAIN, ("Category not of its dimension", "Catégorie étrangère à sa dimension"),
        ("A disaggregation category must be a code of the code list its dimension names.",
         "Une catégorie de ventilation doit être un code de la liste que désigne sa dimension."),
        ('"{value}" is not a category of the dimension {dimension}.', "« {value} » n'est pas une catégorie de la dimension {dimension}."),
        ("Use a code of {codelist}.", "Utilisez un code de {codelist}."))


def problem(kind: str, code: str) -> dict[str, str] | None:
    """Why `code` cannot be a code of the classification `kind`, or None when it can."""
    full = classifications.installed(kind)
    if full is not None:
        return None if code in full else both("code.not_installed")
    if kind == "noc" and len(code) == 5 and code[1] not in model.codes("TeerCategoryEnum"):
        return both("code.noc_teer", digit=code[1])
    if kind == "cip" and code[:2] not in model.codes("CipSeriesEnum"):
        return both("code.cip_series", series=code[:2])
    if kind == "naics" and "-" not in code and model.naics_sector(code) not in model.codes("NaicsSectorEnum"):
        return both("code.naics_sector", sector=code[:2])
    return None


@attrs.define(kw_only=True, repr=False)
class codes(McdsCheck):
    type = "mcds-codes"
    Errors = [UnknownCodeError, UnknownCategoryError]
    coded: list[tuple[str, str]] = attrs.field(factory=list)

    def prepare(self) -> None:
        names = {field["name"] for field in self.fields()}
        self.coded = [(name, kind) for name, kind in CODE_FIELDS.items() if name in names]

    def relevant(self) -> bool:
        return bool(self.coded) or self.table == "observations"

    def validate_row(self, row: Row) -> Iterator[Error]:
        for name, kind in self.coded:
            value = row.get(name)
            if not isinstance(value, str) or not value:
                continue
            for item in value.split("|"):
                reason = problem(kind, item)
                if reason is not None:
                    yield cell_error(UnknownCodeError, row, name, item=item, system=classifications.NAMES[kind], reason=reason)
        if self.table == "observations":
            # The second dimension of an intersection is held to the same code lists as the first.
            for dimension, category in (("dimension", "category"), ("dimension_2", "category_2")):
                found = model.categories(row.get(dimension) or "")
                if found and row.get(category) and row[category] not in found:
                    codelists = " | ".join(dict.fromkeys(found.values()))
                    yield cell_error(UnknownCategoryError, row, category, dimension=row[dimension], codelist=codelists)


CHECKS = [codes]
