"""Open Badges 3.0: one `Achievement` per microcredential, ready for an issuer to load.

OB 3.0 text fields hold one language, so the export is in the language asked for and the mapping report says
that the other one is left out. Which MCDS field fills which OB 3.0 property comes from the compiled model's
mappings; `TERMS` only says what the OB 3.0 context defines (its terms and the IRIs they expand to) and where
each sits."""

from __future__ import annotations

from typing import Any

from mcds.exports.base import PORTAL_URL, Export, MappingReport, in_language, leave_the_rest, present
from mcds.exports.terms import term_for
from mcds.i18n import LANGUAGES
from mcds.standard import classifications

NAME = "ob3"
MEDIA_TYPE = "application/ld+json"
CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

# The OB 3.0 context's terms this export writes, by the class they sit on, and the IRI each expands to.
TERMS: dict[str, dict[str, str]] = {
    "Achievement": {
        "name": "schema:name", "description": "schema:description", "inLanguage": "schema:inLanguage",
        "image": "obv3:image", "creditsAvailable": "obv3:creditsAvailable", "fieldOfStudy": "obv3:fieldOfStudy",
        "version": "obv3:version", "tag": "schema:keywords", "humanCode": "obv3:humanCode",
        "creator": "obv3:creator", "alignment": "obv3:alignment", "criteria": "obv3:Criteria",
        "achievementType": "obv3:achievementType", "otherIdentifier": "obv3:otherIdentifier",
    },
    "Criteria": {"narrative": "obv3:narrative"},
    "Profile": {"name": "schema:name", "url": "schema:url", "email": "schema:email", "address": "obv3:address"},
    "Address": {"streetAddress": "schema:streetAddress", "addressLocality": "schema:addressLocality",
                "postalCode": "schema:postalCode"},
    "Alignment": {"targetName": "schema:name", "targetUrl": "schema:targetUrl", "targetCode": "obv3:targetCode"},
    "IdentifierEntry": {"identifier": "obv3:identifier", "identifierType": "obv3:identifierType"},
}
# The OB 3.0 context's types this export writes, and the IRI each expands to.
TYPES = {"Achievement": "obv3:Achievement", "Profile": "obv3:Profile", "Address": "obv3:Address",
         "Image": "obv3:Image", "IdentifierEntry": "obv3:IdentifierEntry", "Criteria": "obv3:Criteria",
         "Alignment": "schema:AlignmentObject"}
# Extension identifier types (OB 3.0 allows "ext:" followed by a name for identifiers it does not list).
IDENTIFIER_TYPES = {"ctid": "ext:ctid", "provider_course_code": "ext:providerCourseCode"}

REASONS: dict[str, dict[str, str]] = {
    "exports.ob3.other_language": {
        "en": "OB 3.0 holds one language per achievement: export again with the other --lang for it",
        "fr": "OB 3.0 ne contient qu'une langue par réalisation : exportez de nouveau avec l'autre --lang",
    },
    "exports.ob3.one_creator": {
        "en": "an OB 3.0 achievement has one creator: only the first awarding body is exported",
        "fr": "une réalisation OB 3.0 n'a qu'un créateur : seul le premier organisme de délivrance est exporté",
    },
    "exports.ob3.needs_url": {
        "en": "an OB 3.0 alignment requires a target URL and this value has none",
        "fr": "un alignement OB 3.0 exige une URL cible et cette valeur n'en a aucune",
    },
    "exports.ob3.credit_unit": {
        "en": "OB 3.0 gives credits without a unit: the number is exported, the unit is not",
        "fr": "OB 3.0 donne les crédits sans unité : le nombre est exporté, pas l'unité",
    },
}


def record_url(base_url: str, identifier: str, lang: str) -> str:
    return f"{base_url.rstrip('/')}/{lang}/catalogue/{identifier}/"


class _Writer:
    """One export: the report it fills and the language and address it writes in."""

    def __init__(self, document: dict[str, Any], lang: str, base_url: str) -> None:
        self.lang, self.base_url, self.report = lang, base_url, MappingReport()
        self.organizations = {o["id"]: o for o in document.get("organizations", [])}

    def put(self, node: dict[str, Any], ob3_class: str, path: str, value: Any, handled: set[str]) -> None:
        """Set the OB 3.0 property the model maps the field `path` to (Class.slot), or report it left out."""
        class_name, name = path.split(".")[-2:]
        handled.add(name)
        offered = TERMS[ob3_class]
        term = term_for(class_name, name, offered.values())
        if term is None:
            self.report.leave(path, "exports.no_term")
            return
        key = next(k for k, v in offered.items() if v == term)
        if isinstance(value, dict) and set(value) <= set(LANGUAGES):
            value = self.text(path, value)
        if present(value):
            node[key] = value
            self.report.use(path, term)

    def text(self, path: str, value: dict[str, str]) -> str | None:
        for other in LANGUAGES:
            if other != self.lang and value.get(other):
                self.report.leave(f"{path}@{other}", "exports.ob3.other_language")
        return in_language(value, self.lang)

    def profile(self, identifier: str) -> dict[str, Any]:
        organization = self.organizations.get(identifier, {"id": identifier})
        node: dict[str, Any] = {"id": f"{self.base_url.rstrip('/')}/{self.lang}/providers/{identifier}/",
                                "type": ["Profile"]}
        handled = {"id"}
        for name in ("name", "homepage", "email"):
            if present(organization.get(name)):
                self.put(node, "Profile", f"Organization.{name}", organization[name], handled)
        address: dict[str, Any] = {"type": ["Address"]}
        for name in ("street_address", "locality", "postal_code"):
            if present(organization.get(name)):
                self.put(address, "Address", f"Organization.{name}", organization[name], handled)
        if len(address) > 1:
            node["address"] = address
        leave_the_rest(self.report, organization, "Organization", handled)
        return node

    def achievement(self, mc: dict[str, Any]) -> dict[str, Any]:
        path = "Microcredential"
        node: dict[str, Any] = {"id": record_url(self.base_url, mc["id"], self.lang) + "#achievement",
                                "type": ["Achievement"], "achievementType": "MicroCredential"}
        handled = {"id"}
        self.report.use(f"{path}.id", "obv3:Achievement")
        for name in ("title", "description", "image", "credit_value", "record_version", "provider_course_code"):
            if present(mc.get(name)):
                self.put(node, "Achievement", f"{path}.{name}", mc[name], handled)
        if "image" in node:
            node["image"] = {"id": node["image"], "type": "Image"}
        if "creditsAvailable" in node and present(mc.get("credit_unit")):
            handled.add("credit_unit")
            self.report.leave(f"{path}.credit_unit", "exports.ob3.credit_unit")
        self._languages(node, mc, handled)
        self._field_of_study(node, mc, handled)
        self._keywords(node, mc, handled)
        self._criteria(node, mc, handled)
        self._creator(node, mc, handled)
        self._alignments(node, mc, handled)
        self._identifiers(node, mc, handled)
        leave_the_rest(self.report, mc, path, handled)
        return node

    def _languages(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        languages = list(mc.get("languages", []))
        if languages:
            chosen = self.lang if self.lang in languages else languages[0]
            self.put(node, "Achievement", "Microcredential.languages", chosen, handled)
            for other in languages:
                if other != chosen:
                    self.report.leave(f"Microcredential.languages@{other}", "exports.ob3.other_language")

    def _field_of_study(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        code = mc.get("field_of_study")
        if code:
            found = classifications.title("cip", code, self.lang)
            self.put(node, "Achievement", "Microcredential.field_of_study", found[0] if found else code, handled)

    def _keywords(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        if present(mc.get("keywords")):
            self.put(node, "Achievement", "Microcredential.keywords", mc["keywords"], handled)
            if "tag" in node:  # several keywords in one cell are separated by "|"
                node["tag"] = [word.strip() for word in node["tag"].split("|") if word.strip()]

    def _criteria(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        criteria: dict[str, Any] = {}
        if mc.get("criteria_url"):
            handled.add("criteria_url")
            criteria["id"] = mc["criteria_url"]
            self.report.use("Microcredential.criteria_url", "obv3:Criteria")
        if present(mc.get("criteria")):
            self.put(criteria, "Criteria", "Microcredential.criteria", mc["criteria"], handled)
        if not criteria:  # OB 3.0 requires criteria: the record's page is where a learner reads them
            criteria["id"] = mc["webpage"]
            self.report.use("Microcredential.webpage", "obv3:Criteria")
        node["criteria"] = criteria

    def _creator(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        bodies = list(mc.get("awarding_bodies", []))
        handled.add("awarding_bodies")
        if bodies and term_for("Microcredential", "awarding_bodies", TERMS["Achievement"].values()):
            node["creator"] = self.profile(bodies[0])
            self.report.use("Microcredential.awarding_bodies", "obv3:creator")
            for _ in bodies[1:]:
                self.report.leave("Microcredential.awarding_bodies", "exports.ob3.one_creator")

    def _alignments(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        alignments = []
        for outcome in mc.get("learning_outcomes", []):
            for url in outcome.get("skill_references") or []:
                alignment = {"type": ["Alignment"], "targetName": in_language(outcome["statement"], self.lang),
                             "targetUrl": url, "targetCode": outcome["code"]}
                alignments.append(alignment)
                self.report.use("LearningOutcome.skill_references", "obv3:alignment")
            handled_outcome = {"code", "statement", "skill_references"}
            leave_the_rest(self.report, outcome, "LearningOutcome", handled_outcome)
        if not alignments and present(mc.get("learning_outcomes")):
            self.report.leave("Microcredential.learning_outcomes", "exports.no_term")
        handled.update({"learning_outcomes", "framework_alignments", "skills"})
        # Framework alignments and Skills for Success codes have no address, which an OB 3.0 alignment requires.
        for name in ("framework_alignments", "skills"):
            if present(mc.get(name)):
                self.report.leave(f"Microcredential.{name}", "exports.ob3.needs_url")
        if alignments:
            node["alignment"] = alignments

    def _identifiers(self, node: dict[str, Any], mc: dict[str, Any], handled: set[str]) -> None:
        entries = []
        for name, kind in IDENTIFIER_TYPES.items():
            if mc.get(name):
                handled.add(name)
                entries.append({"type": "IdentifierEntry", "identifier": mc[name], "identifierType": kind})
                self.report.use(f"Microcredential.{name}", "obv3:otherIdentifier")
        if entries:
            node["otherIdentifier"] = entries


def export(document: dict, *, lang: str = "en", base_url: str = PORTAL_URL) -> Export:
    """Every microcredential of a valid submission as an OB 3.0 Achievement in `lang`."""
    writer = _Writer(document, lang, base_url)
    records = {}
    for mc in document.get("microcredentials", []):
        records[mc["id"]] = {"@context": CONTEXT, **writer.achievement(mc)}
    bulk = {"@context": CONTEXT, "@graph": [{k: v for k, v in r.items() if k != "@context"} for r in records.values()]}
    return Export(NAME, records, bulk, writer.report.sorted())
