"""The words of `mcds diff`: one summary per kind of change, and the headings, in English and French.

Kept apart from mcds.evolution so that the classification logic stays readable. A summary may use
`{element}`, `{old}`, `{new}`, `{field}`, `{rule}`, `{reason}` and `{replacement}`; keys with a suffix
(`.true`, `.false`, `.title`, ...) are variants of one kind of change.
"""

from __future__ import annotations

BUMP_WORDS: dict[str, dict[str, str]] = {
    "major": {"en": "major", "fr": "majeure"},
    "minor": {"en": "minor", "fr": "mineure"},
    "patch": {"en": "patch", "fr": "corrective"},
    "none": {"en": "none", "fr": "aucune"},
}

HEADINGS: dict[str, dict[str, str]] = {
    "title": {
        "en": "Changes to the standard from {old} to {new}",
        "fr": "Changements de la norme de {old} à {new}",
    },
    "bump": {
        "en": "Required version bump: {bump}. Changes: {count}.",
        "fr": "Changement de version exigé : {bump}. Changements : {count}.",
    },
    "nothing": {"en": "No change.", "fr": "Aucun changement."},
    "unreleased": {"en": "Unreleased", "fr": "Non publié"},
    "major": {"en": "Breaking (major)", "fr": "Changements incompatibles (majeure)"},
    "minor": {"en": "Added (minor)", "fr": "Ajouts (mineure)"},
    "patch": {"en": "Changed (patch)", "fr": "Modifications (corrective)"},
}

SUMMARIES: dict[str, dict[str, str]] = {
    # Elements added, removed or renamed
    "class_added": {"en": "Class `{element}` added.", "fr": "Classe `{element}` ajoutée."},
    "class_removed": {"en": "Class `{element}` removed.", "fr": "Classe `{element}` supprimée."},
    "class_renamed": {"en": "Class `{element}` renamed to `{new}`.", "fr": "Classe `{element}` renommée en `{new}`."},
    "enum_added": {"en": "Code list `{element}` added.", "fr": "Liste de codes `{element}` ajoutée."},
    "enum_removed": {"en": "Code list `{element}` removed.", "fr": "Liste de codes `{element}` supprimée."},
    "enum_renamed": {
        "en": "Code list `{element}` renamed to `{new}`.",
        "fr": "Liste de codes `{element}` renommée en `{new}`.",
    },
    "optional_slot_added": {"en": "Optional slot `{element}` added.", "fr": "Champ facultatif `{element}` ajouté."},
    "required_slot_added": {
        "en": "Required slot `{element}` added: existing submissions do not have it.",
        "fr": "Champ obligatoire `{element}` ajouté : les soumissions existantes ne l'ont pas.",
    },
    "slot_removed": {"en": "Slot `{element}` removed.", "fr": "Champ `{element}` supprimé."},
    "slot_renamed": {"en": "Slot `{element}` renamed to `{new}`.", "fr": "Champ `{element}` renommé en `{new}`."},
    "value_added": {"en": "Code `{element}` added.", "fr": "Code `{element}` ajouté."},
    "value_removed": {"en": "Code `{element}` removed.", "fr": "Code `{element}` supprimé."},
    "value_renamed": {"en": "Code `{element}` renamed to `{new}`.", "fr": "Code `{element}` renommé en `{new}`."},
    # Constraints
    "range_changed": {
        "en": "`{element}`: range changed from `{old}` to `{new}`.",
        "fr": "`{element}` : type de valeur changé de `{old}` à `{new}`.",
    },
    "inlined_changed.true": {
        "en": "`{element}`: values are now written in full instead of referred to by identifier.",
        "fr": "`{element}` : les valeurs sont désormais écrites en entier au lieu d'être désignées par leur identifiant.",
    },
    "inlined_changed.false": {
        "en": "`{element}`: values are now referred to by identifier instead of written in full.",
        "fr": "`{element}` : les valeurs sont désormais désignées par leur identifiant au lieu d'être écrites en entier.",
    },
    "made_required": {
        "en": "`{element}`: optional slot made required.",
        "fr": "`{element}` : champ facultatif rendu obligatoire.",
    },
    "made_optional": {
        "en": "`{element}`: required slot made optional.",
        "fr": "`{element}` : champ obligatoire rendu facultatif.",
    },
    "multivalued_changed.true": {
        "en": "`{element}`: now a list of values instead of one value.",
        "fr": "`{element}` : désormais une liste de valeurs au lieu d'une seule valeur.",
    },
    "multivalued_changed.false": {
        "en": "`{element}`: now one value instead of a list.",
        "fr": "`{element}` : désormais une seule valeur au lieu d'une liste.",
    },
    "identifier_changed.true": {
        "en": "`{element}`: now the identifier of its class.",
        "fr": "`{element}` : désormais l'identifiant de sa classe.",
    },
    "identifier_changed.false": {
        "en": "`{element}`: no longer the identifier of its class.",
        "fr": "`{element}` : n'est plus l'identifiant de sa classe.",
    },
    "key_changed.true": {
        "en": "`{element}`: now the key of its class.",
        "fr": "`{element}` : désormais la clé de sa classe.",
    },
    "key_changed.false": {
        "en": "`{element}`: no longer the key of its class.",
        "fr": "`{element}` : n'est plus la clé de sa classe.",
    },
    "pattern_added": {"en": "`{element}`: pattern `{new}` added.", "fr": "`{element}` : motif `{new}` ajouté."},
    "pattern_changed": {
        "en": "`{element}`: pattern changed from `{old}` to `{new}`.",
        "fr": "`{element}` : motif changé de `{old}` à `{new}`.",
    },
    "pattern_removed": {"en": "`{element}`: pattern `{old}` removed.", "fr": "`{element}` : motif `{old}` retiré."},
    "minimum_added": {"en": "`{element}`: minimum {new} added.", "fr": "`{element}` : minimum {new} ajouté."},
    "minimum_raised": {
        "en": "`{element}`: minimum raised from {old} to {new}.",
        "fr": "`{element}` : minimum relevé de {old} à {new}.",
    },
    "minimum_lowered": {
        "en": "`{element}`: minimum lowered from {old} to {new}.",
        "fr": "`{element}` : minimum abaissé de {old} à {new}.",
    },
    "minimum_removed": {"en": "`{element}`: minimum {old} removed.", "fr": "`{element}` : minimum {old} retiré."},
    "maximum_added": {"en": "`{element}`: maximum {new} added.", "fr": "`{element}` : maximum {new} ajouté."},
    "maximum_raised": {
        "en": "`{element}`: maximum raised from {old} to {new}.",
        "fr": "`{element}` : maximum relevé de {old} à {new}.",
    },
    "maximum_lowered": {
        "en": "`{element}`: maximum lowered from {old} to {new}.",
        "fr": "`{element}` : maximum abaissé de {old} à {new}.",
    },
    "maximum_removed": {"en": "`{element}`: maximum {old} removed.", "fr": "`{element}` : maximum {old} retiré."},
    "minimum_cardinality_added": {
        "en": "`{element}`: at least {new} items now required.",
        "fr": "`{element}` : au moins {new} éléments désormais exigés.",
    },
    "minimum_cardinality_raised": {
        "en": "`{element}`: minimum number of items raised from {old} to {new}.",
        "fr": "`{element}` : nombre minimal d'éléments relevé de {old} à {new}.",
    },
    "minimum_cardinality_lowered": {
        "en": "`{element}`: minimum number of items lowered from {old} to {new}.",
        "fr": "`{element}` : nombre minimal d'éléments abaissé de {old} à {new}.",
    },
    "minimum_cardinality_removed": {
        "en": "`{element}`: minimum number of items ({old}) removed.",
        "fr": "`{element}` : nombre minimal d'éléments ({old}) retiré.",
    },
    "maximum_cardinality_added": {
        "en": "`{element}`: at most {new} items now allowed.",
        "fr": "`{element}` : au plus {new} éléments désormais permis.",
    },
    "maximum_cardinality_raised": {
        "en": "`{element}`: maximum number of items raised from {old} to {new}.",
        "fr": "`{element}` : nombre maximal d'éléments relevé de {old} à {new}.",
    },
    "maximum_cardinality_lowered": {
        "en": "`{element}`: maximum number of items lowered from {old} to {new}.",
        "fr": "`{element}` : nombre maximal d'éléments abaissé de {old} à {new}.",
    },
    "maximum_cardinality_removed": {
        "en": "`{element}`: maximum number of items ({old}) removed.",
        "fr": "`{element}` : nombre maximal d'éléments ({old}) retiré.",
    },
    "rule_added": {"en": "`{element}`: rule added: {rule}.", "fr": "`{element}` : règle ajoutée : {rule}."},
    "rule_removed": {"en": "`{element}`: rule removed: {rule}.", "fr": "`{element}` : règle retirée : {rule}."},
    "tree_root_changed.true": {
        "en": "`{element}` is now the root of a submission document.",
        "fr": "`{element}` est désormais la racine d'un document de soumission.",
    },
    "tree_root_changed.false": {
        "en": "`{element}` is no longer the root of a submission document.",
        "fr": "`{element}` n'est plus la racine d'un document de soumission.",
    },
    "uri_changed": {
        "en": "`{element}`: URI changed from `{old}` to `{new}`.",
        "fr": "`{element}` : URI changée de `{old}` à `{new}`.",
    },
    "code_set_changed": {
        "en": "`{element}`: code set changed from {old} to {new}.",
        "fr": "`{element}` : jeu de codes changé de {old} à {new}.",
    },
    "schema_renamed": {
        "en": "Schema renamed from `{old}` to `{new}`.",
        "fr": "Schéma renommé de `{old}` en `{new}`.",
    },
    "prefix_added": {"en": "Prefix `{field}` added ({new}).", "fr": "Préfixe `{field}` ajouté ({new})."},
    "prefix_removed": {"en": "Prefix `{field}` removed (was {old}).", "fr": "Préfixe `{field}` retiré (était {old})."},
    "prefix_changed": {
        "en": "Prefix `{field}` changed from {old} to {new}.",
        "fr": "Préfixe `{field}` changé de {old} à {new}.",
    },
    # Lifecycle
    "deprecated": {
        "en": "`{element}` deprecated. {reason}",
        "fr": "`{element}` est désormais obsolète. {reason}",
    },
    "deprecated.replaced": {
        "en": "`{element}` deprecated: use `{replacement}` instead. {reason}",
        "fr": "`{element}` est désormais obsolète : utilisez plutôt `{replacement}`. {reason}",
    },
    "undeprecated": {"en": "`{element}` is no longer deprecated.", "fr": "`{element}` n'est plus obsolète."},
    "deprecation_changed": {
        "en": "`{element}`: deprecation note or replacement changed.",
        "fr": "`{element}` : note d'obsolescence ou remplacement modifié.",
    },
    # Text and metadata
    "title_changed": {
        "en": "`{element}`: title changed from “{old}” to “{new}”.",
        "fr": "`{element}` : titre anglais changé de « {old} » à « {new} ».",
    },
    "description_changed": {
        "en": "`{element}`: description changed.",
        "fr": "`{element}` : description anglaise modifiée.",
    },
    "translation_changed.title": {
        "en": "`{element}`: French title changed to “{new}”.",
        "fr": "`{element}` : titre français changé en « {new} ».",
    },
    "translation_changed.description": {
        "en": "`{element}`: French description changed.",
        "fr": "`{element}` : description française modifiée.",
    },
    "examples_changed": {"en": "`{element}`: examples changed.", "fr": "`{element}` : exemples modifiés."},
    "mappings_changed": {
        "en": "`{element}`: mappings to other standards changed.",
        "fr": "`{element}` : correspondances avec d'autres normes modifiées.",
    },
    "metadata_changed": {
        "en": "`{element}`: {field} changed from “{old}” to “{new}”.",
        "fr": "`{element}` : {field} changé de « {old} » à « {new} ».",
    },
    "order_changed.slots": {
        "en": "`{element}`: order of its slots changed (the column order of the templates).",
        "fr": "`{element}` : ordre de ses champs modifié (l'ordre des colonnes des gabarits).",
    },
    "order_changed.values": {
        "en": "`{element}`: order of its codes changed (the order of the drop-down lists).",
        "fr": "`{element}` : ordre de ses codes modifié (l'ordre des listes déroulantes).",
    },
    "other_changed": {
        "en": "`{element}`: {field} changed, which mcds diff does not know how to classify: review it by hand.",
        "fr": "`{element}` : {field} modifié, ce que mcds diff ne sait pas classer : examinez-le à la main.",
    },
    "artefact_changed": {
        "en": "Generated artefact `{element}` differs from the release while the compiled model does not: "
              "a generator changed what providers download.",
        "fr": "L'artefact généré `{element}` diffère de la version publiée alors que le modèle compilé est "
              "identique : un générateur a changé ce que les fournisseurs téléchargent.",
    },
}
