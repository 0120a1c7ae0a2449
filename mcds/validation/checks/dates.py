"""Date logic: an end never before its start, application deadlines before the start, and review dates that
have not already passed when the submission was last updated."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR, WARNING

ORDERED = {
    "offerings": [("start_date", "end_date")],
    "outcome_reports": [("period_start", "period_end")],
    "quality_assurances": [("decision_date", "review_date")],
    "microcredentials": [("date_effective", "review_date")],
}
REVIEWED = {"microcredentials": "review_date", "quality_assurances": "review_date"}


class DateOrderError(McdsCellError):
    entry = entry(
        "date-order", ERROR, DOMAIN, ("Dates in the wrong order", "Dates dans le mauvais ordre"),
        ("A date that closes a period cannot come before the date that opens it.",
         "Une date qui clôt une période ne peut pas précéder celle qui l'ouvre."),
        ("{column} {value} is before {earlier} {earlier_value}.", "{column} {value} précède {earlier} {earlier_value}."),
        ("Correct one of the two dates (YYYY-MM-DD).", "Corrigez l'une des deux dates (AAAA-MM-JJ)."))


class DeadlineAfterStartWarning(McdsCellError):
    entry = entry(
        "deadline-after-start", WARNING, DOMAIN, ("Deadline after the start", "Date limite après le début"),
        ("An application deadline normally falls on or before the first day.",
         "Une date limite d'inscription tombe normalement au plus tard le premier jour."),
        ("The application deadline {value} is after the start date {start}.",
         "La date limite d'inscription {value} suit la date de début {start}."),
        ("Check the deadline; late enrolment can be explained on the web page.",
         "Vérifiez la date limite; une inscription tardive peut être expliquée sur la page Web."))


class ReviewOverdueWarning(McdsCellError):
    entry = entry(
        "review-overdue", WARNING, DOMAIN, ("Review date passed", "Date de révision dépassée"),
        ("A review date before the submission's last update suggests the record is out of date.",
         "Une date de révision antérieure à la dernière mise à jour de la soumission laisse croire que l'enregistrement n'est plus à jour."),
        ("The review date {value} is before the submission's last update ({updated}).",
         "La date de révision {value} précède la dernière mise à jour de la soumission ({updated})."),
        ("Review the record and set the next review date.", "Révisez l'enregistrement et fixez la prochaine date de révision."))


@attrs.define(kw_only=True, repr=False)
class dates(McdsCheck):
    type = "mcds-dates"
    Errors = [DateOrderError, DeadlineAfterStartWarning, ReviewOverdueWarning]

    def relevant(self) -> bool:
        return self.table in ORDERED or self.table in REVIEWED or self.table == "offerings"

    def validate_row(self, row: Row) -> Iterator[Error]:
        name = self.table
        for start, end in ORDERED.get(name, []):
            if isinstance(row[start], datetime.date) and isinstance(row[end], datetime.date) and row[end] < row[start]:
                yield cell_error(DateOrderError, row, end, earlier=start, earlier_value=row[start].isoformat())
        if name == "offerings":
            deadline, first = row["application_deadline"], row["start_date"]
            if isinstance(deadline, datetime.date) and isinstance(first, datetime.date) and deadline > first:
                yield cell_error(DeadlineAfterStartWarning, row, "application_deadline", start=first.isoformat())
        column = REVIEWED.get(name)
        if column and isinstance(row[column], datetime.date) and self.index.last_updated:
            if row[column].isoformat() < self.index.last_updated:
                yield cell_error(ReviewOverdueWarning, row, column, updated=self.index.last_updated)


CHECKS = [dates]
