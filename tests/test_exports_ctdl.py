"""Guards the CTDL export (mcds/exports/ctdl.py) against what the Credential Engine Registry requires.

Written from CTDL and the Registry's minimum data policy, on every sample submission:
- each record is a `@graph` whose first node is a `ceterms:MicroCredential` with the required properties
  (name, description of at least 15 characters, ownedBy, subjectWebpage, inLanguage, credentialStatusType where
  the status has a concept), its CTID and registry IRI when the submission gives one;
- owners and offerers are `ceterms:CredentialOrganization` nodes of the same graph, with name and CTID;
- text is a language map keyed "en"/"fr"; coded values are CredentialAlignmentObjects pointing to a concept of
  the right CTDL concept scheme, never bare strings; classifications carry their framework name and code;
- funding that is not eligible never becomes `ceterms:financialAssistance`, and is reported;
- every term used exists in schema/vocabularies, and every field of the submission is accounted for;
- pyld expands each record, with an inline context of the model's prefixes, without losing a value.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from linked_data_support import (
    SAMPLES,
    expands_without_loss,
    inline_context,
    sample,
    term_lists,
    unknown_terms,
    walk,
)

from mcds.exports import ctdl
from mcds.exports.base import fields

LANGUAGE_MAPS = ("ceterms:name", "ceterms:description", "ceterms:targetNodeName", "ceterms:targetNodeDescription",
                 "ceterms:frameworkName", "ceterms:keyword", "ceterms:streetAddress", "ceterms:addressLocality",
                 "qdata:dataSuppressionPolicy", "ceterms:identifierTypeName")
# CTDL properties whose values are concepts of a scheme: given as alignment objects pointing to it.
CONCEPT_SCHEMES = {"ceterms:credentialStatusType": "credentialStat", "ceterms:learningDeliveryType": "deliveryType",
                   "ceterms:deliveryType": "deliveryType", "ceterms:audienceType": "audience",
                   "ceterms:directCostType": "costType", "ceterms:residencyType": "residency",
                   "ceterms:agentSectorType": "agentSector", "ceterms:scheduleFrequencyType": "scheduleFrequency"}
CLASSIFIED = {"ceterms:occupationType": "NOC 2021", "ceterms:instructionalProgramType": "CIP 2021",
              "ceterms:industryType": "NAICS 2022"}
VOCABS = "https://purl.org/ctdl/vocabs/"
CTID = re.compile(r"ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PREFIXES = {"ceterms", "qdata", "schema"}


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 10


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.name for p in SAMPLES])
def exported(request: pytest.FixtureRequest) -> tuple[dict[str, Any], ctdl.Export]:
    document = sample(request.param)
    return document, ctdl.export(document)


def language_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"en", "fr"} and all(
        (isinstance(v, str) and v.strip()) or (isinstance(v, list) and v and all(isinstance(w, str) and w for w in v))
        for v in value.values())


def test_one_record_per_microcredential_in_the_registry_graph_form(exported) -> None:
    document, export = exported
    assert export.format == ctdl.NAME == "ctdl" and ctdl.MEDIA_TYPE == "application/ld+json"
    assert set(export.records) == {mc["id"] for mc in document["microcredentials"]}
    for record in [*export.records.values(), export.bulk]:
        assert record["@context"] == "https://credreg.net/ctdl/schema/context/json"
        assert isinstance(record["@graph"], list) and record["@graph"]
        ids = [node["@id"] for node in record["@graph"]]
        assert len(ids) == len(set(ids)), "a node appears twice in a graph"


def test_every_microcredential_has_the_required_properties(exported) -> None:
    document, export = exported
    for mc in document["microcredentials"]:
        record = export.records[mc["id"]]
        credential = record["@graph"][0]
        assert credential["@type"] == "ceterms:MicroCredential" and record["@id"] == credential["@id"]
        for term in ("ceterms:name", "ceterms:description"):
            assert language_map(credential[term]), term
        assert all(len(text) >= 15 for text in credential["ceterms:description"].values())
        assert credential["ceterms:subjectWebpage"].startswith("https://")
        assert credential["ceterms:inLanguage"] and all(isinstance(code, str) for code in credential["ceterms:inLanguage"])
        if mc.get("ctid"):
            assert CTID.fullmatch(credential["ceterms:ctid"])
            assert credential["@id"] == f"https://credentialengineregistry.org/resources/{mc['ctid']}"
        if mc["status"] == "active":
            assert credential["ceterms:credentialStatusType"]["ceterms:targetNode"] == f"{VOCABS}credentialStat/Active"
        else:
            assert "ceterms:credentialStatusType" not in credential
        graph = {node["@id"]: node for node in record["@graph"]}
        for relation in ("ceterms:ownedBy", "ceterms:offeredBy"):
            for reference in credential.get(relation, []):
                owner = graph[reference["@id"]]
                assert owner["@type"] == "ceterms:CredentialOrganization" and language_map(owner["ceterms:name"])
        assert len(credential["ceterms:ownedBy"]) == len(mc["awarding_bodies"])


def test_coded_values_are_concepts_of_the_right_scheme(exported) -> None:
    _document, export = exported
    lists = term_lists()
    for node in walk(export.bulk["@graph"]):
        for term, scheme in CONCEPT_SCHEMES.items():
            if term not in node:
                continue
            for alignment in node[term] if isinstance(node[term], list) else [node[term]]:
                assert isinstance(alignment, dict) and alignment["@type"] == "ceterms:CredentialAlignmentObject", term
                target = alignment["ceterms:targetNode"]
                assert target.startswith(f"{VOCABS}{scheme}/") and target.rsplit("/", 1)[1] in lists[scheme], target
        for term, framework in CLASSIFIED.items():
            for alignment in node.get(term, []):
                assert alignment["ceterms:frameworkName"]["en"] == framework and alignment["ceterms:codedNotation"]


def test_costs_are_cost_profiles_in_canadian_dollars(exported) -> None:
    document, export = exported
    for mc in document["microcredentials"]:
        costs = export.records[mc["id"]]["@graph"][0]["ceterms:estimatedCost"]
        assert len(costs) == len(mc["cost_items"])
        for profile, item in zip(costs, mc["cost_items"], strict=True):
            assert profile["@type"] == "ceterms:CostProfile" and profile["ceterms:currency"] == "CAD"
            assert profile["ceterms:price"] == item["amount"] and language_map(profile["ceterms:description"])


def test_only_eligible_funding_is_financial_assistance(exported) -> None:
    document, export = exported
    for mc in document["microcredentials"]:
        eligible = [f for f in mc.get("funding_eligibilities") or [] if f["eligibility_status"] == "eligible"]
        assert len(export.records[mc["id"]]["@graph"][0].get("ceterms:financialAssistance", [])) == len(eligible)


def test_not_eligible_funding_is_reported_not_published() -> None:
    document = copy.deepcopy(sample(SAMPLES[0]))
    mc = document["microcredentials"][0]
    mc["funding_eligibilities"] = [{"funding_programme": "osap_microcredentials", "eligibility_status": "not_eligible"}]
    export = ctdl.export(document)
    assert "ceterms:financialAssistance" not in export.records[mc["id"]]["@graph"][0]
    assert ("FundingEligibility.eligibility_status", "exports.ctdl.not_eligible") in export.report.left_out


def test_text_is_given_as_language_maps(exported) -> None:
    _document, export = exported
    for node in walk(export.bulk["@graph"]):
        for term in LANGUAGE_MAPS:
            if term in node and term != "ceterms:targetNodeName":
                assert language_map(node[term]), (term, node[term])
            elif term in node:  # a classification title is in the language Statistics Canada publishes it in
                assert language_map(node[term])


def test_every_term_exists_in_its_vocabulary(exported) -> None:
    _document, export = exported
    assert not unknown_terms(export.bulk, PREFIXES, LANGUAGE_MAPS)
    assert not {term for _, term in export.report.used if term != "@id" and term.partition(":")[2] not in term_lists()[term.partition(":")[0]]}


def test_every_field_is_accounted_for_with_a_bilingual_reason(exported) -> None:
    document, export = exported
    accounted = {path for path, _ in export.report.used} | {path for path, _ in export.report.left_out}
    every = {path for mc in document["microcredentials"] for path in fields("Microcredential", mc)}
    every |= {path for report in document.get("outcome_reports", []) for path in fields("OutcomeReport", report)}
    assert every <= accounted, sorted(every - accounted)
    for _path, reason in export.report.left_out:
        assert set(ctdl.REASONS[reason]) == {"en", "fr"} and all(ctdl.REASONS[reason].values())


def test_status_without_a_concept_is_reported() -> None:
    document = copy.deepcopy(sample(SAMPLES[0]))
    document["microcredentials"][0]["status"] = "ceasing"
    export = ctdl.export(document)
    assert ("Microcredential.status", "exports.ctdl.no_concept") in export.report.left_out


def test_pyld_expands_every_record_without_loss(exported) -> None:
    _document, export = exported
    context = inline_context(LANGUAGE_MAPS, "ceterms", "qdata", "schema")
    for record in export.records.values():
        expanded = expands_without_loss(record, context)
        types = {t for node in walk(expanded) for t in node.get("@type", []) if isinstance(t, str)}
        assert "https://purl.org/ctdl/terms/MicroCredential" in types


def test_the_loss_check_notices_a_dropped_property() -> None:
    record = copy.deepcopy(next(iter(ctdl.export(sample(SAMPLES[0])).records.values())))
    record["@graph"][0]["name"] = "a term no context defines, which expansion drops"
    with pytest.raises(AssertionError, match="lost"):
        expands_without_loss(record, inline_context(LANGUAGE_MAPS, "ceterms", "qdata", "schema"))


def test_the_export_is_the_same_whether_meanings_come_as_curies_or_iris(monkeypatch: pytest.MonkeyPatch) -> None:
    """`meaning` gives the model's CURIE today; a full IRI must give the same document."""
    from mcds.exports import base
    from mcds.exports.terms import iri

    document = sample(SAMPLES[0])
    before = ctdl.export(document)
    monkeypatch.setattr(ctdl, "meaning", lambda enum, code: iri(found) if (found := base.meaning(enum, code)) else None)
    after = ctdl.export(document)
    assert after.bulk == before.bulk and after.report == before.report
