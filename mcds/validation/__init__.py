"""Validation of provider submissions: `validate(path)` returns a Report of located, bilingual findings."""

from mcds.validation.engine import validate
from mcds.validation.findings import Finding, Report

__all__ = ["Finding", "Report", "validate"]
