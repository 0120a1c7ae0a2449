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
