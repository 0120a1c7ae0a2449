"""What the catalogue's pages show of a record, in one language: texts (with their own language when only the
other one exists), codes with their labels, amounts and numbers in the language's format."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any
from urllib.parse import quote, urlsplit

import langcodes

from mcds.portal.words import word
from mcds.standard import classifications, model


@cache
def enum_of() -> dict[str, str]:
    """The code list behind each coded field, read from the compiled standard (a slot has one range wherever it
    is used), so a field the standard adds is labelled without a list kept by hand here."""
    return {slot["name"]: slot["range"] for cls in model.model()["classes"] for slot in cls["slots"]
            if slot.get("range_kind") == "enum"}
# An ISO 8601 validity period as the standard allows it: years, months, or both.
VALIDITY = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?")
# Job Bank's occupation search on its English and French sites, which finds a NOC 2021 unit group by its code and
# leads to the occupation's outlook and wages. Plain links: nothing is requested when the portal is built.
JOB_BANK = {"en": "https://www.jobbank.gc.ca/trend-analysis/search-occupations?searchKeyword={code}",
            "fr": "https://www.guichetemplois.gc.ca/analyse-tendances/rechercher-professions?searchKeyword={code}"}
# Skill frameworks recognized from the start of a skill's IRI; any other IRI is shown with its host name.
SKILL_FRAMEWORKS = {"http://data.europa.eu/esco/": "ESCO"}


class Words:
    """The formatting of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: Any) -> str:
        return word(key, self.lang, **values)

    def text(self, value: dict[str, str] | None) -> dict[str, str] | None:
        """{"text", "lang"}: the text in this language, else in the other, marked with its own language."""
        if not value:
            return None
        other = "fr" if self.lang == "en" else "en"
        for lang in (self.lang, other):
            if value.get(lang):
                return {"text": value[lang], "lang": lang}
        return None

    def label(self, field: str, code: Any) -> str:
        enum = enum_of().get(field)
        if enum is not None:
            return model.label(enum, str(code), self.lang)
        return str(code)

    def labels(self, field: str, codes: list[Any] | None) -> list[str]:
        return [self.label(field, code) for code in codes or []]

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        if value is None:
            return ""
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\u00a0").replace(".", ",") if self.lang == "fr" else text

    def money(self, value: float | int | None) -> str:
        if value is None:
            return ""
        decimals = 0 if float(value).is_integer() else 2
        return f"{self.number(value, decimals)}\u00a0$" if self.lang == "fr" else f"${self.number(value, decimals)}"

    def yes_no(self, value: bool | None) -> str:
        return "" if value is None else self("yes") if value else self("no")

    def coded(self, kind: str, code: str) -> dict[str, str]:
        """{"code", "title", "lang"}: a NOC, CIP or NAICS code with its official title in this language, else in
        English marked as English (Statistics Canada publishes no French CIP 2021 or NAICS 2022 file; the NAICS
        sectors, which the schema translates, are the exception). A code the shipped tables lack (one from a
        newer installed table) keeps the label of its grouping."""
        found = classifications.title(kind, code, self.lang)
        if found is not None and found[1] != self.lang and kind == "naics" and model.is_code("NaicsSectorEnum", code):
            found = (model.label("NaicsSectorEnum", code, self.lang), self.lang)
        if found is None:
            return {"code": code, "title": self._grouping(kind, code), "lang": self.lang}
        return {"code": code, "title": found[0], "lang": found[1]}

    def job_bank(self, code: str) -> str:
        """The Job Bank page of a NOC unit group (outlook and wages) on the site in this language."""
        return JOB_BANK[self.lang].format(code=quote(code))

    def _grouping(self, kind: str, code: str) -> str:
        if kind == "noc":
            broad = model.label("NocBroadCategoryEnum", code[:1], self.lang)
            teer = model.label("TeerCategoryEnum", code[1], self.lang) if len(code) > 1 else ""
            return broad + (f" ({teer})" if teer else "")
        if kind == "cip":
            return model.label("CipSeriesEnum", code[:2], self.lang)
        return model.label("NaicsSectorEnum", model.naics_sector(code), self.lang)

    def _plain(self, kind: str, code: str) -> str:
        value = self.coded(kind, code)
        return f"{value['code']} — {value['title']}"

    def noc(self, code: str) -> str:
        return self._plain("noc", code)

    def cip(self, code: str) -> str:
        return self._plain("cip", code)

    def jurisdiction(self, code: str | None) -> str:
        """CA is Canada; any other jurisdiction code is a province or territory of ISO 3166-2:CA."""
        if not code:
            return ""
        return self("jurisdiction.canada") if code == "CA" else model.label("ProvinceTerritoryEnum", code, self.lang)

    def validity(self, duration: str | None) -> str:
        """P3Y as "3 years", P18M as "18 months", P1Y6M as "1 year and 6 months"; anything else as written."""
        found = VALIDITY.fullmatch(duration or "")
        if not duration or not found or not any(found.groups()):
            return duration or ""
        parts = [self(f"valid_for.{unit}") if int(n) == 1 else self(f"valid_for.{unit}s", n=int(n))
                 for unit, n in zip(("year", "month"), found.groups(), strict=True) if n]
        return self("valid_for.and", first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]


def domestic_cost(microcredential: dict[str, Any]) -> float:
    """What a domestic learner pays for the microcredential (costs for every offering, not per-offering overrides)."""
    return float(sum(item["amount"] for item in microcredential.get("cost_items", [])
                     if item.get("residency") in ("all", "domestic", "in_province") and not item.get("applies_to_offering")))


def provinces_of(microcredential: dict[str, Any], organizations: dict[str, dict[str, Any]]) -> list[str]:
    """Where it is offered: its offerings' provinces, else its awarding bodies' provinces."""
    found = {o["province"] for o in microcredential.get("offerings", []) if o.get("province")}
    if not found:
        for body in microcredential.get("awarding_bodies", []):
            found.update(organizations.get(body, {}).get("provinces", []))
    return sorted(found)


def record_path(identifier: str) -> str:
    """The page of a microcredential, relative to a language's root (one folder deep under catalogue/)."""
    return f"catalogue/{identifier}/"


def provider_path(identifier: str) -> str:
    return f"providers/{identifier}/"


def json_ld(microcredential: dict[str, Any], organization: dict[str, Any], lang: str, url: str) -> str:
    """schema.org JSON-LD for search engines, safe to embed in a <script> element."""
    other = "fr" if lang == "en" else "en"
    pick = lambda value: (value or {}).get(lang) or (value or {}).get(other)  # noqa: E731
    document = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url,
        "url": url,
        "name": pick(microcredential.get("title")),
        "description": pick(microcredential.get("description")),
        "inLanguage": microcredential.get("languages", []),
        "courseCode": microcredential["id"],
        "provider": {key: value for key, value in (("@type", "EducationalOrganization"),
                     ("name", pick(organization.get("name"))), ("url", organization.get("homepage"))) if value},
        "educationalCredentialAwarded": {key: value for key, value in (
            ("@type", "EducationalOccupationalCredential"), ("credentialCategory", "microcredential"),
            ("name", pick(microcredential.get("title"))), ("validFor", microcredential.get("valid_for")),
            ("validIn", [{"@type": "AdministrativeArea", "name": Words(lang).jurisdiction(code)}
                         for code in microcredential.get("valid_in", [])])) if value},
        "occupationalCategory": microcredential.get("occupations", []),
        "timeRequired": f"PT{int(microcredential['workload_hours'])}H",
        "offers": [{"@type": "Offer", "category": item["cost_type"], "price": item["amount"], "priceCurrency": "CAD"}
                   for item in microcredential.get("cost_items", [])],
        "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": o.get("delivery_mode"),
                               "startDate": o.get("start_date"), "endDate": o.get("end_date")}
                              for o in microcredential.get("offerings", [])],
    }
    text = json.dumps({k: v for k, v in document.items() if v not in (None, [], "")}, ensure_ascii=False, sort_keys=True)
    # Inside <script>, "</script>" ends the element early and "<!--" followed by "<script" makes the parser
    # swallow the rest of the page; JSON may write every <, > and & as a \u escape, so none is left as is.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")




def language_name(tag: str, lang: str) -> str:
    """A BCP 47 tag of other_languages as a name in `lang` (from the IANA registry and CLDR, no network), with the
    tag itself, which stays the reference when the name is only the registry's English one."""
    return f"{langcodes.Language.get(tag).display_name(lang)} ({tag})"


def skill_framework(iri: str) -> str:
    return next((name for start, name in SKILL_FRAMEWORKS.items() if iri.startswith(start)), urlsplit(iri).hostname or iri)


def record_extras(t: Any, mc: dict[str, Any], organizations: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The 0.3.0 elements of a record page: identifiers and classification keys, criteria, badge image and
    keywords, skill references of the outcomes, offerings' geography and the awarding bodies' contact details."""
    keywords = t.text(mc.get("keywords"))
    facts = [(key, value) for key, value in (
        ("ctid", mc.get("ctid")),
        ("provider_course_code", mc.get("provider_course_code")),
        ("institution_program_code", mc.get("institution_program_code")),
        ("credential_type", mc.get("credential_type")),
        ("isced_level", t.label("isced_level", mc["isced_level"]) if mc.get("isced_level") else None),
        ("is_non_credit", t.yes_no(mc["is_non_credit"]) if mc.get("is_non_credit") is not None else None),
        ("learning_setting", t.label("learning_setting", mc["learning_setting"]) if mc.get("learning_setting") else None),
        ("other_languages", ", ".join(language_name(tag, t.lang) for tag in mc.get("other_languages", [])) or None),
    ) if value]
    skills = [{"code": o["code"], "references": [{"iri": iri, "framework": skill_framework(iri)}
                                                 for iri in o["skill_references"]]}
              for o in mc["learning_outcomes"] if o.get("skill_references")]
    places = [{"code": o["code"], "economic_region": o.get("economic_region"), "csd_code": o.get("csd_code")}
              for o in mc.get("offerings", []) if o.get("economic_region") or o.get("csd_code")]
    bodies = []
    for identifier in mc["awarding_bodies"]:
        body = organizations.get(identifier, {})
        address = ", ".join(part for part in (body.get("street_address"), body.get("locality"), body.get("postal_code"))
                            if part)
        parent = body.get("parent_organization")
        if body.get("description") or body.get("email") or address or parent:
            bodies.append({"name": t.text(body.get("name")) or {"text": identifier, "lang": t.lang},
                           "description": t.text(body.get("description")), "email": body.get("email"),
                           "address": address,
                           "parent": t.text(organizations.get(parent, {}).get("name")) if parent else None})
    return {"facts": facts, "criteria": t.text(mc.get("criteria")), "criteria_url": mc.get("criteria_url"),
            "image": mc.get("image"), "keywords": keywords["text"].split("|") if keywords else [],
            "keywords_lang": keywords["lang"] if keywords else t.lang, "skills": skills, "places": places,
            "bodies": bodies}
