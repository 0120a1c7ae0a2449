"""The four exports on the synthetic national catalogue (`mcds synth`), not only on the hand-made samples:
every microcredential becomes a record, every filled field is accounted for in the mapping report, every term
the report names exists in its vocabulary, and the same submission exports to the same bytes twice."""

from __future__ import annotations

import json
from typing import Any

import pytest
from linked_data_support import term_lists

from mcds.devtools import synth
from mcds.exports import FORMATS
from mcds.exports.base import fields
from mcds.publish.gate import read_document, sources
from mcds.standard import model
from mcds.validation import validate


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("synth")
    synth.write(out, providers=3, microcredentials=30, observations=300, seed=14)
    folders = sources(out)
    assert len(folders) == 3
    for folder in folders:
        assert validate(folder).valid, folder
    return [read_document(folder) for folder in folders]


def _paths(document: dict[str, Any]) -> set[str]:
    return {path for mc in document["microcredentials"] for path in fields("Microcredential", mc)}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_synthetic_microcredential_is_exported_and_every_field_accounted_for(documents, name: str) -> None:
    ranges = {cls["name"]: {slot["name"]: slot["range"] for slot in cls["slots"]} for cls in model.model()["classes"]}
    for document in documents:
        result = FORMATS[name].export(document)
        assert sorted(result.records) == sorted(mc["id"] for mc in document["microcredentials"])
        reported = {path.split("@")[0] for path, _ in result.report.used} | \
            {path.split("@")[0] for path, _ in result.report.left_out}
        # A format may report a whole list of parts at once ("Microcredential.assessments" left out): that
        # accounts for every field of those parts.
        whole = {ranges[cls][slot] for cls, _, slot in (path.partition(".") for path in reported)
                 if slot in ranges.get(cls, {}) and ranges[cls][slot] in ranges}
        missing = {path for path in _paths(document) if path not in reported and path.partition(".")[0] not in whole}
        assert not missing, f"{name}: fields neither exported nor reported as left out: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_term_a_synthetic_export_reports_exists(documents, name: str) -> None:
    lists = term_lists()
    unknown = set()
    for document in documents:
        for _, term in FORMATS[name].export(document).report.used:
            prefix, colon, local = term.partition(":")
            if colon and not local.startswith("//") and prefix in lists and local not in lists[prefix]:
                unknown.add(term)
    assert not unknown, f"{name}: terms that their vocabulary does not define: {sorted(unknown)}"


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_a_synthetic_export_is_the_same_twice(documents, name: str) -> None:
    first = json.dumps(FORMATS[name].export(documents[0]).bulk, sort_keys=True)
    assert json.dumps(FORMATS[name].export(documents[0]).bulk, sort_keys=True) == first


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_crosswalk_page_shows_every_term_the_exporters_write(lang: str) -> None:
    """The crosswalk cannot disagree with the exports: every term an exporter writes for a field of a sample is
    on the page, as a mapping marked exported or in the table of the formats' structural terms."""
    from mcds.portal.exports_page import exported_terms
    from mcds.portal.reference import CROSSWALK, render_reference
    from mcds.portal.reference_model import load_standard
    from mcds.portal.words import word
    from mcds.standard import paths

    page = render_reference(load_standard(paths.GENERATED_DIR), lang)[CROSSWALK]
    structural = page.split("{#structural}", 1)[1]
    mark = word("crosswalk.exported", lang)
    missing = []
    for path, formats in exported_terms(paths.SUBMISSIONS_DIR).items():
        for term in {term for terms in formats.values() for term in terms}:
            as_mapping = f"[`{term}`]("
            in_table = f"| `{path}` |" in structural and f"[`{term}`](" in structural
            marked = any(as_mapping in line and mark in line for line in page.splitlines())
            if not (in_table or marked):
                missing.append((path, term))
    assert not missing, f"terms the exporters write that the {lang} crosswalk does not show: {missing[:10]}"
    assert "| `FundingEligibility.funding_programme` |" in structural  # a profile's name: structure, not mapping
