"""CTDL JSON-LD for the Credential Engine Registry: a `@graph` with one `ceterms:MicroCredential` per
microcredential, the organizations that own and offer it, its costs, offerings, conditions and outcome data.

Terms come from the compiled model's URIs and mappings (`mcds.exports.terms`); this module only says where
each one nests. Coded values become CredentialAlignmentObjects whose `ceterms:targetNode` is the value's
concept; a value with no concept is reported, never published as a bare string. A funding programme that is not
eligible (or under review) is not published as `ceterms:financialAssistance`, which would read as "assistance
is available"."""

from __future__ import annotations

from typing import Any

from mcds.exports.base import PORTAL_URL, Export, MappingReport, language_map, meaning
from mcds.exports.terms import class_term, curie, iri, slot_term
from mcds.standard import classifications, model

NAME = "ctdl"
MEDIA_TYPE = "application/ld+json"
CONTEXT = "https://credreg.net/ctdl/schema/context/json"
RESOURCES = "https://credentialengineregistry.org/resources/"
CURRENCY = "CAD"
P = "ceterms"
# Classifications given as alignment objects: the framework name comes from the shipped tables.
CLASSIFIED = {"occupations": "noc", "field_of_study": "cip", "industries": "naics"}
# Coded slots whose CTDL property takes a CredentialAlignmentObject pointing to a concept.
# Slots of a microcredential written as they are (text as language maps) under their own CTDL term.
PLAIN = ("ctid", "title", "description", "webpage", "languages", "date_effective", "is_non_credit")
CONCEPTS = {"status": "CredentialStatusEnum", "delivery_modes": "DeliveryModeEnum", "target_groups": "TargetGroupEnum"}

REASONS = {
    "exports.ctdl.no_concept": {
        "en": "The value has no concept in the CTDL concept scheme this property requires, so it is not published "
              "as a bare string.",
        "fr": "La valeur n'a pas de concept dans le schème de concepts CTDL qu'exige cette propriété : elle n'est "
              "pas publiée comme simple chaîne.",
    },
    "exports.ctdl.not_eligible": {
        "en": "Not eligible or under review: CTDL financial assistance means that assistance is available, so only "
              "eligible programmes are published.",
        "fr": "Non admissible ou en cours d'examen : en CTDL, une aide financière signifie que l'aide est offerte; "
              "seuls les programmes admissibles sont publiés.",
    },
    "exports.ctdl.no_term": {
        "en": "No mapping of the standard names a CTDL term for this field.",
        "fr": "Aucune correspondance de la norme ne nomme de terme CTDL pour ce champ.",
    },
    "exports.ctdl.not_on_class": {
        "en": "The CTDL term the mapping names is not a property of the CTDL class this field belongs to.",
        "fr": "Le terme CTDL que nomme la correspondance n'est pas une propriété de la classe CTDL où irait ce champ.",
    },
    "exports.ctdl.organization_report": {
        "en": "An outcome report about an organization as a whole, not about one microcredential, has no place on a "
              "CTDL credential.",
        "fr": "Un rapport de résultats sur un organisme dans son ensemble, et non sur un microtitre, n'a pas de place "
              "dans un titre CTDL.",
    },
    "exports.ctdl.breakdown": {
        "en": "Only whole-cohort, unsuppressed values of metrics that map to CTDL are published; breakdowns and "
              "suppressed cells stay in MCDS.",
        "fr": "Seules les valeurs non supprimées, pour toute la cohorte, des mesures qui correspondent à CTDL sont "
              "publiées; les ventilations et les cellules supprimées restent dans la NPDM.",
    },
}
NO_CONCEPT, NOT_ELIGIBLE, NO_TERM, NOT_ON_CLASS, BREAKDOWN, ORGANIZATION_REPORT = (
    "exports.ctdl.no_concept", "exports.ctdl.not_eligible", "exports.ctdl.no_term", "exports.ctdl.not_on_class",
    "exports.ctdl.breakdown", "exports.ctdl.organization_report")


# The MCDS identifier of a record, carried as a CTDL identifier so that `mcds import ctdl` gives it back.
IDENTIFIER_TYPE = {"en": "MCDS identifier", "fr": "Identifiant NPDM"}


def mcds_identifier(identifier: str) -> list[dict[str, Any]]:
    return [{"@type": "ceterms:IdentifierValue", "ceterms:identifierTypeName": IDENTIFIER_TYPE,
             "ceterms:identifierValueCode": identifier}]


def node_id(kind: str, identifier: str, ctid: str | None) -> str:
    """The registry's IRI for a resource with a CTID, else a blank node named after its MCDS identifier."""
    return f"{RESOURCES}{ctid}" if ctid else f"_:{kind}-{identifier}"


class _Builder:
    def __init__(self, document: dict[str, Any]) -> None:
        self.report = MappingReport()
        self.organizations = {o["id"]: o for o in document.get("organizations", [])}
        self.ctids = {mc["id"]: mc.get("ctid") for mc in document.get("microcredentials", [])}
        self.reports = document.get("outcome_reports", [])

    def put(self, node: dict[str, Any], cls: str, slot: str, value: Any, *, kinds: tuple[str, ...] = ("exact", "close")) -> None:
        """Set the slot's CTDL term on `node`, read from the model; report the field when no term is named."""
        if value in (None, "", [], {}):
            return
        term = slot_term(cls, slot, P, kinds)
        if term is None:
            self.report.leave(f"{cls}.{slot}", NO_TERM)
            return
        node[term] = value
        self.report.use(f"{cls}.{slot}", term)

    def concept(self, path: str, enum: str, code: str) -> dict[str, Any] | None:
        found = meaning(enum, code)
        if found is None:
            self.report.leave(path, NO_CONCEPT)
            return None
        return {"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNode": iri(found),
                "ceterms:targetNodeName": language_map({lang: model.label(enum, code, lang) for lang in ("en", "fr")})}

    def concepts(self, cls: str, slot: str, enum: str, codes: list[str] | str | None) -> list[dict[str, Any]]:
        codes = [codes] if isinstance(codes, str) else (codes or [])
        return [found for code in codes if (found := self.concept(f"{cls}.{slot}", enum, code))]

    # The organizations --------------------------------------------------------------------------------------

    def organization(self, identifier: str) -> dict[str, Any]:
        org = self.organizations.get(identifier, {"id": identifier})
        node: dict[str, Any] = {"@id": node_id("organization", identifier, org.get("ctid")),
                                "@type": class_term("Organization", P, ("narrow",)) or "ceterms:CredentialOrganization"}
        self.report.use("Organization.id", "@id")
        node["ceterms:identifier"] = mcds_identifier(identifier)
        self.report.use("Organization.id", "ceterms:identifier")
        self.put(node, "Organization", "ctid", org.get("ctid"))
        self.put(node, "Organization", "name", language_map(org.get("name")))
        self.put(node, "Organization", "description", language_map(org.get("description")))
        self.put(node, "Organization", "homepage", org.get("homepage"))
        self.put(node, "Organization", "email", [org["email"]] if org.get("email") else None)
        self.put(node, "Organization", "sector", self.concepts("Organization", "sector", "SectorEnum", org.get("sector")))
        self.put(node, "Organization", "organization_types",
                 self.concepts("Organization", "organization_types", "OrganizationTypeEnum", org.get("organization_types")))
        place = self.place(org)
        if place:
            node["ceterms:address"] = [place]
        self.report.account("Organization", org, NO_TERM)
        return node

    def place(self, org: dict[str, Any]) -> dict[str, Any] | None:
        place: dict[str, Any] = {}
        for slot, term in (("street_address", "ceterms:streetAddress"), ("locality", "ceterms:addressLocality")):
            if org.get(slot):
                place[term] = {"en": org[slot], "fr": org[slot]}
                self.report.use(f"Organization.{slot}", term)
        if org.get("postal_code"):
            place["ceterms:postalCode"] = org["postal_code"]
            self.report.use("Organization.postal_code", "ceterms:postalCode")
        return {"@type": "ceterms:Place", **place} if place else None

    # The microcredential ------------------------------------------------------------------------------------

    def microcredential(self, mc: dict[str, Any]) -> list[dict[str, Any]]:
        cls = "Microcredential"
        node: dict[str, Any] = {"@id": node_id("microcredential", mc["id"], mc.get("ctid")),
                                "@type": class_term(cls, P, ("exact",))}
        self.report.use(cls, node["@type"])
        self.report.use(f"{cls}.id", "@id")
        node["ceterms:identifier"] = mcds_identifier(mc["id"])
        self.report.use(f"{cls}.id", "ceterms:identifier")
        for slot in PLAIN:
            value = mc.get(slot)
            self.put(node, cls, slot, language_map(value) if isinstance(value, dict) else value)
        owners = [node_id("organization", o, self.organizations.get(o, {}).get("ctid")) for o in mc.get("awarding_bodies", [])]
        self.put(node, cls, "awarding_bodies", [{"@id": i} for i in owners])
        offerers = mc.get("offered_by") or []
        self.put(node, cls, "offered_by", [{"@id": node_id("organization", o, self.organizations.get(o, {}).get("ctid"))} for o in offerers])
        status = self.concepts(cls, "status", CONCEPTS["status"], mc.get("status"))
        self.put(node, cls, "status", status[0] if status else None)
        for slot in ("delivery_modes", "target_groups"):
            self.put(node, cls, slot, self.concepts(cls, slot, CONCEPTS[slot], mc.get(slot)))
        for slot, kind in CLASSIFIED.items():
            self.put(node, cls, slot, self.classified(kind, mc.get(slot)))
        if mc.get("industries"):
            node["ceterms:naics"] = list(mc["industries"])
            self.report.use(f"{cls}.industries", slot_term(cls, "industries", P, ("close",)))
        keywords = self.keywords(mc.get("keywords"))
        self.put(node, cls, "keywords", keywords)
        self.put(node, cls, "cost_items", [self.cost(mc, item) for item in mc.get("cost_items", [])])
        self.put(node, cls, "funding_eligibilities", self.assistance(mc.get("funding_eligibilities", [])))
        node["ceterms:requires"] = [self.condition(mc)]
        duration = self.durations(mc)
        if duration:
            node["ceterms:estimatedDuration"] = duration
        offerings = [self.offering(mc, offering) for offering in mc.get("offerings", [])]
        if offerings:
            node["ceterms:hasOffering"] = [{"@id": o["@id"]} for o in offerings]
        for pathway in mc.get("pathways") or []:
            self.pathway(node, pathway)
        aggregate = [self.aggregate(r) for r in self.reports if r.get("subject_microcredential") == mc["id"]]
        if aggregate:
            node["ceterms:aggregateData"] = aggregate
            self.report.use("Microcredential.outcome_reports", "ceterms:aggregateData")
        self.report.account(cls, mc, NO_TERM)
        return [node, *offerings]

    def pathway(self, node: dict[str, Any], pathway: dict[str, Any]) -> None:
        """A pathway through the CTDL property its relation means (isPartOf, isPreparationFor, ...)."""
        cls = "PathwayRelation"
        term = curie(meaning("PathwayRelationEnum", pathway["relation"]))
        if term is None or not term.startswith(f"{P}:"):
            self.report.leave(f"{cls}.relation", NO_CONCEPT)
            self.report.account(cls, pathway, NO_CONCEPT)
            return
        self.report.use(f"{cls}.relation", term)
        target = pathway.get("target_microcredential")
        if target:
            reference: dict[str, Any] = {"@id": node_id("microcredential", target, self.ctids.get(target))}
            self.report.use(f"{cls}.target_microcredential", term)
        else:
            reference = {"@type": "ceterms:Credential", "ceterms:name": language_map(pathway.get("target_name"))}
            self.report.use(f"{cls}.target_name", "ceterms:name")
            body = pathway.get("target_awarding_body")
            if body:
                reference["ceterms:ownedBy"] = [{"@id": node_id("organization", body, self.organizations.get(body, {}).get("ctid"))}]
                self.report.use(f"{cls}.target_awarding_body", "ceterms:ownedBy")
        node.setdefault(term, []).append(reference)
        self.report.account(cls, pathway, NO_TERM)

    def classified(self, kind: str, codes: list[str] | str | None) -> list[dict[str, Any]]:
        codes = [codes] if isinstance(codes, str) else (codes or [])
        aligned = []
        for code in codes:
            alignment: dict[str, Any] = {"@type": "ceterms:CredentialAlignmentObject", "ceterms:codedNotation": code,
                                         "ceterms:frameworkName": dict(classifications.NAMES[kind])}
            titles = {lang: classifications.title(kind, code, lang) for lang in ("en", "fr")}
            names = {found[1]: found[0] for found in titles.values() if found}
            if names:
                alignment["ceterms:targetNodeName"] = names
            aligned.append(alignment)
        return aligned

    @staticmethod
    def keywords(text: dict[str, Any] | None) -> dict[str, list[str]] | None:
        """MCDS keeps keywords as one `|`-separated text per language; CTDL wants a list per language."""
        split = {lang: [w.strip() for w in value.split("|") if w.strip()] for lang, value in (language_map(text) or {}).items()}
        return {lang: words for lang, words in split.items() if words} or None

    def cost(self, mc: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
        cls = "CostItem"
        node: dict[str, Any] = {"@type": class_term(cls, P, ("exact",)) or "ceterms:CostProfile",
                                "ceterms:description": {lang: model.label("CostTypeEnum", item["cost_type"], lang) for lang in ("en", "fr")},
                                "ceterms:costDetails": mc.get("webpage"), "ceterms:currency": CURRENCY}
        self.put(node, cls, "cost_type", self.concepts(cls, "cost_type", "CostTypeEnum", item.get("cost_type")))
        self.put(node, cls, "amount", item.get("amount"))
        self.put(node, cls, "residency", self.concepts(cls, "residency", "ResidencyEnum", item.get("residency")))
        self.report.account(cls, item, NO_TERM)
        return node

    def assistance(self, eligibilities: list[dict[str, Any]]) -> list[dict[str, Any]]:
        profiles = []
        for item in eligibilities:
            if item.get("eligibility_status") != "eligible":
                for path in ("FundingEligibility.eligibility_status", "FundingEligibility.funding_programme"):
                    self.report.leave(path, NOT_ELIGIBLE)
                continue
            programme = item["funding_programme"]
            profile: dict[str, Any] = {"@type": "ceterms:FinancialAssistanceProfile",
                                       "ceterms:name": {lang: model.label("FundingProgrammeEnum", programme, lang) for lang in ("en", "fr")}}
            self.report.use("FundingEligibility.funding_programme", "ceterms:name")
            self.report.use("FundingEligibility.eligibility_status", "ceterms:financialAssistance")
            if language_map(item.get("conditions")):
                profile["ceterms:description"] = language_map(item["conditions"])
                self.report.use("FundingEligibility.conditions", "ceterms:description")
            if item.get("source_url"):
                profile["ceterms:subjectWebpage"] = item["source_url"]
                self.report.use("FundingEligibility.source_url", "ceterms:subjectWebpage")
            if meaning("FundingProgrammeEnum", programme) is None:
                self.report.leave("FundingEligibility.funding_programme", NO_CONCEPT)
            self.report.account("FundingEligibility", item, NO_TERM)
            profiles.append(profile)
        return profiles

    def condition(self, mc: dict[str, Any]) -> dict[str, Any]:
        """The conditions for earning the credential: entry requirements and the competencies it requires."""
        node: dict[str, Any] = {"@type": "ceterms:ConditionProfile"}
        if language_map(mc.get("entry_requirements")):
            node["ceterms:description"] = language_map(mc["entry_requirements"])
            self.report.use("Microcredential.entry_requirements", "ceterms:description")
        competencies = []
        for outcome in mc.get("learning_outcomes", []):
            alignment: dict[str, Any] = {"@type": "ceterms:CredentialAlignmentObject", "ceterms:codedNotation": outcome["code"]}
            self.put(alignment, "LearningOutcome", "statement", language_map(outcome["statement"]))
            self.report.use("LearningOutcome.code", "ceterms:codedNotation")
            self.report.account("LearningOutcome", outcome, NO_TERM)
            competencies.append(alignment)
        term = slot_term("Microcredential", "learning_outcomes", P, ("related",))
        if competencies and term:
            node[term] = competencies
            self.report.use("Microcredential.learning_outcomes", term)
        if mc.get("credit_value") is not None:
            node["ceterms:creditValue"] = [{"@type": "ceterms:ValueProfile", "schema:value": mc["credit_value"]}]
            self.report.use("Microcredential.credit_value", slot_term("Microcredential", "credit_value", P))
            if mc.get("credit_unit"):
                self.report.leave("Microcredential.credit_unit", NO_CONCEPT)
        return node

    def durations(self, mc: dict[str, Any]) -> list[dict[str, Any]]:
        profiles = []
        if mc.get("duration_weeks"):
            profiles.append({"@type": "ceterms:DurationProfile", "ceterms:exactDuration": f"P{mc['duration_weeks']}W"})
            self.report.use("Microcredential.duration_weeks", slot_term("Microcredential", "duration_weeks", P))
        if mc.get("workload_hours"):
            hours = mc["workload_hours"]
            profiles.append({"@type": "ceterms:DurationProfile", "ceterms:timeRequired": f"PT{hours:g}H"})
            self.report.use("Microcredential.workload_hours", slot_term("Microcredential", "workload_hours", P))
        return profiles

    def offering(self, mc: dict[str, Any], offering: dict[str, Any]) -> dict[str, Any]:
        cls = "Offering"
        owners = mc.get("offered_by") or mc.get("awarding_bodies", [])
        node: dict[str, Any] = {
            "@id": f"_:offering-{mc['id']}-{offering['code']}", "@type": class_term(cls, P, ("exact",)) or "ceterms:ScheduledOffering",
            "ceterms:name": language_map(mc["title"]), "ceterms:description": language_map(mc["description"]),
            "ceterms:offeredBy": [{"@id": node_id("organization", o, self.organizations.get(o, {}).get("ctid"))} for o in owners],
            "ceterms:codedNotation": offering["code"]}
        self.report.use("Offering.code", "ceterms:codedNotation")
        self.put(node, cls, "delivery_mode", self.concepts(cls, "delivery_mode", "DeliveryModeEnum", offering.get("delivery_mode")))
        self.put(node, cls, "online_url", offering.get("online_url"))
        schedule = self.concepts(cls, "schedule", "ScheduleEnum", offering.get("schedule"))
        self.put(node, cls, "schedule", schedule, kinds=("exact", "close", "related"))
        for slot in ("start_date", "end_date"):  # ScheduledOffering has no start or end date in CTDL
            if offering.get(slot):
                self.report.leave(f"{cls}.{slot}", NOT_ON_CLASS)
        self.report.account(cls, offering, NO_TERM)
        return node

    def aggregate(self, report: dict[str, Any]) -> dict[str, Any]:
        """An outcome report as an AggregateDataProfile: whole-cohort values of the metrics whose meaning is a
        CTDL or QData term, the time frame and the suppression policy."""
        node: dict[str, Any] = {"@type": class_term("OutcomeReport", P) or "ceterms:AggregateDataProfile",
                                "ceterms:startDate": report["period_start"], "ceterms:endDate": report["period_end"]}
        data: dict[str, Any] = {}
        for observation in report.get("observations", []):
            term = curie(meaning("OutcomeMetricEnum", observation["metric"]))
            if term is None:
                self.report.leave("Observation.metric", NO_CONCEPT)
            elif observation.get("dimension") or observation.get("suppressed") or observation.get("value") is None:
                self.report.leave("Observation.dimension" if observation.get("dimension") else "Observation.value", BREAKDOWN)
            elif term.startswith(f"{P}:"):
                node[term] = round(observation["value"])
                self.report.use("Observation.value", term)
            else:
                data[term] = [{"@type": "schema:QuantitativeValue", "schema:value": observation["value"]}]
                self.report.use("Observation.value", term)
        if "ceterms:medianEarnings" in node:
            node["ceterms:currency"] = CURRENCY
        dataset: dict[str, Any] = {"@type": class_term("OutcomeReport", "qdata") or "qdata:DataSetProfile",
                                   "qdata:dataSetTimePeriod": [{"@type": "qdata:DataSetTimeFrame", "ceterms:startDate": report["period_start"],
                                                                "ceterms:endDate": report["period_end"],
                                                                **({"qdata:dataAttributes": [{"@type": "qdata:DataProfile", **data}]} if data else {})}]}
        policy = language_map(report.get("suppression_policy"))
        if policy:
            dataset[slot_term("OutcomeReport", "suppression_policy", "qdata")] = policy
            self.report.use("OutcomeReport.suppression_policy", "qdata:dataSuppressionPolicy")
        node["qdata:relevantDataSet"] = [dataset]
        for slot in ("period_start", "period_end"):
            self.report.use(f"OutcomeReport.{slot}", f"ceterms:{slot.replace('period_', '')}Date")
        self.report.account("OutcomeReport", report, NO_TERM)
        return node


def export(document: dict, *, lang: str = "en", base_url: str = PORTAL_URL) -> Export:
    """The submission as CTDL: one record per microcredential and the whole submission as one graph. CTDL holds
    both languages (language maps) and identifies resources by CTID, so `lang` and `base_url` change nothing."""
    builder = _Builder(document)
    records: dict[str, dict] = {}
    everything: dict[str, dict[str, Any]] = {}
    for mc in document.get("microcredentials", []):
        nodes = builder.microcredential(mc)
        referenced = dict.fromkeys([*mc.get("awarding_bodies", []), *(mc.get("offered_by") or [])])
        organizations = [builder.organization(identifier) for identifier in referenced]
        graph = [*nodes, *organizations]
        records[mc["id"]] = {"@context": CONTEXT, "@id": nodes[0]["@id"], "@graph": graph}
        everything.update({node["@id"]: node for node in graph})
    exported = set(records)
    for report in document.get("outcome_reports", []):
        if report.get("subject_microcredential") not in exported:
            builder.report.account("OutcomeReport", report, ORGANIZATION_REPORT)
    bulk = {"@context": CONTEXT, "@graph": [everything[key] for key in sorted(everything)]}
    return Export(NAME, records, bulk, builder.report.sorted())
