"""Benchmark: `mcds validate` on one typical provider submission (500 microcredentials with their child rows),
start-up included, against plain `frictionless validate` with the generated profile on the same package.

Run: .venv/bin/python benchmarks/validate_submission.py [--runs 5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import BIN, measure, synth, table_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--microcredentials", type=int, default=500)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "submission"
        synth(out, 1, arguments.microcredentials, observations=2000, seed=7)
        package = next(out.iterdir())
        tables = table_rows(package)
        count = sum(tables.values())
        ours, ours_peak = measure([str(BIN / "mcds"), "validate", str(package)], arguments.runs)
        plain, plain_peak = measure([str(BIN / "frictionless"), "validate", str(package / "datapackage.json")], arguments.runs)
    print(f"submission: {arguments.microcredentials} microcredentials, {count} rows in {len(tables)} tables")
    print(f"{'tool':<34} {'median wall (s)':>16} {'rows/s':>10} {'peak MiB':>9}")
    print(f"{'mcds validate (all layers)':<34} {ours:>16.2f} {count / ours:>10.0f} {ours_peak:>9.0f}")
    print(f"{'frictionless validate (layer 1)':<34} {plain:>16.2f} {count / plain:>10.0f} {plain_peak:>9.0f}")
    print(f"ratio mcds / plain frictionless: {ours / plain:.2f}")


if __name__ == "__main__":
    main()
