"""The changelogs read as releases, the one parser of them: the release check reads each release's entries, the
portal renders them as its changelog page and takes a fallback date from them.

The changelog is bilingual: CHANGELOG.md in English and CHANGELOG.fr.md in French, the same releases under the
same bracketed versions. The French file may write the unreleased section "[Non publié]"; it is read as
"Unreleased"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\](?:\s*-\s*(?P<date>\d{4}-\d{2}-\d{2}))?\s*$")
_SECTION = re.compile(r"^### (?P<heading>.+?)\s*$")
UNRELEASED = "Unreleased"
# The changelog file of each language, in the repository's root.
FILES = {"en": "CHANGELOG.md", "fr": "CHANGELOG.fr.md"}
_UNRELEASED_NAMES = {"Unreleased", "Non publié"}


@dataclass
class Release:
    version: str  # "Unreleased" or MAJOR.MINOR.PATCH
    date: str | None
    sections: list[tuple[str, str]] = field(default_factory=list)  # (heading, Markdown body)
    lines: list[str] = field(default_factory=list)  # everything under the release's heading

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip()


def parse_changelog(text: str) -> list[Release]:
    """The releases of a Keep a Changelog file, newest first, with their non-empty sections."""
    releases: list[Release] = []
    heading: str | None = None
    body: list[str] = []

    def close_section() -> None:
        if releases and heading is not None and "".join(body).strip():
            releases[-1].sections.append((heading, "\n".join(body).strip()))

    for line in text.splitlines():
        release = _RELEASE.match(line)
        section = _SECTION.match(line)
        if release:
            close_section()
            heading, body = None, []
            version = UNRELEASED if release["version"] in _UNRELEASED_NAMES else release["version"]
            releases.append(Release(version, release["date"]))
            continue
        if releases:
            releases[-1].lines.append(line)
        if section and releases:
            close_section()
            heading, body = section["heading"], []
        elif heading is not None:
            body.append(line)
    close_section()
    return releases


def latest_release_date(text: str) -> str | None:
    """The date of the newest dated release, YYYY-MM-DD."""
    return next((r.date for r in parse_changelog(text) if r.date), None)


def sections(text: str) -> dict[str, str]:
    """Each release's whole body by its bracketed name ("Unreleased", "0.1.0"): what the release check reads."""
    return {release.version: release.body for release in parse_changelog(text)}
