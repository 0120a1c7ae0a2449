"""What describes the open data, for people and for machines: schema.org `Dataset` and DCAT-AP metadata that list
every distribution, and an OpenAPI description of the site's static JSON and data addresses.

All of it is written from the list of files (mcds.publish.opendata.OpenData) and the export editions, so that
the metadata names exactly the files the build writes; addresses are absolute under the site's `base_url`.
"""

from __future__ import annotations

from typing import Any

from mcds.i18n import LANGUAGE_NAMES, LANGUAGES, t
from mcds.publish.exports import editions
from mcds.publish.opendata import DataFile, OpenData

LICENCE = {"en": "https://open.canada.ca/en/open-government-licence-canada",
           "fr": "https://ouvert.canada.ca/fr/licence-du-gouvernement-ouvert-canada"}
DCAT_FILE = "catalogue.dcat.jsonld"  # under data/


def openapi_file(lang: str) -> str:
    """The OpenAPI description of one language, under data/."""
    return f"openapi.{lang}.json"


def feed_path(lang: str) -> str:
    """The Atom feed of new and changed records of one language, under the site root. It sits in the language's
    root because the theme fetches "sitemap.xml" beside every <link rel="alternate"> of a page: beside the feed,
    that is the language's own sitemap."""
    return f"{lang}/feed.xml"


WORDS: dict[str, dict[str, str]] = {
    "opendata.title": {"en": "MCDS national catalogue of microcredentials",
                       "fr": "Catalogue national des microtitres de la NPDM"},
    "opendata.description": {
        "en": "Every microcredential published on the MCDS portal by Canadian providers, validated against the "
              "Pan-Canadian Microcredential Data Standard: providers, microcredentials, learning outcomes, "
              "assessments, costs and aid, offerings, employer engagement, recognition, alignment and "
              "aggregated outcome reports.",
        "fr": "Tous les microtitres publiés sur le portail de la NPDM par des établissements canadiens, validés "
              "selon la Norme pancanadienne de données sur les microtitres : établissements, microtitres, "
              "résultats d'apprentissage, évaluations, coûts et aide financière, offres, engagement des "
              "employeurs, reconnaissance, alignement et rapports de résultats agrégés.",
    },
    "opendata.publisher": {"en": "MCDS Working Group", "fr": "Groupe de travail de la NPDM"},
    "opendata.keywords": {"en": "microcredentials|short credentials|skills|labour market|post-secondary education",
                          "fr": "microtitres|titres de courte durée|compétences|marché du travail|"
                                "enseignement postsecondaire"},
    "opendata.table_csv": {"en": "The table {table} (CSV)", "fr": "La table {table} (CSV)"},
    "opendata.table_parquet": {"en": "The table {table} (Parquet, typed columns)",
                               "fr": "La table {table} (Parquet, colonnes typées)"},
    "opendata.package": {"en": "The Frictionless data package: every table's CSV file, size and checksum",
                         "fr": "Le paquet de données Frictionless : le fichier CSV, la taille et la somme de "
                               "contrôle de chaque table"},
    "opendata.dictionary": {"en": "The data dictionary: every column of every table, its type and meaning",
                            "fr": "Le dictionnaire de données : chaque colonne de chaque table, son type et son sens"},
    "opendata.json": {"en": "The whole catalogue as one JSON document, shaped like a submission",
                      "fr": "Tout le catalogue en un seul document JSON, de la forme d'une soumission"},
    "opendata.xlsx": {"en": "The whole catalogue as one Excel workbook, one sheet per table",
                      "fr": "Tout le catalogue en un classeur Excel, une feuille par table"},
    "opendata.bulk": {"en": "The whole catalogue in {format}", "fr": "Tout le catalogue en {format}"},
    "opendata.feed": {"en": "New and changed microcredentials (Atom feed, {language})",
                      "fr": "Microtitres nouveaux et modifiés (fil Atom, {language})"},
    "opendata.dcat": {"en": "This dataset's DCAT-AP metadata (JSON-LD)",
                      "fr": "Les métadonnées DCAT-AP de ce jeu de données (JSON-LD)"},
    "opendata.openapi": {"en": "The OpenAPI description of these addresses ({language})",
                         "fr": "La description OpenAPI de ces adresses ({language})"},
    "opendata.api.title": {"en": "MCDS open data: static API", "fr": "Données ouvertes de la NPDM : API statique"},
    "opendata.api.description": {
        "en": "Read-only files published with every build of the portal: the catalogue as a whole, each table, "
              "each microcredential and each provider's published submission, in the standard's form and in "
              "the export formats. Plain GET requests; no key, no account.",
        "fr": "Fichiers en lecture seule publiés à chaque construction du portail : tout le catalogue, chaque "
              "table, chaque microtitre et la soumission publiée de chaque établissement, dans la forme de la "
              "norme et dans les formats d'exportation. Simples requêtes GET, sans clé ni compte.",
    },
    "opendata.api.record": {"en": "One published microcredential, in the standard's JSON form",
                            "fr": "Un microtitre publié, dans la forme JSON de la norme"},
    "opendata.api.submission": {
        "en": "One provider's published submission, with the checksum of what was validated",
        "fr": "La soumission publiée d'un établissement, avec la somme de contrôle de ce qui a été validé"},
    "opendata.api.export": {"en": "One microcredential in {format}", "fr": "Un microtitre en {format}"},
    "opendata.api.table_csv": {"en": "One table of the catalogue (CSV)", "fr": "Une table du catalogue (CSV)"},
    "opendata.api.table_parquet": {"en": "One table of the catalogue (Parquet)",
                                   "fr": "Une table du catalogue (Parquet)"},
    "opendata.api.id": {"en": "The microcredential's identifier (provider.code)",
                        "fr": "L'identifiant du microtitre (établissement.code)"},
    "opendata.api.provider": {"en": "The provider's identifier", "fr": "L'identifiant de l'établissement"},
    "opendata.api.table": {"en": "The table's name", "fr": "Le nom de la table"},
    "opendata.api.missing": {"en": "No such file", "fr": "Aucun fichier de ce nom"},
}


def _both(key: str, **values: Any) -> list[dict[str, str]]:
    return [{"@value": t(key, lang, **values), "@language": lang} for lang in LANGUAGES]


def _format_name(edition: Any, lang: str) -> str:
    names = {"ctdl": "CTDL", "elm": "ELM (Europass)", "ob3": "Open Badges 3.0", "schemaorg": "schema.org"}
    return names[edition.format] + (f" ({edition.lang})" if edition.lang else "")


def describe(file: DataFile, lang: str) -> str:
    """What an open-data file is, in `lang` (the Downloads page and the metadata say it alike)."""
    key = {"csv": "opendata.table_csv", "parquet": "opendata.table_parquet", "package": "opendata.package",
           "dictionary": "opendata.dictionary", "json": "opendata.json", "xlsx": "opendata.xlsx"}[file.kind]
    return t(key, lang, table=file.table or "")


def distributions(open_data: OpenData, base_url: str, lang: str) -> list[dict[str, Any]]:
    """Every published file of the dataset: {url, name, media_type, size (None where the build does not know it
    before writing it), table (for a table's file)}."""
    found = []
    for file in open_data.files:
        found.append({"url": f"{base_url}data/{file.path}", "name": describe(file, lang),
                      "media_type": file.media_type, "size": file.size, "table": file.table})
    for edition in editions():
        found.append({"url": f"{base_url}data/{edition.bulk}", "media_type": edition.media_type, "size": None, "table": None,
                      "name": t("opendata.bulk", lang, format=_format_name(edition, lang))})
    for code in LANGUAGES:
        found.append({"url": f"{base_url}{feed_path(code)}", "media_type": "application/atom+xml", "size": None, "table": None,
                      "name": t("opendata.feed", lang, language=LANGUAGE_NAMES[code][lang])})
    return found


def dataset(open_data: OpenData, base_url: str, lang: str, page_url: str) -> dict[str, Any]:
    """The schema.org `Dataset` of the catalogue, in one language, for the Downloads page (`page_url`)."""
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": f"{base_url}data/#dataset",
        "name": t("opendata.title", lang),
        "description": t("opendata.description", lang),
        "url": page_url,
        "inLanguage": list(LANGUAGES),
        "license": LICENCE[lang],
        "isAccessibleForFree": True,
        "keywords": t("opendata.keywords", lang).split("|"),
        "spatialCoverage": {"@type": "Place", "name": "Canada"},
        "creator": {"@type": "Organization", "name": t("opendata.publisher", lang)},
        "publisher": {"@type": "Organization", "name": t("opendata.publisher", lang)},
        **({"dateModified": open_data.updated} if open_data.updated else {}),
        "distribution": [
            {"@type": "DataDownload", "name": d["name"], "contentUrl": d["url"], "encodingFormat": d["media_type"],
             **({"contentSize": f"{d['size']} B"} if d["size"] is not None else {})}
            for d in distributions(open_data, base_url, lang)
        ],
    }


IANA = "http://www.iana.org/assignments/media-types/"
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def dcat(open_data: OpenData, base_url: str) -> dict[str, Any]:
    """The catalogue as a DCAT-AP `dcat:Dataset` in a `dcat:Catalog`, titles in both languages, one
    `dcat:Distribution` per published file (DCAT-AP's mandatory access URL, with download URL, media type and,
    where known, byte size)."""
    english = distributions(open_data, base_url, "en")
    french = distributions(open_data, base_url, "fr")
    modified = {"dct:modified": {"@value": open_data.updated, "@type": "xsd:date"}} if open_data.updated else {}
    return {
        "@context": DCAT_CONTEXT,
        "@id": f"{base_url}data/{DCAT_FILE}",
        "@type": "dcat:Catalog",
        "dct:title": _both("opendata.title"),
        "dct:description": _both("opendata.description"),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": _both("opendata.publisher")},
        "dcat:dataset": {
            "@id": f"{base_url}data/#dataset",
            "@type": "dcat:Dataset",
            "dct:title": _both("opendata.title"),
            "dct:description": _both("opendata.description"),
            "dct:publisher": {"@type": "foaf:Agent", "foaf:name": _both("opendata.publisher")},
            "dct:license": {"@id": LICENCE["en"]},
            "dct:language": [{"@id": f"http://publications.europa.eu/resource/authority/language/{code}"}
                             for code in ("ENG", "FRA")],
            "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/CAN"},
            "dcat:keyword": [{"@value": word, "@language": lang} for lang in LANGUAGES
                             for word in t("opendata.keywords", lang).split("|")],
            "dcat:landingPage": [{"@id": f"{base_url}{lang}/reference/downloads/"} for lang in LANGUAGES],
            **modified,
            "dcat:distribution": [
                {
                    "@id": en["url"],
                    "@type": "dcat:Distribution",
                    "dct:title": [{"@value": en["name"], "@language": "en"}, {"@value": fr["name"], "@language": "fr"}],
                    "dcat:accessURL": {"@id": en["url"]},
                    "dcat:downloadURL": {"@id": en["url"]},
                    "dcat:mediaType": {"@id": IANA + en["media_type"]},
                    "dct:license": {"@id": LICENCE["en"]},
                    **({"dcat:byteSize": {"@value": str(en["size"]), "@type": "xsd:nonNegativeInteger"}}
                       if en["size"] is not None else {}),
                    **modified,
                }
                for en, fr in zip(english, french, strict=True)
            ],
        },
    }


def _get(summary: str, media_type: str, parameters: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    content_schema = {"type": "object"} if media_type.endswith("json") else {"type": "string", "format": "binary"}
    return {"get": {
        "summary": summary,
        **({"parameters": parameters} if parameters else {}),
        "responses": {
            "200": {"description": summary, "content": {media_type: {"schema": content_schema}}},
            "404": {"description": "", "content": {}},
        },
    }}


def openapi(open_data: OpenData, base_url: str, lang: str) -> dict[str, Any]:
    """The OpenAPI 3.1 description, in `lang`, of the addresses the build publishes: whole-catalogue files,
    each table, each record, each provider's submission, each record in each export format, the feeds."""
    def words(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    def parameter(name: str, key: str, values: list[str] | None = None) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"}
        if values:
            schema["enum"] = values
        return {"name": name, "in": "path", "required": True, "description": words(key), "schema": schema}

    tables = sorted({file.table for file in open_data.files if file.table})
    paths: dict[str, Any] = {}
    for distribution in distributions(open_data, base_url, lang):
        if not distribution["table"]:  # tables have one templated address per format, below
            paths["/" + distribution["url"].removeprefix(base_url)] = _get(distribution["name"], distribution["media_type"])
    paths["/data/catalogue/{table}.csv"] = _get(words("opendata.api.table_csv"), "text/csv",
                                                [parameter("table", "opendata.api.table", tables)])
    paths["/data/catalogue/{table}.parquet"] = _get(words("opendata.api.table_parquet"), "application/vnd.apache.parquet",
                                                    [parameter("table", "opendata.api.table", tables)])
    paths["/data/microcredentials/{id}.json"] = _get(words("opendata.api.record"), "application/json",
                                                     [parameter("id", "opendata.api.id")])
    paths["/data/submissions/{provider}.json"] = _get(words("opendata.api.submission"), "application/json",
                                                      [parameter("provider", "opendata.api.provider")])
    for edition in editions():
        paths[f"/data/{edition.folder}/{{id}}.json"] = _get(
            words("opendata.api.export", format=_format_name(edition, lang)), edition.media_type,
            [parameter("id", "opendata.api.id")])
    paths[f"/data/{DCAT_FILE}"] = _get(words("opendata.dcat"), "application/ld+json")
    for code in LANGUAGES:
        paths[f"/data/{openapi_file(code)}"] = _get(
            words("opendata.openapi", language=LANGUAGE_NAMES[code][lang]), "application/json")
    for operation in paths.values():
        operation["get"]["responses"]["404"]["description"] = words("opendata.api.missing")
    return {
        "openapi": "3.1.0",
        "info": {"title": words("opendata.api.title"), "description": words("opendata.api.description"),
                 "version": "1", "license": {"name": "OGL-Canada-2.0", "url": LICENCE[lang]}},
        "servers": [{"url": base_url.rstrip("/")}],
        "paths": dict(sorted(paths.items())),
    }
