"""Versions of the standard: strict MAJOR.MINOR.PATCH, the releases kept under schema/releases/, and the
arithmetic of bumps. A leaf: validation, evolution and the portal all read versions through it."""

from __future__ import annotations

import re
from pathlib import Path

from mcds.standard.paths import RELEASES_DIR

SEMVER = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def version_key(version: str) -> tuple[int, int, int]:
    found = SEMVER.fullmatch(version)
    if not found:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {version}")
    return (int(found[1]), int(found[2]), int(found[3]))


def releases(releases_dir: Path = RELEASES_DIR) -> list[str]:
    """The released versions kept in `releases_dir`, oldest first."""
    found = [p.name for p in releases_dir.iterdir() if p.is_dir() and SEMVER.fullmatch(p.name)] \
        if releases_dir.is_dir() else []
    return sorted(found, key=version_key)


def bump_between(old: str, new: str) -> str | None:
    """The bump that leads from version `old` to `new`, or None when `new` is older."""
    before, after = version_key(old), version_key(new)
    if after < before:
        return None
    return next((bump for bump, i in (("major", 0), ("minor", 1), ("patch", 2)) if after[i] > before[i]), "none")


def next_version(version: str, bump: str) -> str:
    major, minor, patch = version_key(version)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0",
            "patch": f"{major}.{minor}.{patch + 1}"}.get(bump, version)
