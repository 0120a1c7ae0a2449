"""Which generated artefacts apply to a submission: the release it declares (the current standard or one
kept under schema/releases/), and optionally one of that release's profiles."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from mcds.standard import paths, tabular
from mcds.standard.versions import releases, version_key


def current_version() -> str:
    return str(tabular.load_profile()["mcds"]["standard_version"])


def known_versions() -> list[str]:
    """Every version a submission may declare, oldest first."""
    return sorted(set(releases()) | {current_version()}, key=version_key)


def generated_dir(version: str) -> Path:
    return paths.GENERATED_DIR if version == current_version() else paths.RELEASES_DIR / version / "generated"


def profiles(version: str) -> list[str]:
    folder = generated_dir(version) / "profiles"
    return sorted(p.name for p in folder.iterdir() if (p / "datapackage.json").is_file()) if folder.is_dir() else []


@cache
def data_package_profile(version: str, profile: str | None = None) -> dict[str, Any]:
    """The data-package profile to validate against (the core's, or the named profile's, of that release)."""
    folder = generated_dir(version)
    path = folder / "profiles" / profile / "datapackage.json" if profile else folder / "datapackage.json"
    return json.loads(path.read_text(encoding="utf-8"))


def newer_than(version: str) -> str | None:
    """The latest version, when it is newer than `version`."""
    latest = known_versions()[-1]
    return latest if version_key(latest) > version_key(version) else None
