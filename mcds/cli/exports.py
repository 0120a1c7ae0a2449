"""mcds export: a valid submission in the formats other systems read, with the report of what went where."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click

from mcds.cli.support import lang_option, reports_errors, write_output
from mcds.exports import FORMATS
from mcds.exports.base import PORTAL_URL
from mcds.i18n import t


@click.command("export")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--to", "format_name", type=click.Choice(sorted(FORMATS)), required=True, help="The format to export to.")
@click.option("--out", type=click.Path(path_type=Path),
              help="A .json file for the whole submission, or a folder for one file per record plus bulk.json. "
                   "Default: the whole submission on standard output.")
@click.option("--base-url", default=PORTAL_URL, show_default=True,
              help="The portal's public address, under which records are identified.")
@click.option("--report", "show_report", is_flag=True, help="Also print the mapping report (on standard error).")
@lang_option
@reports_errors
def export(path: Path, format_name: str, out: Path | None, base_url: str, show_report: bool, lang: str) -> None:
    """Export a valid submission to another format; an invalid one is not exported (exit code 1, with its report).

    PATH is anything `mcds validate` accepts. --lang is also the language of formats that hold only one
    (Open Badges 3.0); the mapping report says which fields went where and why others were left out.

    \b
    Examples:
      mcds export datapackages/kestrel-bay-college/ --to ob3 --lang fr --out kestrel-ob3/
      mcds export my-submission.xlsx --to schemaorg --out catalogue.json --report
    """
    from mcds.exports.base import render
    from mcds.publish.gate import contained, read_document
    from mcds.util.io import json_text, write_atomic
    from mcds.util.outputs import check_file_output, check_folder_output, package_inputs
    from mcds.validation import validate as run
    from mcds.validation.inputs import snapshot
    from mcds.validation.render import render as render_validation

    as_folder = out is not None and (out.is_dir() or not out.suffix)
    if out is not None:
        (check_folder_output if as_folder else check_file_output)(out, package_inputs([path]))
    # What is exported is what was validated: a read-only snapshot of exactly what validation reads, as the
    # publication gate takes, validated and then read; nothing is read from PATH afterwards.
    with tempfile.TemporaryDirectory(prefix="mcds-export-") as work:
        copy = snapshot(path, Path(work) / "snapshot")
        report = run(copy)
        if not report.usable or not report.valid:
            report.source = str(path)
            click.echo(render_validation([report], "text", lang), err=True, nl=False)
            sys.exit(2 if not report.usable else 1)
        document = read_document(copy)
    result = FORMATS[format_name].export(document, lang=lang, base_url=base_url)
    if as_folder:
        out.mkdir(parents=True, exist_ok=True)
        for identifier, record in result.records.items():
            write_atomic(contained(out, identifier, ".json", new=False), json_text(record))
        write_atomic(out / "bulk.json", json_text(result.bulk))
        click.echo(t("export.written", lang, count=len(result.records), path=out), err=True)
    else:
        write_output(json_text(result.bulk), out)
    if show_report:
        click.echo(render(result.report, format_name, lang), err=True, nl=False)
