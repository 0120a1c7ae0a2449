"""The validation service's words in English and French: the errors of `POST /api/validate` (each with its HTTP
status in mcds.service.app) and the words of its error page. The "service" namespace of mcds.i18n."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "service.needs_portal": {
        "en": "mcds serve needs the portal's libraries (Starlette, uvicorn, python-multipart): install MCDS with "
        "its portal extra, for example `pip install 'mcds[portal]'`.",
        "fr": "mcds serve a besoin des bibliothèques du portail (Starlette, uvicorn, python-multipart) : installez "
        "MCDS avec son option portal, par exemple `pip install 'mcds[portal]'`.",
    },
    "service.bad_lang": {
        "en": "The language \"{value}\" is not offered: write lang=en or lang=fr.",
        "fr": "La langue « {value} » n'est pas offerte : écrivez lang=en ou lang=fr.",
    },
    "service.bad_format": {
        "en": "The report format \"{value}\" is not offered: write format= followed by one of {formats}.",
        "fr": "Le format de rapport « {value} » n'est pas offert : écrivez format= suivi de l'un de {formats}.",
    },
    "service.not_multipart": {
        "en": "Send the file as multipart/form-data, in a field named file, as the form of the page \"Validate your "
        "file\" does.",
        "fr": "Envoyez le fichier en multipart/form-data, dans un champ nommé file, comme le fait le formulaire de la "
        "page « Valider votre fichier ».",
    },
    "service.malformed": {
        "en": "The upload is not well-formed multipart/form-data, so the file could not be read. Send it again with "
        "the form of the page \"Validate your file\".",
        "fr": "L'envoi n'est pas du multipart/form-data bien formé : le fichier n'a pas pu être lu. Envoyez-le de "
        "nouveau avec le formulaire de la page « Valider votre fichier ».",
    },
    "service.no_file": {
        "en": "The request holds no file. Choose your file in the field named file, then send it again.",
        "fr": "La requête ne contient aucun fichier. Choisissez votre fichier dans le champ nommé file, puis "
        "envoyez-le de nouveau.",
    },
    "service.too_many_parts": {
        "en": "The request holds more than one file or more than {fields} fields. Send one file, with lang, format, "
        "profile and annotate at most.",
        "fr": "La requête contient plus d'un fichier ou plus de {fields} champs. Envoyez un seul fichier, avec au "
        "plus lang, format, profile et annotate.",
    },
    "service.unsupported_file": {
        "en": "\"{name}\" is not a kind of file the validator reads. Send a filled Excel template (.xlsx), a data "
        "package as a .zip (a data-package folder is sent zipped) or a JSON document (.json).",
        "fr": "« {name} » n'est pas un genre de fichier que le validateur lit. Envoyez un gabarit Excel rempli "
        "(.xlsx), un paquet de données en .zip (un dossier de paquet de données est envoyé compressé) ou un "
        "document JSON (.json).",
    },
    "service.too_large": {
        "en": "The upload is larger than {megabytes} MB, the most this service accepts. Validate the file on your "
        "computer with `mcds validate`, which reads much larger files.",
        "fr": "L'envoi dépasse {megabytes} Mo, le maximum que ce service accepte. Validez le fichier sur votre "
        "ordinateur avec `mcds validate`, qui lit des fichiers bien plus gros.",
    },
    "service.slow_upload": {
        "en": "The upload was too slow: nothing arrived for {seconds} seconds, or it took more than {total} seconds "
        "in all. Send the file again.",
        "fr": "L'envoi était trop lent : rien n'est arrivé pendant {seconds} secondes, ou il a duré plus de {total} "
        "secondes en tout. Envoyez le fichier de nouveau.",
    },
    "service.busy": {
        "en": "The service is already validating as many files as it can. Send your file again in {seconds} "
        "seconds.",
        "fr": "Le service valide déjà autant de fichiers qu'il le peut. Envoyez votre fichier de nouveau dans "
        "{seconds} secondes.",
    },
    "service.time_limit": {
        "en": "Validating the file took more than {seconds} seconds, the most this service allows, so it was "
        "stopped. Validate the file on your computer with `mcds validate`.",
        "fr": "La validation du fichier a duré plus de {seconds} secondes, le maximum que ce service permet : elle "
        "a été arrêtée. Validez le fichier sur votre ordinateur avec `mcds validate`.",
    },
    "service.worker_lost": {
        "en": "The validation stopped unexpectedly (it may have run out of memory). Send the file again, or "
        "validate it on your computer with `mcds validate`.",
        "fr": "La validation s'est arrêtée de manière inattendue (la mémoire a pu manquer). Envoyez le fichier de "
        "nouveau, ou validez-le sur votre ordinateur avec `mcds validate`.",
    },
    "service.bug": {
        "en": "The service stopped on an internal error ({error}). This is a bug in MCDS, not a problem with your "
        "file: please report it to the MCDS maintainers, with the file if you can share it.",
        "fr": "Le service s'est arrêté sur une erreur interne ({error}). C'est une anomalie de la NPDM, pas un "
        "problème dans votre fichier : veuillez la signaler aux responsables de la NPDM, avec le fichier si vous "
        "pouvez le communiquer.",
    },
    "service.method": {
        "en": "Send the file with POST to /api/validate, as the form of the page \"Validate your file\" does.",
        "fr": "Envoyez le fichier par POST à /api/validate, comme le fait le formulaire de la page « Valider votre "
        "fichier ».",
    },
    "service.not_found": {
        "en": "The service has no address {path}. Its addresses are /api/validate and /api/health.",
        "fr": "Le service n'a pas d'adresse {path}. Ses adresses sont /api/validate et /api/health.",
    },
    "service.error_title": {
        "en": "Your file was not validated",
        "fr": "Votre fichier n'a pas été validé",
    },
    "service.back": {
        "en": "Back to the page Validate your file",
        "fr": "Retour à la page Valider votre fichier",
    },
}
