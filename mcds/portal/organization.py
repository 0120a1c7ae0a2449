"""What a provider page shows of its organization: description, contact, its microcredentials in a table that
sorts (rendered sorted by title, so it reads the same without JavaScript), a link to Find filtered to it, and the
schema.org `Organization` JSON-LD that describes it to search engines."""

from __future__ import annotations

import json
from typing import Any

from mcds.portal.records import Words, domestic_cost, record_path
from mcds.portal.related import next_start


def contact(t: Words, org: dict[str, Any]) -> dict[str, Any]:
    address = ", ".join(part for part in (org.get("street_address"), org.get("locality"), org.get("postal_code")) if part)
    return {"description": t.text(org.get("description")), "email": org.get("email"), "address": address,
            "homepage": org.get("homepage")}


def rows(t: Words, microcredentials: list[dict[str, Any]], as_of: str) -> list[dict[str, Any]]:
    """The provider's microcredentials as table rows, sorted by title in the page's language; each cell has the
    value a sort compares (numbers for numbers, ISO dates for dates)."""
    found = []
    for mc in microcredentials:
        title = t.text(mc["title"])
        start = next_start(t, mc, as_of)["start"]
        cost = domestic_cost(mc)
        found.append({"path": record_path(mc["id"]), "title": title, "weeks": mc["duration_weeks"],
                      "hours": mc["workload_hours"], "hours_text": t.number(mc["workload_hours"]), "cost": cost,
                      "cost_text": t.money(cost), "start": start or ""})
    return sorted(found, key=lambda row: (row["title"]["text"].casefold(), row["path"]))


def json_ld(org: dict[str, Any], names: dict[str, str], url: str, areas: list[str]) -> str:
    """schema.org JSON-LD for the provider, its name and description in both languages (each tagged), safe to embed
    in a <script> element. `areas` are the names of the provinces it serves, in the page's language."""
    def tagged(value: dict[str, str] | None) -> list[dict[str, str]]:
        return [{"@value": value[lang], "@language": lang} for lang in ("en", "fr") if value and value.get(lang)]

    address = {key: value for key, value in (
        ("@type", "PostalAddress"), ("streetAddress", org.get("street_address")),
        ("addressLocality", org.get("locality")), ("postalCode", org.get("postal_code")),
        ("addressRegion", org["provinces"][0].removeprefix("CA-") if len(org.get("provinces", [])) == 1 else None),
        ("addressCountry", "CA")) if value}
    document = {
        "@context": "https://schema.org",
        "@type": "EducationalOrganization" if "employer" not in org.get("organization_types", []) else "Organization",
        "@id": url,
        "url": org.get("homepage") or url,
        "mainEntityOfPage": url,
        "identifier": org["id"],
        "name": tagged(names),
        "description": tagged(org.get("description")),
        "email": org.get("email"),
        "address": address if len(address) > 2 else None,
        "areaServed": [{"@type": "AdministrativeArea", "name": name} for name in areas],
    }
    text = json.dumps({k: v for k, v in document.items() if v not in (None, [], "")}, ensure_ascii=False, sort_keys=True)
    # As for record pages: no "<", ">" or "&" left as is inside <script> (see mcds.portal.records.json_ld).
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
