"""`codelists/<Enum>.csv`: every enum of the schema as a bilingual code list, generated, never kept by hand.

The last column, `translation_status`, carries the schema's flag on a French label not yet checked against
the official French source (`to_verify`), so that such a label is never published as normative unflagged."""

from __future__ import annotations

from mcds.generators import schema as s
from mcds.util.io import csv_bytes

HEADER = ["code", "title_en", "title_fr", "description_en", "description_fr", "translation_status"]


def generate() -> dict[str, bytes]:
    files = {}
    for name, enum in sorted(s.view().all_enums().items()):
        rows = []
        for code, value in enum.permissible_values.items():
            titles, texts = s.title(value), s.description(value)
            rows.append([code, titles["en"], titles["fr"], texts["en"], texts["fr"], s.translation_status(value)])
        files[f"codelists/{name}.csv"] = csv_bytes(HEADER, rows)
    return files
