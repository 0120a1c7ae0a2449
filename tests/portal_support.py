"""The portal the catalogue and browser tests share: how it is built from the samples (plus a `<script>` copy, a
rejected copy and a stale copy of one sample), served with `mcds serve`, and what its packages say. The session
fixture `portal` (tests/conftest.py) builds it once."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mcds.portal import find
from mcds.standard import paths

LANGS = ("en", "fr")
BASE_SAMPLE = "maplecrest-career-college"  # the sample the extra submissions are copied from
XSS_TITLE = "<script>alert(1)</script>"
# "<!--" then "<script" inside a script element makes the HTML parser swallow the page up to a later </script>.
XSS_DESCRIPTION = "Opens <!--<script> and closes </script> & leaves the comment open, all as text."
# Text a spreadsheet would run as a formula: valid (with a warning), neutralized in every CSV and Excel download.
FORMULA_TITLE = {"en": "=SUM(1,2) looks like a formula", "fr": "@SUM(1,2) ressemble à une formule"}
FORMULA_OUTCOME = "=1+2 is what a spreadsheet would compute"
XSS = "xss-test-college"  # valid: XSS_TITLE and XSS_DESCRIPTION on its first microcredential, formulas on its second
REJECTED = "gate-rejected-college"  # one error, never published before: left out
STALE = "gate-stale-college"  # one error, published before (in the previous site): kept and marked stale
RECORD_BUDGET = 100_000  # bytes of one record page
MCDS = [sys.executable, "-m", "mcds"]


@dataclass
class Portal:
    """The built and served site, and what went into it."""

    site: Path
    url: str  # the portal root as served, ending in "/"
    submissions: Path
    previous: Path
    workdir: Path
    command: list[str]
    stdout: str
    stderr: str
    samples: list[str]
    xss_id: str  # the microcredential titled XSS_TITLE and described by XSS_DESCRIPTION
    formula_id: str  # the microcredential titled FORMULA_TITLE
    server: subprocess.Popen[str] | None = None

    def index(self, lang: str) -> dict[str, Any]:
        return json.loads((self.site / lang / "catalogue" / find.INDEX).read_text(encoding="utf-8"))

    def record(self, identifier: str) -> dict[str, Any]:
        return json.loads((self.site / "data" / "microcredentials" / f"{identifier}.json").read_text(encoding="utf-8"))


# -- Building the fixture submissions ----------------------------------------------------------------------

def rewrite_table(folder: Path, table: str, change) -> None:  # noqa: ANN001 - change(rows) edits the rows in place
    rewrite_csv(folder / f"{table}.csv", change)


def rewrite_csv(path: Path, change) -> None:  # noqa: ANN001 - change(rows) edits the rows in place
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        header = list(reader.fieldnames or [])
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def copy_sample(target: Path, provider: str) -> Path:
    """A copy of BASE_SAMPLE under another provider id (and name), so that no identifier collides."""
    shutil.copytree(paths.SUBMISSIONS_DIR / BASE_SAMPLE, target)
    stem = provider.split("-")[0]
    for path in target.iterdir():
        text = path.read_text(encoding="utf-8")
        text = text.replace(BASE_SAMPLE, provider).replace("Maplecrest", stem.capitalize()).replace("maplecrest", stem)
        path.write_text(text, encoding="utf-8")
    return target


def set_texts(folder: Path, title: str, description: str) -> str:
    """Give the package's first microcredential this title and description in both languages; return its id."""
    changed: list[str] = []

    def change(rows: list[dict[str, str]]) -> None:
        rows[0]["title_en"] = rows[0]["title_fr"] = title
        rows[0]["description_en"] = rows[0]["description_fr"] = description
        changed.append(rows[0]["id"])

    rewrite_table(folder, "microcredentials", change)
    return changed[0]


def set_formulas(folder: Path) -> str:
    """FORMULA_TITLE on the package's second microcredential, FORMULA_OUTCOME on its first learning outcome."""
    changed: list[str] = []

    def title(rows: list[dict[str, str]]) -> None:
        rows[1]["title_en"], rows[1]["title_fr"] = FORMULA_TITLE["en"], FORMULA_TITLE["fr"]
        changed.append(rows[1]["id"])

    def outcome(rows: list[dict[str, str]]) -> None:
        rows[0]["statement_en"] = FORMULA_OUTCOME

    rewrite_table(folder, "microcredentials", title)
    rewrite_table(folder, "learning_outcomes", outcome)
    return changed[0]


def break_package(folder: Path) -> None:
    """Exactly one validation error: a workload that is not a number."""

    def change(rows: list[dict[str, str]]) -> None:
        rows[0]["workload_hours"] = "forty"

    rewrite_table(folder, "microcredentials", change)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_build(submissions: Path, out: Path, workdir: Path, url: str, previous: Path | None = None
              ) -> subprocess.CompletedProcess[str]:
    command = [*MCDS, "build", "--submissions", str(submissions), "--out", str(out), "--site-url", url, "--lang", "en"]
    if previous is not None:
        command += ["--previous", str(previous)]
    result = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def build_portal(root: Path) -> Portal:
    workdir = root / "work"  # mcds build keeps its validation cache in .mcds-cache/ of the current folder
    workdir.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    samples = sorted(p.name for p in paths.SUBMISSIONS_DIR.iterdir() if (p / "datapackage.json").is_file())
    assert BASE_SAMPLE in samples

    # The previous site: the stale submission while it was still valid.
    earlier = root / "earlier"
    copy_sample(earlier / STALE, STALE)
    previous = root / "previous"
    run_build(earlier, previous, workdir, url)

    submissions = root / "submissions"
    for name in samples:
        shutil.copytree(paths.SUBMISSIONS_DIR / name, submissions / name)
    xss_id = set_texts(copy_sample(submissions / XSS, XSS), XSS_TITLE, XSS_DESCRIPTION)
    formula_id = set_formulas(submissions / XSS)
    break_package(copy_sample(submissions / REJECTED, REJECTED))
    break_package(copy_sample(submissions / STALE, STALE))
    site = root / "site"
    result = run_build(submissions, site, workdir, url, previous)
    return Portal(site, url, submissions, previous, workdir, result.args, result.stdout, result.stderr, samples, xss_id,
                  formula_id)


def serve_portal(portal: Portal) -> None:
    port = urlsplit(portal.url).port
    command = [*MCDS, "serve", "--dir", str(portal.site), "--port", str(port), "--lang", "en"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = server.stdout.readline() if server.stdout else ""
    if portal.url not in line:
        server.kill()
        raise AssertionError(f"mcds serve did not start at {portal.url}: {line}{server.communicate()[1]}")
    portal.server = server


def stop_portal(portal: Portal) -> None:
    server, portal.server = portal.server, None
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)
    try:
        server.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate()


# -- What the packages say, computed here ------------------------------------------------------------------

def published_ids(portal: Portal) -> set[str]:
    return {p.stem for p in (portal.site / "data" / "microcredentials").glob("*.json")}


def ids_of(portal: Portal, provider: str) -> set[str]:
    return {i for i in published_ids(portal) if i.startswith(provider + ".")}


def fold(text: str) -> str:
    """What find.js does to text before matching: no accents, lower case."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not "\u0300" <= c <= "\u036f").lower()


def matching(index: dict[str, Any], text: str = "", selected: dict[str, set[str]] | None = None,
             ignore: str | None = None, hits: set[str] | frozenset[str] = frozenset()) -> list[list[Any]]:
    """The rows of index.json that pass the keywords and every selected facet (values OR-ed within a facet,
    facets AND-ed), leaving out the facet `ignore` (facet counts are computed that way). A row passes the
    keywords when it holds every word as typed, or when it is one of the portal search's `hits` for them."""
    selected = selected or {}
    terms = fold(text).split()
    found = []
    for row in index["rows"]:
        if row[0] not in hits and not all(term in fold(row[6]) for term in terms):
            continue
        ok = True
        for position, facet in enumerate(index["facets"]):
            wanted = selected.get(facet["name"])
            if wanted and facet["name"] != ignore:
                codes = {facet["values"][v][0] for v in row[7][position]}
                ok = ok and bool(codes & wanted)
        if ok:
            found.append(row)
    return found


def facet_counts(index: dict[str, Any], facet: str, text: str = "", selected: dict[str, set[str]] | None = None,
                 hits: set[str] | frozenset[str] = frozenset()) -> dict[str, int]:
    """code -> how many results that value would give (the count shown beside its checkbox)."""
    position = next(i for i, f in enumerate(index["facets"]) if f["name"] == facet)
    counts = {code: 0 for code, _ in index["facets"][position]["values"]}
    for row in matching(index, text, selected, ignore=facet, hits=hits):
        for v in row[7][position]:
            counts[index["facets"][position]["values"][v][0]] += 1
    return counts
