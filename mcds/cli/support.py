"""What every `mcds` command shares: the --lang option, bilingual error reporting and whole-file output.

Every command module of mcds.cli takes these from here, so that none of them imports another."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from mcds.errors import McdsError
from mcds.i18n import LANGUAGES, default_language, t
from mcds.util.io import write_atomic

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=default_language,
    show_default="from MCDS_LANG or the locale",
    help="Language of messages: en or fr.",
)


# Exit codes of every command: 1 and 2 are the McdsError's own (mcds.errors); 3 is a bug in MCDS, so that a
# script can tell a crash from bad data.
EXIT_BUG = 3
DEBUG = "mcds.debug"  # the key of the global --debug flag in click's context metadata, shared by subcommands


def _remember_debug(context: click.Context, _parameter: click.Parameter, value: bool) -> None:
    context.meta[DEBUG] = value  # the metadata is shared with every subcommand's context


debug_option = click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_remember_debug,
    help="On an internal error (exit code 3), also print the traceback for the bug report.",
)


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print an McdsError as a message in the user's language and exit with its code, never a traceback.

    An OSError is a problem of the machine (permissions, a full disk) and exits with 2 like unusable input.
    Any other exception is a bug in MCDS: a short message says so and where to report it, with exit code 3;
    the traceback is printed only under the global `--debug` flag."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = kwargs.get("lang", "en")
        try:
            return command(*args, **kwargs)
        except McdsError as error:
            click.echo(t(error.key, lang, **error.values), err=True)
            sys.exit(error.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own usage errors and exits already speak to the user
        except OSError as error:  # the machine, not MCDS: a permission, a full disk, a file gone meanwhile
            path = error.filename if error.filename is not None else "—"
            click.echo(t("system.cannot_access", lang, path=path, reason=error.strerror or type(error).__name__), err=True)
            sys.exit(McdsError.exit_code)
        except Exception as error:  # noqa: BLE001 - whatever is left is a bug, and must not look like bad data
            context = click.get_current_context(silent=True)
            if context is not None and context.meta.get(DEBUG):
                click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
            kind = type(error)
            name = kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"
            click.echo(t("internal.bug", lang, error=name), err=True)
            sys.exit(EXIT_BUG)

    wrapper.reports_errors = True  # type: ignore[attr-defined]
    return wrapper


def write_output(content: str, output: Path | None) -> None:
    """Print `content`, or write it whole to `output` (a failure leaves no partial file)."""
    if output is None:
        click.echo(content, nl=False)
        return
    try:
        write_atomic(output, content)
    except OSError as error:
        raise McdsError("output.cannot_write", path=output, reason=error.strerror or str(error)) from error
