"""Guards the Statistics Canada classification tables the standard ships (schema/statcan/) and the reader of the
official files: the tables hold the published counts and hierarchy, are reproduced byte for byte from the
official rows by `python -m mcds.devtools.statcan`, and the reader accepts the genuine French headers
("Code dela CNP 2021 v1.0", "Titres de classes", NAICS "Parent " with a space) and CIP series written "NN.".

Why: every NOC, CIP and NAICS code of a submission is checked against these tables out of the box, so a table
edited by hand, cut short or misread would refuse real codes or let invented ones through. The excerpts in
tests/data/statcan/ are rows copied unchanged from the official files (BOM, CRLF, header as published).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from test_validation_inputs import cli

from mcds.devtools import statcan as builder
from mcds.standard import classifications, statcan

EXCERPTS = Path(__file__).parent / "data" / "statcan"
SHIPPED = Path(__file__).resolve().parent.parent / "schema" / "statcan"
# Rows by level, as Statistics Canada publishes them.
LEVELS = {"noc": {"1": 10, "2": 45, "3": 89, "4": 162, "5": 516}, "cip": {"1": 50, "2": 454, "3": 2119},
          "naics": {"1": 20, "2": 99, "3": 323, "4": 694, "5": 923}}


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def shipped_rows(kind: str) -> list[dict[str, str]]:
    with classifications.shipped_path(kind).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("kind", classifications.KINDS)
def test_shipped_tables_hold_the_published_levels_and_hierarchy(kind: str) -> None:
    rows = shipped_rows(kind)
    assert Counter(row["level"] for row in rows) == LEVELS[kind]
    codes = [row["code"] for row in rows]
    assert len(set(codes)) == len(codes), "no code twice"
    for row in rows:
        assert (row["parent"] == "") == (row["level"] == "1"), row
        assert row["parent"] == "" or row["parent"] in set(codes), row
        assert row["title_en"], row
    assert all(row["title_fr"] for row in rows) == (kind == "noc"), "French titles exist for NOC only"
    assert len(classifications.shipped(kind).codes) == {"noc": 516, "cip": 2119, "naics": 2059}[kind]


def test_cip_series_are_written_as_the_schema_writes_them() -> None:
    series = [row["code"] for row in shipped_rows("cip") if row["level"] == "1"]
    assert "51" in series and all(re.fullmatch(r"\d{2}", code) for code in series)


def test_shipped_titles_are_the_official_ones() -> None:
    assert classifications.title("noc", "22220", "en") == ("Computer network and web technicians", "en")
    assert classifications.title("noc", "22220", "fr") == ("Techniciens/techniciennes de réseau informatique et Web", "fr")
    assert classifications.title("cip", "48.0508", "fr") == ("Welding technology/welder", "en"), "no official French"
    assert classifications.title("naics", "31-33", "en") == ("Manufacturing", "en")
    assert classifications.title("noc", "72199", "en") is None


def test_the_readme_names_each_source_with_its_sha256() -> None:
    text = (SHIPPED / "README.md").read_text(encoding="utf-8")
    for source in builder.SOURCES:
        for name in filter(None, (source.english, source.french)):
            assert re.search(rf"`{re.escape(name)}` \| `[0-9a-f]{{64}}`", text), name
    assert "Open Government Licence - Canada" in text


def test_the_builder_reproduces_the_shipped_rows_from_the_official_files() -> None:
    """The excerpts hold official rows unchanged; the builder must turn each into the row the table ships."""
    noc, cip = builder.SOURCES[0], builder.SOURCES[1]
    built = [("noc", row) for row in builder.rows(EXCERPTS, noc)] + [("cip", row) for row in builder.rows(EXCERPTS, cip)]
    shipped = {(kind, row["code"]): row for kind in ("noc", "cip") for row in shipped_rows(kind)}
    assert len(built) == 24
    for kind, row in built:
        assert shipped[kind, row["code"]] == row


def test_the_genuine_french_noc_file_is_read_and_imported(tmp_path: Path, data_dir: Path) -> None:
    french = EXCERPTS / "cnp_2021_version_1.0_-_structure_de_la_classification.csv"
    header, entries = statcan.read(french)
    assert header[2:4] == ["Code dela CNP 2021 v1.0", "Titres de classes"]
    assert statcan.Entry("22220", 5, "2222", "Techniciens/techniciennes de réseau informatique et Web") in entries
    copy = tmp_path / "folder" / french.name
    copy.parent.mkdir()
    copy.write_bytes(french.read_bytes())
    result = cli("codelists", "import", str(copy), lang="fr")
    assert result.exit_code == 0, result.output
    assert "7 codes CNP installés" in result.output
    assert classifications.installed("noc") == frozenset({"22220", "72106", "72410", "21211", "21232", "31301", "32101"})


def test_cip_series_written_nn_dot_are_read_and_the_classes_imported(tmp_path: Path) -> None:
    _, entries = statcan.read(EXCERPTS / "cip-2021-structure.csv")
    assert entries[:3] == [statcan.Entry("11", 1, "", "Computer and information sciences and support services"),
                           statcan.Entry("11.07", 2, "11", "Computer science"),
                           statcan.Entry("11.0701", 3, "11.07", "Computer science")]
    result = cli("codelists", "import", str(EXCERPTS / "cip-2021-structure.csv"))
    assert result.exit_code == 0, result.output
    assert classifications.installed("cip") == frozenset({"11.0701", "48.0508", "51.3801"})


def test_the_french_naics_header_with_its_trailing_space_is_read(tmp_path: Path) -> None:
    """No official French NAICS 2022 file could be obtained; its header is the one Statistics Canada publishes."""
    path = tmp_path / "naics-scian-2022-structure-v1-fra.csv"
    lines = ["Niveau,Structure hiérarchique,Code,Parent ,Titres de classes,Supérieurs,Définitions de la classe",
             "1,Secteur,31-33,,Fabrication,,", "2,Sous-secteur,332,31-33,Fabrication de produits métalliques,,"]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    _, entries = statcan.read(path)
    assert [(e.code, e.parent) for e in entries] == [("31-33", ""), ("332", "31-33")]
    assert cli("codelists", "import", str(path), lang="fr").exit_code == 0
    assert classifications.installed("naics") == frozenset({"31-33", "332"})
