"""What the service tests and benchmarks/service_load.py share: a filled Excel template made from a data-package
folder (as a provider fills it: numbers, booleans and dates typed), a running `mcds serve`, and a multipart
body written by hand, so that a test controls every byte a hostile client would send."""

from __future__ import annotations

import csv
import datetime
import os
import re
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from mcds.standard import paths, tabular

TEMPLATE = paths.GENERATED_DIR / "templates" / "mcds-template.xlsx"
MCDS = [sys.executable, "-m", "mcds"]


def _typed(field: dict[str, Any], text: str) -> Any:
    if text == "":
        return None
    if field["type"] == "date":
        return datetime.date.fromisoformat(text)
    if field["type"] in ("integer", "number", "boolean"):
        return tabular.parse_cell(field, text)
    return text


def workbook_from_package(folder: Path, target: Path) -> Path:
    """The generated Excel template filled with the CSV tables of the data package `folder`."""
    profile = tabular.load_profile()
    book = load_workbook(TEMPLATE)
    for resource in profile["resources"]:
        source = folder / f"{resource['name']}.csv"
        if not source.is_file():
            continue
        sheet = book[resource["name"]]
        header = [cell.value for cell in sheet[1]]
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        with source.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                for column, name in enumerate(header, start=1):
                    sheet.cell(row=number, column=column, value=_typed(fields[name], row.get(name) or ""))
    book.save(target)
    return target


def multipart(fields: dict[str, str], filename: str | None, content: bytes,
              content_type: str = "application/octet-stream") -> tuple[bytes, str]:
    """A multipart/form-data body (the fields, then the file) and its Content-Type header."""
    boundary = "mcds" + uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    if filename is not None:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def start_service(site: Path, *options: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """`mcds serve` on a free port; its process and its address (ending in /)."""
    command = [*MCDS, "serve", "--dir", str(site), "--port", "0", "--lang", "en", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    line = process.stdout.readline() if process.stdout else ""
    found = re.search(r"http://\S+/", line)
    if not found:
        process.kill()
        raise AssertionError(f"mcds serve did not start: {line}{process.communicate()[1]}")
    return process, found[0]


def stop_service(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Ctrl-C, then what it printed."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        return process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()
