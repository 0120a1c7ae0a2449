"""The `mcds` command: a thin shell over the library. It turns typed errors into bilingual messages."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcds import __version__
from mcds.cli.support import debug_option, lang_option, reports_errors, write_output
from mcds.errors import McdsError
from mcds.i18n import t


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mcds")
@debug_option
def main() -> None:
    """MCDS, the pan-Canadian Microcredential Data Standard.

    Exit codes of every command: 0 success, 1 invalid data or stale artefacts, 2 unusable input or usage
    error, 3 internal error (a bug in MCDS: --debug prints its traceback).

    \b
    Examples:
      mcds generate --check
      mcds validate datapackages/kestrel-bay-college/ --lang fr
      mcds --debug validate my-submission.xlsx
    """


@main.command()
@click.option("--check", is_flag=True, help="Do not write: exit 1 and name the stale files if any differ.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write into this folder instead of schema/generated/.",
)
@lang_option
@reports_errors
def generate(check: bool, out: Path | None, lang: str) -> None:
    """Regenerate the standard's artefacts from schema/mcds.yaml.

    \b
    Examples:
      mcds generate            # rewrite schema/generated/
      mcds generate --check    # exit 1 when schema/generated/ is stale
    """
    try:
        from mcds.generators import build
    except ImportError as error:
        raise McdsError("generate.needs_linkml") from error
    from mcds.standard import paths

    if check:
        count = build.check(paths.GENERATED_DIR)
        click.echo(t("generate.fresh", lang, count=count))
    else:
        target = out or paths.GENERATED_DIR
        count = build.write(target)
        click.echo(t("generate.done", lang, count=count, path=target))


@main.command()
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


@main.group()
def codelists() -> None:
    """Manage the official Statistics Canada classification tables.

    \b
    Examples:
      mcds codelists import noc_2021_version_1.0_-_classification_structure.csv
    """


@codelists.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["noc", "cip", "naics"]), help="Which classification, when the file does not say.")
@lang_option
@reports_errors
def import_codelist(file: Path, kind: str | None, lang: str) -> None:
    """Install a full NOC 2021, CIP 2021 or NAICS 2022 table so that every code is checked for existence.

    FILE is the classification-structure CSV published by Statistics Canada (English or French), for example
    the NOC 2021 Version 1.0 "classification structure" CSV. Tables go to $MCDS_DATA_DIR, else ~/.local/share/mcds.

    \b
    Examples:
      mcds codelists import noc_2021_version_1.0_-_classification_structure.csv
      mcds codelists import cip-cpe-2021-structure-eng.csv --kind cip
    """
    from mcds.standard.classifications import NAMES, ImportProblem, import_table

    try:
        found, count, target = import_table(file, kind)
    except ImportProblem as problem:
        raise McdsError(problem.key, **problem.values) from problem
    click.echo(t("codelists.imported", lang, count=count, kind={lang: name.split()[0] for lang, name in NAMES[found].items()},
                 path=target))


@main.command()
@click.option("--providers", type=click.IntRange(1), required=True, help="How many providers.")
@click.option("--microcredentials", type=click.IntRange(0), required=True, help="How many microcredentials in all.")
@click.option("--observations", type=click.IntRange(0), default=0, show_default=True, help="How many outcome rows in all.")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed gives the same packages.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="A new or empty folder.")
@lang_option
@reports_errors
def synth(providers: int, microcredentials: int, observations: int, seed: int, out: Path, lang: str) -> None:
    """Write realistic synthetic submissions, valid by construction, for benchmarks and scale tests.

    \b
    Examples:
      mcds synth --providers 200 --microcredentials 20000 --seed 1 --out /tmp/national
      mcds synth --providers 1 --microcredentials 10 --observations 1000000 --seed 2 --out /tmp/outcomes
    """
    from mcds.devtools import synth as synthetic

    if out.exists() and any(out.iterdir()):
        raise McdsError("synth.not_empty", path=out)
    count = synthetic.write(out, providers, microcredentials, observations, seed)
    click.echo(t("synth.done", lang, count=count, path=out))


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--to", "version", required=True, help="The version of the standard to move to.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="A new or empty folder.")
@lang_option
@reports_errors
def migrate(path: Path, version: str, out: Path, lang: str) -> None:
    """Move a submission to another version of the standard, where the change is mechanical.

    Renamed fields and codes are carried over and the declared version is updated; every other breaking
    change is listed for you to handle. PATH is never modified: the result is a new data package in OUT.

    \b
    Examples:
      mcds migrate datapackages/kestrel-bay-college --to 0.2.0 --out /tmp/kestrel-0.2.0
    """
    from mcds.evolution.migrate import migrate as run

    result = run(path, version, out)
    click.echo(t("migrate.done", lang, source=path, old=result.source, new=result.target, path=out,
                 applied=len(result.applied)))
    for change in result.left:
        click.echo(t("migrate.left", lang, change=change))
    click.echo(t("migrate.next", lang, path=out))


def _register() -> None:
    """Commands that live beside the code they drive."""
    from mcds.cli.evolution import diff, release
    from mcds.cli.portal import build, serve

    for command in (build, serve, diff, release):
        main.add_command(command)


_register()
