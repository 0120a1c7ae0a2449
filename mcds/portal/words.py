"""The portal's words in English and French: command-line messages and the vocabulary of generated pages.

Both are tables of mcds.i18n's registry. MESSAGES (the "portal" namespace) is read through mcds.i18n.t. WORDS is
the vocabulary of the reference pages and of the theme overrides (labels, table headings, short notes); the
prose of hand-written pages lives in docs/en and docs/fr instead.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "portal.build.done": {
        "en": "Built the portal in {path}: {pages} pages in English and French, in {seconds:.1f} s.",
        "fr": "Portail construit dans {path} : {pages} pages en anglais et en français, en {seconds:.1f} s.",
    },
    "portal.build.failed": {
        "en": "The portal build failed; {path} was left as it was.\n{reason}",
        "fr": "La construction du portail a échoué; {path} n'a pas été modifié.\n{reason}",
    },
    "portal.build.not_a_site": {
        "en": "{path} is not empty and is not a site built by `mcds build` (it has no .mcds-site file): choose "
        "another --out folder, new or empty.",
        "fr": "{path} n'est pas vide et n'est pas un site construit par `mcds build` (il n'a pas de fichier "
        ".mcds-site) : choisissez un autre dossier --out, nouveau ou vide.",
    },
    "portal.build.out_is_file": {
        "en": "{path} is a file: --out must be a folder for the site, such as site/.",
        "fr": "{path} est un fichier : --out doit être un dossier pour le site, comme site/.",
    },
    "portal.build.out_protected": {
        "en": "--out {path} is or contains {kept}: the build replaces its --out folder as a whole, so give the site a "
        "folder of its own, such as site/.",
        "fr": "--out {path} est ou contient {kept} : la construction remplace son dossier --out en entier; donnez donc "
        "au site un dossier bien à lui, comme site/.",
    },
    "portal.build.busy": {
        "en": "Another build is writing {path} right now: wait for it to end, then build again.",
        "fr": "Une autre construction écrit dans {path} en ce moment : attendez qu'elle se termine, puis "
        "relancez la construction.",
    },
    "portal.build.rejected": {
        "en": "Not published: {name} ({errors} errors). Run `mcds validate {source}` to see them.",
        "fr": "Non publiée : {name} ({errors} erreurs). Lancez `mcds validate {source}` pour les voir.",
    },
    "portal.build.kept_stale": {
        "en": "Not valid: {name} ({errors} errors); its last published version is kept and marked as stale.",
        "fr": "Non valide : {name} ({errors} erreurs); sa dernière version publiée est conservée et marquée comme périmée.",
    },
    "portal.build.misnamed": {
        "en": "Not published: {name} declares the provider {declared}. A submission is published under the name "
        "of its folder (or file), which must be its provider's identifier: rename it {declared}, or correct "
        "provider.",
        "fr": "Non publiée : {name} déclare le fournisseur {declared}. Une soumission est publiée sous le nom de "
        "son dossier (ou fichier), qui doit être l'identifiant de son fournisseur : renommez-la {declared}, ou "
        "corrigez provider.",
    },
    "portal.build.contested": {
        "en": "Not published: {source} claims the identifier {identifier}, which another submission claims too. "
        "Neither is published; remove the one that is not the provider's.",
        "fr": "Non publiée : {source} revendique l'identifiant {identifier}, qu'une autre soumission revendique "
        "aussi. Aucune des deux n'est publiée; retirez celle qui n'est pas celle du fournisseur.",
    },
    "portal.build.kept_previous": {
        "en": "The last published version of {name} is kept and marked as stale.",
        "fr": "La dernière version publiée de {name} est conservée et marquée comme périmée.",
    },
    "portal.build.unsafe_identifier.characters": {
        "en": "The identifier \"{identifier}\" cannot name a page or file of the site: it holds a hidden character. "
        "The build stopped and the last good site was kept.",
        "fr": "L'identifiant « {identifier} » ne peut pas nommer une page ou un fichier du site : il contient un "
        "caractère caché. La construction s'est arrêtée et le dernier site valide a été conservé.",
    },
    "portal.build.unsafe_identifier.leaves": {
        "en": "The identifier \"{identifier}\" cannot name a page or file of the site: it would lead out of "
        "{folder}. The build stopped and the last good site was kept.",
        "fr": "L'identifiant « {identifier} » ne peut pas nommer une page ou un fichier du site : il mènerait hors "
        "de {folder}. La construction s'est arrêtée et le dernier site valide a été conservé.",
    },
    "portal.build.unsafe_identifier.reserved": {
        "en": "The identifier \"{identifier}\" cannot name a page or file of the site: names that start with a dot, "
        "an underscore or \"index\" are kept for the site itself. The build stopped and the last good site was "
        "kept.",
        "fr": "L'identifiant « {identifier} » ne peut pas nommer une page ou un fichier du site : les noms qui "
        "commencent par un point, un trait de soulignement ou « index » sont réservés au site lui-même. La "
        "construction s'est arrêtée et le dernier site valide a été conservé.",
    },
    "portal.build.unsafe_identifier.taken": {
        "en": "The identifier \"{identifier}\" cannot name a page or file of the site: {folder} already holds a "
        "page of that name, or of an identifier that looks the same. The build stopped and the last good site "
        "was kept.",
        "fr": "L'identifiant « {identifier} » ne peut pas nommer une page ou un fichier du site : {folder} contient "
        "déjà une page de ce nom, ou d'un identifiant qui a la même apparence. La construction s'est arrêtée et "
        "le dernier site valide a été conservé.",
    },
    "portal.build.unsafe_identifiers": {
        "en": "These identifiers cannot name a page or file of the site (a hidden character, a path out of its "
        "folder, a name kept for the site, or a name already taken): {identifiers}. The build stopped and the "
        "last good site was kept.",
        "fr": "Ces identifiants ne peuvent pas nommer une page ou un fichier du site (un caractère caché, un chemin "
        "hors de son dossier, un nom réservé au site ou un nom déjà pris) : {identifiers}. La construction s'est "
        "arrêtée et le dernier site valide a été conservé.",
    },
    "portal.build.missing_artefact": {
        "en": "{path} is missing. Run `mcds generate` to create the standard's artefacts.",
        "fr": "{path} est introuvable. Lancez `mcds generate` pour créer les artefacts de la norme.",
    },
    "portal.build.page_conflict": {
        "en": "docs/{folder}/{page} is generated at build time: remove the hand-written file of that name.",
        "fr": "docs/{folder}/{page} est produit à la construction : supprimez le fichier rédigé qui porte ce nom.",
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
    "crosswalk.exported": {"en": "exported", "fr": "exportée"},
    "crosswalk.structural": {"en": "What the exporters write beyond these mappings",
                             "fr": "Ce que les exportations écrivent au-delà de ces correspondances"},
    "crosswalk.structural.intro": {
        "en": "A format sometimes needs a term that no mapping states: the name of a profile, the title of a "
              "concept, the property that links two of its resources. These are the format's structure, not "
              "equivalences; `mcds export` writes them for the fields below (read from the exporters' own "
              "mapping reports on the sample submissions, like the marks \"exported\" above).",
        "fr": "Un format exige parfois un terme qu'aucune correspondance n'indique : le nom d'un profil, le titre "
              "d'un concept, la propriété qui relie deux de ses ressources. Ils relèvent de la structure du "
              "format, non d'une équivalence; `mcds export` les écrit pour les champs ci-dessous (tirés des "
              "rapports de correspondance des exportations elles-mêmes sur les soumissions d'exemple, comme les "
              "marques « exportée » ci-dessus)."},
    "crosswalk.format": {"en": "Format", "fr": "Format"},
    "crosswalk.term": {"en": "Term written", "fr": "Terme écrit"},
    # French sets a non-breaking space before a colon.
    "colon": {"en": ":", "fr": "\u00a0:"},
    "layer.input": {"en": "The input", "fr": "L'entrée"},
    "layer.structure": {"en": "The tables' structure and cells", "fr": "La structure et les cellules des tables"},
    "layer.domain": {"en": "The standard's rules", "fr": "Les règles de la norme"},
    "layer.quality": {"en": "Quality", "fr": "La qualité"},
    "severity.error": {"en": "error", "fr": "erreur"},
    "severity.warning": {"en": "warning", "fr": "avertissement"},
    "case": {"en": "Case", "fr": "Cas"},
    "message": {"en": "Message", "fr": "Message"},
    "fix": {"en": "How to fix it", "fr": "Comment corriger"},
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
    "kind.uri": {"en": "the element's own URI", "fr": "l'URI propre de l'élément"},
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


# The catalogue's pages: Find, records, providers, browse lists, statistics.
WORDS.update({
    "nav.catalogue": {"en": "Find a microcredential", "fr": "Trouver un microtitre"},
    "find": {"en": "Find a microcredential", "fr": "Trouver un microtitre"},
    "find.description": {
        "en": "Search the national catalogue of microcredentials by keyword, province, provider, cost, duration, "
        "occupation and more.",
        "fr": "Cherchez dans le catalogue national des microtitres par mot-clé, province, fournisseur, coût, durée, "
        "profession et plus encore.",
    },
    "search": {"en": "Search", "fr": "Rechercher"},
    "search.label": {"en": "Keywords", "fr": "Mots-clés"},
    "search.hint": {"en": "Title, provider, field of study, occupation or skill", "fr": "Titre, fournisseur, domaine d'études, profession ou compétence"},
    "filters": {"en": "Filters", "fr": "Filtres"},
    "clear": {"en": "Clear all filters", "fr": "Effacer tous les filtres"},
    "sort": {"en": "Sort by", "fr": "Trier par"},
    "sort.title": {"en": "Title", "fr": "Titre"},
    "sort.cost": {"en": "Cost, lowest first", "fr": "Coût, du plus bas au plus élevé"},
    "sort.weeks": {"en": "Duration, shortest first", "fr": "Durée, de la plus courte à la plus longue"},
    "sort.hours": {"en": "Workload, lightest first", "fr": "Charge de travail, de la plus légère à la plus lourde"},
    "results": {"en": "{count} microcredentials", "fr": "{count} microtitres"},
    "results.one": {"en": "1 microcredential", "fr": "1 microtitre"},
    "more": {"en": "Show more results", "fr": "Afficher plus de résultats"},
    "download_results": {"en": "Download these results (CSV)", "fr": "Télécharger ces résultats (CSV)"},
    "needs_js": {
        "en": "Search and filters need JavaScript. Without it, browse the lists below.",
        "fr": "La recherche et les filtres exigent JavaScript. Sans JavaScript, parcourez les listes ci-dessous.",
    },
    "browse": {"en": "Browse the catalogue", "fr": "Parcourir le catalogue"},
    "browse.province": {"en": "By province or territory", "fr": "Par province ou territoire"},
    "browse.provider": {"en": "By provider", "fr": "Par fournisseur"},
    "browse.cip": {"en": "By field of study", "fr": "Par domaine d'études"},
    "browse.noc": {"en": "By occupation", "fr": "Par profession"},
    "facet.province": {"en": "Province or territory", "fr": "Province ou territoire"},
    "facet.provider": {"en": "Provider", "fr": "Fournisseur"},
    "facet.provider_type": {"en": "Provider type", "fr": "Type de fournisseur"},
    "facet.delivery": {"en": "Delivery mode", "fr": "Mode de prestation"},
    "facet.language": {"en": "Language", "fr": "Langue"},
    "facet.cost": {"en": "Cost", "fr": "Coût"},
    "facet.duration": {"en": "Duration", "fr": "Durée"},
    "facet.credit": {"en": "Credit-bearing", "fr": "Donne droit à des crédits"},
    "facet.funding": {"en": "Financial aid", "fr": "Aide financière"},
    "facet.noc": {"en": "Occupation (NOC broad category)", "fr": "Profession (grande catégorie de la CNP)"},
    "facet.teer": {"en": "TEER category", "fr": "Catégorie FEER"},
    "facet.cip": {"en": "Field of study (CIP series)", "fr": "Domaine d'études (série de la CPE)"},
    "facet.skill": {"en": "Skills for Success", "fr": "Compétences pour réussir"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
    "cost.free": {"en": "Free", "fr": "Gratuit"},
    "cost.under_500": {"en": "Under $500", "fr": "Moins de 500 $"},
    "cost.500_1000": {"en": "$500 to $999", "fr": "De 500 $ à 999 $"},
    "cost.1000_2000": {"en": "$1,000 to $1,999", "fr": "De 1 000 $ à 1 999 $"},
    "cost.2000_plus": {"en": "$2,000 or more", "fr": "2 000 $ ou plus"},
    "weeks.1_4": {"en": "1 to 4 weeks", "fr": "1 à 4 semaines"},
    "weeks.5_8": {"en": "5 to 8 weeks", "fr": "5 à 8 semaines"},
    "weeks.9_12": {"en": "9 to 12 weeks", "fr": "9 à 12 semaines"},
    "weeks.13_plus": {"en": "13 weeks or more", "fr": "13 semaines ou plus"},
    "hours_weeks": {"en": "{hours} hours over {weeks} weeks", "fr": "{hours} heures sur {weeks} semaines"},
    "offered_by": {"en": "Offered by", "fr": "Offert par"},
    "awarded_by": {"en": "Awarded by", "fr": "Délivré par"},
    "at_a_glance": {"en": "At a glance", "fr": "En bref"},
    "record.identifiers": {"en": "Identifiers and classification", "fr": "Identifiants et classification"},
    "record.geography": {"en": "Where the offerings take place", "fr": "Où se déroulent les offres"},
    "record.address": {"en": "Address", "fr": "Adresse"},
    "about_it": {"en": "About this microcredential", "fr": "À propos de ce microtitre"},
    "cost_total": {"en": "Cost for a domestic learner", "fr": "Coût pour une personne apprenante canadienne"},
    "outcomes_reported": {"en": "Reported outcomes", "fr": "Résultats déclarés"},
    "suppressed": {"en": "suppressed", "fr": "supprimé"},
    "provenance": {"en": "Provenance", "fr": "Provenance"},
    "provenance.submission": {"en": "Submission", "fr": "Soumission"},
    "provenance.updated": {"en": "Last updated by the provider", "fr": "Dernière mise à jour par le fournisseur"},
    "provenance.checksum": {"en": "Checksum of the submission (SHA-256)", "fr": "Somme de contrôle de la soumission (SHA-256)"},
    "provenance.json": {"en": "This record in JSON", "fr": "Cet enregistrement en JSON"},
    "stale": {
        "en": "This record comes from the last valid version of the submission: the current version does not pass "
        "validation.",
        "fr": "Cet enregistrement provient de la dernière version valide de la soumission : la version actuelle ne "
        "passe pas la validation.",
    },
    "microcredentials": {"en": "Microcredentials", "fr": "Microtitres"},
    "provider": {"en": "Provider", "fr": "Fournisseur"},
    "providers": {"en": "Providers", "fr": "Fournisseurs"},
    "value": {"en": "Value", "fr": "Valeur"},
    "months_after": {"en": "{months} months after completion", "fr": "{months} mois après la réussite"},
    "period": {"en": "Period", "fr": "Période"},
    "jurisdiction.canada": {"en": "Canada", "fr": "Canada"},
    "valid_for.year": {"en": "1 year", "fr": "1 an"},
    "valid_for.years": {"en": "{n} years", "fr": "{n} ans"},
    "valid_for.month": {"en": "1 month", "fr": "1 mois"},
    "valid_for.months": {"en": "{n} months", "fr": "{n} mois"},
    "valid_for.and": {"en": "{first} and {second}", "fr": "{first} et {second}"},
    "strategy.asserted_by": {"en": "asserted by", "fr": "affirmé par"},
})


# The data-quality pages (mcds/portal/quality.py): each publisher's verdict, findings, bilingual completeness and
# harvest history, and the national table.
WORDS.update({
    "quality.title": {"en": "Data quality", "fr": "Qualité des données"},
    "quality.description": {
        "en": "Each publisher's data quality: whether its data is published, its validation findings, its bilingual "
        "completeness and the history of its harvests.",
        "fr": "La qualité des données de chaque éditeur : publication, constats de validation, complétude bilingue et "
        "historique des moissons.",
    },
    "quality.intro": {
        "en": "Every submission goes through the same validation before it is published. This table shows where each "
        "publisher stands in this edition of the portal; each publisher's page lists what to fix.",
        "fr": "Chaque soumission passe par la même validation avant d'être publiée. Ce tableau montre où en est chaque "
        "éditeur dans cette édition du portail; la page de chaque éditeur indique quoi corriger.",
    },
    "quality.count.published": {"en": "Published: {count}", "fr": "Publiés : {count}"},
    "quality.count.stale": {"en": "Last good data kept: {count}", "fr": "Dernières bonnes données gardées : {count}"},
    "quality.count.rejected": {"en": "Not published: {count}", "fr": "Non publiés : {count}"},
    "quality.count.missing": {"en": "Never harvested successfully: {count}", "fr": "Jamais moissonnés avec succès : {count}"},
    "quality.verdict.published": {"en": "Published", "fr": "Publié"},
    "quality.verdict.stale": {"en": "Last good data kept", "fr": "Dernières bonnes données gardées"},
    "quality.verdict.rejected": {"en": "Not published", "fr": "Non publié"},
    "quality.verdict.missing": {"en": "No data yet", "fr": "Pas encore de données"},
    "quality.harvest.published": {"en": "new data", "fr": "nouvelles données"},
    "quality.harvest.unchanged": {"en": "unchanged", "fr": "inchangées"},
    "quality.harvest.invalid": {"en": "invalid", "fr": "non valides"},
    "quality.harvest.unreachable": {"en": "unreachable", "fr": "inaccessibles"},
    "quality.harvest.refused": {"en": "refused", "fr": "refusées"},
    "quality.severity.error": {"en": "error", "fr": "erreur"},
    "quality.severity.warning": {"en": "warning", "fr": "avertissement"},
    "quality.publishers": {"en": "Publishers", "fr": "Éditeurs"},
    "quality.status": {"en": "Status", "fr": "État"},
    "quality.errors": {"en": "Errors", "fr": "Erreurs"},
    "quality.warnings": {"en": "Warnings", "fr": "Avertissements"},
    "quality.completeness": {"en": "Bilingual completeness", "fr": "Complétude bilingue"},
    "quality.changed": {"en": "Data last changed", "fr": "Dernière modification des données"},
    "quality.last_harvest": {"en": "Last harvest", "fr": "Dernière moisson"},
    "quality.national_completeness": {
        "en": "Nationally, {share} of the {texts} texts of published records are given in both English and French; "
        "{missing_en} lack their English version and {missing_fr} their French version. Every text field of every "
        "record counts, nested ones included.",
        "fr": "À l'échelle nationale, {share} des {texts} textes des fiches publiées sont donnés en anglais et en "
        "français; {missing_en} n'ont pas leur version anglaise et {missing_fr} leur version française. Chaque champ "
        "de texte de chaque fiche compte, y compris les champs imbriqués.",
    },
    "quality.provider_completeness": {
        "en": "{share} of this publisher's {texts} texts are given in both English and French; {missing_en} lack their "
        "English version and {missing_fr} their French version.",
        "fr": "{share} des {texts} textes de cet éditeur sont donnés en anglais et en français; {missing_en} n'ont pas "
        "leur version anglaise et {missing_fr} leur version française.",
    },
    "quality.provider_title": {"en": "Data quality: {name}", "fr": "Qualité des données : {name}"},
    "quality.provider_heading": {"en": "Data quality", "fr": "Qualité des données"},
    "quality.stale_reason": {"en": "The last good data is shown. Reason:", "fr": "Les dernières bonnes données sont affichées. Raison :"},
    "quality.data_url": {"en": "Data address", "fr": "Adresse des données"},
    "quality.to_provider": {"en": "The publisher's microcredentials", "fr": "Les microtitres de l'éditeur"},
    "quality.to_national": {"en": "Data quality of every publisher", "fr": "Qualité des données de tous les éditeurs"},
    "quality.link": {"en": "Data quality of this provider", "fr": "Qualité des données de ce fournisseur"},
    "quality.findings": {"en": "Validation findings", "fr": "Constats de validation"},
    "quality.findings_note": {
        "en": "The first {count} findings of the latest validation (of the refused file, when the last good data is "
        "shown), errors first. Run mcds validate on the file for the whole list.",
        "fr": "Les {count} premiers constats de la dernière validation (celle du fichier refusé, quand les dernières "
        "bonnes données sont affichées), erreurs d'abord. Lancez mcds validate sur le fichier pour la liste complète.",
    },
    "quality.no_findings": {"en": "No error or warning.", "fr": "Aucune erreur ni aucun avertissement."},
    "quality.code": {"en": "Code", "fr": "Code"},
    "quality.severity": {"en": "Severity", "fr": "Gravité"},
    "quality.message": {"en": "Message", "fr": "Message"},
    "quality.gaps": {"en": "Texts missing a language", "fr": "Textes auxquels il manque une langue"},
    "quality.download_gaps": {"en": "Download every missing text (CSV)", "fr": "Télécharger tous les textes manquants (CSV)"},
    "quality.more_gaps": {"en": "… and {count} more in the download.", "fr": "… et {count} autres dans le téléchargement."},
    "quality.record": {"en": "Record", "fr": "Fiche"},
    "quality.field": {"en": "Field", "fr": "Champ"},
    "quality.where": {"en": "Where", "fr": "Emplacement"},
    "quality.missing_language": {"en": "Missing language", "fr": "Langue manquante"},
    "quality.no_data": {"en": "No data of this publisher is published.", "fr": "Aucune donnée de cet éditeur n'est publiée."},
    "quality.history": {"en": "Harvest history", "fr": "Historique des moissons"},
    "quality.history_caption": {"en": "The last {count} harvests, latest first", "fr": "Les {count} dernières moissons, la plus récente d'abord"},
    "quality.time": {"en": "Time", "fr": "Heure"},
    "quality.http": {"en": "HTTP status", "fr": "État HTTP"},
    "quality.checksum": {"en": "Checksum", "fr": "Somme de contrôle"},
    "quality.reason": {"en": "Reason", "fr": "Raison"},
})


# The export formats: the record pages' "other formats" list and the Exports reference page.
WORDS.update({
    "format.ctdl": {"en": "CTDL (Credential Engine Registry)", "fr": "CTDL (registre de Credential Engine)"},
    "format.elm": {"en": "European Learning Model (Europass)", "fr": "Modèle européen d'apprentissage (Europass)"},
    "format.ob3": {"en": "Open Badges 3.0", "fr": "Open Badges 3.0"},
    "format.schemaorg": {"en": "schema.org", "fr": "schema.org"},
    "record.other_formats": {"en": "This record in other formats", "fr": "Cet enregistrement dans d'autres formats"},
    "export_page.title": {"en": "Exports", "fr": "Exportations"},
    "export_page.description": {
        "en": "The standard's records in the formats other systems read: CTDL, Open Badges 3.0, the European Learning "
        "Model and schema.org, with an example of each and what goes where.",
        "fr": "Les enregistrements de la norme dans les formats que lisent d'autres systèmes : CTDL, Open Badges 3.0, "
        "le modèle européen d'apprentissage et schema.org, avec un exemple de chacun et ce qui va où.",
    },
    "export_page.intro": {
        "en": "A provider describes a microcredential once, in MCDS; `mcds export` turns a valid submission into the "
        "formats that registries, badge platforms, Europass and search engines already read. Every export comes "
        "with a mapping report: which fields went to which term, and which were left out and why. Nothing is "
        "dropped silently.",
        "fr": "Un fournisseur décrit un microtitre une seule fois, dans la NPDM; `mcds export` transforme une "
        "soumission valide dans les formats que lisent déjà les registres, les plateformes de badges, Europass et "
        "les moteurs de recherche. Chaque exportation est accompagnée d'un rapport de correspondance : quels champs "
        "sont allés vers quel terme, et lesquels ont été laissés de côté et pourquoi. Rien n'est perdu en silence.",
    },
    "export_page.command": {"en": "The command", "fr": "La commande"},
    "export_page.command.text": {
        "en": "The submission is validated first: an invalid one is not exported (exit code 1, with its report). "
        "`--out` names a .json file for the whole submission, or a folder for one file per record plus bulk.json; "
        "`--lang` chooses the language of a format that holds only one; `--report` also prints the mapping report.",
        "fr": "La soumission est d'abord validée : une soumission non valide n'est pas exportée (code de sortie 1, "
        "avec son rapport). `--out` désigne un fichier .json pour toute la soumission, ou un dossier pour un "
        "fichier par enregistrement et bulk.json; `--lang` choisit la langue d'un format qui n'en contient qu'une; "
        "`--report` affiche aussi le rapport de correspondance.",
    },
    "export_page.purpose.ctdl": {
        "en": "Credential Transparency Description Language, read by the Credential Engine Registry: the "
        "microcredential, its owning and offering organizations, costs, scheduled offerings and condition profiles, "
        "with both languages in language maps.",
        "fr": "Le Credential Transparency Description Language, que lit le registre de Credential Engine : le "
        "microtitre, les organisations qui le possèdent et l'offrent, les coûts, les offres planifiées et les profils "
        "de conditions, les deux langues dans des tables de langues.",
    },
    "export_page.purpose.elm": {
        "en": "The European Learning Model, read by Europass: a learning opportunity and its learning achievement "
        "specification, with the elements of Annex I of the EU recommendation on microcredentials.",
        "fr": "Le modèle européen d'apprentissage, que lit Europass : une occasion d'apprentissage et la spécification "
        "de ses acquis, avec les éléments de l'annexe I de la recommandation de l'UE sur les microcertifications.",
    },
    "export_page.purpose.ob3": {
        "en": "An Open Badges 3.0 achievement, ready for an issuer's badge platform or a learner's wallet. The format "
        "holds one language per achievement: the portal publishes one file per language.",
        "fr": "Une réalisation Open Badges 3.0, prête pour la plateforme de badges d'un émetteur ou le portefeuille "
        "d'une personne apprenante. Le format ne contient qu'une langue par réalisation : le portail publie un "
        "fichier par langue.",
    },
    "export_page.purpose.schemaorg": {
        "en": "schema.org JSON-LD for search engines: an educational credential and the course that leads to it, "
        "with its instances.",
        "fr": "Du JSON-LD schema.org pour les moteurs de recherche : un titre de compétences et le cours qui y mène, "
        "avec ses sessions.",
    },
    "export_page.published": {
        "en": "On this portal: every record at `data/{folder}/<id>.json` and the whole catalogue at `data/{bulk}`.",
        "fr": "Sur ce portail : chaque enregistrement à `data/{folder}/<id>.json` et tout le catalogue à `data/{bulk}`.",
    },
    "export_page.example": {"en": "Example", "fr": "Exemple"},
    "export_page.example.text": {
        "en": "The microcredential `{id}` of the sample submission `{sample}`, exported when this page was built:",
        "fr": "Le microtitre `{id}` de la soumission exemple `{sample}`, exporté à la construction de cette page :",
    },
    "export_page.report": {"en": "Mapping report", "fr": "Rapport de correspondance"},
    "export_page.report.used": {"en": "{count} fields exported", "fr": "{count} champs exportés"},
    "export_page.report.left_out": {"en": "{count} fields left out", "fr": "{count} champs laissés de côté"},
    "export_page.field": {"en": "MCDS field", "fr": "Champ de la NPDM"},
    "export_page.term": {"en": "Term", "fr": "Terme"},
    "export_page.reason": {"en": "Why", "fr": "Pourquoi"},
    "export_page.downloads": {
        "en": "The whole catalogue in the export formats, one file per format (Open Badges 3.0 once per language):",
        "fr": "Tout le catalogue dans les formats d'exportation, un fichier par format (Open Badges 3.0 une fois par "
        "langue) :",
    },
    "export_page.downloads.heading": {"en": "Catalogue exports", "fr": "Exportations du catalogue"},
})

# -- Open data: the Downloads page's catalogue part, the data dictionary and the API page -------------------
WORDS.update({
    "nav.open_data": {"en": "Open data", "fr": "Données ouvertes"},
    "feed_title": {"en": "New and changed microcredentials (Atom)", "fr": "Microtitres nouveaux et modifiés (Atom)"},
    "open_data.table": {"en": "Table", "fr": "Table"},
    "open_data.rows": {"en": "Rows", "fr": "Lignes"},
    "open_data.dictionary": {"en": "Data dictionary", "fr": "Dictionnaire de données"},
    "open_data.whole": {"en": "The whole catalogue, in one file each:", "fr": "Tout le catalogue, en un fichier chacun :"},
    "open_data.format": {"en": "Format", "fr": "Format"},
    "open_data.size": {"en": "Size", "fr": "Taille"},
    "open_data.feed": {"en": "New and changed microcredentials, in {language}",
                       "fr": "Microtitres nouveaux et modifiés, en {language}"},
    "open_data.type.string": {"en": "text", "fr": "texte"},
    "open_data.type.integer": {"en": "whole number", "fr": "nombre entier"},
    "open_data.type.number": {"en": "decimal number", "fr": "nombre décimal"},
    "open_data.type.boolean": {"en": "true or false", "fr": "vrai ou faux (true, false)"},
    "open_data.type.date": {"en": "date (YYYY-MM-DD)", "fr": "date (AAAA-MM-JJ)"},
    "open_data.files": {"en": "files", "fr": "fichiers"},
    "open_data.column": {"en": "Column", "fr": "Colonne"},
    "open_data.type": {"en": "Type", "fr": "Type"},
    "open_data.required": {"en": "Required", "fr": "Obligatoire"},
    "open_data.codes": {"en": "Code list", "fr": "Liste de codes"},
    "open_data.list": {"en": "list", "fr": "liste"},
    "open_data.address": {"en": "Address", "fr": "Adresse"},
})


# The dashboard (mcds/portal/dashboard.py, questions.py, outcomes.py, charts.py): one page per policy question.
WORDS.update({
    "dash": {"en": "Dashboard", "fr": "Tableau de bord"},
    "dash.description": {
        "en": "The catalogue's answers to the standard's six questions: labour market, equity, providers, frameworks, "
        "strategies and data coverage, as charts with their data tables and CSV files.",
        "fr": "Les réponses du catalogue aux six questions de la norme : marché du travail, équité, fournisseurs, cadres, "
        "stratégies et couverture des données, en graphiques avec leurs tableaux de données et fichiers CSV.",
    },
    "dash.summary": {
        "en": "Built from the {microcredentials} published microcredentials of {providers} providers.",
        "fr": "Établi à partir des {microcredentials} microtitres publiés de {providers} fournisseurs.",
    },
    "dash.intro": {
        "en": "Each page answers one question with charts computed from the published (validated) data when the portal "
        "is built. Under each chart, a table gives every figure and a CSV file holds exactly what the chart shows; "
        "where the catalogue search has the matching filter, each row leads to the microcredentials it counts.",
        "fr": "Chaque page répond à une question avec des graphiques calculés à partir des données publiées (validées) "
        "lors de la construction du portail. Sous chaque graphique, un tableau donne chaque chiffre et un fichier CSV "
        "contient exactement ce que montre le graphique; lorsque la recherche du catalogue offre le filtre "
        "correspondant, chaque ligne mène aux microtitres qu'elle compte.",
    },
    "dash.back": {"en": "All the questions of the dashboard", "fr": "Toutes les questions du tableau de bord"},
    "dash.q1": {"en": "Labour market and employers", "fr": "Marché du travail et employeurs"},
    "dash.q1.question": {
        "en": "Do microcredentials meet labour-market needs, and do employers, governments included, take part and "
        "recognize them?",
        "fr": "Les microtitres répondent-ils aux besoins du marché du travail, et les employeurs, y compris les "
        "gouvernements, y participent-ils et les reconnaissent-ils?",
    },
    "dash.q1.intro": {
        "en": "Occupations (NOC 2021) and industries (NAICS 2022) the microcredentials prepare for, their employer "
        "partners and how employers recognize them.",
        "fr": "Les professions (CNP 2021) et les industries (SCIAN 2022) auxquelles les microtitres préparent, leurs "
        "employeurs partenaires et la reconnaissance qu'ils en font.",
    },
    "dash.q1.noc": {"en": "Microcredentials by occupation (NOC unit group)", "fr": "Microtitres par profession (groupe de base de la CNP)"},
    "dash.q1.noc.note": {
        "en": "Titles are Statistics Canada's; a microcredential counts once under each occupation it names.",
        "fr": "Les titres sont ceux de Statistique Canada; un microtitre compte une fois sous chaque profession qu'il nomme.",
    },
    "dash.q1.teer": {"en": "Microcredentials by TEER category", "fr": "Microtitres par catégorie FÉER"},
    "dash.q1.naics": {"en": "Microcredentials by industry (NAICS)", "fr": "Microtitres par industrie (SCIAN)"},
    "dash.q1.partners": {"en": "Microcredentials with an employer partner", "fr": "Microtitres avec un employeur partenaire"},
    "dash.with_partner": {"en": "With at least one employer partner", "fr": "Avec au moins un employeur partenaire"},
    "dash.without_partner": {"en": "Without an employer partner", "fr": "Sans employeur partenaire"},
    "dash.q1.roles": {"en": "Microcredentials by role of their employer partners", "fr": "Microtitres par rôle de leurs employeurs partenaires"},
    "dash.q1.partner_industries": {
        "en": "Microcredentials by industry sector of their employer partners",
        "fr": "Microtitres par secteur d'activité de leurs employeurs partenaires",
    },
    "dash.q1.recognition_public": {
        "en": "Recognition by public-service employers, by type",
        "fr": "Reconnaissance par des employeurs de la fonction publique, par type",
    },
    "dash.q1.recognition_public.note": {
        "en": "Public-service employers are governments and organizations of the public sector.",
        "fr": "Les employeurs de la fonction publique sont les gouvernements et les organisations du secteur public.",
    },
    "dash.q1.recognition_other": {
        "en": "Recognition by other employers and bodies, by type",
        "fr": "Reconnaissance par d'autres employeurs et organismes, par type",
    },
    "dash.q2": {"en": "Equitable access and outcomes", "fr": "Accès et résultats équitables"},
    "dash.q2.question": {
        "en": "Who can access microcredentials, at what cost and with what support, and do they produce equitable "
        "outcomes?",
        "fr": "Qui peut accéder aux microtitres, à quel coût et avec quel soutien, et produisent-ils des résultats "
        "équitables?",
    },
    "dash.q2.intro": {
        "en": "Costs and financial aid, delivery and language, accessibility supports and target groups, then "
        "enrolment, completion, employment and earnings by equity group from the outcome reports.",
        "fr": "Coûts et aide financière, prestation et langue, mesures d'accessibilité et groupes cibles, puis "
        "inscriptions, réussite, emploi et revenus par groupe d'équité selon les rapports de résultats.",
    },
    "dash.q2.cost_province": {
        "en": "Median cost for a domestic learner, by province or territory",
        "fr": "Coût médian pour une personne apprenante canadienne, par province ou territoire",
    },
    "dash.q2.cost_provider_type": {
        "en": "Median cost for a domestic learner, by provider type",
        "fr": "Coût médian pour une personne apprenante canadienne, par type de fournisseur",
    },
    "dash.q2.cost.note": {
        "en": "The cost is the sum of the cost items a domestic learner pays for every offering; n is the number of "
        "microcredentials behind each median.",
        "fr": "Le coût est la somme des éléments de coût qu'une personne apprenante canadienne paie pour toute offre; "
        "n est le nombre de microtitres derrière chaque médiane.",
    },
    "dash.q2.aid_province": {
        "en": "Eligible for financial aid, share by province or territory",
        "fr": "Admissibles à une aide financière, proportion par province ou territoire",
    },
    "dash.q2.aid_provider_type": {
        "en": "Eligible for financial aid, share by provider type",
        "fr": "Admissibles à une aide financière, proportion par type de fournisseur",
    },
    "dash.q2.aid": {"en": "Microcredentials eligible for financial aid, by programme", "fr": "Microtitres admissibles à une aide financière, par programme"},
    "dash.q2.aid_status": {"en": "Financial aid: microcredentials by eligibility status", "fr": "Aide financière : microtitres par statut d'admissibilité"},
    "dash.q2.aid_status.note": {
        "en": "A microcredential counts once under each status it has for at least one programme.",
        "fr": "Un microtitre compte une fois sous chaque statut qu'il a pour au moins un programme.",
    },
    "dash.q2.delivery": {"en": "Microcredentials by delivery mode", "fr": "Microtitres par mode de prestation"},
    "dash.q2.language": {"en": "Microcredentials by language of instruction", "fr": "Microtitres par langue d'enseignement"},
    "dash.q2.accessibility": {"en": "Microcredentials by accessibility support", "fr": "Microtitres par mesure d'accessibilité"},
    "dash.q2.target_groups": {"en": "Microcredentials by target group", "fr": "Microtitres par groupe cible"},
    "dash.q2.outcome.enrolment": {"en": "Share of enrolments, by group", "fr": "Part des inscriptions, par groupe"},
    "dash.q2.outcome.enrolment.note": {
        "en": "Enrolments of the group over all enrolments of the same reports (the reports that give the group).",
        "fr": "Inscriptions du groupe sur l'ensemble des inscriptions des mêmes rapports (ceux qui donnent le groupe).",
    },
    "dash.q2.outcome.completion": {"en": "Completion rate, by group", "fr": "Taux de réussite, par groupe"},
    "dash.q2.outcome.completion.note": {
        "en": "Completions over enrolments, pooled over the reports that give both for the group. A cell a report "
        "suppressed (fewer people than its minimum cell size) is counted as suppressed, never estimated; a group "
        "every report suppressed is shown as suppressed.",
        "fr": "Réussites sur inscriptions, regroupées sur les rapports qui donnent les deux pour le groupe. Une cellule "
        "qu'un rapport a supprimée (moins de personnes que sa taille minimale de cellule) est comptée comme "
        "supprimée, jamais estimée; un groupe que chaque rapport a supprimé est affiché comme supprimé.",
    },
    "dash.q2.outcome.employment": {"en": "Employment rate after completion, by group", "fr": "Taux d'emploi après la réussite, par groupe"},
    "dash.q2.outcome.employment.note": {
        "en": "People employed the given number of months after completing, over the people who completed, pooled "
        "over the reports that give both; suppressed cells are counted as suppressed.",
        "fr": "Personnes en emploi le nombre de mois indiqué après la réussite, sur les personnes qui ont réussi, "
        "regroupées sur les rapports qui donnent les deux; les cellules supprimées sont comptées comme supprimées.",
    },
    "dash.q2.outcome.earnings": {"en": "Median earnings after completion, by group and report", "fr": "Revenu médian après la réussite, par groupe et rapport"},
    "dash.q2.outcome.earnings.note": {
        "en": "Medians of different reports cannot be combined, so each report's median is its own bar.",
        "fr": "Les médianes de rapports différents ne peuvent pas être combinées : la médiane de chaque rapport a sa "
        "propre barre.",
    },
    "dash.q3": {"en": "Providers and conditions", "fr": "Fournisseurs et conditions"},
    "dash.q3.question": {
        "en": "Who offers microcredentials, and under what conditions of quality assurance and recognition?",
        "fr": "Qui offre les microtitres, et à quelles conditions d'assurance qualité et de reconnaissance?",
    },
    "dash.q3.intro": {
        "en": "Microcredentials by provider, provider type and sector, by the provider's recognition status and by "
        "quality assurance.",
        "fr": "Microtitres par fournisseur, type et secteur de fournisseur, par statut de reconnaissance du "
        "fournisseur et par assurance qualité.",
    },
    "dash.q3.provider": {"en": "Microcredentials by provider", "fr": "Microtitres par fournisseur"},
    "dash.q3.provider_type": {"en": "Microcredentials by provider type", "fr": "Microtitres par type de fournisseur"},
    "dash.q3.sector": {"en": "Microcredentials by provider sector", "fr": "Microtitres par secteur du fournisseur"},
    "dash.q3.recognition_status": {"en": "Microcredentials by provider recognition status", "fr": "Microtitres par statut de reconnaissance du fournisseur"},
    "dash.q3.quality": {"en": "Microcredentials by type of quality assurance", "fr": "Microtitres par type d'assurance qualité"},
    "dash.q4": {"en": "Frameworks and pathways", "fr": "Cadres et cheminements"},
    "dash.q4.question": {
        "en": "How do microcredentials fit qualification frameworks and the education system: credit, stacking and "
        "transcripts?",
        "fr": "Comment les microtitres s'inscrivent-ils dans les cadres de qualifications et le système d'éducation : "
        "crédits, cumul et relevés de notes?",
    },
    "dash.q4.intro": {
        "en": "Framework alignment and its conformance, credit, pathways and stackability, transcription and "
        "recognition of prior learning.",
        "fr": "Alignement sur les cadres et sa conformité, crédits, cheminements et cumul, inscription au relevé de "
        "notes et reconnaissance des acquis.",
    },
    "dash.q4.alignment": {"en": "Microcredentials by framework and conformance", "fr": "Microtitres par cadre et conformité"},
    "dash.pair": {"en": "{first} — {second}", "fr": "{first} — {second}"},
    "dash.q4.credit": {"en": "Credit-bearing microcredentials", "fr": "Microtitres donnant des crédits"},
    "dash.q4.credit_unit": {"en": "Microcredentials by credit unit", "fr": "Microtitres par unité de crédit"},
    "dash.q4.credit_total": {"en": "Credits in all", "fr": "Total des crédits"},
    "dash.q4.pathways": {"en": "Microcredentials by pathway relation", "fr": "Microtitres par relation de cheminement"},
    "dash.q4.transcription": {"en": "Microcredentials recorded on a transcript", "fr": "Microtitres inscrits au relevé de notes"},
    "dash.q4.prior_learning": {"en": "Recognition of prior learning available", "fr": "Reconnaissance des acquis offerte"},
    "dash.not_stated": {"en": "Not stated", "fr": "Non précisé"},
    "dash.q5": {"en": "Economic and skills strategies", "fr": "Stratégies économiques et de compétences"},
    "dash.q5.question": {
        "en": "Do microcredentials align with economic and skills strategies, their priority sectors and regions?",
        "fr": "Les microtitres s'alignent-ils sur les stratégies économiques et de compétences, leurs secteurs et "
        "régions prioritaires?",
    },
    "dash.q5.intro": {
        "en": "The strategy alignments and structured labour-market evidence that records carry (elements added in "
        "version 0.3.0 of the standard).",
        "fr": "Les alignements sur des stratégies et les preuves structurées sur le marché du travail que portent les "
        "fiches (éléments ajoutés à la version 0.3.0 de la norme).",
    },
    "dash.q5.strategy": {"en": "Microcredentials by strategy", "fr": "Microtitres par stratégie"},
    "dash.q5.strategy_type": {"en": "Microcredentials by type of strategy", "fr": "Microtitres par type de stratégie"},
    "dash.q5.jurisdiction": {"en": "Microcredentials by jurisdiction of the strategy", "fr": "Microtitres par administration de la stratégie"},
    "dash.q5.sector": {"en": "Microcredentials by priority sector (NAICS)", "fr": "Microtitres par secteur prioritaire (SCIAN)"},
    "dash.q5.region": {"en": "Microcredentials by economic region", "fr": "Microtitres par région économique"},
    "dash.q5.region.note": {
        "en": "Economic regions are shown by their Statistics Canada code (SGC).",
        "fr": "Les régions économiques sont désignées par leur code de Statistique Canada (CGT).",
    },
    "dash.q5.region_code": {"en": "Economic region {code}", "fr": "Région économique {code}"},
    "dash.q5.evidence": {"en": "Microcredentials by type of labour-market evidence", "fr": "Microtitres par type de preuve sur le marché du travail"},
    "dash.q6": {"en": "Data coverage", "fr": "Couverture des données"},
    "dash.q6.question": {
        "en": "What can Statistics Canada and researchers link and measure: how many records carry the linkage keys and "
        "outcome reports?",
        "fr": "Que peuvent relier et mesurer Statistique Canada et les chercheurs : combien de fiches portent les clés "
        "de couplage et des rapports de résultats?",
    },
    "dash.q6.intro": {
        "en": "Per province or territory, the share of microcredentials that carry the keys to link them to "
        "Statistics Canada's data and the share covered by an outcome report.",
        "fr": "Par province ou territoire, la part des microtitres qui portent les clés pour les relier aux données de "
        "Statistique Canada et la part couverte par un rapport de résultats.",
    },
    "dash.q6.quality": {
        "en": "Each provider's data quality, its validation findings and its bilingual completeness:",
        "fr": "La qualité des données de chaque fournisseur, ses constats de validation et sa complétude bilingue :",
    },
    "dash.q6.quality.link": {"en": "data quality by provider", "fr": "qualité des données par fournisseur"},
    "dash.q6.linkage": {"en": "Microcredentials with Statistics Canada linkage keys", "fr": "Microtitres avec les clés de couplage de Statistique Canada"},
    "dash.q6.linkage.note": {
        "en": "A record has the keys when it gives its institution program code and its awarding body gives its "
        "Statistics Canada institution code (PSIS).",
        "fr": "Une fiche a les clés lorsqu'elle donne son code de programme de l'établissement et que son "
        "établissement délivrant donne son code d'établissement de Statistique Canada (SIEP).",
    },
    "dash.q6.outcomes": {"en": "Microcredentials covered by an outcome report", "fr": "Microtitres couverts par un rapport de résultats"},
    "dash.q6.outcomes.note": {
        "en": "A report about the microcredential itself, or about its provider as a whole.",
        "fr": "Un rapport sur le microtitre lui-même, ou sur l'ensemble de son fournisseur.",
    },
    "dash.q6.with": {"en": "Microcredentials with it", "fr": "Microtitres qui l'ont"},
    "dash.q6.records": {"en": "Microcredentials", "fr": "Microtitres"},
    "dash.column.count": {"en": "Microcredentials", "fr": "Microtitres"},
    "dash.column.percent": {"en": "Rate", "fr": "Taux"},
    "dash.column.money": {"en": "Amount", "fr": "Montant"},
    "dash.csv.label": {"en": "Group", "fr": "Groupe"},
    "dash.csv.code": {"en": "Code", "fr": "Code"},
    "dash.csv": {"en": "Download the data of “{title}” (CSV)", "fr": "Télécharger les données de « {title} » (CSV)"},
    "dash.table": {"en": "Data of the chart: {title}", "fr": "Données du graphique : {title}"},
    "dash.show": {"en": "Show the {count}", "fr": "Afficher les {count}"},
    "dash.alt": {
        "en": "Bar chart of {rows} rows; the largest is {label}, {value}. The table below gives every value.",
        "fr": "Graphique à barres de {rows} lignes; la plus grande est {label}, {value}. Le tableau ci-dessous donne "
        "chaque valeur.",
    },
    "dash.with_n": {"en": "{value} (n = {n})", "fr": "{value} (n = {n})"},
    "dash.limited": {
        "en": "The chart draws the {drawn} largest of {rows} rows; the table gives them all.",
        "fr": "Le graphique trace les {drawn} plus grandes des {rows} lignes; le tableau les donne toutes.",
    },
    "dash.table.summary": {
        "en": "Data table ({rows} rows) with links to the catalogue search",
        "fr": "Tableau de données ({rows} lignes) avec des liens vers la recherche du catalogue",
    },
    "dash.alt.none": {
        "en": "Bar chart of {rows} rows, all suppressed. The table below lists them.",
        "fr": "Graphique à barres de {rows} lignes, toutes supprimées. Le tableau ci-dessous les énumère.",
    },
    "dash.suppressed": {"en": "Suppressed", "fr": "Supprimé"},
    "dash.suppressed_cells": {"en": "Suppressed cells", "fr": "Cellules supprimées"},
    "dash.numerator": {"en": "Numerator", "fr": "Numérateur"},
    "dash.denominator": {"en": "Denominator (n)", "fr": "Dénominateur (n)"},
    "dash.reports": {"en": "Reports", "fr": "Rapports"},
    "dash.n": {"en": "Microcredentials (n)", "fr": "Microtitres (n)"},
    "dash.all": {"en": "All microcredentials", "fr": "Tous les microtitres"},
    "dash.subject": {"en": "Subject of the report", "fr": "Objet du rapport"},
    "dash.period_end": {"en": "End of the period", "fr": "Fin de la période"},
    "dash.group": {"en": "{dimension}: {category}", "fr": "{dimension} : {category}"},
    "dash.intersection": {"en": "{first} × {second}", "fr": "{first} × {second}"},
    "dash.months_after": {"en": "{group}, {months} months after", "fr": "{group}, {months} mois après"},
    "dash.earnings_row": {"en": "{group} ({report})", "fr": "{group} ({report})"},
    "dash.empty": {
        "en": "No data yet: no published microcredential gives this information.",
        "fr": "Pas encore de données : aucun microtitre publié ne donne cette information.",
    },
    "dash.empty.recognition": {
        "en": "No data yet: no published microcredential records a recognition of this kind.",
        "fr": "Pas encore de données : aucun microtitre publié ne signale de reconnaissance de ce genre.",
    },
    "dash.empty.strategies": {
        "en": "No data yet: no published microcredential records an alignment with a strategy.",
        "fr": "Pas encore de données : aucun microtitre publié ne signale d'alignement sur une stratégie.",
    },
    "dash.empty.evidence": {
        "en": "No data yet: no published microcredential gives structured labour-market evidence.",
        "fr": "Pas encore de données : aucun microtitre publié ne donne de preuve structurée sur le marché du travail.",
    },
    "dash.empty.outcomes": {
        "en": "No data yet: no published outcome report gives these figures by group.",
        "fr": "Pas encore de données : aucun rapport de résultats publié ne donne ces chiffres par groupe.",
    },
})


# Find on any device, the user's place kept, and the short list with its compare page.
WORDS.update({
    "skip_results": {"en": "Skip to results", "fr": "Passer aux résultats"},
    "results.heading": {"en": "Results", "fr": "Résultats"},
    "drawer.close": {"en": "Close filters", "fr": "Fermer les filtres"},
    "drawer.show": {"en": "Show {count} results", "fr": "Afficher {count} résultats"},
    "drawer.show_one": {"en": "Show 1 result", "fr": "Afficher 1 résultat"},
    "drawer.show_loading": {"en": "Show results", "fr": "Afficher les résultats"},
    "chips.label": {"en": "Active filters", "fr": "Filtres actifs"},
    "chip.remove": {"en": "Remove the filter {filter}", "fr": "Retirer le filtre {filter}"},
    "empty.text": {
        "en": "No microcredential matches all these filters. Remove one of them:",
        "fr": "Aucun microtitre ne correspond à tous ces filtres. Retirez-en un :",
    },
    "empty.remove": {"en": "Remove {filter} ({count})", "fr": "Retirer {filter} ({count})"},
    "empty.reset": {"en": "Clear all filters and keywords", "fr": "Effacer tous les filtres et les mots-clés"},
    "shortlist.link": {"en": "Short list", "fr": "Présélection"},
    "shortlist.add": {"en": "Add to short list", "fr": "Ajouter à la présélection"},
    "shortlist.full": {
        "en": "The short list holds {max} microcredentials: remove one to add another.",
        "fr": "La présélection contient au plus {max} microtitres : retirez-en un pour en ajouter un autre.",
    },
    "shortlist.count": {"en": "{count} of {max}", "fr": "{count} sur {max}"},
    "compare": {"en": "Compare microcredentials", "fr": "Comparer des microtitres"},
    "compare.description": {
        "en": "Compare up to four microcredentials side by side: cost, duration, workload, delivery, credit, next "
        "start date, financial aid, employer partners and learning outcomes.",
        "fr": "Comparez jusqu'à quatre microtitres côte à côte : coût, durée, charge de travail, mode de prestation, "
        "crédits, prochaine date de début, aide financière, partenaires employeurs et résultats d'apprentissage.",
    },
    "compare.intro": {
        "en": "Your short list stays in this browser only: nothing is sent to a server and no account is needed. "
        "Share it with the link below.",
        "fr": "Votre présélection reste dans ce navigateur seulement : rien n'est envoyé à un serveur et aucun compte "
        "n'est nécessaire. Partagez-la avec le lien ci-dessous.",
    },
    "compare.empty": {
        "en": "Your short list is empty. On the Find page, choose \"Add to short list\" beside up to four "
        "microcredentials.",
        "fr": "Votre présélection est vide. Dans la page de recherche, choisissez « Ajouter à la présélection » à côté "
        "d'au plus quatre microtitres.",
    },
    "compare.caption": {"en": "{count} microcredentials side by side", "fr": "{count} microtitres côte à côte"},
    "compare.caption_one": {"en": "1 microcredential", "fr": "1 microtitre"},
    "compare.share": {"en": "Link to this short list", "fr": "Lien vers cette présélection"},
    "compare.copy": {"en": "Copy the link", "fr": "Copier le lien"},
    "compare.copied": {"en": "Link copied.", "fr": "Lien copié."},
    "compare.clear": {"en": "Empty the short list", "fr": "Vider la présélection"},
    "compare.remove": {"en": "Remove", "fr": "Retirer"},
    "compare.missing": {
        "en": "{id} is no longer in the catalogue.",
        "fr": "{id} ne fait plus partie du catalogue.",
    },
    "compare.loading": {"en": "Loading the short list…", "fr": "Chargement de la présélection…"},
    "compare.back": {"en": "Back to Find", "fr": "Retour à la recherche"},
    "compare.row.provider": {"en": "Provider", "fr": "Fournisseur"},
    "compare.row.cost": {"en": "Cost for a domestic learner", "fr": "Coût pour une personne apprenante canadienne"},
    "compare.row.duration": {"en": "Duration", "fr": "Durée"},
    "compare.row.workload": {"en": "Workload", "fr": "Charge de travail"},
    "compare.row.delivery": {"en": "Delivery mode", "fr": "Mode de prestation"},
    "compare.row.credit": {"en": "Credit", "fr": "Crédits"},
    "compare.row.start": {"en": "Next start date", "fr": "Prochaine date de début"},
    "compare.row.funding": {"en": "Eligible for financial aid", "fr": "Admissible à une aide financière"},
    "compare.row.partners": {"en": "Employer partners", "fr": "Partenaires employeurs"},
    "compare.row.outcomes": {"en": "Learning outcomes", "fr": "Résultats d'apprentissage"},
    "compare.weeks": {"en": "{weeks} weeks", "fr": "{weeks} semaines"},
    "compare.hours": {"en": "{hours} hours", "fr": "{hours} heures"},
    "compare.credit_none": {"en": "No credit", "fr": "Aucun crédit"},
    "compare.none": {"en": "None listed", "fr": "Aucun indiqué"},
    "compare.no_date": {"en": "No upcoming date listed", "fr": "Aucune date à venir indiquée"},
})


# Record and provider pages: the next start, related microcredentials, Job Bank links, providers' contact and
# sortable list, outcome reports as cross-tabs and the Find facets by occupation and outcome report.
WORDS.update({
    "next_start": {"en": "Next start", "fr": "Prochain début"},
    "next_start.none": {"en": "no start date after {date} is listed", "fr": "aucune date de début après le {date} n'est indiquée"},
    "next_start.as_of": {"en": "As of {date}, the provider's last update.", "fr": "En date du {date}, dernière mise à jour du fournisseur."},
    "next_start.deadline": {"en": "Apply by {date}.", "fr": "Date limite d'inscription : {date}."},
    "next_start.register": {"en": "How to register (provider's site)", "fr": "Comment s'inscrire (site du fournisseur)"},
    "job_bank": {"en": "Job outlook and wages (Job Bank)", "fr": "Perspectives d'emploi et salaires (Guichet-Emplois)"},
    "job_bank.link": {"en": "{code} on Job Bank", "fr": "{code} sur le Guichet-Emplois"},
    "related": {"en": "Related microcredentials", "fr": "Microtitres connexes"},
    "related.into": {"en": "Stacks into or leads to", "fr": "S'empile dans ou mène à"},
    "related.from": {"en": "Builds on", "fr": "S'appuie sur"},
    "related.noc": {"en": "From this provider, for the same occupation", "fr": "Du même fournisseur, pour la même profession"},
    "related.cip": {"en": "From this provider, in the same field of study", "fr": "Du même fournisseur, dans le même domaine d'études"},
    "related.find": {"en": "From every provider", "fr": "De tous les fournisseurs"},
    "related.find_noc": {"en": "All microcredentials for {occupation}", "fr": "Tous les microtitres pour {occupation}"},
    "related.find_cip": {"en": "All microcredentials in {field}", "fr": "Tous les microtitres en {field}"},
    "provider.contact": {"en": "Contact", "fr": "Coordonnées"},
    "provider.no_contact": {"en": "The provider gives no contact details.", "fr": "Le fournisseur ne donne aucune coordonnée."},
    "provider.find": {"en": "Search and filter the microcredentials of {name}", "fr": "Rechercher et filtrer les microtitres de {name}"},
    "provider.sort_hint": {"en": "select a column heading to sort", "fr": "choisissez un en-tête de colonne pour trier"},
    "provider.workload": {"en": "Workload", "fr": "Charge de travail"},
    "provider.weeks": {"en": "{weeks} weeks", "fr": "{weeks} semaines"},
    "provider.hours": {"en": "{hours} hours", "fr": "{hours} heures"},
    "provider.outcomes": {"en": "Outcome reports", "fr": "Rapports de résultats"},
    "outcomes.report": {"en": "Report for {period}", "fr": "Rapport pour la période {period}"},
    "outcomes.source": {"en": "Data source", "fr": "Source des données"},
    "outcomes.all": {"en": "All learners", "fr": "Ensemble des personnes apprenantes"},
    "outcomes.by": {"en": "By {dimension}", "fr": "Selon : {dimension}"},
    "outcomes.group": {"en": "Group", "fr": "Groupe"},
    "outcomes.share_of": {"en": "% of {base}", "fr": "% des {base}"},
    "outcomes.percent": {"en": "%", "fr": "%"},
    "outcomes.median_of": {"en": "median of {base}", "fr": "médiane des {base}"},
    "outcomes.n": {"en": "n = {n}", "fr": "n = {n}"},
    "outcomes.rule_heading": {"en": "Suppressed cells", "fr": "Cellules supprimées"},
    "outcomes.rule": {
        "en": "to protect learners' privacy, a count below {minimum} is not published, nor is a rate or a median that "
        "rests on fewer than {minimum} people, nor any figure from which such a count could be worked out by "
        "subtracting published figures (from a total or from another measure of the same group).",
        "fr": "pour protéger la vie privée des personnes apprenantes, un effectif inférieur à {minimum} n'est pas publié, "
        "pas plus qu'un taux ou une médiane qui repose sur moins de {minimum} personnes, ni aucun chiffre qui "
        "permettrait de retrouver un tel effectif par soustraction de chiffres publiés (d'un total ou d'une autre "
        "mesure du même groupe).",
    },
    "outcomes.rounding": {
        "en": "Published counts are randomly rounded to a multiple of {base}.",
        "fr": "Les effectifs publiés sont arrondis au hasard à un multiple de {base}.",
    },
    "outcomes.policy": {"en": "The provider's policy", "fr": "Politique du fournisseur"},
    "facet.occupation": {"en": "Occupation (NOC unit group)", "fr": "Profession (groupe de base de la CNP)"},
    "facet.outcomes": {"en": "Has an outcome report", "fr": "A un rapport de résultats"},
})


# The home page's catalogue block and the portal's one search (mcds/portal/home.py, mcds/portal/search.py).
MESSAGES.update({
    "portal.search.failed": {
        "en": "The search index ({lang}) could not be written: {reason}. Reinstall MCDS with its portal extra "
        "(pip install 'mcds[portal]'), which brings the Pagefind program.",
        "fr": "L'index de recherche ({lang}) n'a pas pu être écrit : {reason}. Réinstallez MCDS avec son extra "
        "portal (pip install 'mcds[portal]'), qui apporte le programme Pagefind.",
    },
})
WORDS.update({
    "home.lead": {
        "en": "Short, assessed certifications offered across Canada, in one catalogue: search by keyword, or choose "
        "a province.",
        "fr": "Des attestations courtes et évaluées offertes partout au Canada, dans un seul catalogue : cherchez "
        "par mot-clé ou choisissez une province.",
    },
    "home.keywords": {"en": "Keywords", "fr": "Mots-clés"},
    "home.keywords.hint": {
        "en": "A subject, a job, a skill or a provider, for example welding or health care",
        "fr": "Un sujet, un métier, une compétence ou un fournisseur, par exemple soudage ou soins de santé",
    },
    "home.province": {"en": "Province or territory", "fr": "Province ou territoire"},
    "home.province.any": {"en": "All provinces and territories", "fr": "Toutes les provinces et tous les territoires"},
    "home.submit": {"en": "Find", "fr": "Trouver"},
    "home.counts": {"en": "In the catalogue:", "fr": "Dans le catalogue :"},
    "home.counts.records": {"en": "microcredentials", "fr": "microtitres"},
    "home.counts.records.one": {"en": "microcredential", "fr": "microtitre"},
    "home.counts.providers": {"en": "providers", "fr": "fournisseurs"},
    "home.counts.providers.one": {"en": "provider", "fr": "fournisseur"},
    "home.counts.provinces": {"en": "provinces and territories", "fr": "provinces et territoires"},
    "home.counts.provinces.one": {"en": "province or territory", "fr": "province ou territoire"},
    "home.shortcuts": {"en": "Start with", "fr": "Pour commencer"},
    "home.online": {"en": "Online", "fr": "En ligne"},
    "home.under_500": {"en": "Under $500", "fr": "Moins de 500\u00a0$"},
    "home.student_aid": {"en": "Eligible for student aid", "fr": "Admissibles à l'aide financière aux études"},
    "home.occupations": {"en": "By occupation", "fr": "Par profession"},
    "search.page": {"en": "Search the portal", "fr": "Rechercher dans le portail"},
    "search.page.description": {
        "en": "Search the microcredentials, their providers and the standard's documentation, in one place.",
        "fr": "Cherchez parmi les microtitres, leurs fournisseurs et la documentation de la norme, en un seul endroit.",
    },
    "search.field": {"en": "Search for", "fr": "Rechercher"},
    "search.submit": {"en": "Search", "fr": "Rechercher"},
    "search.open": {"en": "Search", "fr": "Rechercher"},
    "search.count": {"en": "{count} results for “{query}”", "fr": "{count} résultats pour «\u00a0{query}\u00a0»"},
    "search.count.one": {"en": "1 result for “{query}”", "fr": "1 résultat pour «\u00a0{query}\u00a0»"},
    "search.none": {
        "en": "No results for “{query}”. Check the spelling, use fewer words, or browse the catalogue.",
        "fr": "Aucun résultat pour «\u00a0{query}\u00a0». Vérifiez l'orthographe, utilisez moins de mots ou "
        "parcourez le catalogue.",
    },
    "search.loading": {"en": "Searching…", "fr": "Recherche en cours…"},
    "search.failed": {
        "en": "The search could not load. Use the catalogue's filters instead.",
        "fr": "La recherche n'a pas pu se charger. Utilisez plutôt les filtres du catalogue.",
    },
    "search.needs_js": {
        "en": "The search needs JavaScript. Without it, find microcredentials with the catalogue's lists.",
        "fr": "La recherche a besoin de JavaScript. Sans lui, trouvez des microtitres avec les listes du catalogue.",
    },
    "search.kind.microcredential": {"en": "Microcredential", "fr": "Microtitre"},
    "search.kind.provider": {"en": "Provider", "fr": "Fournisseur"},
    "search.kind.documentation": {"en": "Documentation", "fr": "Documentation"},
    "sort.relevance": {"en": "Relevance", "fr": "Pertinence"},
})


def word(key: str, lang: str, **values: object) -> str:
    """The page word `key` in `lang`, with `values` filled in."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text


# `mcds build`: what the submissions folder holds that is not a submission, and the summary of the catalogue.
MESSAGES.update({
    "portal.build.skipped.hidden": {
        "en": "Skipped: {path} is hidden (its name starts with a dot). Rename it if it is a submission.",
        "fr": "Ignoré : {path} est caché (son nom commence par un point). Renommez-le s'il s'agit d'une soumission.",
    },
    "portal.build.skipped.lock": {
        "en": "Skipped: {path} is the lock file a spreadsheet keeps while a workbook is open. Close the workbook "
        "before building.",
        "fr": "Ignoré : {path} est le fichier de verrouillage qu'un tableur garde pendant qu'un classeur est ouvert. "
        "Fermez le classeur avant la construction.",
    },
    "portal.build.skipped.no-descriptor": {
        "en": "Skipped: the folder {path} has no datapackage.json, so it is not a data package. Copy "
        "schema/generated/datapackage.json into it beside the CSV files, or remove the folder.",
        "fr": "Ignoré : le dossier {path} n'a pas de datapackage.json; ce n'est donc pas un paquet de données. "
        "Copiez-y schema/generated/datapackage.json, à côté des fichiers CSV, ou retirez le dossier.",
    },
    "portal.build.skipped.spreadsheet": {
        "en": "Skipped: {path} is a spreadsheet but not an .xlsx workbook. Save it as Excel .xlsx (in LibreOffice: "
        "File > Save As > Excel 2007-365), named after the provider's identifier.",
        "fr": "Ignoré : {path} est un classeur, mais pas au format .xlsx. Enregistrez-le au format Excel .xlsx (dans "
        "LibreOffice : Fichier > Enregistrer sous > Excel 2007-365), sous l'identifiant du fournisseur.",
    },
    "portal.build.skipped.table": {
        "en": "Skipped: {path} is a table on its own. A provider's CSV tables go in a folder named after the "
        "provider's identifier, with datapackage.json.",
        "fr": "Ignoré : {path} est une table isolée. Les tables CSV d'un fournisseur vont dans un dossier qui porte "
        "l'identifiant du fournisseur, avec datapackage.json.",
    },
    "portal.build.skipped.unknown-form": {
        "en": "Skipped: {path} is not a submission. A submission is a data-package folder, or a .zip, .xlsx or "
        ".json file, named after the provider's identifier.",
        "fr": "Ignoré : {path} n'est pas une soumission. Une soumission est un dossier de paquet de données, ou un "
        "fichier .zip, .xlsx ou .json, qui porte l'identifiant du fournisseur.",
    },
    "portal.build.skip_reason.hidden": {"en": "hidden", "fr": "caché"},
    "portal.build.skip_reason.lock": {"en": "lock file of an open workbook", "fr": "verrou d'un classeur ouvert"},
    "portal.build.skip_reason.no-descriptor": {"en": "no datapackage.json", "fr": "sans datapackage.json"},
    "portal.build.skip_reason.spreadsheet": {"en": "not .xlsx", "fr": "pas au format .xlsx"},
    "portal.build.skip_reason.table": {"en": "a table without its package", "fr": "table sans son paquet"},
    "portal.build.skip_reason.unknown-form": {"en": "not a submission", "fr": "pas une soumission"},
    "portal.build.summary": {
        "en": "Submissions in {path}: published {published}, not published {rejected}, skipped {skipped}.",
        "fr": "Soumissions dans {path} : publiées {published}, non publiées {rejected}, ignorées {skipped}.",
    },
    "portal.build.summary_rejected": {
        "en": "Not published: {entries}.",
        "fr": "Non publiées : {entries}.",
    },
    "portal.build.why_not.contested": {
        "en": "another submission claims {identifier} too",
        "fr": "une autre soumission revendique aussi {identifier}",
    },
    "portal.build.why_not.misnamed": {"en": "declares the provider {declared}", "fr": "déclare le fournisseur {declared}"},
    "portal.build.why_not.invalid": {"en": "errors: {errors}", "fr": "erreurs : {errors}"},
    "portal.build.summary_skipped": {
        "en": "Skipped: {entries}.",
        "fr": "Ignorées : {entries}.",
    },
    "portal.build.no_submissions": {
        "en": "{path} does not exist: the catalogue is empty. Give the folder of submissions with --submissions.",
        "fr": "{path} n'existe pas : le catalogue est vide. Indiquez le dossier des soumissions avec --submissions.",
    },
})
