"""Messages of the commands and of the errors the library raises (`McdsError(key, ...)`), in English and French.

Plain data: a table of mcds.i18n's registry. Messages of the portal live in mcds.portal.words."""

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
    "validate.unknown_profile": {
        "en": "Version {version} of the standard has no profile \"{profile}\". Profiles: {known}.",
        "fr": "La version {version} de la norme n'a pas de profil « {profile} ». Profils : {known}.",
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
    "migrate.done": {
        "en": "Moved {source} from version {old} to {new} in {path}: {applied} mechanical changes applied.",
        "fr": "{source} est passé de la version {old} à {new} dans {path} : {applied} modifications mécaniques appliquées.",
    },
    "migrate.left": {
        "en": "Not done, to handle by hand: {change}",
        "fr": "Non fait, à traiter à la main : {change}",
    },
    "migrate.next": {
        "en": "Check the result with: mcds validate {path}",
        "fr": "Vérifiez le résultat avec : mcds validate {path}",
    },
    "migrate.unknown_version": {
        "en": "{version} is not a version of the standard. Versions: {known}.",
        "fr": "{version} n'est pas une version de la norme. Versions : {known}.",
    },
    "migrate.unusable": {
        "en": "{path} cannot be read as a submission: run `mcds validate {path}` to see why.",
        "fr": "{path} ne peut pas être lu comme une soumission : lancez `mcds validate {path}` pour savoir pourquoi.",
    },
    "migrate.backwards": {
        "en": "The submission follows version {version}; it cannot be moved back to {target}.",
        "fr": "La soumission suit la version {version}; elle ne peut pas revenir à {target}.",
    },
    # mcds convert: one submission in another form, at the same version.
    "convert.done": {
        "en": "Converted {source} to {path} ({form}), standard version {version}: {rows} rows.",
        "fr": "{source} a été converti en {path} ({form}), version {version} de la norme : {rows} lignes.",
    },
    "convert.row": {"en": "row {row}", "fr": "ligne {row}"},
    "convert.unfit": {
        "en": "Kept as written, as text (the value does not fit the column's type): {cells}.",
        "fr": "Conservé tel qu'écrit, comme texte (la valeur ne convient pas au type de la colonne) : {cells}.",
    },
    "convert.dropped": {
        "en": "Not carried over, as this form has no place for them (a second submission row, or rows whose "
        "parent row is missing): {tables}.",
        "fr": "Non repris, car cette forme n'a pas de place pour elles (une deuxième ligne de submission, ou des "
        "lignes dont la ligne parente manque) : {tables}.",
    },
    "convert.unread": {
        "en": "Not carried over, as they are not columns of the standard: {columns}.",
        "fr": "Non reprises, car ce ne sont pas des colonnes de la norme : {columns}.",
    },
    "convert.invalid": {
        "en": "{source} is not valid ({errors} errors, {warnings} warnings): it was converted as far as it can be "
        "read. Run `mcds validate {source}` to see what to fix.",
        "fr": "{source} n'est pas valide ({errors} erreurs, {warnings} avertissements) : il a été converti dans la "
        "mesure où il peut être lu. Lancez `mcds validate {source}` pour voir quoi corriger.",
    },
    "convert.valid": {
        "en": "{source} is valid ({warnings} warnings).",
        "fr": "{source} est valide ({warnings} avertissements).",
    },
    "convert.unusable": {
        "en": "{path} cannot be read as a submission, so nothing was converted: run `mcds validate {path}` to see why.",
        "fr": "{path} ne peut pas être lu comme une soumission; rien n'a donc été converti : lancez "
        "`mcds validate {path}` pour savoir pourquoi.",
    },
    "convert.unknown_form": {
        "en": "{form} is not a form MCDS writes. Forms: {forms}.",
        "fr": "{form} n'est pas une forme qu'écrit MCDS. Formes : {forms}.",
    },
    "convert.suffix": {
        "en": "--out {path} must end in {suffix} for --to {form}.",
        "fr": "--out {path} doit se terminer par {suffix} pour --to {form}.",
    },
    "convert.out_is_folder": {
        "en": "--out {path} is a folder: give the file to write, or use --to folder.",
        "fr": "--out {path} est un dossier : indiquez le fichier à écrire, ou utilisez --to folder.",
    },
    "import.done": {
        "en": "Imported {count} microcredentials into {path}. Complete what is listed below, then run mcds validate.",
        "fr": "{count} microtitres importés dans {path}. Complétez ce qui est indiqué ci-dessous, puis lancez mcds validate.",
    },
    "import.needs": {
        "en": "The standard still needs {count} required fields that CTDL did not give (also listed in {file}):",
        "fr": "La norme exige encore {count} champs obligatoires que le CTDL n'a pas fournis (aussi énumérés dans {file}) :",
    },
    "import.need": {
        "en": "{field} ({title}): missing in {count} records: {records}",
        "fr": "{field} ({title}) : absent de {count} enregistrements : {records}",
    },
    "import.unreadable": {
        "en": "{path} cannot be imported: {reason}.",
        "fr": "{path} ne peut pas être importé : {reason}.",
    },
    "import.not_ctdl": {
        "en": "{path} is not CTDL JSON-LD: expected an object with a \"@graph\" list, a list of resources or one resource with a \"@type\".",
        "fr": "{path} n'est pas du JSON-LD CTDL : un objet avec une liste « @graph », une liste de ressources ou une ressource avec un « @type » était attendu.",
    },
    "import.no_credential": {
        "en": "The file holds no credential to import (no ceterms:MicroCredential or other credential type; types found: {types}).",
        "fr": "Le fichier ne contient aucun titre à importer (aucun ceterms:MicroCredential ni autre type de titre; types trouvés : {types}).",
    },
    "export.written": {
        "en": "{count} records and bulk.json written to {path}.",
        "fr": "{count} fiches et bulk.json écrits dans {path}.",
    },
    "output.cannot_write": {
        "en": "Cannot write {path}: {reason}",
        "fr": "Impossible d'écrire {path} : {reason}",
    },
    "diff.not_found": {
        "en": "{path} is neither a released version (such as 0.1.0, kept in schema/releases/) nor an existing schema file (.yaml) or compiled model (mcds.model.json).",
        "fr": "{path} n'est ni une version publiée (comme 0.1.0, conservée dans schema/releases/) ni un fichier de schéma (.yaml) ou un modèle compilé (mcds.model.json) existant.",
    },
    "diff.unknown_release": {
        "en": "There is no release {version} in schema/releases/ (released: {releases}).",
        "fr": "Il n'y a pas de version {version} dans schema/releases/ (versions publiées : {releases}).",
    },
    "diff.unreadable": {
        "en": "{path} cannot be read as JSON: {reason}",
        "fr": "{path} ne peut pas être lu comme du JSON : {reason}",
    },
    "diff.not_a_model": {
        "en": "{path} is not a compiled model of the standard (mcds.model.json, written by `mcds generate`).",
        "fr": "{path} n'est pas un modèle compilé de la norme (mcds.model.json, écrit par `mcds generate`).",
    },
    "diff.needs_linkml": {
        "en": "Comparing the schema file {path} needs LinkML to compile it. Install it with: pip install -e '.[standard]', or compare released versions or mcds.model.json files.",
        "fr": "Comparer le fichier de schéma {path} exige LinkML pour le compiler. Installez-le avec : pip install -e '.[standard]', ou comparez des versions publiées ou des fichiers mcds.model.json.",
    },
    "release.version_backwards": {
        "en": "The version in schema/mcds.yaml, {version}, is lower than the latest release, {latest}. Versions only go up.",
        "fr": "La version de schema/mcds.yaml, {version}, est inférieure à la dernière version publiée, {latest}. Les versions ne font que monter.",
    },
    "release.bump_too_small": {
        "en": "The schema changed since release {latest} ({count} changes) and needs a {bump} version bump, but schema/mcds.yaml says {version}. Set the version to {suggested} or higher (see `mcds diff {latest} schema/mcds.yaml`), run `mcds generate`, and record the changes in CHANGELOG.md.",
        "fr": "Le schéma a changé depuis la version {latest} ({count} changements) et exige un changement de version {bump} ({required}), mais schema/mcds.yaml indique {version}. Passez la version à {suggested} ou plus (voir `mcds diff {latest} schema/mcds.yaml`), lancez `mcds generate` et consignez les changements dans CHANGELOG.md.",
    },
    "release.removed_without_deprecation": {
        "en": "{elements}: removed without having been deprecated in release {latest}. Deprecate an element in a minor release first, and remove it in a later major release (GOVERNANCE.md, Deprecation).",
        "fr": "{elements} : supprimé sans avoir été rendu obsolète dans la version {latest}. Rendez d'abord l'élément obsolète dans une version mineure, puis supprimez-le dans une version majeure ultérieure (GOVERNANCE.md, Deprecation).",
    },
    "release.changelog_missing": {
        "en": "The schema differs from release {latest} but {file} has no entry for it: describe the changes under \"## [Unreleased]\" or \"## [{version}]\" (a draft: `mcds diff {latest} schema/mcds.yaml --format markdown`); the changelog is kept in English (CHANGELOG.md) and French (CHANGELOG.fr.md).",
        "fr": "Le schéma diffère de la version {latest} mais {file} n'en dit rien : décrivez les changements sous « ## [Unreleased] » ou « ## [{version}] » (une ébauche : `mcds diff {latest} schema/mcds.yaml --format markdown --lang fr`); le journal est tenu en anglais (CHANGELOG.md) et en français (CHANGELOG.fr.md).",
    },
    "release.exists": {
        "en": "Release {version} already exists in {path} and is never overwritten: raise the version in schema/mcds.yaml for a new release.",
        "fr": "La version {version} existe déjà dans {path} et n'est jamais écrasée : augmentez la version dans schema/mcds.yaml pour une nouvelle publication.",
    },
    "release.changelog_version_missing": {
        "en": "{file} has no section \"## [{version}]\": move the Unreleased entries under it, with the date, before releasing.",
        "fr": "{file} n'a pas de section « ## [{version}] » : déplacez-y les entrées non publiées, avec la date, avant de publier.",
    },
    "release.other_root": {
        "en": "mcds release writes releases only in this checkout; for {root}, use mcds release --check.",
        "fr": "mcds release n'écrit de versions que dans ce dépôt; pour {root}, utilisez mcds release --check.",
    },
    "release.no_release": {
        "en": "No release yet: `mcds release` will keep {version} as the first.",
        "fr": "Aucune version publiée : `mcds release` conservera {version} comme la première.",
    },
    "release.same": {
        "en": "The schema is the same as release {latest}.",
        "fr": "Le schéma est identique à la version {latest}.",
    },
    "release.passed": {
        "en": "Version {version} is bumped enough for the {count} changes since release {latest} (they need a {required} bump), and the changelog records them.",
        "fr": "La version {version} est assez augmentée pour les {count} changements depuis la version {latest} (ils exigent un changement {required}), et le journal des modifications les consigne.",
    },
    "release.done": {
        "en": "Released {version} in {path} ({count} files).",
        "fr": "Version {version} publiée dans {path} ({count} fichiers).",
    },
    "suggest.did_you_mean": {
        "en": 'Did you mean "{name}"?',
        "fr": "Vouliez-vous dire « {name} » ?",
    },
    "quote.item": {
        "en": '"{item}"',
        "fr": "« {item} »",
    },
    "codelists.too_large": {
        "en": "{path} is larger than {limit} MB: Statistics Canada's classification tables are far smaller. Check that it is the classification-structure CSV.",
        "fr": "{path} dépasse {limit} Mo : les tables de classification de Statistique Canada sont beaucoup plus petites. Vérifiez qu'il s'agit du fichier CSV de la structure de la classification.",
    },
    "codelists.duplicate_code": {
        "en": "{path} gives the code {code} two different titles: it is not the table as Statistics Canada publishes it. Download the file again.",
        "fr": "{path} donne deux titres différents au code {code} : ce n'est pas la table telle que Statistique Canada la publie. Téléchargez de nouveau le fichier.",
    },
    "codelists.formula": {
        "en": "{path}: the title of the code {code} starts like a spreadsheet formula (=, +, -, @): it is not the table as Statistics Canada publishes it. Download the file again.",
        "fr": "{path} : le titre du code {code} commence comme une formule de tableur (=, +, -, @) : ce n'est pas la table telle que Statistique Canada la publie. Téléchargez de nouveau le fichier.",
    },
    "internal.bug": {
        "en": "mcds stopped on an internal error ({error}). This is a bug in MCDS, not a problem with your data. Please report it to the MCDS maintainers as an issue in the MCDS repository (see CONTRIBUTING.md), with the command you ran and what `mcds --debug` followed by the same command prints.",
        "fr": "La commande mcds s'est arrêtée sur une erreur interne ({error}). C'est une anomalie de la NPDM, pas un problème dans vos données. Veuillez la signaler aux responsables de la NPDM dans le dépôt de la NPDM (voir CONTRIBUTING.md), avec la commande lancée et ce qu'affiche `mcds --debug` suivi de la même commande.",
    },
    "system.cannot_access": {
        "en": "Cannot read or write {path}: {reason}. Check that it exists, that you may read or write it, and that the disk is not full.",
        "fr": "Impossible de lire ou d'écrire {path} : {reason}. Vérifiez qu'il existe, que vous avez le droit de le lire ou de l'écrire, et que le disque n'est pas plein.",
    },
    "archive.too_large": {
        "en": "it expands past the limit of {megabytes} MB or {files} files",
        "fr": "son contenu décompressé dépasse la limite de {megabytes} Mo ou de {files} fichiers",
    },
    "archive.encrypted": {
        "en": "the entry {entry} is encrypted (protected by a password)",
        "fr": "l'entrée {entry} est chiffrée (protégée par un mot de passe)",
    },
    "archive.compression": {
        "en": "the entry {entry} uses a compression method that cannot be read (method {method}, for example Deflate64)",
        "fr": "l'entrée {entry} utilise une méthode de compression illisible (méthode {method}, par exemple Deflate64)",
    },
    "archive.bomb": {
        "en": "the entry {entry} expands more than {ratio} times, as only a zip bomb does",
        "fr": "l'entrée {entry} se décompresse plus de {ratio} fois, comme seule une bombe de décompression le fait",
    },
    "output.is_input": {
        "en": "{path} is {source}, which this command reads: writing there would destroy it. Name a new file or folder.",
        "fr": "{path} désigne {source}, que cette commande lit : y écrire le détruirait. Donnez le nom d'un nouveau fichier ou dossier.",
    },
    "output.inside_input": {
        "en": "{path} is inside {source}, which this command reads: write the output elsewhere, so that the input stays as it is.",
        "fr": "{path} se trouve dans {source}, que cette commande lit : écrivez le résultat ailleurs, pour que l'entrée reste telle quelle.",
    },
    "output.holds_input": {
        "en": "{path} contains {source}, which this command reads: choose an output folder outside it.",
        "fr": "{path} contient {source}, que cette commande lit : choisissez un dossier de sortie situé ailleurs.",
    },
    "output.twice": {
        "en": "--output and --annotate name the same file, {path}: give each its own file.",
        "fr": "--output et --annotate désignent le même fichier, {path} : donnez à chacun son propre fichier.",
    },
    "json.shape.unknown": {
        "en": "{where} is not a property of the standard",
        "fr": "{where} n'est pas une propriété de la norme",
    },
    "json.shape.objects": {
        "en": "{where} must be a list of objects",
        "fr": "{where} doit être une liste d'objets",
    },
    "json.shape.text": {
        "en": "{where} must be an object with an en and/or fr text",
        "fr": "{where} doit être un objet avec un texte en et/ou fr",
    },
    "json.shape.values": {
        "en": "{where} must be a list of values",
        "fr": "{where} doit être une liste de valeurs",
    },
    "json.shape.value": {
        "en": "{where} must be a single value",
        "fr": "{where} doit être une valeur simple",
    },
    "descriptor.no_resources": {
        "en": "it has no list of resources",
        "fr": "il n'a pas de liste de ressources",
    },
    "archive.escapes": {
        "en": "the entry {entry} escapes the folder",
        "fr": "l'entrée {entry} sort du dossier",
    },
    "archive.link": {
        "en": "the entry {entry} is a link",
        "fr": "l'entrée {entry} est un lien",
    },
    "archive.unreadable": {
        "en": "it is not a readable zip file ({detail})",
        "fr": "ce n'est pas un fichier zip lisible ({detail})",
    },
    "json.not_an_object": {
        "en": "its top level is not an object",
        "fr": "son niveau supérieur n'est pas un objet",
    },
    "json.wrong_shape": {
        "en": "a value has the wrong shape ({detail})",
        "fr": "une valeur n'a pas la forme attendue ({detail})",
    },
    "json.too_large": {
        "en": "it is larger than the limit of {megabytes} MB",
        "fr": "il dépasse la limite de {megabytes} Mo",
    },
    "json.too_deep": {
        "en": "arrays and objects are nested more than {depth} levels deep at line {line}, column {column}",
        "fr": "les tableaux et les objets sont imbriqués sur plus de {depth} niveaux à la ligne {line}, colonne {column}",
    },
    "json.duplicate_key": {
        "en": "the key \"{key}\" appears more than once in the same object, at {where}",
        "fr": "la clé « {key} » apparaît plus d'une fois dans le même objet, à {where}",
    },
    "json.duplicate_key_at_top": {
        "en": "the key \"{key}\" appears more than once in the same object, at the top level",
        "fr": "la clé « {key} » apparaît plus d'une fois dans le même objet, au niveau supérieur",
    },
    "json.not_a_number": {
        "en": "{value} is not a number JSON can hold",
        "fr": "{value} n'est pas un nombre que le JSON peut contenir",
    },
    "json.syntax": {
        "en": "it is not valid JSON (line {line}, column {column})",
        "fr": "ce n'est pas du JSON valide (ligne {line}, colonne {column})",
    },
    "json.not_utf8": {
        "en": "it is not UTF-8 text",
        "fr": "ce n'est pas du texte UTF-8",
    },
    "csv.nul_byte": {
        "en": "binary data: a NUL byte at byte {byte}, line {line}",
        "fr": "des données binaires : un octet NUL à l'octet {byte}, ligne {line}",
    },
    "url.unparsable": {
        "en": "it cannot be parsed",
        "fr": "elle ne peut pas être analysée",
    },
    "url.credentials": {
        "en": "it contains a user name or password",
        "fr": "elle contient un nom d'utilisateur ou un mot de passe",
    },
    "url.ip_address": {
        "en": "it names an IP address instead of a host",
        "fr": "elle désigne une adresse IP au lieu d'un hôte",
    },
    "url.not_public": {
        "en": "\"{host}\" is not a public host name",
        "fr": "« {host} » n'est pas un nom d'hôte public",
    },
    "url.bad_host": {
        "en": "its host name is not valid",
        "fr": "son nom d'hôte n'est pas valide",
    },
    "code.not_installed": {
        "en": "it is not in the installed official table",
        "fr": "il ne figure pas dans la table officielle installée",
    },
    "code.not_shipped": {
        "en": "it is not in Statistics Canada's official table ({table})",
        "fr": "il ne figure pas dans la table officielle de Statistique Canada ({table})",
    },
    "code.naics_range": {
        "en": "it is part of the sector {sector}, not a code by itself",
        "fr": "il fait partie du secteur {sector}, ce n'est pas un code à lui seul",
    },
    "code.noc_teer": {
        "en": "its second digit {digit} is not a TEER category (0 to 5)",
        "fr": "son deuxième chiffre {digit} n'est pas une catégorie FEER (0 à 5)",
    },
    "code.cip_series": {
        "en": "{series} is not a CIP 2021 series",
        "fr": "{series} n'est pas une série de la CPE 2021",
    },
    "code.naics_sector": {
        "en": "{sector} is not a NAICS 2022 sector",
        "fr": "{sector} n'est pas un secteur du SCIAN 2022",
    },
    "workbook.too_large": {
        "en": "it expands past the limit of {megabytes} MB for a workbook; send a larger submission as CSV files",
        "fr": "il dépasse une fois décompressé la limite de {megabytes} Mo pour un classeur; envoyez une soumission plus volumineuse en fichiers CSV",
    },
    "workbook.doctype": {
        "en": "the part {part} declares an XML document type or entities",
        "fr": "la partie {part} déclare un type de document ou des entités XML",
    },
    "workbook.invalid": {
        "en": "it is not a valid Excel .xlsx workbook ({detail})",
        "fr": "ce n'est pas un classeur Excel .xlsx valide ({detail})",
    },
    "deprecated.its_replacement": {
        "en": "its replacement",
        "fr": "son remplaçant",
    },
    "csv.wide": {
        "en": "{encoding} (what Excel calls \"Unicode Text\")",
        "fr": "{encoding} (ce qu'Excel appelle « Texte Unicode »)",
    },
    "csv.windows_1252": {
        "en": "Windows-1252 (Excel's \"CSV\" format)",
        "fr": "Windows-1252 (le format « CSV » d'Excel)",
    },
    "csv.other_encoding": {
        "en": "another encoding",
        "fr": "un autre encodage",
    },
    # Hints of validation messages (mcds/validation/hints.py): what the provider most likely meant.
    "hint.or": {
        "en": "{first} or {last}",
        "fr": "{first} ou {last}",
    },
    "hint.char.space": {
        "en": "a space at its start or end",
        "fr": "une espace au début ou à la fin",
    },
    "hint.char.nbsp": {
        "en": "a non-breaking space (often pasted from a web page)",
        "fr": "une espace insécable (souvent collée depuis une page Web)",
    },
    "hint.char.zero_width": {
        "en": "an invisible zero-width character",
        "fr": "un caractère invisible de largeur nulle",
    },
    "hint.char.tab": {
        "en": "a tab character",
        "fr": "un caractère de tabulation",
    },
}
