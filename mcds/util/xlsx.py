"""Reproducible Excel files: the same workbook content always gives the same bytes."""

from __future__ import annotations

import io
import re
import zipfile

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def stable_xlsx(data: bytes) -> bytes:
    """The same workbook with every zip entry stamped with one fixed time and the "modified" property (which
    openpyxl sets to the time of saving) fixed too, so that output is reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = MODIFIED.sub(rb"\g<1>2020-01-01T00:00:00Z\g<2>", content)
            target.writestr(entry, content)
    return buffer.getvalue()
