"""Guards `mcds validate` against bad input: whatever a provider hands it, the answer is a clear message in
English and French and exit 1 (invalid) or 2 (unusable), never a traceback, and the provider's files are
never modified. It also guards the promise that every accepted form of a submission (folder,
datapackage.json, .zip, filled Excel template, JSON document) goes through the same checks.

Why: providers export from spreadsheets with every encoding, delimiter and header mishap there is, and a
crash or a silently altered file would cost their trust in the standard. Each case is built in tmp_path
from the valid fixture package and run through the command line in both languages.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import os
import shutil
import stat
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import DATA_DIR, GENERATED_DIR, VALID_DIR, load_yaml
from openpyxl import load_workbook

from mcds.cli import main
from mcds.standard import tabular
from mcds.validation import engine, inputs

PACKAGE = DATA_DIR / "submissions" / "valid" / "cegep-trois-lacs"
EXAMPLE = VALID_DIR / "Submission-cegep-trois-lacs.yaml"
TEMPLATE = GENERATED_DIR / "templates" / "mcds-template.xlsx"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


# ------------------------------------------------------------------------------------- shared helpers

def cli(*args: str, lang: str = "en") -> Result:
    result = CliRunner().invoke(main, [*args, "--lang", lang])
    assert "Traceback" not in result.output, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def snapshot(path: Path) -> dict[str, str]:
    """A hash of every file at `path` (a file, or every file under a folder), to prove nothing was written."""
    if path.is_symlink() or path.is_file():
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()} if path.exists() else {}
    if not path.is_dir():
        return {}
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file() and not p.is_symlink() and os.access(p, os.R_OK)}


def copy_package(target: Path) -> Path:
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("expected.json"))
    return target


def document() -> dict[str, Any]:
    return load_yaml(EXAMPLE)


def _typed(field_: dict[str, Any], text: str) -> Any:
    """A cell as a spreadsheet holds it: numbers, booleans and dates typed, the rest as text."""
    if text == "":
        return None
    kind = field_["type"]
    if kind == "date":
        return datetime.date.fromisoformat(text)
    if kind in ("integer", "number", "boolean"):
        return tabular.parse_cell(field_, text)
    return text


def fill_template(doc: dict[str, Any], target: Path, change: Callable[[Any], None] | None = None) -> Path:
    """The generated Excel template filled with a submission document, as a provider fills it."""
    profile = tabular.load_profile()
    tables = tabular.to_tables(doc, profile)
    book = load_workbook(TEMPLATE)
    for resource in profile["resources"]:
        sheet = book[resource["name"]]
        header = [cell.value for cell in sheet[1]]
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        for number, row in enumerate(tables[resource["name"]], start=2):
            for column, name in enumerate(header, start=1):
                sheet.cell(row=number, column=column, value=_typed(fields[name], row[name]))
    if change is not None:
        change(book)
    book.save(target)
    return target


def zip_folder(folder: Path, target: Path, inside: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.iterdir()):
            bundle.write(path, inside + path.name)
    return target


def edit_csv(folder: Path, name: str, change: Callable[[str], str]) -> None:
    path = folder / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8", newline="")


def set_cell(folder: Path, name: str, row: int, column: str, value: str) -> None:
    """Put `value` in spreadsheet `row` (header = 1) of `column`, the way a spreadsheet would save it."""
    path = folder / name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def edit_descriptor(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def set_resource_path(name: str, value: str) -> Callable[[dict[str, Any]], None]:
    def change(descriptor: dict[str, Any]) -> None:
        next(r for r in descriptor["resources"] if r["name"] == name)["path"] = value
    return change


# ------------------------------------------------------------------------------------------ the cases

@dataclass
class Case:
    """A bad input: how to build it, the code it must raise, the exit code, and a word of each language's
    message that proves the message speaks that language."""

    build: Callable[[Path], Path]
    code: str
    exit: int
    words: dict[str, str] = field(default_factory=dict)


def _package_with(change: Callable[[Path], None]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        folder = copy_package(tmp / "package")
        change(folder)
        return folder
    return build


def _replace(name: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        edit_csv(folder, name, lambda text: text.replace(old, new, count))
    return change


def _first_line(name: str, change: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        def on_text(text: str) -> str:
            head, rest = text.split("\n", 1)
            return ",".join(change(head.split(","))) + "\n" + rest
        edit_csv(folder, name, on_text)
    return edit


def _line(name: str, number: int, change: Callable[[str], str]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        def on_text(text: str) -> str:
            lines = text.split("\n")
            lines[number - 1] = change(lines[number - 1])
            return "\n".join(lines)
        edit_csv(folder, name, on_text)
    return edit


def _bytes(name: str, data: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        (folder / name).write_bytes(data((folder / name).read_bytes()))
    return edit


def _xlsx_bytes(_: bytes) -> bytes:
    return TEMPLATE.read_bytes()


def _symlinked_table(folder: Path) -> None:
    outside = folder.parent / "elsewhere.csv"
    shutil.move(folder / "offerings.csv", outside)
    (folder / "offerings.csv").symlink_to(outside)


def _absolute_path(folder: Path) -> None:
    edit_descriptor(folder, set_resource_path("offerings", str((folder / "offerings.csv").resolve())))


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return build


def _zip_with(entry: Callable[[zipfile.ZipFile], None]) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        target = zip_folder(PACKAGE, tmp / "submission.zip")
        with zipfile.ZipFile(target, "a") as bundle:
            entry(bundle)
        return target
    return build


def _parent_entry(bundle: zipfile.ZipFile) -> None:
    bundle.writestr("../escaped.csv", "x\n")


def _link_entry(bundle: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("notes.csv")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    bundle.writestr(info, "/etc/passwd")


def _declared_bomb(tmp: Path) -> Path:
    """A zip of a few hundred bytes whose central directory declares a 4 GB member: refused unopened."""
    target = tmp / "bomb.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("datapackage.json", "{}")
        bundle.writestr("submission.csv", "0" * 1000)
    data = bytearray(target.read_bytes())
    entry = data.rfind(b"PK\x01\x02")  # the central-directory record of the last member
    struct.pack_into("<I", data, entry + 24, 0xFFFFFFF0)  # its uncompressed size
    target.write_bytes(bytes(data))
    return target


def _too_many_entries(tmp: Path) -> Path:
    target = tmp / "many.zip"
    with zipfile.ZipFile(target, "w") as bundle:
        for number in range(inputs.ZIP_ENTRIES + 1):
            bundle.writestr(f"part-{number}.csv", "")
    return target


def _zip_without_descriptor(tmp: Path) -> Path:
    target = tmp / "submission.zip"
    with zipfile.ZipFile(target, "w") as bundle:
        for path in sorted(PACKAGE.glob("*.csv")):
            bundle.write(path, path.name)
    return target


def _nowhere(tmp: Path) -> Path:
    return tmp / "no-such-submission"


CASES: dict[str, Case] = {
    "missing-path": Case(_nowhere, "file-not-found", 2, {"en": "does not exist", "fr": "n'existe pas"}),
    "windows-1252": Case(_package_with(_bytes("organizations.csv", lambda b: b.decode("utf-8").encode("cp1252"))),
                         "not-utf8", 2, {"en": "Windows-1252", "fr": "le format « CSV » d'Excel"}),
    # Semicolons (French-locale Excel) are read with a warning: tests/test_validation_fixes.py.
    "tabs": Case(_package_with(_replace("submission.csv", ",", "\t", -1)), "wrong-delimiter", 2,
                 {"en": "not commas", "fr": "pas par des virgules"}),
    "row-too-short": Case(_package_with(_line("offerings.csv", 3, lambda line: line.rsplit(",", 1)[0])),
                          "missing-cell", 1, {"en": "has no cell", "fr": "n'a pas de cellule"}),
    "row-too-long": Case(_package_with(_line("offerings.csv", 3, lambda line: line + ",extra")), "extra-cell", 1,
                         {"en": "extra cell", "fr": "cellule en trop"}),
    "header-missing": Case(_package_with(_first_line("submission.csv", lambda h: h[:-1])), "missing-label", 1,
                           {"en": "is missing", "fr": "est manquante"}),
    "header-extra": Case(_package_with(_first_line("submission.csv", lambda h: h + ["notes"])), "extra-label", 1,
                         {"en": "not part of this table", "fr": "ne fait pas partie de cette table"}),
    "header-duplicated": Case(_package_with(_first_line("submission.csv", lambda h: [h[0], h[0], *h[2:]])),
                              "duplicate-label", 1, {"en": "more than once", "fr": "plus d'une fois"}),
    "header-misspelled": Case(_package_with(_first_line("submission.csv", lambda h: [h[0], "provder", *h[2:]])),
                              "incorrect-label", 1, {"en": 'Did you mean "provider"?',
                                                     "fr": "Vouliez-vous dire « provider » ?"}),
    "empty-file": Case(_package_with(_bytes("offerings.csv", lambda b: b"")), "empty-file", 2,
                       {"en": "is empty", "fr": "est vide"}),
    "png-as-csv": Case(_package_with(_bytes("offerings.csv", lambda b: PNG)), "binary-file", 2,
                       {"en": "a PNG image", "fr": "une image PNG"}),
    "xlsx-as-csv": Case(_package_with(_bytes("offerings.csv", _xlsx_bytes)), "binary-file", 2,
                        {"en": "Excel .xlsx workbook", "fr": "classeur Excel .xlsx"}),
    "malformed-descriptor": Case(_package_with(_bytes("datapackage.json", lambda b: b[: len(b) // 2])),
                                 "invalid-descriptor", 2, {"en": "not valid JSON", "fr": "pas du JSON valide"}),
    "path-with-dotdot": Case(_package_with(lambda f: edit_descriptor(f, set_resource_path("offerings", "../offerings.csv"))),
                             "unsafe-path", 2, {"en": "leaves the package", "fr": "sort du paquet"}),
    "absolute-path": Case(_package_with(_absolute_path), "unsafe-path", 2,
                          {"en": "leaves the package", "fr": "sort du paquet"}),
    "url-path": Case(_package_with(lambda f: edit_descriptor(f, set_resource_path("offerings", "https://example.org/offerings.csv"))),
                     "unsafe-path", 2, {"en": "leaves the package", "fr": "sort du paquet"}),
    "symlinked-table": Case(_package_with(_symlinked_table), "unsafe-path", 2,
                            {"en": "leaves the package", "fr": "sort du paquet"}),
    "zip-parent-entry": Case(_zip_with(_parent_entry), "unsafe-archive", 2,
                             {"en": "escapes the folder", "fr": "sort du dossier"}),
    "zip-link-entry": Case(_zip_with(_link_entry), "unsafe-archive", 2, {"en": "is a link", "fr": "est un lien"}),
    "zip-bomb": Case(_declared_bomb, "unsafe-archive", 2, {"en": "expands past the limit", "fr": "dépasse"}),
    "zip-too-many-entries": Case(_too_many_entries, "unsafe-archive", 2,
                                 {"en": "expands past the limit", "fr": "dépasse"}),
    "zip-without-descriptor": Case(_zip_without_descriptor, "missing-descriptor", 2,
                                   {"en": "submission.zip has no datapackage.json",
                                    "fr": "submission.zip n'a pas de datapackage.json"}),
    "not-a-zip": Case(_file("submission.zip", b"PK but not really"), "unsafe-archive", 2,
                      {"en": "not a readable zip", "fr": "pas un fichier zip lisible"}),
    "text-file": Case(_file("submission.txt", b"hello\n"), "unsupported-input", 2,
                      {"en": "is not a data package", "fr": "n'est ni un paquet"}),
    "json-not-an-object": Case(_file("submission.json", b"[1, 2, 3]\n"), "invalid-json", 2,
                               {"en": "not an object", "fr": "n'est pas un objet"}),
    "invalid-json": Case(_file("submission.json", b'{"standard_version": "0.1.0",'), "invalid-json", 2,
                         {"en": "not valid JSON", "fr": "pas du JSON valide"}),
    "json-wrong-shape": Case(_file("submission.json", b'{"standard_version": "0.1.0", "microcredentials": "none"}'),
                             "invalid-json", 2, {"en": "microcredentials must be a list of objects",
                                                 "fr": "microcredentials doit être une liste d'objets"}),
    "json-unknown-property": Case(_file("submission.json", b'{"standard_version": "0.1.0", "provder": "x"}'),
                                  "invalid-json", 2, {"en": "provder is not a property of the standard",
                                                      "fr": "provder n'est pas une propriété de la norme"}),
    "broken-xlsx": Case(_file("submission.xlsx", b"this is not a workbook"), "unreadable-workbook", 2,
                        {"en": "not a valid Excel", "fr": "pas un classeur Excel"}),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_gets_a_clear_message_and_leaves_files_alone(tmp_path, name, lang):
    case = CASES[name]
    source = case.build(tmp_path)
    before = snapshot(tmp_path)
    result = cli("validate", str(source), lang=lang)
    assert result.exit_code == case.exit, result.output
    assert f"({case.code})" in result.output, result.output
    assert case.words[lang] in result.output, result.output
    assert "mcds-" not in result.output, "a temporary folder means nothing to the provider"
    assert snapshot(tmp_path) == before


# ----------------------------------------------------------- cases named by the catalogue-coverage test

def test_unsupported_file_type(tmp_path):
    report = json.loads(cli("validate", str(_file("notes.txt", b"x")(tmp_path)), "--format", "json").stdout)
    assert [f["code"] for f in report["errors"]] == ["unsupported-input"]


def test_unsafe_zip_is_refused(tmp_path):
    for number, build in enumerate((_zip_with(_parent_entry), _zip_with(_link_entry), _declared_bomb)):
        folder = tmp_path / str(number)
        folder.mkdir()
        result = cli("validate", str(build(folder)), "--format", "json")
        assert result.exit_code == 2
        assert [f["code"] for f in json.loads(result.stdout)["errors"]] == ["unsafe-archive"]
    assert not (tmp_path / "escaped.csv").exists() and not (tmp_path.parent / "escaped.csv").exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_enormous_cell_is_refused(tmp_path, lang):
    folder = copy_package(tmp_path / "package")
    edit_csv(folder, "microcredentials.csv", lambda text: text.replace("Complex Wound Care", "x" * 1_000_001, 1))
    before = snapshot(folder)
    result = cli("validate", str(folder), "--format", "json", lang=lang)
    assert result.exit_code == 2
    errors = json.loads(result.stdout)["errors"]
    assert [(f["code"], f["file"], f["row"]) for f in errors] == [("cell-too-large", "microcredentials.csv", 3)]
    assert {"en": "more than 1000000 characters", "fr": "plus de 1000000 caractères"}[lang] in errors[0]["message"]
    assert snapshot(folder) == before


def _formula(book: Any) -> None:
    book["microcredentials"]["K2"] = "=45*2"  # workload_hours of the first microcredential


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_xlsx_formula_cell_is_refused(tmp_path, lang):
    workbook = fill_template(document(), tmp_path / "submission.xlsx", _formula)
    assert load_workbook(workbook)["microcredentials"]["K1"].value == "workload_hours"
    before = snapshot(tmp_path)
    result = cli("validate", str(workbook), "--format", "json", lang=lang)
    assert result.exit_code == 1
    found = [f for f in json.loads(result.stdout)["errors"] if f["code"] == "formula-cell"]
    assert [(f["file"], f["row"], f["column"], f["value"]) for f in found] == [("microcredentials", 2, "workload_hours", "=45*2")]
    assert {"en": "holds the formula", "fr": "contient la formule"}[lang] in found[0]["message"]
    assert snapshot(tmp_path) == before


def test_broken_workbook_is_refused(tmp_path):
    result = cli("validate", str(_file("submission.xlsx", b"PK\x03\x04 broken")(tmp_path)), "--format", "json")
    assert result.exit_code == 2
    assert [f["code"] for f in json.loads(result.stdout)["errors"]] == ["unreadable-workbook"]


def test_bad_json_document_is_refused(tmp_path):
    for name, data in (("a.json", b"[]"), ("b.json", b"{"), ("c.json", b"\xff\xfe{}")):
        result = cli("validate", str(_file(name, data)(tmp_path)), "--format", "json")
        assert result.exit_code == 2, name
        assert [f["code"] for f in json.loads(result.stdout)["errors"]] == ["invalid-json"], name


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unreadable_table_is_a_table_error(tmp_path, lang, monkeypatch):
    """The input stage reads every table before Frictionless does, so only a table that vanishes between
    the two (deleted or unmounted while validation runs) reaches Frictionless unreadable: the provider is
    told which table, not shown a traceback."""
    folder = copy_package(tmp_path / "package")
    real = engine.submission_index.build

    def build_then_lose_a_table(tables: dict[str, Path], *args: Any) -> Any:
        index = real(tables, *args)
        tables["observations"].rename(tmp_path / "moved-away.csv")
        return index

    monkeypatch.setattr(engine.submission_index, "build", build_then_lose_a_table)
    result = cli("validate", str(folder), "--format", "json", lang=lang)
    assert result.exit_code == 1
    found = [(f["code"], f["file"]) for f in json.loads(result.stdout)["errors"]]
    assert found == [("table-error", "observations.csv")]
    word = {"en": "The table cannot be read", "fr": "La table ne peut pas être lue"}[lang]
    assert word in json.loads(result.stdout)["errors"][0]["message"]


# ------------------------------------------------------------------------- tolerated and flagged inputs

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_utf8_byte_order_mark_is_accepted(tmp_path, lang):
    folder = copy_package(tmp_path / "package")
    for path in folder.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    before = snapshot(folder)
    result = cli("validate", str(folder), lang=lang)
    assert result.exit_code == 0, result.output
    assert {"en": "VALID", "fr": "VALIDE"}[lang] in result.output
    assert snapshot(folder) == before


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_that_a_spreadsheet_would_run_is_flagged(tmp_path, lang):
    folder = copy_package(tmp_path / "package")
    starts = {2: "=HYPERLINK(\"https://evil.example\")", 3: "+1 year of experience", 4: "-Program a welding path",
              5: "@SUM(A1)"}
    for row, start in starts.items():
        set_cell(folder, "learning_outcomes.csv", row, "statement_en", start)
    result = cli("validate", str(folder), "--format", "json", lang=lang)
    assert result.exit_code == 0, "text that looks like a formula is a warning, not an error"
    report = json.loads(result.stdout)
    flagged = {(f["row"], f["column"]) for f in report["warnings"] if f["code"] == "formula-like"}
    assert flagged == {(row, "statement_en") for row in starts}
    word = {"en": "The text starts with", "fr": "Le texte commence par"}[lang]
    assert all(word in f["message"] for f in report["warnings"] if f["code"] == "formula-like")


def test_unreadable_file_without_permission(tmp_path):
    folder = copy_package(tmp_path / "package")
    table = folder / "offerings.csv"
    table.chmod(0)
    try:
        if os.access(table, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        for lang, word in (("en", "cannot be read"), ("fr", "ne peut pas être lu")):
            result = cli("validate", str(folder), lang=lang)
            assert result.exit_code == 2 and "(file-not-found)" in result.output and word in result.output
    finally:
        table.chmod(0o644)


def test_permission_error_is_reported_not_raised(tmp_path, monkeypatch):
    """The same case as above, for when the tests run as root: the file cannot be opened."""
    folder = copy_package(tmp_path / "package")

    def refuse(path: Path, label: str) -> Any:
        if path.name == "offerings.csv":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, label)

    real = inputs.inspect_csv
    monkeypatch.setattr(inputs, "inspect_csv", refuse)
    for lang, word in (("en", "offerings.csv does not exist or cannot be read"), ("fr", "offerings.csv n'existe pas ou ne peut pas être lu")):
        result = cli("validate", str(folder), lang=lang)
        assert result.exit_code == 2 and word in result.output, result.output


# --------------------------------------------------------------- one submission, every accepted form

def _as_json(tmp: Path, doc: dict[str, Any]) -> Path:
    target = tmp / "submission.json"
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return target


def _as_folder(tmp: Path, doc: dict[str, Any]) -> Path:
    return tabular_package(doc, tmp / "package")


def tabular_package(doc: dict[str, Any], folder: Path) -> Path:
    profile = tabular.load_profile()
    folder.mkdir()
    tables = tabular.to_tables(doc, profile)
    for resource in profile["resources"]:
        header = [f["name"] for f in resource["schema"]["fields"]]
        rows = [header] + [[row[name] for name in header] for row in tables[resource["name"]]]
        with (folder / resource["path"]).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    shutil.copy(GENERATED_DIR / "datapackage.json", folder / "datapackage.json")
    return folder


FORMS: dict[str, Callable[[Path, dict[str, Any]], Path]] = {
    "folder": _as_folder,
    "datapackage.json": lambda tmp, doc: _as_folder(tmp, doc) / "datapackage.json",
    "zip": lambda tmp, doc: zip_folder(_as_folder(tmp, doc), tmp / "submission.zip", inside="cegep-trois-lacs/"),
    "xlsx": lambda tmp, doc: fill_template(doc, tmp / "submission.xlsx"),
    "json": _as_json,
}
LABELS = {"folder": "microcredentials.csv", "datapackage.json": "microcredentials.csv", "zip": "microcredentials.csv",
          "xlsx": "microcredentials", "json": "microcredentials (JSON)"}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_form_of_the_valid_example_is_valid(tmp_path, form):
    source = FORMS[form](tmp_path, document())
    before = snapshot(tmp_path)
    result = cli("validate", str(source), "--format", "json")
    report = json.loads(result.stdout)
    assert report["errors"] == [] and result.exit_code == 0, report["errors"][:3]
    assert report["submissions"][0]["standard_version"] == json.loads(
        (GENERATED_DIR / "datapackage.json").read_text(encoding="utf-8"))["mcds"]["standard_version"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_form_goes_through_the_same_checks(tmp_path, form):
    doc = document()
    doc["microcredentials"][0]["status"] = "actif"  # layer 1: not a code
    doc["microcredentials"][1]["occupations"] = ["76106"]  # layer 2: no TEER category 6
    source = FORMS[form](tmp_path, doc)
    result = cli("validate", str(source), "--format", "json")
    assert result.exit_code == 1
    found = {(f["code"], f["file"], f["row"], f["column"]) for f in json.loads(result.stdout)["errors"]}
    label = LABELS[form]
    assert found == {("constraint-error", label, 2, "status"), ("unknown-code", label, 3, "occupations")}
