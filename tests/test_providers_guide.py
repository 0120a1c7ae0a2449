"""The providers' guide walks the whole path, from the empty template to a record on the portal, by the Excel
route and by the CSV route; this runs every command it shows, on a sample, in a folder of its own.

Why: a guide whose commands do not work sends a provider nowhere (issue 17, item 3). Both languages show the
same commands, so running the English ones proves the French ones too. The identifier of the guide,
`college-boreal`, stands for the sample's; where the guide says to fill the files in, the test fills them with
the sample's data as a provider would (the workbook from row 2, the CSV files in place).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_validation_inputs import fill_template

from mcds.cli import main
from mcds.publish.gate import read_document
from mcds.standard import paths

GUIDE = "## 6. "
EXAMPLE = "college-boreal"
SAMPLE = "cegep-du-val-des-cedres"


def walkthrough(lang: str) -> dict[str, list[str]]:
    """The commands of section 6 of the guide in `lang`, by route (its ### headings, in order)."""
    text = (paths.ROOT / "docs" / lang / "standard" / "providers.md").read_text(encoding="utf-8")
    section = text[text.index(GUIDE):]
    routes: dict[str, list[str]] = {}
    for part in re.split(r"^### ", section, flags=re.MULTILINE)[1:]:
        routes[part.splitlines()[0]] = [line.strip()[2:] for line in part.splitlines() if line.strip().startswith("$ ")]
    return routes


def test_both_languages_show_the_same_commands() -> None:
    english, french = walkthrough("en"), walkthrough("fr")
    assert [commands for commands in english.values() if commands] == [c for c in french.values() if c]
    assert sum(len(commands) for commands in english.values()) >= 9


def _run(command: str, folder: Path) -> None:
    """One command of the guide, in `folder`, with the sample's identifier for the guide's."""
    words = shlex.split(command.replace(EXAMPLE, SAMPLE))
    if words[0] == "mcds":
        if words[1] == "serve":  # serving blocks: what it would serve was just built
            site = folder / words[words.index("--dir") + 1]
            document = read_document(paths.SUBMISSIONS_DIR / SAMPLE)
            for lang in ("en", "fr"):
                page = site / lang / "catalogue" / document["microcredentials"][0]["id"] / "index.html"
                assert document["microcredentials"][0]["title"][lang] in page.read_text(encoding="utf-8")
            return
        result = CliRunner().invoke(main, words[1:])
        assert result.exit_code == 0, (command, result.output)
    else:  # the shell's own commands (mkdir, cp with a wildcard): as the guide shows them
        subprocess.run(command.replace(EXAMPLE, SAMPLE), shell=True, cwd=folder, check=True, timeout=60)  # noqa: S602


def _fill(folder: Path, before: str) -> None:
    """What the provider does by hand before the command `before` of the guide."""
    if before.startswith(f"mcds validate {EXAMPLE}.xlsx"):
        fill_template(read_document(paths.SUBMISSIONS_DIR / SAMPLE), folder / f"{SAMPLE}.xlsx")
    elif before.startswith(f"mcds validate {EXAMPLE}/"):
        for table in (paths.SUBMISSIONS_DIR / SAMPLE).glob("*.csv"):
            assert (folder / SAMPLE / table.name).is_file(), f"the guide gave no template for {table.name}"
            shutil.copyfile(table, folder / SAMPLE / table.name)


@pytest.mark.parametrize("route", [0, 1], ids=["excel", "csv"])
def test_every_command_of_the_guide_works_on_a_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        route: int) -> None:
    commands = [c for c in walkthrough("en").values() if c][route]
    (tmp_path / "schema").symlink_to(paths.ROOT / "schema")  # "a copy of the repository", for the CSV templates
    monkeypatch.chdir(tmp_path)
    for command in commands:
        _fill(tmp_path, command)
        _run(command, tmp_path)
    assert any(c.startswith("mcds build --submissions") for c in commands), "the route ends on the portal"
    if route == 0:  # the converted folder is the sample, cell for cell
        for table in (paths.SUBMISSIONS_DIR / SAMPLE).glob("*.csv"):
            assert (tmp_path / "datapackages" / SAMPLE / table.name).read_bytes() == table.read_bytes(), table.name
    published = tmp_path / "preview" / "data" / "submissions" / f"{SAMPLE}.json"
    assert published.is_file()
