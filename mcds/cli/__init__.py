"""The `mcds` command: a thin shell over the library, one module per family of commands (validate, standard,
data, portal), each command registered here. Typed errors become bilingual messages (mcds.cli.support)."""

from __future__ import annotations

import click

from mcds import __version__
from mcds.cli import data, exports, harvest, imports, portal, standard, validate
from mcds.cli.support import debug_option


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


# Every command, registered here and nowhere else.
for command in (standard.generate, validate.validate, standard.diff, standard.release, standard.migrate, standard.convert,
                data.codelists, data.synth, exports.export, imports.import_, harvest.harvest, portal.build, portal.serve):
    main.add_command(command)
