"""The dashboard: one page per policy question of the standard (mcds.portal.questions computes the figures),
under catalogue/statistics/ in each language, with an overview page that leads to them. Each chart comes with
its data table and a CSV of exactly what it shows, written beside its page."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from mcds.portal import charts, questions
from mcds.portal.charts import Chart
from mcds.portal.records import Words
from mcds.portal.views import CatalogueView
from mcds.util.io import write_atomic

FOLDER = "catalogue/statistics"
# slug (the page's folder), the question's key in the words, the function that computes its charts
QUESTIONS: list[tuple[str, str, Callable[[CatalogueView, Words], list[Chart]]]] = [
    ("labour-market", "q1", questions.labour_market),
    ("equity", "q2", questions.equity),
    ("providers", "q3", questions.providers),
    ("frameworks", "q4", questions.frameworks),
    ("strategies", "q5", questions.strategies),
    ("coverage", "q6", questions.coverage),
]
# The data-quality pages (mcds/portal/quality.py, <lang>/quality/): the coverage page links to them when the
# build has them (their MkDocs page, mcds.portal.quality.INDEX_PAGE, is among the catalogue's pages).
QUALITY = "../../../quality/"  # from a dashboard page


def sources() -> list[str]:
    """The Markdown pages of the dashboard, relative to a language's docs folder, overview first."""
    return [f"{FOLDER}/index.md"] + [f"{FOLDER}/{slug}.md" for slug, _, _ in QUESTIONS]


def _front(title: str, description: str) -> str:
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n---\n\n# {title}\n\n")


def overview(pages: CatalogueView, t: Words) -> str:
    published = pages.catalogue.published
    count = len(pages.catalogue.microcredentials())
    lines = [_front(t("dash"), t("dash.description")),
             t("dash.summary", microcredentials=t.number(count), providers=t.number(len(published))), "",
             t("dash.intro"), ""]
    for slug, key, _ in QUESTIONS:
        lines.append(f"- [{t(f'dash.{key}')}]({slug}.md){t('colon')} {t(f'dash.{key}.question')}")
    return "\n".join(lines) + "\n"


Charts = dict[str, list[Chart]]  # question slug -> its charts


def compute(pages: CatalogueView, lang: str) -> Charts:
    """Every chart of the dashboard in one language: computed once, then written as pages and as CSVs."""
    t = Words(lang)
    return {slug: function(pages, t) for slug, _, function in QUESTIONS}


def question(t: Words, slug: str, key: str, found: list[Chart], quality: bool = False) -> str:
    parts = [_front(t(f"dash.{key}"), t(f"dash.{key}.question")), t(f"dash.{key}.intro"), ""]
    if slug == "coverage" and quality:
        parts += [f'<p>{t("dash.q6.quality")} <a href="{QUALITY}">{t("dash.q6.quality.link")}</a></p>', ""]
    for chart in found:
        parts += [f"## {chart.title}", "", charts.render(chart, t, f"{chart.id}.csv"), ""]
    parts.append(f'<p class="mcds-dash-back"><a href="../">{t("dash.back")}</a></p>')
    return "\n".join(parts) + "\n"


def markdown_pages(pages: CatalogueView, lang: str, computed: Charts | None = None, quality: bool = False
                   ) -> dict[str, str]:
    """The overview and the question pages; `quality`: the build has the data-quality pages to link to."""
    t = Words(lang)
    computed = computed if computed is not None else compute(pages, lang)
    found = {f"{FOLDER}/index.md": overview(pages, t)}
    for slug, key, _ in QUESTIONS:
        found[f"{FOLDER}/{slug}.md"] = question(t, slug, key, computed[slug], quality)
    return found


def write_csvs(computed: Charts, t: Words, language_root: Path) -> None:
    """Each chart's CSV beside its page: <lang>/catalogue/statistics/<question>/<chart>.csv."""
    for slug, found in computed.items():
        folder = language_root / FOLDER / slug
        folder.mkdir(parents=True, exist_ok=True)
        for chart in found:
            write_atomic(folder / f"{chart.id}.csv", charts.csv_table(chart, t))
