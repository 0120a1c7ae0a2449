"""The catalogue in the portal: record, provider and browse pages rendered with the project's own templates
(not one MkDocs page each, so the build stays fast at national scale), inside a "shell" page that MkDocs
renders once per language, so that they share the site's header, navigation, toggle and footer.

The Find and dashboard pages are ordinary MkDocs pages generated from the catalogue; records are kept out of
MkDocs' navigation and search index, and the Find page loads the catalogue's own compact index.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mcds.errors import McdsError
from mcds.i18n import LANGUAGES
from mcds.portal import compare, dashboard, find, organization, quality, sitemaps
from mcds.portal.records import (
    Words,
    domestic_cost,
    json_ld,
    provider_path,
    provinces_of,
    record_extras,
    record_path,
)
from mcds.portal.related import Related, next_start
from mcds.portal.report_tables import report_view
from mcds.portal.words import word
from mcds.publish import exports, feed, metadata, opendata
from mcds.publish.gate import (
    PUBLISHED,
    Catalogue,
    Submission,
    UnsafeIdentifier,
    code_digest,
    contained,
    published_record,
)
from mcds.standard import model
from mcds.util.io import json_bytes, write_atomic
from mcds.util.parallel import on_every_core
from mcds.util.templates import environment

# Catalogue pages are not MkDocs pages: each is poured into a "shell", a page MkDocs renders once per folder
# (with the site's header, navigation and footer, its links right for any page of that folder) and that the
# build then removes.
FOLDERS = ("catalogue", "providers", "browse", quality.FOLDER)
SHELL_PAGES = tuple(f"{folder}/_shell.md" for folder in FOLDERS)
SHELL_TITLE = "MCDS-SHELL-TITLE"
SHELL_DESCRIPTION = "MCDS-SHELL-DESCRIPTION"
SHELL_DATE = "1970-01-01"
SHELL_CONTENT = re.compile(r'<div id="mcds-shell">.*?</div>', re.S)
ROOT = "../../"  # every catalogue page sits two folders below its language's root


def field_titles(lang: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    for cls in model.model()["classes"]:
        for slot in cls["slots"]:
            titles.setdefault(slot["name"], slot["title"][lang])
    return titles


@dataclass
class Page:
    path: str  # relative to the language root, ending in "/"
    title: str
    description: str
    date: str
    content: str
    head: str = ""  # elements added to the page's <head> (already escaped)


class CataloguePages:
    """Builds the catalogue part of the portal from a gathered Catalogue.

    With a `cache` folder, a provider's record and provider pages are not rendered again when nothing they
    show has changed since the last build into the same site: they are linked from that site instead. What a
    provider's pages show is summed up in a key (`_key`); .mcds-cache/pages/ remembers each site's keys."""

    def __init__(self, catalogue: Catalogue, cache: Path | None = None, previous: Path | None = None) -> None:
        self.catalogue = catalogue
        self.cache = cache
        self.previous = previous  # the previously published site (`mcds build --previous`): the feeds' history
        self.keys: dict[str, str] = {}
        self.open_data: opendata.OpenData | None = None  # the open-data files, once written (write_open_data)
        self.organizations = catalogue.organizations()
        self.env = environment("mcds.portal", html=True)
        self.providers = {s.provider: s for s in catalogue.published}
        self.latest = max((s.published for s in catalogue.published if s.published), default=SHELL_DATE)
        self.by_id = {mc["id"]: mc for _, mc in catalogue.microcredentials()}
        self.dashboards: dict[str, dashboard.Charts] = {}  # language -> its charts, computed with its pages
        self.reports_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.provider_reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for _, report in catalogue.outcome_reports():
            if report.get("subject_microcredential"):
                self.reports_of[report["subject_microcredential"]].append(report)
            elif report.get("subject_organization"):
                self.provider_reports[report["subject_organization"]].append(report)
        self.related = Related([(s.provider, mc) for s, mc in catalogue.microcredentials()])

    # -- MkDocs pages ------------------------------------------------------------------------------------
    def markdown_pages(self, lang: str) -> dict[str, str]:
        """Pages for MkDocs to render: the Find page, the dashboard's pages and the shell."""
        shell = (f"---\ntitle: {SHELL_TITLE}\ndescription: {SHELL_DESCRIPTION}\nsearch:\n  exclude: true\n---\n\n"
                 f'<div id="mcds-shell"><h1>{SHELL_TITLE}</h1></div>\n')
        found = {"catalogue/index.md": find.page(self, lang), compare.PAGE: compare.page(lang),
                 quality.INDEX_PAGE: quality.national_page(self, lang), **{page: shell for page in SHELL_PAGES}}
        self.dashboards[lang] = dashboard.compute(self, lang)
        found.update(dashboard.markdown_pages(self, lang, self.dashboards[lang], quality=quality.INDEX_PAGE in found))
        return found

    def page_dates(self) -> dict[str, str]:
        return {"catalogue/index.md": self.latest, compare.PAGE: self.latest, quality.INDEX_PAGE: self.latest,
                **{page: self.latest for page in dashboard.sources()}, **{page: SHELL_DATE for page in SHELL_PAGES}}

    def nav(self, lang: str) -> dict[str, list[str]]:
        return {word("nav.catalogue", lang): ["catalogue/index.md", compare.PAGE, {word("dash", lang): dashboard.sources()},
                                              quality.INDEX_PAGE]}

    # -- Views -------------------------------------------------------------------------------------------
    def name(self, t: Words, organization: str) -> dict[str, str]:
        found = t.text(self.organizations.get(organization, {}).get("name"))
        return found or {"text": organization, "lang": t.lang}

    def summary(self, t: Words, submission: Submission, mc: dict[str, Any]) -> dict[str, Any]:
        return {"path": record_path(mc["id"]), "title": t.text(mc["title"]), "provider": self.name(t, submission.provider),
                "hours": mc["workload_hours"], "weeks": mc["duration_weeks"], "cost": domestic_cost(mc)}

    def _record(self, t: Words, submission: Submission, mc: dict[str, Any], site_root: str) -> Page:
        lang = t.lang
        reports = [report_view(t, report) for report in self.reports_of.get(mc["id"], [])]
        outcomes = [{"statement": t.text(o["statement"]),
                     "details": [d for d in ([t.label("outcome_type", o["outcome_type"])] if o.get("outcome_type") else [])
                                 + t.labels("outcome_skills", o.get("outcome_skills"))]} for o in mc["learning_outcomes"]]
        engagements = [{"name": self.name(t, e["partner"]), "roles": t.labels("engagement_roles", e["engagement_roles"]),
                        "industry": e.get("partner_industry"), "endorsement": t.text(e.get("endorsement")),
                        "evidence": e.get("evidence_url")} for e in mc.get("employer_engagements", [])]
        quality = [{"type": t.label("qa_type", q["qa_type"]), "body": self.name(t, q["qa_body"]) if q.get("qa_body") else None,
                    "decision": q.get("decision_date"), "review": q.get("review_date"), "report": q.get("report_url")}
                   for q in mc["quality_assurances"]]
        pathways = [{"relation": t.label("relation", p["relation"]),
                     "target": (t.text(self._title_of(p["target_microcredential"])) if p.get("target_microcredential")
                                else t.text(p.get("target_name"))),
                     "path": record_path(p["target_microcredential"]) if p.get("target_microcredential") else None,
                     "body": self.name(t, p["target_awarding_body"]) if p.get("target_awarding_body") else None,
                     "credits": p.get("credits_granted"), "agreement": p.get("agreement_url")}
                    for p in mc.get("pathways", [])]
        recognitions = [{"name": self.name(t, r["recognized_by"]), "type": t.label("recognition_type", r["recognition_type"]),
                         "jurisdiction": t.jurisdiction(r.get("recognition_jurisdiction")), "date": r.get("recognition_date"),
                         "evidence": r.get("recognition_evidence_url"), "notes": t.text(r.get("notes"))}
                        for r in mc.get("recognitions", [])]
        strategies = [{"name": t.text(a["strategy_name"]), "type": t.label("strategy_type", a["strategy_type"]),
                       "jurisdiction": t.jurisdiction(a.get("strategy_jurisdiction")),
                       "government": self.name(t, a["strategy_government"]) if a.get("strategy_government") else None,
                       "url": a.get("strategy_url"), "sectors": a.get("priority_sectors", []),
                       "regions": a.get("economic_regions", []), "date": a.get("alignment_date"),
                       "asserted_by": t.label("asserted_by", a["asserted_by"]) if a.get("asserted_by") else ""}
                      for a in mc.get("strategy_alignments", [])]
        evidence_items = [{"type": t.label("evidence_type", e["evidence_type"]), "date": e.get("evidence_date"),
                           "source": e.get("evidence_source_url"), "occupations": e.get("evidence_occupations", []),
                           "regions": e.get("economic_regions", []), "summary": t.text(e.get("evidence_summary"))}
                          for e in mc.get("labour_market_evidence_items", [])]
        defaults = {k: None for k in ("credit_value", "credit_unit", "prior_learning_recognition", "transcripted")}
        title = t.text(mc["title"])
        description = t.text(mc["description"])
        formats = other_formats(mc["id"], lang)
        content = self.env.get_template("catalogue/record.html.j2").render(
            t=t, root=ROOT, mc={**defaults, **mc}, title=title, description=description,
            fields=field_titles(lang), status=t.label("status", mc["status"]), cost=domestic_cost(mc),
            provinces=t.labels("provinces", provinces_of(mc, self.organizations)),
            awarding_bodies=[{"name": self.name(t, b), "path": provider_path(b) if b in self.providers else None}
                             for b in mc["awarding_bodies"]],
            offered_by=[{"name": self.name(t, b)} for b in mc.get("offered_by", [])],
            entry_requirements=t.text(mc.get("entry_requirements")), evidence=t.text(mc.get("labour_market_evidence")),
            outcomes=outcomes, engagements=engagements, quality=quality, pathways=pathways, reports=reports,
            recognitions=recognitions, strategies=strategies, evidence_items=evidence_items,
            valid_for=t.validity(mc.get("valid_for")), valid_in=[t.jurisdiction(code) for code in mc.get("valid_in", [])],
            extras=record_extras(t, mc, self.organizations),
            submission=submission, stale=submission.stale, json_href=f"{ROOT}../data/microcredentials/{mc['id']}.json",
            formats=formats, next_start=next_start(t, mc, submission.published or self.latest),
            related=self.related.view(t, mc),
            json_ld=json_ld(mc, self.organizations.get(submission.provider, {}), lang,
                            f"{site_root}{lang}/{record_path(mc['id'])}"),
        )
        return Page(record_path(mc["id"]), title["text"], description["text"][:300], submission.published or self.latest, content)

    def _title_of(self, identifier: str) -> dict[str, str] | None:
        return self.by_id.get(identifier, {}).get("title")

    def _provider(self, t: Words, submission: Submission, site_root: str) -> Page:
        org = self.organizations.get(submission.provider, {"id": submission.provider})
        items = [self.summary(t, submission, mc) for mc in submission.document.get("microcredentials", [])]
        name = self.name(t, submission.provider)
        defaults = {k: None for k in ("sector", "recognition_status", "homepage", "training_credit_eligible")}
        mcs = submission.document.get("microcredentials", [])
        url = f"{site_root}{t.lang}/{provider_path(submission.provider)}"
        areas = t.labels("provinces", org.get("provinces"))
        names = self.organizations.get(submission.provider, {}).get("name") or {t.lang: name["text"]}
        content = self.env.get_template("catalogue/provider.html.j2").render(
            t=t, root=ROOT, org={**defaults, **org}, name=name, items=items, fields=field_titles(t.lang), stale=submission.stale,
            contact=organization.contact(t, org), rows=organization.rows(t, mcs, submission.published or self.latest),
            find=f"{ROOT}catalogue/?provider={quote(submission.provider)}",
            reports=[report_view(t, report) for report in self.provider_reports.get(submission.provider, [])],
            json_ld=organization.json_ld(org, names, url, areas))
        description = f"{name['text']} — {t('results', count=len(items))}"
        return Page(provider_path(submission.provider), name["text"], description, submission.published or self.latest, content)

    def browse_lists(self, t: Words) -> dict[str, list[tuple[str, str, list[dict[str, Any]]]]]:
        """The lists behind the no-JavaScript browsing: kind -> [(path, heading, items)]."""
        groups: dict[str, dict[str, list[dict[str, Any]]]] = {"province": defaultdict(list), "cip": defaultdict(list),
                                                               "noc": defaultdict(list)}
        for submission, mc in self.catalogue.microcredentials():
            item = self.summary(t, submission, mc)
            for province in provinces_of(mc, self.organizations):
                groups["province"][province].append(item)
            groups["cip"][mc["field_of_study"][:2]].append(item)
            for broad in sorted({code[0] for code in mc.get("occupations", [])}):
                groups["noc"][broad].append(item)
        enums = {"province": "ProvinceTerritoryEnum", "cip": "CipSeriesEnum", "noc": "NocBroadCategoryEnum"}
        lists = {}
        for kind, found in groups.items():
            lists[kind] = [(f"browse/{kind}-{code.lower()}/", model.label(enums[kind], code, t.lang), items)
                           for code, items in sorted(found.items())]
        lists["provider"] = [(provider_path(s.provider), self.name(t, s.provider)["text"], [])
                             for s in sorted(self.catalogue.published, key=lambda s: self.name(t, s.provider)["text"])]
        return lists

    def _browse(self, t: Words) -> list[Page]:
        pages = []
        for kind, entries in self.browse_lists(t).items():
            if kind == "provider":
                continue
            for path, heading, items in entries:
                content = self.env.get_template("catalogue/browse.html.j2").render(t=t, root=ROOT, heading=heading, items=items)
                pages.append(Page(path, heading, f"{heading} — {t('results', count=len(items))}", self.latest, content))
        return pages

    def _quality(self, t: Words) -> list[Page]:
        """The data-quality page of every publisher that can have one (mcds.portal.quality)."""
        pages = []
        for entry in quality.entries(self):
            if entry.linked:
                title, content = quality.provider_content(self, t, entry, ROOT)
                last = quality.last_harvest(entry)
                date = str(last["time"])[:10] if last else quality.changed(entry) or self.latest
                pages.append(Page(quality.page_path(entry.name), title, t("quality.description"), date, content))
        return pages

    # -- Writing -----------------------------------------------------------------------------------------
    def render(self, site: Path, site_root: str, previous: Path | None = None) -> int:
        """Write every catalogue page, index and download into the staged `site`; return the page count.
        Unchanged providers' pages are linked from `previous`, the site this build replaces.

        Each export edition (mcds.publish.exports), each language's pages and the JSON records are independent
        parts, written on every core. Exports run one at a time (each holds a whole exported catalogue), so they
        are put between the languages' pages, which run beside them."""
        self._check_paths(site)
        known = self._known_keys(previous)
        languages = [(self._render_language, (site, site_root, lang, previous, known)) for lang in LANGUAGES]
        editions = [(exports.write_edition, (self.catalogue, site / "data", site_root, edition))
                    for edition in sorted(exports.editions(), key=lambda edition: edition.lang is not None)]
        alternating = (part for pair in itertools.zip_longest(editions, languages) for part in pair if part is not None)
        parts = [*alternating, (self._write_records, (site / "data",)), (quality.write_downloads, (self, site / "data"))]
        self._write_metadata(site, site_root)
        count = 0
        for result in on_every_core(parts):
            if isinstance(result, tuple):
                count += result[0]
                self.keys.update(result[1])
        return count

    def write_open_data(self, data: Path) -> None:
        """Write the open-data files into the staged site's `data` folder, first: the Downloads page, the Dataset
        metadata and the API description list them with the sizes of the bytes written."""
        self.open_data = opendata.OpenData.write(self.catalogue, data)

    def _write_metadata(self, site: Path, site_root: str) -> None:
        """The files that describe the open data: the change ledger and each language's Atom feed, the DCAT-AP
        metadata and each language's OpenAPI description. The ledger carries on the one of the previously
        published site given to the build (not of the folder it replaces), so that what a build writes depends
        on its inputs only."""
        assert self.open_data is not None, "the open-data files are written first (write_open_data)"
        data = site / "data"
        data.mkdir(parents=True, exist_ok=True)
        records = feed.ledger(self.catalogue, feed.previous_ledger(self.previous))
        (data / feed.LEDGER).write_bytes(feed.ledger_file(records))
        (data / metadata.DCAT_FILE).write_bytes(json_bytes(metadata.dcat(self.open_data, site_root)))
        for lang in LANGUAGES:
            target = site / metadata.feed_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(feed.atom(self.catalogue, records, lang, site_root,
                                         lambda identifier, lang=lang: f"{site_root}{lang}/{record_path(identifier)}"))
            (data / metadata.openapi_file(lang)).write_bytes(json_bytes(metadata.openapi(self.open_data, site_root, lang)))

    def _files(self, site: Path) -> list[tuple[Path, str, str]]:
        """Every file and folder of the site that a data value names: (folder, identifier, suffix)."""
        named = [(site / "data" / "microcredentials", mc["id"], ".json") for _, mc in self.catalogue.microcredentials()]
        named += [(site / PUBLISHED, s.name, ".json") for s in self.catalogue.published]
        named += exports.record_targets(site / "data", [mc["id"] for _, mc in self.catalogue.microcredentials()])
        # The pages are the same in every language, only their words differ.
        paths = [record_path(mc["id"]) for _, mc in self.catalogue.microcredentials()]
        paths += [path for entries in self.browse_lists(Words(LANGUAGES[0])).values() for path, _, _ in entries]
        for lang in LANGUAGES:
            named += [(site / lang / section, name, "") for section, name in map(_section, paths)]
        return named

    def _check_paths(self, site: Path) -> None:
        """Before anything is written: refuse every identifier whose page or file would leave its folder, land
        on a page the site already has, or land where another identifier's does (two that look the same)."""
        refused: list[UnsafeIdentifier] = []
        planned: set[Path] = set()
        for folder, identifier, suffix in self._files(site):
            try:
                target = contained(folder, identifier, suffix)
            except UnsafeIdentifier as error:
                refused.append(error)
                continue
            if target in planned:
                refused.append(UnsafeIdentifier(identifier, folder, "taken"))
            planned.add(target)
        if len({error.identifier for error in refused}) == 1:
            raise refused[0]
        if refused:
            raise McdsError("portal.build.unsafe_identifiers", identifiers=", ".join(
                sorted({f'"{e.values["identifier"]}" ({e.folder})' for e in refused})))

    def remember(self, site: Path) -> None:
        """Record the keys of the pages just published in `site`, for the next build into it."""
        if self.cache is None:
            return
        path = self._keys_file(site)
        try:  # the cache only saves time: a build that cannot write it has still succeeded
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps({"site": str(site), "keys": self.keys}, sort_keys=True))
        except OSError:
            # Keys left from an earlier build would describe pages this site no longer holds.
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)

    def forget(self, site: Path) -> None:
        """Drop the keys recorded for `site` before it is replaced: a build killed between the swap and
        `remember` must not leave keys that describe the pages of the site it replaced."""
        if self.cache is not None:
            with contextlib.suppress(OSError):
                self._keys_file(site).unlink(missing_ok=True)

    def _keys_file(self, site: Path) -> Path:
        assert self.cache is not None
        return self.cache / "pages" / (hashlib.sha256(str(site.absolute()).encode()).hexdigest()[:24] + ".json")

    def _known_keys(self, previous: Path | None) -> dict[str, str]:
        if previous is None or self.cache is None or not self._keys_file(previous).is_file():
            return {}
        try:
            recorded = json.loads(self._keys_file(previous).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # a cut or garbled file (a full disk, a killed build): render everything
            return {}
        if not isinstance(recorded, dict) or recorded.get("site") != str(previous.absolute()):
            return {}
        keys = recorded.get("keys")
        if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
            return {}
        return keys

    def _key(self, submission: Submission, lang: str, site_root: str, shells_digest: str) -> str:
        """Everything a provider's record and provider pages show, summed up: its submission, the names of
        the organizations and titles of the microcredentials they mention, the outcome reports about its
        microcredentials, the language, the site's address, the shell pages (their digest) and the code that
        renders them."""
        mcs = submission.document.get("microcredentials", [])
        organizations = {submission.provider}
        targets = set()
        for mc in mcs:
            organizations.update(mc["awarding_bodies"], mc.get("offered_by", []))
            organizations.update(e["partner"] for e in mc.get("employer_engagements", []))
            organizations.update(q["qa_body"] for q in mc["quality_assurances"] if q.get("qa_body"))
            organizations.update(r["recognized_by"] for r in mc.get("recognitions", []))
            organizations.update(a["strategy_government"] for a in mc.get("strategy_alignments", [])
                                 if a.get("strategy_government"))
            for pathway in mc.get("pathways", []):
                organizations.add(pathway.get("target_awarding_body") or submission.provider)
                targets.add(pathway.get("target_microcredential") or mc["id"])
        facts = {"submission": [submission.checksum, submission.stale, submission.published or self.latest],
                 "organizations": {o: [self.organizations.get(o), o in self.providers] for o in sorted(organizations)},
                 "titles": {m: self._title_of(m) for m in sorted(targets)},
                 "reports": {mc["id"]: self.reports_of.get(mc["id"], []) for mc in mcs},
                 "related": {mc["id"]: self.related.titles(mc) for mc in mcs},
                 "page": [lang, site_root, shells_digest, code_digest()]}
        return hashlib.sha256(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()

    def _render_language(self, site: Path, site_root: str, lang: str, previous: Path | None,
                         known: dict[str, str]) -> tuple[int, dict[str, str]]:
        t = Words(lang)
        shells = {folder: (site / lang / _shell(folder) / "index.html").read_text(encoding="utf-8") for folder in FOLDERS}
        # What every page key depends on, hashed once for all the providers.
        shells_digest = hashlib.sha256("".join(shells[folder] for folder in FOLDERS).encode()).hexdigest()
        keys, paths = {}, []
        for submission in sorted(self.catalogue.published, key=lambda s: s.provider):
            key = keys[f"{lang}/{submission.name}"] = self._key(submission, lang, site_root, shells_digest)
            mcs = submission.document.get("microcredentials", [])
            own = [record_path(mc["id"]) for mc in mcs] + [provider_path(submission.provider)]
            paths += own
            if previous is not None and known.get(f"{lang}/{submission.name}") == key and _link_all(
                    [(previous / lang / path / "index.html", _page_file(site / lang, path)) for path in own]):
                continue
            pages = [self._record(t, submission, mc, site_root) for mc in mcs] + [self._provider(t, submission, site_root)]
            _write_pages(site / lang, shells, pages)
        browse = self._browse(t) + self._quality(t)
        _write_pages(site / lang, shells, browse)
        find.write_index(self, t, site / lang / "catalogue" / find.INDEX)
        dashboard.write_csvs(self.dashboards.get(lang) or dashboard.compute(self, lang), t, site / lang)
        compare.write_names(self, t, site / lang / "catalogue" / compare.NAMES)
        remove_shell(site / lang, paths + [p.path for p in browse], site_root + lang + "/")
        return len(paths) + len(browse), keys

    def _write_records(self, data: Path) -> None:
        for _submission, mc in self.catalogue.microcredentials():
            _write_json(contained(data / "microcredentials", mc["id"], ".json"), mc)
        for submission in self.catalogue.published:
            _write_json(contained(data.parent / PUBLISHED, submission.name, ".json"), published_record(submission))


def other_formats(identifier: str, lang: str) -> list[dict[str, str]]:
    """The record in the export formats, as the record page in `lang` links to them: one file per format, in
    the page's language for a format that holds one (Open Badges 3.0)."""
    found = []
    for name in sorted(exports.FORMATS):
        edition = exports.edition_for(name, lang)
        found.append({"name": word(f"format.{name}", lang), "type": edition.media_type,
                      "href": f"{ROOT}../data/{edition.record(identifier)}", "lang": edition.lang or ""})
    return found


def _section(path: str) -> tuple[str, str]:
    """A catalogue page's path ("catalogue/<id>/") as its fixed section and the identifier that names it."""
    section, _, name = path.removesuffix("/").partition("/")
    return section, name


def _page_file(root: Path, path: str) -> Path:
    """The index.html of the page at `path` under a language's `root`, its identifier contained by the helper."""
    section, name = _section(path)
    return contained(root / section, name) / "index.html"


def _shell(folder: str) -> str:
    """Where MkDocs renders the shell of `folder`, relative to a language's root."""
    return f"{folder}/_shell/"


def _write_pages(root: Path, shells: dict[str, str], pages: list[Page]) -> None:
    for page in pages:
        target = _page_file(root, page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fill(shells, page), encoding="utf-8")


def _link_all(pairs: list[tuple[Path, Path]]) -> bool:
    """Link (or copy, across file systems) each existing page to its new place; False, having linked
    nothing for good, as soon as one is missing."""
    if not all(source.is_file() for source, _ in pairs):
        return False
    for source, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    return True


def _write_json(path: Path, document: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(json_bytes(document, compact=True))


def fill(shells: dict[str, str], page: Page) -> str:
    """The shell of the page's folder with this page's path, title, description, date and content."""
    folder = page.path.split("/")[0]
    html = shells[folder].replace(_shell(folder), page.path)
    html = html.replace(SHELL_TITLE, escape(page.title)).replace(SHELL_DESCRIPTION, escape(page.description))
    html = html.replace(f'<time datetime="{SHELL_DATE}">{SHELL_DATE}</time>', f'<time datetime="{page.date}">{page.date}</time>')
    if page.head:
        html = html.replace("</head>", page.head + "</head>", 1)
    return SHELL_CONTENT.sub(lambda _: page.content, html, count=1)


def remove_shell(language_root: Path, paths: list[str], base_url: str) -> None:
    """Drop the shell pages and list the catalogue pages in the language's sitemap instead."""
    for folder in FOLDERS:
        shell_dir = language_root / _shell(folder)
        for item in shell_dir.iterdir():
            item.unlink()
        shell_dir.rmdir()
    sitemaps.add_pages(language_root, base_url, paths, tuple(_shell(folder) for folder in FOLDERS))
