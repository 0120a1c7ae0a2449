"""What the Find and statistics pages read of the catalogue's pages: a view, so that they depend on this
interface and not on the class that orchestrates the build (mcds.portal.catalogue_pages.CataloguePages)."""

from __future__ import annotations

from typing import Any, Protocol

from mcds.portal.records import Words
from mcds.publish.gate import Catalogue


class CatalogueView(Protocol):
    catalogue: Catalogue
    organizations: dict[str, dict[str, Any]]
    reports_of: dict[str, list[dict[str, Any]]]  # microcredential id -> its outcome reports

    def name(self, t: Words, organization: str) -> dict[str, str]:
        """An organization's name in the language of `t`, or its identifier."""

    def browse_lists(self, t: Words) -> dict[str, list[tuple[str, str, list[dict[str, Any]]]]]:
        """The browse pages' lists by facet: (code, label, records)."""
