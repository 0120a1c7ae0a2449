"""CTDL JSON-LD, as the Credential Engine Registry publishes it and as `mcds export --to ctdl` writes it, read
back into the JSON form of an MCDS submission.

Every term is the one the CTDL exporter writes (mcds.exports.ctdl and the compiled model's mappings through
mcds.exports.terms), looked up in the other direction: a coded value's concept IRI gives back its code, a
classification's coded notation its code. What CTDL cannot carry (assessments, quality assurance, ...) is not
invented: `needs` lists every required field that is still empty, in English and French.

The file is read with the bounded JSON reader and never modified."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mcds.errors import McdsError
from mcds.exports import ctdl as spec
from mcds.exports.base import meaning
from mcds.exports.terms import curie, iri, slot_term, targets
from mcds.i18n import LANGUAGES
from mcds.standard import model
from mcds.util import safejson

P = spec.P
BLANK = {"microcredential": "_:microcredential-", "organization": "_:organization-"}
# CTDL credential classes read as microcredentials (the Registry publishes short credentials under several).
CREDENTIAL_TYPES = frozenset(f"ceterms:{name}" for name in (
    "MicroCredential", "Credential", "Certificate", "CertificateOfCompletion", "CertificateOfParticipation",
    "ProfessionalCertificate", "AcademicCertificate", "BasicTechnicalCertificate", "Certification", "Badge",
    "DigitalBadge", "OpenBadge", "Diploma", "License", "ApprenticeshipCertificate"))
ORGANIZATION_TYPES = frozenset({"ceterms:CredentialOrganization", "ceterms:QACredentialOrganization", "ceterms:Organization"})
DURATION = re.compile(r"^P(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+)M)?)?$")


class NothingToImport(McdsError):
    """The file is CTDL (or JSON) but holds no credential: invalid data, not an unreadable file."""

    exit_code = 1


@dataclass
class Imported:
    document: dict[str, Any]
    # (field path "Class.slot", record identifier): required fields the CTDL did not give
    needs: list[tuple[str, str]] = field(default_factory=list)


def read(path: Path) -> list[dict[str, Any]]:
    """The resources of a CTDL file: a `@graph`, a list of resources or one resource. Raises McdsError."""
    try:
        data = safejson.load(path)
    except safejson.JsonProblem as problem:
        raise McdsError("import.unreadable", path=path, reason=problem.reason()) from problem
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        nodes = data["@graph"]
    elif isinstance(data, list):
        nodes = data
    elif isinstance(data, dict) and "@type" in data:
        nodes = [data]
    else:
        raise McdsError("import.not_ctdl", path=path)
    return [node for node in nodes if isinstance(node, dict)]


def many(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def types(node: dict[str, Any]) -> set[str]:
    return {str(kind) for kind in many(node.get("@type"))}


def text(value: Any, lang: str) -> dict[str, str] | None:
    """A CTDL language map (keys en, en-US, fr, fr-CA...) as MCDS text; a plain string is in `lang`."""
    found: dict[str, str] = {}
    if isinstance(value, str):
        found[lang] = value
    elif isinstance(value, dict):
        # An exact "en" or "fr" wins over a regional variant, whatever the order of the keys.
        for key in sorted(value, key=lambda k: (len(k), k)):
            short = key.lower().split("-")[0]
            words = value[key]
            words = " ".join(w for w in many(words) if isinstance(w, str)) if not isinstance(words, str) else words
            if short in LANGUAGES and short not in found and words.strip():
                found[short] = words.strip()
    elif isinstance(value, list):
        for item in value:
            for key, words in (text(item, lang) or {}).items():
                found.setdefault(key, words)
    return found or None


def plain(value: Any) -> Any:
    """A single literal: the first of a list, the value of a JSON-LD value object."""
    value = many(value)[0] if isinstance(value, list) and value else value
    return value.get("@value") if isinstance(value, dict) else value


@cache
def concepts(enum: str) -> dict[str, str]:
    """Concept IRI -> code: the inverse of the meanings the exporter writes as `ceterms:targetNode`."""
    return {found: code for code in model.codes(enum) if (found := meaning(enum, code))}


@cache
def labels(enum: str) -> dict[str, str]:
    """Title in either language (lower case) -> code, for values the Registry names without a concept."""
    return {model.label(enum, code, lang).casefold(): code for code in model.codes(enum) for lang in LANGUAGES}


def code_of(enum: str, alignment: Any) -> str | None:
    if isinstance(alignment, str):
        return concepts(enum).get(iri(alignment))
    if not isinstance(alignment, dict):
        return None
    target = plain(alignment.get("ceterms:targetNode"))
    found = concepts(enum).get(iri(target)) if isinstance(target, str) else None
    if found is None:
        names = text(alignment.get("ceterms:targetNodeName"), "en") or {}
        found = next((labels(enum)[n.casefold()] for n in names.values() if n.casefold() in labels(enum)), None)
    return found


def number(value: Any) -> int | float | None:
    value = plain(value)
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else value


def slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")[:60].strip("-")


def declared_identifier(node: dict[str, Any]) -> str | None:
    """The MCDS identifier an MCDS export wrote among the node's CTDL identifiers, if any."""
    for item in node.get("ceterms:identifier") or []:
        names = item.get("ceterms:identifierTypeName") if isinstance(item, dict) else None
        if isinstance(names, dict) and names.get("en") == spec.IDENTIFIER_TYPE["en"]:
            value = plain(item.get("ceterms:identifierValueCode"))
            if isinstance(value, str) and value:
                return value
    return None


class _Reader:
    def __init__(self, nodes: list[dict[str, Any]], provider: str | None, lang: str) -> None:
        self.lang = lang
        self.nodes = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
        self.credentials = [node for node in nodes if types(node) & CREDENTIAL_TYPES]
        self.org_ids: dict[str, str] = {}
        self.mc_ids: dict[str, str] = {}
        self.organizations: dict[str, dict[str, Any]] = {}
        owner = next((self.ref(r) for c in self.credentials for r in many(c.get("ceterms:ownedBy"))), None)
        self.provider = provider or (self.org_id(owner) if owner else "provider")
        if provider and owner:
            self.org_ids[owner] = provider
        for node in self.credentials:
            self.mc_id(node)

    # References and identifiers -----------------------------------------------------------------------------

    @staticmethod
    def ref(value: Any) -> str | None:
        value = value.get("@id") if isinstance(value, dict) else value
        return value if isinstance(value, str) else None

    def node(self, value: Any) -> dict[str, Any]:
        found = self.nodes.get(self.ref(value) or "")
        return found if found is not None else value if isinstance(value, dict) else {}

    @staticmethod
    def ctid(node: dict[str, Any], reference: str) -> str | None:
        found = plain(node.get("ceterms:ctid"))
        if isinstance(found, str):
            return found
        return reference[len(spec.RESOURCES):] if reference.startswith(spec.RESOURCES) else None

    def _unique(self, wanted: str, taken: set[str]) -> str:
        found, n = wanted, 1
        while found in taken:
            n += 1
            found = f"{wanted}-{n}"
        return found

    def org_id(self, reference: str) -> str:
        """An organization's MCDS identifier: the one an MCDS export declared, or wrote in a blank node, else its
        name."""
        if reference not in self.org_ids:
            node = self.nodes.get(reference, {})
            if declared_identifier(node):
                wanted = declared_identifier(node)
            elif reference.startswith(BLANK["organization"]):
                wanted = reference[len(BLANK["organization"]):]
            else:
                names = text(node.get("ceterms:name"), self.lang) or {}
                wanted = slug(names.get("en") or names.get("fr") or "") or (self.ctid(node, reference) or "organization")
            self.org_ids[reference] = self._unique(wanted, set(self.org_ids.values()))
        return self.org_ids[reference]

    def mc_id(self, node: dict[str, Any]) -> str:
        reference = self.ref(node) or f"#{len(self.mc_ids)}"
        if reference not in self.mc_ids:
            if declared_identifier(node):
                wanted = declared_identifier(node)
            elif reference.startswith(BLANK["microcredential"]):
                wanted = reference[len(BLANK["microcredential"]):]
            else:
                names = text(node.get("ceterms:name"), self.lang) or {}
                local = slug(names.get("en") or names.get("fr") or "") or self.ctid(node, reference) or "microcredential"
                wanted = f"{self.provider}.{local}"
            self.mc_ids[reference] = self._unique(wanted, set(self.mc_ids.values()))
        return self.mc_ids[reference]

    def organization(self, value: Any) -> str | None:
        reference = self.ref(value)
        if reference is None:
            return None
        identifier = self.org_id(reference)
        if identifier not in self.organizations:
            self.organizations[identifier] = self.read_organization(identifier, reference, self.node(value))
        return identifier

    # Reading ------------------------------------------------------------------------------------------------

    def term(self, cls: str, slot: str, kinds: tuple[str, ...] = ("exact", "close")) -> str | None:
        return slot_term(cls, slot, P, kinds)

    def get(self, node: dict[str, Any], cls: str, slot: str, kinds: tuple[str, ...] = ("exact", "close")) -> Any:
        term = self.term(cls, slot, kinds)
        return node.get(term) if term else None

    def codes(self, enum: str, value: Any) -> list[str]:
        return list(dict.fromkeys(code for item in many(value) if (code := code_of(enum, item))))

    def read_organization(self, identifier: str, reference: str, node: dict[str, Any]) -> dict[str, Any]:
        cls = "Organization"
        org: dict[str, Any] = {"id": identifier, "ctid": self.ctid(node, reference),
                               "name": text(self.get(node, cls, "name"), self.lang),
                               "description": text(self.get(node, cls, "description"), self.lang),
                               "homepage": plain(self.get(node, cls, "homepage")),
                               "email": plain(self.get(node, cls, "email")),
                               "sector": next(iter(self.codes("SectorEnum", self.get(node, cls, "sector"))), None),
                               "organization_types": self.codes("OrganizationTypeEnum", self.get(node, cls, "organization_types"))}
        place = next((p for p in many(node.get("ceterms:address")) if isinstance(p, dict)), {})
        for slot, key in (("street_address", "ceterms:streetAddress"), ("locality", "ceterms:addressLocality")):
            words = text(place.get(key), self.lang) or {}
            org[slot] = words.get(self.lang) or next(iter(words.values()), None)
        org["postal_code"] = plain(place.get("ceterms:postalCode"))
        return org

    def microcredential(self, node: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        cls = "Microcredential"
        mc: dict[str, Any] = {"id": self.mc_id(node)}
        for slot in spec.PLAIN:
            value = self.get(node, cls, slot)
            mc[slot] = text(value, self.lang) if slot in ("title", "description") else plain(value)
        mc["ctid"] = self.ctid(node, self.ref(node) or "")
        mc["languages"] = list(dict.fromkeys(str(v).lower().split("-")[0] for v in many(self.get(node, cls, "languages"))
                                             if isinstance(v, str))) or None
        mc["awarding_bodies"] = [o for r in many(self.get(node, cls, "awarding_bodies")) if (o := self.organization(r))]
        mc["offered_by"] = [o for r in many(self.get(node, cls, "offered_by")) if (o := self.organization(r))]
        mc["status"] = next(iter(self.codes(spec.CONCEPTS["status"], self.get(node, cls, "status"))), None)
        for slot in ("delivery_modes", "target_groups"):
            mc[slot] = self.codes(spec.CONCEPTS[slot], self.get(node, cls, slot))
        for slot in spec.CLASSIFIED:
            found = [c for a in many(self.get(node, cls, slot)) if isinstance(a, dict) and (c := plain(a.get("ceterms:codedNotation")))]
            # The other CTDL terms of the slot (ceterms:naics beside industryType) carry bare codes.
            for other in targets(cls, slot, [P])[1:]:
                found += [c for c in many(node.get(other)) if isinstance(c, str | int) and not isinstance(c, bool)]
            found = list(dict.fromkeys(str(c) for c in found))
            mc[slot] = (found[0] if found else None) if slot == "field_of_study" else found
        keywords = node.get(self.term(cls, "keywords") or "")
        if isinstance(keywords, dict):
            mc["keywords"] = text({k: "|".join(str(w) for w in many(v)) for k, v in keywords.items()}, self.lang)
        mc["cost_items"] = [self.cost(c) for c in many(self.get(node, cls, "cost_items")) if isinstance(c, dict)]
        mc["funding_eligibilities"] = [self.assistance(a) for a in many(self.get(node, cls, "funding_eligibilities"))
                                       if isinstance(a, dict)]
        self.conditions(mc, node)
        self.durations(mc, node)
        mc["offerings"] = [self.offering(self.node(o)) for o in many(node.get("ceterms:hasOffering"))]
        mc["pathways"] = self.pathways(node)
        reports = [self.report(mc["id"], n, a) for n, a in enumerate(many(node.get("ceterms:aggregateData")), 1)
                   if isinstance(a, dict)]
        return mc, reports

    def conditions(self, mc: dict[str, Any], node: dict[str, Any]) -> None:
        outcomes_term = self.term("Microcredential", "learning_outcomes", ("related",))
        outcomes = []
        for condition in many(node.get("ceterms:requires")):
            if not isinstance(condition, dict):
                continue
            mc.setdefault("entry_requirements", text(condition.get("ceterms:description"), self.lang))
            for n, alignment in enumerate(many(condition.get(outcomes_term or "")), len(outcomes) + 1):
                if isinstance(alignment, dict):
                    statement = self.get(alignment, "LearningOutcome", "statement") or alignment.get("ceterms:targetNodeName")
                    outcomes.append({"code": str(plain(alignment.get("ceterms:codedNotation")) or f"LO{n}"),
                                     "statement": text(statement, self.lang)})
            for value in many(condition.get(self.term("Microcredential", "credit_value") or "")):
                if isinstance(value, dict) and mc.get("credit_value") is None:
                    mc["credit_value"] = number(value.get("schema:value"))
        mc["learning_outcomes"] = outcomes

    def durations(self, mc: dict[str, Any], node: dict[str, Any]) -> None:
        for profile in many(node.get("ceterms:estimatedDuration")):
            for key in ("ceterms:exactDuration", "ceterms:timeRequired"):
                found = DURATION.match(str(plain(profile.get(key)) or "")) if isinstance(profile, dict) else None
                if not found:
                    continue
                weeks = float(found["weeks"] or 0) + int(found["days"] or 0) / 7
                hours = float(found["hours"] or 0) + int(found["minutes"] or 0) / 60
                if weeks and weeks.is_integer() and not hours:
                    mc.setdefault("duration_weeks", int(weeks))
                elif hours and not weeks:
                    mc.setdefault("workload_hours", number(hours))

    def cost(self, node: dict[str, Any]) -> dict[str, Any]:
        cls = "CostItem"
        kind = self.codes("CostTypeEnum", self.get(node, cls, "cost_type"))
        if not kind:  # a cost without a concept (mandatory fees): its description is the cost type's title
            names = text(node.get("ceterms:description"), self.lang) or {}
            kind = [labels("CostTypeEnum")[n.casefold()] for n in names.values() if n.casefold() in labels("CostTypeEnum")]
        return {"cost_type": next(iter(kind), None), "amount": number(self.get(node, cls, "amount")),
                "residency": next(iter(self.codes("ResidencyEnum", self.get(node, cls, "residency"))), None)}

    def assistance(self, node: dict[str, Any]) -> dict[str, Any]:
        names = text(node.get("ceterms:name"), self.lang) or {}
        programme = next((labels("FundingProgrammeEnum")[n.casefold()] for n in names.values()
                          if n.casefold() in labels("FundingProgrammeEnum")), None)
        # CTDL publishes financial assistance only where it is available (mcds.exports.ctdl): eligible.
        return {"funding_programme": programme, "eligibility_status": "eligible",
                "conditions": text(node.get("ceterms:description"), self.lang),
                "source_url": plain(node.get("ceterms:subjectWebpage"))}

    def offering(self, node: dict[str, Any]) -> dict[str, Any]:
        cls = "Offering"
        return {"code": plain(node.get("ceterms:codedNotation")),
                "delivery_mode": next(iter(self.codes("DeliveryModeEnum", self.get(node, cls, "delivery_mode"))), None),
                "online_url": plain(self.get(node, cls, "online_url")),
                "schedule": next(iter(self.codes("ScheduleEnum", self.get(node, cls, "schedule", ("exact", "close", "related")))), None)}

    def pathways(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        found = []
        for relation in model.codes("PathwayRelationEnum"):
            term = curie(meaning("PathwayRelationEnum", relation))
            for target in many(node.get(term or "")) if term and term.startswith(f"{P}:") else []:
                pathway: dict[str, Any] = {"relation": relation}
                reference = self.ref(target)
                resolved = self.node(target)
                if reference and (reference.startswith(BLANK["microcredential"]) or types(resolved) & CREDENTIAL_TYPES
                                  and reference in self.mc_ids):
                    pathway["target_microcredential"] = self.mc_ids.get(reference) or reference[len(BLANK["microcredential"]):]
                else:
                    pathway["target_name"] = text(resolved.get("ceterms:name"), self.lang)
                    owner = next(iter(many(resolved.get("ceterms:ownedBy"))), None)
                    pathway["target_awarding_body"] = self.organization(owner) if owner else None
                found.append(pathway)
        return found

    def report(self, subject: str, n: int, node: dict[str, Any]) -> dict[str, Any]:
        dataset = next((d for d in many(node.get("qdata:relevantDataSet")) if isinstance(d, dict)), {})
        frames = [f for f in many(dataset.get("qdata:dataSetTimePeriod")) if isinstance(f, dict)]
        data = {k: v for f in frames for p in many(f.get("qdata:dataAttributes")) if isinstance(p, dict) for k, v in p.items()}
        observations = []
        for metric in model.codes("OutcomeMetricEnum"):
            term = curie(meaning("OutcomeMetricEnum", metric))
            if term and term in node:
                value = number(node[term])
            elif term and term in data:
                value = number(next((v.get("schema:value") for v in many(data[term]) if isinstance(v, dict)), None))
            else:
                continue
            observations.append({"metric": metric, "value": value})
        policy_term = slot_term("OutcomeReport", "suppression_policy", "qdata")
        return {"id": f"{self.provider}.{subject.partition('.')[2] or slug(subject)}-outcomes-{n}",
                "subject_microcredential": subject,
                "period_start": plain(node.get("ceterms:startDate")), "period_end": plain(node.get("ceterms:endDate")),
                "suppression_policy": text(dataset.get(policy_term or ""), self.lang), "observations": observations}


def prune(value: Any) -> Any:
    """The document without empty values, as the JSON form of a submission has none."""
    if isinstance(value, dict):
        kept = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def from_ctdl(nodes: list[dict[str, Any]], *, provider: str | None = None, lang: str = "en") -> Imported:
    """The submission the CTDL resources describe, and the required fields they leave empty."""
    reader = _Reader(nodes, provider, lang)
    if not reader.credentials:
        raise NothingToImport("import.no_credential", types=", ".join(sorted({t for n in nodes for t in types(n)})) or "—")
    microcredentials, reports = [], []
    for node in reader.credentials:
        mc, found = reader.microcredential(node)
        microcredentials.append(mc)
        reports += found
    document = prune({"standard_version": model.model()["version"], "provider": reader.provider,
                      "organizations": list(reader.organizations.values()), "microcredentials": microcredentials,
                      "outcome_reports": reports})
    return Imported(document, needs(document))


@cache
def _classes() -> dict[str, dict[str, dict[str, Any]]]:
    return {c["name"]: {s["name"]: s for s in c["slots"]} for c in model.model()["classes"]}


def needs(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(Class.slot, record) for every required field that is empty, nested objects included."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, dict[str, Any], str]] = [("Submission", document, document.get("provider", ""))]
    while stack:
        cls, obj, record = stack.pop(0)
        for name, slot in _classes()[cls].items():
            value = obj.get(name)
            if slot.get("required") and value in (None, "", [], {}):
                found.append((f"{cls}.{name}", record))
            if slot["range"] in _classes() and slot["range"] != "LocalizedText":
                for child in many(value):
                    if isinstance(child, dict):
                        stack.append((slot["range"], child, str(child.get("id") or record)))
    return found


def title(path: str) -> dict[str, str]:
    """The field's title in both languages, as the standard names it."""
    cls, _, name = path.partition(".")
    return dict(_classes()[cls][name]["title"])
