"""The portal's changelog page, rendered from the changelogs as mcds.evolution.changelog reads them."""

from __future__ import annotations

from mcds.evolution.changelog import Release, parse_changelog
from mcds.portal.markdown import environment


def render_changelog(english: str, lang: str, french: str = "") -> str:
    """The changelog page of `lang`: the releases of the English changelog that have content, newest first.
    On the French page each release takes its entries from the French changelog; a release the French
    changelog does not describe yet shows the English entries, marked as English."""
    releases = [r for r in parse_changelog(english) if r.sections]
    translated: dict[str, Release] = {r.version: r for r in parse_changelog(french) if r.sections} if lang == "fr" else {}
    entries = [(release, translated.get(release.version)) for release in releases]
    return environment().get_template("changelog.md.j2").render(entries=entries, lang=lang)
