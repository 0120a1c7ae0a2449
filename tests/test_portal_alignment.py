"""Guards what a record page shows of strategy alignments, structured labour-market evidence, recognitions and
validity, in both languages.

Why: these blocks answer Q5 and the employer-recognition part of Q1 for a reader of the portal; a block that
silently disappears, or shows codes instead of their labels, hides the answer. The page is rendered directly
from the one sample that uses every element (the complete example as a data package), without building the
whole site, which tests/test_portal_catalogue.py does.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from mcds.portal.catalogue_pages import CataloguePages
from mcds.portal.records import Words
from mcds.publish.gate import gather

PACKAGE = ROOT / "tests" / "data" / "submissions" / "valid" / "cegep-trois-lacs"
WELDING = "cegep-trois-lacs.soudage-robotise-cellules"
WOUND_CARE = "cegep-trois-lacs.soins-plaies-complexes"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> CataloguePages:
    submissions = tmp_path_factory.mktemp("submissions")
    shutil.copytree(PACKAGE, submissions / PACKAGE.name)
    catalogue = gather(submissions)
    assert [s.provider for s in catalogue.published] == ["cegep-trois-lacs"]
    return CataloguePages(catalogue)


def record(pages: CataloguePages, identifier: str, lang: str) -> str:
    submission, mc = next((s, m) for s, m in pages.catalogue.microcredentials() if m["id"] == identifier)
    return pages._record(Words(lang), submission, mc, "https://example.org/").content


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Strategy alignments", "Regional development", "Quebec", "MRC des Trois-Lacs", "2470",
            "332 — Fabricated metal product manufacturing", "Labour-market evidence (structured)", "Employer committee or advisory",
            "Government labour-market outlook", "72106 — ", "asserted by government"]),
    ("fr", ["Alignements sur des stratégies", "Développement régional", "Québec",
            '332 — <span lang="en">Fabricated metal product manufacturing</span>', "72106 — Soudeurs/soudeuses",
            "Preuves du marché du travail (structurées)", "Comité ou avis d&#39;employeurs", "affirmé par gouvernement"]),
])
def test_strategy_and_evidence_blocks_show_labels(pages: CataloguePages, lang: str, expected: list[str]) -> None:
    page = record(pages, WELDING, lang)
    missing = [text for text in expected if text not in page]
    assert not missing, f"{lang} record page of {WELDING} lacks {missing}"
    assert 'id="strategies"' in page and "strategies-table-caption" in page and "evidence-table-caption" in page


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["Recognitions", "Promotion or classification", "Valid for", "3 years", "Valid in", "Quebec",
            "Trois-Lacs Integrated Health and Social Services Centre", "Recognition evidence"]),
    ("fr", ["Reconnaissances", "Promotion ou classification", "Valide pendant", "3 ans", "Valide en", "Québec",
            "Centre intégré de santé et de services sociaux des Trois-Lacs", "Preuve de la reconnaissance"]),
])
def test_recognition_block_shows_who_recognizes_for_what_and_validity(pages: CataloguePages, lang: str,
                                                                      expected: list[str]) -> None:
    page = record(pages, WOUND_CARE, lang)
    missing = [text for text in expected if text not in page]
    assert not missing, f"{lang} record page of {WOUND_CARE} lacks {missing}"
    assert "promotion_or_classification" not in page  # the label, never the code


def test_a_record_without_them_has_no_empty_blocks(pages: CataloguePages) -> None:
    page = record(pages, "cegep-trois-lacs.analyse-donnees-python", "en")
    for anchor in ('id="strategies"', 'id="recognitions"', "evidence-table-caption"):
        assert anchor not in page


@pytest.mark.parametrize(("duration", "en", "fr"), [
    ("P3Y", "3 years", "3 ans"), ("P1Y", "1 year", "1 an"), ("P18M", "18 months", "18 mois"),
    ("P1Y6M", "1 year and 6 months", "1 an et 6 mois"),
])
def test_validity_periods_read_as_words(duration: str, en: str, fr: str) -> None:
    assert (Words("en").validity(duration), Words("fr").validity(duration)) == (en, fr)


def test_jurisdiction_codes_read_as_names() -> None:
    assert [Words("fr").jurisdiction(code) for code in ("CA", "CA-QC", "CA-NT")] == \
        ["Canada", "Québec", "Territoires du Nord-Ouest"]



def test_json_ld_carries_validity_on_the_credential(pages: CataloguePages) -> None:
    page = record(pages, WOUND_CARE, "fr")
    assert '"validFor": "P3Y"' in page
    assert '"validIn": [{"@type": "AdministrativeArea", "name": "Québec"}]' in page
