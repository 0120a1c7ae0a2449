"""Reports for people and programs: text for the terminal, JSON, Markdown, one self-contained HTML page, CSV.

Of these, the CSV report is the one made to be opened in a spreadsheet, so its values are neutralized against
formulas (mcds.standard.tabular.neutralize, as in the open-data downloads). The others are read as documents, where a
leading apostrophe would misquote the provider's value: HTML escapes it, JSON and Markdown quote it.

The JSON shape is stable whether one or many inputs were validated:
{"valid": bool, "errors": [finding...], "warnings": [finding...], "submissions": [summary...]}
where a finding is {"source", "code", "severity", "file", "row", "column", "cell", "value", "message", "dependents"}
("cell" is the Excel reference, such as C7, for a workbook; "dependents" are the findings that follow from this
one, each a finding of the same shape, counted once under their root in "errors" and "warnings") and a summary
is {"source", "valid", "usable", "standard_version", "truncated", "errors", "warnings"}.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from mcds.standard.tabular import neutralize
from mcds.util.templates import environment
from mcds.validation.error_catalogue import TRUNCATED, entries, location, message
from mcds.validation.findings import Finding, Report

SHOWN_PER_CODE = 25
WORDS = {
    "en": {"valid": "VALID", "invalid": "INVALID", "unusable": "NOT USABLE", "errors": "errors", "warnings": "warnings",
           "more": "… and {count} more of this kind (use --format csv for the full list).", "version": "standard version",
           "title": "MCDS validation report", "none": "No problem found.", "where": "Where", "what": "Problem",
           "severity": {"error": "error", "warning": "warning"}, "summary": "Summary"},
    "fr": {"valid": "VALIDE", "invalid": "NON VALIDE", "unusable": "INUTILISABLE", "errors": "erreurs", "warnings": "avertissements",
           "more": "… et {count} autres de ce genre (utilisez --format csv pour la liste complète).", "version": "version de la norme",
           "title": "Rapport de validation NPDM", "none": "Aucun problème trouvé.", "where": "Emplacement", "what": "Problème",
           "severity": {"error": "erreur", "warning": "avertissement"}, "summary": "Résumé"},
}


def status(report: Report, lang: str) -> str:
    words = WORDS[lang]
    return words["valid"] if report.valid else words["unusable"] if not report.usable else words["invalid"]


def counts(report: Report, lang: str) -> str:
    words = WORDS[lang]
    colon = " : " if lang == "fr" else ": "
    return f"{words['errors']}{colon}{len(report.errors)}, {words['warnings']}{colon}{len(report.warnings)}"


def _grouped(findings: list[Finding]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[finding.code].append(finding)
    return dict(sorted(groups.items(), key=lambda item: (entries()[item[0]].severity != "error", item[0])))


def _one_line(text: str) -> str:
    """A value or message on one terminal line: a line break inside a cell would break the layout."""
    return " ".join(text.replace("\r", "").split("\n"))


def _context(finding: Finding) -> list[str]:
    """The offending cell among its neighbours, laid out as in the spreadsheet."""
    if not finding.context:
        return []
    context = [(column, _one_line(value)) for column, value in finding.context]
    widths = [min(32, max(len(column), len(value) + 2)) for column, value in context]
    cut = lambda text, width: text if len(text) <= width else text[: width - 1] + "…"  # noqa: E731
    header = " │ ".join(cut(column, w).ljust(w) for (column, _), w in zip(context, widths, strict=False))
    # The value is shortened before the marker is added, so that a long offending cell keeps its ◀.
    cells = " │ ".join(
        (cut(value, w - 2) + " ◀" if column == finding.column else cut(value, w)).ljust(w)
        for (column, value), w in zip(context, widths, strict=False)
    )
    number = str(finding.row)
    return [f"      {' ' * len(number)} │ {header} │", f"      {number} │ {cells} │"]


def text(reports: list[Report], lang: str) -> str:
    words, lines = WORDS[lang], []
    for report in reports:
        version = f" — {words['version']} {report.standard_version}" if report.standard_version else ""
        lines.append(f"{report.source}: {status(report, lang)} ({counts(report, lang)}){version}")
        for code, group in _grouped(report.findings).items():
            item = entries()[code]
            lines.append(f"  [{words['severity'][item.severity]}] {item.title[lang]} ({code}) × {len(group)}")
            for finding in group[:SHOWN_PER_CODE]:
                lines.append(f"    - {_one_line(message(finding, lang))}")
                lines.extend(_context(finding))
            if len(group) > SHOWN_PER_CODE:
                lines.append("    " + words["more"].format(count=len(group) - SHOWN_PER_CODE))
        if report.truncated:
            lines.append("  " + TRUNCATED[lang].format(count=len(report.errors)))
    return "\n".join(lines) + "\n"


def _cell(finding: Finding) -> str | None:
    """The cell's reference as Excel names it (C7), for a finding in a workbook."""
    return f"{finding.letter}{finding.row}" if finding.letter and finding.row else None


def _record(report: Report, finding: Finding, lang: str) -> dict[str, Any]:
    return {"source": report.source, "code": finding.code, "severity": finding.severity, "file": finding.file,
            "row": finding.row, "column": finding.column, "cell": _cell(finding), "value": finding.value,
            "message": message(finding, lang),
            "dependents": [_record(report, dependent, lang) for dependent in finding.dependents]}


def as_json(reports: list[Report], lang: str) -> str:
    document = {
        "valid": all(r.valid for r in reports),
        "errors": [_record(r, f, lang) for r in reports for f in r.errors],
        "warnings": [_record(r, f, lang) for r in reports for f in r.warnings],
        "submissions": [{"source": r.source, "valid": r.valid, "usable": r.usable, "standard_version": r.standard_version,
                         "truncated": r.truncated, "errors": len(r.errors), "warnings": len(r.warnings)} for r in reports],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(reports: list[Report], lang: str) -> str:
    """One finding a row. Opened in a spreadsheet, a provider's value such as =HYPERLINK(...) would run:
    every text is neutralized as the open-data downloads are (a leading apostrophe)."""
    buffer = io.StringIO()
    columns = ["source", "severity", "code", "file", "row", "column", "cell", "value", "message", "grouped_under"]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for report in reports:
        for finding in report.findings:
            # A finding grouped under a root cause has its own line, which names the root's place.
            root = location(finding, lang)
            for item, under in [(finding, ""), *((dependent, root) for dependent in finding.dependents)]:
                record = {**_record(report, item, lang), "grouped_under": under}
                writer.writerow({key: neutralize(value) if isinstance(value, str) else value
                                 for key, value in record.items()})
    return buffer.getvalue()


def _markdown_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: a | would end the cell and a line break the row."""
    return " ".join(str(value).replace("|", "\\|").split("\n")).replace("\r", "")


def _page(reports: list[Report], lang: str, template: str) -> str:
    groups = [(report, _grouped(report.findings)) for report in reports]
    return environment("mcds.validation", html=template.endswith(".html.j2")).get_template(template).render(
        lang=lang, words=WORDS[lang], groups=groups, counts=counts, entries=entries(), status=status, truncated=TRUNCATED[lang],
        md=_markdown_cell, message=message, location=location,
    )


# Every report format, by the name `mcds validate --format` takes: the one registry of them.
RENDERERS: dict[str, Callable[[list[Report], str], str]] = {
    "text": text,
    "json": as_json,
    "markdown": lambda reports, lang: _page(reports, lang, "report.md.j2"),
    "html": lambda reports, lang: _page(reports, lang, "report.html.j2"),
    "csv": as_csv,
}


def render(reports: list[Report], fmt: str, lang: str) -> str:
    """The reports in format `fmt` (a key of RENDERERS) and language `lang`."""
    return RENDERERS[fmt](reports, lang)
