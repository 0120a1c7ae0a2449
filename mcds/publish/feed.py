"""The Atom feed of new and changed microcredentials, one per language, and the ledger it is written from.

A feed is only worth reading if it says what changed. The site keeps a ledger (data/changes.json): for every
published record, a digest of its content, the date it was first published and the date its content last
changed. Each build compares the records with the ledger of the previously published site it is given
(`mcds build --previous`):

- a record the ledger does not know is new: both dates are its provider's `last_updated`;
- a record whose digest differs has changed: its change date is its provider's `last_updated` when that is
  later than the date the ledger holds, else the day of the build (the provider changed the content without
  saying so);
- an unchanged record keeps its dates.

So the same inputs (the previous site among them) give the same bytes, and a site built without a previous
one dates every record by its provider's own date. The feed lists the most recent entries, newest first.
"""

from __future__ import annotations

import datetime
import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mcds.i18n import t
from mcds.publish.gate import Catalogue
from mcds.publish.metadata import feed_path
from mcds.util import safejson
from mcds.util.io import json_bytes

LEDGER = "changes.json"  # under data/
ENTRIES = 200  # the most recent changes a feed holds
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

WORDS: dict[str, dict[str, str]] = {
    "feed.title": {"en": "MCDS: new and changed microcredentials", "fr": "NPDM : microtitres nouveaux et modifiés"},
    "feed.subtitle": {
        "en": "Microcredentials published on the MCDS portal, newest change first.",
        "fr": "Les microtitres publiés sur le portail de la NPDM, la modification la plus récente d'abord.",
    },
}


def digest(record: dict[str, Any]) -> str:
    return hashlib.sha256(json_bytes(record, compact=True)).hexdigest()


def previous_ledger(site: Path | None) -> dict[str, dict[str, str]]:
    """The ledger of a site built before, or an empty one (no site, or a ledger that cannot be read)."""
    if site is None or not (site / "data" / LEDGER).is_file():
        return {}
    try:
        ledger = safejson.load(site / "data" / LEDGER)
    except (OSError, safejson.JsonProblem):
        return {}
    records = ledger.get("records") if isinstance(ledger, dict) else None
    if not isinstance(records, dict):
        return {}
    return {k: v for k, v in records.items()
            if isinstance(v, dict) and all(isinstance(v.get(f), str) for f in ("digest", "published", "updated"))}


def ledger(catalogue: Catalogue, previous: dict[str, dict[str, str]], today: str | None = None) -> dict[str, dict[str, str]]:
    """{record id: {digest, published, updated}} for every record of `catalogue`, dated as the module says."""
    result = {}
    for submission, record in catalogue.microcredentials():
        own = submission.published or "1970-01-01"
        known = previous.get(record["id"])
        current = digest(record)
        if known is None:
            result[record["id"]] = {"digest": current, "published": own, "updated": own}
        elif known["digest"] == current:
            result[record["id"]] = known
        else:
            changed = own if own > known["updated"] else (today or datetime.datetime.now(datetime.UTC).date().isoformat())
            result[record["id"]] = {"digest": current, "published": known["published"], "updated": changed}
    return dict(sorted(result.items()))


def ledger_file(records: dict[str, dict[str, str]]) -> bytes:
    return json_bytes({"records": records})


def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def _text(parent: ET.Element, tag: str, value: dict[str, str] | None, lang: str) -> None:
    """A text element in `lang`, else in the other language marked with its own (never a made-up translation)."""
    value = value or {}
    shown = lang if value.get(lang) else next((other for other in ("en", "fr") if value.get(other)), lang)
    element = ET.SubElement(parent, tag)
    element.text = value.get(shown, "")
    if shown != lang:
        element.set(XML_LANG, shown)


def atom(catalogue: Catalogue, records: dict[str, dict[str, str]], lang: str, base_url: str,
         page_url: Callable[[str], str]) -> bytes:
    """The Atom feed of `lang`: the ENTRIES most recently changed records, newest first, each linking to its page
    (`page_url(identifier)`, absolute)."""
    ET.register_namespace("", ATOM)
    found = {record["id"]: (submission, record) for submission, record in catalogue.microcredentials()}
    names = {identifier: organization.get("name") for identifier, organization in catalogue.organizations().items()}
    newest = sorted(records, key=lambda identifier: (records[identifier]["updated"], identifier), reverse=True)[:ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    self_url = f"{base_url}{feed_path(lang)}"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}title").text = t("feed.title", lang)
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = t("feed.subtitle", lang)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(max((records[i]["updated"] for i in newest), default="1970-01-01"))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": self_url})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": f"{base_url}{lang}/catalogue/"})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = t("opendata.publisher", lang)
    for identifier in newest:
        submission, record = found[identifier]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = page_url(identifier)
        _text(entry, f"{{{ATOM}}}title", record.get("title"), lang)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": page_url(identifier)})
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "application/json",
                                                 "href": f"{base_url}data/microcredentials/{identifier}.json"})
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(records[identifier]["published"])
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(records[identifier]["updated"])
        entry_author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(entry_author, f"{{{ATOM}}}name", names.get(submission.provider) or {"en": submission.provider}, lang)
        _text(entry, f"{{{ATOM}}}summary", record.get("description"), lang)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
