"""Derive the term lists of this folder from the vocabularies' own published files.

Run it by hand when a vocabulary publishes a new version (see README.md for the sources); the tests never
run it, and nothing here reaches the network. Each list holds only term names, one per line, sorted.

    python schema/vocabularies/derive.py elm ELM.ttl
    python schema/vocabularies/derive.py obv3 context-3.0.3.json
    python schema/vocabularies/derive.py schema schemaorg-current-http.nt
    python schema/vocabularies/derive.py ceterms Registry_Assistant/src ctdl-terms.ttl   (also writes qdata.txt)
    python schema/vocabularies/derive.py dcterms|foaf|skos                 (from rdflib's generated namespaces)
    python schema/vocabularies/derive.py rov European-Learning-Model/rdf  (the ROV terms ELM 3 uses)
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).parent
# CTDL concept schemes whose concepts the code lists point to (`meaning`), under https://purl.org/ctdl/vocabs/<scheme>/.
CONCEPT_SCHEMES = ("agentSector", "assessMethod", "audience", "costType", "credentialStat", "deliveryType",
                   "residency", "scheduleFrequency")
NAMESPACES = {
    "elm": "http://data.europa.eu/snb/model/elm/",
    "obv3": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#",
    "schema": "http://schema.org/",
    "ceterms": "https://purl.org/ctdl/terms/",
    "qdata": "https://credreg.net/qdata/terms/",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rov": "http://www.w3.org/ns/regorg#",
    **{scheme: f"https://purl.org/ctdl/vocabs/{scheme}/" for scheme in CONCEPT_SCHEMES},
}
LOCAL = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _local(iris: Iterable[str], namespace: str) -> set[str]:
    return {iri[len(namespace):] for iri in iris if iri.startswith(namespace) and LOCAL.match(iri[len(namespace):])}


def _rdf_subjects(path: Path, namespace: str) -> set[str]:
    import rdflib  # noqa: PLC0415  (only this maintenance script needs it)

    graph = rdflib.Graph().parse(path)
    return _local((str(s) for s in graph.subjects()), namespace)


def _context_iris(node: object) -> Iterator[str]:
    """Every IRI a JSON-LD context defines a term for, scoped contexts included."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and not key.startswith("@"):
                yield value
            elif isinstance(value, dict):
                if isinstance(value.get("@id"), str):
                    yield value["@id"]
                yield from _context_iris(value.get("@context", {}))


def derive(prefix: str, source: str | None, older: Path | None = None) -> dict[str, set[str]]:
    namespace = NAMESPACES[prefix]
    if prefix in ("elm", "schema"):
        return {prefix: _rdf_subjects(Path(str(source)), namespace)}
    if prefix == "obv3":
        document = json.loads(Path(str(source)).read_text(encoding="utf-8"))
        return {prefix: _local(_context_iris(document["@context"]), namespace)}
    if prefix == "ceterms":
        # Credential Engine's publishing models and their CTDL outputs name every property and class as
        # "ceterms:x" / "qdata:x"; the older term file adds the credential subclasses the models take as text.
        found: dict[str, set[str]] = {"ceterms": set(), "qdata": set()}
        for path in sorted(Path(str(source)).rglob("*")):
            if path.suffix in (".cs", ".json"):
                text = path.read_text("utf-8", "replace")
                for vocabulary, term in re.findall(r'"(ceterms|qdata):([A-Za-z][A-Za-z0-9]*)"', text):
                    found[vocabulary].add(term)
            if path.suffix in (".cs", ".json", ".md"):
                # Concepts of CTDL's concept schemes, as the models and samples write them ("deliveryType:InPerson").
                text = path.read_text("utf-8", "replace")
                for scheme, concept in re.findall(rf"\b({'|'.join(CONCEPT_SCHEMES)}):([A-Z][A-Za-z0-9]*)\b", text):
                    found.setdefault(scheme, set()).add(concept)
        if older:
            found["ceterms"] |= set(re.findall(r"^ctdl:([A-Za-z][A-Za-z0-9]*)\b", older.read_text("utf-8"), re.M))
        return found
    if prefix == "rov":
        found_rov: set[str] = set()
        for path in sorted(Path(str(source)).rglob("*")):
            if path.is_file() and path.suffix in (".ttl", ".jsonld"):
                text = path.read_text("utf-8", "replace")
                found_rov |= set(re.findall(r"(?:(?<![A-Za-z])rov:|/ns/regorg#)([A-Za-z]+)\b", text))
        return {prefix: found_rov}
    from rdflib import namespace as rdflib_namespaces  # noqa: PLC0415

    defined = {"dcterms": rdflib_namespaces.DCTERMS, "foaf": rdflib_namespaces.FOAF, "skos": rdflib_namespaces.SKOS}
    return {prefix: _local((str(term) for term in dir(defined[prefix])), namespace)}


def main(argv: list[str]) -> None:
    prefix, source = argv[0], (argv[1] if len(argv) > 1 else None)
    older = Path(argv[2]) if len(argv) > 2 else None
    for name, terms in derive(prefix, source, older).items():
        (HERE / f"{name}.txt").write_text("".join(f"{term}\n" for term in sorted(terms)), encoding="utf-8")
        print(f"{name}.txt: {len(terms)} terms")


if __name__ == "__main__":
    main(sys.argv[1:])
