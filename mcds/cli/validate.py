"""mcds validate: check submissions and report in the reader's language and format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcds.cli.support import lang_option, reports_errors, write_output
from mcds.errors import McdsError
from mcds.i18n import t


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html", "csv"]), default="text",
              show_default=True, help="Report format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to this file.")
@click.option("--annotate", type=click.Path(dir_okay=False, path_type=Path),
              help="For one .xlsx input: write a copy with offending cells highlighted and commented.")
@click.option("--profile", "profile_name", metavar="NAME",
              help="Also apply a profile of the standard, such as ontario-osap or eu-annex-i.")
@lang_option
@reports_errors
def validate(paths: tuple[Path, ...], fmt: str, output: Path | None, annotate: Path | None, profile_name: str | None,
             lang: str) -> None:
    """Validate provider submissions against the standard.

    PATHS are data-package folders, datapackage.json files, .zip packages, filled Excel templates (.xlsx) or
    JSON documents. Exit code: 0 valid (warnings allowed), 1 invalid, 2 unusable input or usage error, 3 a
    bug in MCDS.

    \b
    Examples:
      mcds validate datapackages/*/
      mcds validate my-submission.xlsx --lang fr --annotate corrected.xlsx
      mcds validate submission.json --format json --output report.json
      mcds validate datapackages/kestrel-bay-college/ --profile ontario-osap
    """
    from mcds.util.outputs import check_file_output, package_inputs, same_file
    from mcds.validation import validate as run
    from mcds.validation.render import render

    if not paths:
        raise McdsError("validate.no_paths")
    if annotate is not None:
        if len(paths) != 1 or paths[0].suffix.lower() != ".xlsx":
            raise McdsError("validate.annotate_needs_xlsx")
        if same_file(annotate, paths[0]):
            raise McdsError("validate.annotate_same_file")
        if output is not None and same_file(output, annotate):
            raise McdsError("output.twice", path=output)
    for written in (output, annotate):
        if written is not None:
            check_file_output(written, package_inputs(paths))
    reports = [run(path, profile_name=profile_name) for path in paths]
    write_output(render(reports, fmt, lang), output)
    if annotate is not None and reports[0].usable:
        from mcds.validation.annotate import annotate as mark

        count = mark(reports[0], paths[0], annotate, lang)
        click.echo(t("validate.annotated", lang, count=count, path=annotate), err=True)
    if any(not report.usable for report in reports):
        sys.exit(2)
    sys.exit(0 if all(report.valid for report in reports) else 1)
