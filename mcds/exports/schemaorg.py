"""schema.org: each microcredential as an `EducationalOccupationalCredential` and the `Course` that leads to it,
with its offerings as `CourseInstance`s and its costs as `Offer`s, one graph per record.

schema.org has no language maps. Each text is written once per language as a value tagged with `@language`
(JSON-LD's own way to say a string's language), rather than as one node per language: the credential stays
one resource with one identifier, which is what it is, and a reader keeps the language it wants.

Which MCDS field fills which schema.org property comes from the compiled model's mappings; `PLACES` only
says which properties schema.org defines on each type this export writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mcds.exports.base import PORTAL_URL, Export, MappingReport, language_map, leave_the_rest, present
from mcds.exports.terms import term_for
from mcds.i18n import LANGUAGES
from mcds.standard import model

NAME = "schemaorg"
MEDIA_TYPE = "application/ld+json"
CONTEXT = "https://schema.org"

# The properties this export may write on each schema.org type (schema.org's domains, as CURIEs).
PLACES: dict[str, set[str]] = {
    "EducationalOccupationalCredential": {
        "schema:name", "schema:description", "schema:url", "schema:identifier", "schema:inLanguage",
        "schema:version", "schema:validFor", "schema:validIn", "schema:competencyRequired", "schema:image",
        "schema:keywords"},
    "Course": {
        "schema:name", "schema:description", "schema:url", "schema:inLanguage", "schema:teaches",
        "schema:timeRequired", "schema:coursePrerequisites", "schema:numberOfCredits", "schema:financialAidEligible",
        "schema:hasCourseInstance", "schema:offers", "schema:courseMode", "schema:provider", "schema:audience",
        "schema:courseCode", "schema:keywords", "schema:image"},
    "CourseInstance": {"schema:startDate", "schema:endDate", "schema:courseMode", "schema:inLanguage",
                       "schema:maximumAttendeeCapacity"},
    "Offer": {"schema:price"},
    "Organization": {"schema:name", "schema:url", "schema:email", "schema:description", "schema:taxID",
                     "schema:sameAs"},
    "PostalAddress": {"schema:streetAddress", "schema:postalCode", "schema:addressLocality", "schema:addressRegion"},
}

REASONS: dict[str, dict[str, str]] = {
    "exports.schemaorg.not_eligible": {
        "en": "schema.org can only name the aid a course is eligible for: this programme is not one",
        "fr": "schema.org ne peut nommer que l'aide à laquelle un cours est admissible : ce programme n'en est pas une",
    },
}


def tagged(text: dict[str, str] | None) -> list[dict[str, str]] | None:
    """Every language of a bilingual text as a value tagged with its language."""
    kept = language_map(text)
    return [{"@value": kept[lang], "@language": lang} for lang in LANGUAGES if lang in kept] if kept else None


def labels(enum: str, code: str) -> list[dict[str, str]]:
    """A code's title in every language, from the standard, tagged with its language."""
    return tagged({lang: model.label(enum, code, lang) for lang in LANGUAGES}) or []


def record_url(base_url: str, identifier: str) -> str:
    return f"{base_url.rstrip('/')}/en/catalogue/{identifier}/"


def _number(value: float | int) -> float | int:
    return int(value) if float(value).is_integer() else value


class _Writer:
    def __init__(self, document: dict[str, Any], base_url: str) -> None:
        self.base_url, self.report = base_url, MappingReport()
        self.organizations = {o["id"]: o for o in document.get("organizations", [])}

    def put(self, node: dict[str, Any], path: str, value: Any, handled: set[str],
            convert: Callable[[Any], Any] | None = None) -> bool:
        """Set the property of node's type that the model maps the field `path` to; say whether one was set."""
        class_name, name = path.split(".")
        handled.add(name)
        term = term_for(class_name, name, PLACES[node["@type"]])
        if term is None or not present(value):
            return False
        if convert is not None:
            value = convert(value)
        elif isinstance(value, dict) and set(value) <= set(LANGUAGES):
            value = tagged(value)
        if not present(value):
            return False
        node[term.partition(":")[2]] = value
        self.report.use(path, term)
        return True

    def fill(self, nodes: list[dict[str, Any]], record: dict[str, Any], class_name: str, names: list[str],
             handled: set[str], convert: dict[str, Callable[[Any], Any]] | None = None) -> None:
        for name in names:
            placed = [self.put(node, f"{class_name}.{name}", record.get(name), handled, (convert or {}).get(name))
                      for node in nodes]
            if present(record.get(name)) and not any(placed):
                self.report.leave(f"{class_name}.{name}", "exports.no_term")

    def organization(self, identifier: str) -> dict[str, Any]:
        found = self.organizations.get(identifier, {"id": identifier})
        node: dict[str, Any] = {"@type": "Organization", "@id": f"{self.base_url.rstrip('/')}/en/providers/{identifier}/",
                                "identifier": identifier}
        handled = {"id"}
        self.report.use("Organization.id", "schema:identifier")
        self.fill([node], found, "Organization", ["name", "homepage", "email", "description", "business_number",
                                                  "ror_id"], handled)
        address: dict[str, Any] = {"@type": "PostalAddress"}
        self.fill([address], found, "Organization", ["street_address", "postal_code", "locality"], handled)
        if len(address) > 1:
            node["address"] = address
        leave_the_rest(self.report, found, "Organization", handled)
        return node

    def offering(self, offering: dict[str, Any], mc_id: str) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": "CourseInstance", "@id": f"{record_url(self.base_url, mc_id)}#offering-{offering['code']}",
                                "identifier": offering["code"]}
        handled = {"code"}
        self.report.use("Offering.code", "schema:identifier")
        self.fill([node], offering, "Offering", ["start_date", "end_date", "language", "capacity"], handled)
        self.fill([node], offering, "Offering", ["delivery_mode"], handled,
                  {"delivery_mode": lambda code: labels("DeliveryModeEnum", code)})
        place: dict[str, Any] = {"@type": "PostalAddress"}
        self.fill([place], offering, "Offering", ["municipality"], handled)
        self.fill([place], offering, "Offering", ["province"], handled,
                  {"province": lambda code: code.removeprefix("CA-")})
        if len(place) > 1:
            node["location"] = {"@type": "Place", "address": place}
        if offering.get("online_url"):  # no mapping names schema.org here: a virtual location is where it is held
            handled.add("online_url")
            node["location"] = [loc for loc in (node.get("location"),) if loc] + [
                {"@type": "VirtualLocation", "url": offering["online_url"]}]
            self.report.use("Offering.online_url", "schema:location")
        leave_the_rest(self.report, offering, "Offering", handled)
        return node

    def offer(self, item: dict[str, Any]) -> dict[str, Any]:
        node: dict[str, Any] = {"@type": "Offer", "priceCurrency": "CAD", "category": labels("CostTypeEnum", item["cost_type"])}
        handled = {"cost_type"}
        self.report.use("CostItem.cost_type", "schema:category")
        self.fill([node], item, "CostItem", ["amount"], handled, {"amount": _number})
        leave_the_rest(self.report, item, "CostItem", handled)
        return node

    def funding(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        found = []
        for item in items:
            if item.get("eligibility_status") != "eligible":
                self.report.leave("FundingEligibility.eligibility_status", "exports.schemaorg.not_eligible")
                continue
            term = {"@type": "DefinedTerm", "name": labels("FundingProgrammeEnum", item["funding_programme"])}
            if item.get("source_url"):
                term["url"] = item["source_url"]
            found.append(term)
        return found

    def outcome(self, outcome: dict[str, Any]) -> dict[str, Any]:
        leave_the_rest(self.report, outcome, "LearningOutcome", {"code", "statement"})
        return {"@type": "DefinedTerm", "termCode": outcome["code"], "name": tagged(outcome["statement"])}

    def record(self, mc: dict[str, Any]) -> dict[str, Any]:
        url = record_url(self.base_url, mc["id"])
        credential: dict[str, Any] = {"@type": "EducationalOccupationalCredential", "@id": f"{url}#credential",
                                      "credentialCategory": {"@type": "DefinedTerm", "name": tagged(
                                          next(c for c in model.model()["classes"] if c["name"] == "Microcredential")["title"])}}
        course: dict[str, Any] = {"@type": "Course", "@id": f"{url}#course",
                                  "educationalCredentialAwarded": {"@id": credential["@id"]}}
        handled: set[str] = set()
        self.fill([credential, course], mc, "Microcredential",
                  ["id", "title", "description", "webpage", "languages", "record_version", "valid_for", "image",
                   "entry_requirements", "provider_course_code", "keywords"], handled)
        self.fill([credential, course], mc, "Microcredential", [
            "workload_hours", "credit_value", "delivery_modes", "target_groups", "valid_in", "learning_outcomes",
            "offerings", "cost_items", "funding_eligibilities", "offered_by"], handled, {
            "workload_hours": lambda hours: f"PT{_number(hours)}H",
            "credit_value": _number,
            "delivery_modes": lambda codes: [label for code in codes for label in labels("DeliveryModeEnum", code)],
            "target_groups": lambda codes: {"@type": "Audience", "audienceType": [
                label for code in codes for label in labels("TargetGroupEnum", code)]},
            "valid_in": lambda codes: [{"@type": "AdministrativeArea", "name": labels("ProvinceTerritoryEnum", code)
                                        if model.is_code("ProvinceTerritoryEnum", code) else code} for code in codes],
            "learning_outcomes": lambda outcomes: [self.outcome(o) for o in outcomes],
            "offerings": lambda offerings: [self.offering(o, mc["id"]) for o in offerings],
            "cost_items": lambda items: [self.offer(i) for i in items],
            "funding_eligibilities": self.funding,
            "offered_by": lambda ids: [self.organization(i) for i in ids],
        })
        if "provider" not in course:  # without an offering organization, the awarding bodies offer it
            handled.add("awarding_bodies")
            course["provider"] = [self.organization(i) for i in mc.get("awarding_bodies", [])]
            self.report.use("Microcredential.awarding_bodies", "schema:provider")
        if present(mc.get("accessibility_supports")):  # schema.org takes these from its own list of features
            handled.add("accessibility_supports")
            self.report.leave("Microcredential.accessibility_supports", "exports.no_concept")
        leave_the_rest(self.report, mc, "Microcredential", handled)
        return {"@context": CONTEXT, "@graph": [credential, course]}


def export(document: dict, *, lang: str = "en", base_url: str = PORTAL_URL) -> Export:
    """Every microcredential of a valid submission as schema.org JSON-LD, in both languages (so `lang`, which
    formats holding one language take, changes nothing here)."""
    writer = _Writer(document, base_url)
    records = {mc["id"]: writer.record(mc) for mc in document.get("microcredentials", [])}
    bulk = {"@context": CONTEXT, "@graph": [node for record in records.values() for node in record["@graph"]]}
    return Export(NAME, records, bulk, writer.report.sorted())
