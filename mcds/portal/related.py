"""What a record page shows at its top and at its end besides the record itself: the next start date and where
to register, and the related microcredentials, all read from the published catalogue: those it stacks into or
from through the pathways, the same provider's others for the same NOC unit group or CIP class, and links to Find
filtered to each of its occupations and to its field of study for every provider's.

Titles of other providers' records appear only through pathways, which name them: listing every provider's
records for a shared occupation by title would make each provider's pages change with any other's titles, and
a rebuild would render them all again (mcds.portal.catalogue_pages keys a provider's pages on what they show)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import quote

from mcds.portal.records import Words, record_path
from mcds.standard import model

# At most this many records are listed for a shared occupation or field, so the list stays short.
SHARED_LIMIT = 5


def next_start(t: Words, mc: dict[str, Any], as_of: str) -> dict[str, Any]:
    """The first offering that starts on or after `as_of` (the date the provider last updated the record, so the
    page is the same whenever it is built), its application deadline, and where to register: the offering's
    own address, else the microcredential's web page."""
    upcoming = sorted((o for o in mc.get("offerings", []) if o.get("start_date") and o["start_date"] >= as_of),
                      key=lambda o: (o["start_date"], o.get("code", "")))
    found = upcoming[0] if upcoming else None
    if found is None:
        return {"start": None, "as_of": as_of, "register": mc.get("webpage")}
    place = ", ".join(part for part in (found.get("municipality"),
                                        t.label("province", found["province"]) if found.get("province") else None)
                      if part)
    return {"start": found["start_date"], "as_of": as_of, "deadline": found.get("application_deadline"),
            "mode": t.label("delivery_mode", found["delivery_mode"]) if found.get("delivery_mode") else "",
            "place": place, "register": found.get("online_url") or mc.get("webpage")}


class Related:
    """The catalogue's links between records: pathways both ways, and records by NOC unit group and CIP class."""

    def __init__(self, microcredentials: list[tuple[str, dict[str, Any]]]) -> None:
        """`microcredentials`: (provider, record) pairs."""
        self.by_id = {mc["id"]: mc for _, mc in microcredentials}
        self.provider = {mc["id"]: provider for provider, mc in microcredentials}
        self.into: dict[str, set[str]] = defaultdict(set)  # id -> the records it stacks into or leads to
        self.from_: dict[str, set[str]] = defaultdict(set)  # id -> the records that lead to it
        self.by_noc: dict[tuple[str, str], set[str]] = defaultdict(set)  # (provider, NOC) -> ids
        self.by_cip: dict[tuple[str, str], set[str]] = defaultdict(set)  # (provider, CIP) -> ids
        for provider, mc in microcredentials:
            for pathway in mc.get("pathways", []):
                target = pathway.get("target_microcredential")
                if target and target in self.by_id and target != mc["id"]:
                    self.into[mc["id"]].add(target)
                    self.from_[target].add(mc["id"])
            for code in mc.get("occupations", []):
                self.by_noc[(provider, code)].add(mc["id"])
            self.by_cip[(provider, mc["field_of_study"])].add(mc["id"])

    def ids(self, mc: dict[str, Any]) -> list[tuple[str, list[str]]]:
        """(kind, ids) for a record: pathways first, then the same provider's records for a shared occupation or
        field, each id listed once."""
        seen = {mc["id"]}
        groups = []
        provider = self.provider[mc["id"]]
        shared_noc = set().union(*(self.by_noc[(provider, code)] for code in mc.get("occupations", [])))
        for kind, found, limit in (("into", self.into[mc["id"]], None), ("from", self.from_[mc["id"]], None),
                                   ("noc", shared_noc, SHARED_LIMIT),
                                   ("cip", self.by_cip[(provider, mc["field_of_study"])], SHARED_LIMIT)):
            chosen = sorted(found - seen)[:limit]
            seen.update(chosen)
            if chosen:
                groups.append((kind, chosen))
        return groups

    def view(self, t: Words, mc: dict[str, Any]) -> dict[str, Any]:
        """The related records as the page lists them (a heading per kind, each record's title and page), and the
        Find links for its occupations and field of study."""
        groups = []
        for kind, ids in self.ids(mc):
            items = [{"path": record_path(i), "title": t.text(self.by_id[i]["title"])} for i in ids]
            items.sort(key=lambda item: item["title"]["text"].casefold())
            groups.append({"kind": kind, "heading": t(f"related.{kind}"), "records": items})
        find = [{"href": f"catalogue/?occupation={quote(code)}", "text": t("related.find_noc", occupation=t.noc(code))}
                for code in mc.get("occupations", [])]
        series = mc["field_of_study"][:2]
        find.append({"href": f"catalogue/?cip={quote(series)}",
                     "text": t("related.find_cip", field=model.label("CipSeriesEnum", series, t.lang))})
        return {"groups": groups, "find": find}

    def titles(self, mc: dict[str, Any]) -> dict[str, Any]:
        """What the related list of a record shows, for the key that tells whether its page changed."""
        return {i: self.by_id[i]["title"] for _, ids in self.ids(mc) for i in ids}
