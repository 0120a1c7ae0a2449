"""Classification codes: every NOC 2021 unit group, CIP 2021 class and NAICS 2022 code must exist in Statistics
Canada's official table (the one the standard ships, or a newer one the user installed); an observation's
category must belong to its dimension's code list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.i18n import both
from mcds.standard import classifications, model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR
from mcds.validation.suggest import closest_codes

CODE_FIELDS = {"occupations": "noc", "field_of_study": "cip", "industries": "naics", "partner_industry": "naics",
               "evidence_occupations": "noc", "priority_sectors": "naics"}


class UnknownCodeError(McdsCellError):
    entry = entry(
        "unknown-code", ERROR, DOMAIN, ("Code not in the classification", "Code absent de la classification"),
        ("A classification code must exist in Statistics Canada's official table: the one the standard ships, or a "
         "newer one installed with mcds codelists import.",
         "Un code de classification doit exister dans la table officielle de Statistique Canada : celle que la "
         "norme fournit, ou une plus récente installée avec mcds codelists import."),
        ('"{item}" is not a {system} code: {reason}.', "« {item} » n'est pas un code {system} : {reason}."),
        ("Look the code up in the {system} classification.", "Cherchez le code dans la classification {system}."))


class UnknownCategoryError(McdsCellError):
    entry = entry(
        "unknown-category", ERROR, DOMAIN, ("Category not of its dimension", "Catégorie étrangère à sa dimension"),
        ("A disaggregation category must be a code of the code list its dimension names.",
         "Une catégorie de ventilation doit être un code de la liste que désigne sa dimension."),
        ('"{value}" is not a category of the dimension {dimension}.', "« {value} » n'est pas une catégorie de la dimension {dimension}."),
        ("Use a code of {codelist}.", "Utilisez un code de {codelist}."),
        variants={  # a category written as its name, in either language, or misspelt
            "suggested": (('"{value}" is not a category of the dimension {dimension}. Did you mean "{meant}"?',
                           "« {value} » n'est pas une catégorie de la dimension {dimension}. Vouliez-vous dire « {meant} » ?"),
                          ("Write {meant}, or another code of {codelist}.", "Écrivez {meant}, ou un autre code de {codelist}.")),
        })


LIST_PATTERN = re.compile(r"\(\?:(.*)\)\(\?:\\\|\(\?:(.*)\)\)(?:\*|\{0,\d+\})")


def item_rule(field: dict[str, Any]) -> re.Pattern[str] | None:
    """The pattern each item of a cell must match: the item pattern of a `|` list column, or the whole pattern
    of a single-value column; None when the column has none."""
    pattern = field.get("constraints", {}).get("pattern", "")
    if not pattern:
        return None
    match = LIST_PATTERN.fullmatch(pattern) if field.get("mcds", {}).get("separator") else None
    return re.compile(match.group(1) if match else pattern)


def problem(kind: str, code: str, known: frozenset[str] | None = None) -> dict[str, str] | None:
    """Why `code` cannot be a code of the classification `kind`, or None when it can. `known` is
    classifications.known(kind), passed by a caller that checks many codes so that it is resolved once.

    A table the user installed decides alone (it may be a newer version). Otherwise the shipped official table
    decides, and the groupings give the most telling reason (a wrong TEER digit, series or sector)."""
    if code in (classifications.known(kind) if known is None else known):
        return None
    if classifications.installed(kind) is not None:
        return both("code.not_installed")
    if kind == "noc" and len(code) == 5 and code[1] not in model.codes("TeerCategoryEnum"):
        return both("code.noc_teer", digit=code[1])
    if kind == "cip" and code[:2] not in model.codes("CipSeriesEnum"):
        return both("code.cip_series", series=code[:2])
    if kind == "naics" and code in model.NAICS_RANGES:
        return both("code.naics_range", sector=model.NAICS_RANGES[code])
    if kind == "naics" and "-" not in code and model.naics_sector(code) not in model.codes("NaicsSectorEnum"):
        return both("code.naics_sector", sector=code[:2])
    return both("code.not_shipped", table=classifications.NAMES[kind])


@attrs.define(kw_only=True, repr=False)
class codes(McdsCheck):
    type = "mcds-codes"
    Errors = [UnknownCodeError, UnknownCategoryError]
    coded: list[tuple[str, str, frozenset[str]]] = attrs.field(factory=list)
    shapes: dict[str, re.Pattern[str]] = attrs.field(factory=dict)

    def prepare(self) -> None:
        fields = {field["name"]: field for field in self.fields()}
        self.coded = [(name, kind, classifications.known(kind)) for name, kind in CODE_FIELDS.items() if name in fields]
        self.shapes = {name: shape for name, _, _ in self.coded if (shape := item_rule(fields[name])) is not None}

    def relevant(self) -> bool:
        return bool(self.coded) or self.table == "observations"

    def validate_row(self, row: Row) -> Iterator[Error]:
        for name, kind, known in self.coded:
            value = row.get(name)
            if not isinstance(value, str) or not value:
                continue
            shape = self.shapes.get(name)
            for item in value.split("|"):
                if shape is not None and not shape.fullmatch(item):
                    continue  # not the shape of a code: the column's pattern reports it, with its hint
                reason = problem(kind, item, known)
                if reason is not None:
                    yield cell_error(UnknownCodeError, row, name, item=item, system=classifications.NAMES[kind], reason=reason)
        if self.table == "observations":
            # The second dimension of an intersection is held to the same code lists as the first.
            for dimension, category in (("dimension", "category"), ("dimension_2", "category_2")):
                found = model.categories(row.get(dimension) or "")
                if found and row.get(category) and row[category] not in found:
                    codelists = " | ".join(dict.fromkeys(found.values()))
                    meant = [code for name in dict.fromkeys(found.values()) for code in closest_codes(name, row[category])]
                    hint = {"variant": "suggested", "meant": meant[0]} if len(meant) == 1 else {}
                    yield cell_error(UnknownCategoryError, row, category, dimension=row[dimension], codelist=codelists,
                                     **hint)


CHECKS = [codes]
