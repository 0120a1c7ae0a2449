"""The Exports reference page: what each export format is for, the command, and for each format an example and
its mapping report, generated at build time from a real record of a sample submission (never hand-written
JSON, so the page shows what `mcds export` gives today).

The record is the first microcredential of the sample `SAMPLE` in datapackages/, exported alone with the
organizations and outcome reports it refers to, so that the mapping report is the report of that record.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mcds.exports import FORMATS
from mcds.exports.base import PORTAL_URL
from mcds.i18n import t
from mcds.portal.markdown import code, environment
from mcds.portal.words import word
from mcds.publish.exports import edition_for
from mcds.standard import paths
from mcds.util.io import json_text

PAGE = "reference/exports.md"
SAMPLE = "kestrel-bay-college"  # the sample the CLI's help uses too


@functools.cache
def sample_record(sample: Path) -> dict[str, Any]:
    """The first microcredential of the sample submission `sample` (a valid package), alone in its document."""
    from mcds.publish.gate import read_document

    document = read_document(sample)
    mc = document["microcredentials"][0]
    reports = [r for r in document.get("outcome_reports", []) if r.get("subject_microcredential") == mc["id"]]
    return {**document, "microcredentials": [mc], "outcome_reports": reports}


@functools.cache
def exported_terms(folder: Path) -> dict[str, dict[str, set[str]]]:
    """What each exporter writes for every field of the submissions in `folder` (the samples): {"Class.slot":
    {format: terms}}, from the exporters' own mapping reports, so that the crosswalk page shows what they do."""
    from mcds.publish.gate import read_document, sources

    found: dict[str, dict[str, set[str]]] = {}
    for source in sources(folder):
        document = read_document(source)
        for name in sorted(FORMATS):
            for path, term in FORMATS[name].export(document).report.used:
                if not term.startswith("@"):
                    found.setdefault(path.split("@")[0], {}).setdefault(name, set()).add(term)
    return found


def exports_page_text(lang: str, sample: Path | None = None) -> str:
    """The Exports page in `lang`, its examples taken from the sample submission folder `sample`."""
    sample = sample or paths.SUBMISSIONS_DIR / SAMPLE
    document = sample_record(sample)
    identifier = document["microcredentials"][0]["id"]
    formats = []
    for name in sorted(FORMATS):
        result = FORMATS[name].export(document, lang=lang, base_url=PORTAL_URL)
        example = json_text(result.records[identifier])
        report = result.report.sorted()
        edition = edition_for(name, lang)
        formats.append({
            "name": name,
            "title": word(f"format.{name}", lang),
            "purpose": word(f"export_page.purpose.{name}", lang),
            "published": word("export_page.published", lang, folder=edition.folder, bulk=edition.bulk),
            "example": example,
            "used": [(code(path), code(term)) for path, term in report.used],
            "left_out": [(code(path), t(reason, lang)) for path, reason in report.left_out],
        })
    return environment().get_template("exports.md.j2").render(
        lang=lang, w=lambda key, **values: word(key, lang, **values), formats=formats,
        identifier=identifier, sample=sample.name, command_formats="|".join(sorted(FORMATS)))
