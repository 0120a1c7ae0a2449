"""Guards the ELM 3 export (mcds/exports/elm.py) against the Europass learning-opportunity (LOQ) profile and the
EU Annex I elements, on every sample submission:
- LearningOpportunity: dcterms:title, elm:defaultLanguage (an EU language concept), elm:providedBy (an
  Organisation of the same graph) and foaf:homepage (a WebResource), as LOQ makes them mandatory;
- LearningAchievementSpecification: dcterms:title, dcterms:language and at least one elm:learningOutcome;
  elm:ISCEDFCode is never invented from a CIP class but reported as left out, with its reason;
- Organisation: rov:legalName and elm:location;
- Annex I: title, awarding body, learning outcomes, notional workload, type of assessment, prerequisites,
  further information and the issuer's country are carried when the submission has them;
- only eligible funding becomes an elm:Grant; prices are Amounts in Canadian dollars (EU currency concept);
- text is a language map keyed "en"/"fr"; every term exists in schema/vocabularies; every field is accounted for;
- pyld expands each record with its own inline context, offline, without losing a value.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from linked_data_support import SAMPLES, expands_without_loss, nodes, sample, unknown_terms, walk

from mcds.exports import elm
from mcds.exports.base import fields

AUTHORITY = "http://publications.europa.eu/resource/authority/"
PREFIXES = {"elm", "dcterms", "foaf", "rov", "skos"}


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 10


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.name for p in SAMPLES])
def exported(request: pytest.FixtureRequest) -> tuple[dict[str, Any], elm.Export]:
    document = sample(request.param)
    return document, elm.export(document)


def language_map(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"en", "fr"} and all(
        isinstance(v, str) and v.strip() for v in value.values())


def is_concept(value: Any, table: str) -> bool:
    return isinstance(value, dict) and value["@id"].startswith(f"{AUTHORITY}{table}/") and value["@type"] == "skos:Concept"


def test_one_record_per_microcredential(exported) -> None:
    document, export = exported
    assert export.format == elm.NAME == "elm" and elm.MEDIA_TYPE == "application/ld+json"
    assert set(export.records) == {mc["id"] for mc in document["microcredentials"]}
    for record in [*export.records.values(), export.bulk]:
        ids = [node["@id"] for node in record["@graph"]]
        assert len(ids) == len(set(ids))


def test_learning_opportunities_have_the_loq_mandatory_properties(exported) -> None:
    document, export = exported
    for mc in document["microcredentials"]:
        record = export.records[mc["id"]]
        graph = {node["@id"]: node for node in record["@graph"]}
        opportunities = nodes(record, "elm:LearningOpportunity")
        assert len(opportunities) == max(1, len(mc.get("offerings") or []))
        for opportunity in opportunities:
            assert language_map(opportunity["dcterms:title"])
            assert graph[opportunity["elm:providedBy"]["@id"]]["@type"] == "elm:Organisation"
            assert opportunity["foaf:homepage"]["elm:contentUrl"] == mc["webpage"]
            assert graph[opportunity["elm:learningAchievementSpecification"]["@id"]]["@type"] == "elm:LearningAchievementSpecification"
            if "elm:defaultLanguage" in opportunity:
                assert is_concept(opportunity["elm:defaultLanguage"], "language")
            else:  # a language the EU table does not name is reported, not written as a string
                assert any(reason == "exports.elm.no_concept" and path.endswith(("languages", "language"))
                           for path, reason in export.report.left_out)


def test_specifications_have_the_loq_mandatory_properties(exported) -> None:
    document, export = exported
    for mc in document["microcredentials"]:
        (specification,) = nodes(export.records[mc["id"]], "elm:LearningAchievementSpecification")
        assert language_map(specification["dcterms:title"]) and language_map(specification["dcterms:description"])
        assert all(is_concept(language, "language") for language in specification.get("dcterms:language", []))
        outcomes = specification["elm:learningOutcome"]
        assert len(outcomes) == len(mc["learning_outcomes"]) >= 1
        assert all(o["@type"] == "elm:LearningOutcome" and language_map(o["dcterms:title"]) for o in outcomes)
        assert "elm:ISCEDFCode" not in specification
    assert ("Microcredential.field_of_study", "exports.elm.no_iscedf_crosswalk") in export.report.left_out


def test_organisations_have_a_legal_name_and_a_location(exported) -> None:
    _document, export = exported
    for organisation in nodes(export.bulk, "elm:Organisation"):
        assert language_map(organisation["rov:legalName"])
        assert organisation["elm:location"][0]["@type"] == "dcterms:Location"


def test_annex_i_elements_are_carried(exported) -> None:
    document, export = exported
    organisations = {node["@id"]: node for node in nodes(export.bulk, "elm:Organisation")}
    for mc in document["microcredentials"]:
        (specification,) = nodes(export.records[mc["id"]], "elm:LearningAchievementSpecification")
        bodies = specification["elm:awardingOpportunity"][0]["elm:awardingBody"]
        assert len(bodies) == len(mc["awarding_bodies"])
        assert specification["elm:volumeOfLearning"].startswith("PT") and specification["elm:volumeOfLearning"].endswith("H")
        assert len(specification["elm:provenBy"]) == len(mc["assessments"])
        assert all(language_map(a["dcterms:title"]) for a in specification["elm:provenBy"])
        if mc.get("entry_requirements"):
            assert language_map(specification["elm:entryRequirement"]["elm:noteLiteral"])
        for body in bodies:  # the country of the awarding body, when its provinces are given
            organisation = organisations[body["@id"]]
            address = organisation["elm:location"][0]["elm:address"][0]
            identifier = body["@id"].removeprefix("_:organisation-")
            org = next((o for o in document["organizations"] if o["id"] == identifier), {})
            if org.get("provinces"):
                assert is_concept(address["elm:countryCode"], "country")


def test_prices_and_grants(exported) -> None:
    document, export = exported
    for mc in document["microcredentials"]:
        opportunity = nodes(export.records[mc["id"]], "elm:LearningOpportunity")[0]
        prices = opportunity["elm:priceDetail"]
        assert len(prices) == len(mc["cost_items"])
        for price, item in zip(prices, mc["cost_items"], strict=True):
            assert price["@type"] == "elm:PriceDetail" and price["elm:amount"]["elm:value"] == item["amount"]
            assert price["elm:amount"]["elm:unit"]["@id"] == f"{AUTHORITY}currency/CAD"
        eligible = [f for f in mc.get("funding_eligibilities") or [] if f["eligibility_status"] == "eligible"]
        grants = opportunity.get("elm:grant", [])
        assert len(grants) == len(eligible) and all(g["@type"] == "elm:Grant" for g in grants)


def test_not_eligible_funding_is_reported_not_a_grant() -> None:
    document = copy.deepcopy(sample(SAMPLES[0]))
    mc = document["microcredentials"][0]
    mc["funding_eligibilities"] = [{"funding_programme": "osap_microcredentials", "eligibility_status": "under_review"}]
    export = elm.export(document)
    assert all("elm:grant" not in o for o in nodes(export.records[mc["id"]], "elm:LearningOpportunity"))
    assert ("FundingEligibility.eligibility_status", "exports.elm.not_eligible") in export.report.left_out


def test_text_is_given_as_language_maps(exported) -> None:
    _document, export = exported
    for node in walk(export.bulk["@graph"]):
        for term in elm.LANGUAGE_MAPS:
            if term in node:
                assert language_map(node[term]), (term, node[term])


def test_every_term_exists_in_its_vocabulary(exported) -> None:
    _document, export = exported
    assert not unknown_terms(export.bulk, PREFIXES, elm.LANGUAGE_MAPS)


def test_every_field_is_accounted_for_with_a_bilingual_reason(exported) -> None:
    document, export = exported
    accounted = {path for path, _ in export.report.used} | {path for path, _ in export.report.left_out}
    every = {path for mc in document["microcredentials"] for path in fields("Microcredential", mc)}
    every |= {path for report in document.get("outcome_reports", []) for path in fields("OutcomeReport", report)}
    assert every <= accounted, sorted(every - accounted)
    for _path, reason in export.report.left_out:
        assert set(elm.REASONS[reason]) == {"en", "fr"} and all(elm.REASONS[reason].values())


def test_pyld_expands_every_record_without_loss(exported) -> None:
    _document, export = exported
    for record in export.records.values():
        expanded = expands_without_loss(record, record["@context"])
        types = {t for node in walk(expanded) for t in node.get("@type", []) if isinstance(t, str)}
        assert "http://data.europa.eu/snb/model/elm/LearningAchievementSpecification" in types
