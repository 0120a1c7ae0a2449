"""What validation finds: located findings with a stable code and a severity, and the report that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One problem, located as the provider sees it: file (or sheet), spreadsheet row (header = 1), column."""

    code: str
    severity: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Neighbouring cells of the row, (column, value) pairs, to show the finding as it looks in the sheet.
    context: tuple[tuple[str, str], ...] = field(default=(), compare=False, hash=False)
    # Findings that follow from this one (the same wrong reference on other rows): fixing this fixes them.
    dependents: tuple[Finding, ...] = field(default=(), compare=False, hash=False)
    # The column's letter in a workbook, as Excel shows it above the sheet ("C"); None for other inputs.
    letter: str | None = field(default=None, compare=False, hash=False)
    # The line of a CSV file the row starts on, when a line break inside a cell above makes it differ from the row.
    line: int | None = field(default=None, compare=False, hash=False)


@dataclass
class Report:
    """The outcome of validating one input. Valid means no error; warnings never block publication."""

    source: str
    findings: list[Finding] = field(default_factory=list)
    truncated: bool = False
    standard_version: str | None = None
    usable: bool = True

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def valid(self) -> bool:
        return self.usable and not self.errors
