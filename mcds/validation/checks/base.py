"""What every MCDS check shares: error classes that carry their catalogue entry, and the submission index.

A check is a Frictionless `Check` with a kebab-case `type`; its errors are Frictionless errors whose `type` is
the finding code and whose bilingual texts come from their `entry`. Errors are yielded, never raised."""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from frictionless import Check, errors
from frictionless.table import Row

from mcds.validation.entry import Entry
from mcds.validation.index import SubmissionIndex

DOMAIN, QUALITY = "domain", "quality"
EMPTY_TABLE: dict[str, Any] = {"mcds": {}, "schema": {"fields": []}}


class _FromEntry:
    entry: ClassVar[Entry]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "entry" in cls.__dict__:
            cls.type = cls.entry.code
            cls.title = cls.entry.title["en"]
            cls.description = cls.entry.explanation["en"]
            cls.template = "{note}"


@attrs.define(kw_only=True, repr=False)
class McdsCellError(_FromEntry, errors.CellError):
    """A finding about one cell."""

    details: dict[str, Any] = attrs.field(factory=dict)


@attrs.define(kw_only=True, repr=False)
class McdsRowError(_FromEntry, errors.RowError):
    """A finding about a row as a whole."""

    details: dict[str, Any] = attrs.field(factory=dict)


def cell_error(cls: type[McdsCellError], row: Row, field_name: str, **details: Any) -> McdsCellError:
    error = cls.from_row(row, note=cls.entry.message["en"], field_name=field_name)
    if row.get(field_name) is None:
        error.cell = ""  # Frictionless writes an empty cell as "None"
    error.details.update(details)
    return error


def row_error(cls: type[McdsRowError], row: Row, **details: Any) -> McdsRowError:
    error = cls.from_row(row, note=cls.entry.message["en"])
    error.details.update(details)
    return error


@attrs.define(kw_only=True, repr=False)
class McdsCheck(Check):
    """A check that knows the submission index, the profile, and the tables it applies to."""

    index: SubmissionIndex = attrs.field(factory=SubmissionIndex)
    profile: dict[str, Any] = attrs.field(factory=dict)
    # The profile's tables by name, built once: checks ask for their table's fields on every row.
    by_name: dict[str, dict[str, Any]] = attrs.field(
        init=False, default=attrs.Factory(lambda self: {r["name"]: r for r in self.profile.get("resources", [])},
                                          takes_self=True))
    # The name of the table the check is connected to (Frictionless connects it to each table in turn).
    table: str = attrs.field(init=False, default="")
    tables: ClassVar[tuple[str, ...]] = ()

    def connect(self, resource: Any) -> None:
        super().connect(resource)
        self.table = resource.name
        self.prepare()

    def prepare(self) -> None:
        """Work out, once per table, which columns the check reads (rows are many, columns few)."""

    def relevant(self) -> bool:
        """Whether the check can find anything in the current table; the fast row stream skips it when not."""
        return self.applies()

    def applies(self) -> bool:
        return not self.tables or self.table in self.tables

    def described(self) -> dict[str, Any]:
        """The profile's descriptor of the current table (with its `mcds` annotations)."""
        return self.by_name.get(self.table, EMPTY_TABLE)

    def fields(self) -> list[dict[str, Any]]:
        return self.described()["schema"]["fields"]
