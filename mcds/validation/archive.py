"""Bounds on zip archives, for a submission sent as a .zip and for .xlsx workbooks (which are zips): what may be
expanded, judged from the archive's directory before anything is."""

from __future__ import annotations

import lzma
import zipfile
import zlib

from mcds.i18n import both
from mcds.util import limits

# What zipfile can expand: Deflate64 (Windows' "compressed folder" past 2 GB) and others raise NotImplementedError.
READABLE_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
# What reading a damaged zip raises: zipfile's own errors, and its decompressors' (a corrupt Deflate stream is
# a zlib.error, found by the fuzz test).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
              RuntimeError, zlib.error, lzma.LZMAError)


def archive_problem(bundle: zipfile.ZipFile) -> dict[str, str] | None:
    """Why a zip (a package or an .xlsx workbook) must not be expanded, in both languages, from its central
    directory alone: past the bounds of mcds.util.limits, or with entries that cannot be read (encrypted,
    Deflate64). zipfile never expands an entry past the size the directory declares (it fails the entry's
    checksum instead), so checking the declared sizes bounds the real ones."""
    members = bundle.infolist()
    if len(members) > limits.ARCHIVE_ENTRIES or sum(m.file_size for m in members) > limits.ARCHIVE_BYTES:
        return both("archive.too_large", megabytes=limits.ARCHIVE_BYTES // limits.MIB, files=limits.ARCHIVE_ENTRIES)
    for member in members:
        if member.flag_bits & 0x1:
            return both("archive.encrypted", entry=member.filename)
        if member.compress_type not in READABLE_COMPRESSION:
            return both("archive.compression", entry=member.filename, method=member.compress_type)
        if member.file_size > limits.ARCHIVE_SMALL and member.file_size > limits.ARCHIVE_RATIO * max(1, member.compress_size):
            return both("archive.bomb", entry=member.filename, ratio=limits.ARCHIVE_RATIO)
    return None
