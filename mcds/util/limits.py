"""The bounds MCDS puts on what it reads, in one place. README.md and the providers' guide list them.

A submission is small: the widest table has a few dozen columns, the longest texts a few thousand characters,
a whole provider's package a few megabytes. The bounds sit far above any real submission and far below what
would exhaust a machine, so that a hostile or broken file is refused with a located message, fast, and every
command stays under 1 GB of memory whatever it is given. Each bound is checked before the work it guards.
"""

from __future__ import annotations

MIB = 1024 * 1024

# Tables (CSV files, workbook sheets).
COLUMNS = 500  # columns in any row; the widest table of the standard has 32
ROW_CHARACTERS = 4_000_000  # characters in one row, all its cells together
CELL_CHARACTERS = 1_000_000  # characters in one cell
# Rows in one table. Validation remembers every key of the table it reads: 1,000,000 outcome observations
# took 547 MiB (benchmarks/README.md); one table is read at a time, so this bounds the peak.
ROWS = 1_500_000

# JSON documents (submissions, datapackage.json, compiled models given to `mcds diff`).
# A JSON file's size. Parsed and converted to tables, a submission takes about 15 times its size in memory
# (measured: 317 MB for 21 MB of outcome observations); larger submissions are sent as CSV files.
JSON_BYTES = 32 * MIB
JSON_DEPTH = 64  # arrays and objects inside one another; a submission needs 4

# Archives (.zip packages and .xlsx workbooks, which are zip files too).
ARCHIVE_BYTES = 512 * MIB  # all entries expanded
ARCHIVE_ENTRIES = 1000  # entries
ARCHIVE_RATIO = 200  # expanded size over compressed size, for any entry larger than ARCHIVE_SMALL
ARCHIVE_SMALL = MIB  # small entries may compress better than ARCHIVE_RATIO (a column of empty cells)
XML_PROLOG_BYTES = 64 * 1024  # where an XML part of a workbook must have started its root element
# A workbook's sheets are held in memory while they are read (about 1.7 times their expanded XML: measured
# 320 MB for 187 MB), so workbooks get a lower bound than zip packages, which are read from disk.
WORKBOOK_BYTES = 256 * MIB

# Other inputs.
CODELIST_BYTES = 64 * MIB  # a Statistics Canada classification table (the largest is under 5 MB)

# Time: one input's whole validation, in seconds.
SECONDS = 600
