"""ELM 3 JSON-LD for Europass: per microcredential a `LearningAchievementSpecification` and the
`LearningOpportunity` resources that offer it (one per offering, or one when no offering is listed), with their
`Organisation`, `LearningOutcome`, `PriceDetail` and `Grant` resources, as the learning-opportunity (LOQ) profile
asks and with the EU Annex I elements MCDS holds.

Terms come from the compiled model's mappings (`mcds.exports.terms`) where one exists; the LOQ properties no
mapping names (`elm:defaultLanguage`, `elm:providedBy`, the address structure) are set here. Languages, the
country and the currency are concepts of the EU Publications Office authority tables; a value with no European
concept (delivery modes, target groups, the learning setting, QA types...) is reported, never written as a bare
string. `elm:ISCEDFCode` is mandatory in LOQ, but MCDS records a CIP 2021 class and no CIP to ISCED-F crosswalk
exists in the project: it is reported as left out, not invented. Only eligible funding becomes an `elm:Grant`."""

from __future__ import annotations

from typing import Any

from mcds.exports.base import PORTAL_URL, Export, MappingReport, language_map
from mcds.exports.terms import class_term, prefixes, slot_term
from mcds.standard import model

NAME = "elm"
MEDIA_TYPE = "application/ld+json"
PREFIXES = ("elm", "dcterms", "foaf", "rov", "skos")
# Language-tagged properties, written as language maps ({"en": ..., "fr": ...}).
LANGUAGE_MAPS = ("dcterms:title", "dcterms:description", "rov:legalName", "elm:noteLiteral")
CONTEXT: dict[str, Any] = {**prefixes(*PREFIXES), **{term: {"@id": term, "@container": "@language"} for term in LANGUAGE_MAPS}}
AUTHORITY = "http://publications.europa.eu/resource/authority/"
# MCDS language codes that the EU language authority table names (ISO 639-2/B codes).
LANGUAGES = {"en": "ENG", "fr": "FRA"}
COUNTRY, CURRENCY = "CAN", "CAD"

REASONS = {
    "exports.elm.no_concept": {
        "en": "The value has no concept in the European vocabulary this ELM property requires, so it is left out "
              "rather than written as a bare string.",
        "fr": "La valeur n'a pas de concept dans le vocabulaire européen qu'exige cette propriété ELM : elle est "
              "omise plutôt qu'écrite comme simple chaîne.",
    },
    "exports.elm.no_iscedf_crosswalk": {
        "en": "ELM asks for an ISCED-F 2013 field of education; MCDS records a CIP 2021 class and the standard "
              "publishes no CIP to ISCED-F crosswalk, so no ISCED-F code is invented.",
        "fr": "ELM demande un domaine d'études ISCED-F 2013; la NPDM consigne une classe de la CPE 2021 et la norme "
              "ne publie aucune concordance entre la CPE et l'ISCED-F : aucun code ISCED-F n'est inventé.",
    },
    "exports.elm.not_eligible": {
        "en": "An ELM grant states funding that is available: a programme that is not eligible or under review is "
              "not published as a grant.",
        "fr": "Une subvention ELM indique un financement offert : un programme non admissible ou en cours d'examen "
              "n'est pas publié comme subvention.",
    },
    "exports.elm.no_term": {
        "en": "No mapping of the standard names an ELM term for this field.",
        "fr": "Aucune correspondance de la norme ne nomme de terme ELM pour ce champ.",
    },
    "exports.elm.no_outcome_data": {
        "en": "ELM describes learning opportunities and achievements, not aggregated outcome statistics.",
        "fr": "ELM décrit des occasions d'apprentissage et des acquis, pas des statistiques de résultats agrégées.",
    },
}
NO_CONCEPT, NO_ISCEDF, NOT_ELIGIBLE, NO_TERM, NO_OUTCOME_DATA = (
    "exports.elm.no_concept", "exports.elm.no_iscedf_crosswalk", "exports.elm.not_eligible", "exports.elm.no_term",
    "exports.elm.no_outcome_data")


def concept(table: str, code: str) -> dict[str, Any]:
    """A concept of an EU authority table (language, country, currency)."""
    return {"@id": f"{AUTHORITY}{table}/{code}", "@type": "skos:Concept", "skos:inScheme": {"@id": f"{AUTHORITY}{table}"}}


def web_resource(url: str) -> dict[str, Any]:
    return {"@type": "elm:WebResource", "elm:contentUrl": url}


def note(text: dict[str, str] | None) -> dict[str, Any] | None:
    found = language_map(text)
    return {"@type": "elm:Note", "elm:noteLiteral": found} if found else None


def both(enum: str, code: str) -> dict[str, str]:
    """MCDS's own title of a code in both languages."""
    return {lang: model.label(enum, code, lang) for lang in ("en", "fr")}


class _Builder:
    def __init__(self, document: dict[str, Any]) -> None:
        self.report = MappingReport()
        self.organizations = {o["id"]: o for o in document.get("organizations", [])}

    def term(self, cls: str, slot: str, kinds: tuple[str, ...] = ("exact", "close")) -> str | None:
        return next((t for prefix in PREFIXES if (t := slot_term(cls, slot, prefix, kinds))), None)

    def put(self, node: dict[str, Any], cls: str, slot: str, value: Any, *, kinds: tuple[str, ...] = ("exact", "close")) -> None:
        """Set the slot's ELM term on `node`, read from the model; report the field when no term is named."""
        if value in (None, "", [], {}):
            return
        term = self.term(cls, slot, kinds)
        if term is None:
            self.report.leave(f"{cls}.{slot}", NO_TERM)
            return
        node[term] = value
        self.report.use(f"{cls}.{slot}", term)

    def languages(self, path: str, codes: list[str]) -> list[dict[str, Any]]:
        found = []
        for code in codes:
            if code in LANGUAGES:
                found.append(concept("language", LANGUAGES[code]))
            else:
                self.report.leave(path, NO_CONCEPT)
        return found

    def no_concept(self, cls: str, obj: dict[str, Any], *slots: str) -> None:
        for slot in slots:
            if obj.get(slot) not in (None, "", []):
                self.report.leave(f"{cls}.{slot}", NO_CONCEPT)

    # Organisations ------------------------------------------------------------------------------------------

    @staticmethod
    def org_id(identifier: str) -> str:
        return f"_:organisation-{identifier}"

    def organisation(self, identifier: str) -> dict[str, Any]:
        cls = "Organization"
        org = self.organizations.get(identifier, {"id": identifier})
        node: dict[str, Any] = {"@id": self.org_id(identifier), "@type": class_term(cls, "elm", ("exact",))}
        self.report.use(f"{cls}.id", "@id")
        self.put(node, cls, "name", language_map(org.get("name")))
        self.put(node, cls, "description", language_map(org.get("description")))
        self.put(node, cls, "homepage", web_resource(org["homepage"]) if org.get("homepage") else None)
        if org.get("business_number"):
            self.put(node, cls, "business_number", {"@type": "elm:LegalIdentifier", "skos:notation": org["business_number"]})
        if org.get("email"):
            node["elm:contactPoint"] = [{"@type": "elm:ContactPoint",
                                         "elm:emailAddress": {"@id": f"mailto:{org['email']}", "@type": "elm:Mailbox"}}]
            self.report.use(f"{cls}.email", "elm:emailAddress")
        node["elm:location"] = [self.location(org)]
        self.no_concept(cls, org, "organization_types", "sector", "recognition_status")
        self.report.account(cls, org, NO_TERM)
        return node

    def location(self, org: dict[str, Any]) -> dict[str, Any]:
        """The organisation's address: the country (every MCDS province is in Canada) and the address as text."""
        address: dict[str, Any] = {"@type": "elm:Address"}
        if org.get("provinces"):
            address["elm:countryCode"] = concept("country", COUNTRY)
            self.report.use("Organization.provinces", "elm:countryCode")
        parts = [org.get("street_address"), org.get("locality"), org.get("postal_code")]
        province = (org.get("provinces") or [None])[0]
        text = {lang: ", ".join(p for p in [*parts, model.label("ProvinceTerritoryEnum", province, lang) if province else None] if p)
                for lang in ("en", "fr")}
        if any(parts):
            address["elm:fullAddress"] = note(text)
            for slot in ("street_address", "locality", "postal_code"):
                if org.get(slot):
                    self.report.use(f"Organization.{slot}", "elm:fullAddress")
        return {"@type": "dcterms:Location", "elm:address": [address]}

    # The specification --------------------------------------------------------------------------------------

    def specification(self, mc: dict[str, Any]) -> dict[str, Any]:
        cls = "Microcredential"
        node: dict[str, Any] = {"@id": f"_:specification-{mc['id']}", "@type": class_term(cls, "elm")}
        self.report.use(cls, node["@type"])
        self.report.use(f"{cls}.id", "@id")
        self.put(node, cls, "title", language_map(mc["title"]))
        self.put(node, cls, "description", language_map(mc["description"]))
        self.put(node, cls, "languages", self.languages(f"{cls}.languages", mc.get("languages", [])))
        self.put(node, cls, "learning_outcomes", [self.outcome(o) for o in mc.get("learning_outcomes", [])])
        self.put(node, cls, "workload_hours", f"PT{mc['workload_hours']:g}H")
        self.put(node, cls, "entry_requirements", note(mc.get("entry_requirements")))
        self.report.leave(f"{cls}.field_of_study", NO_ISCEDF)
        bodies = [{"@id": self.org_id(o)} for o in mc.get("awarding_bodies", [])]
        term = self.term(cls, "awarding_bodies")
        node["elm:awardingOpportunity"] = [{"@type": "elm:AwardingOpportunity", term: bodies}]
        self.report.use(f"{cls}.awarding_bodies", term)
        assessments = [self.assessment(a) for a in mc.get("assessments", [])]
        if assessments:
            node["elm:provenBy"] = assessments
            self.report.use(f"{cls}.assessments", "elm:provenBy")
        self.no_concept(cls, mc, "credit_value", "credit_unit", "learning_setting", "delivery_modes", "target_groups")
        for qa in mc.get("quality_assurances") or []:  # an elm:Accreditation needs a type concept MCDS lacks
            self.no_concept("QualityAssurance", qa, "qa_type")
        for alignment in mc.get("framework_alignments") or []:  # EQF/NQF levels are concepts; MCDS has text
            self.no_concept("FrameworkAlignment", alignment, "framework", "level")
        return node

    def outcome(self, outcome: dict[str, Any]) -> dict[str, Any]:
        cls = "LearningOutcome"
        node: dict[str, Any] = {"@type": "elm:LearningOutcome"}
        self.put(node, cls, "statement", language_map(outcome["statement"]))
        self.put(node, cls, "skill_references", [{"@id": url} for url in outcome.get("skill_references") or []])
        self.no_concept(cls, outcome, "outcome_type", "outcome_skills")
        self.report.account(cls, outcome, NO_TERM)
        return node

    def assessment(self, assessment: dict[str, Any]) -> dict[str, Any]:
        """An assessment as a LearningAssessmentSpecification titled with MCDS's own names of its methods."""
        cls = "Assessment"
        methods = assessment.get("assessment_methods", [])
        node: dict[str, Any] = {"@type": class_term(cls, "elm"),
                                "dcterms:title": {lang: ", ".join(model.label("AssessmentMethodEnum", m, lang) for m in methods)
                                                  for lang in ("en", "fr")}}
        self.report.use(f"{cls}.assessment_methods", "dcterms:title")
        self.put(node, cls, "description", language_map(assessment.get("description")))
        self.no_concept(cls, assessment, "supervision", "grading_scheme")
        self.report.account(cls, assessment, NO_TERM)
        return node

    # The opportunities --------------------------------------------------------------------------------------

    def opportunities(self, mc: dict[str, Any], specification: dict[str, Any]) -> list[dict[str, Any]]:
        cls = "Microcredential"
        provider = (mc.get("offered_by") or mc.get("awarding_bodies"))[0]
        self.report.use(f"{cls}.{'offered_by' if mc.get('offered_by') else 'awarding_bodies'}", "elm:providedBy")
        common: dict[str, Any] = {"@type": class_term("Offering", "elm"), "elm:providedBy": {"@id": self.org_id(provider)},
                                  "elm:learningAchievementSpecification": {"@id": specification["@id"]}}
        self.put(common, cls, "title", language_map(mc["title"]))
        self.put(common, cls, "description", language_map(mc["description"]))
        self.put(common, cls, "webpage", web_resource(mc["webpage"]))
        self.put(common, cls, "duration_weeks", f"P{mc['duration_weeks']}W")
        # The classes map (CostItem to elm:PriceDetail, FundingEligibility to elm:Grant); the properties that
        # reach them from a LearningOpportunity are ELM's structure.
        for slot, term, nodes in (("cost_items", "elm:priceDetail", [self.price(i) for i in mc.get("cost_items", [])]),
                                  ("funding_eligibilities", "elm:grant", self.grants(mc.get("funding_eligibilities") or []))):
            if nodes:
                common[term] = nodes
                self.report.use(f"{cls}.{slot}", term)
        offerings = mc.get("offerings") or [None]
        found = []
        for offering in offerings:
            node = {"@id": f"_:opportunity-{mc['id']}" + (f"-{offering['code']}" if offering else ""), **common}
            language = (offering or {}).get("language") or mc["languages"][0]
            default = self.languages("Offering.language" if offering and offering.get("language") else f"{cls}.languages", [language])
            if default:
                node["elm:defaultLanguage"] = default[0]
            if offering:
                self.offering(node, offering)
            found.append(node)
        return found

    def offering(self, node: dict[str, Any], offering: dict[str, Any]) -> None:
        cls = "Offering"
        self.report.use(f"{cls}.code", "@id")
        period = {f"elm:{slot.replace('_d', 'D')}": offering[slot] for slot in ("start_date", "end_date") if offering.get(slot)}
        if period:
            node["dcterms:temporal"] = {"@type": "dcterms:PeriodOfTime", **period}
            for slot in ("start_date", "end_date"):
                if offering.get(slot):
                    self.report.use(f"{cls}.{slot}", "dcterms:temporal")
        if offering.get("application_deadline"):
            self.put(node, cls, "application_deadline", f"{offering['application_deadline']}T00:00:00")
        if offering.get("language"):
            self.report.use(f"{cls}.language", "elm:defaultLanguage")
        if offering.get("municipality") or offering.get("province"):
            text = {lang: ", ".join(p for p in (offering.get("municipality"),
                                                model.label("ProvinceTerritoryEnum", offering["province"], lang) if offering.get("province") else None) if p)
                    for lang in ("en", "fr")}
            node["elm:location"] = [{"@type": "dcterms:Location", "elm:address": [
                {"@type": "elm:Address", "elm:countryCode": concept("country", COUNTRY), "elm:fullAddress": note(text)}]}]
            for slot in ("municipality", "province"):
                if offering.get(slot):
                    self.report.use(f"{cls}.{slot}", "elm:location")
        self.no_concept(cls, offering, "delivery_mode", "schedule")
        self.report.account(cls, offering, NO_TERM)

    def price(self, item: dict[str, Any]) -> dict[str, Any]:
        cls = "CostItem"
        node: dict[str, Any] = {"@type": class_term(cls, "elm"),
                                "dcterms:title": {lang: f"{model.label('CostTypeEnum', item['cost_type'], lang)} "
                                                        f"({model.label('ResidencyEnum', item['residency'], lang)})" for lang in ("en", "fr")}}
        for slot in ("cost_type", "residency"):
            self.report.use(f"{cls}.{slot}", "dcterms:title")
        self.put(node, cls, "amount", {"@type": "elm:Amount", "elm:value": item["amount"], "elm:unit": concept("currency", CURRENCY)})
        self.report.account(cls, item, NO_TERM)
        return node

    def grants(self, eligibilities: list[dict[str, Any]]) -> list[dict[str, Any]]:
        cls = "FundingEligibility"
        found = []
        for item in eligibilities:
            if item.get("eligibility_status") != "eligible":
                for slot in ("eligibility_status", "funding_programme"):
                    self.report.leave(f"{cls}.{slot}", NOT_ELIGIBLE)
                continue
            grant: dict[str, Any] = {"@type": class_term(cls, "elm"), "dcterms:title": both("FundingProgrammeEnum", item["funding_programme"])}
            for slot in ("funding_programme", "eligibility_status"):
                self.report.use(f"{cls}.{slot}", "elm:grant")
            if language_map(item.get("conditions")):
                grant["dcterms:description"] = language_map(item["conditions"])
                self.report.use(f"{cls}.conditions", "dcterms:description")
            if item.get("source_url"):
                grant["foaf:homepage"] = web_resource(item["source_url"])
                self.report.use(f"{cls}.source_url", "foaf:homepage")
            self.report.account(cls, item, NO_TERM)
            found.append(grant)
        return found


def export(document: dict, *, lang: str = "en", base_url: str = PORTAL_URL) -> Export:
    """The submission as ELM: one record per microcredential and the whole submission as one graph. ELM holds both
    languages (language maps), so `lang` changes nothing; `base_url` is not used for its identifiers."""
    builder = _Builder(document)
    records: dict[str, dict] = {}
    everything: dict[str, dict[str, Any]] = {}
    for mc in document.get("microcredentials", []):
        specification = builder.specification(mc)
        opportunities = builder.opportunities(mc, specification)
        builder.report.account("Microcredential", mc, NO_TERM)
        referenced = dict.fromkeys([*(mc.get("offered_by") or []), *mc.get("awarding_bodies", [])])
        graph = [*opportunities, specification, *(builder.organisation(o) for o in referenced)]
        records[mc["id"]] = {"@context": CONTEXT, "@graph": graph}
        everything.update({node["@id"]: node for node in graph})
    for report in document.get("outcome_reports", []):
        builder.report.account("OutcomeReport", report, NO_OUTCOME_DATA)
    bulk = {"@context": CONTEXT, "@graph": [everything[key] for key in sorted(everything)]}
    return Export(NAME, records, bulk, builder.report.sorted())
