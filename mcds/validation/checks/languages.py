"""Languages of instruction outside the code list: `mis` in languages needs the language itself in
other_languages, and every item there must be a BCP 47 language tag of the IANA registry. The registry comes
from the language-data package, so the check needs no network."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import langcodes
from frictionless import Error
from frictionless.table import Row

from mcds.standard import model
from mcds.validation.checks.base import DOMAIN, McdsCellError, McdsCheck, cell_error
from mcds.validation.entry import entry
from mcds.validation.findings import ERROR, WARNING

OTHER = "mis"


class OtherLanguageMissingError(McdsCellError):
    entry = entry(
        "other-language-missing", ERROR, DOMAIN, ("Other language not named", "Autre langue non nommée"),
        ("The code mis in languages stands for a language the list does not hold; other_languages must say which.",
         "Le code mis dans languages désigne une langue que la liste ne contient pas; other_languages doit dire "
         "laquelle."),
        ("languages holds mis but other_languages is empty.", "languages contient mis, mais other_languages est vide."),
        ("Write the language's BCP 47 tag in other_languages, for example pa for Punjabi.",
         "Inscrivez l'étiquette BCP 47 de la langue dans other_languages, par exemple pa pour le pendjabi."))


class UnknownLanguageTagError(McdsCellError):
    entry = entry(
        "unknown-language-tag", ERROR, DOMAIN, ("Unknown language tag", "Étiquette de langue inconnue"),
        ("Every item of other_languages is an IETF BCP 47 language tag whose subtags are in the IANA Language "
         "Subtag Registry.",
         "Chaque élément de other_languages est une étiquette de langue IETF BCP 47 dont les sous-étiquettes "
         "figurent au registre des sous-étiquettes de langue de l'IANA."),
        ('"{item}" is not a registered BCP 47 language tag.',
         "« {item} » n'est pas une étiquette de langue BCP 47 enregistrée."),
        ("Use the tag of the IANA registry, for example pa for Punjabi or nv for Navajo.",
         "Utilisez l'étiquette du registre de l'IANA, par exemple pa pour le pendjabi ou nv pour le navajo."))


class ListedLanguageWarning(McdsCellError):
    entry = entry(
        "listed-language", WARNING, DOMAIN, ("Language already in the list", "Langue déjà dans la liste"),
        ("other_languages is for languages the list of languages does not hold; a listed language is counted and "
         "labelled only when it is given in languages.",
         "other_languages sert aux langues que la liste des langues ne contient pas; une langue de la liste n'est "
         "comptée et nommée que si elle est indiquée dans languages."),
        ('"{item}" is the language {code} of the list.', "« {item} » est la langue {code} de la liste."),
        ("Put {code} in languages and remove {item} from other_languages.",
         "Inscrivez {code} dans languages et retirez {item} de other_languages."))


@attrs.define(kw_only=True, repr=False)
class languages(McdsCheck):
    type = "mcds-languages"
    Errors = [OtherLanguageMissingError, UnknownLanguageTagError, ListedLanguageWarning]
    tables = ("microcredentials",)

    def validate_row(self, row: Row) -> Iterator[Error]:
        if not self.applies():  # Frictionless' own row machinery calls every check on every table
            return
        others = row.get("other_languages")
        items = [item for item in others.split("|") if item] if isinstance(others, str) else []
        listed = row.get("languages")
        if isinstance(listed, str) and OTHER in listed.split("|") and not items:
            yield cell_error(OtherLanguageMissingError, row, "other_languages")
        for item in items:
            if not langcodes.tag_is_valid(item):
                yield cell_error(UnknownLanguageTagError, row, "other_languages", item=item)
                continue
            code = langcodes.Language.get(item).language or ""
            if code != OTHER and model.is_code("LanguageEnum", code):
                yield cell_error(ListedLanguageWarning, row, "other_languages", item=item, code=code)


CHECKS = [languages]
