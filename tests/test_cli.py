"""Guards the `mcds` command line as a user meets it: every command and subcommand documents itself with
an example, --version tells the installed version, usage errors exit 2 with a message in the user's
language (--lang, else MCDS_LANG or the locale) and never a traceback, and validation starts without
importing LinkML.

Why: the command line is the standard's front door for providers and their IT staff; the house style
promises that every command is documented, and the issue promises a fast validator with bilingual messages.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT

from mcds import __version__
from mcds.cli import main

# Commands whose help lacks an example, with the reason; a test fails as soon as one gets its example.
WITHOUT_EXAMPLE: dict[str, str] = {}
# Usage errors found by click itself, before MCDS reads --lang: click's messages exist only in English.
CLICK_USAGE_ERRORS = {
    "unknown option": (["validate", "--bogus", "--lang", "fr"], "No such option"),
    "value not among the choices": (["validate", "--format", "pdf", "x", "--lang", "fr"], "is not one of"),
}


def commands(group: click.Group = main, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def invoke(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    result = CliRunner().invoke(main, list(args), env=env, prog_name="mcds")
    assert "Traceback" not in result.output
    return result


def test_there_are_commands_to_document():
    assert {("validate",), ("codelists", "import")} <= set(commands())


@pytest.mark.parametrize("path", commands(), ids=lambda p: " ".join(("mcds", *p)))
def test_every_command_has_help_with_an_example(path):
    result = invoke(*path, "--help")
    assert result.exit_code == 0
    assert "Usage: mcds" in result.output
    if " ".join(path) not in WITHOUT_EXAMPLE:
        assert "Example" in result.output, f"`mcds {' '.join(path)} --help` shows no example"


def test_each_command_without_example_is_still_one():
    for name in sorted(WITHOUT_EXAMPLE):
        result = invoke(*name.split(), "--help")
        assert result.exit_code == 0, f"mcds {name} no longer exists: remove it from WITHOUT_EXAMPLE"
        assert "Example" not in result.output, f"mcds {name} has its example now: remove it from WITHOUT_EXAMPLE"


def test_short_help_option_works():
    assert invoke("validate", "-h").exit_code == 0


def test_version_prints_the_installed_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"mcds, version {__version__}"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert __version__ == declared, "reinstall with pip install -e . after changing the version"


@pytest.mark.parametrize("lang, words", [
    ("en", "Give at least one submission to validate"),
    ("fr", "Donnez au moins une soumission à valider"),
])
def test_usage_error_exits_2_in_the_language_asked_for(lang, words):
    result = invoke("validate", "--lang", lang)
    assert result.exit_code == 2 and words in result.output


@pytest.mark.parametrize("variable", ["MCDS_LANG", "LANG"])
def test_language_comes_from_the_environment_when_not_given(variable):
    env = {"MCDS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", variable: "fr_CA.UTF-8"}
    result = invoke("validate", env=env)
    assert result.exit_code == 2 and "Donnez au moins une soumission" in result.output
    result = invoke("validate", env={**env, variable: "en_CA.UTF-8"})
    assert "Give at least one submission" in result.output


def test_unknown_language_is_a_usage_error():
    result = invoke("validate", "--lang", "de")
    assert result.exit_code == 2 and "--lang" in result.output


@pytest.mark.parametrize("case", sorted(CLICK_USAGE_ERRORS))
def test_click_usage_errors_exit_2_without_traceback_but_in_english(case):
    args, english = CLICK_USAGE_ERRORS[case]
    result = invoke(*args)
    assert result.exit_code == 2
    assert english in result.output, ("click's own usage messages are now translated: update "
                                      "CLICK_USAGE_ERRORS and assert the French text instead")


def test_validation_starts_without_linkml():
    """LinkML is for the generators only; the validator must start fast and install without it."""
    code = ("import sys\n"
            "from click.testing import CliRunner\n"
            "from mcds.cli import main\n"
            f"result = CliRunner().invoke(main, ['validate', {str(ROOT / 'tests/data/submissions/valid/minimal')!r}])\n"
            "assert result.exit_code == 0, result.output\n"
            "assert not [m for m in sys.modules if m.split('.')[0] in ('linkml', 'linkml_runtime')], 'LinkML imported'\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_installed_entry_point_runs():
    """The `mcds` script that installing the package put beside this environment's Python, whatever made it."""
    result = subprocess.run([str(Path(sys.executable).parent / "mcds"), "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.parametrize(("command", "registry"), [
    ("validate", "mcds.validation.render"), ("diff", "mcds.evolution.diff")])
def test_the_format_option_offers_exactly_the_registered_renderers(command: str, registry: str) -> None:
    """The formats live in one registry per command; the option (written out so that `mcds --help` starts
    without importing validation) must offer exactly those."""
    import importlib

    option = next(p for p in main.commands[command].params if p.name == "fmt")
    assert list(option.type.choices) == list(importlib.import_module(registry).RENDERERS)
