"""The home page's catalogue first: "Find a microcredential" with a keyword box and a province choice (a plain
form to the Find page, so it works without JavaScript), the catalogue's counts and shortcuts to Find already
filtered. Everything is counted from the published catalogue when the site is built.

The links use the Find page's own address parameters (mcds/portal/find.py FACETS, docs/assets/javascripts/find.js):
`text`, `sort` and one parameter per facet holding its codes.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urlencode

from mcds.portal.find import COST_BUCKETS
from mcds.portal.records import Words, domestic_cost, provinces_of
from mcds.portal.views import CatalogueView
from mcds.portal.words import word
from mcds.standard import model
from mcds.util.templates import environment

MARKER = "<!-- mcds:find -->"  # where docs/<lang>/index.md takes the catalogue's block
FIND = "catalogue/"  # the Find page, from the language's root
# Shortcut -> (Find facet, the codes that answer it, whether a record has one of them).
ONLINE = ("online_synchronous", "online_asynchronous")
STUDENT_AID = ("osap_microcredentials", "provincial_student_aid")  # the student aid programmes of FundingProgrammeEnum
UNDER_500 = tuple(name for name, low, _ in COST_BUCKETS if low < 500)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def _eligible(mc: dict[str, Any]) -> set[str]:
    return {f["funding_programme"] for f in mc.get("funding_eligibilities", []) if f["eligibility_status"] == "eligible"}


def link(**facets: tuple[str, ...] | str) -> str:
    """The Find page's address with these parameters (a tuple gives one parameter per code)."""
    pairs = [(name, code) for name, codes in facets.items() for code in ((codes,) if isinstance(codes, str) else codes)]
    return FIND + ("?" + urlencode(pairs) if pairs else "")


def context(view: CatalogueView, lang: str) -> dict[str, Any]:
    """What the block shows, counted from the catalogue."""
    records = [mc for _, mc in view.catalogue.microcredentials()]
    provinces: dict[str, int] = {}
    occupations: dict[str, int] = {}
    for mc in records:
        for code in provinces_of(mc, view.organizations):
            provinces[code] = provinces.get(code, 0) + 1
        for broad in sorted({code[0] for code in mc.get("occupations", [])}):
            occupations[broad] = occupations.get(broad, 0) + 1
    shortcuts = [
        (word("home.online", lang), link(delivery=ONLINE), sum(bool(set(mc["delivery_modes"]) & set(ONLINE)) for mc in records)),
        (word("home.under_500", lang), link(cost=UNDER_500), sum(domestic_cost(mc) < 500 for mc in records)),
        (word("home.student_aid", lang), link(funding=STUDENT_AID), sum(bool(_eligible(mc) & set(STUDENT_AID)) for mc in records)),
    ]
    return {
        "counts": {"records": len(records), "providers": len(view.catalogue.published), "provinces": len(provinces)},
        "provinces": sorted(((code, model.label("ProvinceTerritoryEnum", code, lang), n) for code, n in provinces.items()),
                            key=lambda item: (_fold(item[1]), item[0])),
        "shortcuts": [(text, href, n) for text, href, n in shortcuts if n],
        "occupations": [(model.label("NocBroadCategoryEnum", code, lang), link(noc=code), n)
                        for code, n in sorted(occupations.items())],
    }


def block(view: CatalogueView | None, lang: str) -> str:
    """The catalogue's block of the home page, as HTML for the Markdown page (empty without a catalogue)."""
    if view is None:
        return ""
    keys = ("find", "home.lead", "home.keywords", "home.keywords.hint", "home.province", "home.province.any",
            "home.submit", "home.shortcuts", "home.occupations", "home.counts.records", "home.counts.providers",
            "home.counts.provinces", "home.counts.records.one", "home.counts.providers.one",
            "home.counts.provinces.one", "home.counts")
    words = {key: word(key, lang) for key in keys}
    return environment("mcds.portal", html=True).get_template("catalogue/home.html.j2").render(
        words=words, find=FIND, number=Words(lang).number, **context(view, lang))


def fill(text: str, view: CatalogueView | None, lang: str) -> str:
    """The hand-written home page with the catalogue's block in place of its marker."""
    return text.replace(MARKER, block(view, lang), 1)
