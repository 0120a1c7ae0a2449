"""The one registry of bilingual text: the languages, and every table of messages and words by namespace.

Each table maps a key to its English and French text ({"en": ..., "fr": ...}) and lives beside the code that
uses it, as plain data that imports nothing. A message key's first part names its namespace
("portal.build.done" is in the "portal" table); keys of no listed namespace are in the "core" table. Tables are
imported when first needed, so importing a module never changes what t() knows. Tests check that every key of
every table has both languages and is used.
"""

from __future__ import annotations

import importlib
import os
from functools import cache

LANGUAGES = ("en", "fr")
# Each language's name, in each language: LANGUAGE_NAMES["fr"]["en"] is "French".
LANGUAGE_NAMES = {"en": {"en": "English", "fr": "anglais"}, "fr": {"en": "French", "fr": "français"}}

# namespace -> (module, table): every bilingual table of MCDS, registered here and nowhere else.
TABLES: dict[str, tuple[str, str]] = {
    "core": ("mcds.messages", "MESSAGES"),                # commands and library errors
    "portal": ("mcds.portal.words", "MESSAGES"),          # the portal's commands
    "words": ("mcds.portal.words", "WORDS"),              # the vocabulary of generated pages
    "bumps": ("mcds.evolution.messages", "BUMP_WORDS"),   # mcds diff: version bumps
    "headings": ("mcds.evolution.messages", "HEADINGS"),  # mcds diff: report headings
    "changes": ("mcds.evolution.messages", "SUMMARIES"),  # mcds diff: one summary per kind of change
    "exports": ("mcds.exports", "MESSAGES"),              # mcds export: mapping reports, every format's reasons
    "service": ("mcds.service.messages", "MESSAGES"),     # mcds serve: the validation service's errors
    "harvest": ("mcds.harvest.messages", "MESSAGES"),     # mcds harvest and its status records
    "opendata": ("mcds.publish.metadata", "WORDS"),       # the open data's metadata and API description
    "feed": ("mcds.publish.feed", "WORDS"),               # the Atom feeds of new and changed records
}
# Namespaces whose keys t() looks up: the first part of the key, else "core".
MESSAGE_NAMESPACES = ("portal", "exports", "service", "harvest", "opendata", "feed")


@cache
def table(namespace: str) -> dict[str, dict[str, str]]:
    """The table registered for `namespace`."""
    module, name = TABLES[namespace]
    return getattr(importlib.import_module(module), name)


def default_language() -> str:
    """The language asked for by MCDS_LANG, else by the locale, else English."""
    for variable in ("MCDS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def t(key: str, lang: str, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in. A value may itself be bilingual, a dict such as
    {"en": "NOC 2021", "fr": "CNP 2021"}: the message takes the text of its own language."""
    namespace = key.partition(".")[0]
    text = table(namespace if namespace in MESSAGE_NAMESPACES else "core")[key][lang]
    return text.format(**{name: in_language(value, lang) for name, value in values.items()})


def both(key: str, /, **values: object) -> dict[str, str]:
    """The message `key` in every language: a reason or a hint that other messages show, each in its own."""
    return {lang: t(key, lang, **values) for lang in LANGUAGES}


def in_language(value: object, lang: str) -> object:
    """`value` in `lang` when it is bilingual ({"en": ..., "fr": ...}), else `value` itself."""
    return value[lang] if isinstance(value, dict) and set(value) == set(LANGUAGES) else value
