"""Benchmark: the dashboard's share of `mcds build` on the synthetic national catalogue (200 providers, 20,000
microcredentials): its seven pages (Markdown for MkDocs) and every chart's CSV, in English and French, as the
build computes them (the charts once, then written as pages and as CSVs).

The submissions are read as the publication gate reads them, already validated (validation has its own
benchmarks); reading is timed apart. The whole build, dashboard included, is measured by build_catalogue.py.

Run: .venv/bin/python benchmarks/dashboard.py [--providers 200] [--microcredentials 20000] [--seed 7]
     [--work /tmp/mcds-bench-dashboard]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from common import synth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--microcredentials", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/mcds-bench-dashboard"))
    options = parser.parse_args()
    submissions = options.work / "submissions"
    synth(submissions, options.providers, options.microcredentials, seed=options.seed)

    from mcds.portal import dashboard
    from mcds.portal.catalogue_pages import CataloguePages
    from mcds.portal.records import Words
    from mcds.publish.gate import Catalogue, Submission, read_document

    started = time.perf_counter()
    catalogue = Catalogue([Submission(p.name, "", True, 0, 0, read_document(p))
                           for p in sorted(submissions.iterdir()) if p.is_dir()])
    pages = CataloguePages(catalogue)
    print(f"read {len(catalogue.microcredentials()):,} microcredentials of {len(catalogue.published)} providers "
          f"in {time.perf_counter() - started:.1f} s")
    total = 0.0
    with tempfile.TemporaryDirectory() as out:
        for lang in ("en", "fr"):
            wall, cpu = time.perf_counter(), time.process_time()
            computed = dashboard.compute(pages, lang)
            markdown = dashboard.markdown_pages(pages, lang, computed)
            dashboard.write_csvs(computed, Words(lang), Path(out) / lang)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            total += wall
            files = list((Path(out) / lang).rglob("*.csv"))
            print(f"{lang}: {len(markdown)} pages ({sum(map(len, markdown.values())) / 1024:,.0f} KB of Markdown) and "
                  f"{len(files)} CSVs ({sum(f.stat().st_size for f in files) / 1024:,.0f} KB) in {wall:.2f} s "
                  f"({cpu:.2f} s CPU)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"dashboard, both languages: {total:.2f} s; peak memory of this process {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
