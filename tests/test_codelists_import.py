"""Guards `mcds codelists import`: a classification-structure CSV in Statistics Canada's official format
(NOC 2021, CIP 2021, NAICS 2022, English or French, UTF-8 or Windows-1252) is installed in MCDS_DATA_DIR,
after which validation checks that every code exists in it; files that are not such a table are refused with
a clear message in the user's language (exit 2), never a traceback.

Why: the standard ships only the top-level groupings of these classifications, so the existence of a full
code can only be checked against the table a user installs; an import that silently accepts the wrong file,
or a validator that ignores the installed table, would let invented codes into the catalogue.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from test_validation_inputs import PACKAGE, cli, copy_package, set_cell

from mcds.publish import gate as catalogue
from mcds.standard import classifications

NOC_HEADER = "Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition"
NAICS_HEADER = "Level,Hierarchical structure,Code,Parent,Class title,Superscript,Class definition"
CIP_HEADER = "Level,Hierarchical structure,Code,Class title,Class definition"

# Small extracts in the official layout, holding every code the valid example package uses.
NOC = [
    ("1", "Broad category", "7", "Trades, transport and equipment operators and related occupations", "Trades."),
    ("2", "Major group", "72", "Technical trades and transportation officers and controllers", ""),
    ("3", "Sub-major group", "721", "Technical industrial, electrical and construction trades", ""),
    ("4", "Minor group", "7210", "Technical trades contractors and supervisors", ""),
    ("5", "Unit group", "72106", "Welders and related machine operators", "Welders operate welding equipment."),
    ("5", "Unit group", "31301", "Registered nurses and registered psychiatric nurses", ""),
    ("5", "Unit group", "32101", "Licensed practical nurses", ""),
    ("5", "Unit group", "21211", "Data scientists", ""),
    ("5", "Unit group", "21232", "Software developers and programmers", ""),
    ("5", "Unit group", "94105", "Metalworking and forging machine operators", ""),
]
NAICS = [
    ("1", "Sector", "31-33", "", "Manufacturing", "", ""),
    ("2", "Subsector", "332", "31-33", "Fabricated metal product manufacturing", "", ""),
    ("3", "Industry group", "3323", "332", "Architectural and structural metals manufacturing", "", ""),
    ("3", "Industry group", "3361", "336", "Motor vehicle manufacturing", "", ""),
    ("3", "Industry group", "3363", "336", "Motor vehicle parts manufacturing", "", ""),
    ("3", "Industry group", "5415", "541", "Computer systems design and related services", "", ""),
    ("2", "Subsector", "622", "62", "Hospitals", "", ""),
    ("2", "Subsector", "623", "62", "Nursing and residential care facilities", "", ""),
]
CIP = [
    ("1", "Series", "48", "Precision production", ""),
    ("2", "Subseries", "48.05", "Precision metal working", ""),
    ("3", "Class", "48.0508", "Welding technology/welder", ""),
    ("3", "Class", "51.3801", "Registered nursing/registered nurse", ""),
    ("3", "Class", "11.0701", "Computer science", ""),
]
TABLES = {"noc": ("noc-2021-v1.0-structure.csv", NOC_HEADER, NOC),
          "naics": ("naics-scian-2022-structure-v1-eng.csv", NAICS_HEADER, NAICS),
          "cip": ("cip-cpe-2021-structure-eng.csv", CIP_HEADER, CIP)}
# Codes of the finest level only: NOC unit groups, CIP classes, every NAICS level (all are valid codes).
INSTALLED = {"noc": 6, "naics": 8, "cip": 3}
# For each kind: a cell of the example, a code of valid shape and grouping that the extract lacks.
ABSENT = {"noc": ("occupations", "72199"), "naics": ("industries", "3329"), "cip": ("field_of_study", "48.0599")}


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def write_table(folder: Path, kind: str, encoding: str = "utf-8") -> Path:
    name, header, rows = TABLES[kind]
    path = folder / name
    with path.open("w", encoding=encoding, newline="") as handle:
        handle.write(header + "\r\n")
        csv.writer(handle, lineterminator="\r\n").writerows(rows)
    return path


@pytest.mark.parametrize("kind", sorted(TABLES))
def test_import_installs_the_finest_codes(tmp_path, data_dir, kind):
    result = cli("codelists", "import", str(write_table(tmp_path, kind)))
    assert result.exit_code == 0, result.output
    assert f"Installed {INSTALLED[kind]} {kind.upper()} codes" in result.output
    assert (data_dir / "classifications" / f"{kind}.csv").is_file()
    assert len(classifications.installed(kind) or ()) == INSTALLED[kind]


def test_after_import_absent_codes_are_unknown_and_present_codes_pass(tmp_path):
    for kind in TABLES:
        assert cli("codelists", "import", str(write_table(tmp_path, kind))).exit_code == 0
    assert cli("validate", str(PACKAGE)).exit_code == 0, "every code of the example is in the extracts"

    folder = copy_package(tmp_path / "package")
    for column, code in ABSENT.values():
        set_cell(folder, "microcredentials.csv", 2, column, code)
    for lang, reason in (("en", "it is not in the installed official table"),
                         ("fr", "il ne figure pas dans la table officielle installée")):
        result = cli("validate", str(folder), "--format", "json", lang=lang)
        assert result.exit_code == 1
        errors = json.loads(result.stdout)["errors"]
        assert sorted((e["code"], e["file"], e["row"], e["column"]) for e in errors) == sorted(
            ("unknown-code", "microcredentials.csv", 2, column) for column, _ in ABSENT.values())
        for error in errors:
            code = dict(ABSENT.values())[error["column"]]
            assert f"« {code} »" in error["message"] if lang == "fr" else f'"{code}"' in error["message"]
            assert reason in error["message"]


def test_without_an_installed_table_the_shipped_table_decides(tmp_path):
    """No import step: the standard ships the official tables, so a code with a real TEER digit, series or sector
    that Statistics Canada does not publish is refused at its row and column, in both languages."""
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "occupations", ABSENT["noc"][1])
    set_cell(folder, "microcredentials.csv", 3, "industries", "31")
    for lang, words in (("en", ("it is not in Statistics Canada's official table (NOC 2021)",
                                "it is part of the sector 31-33, not a code by itself")),
                        ("fr", ("il ne figure pas dans la table officielle de Statistique Canada (CNP 2021)",
                                "il fait partie du secteur 31-33, ce n'est pas un code à lui seul"))):
        result = cli("validate", str(folder), "--format", "json", lang=lang)
        assert result.exit_code == 1
        errors = sorted((e["code"], e["row"], e["column"], e["message"]) for e in json.loads(result.stdout)["errors"])
        assert [error[:3] for error in errors] == [("unknown-code", 2, "occupations"), ("unknown-code", 3, "industries")]
        assert words[0] in errors[0][3] and words[1] in errors[1][3]


def test_an_installed_table_overrides_the_shipped_one(tmp_path):
    """A newer version installed with `mcds codelists import` decides alone: here it holds 72199, which NOC 2021
    V1.0 lacks, so the code passes."""
    folder = copy_package(tmp_path / "package")
    set_cell(folder, "microcredentials.csv", 2, "occupations", ABSENT["noc"][1])
    assert cli("validate", str(folder)).exit_code == 1
    newer = write_table(tmp_path, "noc")
    with newer.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerow(["5", "Unit group", "72199", "Other technical trades", ""])
    assert cli("codelists", "import", str(newer)).exit_code == 0
    assert cli("validate", str(folder)).exit_code == 0


def test_the_installed_table_follows_mcds_data_dir(tmp_path, monkeypatch):
    assert cli("codelists", "import", str(write_table(tmp_path, "noc"))).exit_code == 0
    assert classifications.installed("noc") is not None
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "elsewhere"))
    assert classifications.installed("noc") is None, "a table of another data folder must not be used"


def test_only_the_finest_codes_are_installed_with_their_titles(tmp_path, data_dir):
    cli("codelists", "import", str(write_table(tmp_path, "noc")))
    with (data_dir / "classifications" / "noc.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["code"] for row in rows} == {row[2] for row in NOC if len(row[2]) == 5}
    assert {"code": "72106", "title": "Welders and related machine operators"} in rows


def test_french_table_in_windows_1252_is_imported(tmp_path, data_dir):
    path = tmp_path / "cnp-2021-v1.0-structure.csv"
    lines = ["Niveau,Structure hiérarchique,Code - CNP 2021 V1.0,Titre de la classe,Définition de la classe",
             '5,Groupe de base,72106,"Soudeurs/soudeuses et opérateurs/opératrices de machines à souder",""']
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    result = cli("codelists", "import", str(path), lang="fr")
    assert result.exit_code == 0 and "1 codes" in result.output and "installés" in result.output
    assert classifications.installed("noc") == frozenset({"72106"})


def test_reimport_replaces_the_table(tmp_path):
    cli("codelists", "import", str(write_table(tmp_path, "noc")))
    smaller = tmp_path / "noc-small.csv"
    smaller.write_text(NOC_HEADER + "\n5,Unit group,21211,Data scientists,\n", encoding="utf-8")
    assert cli("codelists", "import", str(smaller)).exit_code == 0
    assert classifications.installed("noc") == frozenset({"21211"})


def test_kind_option_names_a_table_whose_header_does_not(tmp_path):
    path = tmp_path / "structure.csv"
    path.write_text(CIP_HEADER + "\n3,Class,48.0508,Welding technology/welder,\n", encoding="utf-8")
    assert cli("codelists", "import", str(path)).exit_code == 2
    assert cli("codelists", "import", str(path), "--kind", "cip").exit_code == 0
    assert classifications.installed("cip") == frozenset({"48.0508"})


def _file(name: str, data: bytes):
    def build(folder: Path) -> Path:
        (folder / name).write_bytes(data)
        return folder / name
    return build


BAD_FILES = {
    "missing": (lambda folder: folder / "noc-absent.csv",
                {"en": "does not exist or cannot be read", "fr": "n'existe pas ou ne peut pas être lu"}),
    "no-code-column": (_file("noc-list.csv", b"Level,Name\n5,Welders\n"),
                       {"en": "has no code and class title columns", "fr": "n'a pas de colonnes de code et de titre"}),
    "kind-unknown": (_file("structure.csv", b"Code,Class title\n72106,Welders\n"),
                     {"en": "Cannot tell whether", "fr": "Impossible de savoir si"}),
    "no-code-of-the-shape": (_file("noc-2021.csv", (NOC_HEADER + "\n1,Broad category,7,Trades,\n").encode()),
                             {"en": "holds no code of the expected form", "fr": "ne contient aucun code de la forme attendue"}),
    "empty": (_file("noc-2021.csv", b""),
              {"en": "holds no code of the expected form", "fr": "ne contient aucun code de la forme attendue"}),
    "spreadsheet": (_file("noc-2021.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x81\x8d\x8f\x90\x9d"),
                    {"en": "is not a text CSV file", "fr": "n'est pas un fichier CSV texte"}),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_refused_with_a_clear_message(tmp_path, data_dir, case, lang):
    build, words = BAD_FILES[case]
    path = build(tmp_path)
    result = cli("codelists", "import", str(path), lang=lang)
    assert result.exit_code == 2, result.output
    assert words[lang] in result.output and str(path) in result.output
    assert not (data_dir / "classifications").exists() or not list((data_dir / "classifications").iterdir()), \
        "a refused file installs nothing"


def test_a_folder_is_a_usage_error(tmp_path):
    result = cli("codelists", "import", str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.output


def test_the_build_gate_does_not_reuse_a_result_cached_before_a_table_was_installed(tmp_path):
    """`mcds build` caches validation results by content: a submission valid without the full NOC table, whose
    occupation the table does not hold, must be validated again (and refused) once the table is installed."""
    submissions, cache = tmp_path / "submissions", tmp_path / "cache"
    folder = copy_package(submissions / "cegep-trois-lacs")
    # 72410 is a NOC 2021 unit group (the shipped table holds it) that the installed extract lacks.
    set_cell(folder, "microcredentials.csv", 2, "occupations", "72410")
    assert catalogue.gather(submissions, cache=cache).submissions[0].valid
    assert len(list(cache.glob("*.json"))) == 1
    assert catalogue.gather(submissions, cache=cache).submissions[0].valid
    assert len(list(cache.glob("*.json"))) == 1, "an unchanged submission is answered from the cache"
    assert cli("codelists", "import", str(write_table(tmp_path, "noc"))).exit_code == 0
    refused = catalogue.gather(submissions, cache=cache).submissions[0]
    assert (refused.valid, refused.errors) == (False, 1)
