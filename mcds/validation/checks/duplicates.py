"""Duplicate entries that no key catches: identical rows in child tables, repeated items in one list, and two
microcredentials with the same title. Duplicate identifiers are Frictionless' primary-key findings."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, McdsRowError, cell_error, row_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR, WARNING


class DuplicateEntryError(McdsRowError):
    entry = entry(
        "duplicate-entry", ERROR, DOMAIN, ("Duplicate row", "Ligne en double"),
        ("The same entry appears twice; it would be counted twice in the catalogue.",
         "La même entrée apparaît deux fois; elle serait comptée deux fois dans le catalogue."),
        ("This row repeats row {first}.", "Cette ligne répète la ligne {first}."),
        ("Delete one of the two rows.", "Supprimez l'une des deux lignes."))


class DuplicateItemWarning(McdsCellError):
    entry = entry(
        "duplicate-item", WARNING, DOMAIN, ("Value listed twice", "Valeur répétée"),
        ("A list names each value once.", "Une liste nomme chaque valeur une seule fois."),
        ('"{item}" appears more than once in the list.', "« {item} » apparaît plus d'une fois dans la liste."),
        ("Remove the repeated value.", "Retirez la valeur répétée."))


class DuplicateTitleWarning(McdsCellError):
    entry = entry(
        "duplicate-title", WARNING, DOMAIN, ("Two microcredentials with one title", "Deux microtitres au même titre"),
        ("Learners cannot tell two microcredentials apart when they share a title.",
         "Les personnes apprenantes ne peuvent pas distinguer deux microtitres qui portent le même titre."),
        ('The title "{value}" is also the title of row {first}.', "Le titre « {value} » est aussi celui de la ligne {first}."),
        ("Give each microcredential a distinctive title, or merge them.",
         "Donnez à chaque microtitre un titre distinctif, ou fusionnez-les."))


@attrs.define(kw_only=True, repr=False)
class duplicates(McdsCheck):
    type = "mcds-duplicates"
    Errors = [DuplicateEntryError, DuplicateItemWarning, DuplicateTitleWarning]
    # Rows are remembered by a 128-bit digest of their cells, not by their cells: a million-row table would
    # otherwise keep every cell in memory.
    seen_rows: dict[bytes, int] = attrs.field(factory=dict)
    seen_titles: dict[tuple[str, str], int] = attrs.field(factory=dict)

    whole_rows: bool = False
    lists: list[tuple[str, str]] = attrs.field(factory=list)

    def prepare(self) -> None:
        # A child table without a primary key can only repeat a whole row; one with a key gets primary-key errors.
        self.whole_rows = not self.resource.schema.primary_key and "parent" in self.described()["mcds"]
        self.lists = [(f["name"], f["mcds"]["separator"]) for f in self.fields() if "separator" in f["mcds"]]

    def relevant(self) -> bool:
        return self.whole_rows or bool(self.lists) or self.table == "microcredentials"

    def validate_start(self) -> Iterator[Error]:
        self.seen_rows, self.seen_titles = {}, {}
        yield from ()

    def validate_row(self, row: Row) -> Iterator[Error]:
        if self.whole_rows:
            key = hashlib.blake2b(repr(list(map(str, row.cells))).encode(), digest_size=16).digest()
            if key in self.seen_rows:
                yield row_error(DuplicateEntryError, row, first=self.seen_rows[key])
            else:
                self.seen_rows[key] = row.row_number
        for name, separator in self.lists:
            value = row.get(name)
            if isinstance(value, str):
                items = value.split(separator)
                for item in sorted({i for i in items if items.count(i) > 1}):
                    yield cell_error(DuplicateItemWarning, row, name, item=item)
        if self.table == "microcredentials":
            for column in ("title_en", "title_fr"):
                title = (row[column] or "").strip().casefold()
                if not title:
                    continue
                if (column, title) in self.seen_titles:
                    yield cell_error(DuplicateTitleWarning, row, column, first=self.seen_titles[(column, title)])
                else:
                    self.seen_titles[(column, title)] = row.row_number


CHECKS = [duplicates]
