"""Benchmark: `mcds build` of the bilingual portal on a national-scale synthetic catalogue (validation of every
submission plus the full portal), then rebuilds, against a plain MkDocs build of the same catalogue pages.

Steps, all with the work folder's paths (nothing in the checkout's .mcds-cache/ or site/ is read or written):

a. synth: `mcds synth --providers P --microcredentials M --seed S --out WORK/submissions`, once (skipped when
   the folder exists; WORK/submissions.json records P, M and S, and a run with others stops);
b. cold: WORK/cold-work/.mcds-cache and WORK/site removed, then `mcds build --submissions WORK/submissions
   --out WORK/site` run from WORK/cold-work (the build keeps its validation and page caches in .mcds-cache/ of
   the current folder): validation plus the full portal;
c. warm: the same build again, nothing changed;
d. incremental: one microcredential's title_en changed in the first provider's microcredentials.csv (that
   provider's folder is copied to WORK/aside/ first and the file restored afterwards, also at the start of a
   later run if this one was interrupted), the same build again, and the new title checked in its record page;
e. plain MkDocs (unless --skip-plain): every catalogue page the build produced (WORK/site/<lang>/catalogue/<id>/,
   providers/*/ and browse/*/) becomes a Markdown page holding the page body (the inner HTML of
   `<article class="md-content__inner md-typeset">`, raw HTML that Markdown passes through) with its title and
   `search: exclude: true` in front matter, in one plain MkDocs project per language (WORK/plain/<lang>/, theme
   material, a nav listing only index.md, the pages kept out of it with not_in_nav, as the portal does); the two
   `mkdocs build` runs, one after the other, are timed together. The pages are taken from WORK/site as the last
   incremental build left it (one title differs from the submissions).

Each step runs in a fresh process (b to d --runs times, in that order; e --runs times; medians are reported,
synthesis once). Peak memory is the most the build held at once, its worker processes included (common.run:
resident sets of the whole process tree summed every 50 ms, at least the largest single process). Pages are what
`mcds build` prints ("... N pages in English and French ...": documentation and catalogue pages), and for plain
MkDocs the Markdown pages written. Targets at 20,000 microcredentials: cold under 90 s and under 2 GB peak,
incremental under 15 s; at 100,000: cold under 8 minutes.

Run: .venv/bin/python benchmarks/build_catalogue.py [--providers 200] [--microcredentials 20000] [--seed 7]
     [--runs 1] [--work /tmp/mcds-bench-catalogue] [--skip-plain]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import shutil
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from common import BIN, Run, run, status, summarize

LANGUAGES = ("en", "fr")
BODY_START = '<article class="md-content__inner md-typeset">'
ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")
HEADING = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")
PAGES = re.compile(r"([\d,]+) pages in English and French")
DEFAULT_MICROCREDENTIALS = 20_000
NATIONAL_MICROCREDENTIALS = 100_000
GB = 1e9 / 2**20


@dataclass(frozen=True)
class Step:
    name: str
    wall: float
    peak: float
    pages: int
    note: str = ""

    @property
    def rate(self) -> float:
        return self.pages / self.wall


def checked(result: Run, what: str) -> Run:
    if result.returncode != 0:
        sys.exit(f"{what} failed with exit code {result.returncode}:\n{result.output[-4000:]}")
    return result


def built_pages(result: Run) -> int:
    found = PAGES.search(result.output)
    if found is None:
        sys.exit(f"no page count in the output of mcds build:\n{result.output[-2000:]}")
    extra = [line for line in result.output.splitlines() if line.strip() and not PAGES.search(line)]
    if extra:
        print("mcds build also said:\n  " + "\n  ".join(extra[:10]), file=sys.stderr)
    return int(found[1].replace(",", ""))


def restore(aside: Path, submissions: Path) -> None:
    """Put back the provider folders set aside by an edit."""
    if aside.is_dir():
        for folder in aside.iterdir():
            shutil.copytree(folder, submissions / folder.name, dirs_exist_ok=True)
        shutil.rmtree(aside)


def edit_title(submissions: Path, aside: Path) -> tuple[str, str]:
    """Set one provider aside and change its first microcredential's English title; return (id, new title)."""
    provider = next(p for p in sorted(submissions.iterdir()) if (p / "datapackage.json").is_file())
    aside.mkdir(parents=True)
    shutil.copytree(provider, aside / provider.name)
    table = provider / "microcredentials.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        header, *records = list(csv.reader(handle))
    record = records[0]
    title = header.index("title_en")
    record[title] = f"{record[title]} (revised)"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *records])
    return record[header.index("id")], record[title]


def body(page: str) -> str:
    """The inner HTML of the theme's content element (it holds the catalogue template's own <article>)."""
    start = page.index(BODY_START) + len(BODY_START)
    depth = 1
    for tag in ARTICLE_TAG.finditer(page, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return page[start:tag.start()].strip()
    raise ValueError("unclosed content element")


def write_plain_project(site: Path, lang: str, project: Path) -> int:
    """A plain MkDocs project of one language's catalogue pages; return its page count."""
    shutil.rmtree(project, ignore_errors=True)
    docs = project / "docs"
    docs.mkdir(parents=True)
    language_root = site / lang
    sources = [*sorted((language_root / "catalogue").glob("*/index.html")),
               *sorted((language_root / "providers").glob("*/index.html")),
               *sorted((language_root / "browse").glob("*/index.html"))]
    count = 0
    for source in sources:
        content = body(source.read_text(encoding="utf-8"))
        if '<article class="mcds-' not in content:
            continue  # an MkDocs page of the portal (statistics), not a catalogue page
        heading = HEADING.search(content)
        title = html.unescape(TAG.sub("", heading[1])).strip() if heading else source.parent.name
        target = docs / (source.parent.relative_to(language_root).as_posix() + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n"
                          f'<div class="mcds-page">\n{content}\n</div>\n', encoding="utf-8")
        count += 1
    (docs / "index.md").write_text(f"# Catalogue ({lang})\n\n{count} pages.\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        f"site_name: MCDS catalogue, plain MkDocs ({lang})\n"
        f"theme:\n  name: material\n  language: {lang}\n"
        "plugins:\n  - search\n"
        "nav:\n  - index.md\n"
        "not_in_nav: |\n  /catalogue/\n  /providers/\n  /browse/\n",
        encoding="utf-8")
    return count + 1


def plain_mkdocs(site: Path, folder: Path, runs: int) -> Step:
    """Plain MkDocs on the catalogue pages of `site`: both languages' projects built one after the other."""
    projects = [folder / lang for lang in LANGUAGES]
    pages = sum(write_plain_project(site, project.name, project) for project in projects)
    walls, peaks = [], []
    for _ in range(runs):
        results = [checked(run([str(BIN / "mkdocs"), "build", "--quiet", "--clean", "--config-file",
                                str(project / "mkdocs.yml"), "--site-dir", str(project / "site")]),
                           f"mkdocs build ({project.name})") for project in projects]
        walls.append(sum(r.wall for r in results))
        peaks.append(max(r.peak for r in results))
    return Step("e. plain MkDocs, catalogue pages", statistics.median(walls), max(peaks), pages,
                "en then fr project")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--microcredentials", type=int, default=DEFAULT_MICROCREDENTIALS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mcds-bench-catalogue"))
    parser.add_argument("--skip-plain", action="store_true")
    arguments = parser.parse_args()
    work = arguments.work.absolute()
    submissions, cold_work, site, aside = work / "submissions", work / "cold-work", work / "site", work / "aside"
    mcds = str(BIN / "mcds")
    build = [mcds, "build", "--lang", "en", "--submissions", str(submissions), "--out", str(site)]
    work.mkdir(parents=True, exist_ok=True)
    restore(aside, submissions)

    wanted = {"providers": arguments.providers, "microcredentials": arguments.microcredentials, "seed": arguments.seed}
    made_with = work / "submissions.json"
    synth = None
    if not submissions.exists():
        partial = work / "submissions.partial"
        shutil.rmtree(partial, ignore_errors=True)
        synth = checked(run([mcds, "synth", "--providers", str(arguments.providers), "--microcredentials",
                             str(arguments.microcredentials), "--seed", str(arguments.seed), "--out", str(partial)]),
                        "mcds synth")
        partial.rename(submissions)
        made_with.write_text(json.dumps(wanted), encoding="utf-8")
    elif made_with.is_file() and json.loads(made_with.read_text(encoding="utf-8")) != wanted:
        sys.exit(f"{submissions} was synthesised with {made_with.read_text(encoding='utf-8')}, "
                 f"not {json.dumps(wanted)}: remove it or choose another --work")

    runs: dict[str, list[Run]] = {"cold": [], "warm": [], "incremental": []}
    pages: dict[str, int] = {}
    cold_work.mkdir(exist_ok=True)
    for _ in range(arguments.runs):
        shutil.rmtree(cold_work / ".mcds-cache", ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        for name in ("cold", "warm"):
            result = checked(run(build, cwd=cold_work), f"mcds build ({name})")
            runs[name].append(result)
            pages[name] = built_pages(result)
        identifier, title = edit_title(submissions, aside)
        try:
            result = checked(run(build, cwd=cold_work), "mcds build (incremental)")
        finally:
            restore(aside, submissions)
        runs["incremental"].append(result)
        pages["incremental"] = built_pages(result)
        record = (site / "en" / "catalogue" / identifier / "index.html").read_text(encoding="utf-8")
        if title not in html.unescape(record):
            print(f"WARNING: the incremental build did not show the new title of {identifier}", file=sys.stderr)

    cold, warm, incremental = (Step(label, *summarize(runs[name]), pages[name]) for name, label in (
        ("cold", "b. cold: validation + full build"), ("warm", "c. warm rebuild, no change"),
        ("incremental", "d. incremental, 1 provider changed")))
    plain = None if arguments.skip_plain else plain_mkdocs(site, work / "plain", arguments.runs)

    print(f"catalogue: {arguments.providers} providers, {arguments.microcredentials:,} microcredentials, "
          f"seed {arguments.seed}; {arguments.runs} run(s), medians; peak = whole process tree")
    print(f"{'step':<38} {'wall s':>8} {'peak MiB':>9} {'pages':>8} {'pages/s':>8}")
    if synth is None:
        print(f"{'a. synth submissions':<38} {'-':>8} {'-':>9} {'-':>8} {'-':>8}  (skipped: WORK/submissions exists)")
    else:
        print(f"{'a. synth submissions':<38} {synth.wall:>8.2f} {synth.peak:>9.0f} {'-':>8} {'-':>8}")
    for step in (cold, warm, incremental, *([plain] if plain else [])):
        print(f"{step.name:<38} {step.wall:>8.2f} {step.peak:>9.0f} {step.pages:>8,} {step.rate:>8.0f}"
              + (f"  ({step.note})" if step.note else ""))
    if plain is not None:
        for name, step in (("cold", cold), ("warm", warm), ("incremental", incremental)):
            print(f"ratio pages/s, mcds {name} / plain MkDocs: {step.rate / plain.rate:.2f}")

    if arguments.microcredentials == NATIONAL_MICROCREDENTIALS:
        print(f"target: cold (validation + full build) under 8 minutes: {cold.wall:.1f} s — "
              f"{status(cold.wall < 480)}")
        return
    scale = "" if arguments.microcredentials == DEFAULT_MICROCREDENTIALS else (
        f" (target set for {DEFAULT_MICROCREDENTIALS:,} microcredentials; this run has {arguments.microcredentials:,})")
    print(f"target: cold (validation + full build) under 90 s: {cold.wall:.1f} s — {status(cold.wall < 90)}{scale}")
    print(f"target: cold peak under 2 GB ({2 * GB:,.0f} MiB): {cold.peak:,.0f} MiB — "
          f"{status(cold.peak < 2 * GB)}{scale}")
    print(f"target: incremental under 15 s: {incremental.wall:.1f} s — {status(incremental.wall < 15)}{scale}")

if __name__ == "__main__":
    main()
