"""Bilingual reference pages rendered from the compiled standard: classes, code lists, crosswalk, EU Annex I.

`render_reference(standard, lang)` returns {docs path: Markdown}; the pages are written into the build's
staging folder only, never into docs/. Logic lives here and layout in mcds/portal/templates/*.md.j2.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from mcds.i18n import LANGUAGE_NAMES, LANGUAGES
from mcds.portal import exports_page
from mcds.portal.markdown import code, environment, relative, site_root
from mcds.portal.records import Words
from mcds.portal.reference_model import CROSSWALK_VOCABULARIES, Standard, cardinality, mapping_pairs
from mcds.portal.words import WORDS, word
from mcds.publish import metadata
from mcds.publish.exports import editions
from mcds.publish.gate import Catalogue
from mcds.publish.opendata import OpenData
from mcds.standard import paths, tabular
from mcds.standard.tabular import format_number
from mcds.standard.versions import releases as released_versions
from mcds.standard.versions import version_key
from mcds.util.io import json_text
from mcds.validation.error_catalogue import entries

INDEX = "reference/index.md"
CROSSWALK = "reference/crosswalk.md"
ANNEX = "reference/eu-annex-i.md"
DOWNLOADS = "reference/downloads.md"
DICTIONARY = "reference/data-dictionary.md"
API = "reference/api.md"
RESEARCHERS = "data/researchers.md"  # hand-written, in docs/<lang>/
ERRORS = "reference/errors.md"
EXPORTS = exports_page.PAGE
LAYERS = ("input", "structure", "domain", "quality")  # the error catalogue's sections, in validation order
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def class_page(name: str) -> str:
    return f"reference/classes/{name}.md"


def codelist_page(name: str) -> str:
    return f"reference/codelists/{name}.md"


def _sort_key(text: str) -> str:
    """Alphabetical order that ignores accents and case (É sorts with E)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Pages:
    """The reference pages of one language."""

    def __init__(self, standard: Standard, lang: str) -> None:
        self.standard = standard
        self.lang = lang

    # -- small pieces -------------------------------------------------------------------------------------
    def w(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def text(self, value: dict[str, str] | None) -> str:
        return (value or {}).get(self.lang, "")

    def class_link(self, name: str, source: str, anchor: str = "") -> str:
        title = self.text(self.standard.classes[name]["title"])
        target = relative(class_page(name), source) + (f"#{anchor}" if anchor else "")
        return f"[{title}]({target})"

    def enum_link(self, name: str, source: str) -> str:
        title = self.text(self.standard.enums[name]["title"])
        return f"[{title}]({relative(codelist_page(name), source)})"

    def field_link(self, cls: dict[str, Any], slot: dict[str, Any], source: str) -> str:
        """`Class › field`, both linked: used by the crosswalk, EU Annex I and "used by" lists."""
        target = f"{relative(class_page(cls['name']), source)}#{slot['name']}"
        return f"{self.class_link(cls['name'], source)} › [{self.text(slot['title'])}]({target})"

    def type_of(self, slot: dict[str, Any], source: str) -> str:
        kind, name = slot["range_kind"], slot["range"]
        if kind == "class":
            link = self.class_link(name, source)
            return f"{self.w('reference_to')} {link}" if slot.get("inlined") is False else link
        if kind == "enum":
            return self.enum_link(name, source)
        key = f"type.{name}"
        return self.w(key) if key in WORDS else code(name)

    def constraints(self, cls: dict[str, Any], slot: dict[str, Any]) -> list[str]:
        found: list[str] = []
        if slot.get("identifier"):
            found.append(self.w("identifier"))
        if slot.get("key"):
            found.append(self.w("key"))
        if "code_system" in slot:
            found.append(self.w("code_system", system=self.text(slot["code_system"])))
        if "pattern" in slot:
            found.append(f"{self.w('pattern')} {code(slot['pattern'])}")
        if "minimum" in slot:
            found.append(f"{self.w('minimum')} {format_number(slot['minimum'])}")
        if "maximum" in slot:
            found.append(f"{self.w('maximum')} {format_number(slot['maximum'])}")
        for group in cls.get("one_of_required", []):
            if slot["name"] in group:
                names = sorted({name for option in cls["one_of_required"] for name in option})
                found.append(self.w("one_of", fields=", ".join(code(n) for n in names)))
                break
        return found

    def example(self, slot: dict[str, Any], value: str) -> str:
        """Examples of prose read best as quoted text; codes, identifiers and numbers as code."""
        if slot["range"] == "LocalizedText":
            return self.w("quoted", text=value)
        return code(value)

    def mapping(self, kind: str, curie: str) -> str:
        """`prefix:term` linked to its full IRI, with the mapping kind in words."""
        return f"[{code(curie)}]({self.standard.expand(curie)}) ({self.w('kind.' + kind)})"

    def mappings(self, mappings: dict[str, list[str]] | None) -> list[str]:
        return [self.mapping(kind, curie) for kind, curie in mapping_pairs(mappings)]

    def render(self, template: str, **context: Any) -> str:
        return environment().get_template(template).render(w=self.w, text=self.text, lang=self.lang, **context)

    # -- pages --------------------------------------------------------------------------------------------
    def class_page_text(self, cls: dict[str, Any]) -> str:
        source = class_page(cls["name"])
        rows = []
        for slot in cls["slots"]:
            rows.append({
                "slot": slot,
                "type": self.type_of(slot, source),
                "cardinality": cardinality(slot),
                "constraints": self.constraints(cls, slot),
                "examples": [self.example(slot, example) for example in slot.get("examples", [])],
                "mappings": self.mappings(slot.get("mappings")),
                "eu": self.text(slot.get("eu_annex_i")),
            })
        rules = [
            self.w("one_of_rule", fields=", ".join(
                " + ".join(code(name) for name in option) for option in cls["one_of_required"]))
        ] if cls.get("one_of_required") else []
        used_by = [self.field_link(c, s, source) for c, s in self.standard.used_by(cls["name"])]
        return self.render(
            "class.md.j2",
            cls=cls,
            rows=rows,
            rules=rules,
            used_by=used_by,
            mappings=self.mappings(cls.get("mappings")),
            table=self.standard.tables.get(cls["name"]),
            root=site_root(source),
            uri=self.standard.expand(cls["uri"]),
        )

    def codelist_page_text(self, enum: dict[str, Any]) -> str:
        source = codelist_page(enum["name"])
        notes_by_code = {value["code"]: self.notes(value.get("annotations", {}), source) for value in enum["values"]}
        codes = [
            {
                "code": row["code"],
                "title": row[f"title_{self.lang}"],
                "description": row[f"description_{self.lang}"],
                "notes": notes_by_code.get(row["code"], []),
            }
            for row in self.standard.codelists[enum["name"]]
        ]
        used_by = [self.field_link(c, s, source) for c, s in self.standard.used_by(enum["name"])]
        return self.render(
            "codelist.md.j2", enum=enum, codes=codes, used_by=used_by, root=site_root(source),
            csv_path=f"codelists/{enum['name']}.csv",
        )

    def notes(self, annotations: dict[str, str], source: str) -> list[str]:
        notes = []
        for key, value in sorted(annotations.items()):
            if key == "sgc_code":
                notes.append(self.w("note.sgc_code", value=value))
            elif key == "unit":
                unit_key = f"note.unit.{value}"
                notes.append(self.w("note.unit", value=self.w(unit_key) if unit_key in WORDS else value))
            elif key == "follow_up":
                if value == "true":
                    notes.append(self.w("note.follow_up"))
            elif key == "categories" and all(name in self.standard.enums for name in value.split()):
                links = ", ".join(self.enum_link(name, source) for name in value.split())
                notes.append(self.w("note.categories", value=links))
            elif key == "translation_status" and value == "to_verify":
                if self.lang == "fr":
                    notes.append(self.w("note.to_verify"))
            else:
                notes.append(f"{code(key)}: {code(value)}")
        return notes

    def index_page_text(self) -> str:
        classes = [(self.class_link(c["name"], INDEX), c) for c in self.standard.model["classes"]]
        enums = sorted(
            ((self.enum_link(e["name"], INDEX), e) for e in self.standard.model["enums"]),
            key=lambda pair: _sort_key(self.text(pair[1]["title"])),
        )
        return self.render("index.md.j2", classes=classes, enums=enums, standard=self.standard)

    def errors_page_text(self) -> str:
        """Every code validation can report, by layer, with its message and fix (each variant's, if it has some)."""
        def shown(text: dict[str, str]) -> str:
            return _PLACEHOLDER.sub(r"*\1*", text[self.lang])

        layers = []
        for layer in LAYERS:
            items = [{"code": e.code, "severity": e.severity, "title": shown(e.title), "explanation": shown(e.explanation),
                      "message": shown(e.message), "fix": shown(e.fix),
                      "variants": [(name, {"message": shown(v.message), "fix": shown(v.fix)})
                                   for name, v in e.variants.items()]}
                     for e in entries().values() if e.layer == layer]
            layers.append((layer, items))
        words = {key: self.w(key) for key in ("case", "message", "fix", "colon", *(f"layer.{name}" for name in LAYERS),
                                              "severity.error", "severity.warning")}
        return self.render("errors.md.j2", layers=layers, words=words)

    def crosswalk_page_text(self) -> str:
        exported = exports_page.exported_terms(paths.SUBMISSIONS_DIR)
        prefixes = list(CROSSWALK_VOCABULARIES)
        for cls in self.standard.model["classes"]:
            for element in [cls, *cls["slots"]]:
                own = [("uri", element["uri"])] if element.get("uri") and not element["uri"].startswith("mcds:") else []
                for _, curie in [*own, *mapping_pairs(element.get("mappings"))]:
                    prefix = curie.partition(":")[0]
                    if prefix not in prefixes:
                        prefixes.append(prefix)
        sections = []
        for cls in self.standard.model["classes"]:
            rows = []
            elements = [(cls, None), *((cls, slot) for slot in cls["slots"])]
            for owner, slot in elements:
                element = slot or owner
                # The element's own URI, when a target vocabulary defines it, is its first mapping.
                own = element.get("uri", "")
                mappings = {**({"uri": [own]} if own and not own.startswith("mcds:") else {}),
                            **(element.get("mappings") or {})}
                if not mappings:
                    continue
                label = self.class_link(owner["name"], CROSSWALK) if slot is None else (
                    f"[{self.text(slot['title'])}]({relative(class_page(owner['name']), CROSSWALK)}#{slot['name']})"
                    f" {code(slot['name'])}"
                )
                path = owner["name"] if slot is None else f"{owner['name']}.{slot['name']}"
                written = {term for terms in exported.get(path, {}).values() for term in terms}
                cells: dict[str, list[str]] = {prefix: [] for prefix in prefixes}
                for kind, curie in mapping_pairs(mappings):
                    mark = f" · {self.w('crosswalk.exported')}" if curie in written else ""
                    cells[curie.partition(":")[0]].append(self.mapping(kind, curie) + mark)
                rows.append({"label": label, "cells": [cells[p] for p in prefixes]})
            if rows:
                sections.append({"cls": cls, "rows": rows})
        headers = [CROSSWALK_VOCABULARIES.get(p, p) + f" ({code(p + ':')})" for p in prefixes]
        return self.render("crosswalk.md.j2", sections=sections, headers=headers,
                           structural=self._structural(exported))

    def _structural(self, exported: dict[str, dict[str, set[str]]]) -> list[dict[str, str]]:
        """The terms the exporters write for a field beyond its mappings (a profile's name, a concept's title):
        the format's structure, not an equivalence, listed so that the crosswalk hides nothing they do."""
        classes = {cls["name"]: cls for cls in self.standard.model["classes"]}
        rows = []
        for path, formats in sorted(exported.items()):
            cls, _, name = path.partition(".")
            owner = classes.get(cls, {"slots": []})
            element = next((s for s in owner["slots"] if s["name"] == name), {}) if name else owner
            stated = {element.get("uri")} | {curie for _, curie in mapping_pairs(element.get("mappings"))}
            for format_name, terms in sorted(formats.items()):
                for term in sorted(terms - stated):
                    rows.append({"element": code(path), "format": word(f"format.{format_name}", self.lang),
                                 "term": f"[{code(term)}]({self.standard.expand(term)})"})
        return rows

    def annex_page_text(self) -> str:
        groups: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
        for element, label, carriers in self.standard.annex_i():
            groups[element.mandatory].append({
                "label": self.text(label),
                "out_of_scope": element.out_of_scope_label is not None,
                "carriers": [
                    f"{self.field_link(c, s, ANNEX)} ({code(cardinality(s))})" for c, s in carriers
                ],
            })
        return self.render("eu-annex-i.md.j2", mandatory=groups[True], optional=groups[False])

    def downloads_page_text(self, releases: list[str], open_data: OpenData | None, base_url: str = "") -> str:
        """The downloads page; `releases` are the released versions published under /schema/<version>/, and
        `open_data` the catalogue's open-data files when the build writes them (site/data/), listed first."""
        generated = self.standard.generated_dir
        files = sorted(
            p.relative_to(generated).as_posix() for p in generated.rglob("*") if p.is_file() and p.name != "README.md"
        )
        classes_by_path = {f"templates/{t.path}": name for name, t in self.standard.tables.items()}
        groups: dict[str, list[tuple[str, str]]] = {"standard": [], "templates": [], "codelists": [], "other": []}
        for path in files:
            stem = Path(path).stem
            if path in _ARTEFACTS:
                groups["standard"].append((path, _ARTEFACTS[path][self.lang]))
                groups["standard"].sort(key=lambda item: list(_ARTEFACTS).index(item[0]))
            elif path in classes_by_path:
                table = self.standard.tables[classes_by_path[path]]
                groups["templates"].append((path, f"{code(table.name)}: {self.class_link(classes_by_path[path], DOWNLOADS)}"))
            elif path.startswith("templates/"):
                groups["templates"].insert(0, (path, _WORKBOOK[self.lang]))
            elif path.startswith("codelists/") and stem in self.standard.enums:
                groups["codelists"].append((path, self.enum_link(stem, DOWNLOADS)))
            else:
                groups["other"].append((path, ""))
        # Every version published under /schema/<version>/: the releases and the current one, newest first.
        published = sorted({*releases, self.standard.version}, key=version_key, reverse=True)
        return self.render("downloads.md.j2", groups=groups, root=site_root(DOWNLOADS), version=self.standard.version,
                           versions=published, released=set(releases), release_files=RELEASE_FILES,
                           exports=self.bulk_exports(), **self._open_data(open_data, base_url))

    def size(self, count: int) -> str:
        """A file size for people: bytes, kB or MB (decimal units), in the page's language."""
        number = Words(self.lang).number
        units = ("B", "kB", "MB", "GB") if self.lang == "en" else ("o", "ko", "Mo", "Go")
        for unit in units[:-1]:
            if count < 1000:
                return f"{number(count)}\u00a0{unit}" if unit in ("B", "o") else f"{number(count, 1)}\u00a0{unit}"
            count /= 1000
        return f"{number(count, 1)}\u00a0{units[-1]}"

    def _open_data(self, open_data: OpenData | None, base_url: str) -> dict[str, Any]:
        """What the Downloads page says of the catalogue's open data: each table with its rows and files, the
        whole-catalogue files, the feeds, and the schema.org Dataset that lists them all."""
        if open_data is None:
            return {"open_data": None}
        number = Words(self.lang).number
        profile = {r["name"]: r for r in tabular.resources(tabular.load_profile())}
        by_table: dict[str, dict[str, Any]] = {}
        whole = []
        for file in open_data.files:
            if file.table:
                entry = by_table.setdefault(file.table, {
                    "name": file.table, "rows": number(file.rows or 0),
                    "title": profile[file.table]["title" if self.lang == "en" else "title_fr"]})
                entry[file.kind] = file
                entry[f"{file.kind}_size"] = self.size(file.size)
            else:
                whole.append({"path": file.path, "size": self.size(file.size), "format": _FORMAT_NAMES[file.kind],
                              "description": metadata.describe(file, self.lang)})
        root = site_root(DOWNLOADS)
        feeds = [{"path": metadata.feed_path(lang), "href": root + metadata.feed_path(lang),
                  "description": self.w("open_data.feed", language=LANGUAGE_NAMES[lang][self.lang])} for lang in LANGUAGES]
        page_url = f"{base_url}{self.lang}/reference/downloads/"
        dataset = metadata.dataset(open_data, base_url, self.lang, page_url)
        return {"open_data": open_data, "open_tables": list(by_table.values()), "open_whole": whole, "feeds": feeds,
                "dictionary": relative(DICTIONARY, DOWNLOADS), "api": relative(API, DOWNLOADS),
                "researchers": relative(RESEARCHERS, DOWNLOADS),
                "dataset_jsonld": json_text(dataset, compact=True).replace("</", "<\\/")}

    def dictionary_page_text(self, published: bool) -> str:
        """The data dictionary: every column of every table of the tabular form (the CSV and Parquet files, the
        templates), its type, whether it is required, its code list and its meaning; `published` says the build
        writes the open data, and so the dictionary as CSV."""
        tables = []
        for resource in tabular.resources(tabular.load_profile()):
            columns = []
            for field in resource["schema"]["fields"]:
                enum = field["mcds"].get("enum")
                columns.append({
                    "name": field["name"], "type": self.w(f"open_data.type.{field['type']}"),
                    "list": bool(field["mcds"].get("separator")),
                    "required": bool(field.get("constraints", {}).get("required")),
                    "title": field.get("title" if self.lang == "en" else "title_fr", ""),
                    "description": field.get("description" if self.lang == "en" else "description_fr", ""),
                    "codes": self.enum_link(enum, DICTIONARY) if enum in self.standard.enums else "",
                })
            tables.append({"name": resource["name"], "path": resource["path"], "columns": columns,
                           "title": resource["title" if self.lang == "en" else "title_fr"],
                           "description": resource.get("description" if self.lang == "en" else "description_fr", "")})
        return self.render("data-dictionary.md.j2", tables=tables, root=site_root(DICTIONARY), published=published)

    def api_page_text(self, open_data: OpenData | None, base_url: str = "") -> str:
        """The static API: every address the build publishes, from the same description as data/openapi.*.json."""
        description = metadata.openapi(open_data or OpenData.listing(Catalogue()), base_url, self.lang)
        addresses = []
        for path, operation in description["paths"].items():
            get = operation["get"]
            media = next(iter(get["responses"]["200"]["content"]))
            addresses.append({"path": path, "media": media, "summary": get["summary"],
                              "parameters": [(p["name"], p["description"]) for p in get.get("parameters", [])]})
        return self.render("api.md.j2", addresses=addresses, root=site_root(API),
                           openapi={lang: metadata.openapi_file(lang) for lang in LANGUAGES}, open_data=open_data,
                           info=description["info"])

    def bulk_exports(self) -> list[tuple[str, str]]:
        """The catalogue's national export files (path under data/, what it is), for the downloads page."""
        return [(edition.bulk, self.w(f"format.{edition.format}")
                 + (f" ({self.w('language_name.' + edition.lang)})" if edition.lang else ""))
                for edition in editions()]


# The files of each published version that the downloads page links to (every release since 0.1.0 has them).
RELEASE_FILES = ("mcds.schema.json", "datapackage.json", "mcds.context.jsonld", "mcds.model.json",
                 "templates/mcds-template.xlsx")

# What each artefact of schema/generated/ is, for the downloads page.
_ARTEFACTS: dict[str, dict[str, str]] = {
    "mcds.schema.json": {
        "en": "JSON Schema (2019-09) of a whole submission document, with one definition per class.",
        "fr": "Schéma JSON (2019-09) d'un document de soumission complet, avec une définition par classe.",
    },
    "mcds.context.jsonld": {
        "en": "JSON-LD context: turns a submission in JSON into linked data with the standard's URIs.",
        "fr": "Contexte JSON-LD : transforme une soumission JSON en données liées avec les URI de la norme.",
    },
    "datapackage.json": {
        "en": "Frictionless data-package profile of the tabular form: one table schema per CSV file, with "
        "titles and descriptions in English and French.",
        "fr": "Profil de paquet de données Frictionless de la forme tabulaire : un schéma de table par fichier "
        "CSV, avec titres et descriptions en anglais et en français.",
    },
    "mcds.model.json": {
        "en": "The compiled standard: classes, fields, code lists, constraints, mappings and examples in both "
        "languages. These reference pages are generated from it.",
        "fr": "La norme compilée : classes, champs, listes de codes, contraintes, correspondances et exemples "
        "dans les deux langues. Les pages de référence en sont produites.",
    },
}
# The format of each whole-catalogue open-data file, as the Downloads page names it (no translation needed).
_FORMAT_NAMES = {"package": "Frictionless (JSON)", "dictionary": "CSV", "json": "JSON", "xlsx": "Excel (XLSX)"}

_WORKBOOK = {
    "en": "Excel workbook to fill in: one sheet per table (row 1 holds the column names), instructions, help on "
    "every column in English and French, and one sheet per code list.",
    "fr": "Classeur Excel à remplir : une feuille par table (la ligne 1 contient les noms des colonnes), des "
    "instructions, l'aide de chaque colonne en anglais et en français et une feuille par liste de codes.",
}


def render_reference(standard: Standard, lang: str, *, releases: list[str] | None = None,
                     open_data: OpenData | None = None, base_url: str = "", sample: Path | None = None) -> dict[str, str]:
    """Every reference page of `lang`: {docs path: Markdown}.

    `releases` (default: those in schema/releases/) are listed on the downloads page, which links to the
    catalogue's open-data files only when `open_data` says the build writes them. The Exports page takes its
    examples from the sample submission folder `sample` (default: exports_page.SAMPLE in datapackages/)."""
    pages = Pages(standard, lang)
    rendered = {
        INDEX: pages.index_page_text(),
        CROSSWALK: pages.crosswalk_page_text(),
        ANNEX: pages.annex_page_text(),
        DOWNLOADS: pages.downloads_page_text(released_versions() if releases is None else releases, open_data, base_url),
        DICTIONARY: pages.dictionary_page_text(open_data is not None),
        API: pages.api_page_text(open_data, base_url),
        ERRORS: pages.errors_page_text(),
        EXPORTS: exports_page.exports_page_text(lang, sample),
    }
    for cls in standard.model["classes"]:
        rendered[class_page(cls["name"])] = pages.class_page_text(cls)
    for enum in standard.model["enums"]:
        rendered[codelist_page(enum["name"])] = pages.codelist_page_text(enum)
    return rendered


def reference_nav(standard: Standard, lang: str) -> list[Any]:
    """The Reference section of the navigation: classes in model order, code lists by title in `lang`."""
    enums = sorted(standard.model["enums"], key=lambda e: _sort_key(e["title"][lang]))
    return [
        INDEX,
        {word("nav.classes", lang): [class_page(c["name"]) for c in standard.model["classes"]]},
        {word("nav.codelists", lang): [codelist_page(e["name"]) for e in enums]},
        CROSSWALK,
        EXPORTS,
        ANNEX,
        ERRORS,
    ]


def open_data_nav() -> list[str]:
    """The Open data section of the navigation: the downloads, their dictionary, the API, the researchers' guide."""
    return [DOWNLOADS, DICTIONARY, API, RESEARCHERS]
