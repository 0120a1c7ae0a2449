"""Guards the schema.org export (mcds.exports.schemaorg) on every sample:

- one graph per record holding one EducationalOccupationalCredential and the Course that awards it, with
  offerings as CourseInstances and costs as Offers (a price as a number, in CAD);
- both languages, each text tagged with its @language (schema.org has no language maps);
- value types schema.org expects: ISO 8601 durations and dates, numbers, and no bare MCDS code where a
  label or a concept belongs;
- every type and property it writes exists in schema/vocabularies/schema.txt, sits on a type the exporter's
  PLACES allow, and a JSON-LD processor expands each record without dropping one (the schema.org context is
  not loaded, no network: an inline context with schema.org as vocabulary stands for it);
- exported fields go to the terms the compiled model maps them to (except an explicit structural list), and
  every field of a record is exported or reported left out.
"""

from __future__ import annotations

import re

import pytest
from exports_support import SAMPLES, document, exists, expanded_without_loss
from pyld import jsonld

from mcds.exports import schemaorg
from mcds.exports.terms import targets
from mcds.i18n import LANGUAGES, t
from mcds.standard import model

VOCAB = "http://schema.org/"
DURATION = re.compile(r"^P(T\d+(\.\d+)?H|\d+[YMWD])")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STRUCTURAL = {
    ("Microcredential.awarding_bodies", "schema:provider"): "the awarding bodies offer it when no one else does",
    ("CostItem.cost_type", "schema:category"): "an offer's category is what the cost is for (a label)",
    ("Offering.online_url", "schema:location"): "an online offering's place is its address",
    ("Organization.id", "schema:identifier"): "identifiers of every node",
    ("Offering.code", "schema:identifier"): "identifiers of every node",
}


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name)
def sample(request):
    return request.param, document(request.param)


def _nodes(node):
    if isinstance(node, dict):
        if "@type" in node:
            yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_every_record_is_a_credential_and_the_course_that_awards_it(sample):
    _, doc = sample
    result = schemaorg.export(doc)
    assert set(result.records) == {mc["id"] for mc in doc["microcredentials"]}
    for mc in doc["microcredentials"]:
        record = result.records[mc["id"]]
        assert record["@context"] == "https://schema.org"
        credential, course = record["@graph"]
        assert credential["@type"] == "EducationalOccupationalCredential" and course["@type"] == "Course"
        assert course["educationalCredentialAwarded"] == {"@id": credential["@id"]}
        assert credential["identifier"] == mc["id"] and credential["url"] == mc["webpage"]
        for node in (credential, course):
            assert {value["@language"]: value["@value"] for value in node["name"]} == {
                lang: mc["title"][lang] for lang in LANGUAGES if mc["title"].get(lang)}
        assert DURATION.match(course["timeRequired"])
        assert course["provider"] and all(p["@type"] == "Organization" for p in course["provider"])
        for offer in course["offers"]:
            assert isinstance(offer["price"], (int, float)) and offer["priceCurrency"] == "CAD"
        for instance in course.get("hasCourseInstance", []):
            assert instance["@type"] == "CourseInstance"
            assert all(DATE.match(instance[key]) for key in ("startDate", "endDate") if key in instance)
    assert len(result.bulk["@graph"]) == 2 * len(result.records)


def test_no_bare_code_where_a_label_belongs(sample):
    _, doc = sample
    codes = {code for name in ("DeliveryModeEnum", "CostTypeEnum", "TargetGroupEnum") for code in model.codes(name)}
    for record in schemaorg.export(doc).records.values():
        for node in _nodes(record):
            for key in ("courseMode", "category", "audienceType"):
                for value in node.get(key, []):
                    assert isinstance(value, dict) and value["@language"] in LANGUAGES and value["@value"] not in codes


def test_every_type_and_property_exists_and_sits_where_schemaorg_allows(sample):
    _, doc = sample
    allowed = {name: {curie.partition(":")[2] for curie in terms} for name, terms in schemaorg.PLACES.items()}
    for record in schemaorg.export(doc).records.values():
        for node in _nodes(record):
            assert exists(f"schema:{node['@type']}"), node["@type"]
            for key in node:
                if not key.startswith("@"):
                    assert exists(f"schema:{key}"), key
            if node["@type"] in allowed:
                extra = {"educationalCredentialAwarded", "credentialCategory", "identifier", "address", "location",
                         "priceCurrency", "category"}
                assert {k for k in node if not k.startswith("@")} <= allowed[node["@type"]] | extra


def test_a_jsonld_processor_expands_every_record_without_loss(sample):
    _, doc = sample
    for record in schemaorg.export(doc).records.values():
        compact = {**record, "@context": {"@vocab": VOCAB}}
        expanded = jsonld.expand(compact)
        by_type = {node["@type"][0].removeprefix(VOCAB): node for node in expanded}
        assert set(by_type) == {"EducationalOccupationalCredential", "Course"}
        keys = {key for node in _nodes(record) for key in node if not key.startswith("@")}
        iri_of = {key: VOCAB + key for key in keys}
        for node in record["@graph"]:
            assert expanded_without_loss(node, by_type[node["@type"]], iri_of) == []
        names = by_type["Course"][VOCAB + "name"]
        assert {value["@language"] for value in names} <= set(LANGUAGES)


def test_exported_fields_go_where_the_model_maps_them(sample):
    _, doc = sample
    for path, term in schemaorg.export(doc).report.used:
        class_name, name = path.split(".")
        assert term in targets(class_name, name) or (path, term) in STRUCTURAL, (path, term)
        assert exists(term), term


def test_nothing_is_dropped_silently(sample):
    _, doc = sample
    report = schemaorg.export(doc).report
    reported = {path for path, _ in report.used + report.left_out}
    for mc in doc["microcredentials"]:
        assert {f"Microcredential.{name}" for name, value in mc.items() if value not in (None, [], "")} <= reported
    assert ("Microcredential.accessibility_supports", "exports.no_concept") in report.left_out or not any(
        mc.get("accessibility_supports") for mc in doc["microcredentials"])
    for _, reason in report.left_out:
        assert t(reason, "en") and t(reason, "fr")
