"""What every `mcds` command shares: the --lang option, bilingual error reporting and whole-file output.

Every command module of mcds.cli takes these from here, so that none of them imports another."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

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


def write_output(content: str, output: Path | None) -> None:
    """Print `content`, or write it whole to `output` (a failure leaves no partial file)."""
    if output is None:
        click.echo(content, nl=False)
        return
    temporary = output.with_name(output.name + ".part")
    try:
        temporary.write_text(content, encoding="utf-8")
        temporary.replace(output)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise McdsError("output.cannot_write", path=output, reason=error.strerror or str(error)) from error
