"""Benchmark: the portal's search index (Pagefind, mcds/portal/search.py) on a national-scale synthetic catalogue.

It synthesises submissions (`mcds synth`), builds the portal (`mcds build`, from the work folder so that the
checkout's .mcds-cache/ is not used), then:

- indexes each language again alone, in a fresh process, and prints its wall time and the peak memory of that
  process with the Pagefind program (the cost that indexing adds to `mcds build`), and whether the files it
  writes are byte for byte those of the build (the index is deterministic);
- prints each language's index size on disk, raw and gzip (level 6, as served);
- serves the site with gzip like a production web server and, in Chromium (a fresh context each time, so with
  an empty cache), makes a first query on the search page and a first keyword on the Find page, and prints the
  bytes these load from the index (pagefind/ and search/records.json) over the wire. The target is 1 MB per
  language at 20,000 microcredentials.

Run: .venv/bin/python benchmarks/search_index.py [--providers 200] [--microcredentials 20000] [--seed 7]
     [--work /tmp/mcds-search-bench]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shlex
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from common import BIN, catalogue_options, run, synth
from find_browser import serving

from mcds.portal import search

LANGUAGES = ("en", "fr")
LIMIT = 1_000_000  # bytes, gzip, loaded by a first query, per language
QUERIES = {"en": "health", "fr": "santé"}


def digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() for p in files)).hexdigest()


def index_only(work: Path) -> None:
    """Index the built site of `work` again, language by language (run in its own process by main)."""
    from mcds.portal.catalogue_pages import CataloguePages
    from mcds.publish.gate import gather

    os.chdir(work)
    gathered = gather((work / "submissions").absolute(), cache=(work / ".mcds-cache").absolute())
    pages = CataloguePages(gathered)
    for lang in LANGUAGES:
        root = work / "site" / lang
        start = time.perf_counter()
        counts = search.index_language(root, lang, pages)
        print(json.dumps({"lang": lang, "seconds": time.perf_counter() - start, **counts}))


def first_query_bytes(base: str, lang: str, chromium: Path) -> dict[str, int]:
    """Bytes over the wire that the index sends for a first query on the search page and on the Find page."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
        for name, path, ready in (
                ("search page", f"{lang}/search/?q={quote(QUERIES[lang])}", "#mcds-search-results li"),
                ("Find page", f"{lang}/catalogue/?text={quote(QUERIES[lang])}&sort=relevance", None)):
            context = browser.new_context()
            page = context.new_page()
            sizes: list[tuple[str, int]] = []
            page.on("requestfinished", lambda request, sizes=sizes: sizes.append(
                (urlsplit(request.url).path, request.sizes()["responseBodySize"])))
            page.goto(f"{base}/{path}")
            if ready:
                page.wait_for_selector(ready, timeout=120_000)
            else:
                page.wait_for_function("document.getElementById('mcds-count').textContent !== ''", timeout=120_000)
                page.evaluate("""text => new Promise(done => {
                    let asked = 0;
                    const ask = () => { asked += 1; if (window.mcdsFindSearch.ranks(text, ask) || asked > 1) { done(); } };
                    ask();
                })""", QUERIES[lang])
            found[name] = sum(size for url, size in sizes if f"/{lang}/{search.BUNDLE}/" in url or url.endswith(search.RECORDS))
            context.close()
        browser.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    catalogue_options(parser, "/tmp/mcds-search-bench")
    parser.add_argument("--index-only", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    work = arguments.work.absolute()
    if arguments.index_only:
        index_only(work)
        return
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    synth(work / "submissions", arguments.providers, arguments.microcredentials, seed=arguments.seed)
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")
    print(f"cores: {os.cpu_count()}; synth: {time.perf_counter() - start:.1f} s")
    site = work / "site"
    if not site.exists():
        built = run([str(BIN / "mcds"), "build", "--submissions", str(work / "submissions"), "--out", str(site)], cwd=work)
        if built.returncode != 0:
            sys.exit(f"search_index: mcds build failed:\n{built.output}")
        print(f"mcds build (indexing included): {built.wall:.1f} s, peak {built.peak:,.0f} MiB")
    before = {lang: digest(site / lang / search.BUNDLE) for lang in LANGUAGES}
    indexed = run([sys.executable, __file__, "--work", str(work), "--index-only"], cwd=Path(__file__).parent)
    if indexed.returncode != 0:
        sys.exit(f"search_index: indexing failed:\n{indexed.output}")
    timings = [json.loads(line) for line in indexed.output.splitlines() if line.startswith("{")]
    print(f"indexing alone, both languages (catalogue loaded from the cache): {indexed.wall:.1f} s, "
          f"peak {indexed.peak:,.0f} MiB (Python and Pagefind)")
    for timing in timings:
        print(f"  {timing['lang']}: {timing['seconds']:.1f} s for {timing['records']:,} records and providers and "
              f"{timing['documentation']:,} documentation pages")
    print()
    with serving(site) as base:
        for lang in LANGUAGES:
            files = search.bundle_files(site / lang) + [site / lang / search.RECORDS]
            raw = sum(p.stat().st_size for p in files)
            zipped = sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in files)
            same = digest(site / lang / search.BUNDLE) == before[lang]
            print(f"{lang}: index {len(files):,} files, {raw / 1e6:.1f} MB raw, {zipped / 1e6:.1f} MB gzip; "
                  f"same bytes as the build: {'yes' if same else 'NO'}")
            for name, size in first_query_bytes(base, lang, arguments.chromium).items():
                status = "met" if size <= LIMIT else "NOT MET"
                print(f"{lang}: first query on the {name} ({QUERIES[lang]!r}) loads {size / 1e3:,.0f} KB over the wire "
                      f"(target under {LIMIT / 1e6:.0f} MB): {status}")


if __name__ == "__main__":
    main()
