"""The `mcds` command: a thin shell over the library. It turns typed errors into bilingual messages."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from mcds import __version__
from mcds.errors import McdsError
from mcds.i18n import LANGUAGES, default_language, t

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=default_language,
    show_default="from MCDS_LANG or the locale",
    help="Language of messages: en or fr.",
)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print an McdsError as a message in the user's language and exit with its code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except McdsError as error:
            click.echo(t(error.key, kwargs.get("lang", "en"), **error.values), err=True)
            sys.exit(error.exit_code)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mcds")
def main() -> None:
    """MCDS, the pan-Canadian Microcredential Data Standard.

    \b
    Examples:
      mcds generate --check
      mcds validate datapackages/college-boreal/ --lang fr
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
        from generators import build
    except ImportError as error:
        raise McdsError("generate.needs_linkml") from error
    from mcds import paths

    if check:
        count = build.check(paths.GENERATED_DIR)
        click.echo(t("generate.fresh", lang, count=count))
    else:
        target = out or paths.GENERATED_DIR
        count = build.write(target)
        click.echo(t("generate.done", lang, count=count, path=target))
