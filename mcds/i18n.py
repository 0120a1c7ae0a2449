"""Bilingual messages of the command line. Every message exists in English and French (a test checks)."""

from __future__ import annotations

import os

LANGUAGES = ("en", "fr")

MESSAGES: dict[str, dict[str, str]] = {
    "generate.done": {
        "en": "Generated {count} files in {path}.",
        "fr": "{count} fichiers générés dans {path}.",
    },
    "generate.fresh": {
        "en": "schema/generated is up to date ({count} files).",
        "fr": "schema/generated est à jour ({count} fichiers).",
    },
    "generate.stale": {
        "en": "schema/generated is stale: {files}. Run `mcds generate` and commit the result.",
        "fr": "schema/generated n'est pas à jour : {files}. Lancez `mcds generate` et validez le résultat.",
    },
    "generate.needs_linkml": {
        "en": "The generators need LinkML. Install it with: pip install -e '.[standard]'",
        "fr": "Les générateurs ont besoin de LinkML. Installez-le avec : pip install -e '.[standard]'",
    },
    "generate.schema_error": {
        "en": "The schema {path} cannot be read: {reason}",
        "fr": "Le schéma {path} ne peut pas être lu : {reason}",
    },
    "validate.no_paths": {
        "en": "Give at least one submission to validate, for example: mcds validate datapackages/*/",
        "fr": "Donnez au moins une soumission à valider, par exemple : mcds validate datapackages/*/",
    },
    "validate.annotate_needs_xlsx": {
        "en": "--annotate works on one filled Excel template (.xlsx) at a time.",
        "fr": "--annotate s'applique à un seul gabarit Excel rempli (.xlsx) à la fois.",
    },
    "validate.annotate_same_file": {
        "en": "--annotate must name a new file, not the workbook being validated.",
        "fr": "--annotate doit désigner un nouveau fichier, pas le classeur validé.",
    },
    "validate.annotated": {
        "en": "Marked {count} cells in {path}.",
        "fr": "{count} cellules marquées dans {path}.",
    },
    "codelists.imported": {
        "en": "Installed {count} {kind} codes in {path}: validation now checks that every {kind} code exists.",
        "fr": "{count} codes {kind} installés dans {path} : la validation vérifie désormais que chaque code {kind} existe.",
    },
    "codelists.not_found": {
        "en": "{path} does not exist or cannot be read.",
        "fr": "{path} n'existe pas ou ne peut pas être lu.",
    },
    "codelists.unreadable": {
        "en": "{path} is not a text CSV file.",
        "fr": "{path} n'est pas un fichier CSV texte.",
    },
    "codelists.no_columns": {
        "en": "{path} has no code and class title columns: use the CSV file of the classification's structure from Statistics Canada.",
        "fr": "{path} n'a pas de colonnes de code et de titre de classe : utilisez le fichier CSV de la structure de la classification publié par Statistique Canada.",
    },
    "codelists.unknown_kind": {
        "en": "Cannot tell whether {path} is NOC, CIP or NAICS: add --kind noc, --kind cip or --kind naics.",
        "fr": "Impossible de savoir si {path} est la CNP, la CPE ou le SCIAN : ajoutez --kind noc, --kind cip ou --kind naics.",
    },
    "codelists.no_codes": {
        "en": "{path} holds no code of the expected form.",
        "fr": "{path} ne contient aucun code de la forme attendue.",
    },
    "synth.done": {
        "en": "Wrote {count} synthetic submissions in {path}.",
        "fr": "{count} soumissions synthétiques écrites dans {path}.",
    },
    "synth.not_empty": {
        "en": "{path} is not empty: give a new or empty folder, so that nothing is overwritten.",
        "fr": "{path} n'est pas vide : donnez un dossier nouveau ou vide, pour que rien ne soit écrasé.",
    },
    "output.cannot_write": {
        "en": "Cannot write {path}: {reason}",
        "fr": "Impossible d'écrire {path} : {reason}",
    },
}


def default_language() -> str:
    """The language asked for by MCDS_LANG, else by the locale, else English."""
    for variable in ("MCDS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def t(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return MESSAGES[key][lang].format(**values)
