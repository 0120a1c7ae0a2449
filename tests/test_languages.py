"""Languages of instruction (0.3.0): a microcredential taught in an Indigenous language of Canada can be
submitted, any other language is named by its BCP 47 tag, and a tag that names no language is refused."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA_DIR

from mcds.cli import main

EXAMPLE = DATA_DIR / "submissions" / "valid" / "cegep-trois-lacs"


def with_languages(tmp_path: Path, languages: str, other: str = "") -> Path:
    """The complete example with the first microcredential taught in `languages` (and `other` languages)."""
    folder = tmp_path / EXAMPLE.name
    shutil.copytree(EXAMPLE, folder)
    path = folder / "microcredentials.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("languages")] = languages
    rows[1][rows[0].index("other_languages")] = other
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return folder


def errors(folder: Path) -> list[tuple[str, int, str]]:
    result = CliRunner().invoke(main, ["validate", str(folder), "--format", "json", "--lang", "en"])
    return [(e["code"], e["row"], e["column"]) for e in json.loads(result.stdout)["errors"]]


@pytest.mark.parametrize("code", ["moe", "atj", "ojs", "ikt", "crg", "bla"])
def test_a_microcredential_taught_in_an_indigenous_language_of_canada_validates(tmp_path, code):
    assert errors(with_languages(tmp_path, f"{code}|fr")) == []


def test_a_language_not_listed_is_named_by_its_bcp_47_tag(tmp_path):
    assert errors(with_languages(tmp_path, "mis|en", "tl")) == []
    assert errors(with_languages(tmp_path / "without", "mis|en")) == [("other-language-missing", 2, "other_languages")]


def test_a_tag_that_names_no_language_is_refused(tmp_path):
    assert errors(with_languages(tmp_path, "mis|en", "zz")) == [("unknown-language-tag", 2, "other_languages")]
