"""The catalogue in the formats other systems read (mcds.exports), as the portal publishes them: one file per
record and format under data/<format>/, and one national bulk file per format beside catalogue.json.

Open Badges 3.0 holds one language per achievement, so it has one edition per portal language
(data/ob3/<lang>/<id>.json, data/catalogue-ob3-<lang>.json); the other formats hold both languages in one file.
Records are identified under the site's own address (`base_url`), so the files name the pages that publish them.
The whole catalogue is exported once per edition: its records are the per-record files, its bulk document the
national file. Every file name an identifier makes goes through mcds.publish.gate.contained, like the JSON
records of data/microcredentials/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mcds.exports import FORMATS
from mcds.exports.base import Export
from mcds.i18n import LANGUAGES
from mcds.publish.gate import Catalogue, contained
from mcds.publish.opendata import combined
from mcds.util.io import json_bytes, json_chunks, write_chunks
from mcds.util.parallel import alone

# Formats whose documents hold one language: one edition per portal language.
ONE_LANGUAGE = frozenset({"ob3"})


@dataclass(frozen=True)
class Edition:
    """One published form of a format: its name, and its language when the format holds only one."""

    format: str
    lang: str | None = None

    @property
    def folder(self) -> str:
        """The folder of its per-record files, relative to the site's data/ folder."""
        return f"{self.format}/{self.lang}" if self.lang else self.format

    @property
    def bulk(self) -> str:
        """Its national bulk file, relative to the site's data/ folder."""
        return f"catalogue-{self.format}-{self.lang}.json" if self.lang else f"catalogue-{self.format}.json"

    @property
    def media_type(self) -> str:
        return FORMATS[self.format].MEDIA_TYPE

    def record(self, identifier: str) -> str:
        """The file of one record, relative to the site's data/ folder (for links; writers use `contained`)."""
        return f"{self.folder}/{identifier}.json"


def editions() -> list[Edition]:
    """Every edition, formats in name order, languages in the portal's order."""
    return [Edition(name, lang) for name in sorted(FORMATS)
            for lang in (LANGUAGES if name in ONE_LANGUAGE else (None,))]


def edition_for(format_name: str, lang: str) -> Edition:
    """The edition of a format that a page in `lang` links to."""
    return Edition(format_name, lang if format_name in ONE_LANGUAGE else None)


def export(edition: Edition, document: dict, base_url: str) -> Export:
    return FORMATS[edition.format].export(document, lang=edition.lang or LANGUAGES[0], base_url=base_url)


def record_targets(data: Path, identifiers: list[str]) -> list[tuple[Path, str, str]]:
    """Every (folder, identifier, suffix) the per-record files name, for the site's check before writing."""
    return [(data / edition.folder, identifier, ".json") for edition in editions() for identifier in identifiers]


@alone  # a national export is held whole until its bulk file is written
def write_edition(catalogue: Catalogue, data: Path, base_url: str, edition: Edition) -> int:
    """Write one edition's per-record files and national bulk file under `data` (the site's data/ folder);
    return the number of files written. Editions are independent: a build writes each beside other work."""
    result = export(edition, combined(catalogue), base_url)
    folder = data / edition.folder
    folder.mkdir(parents=True, exist_ok=True)
    for identifier, record in sorted(result.records.items()):
        contained(folder, identifier, ".json").write_bytes(json_bytes(record, compact=True))
    write_chunks(data / edition.bulk, json_chunks(result.bulk))
    return len(result.records) + 1

