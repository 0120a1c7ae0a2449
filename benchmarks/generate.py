"""Benchmark: `mcds generate` regenerates every artefact of the standard and its profiles in one process
(target: under 10 seconds), start-up included.

Run: .venv/bin/python benchmarks/generate.py [--runs 3]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import BIN, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        wall, peak = measure([str(BIN / "mcds"), "generate", "--out", str(Path(scratch) / "generated")], arguments.runs)
        files = sum(1 for p in (Path(scratch) / "generated").rglob("*") if p.is_file())
    print(f"{'command':<28} {'files':>6} {'median wall (s)':>16} {'peak MiB':>9}")
    print(f"{'mcds generate':<28} {files:>6} {wall:>16.2f} {peak:>9.0f}")


if __name__ == "__main__":
    main()
