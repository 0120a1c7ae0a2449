"""The deterministic-output conventions, written once: JSON with sorted keys and a final newline, CSV in UTF-8
with "\n" line ends, and whole-file writes that never leave a partial file behind. Workbooks: mcds.util.xlsx."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
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


def json_chunks(document: Any, depth: int = 2) -> Iterator[bytes]:
    """The bytes of `json_bytes(document, compact=True)` in pieces: the members of the top `depth` levels of
    objects and arrays one at a time, so that a national document (a whole catalogue in one file) is never
    held as one string."""
    def pieces(value: Any, depth: int) -> Iterator[str]:
        if depth and isinstance(value, dict) and value:
            for number, key in enumerate(sorted(value)):
                yield ("," if number else "{") + _compact(key) + ":"
                yield from pieces(value[key], depth - 1)
            yield "}"
        elif depth and isinstance(value, list) and value:
            for number, item in enumerate(value):
                yield "," if number else "["
                yield from pieces(item, depth - 1)
            yield "]"
        else:
            yield _compact(value)

    for piece in pieces(document, depth):
        yield piece.encode("utf-8")
    yield b"\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_chunks(path: Path, chunks: Iterable[bytes]) -> int:
    """Write `chunks` to `path` one after the other; return the number of bytes written."""
    size = 0
    with path.open("wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
            size += len(chunk)
    return size


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
