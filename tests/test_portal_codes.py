"""Guards how a record page shows its classification codes: each NOC, CIP and NAICS code with its official
title, the French NOC title on French pages, and, where Statistics Canada publishes no French title (CIP 2021,
NAICS 2022 below the sectors), the English title marked lang="en" on French pages; such a title counts as not
yet bilingual in the statistics page's bilingual-completeness measure.

Why: a French page that shows an English title without saying so is read with French pronunciation by a screen
reader (WCAG 3.1.2), and a measure that counted it as French would overstate how bilingual the catalogue is.
The pages are rendered straight from a gathered catalogue, without a full portal build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mcds.portal.catalogue_pages import CataloguePages
from mcds.portal.records import Words
from mcds.publish.gate import gather

VALID = Path(__file__).parent / "data" / "submissions" / "valid" / "cegep-trois-lacs"
WELDING = "cegep-trois-lacs.soudage-robotise-cellules"  # CIP 48.0508, NOC 72106, NAICS 332|3361, partner 3323


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CataloguePages:
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "data"))  # no installed table
    shutil.copytree(VALID, tmp_path / "submissions" / "cegep-trois-lacs")
    return CataloguePages(gather(tmp_path / "submissions"))


def record(pages: CataloguePages, lang: str, identifier: str = WELDING) -> str:
    [(submission, mc)] = [(s, mc) for s, mc in pages.catalogue.microcredentials() if mc["id"] == identifier]
    return pages._record(Words(lang), submission, mc, "https://example.org/").content


def test_an_english_page_shows_every_code_with_its_official_title(pages: CataloguePages) -> None:
    html = record(pages, "en")
    assert "<li>72106 — Welders and related machine operators</li>" in html
    assert "48.0508 — Welding technology/welder" in html
    assert "<li>332 — Fabricated metal product manufacturing</li>" in html
    assert "3323 — Architectural and structural metals manufacturing" in html, "the partner's industry"
    assert 'lang="en"' not in html.split('<h2 id="at-a-glance">')[1].split("</dl>")[0]


def test_a_french_page_shows_the_official_french_noc_title_and_marks_english_titles(pages: CataloguePages) -> None:
    html = record(pages, "fr")
    assert "<li>72106 — Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser</li>" in html
    assert '48.0508 — <span lang="en">Welding technology/welder</span>' in html
    assert '<li>332 — <span lang="en">Fabricated metal product manufacturing</span></li>' in html
    assert '3323 — <span lang="en">Architectural and structural metals manufacturing</span>' in html


def test_a_naics_sector_keeps_the_french_title_the_schema_gives_it() -> None:
    french = Words("fr").coded("naics", "62")
    assert french["lang"] == "fr" and french["title"] and french["title"] != Words("en").coded("naics", "62")["title"]
