"""Official languages: every required text in at least one language, and a warning where only one is given."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from frictionless import Error
from frictionless.table import Row

from mcds.i18n import LANGUAGE_NAMES
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR, WARNING


class MissingTextError(McdsCellError):
    entry = entry(
        "missing-text", ERROR, DOMAIN, ("Text missing in both languages", "Texte manquant dans les deux langues"),
        ("A required text must be given in English, in French, or both.",
         "Un texte obligatoire doit être donné en anglais, en français, ou dans les deux langues."),
        ('"{slot}" is empty in both English and French.', "« {slot} » est vide en anglais et en français."),
        ("Fill in {slot}_en, {slot}_fr, or both.", "Remplissez {slot}_en, {slot}_fr, ou les deux."))


class OneLanguageWarning(McdsCellError):
    entry = entry(
        "one-language", WARNING, DOMAIN, ("Text in one language only", "Texte dans une seule langue"),
        ("Both official languages are strongly recommended for every text, and bilingual completeness is measured.",
         "Les deux langues officielles sont fortement recommandées pour chaque texte, et la complétude bilingue est mesurée."),
        ('"{slot}" has no {language} version.', "« {slot} » n'a pas de version en {language}."),
        ("Add the {language} text in {column}.", "Ajoutez le texte en {language} dans {column}."))


@attrs.define(kw_only=True, repr=False)
class bilingual(McdsCheck):
    type = "mcds-bilingual"
    Errors = [MissingTextError, OneLanguageWarning]

    pairs: dict[str, dict[str, dict]] = attrs.field(factory=dict)

    def prepare(self) -> None:
        pairs: dict[str, dict[str, dict]] = {}
        for field in self.fields():
            meta = field["mcds"]
            if "lang" in meta:
                pairs.setdefault(meta["slot"], {})[meta["lang"]] = field
        self.pairs = {slot: fields for slot, fields in pairs.items() if set(fields) == {"en", "fr"}}

    def relevant(self) -> bool:
        return bool(self.pairs)

    def validate_row(self, row: Row) -> Iterator[Error]:
        for slot, fields in self.pairs.items():
            present = {lang: bool((row[f["name"]] or "").strip()) if f["name"] in row else False for lang, f in fields.items()}
            if not any(present.values()):
                if fields["en"]["mcds"].get("required_text"):
                    yield cell_error(MissingTextError, row, fields["en"]["name"], slot=slot)
            elif not all(present.values()):
                missing = "fr" if present["en"] else "en"
                yield cell_error(OneLanguageWarning, row, fields[missing]["name"], slot=slot, language=LANGUAGE_NAMES[missing])


CHECKS = [bilingual]
