"""The compare page: up to four microcredentials of the reader's short list side by side.

The short list lives in the reader's browser only (docs/assets/javascripts/shortlist.js): nothing is stored on
a server. The page reads the records the site already publishes (data/microcredentials/<id>.json); what those
records name only by a code is labelled from two things written here: the labels of the code lists the table
shows, carried by the page, and the names of the organizations the records name (providers and employer
partners), one small file per language beside Find's index.
"""

from __future__ import annotations

import json
from pathlib import Path

from mcds.portal.records import Words, enum_of
from mcds.portal.views import CatalogueView
from mcds.portal.words import word
from mcds.standard import model
from mcds.util.io import json_bytes, write_atomic
from mcds.util.templates import environment

PAGE = "catalogue/compare.md"
# Beside Find's index; a name that starts with "index" is never a record's page (mcds.publish.gate.contained).
NAMES = "index.names.json"
MAX = 4
# The coded fields the table shows, labelled in the page's language.
CODED = ("delivery_modes", "credit_unit", "funding_programme")
ROWS = ("provider", "cost", "duration", "workload", "delivery", "credit", "start", "funding", "partners", "outcomes")
WORDS = ("compare.intro", "compare.empty", "compare.caption", "compare.caption_one", "compare.share", "compare.copy",
         "compare.copied", "compare.clear", "compare.remove", "compare.missing", "compare.loading", "compare.back",
         "compare.weeks", "compare.hours", "compare.credit_none", "compare.none", "compare.no_date", "yes", "no",
         "shortlist.full", "shortlist.count", "shortlist.link", *(f"compare.row.{row}" for row in ROWS))


def page(lang: str) -> str:
    """The compare page of one language (Markdown with the table's frame as HTML)."""
    words = {key: word(key, lang) for key in WORDS}
    labels = {field: {code: model.label(enum_of()[field], code, lang) for code in model.codes(enum_of()[field])}
              for field in CODED}
    return environment("mcds.portal", html=True).get_template("catalogue/compare.md.j2").render(
        title=word("compare", lang), description=word("compare.description", lang), words=words,
        words_json=json.dumps(words, ensure_ascii=False, sort_keys=True),
        labels_json=json.dumps(labels, ensure_ascii=False, sort_keys=True), names=NAMES, max=MAX,
        needs_js=word("needs_js", lang))


def names(pages: CatalogueView, t: Words) -> dict[str, list[str]]:
    """Organization id -> [name, language of the name] for every organization a record names as its provider,
    awarding body or employer partner."""
    wanted: set[str] = set()
    for submission, mc in pages.catalogue.microcredentials():
        wanted.add(submission.provider)
        wanted.update(mc["awarding_bodies"])
        wanted.update(e["partner"] for e in mc.get("employer_engagements", []))
    found = {}
    for organization in sorted(wanted):
        name = pages.name(t, organization)
        found[organization] = [name["text"], name["lang"]]
    return found


def write_names(pages: CatalogueView, t: Words, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json_bytes(names(pages, t), compact=True))
