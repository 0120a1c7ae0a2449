"""CHANGELOG.md read as releases: rendered as the portal's changelog page, and the source of a fallback date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mcds.portal.markdown import environment

_RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\](?:\s*-\s*(?P<date>\d{4}-\d{2}-\d{2}))?\s*$")
_SECTION = re.compile(r"^### (?P<heading>.+?)\s*$")


@dataclass
class Release:
    version: str  # "Unreleased" or MAJOR.MINOR.PATCH
    date: str | None
    sections: list[tuple[str, str]] = field(default_factory=list)  # (heading, Markdown body)


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
            releases.append(Release(release["version"], release["date"]))
        elif section and releases:
            close_section()
            heading, body = section["heading"], []
        elif heading is not None:
            body.append(line)
    close_section()
    return releases


def latest_release_date(text: str) -> str | None:
    """The date of the newest dated release, YYYY-MM-DD."""
    return next((r.date for r in parse_changelog(text) if r.date), None)


def render_changelog(text: str, lang: str) -> str:
    """The changelog page of `lang`: releases with content, entries as written (in English)."""
    releases = [r for r in parse_changelog(text) if r.sections]
    return environment().get_template("changelog.md.j2").render(releases=releases, lang=lang)
