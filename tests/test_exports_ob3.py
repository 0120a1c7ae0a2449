"""Guards the Open Badges 3.0 export (mcds.exports.ob3) against the OB 3.0 specification, on every sample:

- one Achievement per microcredential, with what OB 3.0 requires (id as an https IRI, type, name,
  description, criteria with an id or a narrative) and the single values it allows (one name, one
  inLanguage, one creator Profile with its own id...), achievementType MicroCredential;
- the requested language only, and the report saying the other one is left out;
- alignments only with a targetName and a targetUrl, as OB 3.0 requires;
- every term and type it writes exists in schema/vocabularies, and a JSON-LD processor expands each record
  without dropping a property (the official context is not loaded: no network; the test builds the same
  term-to-IRI table offline from the exporter's TERMS);
- every field the report says was exported went to a term the compiled model maps it to, except an explicit
  list of structural choices, and every field of a record is either exported or reported left out.
"""

from __future__ import annotations

import re

import pytest
from exports_support import SAMPLES, document, exists, expanded_without_loss
from pyld import jsonld

from mcds.exports import ob3
from mcds.exports.terms import iri, targets
from mcds.i18n import t

SINGLE = ("name", "description", "inLanguage", "fieldOfStudy", "version", "humanCode", "achievementType")
# Fields the exporter places by OB 3.0's structure rather than by a mapping, and why.
STRUCTURAL = {
    ("Microcredential.id", "obv3:Achievement"): "the record's identity becomes the achievement's id",
    ("Microcredential.criteria_url", "obv3:Criteria"): "the criteria's id (the model relates the two)",
    ("Microcredential.webpage", "obv3:Criteria"): "criteria are required: the record's page when none is given",
    ("Microcredential.ctid", "obv3:otherIdentifier"): "an identifier OB 3.0 has no own property for",
    ("Microcredential.provider_course_code", "obv3:otherIdentifier"): "also given as an identifier entry",
    ("LearningOutcome.skill_references", "obv3:alignment"): "a skill's address is an alignment's target",
}
IDENTIFIER_TYPE = re.compile(r"^(ext:[A-Za-z0-9._-]+|name|sourcedId|systemId|productId|identifier)$")


def test_there_are_samples():
    assert len(SAMPLES) >= 5


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name)
def sample(request):
    return request.param, document(request.param)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_achievement_has_what_ob3_requires(sample, lang):
    _, doc = sample
    result = ob3.export(doc, lang=lang)
    assert set(result.records) == {mc["id"] for mc in doc["microcredentials"]}
    for mc in doc["microcredentials"]:
        record = result.records[mc["id"]]
        assert record["@context"] == "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        assert record["id"].startswith("https://") and mc["id"] in record["id"]
        assert "Achievement" in record["type"] and record["achievementType"] == "MicroCredential"
        assert record["name"] == mc["title"][lang] and record["description"] == mc["description"][lang]
        assert record["criteria"].get("id") or record["criteria"].get("narrative")
        for key in SINGLE:
            assert key not in record or isinstance(record[key], str), key
        assert record["inLanguage"] in mc["languages"]
        if "creditsAvailable" in record:
            assert isinstance(record["creditsAvailable"], (int, float))
        creator = record["creator"]
        assert creator["id"].startswith("https://") and "Profile" in creator["type"] and isinstance(creator["name"], str)
        for alignment in record.get("alignment", []):
            assert alignment["targetName"] and alignment["targetUrl"].startswith(("http://", "https://"))
        for entry in record.get("otherIdentifier", []):
            assert entry["type"] == "IdentifierEntry" and entry["identifier"]
            assert IDENTIFIER_TYPE.match(entry["identifierType"])
        assert all(isinstance(tag, str) and tag for tag in record.get("tag", []))
        if "image" in record:
            assert record["image"]["type"] == "Image" and record["image"]["id"].startswith("https://")
    assert [node["id"] for node in result.bulk["@graph"]] == [r["id"] for r in result.records.values()]


def test_the_other_language_is_reported_left_out(sample):
    _, doc = sample
    report = ob3.export(doc, lang="fr").report
    assert ("Microcredential.title@en", "exports.ob3.other_language") in report.left_out
    assert ("Microcredential.title", "schema:name") in report.used


def test_every_term_and_type_exists():
    for terms in ob3.TERMS.values():
        assert all(exists(curie) for curie in terms.values()), terms
    assert all(exists(curie) for curie in ob3.TYPES.values())


def _inline_context() -> tuple[dict, dict]:
    iri_of = {term: iri(curie) for terms in ob3.TERMS.values() for term, curie in terms.items()}
    context = {"id": "@id", "type": "@type", **{term: {"@id": iri} for term, iri in iri_of.items()},
               **{name: {"@id": iri(curie)} for name, curie in ob3.TYPES.items()}}
    return context, iri_of


def _keys(node, found):
    if isinstance(node, dict):
        found |= set(node)
        for value in node.values():
            _keys(value, found)
    elif isinstance(node, list):
        for value in node:
            _keys(value, found)
    return found


def test_a_jsonld_processor_expands_every_record_without_loss(sample):
    _, doc = sample
    context, iri_of = _inline_context()
    for record in ob3.export(doc).records.values():
        assert _keys(record, set()) - {"@context", "id", "type"} <= set(iri_of)
        compact = {**record, "@context": context}
        expanded = jsonld.expand(compact)
        assert len(expanded) == 1 and iri("obv3:Achievement") in expanded[0]["@type"]
        assert expanded_without_loss(compact, expanded[0], iri_of) == []


def test_exported_fields_go_where_the_model_maps_them(sample):
    _, doc = sample
    report = ob3.export(doc).report
    for path, term in report.used:
        class_name, name = path.split(".")
        assert term in targets(class_name, name) or (path, term) in STRUCTURAL, (path, term)
        assert exists(term), term


def test_nothing_is_dropped_silently(sample):
    _, doc = sample
    report = ob3.export(doc).report
    reported = {path.split("@")[0] for path, _ in report.used + report.left_out}
    for mc in doc["microcredentials"]:
        assert {f"Microcredential.{name}" for name, value in mc.items() if value not in (None, [], "")} <= reported
    for _, reason in report.left_out:
        assert t(reason, "en") and t(reason, "fr")


def test_the_structural_list_is_still_needed():
    used = {pair for sample in SAMPLES for pair in ob3.export(document(sample)).report.used}
    assert {pair for pair in STRUCTURAL if pair[0] != "LearningOutcome.skill_references"} <= used


def test_a_skill_address_becomes_an_alignment_and_a_framework_without_one_is_reported():
    doc = document(SAMPLES[0])
    mc = {**doc["microcredentials"][0]}
    outcome = {**mc["learning_outcomes"][0], "skill_references": ["https://example.org/skills/welding"]}
    mc["learning_outcomes"] = [outcome]
    result = ob3.export({**doc, "microcredentials": [mc]}, lang="fr")
    (alignment,) = result.records[mc["id"]]["alignment"]
    assert alignment == {"type": ["Alignment"], "targetName": outcome["statement"]["fr"],
                         "targetUrl": "https://example.org/skills/welding", "targetCode": outcome["code"]}
    assert ("LearningOutcome.skill_references", "obv3:alignment") in result.report.used
    if mc.get("framework_alignments"):
        assert ("Microcredential.framework_alignments", "exports.ob3.needs_url") in result.report.left_out
