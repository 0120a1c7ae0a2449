"""Releasing the standard: check that the schema's version bump and changelog match what changed since the
latest release, and keep each released version under `schema/releases/<version>/`."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mcds.errors import McdsError
from mcds.evolution.changelog import FILES as CHANGELOGS
from mcds.evolution.changelog import UNRELEASED
from mcds.evolution.changelog import sections as changelog_sections
from mcds.evolution.diff import RANK, Change, Diff, compile_schema, diff, load_model, undeprecated_removals
from mcds.evolution.messages import BUMP_WORDS
from mcds.standard import paths
from mcds.standard.versions import bump_between, next_version, releases


class ReleaseCheckFailed(McdsError):
    """The schema changed since the latest release without the version bump or changelog entry it needs."""

    exit_code = 1


def _differing_files(current: Path, released: Path) -> list[str]:
    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    now, then = files(current), files(released)
    return sorted(name for name in now.keys() | then.keys() if now.get(name) != then.get(name))


@dataclass
class ReleaseStatus:
    version: str
    latest: str | None
    diff: Diff | None


def check_release(root: Path = paths.ROOT) -> ReleaseStatus:
    """Raise ReleaseCheckFailed unless the schema at `root` is its latest release, or a correctly bumped
    successor with a changelog entry and no element removed before it was deprecated."""
    releases_dir = root / "schema" / "releases"
    new = compile_schema(root / "schema" / "mcds.yaml")
    version = new["version"]
    known = releases(releases_dir)
    if not known:
        return ReleaseStatus(version, None, None)
    latest = known[-1]
    old = load_model(latest, releases_dir)
    result = diff(old, new)
    actual = bump_between(latest, version)
    if actual is None:
        raise ReleaseCheckFailed("release.version_backwards", version=version, latest=latest)
    if actual == "none" and not result.changes:
        result.changes = [Change(name, "artefact_changed", "patch", "artefact_changed")
                          for name in _differing_files(root / "schema" / "generated", releases_dir / latest / "generated")]
    required = result.required_bump
    if RANK[actual] < RANK[required]:
        raise ReleaseCheckFailed(
            "release.bump_too_small", latest=latest, version=version, count=len(result.changes),
            required=required, bump=BUMP_WORDS[required], suggested=next_version(latest, required))
    removed = undeprecated_removals(result.changes, old)
    if removed:
        raise ReleaseCheckFailed("release.removed_without_deprecation", elements=", ".join(removed), latest=latest)
    if result.changes or actual != "none":
        for name, sections in _changelogs(root).items():
            if not sections.get(UNRELEASED) and not sections.get(version):
                raise ReleaseCheckFailed("release.changelog_missing", latest=latest, version=version, file=name)
    return ReleaseStatus(version, latest, result)


def _changelogs(root: Path) -> dict[str, dict[str, str]]:
    """The sections of each changelog: the English one always (missing, it has none), the French one when the
    repository keeps it."""
    found = {}
    for lang, name in CHANGELOGS.items():
        path = root / name
        if path.is_file() or lang == "en":
            found[name] = changelog_sections(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return found


def release(root: Path = paths.ROOT) -> tuple[str, Path, int]:
    """Snapshot the schema files and schema/generated/ into schema/releases/<version>/, atomically.

    The caller makes sure schema/generated/ is fresh (that takes the generators)."""
    releases_dir = root / "schema" / "releases"
    version = compile_schema(root / "schema" / "mcds.yaml")["version"]
    target = releases_dir / version
    if target.exists():
        raise McdsError("release.exists", version=version, path=target)
    status = check_release(root)
    for name, sections in _changelogs(root).items():
        if not sections.get(status.version):
            raise McdsError("release.changelog_version_missing", version=status.version, file=name)
    releases_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{status.version}-", dir=releases_dir))
    try:
        for source in sorted((root / "schema").glob("*.yaml")):
            shutil.copy2(source, staging / source.name)
        shutil.copytree(root / "schema" / "generated", staging / "generated")
        count = sum(1 for p in staging.rglob("*") if p.is_file())
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return status.version, target, count
