"""The "Date modified" of each page: the date of the last commit that changed its source.

Build-time clocks would make two builds of the same inputs differ, so dates come from git history (one
`git log` call for all sources). A source git does not know (no checkout, or a file outside it) takes the
date of the newest release in CHANGELOG.md, then the newest commit date found, so the result depends on the
inputs only.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


def git_dates(root: Path, paths: list[Path]) -> dict[Path, str]:
    """{absolute file path: YYYY-MM-DD of the newest commit touching it} for the files under `paths`."""
    relative = [str(p.relative_to(root)) for p in paths if p.is_relative_to(root)]
    if not relative:
        return {}
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "log", "--format=%x01%cs", "--name-only", "--no-renames", "--relative",
             "--", *relative],
            cwd=root, capture_output=True, text=True, check=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[Path, str] = {}
    current = ""
    for line in result.stdout.splitlines():
        if line.startswith("\x01"):
            current = line[1:].strip()
        elif line.strip():
            # git log lists newest commits first: keep the first date seen for each file.
            dates.setdefault(root / line.strip(), current)
    return dates


@dataclass(frozen=True)
class SourceDates:
    """Dates of source files, with one deterministic fallback for files git does not know."""

    known: dict[Path, str]
    fallback: str

    @classmethod
    def collect(cls, root: Path, paths: list[Path], release_date: str | None) -> SourceDates:
        known = git_dates(root, paths)
        fallback = release_date or max(known.values(), default="") or "1970-01-01"
        return cls(known, fallback)

    def of(self, *files: Path) -> str:
        """The newest date among `files`."""
        found = [self.known[f] for f in files if f in self.known]
        return max(found) if found else self.fallback
