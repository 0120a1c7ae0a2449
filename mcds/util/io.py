"""The deterministic-output conventions, written once: JSON with sorted keys and a final newline, CSV in UTF-8
with "\n" line ends, and whole-file writes that never leave a partial file behind. Workbooks: mcds.util.xlsx."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any


def json_text(document: Any, *, compact: bool = False) -> str:
    """`document` as JSON: keys sorted, non-ASCII kept, indented by two unless `compact`, newline at the end.

    Compact output is for large documents: with an indent, Python's encoder falls back from C to pure Python
    (about ten times slower)."""
    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, **layout) + "\n"


def json_bytes(document: Any, *, compact: bool = False) -> bytes:
    return json_text(document, compact=compact).encode("utf-8")


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> bytes:
    """A CSV table in UTF-8 with "\n" line ends. A row is a list in header order, or a dict by column name
    (a missing column is empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row.get(name, "") for name in header] if isinstance(row, Mapping) else row for row in rows)
    return buffer.getvalue().encode("utf-8")


def write_atomic(path: Path, content: bytes | str) -> None:
    """Write `content` whole to `path`, or leave `path` as it was: a reader never sees a partial file.

    Written to a temporary file beside `path`, then renamed over it. An OSError is raised as it comes, with
    the temporary file removed."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
