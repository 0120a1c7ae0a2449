"""Guards the crosswalk: every external term MCDS points to exists, under the right namespace, and the JSON-LD
context turns codes into the concepts they stand for.

- Every CURIE of the schema (class and slot URIs, exact/close/related/narrow/broad mappings, value meanings)
  whose prefix has a term list in `schema/vocabularies/` names a term of that list. The lists are derived from
  the vocabularies' own files (see the README there), so a made-up term such as `elm:title` fails, as a copy
  of the schema with it proves.
- Every CURIE's prefix has a term list (only `mcds:` is exempt), so a new vocabulary cannot slip in unchecked.
- Every prefix a module declares for one of these vocabularies expands to its official namespace IRI.
- A real JSON-LD 1.1 processor expands a sample submission with the generated context: a delivery mode, a
  cost type and a "not eligible" funding status become the expected IRIs, not strings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import GENERATED_DIR, ROOT, SCHEMA_DIR, SCHEMA_FILE
from pyld import jsonld

from mcds.evolution.diff import compile_schema
from mcds.publish.gate import read_document

VOCABULARIES_DIR = SCHEMA_DIR / "vocabularies"
CTDL_VOCABS = "https://purl.org/ctdl/vocabs/"
# The namespace IRI each vocabulary publishes (the same as schema/vocabularies/README.md gives).
OFFICIAL = {
    "ceterms": "https://purl.org/ctdl/terms/",
    "qdata": "https://credreg.net/qdata/terms/",
    "obv3": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#",
    "elm": "http://data.europa.eu/snb/model/elm/",
    "schema": "http://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rov": "http://www.w3.org/ns/regorg#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    **{scheme: f"{CTDL_VOCABS}{scheme}/" for scheme in (
        "agentSector", "assessMethod", "audience", "costType", "credentialStat", "deliveryType", "residency",
        "scheduleFrequency")},
}
OWN_PREFIXES = {"mcds"}
SAMPLE = ROOT / "datapackages" / "cegep-du-val-des-cedres"


def term_lists() -> dict[str, frozenset[str]]:
    return {path.stem: frozenset(path.read_text(encoding="utf-8").split())
            for path in sorted(VOCABULARIES_DIR.glob("*.txt"))}


def curies(model: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, CURIE) for every external reference of a compiled model."""
    def mapped(where: str, element: dict[str, Any]) -> Iterator[tuple[str, str]]:
        if element.get("uri"):
            yield where, element["uri"]
        for kind, targets in (element.get("mappings") or {}).items():
            for target in targets:
                yield f"{where} ({kind})", target

    for cls in model["classes"]:
        yield from mapped(cls["name"], cls)
        for slot in cls["slots"]:
            yield from mapped(f"{cls['name']}.{slot['name']}", slot)
    for enum in model["enums"]:
        yield from mapped(enum["name"], enum)
        for value in enum["values"]:
            if value.get("meaning"):
                yield f"{enum['name']}.{value['code']} (meaning)", value["meaning"]


def unknown_terms(model: dict[str, Any], lists: dict[str, frozenset[str]]) -> list[str]:
    problems = []
    for where, curie in curies(model):
        prefix, _, term = curie.partition(":")
        if prefix in OWN_PREFIXES:
            continue
        if prefix not in lists:
            problems.append(f"{where}: {curie} (no term list for {prefix}: in schema/vocabularies/)")
        elif term not in lists[prefix]:
            problems.append(f"{where}: {curie} is not a term of {prefix}")
    return sorted(set(problems))


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    """The schema as it is in the YAML files, compiled (not the generated copy, which may be stale)."""
    return compile_schema(SCHEMA_FILE)


def test_the_term_lists_are_sorted_unique_and_not_empty():
    lists = term_lists()
    assert set(OFFICIAL) <= set(lists), "a vocabulary has no term list in schema/vocabularies/"
    for name in lists:
        names = (VOCABULARIES_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        assert names, name
        assert names == sorted(set(names)), f"{name}.txt must be sorted, one term per line, no duplicates"


def test_every_mapped_term_exists_in_its_vocabulary(model):
    assert not unknown_terms(model, term_lists())


def test_the_check_sees_every_kind_of_reference(model):
    found = {where.rpartition(" ")[2] for where, _ in curies(model)}
    assert {"(exact)", "(close)", "(related)", "(narrow)", "(broad)", "(meaning)"} <= found
    assert ("Organization", "schema:Organization") in set(curies(model))


def test_a_made_up_term_fails(tmp_path):
    for path in SCHEMA_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    common = yaml.safe_load((tmp_path / "common.yaml").read_text(encoding="utf-8"))
    common["slots"]["title"]["exact_mappings"].append("elm:title")
    (tmp_path / "common.yaml").write_text(yaml.safe_dump(common, sort_keys=False, allow_unicode=True),
                                          encoding="utf-8")
    problems = unknown_terms(compile_schema(tmp_path / "mcds.yaml"), term_lists())
    assert problems and all("elm:title is not a term of elm" in problem for problem in problems), problems


@pytest.mark.parametrize("module", sorted(SCHEMA_DIR.glob("*.yaml")), ids=lambda path: path.name)
def test_prefixes_expand_to_the_official_namespaces(module):
    declared = yaml.safe_load(module.read_text(encoding="utf-8")).get("prefixes") or {}
    wrong = {prefix: iri for prefix, iri in declared.items() if prefix in OFFICIAL and iri != OFFICIAL[prefix]}
    assert not wrong, f"{module.name}: expected {({p: OFFICIAL[p] for p in wrong})}"


def test_the_root_schema_declares_every_prefix_the_crosswalk_uses(model):
    used = {curie.partition(":")[0] for _, curie in curies(model)}
    assert used - set(model["prefixes"]) == set()


# ---------------------------------------------------------------------------------------------- JSON-LD

def _no_network(url: str, options: Any = None) -> None:
    raise AssertionError(f"the JSON-LD expansion tried to load {url}")


@pytest.fixture(scope="module")
def expanded() -> list[dict[str, Any]]:
    document = read_document(SAMPLE)
    context = json.loads((GENERATED_DIR / "mcds.context.jsonld").read_text(encoding="utf-8"))
    document["@context"] = context["@context"]
    return jsonld.expand(document, {"documentLoader": _no_network})


MCDS = "https://w3id.org/mcds/"
CETERMS = OFFICIAL["ceterms"]


def _microcredential(expanded: list[dict[str, Any]], slug: str) -> dict[str, Any]:
    found = [node for node in expanded[0][f"{MCDS}microcredentials"] if node["@id"].endswith(slug)]
    assert len(found) == 1, slug
    return found[0]


def test_delivery_modes_expand_to_ctdl_delivery_types(expanded):
    microcredential = _microcredential(expanded, "operations-entrepot-automatise")
    delivery = microcredential[f"{CETERMS}learningDeliveryType"]
    assert delivery == [{"@id": f"{CTDL_VOCABS}deliveryType/BlendedDelivery"}]


def test_cost_types_expand_to_ctdl_cost_types_and_residency(expanded):
    costs = _microcredential(expanded, "operations-entrepot-automatise")[f"{CETERMS}estimatedCost"]
    first = costs[0]
    assert first[f"{CETERMS}directCostType"] == [{"@id": f"{CTDL_VOCABS}costType/Tuition"}]
    assert first[f"{CETERMS}residencyType"] == [{"@id": f"{CTDL_VOCABS}residency/InState"}]


def test_not_eligible_is_stated_as_an_iri_of_its_own(expanded):
    funding = _microcredential(expanded, "operations-entrepot-automatise")[f"{CETERMS}financialAssistance"]
    statuses = [entry[f"{MCDS}eligibility_status"] for entry in funding]
    assert [{"@id": f"{MCDS}EligibilityStatusEnum/not_eligible"}] in statuses
    assert all(status != [{"@value": "not_eligible"}] for status in statuses)


# ---------------------------------------------------------------------------------------------- portal page

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_crosswalk_page_links_every_mapping_to_its_full_iri_with_its_strength(lang):
    from mcds.portal.reference import Pages
    from mcds.portal.reference_model import load_standard

    page = Pages(load_standard(GENERATED_DIR), lang).crosswalk_page_text()
    words = {"en": ("the element's own URI", "exact", "close", "related", "narrower", "broader"),
             "fr": ("l'URI propre de l'élément", "exacte", "proche", "connexe", "plus étroite", "plus large")}[lang]
    links = re.findall(r"\[`([A-Za-z][A-Za-z0-9]*):([A-Za-z0-9_]+)`\]\(([^)]+)\) \(([^)]+)\)", page)
    assert links
    for prefix, term, target, _ in links:
        assert target == OFFICIAL.get(prefix, MCDS) + term, (prefix, term, target)
    assert {kind for *_, kind in links} == set(words)
    assert ("dcterms", "title") in {(prefix, term) for prefix, term, *_ in links}
    assert "DCMI Metadata Terms" in page and "CTDL QData" in page
