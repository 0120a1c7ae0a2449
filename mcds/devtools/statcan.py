"""Writes schema/statcan/: the Statistics Canada classification tables the standard ships, from the official
CSV files, and its README with each source's sha256 and row counts.

    python -m mcds.devtools.statcan SOURCE_FOLDER [--out schema/statcan]

SOURCE_FOLDER holds the four official files named in SOURCES, unmodified. The output is deterministic (file
order, UTF-8 without BOM, "\\n" line ends): running it again on the same files gives the same bytes, which is how
a reviewer checks that no title was edited by hand. A newer version of a classification is shipped by adding
its file here, never by editing the tables.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mcds.standard import paths, statcan
from mcds.standard.classifications import COLUMNS, SHIPPED
from mcds.util.io import csv_bytes, write_atomic

# The day the official files were taken into the project (recorded, not computed, so the output is stable).
TAKEN = "2026-12-06"
LICENCE = "Open Government Licence - Canada (https://open.canada.ca/en/open-government-licence-canada)"


@dataclass(frozen=True)
class Source:
    kind: str
    name: str  # the classification and version, as Statistics Canada names them
    english: str
    french: str | None  # None where no official French file could be obtained


SOURCES = [
    Source("noc", "National Occupational Classification (NOC) 2021 Version 1.0",
           "noc_2021_version_1.0_-_classification_structure.csv",
           "cnp_2021_version_1.0_-_structure_de_la_classification.csv"),
    Source("cip", "Classification of Instructional Programs (CIP) Canada 2021 Version 1.0",
           "cip-2021-structure.csv", None),
    Source("naics", "North American Industry Classification System (NAICS) Canada 2022 Version 1.0",
           "naics-scian-2022-structure-v1-eng.csv", None),
]


class SourceMismatch(ValueError):
    """The English and French files do not hold the same codes in the same order."""


def rows(folder: Path, source: Source) -> list[dict[str, str]]:
    _, english = statcan.read(folder / source.english)
    french = statcan.read(folder / source.french)[1] if source.french else []
    if french and [e.code for e in english] != [f.code for f in french]:
        raise SourceMismatch(f"{source.english} and {source.french} differ in their codes")
    titles_fr = {entry.code: entry.title for entry in french}
    return [{"code": e.code, "level": str(e.level), "parent": e.parent, "title_en": e.title,
             "title_fr": titles_fr.get(e.code, "")} for e in english]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def readme(folder: Path, written: dict[str, list[dict[str, str]]]) -> str:
    lines = [
        "# Statistics Canada classifications shipped with the standard",
        "",
        "These tables are written by `python -m mcds.devtools.statcan SOURCE_FOLDER` from Statistics Canada's",
        "official classification-structure CSV files, unmodified; do not edit them by hand. The validator checks",
        "every NOC 2021 unit group (level 5), CIP 2021 class (level 3) and NAICS 2022 code (any level) of a",
        "submission against them. `mcds codelists import FILE` installs a newer table, which then takes precedence.",
        "",
        "Columns: `code`, `level` (1 is the top of the hierarchy), `parent` (empty at level 1), `title_en`,",
        "`title_fr` (Statistics Canada's official French title; empty where no official French file was",
        "available: CIP and NAICS). Class definitions and NAICS/CIP superscripts are left out.",
        "",
        "CIP series are published as `NN.` (with a period, for example `51.`); they are written here as `NN`,",
        "the form the schema's `CipSeriesEnum` uses. Subseries (`NN.NN`) and classes (`NN.NNNN`) are unchanged.",
        "",
        f"Licence: {LICENCE}. Source: Statistics Canada. Taken on {TAKEN}.",
        "",
        "| table | classification | source file | sha256 | rows by level |",
        "| --- | --- | --- | --- | --- |",
    ]
    for source in SOURCES:
        counts = Counter(row["level"] for row in written[source.kind])
        by_level = ", ".join(f"{level}: {counts[level]}" for level in sorted(counts)) + f" ({sum(counts.values())} in all)"
        for language, name in (("English", source.english), ("French", source.french)):
            if name:
                lines.append(f"| `{SHIPPED[source.kind]}` | {source.name}, {language} | `{name}` | "
                             f"`{sha256(folder / name)}` | {by_level} |")
    lines += ["", "No official French file of CIP Canada 2021 or NAICS Canada 2022 could be obtained: their `title_fr`",
              "is empty, and the portal shows the English title, marked as English, on French pages.", ""]
    return "\n".join(lines)


def write(folder: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = {source.kind: rows(folder, source) for source in SOURCES}
    files = []
    for kind, table in written.items():
        files.append(out / SHIPPED[kind])
        write_atomic(files[-1], csv_bytes(COLUMNS, table))
    files.append(out / "README.md")
    write_atomic(files[-1], readme(folder, written))
    return files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the folder holding the official files")
    parser.add_argument("--out", type=Path, default=paths.CHECKOUT / "schema" / "statcan")
    arguments = parser.parse_args(argv)
    for path in write(arguments.source, arguments.out):
        print(path)


if __name__ == "__main__":
    main()
