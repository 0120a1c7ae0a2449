"""The submission table holds exactly one row: the submission itself. Without it, a package had no provider,
no contact and no date of last update, and was still valid (the portal showed it as modified in 1970); with
two, which one describes the package is a guess."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.standard import tabular
from mcds.validation.checks.base import DOMAIN, McdsCheck, McdsRowError, row_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR


class SubmissionRowsError(McdsRowError):
    entry = entry(
        "submission-rows", ERROR, DOMAIN, ("Not exactly one submission row", "Pas exactement une ligne de soumission"),
        ("The submission table holds exactly one row, below its column names: the provider, the contact, the "
         "date of the last update and the version of the standard.",
         "La table submission contient exactement une ligne, sous ses noms de colonnes : le fournisseur, la "
         "personne-ressource, la date de la dernière mise à jour et la version de la norme."),
        ("The submission table has {count} rows; it must have exactly one.",
         "La table submission compte {count} lignes; elle doit en avoir exactement une."),
        ("Fill in row 2 of the submission table, and delete any row below it.",
         "Remplissez la ligne 2 de la table submission et supprimez toute ligne en dessous."))


@attrs.define(kw_only=True, repr=False)
class submission_rows(McdsCheck):
    type = "mcds-submission-rows"
    Errors = [SubmissionRowsError]
    count: int = 0
    extra: Row | None = None

    def relevant(self) -> bool:
        return bool(self.profile) and self.table == tabular.root_resource(self.profile)["name"]

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.relevant():  # Frictionless' own row loop runs every check on every table
            return iter(())
        if any(value is not None for value in row.values()):  # a blank row is reported as such
            self.count += 1
            if self.count == 2:
                self.extra = row
        return iter(())

    def validate_end(self) -> Iterator[Error]:
        if not self.relevant():
            return
        if self.extra is not None:
            yield row_error(SubmissionRowsError, self.extra, count=self.count)
        elif self.count == 0:
            # No row to point at: the finding is placed where the row belongs.
            yield SubmissionRowsError(note=SubmissionRowsError.entry.message["en"], cells=[], row_number=2,
                                      details={"count": 0})


CHECKS = [submission_rows]
