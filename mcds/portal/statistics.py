"""Bilingual completeness per provider, as the statistics page measured it (on four text fields, the learning
outcomes and the classification titles). The dashboard (mcds.portal.dashboard) no longer shows it: it links to
the data-quality pages, which measure every text field; this stays until they replace it."""

from __future__ import annotations

from typing import Any

from mcds.portal.records import Words
from mcds.portal.views import CatalogueView

TEXT_FIELDS = ("title", "description", "entry_requirements", "labour_market_evidence")


def bilingual_completeness(pages: CatalogueView) -> dict[str, float]:
    """Share of each provider's texts given in both languages: the text fields of its microcredentials and their
    learning outcomes, and the official title of each classification code they show (a CIP or NAICS code whose
    title exists only in English is shown in English on French pages, so it is not yet bilingual)."""
    french = Words("fr")
    shares = {}
    for submission in pages.catalogue.published:
        both = total = 0
        for mc in submission.document.get("microcredentials", []):
            texts = [mc.get(name) for name in TEXT_FIELDS] + [o.get("statement") for o in mc.get("learning_outcomes", [])]
            for text in filter(None, texts):
                total += 1
                both += bool(text.get("en") and text.get("fr"))
            for kind, code in _codes(mc):
                total += 1
                both += french.coded(kind, code)["lang"] == "fr"
        if total:
            shares[submission.provider] = both / total
    return shares


def _codes(mc: dict[str, Any]) -> list[tuple[str, str]]:
    """The classification codes a record page shows with their titles."""
    found = [("cip", mc["field_of_study"])] if mc.get("field_of_study") else []
    found += [("noc", code) for code in mc.get("occupations", [])] + [("naics", code) for code in mc.get("industries", [])]
    return found + [("naics", e["partner_industry"]) for e in mc.get("employer_engagements", []) if e.get("partner_industry")]
