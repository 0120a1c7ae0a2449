"""Deterministic serializations shared by the generators: sorted keys, "\n" line ends, a final newline,
no timestamps (workbooks: mcds.xlsx)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any


def json_bytes(document: Any) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
