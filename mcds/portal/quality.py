"""The data-quality pages: one per publisher (its current verdict, its findings in the page's language, its
bilingual completeness with every missing text listed and downloadable, when its data last changed and, for a
harvested folder, the history of its last harvests) and a national table of publishers with their status.

Built at every portal build from the gate's own results of that build (mcds.publish.gate: verdicts, counts,
first findings) and from mcds.publish.completeness; the harvest status records (mcds.harvest.status) are added
when the submissions folder holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mcds.harvest import status
from mcds.i18n import LANGUAGE_NAMES, LANGUAGES, in_language
from mcds.portal.records import Words, provider_path
from mcds.portal.views import CatalogueView
from mcds.publish import completeness
from mcds.publish.gate import Submission, UnsafeIdentifier, contained
from mcds.standard import model
from mcds.util.io import csv_bytes
from mcds.util.templates import environment

FOLDER = "quality"
INDEX_PAGE = f"{FOLDER}/index.md"
SHOWN_HISTORY = 30
SHOWN_GAPS = 200  # missing texts listed on a page; the download lists them all
DOWNLOADS = "quality"  # under data/: <id>.missing-text.csv


def page_path(name: str) -> str:
    return f"{FOLDER}/{name}/"


def download_name(name: str) -> str:
    return f"{name}.missing-text.csv"


@dataclass
class Entry:
    """What the pages say of one publisher."""

    name: str  # the identifier the submission was sent under, or the registry's
    submission: Submission | None
    record: dict[str, Any] | None  # its harvest status record
    measured: completeness.Completeness | None
    linked: bool  # whether it has a page (an identifier that cannot name a page is listed without one)
    gaps_download: bool = False
    names: dict[str, str] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        """"published", "stale" (last good data kept), "rejected" (nothing published) or "missing" (never harvested)."""
        harvest_stale = bool(self.record and self.record.get("stale"))
        if self.submission is None:
            return "missing"
        if self.submission.document is None:
            return "rejected"
        return "stale" if self.submission.stale or harvest_stale else "published"


def _safe(name: str) -> bool:
    try:
        contained(Path("/nonexistent-folder"), name)
    except UnsafeIdentifier:
        return False
    return True


def entries(pages: CatalogueView) -> list[Entry]:
    """Every publisher the build saw or the harvest lists, by identifier; measured once per build (the pages of
    both languages and the downloads share it, forked workers included)."""
    known = getattr(pages, _MEMO, None)
    if known is None:
        known = _entries(pages)
        setattr(pages, _MEMO, known)
    return known


_MEMO = "_quality_entries"


def _entries(pages: CatalogueView) -> list[Entry]:
    records = status.read_all(pages.catalogue.origin)
    submissions = {s.name: s for s in pages.catalogue.submissions}
    found = []
    # A publisher is one whose data the catalogue shows (published, or kept as the last good data) or one the
    # harvest registry lists; a submission that was never published and is not registered is not named here.
    shown = {name for name, submission in submissions.items() if submission.document is not None}
    for name in sorted(shown | set(records)):
        submission, record = submissions.get(name), records.get(name)
        document = submission.document if submission is not None else None
        measured = completeness.measure(document) if document is not None else None
        names = (record or {}).get("names") or {}
        found.append(Entry(name, submission, record, measured, _safe(name), gaps_download=bool(measured and measured.gaps),
                           names=names if isinstance(names, dict) else {}))
    return found


def _name(pages: CatalogueView, t: Words, entry: Entry) -> dict[str, str]:
    if entry.submission is not None and entry.submission.document is not None:
        return pages.name(t, entry.submission.provider)
    return t.text({lang: str(entry.names.get(lang, "")) for lang in LANGUAGES}) or {"text": entry.name, "lang": t.lang}


def _share(t: Words, measured: completeness.Completeness | None) -> str:
    return "" if measured is None or measured.share is None else f"{t.number(measured.share * 100, 1)} %"


def changed(entry: Entry) -> str:
    """When the publisher's data last changed: the harvest that brought the current data, else its own date."""
    current = (entry.record or {}).get("current") or {}
    if current.get("since"):
        return str(current["since"])[:10]
    return entry.submission.published if entry.submission is not None and entry.submission.document is not None else ""


def last_harvest(entry: Entry) -> dict[str, Any] | None:
    attempts = (entry.record or {}).get("attempts") or []
    return attempts[-1] if attempts else None


def _row(pages: CatalogueView, t: Words, entry: Entry) -> dict[str, Any]:
    last = last_harvest(entry)
    # Relative to the national page (quality/), whose raw HTML MkDocs does not rewrite.
    return {"name": _name(pages, t, entry), "path": f"{entry.name}/" if entry.linked else None,
            "verdict": t(f"quality.verdict.{entry.verdict}"), "verdict_code": entry.verdict,
            "errors": entry.submission.errors if entry.submission is not None else None,
            "warnings": entry.submission.warnings if entry.submission is not None else None,
            "share": _share(t, entry.measured), "changed": changed(entry),
            "harvest": t(f"quality.harvest.{last['verdict']}") if last and last.get("verdict") else "",
            "harvested": str(last["time"])[:10] if last else ""}


def national_page(pages: CatalogueView, lang: str) -> str:
    """The national table (Markdown for MkDocs, the table itself as HTML)."""
    t = Words(lang)
    found = entries(pages)
    total = completeness.national(e.measured for e in found if e.measured is not None)
    rows = [_row(pages, t, e) for e in found]
    counts = {code: sum(1 for e in found if e.verdict == code) for code in ("published", "stale", "rejected", "missing")}
    return environment("mcds.portal", html=True).get_template("catalogue/quality-national.md.j2").render(
        t=t, title=t("quality.title"), description=t("quality.description"), rows=rows, counts=counts,
        total=total, share=_share(t, total), harvested=any(e.record for e in found),
        texts=t.number(total.texts), missing={lang: t.number(total.missing(lang)) for lang in LANGUAGES})


@cache
def _slot_titles(lang: str) -> dict[str, str]:
    titles: dict[str, str] = {}
    for cls in model.model()["classes"]:
        for slot in cls["slots"]:
            titles.setdefault(slot["name"], slot["title"][lang])
    return titles


def _field(t: Words, gap: completeness.Gap) -> str:
    return _slot_titles(t.lang).get(gap.slot, gap.slot)


def _findings(t: Words, entry: Entry) -> list[dict[str, str]]:
    """The findings that say what to fix: those of the latest harvested file when the gate refused it (the data
    shown is then the last good one), else those of this build's validation of the data shown."""
    last = last_harvest(entry)
    if last is not None and last.get("verdict") == "invalid":
        found = last.get("findings") or []
    else:
        found = entry.submission.findings if entry.submission is not None else []
    return [{"code": f["code"], "severity": t(f"quality.severity.{f['severity']}"),
             "message": str(in_language(f["message"], t.lang))} for f in found]


def _history(t: Words, entry: Entry) -> list[dict[str, Any]]:
    attempts = list(reversed(((entry.record or {}).get("attempts") or [])[-SHOWN_HISTORY:]))
    return [{"time": str(a.get("time", "")).replace("T", " ").replace("Z", " UTC"),
             "status": a.get("http_status") or "—", "verdict": t(f"quality.harvest.{a['verdict']}") if a.get("verdict") else "",
             "errors": "—" if a.get("errors") is None else t.number(a["errors"]),
             "warnings": "—" if a.get("warnings") is None else t.number(a["warnings"]),
             "checksum": (a.get("checksum") or "")[:12],
             "reason": str(in_language(a["reason"], t.lang)) if a.get("reason") else ""} for a in attempts]


def provider_content(pages: CatalogueView, t: Words, entry: Entry, root: str) -> tuple[str, str]:
    """The page of one publisher: (title, HTML content)."""
    name = _name(pages, t, entry)
    measured = entry.measured
    gaps = [{"record": g.record, "field": _field(t, g), "path": g.path, "missing": LANGUAGE_NAMES[g.missing][t.lang]}
            for g in (measured.gaps if measured else [])]
    record = entry.record or {}
    published = entry.submission is not None and entry.submission.document is not None
    content = environment("mcds.portal", html=True).get_template("catalogue/quality.html.j2").render(
        t=t, root=root, name=name, entry=entry, verdict=t(f"quality.verdict.{entry.verdict}"),
        reason=str(in_language(record["reason"], t.lang)) if record.get("reason") else "",
        changed=changed(entry), findings=_findings(t, entry), history=_history(t, entry), harvested=bool(record),
        measured=measured, share=_share(t, measured), gaps=gaps[:SHOWN_GAPS], more_gaps=max(0, len(gaps) - SHOWN_GAPS),
        missing={lang: t.number(measured.missing(lang)) if measured else "0" for lang in LANGUAGES},
        download=f"{root}../data/{DOWNLOADS}/{download_name(entry.name)}" if entry.gaps_download else "",
        provider=provider_path(entry.submission.provider) if published else "",
        url=record.get("data_url", ""))
    return t("quality.provider_title", name=name["text"]), content


def write_downloads(pages: CatalogueView, data: Path) -> None:
    """Each publisher's missing texts as CSV (column names are codes, never translated)."""
    for entry in entries(pages):
        if entry.measured is not None and entry.gaps_download and entry.linked:
            target = contained(data / DOWNLOADS, entry.name, ".missing-text.csv")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(csv_bytes(completeness.GAP_COLUMNS, completeness.gap_rows(entry.measured)))
