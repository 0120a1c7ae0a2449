"""The standard's commands: `mcds generate` (its artefacts), `mcds diff` (what a change does), `mcds release`
(keeping released versions), `mcds migrate` (moving a submission to a newer version) and `mcds convert` (a
submission in another form, at the same version)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mcds.cli.support import lang_option, reports_errors, write_output
from mcds.errors import McdsError
from mcds.evolution import diff as changes
from mcds.evolution import release as releasing
from mcds.evolution.messages import BUMP_WORDS
from mcds.i18n import t
from mcds.standard import paths


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="text for reading, json for tools, markdown for a CHANGELOG.md draft.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result to this file.")
@lang_option
@reports_errors
def diff(old: str, new: str, fmt: str, output: Path | None, lang: str) -> None:
    """List every change from OLD to NEW and the version bump it needs (major, minor or patch).

    OLD and NEW are released versions (kept in schema/releases/), compiled models (mcds.model.json) or schema
    files (.yaml, compiled on the fly, which needs LinkML). JSON summaries are in English; --lang sets the
    language of the text and markdown forms. Exit code: 0 whatever the changes, 2 when an input is unusable,
    3 a bug in MCDS.

    \b
    Examples:
      mcds diff 0.1.0 schema/mcds.yaml
      mcds diff 0.1.0 schema/mcds.yaml --format markdown --lang fr
      mcds diff old/mcds.model.json new/mcds.model.json --format json --output diff.json
    """
    result = changes.diff(changes.load_model(old), changes.load_model(new))
    write_output(changes.render(result, fmt, lang), output)


@click.command("release")
@click.option("--check", is_flag=True,
              help="Do not write: exit 1 unless the version bump and CHANGELOG.md match the changes since the latest release.")
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=paths.ROOT,
              show_default="this checkout", help="The repository to work on.")
@lang_option
@reports_errors
def release(check: bool, root: Path, lang: str) -> None:
    """Check the version against the latest release, or keep the current schema as a new release.

    Without --check, copies schema/*.yaml and schema/generated/ into schema/releases/<version>/ (the version
    in schema/mcds.yaml), after checking that schema/generated/ is fresh, that the version is bumped enough
    for the changes and that CHANGELOG.md has a section for it. A release is never overwritten.

    \b
    Examples:
      mcds release --check     # run by `make test`: is the version bump right?
      mcds release             # after moving the Unreleased entries of CHANGELOG.md under the new version
    """
    if check:
        status = releasing.check_release(root)
        if status.latest is None:
            click.echo(t("release.no_release", lang, version=status.version))
        elif status.diff is None or not status.diff.changes and status.version == status.latest:
            click.echo(t("release.same", lang, latest=status.latest))
        else:
            required = status.diff.required_bump
            click.echo(t("release.passed", lang, version=status.version, latest=status.latest,
                         count=len(status.diff.changes), required=BUMP_WORDS[required][lang]))
        return
    _require_fresh_artefacts(root)
    version, target, count = releasing.release(root)
    click.echo(t("release.done", lang, version=version, path=target, count=count))


def _require_fresh_artefacts(root: Path) -> None:
    """A release must hold the artefacts of its own schema: regenerate and compare first."""
    if root.resolve() != paths.ROOT:
        raise McdsError("release.other_root", root=root)
    try:
        from mcds.generators import build
    except ImportError as error:
        raise McdsError("generate.needs_linkml") from error
    build.check(paths.GENERATED_DIR)


@click.command()
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


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--to", "version", required=True, help="The version of the standard to move to.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="A new or empty folder.")
@lang_option
@reports_errors
def migrate(path: Path, version: str, out: Path, lang: str) -> None:
    """Move a submission to another version of the standard, where the change is mechanical.

    Renamed fields and codes are carried over and the declared version is updated; every other breaking
    change is listed for you to handle. PATH is never modified: the result is a new data package in OUT. To
    write a submission in another form (folder, workbook, JSON) at the same version, use mcds convert.

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


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--to", "form", type=click.Choice(["folder", "xlsx", "json"]), required=True,
              help="folder: a data package (CSV files and datapackage.json); xlsx: the Excel template, filled in; "
              "json: one JSON document.")
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="The folder (new or empty) for --to folder; the .xlsx or .json file otherwise. Never an input.")
@lang_option
@reports_errors
def convert(path: Path, form: str, out: Path, lang: str) -> None:
    """Write a submission in another form, at the same version of the standard (mcds migrate changes versions).

    PATH is any form `mcds validate` takes: a data-package folder, its datapackage.json, a .zip, a filled Excel
    template (.xlsx) or a JSON document. PATH is never modified. An invalid submission is converted as far as
    it can be read, and the command says what it could not carry over. Exit code: 0 valid, 1 not valid (the
    result is written all the same), 2 unreadable input or a refused --out.

    \b
    Examples:
      mcds convert riviere-rouge-college.xlsx --to folder --out datapackages/riviere-rouge-college
      mcds convert datapackages/kestrel-bay-college --to xlsx --out kestrel-bay-college.xlsx
      mcds convert kestrel-bay-college.xlsx --to json --out kestrel-bay-college.json
    """
    from mcds.evolution.convert import convert as run
    from mcds.validation import validate as check

    result = run(path, form, out)
    click.echo(t("convert.done", lang, source=path, path=out, form=form, version=result.version, rows=result.rows))
    if result.unread:
        click.echo(t("convert.unread", lang, columns=", ".join(f"{table}.{column}" for table, column in result.unread)))
    if result.unfit:
        shown = [f"{table} {t('convert.row', lang, row=row)} {column}" for table, row, column in result.unfit[:20]]
        more = len(result.unfit) - len(shown)
        click.echo(t("convert.unfit", lang, cells=", ".join(shown) + (f" (+{more})" if more else "")))
    if result.dropped:
        click.echo(t("convert.dropped", lang, tables=", ".join(f"{table} ({count})" for table, count in result.dropped.items())))
    report = check(path)
    if report.valid:
        click.echo(t("convert.valid", lang, source=path, warnings=len(report.warnings)))
    else:
        click.echo(t("convert.invalid", lang, source=path, errors=len(report.errors), warnings=len(report.warnings)),
                   err=True)
        sys.exit(1)
