"""Reproducible Excel files: the same workbook content always gives the same bytes."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

FIXED_TIME = (2020, 1, 1, 0, 0, 0)
FIXED_STAMP = "2020-01-01T00:00:00Z"
CORE = "docProps/core.xml"
# The namespaces of the core-properties part, with the prefixes Excel writers give them.
NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def _fixed_core(content: bytes) -> bytes:
    """The core properties with the "modified" time (which openpyxl sets to the time of saving) fixed; a part
    whose time is fixed already is left byte for byte."""
    root = ElementTree.fromstring(content)
    modified = root.find("dcterms:modified", NAMESPACES)
    if modified is None or modified.text == FIXED_STAMP:
        return content
    for prefix, uri in NAMESPACES.items():
        ElementTree.register_namespace(prefix, uri)
    modified.text = FIXED_STAMP
    return ElementTree.tostring(root, encoding="unicode").encode("utf-8")


def stable_xlsx(data: bytes) -> bytes:
    """The same workbook with every zip entry stamped with one fixed time and the "modified" property fixed too,
    so that output is reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            target.writestr(entry, _fixed_core(content) if info.filename == CORE else content)
    return buffer.getvalue()
