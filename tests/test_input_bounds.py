"""Guards the promise that no input makes an `mcds` command crash or run away: every failure is a located,
bilingual message with exit code 1 (invalid) or 2 (unusable), the bounds of mcds.util.limits are enforced before
the work they protect, and a bug in MCDS itself is told apart from bad data by exit code 3.

Why: a traceback with exit code 1 looked to scripts exactly like invalid data, and inputs an attacker or an
unlucky export produces (a table missing a column, a byte-order mark alone, sNaN, JSON nested 10,000 deep,
XML entities, encrypted or Deflate64 zips, 20,000 columns) crashed the validator or exhausted the machine.
Each case is built in tmp_path and run through the command line; the bounds are lowered with monkeypatch
where the real ones would need a file of hundreds of megabytes.
"""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from test_validation_inputs import PACKAGE, TEMPLATE, cli, copy_package, document, edit_csv, fill_template, snapshot

from mcds.cli import main
from mcds.cli.support import EXIT_BUG
from mcds.publish import opendata
from mcds.standard import tabular
from mcds.util import limits
from mcds.validation import engine

WORDS = {"en": "bug in MCDS", "fr": "anomalie de la NPDM"}


def report(*args: str, lang: str = "en", code: int) -> dict[str, Any]:
    result = cli("validate", *args, "--format", "json", lang=lang)
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def places(found: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(f["code"], f["file"], f["row"], f["column"]) for f in found["errors"]]


def drop_column(folder: Path, name: str, column: str) -> None:
    rows = list(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"))))
    position = rows[0].index(column)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([row[:position] + row[position + 1:] for row in rows])
    (folder / name).write_text(buffer.getvalue(), encoding="utf-8")


def set_first(folder: Path, name: str, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO((folder / name).read_text(encoding="utf-8"))))
    rows[1][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / name).write_text(buffer.getvalue(), encoding="utf-8")


# ------------------------------------------------------------------------------ never a traceback

@pytest.mark.parametrize("table, column", [("microcredentials.csv", "review_date"), ("cost_items.csv", "applies_to_offering"),
                                           ("observations.csv", "suppressed"), ("assessments.csv", "description_fr")])
def test_a_table_missing_a_column_is_reported_not_raised(tmp_path, table, column):
    """The domain checks read columns by name; a table whose header lacks one was a KeyError."""
    folder = copy_package(tmp_path / "package")
    drop_column(folder, table, column)
    found = report(str(folder), code=1)
    header = [place for place in places(found) if place[1] == table and place[2] == 1]
    assert header and {place[0] for place in header} <= {"missing-label", "incorrect-label"}, places(found)
    assert column in [place[3] for place in header]


@pytest.mark.parametrize("value", ["sNaN", "NaN", "-Infinity", "1e400"])
def test_a_number_that_is_not_finite_is_a_type_error(tmp_path, value):
    folder = copy_package(tmp_path / "package")
    set_first(folder, "microcredentials.csv", "workload_hours", value)
    found = report(str(folder), code=1)
    assert ("type-error", "microcredentials.csv", 2, "workload_hours") in places(found)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_title_row_above_the_column_names_of_a_workbook_is_named(tmp_path, lang):
    """Any sheet, the empty template included: the column names must be in row 1."""
    for number, source in enumerate((TEMPLATE, fill_template(document(), tmp_path / "filled.xlsx"))):
        book = load_workbook(source)
        sheet = book["offerings" if number else "submission"]
        sheet.insert_rows(1)
        sheet["A1"] = "Soumission 2027"
        target = tmp_path / f"title-{number}.xlsx"
        book.save(target)
        found = report(str(target), lang=lang, code=2)
        assert places(found) == [("header-not-in-row-1", sheet.title, 1, None)]
        words = {"en": 'The column names must be in row 1; row 1 holds "Soumission 2027"',
                 "fr": "Les noms de colonnes doivent être à la ligne 1; la ligne 1 contient « Soumission 2027 »"}
        assert words[lang] in found["errors"][0]["message"]


def _rewrite(source: Path, target: Path, part: str, data: bytes) -> Path:
    """A copy of the workbook `source` with `part` replaced by (or added as) `data`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename != part:
                new.writestr(item, old.read(item.filename))
        new.writestr(part, data)
    return target


SHARED = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def test_a_malformed_shared_strings_part_is_an_unreadable_workbook(tmp_path):
    with zipfile.ZipFile(TEMPLATE) as bundle:
        types = bundle.read("[Content_Types].xml").decode()
    assert SHARED not in types
    types = types.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED}"/></Types>')
    declared = _rewrite(TEMPLATE, tmp_path / "declared.xlsx", "[Content_Types].xml", types.encode())
    broken = _rewrite(declared, tmp_path / "broken.xlsx", "xl/sharedStrings.xml", b"<sst><si><t>unclosed")
    before = snapshot(tmp_path)
    assert [f["code"] for f in report(str(broken), code=2)["errors"]] == ["unreadable-workbook"]
    assert snapshot(tmp_path) == before


def test_openpyxl_warnings_do_not_reach_the_provider(tmp_path):
    """A relationship without its Id makes openpyxl warn on stderr, in English; the workbook is still read."""
    relations = tmp_path / "relations.xlsx"
    _rewrite(TEMPLATE, relations, "xl/worksheets/_rels/sheet2.xml.rels",
             b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             b'<Relationship Type="x"/></Relationships>')
    # A process of its own: pytest would capture the warning before it reached stderr.
    result = subprocess.run([sys.executable, "-m", "mcds", "validate", str(relations), "--lang", "fr"],
                            capture_output=True, text=True, check=False)
    assert result.returncode in (1, 2) and "Warning" not in result.stderr, result.stderr


LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
          + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
          + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_xml_entity_declarations_in_a_sheet_are_refused_unparsed(tmp_path, lang):
    """A billion laughs: 10^9 "lol"s if any parser expanded it; the part is refused from its prolog."""
    with zipfile.ZipFile(TEMPLATE) as bundle:
        sheet = next(name for name in bundle.namelist() if name.startswith("xl/worksheets/sheet"))
    bomb = _rewrite(TEMPLATE, tmp_path / "laughs.xlsx", sheet, LAUGHS)
    found = report(str(bomb), lang=lang, code=2)
    assert [f["code"] for f in found["errors"]] == ["unsafe-workbook"]
    words = {"en": f"the part {sheet} declares an XML document type", "fr": f"la partie {sheet} déclare un type de document"}
    assert words[lang] in found["errors"][0]["message"]


def test_json_nested_ten_thousand_deep_is_refused_with_its_place(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"standard_version": "0.2.0",\n "organizations": ' + "[" * 10_000 + "]" * 10_000 + "}")
    found = report(str(deep), code=2)
    assert places(found) == [("json-too-deep", "deep.json", None, None)]
    column = len(' "organizations": ') + limits.JSON_DEPTH  # the document's object is level 1
    assert f"more than {limits.JSON_DEPTH} levels deep at line 2, column {column}" in found["errors"][0]["message"]


def _patched_zip(tmp: Path, flags: int, method: int) -> Path:
    """The valid package zipped, with its first entry's general-purpose flags and compression method
    rewritten in both its local header and the central directory (zipfile writes neither kind)."""
    target = tmp / "package.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as bundle:
        for path in sorted(PACKAGE.glob("*")):
            bundle.write(path, path.name)
    data = bytearray(target.read_bytes())
    data[6:8], data[8:10] = flags.to_bytes(2, "little"), method.to_bytes(2, "little")
    central = data.find(b"PK\x01\x02")
    data[central + 8:central + 10], data[central + 10:central + 12] = flags.to_bytes(2, "little"), method.to_bytes(2, "little")
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind, flags, method, words", [
    ("encrypted", 1, 0, {"en": "is encrypted", "fr": "est chiffrée"}),
    ("deflate64", 0, 9, {"en": "Deflate64", "fr": "Deflate64"}),
])
def test_encrypted_and_deflate64_zips_are_refused(tmp_path, lang, kind, flags, method, words):
    found = report(str(_patched_zip(tmp_path, flags, method)), lang=lang, code=2)
    assert [f["code"] for f in found["errors"]] == ["unsafe-archive"]
    assert words[lang] in found["errors"][0]["message"]


def _corrupt(archive: Path, name: str) -> Path:
    """The entry `name` with its compressed bytes replaced by an invalid Deflate stream (what the fuzz test
    found: zipfile lets the decompressor's zlib.error through)."""
    with zipfile.ZipFile(archive) as bundle:
        offset = bundle.getinfo(name).header_offset
    data = bytearray(archive.read_bytes())
    start = offset + 30 + int.from_bytes(data[offset + 26:offset + 28], "little") \
        + int.from_bytes(data[offset + 28:offset + 30], "little")
    data[start:start + 8] = b"\xff" * 8
    archive.write_bytes(bytes(data))
    return archive


def test_a_corrupt_deflate_stream_is_an_unreadable_zip_or_workbook(tmp_path):
    from test_validation_inputs import zip_folder

    archive = _corrupt(zip_folder(PACKAGE, tmp_path / "package.zip"), "organizations.csv")
    found = report(str(archive), code=2)
    assert [f["code"] for f in found["errors"]] == ["unsafe-archive"]
    assert "not a readable zip file" in found["errors"][0]["message"]
    workbook = tmp_path / "submission.xlsx"
    workbook.write_bytes(TEMPLATE.read_bytes())
    found = report(str(_corrupt(workbook, "xl/workbook.xml")), code=2)
    assert [f["code"] for f in found["errors"]] == ["unreadable-workbook"]


@pytest.mark.parametrize("content", [b"[1, 2]", b'{"a": 1}', b'{"version": "1", "classes": 1, "enums": []}',
                                     b'{"version": "1", "classes": [{"name": "A", "slots": [1]}], "enums": []}',
                                     b"[" * 10_000 + b"]" * 10_000, b'{"version": "1", "version": "2"}', b"\xff\xfe\x00"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_diff_of_a_json_file_that_is_not_a_model(tmp_path, content, lang):
    path = tmp_path / "other.json"
    path.write_bytes(content)
    result = cli("diff", str(path), "0.1.0", lang=lang)
    assert result.exit_code == 2, result.output
    assert str(path) in result.output
    assert {"en": "compiled model", "fr": "modèle compilé"}[lang] in result.output \
        or {"en": "cannot be read as JSON", "fr": "ne peut pas être lu comme du JSON"}[lang] in result.output


CODELIST = "Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition\n"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name, content, words", [
    ("wrong-columns", b"Niveau,Nom\n1,x\n", {"en": "has no code and class title", "fr": "n'a pas de colonnes de code"}),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {"en": "is not a text CSV", "fr": "n'est pas un fichier CSV texte"}),
    ("utf-16", CODELIST.encode("utf-16"), {"en": "is not a text CSV", "fr": "n'est pas un fichier CSV texte"}),
    ("formula", (CODELIST + '5,Unit group,72106,"=HYPERLINK(""http://x"")",\n').encode(),
     {"en": "starts like a spreadsheet formula", "fr": "commence comme une formule de tableur"}),
    ("duplicate-code", (CODELIST + "5,Unit group,72106,Welders,\n5,Unit group,72106,Cooks,\n").encode(),
     {"en": "gives the code 72106 two different titles", "fr": "donne deux titres différents au code 72106"}),
])
def test_codelists_import_refuses_hostile_tables(tmp_path, monkeypatch, lang, name, content, words):
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / f"noc-{name}.csv"
    path.write_bytes(content)
    result = cli("codelists", "import", str(path), lang=lang)
    assert result.exit_code == 2, result.output
    assert words[lang] in result.output
    assert not (tmp_path / "data" / "classifications" / "noc.csv").exists()


def test_codelists_import_refuses_a_huge_file_before_reading_it(tmp_path, monkeypatch):
    monkeypatch.setenv("MCDS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(limits, "CODELIST_BYTES", limits.MIB)
    path = tmp_path / "noc.csv"
    path.write_bytes((CODELIST + "5,Unit group,72106,Welders,\n" * 50_000).encode())
    result = cli("codelists", "import", str(path), lang="fr")
    assert result.exit_code == 2 and "noc.csv dépasse 1 Mo" in result.output, result.output
    assert not (tmp_path / "data" / "classifications" / "noc.csv").exists()


# ------------------------------------------------------------------------ exit code 3: a bug in MCDS

def _crash(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("simulated defect")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_internal_error_is_exit_code_3_with_a_short_bilingual_message(tmp_path, monkeypatch, lang):
    monkeypatch.setattr(engine, "validate", _crash)
    monkeypatch.setattr("mcds.validation.validate", _crash)
    result = cli("validate", str(PACKAGE), lang=lang)
    assert result.exit_code == EXIT_BUG == 3
    assert WORDS[lang] in result.output and "CONTRIBUTING.md" in result.output and "RuntimeError" in result.output
    assert "Traceback" not in result.output and "simulated defect" not in result.output


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_error_of_the_machine_is_exit_code_2_not_a_bug(tmp_path, lang):
    """--annotate into a folder that does not exist: the system refuses the write; MCDS has no bug."""
    workbook = fill_template(document(), tmp_path / "filled.xlsx")
    target = tmp_path / "missing-folder" / "annotated.xlsx"
    result = cli("validate", str(workbook), "--annotate", str(target), lang=lang)
    assert result.exit_code == 2, result.output
    assert {"en": "Cannot read or write", "fr": "Impossible de lire ou d'écrire"}[lang] in result.output
    assert "missing-folder" in result.output and WORDS[lang] not in result.output


def test_debug_prints_the_traceback_of_an_internal_error(monkeypatch):
    from click.testing import CliRunner

    monkeypatch.setattr("mcds.validation.validate", _crash)
    result = CliRunner().invoke(main, ["--debug", "validate", str(PACKAGE), "--lang", "en"])
    assert result.exit_code == 3
    assert "Traceback" in result.output and "simulated defect" in result.output and WORDS["en"] in result.output


def test_every_command_turns_internal_errors_into_exit_code_3():
    """One place handles errors (mcds.cli.support.reports_errors); every command must go through it."""
    import click

    def leaves(group: click.Group) -> list[click.Command]:
        found = []
        for command in group.commands.values():
            found.extend(leaves(command) if isinstance(command, click.Group) else [command])
        return found

    commands = leaves(main)
    assert len(commands) >= 9
    assert [c.name for c in commands if not getattr(c.callback, "reports_errors", False)] == []


# ------------------------------------------------------------------------------------ bounds

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_twenty_thousand_columns_are_refused_at_the_header(tmp_path, lang):
    """It took more than 60 s and 3.7 GB before; now the first row read says it (benchmarks: well under 1 s)."""
    folder = copy_package(tmp_path / "package")
    edit_csv(folder, "offerings.csv", lambda text: ",".join(f"c{n}" for n in range(20_000)) + "\n" + text.split("\n", 1)[1])
    found = report(str(folder), lang=lang, code=2)
    assert places(found) == [("too-many-columns", "offerings.csv", 1, None)]
    assert {"en": "20000 cells, more than the limit of 500", "fr": "20000 cellules, plus que la limite de 500"}[lang] \
        in found["errors"][0]["message"]


def test_a_row_past_the_character_limit_is_refused_before_it_is_built(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ROW_CHARACTERS", 50_000)
    folder = copy_package(tmp_path / "package")
    edit_csv(folder, "organizations.csv", lambda text: text + ",".join(["y" * 900] * 60) + "\n")
    rows = len((folder / "organizations.csv").read_text(encoding="utf-8").splitlines())
    assert places(report(str(folder), code=2)) == [("row-too-wide", "organizations.csv", rows, None)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_table_past_the_row_limit_is_refused(tmp_path, monkeypatch, lang):
    monkeypatch.setattr(limits, "ROWS", 5)
    folder = copy_package(tmp_path / "package")
    assert len((folder / "organizations.csv").read_text(encoding="utf-8").splitlines()) > 7
    found = report(str(folder), lang=lang, code=2)
    assert ("too-many-rows", "organizations.csv", 7, None) in places(found)
    assert {place[0] for place in places(found)} == {"too-many-rows"}  # every table past it, each at its row 7
    assert all({"en": "more than 5 rows", "fr": "plus de 5 lignes"}[lang] in f["message"] for f in found["errors"])


def test_a_workbook_row_past_the_column_limit_is_refused(tmp_path):
    def wide(book: Any) -> None:
        book["organizations"].cell(row=3, column=limits.COLUMNS + 5, value="far away")

    workbook = fill_template(document(), tmp_path / "wide.xlsx", wide)
    assert places(report(str(workbook), code=2)) == [("too-many-columns", "organizations", 3, None)]


def test_a_zip_entry_that_expands_like_a_bomb_is_refused(tmp_path):
    target = tmp_path / "bomb.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(PACKAGE.glob("*")):
            bundle.write(path, path.name)
        bundle.writestr("padding.csv", b"0" * (8 * limits.ARCHIVE_SMALL))
    found = report(str(target), code=2)
    assert [f["code"] for f in found["errors"]] == ["unsafe-archive"]
    assert f"expands more than {limits.ARCHIVE_RATIO} times" in found["errors"][0]["message"]


def test_a_workbook_past_the_archive_bounds_is_an_unsafe_workbook(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "ARCHIVE_ENTRIES", 3)
    found = report(str(TEMPLATE), code=2)
    assert [f["code"] for f in found["errors"]] == ["unsafe-workbook"]


def test_a_workbook_past_its_own_size_bound_is_told_to_use_csv(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "WORKBOOK_BYTES", limits.MIB)
    large = _rewrite(TEMPLATE, tmp_path / "large.xlsx", "xl/media/image1.bin", random.Random(1).randbytes(limits.MIB))
    found = report(str(large), lang="fr", code=2)
    assert [f["code"] for f in found["errors"]] == ["unsafe-workbook"]
    assert "limite de 1 Mo pour un classeur; envoyez une soumission plus volumineuse en fichiers CSV" \
        in found["errors"][0]["message"]


def test_a_json_document_past_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "JSON_BYTES", limits.MIB)
    path = tmp_path / "submission.json"
    path.write_text(json.dumps({"standard_version": "0.2.0", "organizations": [{"id": "x" * limits.MIB}]}))
    found = report(str(path), lang="fr", code=2)
    assert [f["code"] for f in found["errors"]] == ["invalid-json"]
    assert "il dépasse la limite de 1 Mo" in found["errors"][0]["message"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_validation_past_its_time_limit_stops_with_a_located_message(monkeypatch, lang):
    monkeypatch.setattr(limits, "SECONDS", -1)
    found = report(str(PACKAGE), lang=lang, code=2)
    assert [(f["code"], f["row"]) for f in found["errors"]] == [("time-limit", 2)]
    assert {"en": "Validation stopped after -1 seconds", "fr": "La validation s'est arrêtée après -1 secondes"}[lang] \
        in found["errors"][0]["message"]


# --------------------------------------------------------------------------------- validation holes

@pytest.mark.parametrize("encoding, name", [("utf-16-le", "UTF-16"), ("utf-32", "UTF-32"), ("utf-16-be", "UTF-16")])
def test_utf16_and_utf32_are_named_with_the_way_to_utf8(tmp_path, encoding, name):
    """With or without a byte-order mark (utf-16-le and -be write none)."""
    folder = copy_package(tmp_path / "package")
    path = folder / "organizations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    found = report(str(folder), code=2)
    assert places(found) == [("not-utf8", "organizations.csv", None, None)]
    assert f"it looks like {name}" in found["errors"][0]["message"]
    assert "CSV UTF-8" in found["errors"][0]["message"]


def test_a_nul_byte_past_the_first_mebibyte_is_found(tmp_path):
    folder = copy_package(tmp_path / "package")
    edit_csv(folder, "microcredentials.csv", lambda text: text.replace("Complex Wound Care", "y" * (1 << 20) + "\x00", 1))
    found = report(str(folder), lang="fr", code=2)
    assert places(found) == [("binary-file", "microcredentials.csv", None, None)]
    assert "un octet NUL à l'octet" in found["errors"][0]["message"] and ", ligne 3" in found["errors"][0]["message"]


def test_a_file_cut_inside_a_character_is_not_utf8(tmp_path):
    """Found by the fuzz test: the last character's bytes cut short were read as text further on."""
    folder = copy_package(tmp_path / "package")
    path = folder / "organizations.csv"
    data = path.read_bytes()
    path.write_bytes(data + "é".encode()[:1])
    found = report(str(folder), code=2)
    assert places(found) == [("not-utf8", "organizations.csv", None, None)]
    assert f"(byte {len(data)})" in found["errors"][0]["message"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_duplicate_keys_in_a_json_document_are_reported_with_their_place(tmp_path, lang):
    path = tmp_path / "submission.json"
    text = json.dumps(document(), ensure_ascii=False)
    text = text.replace('"name": {', '"name": {"en": "Impostor", ', 1)
    path.write_text(text, encoding="utf-8")
    found = report(str(path), lang=lang, code=2)
    assert [f["code"] for f in found["errors"]] == ["invalid-json"]
    words = {"en": 'the key "en" appears more than once in the same object, at organizations[0].name',
             "fr": "la clé « en » apparaît plus d'une fois dans le même objet, à organizations[0].name"}
    assert words[lang] in found["errors"][0]["message"]


def test_duplicate_keys_in_datapackage_json_are_reported(tmp_path):
    folder = copy_package(tmp_path / "package")
    descriptor = folder / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace("{", '{"name": "x", ', 1), encoding="utf-8")
    found = report(str(folder), code=2)
    assert [f["code"] for f in found["errors"]] == ["invalid-descriptor"]
    assert 'the key "name" appears more than once' in found["errors"][0]["message"]


def test_the_csv_report_neutralizes_formulas_as_the_open_data_does(tmp_path):
    assert opendata.neutralize is tabular.neutralize, "one definition of what a spreadsheet runs"
    folder = copy_package(tmp_path / "package")
    set_first(folder, "learning_outcomes.csv", "statement_en", "=HYPERLINK(\"http://x.example\")")
    result = cli("validate", str(folder), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    values = [row["value"] for row in rows if row["code"] == "formula-like"]
    assert values == ["'=HYPERLINK(\"http://x.example\")"]
    assert not any(cell.startswith(tabular.FORMULA_STARTS) for row in rows for cell in row.values())
