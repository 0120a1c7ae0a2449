"""The portal's one search: a Pagefind index per language over the catalogue's records and providers and the
documentation pages, written into the site at build time (<lang>/pagefind/), read in the browser by the search
page (search/) and by the Find page's keyword box.

Records and providers are given to Pagefind as records of text (title, description, learning outcomes and the
words Find matches), not as their HTML pages: no national catalogue of pages is parsed again, and what is
searched is exactly what a learner reads about a microcredential. Documentation pages are read from the built
site, where the theme marks their content (`data-pagefind-body`); Pagefind takes their language from `<html lang>`.
Pagefind stems English and French words and ranks by relevance.

Pagefind 1.5 writes its filter files (and so its metadata file) in an order that changes from run to run:
`_canonical` puts them in a fixed order under names taken from their content, so two builds of the same
catalogue give the same bytes. `records.json` beside the search page maps each record's Pagefind page to its
identifier, so that Find can intersect search hits with its facets without loading one fragment per hit.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcds.errors import McdsError
from mcds.i18n import LANGUAGES
from mcds.portal.records import Words, provider_path, provinces_of, record_path
from mcds.portal.views import CatalogueView
from mcds.portal.words import word
from mcds.util.templates import environment

BUNDLE = "pagefind"  # the folder Pagefind writes under each language's root
PAGE = "search.md"  # the search page, at search/ under each language's root
RECORDS = "search/records.json"  # Pagefind page -> record identifier, for Find
SIGNATURE = b"pagefind_dcd"  # what every Pagefind data file starts with once decompressed
# The documentation pages that are not searched: the catalogue's own pages (given to Pagefind as records),
# the browse lists, the search page and the page for addresses that do not exist.
SKIPPED = re.compile(r"(catalogue/[^/]+\.[^/]+|providers/[^/]+|browse/[^/]+|search)/index\.html|404\.html")
# Pagefind's user interfaces: the portal has its own (assets/javascripts/search.js), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
# Kinds of result, the value of the `kind` filter.
KINDS = ("microcredential", "provider", "documentation")


@dataclass(frozen=True)
class Entry:
    """One record of text for Pagefind."""

    url: str  # from the language's root, starting with "/"
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]


def entries(view: CatalogueView, lang: str) -> Iterator[Entry]:
    """The catalogue's records and providers as Pagefind records, in a fixed order."""
    t = Words(lang)
    kind = {k: word(f"search.kind.{k}", lang) for k in KINDS}
    for submission, mc in view.catalogue.microcredentials():
        title = t.text(mc["title"]) or {"text": mc["id"], "lang": lang}
        provider = view.name(t, submission.provider)["text"]
        parts = [title["text"], (t.text(mc["description"]) or {}).get("text", ""),
                 *((t.text(o["statement"]) or {}).get("text", "") for o in mc["learning_outcomes"]),
                 provider, t.cip(mc["field_of_study"]), *map(t.noc, mc.get("occupations", [])),
                 *t.labels("skills", mc.get("skills"))]
        yield Entry(
            url="/" + record_path(mc["id"]),
            content="\n".join(p for p in parts if p),
            meta={"title": title["text"], "lang": title["lang"], "kind": kind["microcredential"], "provider": provider,
                  "id": mc["id"]},
            filters={"kind": ["microcredential"], "provider": [provider],
                     "province": t.labels("provinces", provinces_of(mc, view.organizations)),
                     "delivery": t.labels("delivery_modes", mc["delivery_modes"])},
        )
    for submission in sorted(view.catalogue.published, key=lambda s: s.provider):
        organization = view.organizations.get(submission.provider, {})
        name = view.name(t, submission.provider)["text"]
        titles = [(t.text(mc["title"]) or {}).get("text", "") for mc in submission.document.get("microcredentials", [])]
        yield Entry(
            url="/" + provider_path(submission.provider),
            content="\n".join([name, *t.labels("organization_types", organization.get("organization_types")),
                               *t.labels("provinces", organization.get("provinces")), *titles]),
            meta={"title": name, "kind": kind["provider"]},
            filters={"kind": ["provider"], "provider": [name],
                     "province": t.labels("provinces", organization.get("provinces"))},
        )


def documentation(root: Path) -> list[tuple[str, str]]:
    """(url, html) of each documentation page of a built language folder, in a fixed order."""
    found = []
    for path in sorted(root.rglob("index.html")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(BUNDLE + "/") or SKIPPED.fullmatch(relative):
            continue
        found.append(("/" + relative.removesuffix("index.html"), path.read_text(encoding="utf-8")))
    return found


class Service:
    """The Pagefind program in its service mode, asked one request at a time (so that pages enter the index in
    the order given, and two builds write the same files). The `pagefind` package's own client waits 0.1 s
    before reading each answer, which would make 20,000 records take over half an hour."""

    def __init__(self) -> None:
        from pagefind.service import get_executable

        program = get_executable()
        if program is None:
            raise FileNotFoundError("pagefind")
        self.process = subprocess.Popen([str(program), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.sent = 0

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}, ensure_ascii=False)
        self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        self.process.stdin.flush()
        answer = bytearray()
        while not answer.endswith(b","):
            chunk = self.process.stdout.read1(65536)
            if not chunk:
                raise RuntimeError("Pagefind stopped")
            answer += chunk
        # Only the last word of what came is the answer: anything the program printed before it is not.
        text = bytes(answer[:-1]).split()[-1] if answer[:-1].strip() else b""
        try:
            response = json.loads(base64.b64decode(text, validate=True))
        except ValueError as error:
            raise RuntimeError(f"Pagefind answered {bytes(answer[:200])!r}") from error
        found = response["payload"]
        if found.get("type") == "Error":
            raise RuntimeError(found.get("message", "Pagefind failed"))
        return found

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _index(root: Path, lang: str, records: list[Entry]) -> tuple[dict[str, int], dict[str, bytes]]:
    service = Service()
    try:
        config = {"exclude_selectors": [".headerlink"]}
        index = service.ask({"type": "NewIndex", "config": config})["index_id"]
        pages = documentation(root)
        for url, html in pages:
            service.ask({"type": "AddFile", "index_id": index, "url": url, "file_path": None, "file_contents": html})
        for entry in records:
            service.ask({"type": "AddRecord", "index_id": index, "url": entry.url, "content": entry.content,
                         "language": lang, "meta": entry.meta, "filters": entry.filters, "sort": None})
        # The files come back in the answer and are written here: Pagefind's own writing may still be under way
        # when it answers, and this way they are put in a fixed order before anything is written.
        files = {f["path"]: base64.b64decode(f["content"]) for f in service.ask({"type": "GetFiles", "index_id": index})["files"]}
    finally:
        service.close()
    return {"documentation": len(pages), "records": len(records)}, files


def index_language(root: Path, lang: str, view: CatalogueView | None) -> dict[str, int]:
    """Write the search bundle of one built language folder `root`; return what it holds."""
    records = list(entries(view, lang)) if view is not None else []
    try:
        counts, files = _index(root, lang, records)
    except (OSError, AssertionError, RuntimeError) as error:  # no binary, or it stopped
        raise McdsError("portal.search.failed", lang=lang, reason=str(error) or type(error).__name__) from error
    for name in UNUSED:
        files.pop(name, None)
    _canonical(files)
    bundle = root / BUNDLE
    for name, data in sorted(files.items()):
        target = bundle / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    target = root / RECORDS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(_record_ids(files), ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                      encoding="utf-8")
    return counts


def index_site(site: Path, view: CatalogueView | None) -> None:
    """Index each language of the built `site`, one after the other: each Pagefind process holds a whole
    language's index in memory (up to about 900 MiB with the catalogue at 20,000 records), so two at once would
    take the build over 2 GB."""
    for lang in LANGUAGES:
        index_language(site / lang, lang, view)


# -- Deterministic files -------------------------------------------------------------------------------------

def _read(data: bytes) -> Any:
    import cbor2

    plain = gzip.decompress(data)
    if not plain.startswith(SIGNATURE):
        raise McdsError("portal.search.failed", lang="", reason="not a Pagefind file")
    return cbor2.loads(plain[len(SIGNATURE):])


def _encode(files: dict[str, bytes], prefix: str, suffix: str, value: Any, digits: int) -> str:
    """Add `value` as Pagefind writes it (signature, CBOR, gzip), named after its content; return the name's hash."""
    import cbor2

    data = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"
    files[f"{name}{suffix}"] = gzip.compress(data, mtime=0)
    return name


def _canonical(files: dict[str, bytes]) -> None:
    """Put the filter files (values sorted) and the metadata file (filters sorted) in a fixed order, under names
    taken from their content, and the entry file's reference to the metadata with them."""
    entry = json.loads(files["pagefind-entry.json"])
    for lang, language in entry["languages"].items():
        meta = _read(files.pop(f"pagefind.{language['hash']}.pf_meta"))
        filters = []
        for name, filter_hash in meta[3]:
            key, values = _read(files.pop(f"filter/{filter_hash}.pf_filter"))
            filters.append([name, _encode(files, f"filter/{lang}", ".pf_filter", [key, sorted(values)], 7)
                            .removeprefix("filter/")])
        meta[3] = sorted(filters)
        language["hash"] = _encode(files, f"pagefind.{lang}", ".pf_meta", meta, 10).removeprefix("pagefind.")
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _record_ids(files: dict[str, bytes]) -> dict[str, str]:
    """Each record's Pagefind page (the id a search result carries) -> the record's identifier."""
    entry = json.loads(files["pagefind-entry.json"])
    ids = {}
    for language in entry["languages"].values():
        for page, _words in _read(files[f"pagefind.{language['hash']}.pf_meta"])[1]:
            fragment = json.loads(gzip.decompress(files[f"fragment/{page}.pf_fragment"])[len(SIGNATURE):])
            if fragment.get("filters", {}).get("kind") == ["microcredential"]:
                ids[page] = fragment["meta"]["id"]
    return ids


def bundle_files(root: Path) -> list[Path]:
    """The files of a language's search bundle, for measuring it."""
    return sorted(p for p in (root / BUNDLE).rglob("*") if p.is_file())


def page(lang: str, catalogue: bool) -> str:
    """The search page (Markdown with the form as HTML); without JavaScript it points to the catalogue's lists,
    when the site has a catalogue."""
    keys = ("search.page", "search.page.description", "search.field", "search.submit", "search.none",
            "search.count", "search.count.one", "search.needs_js", "search.loading", "search.failed", "find", "more")
    words = {key: word(key, lang) for key in keys}
    return environment("mcds.portal", html=True).get_template("search.md.j2").render(
        words=words, words_json=json.dumps(words, ensure_ascii=False, sort_keys=True), catalogue=catalogue)

