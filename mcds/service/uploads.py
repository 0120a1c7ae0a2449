"""Receiving one upload: a multipart/form-data body read as it streams in, written straight into the upload's
private folder, and refused the moment it passes a limit (its size, a pause, its total time), never after it
has all been read. At most one file and a few short fields; a file must have a name the validator reads."""

from __future__ import annotations

import asyncio
import re
import time
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

# What `mcds validate` reads as a single file (a data-package folder is sent as a .zip).
SUFFIXES = (".xlsx", ".zip", ".json")
FIELDS = 8  # fields besides the file: lang, format, profile and annotate are all the form sends
FIELD_BYTES = 256  # a field's value: a language, a format, a profile's name
NAME_CHARACTERS = 100
UNSAFE = re.compile(r"[^\w.\- ]")


@dataclass(frozen=True)
class Limits:
    """The bounds of one upload."""

    max_bytes: int
    idle_seconds: float  # longest pause between two pieces of the body
    total_seconds: float  # longest time to receive the whole body


class UploadRefused(Exception):
    """The upload cannot be validated: the HTTP status, and the message key of mcds.service.messages."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values


@dataclass
class Upload:
    """What was received: the file's name in the folder (None when none came) and the fields."""

    folder: Path
    name: str | None = None
    size: int = 0
    fields: dict[str, str] = field(default_factory=dict)


def safe_name(filename: str) -> str:
    """The file's own name, without any folder, as a name that is safe in the upload's folder: letters, digits,
    spaces, dots and dashes (accented letters kept), never hidden, at most NAME_CHARACTERS long."""
    name = PurePosixPath(filename.replace("\\", "/")).name
    name = UNSAFE.sub("_", unicodedata.normalize("NFC", name)).lstrip(". ")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem[: NAME_CHARACTERS - len(suffix) - 1].rstrip() or "upload"
    return f"{stem}.{suffix}" if dot else stem


def boundary_of(content_type: str | None) -> bytes:
    kind, options = parse_options_header(content_type or "")
    boundary = options.get(b"boundary", b"")
    if kind != b"multipart/form-data" or not boundary or len(boundary) > 200:
        raise UploadRefused(415, "service.not_multipart")
    return boundary


class _Reader:
    """The python-multipart callbacks: headers of each part, then its data to the file or a field."""

    def __init__(self, upload: Upload, limits: Limits) -> None:
        self.upload = upload
        self.limits = limits
        self.headers: dict[bytes, bytes] = {}
        self.header_name = b""
        self.header_value = b""
        self.target: IO[bytes] | None = None
        self.field: str | None = None
        self.value = bytearray()
        self.parts = 0

    def callbacks(self) -> dict[str, Any]:
        return {"on_part_begin": self.begin, "on_header_field": self.header_field, "on_header_value": self.header_val,
                "on_header_end": self.header_end, "on_headers_finished": self.headers_finished,
                "on_part_data": self.data, "on_part_end": self.end}

    def begin(self) -> None:
        self.parts += 1
        if self.parts > FIELDS + 1:
            raise UploadRefused(400, "service.too_many_parts", fields=FIELDS)
        self.headers, self.field, self.value = {}, None, bytearray()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def header_val(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def header_end(self) -> None:
        self.headers[self.header_name.lower()] = self.header_value
        self.header_name, self.header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            self.field = name
            return
        if self.upload.name is not None:
            raise UploadRefused(400, "service.too_many_parts", fields=FIELDS)
        filename = safe_name(options[b"filename"].decode("utf-8", "replace"))
        if not filename.lower().endswith(SUFFIXES):
            raise UploadRefused(415, "service.unsupported_file", name=filename)
        self.upload.name = filename
        self.target = (self.upload.folder / filename).open("xb")

    def data(self, data: bytes, start: int, end: int) -> None:
        if self.target is not None:
            self.upload.size += end - start
            if self.upload.size > self.limits.max_bytes:
                raise UploadRefused(413, "service.too_large", megabytes=self.limits.max_bytes // 1_000_000)
            self.target.write(data[start:end])
        elif self.field is not None:
            self.value += data[start:end]
            if len(self.value) > FIELD_BYTES:
                raise UploadRefused(400, "service.malformed")

    def end(self) -> None:
        if self.target is not None:
            self.target.close()
            self.target = None
        elif self.field is not None:
            self.upload.fields.setdefault(self.field, self.value.decode("utf-8", "replace").strip())
            self.field = None

    def close(self) -> None:
        if self.target is not None:
            self.target.close()


async def receive(chunks: AsyncIterator[bytes], content_type: str | None, content_length: str | None, folder: Path,
                  limits: Limits) -> Upload:
    """Read the body from `chunks` into `folder`; UploadRefused says why it was refused. The body as a whole may
    exceed the file's limit only by what its fields and part headers need."""
    boundary = boundary_of(content_type)
    most = limits.max_bytes + 64 * 1024
    if content_length is not None and content_length.strip().isdigit() and int(content_length) > most:
        raise UploadRefused(413, "service.too_large", megabytes=limits.max_bytes // 1_000_000)
    upload = Upload(folder)
    reader = _Reader(upload, limits)
    parser = MultipartParser(boundary, reader.callbacks())
    slow = UploadRefused(408, "service.slow_upload", seconds=_shown(limits.idle_seconds),
                         total=_shown(limits.total_seconds))
    deadline = time.monotonic() + limits.total_seconds
    received = 0
    try:
        while True:
            wait = min(limits.idle_seconds, deadline - time.monotonic())
            if wait <= 0:
                raise slow
            try:
                chunk = await asyncio.wait_for(anext(chunks), wait)
            except StopAsyncIteration:
                break
            except TimeoutError:
                raise slow from None
            received += len(chunk)
            if received > most:
                raise UploadRefused(413, "service.too_large", megabytes=limits.max_bytes // 1_000_000)
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except MultipartParseError as error:
        raise UploadRefused(400, "service.malformed") from error
    finally:
        reader.close()
    if upload.name is None:
        raise UploadRefused(400, "service.no_file")
    return upload


def _shown(seconds: float) -> str:
    return f"{seconds:g}"
