"""Benchmark: `mcds convert` on one typical provider submission (500 microcredentials with their child rows),
start-up and the validation it reports included: the folder to a filled workbook, that workbook back to a
folder, and the folder to a JSON document.

Run: .venv/bin/python benchmarks/convert.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import BIN, measure, synth, table_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--microcredentials", type=int, default=500)
    arguments = parser.parse_args()
    mcds = str(BIN / "mcds")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        synth(root / "submission", 1, arguments.microcredentials, observations=2000, seed=7)
        package = next((root / "submission").iterdir())
        count = sum(table_rows(package).values())
        workbook = root / f"{package.name}.xlsx"
        steps = {
            "folder -> xlsx": [mcds, "convert", str(package), "--to", "xlsx", "--out", str(workbook)],
            "xlsx -> folder": [mcds, "convert", str(workbook), "--to", "folder", "--out", str(root / "back")],
            "folder -> json": [mcds, "convert", str(package), "--to", "json", "--out", str(root / "doc.json")],
        }
        results = {}
        for name, command in steps.items():
            # Each run must write a new output: remove the last one between runs (outside the timing).
            def fresh(command: list[str] = command) -> list[str]:
                target = Path(command[-1])
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink(missing_ok=True)
                return command

            times = [measure(fresh(command), 1) for _ in range(arguments.runs)]
            results[name] = sorted(times)[len(times) // 2]
        size = workbook.stat().st_size
    print(f"submission: {arguments.microcredentials} microcredentials, {count} rows; workbook {size / 2**20:.1f} MiB")
    print(f"{'step':<18} {'median wall (s)':>16} {'rows/s':>10} {'peak MiB':>9}")
    for name, (wall, peak) in results.items():
        print(f"{name:<18} {wall:>16.2f} {count / wall:>10.0f} {peak:>9.0f}")


if __name__ == "__main__":
    main()
