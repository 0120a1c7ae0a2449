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
    "nav.catalogue": {"en": "Catalogue", "fr": "Catalogue"},
    "find": {"en": "Find a microcredential", "fr": "Trouver un microtitre"},
    "find.description": {
        "en": "Search the national catalogue of microcredentials by keyword, province, provider, cost, duration, "
        "occupation and more.",
        "fr": "Cherchez dans le catalogue national des microtitres par mot-clé, province, fournisseur, coût, durée, "
        "profession et plus encore.",
    },
    "statistics": {"en": "Statistics", "fr": "Statistiques"},
    "statistics.description": {
        "en": "What the catalogue holds: microcredentials by province, provider type, delivery mode, cost, hours, "
        "financial aid, bilingual completeness and reported outcomes.",
        "fr": "Ce que contient le catalogue : microtitres par province, type de fournisseur, mode de prestation, coût, "
        "heures, aide financière, complétude bilingue et résultats déclarés.",
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
    "count": {"en": "Number", "fr": "Nombre"},
    "share": {"en": "Share", "fr": "Proportion"},
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
    "chart.counts": {"en": "Number of microcredentials", "fr": "Nombre de microtitres"},
    "stats.by_province": {"en": "Microcredentials by province or territory", "fr": "Microtitres par province ou territoire"},
    "stats.by_provider_type": {"en": "Microcredentials by provider type", "fr": "Microtitres par type de fournisseur"},
    "stats.by_delivery": {"en": "Microcredentials by delivery mode", "fr": "Microtitres par mode de prestation"},
    "stats.by_cost": {"en": "Cost for a domestic learner", "fr": "Coût pour une personne apprenante canadienne"},
    "stats.by_hours": {"en": "Notional workload", "fr": "Charge de travail théorique"},
    "stats.by_funding": {"en": "Eligible for financial aid, by programme", "fr": "Admissibles à une aide financière, par programme"},
    "stats.bilingual": {"en": "Bilingual completeness by provider", "fr": "Complétude bilingue par fournisseur"},
    "stats.bilingual_note": {
        "en": "Share of the text fields of each provider's microcredentials given in both English and French.",
        "fr": "Proportion des champs de texte des microtitres de chaque fournisseur donnés en anglais et en français.",
    },
    "stats.outcomes": {"en": "Reported enrolments by group", "fr": "Inscriptions déclarées par groupe"},
    "stats.outcomes_note": {
        "en": "Sum of the published enrolment figures of all outcome reports; suppressed cells are not counted.",
        "fr": "Somme des inscriptions publiées de tous les rapports de résultats; les cellules supprimées ne sont pas comptées.",
    },
    "stats.summary": {
        "en": "{microcredentials} microcredentials from {providers} providers.",
        "fr": "{microcredentials} microtitres de {providers} fournisseurs.",
    },
    "hours.under_20": {"en": "Under 20 hours", "fr": "Moins de 20 heures"},
    "hours.20_49": {"en": "20 to 49 hours", "fr": "De 20 à 49 heures"},
    "hours.50_99": {"en": "50 to 99 hours", "fr": "De 50 à 99 heures"},
    "hours.100_plus": {"en": "100 hours or more", "fr": "100 heures ou plus"},
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


def word(key: str, lang: str, **values: object) -> str:
    """The page word `key` in `lang`, with `values` filled in."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text
