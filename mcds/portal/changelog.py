"""The portal's changelog page, rendered from CHANGELOG.md as mcds.evolution.changelog reads it."""

from __future__ import annotations

from mcds.evolution.changelog import parse_changelog
from mcds.portal.markdown import environment


def render_changelog(text: str, lang: str) -> str:
    """The changelog page of `lang`: releases with content, entries as written (in English)."""
    releases = [r for r in parse_changelog(text) if r.sections]
    return environment().get_template("changelog.md.j2").render(releases=releases, lang=lang)
