"""Commands about data beside submissions: the official classification tables, and synthetic submissions."""

from __future__ import annotations

from pathlib import Path

import click

from mcds.cli.support import lang_option, reports_errors
from mcds.errors import McdsError
from mcds.i18n import t


@click.group()
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
    """Install a newer NOC, CIP or NAICS table, which then takes precedence over the one the standard ships.

    The standard ships NOC 2021, CIP 2021 and NAICS 2022 (version 1.0), so every code is checked for existence
    without this command. FILE is the classification-structure CSV published by Statistics Canada (English or
    French). Tables go to $MCDS_DATA_DIR, else ~/.local/share/mcds.

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


@click.command()
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
