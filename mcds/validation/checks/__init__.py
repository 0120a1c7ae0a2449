"""MCDS' own checks (layers 2 and 3), one module each, run by Frictionless beside its built-in checks."""

from __future__ import annotations

from mcds.validation.checks import (
    alignment,
    bilingual,
    codes,
    dates,
    deprecated,
    duplicates,
    formulas,
    geography,
    identifiers,
    languages,
    observations,
    plausibility,
    privacy,
    profiles,
    quality,
    references,
    submission,
    urls,
)
from mcds.validation.checks.base import McdsCellError, McdsCheck, McdsRowError

MODULES = (references, identifiers, bilingual, dates, plausibility, codes, duplicates, urls, observations, privacy,
           formulas, deprecated, quality, submission, alignment, languages, geography, profiles)


def all_check_classes() -> list[type[McdsCheck]]:
    return [cls for module in MODULES for cls in module.CHECKS]


def all_error_classes() -> list[type[McdsCellError] | type[McdsRowError]]:
    return [error for check in all_check_classes() for error in check.Errors]
