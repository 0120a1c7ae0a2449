"""Benchmark: Lighthouse's mobile preset on the catalogue's Find page, national-scale synthetic catalogue.

It synthesises submissions (`mcds synth`) and builds the portal (`mcds build`) as find_browser.py does (or
reuses a built site with --site), serves it from 127.0.0.1 with gzip like a production web server
(find_browser.serving), and runs Lighthouse 12 (the npm package, run with npx from a folder outside the
checkout; --lighthouse-dir, installed there on first use) with its default mobile settings (simulated slow 4G
and 4x CPU slowdown) against Debian's Chromium in headless mode. For each language it prints the median over
--runs of the performance score, cumulative layout shift (CLS), largest contentful paint (LCP) and total
blocking time (TBT). Targets: performance at least 90, CLS below 0.1.

Run: .venv/bin/python benchmarks/lighthouse_find.py [--providers 200] [--microcredentials 20000] [--seed 7]
     [--work /tmp/mcds-find-bench] [--runs 3] [--site PATH] [--lighthouse-dir /tmp/mcds-lighthouse]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import catalogue_options
from find_browser import prepare, serving

LANGUAGES = ("en", "fr")
LIGHTHOUSE = "lighthouse@12"
TARGET_SCORE = 90
TARGET_CLS = 0.1


def lighthouse_command(folder: Path) -> list[str]:
    """The Lighthouse command line, installed into `folder` (outside the checkout) when it is not there yet."""
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.is_file():
        if shutil.which("npm") is None:
            sys.exit("lighthouse_find: npm is missing; install Node.js 18 or later")
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(folder), LIGHTHOUSE], check=True,
                       stdout=subprocess.DEVNULL)
    return [str(binary)]


def audit(command: list[str], url: str, chromium: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="mcds-lighthouse-") as scratch:
        report = Path(scratch) / "report.json"
        result = subprocess.run(
            [*command, url, "--only-categories=performance", "--output=json", f"--output-path={report}", "--quiet",
             "--chrome-flags=--headless --no-sandbox --disable-gpu"],
            env={**os.environ, "CHROME_PATH": str(chromium)}, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not report.is_file():
            sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {"score": round(data["categories"]["performance"]["score"] * 100),
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
            "tbt": audits["total-blocking-time"]["numericValue"],
            "fcp": audits["first-contentful-paint"]["numericValue"] / 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    catalogue_options(parser, "/tmp/mcds-find-bench")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="an already built site: skip synthesis and build")
    parser.add_argument("--lighthouse-dir", type=Path, default=Path(tempfile.gettempdir()) / "mcds-lighthouse")
    arguments = parser.parse_args()
    if not arguments.chromium.is_file():
        sys.exit(f"lighthouse_find: Chromium is missing at {arguments.chromium} (give --chromium PATH)")
    site, steps = prepare(arguments)
    for step in steps:
        print(step)
    command = lighthouse_command(arguments.lighthouse_dir.absolute())
    met = True
    with serving(site) as url:
        for lang in LANGUAGES:
            runs = [audit(command, f"{url}/{lang}/catalogue/", arguments.chromium) for _ in range(arguments.runs)]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            scores = ", ".join(str(run["score"]) for run in runs)
            print(f"Find ({lang}), Lighthouse mobile, median of {len(runs)}: performance {median['score']:.0f} "
                  f"(runs: {scores}), CLS {median['cls']:.3f}, LCP {median['lcp']:.2f} s, FCP {median['fcp']:.2f} s, "
                  f"TBT {median['tbt']:.0f} ms")
            met = met and median["score"] >= TARGET_SCORE and median["cls"] < TARGET_CLS
    print(f"targets (performance >= {TARGET_SCORE}, CLS < {TARGET_CLS}): {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
