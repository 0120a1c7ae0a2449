"""Benchmark: exporting the synthetic national catalogue (200 providers, 20,000 microcredentials) to each format
(CTDL, ELM, Open Badges 3.0, schema.org), as `mcds export --out DIR` writes it: one file per record plus
bulk.json per provider. Each format runs in a fresh process that reads the 200 submissions as the publication
gate reads them (already validated: validation has its own benchmarks), exports them and writes the files.

Run: .venv/bin/python benchmarks/export.py [--runs 3] [--providers 200] [--microcredentials 20000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from common import run, status, summarize, synth

TARGET = 60.0  # seconds per format, issue 14


def export_all(catalogue: Path, format_name: str, out: Path) -> None:
    """The work measured, in this process: read every submission, export it, write its files."""
    from mcds.exports import FORMATS
    from mcds.publish.gate import contained, read_document
    from mcds.util.io import json_text, write_atomic

    started = time.perf_counter()
    documents = [(package.name, read_document(package)) for package in sorted(catalogue.iterdir()) if package.is_dir()]
    read = time.perf_counter()
    count = 0
    for name, document in documents:
        result = FORMATS[format_name].export(document)
        folder = out / name
        folder.mkdir(parents=True)
        for identifier, record in result.records.items():
            write_atomic(contained(folder, identifier, ".json", new=False), json_text(record))
        write_atomic(folder / "bulk.json", json_text(result.bulk))
        count += len(result.records)
    done = time.perf_counter()
    print(f"{format_name}: {count} records; reading {read - started:.1f} s, exporting and writing {done - read:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--microcredentials", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one", nargs=3, metavar=("CATALOGUE", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        catalogue, format_name, out = arguments.one
        export_all(Path(catalogue), format_name, Path(out))
        return
    from mcds.exports import FORMATS

    with tempfile.TemporaryDirectory() as scratch:
        catalogue = Path(scratch) / "catalogue"
        synth(catalogue, arguments.providers, arguments.microcredentials, seed=arguments.seed)
        print(f"catalogue: {arguments.providers} providers, {arguments.microcredentials} microcredentials, seed {arguments.seed}")
        print(f"{'format':<10} {'median wall (s)':>16} {'records/s':>10} {'peak MiB':>9}  target {TARGET:.0f} s")
        for format_name in sorted(FORMATS):
            runs = []
            for n in range(arguments.runs):
                out = Path(scratch) / f"{format_name}-{n}"
                runs.append([sys.executable, __file__, "--one", str(catalogue), format_name, str(out)])
            wall, peak = _measure_each(runs)
            print(f"{format_name:<10} {wall:>16.2f} {arguments.microcredentials / wall:>10.0f} {peak:>9.0f}  {status(wall < TARGET)}")


def _measure_each(commands: list[list[str]]) -> tuple[float, float]:
    """Median wall and largest peak of the commands, each run once (each writes to its own new folder)."""
    results = [run(command) for command in commands]
    for result in results:
        if result.returncode != 0:
            sys.exit(result.output)
    return summarize(results)


if __name__ == "__main__":
    main()
