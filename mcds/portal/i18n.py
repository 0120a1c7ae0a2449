"""The portal's words in English and French: command-line messages and the vocabulary of generated pages.

MESSAGES follows mcds.i18n (key -> {"en", "fr"}) and is merged into it by mcds.portal, so that mcds.i18n.t
and McdsError know the portal's keys. WORDS is the vocabulary of the reference pages and of the theme
overrides (labels, table headings, short notes); the prose of hand-written pages lives in docs/en and
docs/fr instead.
"""

from __future__ import annotations

LANGUAGES = ("en", "fr")

MESSAGES: dict[str, dict[str, str]] = {
    "portal.build.done": {
        "en": "Built the documentation in {path}: {pages} pages in English and French, in {seconds:.1f} s.",
        "fr": "Documentation construite dans {path} : {pages} pages en anglais et en français, en {seconds:.1f} s.",
    },
    "portal.build.failed": {
        "en": "The documentation build failed; {path} was left as it was.\n{reason}",
        "fr": "La construction de la documentation a échoué; {path} n'a pas été modifié.\n{reason}",
    },
    "portal.build.not_a_site": {
        "en": "{path} exists and is not a site built by `mcds build`: choose another --out folder or remove it.",
        "fr": "{path} existe et n'est pas un site construit par `mcds build` : choisissez un autre dossier --out "
        "ou supprimez-le.",
    },
    "portal.build.no_catalogue": {
        "en": "The catalogue pages are not built yet: {path} was not read.",
        "fr": "Les pages du catalogue ne sont pas encore construites : {path} n'a pas été lu.",
    },
    "portal.build.missing_artefact": {
        "en": "{path} is missing. Run `mcds generate` to create the standard's artefacts.",
        "fr": "{path} est introuvable. Lancez `mcds generate` pour créer les artefacts de la norme.",
    },
    "portal.build.page_conflict": {
        "en": "docs/{lang}/{page} is generated at build time: remove the hand-written file of that name.",
        "fr": "docs/{lang}/{page} est produit à la construction : supprimez le fichier rédigé qui porte ce nom.",
    },
    "portal.build.unknown_annex_element": {
        "en": "The schema marks {element} with the EU Annex I element \"{label}\", which the portal does not "
        "know. Add it to ANNEX_I in mcds/portal/model.py.",
        "fr": "Le schéma associe {element} à l'élément de l'annexe I de l'UE « {label} », que le portail ne "
        "connaît pas. Ajoutez-le à ANNEX_I dans mcds/portal/model.py.",
    },
    "portal.needs_mkdocs": {
        "en": "Building the portal needs MkDocs. Install it with: pip install -e '.[portal]'",
        "fr": "La construction du portail exige MkDocs. Installez-le avec : pip install -e '.[portal]'",
    },
    "portal.serve.missing": {
        "en": "{path} holds no built site. Run `mcds build --out {path}` first.",
        "fr": "{path} ne contient aucun site construit. Lancez d'abord `mcds build --out {path}`.",
    },
    "portal.serve.cannot_listen": {
        "en": "Cannot listen on {host}:{port}: {reason}. Choose another port with --port.",
        "fr": "Impossible d'écouter sur {host}:{port} : {reason}. Choisissez un autre port avec --port.",
    },
    "portal.serve.url": {
        "en": "Serving {path} at {url} (press Ctrl-C to stop).",
        "fr": "{path} est servi à {url} (Ctrl-C pour arrêter).",
    },
    "portal.serve.stopped": {
        "en": "Stopped.",
        "fr": "Arrêté.",
    },
}

WORDS: dict[str, dict[str, str]] = {
    # Theme: language toggle, dates, 404 page, footer.
    "language_name.en": {"en": "English", "fr": "English"},
    "language_name.fr": {"en": "Français", "fr": "Français"},
    "date_modified": {"en": "Date modified:", "fr": "Date de modification\u00a0:"},
    "not_found.title": {"en": "Page not found", "fr": "Page introuvable"},
    "not_found.text": {
        "en": "We could not find the page you asked for. Start again from the home page.",
        "fr": "Nous n'avons pas trouvé la page demandée. Recommencez à partir de la page d'accueil.",
    },
    "home": {"en": "Home", "fr": "Accueil"},
    "licence_short": {
        "en": "The standard and its data: Open Government Licence – Canada 2.0. Code: MIT licence.",
        "fr": "La norme et ses données\u00a0: Licence du gouvernement ouvert – Canada 2.0. Code\u00a0: licence MIT.",
    },
    "licence_link": {"en": "Licence", "fr": "Licence"},
    "search_dialog": {"en": "Search the portal", "fr": "Rechercher dans le portail"},
    "permalink": {"en": "Permanent link", "fr": "Lien permanent"},
    # Navigation sections.
    "nav.standard": {"en": "The standard", "fr": "La norme"},
    "nav.reference": {"en": "Reference", "fr": "Référence"},
    "nav.classes": {"en": "Classes", "fr": "Classes"},
    "nav.codelists": {"en": "Code lists", "fr": "Listes de codes"},
    "nav.about": {"en": "About", "fr": "À propos"},
    # Reference pages: headings and labels.
    "classes": {"en": "Classes", "fr": "Classes"},
    "codelists": {"en": "Code lists", "fr": "Listes de codes"},
    "eu_annex_i": {"en": "EU Annex I", "fr": "Annexe I de l'UE"},
    "class_name": {"en": "Class name", "fr": "Nom de la classe"},
    "codelist_name": {"en": "Code list name", "fr": "Nom de la liste de codes"},
    "uri": {"en": "URI", "fr": "URI"},
    "added_in": {"en": "Added in", "fr": "Version d'ajout"},
    "fields": {"en": "Fields", "fr": "Champs"},
    "field_details": {"en": "Field details", "fr": "Détail des champs"},
    "field": {"en": "Field", "fr": "Champ"},
    "title": {"en": "Title", "fr": "Titre"},
    "description": {"en": "Description", "fr": "Description"},
    "type": {"en": "Type", "fr": "Type"},
    "cardinality": {"en": "Cardinality", "fr": "Cardinalité"},
    "constraints": {"en": "Constraints", "fr": "Contraintes"},
    "examples": {"en": "Examples", "fr": "Exemples"},
    "mappings": {"en": "Mappings", "fr": "Correspondances"},
    "rules": {"en": "Rules", "fr": "Règles"},
    "used_by": {"en": "Used by", "fr": "Utilisé par"},
    "not_used": {"en": "No field of the standard uses it directly.", "fr": "Aucun champ de la norme ne l'utilise directement."},
    "tabular_form": {"en": "Tabular form", "fr": "Forme tabulaire"},
    "table": {"en": "Table", "fr": "Table"},
    "columns": {"en": "Columns", "fr": "Colonnes"},
    "no_table": {
        "en": "No table of its own: its fields become columns of the table that uses it.",
        "fr": "Pas de table propre\u00a0: ses champs deviennent des colonnes de la table qui l'utilise.",
    },
    "root_document": {
        "en": "The root of a submission document in JSON.",
        "fr": "La racine d'un document de soumission en JSON.",
    },
    "codes": {"en": "Codes", "fr": "Codes"},
    "code": {"en": "Code", "fr": "Code"},
    "notes": {"en": "Notes", "fr": "Remarques"},
    "code_set": {"en": "Code set", "fr": "Jeu de codes"},
    "code_set_version": {"en": "Version of the code set", "fr": "Version du jeu de codes"},
    "download_csv": {"en": "Download as CSV", "fr": "Télécharger en CSV"},
    "code_count": {"en": "Number of codes", "fr": "Nombre de codes"},
    "element": {"en": "MCDS element", "fr": "Élément de la NPDM"},
    "none": {"en": "—", "fr": "—"},
    # French sets a non-breaking space before a colon.
    "colon": {"en": ":", "fr": "\u00a0:"},
    "quoted": {"en": "“{text}”", "fr": "«\u00a0{text}\u00a0»"},
    "template_link": {"en": "empty template", "fr": "gabarit vide"},
    "file": {"en": "file", "fr": "fichier"},
    # Cardinality, constraints, types.
    "card.1": {"en": "required, one value", "fr": "obligatoire, une valeur"},
    "card.0..1": {"en": "optional, at most one value", "fr": "facultatif, au plus une valeur"},
    "card.1..*": {"en": "required, one or more values", "fr": "obligatoire, une ou plusieurs valeurs"},
    "card.0..*": {"en": "optional, any number of values", "fr": "facultatif, nombre quelconque de valeurs"},
    "pattern": {"en": "pattern", "fr": "motif"},
    "minimum": {"en": "minimum", "fr": "minimum"},
    "maximum": {"en": "maximum", "fr": "maximum"},
    "identifier": {"en": "identifier, unique in the catalogue", "fr": "identifiant, unique dans le catalogue"},
    "key": {"en": "key, unique within its parent record", "fr": "clé, unique dans l'enregistrement parent"},
    "code_system": {"en": "codes of {system}", "fr": "codes de {system}"},
    "one_of": {"en": "at least one of {fields}", "fr": "au moins l'un des champs {fields}"},
    "one_of_rule": {
        "en": "At least one of these fields MUST be given: {fields}.",
        "fr": "Au moins l'un de ces champs DOIT être fourni\u00a0: {fields}.",
    },
    "reference_to": {"en": "identifier of", "fr": "identifiant de"},
    "type.string": {"en": "text", "fr": "texte"},
    "type.integer": {"en": "whole number", "fr": "nombre entier"},
    "type.decimal": {"en": "decimal number", "fr": "nombre décimal"},
    "type.boolean": {"en": "true or false", "fr": "vrai ou faux (true, false)"},
    "type.date": {"en": "date (YYYY-MM-DD)", "fr": "date (AAAA-MM-JJ)"},
    "type.WebAddress": {"en": "web address (http:// or https://)", "fr": "adresse Web (http:// ou https://)"},
    "type.uri": {"en": "URI", "fr": "URI"},
    # Mapping kinds (SKOS).
    "kind.exact": {"en": "exact", "fr": "exacte"},
    "kind.close": {"en": "close", "fr": "proche"},
    "kind.related": {"en": "related", "fr": "connexe"},
    "kind.broad": {"en": "broader", "fr": "plus large"},
    "kind.narrow": {"en": "narrower", "fr": "plus étroite"},
    # Code annotations.
    "note.sgc_code": {"en": "SGC code: {value}", "fr": "Code CGT\u00a0: {value}"},
    "note.unit": {"en": "Unit: {value}", "fr": "Unité\u00a0: {value}"},
    "note.unit.count": {"en": "count", "fr": "effectif"},
    "note.unit.proportion": {"en": "proportion from 0 to 1", "fr": "proportion de 0 à 1"},
    "note.unit.cad": {"en": "Canadian dollars", "fr": "dollars canadiens"},
    "note.follow_up": {
        "en": "Give the months after completion.",
        "fr": "Indiquer le nombre de mois après la fin.",
    },
    "note.categories": {"en": "Categories: {value}", "fr": "Catégories\u00a0: {value}"},
    "note.to_verify": {
        "en": "French title to be verified against the official publication.",
        "fr": "Titre français à vérifier dans la publication officielle.",
    },
    # EU Annex I page.
    "annex.element": {"en": "Annex I element", "fr": "Élément de l'annexe I"},
    "annex.mandatory": {"en": "Mandatory elements", "fr": "Éléments obligatoires"},
    "annex.optional": {"en": "Optional elements", "fr": "Éléments facultatifs"},
    "annex.carried_by": {"en": "Carried by", "fr": "Porté par"},
    "annex.out_of_scope": {
        "en": "Out of catalogue scope: it belongs to the credential issued to a learner, not to the catalogue entry.",
        "fr": "Hors du champ du catalogue\u00a0: il relève du titre délivré à une personne, non de la fiche du catalogue.",
    },
}


def word(key: str, lang: str, **values: object) -> str:
    """The page word `key` in `lang`, with `values` filled in."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text
