"""Write the submission fixtures of tests/data/submissions/ from the valid example, one fault per package.

The fixtures are real data packages, committed and validated by `mcds validate` exactly as a provider's
would be; this script only spares maintainers from editing dozens of folders by hand. Every package starts
as the complete example tests/data/valid/Submission-cegep-trois-lacs.yaml in tabular form, with a verbatim
copy of schema/generated/datapackage.json, and each case below changes one thing. Beside each package,
expected.json says which finding must be reported and where (spreadsheet row: header = 1):

    {"code": ..., "file": ..., "row": ..., "column": ..., "fault": "what was changed"}

plus, rarely, "also": other codes the same single fault legitimately raises, each with the reason, and
"profile": the profile the package is validated under (`mcds validate --profile NAME`), whose
datapackage.json the package then carries.

    valid/<case>/                      no error (warnings allowed)
    invalid/<error-code>/<case>/       exactly that error at that place, and no other error
    warnings/<warning-code>/<case>/    that warning at that place, and still valid

Run it again after the profile or the example changes:  .venv/bin/python tests/data/submissions/make_fixtures.py
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from mcds.standard import tabular  # noqa: E402

EXAMPLE = ROOT / "tests" / "data" / "valid" / "Submission-cegep-trois-lacs.yaml"
MINIMAL = ROOT / "tests" / "data" / "valid" / "Submission-minimal.yaml"
PROFILE = ROOT / "schema" / "generated" / "datapackage.json"
KINDS = ("valid", "invalid", "warnings")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
                    "000154a24f5d0000000049454e44ae426082")


class _JsonFaithfulLoader(yaml.SafeLoader):
    """Dates stay text, as in the JSON form (the same loader as tests/conftest.py)."""


_JsonFaithfulLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_JsonFaithfulLoader)  # noqa: S506 - a SafeLoader subclass


@dataclass
class Package:
    """A data package being written: the descriptor, each table as rows of cells (header first), and files
    whose bytes replace or add to the tables."""

    descriptor: dict[str, Any]
    tables: dict[str, list[list[str]]]
    raw: dict[str, bytes] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)

    @classmethod
    def from_document(cls, document: dict[str, Any], descriptor: Path = PROFILE) -> Package:
        profile = json.loads(descriptor.read_text(encoding="utf-8"))
        rows = tabular.to_tables(document, profile)
        tables = {}
        for resource in profile["resources"]:
            header = [f["name"] for f in resource["schema"]["fields"]]
            tables[resource["path"]] = [header] + [[row[name] for name in header] for row in rows[resource["name"]]]
        return cls(profile, tables)

    def column(self, file: str, name: str) -> int:
        return self.tables[file][0].index(name)

    def set(self, file: str, row: int, column: str, value: str) -> None:
        """Put `value` in the cell at spreadsheet `row` (header = 1) of `column`."""
        self.tables[file][row - 1][self.column(file, column)] = value

    def get(self, file: str, row: int, column: str) -> str:
        return self.tables[file][row - 1][self.column(file, column)]

    def replace_everywhere(self, old: str, new: str) -> None:
        for rows in self.tables.values():
            for cells in rows:
                cells[:] = [new if cell == old else cell for cell in cells]

    def text(self, file: str, line_end: str = "\n") -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=line_end).writerows(self.tables[file])
        return buffer.getvalue()

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        if "datapackage.json" not in self.removed:
            (folder / "datapackage.json").write_text(
                json.dumps(self.descriptor, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        for name in self.tables:
            if name not in self.removed and name not in self.raw:
                (folder / name).write_text(self.text(name), encoding="utf-8", newline="")
        for name, data in self.raw.items():
            (folder / name).write_bytes(data)


def base() -> Package:
    return Package.from_document(load_document(EXAMPLE))


# ---------------------------------------------------------------------------------------------- edits

def cell(file: str, row: int, column: str, value: str) -> Callable[[Package], None]:
    return lambda package: package.set(file, row, column, value)


def cells(*edits: tuple[str, int, str, str]) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        for file, row, column, value in edits:
            package.set(file, row, column, value)
    return edit


def drop_rows(file: str, *rows: int) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        for row in sorted(rows, reverse=True):
            del package.tables[file][row - 1]
    return edit


def insert_row(file: str, at: int, cells_of: Callable[[Package], list[str]]) -> Callable[[Package], None]:
    """Insert a row so that it becomes spreadsheet row `at`."""
    return lambda package: package.tables[file].insert(at - 1, cells_of(package))


def copy_of(file: str, row: int) -> Callable[[Package], list[str]]:
    return lambda package: list(package.tables[file][row - 1])


def header(file: str, column: str, label: str) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        package.tables[file][0][package.column(file, column)] = label
    return edit


def drop_column(file: str, column: str) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        index = package.column(file, column)
        for cells_ in package.tables[file]:
            del cells_[index]
    return edit


def add_column(file: str, label: str, value: str) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        for number, cells_ in enumerate(package.tables[file]):
            cells_.append(label if number == 0 else value)
    return edit


def raw(file: str, data: Callable[[Package], bytes]) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        package.raw[file] = data(package)
    return edit


def descriptor(change: Callable[[dict[str, Any]], None]) -> Callable[[Package], None]:
    return lambda package: change(package.descriptor)


def resource(name: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: next(r for r in d["resources"] if r["name"] == name)


def remove(*files: str) -> Callable[[Package], None]:
    return lambda package: package.removed.update(files)


def all_of(*edits: Callable[[Package], None]) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        for one in edits:
            one(package)
    return edit


def _without_resource(name: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["resources"] = [r for r in d["resources"] if r["name"] != name]
    return change


def _set_resource(name: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: resource(name)(d).__setitem__(key, value)


def _standard_version(value: str) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["mcds"].__setitem__("standard_version", value)


def _extra_resource(d: dict[str, Any]) -> None:
    d["resources"].append({"name": "notes", "path": "notes.csv", "profile": "tabular-data-resource",
                           "schema": {"fields": [{"name": "note", "type": "string"}]}})


def _blank_row(package: Package) -> list[str]:
    return [""] * len(package.tables["assessments.csv"][0])


def _semicolons(file: str) -> Callable[[Package], bytes]:
    """The table as French-locale Excel saves it: columns separated by ";", decimal commas, CR LF line ends."""
    def data(package: Package) -> bytes:
        buffer = io.StringIO()
        header = package.tables[file][0]
        amount = header.index("amount") if "amount" in header else -1
        rows = [header] + [[cell.replace(".", ",") if i == amount else cell for i, cell in enumerate(row)]
                           for row in package.tables[file][1:]]
        if amount >= 0:
            rows[1][amount] += ",50"  # 480,50: fifty cents, written as French-locale Excel writes it
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        return buffer.getvalue().encode("utf-8")
    return data


def _ragged_short(package: Package) -> None:
    del package.tables["offerings.csv"][2][-1]


def _ragged_long(package: Package) -> None:
    package.tables["offerings.csv"][2].append("Trois-Lacs")


def _strip_language(lang: str) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        for column in package.tables["microcredentials.csv"][0]:
            if column.endswith(f"_{lang}"):
                package.set("microcredentials.csv", 4, column, "")
    return edit


# ----------------------------------------------------------------------------------------------- cases

M, O, OB = "microcredentials.csv", "offerings.csv", "observations.csv"  # noqa: E741 - short names keep the case table readable
ANALYSE = "cegep-trois-lacs.analyse-donnees-python"
SA, LME, REC = "strategy_alignments.csv", "labour_market_evidence_items.csv", "recognitions.csv"


@dataclass
class Case:
    kind: str
    code: str
    name: str
    fault: str
    edit: Callable[[Package], None]
    file: str | None = None
    row: int | None = None
    column: str | None = None
    also: dict[str, str] = field(default_factory=dict)
    start: Callable[[], Package] = base
    profile: str | None = None


def _minimal() -> Package:
    return Package.from_document(load_document(MINIMAL))


def _only_required_tables() -> Package:
    package = _minimal()
    kept = {"submission", "organizations"}
    package.descriptor["resources"] = [r for r in package.descriptor["resources"] if r["name"] in kept]
    package.tables = {name: rows for name, rows in package.tables.items() if name[:-4] in kept}
    return package


def _profile_descriptor(name: str) -> Path:
    return ROOT / "schema" / "generated" / "profiles" / name / "datapackage.json"


def _osap() -> Package:
    """The example made to meet the Ontario OSAP profile: an Ontario public college awards every microcredential,
    each has an osap_microcredentials funding row, lasts at most 11 weeks and its offerings span less than 12."""
    document = load_document(EXAMPLE)
    provider = next(o for o in document["organizations"] if o["id"] == document["provider"])
    provider.update(organization_types=["public_college"], provinces=["CA-ON"], sector="public")
    osap_row = next(f for m in document["microcredentials"] for f in m.get("funding_eligibilities", [])
                    if f["funding_programme"] == "osap_microcredentials")
    for microcredential in document["microcredentials"]:
        microcredential["duration_weeks"] = min(microcredential["duration_weeks"], 11)
        funding = microcredential.setdefault("funding_eligibilities", [])
        if not any(f["funding_programme"] == "osap_microcredentials" for f in funding):
            funding.append(dict(osap_row))
        for offering in microcredential.get("offerings", []):
            if offering.get("end_date") == "2027-04-10":
                offering["end_date"] = "2027-04-02"  # 75 days, the first offering's span under 12 weeks
    return Package.from_document(document, _profile_descriptor("ontario-osap"))


def _eu_annex() -> Package:
    """The example made to meet the EU Annex I profile: every microcredential has a framework alignment with a
    level, and declares a type of quality assurance."""
    document = load_document(EXAMPLE)
    for microcredential in document["microcredentials"]:
        alignments = microcredential.setdefault("framework_alignments", [])
        if not alignments:
            alignments.append({"framework": "eqf", "conformance": "self_declared"})
        for alignment in alignments:
            alignment.setdefault("level", "EQF 5")
        for assurance in microcredential.get("quality_assurances", []):
            if assurance["qa_type"] == "none_declared":
                assurance["qa_type"] = "institutional_approval"
    return Package.from_document(document, _profile_descriptor("eu-annex-i"))


def _drop_funding(microcredential: str, programme: str) -> Callable[[Package], None]:
    def edit(package: Package) -> None:
        rows = package.tables["funding_eligibilities.csv"]
        first, kind = package.column("funding_eligibilities.csv", "microcredential_id"), \
            package.column("funding_eligibilities.csv", "funding_programme")
        rows[:] = [r for r in rows if not (r[first] == microcredential and r[kind] == programme)]
    return edit


def observation(**values: str) -> Callable[[Package], list[str]]:
    """A new row of observations.csv in the first outcome report, with the given cells."""
    def cells_of(package: Package) -> list[str]:
        found = {"outcome_report_id": "cegep-trois-lacs.resultats-2025-2026-soudage", **values}
        return [found.get(name, "") for name in package.tables[OB][0]]
    return cells_of


def _bom_crlf(package: Package) -> None:
    for name in package.tables:
        package.raw[name] = b"\xef\xbb\xbf" + package.text(name, "\r\n").encode("utf-8")


CASES = [
    # Valid packages.
    Case("valid", "", "cegep-trois-lacs", "The complete example submission, unchanged.", lambda p: None),
    Case("valid", "", "excel-csv-utf8-bom-crlf", "Every CSV starts with a UTF-8 byte-order mark and ends its lines "
         "with CR LF, as Excel's \"CSV UTF-8\" writes them on Windows.", _bom_crlf),
    Case("valid", "", "minimal", "The least a submission needs; every optional table is present with its header only.",
         lambda p: None, start=_minimal),
    Case("valid", "", "ontario-osap", "The example made to meet the Ontario OSAP profile, validated under it.",
         lambda p: None, start=_osap, profile="ontario-osap"),
    Case("valid", "", "eu-annex-i", "The example made to meet the EU Annex I profile, validated under it.",
         lambda p: None, start=_eu_annex, profile="eu-annex-i"),
    Case("valid", "", "only-required-tables", "The descriptor lists only submission and organizations: optional "
         "tables may be left out of the package.", lambda p: None, start=_only_required_tables),

    # Problems with the input itself, found before any table is read.
    Case("invalid", "file-not-found", "resource-file-missing", "offerings.csv is listed in datapackage.json but "
         "the file is not in the folder.", remove(O)),
    Case("invalid", "missing-descriptor", "csv-files-only", "The folder holds the CSV files but no "
         "datapackage.json.", remove("datapackage.json")),
    Case("invalid", "invalid-descriptor", "truncated-json", "datapackage.json was cut off in the middle.",
         all_of(remove("datapackage.json"), raw("datapackage.json", lambda p: PROFILE.read_bytes()[:4000]))),
    Case("invalid", "invalid-descriptor", "no-resources", "datapackage.json is a JSON object without resources.",
         all_of(remove("datapackage.json"), raw("datapackage.json", lambda p: b'{"name": "cegep-trois-lacs"}\n'))),
    Case("invalid", "unknown-standard-version", "future-version", "datapackage.json declares standard version "
         "9.0.0, which does not exist.", descriptor(_standard_version("9.0.0")), "datapackage.json"),
    Case("invalid", "unsafe-path", "parent-directory", "The organizations resource points at "
         "../organizations.csv, outside the package.",
         descriptor(_set_resource("organizations", "path", "../organizations.csv"))),
    Case("invalid", "missing-table", "no-organizations", "The organizations table is neither in datapackage.json "
         "nor in the folder.", all_of(descriptor(_without_resource("organizations")), remove("organizations.csv"))),
    Case("invalid", "empty-file", "empty-offerings", "offerings.csv is an empty file (0 bytes).",
         raw(O, lambda p: b""), O),
    Case("invalid", "binary-file", "png-renamed-csv", "offerings.csv is a PNG image renamed .csv.",
         raw(O, lambda p: PNG), O),
    Case("invalid", "not-utf8", "windows-1252", "organizations.csv was saved by Excel as \"CSV\" (Windows-1252): "
         "the accents of Cégep are single bytes.", raw("organizations.csv", lambda p: p.text("organizations.csv")
                                                         .encode("cp1252")), "organizations.csv"),
    Case("invalid", "empty-file", "byte-order-mark-only", "offerings.csv holds only the UTF-8 byte-order mark, "
         "which is what Excel writes for an empty sheet saved as \"CSV UTF-8\".", raw(O, lambda p: b"\xef\xbb\xbf"), O),
    Case("invalid", "not-utf8", "utf-16", "organizations.csv was saved by Excel as \"Unicode Text\" (UTF-16 with a "
         "byte-order mark).", raw("organizations.csv", lambda p: p.text("organizations.csv").encode("utf-16")),
         "organizations.csv"),
    Case("invalid", "header-not-in-row-1", "title-row", "A title row sits above the column names of offerings.csv, "
         "as in a printed report.", raw(O, lambda p: b"Offerings of C\xc3\xa9gep des Trois-Lacs,,\n" + p.text(O).encode()),
         O, 1),
    Case("invalid", "too-many-columns", "six-hundred-columns", "A spreadsheet export added 600 empty columns to the "
         "header of assessments.csv.", raw("assessments.csv", lambda p: p.text("assessments.csv").replace(
             "\n", "," * 600 + "\n", 1).encode()), "assessments.csv", 1),
    Case("invalid", "wrong-delimiter", "tabs", "submission.csv separates its columns with tabs, as a spreadsheet's "
         "\"Text (tab delimited)\" writes it.", raw("submission.csv", lambda p: p.text("submission.csv").replace(
             ",", "\t").encode()), "submission.csv", 1),

    # Structure and types (Frictionless with the profile).
    Case("invalid", "type-error", "hours-in-words", "workload_hours is written in words.",
         cell(M, 2, "workload_hours", "ninety"), M, 2, "workload_hours"),
    Case("invalid", "type-error", "date-day-first", "start_date is written day first, as a French-locale "
         "spreadsheet shows it.", cell(O, 2, "start_date", "18/01/2027"), O, 2, "start_date"),
    Case("invalid", "constraint-error", "status-not-a-code", "status is a French word instead of a code.",
         cell(M, 2, "status", "actif"), M, 2, "status"),
    Case("invalid", "constraint-error", "required-webpage-empty", "The required webpage is empty.",
         cell(M, 3, "webpage", ""), M, 3, "webpage"),
    Case("invalid", "constraint-error", "list-item-not-a-code", "delivery_modes lists a mode that is not a code.",
         cell(M, 2, "delivery_modes", "in_person|classroom"), M, 2, "delivery_modes"),
    Case("invalid", "constraint-error", "weeks-above-maximum", "duration_weeks is above the maximum of 104.",
         cell(M, 3, "duration_weeks", "260"), M, 3, "duration_weeks"),
    Case("invalid", "constraint-error", "email-pattern", "contact_email is not an address.",
         cell("submission.csv", 2, "contact_email", "microtitres at cegep-trois-lacs"), "submission.csv", 2,
         "contact_email"),
    Case("invalid", "missing-label", "last-column-removed", "The last column, csd_code, was deleted from offerings.csv.",
         drop_column(O, "csd_code"), O, 1, "csd_code"),
    Case("invalid", "extra-label", "notes-column-added", "A notes column was added at the end of offerings.csv.",
         add_column(O, "notes", "à confirmer"), O, 1, None),
    Case("invalid", "incorrect-label", "misspelled", "The header online_url is misspelled online_ulr.",
         header(O, "online_url", "online_ulr"), O, 1, "online_url"),
    Case("invalid", "duplicate-label", "code-twice", "The header of the schedule column says code, a name "
         "already used by column 2.", header(O, "schedule", "code"), O, 1, "schedule"),
    Case("invalid", "blank-label", "no-name", "The header of the municipality column is empty.",
         header(O, "municipality", ""), O, 1, "municipality"),
    Case("invalid", "missing-cell", "row-too-short", "Row 3 of offerings.csv lost its last cell.",
         _ragged_short, O, 3, "csd_code"),
    Case("invalid", "extra-cell", "row-too-long", "Row 3 of offerings.csv has one cell too many.",
         _ragged_long, O, 3, None),

    Case("invalid", "primary-key", "learning-outcome-code-twice", "Two learning outcomes of the same "
         "microcredential have the code RA1.", cell("learning_outcomes.csv", 3, "code", "RA1"),
         "learning_outcomes.csv", 3, "microcredential_id, code"),
    Case("invalid", "unique-error", "organization-listed-twice", "The provider's organization row was pasted "
         "twice.", insert_row("organizations.csv", 9, copy_of("organizations.csv", 2)), "organizations.csv", 9,
         "id", also={"primary-key": "id is both unique and the primary key of organizations, and Frictionless "
                     "reports both."}),
    Case("invalid", "foreign-key", "offering-of-unknown-microcredential", "An offering names a microcredential "
         "whose identifier is misspelled.", cell(O, 6, "microcredential_id", "cegep-trois-lacs.analyse-donnees"),
         O, 6, "microcredential_id"),
    Case("invalid", "foreign-key", "unknown-partner", "An employer engagement names a partner that is not in "
         "organizations.", cell("employer_engagements.csv", 2, "partner", "metallurgie-lac-brule"),
         "employer_engagements.csv", 2, "partner"),

    # MCDS' own domain checks.
    Case("invalid", "missing-text", "title-in-neither-language", "A microcredential has no title in English or "
         "French.", cells((M, 3, "title_en", ""), (M, 3, "title_fr", "")), M, 3, "title_en"),
    Case("invalid", "missing-rows", "no-learning-outcome", "A microcredential's only learning outcome was "
         "deleted.", drop_rows("learning_outcomes.csv", 10), M, 5, "id"),
    Case("invalid", "unknown-code", "noc-teer-6", "An occupation code has 6 as its TEER digit (0 to 5 exist).",
         cell(M, 2, "occupations", "76106"), M, 2, "occupations"),
    Case("invalid", "unknown-code", "cip-series-02", "field_of_study is in CIP series 02, which does not exist.",
         cell(M, 3, "field_of_study", "02.0101"), M, 3, "field_of_study"),
    Case("invalid", "unknown-code", "naics-sector-99", "An industry code is in NAICS sector 99, which does not "
         "exist.", cell(M, 2, "industries", "332|9901"), M, 2, "industries"),
    Case("invalid", "unknown-code", "noc-unit-group-absent", "An occupation code has a real TEER digit, but NOC "
         "2021 has no unit group 72199.", cell(M, 2, "occupations", "72199"), M, 2, "occupations"),
    Case("invalid", "unknown-code", "cip-class-absent", "field_of_study is in a real CIP series and subseries, but "
         "CIP 2021 has no class 15.0503.", cell(M, 3, "field_of_study", "15.0503"), M, 3, "field_of_study"),
    Case("invalid", "unknown-code", "naics-bare-31", "An industry is written 31: part of the sector 31-33, not a "
         "NAICS code by itself.", cell(M, 2, "industries", "31"), M, 2, "industries"),
    Case("invalid", "unknown-category", "age-group-under-gender", "A gender breakdown uses an age-group "
         "category.", cell(OB, 7, "category", "age_25_34"), OB, 7, "category"),
    Case("invalid", "unknown-reference", "awarding-body", "awarding_bodies names an organization that is not in "
         "organizations.", cell(M, 2, "awarding_bodies", "cegep-trois-lacs|cegep-inconnu"), M, 2,
         "awarding_bodies"),
    Case("invalid", "unknown-offering", "cost-for-unknown-offering", "A cost applies to an offering code the "
         "microcredential does not have.", cell("cost_items.csv", 5, "applies_to_offering", "2027-09"),
         "cost_items.csv", 5, "applies_to_offering"),
    Case("invalid", "id-prefix", "microcredential-without-provider", "A microcredential's identifier (and every "
         "reference to it) lacks the provider's prefix.",
         lambda p: p.replace_everywhere("cegep-trois-lacs.apprentissage-automatique", "trois-lacs.apprentissage-automatique"),
         M, 5, "id"),
    Case("invalid", "unsafe-identifier", "organization-id-with-trailing-line-break", "A copy of an organization's "
         "row was added whose identifier ends with a line break, which the identifier's pattern lets through: it "
         "would be a second organization that looks like the first.",
         insert_row("organizations.csv", 9, lambda p: [p.get("organizations.csv", 6, "id") + "\n",
                                                       *copy_of("organizations.csv", 6)(p)[1:]]),
         "organizations.csv", 9, "id"),
    Case("invalid", "foreign-key", "unknown-recognizer", "A recognition names an organization that is not in "
         "organizations.", cell(REC, 2, "recognized_by", "cisss-lac-brule"), REC, 2, "recognized_by"),
    Case("invalid", "unknown-code", "priority-sector-99", "A strategy's priority sector is in NAICS sector 99, "
         "which does not exist.", cell(SA, 2, "priority_sectors", "332|9901"), SA, 2, "priority_sectors"),
    Case("invalid", "region-outside-jurisdiction", "ontario-region-in-quebec-strategy", "A Quebec strategy lists "
         "3590 (Northeast, Ontario) among its economic regions.", cell(SA, 2, "economic_regions", "2470|3590"), SA,
         2, "economic_regions"),
    Case("invalid", "strategy-without-government", "no-jurisdiction-no-government", "A strategy alignment gives "
         "neither a jurisdiction nor a government.",
         cells((SA, 2, "strategy_jurisdiction", ""), (SA, 2, "strategy_government", ""), (SA, 2, "economic_regions", "")),
         SA, 2, "strategy_government"),
    Case("invalid", "date-after-update", "recognition-dated-after-update", "A recognition is dated after the "
         "submission's last update (2026-09-15).", cell(REC, 2, "recognition_date", "2026-10-01"), REC, 2,
         "recognition_date"),
    Case("invalid", "date-after-update", "evidence-dated-after-update", "A piece of labour-market evidence is "
         "dated after the submission's last update.", cell(LME, 3, "evidence_date", "2027-01-15"), LME, 3,
         "evidence_date"),
    Case("invalid", "foreign-record", "microcredential-of-a-university", "A microcredential is awarded by "
         "universite-trois-lacs alone and offered by no one: it is not the provider's to publish.",
         cell(M, 3, "awarding_bodies", "universite-trois-lacs"), M, 3, "awarding_bodies"),
    Case("invalid", "foreign-record", "report-on-another-organization", "A report on a whole organization is "
         "about universite-trois-lacs instead of the provider.",
         cell("outcome_reports.csv", 3, "subject_organization", "universite-trois-lacs"), "outcome_reports.csv", 3,
         "subject_organization"),
    Case("invalid", "self-reference", "stacks-into-itself", "A pathway makes a microcredential stack into "
         "itself.", cell("pathways.csv", 4, "target_microcredential", ANALYSE), "pathways.csv", 4,
         "target_microcredential"),
    Case("invalid", "own-parent", "continuing-education-unit-is-its-own-parent", "An organization names itself "
         "as its parent organization.", cell("organizations.csv", 3, "parent_organization",
                                             "cegep-trois-lacs-formation-continue"),
         "organizations.csv", 3, "parent_organization"),
    Case("invalid", "other-language-missing", "mis-without-the-language", "languages holds mis but "
         "other_languages is empty.", cell(M, 2, "other_languages", ""), M, 2, "other_languages"),
    Case("invalid", "unknown-language-tag", "unregistered-tag", "other_languages lists zz, which has the shape of "
         "a language tag but is not in the IANA registry.", cell(M, 2, "other_languages", "es|zz"), M, 2,
         "other_languages"),
    Case("invalid", "outside-province", "ontario-region-for-a-quebec-offering", "An offering in Quebec (SGC 24) "
         "gives an Ontario economic region.", cell(O, 2, "economic_region", "3590"), O, 2, "economic_region"),
    Case("invalid", "osap-awarding-body", "quebec-university-awards", "Under the OSAP profile, a microcredential "
         "is awarded by a Quebec university (the Ontario college only offers it).",
         cells((M, 3, "awarding_bodies", "universite-trois-lacs"), (M, 3, "offered_by", "cegep-trois-lacs")),
         M, 3, "awarding_bodies", start=_osap, profile="ontario-osap"),
    Case("invalid", "osap-funding-missing", "no-osap-row", "Under the OSAP profile, the osap_microcredentials "
         "funding row of a microcredential was removed.",
         _drop_funding("cegep-trois-lacs.soins-plaies-complexes", "osap_microcredentials"), M, 3, "id",
         start=_osap, profile="ontario-osap"),
    Case("invalid", "osap-offering-too-long", "twelve-weeks", "Under the OSAP profile, an offering runs 83 days "
         "(January 18 to April 10), into its twelfth week.", cell(O, 2, "end_date", "2027-04-10"), O, 2, "end_date",
         start=_osap, profile="ontario-osap"),
    Case("invalid", "eu-quality-assurance", "none-declared", "Under the EU Annex I profile, a microcredential "
         "declares no quality assurance.", cell("quality_assurances.csv", 2, "qa_type", "none_declared"),
         "quality_assurances.csv", 2, "qa_type", start=_eu_annex, profile="eu-annex-i"),
    Case("invalid", "constraint-error", "eu-alignment-without-level", "Under the EU Annex I profile, a framework "
         "alignment gives no level.", cell("framework_alignments.csv", 2, "level", ""), "framework_alignments.csv",
         2, "level", start=_eu_annex, profile="eu-annex-i"),
    Case("invalid", "bad-url", "ip-address", "webpage names an IP address instead of a host.",
         cell(M, 2, "webpage", "https://192.0.2.10/microtitres/soudage"), M, 2, "webpage"),
    Case("invalid", "date-order", "offering-ends-before-it-starts", "An offering ends before it starts.",
         cell(O, 2, "end_date", "2027-01-10"), O, 2, "end_date"),
    Case("invalid", "impossible-workload", "hours-do-not-fit", "1,800 hours in 10 weeks is 180 hours a week.",
         cell(M, 4, "workload_hours", "1800"), M, 4, "workload_hours"),
    Case("invalid", "credit-unit-missing", "credits-without-unit", "credit_value is given without credit_unit.",
         cell(M, 2, "credit_unit", ""), M, 2, "credit_value"),
    Case("invalid", "missing-value", "count-left-empty", "A published count has no value and is not marked "
         "suppressed.", cell(OB, 2, "value", ""), OB, 2, None),
    Case("invalid", "suppressed-with-value", "suppressed-count-shown", "A suppressed cell still gives its value.",
         cell(OB, 8, "value", "4"), OB, 8, "value"),
    Case("invalid", "dimension-category", "dimension-without-category", "A breakdown row names its dimension but "
         "not its category.", cell(OB, 10, "category", ""), OB, 10, None),
    Case("invalid", "months-missing", "employment-without-months", "An employment figure does not say how many "
         "months after completion it was measured.", cell(OB, 13, "months_after_completion", ""), OB, 13,
         "months_after_completion"),
    Case("invalid", "proportion-range", "rate-above-one", "A completion rate is written as 1.2.",
         cell(OB, 6, "value", "1.2"), OB, 6, "value"),
    Case("invalid", "small-cell", "count-below-minimum", "A count of 3 is published in a report whose minimum "
         "cell size is 5.", cell(OB, 7, "value", "3"), OB, 7, "value"),
    Case("invalid", "recoverable-cell", "one-suppressed-of-complete-breakdown", "Only one gender cell stays "
         "suppressed while the total and the other categories are published, so 38 - 29 - 6 gives it back.",
         cells((OB, 8, "suppressed", "false"), (OB, 8, "value", "6")), OB, 9, "suppressed"),
    Case("invalid", "recoverable-cell", "intersection-men-with-disability", "Of the 29 men (row 7), 25 are "
         "published as men without a disability and the men with a disability are suppressed alone: 29 - 25 gives "
         "them back.", all_of(
             insert_row(OB, 12, observation(metric="enrolments", dimension="gender", category="man",
                                            dimension_2="disability", category_2="with_disability", suppressed="true")),
             insert_row(OB, 13, observation(metric="enrolments", dimension="gender", category="man",
                                            dimension_2="disability", category_2="without_disability", value="25"))),
         OB, 12, "suppressed"),
    Case("invalid", "missing-base", "median-without-people", "The median earnings of the survey report give no "
         "respondents or population, and the report publishes no completions to stand behind them.",
         cell(OB, 15, "respondents", ""), OB, 15, "population"),
    Case("invalid", "small-base", "median-on-two-people", "A median earnings figure is computed on 2 people.",
         cells((OB, 15, "respondents", ""), (OB, 15, "population", "2")), OB, 15, "population"),
    Case("invalid", "differencing", "enrolled-26-completed-25", "26 learners enrolled in person and 25 of them "
         "completed: the one who did not is revealed.",
         insert_row(OB, 12, observation(metric="completions", dimension="delivery_mode", category="in_person",
                                        value="25")), OB, 12, "value"),
    Case("invalid", "differencing", "rate-leaves-five-out", "An employment rate of 25 out of 30 immigrants in a "
         "report whose minimum is 10 tells that 5 were not employed.",
         cells((OB, 17, "value", "0.83"), (OB, 17, "numerator", "25")), OB, 17, "value"),
    Case("invalid", "not-rounded", "one-count-left-unrounded", "The survey report declares random rounding to 5, "
         "and every count is a multiple of 5 but one numerator, 13.",
         cells(("outcome_reports.csv", 3, "disclosure_method", "random_rounding"),
               ("outcome_reports.csv", 3, "rounding_base", "5"),
               (OB, 13, "numerator", "95"), (OB, 13, "denominator", "110"),
               (OB, 14, "numerator", "80"), (OB, 14, "denominator", "110"),
               (OB, 15, "respondents", "95"), (OB, 16, "denominator", "110")), OB, 16, "numerator"),
    Case("invalid", "rounding-base-missing", "random-rounding-without-base", "The survey report declares random "
         "rounding but no rounding base.", cell("outcome_reports.csv", 3, "disclosure_method", "random_rounding"),
         "outcome_reports.csv", 3, "rounding_base"),
    Case("invalid", "base-year-missing", "constant-dollars-without-year", "The survey report is in constant "
         "dollars but names no base year.", cell("outcome_reports.csv", 3, "dollar_basis", "constant_dollars"),
         "outcome_reports.csv", 3, "dollar_base_year"),
    Case("invalid", "intersection", "gender-by-gender", "An enrolment row crosses gender with gender.",
         cells((OB, 7, "dimension_2", "gender"), (OB, 7, "category_2", "man")), OB, 7, "dimension_2"),
    Case("invalid", "unknown-category", "second-category-not-of-its-dimension", "An intersection names "
         "first_nations as a category of gender.",
         cells((OB, 17, "dimension_2", "gender"), (OB, 17, "category_2", "first_nations")), OB, 17, "category_2"),
    Case("invalid", "submission-rows", "no-submission-row", "The submission table has its column names and no "
         "row: no provider, contact or date.", drop_rows("submission.csv", 2), "submission.csv", 2),
    Case("invalid", "submission-rows", "two-submission-rows", "The submission row was pasted twice.",
         insert_row("submission.csv", 3, copy_of("submission.csv", 2)), "submission.csv", 3),
    Case("invalid", "duplicate-entry", "assessment-pasted-twice", "An assessment row was pasted twice.",
         insert_row("assessments.csv", 4, copy_of("assessments.csv", 3)), "assessments.csv", 4, None),

    # Warnings: reported, never blocking.
    Case("warnings", "semicolon-delimiter", "french-excel-csv", "cost_items.csv separates its columns with "
         "semicolons and writes an amount with a decimal comma (480,50), as French-locale Excel saves CSV.",
         raw("cost_items.csv", _semicolons("cost_items.csv")), "cost_items.csv", 1),
    Case("warnings", "blank-row", "empty-line-of-commas", "Row 3 of assessments.csv is a row of empty cells, "
         "which is ignored.", insert_row("assessments.csv", 3, _blank_row), "assessments.csv", 3, None),
    Case("warnings", "unknown-table", "extra-notes-file", "The package lists an extra notes.csv that is not a "
         "table of the standard.", all_of(descriptor(_extra_resource), raw("notes.csv", lambda p: b"note\nbonjour\n")),
         "notes.csv"),
    Case("warnings", "one-language", "title-english-only", "A microcredential's title has no French.",
         cell(M, 3, "title_fr", ""), M, 3, "title_fr"),
    Case("warnings", "listed-language", "innu-aimun-as-other-language", "other_languages gives moe "
         "(Innu-aimun), which the list of languages holds.", cell(M, 2, "other_languages", "es|moe"), M, 2,
         "other_languages"),
    Case("warnings", "deadline-after-start", "late-deadline", "An application deadline falls after the start.",
         cell(O, 2, "application_deadline", "2027-01-25"), O, 2, "application_deadline"),
    Case("warnings", "review-overdue", "quality-review-passed", "A quality-assurance review date is before the "
         "submission's last update.", cell("quality_assurances.csv", 2, "review_date", "2026-05-31"),
         "quality_assurances.csv", 2, "review_date"),
    Case("warnings", "staffing-not-by-government", "private-employer-public-staffing", "A private employer is "
         "said to recognize the microcredential in public-service staffing.",
         cells((REC, 2, "recognized_by", "metallurgie-trois-lacs"), (REC, 2, "recognition_type", "public_service_staffing")),
         REC, 2, "recognized_by"),
    Case("warnings", "intensive-workload", "seventy-hours-a-week", "700 hours in 10 weeks is 70 hours a week.",
         cell(M, 4, "workload_hours", "700"), M, 4, "workload_hours"),
    Case("warnings", "duplicate-item", "skill-twice", "skills lists digital twice.",
         cell(M, 2, "skills", "digital|numeracy|digital"), M, 2, "skills"),
    Case("warnings", "duplicate-title", "same-english-title", "Two microcredentials have the same English title.",
         cell(M, 3, "title_en", "Programming Robotic Welding Cells"), M, 3, "title_en"),
    Case("warnings", "formula-like", "leading-dash", "A learning outcome starts with a dash, as pasted from a "
         "bulleted list.", cell("learning_outcomes.csv", 2, "statement_en",
                                "- Program a robotic welding path from a shop drawing."),
         "learning_outcomes.csv", 2, "statement_en"),
    Case("warnings", "quality-short-description", "eleven-characters", "The English description is 11 "
         "characters long.", cell(M, 3, "description_en", "Wound care."), M, 3, "description_en"),
    Case("warnings", "quality-no-occupations", "no-noc-no-naics", "A microcredential names no occupation and no "
         "industry.", cells((M, 3, "occupations", ""), (M, 3, "industries", "")), M, 3, "occupations"),
    Case("warnings", "quality-no-skills", "skills-empty", "A microcredential names no Skills for Success.",
         cell(M, 2, "skills", ""), M, 2, "skills"),
    Case("warnings", "quality-no-french", "english-only-record", "Every French text of a microcredential is empty.",
         _strip_language("fr"), M, 4, "title_fr"),
    Case("warnings", "quality-no-english", "french-only-record", "Every English text of a microcredential is "
         "empty.", _strip_language("en"), M, 4, "title_en"),
    Case("warnings", "quality-no-employer-engagement", "engagement-removed", "The only employer engagement of a "
         "microcredential was removed.", drop_rows("employer_engagements.csv", 4), M, 4, "id"),
    Case("warnings", "quality-no-offerings", "offering-removed", "The only offering of an active microcredential "
         "was removed.", drop_rows(O, 6), M, 4, "id"),
    Case("warnings", "quality-no-funding", "funding-removed", "The only funding row of a microcredential was "
         "removed.", drop_rows("funding_eligibilities.csv", 7), M, 4, "id"),
]


def expected(case: Case) -> dict[str, Any]:
    found: dict[str, Any] = {"code": case.code, "file": case.file, "row": case.row, "column": case.column,
                             "fault": case.fault}
    if case.also:
        found["also"] = case.also
    if case.profile:
        found["profile"] = case.profile
    return found


def folder_of(case: Case) -> Path:
    return HERE / case.kind / case.name if case.kind == "valid" else HERE / case.kind / case.code / case.name


def main() -> None:
    for kind in KINDS:
        shutil.rmtree(HERE / kind, ignore_errors=True)
    for case in CASES:
        package = case.start()
        case.edit(package)
        folder = folder_of(case)
        package.write(folder)
        document = expected(case) if case.kind != "valid" else {
            "fault": case.fault, **({"profile": case.profile} if case.profile else {})}
        (folder / "expected.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {len(CASES)} packages in {HERE.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
