"""The words of `mcds harvest` and of its status records, in English and French (the "harvest" namespace of
mcds.i18n). Reasons are kept in both languages in each status record, so the portal shows them in its own."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "harvest.needs_httpx": {
        "en": "mcds harvest needs the portal's extra packages: pip install 'mcds[portal]'.",
        "fr": "mcds harvest a besoin des paquets supplémentaires du portail : pip install 'mcds[portal]'.",
    },
    "harvest.registry.missing": {
        "en": "The publisher registry {path} does not exist or is not a CSV file.",
        "fr": "Le registre des éditeurs {path} n'existe pas ou n'est pas un fichier CSV.",
    },
    "harvest.registry.no_schema": {
        "en": "No table schema beside the registry: {schema} is missing. Keep publishers.schema.json beside publishers.csv.",
        "fr": "Aucun schéma de table à côté du registre : {schema} est absent. Gardez publishers.schema.json à côté de "
        "publishers.csv.",
    },
    "harvest.registry.invalid": {
        "en": "The publisher registry {path} does not match its table schema; nothing was fetched:\n{problems}",
        "fr": "Le registre des éditeurs {path} ne respecte pas son schéma de table; rien n'a été téléchargé :\n{problems}",
    },
    "harvest.registry.problem": {
        "en": "row {row}, column \"{column}\": {problem}",
        "fr": "ligne {row}, colonne « {column} » : {problem}",
    },
    "harvest.registry.problem.type": {
        "en": "\"{value}\" is not of the expected form",
        "fr": "« {value} » n'a pas la forme attendue",
    },
    "harvest.registry.problem.constraint": {
        "en": "\"{value}\" breaks the rule \"{rule}\" of this column",
        "fr": "« {value} » enfreint la règle « {rule} » de cette colonne",
    },
    "harvest.registry.problem.missing": {
        "en": "a value is required",
        "fr": "une valeur est obligatoire",
    },
    "harvest.registry.problem.duplicate": {
        "en": "\"{value}\" is already listed on another row",
        "fr": "« {value} » figure déjà sur une autre ligne",
    },
    "harvest.registry.problem.header": {
        "en": "the header must be exactly: {expected}",
        "fr": "l'en-tête doit être exactement : {expected}",
    },
    "harvest.registry.problem.row": {
        "en": "the row does not have the columns of the header",
        "fr": "la ligne n'a pas les colonnes de l'en-tête",
    },
    "harvest.out.is_file": {
        "en": "--out {path} is a file: give a folder for the harvested data, such as harvested/.",
        "fr": "--out {path} est un fichier : donnez un dossier pour les données moissonnées, comme harvested/.",
    },
    "harvest.out.inside_input": {
        "en": "--out {path} must not hold or lie in the registry's folder {registry}: choose a folder of its own.",
        "fr": "--out {path} ne doit ni contenir le dossier du registre {registry} ni s'y trouver : choisissez un "
        "dossier bien à lui.",
    },
    "harvest.busy": {
        "en": "Another harvest is writing {path} right now: wait for it to end, then harvest again.",
        "fr": "Une autre moisson écrit dans {path} en ce moment : attendez qu'elle se termine, puis relancez-la.",
    },
    "harvest.line": {
        "en": "{publisher}: {verdict} (HTTP {status}; errors: {errors}, warnings: {warnings}){reason}{kept}",
        "fr": "{publisher} : {verdict} (HTTP {status}; erreurs : {errors}, avertissements : {warnings}){reason}{kept}",
    },
    "harvest.done": {
        "en": "Harvested {count} publishers into {path} in {seconds:.1f} s: {published} new data published, {unchanged} "
        "unchanged, {stale} keeping their last good data, {missing} without data. Next: mcds build --submissions {path}",
        "fr": "{count} éditeurs moissonnés dans {path} en {seconds:.1f} s : {published} nouvelles données publiées, "
        "{unchanged} inchangées, {stale} gardant leurs dernières bonnes données, {missing} sans données. Ensuite : "
        "mcds build --submissions {path}",
    },
    # Verdicts of an attempt: status records keep the code, pages and messages show these words.
    "harvest.verdict.published": {"en": "new data published", "fr": "nouvelles données publiées"},
    "harvest.verdict.unchanged": {"en": "unchanged", "fr": "inchangées"},
    "harvest.verdict.invalid": {"en": "invalid", "fr": "non valides"},
    "harvest.verdict.unreachable": {"en": "unreachable", "fr": "inaccessibles"},
    "harvest.verdict.refused": {"en": "refused", "fr": "refusées"},
    "harvest.kept": {"en": "the last good data is kept", "fr": "les dernières bonnes données sont gardées"},
    # Reasons, kept in both languages in the status records.
    "harvest.reason.timeout": {
        "en": "No answer within {seconds} s.",
        "fr": "Aucune réponse en {seconds} s.",
    },
    "harvest.reason.http_status": {
        "en": "The server answered HTTP {status} at {url}.",
        "fr": "Le serveur a répondu HTTP {status} à {url}.",
    },
    "harvest.reason.connect": {
        "en": "Could not connect to {url}: {detail}.",
        "fr": "Connexion impossible à {url} : {detail}.",
    },
    "harvest.reason.too_large": {
        "en": "The file is larger than the limit of {limit} bytes: the download was stopped.",
        "fr": "Le fichier dépasse la limite de {limit} octets : le téléchargement a été arrêté.",
    },
    "harvest.reason.redirects": {
        "en": "More than {limit} redirects, or a redirect loop, from {url}.",
        "fr": "Plus de {limit} redirections, ou une boucle de redirections, à partir de {url}.",
    },
    "harvest.reason.private": {
        "en": "{host} is at {address}, a private, loopback or link-local address: refused (give --allow-private to "
        "harvest a local network).",
        "fr": "{host} est à l'adresse {address}, privée, de bouclage ou locale au lien : refusée (donnez "
        "--allow-private pour moissonner un réseau local).",
    },
    "harvest.reason.scheme": {
        "en": "Only http and https addresses are fetched, not {url}.",
        "fr": "Seules les adresses http et https sont téléchargées, pas {url}.",
    },
    "harvest.reason.descriptor": {
        "en": "The datapackage.json at {url} cannot be read: {detail}",
        "fr": "Le datapackage.json à {url} est illisible : {detail}",
    },
    "harvest.reason.resource_path": {
        "en": "The datapackage.json names a table at \"{path}\", which is not a path inside the package.",
        "fr": "Le datapackage.json désigne une table à « {path} », qui n'est pas un chemin à l'intérieur du paquet.",
    },
    "harvest.reason.invalid": {
        "en": "The new file has {errors} errors.",
        "fr": "Le nouveau fichier a {errors} erreurs.",
    },
    "harvest.reason.mismatch": {
        "en": "The file declares the provider \"{declared}\", but the registry lists this publisher as \"{publisher}\".",
        "fr": "Le fichier déclare le fournisseur « {declared} », mais le registre inscrit cet éditeur sous « {publisher} ».",
    },
}
